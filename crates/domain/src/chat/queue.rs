//! The chat queue's decisions (issue 21): whether a citizen can chat now, which waiting chat a
//! staff member takes next, and how long a citizen can expect to wait. The store keeps the
//! queue; these say what follows from it, and why.

use jiff::{SignedDuration, Timestamp};

use super::hours::ChatHours;

/// Whether a citizen can start a chat with the organisation at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Open, and someone is on duty: a chat can start; the chat closes at `closes`.
    Open { closes: Timestamp },
    /// Within opening hours, but nobody is on duty: write a message instead.
    Unstaffed { closes: Timestamp },
    /// Outside opening hours: it opens next at `opens` (`None`: the organisation has no chat).
    Closed { opens: Option<Timestamp> },
}

impl Availability {
    pub fn can_start(self) -> bool {
        matches!(self, Availability::Open { .. })
    }
}

pub fn availability(hours: &ChatHours, staff_on_duty: usize, now: Timestamp) -> Availability {
    match hours.open_until(now) {
        Some(closes) if staff_on_duty > 0 => Availability::Open { closes },
        Some(closes) => Availability::Unstaffed { closes },
        None => Availability::Closed {
            opens: hours.next_opening(now),
        },
    }
}

/// How long a chat waits for the citizen's own caseworker, when they are on duty, before
/// anyone else on duty takes it: the own caseworker knows the case, but nobody waits long for it.
pub const OWN_CASEWORKER_FIRST: SignedDuration = SignedDuration::from_mins(2);

/// Chats one staff member has open at once unless the organisation sets another number.
pub const DEFAULT_MAX_CHATS: u32 = 3;

/// A chat in the queue, as the decisions need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting<'a> {
    pub since: Timestamp,
    /// The citizen's own caseworker, if they have one.
    pub own_caseworker: Option<&'a str>,
    /// Whether that caseworker is on duty now.
    pub own_on_duty: bool,
}

/// The waiting chat (its index in `queue`, oldest first) that `staff` takes next: the oldest
/// whose citizen is theirs; else the oldest that is not waiting for another caseworker on duty
/// (or has waited for them longer than [`OWN_CASEWORKER_FIRST`]).
pub fn next_for(staff: &str, queue: &[Waiting<'_>], now: Timestamp) -> Option<usize> {
    queue
        .iter()
        .position(|w| w.own_caseworker == Some(staff))
        .or_else(|| {
            queue.iter().position(|w| {
                let held_for_other = w.own_on_duty
                    && w.own_caseworker.is_some_and(|own| own != staff)
                    && now.duration_since(w.since) < OWN_CASEWORKER_FIRST;
                !held_for_other
            })
        })
}

/// A handling time when there are too few recent chats to tell: five minutes.
pub const TYPICAL_HANDLING: SignedDuration = SignedDuration::from_mins(5);

/// The typical handling time from recent ones (their median), or [`TYPICAL_HANDLING`] with
/// fewer than three to go by.
pub fn typical_handling(mut recent: Vec<SignedDuration>) -> SignedDuration {
    if recent.len() < 3 {
        return TYPICAL_HANDLING;
    }
    recent.sort();
    recent[recent.len() / 2]
}

/// The expected wait of a chat with `ahead` chats before it in the queue, when `seats` chats
/// can be handled at once by those on duty (each up to their maximum) and `free` of them are
/// free now: nothing while a seat is free for it, else a typical handling time for each round
/// of seats the chats before it fill.
pub fn expected_wait(ahead: u32, seats: u32, free: u32, typical: SignedDuration) -> SignedDuration {
    if ahead < free {
        return SignedDuration::ZERO;
    }
    if seats == 0 {
        return typical;
    }
    let rounds = (ahead - free) / seats + 1;
    typical * i32::try_from(rounds).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chat::hours::OpenSpan;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    #[test]
    fn a_chat_starts_only_when_open_and_someone_is_on_duty() {
        let span = OpenSpan::parse("9", "15").expect("span");
        let hours = ChatHours::new([Some(span), None, None, None, None, None, None]);
        // Monday 7 December 2026 at 10:00 in Copenhagen.
        let monday = at("2026-12-07T09:00:00Z");
        let closes = at("2026-12-07T14:00:00Z");
        assert_eq!(
            availability(&hours, 2, monday),
            Availability::Open { closes }
        );
        assert_eq!(
            availability(&hours, 0, monday),
            Availability::Unstaffed { closes }
        );
        assert_eq!(
            availability(&hours, 2, at("2026-12-08T09:00:00Z")),
            Availability::Closed {
                opens: Some(at("2026-12-14T08:00:00Z"))
            }
        );
        assert!(!availability(&ChatHours::default(), 5, monday).can_start());
    }

    #[test]
    fn the_own_caseworker_first_but_nobody_waits_long_for_them() {
        let now = at("2026-12-07T10:00:00Z");
        let w = |mins_ago: i64, own: Option<&'static str>, on_duty: bool| Waiting {
            since: now - SignedDuration::from_mins(mins_ago),
            own_caseworker: own,
            own_on_duty: on_duty,
        };
        let queue = [
            w(1, Some("anna"), true),
            w(1, Some("bent"), true),
            w(0, None, false),
        ];
        assert_eq!(
            next_for("bent", &queue, now),
            Some(1),
            "Bent's own citizen first"
        );
        assert_eq!(
            next_for("carla", &queue, now),
            Some(2),
            "not Anna's or Bent's, who are on duty"
        );
        // Anna is off duty: anyone takes her citizen, oldest first.
        let queue = [w(1, Some("anna"), false), w(0, None, false)];
        assert_eq!(next_for("carla", &queue, now), Some(0));
        // Waited three minutes for an own caseworker who is busy: anyone takes it.
        let queue = [w(3, Some("anna"), true)];
        assert_eq!(next_for("carla", &queue, now), Some(0));
        assert_eq!(next_for("carla", &[w(1, Some("anna"), true)], now), None);
    }

    #[test]
    fn the_wait_grows_with_the_queue_and_shrinks_with_staff() {
        let five = SignedDuration::from_mins(5);
        assert_eq!(
            expected_wait(0, 6, 1, five),
            SignedDuration::ZERO,
            "a seat is free"
        );
        assert_eq!(expected_wait(1, 6, 0, five), SignedDuration::from_mins(5));
        assert_eq!(expected_wait(6, 6, 0, five), SignedDuration::from_mins(10));
        assert_eq!(expected_wait(6, 12, 0, five), SignedDuration::from_mins(5));
        assert_eq!(
            typical_handling(vec![
                SignedDuration::from_mins(2),
                SignedDuration::from_mins(9),
                SignedDuration::from_mins(4)
            ]),
            SignedDuration::from_mins(4)
        );
        assert_eq!(
            typical_handling(vec![SignedDuration::from_mins(1)]),
            TYPICAL_HANDLING
        );
    }
}
