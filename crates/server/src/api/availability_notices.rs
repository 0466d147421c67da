//! Availability notices (underretninger) after a no-show: the recipient's inbox, and
//! withdrawing one when the excuse arrives later.
pub mod list;
pub mod withdraw;

use serde::Serialize;
use utoipa::ToSchema;

use crate::time_fmt::rfc3339;

/// One notice with the facts its recipient needs to assess availability.
#[derive(Debug, Serialize, ToSchema)]
pub struct AvailabilityNoticeJson {
    pub id: String,
    pub citizen_id: String,
    pub citizen_name: String,
    pub meeting_id: Option<String>,
    /// `no_show` (or `booking_overdue`).
    pub kind: domain::meetings::NoticeKind,
    /// `a_kasse` or `benefits_office`.
    pub recipient: domain::meetings::NoticeRecipient,
    pub channel: Option<domain::Channel>,
    /// `no_show`: the meeting's start; `booking_overdue`: the start of the day by which the
    /// conversation was to be held.
    #[schema(value_type = Option<String>)]
    pub start: Option<String>,
    /// What the citizen had said beforehand ("Jeg kan ikke komme"), if anything.
    pub citizen_said_reason: Option<domain::meetings::AbsenceReason>,
    pub citizen_said: Option<String>,
    pub recorded_by_name: String,
    /// `jobcenter` or `a_kasse`.
    #[schema(value_type = String)]
    pub sent_by: domain::messages::ThreadHolder,
    #[schema(value_type = String)]
    pub created_at: String,
    pub withdrawn: Option<WithdrawalJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WithdrawalJson {
    #[schema(value_type = String)]
    pub at: String,
    pub by_name: String,
    pub reason: String,
}

impl From<store::AvailabilityNotice> for AvailabilityNoticeJson {
    fn from(n: store::AvailabilityNotice) -> Self {
        Self {
            id: n.id.into(),
            citizen_id: n.citizen_id.into(),
            citizen_name: n.citizen_name,
            meeting_id: n.meeting_id.map(Into::into),
            kind: n.kind,
            recipient: n.recipient,
            channel: n.channel,
            start: n.start.map(rfc3339),
            citizen_said_reason: n.citizen_said_reason,
            citizen_said: n.citizen_said,
            recorded_by_name: n.recorded_by_name,
            sent_by: n.sent_by.into(),
            created_at: rfc3339(n.created_at),
            withdrawn: n.withdrawn.map(|w| WithdrawalJson {
                at: rfc3339(w.at),
                by_name: w.by_name,
                reason: w.reason,
            }),
        }
    }
}
