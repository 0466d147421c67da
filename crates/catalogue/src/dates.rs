//! Dates and times in words, in Europe/Copenhagen, by each language's own pattern in
//! `common.ftl` (`date-long`, `date-at`, …): "mandag 2. marts 2026 kl. 09:00–09:30", "Monday 2
//! March 2026 at 09:00–09:30". Pages, notices, letters and calendar files all call these, so a
//! time reads the same everywhere.

use domain::clock_text::{clock, local_date};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Arg, Lang};

/// The day's parts as the date messages take them: weekday 1 (Monday) to 7, month 1 to 12.
fn parts(date: Date) -> [(&'static str, Arg<'static>); 4] {
    [
        (
            "weekday",
            Arg::Number(i64::from(date.weekday().to_monday_one_offset())),
        ),
        ("day", Arg::Number(i64::from(date.day()))),
        ("month", Arg::Number(i64::from(date.month()))),
        ("year", Arg::Number(i64::from(date.year()))),
    ]
}

/// `mandag 2. marts 2026`.
pub fn long_date(lang: Lang, date: Date) -> String {
    lang.fmt("date-long", &parts(date))
}

/// `marts 2026`: a month of a report.
pub fn month_year(lang: Lang, date: Date) -> String {
    lang.fmt("date-month-year", &parts(date))
}

/// `14. marts`, with the year when it is not `this_year`: deadlines read shortest this way.
pub fn day_month(lang: Lang, date: Date, this_year: i16) -> String {
    if date.year() == this_year {
        lang.fmt("date-day-month", &parts(date))
    } else {
        lang.fmt("date-day-month-year", &parts(date))
    }
}

/// `2. marts 2026`: a date in a list or a detail (unemployed since, decided on), the one
/// format pages show a date in (issue 20).
pub fn date(lang: Lang, date: Date) -> String {
    lang.fmt("date-day-month-year", &parts(date))
}

/// `2. marts 2026 kl. 09:00`: when something happened (a message, a read in the access log,
/// a letter printed), in Copenhagen time.
pub fn moment(lang: Lang, at: Timestamp) -> String {
    let date = date(lang, local_date(at));
    let time = clock(at);
    lang.fmt(
        "date-at",
        &[("date", Arg::from(&date)), ("time", Arg::from(&time))],
    )
}

/// `mandag 2. marts 2026 kl. 09:00`: when something starts.
pub fn starts(lang: Lang, start: Timestamp) -> String {
    let date = long_date(lang, local_date(start));
    let time = clock(start);
    lang.fmt(
        "date-at",
        &[("date", Arg::from(&date)), ("time", Arg::from(&time))],
    )
}

/// `mandag 2. marts 2026 kl. 09:00–09:30`.
pub fn when(lang: Lang, start: Timestamp, end: Timestamp) -> String {
    let date = long_date(lang, local_date(start));
    let (from, to) = (clock(start), clock(end));
    lang.fmt(
        "date-span",
        &[
            ("date", Arg::from(&date)),
            ("start", Arg::from(&from)),
            ("end", Arg::from(&to)),
        ],
    )
}

/// `tirsdag den 8. december 2026 kl. 9.30`: when a meeting starts, as a letter says it to a
/// person who reads it once (issue 19) — the weekday, "den", and the hour as it is spoken,
/// without a leading zero. Danish writes the clock with a full stop (Retskrivningsordbogen).
pub fn spoken(lang: Lang, start: Timestamp) -> String {
    let zoned = start.to_zoned(domain::clock_text::copenhagen());
    let [weekday, day, month, year] = parts(zoned.date());
    let minute = format!("{:02}", zoned.minute());
    lang.fmt(
        "date-spoken",
        &[
            weekday,
            day,
            month,
            year,
            ("hour", Arg::Number(i64::from(zoned.hour()))),
            ("minute", Arg::from(&minute)),
        ],
    )
}

/// The weekday's name (`mandag`), for calendar headings.
pub fn weekday(lang: Lang, date: Date) -> String {
    lang.fmt("date-weekday", &parts(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_each_language_says_them_across_the_clock_change() {
        let start: Timestamp = "2026-03-30T07:00:00Z".parse().expect("ts");
        let end: Timestamp = "2026-03-30T07:30:00Z".parse().expect("ts");
        assert_eq!(
            when(Lang::Da, start, end),
            "mandag 30. marts 2026 kl. 09:00–09:30"
        );
        assert_eq!(
            when(Lang::En, start, end),
            "Monday 30 March 2026 at 09:00–09:30"
        );
        assert_eq!(
            when(Lang::Uk, start, end),
            "понеділок, 30 березня 2026 р. о 09:00–09:30"
        );
        assert_eq!(
            spoken(Lang::Da, start),
            "mandag den 30. marts 2026 kl. 9.00"
        );
        assert_eq!(spoken(Lang::En, start), "Monday 30 March 2026 at 9:00");
        assert_eq!(
            spoken(Lang::Uk, start),
            "понеділок, 30 березня 2026 р. о 9:00"
        );
        let half_past: Timestamp = "2026-12-08T08:30:00Z".parse().expect("ts");
        assert_eq!(
            spoken(Lang::Da, half_past),
            "tirsdag den 8. december 2026 kl. 9.30"
        );
        // The Friday before the change is still winter time: UTC+1.
        let winter: Timestamp = "2026-03-27T08:00:00Z".parse().expect("ts");
        assert_eq!(starts(Lang::Da, winter), "fredag 27. marts 2026 kl. 09:00");
    }

    #[test]
    fn months_stand_alone_in_reports_and_without_the_year_this_year() {
        let d = Date::constant(2026, 3, 14);
        assert_eq!(month_year(Lang::Da, d), "marts 2026");
        assert_eq!(month_year(Lang::Uk, d), "березень 2026");
        assert_eq!(day_month(Lang::Da, d, 2026), "14. marts");
        assert_eq!(day_month(Lang::En, d, 2025), "14 March 2026");
        assert_eq!(day_month(Lang::Uk, d, 2026), "14 березня");
        assert_eq!(weekday(Lang::En, d), "Saturday");
    }
}
