//! Changing meetings: booking, moving, cancelling (afbud) and recording the outcome.
//!
//! Each change is one transaction that claims or frees slots, writes the meeting, its audit entry
//! and the outbox rows for the notices it causes, so a notice is sent exactly for what was
//! committed. A slot is claimed with a conditional UPDATE (`… AND meeting_id IS NULL`): however
//! many requests race for it, one update finds it free and the rest find nothing, on both
//! backends. The domain decides everything else before the transaction begins.

use domain::meetings::{
    MeetingRefusal, cancellation_is_late, check_booking, check_changeable, check_channel,
    check_outcome,
};
use domain::{Actor, Channel, MeetingStatus, Outcome, TargetGroup, Visibility};
use sqlx::{Any, Row, Transaction};

use crate::audit::{self, AuditAction, AuditEntry};
use crate::ids::new_id;
use crate::meetings::Meeting;
use crate::slots::{SLOT_COLUMNS, Slot, lock_staff, slot_from_row};
use crate::{Citizen, Store, StoreError, clock};

/// A booking request, already parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting {
    pub citizen_id: String,
    pub slot_id: String,
    pub channel: Channel,
    pub purpose: Option<String>,
    /// Staff only: require attendance in person, with the reason the citizen will see.
    pub attendance_reason: Option<String>,
    /// A joint conversation: an adviser of the citizen's a-kasse takes part.
    pub with_fund: bool,
}

/// Outbox kinds; stored, so never renamed.
pub(crate) mod kinds {
    pub const BOOKED: &str = "meeting_booked";
    pub const MOVED: &str = "meeting_moved";
    pub const CANCELLED: &str = "meeting_cancelled";
    pub const REMINDER: &str = "meeting_reminder";
}

/// Writes outbox rows `(kind, not_before)` for a meeting in one statement.
async fn outbox(
    tx: &mut Transaction<'_, Any>,
    meeting_id: &str,
    rows: &[(&str, i64)],
) -> Result<(), StoreError> {
    let sql = crate::sql::insert_values(
        "outbox",
        &["id", "kind", "subject_id", "not_before", "created_at"],
        rows.len(),
    );
    let mut q = sqlx::query(&sql);
    let now = clock::now_micros();
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
    visibility: Visibility,
    actor: &Actor,
    citizen_id: &str,
    action: AuditAction,
) -> Result<(), StoreError> {
    if visibility.is_audited() {
        audit::insert(tx, &[AuditEntry::new(actor, citizen_id, action)]).await?;
    }
    Ok(())
}

/// Pending reminders of a meeting are void once it moves or is cancelled.
async fn void_reminders(tx: &mut Transaction<'_, Any>, meeting_id: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE outbox SET done_at = $1, last_error = 'superseded' WHERE subject_id = $2 AND kind = $3 AND done_at IS NULL",
    )
    .bind(clock::now_micros())
    .bind(meeting_id)
    .bind(kinds::REMINDER)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What a booking page offers for one slot: every channel with its verdict for this citizen,
/// and whether the a-kasse may be asked to take part.
#[derive(Debug, Clone)]
pub struct SlotChoice {
    pub slot: Slot,
    pub verdicts: Vec<(Channel, Result<(), domain::meetings::ChannelRefusal>)>,
    pub may_choose_fund: bool,
}

impl Store {
    /// The choices for booking (or moving a meeting to) one slot, for the booking page.
    pub async fn slot_choice(
        &self,
        actor: &Actor,
        citizen_id: &str,
        slot_id: &str,
        moving: Option<&str>,
    ) -> Result<SlotChoice, StoreError> {
        let (citizen, visibility) = self.load_visible(actor, citizen_id).await?;
        let slot = self.bookable_slot(&citizen, slot_id).await?;
        let mut facts = self.channel_facts(&citizen, moving).await?;
        if let Some(id) = moving {
            let (meeting, _, _) = self.load_meeting(actor, id).await?;
            facts.attendance_required = meeting.attendance_reason.is_some();
        }
        let first_insured =
            citizen.target_group == TargetGroup::InsuredUnemployed && facts.first_meeting;
        let may_choose_fund = moving.is_none()
            && citizen.unemployment_fund.is_some()
            && (visibility != Visibility::Own || first_insured);
        Ok(SlotChoice {
            verdicts: domain::meetings::channel_verdicts(&facts, &slot.channels),
            slot,
            may_choose_fund,
        })
    }

