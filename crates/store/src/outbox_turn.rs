//! Whose turn it is to drain the outbox (issue 22, item 1).
//!
//! Several instances' notification workers share the outbox's rows correctly: a claim skips
//! the rows another has locked (`outbox.rs`). But each worker drafts at the pace its pauses
//! allow (`background.rs`), so N instances drafted N times as fast, and under a storm of
//! bookings that pace is taken from the bookings: in a 20 s storm one instance's worker drafted
//! about 2,100 letters and three instances' 5,000–5,700, on the same two cores. On PostgreSQL a
//! background worker therefore drains only while it holds the outbox's lease (`lease.rs`),
//! pauses included, so a deployment drafts as one instance does; the others stand by until
//! their next round. A worker that stops halfway lets the lease go with its session.

use crate::lease::{self, Job, Lease, Turn};
use crate::{Store, StoreError};

/// This worker's turn at the outbox, while it drains; give it back with [`OutboxTurn::done`].
pub struct OutboxTurn(Option<Lease>);

impl std::fmt::Debug for OutboxTurn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxTurn")
            .field("leased", &self.0.is_some())
            .finish()
    }
}

impl OutboxTurn {
    /// Lets the other instances' workers drain again.
    pub async fn done(self) -> Result<(), StoreError> {
        Ok(lease::done(self.0).await?)
    }
}

impl Store {
    /// This worker's turn at the outbox, when a row is due and no other instance's background
    /// worker drains it now; `None` otherwise. A request's store and SQLite take no lease.
    pub async fn outbox_turn(&self) -> Result<Option<OutboxTurn>, StoreError> {
        // A lease costs a connection of its own (`lease.rs`): ask only when there is work.
        let now = self.now_micros();
        let due = sqlx::query(
            "SELECT 1 AS due FROM outbox WHERE done_at IS NULL AND not_before <= $1 \
             AND locked_until < $1 LIMIT 1",
        )
        .bind(now)
        .fetch_optional(self.reader())
        .await?
        .is_some();
        if !due {
            return Ok(None);
        }
        Ok(match self.turn(Job::Outbox).await? {
            Turn::Ours(lease) => Some(OutboxTurn(lease)),
            Turn::Elsewhere => None,
        })
    }
}
