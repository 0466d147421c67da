//! The outbox: notices written with the change they announce, handed out to workers under a
//! lease, and the record of what went out on which channel, so that a retry sends nothing twice.
//!
//! Rows are claimed with a lease (a random token and an expiry): a worker that dies leaves its
//! rows to be claimed again once the lease runs out. On PostgreSQL the claim skips rows another
//! worker has locked (`FOR UPDATE SKIP LOCKED`), so no row goes to two workers, and one
//! instance's background worker drains at a time (`outbox_turn.rs`); on SQLite the single
//! writer connection serialises claims anyway.

use std::collections::HashSet;

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
    /// The channels that already handled it (`deliveries`): a retry sends nothing twice.
    pub delivered: Vec<String>,
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

/// The rows a worker may claim at `now` (a parameter: the store's clock): not done, due, and not
/// held under another claim's lease. One condition for the claim and for asking whether there is
/// anything to claim (`outbox_turn.rs`).
pub(crate) fn due(now: &str) -> String {
    format!("done_at IS NULL AND not_before <= {now} AND locked_until < {now}")
}

impl Store {
    /// Claims up to `limit` due rows for this worker, oldest first, each with the channels that
    /// already handled it (a retried row's): two statements for the batch. (A second read of the
    /// claimed rows by their lease, which has no index, read the whole outbox each time.)
    pub async fn claim_outbox(&self, limit: u32) -> Result<Vec<OutboxItem>, StoreError> {
        let now = clock::to_micros(self.now());
        let lease = new_id();
        let lock = match self.inner.backend {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE outbox SET lease = $1, locked_until = $2, attempts = attempts + 1 WHERE id IN \
             (SELECT id FROM outbox WHERE {} ORDER BY not_before LIMIT $4 {lock}) \
             RETURNING id, kind, subject_id, attempts, not_before",
            due("$3")
        );
        let until = now.saturating_add(i64::try_from(LEASE.as_micros()).unwrap_or(i64::MAX));
        let rows = sqlx::query(&sql)
            .bind(&lease)
            .bind(until)
            .bind(now)
            .bind(i64::from(limit))
            .fetch_all(self.writer())
            .await?;
        let mut claimed = rows
            .iter()
            .map(|r| {
                let item = OutboxItem {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    subject_id: r.try_get("subject_id")?,
                    attempts: r.try_get("attempts")?,
                    delivered: Vec::new(),
                };
                Ok((r.try_get::<i64, _>("not_before")?, item))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        // RETURNING names the rows in no particular order.
        claimed.sort_by(|(a_at, a), (b_at, b)| (a_at, &a.id).cmp(&(b_at, &b.id)));
        let mut items: Vec<OutboxItem> = claimed.into_iter().map(|(_, item)| item).collect();
        self.add_delivered(&mut items).await?;
        Ok(items)
    }

    /// Adds to each row the channels that already handled it, in one read for the batch.
    async fn add_delivered(&self, items: &mut [OutboxItem]) -> Result<(), StoreError> {
        if items.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "SELECT outbox_id, channel FROM deliveries WHERE outbox_id IN ({})",
            crate::sql::params(1, items.len())
        );
        let mut query = sqlx::query(&sql);
        for item in items.iter() {
            query = query.bind(&item.id);
        }
        for row in query.persistent(false).fetch_all(self.writer()).await? {
            let (outbox_id, channel): (String, String) =
                (row.try_get("outbox_id")?, row.try_get("channel")?);
            if let Some(item) = items.iter_mut().find(|i| i.id == outbox_id) {
                item.delivered.push(channel);
            }
        }
        Ok(())
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
        let mut letters: Vec<(&str, &str, &crate::letters::NewLetter)> = deliveries
            .iter()
            .filter_map(|d| {
                let letter = d.letter.as_ref()?;
                Some((d.outbox_id.as_str(), d.citizen_id.as_str(), letter))
            })
            .collect();
        letters.sort_by(|(a_row, a, _), (b_row, b, _)| (a, a_row).cmp(&(b, b_row)));
        // One statement each for the letters, the deliveries and the rows done: a batch of 50
        // took 150 round trips in its transaction, each another wake-up of PostgreSQL under a
        // storm of bookings (issue 22, item 1). Their texts vary with the batch's size, so they
        // are not kept prepared (background work; a booking's statements are).
        crate::letters::insert(&mut tx, now, &letters).await?;
        let entries = record_deliveries(&mut tx, now, deliveries).await?;
        if !entries.is_empty() {
            audit::insert(&mut tx, &entries).await?;
        }
        if !done.is_empty() {
            let sql = format!(
                "UPDATE outbox SET done_at = $1, lease = NULL WHERE id IN ({})",
                crate::sql::params(2, done.len())
            );
            let mut query = sqlx::query(&sql).bind(now);
            for id in done {
                query = query.bind(id);
            }
            query.persistent(false).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Records `deliveries` in one statement; returns the audit entries the citizens see for those
/// that went out and were not recorded before (a retried batch's are, and are ignored).
async fn record_deliveries(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    now: i64,
    deliveries: &[Delivery],
) -> Result<Vec<AuditEntry>, StoreError> {
    if deliveries.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{} ON CONFLICT DO NOTHING RETURNING outbox_id, channel",
        crate::sql::insert_values(
            "deliveries",
            &["outbox_id", "channel", "status", "detail", "at"],
            deliveries.len()
        )
    );
    let mut query = sqlx::query(&sql);
    for d in deliveries {
        query = query
            .bind(&d.outbox_id)
            .bind(&d.channel)
            .bind(&d.status)
            .bind(&d.detail)
            .bind(now);
    }
    let inserted: HashSet<(String, String)> = query
        .persistent(false)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("outbox_id")?, r.try_get("channel")?)))
        .collect::<Result<_, sqlx::Error>>()?;
    deliveries
        .iter()
        .filter(|d| {
            d.status == "sent" && inserted.contains(&(d.outbox_id.clone(), d.channel.clone()))
        })
        .map(|d| {
            Ok(AuditEntry::new(
                now,
                &system_actor(),
                &typed("citizen_id", &d.citizen_id)?,
                AuditAction::NoticeSent,
            ))
        })
        .collect()
}
