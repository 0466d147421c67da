//! Moving a meeting to another slot, atomically.

use domain::meetings::{
    MeetingRefusal, Proposed, check_booking, check_changeable, check_channel, check_rebooking,
};
use domain::{Actor, Channel, MeetingId, SlotId, Visibility};

use super::{audit_change, claim, claim_adviser_slot, kinds, outbox, void_reminders};
use crate::audit::AuditAction;
use crate::call_in_events::CallInEventKind;
use crate::meetings::Meeting;
use crate::report_days::{self, StaleDay};
use crate::{Store, StoreError, clock};

impl Store {
    /// Moves a booked meeting to another free slot (and, if given, another channel), atomically:
    /// on any refusal the meeting stays where it was.
    pub async fn move_meeting(
        &self,
        actor: &Actor,
        meeting_id: &MeetingId,
        slot_id: &SlotId,
        channel: Option<Channel>,
    ) -> Result<Meeting, StoreError> {
        let (meeting, citizen, visibility) = self.load_for_change(actor, meeting_id).await?;
        let now = self.now();
        check_changeable(meeting.status, meeting.start, now)?;
        let super::BookingContext {
            slot,
            mut facts,
            holder,
            ..
        } = self
            .booking_context(actor, &citizen.id, slot_id, Some(meeting_id))
            .await?;
        check_booking(
            visibility == Visibility::Own,
            citizen.self_booking_exempt,
            slot.start,
            now,
        )?;
        let channel = channel.unwrap_or(meeting.channel);
        if visibility == Visibility::Own && meeting.is_call_in() {
            // The call-in's holder: the organisation of the staff member who holds it.
            let same_holder = self.meeting_holder(&meeting).await? == holder;
            check_rebooking(
                meeting.rebook_until(),
                now,
                same_holder,
                channel == meeting.channel && slot.channels.contains(&channel),
            )?;
        }
        facts.attendance_required = meeting.attendance_reason.is_some();
        let proposed = Proposed {
            start: slot.start,
            holder,
            offered: &slot.channels,
        };
        check_channel(&facts, &proposed, channel)?;
        let mut tx = self.inner.write.begin().await?;
        if !claim(&mut tx, slot.id.as_str(), meeting_id.as_str()).await? {
            return Err(StoreError::Conflict("slot_taken"));
        }
        super::busy::ensure_free(
            &mut tx,
            self.inner.backend,
            citizen.id.as_str(),
            clock::to_micros(slot.start),
            clock::to_micros(slot.end),
            meeting_id.as_str(),
        )
        .await?;
        let adviser = match (&meeting.adviser_id, &citizen.unemployment_fund) {
            (Some(adviser), Some(fund)) => Some(
                claim_adviser_slot(
                    &mut tx,
                    fund.as_str(),
                    Some(adviser.as_str()),
                    &slot,
                    meeting_id.as_str(),
                )
                .await?,
            ),
            _ => None,
        };
        // Free the slots the meeting held, keeping the ones just claimed.
        sqlx::query(
            "UPDATE slots SET meeting_id = NULL WHERE meeting_id = $1 AND id <> $2 AND id <> $3",
        )
        .bind(meeting_id.as_str())
        .bind(slot.id.as_str())
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
        .bind(slot.id.as_str())
        .bind(slot.staff_id.as_str())
        .bind(adviser.as_ref().map(|(s, _)| s.clone()))
        .bind(clock::to_micros(slot.start))
        .bind(clock::to_micros(slot.end))
        .bind(channel.as_str())
        .bind(location)
        .bind(self.now_micros())
        .bind(meeting_id.as_str())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Err(MeetingRefusal::NotBooked.into());
        }
        void_reminders(&mut tx, self.now_micros(), meeting_id.as_str()).await?;
        // Both days' counts change: the one it left and the one it moved to.
        let days = [
            StaleDay::new(citizen.municipality.as_str(), meeting.start),
            StaleDay::new(citizen.municipality.as_str(), slot.start),
        ];
        report_days::mark(&mut tx, self.now_micros(), &days).await?;
        audit_change(
            &mut tx,
            self.now_micros(),
            visibility,
            actor,
            &citizen.id,
            AuditAction::MeetingMoved,
        )
        .await?;
        if meeting.call_in.is_some() {
            crate::call_in_events::record(
                &mut tx,
                self.inner.backend,
                meeting_id.as_str(),
                CallInEventKind::Moved,
                self.now_micros(),
            )
            .await?;
        }
        let mut notices = vec![(kinds::MOVED, self.now_micros())];
        notices.extend(self.reminder_at(slot.start).map(|at| (kinds::REMINDER, at)));
        outbox(&mut tx, self.now_micros(), meeting_id.as_str(), &notices).await?;
        tx.commit().await?;
        self.load_meeting(actor, meeting_id)
            .await
            .map(|(m, _, _)| m)
    }
}
