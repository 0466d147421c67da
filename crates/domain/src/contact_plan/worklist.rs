//! Why a citizen needs a caseworker's action now: the worklist's reasons, decided from facts
//! about one case. Nothing is stored: an item disappears as soon as its cause is dealt with.

use jiff::{SignedDuration, Timestamp, ToSpan};

use super::plan::{ContactPlan, ItemStatus, PlanItem, PlanMeeting};
use super::rules::Holder;
use crate::clock_text::{day_start, local_date};
use crate::enums::wire_enum;
use crate::{MeetingStatus, Track};

wire_enum! {
    /// A reason on the worklist, most urgent first: the order here is the worklist's order.
    WorkReason {
        /// The citizen's first job conversation is booked by phone or video, against LAB § 33,
        /// stk. 1: it became the first when an earlier one in person was cancelled. The booking
        /// refuses this; only a cancellation can bring it about.
        FirstMeetingRemote = "first_meeting_remote",
        /// The citizen reported that they cannot come to a call-in ("Jeg kan ikke komme");
        /// it stands until staff decide.
        AbsenceReported = "absence_reported",
        /// A letter to the citizen waits on "Breve" and cannot be printed: the citizen has no
        /// postal address, so a citizen without Digital Post does not hear of their meeting
        /// (issue 19). Gone when the address is given (that fills in the letter) or it is sent.
        LetterAddressMissing = "letter_address_missing",
        /// A required conversation is past its deadline and the citizen, who must book it
        /// themself (insured unemployed, not exempt: BEK nr. 1216/2023 § 45), did not: the
        /// self-booking deadline was missed. For the insured the a-kasse is told (an
        /// availability notice, `domain::meetings::no_show`), once staff send it.
        BookingOverdue = "booking_overdue",
        /// A required conversation is past its deadline, not held and not booked.
        Overdue = "overdue",
        /// The citizen did not turn up, and no new meeting has been booked since.
        NoShow = "no_show",
        /// A required conversation is due within 7 days and not booked.
        DueSoon = "due_soon",
        /// The citizen asked to be called in a survey answer.
        CallbackRequested = "callback_requested",
        /// The citizen's message has waited more than two working days.
        UnansweredMessage = "unanswered_message",
        /// A screening newer than the last visitation decision.
        AwaitingVisitation = "awaiting_visitation",
        /// On self-service, with no sign-in and no booking for 30 days.
        Inactive = "inactive",
        /// No caseworker is assigned (managers only).
        Unassigned = "unassigned",
    }
}

/// How far ahead "due soon" looks.
pub const DUE_SOON_DAYS: i64 = 7;
/// How long a self-service citizen may be silent before staff look.
pub const INACTIVE_AFTER: SignedDuration = SignedDuration::from_hours(24 * 30);

/// What the worklist knows about one case.
#[derive(Debug, Clone, Copy)]
pub struct CaseFacts<'a> {
    pub plan: &'a ContactPlan<'a>,
    pub meetings: &'a [PlanMeeting],
    pub track: Option<Track>,
    pub latest_screening: Option<Timestamp>,
    pub latest_visitation: Option<Timestamp>,
    /// The citizen's last sign-in or own booking, or when they were put on self-service.
    pub last_activity: Option<Timestamp>,
    pub registered_at: Timestamp,
    pub assigned: bool,
    /// Since when the citizen's message has waited for this organisation's answer.
    pub unanswered_since: Option<Timestamp>,
    /// When the citizen last asked to be called in a survey answer.
    pub callback_requested: Option<Timestamp>,
    /// The oldest absence report on one of this organisation's call-ins still waiting for a
    /// decision.
    pub absence_reported: Option<Timestamp>,
    /// Since when the oldest letter to the citizen has waited for a postal address (the
    /// jobcentre prints letters; the a-kasse's list leaves it out).
    pub letter_address_missing: Option<Timestamp>,
    /// The citizen must book their conversations themself (insured unemployed, not exempt).
    pub self_books: bool,
    /// Whose worklist: the organisation reading it. Only its own conversations and meetings
    /// are its to act on (the a-kasse's overdue conversation on the jobcenter's list is one
    /// nobody there can hold), and the a-kasse's include the joint ones it takes part in.
    /// Visitation, self-service and assignment are the jobcenter's.
    pub holder: Holder,
}

