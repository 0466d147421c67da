//! Writing a message: its rows, in a transaction the caller provides, and on SQLite a group
//! commit. SQLite has one writer and `synchronous=FULL`, so each message alone would cost its
//! own fsync and cap a busy server at a few hundred messages a second. The message writer takes
//! whatever messages have queued, writes them one after the other in one transaction (so two
//! messages in one thread see each other, as they would one by one), commits once, and only then
//! answers: an answered message is as durable as before. PostgreSQL commits in parallel by
//! itself and writes each in its own transaction.
//!
//! If a batch fails as a whole, its messages are retried one at a time, so one bad message
//! cannot fail others.

use domain::messages::{NoticePlan, ThreadHolder, plan_notice, waiting_after};
use sqlx::{Any, AnyPool, Row, Transaction};
use tokio::sync::{mpsc, oneshot};

use crate::audit::{self, AuditEntry};
use crate::connect::Backend;
use crate::events::{ThreadEvent, notify_in};
use crate::ids::new_id;
use crate::messages::Message;
use crate::{StoreError, clock};

/// A message whose checks have passed: everything to write.
#[derive(Debug, Clone)]
pub(crate) struct PostRow {
    pub message: Message,
    pub citizen_id: String,
    pub holder: ThreadHolder,
    pub by_citizen: bool,
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
    let now = clock::to_micros(m.sent_at);
    let waiting = waiting_after(row.by_citizen);
    let holder = row.holder.as_str();
    let lock = match backend {
        Backend::Postgres => "FOR UPDATE",
        Backend::Sqlite => "",
    };
    sqlx::query(
        "INSERT INTO message_threads (id, citizen_id, holder, waiting_for, waiting_since, last_message_at) \
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (citizen_id, holder) DO NOTHING",
    )
    .bind(new_id())
    .bind(&row.citizen_id)
    .bind(holder)
    .bind(waiting.as_str())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    let thread = sqlx::query(&format!(
        "SELECT id, waiting_for, waiting_since, last_notice_at FROM message_threads \
         WHERE citizen_id = $1 AND holder = $2 {lock}"
    ))
    .bind(&row.citizen_id)
    .bind(holder)
    .fetch_one(&mut **tx)
    .await?;
    let thread_id: String = thread.try_get("id")?;
    // A second message from the same side keeps the turn's start: the wait is from the first.
    let waiting_since = if thread.try_get::<&str, _>("waiting_for")? == waiting.as_str() {
        thread.try_get::<i64, _>("waiting_since")?
    } else {
        now
    };
    let last_notice = thread
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
    let notice_at = match plan_notice(row.by_citizen, last_notice, m.sent_at) {
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
    let own_marker = if row.by_citizen {
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

type Reply = oneshot::Sender<Result<(), String>>;

/// The SQLite group-commit queue for messages.
pub(crate) struct MessageWriter {
    queue: mpsc::Sender<(PostRow, Reply)>,
}

/// Messages per transaction at most.
const BATCH: usize = 256;

impl MessageWriter {
    pub(crate) fn start(pool: AnyPool) -> Self {
        let (queue, rx) = mpsc::channel(4096);
        tokio::spawn(run(pool, rx));
        Self { queue }
    }

    /// Returns once the message is committed.
    pub(crate) async fn write(&self, row: PostRow) -> Result<(), StoreError> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send((row, reply))
            .await
            .map_err(|_| StoreError::AuditUnavailable)?;
        match answer.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(StoreError::Database(sqlx::Error::Protocol(e))),
            Err(_) => Err(StoreError::AuditUnavailable),
        }
    }
}

async fn run(pool: AnyPool, mut rx: mpsc::Receiver<(PostRow, Reply)>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match rx.try_recv() {
                Ok(more) => batch.push(more),
                Err(_) => break,
            }
        }
        let rows: Vec<&PostRow> = batch.iter().map(|(r, _)| r).collect();
        match write_batch(&pool, &rows).await {
            Ok(()) => {
                for (_, reply) in batch {
                    let _ = reply.send(Ok(()));
                }
            }
            Err(e) if batch.len() > 1 => {
                tracing::warn!(error = %e, messages = batch.len(), "message batch failed; retrying one by one");
                for (row, reply) in batch {
                    let _ =
                        reply.send(write_batch(&pool, &[&row]).await.map_err(|e| e.to_string()));
                }
            }
            Err(e) => {
                for (_, reply) in batch {
                    let _ = reply.send(Err(e.to_string()));
                }
            }
        }
    }
}

async fn write_batch(pool: &AnyPool, rows: &[&PostRow]) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    for row in rows {
        write_post(&mut tx, Backend::Sqlite, row).await?;
    }
    tx.commit().await
}
