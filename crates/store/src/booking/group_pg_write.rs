//! What a PostgreSQL booking batch keeps, written by one statement (issue 22, item 1): the slots
//! given back (bookings refused or put off), and the won bookings' meetings, day marks, audit
//! entries and outbox rows, as data-modifying `WITH` queries of one `INSERT`.
//!
//! Why one statement, with the rows as JSON: written a statement each with a `VALUES` list per
//! batch size, a batch of ten spent ten round trips here — sqlx sends an unnamed statement's
//! `Parse` and waits for it before `Bind` — and PostgreSQL parsed and planned each of them
//! again. One statement whose text never changes is prepared once per connection, planned once,
//! and sent in one round trip. `json_populate_recordset` converts each object by the table's own
//! row type, so no type is written twice; the keys are the INSERT's own column constants
//! (`sql::json_row`). Measured with the one-statement claim and lock (`group_pg.rs`): one
//! instance and three each book about a tenth more, the raw booking transaction 13 % more
//! (`docs/operations.md`). The hope that three instances' smaller batches would gain most was not
//! borne out: their ratio to one did not move.
//!
//! The slots given back are named by `= ANY (ARRAY(…))`, as `group_pg.rs` names the citizens it
//! locks, so the one plan for every batch looks them up by primary key.
//!
//! The foreign keys (a meeting's citizen, slot and staff member) are checked at the end of the
//! statement, as for separate statements; the outbox has none.

use std::sync::LazyLock;

use serde_json::{Value, json};
use sqlx::AnyConnection;

use super::group::{BOOKING_COLUMNS, BookingRow, marked_at, notices};
use crate::audit::{self, AuditEntry};
use crate::ids::new_id;
use crate::report_days::{self, MARK_COLUMNS};
use crate::sql::{insert_from_json, json_row};

/// `$1` the slots given back, `$2` the meetings, `$3` the day marks, `$4` the audit entries,
/// `$5` the outbox rows: each a JSON array (possibly empty).
static WRITE: LazyLock<String> = LazyLock::new(|| {
    format!(
        "WITH given_back AS (UPDATE slots SET meeting_id = NULL \
         WHERE id = ANY (ARRAY(SELECT json_array_elements_text($1::json)))), \
         meetings_written AS ({}), marks_written AS ({}), audit_written AS ({}) {}",
        insert_from_json("meetings", &BOOKING_COLUMNS, 2),
        insert_from_json("report_marks", &MARK_COLUMNS, 3),
        insert_from_json("audit_log", &audit::COLUMNS, 4),
        insert_from_json("outbox", &super::OUTBOX_COLUMNS, 5),
    )
});

/// Gives back `give_back`'s slots and writes `won`, in the caller's transaction.
pub(super) async fn write(
    conn: &mut AnyConnection,
    won: &[&BookingRow],
    give_back: &[&str],
) -> Result<(), sqlx::Error> {
    let meetings: Vec<Value> = won.iter().map(|r| meeting(r)).collect();
    let stamp = marked_at(won);
    let marks: Vec<Value> = report_days::distinct(won.iter().map(|r| &r.stale))
        .into_iter()
        .map(|d| d.to_json(stamp))
        .collect();
    let entries: Vec<Value> = won
        .iter()
        .filter_map(|r| r.audit.as_ref().map(AuditEntry::to_json))
        .collect();
    let notices: Vec<Value> = notices(won)
        .map(|(kind, subject, at, created)| {
            json_row(
                &super::OUTBOX_COLUMNS,
                [
                    json!(new_id()),
                    json!(kind),
                    json!(subject),
                    json!(at),
                    json!(created),
                ],
            )
        })
        .collect();
    sqlx::query(&WRITE)
        .bind(json!(give_back).to_string())
        .bind(Value::Array(meetings).to_string())
        .bind(Value::Array(marks).to_string())
        .bind(Value::Array(entries).to_string())
        .bind(Value::Array(notices).to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// A won booking's meeting, keyed by [`BOOKING_COLUMNS`] in its order (as SQLite's writer binds
/// it, `group.rs`).
fn meeting(r: &BookingRow) -> Value {
    json_row(
        &BOOKING_COLUMNS,
        [
            json!(r.id),
            json!(r.citizen_id),
            json!(r.staff_id),
            json!(r.slot_id),
            json!(r.starts_at),
            json!(r.ends_at),
            json!(r.channel),
            json!(r.location),
            json!(r.purpose),
            json!(r.attendance_reason),
            json!("booked"),
            json!(r.booked_by),
            json!(r.booked_by_role),
            json!(r.booked_at),
            json!(r.booked_at),
        ],
    )
}
