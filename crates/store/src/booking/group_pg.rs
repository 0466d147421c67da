//! Bookings in a group commit on PostgreSQL (issue 22, item 2): the plain bookings (no a-kasse
//! adviser, call-in, interpreter or companion) that arrive together are written by one writer in
//! one transaction, as SQLite's group writer does (`group.rs`, `group_commit.rs`), from the same
//! [`BookingRow`]s. A booking alone took nine round trips and a commit of its own; a batch takes
//! a handful of statements whatever its size, and one commit:
//! 1. `BEGIN`;
//! 2. every slot claimed with one conditional `UPDATE … FROM (VALUES …)` — the claim that decides
//!    races, as everywhere (`mod.rs`); a second request for a slot in the same batch finds it
//!    taken before it is asked for;
//! 3. the citizens of the claimed slots locked, in id order (`SELECT … ORDER BY id FOR NO KEY
//!    UPDATE`, the lock every booking of a citizen takes: `busy.rs` says why not `FOR UPDATE`):
//!    slots, then citizens, the order every path locks in (`busy.rs`), and sorted, so two
//!    instances' batches cannot wait for each other in a circle. `SKIP LOCKED`, unless the batch
//!    is patient: a booking whose citizen another transaction holds — another instance's batch,
//!    mostly — is put off to the writer's next batch (its slot given back in step 5) rather than
//!    this whole batch, and every booking queued behind it, waiting for that transaction's
//!    commit. With three instances on two cores the transaction waited for was mostly idle, its
//!    process off the cores (issue 22, item 1). A booking put off eight times is written by a
//!    patient batch, which waits as before, beside the writer (`group_commit.rs`);
//! 4. one statement checks each claimed booking against the citizen's stored meetings. A
//!    statement of its own after the locks: READ COMMITTED gives each statement a snapshot, so it
//!    sees what a concurrent booking of the same citizen committed before it let go of the row.
//!    Two bookings of one citizen in the same batch are decided here in order, as on SQLite;
//! 5. the slots of bookings refused as `citizen_busy`, or put off, given back (or, if none was
//!    booked, the transaction rolled back: no commit to wait for);
//! 6. meetings, day marks, audit entries and outbox rows, a statement each (`group::write_won`);
//! 7. `COMMIT`, and only then every caller answered.
//!
//! The claim, lock and check statements are padded to a power of two of rows (with ids nothing
//! has), so a few prepared statements serve every batch size. If a batch fails as a whole (a
//! deadlock with another path, say), `group_commit.rs` writes its bookings one at a time.

use std::collections::{HashMap, HashSet};

use sqlx::{AnyConnection, Row};

use super::group::{BookingRow, Claimed, write_won};
use crate::group_commit::Batch;
use crate::sql::params;

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
    let claimed = claim(&mut tx, rows, &candidates).await?;
    let claimed: Vec<usize> = candidates
        .into_iter()
        .filter(|&i| claimed.contains(rows[i].slot_id.as_str()))
        .collect();
    let locked = lock_citizens(&mut tx, rows, &claimed, patient).await?;
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
    if !give_back.is_empty() {
        let sql = format!(
            "UPDATE slots SET meeting_id = NULL WHERE id IN ({})",
            params(1, give_back.len())
        );
        let mut q = sqlx::query(&sql).persistent(false);
        for slot in give_back {
            q = q.bind(slot);
        }
        q.execute(&mut *tx).await?;
    }
    let won: Vec<&BookingRow> = won.into_iter().map(|i| &rows[i]).collect();
    write_won(&mut tx, &won, false).await?;
    tx.commit().await?;
    Ok(out)
}

/// The slots of `candidates` that this batch claimed.
async fn claim(
    conn: &mut AnyConnection,
    rows: &[BookingRow],
    candidates: &[usize],
) -> Result<HashSet<String>, sqlx::Error> {
    let size = candidates.len().next_power_of_two();
    let values: Vec<String> = (0..size)
        .map(|k| format!("(${}, ${})", 2 * k + 1, 2 * k + 2))
        .collect();
    let sql = format!(
        "UPDATE slots AS s SET meeting_id = v.meeting_id FROM (VALUES {}) AS v (slot_id, meeting_id) \
         WHERE s.id = v.slot_id AND s.meeting_id IS NULL RETURNING s.id",
        values.join(", ")
    );
    let mut q = sqlx::query(&sql);
    for k in 0..size {
        q = match candidates.get(k) {
            Some(&i) => q.bind(rows[i].slot_id.as_str()).bind(rows[i].id.as_str()),
            None => q.bind("").bind(""),
        };
    }
    q.fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| r.try_get::<String, _>("id"))
        .collect()
}

/// Locks the claimed bookings' citizens, in id order, and returns those locked: all of them if
/// `patient`, else those no other transaction held.
async fn lock_citizens(
    conn: &mut AnyConnection,
    rows: &[BookingRow],
    claimed: &[usize],
    patient: bool,
) -> Result<HashSet<String>, sqlx::Error> {
    if claimed.is_empty() {
        return Ok(HashSet::new());
    }
    let mut ids: Vec<&str> = claimed
        .iter()
        .map(|&i| rows[i].citizen_id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let size = ids.len().next_power_of_two();
    let sql = format!(
        "SELECT id FROM citizens WHERE id IN ({}) ORDER BY id FOR NO KEY UPDATE{}",
        params(1, size),
        if patient { "" } else { " SKIP LOCKED" }
    );
    let mut q = sqlx::query(&sql);
    for k in 0..size {
        q = q.bind(ids.get(k).copied().unwrap_or(""));
    }
    q.fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| r.try_get::<String, _>("id"))
        .collect()
}

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
    let size = claimed.len().next_power_of_two();
    let values: Vec<String> = (0..size)
        .map(|k| format!("({})", params(5 * k + 1, 5)))
        .collect();
    let sql = format!(
        "SELECT v.i, o.starts_at, o.ends_at FROM (VALUES {}) AS v (i, citizen_id, earliest, ends_at, starts_at) \
         CROSS JOIN LATERAL (SELECT m.starts_at, m.ends_at FROM meetings m WHERE {} \
         ORDER BY m.starts_at LIMIT 1) AS o",
        values.join(", "),
        super::busy::overlap_of("v.citizen_id", "v.earliest", "v.ends_at", "v.starts_at")
    );
    let mut q = sqlx::query(&sql);
    for k in 0..size {
        q = match claimed.get(k) {
            Some(&i) => {
                let r = &rows[i];
                q.bind(i64::try_from(i).unwrap_or(-1))
                    .bind(r.citizen_id.as_str())
                    .bind(super::busy::earliest_overlapping_start(r.starts_at))
                    .bind(r.ends_at)
                    .bind(r.starts_at)
            }
            None => q.bind(-1_i64).bind("").bind(0_i64).bind(0_i64).bind(0_i64),
        };
    }
    let mut found = HashMap::new();
    for r in q.fetch_all(&mut *conn).await? {
        let i: i64 = r.try_get("i")?;
        if let Ok(i) = usize::try_from(i) {
            found.insert(i, (r.try_get("starts_at")?, r.try_get("ends_at")?));
        }
    }
    Ok(found)
}
