//! Availability: the slots staff publish, and the free ones a citizen may book.

use domain::meetings::{ChannelFacts, EarlierMeetings, Proposed, usable_channels};
use domain::{Actor, Channel, CitizenId, MeetingId, Organisation, SlotId, StaffId, TimeSpan};
use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::ids::{new_id, opt_typed, typed};
use crate::{Store, StoreError, clock};

/// A slot to publish: when, on which channels, and where for `in_person`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSlot {
    pub span: TimeSpan,
    pub channels: Vec<Channel>,
    pub location: Option<String>,
}

/// A published slot. `meeting_id` is set while it is booked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub id: SlotId,
    pub staff_id: StaffId,
    pub start: Timestamp,
    pub end: Timestamp,
    pub channels: Vec<Channel>,
    pub location: Option<String>,
    pub meeting_id: Option<MeetingId>,
}

/// Channels are stored as one comma-separated column: few values, always read together.
pub(crate) fn channels_to_db(channels: &[Channel]) -> String {
    let names: Vec<&str> = channels.iter().map(|c| c.as_str()).collect();
    names.join(",")
}

pub(crate) fn channels_from_db(s: &str) -> Result<Vec<Channel>, StoreError> {
    s.split(',')
        .map(|c| Channel::try_from(c).map_err(|_| StoreError::Corrupt { column: "channels" }))
        .collect()
}

pub(crate) const SLOT_COLUMNS: &str =
    "id, staff_id, starts_at, ends_at, channels, location, meeting_id";

pub(crate) fn slot_from_row(row: &AnyRow) -> Result<Slot, StoreError> {
    Ok(Slot {
        id: typed("id", row.try_get("id")?)?,
        staff_id: typed("staff_id", row.try_get("staff_id")?)?,
        start: clock::from_micros(row.try_get("starts_at")?),
        end: clock::from_micros(row.try_get("ends_at")?),
        channels: channels_from_db(row.try_get("channels")?)?,
        location: row.try_get("location")?,
        meeting_id: opt_typed(row, "meeting_id")?,
    })
}

/// The SQL condition for a free slot of an organisation (`column` = `$1`) starting in [`$2`,
/// `$3`) at a time when citizen `$5` has no other booked meeting (other than `$6`, the one
/// being moved): what a citizen may book. Shared by the slot list and the booking pages' times.
pub(crate) fn free_for_citizen(column: &str) -> String {
    format!(
        "s.{column} = $1 AND s.meeting_id IS NULL AND s.starts_at >= $2 AND s.starts_at < $3 \
         AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.citizen_id = $5 \
         AND m.status = 'booked' AND m.id <> $6 \
         AND m.starts_at < s.ends_at AND m.ends_at > s.starts_at)"
    )
}

