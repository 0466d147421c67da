//! When an organisation's chat is open: one span a weekday, Copenhagen time, closed on public
//! holidays (issue 21). Parsed once from what an administrator or manager typed ("9:00",
//! "15.30"), stored in a compact form (`mon 09:00-15:00;tue …`) that the same parser reads.

use jiff::Timestamp;
use jiff::ToSpan;
use jiff::civil::{Date, Time, Weekday};

use crate::Invalid;
use crate::clock_text::{copenhagen, local_date};
use crate::holidays::public_holiday;

/// The weekdays, Monday first, by their stored names.
pub const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Monday, "mon"),
    (Weekday::Tuesday, "tue"),
    (Weekday::Wednesday, "wed"),
    (Weekday::Thursday, "thu"),
    (Weekday::Friday, "fri"),
    (Weekday::Saturday, "sat"),
    (Weekday::Sunday, "sun"),
];

/// One day's opening: from `opens` until `closes`, the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenSpan {
    pub opens: Time,
    pub closes: Time,
}

impl OpenSpan {
    /// `opens` before `closes`; both written as people do: "9", "9:00", "09.30".
    pub fn parse(opens: &str, closes: &str) -> Result<OpenSpan, Invalid> {
        let (opens, closes) = (clock_time(opens)?, clock_time(closes)?);
        if opens >= closes {
            return Err(Invalid::Combination);
        }
        Ok(OpenSpan { opens, closes })
    }
}

/// A clock time as people write it: "9", "9:00", "09.30".
pub fn clock_time(text: &str) -> Result<Time, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Invalid::Blank);
    }
    let (h, m) = t.split_once([':', '.']).unwrap_or((t, "0"));
    let number = |s: &str, max: i8| -> Result<i8, Invalid> {
        let n: i8 = s.parse().map_err(|_| Invalid::BadFormat)?;
        if s.len() > 2 || !(0..=max).contains(&n) {
            return Err(Invalid::BadFormat);
        }
        Ok(n)
    };
    Time::new(number(h, 23)?, number(m, 59)?, 0, 0).map_err(|_| Invalid::BadFormat)
}

/// The week's chat hours; a day without a span is closed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChatHours {
    days: [Option<OpenSpan>; 7],
}

impl ChatHours {
    pub fn new(days: [Option<OpenSpan>; 7]) -> ChatHours {
        ChatHours { days }
    }

    pub fn days(&self) -> &[Option<OpenSpan>; 7] {
        &self.days
    }

    /// Closed every day: the chat is not offered at all.
    pub fn is_never_open(&self) -> bool {
        self.days.iter().all(Option::is_none)
    }

    /// The stored form: `mon 09:00-15:00;wed 10:00-12:00` (closed days left out).
    pub fn to_stored(&self) -> String {
        DAYS.iter()
            .zip(&self.days)
            .filter_map(|((_, name), span)| {
                span.map(|s| {
                    format!(
                        "{name} {}-{}",
                        s.opens.strftime("%H:%M"),
                        s.closes.strftime("%H:%M")
                    )
                })
            })
            .collect::<Vec<_>>()
            .join(";")
    }

    /// What [`Self::to_stored`] wrote.
    pub fn from_stored(text: &str) -> Result<ChatHours, Invalid> {
        let mut days = [None; 7];
        for part in text.split(';').filter(|p| !p.trim().is_empty()) {
            let (name, span) = part.trim().split_once(' ').ok_or(Invalid::BadFormat)?;
            let (opens, closes) = span.split_once('-').ok_or(Invalid::BadFormat)?;
            let at = DAYS
                .iter()
                .position(|(_, n)| *n == name)
                .ok_or(Invalid::BadFormat)?;
            days[at] = Some(OpenSpan::parse(opens, closes)?);
        }
        Ok(ChatHours { days })
    }

    /// The span for `date`, unless it is a public holiday.
    fn span_on(&self, date: Date) -> Option<OpenSpan> {
        if public_holiday(date).is_some() {
            return None;
        }
        self.days[usize::from(date.weekday().to_monday_zero_offset().unsigned_abs())]
    }

    /// When the chat closes, if it is open at `at`.
    pub fn open_until(&self, at: Timestamp) -> Option<Timestamp> {
        let date = local_date(at);
        let span = self.span_on(date)?;
        let (opens, closes) = (instant(date, span.opens)?, instant(date, span.closes)?);
        (opens <= at && at < closes).then_some(closes)
    }

