//! Step 6 of a booking batch on PostgreSQL (`group_pg.rs`): the won bookings' meetings, day
//! marks, audit entries and outbox rows in one statement — inserts in a data-modifying `WITH`,
//! one round trip instead of four. Under three instances on two cores a batch's transaction
//! spent most of its life "idle in transaction", waiting for its server to get a core and send
//! the next statement (issue 22, item 1); every statement fewer is one wait fewer, with the
//! batch's citizens and slots locked.
//!
//! The rows are the ones `group::write_won` writes, with the same columns and binds. Foreign
//! keys and the worklist's triggers are checked and fired at the end of the statement, when all
//! four inserts are done, as at the end of each statement before.

use sqlx::AnyConnection;

use super::group::{
    BookingRow, MEETING_COLUMNS, OUTBOX_COLUMNS, bind_meeting, bind_notice, notices,
};
use crate::audit::{self, AuditEntry};
use crate::report_days::{self, StaleDay};
use crate::sql::insert_values_from;

/// Writes the won bookings' rows in one statement.
pub(crate) async fn write_won_together(
    conn: &mut AnyConnection,
    won: &[&BookingRow],
) -> Result<(), sqlx::Error> {
    if won.is_empty() {
        return Ok(());
    }
    let days: Vec<StaleDay> = won.iter().map(|r| r.stale.clone()).collect();
    let days = report_days::distinct(&days);
    let stamp = won.iter().map(|r| r.booked_at).max().unwrap_or_default();
    let entries: Vec<&AuditEntry> = won.iter().filter_map(|r| r.audit.as_ref()).collect();
    let notices = notices(won);
    let mut inserts = Vec::new();
    let mut next = 1;
    let mut add = |table: &str, columns: &[&str], rows: usize| {
        if rows > 0 {
            inserts.push(insert_values_from(table, columns, rows, next));
            next += rows * columns.len();
        }
    };
    add("meetings", &MEETING_COLUMNS, won.len());
    add("report_marks", &report_days::MARK_COLUMNS, days.len());
    add("audit_log", &audit::COLUMNS, entries.len());
    add("outbox", &OUTBOX_COLUMNS, notices.len());
    // The last insert is the statement's own; the others are its `WITH`.
    let last = inserts.pop().unwrap_or_default();
    let with: Vec<String> = inserts
        .iter()
        .enumerate()
        .map(|(k, insert)| format!("w{k} AS ({insert})"))
        .collect();
    let sql = if with.is_empty() {
        last
    } else {
        format!("WITH {} {last}", with.join(", "))
    };
    // Bound in the order the inserts were numbered.
    let mut q = sqlx::query(&sql).persistent(false);
    for r in won {
        q = bind_meeting(q, r);
    }
    for d in &days {
        q = d.bind(q).bind(stamp);
    }
    for e in &entries {
        q = e.bind(q);
    }
    for n in notices {
        q = bind_notice(q, n);
    }
    q.execute(&mut *conn).await?;
    Ok(())
}
