//! Point reads of citizens grouped on PostgreSQL (issue 22, item 3).
//!
//! Every request about a citizen starts by reading their row by primary key. On PostgreSQL each
//! such read was a statement of its own — a round trip, and the server's work per statement
//! (protocol, snapshot, executor) for one row — and PostgreSQL's processes took a third of the
//! machine in the audited-read benchmark. So reads waiting at the same moment are made together
//! by one task in one statement (`WHERE id IN (…)`), as the access log's entries are written
//! together (`audit.rs`). A lone read waits for nothing: the task takes whatever is queued when
//! it wakes. SQLite reads on the caller's thread instead (`direct_reads.rs`).

use std::collections::HashMap;

use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};

use crate::StoreError;
use crate::citizens::{COLUMNS, Citizen, from_row};

/// The most reads one statement makes.
const MOST: usize = 256;

struct Waiting {
    id: String,
    /// `None`: the grouped statement failed; the reader reads alone (and gets its own error).
    answer: oneshot::Sender<Option<Option<Citizen>>>,
}

pub(crate) struct CitizenReads {
    queue: mpsc::Sender<Waiting>,
}

impl CitizenReads {
    pub(crate) fn start(pool: AnyPool) -> Self {
        let (queue, rx) = mpsc::channel(4096);
        tokio::spawn(run(pool, rx));
        Self { queue }
    }

    /// The citizen with this id (`None`: no such citizen), or `Err` when the grouped read
    /// could not be made (the caller then reads alone).
    pub(crate) async fn get(&self, id: &str) -> Result<Option<Citizen>, ()> {
        let (answer, rx) = oneshot::channel();
        let waiting = Waiting {
            id: id.to_owned(),
            answer,
        };
        self.queue.send(waiting).await.map_err(|_| ())?;
        rx.await.ok().flatten().ok_or(())
    }
}

async fn run(pool: AnyPool, mut rx: mpsc::Receiver<Waiting>) {
    let mut batch = Vec::with_capacity(MOST);
    // Waits for one read, then takes whatever else has queued, up to [`MOST`].
    while rx.recv_many(&mut batch, MOST).await > 0 {
        let found = match read(&pool, &batch).await {
            Ok(found) => Some(found),
            Err(e) => {
                tracing::warn!(error = %e, reads = batch.len(), "grouped citizen read failed");
                None
            }
        };
        for w in batch.drain(..) {
            let answer = found.as_ref().map(|f| f.get(&w.id).cloned());
            let _ = w.answer.send(answer);
        }
    }
}

async fn read(pool: &AnyPool, batch: &[Waiting]) -> Result<HashMap<String, Citizen>, StoreError> {
    let mut ids: Vec<&str> = batch.iter().map(|w| w.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    // A few statement shapes only (1, 2, 4, … 256 ids), so each connection's prepared
    // statements stay few; the last id repeated fills the list.
    let shape = ids.len().next_power_of_two();
    if let Some(last) = ids.last().copied() {
        ids.resize(shape, last);
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM citizens WHERE id IN ({})",
        crate::sql::params(1, ids.len())
    );
    let mut query = sqlx::query(&sql);
    for id in &ids {
        query = query.bind(*id);
    }
    query
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| from_row(r).map(|c| (c.id.to_string(), c)))
        .collect()
}
