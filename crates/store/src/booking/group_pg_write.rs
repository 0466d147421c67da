//! What a PostgreSQL booking batch keeps, written by one statement (issue 22, item 1): the slots
//! given back (bookings refused or put off), and the won bookings' meetings, day marks, audit
//! entries and outbox rows, as data-modifying `WITH` queries of one `INSERT`.
//!
//! Why one statement, with the rows as JSON: written a statement each with a `VALUES` list per
//! batch size, a batch of ten spent ten round trips here — sqlx sends an unnamed statement's
//! `Parse` and waits for it before `Bind` — and PostgreSQL parsed and planned each of them
//! again. One statement whose text never changes is prepared once per connection, planned once,
//! and sent in one round trip. `json_populate_recordset` converts each object by the table's own
//! row type, so the keys are the column names and no type is written twice. Measured with the
//! one-statement claim and lock (`group_pg.rs`): one instance and three each book about a tenth
//! more, the raw booking transaction 13 % more (`docs/operations.md`). The hope that three
//! instances' smaller batches would gain most was not borne out: their ratio to one did not move.
//!
//! The slots given back are named by `= ANY (ARRAY(…))`, as `group_pg.rs` names the citizens it
//! locks, so the one plan for every batch looks them up by primary key.
//!
//! The foreign keys (a meeting's citizen, slot and staff member) are checked at the end of the
//! statement, as for separate statements; the outbox has none.

use std::sync::LazyLock;

use serde_json::{Value, json};
use sqlx::AnyConnection;

use super::group::{BOOKING_COLUMNS, BookingRow};
use crate::audit::{self, AuditEntry};
use crate::ids::new_id;
use crate::report_days::{MARK_COLUMNS, StaleDay};
use crate::sql::insert_from_json;

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
    let stamp = won.iter().map(|r| r.booked_at).max().unwrap_or_default();
    let mut days: Vec<&StaleDay> = won.iter().map(|r| &r.stale).collect();
    days.sort();
    days.dedup();
    let marks: Vec<Value> = days.iter().map(|d| d.to_json(stamp)).collect();
    let entries: Vec<Value> = won
        .iter()
        .filter_map(|r| r.audit.as_ref().map(AuditEntry::to_json))
        .collect();
    // Each outbox row is created when its booking was (the store's clock, read by the caller).
    let notices: Vec<Value> = won
        .iter()
        .flat_map(|r| {
            r.notices.iter().map(|(kind, at)| {
                json!({
                    "id": new_id(),
                    "kind": kind,
                    "subject_id": r.id,
                    "not_before": at,
                    "created_at": r.booked_at,
                })
            })
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

/// A won booking's meeting, keyed by [`BOOKING_COLUMNS`].
fn meeting(r: &BookingRow) -> Value {
    json!({
        "id": r.id,
        "citizen_id": r.citizen_id,
        "staff_id": r.staff_id,
        "slot_id": r.slot_id,
        "starts_at": r.starts_at,
        "ends_at": r.ends_at,
        "channel": r.channel,
        "location": r.location,
        "purpose": r.purpose,
        "attendance_reason": r.attendance_reason,
        "status": "booked",
        "booked_by": r.booked_by,
        "booked_by_role": r.booked_by_role,
        "booked_at": r.booked_at,
        "updated_at": r.booked_at,
    })
}
