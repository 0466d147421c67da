//! Point reads on SQLite without a thread hop.
//!
//! sqlx runs each SQLite connection on its own thread and hands every statement and row across
//! a channel; on these 2-core machines waking the other thread costs 35–40 µs, so the hand-offs,
//! not SQLite, bounded the audited read (38 % of the CPU in sqlx's worker threads, 2 % in
//! SQLite itself). A read by primary key takes a few microseconds, so the hottest ones —
//! loading the citizen every request about a citizen starts with — run here instead, on the
//! calling thread, through the same SQLite library (`rusqlite` over sqlx's `libsqlite3-sys`).
//! Only reads: every write still goes through sqlx's single writer. PostgreSQL has no such
//! cost and does not use this.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rusqlite::{Connection, OpenFlags};

use crate::StoreError;

pub(crate) struct DirectReads {
    connections: Vec<Mutex<Connection>>,
    next: AtomicUsize,
}

impl DirectReads {
    /// Opens `count` read-only connections to the database file of a `sqlite://` URL; `None`
    /// for anything else (an in-memory database has no file to share).
    pub(crate) fn open(url: &str, count: usize) -> Result<Option<DirectReads>, StoreError> {
        let Some(rest) = url.strip_prefix("sqlite://") else {
            return Ok(None);
        };
        let path = rest.split('?').next().unwrap_or_default();
        if path.is_empty() || path.contains(":memory:") {
            return Ok(None);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut connections = Vec::with_capacity(count.max(1));
        for _ in 0..count.max(1) {
            let c = Connection::open_with_flags(path, flags)?;
            c.execute_batch(
                "PRAGMA busy_timeout = 5000; PRAGMA cache_size = -32768; PRAGMA query_only = 1;",
            )?;
            connections.push(Mutex::new(c));
        }
        Ok(Some(DirectReads {
            connections,
            next: AtomicUsize::new(0),
        }))
    }

    /// The first row of `sql` (written for sqlx, with `$1…` parameters, all text here), mapped.
    pub(crate) fn query_one<T>(
        &self,
        sql: &str,
        params: &[&str],
        map: impl FnOnce(&rusqlite::Row<'_>) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        self.with(|c| {
            let mut statement = c.prepare_cached(sql)?;
            // To SQLite, `$1` is a named parameter numbered by where it first appears, which
            // need not be its number: bind by name.
            for (i, value) in params.iter().enumerate() {
                if let Some(index) = statement.parameter_index(&format!("${}", i + 1))? {
                    statement.raw_bind_parameter(index, value)?;
                }
            }
            let mut rows = statement.raw_query();
            rows.next()?.map(map).transpose()
        })
    }

    /// Runs `read` on a free connection, on this thread: first one nobody holds, else waits for
    /// the next in turn (held only for the microseconds of a point read).
    fn with<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let n = self.connections.len();
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        for i in 0..n {
            if let Ok(c) = self.connections[(start + i) % n].try_lock() {
                return read(&c);
            }
        }
        // A panic during an earlier read leaves the connection itself usable.
        let c = self.connections[start % n]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        read(&c)
    }
}
