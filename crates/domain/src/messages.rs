//! Written messages between a citizen and the jobcenter or a-kasse: what a message may be, whose
//! turn it is in a thread, and when the citizen is told of a new message. Each decision says why.

use jiff::{SignedDuration, Timestamp, ToSpan};

use crate::clock_text::{day_start, local_date};
use crate::enums::wire_enum;
use crate::{Invalid, Visibility, add_working_days};

/// The longest message, in characters (API.md: more is `too_long`).
pub const MAX_MESSAGE_CHARS: usize = 10_000;

/// A message body exactly as written: not blank, at most [`MAX_MESSAGE_CHARS`] characters. It is
/// never trimmed or rewritten, since what a citizen wrote to the authorities is a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageBody(String);

impl TryFrom<&str> for MessageBody {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        if s.trim().is_empty() {
            return Err(Invalid::Blank);
        }
        // A NUL byte is no text anyone types, and PostgreSQL cannot store it: refused on both
        // backends alike rather than kept on one and a 500 on the other.
        if s.contains('\0') {
            return Err(Invalid::BadFormat);
        }
        // Counting stops one past the limit, so a huge body costs no more than a long one.
        if s.chars().take(MAX_MESSAGE_CHARS + 1).count() > MAX_MESSAGE_CHARS {
            return Err(Invalid::TooLong {
                max: MAX_MESSAGE_CHARS,
            });
        }
        Ok(Self(s.to_owned()))
    }
}

impl MessageBody {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

wire_enum! {
    /// Whose thread it is: the citizen writes with their jobcenter, and (if insured) separately
    /// with their a-kasse. Each organisation reads only its own thread.
    ThreadHolder {
        Jobcenter = "jobcenter",
        AKasse = "a_kasse",
    }
}

/// The organisation holding a conversation (`contact_plan::Holder`) is the one whose thread
/// the citizen writes in, and the same word names it wherever it is stored ("jobcenter",
/// "a_kasse": absence reports, availability notices).
impl From<crate::contact_plan::Holder> for ThreadHolder {
    fn from(h: crate::contact_plan::Holder) -> Self {
        match h {
            crate::contact_plan::Holder::Municipality => ThreadHolder::Jobcenter,
            crate::contact_plan::Holder::UnemploymentFund => ThreadHolder::AKasse,
        }
    }
}

impl From<ThreadHolder> for crate::contact_plan::Holder {
    fn from(h: ThreadHolder) -> Self {
        match h {
            ThreadHolder::Jobcenter => crate::contact_plan::Holder::Municipality,
            ThreadHolder::AKasse => crate::contact_plan::Holder::UnemploymentFund,
        }
    }
}

wire_enum! {
    /// Whose turn it is to write (as in NAV's dialogue): the last message decides.
    Waiting {
        /// The citizen wrote last: the organisation owes an answer.
        Staff = "staff",
        /// Staff wrote last: nothing is owed unless the citizen writes again.
        Citizen = "citizen",
    }
}

/// The thread an actor reads and writes in, or `None` when it is not theirs to know of (404).
/// Staff have their own organisation's thread only; the citizen and administrators choose
/// (`requested`, the jobcenter by default); an a-kasse thread needs a membership.
pub fn thread_for(
    visibility: Visibility,
    requested: Option<ThreadHolder>,
    has_fund: bool,
) -> Option<ThreadHolder> {
    let holder = match visibility {
        Visibility::Hidden => return None,
        Visibility::Municipality => ThreadHolder::Jobcenter,
        Visibility::Fund => ThreadHolder::AKasse,
        Visibility::Own | Visibility::Admin => requested.unwrap_or(ThreadHolder::Jobcenter),
    };
    let asked_elsewhere = requested.is_some_and(|r| r != holder);
    let no_fund = holder == ThreadHolder::AKasse && !has_fund;
    (!asked_elsewhere && !no_fund).then_some(holder)
}

/// Who may write: the citizen and the holder's own staff. Administrators may read (support)
/// but not write: a message to a citizen comes from their jobcenter or a-kasse, not from IT.
pub fn may_write(visibility: Visibility) -> bool {
    matches!(
        visibility,
        Visibility::Own | Visibility::Municipality | Visibility::Fund
    )
}

/// Whose turn it is after a message from the citizen (`true`) or from staff.
pub fn waiting_after(written_by_citizen: bool) -> Waiting {
    if written_by_citizen {
        Waiting::Staff
    } else {
        Waiting::Citizen
    }
}

/// Messages one person may send in [`RATE_WINDOW`]: a person writes far fewer; a script that
/// floods a thread is stopped.
pub const RATE_LIMIT: i64 = 20;
pub const RATE_WINDOW: SignedDuration = SignedDuration::from_secs(60);

/// Whether one more message is allowed after `sent_in_window` within [`RATE_WINDOW`].
pub fn within_rate_limit(sent_in_window: i64) -> bool {
    sent_in_window < RATE_LIMIT
}

/// The citizen is told of new messages at most this often per thread.
pub const NOTICE_INTERVAL: SignedDuration = SignedDuration::from_mins(30);
/// A message read within this time needs no notice at all.
pub const NOTICE_GRACE: SignedDuration = SignedDuration::from_mins(5);

/// Why a new message from staff does or does not lead to a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticePlan {
    /// Send at `at` (after the grace period), unless the citizen has read it by then.
    At(Timestamp),
    /// A notice for this thread went out (or is waiting) within the last 30 minutes.
    Throttled,
    /// The citizen wrote it themself.
    OwnMessage,
}

