//! Changing meetings: booking (`book.rs`), moving (`reschedule.rs`), cancelling (afbud) and
//! recording the outcome (`close.rs`); the shared steps are here.
//!
//! Each change is one transaction that claims or frees slots, writes the meeting, its audit entry
//! and the outbox rows for the notices it causes, so a notice is sent exactly for what was
//! committed. A slot is claimed with a conditional UPDATE (`… AND meeting_id IS NULL`): however
//! many requests race for it, one update finds it free and the rest find nothing, on both
//! backends. The domain decides everything else before the transaction begins.

use domain::contact_plan::Holder;
use domain::{Actor, Channel, CitizenId, MeetingId, SlotId, Visibility};
use sqlx::{Any, Row, Transaction};

use crate::audit::{self, AuditAction, AuditEntry};
use crate::ids::{new_id, opt_typed, typed};
use crate::slots::{Slot, facts_columns, facts_from_row, lock_staff};
use crate::{Citizen, Store, StoreError, clock};

/// A booking request, already parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting {
    pub citizen_id: CitizenId,
    pub slot_id: SlotId,
    pub channel: Channel,
    pub purpose: Option<String>,
    /// Staff only: require attendance in person, with the reason the citizen will see.
    pub attendance_reason: Option<String>,
    /// A joint conversation: an adviser of the citizen's a-kasse takes part.
    pub with_fund: bool,
    /// Staff only: a call-in (indkaldelse) with its location, number and rebooking period.
    pub call_in: Option<domain::meetings::CallInRequest>,
    /// Staff only: an interpreter booked from the municipality's providers (issue 19).
    pub interpreter: Option<domain::Interpreter>,
    /// The companion (bisidder) the citizen brings, as they name them.
    pub companion: Option<String>,
}

impl NewMeeting {
    /// A plain booking: no purpose, call-in, interpreter, companion or a-kasse adviser.
    pub fn plain(citizen_id: CitizenId, slot_id: SlotId, channel: Channel) -> Self {
        Self {
            citizen_id,
            slot_id,
            channel,
            purpose: None,
            attendance_reason: None,
            with_fund: false,
            call_in: None,
            interpreter: None,
            companion: None,
        }
    }
}

/// Outbox kinds; stored, so never renamed.
pub(crate) mod kinds {
    pub const BOOKED: &str = "meeting_booked";
    pub const MOVED: &str = "meeting_moved";
    pub const CANCELLED: &str = "meeting_cancelled";
    pub const REMINDER: &str = "meeting_reminder";
}

/// The outbox columns a change fills, in the order the writers bind them.
pub(crate) const OUTBOX_COLUMNS: [&str; 5] =
    ["id", "kind", "subject_id", "not_before", "created_at"];

/// Writes outbox rows `(kind, not_before)` for a meeting in one statement.
async fn outbox(
    tx: &mut Transaction<'_, Any>,
    now: i64,
    meeting_id: &str,
    rows: &[(&str, i64)],
) -> Result<(), StoreError> {
    let sql = crate::sql::insert_values("outbox", &OUTBOX_COLUMNS, rows.len());
    let mut q = sqlx::query(&sql);
    for (kind, not_before) in rows {
        q = q
            .bind(new_id())
            .bind(*kind)
            .bind(meeting_id)
            .bind(*not_before)
            .bind(now);
    }
    q.execute(&mut **tx).await?;
    Ok(())
}