/// Takes a row lock on a staff member (PostgreSQL) or the write lock (SQLite), so that checks
/// on their calendar and the change that follows cannot interleave with another's.
pub(crate) async fn lock_staff(
    tx: &mut Transaction<'_, Any>,
    staff_id: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE staff SET id = id WHERE id = $1")
        .bind(staff_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The earliest booked or held conversation of the citizen (`$1`), leaving out the meeting being
/// moved (`$2`); `holder` narrows it to one kind of holder by the holding staff member.
/// Ordered by the `meetings_citizen` index and stopped at the first row: whether and when, never
/// how many (counting read all of a citizen's meetings on every booking, 30 % of the server's
/// CPU under a booking storm).
fn earliest(holder: &str) -> String {
    format!(
        "(SELECT m.starts_at FROM meetings m{join} WHERE m.citizen_id = $1 \
         AND m.status IN ('booked', 'held') AND m.id <> $2{holder} \
         ORDER BY m.starts_at LIMIT 1)",
        join = if holder.is_empty() {
            ""
        } else {
            " JOIN staff st ON st.id = m.staff_id"
        },
    )
}

/// The earliest conversation with the a-kasse `fund` (SQL for the citizen's fund code): one it
/// held, or a joint one. Not [`earliest`] with a condition: most citizens have none, and
/// stopping at the first match then read every meeting they ever had — 65 % of the server's CPU
/// in a booking storm whose citizens had a hundred meetings each (`perf`, issue 18). Instead
/// two index seeks: the fund's staff by `meetings_citizen_staff`, joint ones by
/// `meetings_citizen_adviser` (migration 0025).
fn earliest_with_fund(fund: &str) -> String {
    format!(
        "(SELECT MIN(e.starts_at) FROM (\
         SELECT m.starts_at FROM meetings m WHERE m.citizen_id = $1 \
         AND m.staff_id IN (SELECT st.id FROM staff st WHERE st.unemployment_fund = {fund}) \
         AND m.status IN ('booked', 'held') AND m.id <> $2 \
         UNION ALL SELECT m.starts_at FROM meetings m WHERE m.citizen_id = $1 \
         AND m.adviser_id IS NOT NULL AND m.status IN ('booked', 'held') AND m.id <> $2) e)"
    )
}

/// Selected columns for [`facts_from_row`]: the citizen's earliest conversations (for the
/// first-conversation rules) and the municipality's first-meeting policy, in one round trip
/// (and appendable to another query). `$1` is the citizen id, `$2` the meeting being moved (or
/// ''); `municipality` and `fund` are the SQL for the citizen's municipality and a-kasse (a
/// parameter, or a column of a joined row).
pub(crate) fn facts_columns(municipality: &str, fund: &str) -> String {
    format!(
        "{} AS earliest_any, {} AS earliest_municipality, {} AS earliest_fund, \
         (SELECT first_meeting_policy FROM municipalities WHERE code = {municipality}) \
         AS first_meeting_policy",
        earliest(""),
        earliest(" AND st.municipality IS NOT NULL"),
        // A joint conversation (an adviser takes part) is one with the a-kasse too.
        earliest_with_fund(fund),
    )
}

pub(crate) fn facts_from_row(
    citizen: &crate::Citizen,
    row: &impl crate::citizens::Columns,
) -> Result<ChannelFacts, StoreError> {
    let at = |c: &str| -> Result<Option<Timestamp>, StoreError> {
        Ok(row.opt_int(c)?.map(clock::from_micros))
    };
    let policy = row.text("first_meeting_policy")?;
    let each_holder = policy.as_deref() == Some(domain::FirstMeetingPolicy::Everyone.as_str());
    Ok(ChannelFacts {
        in_person_requested: citizen.in_person_requested,
        in_person_first: citizen.in_person_first || each_holder,
        earlier: EarlierMeetings {
            any: at("earliest_any")?,
            with_municipality: at("earliest_municipality")?,
            with_fund: at("earliest_fund")?,
        },
        has_phone: citizen.phone.is_some(),
        attendance_required: false,
    })
}

impl Store {
    /// Publishes slots for the acting staff member, all or none. A slot overlapping one of
    /// theirs (or another in the same request) is a `Conflict("overlap")`; one that has begun
    /// is refused as in the past.
    pub async fn create_slots(
        &self,
        actor: &Actor,
        slots: &[NewSlot],
    ) -> Result<Vec<Slot>, StoreError> {
        let Actor::Staff {
            id: staff_id,
            organisation,
            ..
        } = actor
        else {
            return Err(StoreError::Forbidden);
        };
        let now = self.now();
        if slots.iter().any(|s| s.span.start() <= now) {
            return Err(StoreError::invalid("start", domain::Invalid::InPast));
        }
        let mut sorted: Vec<&NewSlot> = slots.iter().collect();
        sorted.sort_by_key(|s| s.span);
        if sorted.windows(2).any(|w| w[0].span.overlaps(w[1].span)) {
            return Err(StoreError::Conflict("overlap"));
        }
        let (municipality, fund) = match organisation {
            Organisation::Municipality(m) => (Some(m.as_str().to_owned()), None),
            Organisation::Fund(f) => (None, Some(f.as_str().to_owned())),
        };
        let mut tx = self.inner.write.begin().await?;
        lock_staff(&mut tx, staff_id.as_str()).await?;
        if let (Some(first), Some(last)) = (sorted.first(), sorted.last()) {
            // Only slots within the request's range can overlap; check each against them.
            let existing = sqlx::query(
                "SELECT starts_at, ends_at FROM slots WHERE staff_id = $1 AND starts_at < $2 AND ends_at > $3",
            )
            .bind(staff_id.as_str())
            .bind(clock::to_micros(last.span.end()))
            .bind(clock::to_micros(first.span.start()))
            .fetch_all(&mut *tx)
            .await?;
            for row in &existing {
                let (s, e) = (
                    row.try_get::<i64, _>("starts_at")?,
                    row.try_get::<i64, _>("ends_at")?,
                );
                let span = TimeSpan::new(clock::from_micros(s), clock::from_micros(e))
                    .map_err(|_| StoreError::Corrupt { column: "ends_at" })?;
                if slots.iter().any(|n| n.span.overlaps(span)) {
                    return Err(StoreError::Conflict("overlap"));
                }
            }
        }
        let created_at = self.now_micros();
        let mut out = Vec::with_capacity(slots.len());
        for new in slots {
            let id = new_id();
            sqlx::query(
                "INSERT INTO slots (id, staff_id, municipality, unemployment_fund, starts_at, ends_at, \
                 channels, location, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(&id)
            .bind(staff_id.as_str())
            .bind(municipality.clone())
            .bind(fund.clone())
            .bind(clock::to_micros(new.span.start()))
            .bind(clock::to_micros(new.span.end()))
            .bind(channels_to_db(&new.channels))
            .bind(new.location.clone())
            .bind(created_at)
            .execute(&mut *tx)
            .await?;
            out.push(Slot {
                id: typed("id", &id)?,
                staff_id: typed("staff_id", staff_id.as_str())?,
                start: new.span.start(),
                end: new.span.end(),
                channels: new.channels.clone(),
                location: new.location.clone(),
                meeting_id: None,
            });
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Removes a free slot of the acting staff member. A booked slot must be cancelled first.
    pub async fn delete_slot(&self, actor: &Actor, slot_id: &SlotId) -> Result<(), StoreError> {
        let Actor::Staff { id: staff_id, .. } = actor else {
            return Err(StoreError::Forbidden);
        };
        let done =
            sqlx::query("DELETE FROM slots WHERE id = $1 AND staff_id = $2 AND meeting_id IS NULL")
                .bind(slot_id.as_str())
                .bind(staff_id.as_str())
                .execute(&self.inner.write)
                .await?;
        if done.rows_affected() == 1 {
            return Ok(());
        }
        let exists = sqlx::query("SELECT 1 FROM slots WHERE id = $1 AND staff_id = $2")
            .bind(slot_id.as_str())
            .bind(staff_id.as_str())
            .fetch_optional(&self.inner.read)
            .await?;
        Err(if exists.is_some() {
            StoreError::Conflict("slot_taken")
        } else {
            StoreError::NotFound
        })
    }

    /// Free slots in [from, to) of the citizen's jobcenter, or of their a-kasse when `fund` is
    /// set, each with only the channels this citizen may use for their next meeting; slots with
    /// none left are not offered, nor times when the citizen is in another booked meeting
    /// (other than the one `moving`). At most `limit`, earliest first; nothing that has begun.
    #[expect(
        clippy::too_many_arguments,
        reason = "who asks, for whom, the period, whose times, the meeting moved and how many"
    )]
    pub async fn available_slots(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        from: Timestamp,
        to: Timestamp,
        fund: bool,
        moving: Option<&MeetingId>,
        limit: u32,
    ) -> Result<Vec<Slot>, StoreError> {
        let Some(f) = self.free_slots_for(actor, citizen_id, fund, moving).await? else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "SELECT {SLOT_COLUMNS} FROM slots s WHERE {} ORDER BY starts_at, id LIMIT $4",
            f.condition()
        );
        let period = (clock::to_micros(from.max(self.now())), clock::to_micros(to));
        let rows = f
            .bind(
                sqlx::query(&sql),
                period,
                i64::from(limit.clamp(1, 1000)),
                moving,
            )
            .fetch_all(&self.inner.read)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let mut slot = slot_from_row(row)?;
            let proposed = Proposed {
                start: slot.start,
                holder: f.holder,
                offered: &slot.channels,
            };
            slot.channels = usable_channels(&f.facts, &proposed);
            if !slot.channels.is_empty() {
                out.push(slot);
            }
        }
        Ok(out)
    }

    /// The facts the channel rules need about a citizen; `moving` is left out of "earlier
    /// meetings" so that moving the first meeting keeps it the first.
    pub(crate) async fn channel_facts(
        &self,
        citizen: &crate::Citizen,
        moving: Option<&str>,
    ) -> Result<ChannelFacts, StoreError> {
        let row = sqlx::query(&format!("SELECT {}", facts_columns("$3", "$4")))
            .bind(citizen.id.as_str())
            .bind(moving.unwrap_or(""))
            .bind(citizen.municipality.as_str())
            .bind(
                citizen
                    .unemployment_fund
                    .as_ref()
                    .map_or("", |f| f.as_str()),
            )
            .fetch_one(&self.inner.read)
            .await?;
        facts_from_row(citizen, &row)
    }
}
