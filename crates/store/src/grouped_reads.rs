//! Point reads grouped on PostgreSQL (issue 22, items 2 and 3).
//!
//! Every request about a citizen starts by reading their row by primary key, and every booking
//! by reading its citizen, slot and first-meeting facts. On PostgreSQL each such read was a
//! statement of its own — a round trip, and the server's work per statement (protocol,
//! snapshot, executor) for one row — and PostgreSQL's processes took a third of the machine in
//! the audited-read benchmark. So reads of one kind waiting at the same moment are made
//! together by one task in one statement, as the access log's entries are written together
//! (`audit.rs`) and bookings committed together (`group_commit.rs`). A lone read waits for
//! nothing: the task takes whatever is queued when it wakes. SQLite reads on the caller's
//! thread instead (`direct_reads.rs`).
//!
//! The kinds: citizens by id ([`Citizens`]) and bookings' contexts (`booking/context.rs`).

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;

use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};

use crate::StoreError;
use crate::citizens::{COLUMNS, Citizen, from_row};

/// The most reads one statement makes.
pub(crate) const MOST: usize = 256;

/// One kind of read that can be made in groups.
pub(crate) trait GroupRead: 'static {
    type Key: Clone + Eq + Hash + Ord + Send + 'static;
    type Value: Clone + Send + 'static;
    /// Reads the distinct, sorted `keys` (at most [`MOST`]) in one statement; a key with
    /// nothing found is left out.
    fn read(
        pool: &AnyPool,
        keys: &[Self::Key],
    ) -> impl Future<Output = Result<HashMap<Self::Key, Self::Value>, StoreError>> + Send;
}

struct Waiting<R: GroupRead> {
    key: R::Key,
    /// `None`: the grouped statement failed; the reader reads alone (and gets its own error).
    answer: oneshot::Sender<Option<Option<R::Value>>>,
}

pub(crate) struct GroupedReads<R: GroupRead> {
    queue: mpsc::Sender<Waiting<R>>,
}

impl<R: GroupRead> GroupedReads<R> {
    pub(crate) fn start(pool: AnyPool) -> Self {
        let (queue, rx) = mpsc::channel(4096);
        tokio::spawn(run::<R>(pool, rx));
        Self { queue }
    }

    /// The value read for `key` (`None`: nothing found), or `Err` when the grouped read could
    /// not be made (the caller then reads alone).
    pub(crate) async fn get(&self, key: R::Key) -> Result<Option<R::Value>, ()> {
        let (answer, rx) = oneshot::channel();
        self.queue
            .send(Waiting { key, answer })
            .await
            .map_err(|_| ())?;
        rx.await.ok().flatten().ok_or(())
    }
}

async fn run<R: GroupRead>(pool: AnyPool, mut rx: mpsc::Receiver<Waiting<R>>) {
    let mut batch = Vec::with_capacity(MOST);
    // Waits for one read, then takes whatever else has queued, up to [`MOST`].
    while rx.recv_many(&mut batch, MOST).await > 0 {
        let mut keys: Vec<R::Key> = batch.iter().map(|w| w.key.clone()).collect();
        keys.sort_unstable();
        keys.dedup();
        let found = match R::read(&pool, &keys).await {
            Ok(found) => Some(found),
            Err(e) => {
                tracing::warn!(error = %e, reads = batch.len(), "grouped read failed");
                None
            }
        };
        for w in batch.drain(..) {
            let answer = found.as_ref().map(|f| f.get(&w.key).cloned());
            let _ = w.answer.send(answer);
        }
    }
}

/// The padded length of a statement's list of `n` keys: a few statement shapes only (1, 2, 4,
/// … [`MOST`]), so each connection's prepared statements stay few; the caller repeats the
/// last key to fill it.
pub(crate) fn shape(n: usize) -> usize {
    n.next_power_of_two()
}

/// Citizens by id.
pub(crate) struct Citizens;

impl GroupRead for Citizens {
    type Key = String;
    type Value = Citizen;

    async fn read(pool: &AnyPool, ids: &[String]) -> Result<HashMap<String, Citizen>, StoreError> {
        let Some(last) = ids.last() else {
            return Ok(HashMap::new());
        };
        let n = shape(ids.len());
        let sql = format!(
            "SELECT {COLUMNS} FROM citizens WHERE id IN ({})",
            crate::sql::params(1, n)
        );
        let mut query = sqlx::query(&sql);
        for id in ids.iter().chain(std::iter::repeat(last)).take(n) {
            query = query.bind(id.as_str());
        }
        let rows = query.fetch_all(pool).await?;
        rows.iter()
            .map(|r| from_row(r).map(|c| (c.id.to_string(), c)))
            .collect()
    }
}