    /// The next time the chat opens after `at` (or `at` itself when it is open), looking up to
    /// three weeks ahead (Christmas and Easter close several days in a row); `None` when it
    /// never opens.
    pub fn next_opening(&self, at: Timestamp) -> Option<Timestamp> {
        if self.open_until(at).is_some() {
            return Some(at);
        }
        let mut date = local_date(at);
        for _ in 0..21 {
            if let Some(span) = self.span_on(date)
                && let Some(opens) = instant(date, span.opens)
                && opens > at
            {
                return Some(opens);
            }
            date = date.checked_add(1.day()).ok()?;
        }
        None
    }
}

/// A Copenhagen clock time on `date` as an instant; a time the spring change skips is taken as
/// the instant after it.
fn instant(date: Date, time: Time) -> Option<Timestamp> {
    date.to_datetime(time)
        .to_zoned(copenhagen())
        .ok()
        .map(|z| z.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    fn weekdays_9_to_15() -> ChatHours {
        let span = OpenSpan::parse("9", "15:00").expect("span");
        ChatHours::new([
            Some(span),
            Some(span),
            Some(span),
            Some(span),
            Some(span),
            None,
            None,
        ])
    }

    #[test]
    fn hours_are_written_as_people_write_them_and_stored_compactly() {
        assert_eq!(
            OpenSpan::parse("9.30", "15"),
            Ok(OpenSpan {
                opens: Time::constant(9, 30, 0, 0),
                closes: Time::constant(15, 0, 0, 0)
            })
        );
        assert_eq!(OpenSpan::parse("15", "9"), Err(Invalid::Combination));
        assert_eq!(OpenSpan::parse("25", "26"), Err(Invalid::BadFormat));
        assert_eq!(OpenSpan::parse("9:75", "10"), Err(Invalid::BadFormat));
        assert_eq!(OpenSpan::parse("", "10"), Err(Invalid::Blank));
        let hours = weekdays_9_to_15();
        let stored = hours.to_stored();
        assert!(
            stored.starts_with("mon 09:00-15:00;tue 09:00-15:00"),
            "{stored}"
        );
        assert_eq!(ChatHours::from_stored(&stored), Ok(hours));
        assert_eq!(ChatHours::from_stored(""), Ok(ChatHours::default()));
        assert!(ChatHours::default().is_never_open());
    }

    #[test]
    fn open_in_copenhagen_time_on_both_sides_of_the_clock_change() {
        let hours = weekdays_9_to_15();
        // Friday 27 March 2026 (winter, UTC+1) and Monday 30 March (summer, UTC+2): 9:00 local.
        assert_eq!(hours.open_until(at("2026-03-27T07:59:00Z")), None);
        assert_eq!(
            hours.open_until(at("2026-03-27T08:00:00Z")),
            Some(at("2026-03-27T14:00:00Z"))
        );
        assert_eq!(
            hours.open_until(at("2026-03-30T07:30:00Z")),
            Some(at("2026-03-30T13:00:00Z"))
        );
        assert_eq!(
            hours.open_until(at("2026-03-30T13:00:00Z")),
            None,
            "closed at 15:00"
        );
        // Closed over the weekend of the change: Friday after closing opens Monday 9:00 summer time.
        assert_eq!(
            hours.next_opening(at("2026-03-27T15:00:00Z")),
            Some(at("2026-03-30T07:00:00Z"))
        );
    }

    #[test]
    fn public_holidays_are_closed_and_the_next_opening_skips_them() {
        let hours = weekdays_9_to_15();
        // Thursday 24 December 2026 is open (not a public holiday); 25 (Friday) is closed, and
        // after the weekend Monday 28 December opens.
        assert!(hours.open_until(at("2026-12-24T09:00:00Z")).is_some());
        assert_eq!(hours.open_until(at("2026-12-25T09:00:00Z")), None);
        assert_eq!(
            hours.next_opening(at("2026-12-24T15:00:00Z")),
            Some(at("2026-12-28T08:00:00Z"))
        );
        // Skærtorsdag to 2. påskedag 2027 (25–29 March): Wednesday evening opens Tuesday.
        assert_eq!(
            hours.next_opening(at("2027-03-24T18:00:00Z")),
            Some(at("2027-03-30T07:00:00Z"))
        );
        assert_eq!(
            ChatHours::default().next_opening(at("2026-12-24T09:00:00Z")),
            None
        );
    }
}