/// Claims a free slot for a meeting; `false` when someone else has it.
async fn claim(
    tx: &mut Transaction<'_, Any>,
    slot_id: &str,
    meeting_id: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE slots SET meeting_id = $1 WHERE id = $2 AND meeting_id IS NULL")
        .bind(meeting_id)
        .bind(slot_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Claims a free slot of the a-kasse (or of one adviser) that covers the meeting's time; returns
/// the slot's id and its owner. This is what blocks the adviser's calendar in a joint meeting.
async fn claim_adviser_slot(
    tx: &mut Transaction<'_, Any>,
    fund: &str,
    adviser: Option<&str>,
    main: &Slot,
    meeting_id: &str,
) -> Result<(String, String), StoreError> {
    let row = sqlx::query(
        "SELECT id, staff_id FROM slots WHERE unemployment_fund = $1 AND meeting_id IS NULL \
         AND starts_at <= $2 AND ends_at >= $3 AND ($4 = '' OR staff_id = $4) ORDER BY starts_at, id LIMIT 1",
    )
    .bind(fund)
    .bind(clock::to_micros(main.start))
    .bind(clock::to_micros(main.end))
    .bind(adviser.unwrap_or(""))
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(StoreError::Conflict("adviser_unavailable"))?;
    let (slot_id, staff_id): (String, String) = (row.try_get("id")?, row.try_get("staff_id")?);
    lock_staff(tx, &staff_id).await?;
    if !claim(tx, &slot_id, meeting_id).await? {
        return Err(StoreError::Conflict("adviser_unavailable"));
    }
    Ok((slot_id, staff_id))
}

/// Changes by staff are logged for the citizen to see; a citizen's own changes are not.
async fn audit_change(
    tx: &mut Transaction<'_, Any>,
    now: i64,
    visibility: Visibility,
    actor: &Actor,
    citizen_id: &CitizenId,
    action: AuditAction,
) -> Result<(), StoreError> {
    if visibility.is_audited() {
        audit::insert(tx, &[AuditEntry::new(now, actor, citizen_id, action)]).await?;
    }
    Ok(())
}

/// Pending reminders of a meeting are void once it moves or is cancelled.
async fn void_reminders(
    tx: &mut Transaction<'_, Any>,
    now: i64,
    meeting_id: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE outbox SET done_at = $1, last_error = 'superseded' WHERE subject_id = $2 AND kind = $3 AND done_at IS NULL",
    )
    .bind(now)
    .bind(meeting_id)
    .bind(kinds::REMINDER)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

mod absence;
mod book;
pub(crate) mod busy;
mod call_in;
mod close;
mod group;
mod group_pg;
mod group_pg_write;
mod reschedule;

pub use absence::AbsenceDecision;

pub(crate) use group::Bookings;

/// The writer of plain bookings, a group commit on either backend (`group.rs`, `group_pg.rs`).
pub(crate) enum BookingWriter {
    Sqlite(crate::group_commit::GroupWriter<Bookings>),
    Postgres(crate::group_commit::GroupWriter<group_pg::PgBookings>),
}

impl BookingWriter {
    /// A writer on `pool`; `patient` writes the bookings put off too often (`group_commit.rs`).
    pub(crate) fn start(
        pool: sqlx::AnyPool,
        patient: sqlx::AnyPool,
        backend: crate::Backend,
    ) -> Self {
        match backend {
            crate::Backend::Sqlite => {
                Self::Sqlite(crate::group_commit::GroupWriter::start(pool, patient))
            }
            crate::Backend::Postgres => {
                Self::Postgres(crate::group_commit::GroupWriter::start(pool, patient))
            }
        }
    }

    /// The writer's batches, rows and rows put off so far.
    pub(crate) fn counts(&self) -> &crate::group_commit::Counts {
        match self {
            Self::Sqlite(w) => w.counts(),
            Self::Postgres(w) => w.counts(),
        }
    }

    /// Returns once the booking is committed, or refused, with what became of it.
    pub(crate) async fn write(&self, row: group::BookingRow) -> Result<group::Claimed, StoreError> {
        Ok(match self {
            Self::Sqlite(w) => w.write(row).await?.1,
            Self::Postgres(w) => w.write(row).await?.1,
        })
    }
}

/// What [`Store::booking_context`] reads.
pub(crate) struct BookingContext {
    pub citizen: Citizen,
    pub visibility: Visibility,
    pub slot: Slot,
    pub facts: domain::meetings::ChannelFacts,
    /// Who holds a meeting in the slot: the slot owner's organisation.
    pub holder: Holder,
    /// The slot owner's name, for the answer without reading the meeting back.
    pub staff_name: String,
}

/// The query of [`Store::booking_context`], built once: bookings are the hot path.
static BOOKING_CONTEXT_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let citizen_columns: Vec<String> = crate::citizens::COLUMNS
        .split(',')
        .map(|c| format!("c.{}", c.trim()))
        .collect();
    format!(
        "SELECT {}, s.id AS s_id, s.staff_id AS s_staff_id, s.starts_at AS s_starts_at, \
         s.ends_at AS s_ends_at, s.channels AS s_channels, s.location AS s_location, \
         s.meeting_id AS s_meeting_id, s.municipality AS s_municipality, \
         s.unemployment_fund AS s_fund, {}, \
         (SELECT name FROM staff WHERE staff.id = s.staff_id) AS staff_name \
         FROM citizens c LEFT JOIN slots s ON s.id = $3 WHERE c.id = $1",
        citizen_columns.join(", "),
        facts_columns("c.municipality", "c.unemployment_fund")
    )
});

