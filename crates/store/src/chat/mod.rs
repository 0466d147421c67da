//! The staffed live chat (issue 21): opening hours (`hours.rs`), who is on duty (`duty.rs`) and
//! the queue (`queue.rs`). What is said in a chat is ordinary messages in the citizen's thread,
//! written by `Store::post_message`, so the transcript is part of the case with both names;
//! a chat row only says when it was asked for, who took it and how it ended.

mod duty;
mod events;
mod figures;
mod handover;
mod hours;
mod queue;

use domain::messages::ThreadHolder;
use domain::{Actor, ChatId, CitizenId, Organisation};
use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::ids::typed;
use crate::{Citizen, StoreError, clock};

pub use duty::DUTY_STALE;
pub use queue::{ChatState, QueuedChat, StaffChats, Started};

/// An organisation that chats with citizens: a jobcentre (by its municipality) or an a-kasse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatOrg {
    pub holder: ThreadHolder,
    pub code: String,
}

impl ChatOrg {
    /// The organisation a staff member chats for; `None` for anyone else.
    pub fn of_staff(actor: &Actor) -> Option<ChatOrg> {
        match actor {
            Actor::Staff { organisation, .. } => Some(match organisation {
                Organisation::Municipality(m) => ChatOrg {
                    holder: ThreadHolder::Jobcenter,
                    code: m.as_str().to_owned(),
                },
                Organisation::Fund(f) => ChatOrg {
                    holder: ThreadHolder::AKasse,
                    code: f.as_str().to_owned(),
                },
            }),
            _ => None,
        }
    }

    /// The organisation holding `citizen`'s thread `holder`.
    pub fn of_thread(citizen: &Citizen, holder: ThreadHolder) -> Option<ChatOrg> {
        let code = match holder {
            ThreadHolder::Jobcenter => citizen.municipality.as_str().to_owned(),
            ThreadHolder::AKasse => citizen.unemployment_fund.as_ref()?.as_str().to_owned(),
        };
        Some(ChatOrg { holder, code })
    }

    fn table(&self) -> &'static str {
        match self.holder {
            ThreadHolder::Jobcenter => "municipalities",
            ThreadHolder::AKasse => "unemployment_funds",
        }
    }
}

/// How a chat ended.
pub const ANSWERED: &str = "answered";
pub const ABANDONED: &str = "abandoned";
pub const UNANSWERED: &str = "unanswered";

/// One chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chat {
    pub id: ChatId,
    pub citizen_id: CitizenId,
    pub holder: ThreadHolder,
    /// The municipality's or a-kasse's code: with `holder`, the organisation it is with.
    pub org_code: String,
    pub requested_at: Timestamp,
    /// The citizen's own caseworker when the chat was asked for, if any: first in line for it
    /// and the one to hand it to.
    pub own_caseworker: Option<String>,
    /// The staff member who took it, and their name as the citizen sees it.
    pub taken_by: Option<String>,
    pub taken_name: Option<String>,
    pub taken_at: Option<Timestamp>,
    pub ended_at: Option<Timestamp>,
    /// [`ANSWERED`], [`ABANDONED`] or [`UNANSWERED`] once ended.
    pub outcome: Option<String>,
}

impl Chat {
    pub fn is_waiting(&self) -> bool {
        self.taken_by.is_none() && self.ended_at.is_none()
    }

    /// The organisation the chat is with.
    pub fn org(&self) -> ChatOrg {
        ChatOrg {
            holder: self.holder,
            code: self.org_code.clone(),
        }
    }
}

const COLUMNS: &str = "id, citizen_id, holder, org_code, requested_at, own_caseworker, taken_by, taken_name, taken_at, ended_at, outcome";

fn from_row(r: &AnyRow) -> Result<Chat, StoreError> {
    let at = |c: &str| -> Result<Option<Timestamp>, StoreError> {
        Ok(r.try_get::<Option<i64>, _>(c)?.map(clock::from_micros))
    };
    Ok(Chat {
        id: typed("id", r.try_get("id")?)?,
        citizen_id: typed("citizen_id", r.try_get("citizen_id")?)?,
        holder: crate::error::parse("holder", r.try_get::<&str, _>("holder")?)?,
        org_code: r.try_get("org_code")?,
        requested_at: clock::from_micros(r.try_get("requested_at")?),
        own_caseworker: r.try_get("own_caseworker")?,
        taken_by: r.try_get("taken_by")?,
        taken_name: r.try_get("taken_name")?,
        taken_at: at("taken_at")?,
        ended_at: at("ended_at")?,
        outcome: r.try_get("outcome")?,
    })
}
