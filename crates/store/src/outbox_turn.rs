//! Whose turn it is to drain the outbox (issue 22, item 1).
//!
//! Several instances' notification workers share the outbox's rows correctly: a claim skips
//! the rows another has locked (`outbox.rs`). But each worker drafts in its own pauses
//! (`background.rs`), so N instances kept N workers busy beside their bookings. On PostgreSQL a
//! background worker therefore drains only while it holds the outbox's lease (`lease.rs`),
//! pauses included, and the others stand by until their next round; a worker that stops
//! halfway lets the lease go with its session. Measured in 20 s storms over 10,000 citizens
//! (`bench/instances.sh`, 4 December): without the lease three instances' workers drafted
//! 1,750–2,350 notices, one instance's 1,850–2,100, and three instances booked 69–101 % of one
//! (mean 81 %, five runs); with it three drafted 550–1,400 and booked 78–103 % of one (mean
//! 91 %, 13 runs; docs/operations.md). What is not drafted during a storm is drafted after it.

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
        let due = sqlx::query(&format!(
            "SELECT 1 AS due FROM outbox WHERE {} LIMIT 1",
            crate::outbox::due("$1")
        ))
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
