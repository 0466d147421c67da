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
            counts: c,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn groupings_are_the_api_s_three_and_the_monthly_trend() {
        assert_eq!(GroupBy::try_from("channel"), Ok(GroupBy::Channel));
        assert_eq!(GroupBy::try_from("month"), Ok(GroupBy::Month));
        assert!(GroupBy::try_from("team").is_err());
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
