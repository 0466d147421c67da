//! PostgreSQL's statistics of the kept worklist's tables, refreshed as they grow.
//!
//! After a bulk load or an upgrade the kept worklist (`worklist_state.rs`) fills its tables from
//! empty: a million citizens make a million and a half rows in minutes. PostgreSQL plans from
//! the statistics it last gathered, and those said "empty" — so deleting a batch's 200 old
//! decisions by primary key became a scan of the whole table, 167 ms a batch instead of under
//! one, and deciding every case once would have taken 40 minutes instead of 7 (measured on the
//! national database, issue 22). Autovacuum refreshes statistics by itself, but only while it
//! runs — and a server may have it off (this project's CI machines do) or be busy with the
//! large tables of the load. So, as the bulk load ends with `VACUUM (ANALYZE)` itself, the
//! worklist analyses its own tables when it has marked every case at once (other rules) and
//! after every [`ANALYZE_EVERY`] decisions (a sample: half a second at national size). SQLite
//! plans without such statistics and needs none of this.

use std::sync::atomic::Ordering;

use crate::{Backend, Store, StoreError};

/// Decisions between two refreshes of the statistics.
const ANALYZE_EVERY: usize = 50_000;

impl Store {
    /// Counts `decided` more decisions and refreshes the worklist's statistics once
    /// [`ANALYZE_EVERY`] have gathered.
    pub(crate) async fn worklist_grew(&self, decided: usize) -> Result<(), StoreError> {
        if self.inner.backend != Backend::Postgres {
            return Ok(());
        }
        let before = self
            .inner
            .worklist_decided
            .fetch_add(decided, Ordering::Relaxed);
        if before + decided < ANALYZE_EVERY {
            return Ok(());
        }
        self.analyze_worklist().await
    }

    /// Refreshes the statistics of the worklist's tables now: after every case was marked at
    /// once (other rules), and every [`ANALYZE_EVERY`] decisions.
    pub(crate) async fn analyze_worklist(&self) -> Result<(), StoreError> {
        if self.inner.backend != Backend::Postgres {
            return Ok(());
        }
        self.inner.worklist_decided.store(0, Ordering::Relaxed);
        sqlx::query("ANALYZE worklist_state, worklist_items, worklist_marks")
            .execute(self.writer())
            .await?;
        Ok(())
    }
}
