//! Bookings in a group commit on SQLite (`group_commit.rs`): a batch claims its slots one by one
//! in one transaction, writes the claimed ones' meetings, audit entries and outbox rows with one
//! statement each, and commits once. Of simultaneous bookings of one slot exactly one claim
//! succeeds, as the conditional UPDATE decides within the transaction; a batch cannot fail as a
//! whole once its claims succeeded (the inserts cannot conflict), and if it does anyway, the
//! shared writer retries its bookings one at a time.

use sqlx::AnyConnection;

use crate::audit::{self, AuditEntry};
use crate::group_commit::Batch;
use crate::ids::new_id;
use crate::report_days::{self, StaleDay};

/// A booking whose checks have passed: everything to write once its slot is claimed.
#[derive(Debug, Clone)]
pub(crate) struct BookingRow {
    pub id: String,
    pub citizen_id: String,
    pub staff_id: String,
    pub slot_id: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub channel: &'static str,
    pub location: Option<String>,
    pub purpose: Option<String>,
    pub attendance_reason: Option<String>,
    pub booked_by: String,
    pub booked_by_role: &'static str,
    pub booked_at: i64,
    pub audit: Option<AuditEntry>,
    pub notices: Vec<(&'static str, i64)>,
    /// The day whose report counts the new meeting changes.
    pub stale: StaleDay,
}

/// What became of one booking in a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Claimed {
    Yes,
    SlotTaken,
    /// The citizen has another booked meeting then (its start and end, micros).
    CitizenBusy(i64, i64),
    /// Another instance's transaction held the citizen: nothing written, the group writer tries
    /// again with its next batch (PostgreSQL, `group_pg.rs`). Never reaches the caller.
    PutOff,
}

/// Bookings as a group-commit batch (SQLite): each answer is whether its slot was claimed.
pub(crate) struct Bookings;

impl Batch for Bookings {
    type Row = BookingRow;
    type Out = Claimed;
    const WHAT: &'static str = "booking";

    fn write(
        conn: &mut AnyConnection,
        rows: &[BookingRow],
        _patient: bool,
    ) -> impl std::future::Future<Output = Result<Vec<Claimed>, sqlx::Error>> + Send {
        write(conn, rows)
    }
}

async fn write(conn: &mut AnyConnection, rows: &[BookingRow]) -> Result<Vec<Claimed>, sqlx::Error> {
    let mut tx = sqlx::Connection::begin(conn).await?;
    let mut claimed = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        claimed.push(claim(&mut tx, row, &rows[..i], &claimed).await?);
    }
    let won: Vec<&BookingRow> = rows
        .iter()
        .zip(&claimed)
        .filter(|(_, c)| **c == Claimed::Yes)
        .map(|(r, _)| r)
        .collect();
    write_won(&mut tx, &won).await?;
    tx.commit().await?;
    Ok(claimed)
}

/// The meeting columns a booking fills, in the order [`write_won`] binds them (and the keys of
/// PostgreSQL's rows as JSON, `group_pg_write.rs`).
pub(crate) const BOOKING_COLUMNS: [&str; 15] = [
    "id",
    "citizen_id",
    "staff_id",
    "slot_id",
    "starts_at",
    "ends_at",
    "channel",
    "location",
    "purpose",
    "attendance_reason",
    "status",
    "booked_by",
    "booked_by_role",
    "booked_at",
    "updated_at",
];

