//! The outbox: notices written with the change they announce, handed out to workers under a
//! lease, and the record of what went out on which channel, so that a retry sends nothing twice.
//!
//! Rows are claimed with a lease (a random token and an expiry): a worker that dies leaves its
//! rows to be claimed again once the lease runs out. On PostgreSQL the claim skips rows another
//! worker has locked (`FOR UPDATE SKIP LOCKED`), so several server instances share the work; on
//! SQLite the single writer connection serialises claims anyway.

use domain::{Actor, MeetingId};
use jiff::SignedDuration;
use sqlx::Row;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::connect::Backend;
use crate::ids::{new_id, typed};
use crate::meetings::{MEETING_COLUMNS, MEETING_FROM, Meeting, meeting_from_row};
use crate::{Citizen, Store, StoreError, clock};

/// A claimed outbox row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxItem {
    pub id: String,
    pub kind: String,
    pub subject_id: String,
    pub attempts: i64,
}

/// A channel that handled an outbox row: `sent` or `skipped` (with why), for
/// [`Store::settle_outbox`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub outbox_id: String,
    /// `email`, `sms`, `letter`, or `none` when no channel reaches the citizen.
    pub channel: String,
    pub status: String,
    pub detail: String,
    pub citizen_id: String,
    /// The letter to keep for printing, for the `letter` channel.
    pub letter: Option<crate::letters::NewLetter>,
}

/// Everything a notice about a meeting needs.
#[derive(Debug, Clone)]
pub struct MeetingNotice {
    pub meeting: Meeting,
    pub citizen: Citizen,
    pub municipality_name: String,
    /// The jobcentre's phone (E.164) and hours, for "Ring til os" in letters.
    pub municipality_phone: Option<String>,
    pub municipality_phone_hours: Option<String>,
}

/// How long a claimed row stays with its worker before others may take it.
const LEASE: SignedDuration = SignedDuration::from_secs(120);

/// The actor the audit log names for what the system does by itself.
pub fn system_actor() -> Actor {
    Actor::Admin {
        id: domain::StaffId::system(),
        name: "Jobunivers".into(),
    }
}

impl Store {
    /// Claims up to `limit` due rows for this worker.
    pub async fn claim_outbox(&self, limit: u32) -> Result<Vec<OutboxItem>, StoreError> {
        let now = clock::to_micros(self.now());
        let lease = new_id();
        let lock = match self.inner.backend {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE outbox SET lease = $1, locked_until = $2, attempts = attempts + 1 WHERE id IN \
             (SELECT id FROM outbox WHERE done_at IS NULL AND not_before <= $3 AND locked_until < $3 \
              ORDER BY not_before LIMIT $4 {lock})"
        );
        let until = now.saturating_add(i64::try_from(LEASE.as_micros()).unwrap_or(i64::MAX));
        sqlx::query(&sql)
            .bind(&lease)
            .bind(until)
            .bind(now)
            .bind(i64::from(limit))
            .execute(self.writer())
            .await?;
        let rows = sqlx::query("SELECT id, kind, subject_id, attempts FROM outbox WHERE lease = $1 ORDER BY not_before")
            .bind(&lease)
            .fetch_all(self.writer())
            .await?;
        rows.iter()
            .map(|r| {
                Ok(OutboxItem {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    subject_id: r.try_get("subject_id")?,
                    attempts: r.try_get("attempts")?,
                })
            })
            .collect()
    }

    /// Gives a row back after a failure, to be tried again after `retry_in`.
    pub async fn fail_outbox(
        &self,
        id: &str,
        error: &str,
        retry_in: SignedDuration,
    ) -> Result<(), StoreError> {
        let at = self.now().checked_add(retry_in).unwrap_or(self.now());
        sqlx::query("UPDATE outbox SET lease = NULL, locked_until = 0, not_before = $1, last_error = $2 WHERE id = $3")
            .bind(clock::to_micros(at))
            .bind(error.chars().take(500).collect::<String>())
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// Rows not yet done, for tests and operations.
    pub async fn pending_outbox(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE done_at IS NULL")
                .fetch_one(self.reader())
                .await?
                .try_get("n")?,
        )
    }

