//! What operations watch besides requests (`/metrics`): the notices not yet sent, the access-log
//! entries not yet written, the connection pools, and what the bookings' group writer did.

use std::sync::atomic::Ordering;

use sqlx::Row;

use crate::{Store, StoreError};

/// A snapshot, taken when `/metrics` is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gauges {
    /// Outbox rows not yet done (notices waiting or being retried).
    pub outbox_backlog: i64,
    /// Batches of access-log entries waiting to be written.
    pub audit_queue: usize,
    pub read_pool_size: u32,
    pub read_pool_idle: usize,
    pub write_pool_size: u32,
    pub write_pool_idle: usize,
    /// Transactions the bookings' group writer has written since start (`group_commit.rs`).
    pub booking_batches: u64,
    /// Bookings those transactions tried, a booking put off counted at each try.
    pub booking_batch_rows: u64,
    /// Bookings put off to the next batch, their citizen held by another transaction.
    pub bookings_put_off: u64,
}

impl Store {
    pub async fn gauges(&self) -> Result<Gauges, StoreError> {
        // Counted over the partial index of pending rows.
        let outbox_backlog: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE done_at IS NULL")
                .fetch_one(&self.inner.read)
                .await?
                .try_get("n")?;
        let counts = self.inner.bookings.counts();
        Ok(Gauges {
            outbox_backlog,
            audit_queue: self.inner.audit.waiting(),
            read_pool_size: self.inner.read.size(),
            read_pool_idle: self.inner.read.num_idle(),
            write_pool_size: self.inner.write.size(),
            write_pool_idle: self.inner.write.num_idle(),
            booking_batches: counts.batches.load(Ordering::Relaxed),
            booking_batch_rows: counts.rows.load(Ordering::Relaxed),
            bookings_put_off: counts.put_off.load(Ordering::Relaxed),
        })
    }
}
