//! Which survey answers a report may show, so that no two reports can be subtracted to reveal
//! one person's answers (differencing).
//!
//! Answers are released only in fixed **blocks**: one organisation (a municipality, or an
//! a-kasse for its own report) in one whole Copenhagen calendar month that is **final** — ended at
//! least [`ANSWER_WINDOW_DAYS`] ago, after which no survey of it can be answered. Within a block,
//! a grouping (channel, target group, …) splits the answers into cells. A block of fewer than
//! [`MIN_CELL`] answers is left out of every report. A cell of fewer than [`MIN_CELL`] is not
//! shown on its own but gathered with the block's other thin cells in the row [`OTHER`]
//! ("Øvrige"); while that row would itself be thin, the block's smallest shown cell joins it
//! (complementary suppression). So:
//!
//! - two periods differ by whole final months, never by a second or a day: in every row the
//!   difference is whole pieces of at least five answers;
//! - every grouping of a period shows the same total (each released block whole), so two
//!   groupings cannot be subtracted to expose a cell one of them hides;
//! - one municipality's report and the whole country's differ by whole municipality blocks;
//! - a report read today and tomorrow agrees: a final month does not change.
//!
//! The price: answers show for whole past months only, a small organisation's thin groups read
//! as "Øvrige", and a month of fewer than five answers not at all. Meeting counts are not answers
//! and stay exact. Not proven: that the marginals of two groupings of one block (channel by
//! target group, say) never pin down an inner cell; each is shown only in pieces of five or more.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::clock_text::{day_start, local_date};
use crate::contact_report::ContactCounts;
use crate::surveys::MIN_CELL;

/// A survey can be answered up to this many days after its meeting; a month is final this long
/// after it ends.
pub const ANSWER_WINDOW_DAYS: i64 = 30;

/// Survey answers of one cell: a grouping's key in one organisation's month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyCell {
    /// `YYYY-MM`.
    pub month: String,
    /// The organisation whose block it is (a municipality code, or an a-kasse's).
    pub unit: String,
    /// The row it belongs to (a channel, a target group, …).
    pub key: String,
    pub counts: ContactCounts,
}

/// Whether a survey of a meeting held at `held_at` can still be answered at `now`.
pub fn answerable(held_at: Timestamp, now: Timestamp) -> bool {
    answer_cutoff(now) <= held_at
}

/// Surveys of meetings held before this can no longer be answered.
pub fn answer_cutoff(now: Timestamp) -> Timestamp {
    now.checked_sub(jiff::SignedDuration::from_hours(24 * ANSWER_WINDOW_DAYS))
        .unwrap_or(now)
}

/// The whole Copenhagen months of [from, to) that are final at `now`, as [first, end) of their
/// first days; `None` when there is none.
pub fn final_months(from: Timestamp, to: Timestamp, now: Timestamp) -> Option<(Date, Date)> {
    let mut first = local_date(from).first_of_month();
    if day_start(first) < from {
        first = first.last_of_month().tomorrow().ok()?;
    }
    // The first day of the month in which the period, or finality, ends: months before it.
    let cutoff = answer_cutoff(now).min(to);
    let end = local_date(cutoff).first_of_month();
    (first < end).then_some((first, end))
}

/// The row that gathers, within each block, the cells too thin to show on their own.
pub const OTHER: &str = "other";

/// The answers each row may show. Per block (an organisation's month): a block of fewer than
/// [`MIN_CELL`] answers is left out; a cell of fewer than [`MIN_CELL`] goes to the row
/// [`OTHER`], and while that row would be too thin, the smallest shown cell joins it
/// (complementary suppression). So every row is a sum of whole pieces of at least five answers,
/// and every grouping releases the same block totals. Only the answer counts of `ContactCounts`
/// are used.
pub fn released(cells: &[SurveyCell]) -> BTreeMap<String, ContactCounts> {
    let mut blocks: BTreeMap<(&str, &str), Vec<&SurveyCell>> = BTreeMap::new();
    for c in cells.iter().filter(|c| c.counts.answered > 0) {
        blocks.entry((&c.month, &c.unit)).or_default().push(c);
    }
    let mut out: BTreeMap<String, ContactCounts> = BTreeMap::new();
    for mut block in blocks.into_values() {
        let total: u64 = block.iter().map(|c| c.counts.answered).sum();
        if total < MIN_CELL {
            continue;
        }
        // Thin cells first, then the rest from the smallest; ties by key, so the choice is
        // the same whichever report asks.
        block.sort_by(|a, b| (a.counts.answered, &a.key).cmp(&(b.counts.answered, &b.key)));
        let mut other = ContactCounts::default();
        let mut shown = block.into_iter().peekable();
        while let Some(c) = shown.next_if(|c| {
            c.counts.answered < MIN_CELL || (other.answered > 0 && other.answered < MIN_CELL)
        }) {
            other.add(&answers_only(&c.counts));
        }
        for c in shown {
            out.entry(c.key.clone())
                .or_default()
                .add(&answers_only(&c.counts));
        }
        if other.answered > 0 {
            out.entry(OTHER.to_owned()).or_default().add(&other);
        }
    }
    out
}

