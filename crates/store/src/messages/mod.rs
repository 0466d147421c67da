//! Messages between a citizen and their jobcenter or a-kasse: writing one, and reading a thread.
//!
//! A thread is opened through [`Store::open_thread`], which decides visibility, logs the read
//! and hands back a [`ThreadView`]: holding one is the proof that the actor may read that thread,
//! so live views can fetch new messages without asking again.

pub(crate) mod inbox;
pub(crate) mod notice;
pub(crate) mod writer;

use domain::messages::{
    MessageBody, RATE_WINDOW, ThreadHolder, Waiting, may_write, thread_for, within_rate_limit,
};
use domain::{Actor, CitizenId, Role, Visibility};
use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{AuditAction, AuditEntry};
use crate::error::parse;
use crate::events::{ThreadChange, ThreadEvent, ThreadKey, notify_in};
use crate::ids::new_id;
use crate::{Citizen, Store, StoreError, clock};
use writer::{PostRow, write_post};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: String,
    pub author_id: String,
    pub author_name: String,
    pub author_role: Role,
    /// Exactly as written.
    pub body: String,
    pub sent_at: Timestamp,
}

impl Message {
    pub fn by_citizen(&self) -> bool {
        self.author_role == Role::Citizen
    }
}

/// A thread's state, once it has a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thread {
    pub id: String,
    pub holder: ThreadHolder,
    pub waiting_for: Waiting,
    pub waiting_since: Timestamp,
    pub citizen_read_at: Option<Timestamp>,
    pub staff_read_at: Option<Timestamp>,
    pub assigned_to: Option<String>,
    pub assigned_name: Option<String>,
}

/// Proof that an actor may read a thread: only [`Store::open_thread`] makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadView {
    key: ThreadKey,
    visibility: Visibility,
}

impl ThreadView {
    pub fn key(&self) -> &ThreadKey {
        &self.key
    }

    pub fn holder(&self) -> ThreadHolder {
        self.key.holder
    }

    /// The citizen reads it (rather than staff or an administrator).
    pub fn is_citizen(&self) -> bool {
        self.visibility == Visibility::Own
    }

    pub fn may_write(&self) -> bool {
        may_write(self.visibility)
    }

    pub fn visibility(&self) -> Visibility {
        self.visibility
    }
}

/// A thread as its reader sees it, oldest message first, with the citizen it is with (read once,
/// for visibility, so a page needs no second, separately logged read of the citizen).
#[derive(Debug, Clone)]
pub struct Conversation {
    pub view: ThreadView,
    pub citizen: Citizen,
    pub thread: Option<Thread>,
    pub messages: Vec<Message>,
}

impl Conversation {
    /// Whether the other side wrote something the reader has not marked read. Administrators
    /// read for support, never as the organisation: nothing is unread to them.
    pub fn unread(&self) -> bool {
        let reader_is_citizen = self.view.is_citizen();
        let read_at = match (&self.thread, self.view.visibility) {
            (None, _) | (_, Visibility::Admin | Visibility::Hidden) => return false,
            (Some(t), Visibility::Own) => t.citizen_read_at,
            (Some(t), _) => t.staff_read_at,
        };
        self.messages
            .iter()
            .any(|m| m.by_citizen() != reader_is_citizen && read_at.is_none_or(|r| m.sent_at > r))
    }
}

const MESSAGE_COLUMNS: &str = "m.id, m.author_id, m.author_name, m.author_role, m.body, m.sent_at";
const THREAD_COLUMNS: &str = "id, holder, waiting_for, waiting_since, citizen_read_at, staff_read_at, \
     assigned_to, assigned_name";

fn message_from_row(r: &AnyRow) -> Result<Message, StoreError> {
    Ok(Message {
        id: r.try_get("id")?,
        author_id: r.try_get("author_id")?,
        author_name: r.try_get("author_name")?,
        author_role: parse("author_role", r.try_get::<&str, _>("author_role")?)?,
        body: r.try_get("body")?,
        sent_at: clock::from_micros(r.try_get("sent_at")?),
    })
}

