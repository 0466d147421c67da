//! Messages between a citizen and their jobcenter or a-kasse (API.md, Messages): one thread per
//! citizen and organisation. Staff use their own organisation's thread; the citizen and
//! administrators choose with `?thread=a_kasse` (the jobcenter's by default).
pub mod assign;
pub mod list;
pub mod post;
pub mod read;

use domain::Role;
use domain::messages::{ThreadHolder, Waiting};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::time_fmt::rfc3339;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ThreadParams {
    /// `jobcenter` (default) or `a_kasse`; staff always use their own organisation's thread.
    pub thread: Option<String>,
}

impl ThreadParams {
    pub fn holder(&self) -> Result<Option<ThreadHolder>, ApiError> {
        let mut f = crate::validate::Fields::default();
        let holder = f.optional("thread", self.thread.as_deref(), ThreadHolder::try_from);
        Ok(f.finish(|| holder)?)
    }
}

/// A message, exactly as written.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageJson {
    pub id: String,
    pub author_id: String,
    pub body: String,
    #[schema(value_type = String, example = "2026-03-02T09:00:00+01:00")]
    pub sent_at: String,
    pub author_name: String,
    pub author_role: Role,
}

impl From<store::Message> for MessageJson {
    fn from(m: store::Message) -> Self {
        Self {
            sent_at: rfc3339(m.sent_at),
            id: m.id,
            author_id: m.author_id,
            body: m.body,
            author_name: m.author_name,
            author_role: m.author_role,
        }
    }
}

/// The thread's state: whose turn it is, read receipts and who has taken it on.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadJson {
    pub holder: ThreadHolder,
    /// `staff` when the citizen waits for an answer, `citizen` when staff wrote last.
    pub waiting_for: Waiting,
    #[schema(value_type = String)]
    pub waiting_since: String,
    /// When the citizen last read the thread (read receipt for staff's messages).
    #[schema(value_type = Option<String>)]
    pub read_by_citizen_at: Option<String>,
    /// When the organisation last read it (read receipt for the citizen's messages).
    #[schema(value_type = Option<String>)]
    pub read_by_staff_at: Option<String>,
    pub assigned_to: Option<String>,
    pub assigned_name: Option<String>,
}

impl From<store::Thread> for ThreadJson {
    fn from(t: store::Thread) -> Self {
        Self {
            holder: t.holder,
            waiting_for: t.waiting_for,
            waiting_since: rfc3339(t.waiting_since),
            read_by_citizen_at: t.citizen_read_at.map(rfc3339),
            read_by_staff_at: t.staff_read_at.map(rfc3339),
            assigned_to: t.assigned_to,
            assigned_name: t.assigned_name,
        }
    }
}
