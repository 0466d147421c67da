//! Time as people in Denmark live it: Europe/Copenhagen, its dates and its clock. The words for
//! dates ("mandag 2. marts") are in the catalogue (`catalogue::dates`); these are the numbers.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The time zone people live in. The bundled tz database always has it; UTC keeps instants
/// right if it were ever missing. Looked up once: a lookup reads the database, and plans turn
/// millions of meeting times into dates (cloning a `TimeZone` is a reference count).
pub fn copenhagen() -> TimeZone {
    static ZONE: std::sync::LazyLock<TimeZone> =
        std::sync::LazyLock::new(|| TimeZone::get("Europe/Copenhagen").unwrap_or(TimeZone::UTC));
    ZONE.clone()
}

/// Midnight in Copenhagen at the start of `date` (clocks change at 02:00/03:00, so midnight
/// always exists once).
pub fn day_start(date: Date) -> Timestamp {
    date.to_zoned(copenhagen())
        .map_or(Timestamp::UNIX_EPOCH, |z| z.timestamp())
}

/// The Copenhagen date of an instant.
pub fn local_date(ts: Timestamp) -> Date {
    ts.to_zoned(copenhagen()).date()
}

/// `09:00`, Copenhagen time.
pub fn clock(ts: Timestamp) -> String {
    ts.to_zoned(copenhagen()).strftime("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_reads_copenhagen_time_on_both_sides_of_the_change() {
        let winter: Timestamp = "2026-03-27T08:00:00Z".parse().expect("ts");
        let summer: Timestamp = "2026-03-30T07:00:00Z".parse().expect("ts");
        assert_eq!(clock(winter), "09:00");
        assert_eq!(clock(summer), "09:00");
        assert_eq!(local_date(summer), Date::constant(2026, 3, 30));
    }
}
