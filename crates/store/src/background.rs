//! Background work yields to requests (issue 22, item 6).
//!
//! Started on a freshly loaded national database, the server once spent four minutes counting
//! report days in month-long transactions on the requests' own connections: connection waits
//! over 10 s, a caseworker's worklist at 2–4 s meanwhile. Now the background tasks (the report's
//! day counts, the kept worklist, and the notification worker drafting the outbox's notices,
//! which under a storm of bookings took about a fifth of the bookings a second) work through
//! [`Store::background`], which
//! - on PostgreSQL takes its connections from a pool of its own ([`BACKGROUND_CONNECTIONS`]), so
//!   requests never wait behind it for a connection;
//! - works in short transactions (a day of the report, 200 worklist cases), so on SQLite, where
//!   every write shares the one writer, a booking waits for at most one of them;
//! - after each such piece pauses as long as the piece took ([`Store::yield_to_requests`]), so
//!   it holds the writer and the cores at most half the time, however long the whole job is.
//!
//! The same methods called for a request (a report settling its period, a view keeping its
//! worklist) run on the requests' pools without pausing.

use std::time::Duration;

use sqlx::AnyPool;

use crate::Store;

/// Connections of the background pool on PostgreSQL, beside `max_connections` for requests
/// (count them in the connection budget, `docs/operations.md`): one for each worker that uses
/// it at once — the report's days, the worklists, the outbox.
pub const BACKGROUND_CONNECTIONS: u32 = 3;

/// The longest pause after a piece of background work.
const MAX_PAUSE: Duration = Duration::from_secs(1);

/// The background pool of a PostgreSQL database; connected when first used.
pub(crate) fn pool(url: &str) -> Result<AnyPool, sqlx::Error> {
    crate::connect::postgres_pool(BACKGROUND_CONNECTIONS)
        // Background work may wait; it must not fail because requests are busy.
        .acquire_timeout(Duration::from_secs(60))
        .connect_lazy(url)
}

impl Store {
    /// This store for background work: its own connections on PostgreSQL, pauses between
    /// pieces of work (see the module comment). Requests keep using the store they have.
    pub fn background(&self) -> Store {
        Store {
            inner: self.inner.clone(),
            background: true,
        }
    }

    /// The pool to write through: the background pool for background work on PostgreSQL,
    /// otherwise the writer.
    pub(crate) fn writer(&self) -> &AnyPool {
        match &self.inner.background {
            Some(pool) if self.background => pool,
            _ => &self.inner.write,
        }
    }

    /// The pool to read through, as [`Store::writer`].
    pub(crate) fn reader(&self) -> &AnyPool {
        match &self.inner.background {
            Some(pool) if self.background => pool,
            _ => &self.inner.read,
        }
    }

    /// After a piece of work that took `took`: for background work, waits as long again (at
    /// most [`MAX_PAUSE`]); for a request, returns at once.
    pub async fn yield_to_requests(&self, took: Duration) {
        if self.background {
            tokio::time::sleep(took.min(MAX_PAUSE)).await;
        }
    }
}