impl CaseFacts<'_> {
    pub(super) fn ours(&self, item: &PlanItem<'_>) -> bool {
        item.holder == self.holder || (self.holder == Holder::UnemploymentFund && item.with_fund)
    }

    fn our_meeting(&self, m: &PlanMeeting) -> bool {
        m.holder == self.holder || (self.holder == Holder::UnemploymentFund && m.joint)
    }
}

/// One reason for one citizen, and since when it has applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkItem {
    pub reason: WorkReason,
    pub since: Timestamp,
}

/// The reasons this case is on the worklist at `now`, each at most once.
pub fn work_reasons(facts: &CaseFacts<'_>, now: Timestamp) -> Vec<WorkItem> {
    let today = local_date(now);
    let mut out = Vec::new();
    let mut push = |reason, since| out.push(WorkItem { reason, since });

    let items = &facts.plan.items;
    let jobcenter = facts.holder == Holder::Municipality;
    let first = facts
        .meetings
        .iter()
        .filter(|m| matches!(m.status, MeetingStatus::Booked | MeetingStatus::Held))
        .min_by_key(|m| m.start);
    if let Some(m) = first
        && m.status == MeetingStatus::Booked
        && m.remote
        && facts.our_meeting(m)
    {
        push(WorkReason::FirstMeetingRemote, m.start);
    }
    if let Some(reported) = facts.absence_reported {
        push(WorkReason::AbsenceReported, reported);
    }
    if let Some(since) = facts.letter_address_missing
        && jobcenter
    {
        push(WorkReason::LetterAddressMissing, since);
    }
    if let Some(item) = items
        .iter()
        .find(|i| i.status == ItemStatus::Overdue && facts.ours(i))
    {
        let reason = if facts.self_books {
            WorkReason::BookingOverdue
        } else {
            WorkReason::Overdue
        };
        push(reason, day_start(item.due_by.saturating_add(1.day())));
    }
    let soon = today.saturating_add(DUE_SOON_DAYS.days());
    if let Some(item) = items
        .iter()
        .find(|i| i.status == ItemStatus::Due && i.due_by <= soon && facts.ours(i))
    {
        let window = item
            .due_by
            .saturating_sub(DUE_SOON_DAYS.days())
            .max(item.due_from);
        push(WorkReason::DueSoon, day_start(window));
    }
    let last_no_show = facts
        .meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::NoShow && facts.our_meeting(m))
        .max_by_key(|m| m.start);
    if let Some(no_show) = last_no_show {
        let followed_up = facts.meetings.iter().any(|m| {
            m.start > no_show.start
                && matches!(m.status, MeetingStatus::Booked | MeetingStatus::Held)
        });
        if !followed_up {
            push(WorkReason::NoShow, no_show.start);
        }
    }
    // A request to be called is dealt with by booking a meeting after it (a phone call is one).
    if let Some(asked) = facts.callback_requested
        && !facts.meetings.iter().any(|m| {
            m.start > asked && matches!(m.status, MeetingStatus::Booked | MeetingStatus::Held)
        })
    {
        push(WorkReason::CallbackRequested, asked);
    }
    if let Some(since) = facts.unanswered_since
        && crate::messages::is_unanswered(since, now)
    {
        push(WorkReason::UnansweredMessage, since);
    }
    if let Some(screened) = facts.latest_screening
        && jobcenter
        && facts
            .latest_visitation
            .is_none_or(|decided| decided < screened)
    {
        push(WorkReason::AwaitingVisitation, screened);
    }
    if jobcenter && facts.track == Some(Track::SelfService) {
        let last = facts.last_activity.unwrap_or(facts.registered_at);
        if now.duration_since(last) >= INACTIVE_AFTER {
            push(WorkReason::Inactive, last);
        }
    }
    if jobcenter && !facts.assigned {
        push(WorkReason::Unassigned, facts.registered_at);
    }
    out
}

/// Most urgent first: by reason, then the oldest first.
pub fn sort_worklist<T>(items: &mut [T], key: impl Fn(&T) -> WorkItem) {
    items.sort_by_key(|i| {
        let w = key(i);
        (w.reason, w.since)
    });
}
