//! Bookings in a group commit on PostgreSQL (issue 22, item 2): the plain bookings (no a-kasse
//! adviser, call-in, interpreter or companion) that arrive together are written by one writer in
//! one transaction, as SQLite's group writer does (`group.rs`, `group_commit.rs`), from the same
//! [`BookingRow`]s. A booking alone took nine round trips and a commit of its own; a batch takes
//! five whatever its size, and one commit:
//! 1. `BEGIN`;
//! 2. one statement claims every slot and then locks the claimed slots' citizens:
//!    - the claim is a conditional `UPDATE … FROM` the batch, the claim that decides races, as
//!      everywhere (`mod.rs`); a second request for a slot in the same batch finds it taken
//!      before it is asked for;
//!    - the citizens are locked in id order (`SELECT … ORDER BY id FOR NO KEY UPDATE`, the lock
//!      every booking of a citizen takes: `busy.rs` says why not `FOR UPDATE`): slots, then
//!      citizens, the order every path locks in (`busy.rs`), and sorted, so two instances'
//!      batches cannot wait for each other in a circle. `SKIP LOCKED`, unless the batch is
//!      patient: a booking whose citizen another transaction holds — another instance's batch,
//!      mostly — is put off to the writer's next batch (its slot given back in step 4) rather
//!      than this whole batch, and every booking queued behind it, waiting for that
//!      transaction's commit. With three instances on two cores the transaction waited for was
//!      mostly idle, its process off the cores (issue 22, item 1). A booking put off eight times
//!      is written by a patient batch, which waits as before, beside the writer
//!      (`group_commit.rs`);
//! 3. one statement checks each claimed booking against the citizen's stored meetings. A
//!    statement of its own after the locks: READ COMMITTED gives each statement a snapshot, so it
//!    sees what a concurrent booking of the same citizen committed before it let go of the row.
//!    Two bookings of one citizen in the same batch are decided here in order, as on SQLite;
//! 4. one statement gives back the slots of bookings refused as `citizen_busy`, or put off, and
//!    writes the meetings, day marks, audit entries and outbox rows (`group_pg_write.rs`); if
//!    none was booked, the transaction is rolled back instead: no commit to wait for;
//! 5. `COMMIT`, and only then every caller answered.
//!
//! The batch goes to each statement as one JSON parameter (`json_to_recordset`), so each
//! statement's text is the same for every batch size: prepared once per connection, planned once
//! and sent in one round trip (`group_pg_write.rs` says what the lists of parameters cost). If a
//! batch fails as a whole (a deadlock with another path, say), `group_commit.rs` writes its
//! bookings one at a time.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde_json::{Value, json};
use sqlx::{AnyConnection, Row};

use super::group::{BookingRow, Claimed};
use crate::group_commit::Batch;

/// Bookings as a group-commit batch on PostgreSQL.
pub(crate) struct PgBookings;

impl Batch for PgBookings {
    type Row = BookingRow;
    type Out = Claimed;
    const WHAT: &'static str = "booking";

    fn write(
        conn: &mut AnyConnection,
        rows: &[BookingRow],
        patient: bool,
    ) -> impl std::future::Future<Output = Result<Vec<Claimed>, sqlx::Error>> + Send {
        write(conn, rows, patient)
    }

    fn put_off(out: &Claimed) -> bool {
        *out == Claimed::PutOff
    }
}

async fn write(
    conn: &mut AnyConnection,
    rows: &[BookingRow],
    patient: bool,
) -> Result<Vec<Claimed>, sqlx::Error> {
    let mut out = vec![Claimed::SlotTaken; rows.len()];
    // One request per slot goes to the database; a later one in the batch is taken already.
    let mut asked = HashSet::new();
    let candidates: Vec<usize> = (0..rows.len())
        .filter(|&i| asked.insert(rows[i].slot_id.as_str()))
        .collect();
    let mut tx = sqlx::Connection::begin(conn).await?;
    let (claimed, locked) = claim_and_lock(&mut tx, rows, &candidates, patient).await?;
    let claimed: Vec<usize> = candidates
        .into_iter()
        .filter(|&i| claimed.contains(rows[i].slot_id.as_str()))
        .collect();
    let mut give_back = Vec::new();
    let claimed: Vec<usize> = claimed
        .into_iter()
        .filter(|&i| {
            // A patient batch waited for every lock (a citizen missing from `locked` is one that
            // does not exist, and the meeting's foreign key will say so).
            let held_elsewhere = !patient && !locked.contains(rows[i].citizen_id.as_str());
            if held_elsewhere {
                out[i] = Claimed::PutOff;
                give_back.push(rows[i].slot_id.as_str());
            }
            !held_elsewhere
        })
        .collect();
    // A later request for a put-off booking's slot waits with it: the slot may yet be free.
    let put_off_slots: HashSet<&str> = give_back.iter().copied().collect();
    for (i, row) in rows.iter().enumerate() {
        if out[i] == Claimed::SlotTaken && put_off_slots.contains(row.slot_id.as_str()) {
            out[i] = Claimed::PutOff;
        }
    }
    let stored = stored_overlaps(&mut tx, rows, &claimed).await?;
    let mut won: Vec<usize> = Vec::with_capacity(claimed.len());
    for i in claimed {
        let row = &rows[i];
        let in_batch = won.iter().map(|&w| &rows[w]).find(|e| {
            e.citizen_id == row.citizen_id && e.starts_at < row.ends_at && e.ends_at > row.starts_at
        });
        out[i] = match (stored.get(&i), in_batch) {
            (Some(&(start, end)), _) => Claimed::CitizenBusy(start, end),
            (None, Some(e)) => Claimed::CitizenBusy(e.starts_at, e.ends_at),
            (None, None) => Claimed::Yes,
        };
        match out[i] {
            Claimed::Yes => won.push(i),
            _ => give_back.push(row.slot_id.as_str()),
        }
    }
    if won.is_empty() {
        // Nothing to keep (every claim refused or put off): no commit to wait for on disk.
        tx.rollback().await?;
        return Ok(out);
    }
    let won: Vec<&BookingRow> = won.into_iter().map(|i| &rows[i]).collect();
    super::group_pg_write::write(&mut tx, &won, &give_back).await?;
    tx.commit().await?;
    Ok(out)
}

