//! Cancelling a meeting (afbud) and recording its outcome.

use domain::meetings::{
    MeetingRefusal, NoticeDecision, cancellation_is_late, check_outcome, notice_for, parse_excuse,
};
use domain::{Actor, MeetingId, MeetingStatus, Outcome, Visibility};

use super::{audit_change, kinds, outbox, void_reminders};
use crate::audit::AuditAction;
use crate::call_in_events::CallInEventKind;
use crate::meetings::Meeting;
use crate::report_days::{self, StaleDay};
use crate::{Citizen, Store, StoreError};
use sqlx::{Any, Transaction};

impl Store {
    /// Cancels a booked meeting that has not begun (afbud), recording who, why and whether it
    /// was late; its slots are free again.
    pub async fn cancel_meeting(
        &self,
        actor: &Actor,
        meeting_id: &MeetingId,
        reason: &str,
    ) -> Result<Meeting, StoreError> {
        let (meeting, citizen, visibility) = self.load_for_change(actor, meeting_id).await?;
        // A citizen does not cancel a call-in: they report that they cannot come, and staff
        // decide (`absence.rs`).
        if visibility == Visibility::Own && meeting.is_call_in() {
            return Err(MeetingRefusal::CallInAbsenceOnly.into());
        }
        let mut tx = self.inner.write.begin().await?;
        self.cancel_in(&mut tx, actor, &meeting, &citizen, visibility, reason)
            .await?;
        tx.commit().await?;
        self.load_meeting(actor, meeting_id)
            .await
            .map(|(m, _, _)| m)
    }

    /// The cancellation itself, in the caller's transaction: the meeting, its slots, its
    /// reminders, the report day, the audit entry and the notice.
    pub(super) async fn cancel_in(
        &self,
        tx: &mut Transaction<'_, Any>,
        actor: &Actor,
        meeting: &Meeting,
        citizen: &Citizen,
        visibility: Visibility,
        reason: &str,
    ) -> Result<(), StoreError> {
        let meeting_id = &meeting.id;
        let late = cancellation_is_late(
            meeting.status,
            meeting.start,
            self.now(),
            self.inner.meetings.late_cancellation,
        )?;
        let now = self.now_micros();
        let changed = sqlx::query(
            "UPDATE meetings SET status = 'cancelled', cancelled_by = $1, cancelled_by_role = $2, cancel_reason = $3, \
             cancelled_late = $4, cancelled_at = $5, updated_at = $5 WHERE id = $6 AND status = 'booked'",
        )
        .bind(actor.id())
        .bind(actor.role().as_str())
        .bind(reason)
        .bind(i64::from(late))
        .bind(now)
        .bind(meeting_id.as_str())
        .execute(&mut **tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Err(MeetingRefusal::NotBooked.into());
        }
        sqlx::query("UPDATE slots SET meeting_id = NULL WHERE meeting_id = $1")
            .bind(meeting_id.as_str())
            .execute(&mut **tx)
            .await?;
        void_reminders(tx, self.now_micros(), meeting_id.as_str()).await?;
        let day = StaleDay::new(citizen.municipality.as_str(), meeting.start);
        report_days::mark(tx, self.now_micros(), &[day]).await?;
        audit_change(
            tx,
            self.now_micros(),
            visibility,
            actor,
            &citizen.id,
            AuditAction::MeetingCancelled,
        )
        .await?;
        if meeting.call_in.is_some() {
            crate::call_in_events::record(
                tx,
                self.inner.backend,
                meeting_id.as_str(),
                CallInEventKind::Cancelled,
                now,
            )
            .await?;
        }
        outbox(
            tx,
            self.now_micros(),
            meeting_id.as_str(),
            &[(kinds::CANCELLED, now)],
        )
        .await
    }

    /// Records that a meeting was held or missed: staff only, once, from its start on. A
    /// no-show with `excuse` (rimelig grund) records it; without, the availability notice
    /// goes to whoever `domain::meetings::notice_for` says, in the same transaction.
    pub async fn record_outcome(
        &self,
        actor: &Actor,
        meeting_id: &MeetingId,
        outcome: Outcome,
        excuse: Option<&str>,
    ) -> Result<Meeting, StoreError> {
        let (meeting, citizen, visibility) = self.load_for_change(actor, meeting_id).await?;
        if visibility == Visibility::Own {
            return Err(StoreError::Forbidden);
        }
        check_outcome(meeting.status, meeting.start, self.now(), outcome)?;
        let excuse = match outcome {
            Outcome::NoShow => {
                parse_excuse(excuse).map_err(|e| StoreError::invalid("excuse", e))?
            }
            Outcome::Held => None,
        };
        let status = MeetingStatus::from(outcome);
        let notice = match outcome {
            Outcome::NoShow => match notice_for(
                citizen.target_group,
                citizen.unemployment_fund.as_ref(),
                excuse.is_some(),
            ) {
                NoticeDecision::Notify(recipient) => {
                    Some((recipient, self.meeting_holder(&meeting).await?))
                }
                _ => None,
            },
            Outcome::Held => None,
        };
        let now = self.now_micros();
        let mut tx = self.inner.write.begin().await?;
        let changed = sqlx::query(
            "UPDATE meetings SET status = $1, outcome_by = $2, outcome_at = $3, updated_at = $3, \
             no_show_excuse = $4 WHERE id = $5 AND status = 'booked'",
        )
        .bind(status.as_str())
        .bind(actor.id())
        .bind(now)
        .bind(excuse)
        .bind(meeting_id.as_str())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Err(MeetingRefusal::NotBooked.into());
        }
        let day = StaleDay::new(citizen.municipality.as_str(), meeting.start);
        report_days::mark(&mut tx, now, &[day]).await?;
        audit_change(
            &mut tx,
            now,
            visibility,
            actor,
            &citizen.id,
            AuditAction::MeetingOutcome,
        )
        .await?;
        if let Some((recipient, sent_by)) = notice {
            crate::availability_notices::insert_for_no_show(
                &mut tx, now, actor, &meeting, &citizen, recipient, sent_by,
            )
            .await?;
            audit_change(
                &mut tx,
                now,
                visibility,
                actor,
                &citizen.id,
                AuditAction::AvailabilityNoticeSent,
            )
            .await?;
        }
        if meeting.call_in.is_some() {
            let event = match outcome {
                Outcome::Held => CallInEventKind::Held,
                Outcome::NoShow => CallInEventKind::NoShow,
            };
            crate::call_in_events::record(
                &mut tx,
                self.inner.backend,
                meeting_id.as_str(),
                event,
                now,
            )
            .await?;
        }
        // A held meeting gets its survey, in the same transaction as the outcome.
        if status == MeetingStatus::Held {
            crate::surveys::create_in(&mut tx, now, &meeting, &citizen).await?;
        }
        tx.commit().await?;
        self.load_meeting(actor, meeting_id)
            .await
            .map(|(m, _, _)| m)
    }
}