    /// The meeting, citizen and municipality a notice is about; the read is logged as the
    /// system's, so the citizen can see that Jobunivers looked up how to reach them.
    pub async fn meeting_notice(
        &self,
        meeting_id: &MeetingId,
    ) -> Result<MeetingNotice, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {MEETING_COLUMNS} FROM {MEETING_FROM} WHERE m.id = $1"
        ))
        .bind(meeting_id.as_str())
        .fetch_optional(self.reader())
        .await?
        .ok_or(StoreError::NotFound)?;
        let meeting = meeting_from_row(&row)?;
        let system = system_actor();
        let (citizen, _) = self.load_visible(&system, &meeting.citizen_id).await?;
        let org =
            sqlx::query("SELECT name, phone, phone_hours FROM municipalities WHERE code = $1")
                .bind(citizen.municipality.as_str())
                .fetch_optional(self.reader())
                .await?;
        let (municipality_name, municipality_phone, municipality_phone_hours) = match org {
            Some(r) => (
                r.try_get("name")?,
                r.try_get("phone")?,
                r.try_get("phone_hours")?,
            ),
            None => (String::new(), None, None),
        };
        Ok(MeetingNotice {
            meeting,
            citizen,
            municipality_name,
            municipality_phone,
            municipality_phone_hours,
        })
    }

    /// Whether a channel already handled this outbox row (sent or deliberately skipped).
    pub async fn delivered(&self, outbox_id: &str, channel: &str) -> Result<bool, StoreError> {
        Ok(
            sqlx::query("SELECT 1 FROM deliveries WHERE outbox_id = $1 AND channel = $2")
                .bind(outbox_id)
                .bind(channel)
                .fetch_optional(self.reader())
                .await?
                .is_some(),
        )
    }

    /// Records what a worker did with a claimed batch, in one transaction: each channel that
    /// handled a row (sent, or deliberately skipped; a letter kept for printing), with the audit entry the citizen sees
    /// ("Jobunivers sendte dig en besked") for what went out, and the rows that are done. One
    /// commit per batch instead of two or three per notice; a delivery recorded twice is
    /// ignored, so a batch retried after a crash records nothing twice (what went out in the
    /// lost batch goes out again — at least once, as e-mail Message-IDs and SMS idempotency
    /// keys let the receivers tell).
    pub async fn settle_outbox(
        &self,
        deliveries: &[Delivery],
        done: &[String],
    ) -> Result<(), StoreError> {
        if deliveries.is_empty() && done.is_empty() {
            return Ok(());
        }
        let now = self.now_micros();
        let mut tx = self.writer().begin().await?;
        // Letters first, in citizen order, as every transaction touching several citizens takes
        // them (`worklist_marks.rs`). Taken in the batch's order, two instances' workers — or a
        // worker and a batch of bookings — once waited for each other in a circle until
        // PostgreSQL failed one after a second (`tests/outbox.rs`): a letter's foreign key
        // waited for the bookings' `FOR UPDATE` of the citizen, and its worklist mark for
        // another transaction's mark of the same key. Neither waits now (the bookings' lock is
        // `FOR NO KEY UPDATE`, a mark's key holds its transaction, migration 0037); the order
        // stays, so a lock added later cannot bring the circle back.
        let mut letters: Vec<(&Delivery, &crate::letters::NewLetter)> = deliveries
            .iter()
            .filter_map(|d| d.letter.as_ref().map(|l| (d, l)))
            .collect();
        letters.sort_by(|(a, _), (b, _)| {
            (a.citizen_id.as_str(), a.outbox_id.as_str())
                .cmp(&(b.citizen_id.as_str(), b.outbox_id.as_str()))
        });
        for (d, letter) in letters {
            crate::letters::insert(&mut tx, now, &d.outbox_id, &d.citizen_id, letter).await?;
        }
        let mut entries = Vec::new();
        for d in deliveries {
            let inserted = sqlx::query(
                "INSERT INTO deliveries (outbox_id, channel, status, detail, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            )
            .bind(&d.outbox_id)
            .bind(&d.channel)
            .bind(&d.status)
            .bind(&d.detail)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if inserted.rows_affected() == 1 && d.status == "sent" {
                entries.push(AuditEntry::new(
                    self.now_micros(),
                    &system_actor(),
                    &typed("citizen_id", &d.citizen_id)?,
                    AuditAction::NoticeSent,
                ));
            }
        }
        if !entries.is_empty() {
            audit::insert(&mut tx, &entries).await?;
        }
        for id in done {
            sqlx::query("UPDATE outbox SET done_at = $1, lease = NULL WHERE id = $2")
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
