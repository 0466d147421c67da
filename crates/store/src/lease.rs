//! Which instance's background worker does a job that must not run on several at once (issue
//! 22, item 1): keeping the worklists, counting the report's stale days again, drafting the
//! outbox's notices.
//!
//! Such a worker does a piece of work, then pauses as long as that took (yielding to requests,
//! `background.rs`), and goes on while work is left. Each piece takes a transaction lock of its
//! own (the worklist's organisation, `worklist_state.rs` `lock_org`; a report day, `report_days.rs`
//! `one_at_a_time`), but that lock is free during the pauses, and there another instance's
//! worker took its turn. Under a storm of bookings, which marks cases and days faster than they
//! are done, the workers ran in each other's pauses and did the same work once per instance:
//! deciding the worklists took a PostgreSQL session's 0.23 of a core with one instance, 0.42
//! with two and 0.65 with three (`SAMPLE=1 bench/instances.sh`). The report days' workers
//! queued on each other's transaction lock instead (713 waits in a 20 s storm over three
//! instances, each holding a background connection while it waited). So one worker at a time
//! holds the job's lease, pauses included, and the others stand by until their next round.
//! For the worklists that made the job cost what it costs with one instance. For the report
//! days it ended the waits but not the work: each instance's round, in its turn, still counts
//! the days marked since the last round (252 recounts in a storm without the lease, 276 with;
//! 166–172 with one instance, 4 December). The outbox's workers shared its rows correctly
//! (`SKIP LOCKED`), but each instance's drafted in its own pauses, beside its bookings; with
//! one at a time three instances went from 81 % to 91 % of one (`outbox_turn.rs`).
//!
//! The lease is a session-level advisory lock on a connection of its own that is closed
//! afterwards — if the worker stops halfway (an error, a shutdown), the closed session lets go
//! of the lock, where a connection back in the pool would have kept it. Requests take no lease:
//! a view decides what it shows, a report counts its own period's days, themselves. SQLite has
//! one process and no leases.

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, Connection, Row};

use crate::{Backend, Store, StoreError};

/// A job one instance's worker does at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Deciding the worklists' marked cases (`worklist_state.rs`).
    Worklists,
    /// Counting the contact report's stale days again (`report_days.rs`).
    ReportDays,
    /// Drafting the outbox's notices (`outbox.rs`, the notification worker).
    Outbox,
}

impl Job {
    /// The advisory lock's key: any fixed number no other lock of ours uses.
    fn key(self) -> i64 {
        match self {
            Job::Worklists => 7008,
            Job::ReportDays => 7009,
            Job::Outbox => 7010,
        }
    }
}

/// The lease on a job, while held.
pub(crate) struct Lease {
    conn: AnyConnection,
}

impl Lease {
    /// Takes the lease on `job` on `conn`, if no other instance's worker holds it. The
    /// connection is taken out of its pool, so it closes with the lease; the pool opens another
    /// in its place (count one more background connection, `docs/operations.md`).
    pub(crate) async fn take(
        conn: PoolConnection<Any>,
        job: Job,
    ) -> Result<Option<Lease>, sqlx::Error> {
        let mut conn = conn.detach();
        let got: bool = sqlx::query("SELECT pg_try_advisory_lock($1)")
            .bind(job.key())
            .fetch_one(&mut conn)
            .await?
            .try_get(0)?;
        Ok(got.then_some(Lease { conn }))
    }

    /// Gives the lease back, at once, and ends its session. A session's locks are let go when
    /// the server has noticed it closed, which under load came after the next worker asked: a
    /// test's worker found the lease still held and left its round undone.
    pub(crate) async fn give_back(mut self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT pg_advisory_unlock_all()")
            .execute(&mut self.conn)
            .await?;
        self.conn.close().await
    }
}

/// Whose turn a job is, as [`Store::turn`] finds it.
pub(crate) enum Turn {
    /// This worker's: with the lease to give back when done (`None` where no lease is needed:
    /// a request, or SQLite).
    Ours(Option<Lease>),
    /// Another instance's worker holds the lease: leave the job to it until the next round.
    Elsewhere,
}

impl Store {
    /// Whether this store may do `job` now. Background work on PostgreSQL takes the job's lease
    /// (a connection of its own, so ask only when there is work); requests and SQLite need none.
    pub(crate) async fn turn(&self, job: Job) -> Result<Turn, StoreError> {
        if !self.background || self.inner.backend != Backend::Postgres {
            return Ok(Turn::Ours(None));
        }
        Ok(
            match Lease::take(self.writer().acquire().await?, job).await? {
                Some(lease) => Turn::Ours(Some(lease)),
                None => Turn::Elsewhere,
            },
        )
    }
}

/// Gives back `lease`, if the job took one ([`Turn::Ours`]).
pub(crate) async fn done(lease: Option<Lease>) -> Result<(), sqlx::Error> {
    match lease {
        Some(lease) => lease.give_back().await,
        None => Ok(()),
    }
}
