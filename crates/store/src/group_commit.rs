//! Group commit, for any kind of write. SQLite has one writer and `synchronous=FULL`, so each
//! write alone costs its own fsync. A group writer takes whatever rows have queued (up to
//! [`BATCH`]), writes them in one transaction, commits once, and only then answers each caller:
//! an answered write is as durable as one committed alone. On PostgreSQL, which commits in
//! parallel by itself, bookings use it too: there a booking's cost is its round trips, and a
//! batch shares them (`booking/group_pg.rs`, issue 22).
//!
//! If a batch fails as a whole, its rows are retried one at a time, so one bad row cannot fail
//! the others. A batch may put a row off instead of waiting for a lock another instance holds
//! (bookings on PostgreSQL: `booking/group_pg.rs`); the writer writes it again with its next
//! batch, and after [`PUT_OFF_AT_MOST`] times hands it to a task of its own that waits for the
//! lock on a connection of its own, so the rows behind it never wait with it. Bookings
//! (`booking/group.rs`, `booking/group_pg.rs`) and messages (`messages/writer.rs`) are the
//! batches.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool};
use tokio::sync::{mpsc, oneshot};

use crate::StoreError;

/// Rows per transaction at most.
const BATCH: usize = 256;

/// One kind of write that can be committed in groups.
pub(crate) trait Batch: 'static {
    type Row: Send + 'static;
    /// What each row's caller learns (a booking: whether its slot was claimed).
    type Out: Send + 'static;
    /// What the warning says when a batch fails, e.g. "booking".
    const WHAT: &'static str;
    /// Writes `rows` in one transaction and commits; one answer per row, in order. Unless
    /// `patient`, a row whose lock another transaction holds may be answered [`Batch::put_off`]
    /// instead of the batch waiting for it.
    fn write(
        conn: &mut AnyConnection,
        rows: &[Self::Row],
        patient: bool,
    ) -> impl Future<Output = Result<Vec<Self::Out>, sqlx::Error>> + Send;

    /// Whether `out` says the row was put off, nothing of it written: it goes to the next batch.
    fn put_off(_out: &Self::Out) -> bool {
        false
    }
}

/// Times a row may be put off before it is handed to a patient write, which waits for its
/// locks on a connection of its own (a transaction that holds one for long lets its waiters
/// through in the end). One such write at a time: under a storm of bookings of the same few
/// citizens through several instances, a patient write for every row put off piled up a dozen
/// sessions waiting on each other's citizens (three instances booked half of what they did).
const PUT_OFF_AT_MOST: u8 = 8;

/// How long a batch of nothing but rows put off waits for new rows before it is tried again:
/// long enough for the transaction it waits for to commit, as a batch takes a few milliseconds.
const PUT_OFF_PAUSE: std::time::Duration = std::time::Duration::from_millis(2);

/// A row with its caller and how often it was put off.
type Queued<B> = (<B as Batch>::Row, Reply<B>, u8);

type Reply<B> = oneshot::Sender<Result<(<B as Batch>::Row, <B as Batch>::Out), Failed>>;

/// Why a write failed, told to each of its callers (an error cannot be copied): its text, and
/// whether the database was out of reach (then 503 and "try again", not 500; `error.rs`).
#[derive(Debug, Clone)]
struct Failed {
    message: String,
    unavailable: bool,
}

impl From<&sqlx::Error> for Failed {
    fn from(e: &sqlx::Error) -> Self {
        Self {
            message: e.to_string(),
            unavailable: crate::error::unreachable(e),
        }
    }
}

impl From<Failed> for StoreError {
    fn from(f: Failed) -> Self {
        let e = sqlx::Error::Protocol(f.message);
        if f.unavailable {
            StoreError::Unavailable(e)
        } else {
            StoreError::Database(e)
        }
    }
}

pub(crate) struct GroupWriter<B: Batch> {
    queue: mpsc::Sender<(B::Row, Reply<B>)>,
    counts: Arc<Counts>,
}

/// What a writer has done since it started, for `/metrics`: rows per batch is what group commit
/// saves (one instance's writer sees all its bookings; N instances' writers a share each), and
/// rows put off say how often instances want the same citizens at once. The patient writes
/// beside the writer (rows put off too often) are not counted: they are the rare case.
#[derive(Debug, Default)]
pub(crate) struct Counts {
    pub batches: AtomicU64,
    pub rows: AtomicU64,
    pub put_off: AtomicU64,
}

impl Counts {
    fn add(&self, rows: usize, put_off: usize) {
        let n = |x: usize| u64::try_from(x).unwrap_or(u64::MAX);
        self.batches.fetch_add(1, Ordering::Relaxed);
        self.rows.fetch_add(n(rows), Ordering::Relaxed);
        self.put_off.fetch_add(n(put_off), Ordering::Relaxed);
    }
}

impl<B: Batch> GroupWriter<B> {
    /// A writer on `pool`; rows put off too often are written on `patient` (`PUT_OFF_AT_MOST`),
    /// which must be another pool where the writer's own holds one connection.
    pub(crate) fn start(pool: AnyPool, patient: AnyPool) -> Self {
        let (queue, rx) = mpsc::channel(4096);
        let counts = Arc::new(Counts::default());
        tokio::spawn(run::<B>(pool, patient, rx, counts.clone()));
        Self { queue, counts }
    }

    /// Batches, rows and rows put off so far.
    pub(crate) fn counts(&self) -> &Counts {
        &self.counts
    }

