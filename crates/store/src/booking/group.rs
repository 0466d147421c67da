//! Group commit for bookings on SQLite. SQLite has one writer, so concurrent bookings queue for
//! it; each alone would cost its own statements and its own fsync. The booking writer takes
//! whatever bookings have queued, claims their slots one by one in one transaction, writes the
//! claimed ones' meetings, audit entries and outbox rows with one statement each, commits once,
//! and only then answers every request. An answered booking is therefore exactly as durable as
//! before (`synchronous=FULL`), and of simultaneous bookings of one slot exactly one claim
//! succeeds, as the conditional UPDATE decides within the transaction.
//!
//! If a batch fails as a whole (it should not: the inserts cannot conflict once the claim
//! succeeded), its bookings are retried one at a time, so one bad booking cannot fail others.

use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};

use crate::audit::{self, AuditEntry};
use crate::ids::new_id;
use crate::{StoreError, clock};

/// A booking whose checks have passed: everything to write once its slot is claimed.
#[derive(Debug, Clone)]
pub(crate) struct BookingRow {
    pub id: String,
    pub citizen_id: String,
    pub staff_id: String,
    pub slot_id: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub channel: &'static str,
    pub location: Option<String>,
    pub purpose: Option<String>,
    pub attendance_reason: Option<String>,
    pub booked_by: String,
    pub booked_by_role: &'static str,
    pub booked_at: i64,
    pub audit: Option<AuditEntry>,
    pub notices: Vec<(&'static str, i64)>,
}

type Reply = oneshot::Sender<Result<bool, String>>;

pub(crate) struct BookingWriter {
    queue: mpsc::Sender<(BookingRow, Reply)>,
}

/// Bookings per transaction at most.
const BATCH: usize = 256;

impl BookingWriter {
    pub(crate) fn start(pool: AnyPool) -> Self {
        let (queue, rx) = mpsc::channel(4096);
        tokio::spawn(run(pool, rx));
        Self { queue }
    }

    /// `true` when the slot was claimed and the booking committed; `false` when the slot was
    /// taken.
    pub(crate) async fn book(&self, row: BookingRow) -> Result<bool, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send((row, reply))
            .await
            .map_err(|_| StoreError::AuditUnavailable)?;
        match answer.await {
            Ok(Ok(claimed)) => Ok(claimed),
            Ok(Err(e)) => Err(StoreError::Database(sqlx::Error::Protocol(e))),
            Err(_) => Err(StoreError::AuditUnavailable),
        }
    }
}

async fn run(pool: AnyPool, mut rx: mpsc::Receiver<(BookingRow, Reply)>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match rx.try_recv() {
                Ok(more) => batch.push(more),
                Err(_) => break,
            }
        }
        let rows: Vec<&BookingRow> = batch.iter().map(|(r, _)| r).collect();
        match write(&pool, &rows).await {
            Ok(claimed) => {
                for ((_, reply), ok) in batch.into_iter().zip(claimed) {
                    let _ = reply.send(Ok(ok));
                }
            }
            Err(e) if batch.len() > 1 => {
                tracing::warn!(error = %e, bookings = batch.len(), "booking batch failed; retrying one by one");
                for (row, reply) in batch {
                    let _ = reply.send(
                        write(&pool, &[&row])
                            .await
                            .map(|c| c.first().copied().unwrap_or(false))
                            .map_err(|e| e.to_string()),
                    );
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

async fn write(pool: &AnyPool, rows: &[&BookingRow]) -> Result<Vec<bool>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let mut claimed = Vec::with_capacity(rows.len());
    for row in rows {
        let done =
            sqlx::query("UPDATE slots SET meeting_id = $1 WHERE id = $2 AND meeting_id IS NULL")
                .bind(&row.id)
                .bind(&row.slot_id)
                .execute(&mut *tx)
                .await?;
        claimed.push(done.rows_affected() == 1);
    }
    let won: Vec<&BookingRow> = rows
        .iter()
        .zip(&claimed)
        .filter(|(_, c)| **c)
        .map(|(r, _)| *r)
        .collect();
    for chunk in won.chunks(50) {
        let sql = crate::sql::insert_values(
            "meetings",
            &[
                "id",
                "citizen_id",
                "staff_id",
                "slot_id",
                "starts_at",
                "ends_at",
                "channel",
                "location",
                "purpose",
                "attendance_reason",
                "status",
                "booked_by",
                "booked_by_role",
                "booked_at",
                "updated_at",
            ],
            chunk.len(),
        );
        let mut q = sqlx::query(&sql);
        for r in chunk {
            q = q
                .bind(r.id.clone())
                .bind(r.citizen_id.clone())
                .bind(r.staff_id.clone())
                .bind(r.slot_id.clone())
                .bind(r.starts_at)
                .bind(r.ends_at)
                .bind(r.channel)
                .bind(r.location.clone())
                .bind(r.purpose.clone())
                .bind(r.attendance_reason.clone())
                .bind("booked")
                .bind(r.booked_by.clone())
                .bind(r.booked_by_role)
                .bind(r.booked_at)
                .bind(r.booked_at);
        }
        q.execute(&mut *tx).await?;
    }
    let entries: Vec<AuditEntry> = won.iter().filter_map(|r| r.audit.clone()).collect();
    if !entries.is_empty() {
        audit::insert(&mut tx, &entries).await?;
    }
    let notices: Vec<(&str, &str, i64)> = won
        .iter()
        .flat_map(|r| r.notices.iter().map(|(k, at)| (*k, r.id.as_str(), *at)))
        .collect();
    let now = clock::now_micros();
    for chunk in notices.chunks(100) {
        let sql = crate::sql::insert_values(
            "outbox",
            &["id", "kind", "subject_id", "not_before", "created_at"],
            chunk.len(),
        );
        let mut q = sqlx::query(&sql);
        for (kind, subject, at) in chunk {
            q = q
                .bind(new_id())
                .bind(*kind)
                .bind(*subject)
                .bind(*at)
                .bind(now);
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(claimed)
}
