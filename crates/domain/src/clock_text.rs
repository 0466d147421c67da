//! Times as Danes read them, in Europe/Copenhagen: `mandag 2. marts 2026 kl. 09:00–09:30`.
//! Used by pages, notices and letters alike, so a time reads the same everywhere.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

const DA_WEEKDAYS: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];
const EN_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const DA_MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The time zone people live in. The bundled tz database always has it; UTC keeps instants
/// right if it were ever missing. Looked up once: a lookup reads the database, and plans turn
/// millions of meeting times into dates (cloning a `TimeZone` is a reference count).
pub fn copenhagen() -> TimeZone {
    static ZONE: std::sync::LazyLock<TimeZone> =
        std::sync::LazyLock::new(|| TimeZone::get("Europe/Copenhagen").unwrap_or(TimeZone::UTC));
    ZONE.clone()
}

/// `mandag 2. marts 2026` or, in English, `Monday 2 March 2026`.
pub fn long_date(date: Date, english: bool) -> String {
    let weekday = usize::from(date.weekday().to_monday_zero_offset().unsigned_abs()) % 7;
    let month = usize::from(date.month().unsigned_abs()).saturating_sub(1) % 12;
    if english {
        format!(
            "{} {} {} {}",
            EN_WEEKDAYS[weekday],
            date.day(),
            EN_MONTHS[month],
            date.year()
        )
    } else {
        format!(
            "{} {}. {} {}",
            DA_WEEKDAYS[weekday],
            date.day(),
            DA_MONTHS[month],
            date.year()
        )
    }
}

/// `marts 2026` (Danish) or `March 2026`: a month of a report.
pub fn month_year(date: Date, english: bool) -> String {
    let month = usize::from(date.month().unsigned_abs()).saturating_sub(1) % 12;
    let name = if english {
        EN_MONTHS[month]
    } else {
        DA_MONTHS[month]
    };
    format!("{name} {}", date.year())
}

/// `14. marts` (Danish) or `14 March`, with the year added when it is not `this_year`:
/// deadlines read shortest this way.
pub fn day_month(date: Date, this_year: i16, english: bool) -> String {
    let month = usize::from(date.month().unsigned_abs()).saturating_sub(1) % 12;
    let year = if date.year() == this_year {
        String::new()
    } else {
        format!(" {}", date.year())
    };
    if english {
        format!("{} {}{year}", date.day(), EN_MONTHS[month])
    } else {
        format!("{}. {}{year}", date.day(), DA_MONTHS[month])
    }
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

/// `mandag 30. marts 2026 kl. 09:00–09:30`.
pub fn when(start: Timestamp, end: Timestamp, english: bool) -> String {
    let at = if english { "at" } else { "kl." };
    format!(
        "{} {at} {}–{}",
        long_date(local_date(start), english),
        clock(start),
        clock(end)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_danes_say_them_across_the_clock_change() {
        let start: Timestamp = "2026-03-30T07:00:00Z".parse().expect("ts");
        let end: Timestamp = "2026-03-30T07:30:00Z".parse().expect("ts");
        assert_eq!(
            when(start, end, false),
            "mandag 30. marts 2026 kl. 09:00–09:30"
        );
        assert_eq!(
            when(start, end, true),
            "Monday 30 March 2026 at 09:00–09:30"
        );
        let winter: Timestamp = "2026-03-27T08:00:00Z".parse().expect("ts");
        assert_eq!(clock(winter), "09:00");
    }
}
