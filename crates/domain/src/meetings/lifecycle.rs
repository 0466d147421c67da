//! What may happen to a meeting when: booking for oneself, moving, cancelling (afbud) and
//! recording the outcome. Pure checks on the meeting's status and times against "now".

use jiff::{SignedDuration, Timestamp};

use crate::{MeetingStatus, Outcome};

/// Why a change to a meeting is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MeetingRefusal {
    /// A citizen exempt from self-booking tried to book for themself; staff book for them.
    #[error("the citizen may not book for themself")]
    SelfBookingNotAllowed,
    /// The meeting is cancelled or already has an outcome.
    #[error("the meeting is no longer booked")]
    NotBooked,
    /// A meeting that has begun can no longer be moved or cancelled.
    #[error("the meeting has already begun")]
    AlreadyStarted,
    /// An outcome before the meeting has begun.
    #[error("the meeting has not begun")]
    NotStarted,
    /// The new time has passed, or the slot starts in the past.
    #[error("the time has passed")]
    InPast,
    /// A citizen moving a call-in they may not move themself, or no longer (BEK nr.
    /// 442/2023 § 20, stk. 1, nr. 11-12).
    #[error("the call-in cannot be moved by the citizen now")]
    RebookingClosed,
    /// A citizen moving a call-in to a time of another kind (another organisation, or a
    /// time that does not offer the call-in's channel).
    #[error("the call-in can only be moved to a time of the same kind")]
    RebookingOtherKind,
    /// A citizen cancelling a call-in: they report that they cannot come instead, and staff
    /// decide (`absence.rs`).
    #[error("a call-in is not cancelled by the citizen; report the absence instead")]
    CallInAbsenceOnly,
    /// An absence report on a meeting that is not a call-in, or a second one.
    #[error("no absence can be reported on this meeting")]
    AbsenceNotPossible,
    /// A decision on an absence nobody reported, or one already decided.
    #[error("there is no absence report waiting for a decision")]
    NoAbsencePending,
}

impl MeetingRefusal {
    pub fn code(self) -> &'static str {
        match self {
            MeetingRefusal::SelfBookingNotAllowed => "self_booking_not_allowed",
            MeetingRefusal::NotBooked => "meeting_not_booked",
            MeetingRefusal::AlreadyStarted => "already_started",
            MeetingRefusal::NotStarted => "not_started",
            MeetingRefusal::InPast => "in_past",
            MeetingRefusal::RebookingClosed => "rebooking_closed",
            MeetingRefusal::RebookingOtherKind => "rebooking_other_kind",
            MeetingRefusal::CallInAbsenceOnly => "call_in_absence_only",
            MeetingRefusal::AbsenceNotPossible => "absence_not_possible",
            MeetingRefusal::NoAbsencePending => "no_absence_pending",
        }
    }
}

/// Whether this booking may go ahead: self-booking exemption and a slot still ahead.
pub fn check_booking(
    by_citizen: bool,
    self_booking_exempt: bool,
    slot_start: Timestamp,
    now: Timestamp,
) -> Result<(), MeetingRefusal> {
    if by_citizen && self_booking_exempt {
        return Err(MeetingRefusal::SelfBookingNotAllowed);
    }
    if slot_start <= now {
        return Err(MeetingRefusal::InPast);
    }
    Ok(())
}

/// A booked meeting that has not begun may be moved or cancelled.
pub fn check_changeable(
    status: MeetingStatus,
    start: Timestamp,
    now: Timestamp,
) -> Result<(), MeetingRefusal> {
    if status != MeetingStatus::Booked {
        return Err(MeetingRefusal::NotBooked);
    }
    if start <= now {
        return Err(MeetingRefusal::AlreadyStarted);
    }
    Ok(())
}

/// A cancellation (afbud): allowed as for a move; `true` when it comes later than `deadline`
/// before the start, which the jobcenter follows up like a missed meeting.
pub fn cancellation_is_late(
    status: MeetingStatus,
    start: Timestamp,
    now: Timestamp,
    deadline: SignedDuration,
) -> Result<bool, MeetingRefusal> {
    check_changeable(status, start, now)?;
    Ok(start.duration_since(now) < deadline)
}

/// The outcome may be recorded once, from the meeting's start on.
pub fn check_outcome(
    status: MeetingStatus,
    start: Timestamp,
    now: Timestamp,
    _outcome: Outcome,
) -> Result<(), MeetingRefusal> {
    if status != MeetingStatus::Booked {
        return Err(MeetingRefusal::NotBooked);
    }
    if now < start {
        return Err(MeetingRefusal::NotStarted);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use MeetingStatus::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    const START: &str = "2026-03-02T09:00:00Z";

    #[test]
    fn exempt_citizens_cannot_book_for_themselves_but_staff_can() {
        let now = ts("2026-03-01T09:00:00Z");
        assert_eq!(
            check_booking(true, true, ts(START), now),
            Err(MeetingRefusal::SelfBookingNotAllowed)
        );
        assert_eq!(check_booking(false, true, ts(START), now), Ok(()));
        assert_eq!(
            check_booking(true, false, ts(START), ts(START)),
            Err(MeetingRefusal::InPast)
        );
    }

    #[test]
    fn a_cancellation_inside_the_deadline_is_late() {
        let day = SignedDuration::from_hours(24);
        assert_eq!(
            cancellation_is_late(Booked, ts(START), ts("2026-02-28T09:00:00Z"), day),
            Ok(false)
        );
        assert_eq!(
            cancellation_is_late(Booked, ts(START), ts("2026-03-01T09:00:00Z"), day),
            Ok(false)
        );
        assert_eq!(
            cancellation_is_late(Booked, ts(START), ts("2026-03-01T09:00:01Z"), day),
            Ok(true)
        );
        assert_eq!(
            cancellation_is_late(Booked, ts(START), ts(START), day),
            Err(MeetingRefusal::AlreadyStarted)
        );
        assert_eq!(
            cancellation_is_late(Cancelled, ts(START), ts("2026-02-01T09:00:00Z"), day),
            Err(MeetingRefusal::NotBooked)
        );
    }

    #[test]
    fn the_outcome_waits_for_the_start_and_is_recorded_once() {
        let before = ts("2026-03-02T08:59:59Z");
        assert_eq!(
            check_outcome(Booked, ts(START), before, Outcome::Held),
            Err(MeetingRefusal::NotStarted)
        );
        assert_eq!(
            check_outcome(Booked, ts(START), ts(START), Outcome::NoShow),
            Ok(())
        );
        assert_eq!(
            check_outcome(Held, ts(START), ts(START), Outcome::NoShow),
            Err(MeetingRefusal::NotBooked)
        );
    }
}
