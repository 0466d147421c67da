//! The contact report's rows: counts of meetings by outcome and of survey answers, turned into
//! shares with the anonymity rule applied — a share built from fewer than five answers is not
//! shown ([`crate::surveys::MIN_CELL`]).

use crate::enums::wire_enum;
use crate::surveys::shown_share;

wire_enum! {
    /// How the report's rows are grouped.
    GroupBy {
        Channel = "channel",
        TargetGroup = "target_group",
        Municipality = "municipality",
        /// Calendar months in Copenhagen time (`YYYY-MM`): the trend.
        Month = "month",
        /// The team of the staff member holding the meeting, as teams are now (`""`: no
        /// team; `fund:<code>`: an a-kasse adviser without one). Only within one municipality
        /// or a-kasse.
        Team = "team",
    }
}

/// What the database counts for one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContactCounts {
    pub meetings: u64,
    pub held: u64,
    pub cancelled: u64,
    pub cancelled_late: u64,
    pub no_show: u64,
    /// Meetings the citizen booked themself (the rest: staff booked).
    pub citizen_booked: u64,
    pub answered: u64,
    /// Answers in the top two steps of each scale, and "as personal or more".
    pub satisfied: u64,
    pub channel_fit: u64,
    pub personal: u64,
    pub helpful: u64,
    pub wants_remote: u64,
    /// Of the answers, those given by phone (staff recorded them) and on paper (by the
    /// letter's code, or typed in from the returned form); the rest were given digitally.
    pub answered_phone: u64,
    pub answered_paper: u64,
}

impl ContactCounts {
    /// Adds another group's counts (months are summed over channels).
    pub fn add(&mut self, o: &ContactCounts) {
        self.meetings += o.meetings;
        self.held += o.held;
        self.cancelled += o.cancelled;
        self.cancelled_late += o.cancelled_late;
        self.no_show += o.no_show;
        self.citizen_booked += o.citizen_booked;
        self.answered += o.answered;
        self.satisfied += o.satisfied;
        self.channel_fit += o.channel_fit;
        self.personal += o.personal;
        self.helpful += o.helpful;
        self.wants_remote += o.wants_remote;
        self.answered_phone += o.answered_phone;
        self.answered_paper += o.answered_paper;
    }
}

/// The calendar months (Copenhagen) that [from, to) touches, each as (`YYYY-MM`, start, end)
/// clipped to the period.
pub fn months(
    from: jiff::Timestamp,
    to: jiff::Timestamp,
) -> Vec<(String, jiff::Timestamp, jiff::Timestamp)> {
    use crate::clock_text::{day_start, local_date};
    let mut out = Vec::new();
    let mut first = local_date(from).first_of_month();
    while day_start(first) < to {
        let next = first.last_of_month().tomorrow().unwrap_or(first);
        if next <= first {
            break;
        }
        let start = day_start(first).max(from);
        let end = day_start(next).min(to);
        out.push((first.strftime("%Y-%m").to_string(), start, end));
        first = next;
    }
    out
}

/// A period [from, to) as the whole Copenhagen days it covers, [first, end), and the parts of
/// days left at either end. Reports read whole days from counts kept per day and count only the
/// parts from the meetings themselves. A period inside one day is all parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaySplit {
    pub days: Option<(jiff::civil::Date, jiff::civil::Date)>,
    pub parts: Vec<(jiff::Timestamp, jiff::Timestamp)>,
}

pub fn split_days(from: jiff::Timestamp, to: jiff::Timestamp) -> DaySplit {
    use crate::clock_text::{day_start, local_date};
    let mut first = local_date(from);
    if day_start(first) < from {
        first = first.tomorrow().unwrap_or(first);
    }
    let end = local_date(to);
    if first >= end {
        return DaySplit {
            days: None,
            parts: if from < to { vec![(from, to)] } else { vec![] },
        };
    }
    let mut parts = Vec::new();
    if from < day_start(first) {
        parts.push((from, day_start(first)));
    }
    if day_start(end) < to {
        parts.push((day_start(end), to));
    }
    DaySplit {
        days: Some((first, end)),
        parts,
    }
}

/// Whole days [first, end) as the whole calendar months among them, [first month, end month),
/// and the days left before and after them. Reports read whole months from counts kept per
/// month: a country's year is a few thousand rows instead of a million.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthSplit {
    pub months: Option<(jiff::civil::Date, jiff::civil::Date)>,
    pub days: Vec<(jiff::civil::Date, jiff::civil::Date)>,
}

pub fn split_months(first: jiff::civil::Date, end: jiff::civil::Date) -> MonthSplit {
    let mut month = first.first_of_month();
    if month < first {
        month = month.last_of_month().tomorrow().unwrap_or(end);
    }
    let end_month = end.first_of_month();
    if month >= end_month {
        return MonthSplit {
            months: None,
            days: if first < end {
                vec![(first, end)]
            } else {
                vec![]
            },
        };
    }
    let days = [(first, month), (end_month, end)]
        .into_iter()
        .filter(|(a, b)| a < b)
        .collect();
    MonthSplit {
        months: Some((month, end_month)),
        days,
    }
}

/// One row as reported: counts, and shares of answers (`None` when under five answers).
#[derive(Debug, Clone, PartialEq)]
pub struct ContactRow {
    pub key: String,
    pub counts: ContactCounts,
    /// Fewer than five answers: every share of answers is withheld.
    pub suppressed: bool,
    pub satisfied_share: Option<f64>,
    pub channel_fit_share: Option<f64>,
    pub personal_share: Option<f64>,
    pub helpful_share: Option<f64>,
    pub wants_remote_share: Option<f64>,
    /// Share of meetings the citizen booked themself; `None` without meetings.
    pub citizen_booked_share: Option<f64>,
    /// Shares of the answers given each way (issue 19): digitally, by phone, on paper.
    pub digital_share: Option<f64>,
    pub phone_share: Option<f64>,
    pub paper_share: Option<f64>,
}

