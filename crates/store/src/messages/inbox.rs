//! What keeps written conversations moving: an organisation's inbox of threads waiting for an
//! answer (oldest first, "assign to me"), and the unread counts on the home pages.

use domain::messages::{ThreadHolder, Waiting};
use domain::{Actor, CitizenId, Organisation};
use jiff::Timestamp;
use sqlx::Row;

use crate::audit::{AuditAction, AuditEntry};
use crate::ids::typed;
use crate::messages::Thread;
use crate::{Store, StoreError, clock};

/// One thread waiting for the organisation's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxEntry {
    pub citizen_id: CitizenId,
    pub citizen_name: String,
    /// Since when the citizen has waited for an answer.
    pub waiting_since: Timestamp,
    pub assigned_to: Option<String>,
    pub assigned_name: Option<String>,
    /// Messages from the citizen that no one of the organisation has opened yet.
    pub unread: bool,
}

/// Threads listed at most; an inbox longer than this is a staffing problem, not a paging one.
const INBOX_LIMIT: i64 = 500;

/// The thread holder and the citizens' column that scope an organisation's staff.
fn organisation_scope(actor: &Actor) -> Result<(ThreadHolder, &'static str, &str), StoreError> {
    match actor {
        Actor::Staff {
            organisation: Organisation::Municipality(m),
            ..
        } => Ok((ThreadHolder::Jobcenter, "municipality", m.as_str())),
        Actor::Staff {
            organisation: Organisation::Fund(f),
            ..
        } => Ok((ThreadHolder::AKasse, "unemployment_fund", f.as_str())),
        _ => Err(StoreError::Forbidden),
    }
}

impl Store {
    /// The acting staff member's organisation's threads waiting for an answer, oldest first.
    /// Every citizen listed is logged. Citizens and administrators: `Forbidden`.
    pub async fn inbox(&self, actor: &Actor) -> Result<Vec<InboxEntry>, StoreError> {
        let (holder, column, org) = organisation_scope(actor)?;
        let rows = sqlx::query(&format!(
            "SELECT t.citizen_id, c.name, t.waiting_since, t.assigned_to, t.assigned_name, \
             CASE WHEN t.staff_read_at IS NULL OR t.staff_read_at < t.last_message_at THEN 1 ELSE 0 END AS unread \
             FROM message_threads t JOIN citizens c ON c.id = t.citizen_id \
             WHERE t.holder = $1 AND t.waiting_for = $2 AND c.{column} = $3 \
             ORDER BY t.waiting_since, t.id LIMIT {INBOX_LIMIT}"
        ))
        .bind(holder.as_str())
        .bind(Waiting::Staff.as_str())
        .bind(org)
        .fetch_all(&self.inner.read)
        .await?;
        let entries = rows
            .iter()
            .map(|r| {
                Ok(InboxEntry {
                    citizen_id: typed("citizen_id", r.try_get("citizen_id")?)?,
                    citizen_name: r.try_get("name")?,
                    waiting_since: clock::from_micros(r.try_get("waiting_since")?),
                    assigned_to: r.try_get("assigned_to")?,
                    assigned_name: r.try_get("assigned_name")?,
                    unread: r.try_get::<i64, _>("unread")? != 0,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        self.log_reads(
            entries
                .iter()
                .map(|e| {
                    AuditEntry::new(
                        self.now_micros(),
                        actor,
                        &e.citizen_id,
                        AuditAction::InboxListed,
                    )
                })
                .collect(),
        )
        .await?;
        Ok(entries)
    }

    /// How many threads wait for the acting staff member's organisation, and how many of them
    /// are assigned to them; for the home page (no names, so nothing to log).
    pub async fn inbox_counts(&self, actor: &Actor) -> Result<(i64, i64), StoreError> {
        let (holder, column, org) = organisation_scope(actor)?;
        let row = sqlx::query(&format!(
            "SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN t.assigned_to = $4 THEN 1 ELSE 0 END), 0) AS mine \
             FROM message_threads t JOIN citizens c ON c.id = t.citizen_id \
             WHERE t.holder = $1 AND t.waiting_for = $2 AND c.{column} = $3"
        ))
        .bind(holder.as_str())
        .bind(Waiting::Staff.as_str())
        .bind(org)
        .bind(actor.id())
        .fetch_one(&self.inner.read)
        .await?;
        Ok((row.try_get("n")?, row.try_get("mine")?))
    }

    /// Takes the thread on: the acting staff member answers it. Only the holder's own staff;
    /// `NotFound` when the thread has no messages yet.
    pub async fn assign_thread(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
    ) -> Result<Thread, StoreError> {
        let (view, _) = self.thread_view(actor, citizen_id, None).await?;
        if !view.may_write() || view.is_citizen() {
            return Err(StoreError::Forbidden);
        }
        let key = view.key();
        sqlx::query(
            "UPDATE message_threads SET assigned_to = $1, assigned_name = $2 \
             WHERE citizen_id = $3 AND holder = $4",
        )
        .bind(actor.id())
        .bind(actor.name())
        .bind(&key.citizen_id)
        .bind(key.holder.as_str())
        .execute(&self.inner.write)
        .await?;
        self.thread(key).await?.ok_or(StoreError::NotFound)
    }

    /// Messages to the citizen they have not opened yet, over all their threads.
    pub async fn unread_for_citizen(&self, actor: &Actor) -> Result<i64, StoreError> {
        let Actor::Citizen { citizen_id, .. } = actor else {
            return Err(StoreError::Forbidden);
        };
        Ok(sqlx::query(
            "SELECT COUNT(*) AS n FROM messages m JOIN message_threads t ON t.id = m.thread_id \
             WHERE t.citizen_id = $1 AND m.author_role <> 'citizen' \
             AND m.sent_at > COALESCE(t.citizen_read_at, 0)",
        )
        .bind(citizen_id.as_str())
        .fetch_one(&self.inner.read)
        .await?
        .try_get("n")?)
    }
}