/// Decides the notice for a message written at `now`, given the thread's last planned notice.
pub fn plan_notice(
    written_by_citizen: bool,
    last_notice: Option<Timestamp>,
    now: Timestamp,
) -> NoticePlan {
    if written_by_citizen {
        return NoticePlan::OwnMessage;
    }
    match last_notice {
        Some(last) if now.duration_since(last) < NOTICE_INTERVAL => NoticePlan::Throttled,
        _ => NoticePlan::At(now.saturating_add(NOTICE_GRACE).unwrap_or(now)),
    }
}

/// At sending time: is the notice still needed? Not when the citizen has read the thread since
/// the message was written.
pub fn notice_still_needed(sent_at: Timestamp, citizen_read_at: Option<Timestamp>) -> bool {
    citizen_read_at.is_none_or(|read| read < sent_at)
}

/// Working days an organisation has to answer before the thread goes on the worklist.
pub const ANSWER_WITHIN_WORKING_DAYS: u32 = 2;

/// When a thread that has waited for staff since `waiting_since` becomes overdue: the start of
/// the day after the second working day that follows (Copenhagen days, public holidays skipped).
pub fn answer_due(waiting_since: Timestamp) -> Timestamp {
    let last_day = add_working_days(local_date(waiting_since), ANSWER_WITHIN_WORKING_DAYS);
    day_start(last_day.saturating_add(1.day()))
}