pub(crate) fn thread_from_row(r: &AnyRow) -> Result<Thread, StoreError> {
    let at = |c: &str| -> Result<Option<Timestamp>, StoreError> {
        Ok(r.try_get::<Option<i64>, _>(c)?.map(clock::from_micros))
    };
    Ok(Thread {
        id: r.try_get("id")?,
        holder: parse("holder", r.try_get::<&str, _>("holder")?)?,
        waiting_for: parse("waiting_for", r.try_get::<&str, _>("waiting_for")?)?,
        waiting_since: clock::from_micros(r.try_get("waiting_since")?),
        citizen_read_at: at("citizen_read_at")?,
        staff_read_at: at("staff_read_at")?,
        assigned_to: r.try_get("assigned_to")?,
        assigned_name: r.try_get("assigned_name")?,
    })
}

impl Store {
    /// Opens the thread the actor may read with this citizen (`requested` chooses the a-kasse
    /// thread for the citizen and administrators), logging the read. `NotFound` when the
    /// citizen or that thread is not the actor's to know of.
    pub async fn open_thread(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        requested: Option<ThreadHolder>,
    ) -> Result<ThreadView, StoreError> {
        Ok(self.open_thread_of(actor, citizen_id, requested).await?.0)
    }

    /// [`Store::open_thread`], with the citizen.
    async fn open_thread_of(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        requested: Option<ThreadHolder>,
    ) -> Result<(ThreadView, Citizen), StoreError> {
        let (view, citizen) = self.thread_view(actor, citizen_id, requested).await?;
        if view.visibility.is_audited() {
            self.log_reads(vec![AuditEntry::new(
                self.now_micros(),
                actor,
                citizen_id,
                AuditAction::MessagesRead,
            )])
            .await?;
        }
        Ok((view, citizen))
    }

    pub(crate) async fn thread_view(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        requested: Option<ThreadHolder>,
    ) -> Result<(ThreadView, Citizen), StoreError> {
        let (citizen, visibility) = self.load_visible(actor, citizen_id).await?;
        let has_fund = citizen.unemployment_fund.is_some();
        let holder = thread_for(visibility, requested, has_fund).ok_or(StoreError::NotFound)?;
        let view = ThreadView {
            key: ThreadKey {
                citizen_id: citizen.id.to_string(),
                holder,
            },
            visibility,
        };
        Ok((view, citizen))
    }

    /// The whole thread, oldest first. Reading is logged; marking it read is a change of its
    /// own ([`Store::mark_conversation_read`]), never a side effect of looking (a GET).
    pub async fn conversation(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        requested: Option<ThreadHolder>,
    ) -> Result<Conversation, StoreError> {
        let (view, citizen) = self.open_thread_of(actor, citizen_id, requested).await?;
        let thread = self.thread(&view.key).await?;
        let messages = match &thread {
            None => Vec::new(),
            Some(t) => {
                let rows = sqlx::query(&format!(
                    "SELECT {MESSAGE_COLUMNS} FROM messages m WHERE m.thread_id = $1 ORDER BY m.sent_at, m.id"
                ))
                .bind(&t.id)
                .fetch_all(&self.inner.read)
                .await?;
                rows.iter()
                    .map(message_from_row)
                    .collect::<Result<_, _>>()?
            }
        };
        Ok(Conversation {
            view,
            citizen,
            thread,
            messages,
        })
    }

