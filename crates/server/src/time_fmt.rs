//! Time for people is Europe/Copenhagen; storage is UTC. API instants carry the Copenhagen offset
//! of their moment (`+01:00` in winter, `+02:00` in summer), as API.md's examples do.

use jiff::Timestamp;
use jiff::tz::TimeZone;

pub fn copenhagen() -> TimeZone {
    domain::clock_text::copenhagen()
}

/// RFC 3339 with the Copenhagen offset, to the second: `2026-03-02T09:00:00+01:00`.
pub fn rfc3339(ts: Timestamp) -> String {
    ts.to_zoned(copenhagen())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// A day as people say it, in the reader's language.
pub fn long_date(date: jiff::civil::Date, lang: crate::i18n::Lang) -> String {
    catalogue::dates::long_date(lang, date)
}

pub use domain::clock_text::{clock, local_date};

/// `2. marts 2026 kl. 09:00`, in the reader's language: when something happened.
pub fn moment(at: Timestamp, lang: crate::i18n::Lang) -> String {
    catalogue::dates::moment(lang, at)
}

/// `mandag 2. marts 2026 kl. 09:00–09:30`, in the reader's language.
pub fn when(start: Timestamp, end: Timestamp, lang: crate::i18n::Lang) -> String {
    catalogue::dates::when(lang, start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // The hour that comes twice reads as Danish time, whichever of the two it was.
        assert_eq!(
            moment(autumn, crate::i18n::Lang::Da),
            "25. oktober 2026 kl. 02:30"
        );
        assert_eq!(
            moment(
                "2026-10-25T00:30:00Z".parse().expect("ts"),
                crate::i18n::Lang::Da
            ),
            "25. oktober 2026 kl. 02:30"
        );
    }
}
