//! Writing a message: its rows, in a transaction the caller provides; on SQLite many messages in
//! one group commit (`group_commit.rs`), written one after the other so two messages in one
//! thread see each other as they would one by one. Without it each message cost its own fsync
//! and the single writer managed fewer than 1,000 a second (`docs/messages.md`).

use domain::messages::{NoticePlan, plan_notice, waiting_after};
use sqlx::{Any, AnyConnection, Row, Transaction};

use crate::audit::{self, AuditEntry};
use crate::clock;
use crate::connect::Backend;
use crate::events::{ThreadEvent, notify_in};
use crate::group_commit::Batch;
use crate::ids::new_id;
use crate::messages::Message;

/// A message whose checks have passed: everything to write. Its thread is the event's.
#[derive(Debug, Clone)]
pub(crate) struct PostRow {
    pub message: Message,
    pub audit: Option<AuditEntry>,
    pub event: ThreadEvent,
}

/// The rows of one message: the thread (made on the first message), whose turn it is, the
/// writer's own read marker, the notice to the citizen (throttled), the audit entry and, on
/// PostgreSQL, the live event for other instances (delivered at commit).
pub(crate) async fn write_post(
    tx: &mut Transaction<'_, Any>,
    backend: Backend,
    row: &PostRow,
) -> Result<(), sqlx::Error> {
    let m = &row.message;
    let thread = &row.event.thread;
    let by_citizen = m.by_citizen();
    let now = clock::to_micros(m.sent_at);
    let waiting = waiting_after(by_citizen);
    let holder = thread.holder.as_str();
    let lock = match backend {
        Backend::Postgres => "FOR UPDATE",
        Backend::Sqlite => "",
    };
    sqlx::query(
        "INSERT INTO message_threads (id, citizen_id, holder, waiting_for, waiting_since, last_message_at) \
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (citizen_id, holder) DO NOTHING",
    )
    .bind(new_id())
    .bind(&thread.citizen_id)
    .bind(holder)
    .bind(waiting.as_str())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    let current = sqlx::query(&format!(
        "SELECT id, waiting_for, waiting_since, last_notice_at FROM message_threads \
         WHERE citizen_id = $1 AND holder = $2 {lock}"
    ))
    .bind(&thread.citizen_id)
    .bind(holder)
    .fetch_one(&mut **tx)
    .await?;
    let thread_id: String = current.try_get("id")?;
    // A second message from the same side keeps the turn's start: the wait is from the first.
    let waiting_since = if current.try_get::<&str, _>("waiting_for")? == waiting.as_str() {
        current.try_get::<i64, _>("waiting_since")?
    } else {
        now
    };
    let last_notice = current
        .try_get::<Option<i64>, _>("last_notice_at")?
        .map(clock::from_micros);
    sqlx::query(
        "INSERT INTO messages (id, thread_id, author_id, author_name, author_role, body, sent_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&m.id)
    .bind(&thread_id)
    .bind(&m.author_id)
    .bind(&m.author_name)
    .bind(m.author_role.as_str())
    .bind(&m.body)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    let notice_at = match plan_notice(by_citizen, last_notice, m.sent_at) {
        NoticePlan::At(at) => {
            sqlx::query(
                "INSERT INTO outbox (id, kind, subject_id, not_before, created_at) VALUES ($1, 'message_posted', $2, $3, $4)",
            )
            .bind(new_id())
            .bind(&m.id)
            .bind(clock::to_micros(at))
            .bind(now)
            .execute(&mut **tx)
            .await?;
            Some(now)
        }
        NoticePlan::Throttled | NoticePlan::OwnMessage => None,
    };
    let own_marker = if by_citizen {
        "citizen_read_at"
    } else {
        "staff_read_at"
    };
    sqlx::query(&format!(
        "UPDATE message_threads SET waiting_for = $1, waiting_since = $2, last_message_at = $3, \
         {own_marker} = $3, last_notice_at = COALESCE($4, last_notice_at) WHERE id = $5"
    ))
    .bind(waiting.as_str())
    .bind(waiting_since)
    .bind(now)
    .bind(notice_at)
    .bind(&thread_id)
    .execute(&mut **tx)
    .await?;
    if let Some(entry) = &row.audit {
        audit::insert(tx, std::slice::from_ref(entry)).await?;
    }
    notify_in(tx, backend, &row.event).await
}

/// Messages as a group-commit batch (SQLite).
pub(crate) struct Messages;

impl Batch for Messages {
    type Row = PostRow;
    type Out = ();
    const WHAT: &'static str = "message";

    async fn write(
        conn: &mut AnyConnection,
        rows: &[PostRow],
        _patient: bool,
    ) -> Result<Vec<()>, sqlx::Error> {
        let mut tx = sqlx::Connection::begin(conn).await?;
        for row in rows {
            write_post(&mut tx, Backend::Sqlite, row).await?;
        }
        tx.commit().await?;
        Ok(vec![(); rows.len()])
    }
}