impl ContactRow {
    pub fn new(key: String, c: ContactCounts) -> Self {
        let share = |n| shown_share(n, c.answered);
        Self {
            key,
            suppressed: share(0).is_none(),
            satisfied_share: share(c.satisfied),
            channel_fit_share: share(c.channel_fit),
            personal_share: share(c.personal),
            helpful_share: share(c.helpful),
            wants_remote_share: share(c.wants_remote),
            citizen_booked_share: (c.meetings > 0)
                .then(|| c.citizen_booked as f64 / c.meetings as f64),
            digital_share: share(
                c.answered
                    .saturating_sub(c.answered_phone)
                    .saturating_sub(c.answered_paper),
            ),
            phone_share: share(c.answered_phone),
            paper_share: share(c.answered_paper),
            counts: c,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> jiff::Timestamp {
        s.parse().expect("timestamp")
    }

    fn date(s: &str) -> jiff::civil::Date {
        s.parse().expect("date")
    }

    #[test]
    fn a_period_from_midnight_to_midnight_is_whole_days_across_the_clock_change() {
        // 2026-03-29 has 23 hours in Copenhagen: midnight is 23:00 UTC before, 22:00 UTC after.
        let split = split_days(at("2026-03-27T23:00:00Z"), at("2026-03-30T22:00:00Z"));
        assert_eq!(split.days, Some((date("2026-03-28"), date("2026-03-31"))));
        assert!(split.parts.is_empty());
    }

    #[test]
    fn the_ends_of_a_period_that_start_and_end_within_days_are_counted_as_parts() {
        let split = split_days(at("2026-10-24T10:00:00Z"), at("2026-10-26T09:30:00Z"));
        // 25 October has 25 hours; 26 October starts at 23:00 UTC the day before.
        assert_eq!(split.days, Some((date("2026-10-25"), date("2026-10-26"))));
        assert_eq!(
            split.parts,
            vec![
                (at("2026-10-24T10:00:00Z"), at("2026-10-24T22:00:00Z")),
                (at("2026-10-25T23:00:00Z"), at("2026-10-26T09:30:00Z")),
            ]
        );
    }

    #[test]
    fn whole_months_are_read_as_months_and_the_days_around_them_as_days() {
        let split = split_months(date("2025-11-24"), date("2026-11-24"));
        assert_eq!(split.months, Some((date("2025-12-01"), date("2026-11-01"))));
        assert_eq!(
            split.days,
            vec![
                (date("2025-11-24"), date("2025-12-01")),
                (date("2026-11-01"), date("2026-11-24")),
            ]
        );
        let exact = split_months(date("2026-01-01"), date("2026-03-01"));
        assert_eq!(exact.months, Some((date("2026-01-01"), date("2026-03-01"))));
        assert!(exact.days.is_empty());
        let within = split_months(date("2026-02-03"), date("2026-02-20"));
        assert_eq!(within.months, None);
        assert_eq!(within.days, vec![(date("2026-02-03"), date("2026-02-20"))]);
    }

    #[test]
    fn a_period_within_one_day_is_one_part() {
        let (from, to) = (at("2026-06-01T08:00:00Z"), at("2026-06-01T20:00:00Z"));
        let split = split_days(from, to);
        assert_eq!(split.days, None);
        assert_eq!(split.parts, vec![(from, to)]);
    }

    #[test]
    fn shares_of_fewer_than_five_answers_are_withheld() {
        let few = ContactCounts {
            meetings: 10,
            held: 8,
            citizen_booked: 5,
            answered: 4,
            satisfied: 4,
            ..Default::default()
        };
        let row = ContactRow::new("video".into(), few);
        assert!(row.suppressed);
        assert_eq!(row.satisfied_share, None);
        assert_eq!(
            row.citizen_booked_share,
            Some(0.5),
            "meeting counts are not answers"
        );
        let enough = ContactCounts {
            answered: 5,
            satisfied: 4,
            channel_fit: 5,
            ..few
        };
        let row = ContactRow::new("video".into(), enough);
        assert!(!row.suppressed);
        assert_eq!(row.satisfied_share, Some(0.8));
        assert_eq!(row.channel_fit_share, Some(1.0));
    }

    #[test]
    fn groupings_are_the_api_s_three_the_monthly_trend_and_teams() {
        assert_eq!(GroupBy::try_from("channel"), Ok(GroupBy::Channel));
        assert_eq!(GroupBy::try_from("month"), Ok(GroupBy::Month));
        assert_eq!(GroupBy::try_from("team"), Ok(GroupBy::Team));
        assert!(GroupBy::try_from("colour").is_err());
    }

    #[test]
    fn months_follow_copenhagen_midnight_and_clip_to_the_period() {
        let at = |s: &str| s.parse::<jiff::Timestamp>().expect("time");
        // 15 March to 10 May 2026: March (clocks change on the 29th), April, May.
        let m = months(at("2026-03-15T12:00:00Z"), at("2026-05-10T00:00:00Z"));
        let labels: Vec<&str> = m.iter().map(|(l, _, _)| l.as_str()).collect();
        assert_eq!(labels, vec!["2026-03", "2026-04", "2026-05"]);
        assert_eq!(m[0].1, at("2026-03-15T12:00:00Z"), "clipped to the period");
        assert_eq!(
            m[0].2,
            at("2026-03-31T22:00:00Z"),
            "April begins at 00:00 summer time"
        );
        assert_eq!(m[1].2, at("2026-04-30T22:00:00Z"));
        assert_eq!(m[2].2, at("2026-05-10T00:00:00Z"));
    }
}
