//! Entering a video meeting's room: the meeting's participants only, decided by the domain
//! (`domain::meetings::room_role`); anyone else is told the room does not exist.

use domain::meetings::{RoomRefusal, RoomRole, interpreter_role, room_role};
use domain::{Actor, MeetingId};

use crate::audit::{AuditAction, AuditEntry};
use crate::{Meeting, Store, StoreError};

impl Store {
    /// The meeting and the actor's role in its room. `entering` logs that staff joined the
    /// meeting ("Deltog i et videomøde med dig"); otherwise the page's read of the meeting is
    /// logged as any other.
    pub async fn video_room(
        &self,
        actor: &Actor,
        meeting_id: &MeetingId,
        entering: bool,
    ) -> Result<(Meeting, RoomRole), StoreError> {
        let meeting = self.meeting_by_id(meeting_id).await?;
        let facts = meeting.room_facts();
        let role = match room_role(facts, actor.id(), self.now()) {
            Ok(role) => role,
            Err(RoomRefusal::NotParticipant) => return Err(StoreError::NotFound),
            Err(refusal) => return Err(StoreError::Room(refusal)),
        };
        if actor.is_staff() {
            let action = if entering {
                AuditAction::VideoJoined
            } else {
                AuditAction::MeetingsRead
            };
            self.log_reads(vec![AuditEntry::new(
                self.now_micros(),
                actor,
                &meeting.citizen_id,
                action,
            )])
            .await?;
        }
        Ok((meeting, role))
    }

    /// The meeting, for its interpreter entering by the link staff sent them (issue 19): the
    /// secret in the link must be the meeting's, compared in constant time; anything else is
    /// `NotFound`, as for a stranger.
    pub async fn video_room_by_link(
        &self,
        meeting_id: &MeetingId,
        secret: &str,
    ) -> Result<(Meeting, RoomRole), StoreError> {
        let meeting = self.meeting_by_id(meeting_id).await?;
        let expected = meeting
            .interpreter
            .as_ref()
            .and_then(|i| i.token.as_deref());
        let matches = expected.is_some_and(|e| same_secret(e.as_bytes(), secret.as_bytes()));
        let facts = meeting.room_facts();
        match interpreter_role(facts, matches, self.now()) {
            Ok(role) => Ok((meeting, role)),
            Err(RoomRefusal::NotParticipant) => Err(StoreError::NotFound),
            Err(refusal) => Err(StoreError::Room(refusal)),
        }
    }
}

/// Equal secrets, in time that does not depend on where they differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