/// Only the counts that come from answers.
fn answers_only(c: &ContactCounts) -> ContactCounts {
    ContactCounts {
        answered: c.answered,
        satisfied: c.satisfied,
        channel_fit: c.channel_fit,
        personal: c.personal,
        helpful: c.helpful,
        wants_remote: c.wants_remote,
        answered_phone: c.answered_phone,
        answered_paper: c.answered_paper,
        ..Default::default()
    }
}

/// `rows` (exact meeting counts) with their answer counts replaced by the released ones, and
/// the row [`OTHER`] last when some answers were gathered there (it counts no meetings).
pub fn with_released(
    rows: Vec<(String, ContactCounts)>,
    released: &BTreeMap<String, ContactCounts>,
) -> Vec<(String, ContactCounts)> {
    let mut out: Vec<(String, ContactCounts)> = rows
        .into_iter()
        .map(|(key, mut c)| {
            let r = released.get(&key).copied().unwrap_or_default();
            c.answered = r.answered;
            c.satisfied = r.satisfied;
            c.channel_fit = r.channel_fit;
            c.personal = r.personal;
            c.helpful = r.helpful;
            c.wants_remote = r.wants_remote;
            c.answered_phone = r.answered_phone;
            c.answered_paper = r.answered_paper;
            (key, c)
        })
        .collect();
    if let Some(other) = released.get(OTHER) {
        out.push((OTHER.to_owned(), *other));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    fn date(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn cell(month: &str, unit: &str, key: &str, answered: u64, satisfied: u64) -> SurveyCell {
        SurveyCell {
            month: month.into(),
            unit: unit.into(),
            key: key.into(),
            counts: ContactCounts {
                meetings: 100,
                answered,
                satisfied,
                ..Default::default()
            },
        }
    }

    #[test]
    fn only_whole_months_that_can_no_longer_change_are_read() {
        let now = at("2026-12-01T10:00:00Z");
        // The default period, a year up to now: December 2025 to October 2026 (November may
        // still get answers until the end of December).
        let m = final_months(at("2025-12-01T10:00:00Z"), now, now);
        assert_eq!(m, Some((date("2026-01-01"), date("2026-11-01"))));
        // One second more or less at either end changes nothing.
        assert_eq!(
            final_months(at("2025-12-31T23:00:00Z"), at("2026-09-30T22:00:00Z"), now),
            Some((date("2026-01-01"), date("2026-10-01")))
        );
        assert_eq!(
            final_months(at("2025-12-31T23:00:01Z"), at("2026-09-30T22:00:01Z"), now),
            Some((date("2026-02-01"), date("2026-10-01")))
        );
        assert_eq!(
            final_months(at("2025-12-31T22:59:59Z"), at("2026-09-30T21:59:59Z"), now),
            Some((date("2026-01-01"), date("2026-09-01")))
        );
        // Within one month, or all of it too recent: nothing.
        assert_eq!(
            final_months(at("2026-03-03T00:00:00Z"), at("2026-03-20T00:00:00Z"), now),
            None
        );
        assert_eq!(final_months(at("2026-11-01T00:00:00Z"), now, now), None);
    }

    #[test]
    fn a_survey_is_answered_within_thirty_days() {
        let now = at("2026-12-01T10:00:00Z");
        assert!(answerable(at("2026-11-01T10:00:00Z"), now));
        assert!(!answerable(at("2026-11-01T09:59:59Z"), now));
    }

    #[test]
    fn thin_cells_are_gathered_with_the_smallest_until_five() {
        let cells = [
            cell("2026-03", "0851", "phone", 9, 7),
            cell("2026-03", "0851", "video", 5, 4),
            cell("2026-04", "0851", "phone", 8, 6),
            cell("2026-04", "0851", "video", 1, 1), // one person: with phone, as "other"
            cell("2026-04", "0751", "video", 6, 3),
            cell("2026-04", "0751", "in_person", 7, 5),
            cell("2026-05", "0851", "phone", 3, 3), // a block of four: left out
            cell("2026-05", "0851", "video", 1, 0),
        ];
        let r = released(&cells);
        assert_eq!(
            r["phone"].answered, 9,
            "Aalborg's April phone cell is not shown alone"
        );
        assert_eq!(r["video"].answered, 5 + 6);
        assert_eq!(r["video"].satisfied, 4 + 3);
        assert_eq!(r["in_person"].answered, 7);
        assert_eq!(r[OTHER].answered, 8 + 1);
        assert_eq!(r[OTHER].satisfied, 6 + 1);
        let total: u64 = r.values().map(|c| c.answered).sum();
        assert_eq!(total, 9 + 5 + 8 + 1 + 6 + 7, "every released block whole");
        assert_eq!(r["phone"].meetings, 0, "only answers are released");
    }

    /// The attack of the penetration test in several shapes: any two reports that can be asked
    /// for differ, in every row, by zero answers or by at least five.
    #[test]
    fn no_two_reports_differ_by_fewer_than_five_answers_in_a_row() {
        // One municipality's answers, person by person: (month, channel, target group).
        let mut people = Vec::new();
        let months = ["2026-01", "2026-02", "2026-03", "2026-04"];
        let channels = ["phone", "video", "in_person"];
        let groups = ["insured", "cash", "sick"];
        let mut n = 0u64;
        for (mi, m) in months.iter().enumerate() {
            for (ci, c) in channels.iter().enumerate() {
                for (gi, g) in groups.iter().enumerate() {
                    // An uneven spread with thin cells: 0 to 6 people.
                    let k = (mi * 7 + ci * 3 + gi * 5 + 1) % 7;
                    for _ in 0..k {
                        n += 1;
                        people.push((*m, *c, *g, n.is_multiple_of(2)));
                    }
                }
            }
        }
        let report = |first: usize, end: usize, by_channel: bool| {
            let mut cells: BTreeMap<(String, String), ContactCounts> = BTreeMap::new();
            for (m, c, g, happy) in &people {
                let mi = months.iter().position(|x| x == m).expect("month");
                if mi < first || mi >= end {
                    continue;
                }
                let key = if by_channel { *c } else { *g };
                let e = cells.entry((m.to_string(), key.to_string())).or_default();
                e.answered += 1;
                e.satisfied += u64::from(*happy);
            }
            let cells: Vec<SurveyCell> = cells
                .into_iter()
                .map(|((month, key), counts)| SurveyCell {
                    month,
                    unit: "0851".into(),
                    key,
                    counts,
                })
                .collect();
            released(&cells)
        };
        let total =
            |r: &BTreeMap<String, ContactCounts>| -> u64 { r.values().map(|c| c.answered).sum() };
        // Every pair of reports whose periods nest (what subtracting needs), in either grouping.
        let spans: Vec<(usize, usize)> = (0..months.len())
            .flat_map(|f| (f + 1..=months.len()).map(move |e| (f, e)))
            .collect();
        let mut reports = Vec::new();
        for &(fa, ea) in &spans {
            for &(fb, eb) in spans.iter().filter(|(fb, eb)| fa <= *fb && *eb <= ea) {
                for ga in [true, false] {
                    for gb in [true, false] {
                        let (a, b) = (report(fa, ea, ga), report(fb, eb, gb));
                        if ga == gb {
                            for key in a.keys().chain(b.keys()) {
                                let (x, y) = (
                                    a.get(key).map_or(0, |c| c.answered),
                                    b.get(key).map_or(0, |c| c.answered),
                                );
                                let d = x.abs_diff(y);
                                assert!(d == 0 || d >= MIN_CELL, "{key}: {x} vs {y}");
                            }
                        }
                        let d = total(&a).abs_diff(total(&b));
                        assert!(
                            d == 0 || d >= MIN_CELL,
                            "totals {} vs {}",
                            total(&a),
                            total(&b)
                        );
                        reports.push(a);
                    }
                }
            }
        }
        assert!(
            reports.iter().any(|r| total(r) > 0),
            "some answers are shown"
        );
    }
}
