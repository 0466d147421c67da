//! "Jeg kan ikke komme" on a call-in, and staff's decision (`domain::meetings::absence`).

use domain::meetings::{
    AbsenceReason, AbsenceStatus, MeetingRefusal, check_changeable, check_report,
};
use domain::{Actor, MeetingId, Visibility};

use super::audit_change;
use crate::audit::AuditAction;
use crate::meetings::Meeting;
use crate::{Store, StoreError};

/// What staff decided; the words the citizen reads come from the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AbsenceDecision {
    /// A reasonable excuse: the call-in is cancelled with `cancel_reason`.
    Accept { cancel_reason: String },
    /// The call-in stands; `reason` tells the citizen why.
    Refuse { reason: String },
}

impl Store {
    /// The citizen reports that they cannot come to a call-in. It stands until staff decide;
    /// one report per call-in.
    pub async fn report_absence(
        &self,
        actor: &Actor,
        meeting_id: &MeetingId,
        reason: AbsenceReason,
        text: Option<&str>,
    ) -> Result<Meeting, StoreError> {
        let (meeting, citizen, visibility) = self.load_for_change(actor, meeting_id).await?;
        if visibility != Visibility::Own {
            return Err(StoreError::Forbidden);
        }
        if !meeting.is_call_in() || meeting.absence.is_some() {
            return Err(MeetingRefusal::AbsenceNotPossible.into());
        }
        check_changeable(meeting.status, meeting.start, self.now())?;
        let text = text.map(str::trim).filter(|t| !t.is_empty());
        check_report(reason, text).map_err(|e| StoreError::invalid("text", e))?;
        // Stored with the words message threads use for the two holders.
        let holder = domain::messages::ThreadHolder::from(self.meeting_holder(&meeting).await?);
        sqlx::query(
            "INSERT INTO absence_reports (meeting_id, citizen_id, holder, reason, text, reported_at, status) \
             VALUES ($1, $2, $3, $4, $5, $6, 'pending')",
        )
        .bind(meeting_id.as_str())
        .bind(citizen.id.as_str())
        .bind(holder.as_str())
        .bind(reason.as_str())
        .bind(text)
        .bind(self.now_micros())
        .execute(&self.inner.write)
        .await
        .map_err(|e| match StoreError::from_insert(e) {
            // Reported a moment ago, in another tab.
            StoreError::AlreadyExists => MeetingRefusal::AbsenceNotPossible.into(),
            other => other,
        })?;
        self.load_meeting(actor, meeting_id)
            .await
            .map(|(m, _, _)| m)
    }

    /// Staff of the organisation holding the call-in decide on a reported absence, in one
    /// transaction with what follows: accepted, the call-in is cancelled; refused, it stands.
    pub async fn decide_absence(
        &self,
        actor: &Actor,
        meeting_id: &MeetingId,
        decision: &AbsenceDecision,
    ) -> Result<Meeting, StoreError> {
        let (meeting, citizen, visibility) = self.load_for_change(actor, meeting_id).await?;
        if visibility == Visibility::Own {
            return Err(StoreError::Forbidden);
        }
        if meeting.absence.as_ref().map(|a| a.status) != Some(AbsenceStatus::Pending) {
            return Err(MeetingRefusal::NoAbsencePending.into());
        }
        let (status, note) = match decision {
            AbsenceDecision::Accept { cancel_reason } => (AbsenceStatus::Accepted, cancel_reason),
            AbsenceDecision::Refuse { reason } if reason.trim().is_empty() => {
                return Err(StoreError::ReasonRequired);
            }
            AbsenceDecision::Refuse { reason } => (AbsenceStatus::Refused, reason),
        };
        let mut tx = self.inner.write.begin().await?;
        let decided = sqlx::query(
            "UPDATE absence_reports SET status = $1, decided_by = $2, decided_at = $3, decision_reason = $4 \
             WHERE meeting_id = $5 AND status = 'pending'",
        )
        .bind(status.as_str())
        .bind(actor.id())
        .bind(self.now_micros())
        .bind(note.trim())
        .bind(meeting_id.as_str())
        .execute(&mut *tx)
        .await?;
        if decided.rows_affected() != 1 {
            return Err(MeetingRefusal::NoAbsencePending.into());
        }
        if status == AbsenceStatus::Accepted {
            self.cancel_in(&mut tx, actor, &meeting, &citizen, visibility, note)
                .await?;
            if meeting.call_in.is_some() {
                crate::call_in_events::record(
                    &mut tx,
                    self.inner.backend,
                    meeting_id.as_str(),
                    crate::CallInEventKind::AbsenceAccepted,
                    self.now_micros(),
                )
                .await?;
            }
        }
        audit_change(
            &mut tx,
            self.now_micros(),
            visibility,
            actor,
            &citizen.id,
            AuditAction::AbsenceDecided,
        )
        .await?;
        tx.commit().await?;
        self.load_meeting(actor, meeting_id)
            .await
            .map(|(m, _, _)| m)
    }
}
