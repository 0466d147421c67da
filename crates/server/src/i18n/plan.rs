//! Texts of the contact plan and the worklist. Citizens read their plan as sentences with the
//! action first ("Du skal have en samtale med din a-kasse inden 14. marts"); staff read codes
//! as short labels.

use catalogue::dates::{day_month, starts};
use domain::contact_plan::{ConversationKind, Holder, ItemStatus, PlanItem, WorkReason};
use jiff::civil::Date;

use super::Lang;

/// A worklist reason as staff read it.
pub fn work_reason(lang: Lang, r: WorkReason) -> &'static str {
    match r {
        WorkReason::FirstMeetingRemote => lang.text("work-reason-first-meeting-remote"),
        WorkReason::AbsenceReported => lang.text("work-reason-absence-reported"),
        WorkReason::LetterAddressMissing => lang.text("work-reason-letter-address-missing"),
        WorkReason::BookingOverdue => lang.text("work-reason-booking-overdue"),
        WorkReason::Overdue => lang.text("work-reason-overdue"),
        WorkReason::NoShow => lang.text("work-reason-no-show"),
        WorkReason::DueSoon => lang.text("work-reason-due-soon"),
        WorkReason::CallbackRequested => lang.text("work-reason-callback-requested"),
        WorkReason::UnansweredMessage => lang.text("work-reason-unanswered-message"),
        WorkReason::AwaitingVisitation => lang.text("work-reason-awaiting-visitation"),
        WorkReason::Inactive => lang.text("work-reason-inactive"),
        WorkReason::Unassigned => lang.text("work-reason-unassigned"),
    }
}

pub fn kind(lang: Lang, k: ConversationKind) -> &'static str {
    match k {
        ConversationKind::FirstConversation => lang.text("conversation-kind-first-conversation"),
        ConversationKind::JobConversation => lang.text("conversation-kind-job-conversation"),
        ConversationKind::SixteenMonthConversation => {
            lang.text("conversation-kind-sixteen-month-conversation")
        }
    }
}

pub fn holder(lang: Lang, h: Holder) -> &'static str {
    match h {
        Holder::UnemploymentFund => lang.text("holder-unemployment-fund"),
        Holder::Municipality => lang.text("holder-municipality"),
    }
}

pub fn item_status(lang: Lang, s: ItemStatus) -> &'static str {
    match s {
        ItemStatus::Done => lang.text("plan-status-done"),
        ItemStatus::Planned => lang.text("plan-status-planned"),
        ItemStatus::Due => lang.text("plan-status-due"),
        ItemStatus::Overdue => lang.text("plan-status-overdue"),
    }
}

/// One item of the plan as a sentence for the citizen, on `today`: the action first.
pub fn for_citizen(lang: Lang, item: &PlanItem<'_>, today: Date) -> String {
    let date = |d: Date| day_month(lang, d, today.year());
    let with = match item.holder {
        Holder::UnemploymentFund => lang.text("plan-with-fund"),
        Holder::Municipality => lang.text("plan-with-municipality"),
    };
    let what = match item.kind {
        ConversationKind::FirstConversation => lang.text("plan-what-first"),
        _ => lang.text("plan-what-other"),
    };
    let (key, when) = match (item.status, item.meeting) {
        (ItemStatus::Done, Some(m)) => ("plan-citizen-done", date(m.date)),
        (ItemStatus::Planned, Some(m)) => ("plan-citizen-planned", starts(lang, m.start)),
        (ItemStatus::Overdue, _) => ("plan-citizen-overdue", date(item.due_by)),
        _ if item.due_from > today => {
            let (from, to) = (date(item.due_from), date(item.due_by));
            return lang.fmt(
                "plan-citizen-window",
                &[
                    ("what", what.into()),
                    ("with", with.into()),
                    ("from", (&from).into()),
                    ("to", (&to).into()),
                ],
            );
        }
        _ => ("plan-citizen-due", date(item.due_by)),
    };
    lang.fmt(
        key,
        &[
            ("what", what.into()),
            ("with", with.into()),
            ("when", (&when).into()),
        ],
    )
}