/// Writes the meetings, day marks, audit entries and outbox rows of the bookings whose slots a
/// batch claimed, a statement each (SQLite's group writer; PostgreSQL's writes them with one
/// statement, `group_pg_write.rs`).
async fn write_won(conn: &mut AnyConnection, won: &[&BookingRow]) -> Result<(), sqlx::Error> {
    for chunk in won.chunks(50) {
        let sql = crate::sql::insert_values("meetings", &BOOKING_COLUMNS, chunk.len());
        let mut q = sqlx::query(&sql);
        for r in chunk {
            q = q
                .bind(r.id.clone())
                .bind(r.citizen_id.clone())
                .bind(r.staff_id.clone())
                .bind(r.slot_id.clone())
                .bind(r.starts_at)
                .bind(r.ends_at)
                .bind(r.channel)
                .bind(r.location.clone())
                .bind(r.purpose.clone())
                .bind(r.attendance_reason.clone())
                .bind("booked")
                .bind(r.booked_by.clone())
                .bind(r.booked_by_role)
                .bind(r.booked_at)
                .bind(r.booked_at);
        }
        q.execute(&mut *conn).await?;
    }
    let days: Vec<StaleDay> = won.iter().map(|r| r.stale.clone()).collect();
    report_days::mark_in(conn, marked_at(won), &days).await?;
    let entries: Vec<AuditEntry> = won.iter().filter_map(|r| r.audit.clone()).collect();
    if !entries.is_empty() {
        audit::insert_in(conn, &entries).await?;
    }
    let notices: Vec<Notice> = notices(won).collect();
    for chunk in notices.chunks(100) {
        let sql = crate::sql::insert_values("outbox", &super::OUTBOX_COLUMNS, chunk.len());
        let mut q = sqlx::query(&sql);
        for (kind, subject, at, created) in chunk {
            q = q
                .bind(new_id())
                .bind(*kind)
                .bind(*subject)
                .bind(*at)
                .bind(*created);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// When a batch marks its days stale: its latest booking's time.
pub(crate) fn marked_at(won: &[&BookingRow]) -> i64 {
    won.iter().map(|r| r.booked_at).max().unwrap_or_default()
}

/// An outbox row of a won booking: kind, meeting, not before, created.
pub(crate) type Notice<'a> = (&'static str, &'a str, i64, i64);

/// The won bookings' outbox rows, each created when its booking was (the store's clock, read
/// by the caller).
pub(crate) fn notices<'a>(won: &'a [&BookingRow]) -> impl Iterator<Item = Notice<'a>> {
    won.iter().flat_map(|r| {
        r.notices
            .iter()
            .map(|(k, at)| (*k, r.id.as_str(), *at, r.booked_at))
    })
}

/// Claims one booking's slot unless the citizen is busy then: with a meeting already stored
/// (the claim's own `NOT EXISTS`, read inside this transaction; the single writer orders every
/// booking), or with one won earlier in this batch, whose meeting is not inserted yet. One
/// statement on the common path: each is a hand-off to sqlx's SQLite thread, and a second one
/// per booking cost a fifth of the storm. A slot that is taken is `slot_taken` first, as
/// API.md names it.
async fn claim(
    conn: &mut AnyConnection,
    row: &BookingRow,
    earlier: &[BookingRow],
    outcomes: &[Claimed],
) -> Result<Claimed, sqlx::Error> {
    let done = sqlx::query(&CLAIM_UNLESS_BUSY)
        .bind(&row.id)
        .bind(&row.slot_id)
        .bind(&row.citizen_id)
        .bind(super::busy::earliest_overlapping_start(row.starts_at))
        .bind(row.ends_at)
        .bind(row.starts_at)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() != 1 {
        let taken = sqlx::query("SELECT 1 FROM slots WHERE id = $1 AND meeting_id IS NULL")
            .bind(&row.slot_id)
            .fetch_optional(&mut *conn)
            .await?
            .is_none();
        let busy = match taken {
            true => None,
            false => {
                super::busy::overlapping(conn, &row.citizen_id, row.starts_at, row.ends_at, "")
                    .await?
            }
        };
        return Ok(match busy {
            Some((start, end)) => Claimed::CitizenBusy(start, end),
            None => Claimed::SlotTaken,
        });
    }
    let in_batch = earlier.iter().zip(outcomes).find(|(e, c)| {
        **c == Claimed::Yes
            && e.citizen_id == row.citizen_id
            && e.starts_at < row.ends_at
            && e.ends_at > row.starts_at
    });
    let Some((e, _)) = in_batch else {
        return Ok(Claimed::Yes);
    };
    sqlx::query("UPDATE slots SET meeting_id = NULL WHERE id = $1")
        .bind(&row.slot_id)
        .execute(&mut *conn)
        .await?;
    Ok(Claimed::CitizenBusy(e.starts_at, e.ends_at))
}

/// The claim of `busy.rs`'s check folded into the slot's conditional update.
static CLAIM_UNLESS_BUSY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "UPDATE slots SET meeting_id = $1 WHERE id = $2 AND meeting_id IS NULL \
         AND NOT EXISTS (SELECT 1 FROM meetings m WHERE {})",
        super::busy::overlap(3)
    )
});
