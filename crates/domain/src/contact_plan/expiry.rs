//! How long a worklist decision holds by the clock alone.
//!
//! The worklist is kept, not computed per view (issue 22, item 5): what [`work_reasons`] decided
//! for a case stays right until either a fact of the case changes (the store marks the case
//! then) or time passes one of the instants below. Those instants are few and known in advance:
//! a conversation becomes overdue the day after its deadline and "due soon" seven days before
//! it (Copenhagen days, so the clock changes are the time zone's business), a message becomes
//! unanswered at [`answer_due`], a self-service citizen inactive [`INACTIVE_AFTER`] after their
//! last activity. Every other reason starts and ends with an event.
//!
//! [`work_reasons`]: super::work_reasons

use jiff::{Timestamp, ToSpan};

use super::worklist::{CaseFacts, DUE_SOON_DAYS, INACTIVE_AFTER};
use crate::Track;
use crate::clock_text::day_start;
use crate::messages::answer_due;

/// The first instant after `now` at which [`super::work_reasons`] may decide otherwise for the
/// same facts, or `None` when only a change of the facts can. It may be early (then the case is
/// merely decided again), never late: the reasons are the same at every instant from `now` up
/// to it. `facts.plan` must have been computed for `now`'s Copenhagen date.
pub fn reasons_hold_until(facts: &CaseFacts<'_>, now: Timestamp) -> Option<Timestamp> {
    let mut first: Option<Timestamp> = None;
    let mut consider = |at: Timestamp| {
        if at > now && first.is_none_or(|f| at < f) {
            first = Some(at);
        }
    };
    // Only an item without a meeting changes with the date (`contact_plan`'s Due → Overdue),
    // and only this organisation's items are on its list.
    for item in facts
        .plan
        .items
        .iter()
        .filter(|i| i.meeting.is_none() && facts.ours(i))
    {
        consider(day_start(item.due_by.saturating_add(1.day())));
        consider(day_start(item.due_by.saturating_sub(DUE_SOON_DAYS.days())));
    }
    if let Some(since) = facts.unanswered_since {
        consider(answer_due(since));
    }
    if facts.track == Some(Track::SelfService) {
        let last = facts.last_activity.unwrap_or(facts.registered_at);
        consider(
            last.saturating_add(INACTIVE_AFTER)
                .unwrap_or(Timestamp::MAX),
        );
    }
    first
}