/// The booking context from its row: `NotFound` unless the actor may see the citizen, an
/// unknown `slot_id` unless the slot exists and belongs to the citizen's jobcenter or a-kasse.
fn context_from_row(
    actor: &Actor,
    row: &impl crate::citizens::Columns,
) -> Result<BookingContext, StoreError> {
    let citizen = crate::citizens::from_row(row)?;
    let visibility = domain::citizen_visibility(actor, &crate::citizens::scope_of(&citizen)?);
    if !visibility.is_visible() {
        return Err(StoreError::NotFound);
    }
    let unknown = || StoreError::invalid("slot_id", domain::Invalid::UnknownValue);
    let id = row.text("s_id")?.ok_or_else(unknown)?;
    let municipality = row.text("s_municipality")?;
    let fund = row.text("s_fund")?;
    let ours = municipality.as_deref() == Some(citizen.municipality.as_str())
        || (fund.is_some()
            && fund.as_deref() == citizen.unemployment_fund.as_ref().map(|f| f.as_str()));
    if !ours {
        return Err(unknown());
    }
    let micros = |c: &'static str| row.opt_int(c)?.ok_or(StoreError::Corrupt { column: c });
    let slot = Slot {
        id: typed("s_id", &id)?,
        staff_id: typed("s_staff_id", &row.required("s_staff_id")?)?,
        start: clock::from_micros(micros("s_starts_at")?),
        end: clock::from_micros(micros("s_ends_at")?),
        channels: crate::slots::channels_from_db(&row.required("s_channels")?)?,
        location: row.text("s_location")?,
        meeting_id: opt_typed(row, "s_meeting_id")?,
    };
    let holder = if municipality.is_some() {
        Holder::Municipality
    } else {
        Holder::UnemploymentFund
    };
    Ok(BookingContext {
        facts: facts_from_row(&citizen, row)?,
        holder,
        staff_name: row.required("staff_name")?,
        citizen,
        visibility,
        slot,
    })
}

impl Store {
    /// Everything a booking (or a move, with `moving`) decides on, in one round trip: the
    /// citizen and whether the actor may see them, the slot if it is the citizen's jobcenter's
    /// or a-kasse's (any other is unknown to the booking), the channel facts and the slot
    /// owner's name. Bookings are the hot path; each round trip to SQLite is a hand-off to
    /// another thread.
    pub(crate) async fn booking_context(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        slot_id: &SlotId,
        moving: Option<&MeetingId>,
    ) -> Result<BookingContext, StoreError> {
        let params = [
            citizen_id.as_str(),
            moving.map_or("", MeetingId::as_str),
            slot_id.as_str(),
        ];
        let context = match &self.inner.direct {
            // SQLite: on this thread (`direct_reads.rs`); it is every booking's first step.
            Some(direct) => direct.query_one(&BOOKING_CONTEXT_SQL, &params, |r| {
                context_from_row(actor, r)
            })?,
            None => sqlx::query(&BOOKING_CONTEXT_SQL)
                .bind(params[0])
                .bind(params[1])
                .bind(params[2])
                .fetch_optional(&self.inner.read)
                .await?
                .as_ref()
                .map(|r| context_from_row(actor, r))
                .transpose()?,
        };
        context.ok_or(StoreError::NotFound)
    }

    fn reminder_at(&self, start: jiff::Timestamp) -> Option<i64> {
        let at = start
            .checked_sub(self.inner.meetings.reminder_before)
            .ok()?;
        (at > self.now()).then(|| clock::to_micros(at))
    }
}
