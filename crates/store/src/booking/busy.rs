//! A citizen is never in two booked meetings at once, across organisations (API.md: 409
//! `citizen_busy`). The check runs inside the booking's write transaction, after the slot is
//! claimed (a taken slot stays `slot_taken`) and the citizen's row is locked, so two
//! simultaneous bookings of one citizen (the jobcenter's and the a-kasse's, say) are decided one
//! after the other: the second sees the first's meeting. Every path locks slot, then citizen,
//! then staff, so the locks cannot deadlock.
//! On SQLite the single writer already orders them; on PostgreSQL the row lock does, because
//! under READ COMMITTED each later statement reads what was committed before it began.

use sqlx::{AnyConnection, Row};

use crate::{Backend, StoreError, clock};

/// Whether meeting `m` of citizen `$n` overlaps `[$n+3, $n+2)`, for meetings starting after
/// `$n+1` ([`earliest_overlapping_start`]). No meeting is longer than a slot may be
/// ([`domain::MAX_SPAN`]), so only those starting in `(start - MAX_SPAN, end)` can overlap: a
/// short range of the `meetings_citizen` index, however many meetings the citizen has had
/// (unbounded, the scan read all of them and halved the booking storm).
pub(crate) fn overlap(n: usize) -> String {
    overlap_of(
        &format!("${n}"),
        &format!("${}", n + 1),
        &format!("${}", n + 2),
        &format!("${}", n + 3),
    )
}

/// [`overlap`] with SQL expressions for the citizen, the earliest start, the end and the start
/// (the group writer on PostgreSQL checks a whole batch against columns of a `VALUES` list).
pub(crate) fn overlap_of(citizen: &str, earliest: &str, end: &str, start: &str) -> String {
    format!(
        "m.citizen_id = {citizen} AND m.starts_at > {earliest} AND m.starts_at < {end} \
         AND m.ends_at > {start} AND m.status = 'booked'"
    )
}

/// Meetings starting after this may overlap one starting at `start`.
pub(crate) fn earliest_overlapping_start(start: i64) -> i64 {
    start.saturating_sub(i64::try_from(domain::MAX_SPAN.as_micros()).unwrap_or(i64::MAX))
}

/// The time of the citizen's other booked meeting that overlaps `[start, end)`, leaving out
/// the meeting being moved (`except`).
pub(crate) async fn overlapping(
    conn: &mut AnyConnection,
    citizen_id: &str,
    start: i64,
    end: i64,
    except: &str,
) -> Result<Option<(i64, i64)>, sqlx::Error> {
    let sql = format!(
        "SELECT m.starts_at, m.ends_at FROM meetings m WHERE m.id <> $1 AND {} \
         ORDER BY m.starts_at LIMIT 1",
        overlap(2)
    );
    let row = sqlx::query(&sql)
        .bind(except)
        .bind(citizen_id)
        .bind(earliest_overlapping_start(start))
        .bind(end)
        .bind(start)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).transpose()
}

/// Locks the citizen's row for the rest of the transaction, then refuses with
/// [`StoreError::CitizenBusy`] if another booked meeting of theirs overlaps. On PostgreSQL a
/// `FOR NO KEY UPDATE` lock (no new row version, and the worklist's trigger does not fire for a
/// row that did not change): it orders the bookings of one citizen, which all take it, and
/// leaves alone the `FOR KEY SHARE` lock each row referring to the citizen takes — a letter
/// kept by the outbox worker, a meeting's own row — which `FOR UPDATE` waited for (and they for
/// it). SQLite's one writer already orders the transactions.
pub(crate) async fn ensure_free(
    conn: &mut AnyConnection,
    backend: Backend,
    citizen_id: &str,
    start: i64,
    end: i64,
    except: &str,
) -> Result<(), StoreError> {
    if backend == Backend::Postgres {
        lock_citizen(conn, citizen_id).await?;
    }
    match overlapping(conn, citizen_id, start, end, except).await? {
        Some((s, e)) => Err(busy(s, e)),
        None => Ok(()),
    }
}

/// The lock every booking of a citizen takes on PostgreSQL (see [`ensure_free`]), held for the
/// rest of the transaction; a batch of bookings takes the same for its citizens at once
/// (`group_pg.rs`).
pub(crate) async fn lock_citizen(
    conn: &mut AnyConnection,
    citizen_id: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT id FROM citizens WHERE id = $1 FOR NO KEY UPDATE")
        .bind(citizen_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(())
}

/// The refusal naming the other meeting's time, never its content.
pub(crate) fn busy(start: i64, end: i64) -> StoreError {
    StoreError::CitizenBusy {
        start: clock::from_micros(start),
        end: clock::from_micros(end),
    }
}
