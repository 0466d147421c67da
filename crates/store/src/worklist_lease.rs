//! Which instance's background worker keeps the worklists (issue 22, item 1).
//!
//! The worker decides a batch of marked cases, then pauses as long as that took (yielding to
//! requests, `background.rs`), and goes on while marks are left. Each batch takes its
//! organisation's transaction lock (`worklist_state.rs`, `lock_org`), but that lock is free
//! during the pauses, and there another instance's worker took its turn: under a storm of
//! bookings over two instances the workers ran in each other's pauses, deciding the same cases
//! twice as often, and deciding took a PostgreSQL session's 0.23 of a core with one instance,
//! 0.42 with two and 0.65 with three (`SAMPLE=1 bench/instances.sh`). So one worker at a time
//! holds the lease, pauses included, and the others stand by until their next round: the
//! worklists cost the database what they cost with one instance, however many run. The lease
//! is a session-level advisory lock on a connection of its own that is closed afterwards — if
//! the worker stops halfway (an error, a shutdown), the closed session lets go of the lock,
//! where a connection back in the pool would have kept it. Views take no lease: they decide what
//! they show themselves. SQLite has one process and no leases.

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, Connection, Row};

/// The lease on keeping the worklists, while held.
pub(crate) struct Lease {
    conn: AnyConnection,
}

impl Lease {
    /// Takes the lease on `conn`, if no other instance's worker holds it. The connection is
    /// taken out of its pool, so it closes with the lease; the pool opens another in its place
    /// (count one more background connection, `docs/operations.md`).
    pub(crate) async fn take(conn: PoolConnection<Any>) -> Result<Option<Lease>, sqlx::Error> {
        let mut conn = conn.detach();
        let got: bool = sqlx::query("SELECT pg_try_advisory_lock(7008)")
            .fetch_one(&mut conn)
            .await?
            .try_get(0)?;
        Ok(got.then_some(Lease { conn }))
    }

    /// Gives the lease back: its session ends.
    pub(crate) async fn give_back(self) -> Result<(), sqlx::Error> {
        self.conn.close().await
    }
}