    /// A slot the citizen's jobcenter or a-kasse offers; any other is unknown to this booking.
    async fn bookable_slot(&self, citizen: &Citizen, slot_id: &str) -> Result<Slot, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {SLOT_COLUMNS}, municipality, unemployment_fund FROM slots WHERE id = $1"
        ))
        .bind(slot_id)
        .fetch_optional(&self.inner.read)
        .await?
        .ok_or_else(|| StoreError::invalid("slot_id", domain::Invalid::UnknownValue))?;
        let municipality: Option<String> = row.try_get("municipality")?;
        let fund: Option<String> = row.try_get("unemployment_fund")?;
        let ours = municipality.as_deref() == Some(citizen.municipality.as_str())
            || (fund.is_some() && fund == citizen.unemployment_fund);
        if !ours {
            return Err(StoreError::invalid(
                "slot_id",
                domain::Invalid::UnknownValue,
            ));
        }
        slot_from_row(&row)
    }

    fn reminder_at(&self, start: jiff::Timestamp) -> Option<i64> {
        let at = start
            .checked_sub(self.inner.meetings.reminder_before)
            .ok()?;
        (at > self.now()).then(|| clock::to_micros(at))
    }

    /// Books a meeting in a free slot. See the module comment for how races are decided.
    pub async fn book_meeting(
        &self,
        actor: &Actor,
        req: &NewMeeting,
    ) -> Result<Meeting, StoreError> {
        let (citizen, visibility) = self.load_visible(actor, &req.citizen_id).await?;
        let by_citizen = visibility == Visibility::Own;
        if by_citizen && req.attendance_reason.is_some() {
            return Err(StoreError::Forbidden);
        }
        let slot = self.bookable_slot(&citizen, &req.slot_id).await?;
        check_booking(
            by_citizen,
            citizen.self_booking_exempt,
            slot.start,
            self.now(),
        )?;
        let mut facts = self.channel_facts(&citizen, None).await?;
        facts.attendance_required = req.attendance_reason.is_some();
        check_channel(&facts, &slot.channels, req.channel)?;
        let fund = match (req.with_fund, &citizen.unemployment_fund) {
            (false, _) => None,
            (true, None) => {
                return Err(StoreError::invalid(
                    "with_fund",
                    domain::Invalid::Combination,
                ));
            }
            (true, Some(f)) => {
                // The citizen's own choice is for the first jobcenter conversation of an
                // insured unemployed person; staff may arrange a joint meeting at any time.
                let first_insured =
                    citizen.target_group == TargetGroup::InsuredUnemployed && facts.first_meeting;
                if by_citizen && !first_insured {
                    return Err(StoreError::invalid(
                        "with_fund",
                        domain::Invalid::Combination,
                    ));
                }
                Some(f.clone())
            }
        };
        let id = new_id();
        // The conditional claim decides races by itself; no lock is needed before it.
        let mut tx = self.inner.write.begin().await?;
        if !claim(&mut tx, &slot.id, &id).await? {
            return Err(StoreError::Conflict("slot_taken"));
        }
        let adviser = match &fund {
            Some(f) => Some(claim_adviser_slot(&mut tx, f, None, &slot, &id).await?),
            None => None,
        };
        let now = clock::now_micros();
        let location = if req.channel == Channel::InPerson {
            slot.location.clone()
        } else {
            None
        };
        sqlx::query(
            "INSERT INTO meetings (id, citizen_id, staff_id, slot_id, adviser_id, adviser_slot_id, starts_at, ends_at, \
             channel, location, purpose, attendance_reason, status, booked_by, booked_by_role, booked_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'booked', $13, $14, $15, $15)",
        )
        .bind(&id)
        .bind(&citizen.id)
        .bind(&slot.staff_id)
        .bind(&slot.id)
        .bind(adviser.as_ref().map(|(_, staff)| staff.clone()))
        .bind(adviser.as_ref().map(|(slot, _)| slot.clone()))
        .bind(clock::to_micros(slot.start))
        .bind(clock::to_micros(slot.end))
        .bind(req.channel.as_str())
        .bind(location)
        .bind(req.purpose.clone())
        .bind(req.attendance_reason.clone())
        .bind(actor.id())
        .bind(actor.role().as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        audit_change(
            &mut tx,
            visibility,
            actor,
            &citizen.id,
            AuditAction::MeetingBooked,
        )
        .await?;
        let mut notices = vec![(kinds::BOOKED, now)];
        notices.extend(self.reminder_at(slot.start).map(|at| (kinds::REMINDER, at)));
        outbox(&mut tx, &id, &notices).await?;
        tx.commit().await?;
        self.meeting_by_id(&id).await
    }

    /// Moves a booked meeting to another free slot (and, if given, another channel), atomically:
    /// on any refusal the meeting stays where it was.
    pub async fn move_meeting(
        &self,
        actor: &Actor,
        meeting_id: &str,
        slot_id: &str,
        channel: Option<Channel>,
    ) -> Result<Meeting, StoreError> {
        let (meeting, citizen, visibility) = self.load_meeting(actor, meeting_id).await?;
        let now = self.now();
        check_changeable(meeting.status, meeting.start, now)?;
        let slot = self.bookable_slot(&citizen, slot_id).await?;
        check_booking(
            visibility == Visibility::Own,
            citizen.self_booking_exempt,
            slot.start,
            now,
        )?;
        let channel = channel.unwrap_or(meeting.channel);
        let mut facts = self.channel_facts(&citizen, Some(meeting_id)).await?;
        facts.attendance_required = meeting.attendance_reason.is_some();
        check_channel(&facts, &slot.channels, channel)?;
        let mut tx = self.inner.write.begin().await?;
        if !claim(&mut tx, &slot.id, meeting_id).await? {
            return Err(StoreError::Conflict("slot_taken"));
        }
        let adviser = match (&meeting.adviser_id, &citizen.unemployment_fund) {
            (Some(adviser), Some(fund)) => {
                Some(claim_adviser_slot(&mut tx, fund, Some(adviser), &slot, meeting_id).await?)
            }
            _ => None,
        };
        // Free the slots the meeting held, keeping the ones just claimed.
        sqlx::query(
            "UPDATE slots SET meeting_id = NULL WHERE meeting_id = $1 AND id <> $2 AND id <> $3",
        )
        .bind(meeting_id)
        .bind(&slot.id)
        .bind(adviser.as_ref().map(|(s, _)| s.clone()).unwrap_or_default())
        .execute(&mut *tx)
        .await?;
        let location = if channel == Channel::InPerson {
            slot.location.clone()
        } else {
            None
        };
        let changed = sqlx::query(
            "UPDATE meetings SET slot_id = $1, staff_id = $2, adviser_slot_id = $3, starts_at = $4, ends_at = $5, \
             channel = $6, location = $7, updated_at = $8 WHERE id = $9 AND status = 'booked'",
        )
        .bind(&slot.id)
        .bind(&slot.staff_id)
        .bind(adviser.as_ref().map(|(s, _)| s.clone()))
        .bind(clock::to_micros(slot.start))
        .bind(clock::to_micros(slot.end))
        .bind(channel.as_str())
        .bind(location)
        .bind(clock::now_micros())
        .bind(meeting_id)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Err(MeetingRefusal::NotBooked.into());
        }
        void_reminders(&mut tx, meeting_id).await?;
        audit_change(
            &mut tx,
            visibility,
            actor,
            &citizen.id,
            AuditAction::MeetingMoved,
        )
        .await?;
        let mut notices = vec![(kinds::MOVED, clock::now_micros())];
        notices.extend(self.reminder_at(slot.start).map(|at| (kinds::REMINDER, at)));
        outbox(&mut tx, meeting_id, &notices).await?;
        tx.commit().await?;
        self.load_meeting(actor, meeting_id)
            .await
            .map(|(m, _, _)| m)
    }

    /// Cancels a booked meeting that has not begun (afbud), recording who, why and whether it
    /// was late; its slots are free again.
    pub async fn cancel_meeting(
        &self,
        actor: &Actor,
        meeting_id: &str,
        reason: &str,
    ) -> Result<Meeting, StoreError> {
        let (meeting, citizen, visibility) = self.load_meeting(actor, meeting_id).await?;
        let late = cancellation_is_late(
            meeting.status,
            meeting.start,
            self.now(),
            self.inner.meetings.late_cancellation,
        )?;
        let now = clock::now_micros();
        let mut tx = self.inner.write.begin().await?;
        let changed = sqlx::query(
            "UPDATE meetings SET status = 'cancelled', cancelled_by = $1, cancelled_by_role = $2, cancel_reason = $3, \
             cancelled_late = $4, cancelled_at = $5, updated_at = $5 WHERE id = $6 AND status = 'booked'",
        )
        .bind(actor.id())
        .bind(actor.role().as_str())
        .bind(reason)
        .bind(i64::from(late))
        .bind(now)
        .bind(meeting_id)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Err(MeetingRefusal::NotBooked.into());
        }
        sqlx::query("UPDATE slots SET meeting_id = NULL WHERE meeting_id = $1")
            .bind(meeting_id)
            .execute(&mut *tx)
            .await?;
        void_reminders(&mut tx, meeting_id).await?;
        audit_change(
            &mut tx,
            visibility,
            actor,
            &citizen.id,
            AuditAction::MeetingCancelled,
        )
        .await?;
        outbox(&mut tx, meeting_id, &[(kinds::CANCELLED, now)]).await?;
        tx.commit().await?;
        self.load_meeting(actor, meeting_id)
            .await
            .map(|(m, _, _)| m)
    }

    /// Records that a meeting was held or missed: staff only, once, from its start on.
    pub async fn record_outcome(
        &self,
        actor: &Actor,
        meeting_id: &str,
        outcome: Outcome,
    ) -> Result<Meeting, StoreError> {
        let (meeting, citizen, visibility) = self.load_meeting(actor, meeting_id).await?;
        if visibility == Visibility::Own {
            return Err(StoreError::Forbidden);
        }
        check_outcome(meeting.status, meeting.start, self.now(), outcome)?;
        let status = MeetingStatus::from(outcome);
        let mut tx = self.inner.write.begin().await?;
        let changed = sqlx::query(
            "UPDATE meetings SET status = $1, outcome_by = $2, outcome_at = $3, updated_at = $3 \
             WHERE id = $4 AND status = 'booked'",
        )
        .bind(status.as_str())
        .bind(actor.id())
        .bind(clock::now_micros())
        .bind(meeting_id)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Err(MeetingRefusal::NotBooked.into());
        }
        audit_change(
            &mut tx,
            visibility,
            actor,
            &citizen.id,
            AuditAction::MeetingOutcome,
        )
        .await?;
        tx.commit().await?;
        self.load_meeting(actor, meeting_id)
            .await
            .map(|(m, _, _)| m)
    }
}