/// Whether a thread waiting for staff since `waiting_since` is unanswered at `now`.
pub fn is_unanswered(waiting_since: Timestamp, now: Timestamp) -> bool {
    now >= answer_due(waiting_since)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    #[test]
    fn bodies_are_kept_exactly_as_written() {
        let text = "  Hej <b>jobcenter</b>\n\nMvh. Åse  ";
        let body = MessageBody::try_from(text).expect("valid");
        assert_eq!(body.as_str(), text);
    }

    #[test]
    fn blank_and_too_long_bodies_are_refused() {
        assert_eq!(MessageBody::try_from(""), Err(Invalid::Blank));
        assert_eq!(MessageBody::try_from(" \n\t "), Err(Invalid::Blank));
        assert_eq!(MessageBody::try_from("Hej\0"), Err(Invalid::BadFormat));
        let max = "æ".repeat(MAX_MESSAGE_CHARS);
        assert!(
            MessageBody::try_from(max.as_str()).is_ok(),
            "10,000 characters are allowed"
        );
        let over = format!("{max}a");
        assert_eq!(
            MessageBody::try_from(over.as_str()),
            Err(Invalid::TooLong {
                max: MAX_MESSAGE_CHARS
            })
        );
    }

    #[test]
    fn each_organisation_sees_only_its_own_thread() {
        use ThreadHolder::*;
        assert_eq!(
            thread_for(Visibility::Municipality, None, true),
            Some(Jobcenter)
        );
        assert_eq!(
            thread_for(Visibility::Municipality, Some(AKasse), true),
            None
        );
        assert_eq!(thread_for(Visibility::Fund, None, true), Some(AKasse));
        assert_eq!(thread_for(Visibility::Fund, Some(Jobcenter), true), None);
        assert_eq!(thread_for(Visibility::Hidden, None, true), None);
        assert_eq!(thread_for(Visibility::Own, None, false), Some(Jobcenter));
        assert_eq!(
            thread_for(Visibility::Own, Some(AKasse), true),
            Some(AKasse)
        );
        assert_eq!(
            thread_for(Visibility::Own, Some(AKasse), false),
            None,
            "no a-kasse thread without a membership"
        );
        assert_eq!(
            thread_for(Visibility::Admin, Some(AKasse), true),
            Some(AKasse)
        );
    }

    #[test]
    fn administrators_read_but_do_not_write() {
        assert!(may_write(Visibility::Own));
        assert!(may_write(Visibility::Municipality));
        assert!(may_write(Visibility::Fund));
        assert!(!may_write(Visibility::Admin));
        assert!(!may_write(Visibility::Hidden));
    }

    #[test]
    fn the_last_writer_decides_whose_turn_it_is() {
        assert_eq!(waiting_after(true), Waiting::Staff);
        assert_eq!(waiting_after(false), Waiting::Citizen);
    }

    #[test]
    fn rate_limit_allows_a_person_and_stops_a_flood() {
        assert!(within_rate_limit(0));
        assert!(within_rate_limit(RATE_LIMIT - 1));
        assert!(!within_rate_limit(RATE_LIMIT));
    }

    #[test]
    fn a_notice_waits_five_minutes_and_comes_at_most_every_thirty() {
        let now = at("2026-11-23T10:00:00Z");
        assert_eq!(
            plan_notice(false, None, now),
            NoticePlan::At(at("2026-11-23T10:05:00Z"))
        );
        assert_eq!(
            plan_notice(false, Some(at("2026-11-23T09:31:00Z")), now),
            NoticePlan::Throttled
        );
        assert_eq!(
            plan_notice(false, Some(at("2026-11-23T09:30:00Z")), now),
            NoticePlan::At(at("2026-11-23T10:05:00Z"))
        );
        assert_eq!(plan_notice(true, None, now), NoticePlan::OwnMessage);
    }

    #[test]
    fn a_message_read_before_the_notice_goes_out_needs_none() {
        let sent = at("2026-11-23T10:00:00Z");
        assert!(notice_still_needed(sent, None));
        assert!(notice_still_needed(sent, Some(at("2026-11-23T09:59:00Z"))));
        assert!(!notice_still_needed(sent, Some(at("2026-11-23T10:03:00Z"))));
    }

    #[test]
    fn two_working_days_to_answer_skipping_weekends_and_holidays() {
        // Thursday 12:00 → Friday and Monday are the two working days; due Tuesday 00:00.
        let thursday = at("2026-11-19T11:00:00Z");
        assert_eq!(answer_due(thursday), at("2026-11-23T23:00:00Z"));
        assert!(!is_unanswered(thursday, at("2026-11-23T22:59:00Z")));
        assert!(is_unanswered(thursday, at("2026-11-23T23:00:00Z")));
        // Wednesday before Easter 2026 (1 April): Maundy Thursday, Good Friday and Easter
        // Monday are holidays, so the two working days are Tuesday 7 and Wednesday 8 April.
        let before_easter = at("2026-04-01T08:00:00Z");
        assert_eq!(answer_due(before_easter), at("2026-04-08T22:00:00Z"));
    }

    #[test]
    fn a_message_written_late_in_the_evening_counts_from_its_danish_day() {
        // 23:30 in Copenhagen on Monday is still Monday (22:30 UTC); due Thursday 00:00.
        let monday_evening = at("2026-11-23T22:30:00Z");
        assert_eq!(answer_due(monday_evening), at("2026-11-25T23:00:00Z"));
    }
}
