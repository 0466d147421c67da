//! The staffed live chat (issue 21, extensions of API.md). A chat's words are the thread's
//! messages (`/citizens/{id}/messages`); these routes start a chat and show the queue
//! (`citizen.rs`), let staff go on duty and take the next (`staff.rs`), end it (`end.rs`) and
//! set an organisation's opening hours (`hours.rs`).

pub mod citizen;
pub mod end;
pub mod hours;
pub mod staff;

use domain::chat::Availability;
use serde::Serialize;
use utoipa::ToSchema;

use crate::time_fmt::rfc3339;

/// A chat as both sides see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChatJson {
    pub id: String,
    pub citizen_id: String,
    /// Whose thread: `jobcenter` or `a_kasse`.
    #[schema(value_type = String)]
    pub thread: domain::messages::ThreadHolder,
    #[schema(value_type = String)]
    pub requested_at: String,
    /// Who took it (a name the citizen may see), once taken.
    pub taken_by_name: Option<String>,
    #[schema(value_type = Option<String>)]
    pub taken_at: Option<String>,
    #[schema(value_type = Option<String>)]
    pub ended_at: Option<String>,
    /// `answered`, `abandoned` or `unanswered` (closing time came first), once ended.
    pub outcome: Option<String>,
}

impl From<store::Chat> for ChatJson {
    fn from(c: store::Chat) -> Self {
        Self {
            id: c.id.into(),
            citizen_id: c.citizen_id.into(),
            thread: c.holder,
            requested_at: rfc3339(c.requested_at),
            taken_by_name: c.taken_name,
            taken_at: c.taken_at.map(rfc3339),
            ended_at: c.ended_at.map(rfc3339),
            outcome: c.outcome,
        }
    }
}

/// Whether the chat can start now.
#[derive(Debug, Serialize, ToSchema)]
pub struct AvailabilityJson {
    /// `open` (someone is on duty), `unstaffed` (open hours, nobody on duty: write a message)
    /// or `closed`.
    pub state: String,
    /// While open: when it closes.
    #[schema(value_type = Option<String>)]
    pub closes_at: Option<String>,
    /// While closed: when it opens next (none: the organisation offers no chat).
    #[schema(value_type = Option<String>)]
    pub opens_at: Option<String>,
}

impl From<Availability> for AvailabilityJson {
    fn from(a: Availability) -> Self {
        let (state, closes_at, opens_at) = match a {
            Availability::Open { closes } => ("open", Some(closes), None),
            Availability::Unstaffed { closes } => ("unstaffed", Some(closes), None),
            Availability::Closed { opens } => ("closed", None, opens),
        };
        Self {
            state: state.to_owned(),
            closes_at: closes_at.map(rfc3339),
            opens_at: opens_at.map(rfc3339),
        }
    }
}