    pub(crate) async fn thread(&self, key: &ThreadKey) -> Result<Option<Thread>, StoreError> {
        sqlx::query(&format!(
            "SELECT {THREAD_COLUMNS} FROM message_threads WHERE citizen_id = $1 AND holder = $2"
        ))
        .bind(&key.citizen_id)
        .bind(key.holder.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .as_ref()
        .map(thread_from_row)
        .transpose()
    }

    /// A message of the viewed thread, for a live view; `None` if it is not in that thread.
    pub async fn message_in(
        &self,
        view: &ThreadView,
        message_id: &str,
    ) -> Result<Option<Message>, StoreError> {
        sqlx::query(&format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages m JOIN message_threads t ON t.id = m.thread_id \
             WHERE m.id = $1 AND t.citizen_id = $2 AND t.holder = $3"
        ))
        .bind(message_id)
        .bind(&view.key.citizen_id)
        .bind(view.key.holder.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .as_ref()
        .map(message_from_row)
        .transpose()
    }

    /// Marks the thread read by the actor (the page's "Markér som læst", the API's
    /// `POST …/messages/read`). The thread was opened to be read already; this is not logged
    /// again as a read.
    pub async fn mark_conversation_read(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        requested: Option<ThreadHolder>,
    ) -> Result<(), StoreError> {
        let (view, _) = self.thread_view(actor, citizen_id, requested).await?;
        self.mark_thread_read(&view).await
    }

    /// Marks the viewed thread read by its reader (a live view calls this when a new message is
    /// shown). Administrators' reads are not the organisation's: they change nothing.
    pub async fn mark_thread_read(&self, view: &ThreadView) -> Result<(), StoreError> {
        if let Some(thread) = self.thread(&view.key).await? {
            self.mark_read(view, thread).await?;
        }
        Ok(())
    }

    async fn mark_read(&self, view: &ThreadView, mut thread: Thread) -> Result<Thread, StoreError> {
        let (column, marker) = match view.visibility {
            Visibility::Own => ("citizen_read_at", &mut thread.citizen_read_at),
            Visibility::Municipality | Visibility::Fund => {
                ("staff_read_at", &mut thread.staff_read_at)
            }
            Visibility::Admin | Visibility::Hidden => return Ok(thread),
        };
        let now = self.now();
        let mut tx = self.inner.write.begin().await?;
        // Only when something is unread: opening a read thread again writes nothing.
        let changed = sqlx::query(&format!(
            "UPDATE message_threads SET {column} = $1 WHERE id = $2 \
             AND ({column} IS NULL OR {column} < last_message_at)"
        ))
        .bind(clock::to_micros(now))
        .bind(&thread.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Ok(thread);
        }
        *marker = Some(now);
        let event = ThreadEvent {
            thread: view.key.clone(),
            change: ThreadChange::Read {
                by_citizen: view.visibility == Visibility::Own,
                at: now,
            },
        };
        notify_in(&mut tx, self.inner.backend, &event).await?;
        tx.commit().await?;
        self.announce(event);
        Ok(thread)
    }

    /// Writes a message in the thread the actor has with this citizen: the rows of
    /// `messages/writer.rs`, committed before this returns (on SQLite in a group commit with other
    /// messages), then the live event. `RateLimited` when the writer has sent too many messages
    /// in the last minute; nothing is stored then.
    pub async fn post_message(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        requested: Option<ThreadHolder>,
        body: &MessageBody,
    ) -> Result<Message, StoreError> {
        let (view, _) = self.thread_view(actor, citizen_id, requested).await?;
        if !view.may_write() {
            return Err(StoreError::Forbidden);
        }
        let now = self.now();
        let window_start = now.checked_sub(RATE_WINDOW).unwrap_or(now);
        let recent: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM messages WHERE author_id = $1 AND sent_at > $2")
                .bind(actor.id())
                .bind(clock::to_micros(window_start))
                .fetch_one(&self.inner.read)
                .await?
                .try_get("n")?;
        if !within_rate_limit(recent) {
            return Err(StoreError::RateLimited);
        }
        let message = Message {
            id: new_id(),
            author_id: actor.id().to_owned(),
            author_name: actor.name().to_owned(),
            author_role: actor.role(),
            body: body.as_str().to_owned(),
            sent_at: now,
        };
        let event = ThreadEvent {
            thread: view.key.clone(),
            change: ThreadChange::Posted {
                message_id: message.id.clone(),
            },
        };
        let row = PostRow {
            message,
            audit: view.visibility.is_audited().then(|| {
                AuditEntry::new(
                    self.now_micros(),
                    actor,
                    citizen_id,
                    AuditAction::MessageWritten,
                )
            }),
            event,
        };
        let row = match &self.inner.messages {
            Some(writer) => writer.write(row).await?.0,
            None => {
                let mut tx = self.inner.write.begin().await?;
                write_post(&mut tx, self.inner.backend, &row).await?;
                tx.commit().await?;
                row
            }
        };
        self.announce(row.event);
        Ok(row.message)
    }
}
