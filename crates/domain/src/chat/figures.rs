//! The chat's figures for the manager's report (issue 21): how many asked, were answered, were
//! conversations, gave up waiting or were left at closing time; how long they waited; the
//! busiest hour. Counts of chats, not answers about people, so shown exactly as meetings are.

use std::collections::HashMap;

use jiff::{SignedDuration, Timestamp};

use crate::clock_text::copenhagen;

/// One chat as the figures need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChatFacts<'a> {
    pub requested_at: Timestamp,
    pub taken_at: Option<Timestamp>,
    /// `answered`, `abandoned`, `unanswered`, or `None` while open.
    pub outcome: Option<&'a str>,
    /// Staff marked it a conversation about the citizen's job search.
    pub conversation: bool,
}

/// The chats asked for in one clock hour of the day (Copenhagen), over every day of the
/// period: when citizens want the chat, and how the queue kept up then.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HourFigures {
    /// 9 for 9.00–9.59.
    pub hour: i8,
    pub asked: u64,
    pub answered: u64,
    pub abandoned: u64,
    pub median_wait: Option<SignedDuration>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChatFigures {
    pub asked: u64,
    /// Taken by a member of staff (answered, or going on now).
    pub answered: u64,
    /// Of those, marked as conversations: contacts by chat.
    pub conversations: u64,
    /// The citizen left before anyone took it.
    pub abandoned: u64,
    /// Closing time came first: it waits as a message.
    pub unanswered: u64,
    /// Waits until taken: the median and the 90th percentile.
    pub median_wait: Option<SignedDuration>,
    pub p90_wait: Option<SignedDuration>,
    /// Chats asked for in the busiest clock hour (Copenhagen) of the period.
    pub busiest_hour: u64,
    /// Per clock hour of the day with any chat, in order.
    pub by_hour: Vec<HourFigures>,
}

pub fn figures(chats: &[ChatFacts<'_>]) -> ChatFigures {
    let mut f = ChatFigures {
        asked: chats.len() as u64,
        ..ChatFigures::default()
    };
    let mut waits = Vec::new();
    let mut per_hour: HashMap<(jiff::civil::Date, i8), u64> = HashMap::new();
    let mut by_hour: std::collections::BTreeMap<i8, (HourFigures, Vec<SignedDuration>)> =
        std::collections::BTreeMap::new();
    for c in chats {
        let local = c.requested_at.to_zoned(copenhagen());
        let (hour, hour_waits) = by_hour.entry(local.hour()).or_insert_with(|| {
            let figures = HourFigures {
                hour: local.hour(),
                ..HourFigures::default()
            };
            (figures, Vec::new())
        });
        hour.asked += 1;
        if let Some(taken) = c.taken_at {
            f.answered += 1;
            hour.answered += 1;
            waits.push(taken.duration_since(c.requested_at));
            hour_waits.push(taken.duration_since(c.requested_at));
        }
        if c.outcome == Some("abandoned") {
            hour.abandoned += 1;
        }
        f.conversations += u64::from(c.conversation);
        match c.outcome {
            Some("abandoned") => f.abandoned += 1,
            Some("unanswered") => f.unanswered += 1,
            _ => {}
        }
        *per_hour.entry((local.date(), local.hour())).or_default() += 1;
    }
    f.median_wait = quantile(&mut waits, 50);
    f.p90_wait = quantile(&mut waits, 90);
    f.by_hour = by_hour
        .into_values()
        .map(|(mut hour, mut waits)| {
            hour.median_wait = quantile(&mut waits, 50);
            hour
        })
        .collect();
    f.busiest_hour = per_hour.values().copied().max().unwrap_or(0);
    f
}

/// The `q`th percentile of `waits` (sorted here), the lower of two middles; `None` for none.
fn quantile(waits: &mut [SignedDuration], q: usize) -> Option<SignedDuration> {
    waits.sort();
    waits
        .get((waits.len() * q / 100).min(waits.len().saturating_sub(1)))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    #[test]
    fn figures_count_each_ending_and_the_waits() {
        let c = |req: &str, taken: Option<&str>, outcome, conversation| ChatFacts {
            requested_at: at(req),
            taken_at: taken.map(at),
            outcome,
            conversation,
        };
        let chats = [
            c(
                "2026-12-07T09:00:00Z",
                Some("2026-12-07T09:01:00Z"),
                Some("answered"),
                true,
            ),
            c(
                "2026-12-07T09:10:00Z",
                Some("2026-12-07T09:14:00Z"),
                Some("answered"),
                false,
            ),
            c("2026-12-07T09:20:00Z", None, Some("abandoned"), false),
            c("2026-12-07T13:59:00Z", None, Some("unanswered"), false),
        ];
        let f = figures(&chats);
        assert_eq!((f.asked, f.answered, f.conversations), (4, 2, 1));
        assert_eq!((f.abandoned, f.unanswered), (1, 1));
        assert_eq!(f.median_wait, Some(SignedDuration::from_mins(4)));
        assert_eq!(
            f.busiest_hour, 3,
            "three asked between 10 and 11 Copenhagen time"
        );
        // 10–11 Copenhagen time: three asked, two answered (1 and 4 minutes), one left; 14–15:
        // one, left at closing time.
        assert_eq!(
            f.by_hour,
            [
                HourFigures {
                    hour: 10,
                    asked: 3,
                    answered: 2,
                    abandoned: 1,
                    median_wait: Some(SignedDuration::from_mins(4)),
                },
                HourFigures {
                    hour: 14,
                    asked: 1,
                    ..HourFigures::default()
                },
            ]
        );
        assert_eq!(figures(&[]), ChatFigures::default());
    }
}
