//! What operations watch besides requests (`/metrics`): the notices not yet sent, the access-log
//! entries not yet written, and the connection pools.

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
}

impl Store {
    pub async fn gauges(&self) -> Result<Gauges, StoreError> {
        // Counted over the partial index of pending rows.
        let outbox_backlog: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE done_at IS NULL")
                .fetch_one(&self.inner.read)
                .await?
                .try_get("n")?;
        Ok(Gauges {
            outbox_backlog,
            audit_queue: self.inner.audit.waiting(),
            read_pool_size: self.inner.read.size(),
            read_pool_idle: self.inner.read.num_idle(),
            write_pool_size: self.inner.write.size(),
            write_pool_idle: self.inner.write.num_idle(),
        })
    }
}
