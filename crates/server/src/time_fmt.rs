//! Time for people is Europe/Copenhagen; storage is UTC. API instants carry the Copenhagen offset
//! of their moment (`+01:00` in winter, `+02:00` in summer), as API.md's examples do.

use jiff::Timestamp;
use jiff::tz::TimeZone;

pub fn copenhagen() -> TimeZone {
    // The bundled tz database always has this zone; UTC is a safe fallback that keeps instants
    // correct (only the displayed offset would differ).
    TimeZone::get("Europe/Copenhagen").unwrap_or(TimeZone::UTC)
}

/// RFC 3339 with the Copenhagen offset, to the second: `2026-03-02T09:00:00+01:00`.
pub fn rfc3339(ts: Timestamp) -> String {
    ts.to_zoned(copenhagen())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// For pages: `2. marts 2026 kl. 09:00` style, day.month.year and time, in Copenhagen time.
pub fn local_display(ts: Timestamp) -> String {
    ts.to_zoned(copenhagen())
        .strftime("%d.%m.%Y %H:%M")
        .to_string()
}

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

/// A day as people say it: `mandag 2. marts 2026` / `Monday 2 March 2026`.
pub fn long_date(date: jiff::civil::Date, lang: crate::i18n::Lang) -> String {
    let weekday = usize::from(date.weekday().to_monday_zero_offset().unsigned_abs());
    let month = usize::from(date.month().unsigned_abs()).saturating_sub(1);
    match lang {
        crate::i18n::Lang::Da => format!(
            "{} {}. {} {}",
            DA_WEEKDAYS[weekday % 7],
            date.day(),
            DA_MONTHS[month % 12],
            date.year()
        ),
        crate::i18n::Lang::En => format!(
            "{} {} {} {}",
            EN_WEEKDAYS[weekday % 7],
            date.day(),
            EN_MONTHS[month % 12],
            date.year()
        ),
    }
}

/// The Copenhagen date of an instant.
pub fn local_date(ts: Timestamp) -> jiff::civil::Date {
    ts.to_zoned(copenhagen()).date()
}

/// `09:00`, Copenhagen time.
pub fn clock(ts: Timestamp) -> String {
    ts.to_zoned(copenhagen()).strftime("%H:%M").to_string()
}

/// `mandag 2. marts 2026 kl. 09:00–09:30`.
pub fn when(start: Timestamp, end: Timestamp, lang: crate::i18n::Lang) -> String {
    let at = match lang {
        crate::i18n::Lang::Da => "kl.",
        crate::i18n::Lang::En => "at",
    };
    format!(
        "{} {at} {}–{}",
        long_date(local_date(start), lang),
        clock(start),
        clock(end)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_danes_say_them_across_the_clock_change() {
        use crate::i18n::Lang;
        let start: Timestamp = "2026-03-30T07:00:00Z".parse().expect("ts");
        let end: Timestamp = "2026-03-30T07:30:00Z".parse().expect("ts");
        assert_eq!(
            when(start, end, Lang::Da),
            "mandag 30. marts 2026 kl. 09:00–09:30"
        );
        assert_eq!(
            when(start, end, Lang::En),
            "Monday 30 March 2026 at 09:00–09:30"
        );
        let winter: Timestamp = "2026-03-27T08:00:00Z".parse().expect("ts");
        assert_eq!(clock(winter), "09:00");
    }

    #[test]
    fn offsets_follow_the_danish_clock_change() {
        // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST (01:00 UTC).
        let before: Timestamp = "2026-03-29T00:59:59Z".parse().expect("ts");
        let after: Timestamp = "2026-03-29T01:00:00Z".parse().expect("ts");
        assert_eq!(rfc3339(before), "2026-03-29T01:59:59+01:00");
        assert_eq!(rfc3339(after), "2026-03-29T03:00:00+02:00");
        // 25 October 2026: back from 03:00 CEST to 02:00 CET (01:00 UTC).
        let autumn: Timestamp = "2026-10-25T01:30:00Z".parse().expect("ts");
        assert_eq!(rfc3339(autumn), "2026-10-25T02:30:00+01:00");
        assert_eq!(local_display(autumn), "25.10.2026 02:30");
    }
}