    /// Returns once the row is committed, with the row back and its answer.
    pub(crate) async fn write(&self, row: B::Row) -> Result<(B::Row, B::Out), StoreError> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send((row, reply))
            .await
            .map_err(|_| StoreError::AuditUnavailable)?;
        match answer.await {
            Ok(Ok(done)) => Ok(done),
            Ok(Err(failed)) => Err(failed.into()),
            Err(_) => Err(StoreError::AuditUnavailable),
        }
    }
}

/// How long the writer keeps the write connection while work keeps coming, before it lets
/// the other writers (sign-ins, the outbox drain …) have a turn.
const HOLD: std::time::Duration = std::time::Duration::from_millis(50);

async fn run<B: Batch>(
    pool: AnyPool,
    patient: AnyPool,
    mut rx: mpsc::Receiver<(B::Row, Reply<B>)>,
    counts: Arc<Counts>,
) {
    // The connection is kept from batch to batch while rows keep coming: giving it back and
    // taking it again costs sqlx a round trip to its SQLite thread each way, which under load
    // took longer than the batch itself.
    let mut held: Option<(PoolConnection<Any>, std::time::Instant)> = None;
    let mut queued = Vec::with_capacity(BATCH);
    // Rows the last batch put off: they lead the next one.
    let mut batch: Vec<Queued<B>> = Vec::with_capacity(BATCH);
    let mut patient_write: Option<tokio::task::JoinHandle<()>> = None;
    loop {
        if batch.is_empty() {
            if rx.is_empty() {
                // Nothing waiting: the connection goes back while we wait.
                held = None;
            }
            // Waits for one row, then takes whatever else has queued, up to a batch.
            if rx.recv_many(&mut queued, BATCH).await == 0 {
                return;
            }
        } else {
            if rx.is_empty() {
                let wait = rx.recv_many(&mut queued, BATCH - batch.len());
                if let Ok(0) = tokio::time::timeout(PUT_OFF_PAUSE, wait).await {
                    // The queue is closed (shutdown): the rows put off are still written,
                    // paced as if it waited.
                    tokio::time::sleep(PUT_OFF_PAUSE).await;
                }
            }
            while batch.len() + queued.len() < BATCH {
                match rx.try_recv() {
                    Ok(row) => queued.push(row),
                    Err(_) => break,
                }
            }
        }
        batch.extend(queued.drain(..).map(|(row, reply)| (row, reply, 0)));
        if held
            .as_ref()
            .is_some_and(|(_, since)| since.elapsed() > HOLD)
        {
            held = None;
        }
        let conn = match &mut held {
            Some((conn, _)) => conn,
            None => match pool.acquire().await {
                Ok(conn) => &mut held.insert((conn, std::time::Instant::now())).0,
                Err(e) => {
                    for (_, reply, _) in batch.drain(..) {
                        let _ = reply.send(Err(Failed::from(&e)));
                    }
                    continue;
                }
            },
        };
        let rows = batch.len();
        let (put_off, failed) = write_batch::<B>(conn, std::mem::take(&mut batch), false).await;
        counts.add(rows, put_off.len());
        if failed {
            // The connection may be what failed: the next batch takes one the pool has checked.
            held = None;
        }
        let free = patient_write.as_ref().is_none_or(|w| w.is_finished());
        let (due, again): (Vec<_>, Vec<_>) = put_off
            .into_iter()
            .partition(|(_, _, times)| free && *times >= PUT_OFF_AT_MOST);
        batch = again;
        if !due.is_empty() {
            let patient = patient.clone();
            patient_write = Some(tokio::spawn(async move {
                match patient.acquire().await {
                    Ok(mut conn) => {
                        write_batch::<B>(&mut conn, due, true).await;
                    }
                    Err(e) => {
                        for (_, reply, _) in due {
                            let _ = reply.send(Err(Failed::from(&e)));
                        }
                    }
                }
            }));
        }
    }
}

/// Writes `batch` in one transaction and answers its callers, each row alone if the batch fails
/// as a whole. Returns the rows put off (each counted once more) and whether anything failed.
async fn write_batch<B: Batch>(
    conn: &mut AnyConnection,
    batch: Vec<Queued<B>>,
    patient: bool,
) -> (Vec<Queued<B>>, bool) {
    let mut rows = Vec::with_capacity(batch.len());
    let mut replies = Vec::with_capacity(batch.len());
    for (row, reply, times) in batch {
        rows.push(row);
        replies.push((reply, times));
    }
    let mut put_off = Vec::new();
    let failed = match B::write(conn, &rows, patient).await {
        Ok(outs) => {
            for ((row, (reply, times)), out) in rows.into_iter().zip(replies).zip(outs) {
                if B::put_off(&out) {
                    put_off.push((row, reply, times.saturating_add(1)));
                } else {
                    let _ = reply.send(Ok((row, out)));
                }
            }
            false
        }
        Err(e) if rows.len() > 1 => {
            tracing::warn!(error = %e, what = B::WHAT, rows = rows.len(), "batch failed; retrying one by one");
            for (row, (reply, _)) in rows.into_iter().zip(replies) {
                // Alone and patient: a row that failed in a batch is put off no more.
                let one = B::write(conn, std::slice::from_ref(&row), true).await;
                let _ = reply.send(match one.map(|mut outs| outs.pop()) {
                    Ok(Some(out)) => Ok((row, out)),
                    Ok(None) => Err(Failed {
                        message: "the write gave no answer".to_owned(),
                        unavailable: false,
                    }),
                    Err(e) => Err(Failed::from(&e)),
                });
            }
            true
        }
        Err(e) => {
            for (reply, _) in replies {
                let _ = reply.send(Err(Failed::from(&e)));
            }
            true
        }
    };
    (put_off, failed)
}