/// Step 2 of the module comment, for `$1`, the candidates as JSON objects `{slot_id,
/// meeting_id, citizen_id}`: a row per slot claimed (`kind` 'slot') and per citizen locked
/// ('citizen'). The lock reads the claim's result, so PostgreSQL runs the claim to its end first.
/// Index 0 skips citizens held elsewhere; index 1, for a patient batch, waits for them.
///
/// The citizens are named by `= ANY (ARRAY(…))`, not `IN (SELECT …)`: the statement is planned
/// once for every batch, guessing a hundred rows from the JSON, and for `IN` that plan hashed
/// the batch and read every citizen (5 ms a batch at 10,000 citizens, `EXPLAIN ANALYZE`); an
/// array is looked up in the primary key, which also yields the citizens in id order.
static CLAIM_AND_LOCK: LazyLock<[String; 2]> = LazyLock::new(|| {
    [" SKIP LOCKED", ""].map(|wait| {
        format!(
            "WITH batch AS (SELECT * FROM json_to_recordset($1::json) \
             AS b (slot_id text, meeting_id text, citizen_id text)), \
             claimed AS (UPDATE slots AS s SET meeting_id = batch.meeting_id FROM batch \
             WHERE s.id = batch.slot_id AND s.meeting_id IS NULL RETURNING s.id), \
             locked AS (SELECT id FROM citizens WHERE id = ANY (ARRAY(SELECT batch.citizen_id \
             FROM batch JOIN claimed ON claimed.id = batch.slot_id)) \
             ORDER BY id FOR NO KEY UPDATE{wait}) \
             SELECT 'slot' AS kind, id FROM claimed UNION ALL SELECT 'citizen', id FROM locked"
        )
    })
});

/// The slots of `candidates` that this batch claimed, and the claimed bookings' citizens it
/// locked: all of them if `patient`, else those no other transaction held.
async fn claim_and_lock(
    conn: &mut AnyConnection,
    rows: &[BookingRow],
    candidates: &[usize],
    patient: bool,
) -> Result<(HashSet<String>, HashSet<String>), sqlx::Error> {
    let batch: Vec<Value> = candidates
        .iter()
        .map(|&i| {
            let r = &rows[i];
            json!({"slot_id": r.slot_id, "meeting_id": r.id, "citizen_id": r.citizen_id})
        })
        .collect();
    let (mut slots, mut citizens) = (HashSet::new(), HashSet::new());
    for r in sqlx::query(&CLAIM_AND_LOCK[usize::from(patient)])
        .bind(Value::Array(batch).to_string())
        .fetch_all(&mut *conn)
        .await?
    {
        let id: String = r.try_get("id")?;
        match r.try_get::<String, _>("kind")?.as_str() {
            "slot" => slots.insert(id),
            _ => citizens.insert(id),
        };
    }
    Ok((slots, citizens))
}

/// Step 3 of the module comment, for `$1`, the claimed bookings as JSON objects.
static STORED_OVERLAPS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT b.i, o.starts_at, o.ends_at FROM json_to_recordset($1::json) \
         AS b (i bigint, citizen_id text, earliest bigint, ends_at bigint, starts_at bigint) \
         CROSS JOIN LATERAL (SELECT m.starts_at, m.ends_at FROM meetings m WHERE {} \
         ORDER BY m.starts_at LIMIT 1) AS o",
        super::busy::overlap_of("b.citizen_id", "b.earliest", "b.ends_at", "b.starts_at")
    )
});

/// For each claimed booking whose citizen has a stored booked meeting overlapping it, that
/// meeting's start and end (the earliest, as `busy::overlapping` names it).
async fn stored_overlaps(
    conn: &mut AnyConnection,
    rows: &[BookingRow],
    claimed: &[usize],
) -> Result<HashMap<usize, (i64, i64)>, sqlx::Error> {
    if claimed.is_empty() {
        return Ok(HashMap::new());
    }
    let batch: Vec<Value> = claimed
        .iter()
        .map(|&i| {
            let r = &rows[i];
            json!({
                "i": i,
                "citizen_id": r.citizen_id,
                "earliest": super::busy::earliest_overlapping_start(r.starts_at),
                "ends_at": r.ends_at,
                "starts_at": r.starts_at,
            })
        })
        .collect();
    let mut found = HashMap::new();
    for r in sqlx::query(&STORED_OVERLAPS)
        .bind(Value::Array(batch).to_string())
        .fetch_all(&mut *conn)
        .await?
    {
        let i: i64 = r.try_get("i")?;
        if let Ok(i) = usize::try_from(i) {
            found.insert(i, (r.try_get("starts_at")?, r.try_get("ends_at")?));
        }
    }
    Ok(found)
}
