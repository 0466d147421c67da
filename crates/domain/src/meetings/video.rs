//! Who may enter a video meeting's room, and how: only the meeting's participants (the
//! citizen, the staff member holding it and, in a joint meeting, the a-kasse adviser). Staff go
//! straight in; the citizen waits in the waiting room until staff let them in.

use jiff::{SignedDuration, Timestamp};

use crate::{Channel, MeetingStatus};

/// How long after the planned end the room stays open (meetings run over).
pub const OPEN_AFTER_END: SignedDuration = SignedDuration::from_hours(1);

/// A participant's place in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomRole {
    /// The staff member holding the meeting: opens the room and lets the citizen in.
    Host,
    /// The a-kasse adviser of a joint meeting: enters directly, may also let the citizen in.
    Adviser,
    /// The citizen: waits until let in.
    Citizen,
    /// A video meeting's interpreter (issue 19): enters by the secret link staff send them,
    /// and waits until let in, like the citizen.
    Interpreter,
}

impl RoomRole {
    pub fn waits(self) -> bool {
        matches!(self, RoomRole::Citizen | RoomRole::Interpreter)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RoomRole::Host => "host",
            RoomRole::Adviser => "adviser",
            RoomRole::Citizen => "citizen",
            RoomRole::Interpreter => "interpreter",
        }
    }
}

/// Why someone cannot enter; `NotParticipant` is a 404 (the room is not theirs to know of).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RoomRefusal {
    #[error("not a participant of this meeting")]
    NotParticipant,
    #[error("the meeting is not held by video")]
    NotVideo,
    #[error("the meeting is not booked (cancelled or already recorded)")]
    NotBooked,
    #[error("the meeting is over")]
    Over,
}

impl RoomRefusal {
    pub fn code(self) -> &'static str {
        match self {
            RoomRefusal::NotParticipant => "not_found",
            RoomRefusal::NotVideo => "not_video",
            RoomRefusal::NotBooked => "not_booked",
            RoomRefusal::Over => "meeting_over",
        }
    }
}

/// What decides entry.
#[derive(Debug, Clone, Copy)]
pub struct RoomFacts<'a> {
    pub citizen_id: &'a str,
    pub staff_id: &'a str,
    pub adviser_id: Option<&'a str>,
    pub channel: Channel,
    pub status: MeetingStatus,
    pub end: Timestamp,
}

/// The role of `person` (an actor id) in the room at `now`, or why they cannot enter.
pub fn room_role(
    facts: RoomFacts<'_>,
    person: &str,
    now: Timestamp,
) -> Result<RoomRole, RoomRefusal> {
    let role = if person == facts.staff_id {
        RoomRole::Host
    } else if facts.adviser_id == Some(person) {
        RoomRole::Adviser
    } else if person == facts.citizen_id {
        RoomRole::Citizen
    } else {
        return Err(RoomRefusal::NotParticipant);
    };
    open(facts, now)?;
    Ok(role)
}

/// The interpreter's entry by their link: `link_matches` says the secret in it is the
/// meeting's; a wrong one is as if the room did not exist.
pub fn interpreter_role(
    facts: RoomFacts<'_>,
    link_matches: bool,
    now: Timestamp,
) -> Result<RoomRole, RoomRefusal> {
    if !link_matches {
        return Err(RoomRefusal::NotParticipant);
    }
    open(facts, now)?;
    Ok(RoomRole::Interpreter)
}

/// Whether the room is open at `now`: a booked video meeting, until a while after its end.
fn open(facts: RoomFacts<'_>, now: Timestamp) -> Result<(), RoomRefusal> {
    if facts.channel != Channel::Video {
        return Err(RoomRefusal::NotVideo);
    }
    if facts.status != MeetingStatus::Booked {
        return Err(RoomRefusal::NotBooked);
    }
    if now
        > facts
            .end
            .saturating_add(OPEN_AFTER_END)
            .unwrap_or(facts.end)
    {
        return Err(RoomRefusal::Over);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(end: &str) -> RoomFacts<'static> {
        RoomFacts {
            citizen_id: "c",
            staff_id: "s",
            adviser_id: Some("a"),
            channel: Channel::Video,
            status: MeetingStatus::Booked,
            end: end.parse().expect("time"),
        }
    }

    fn at(s: &str) -> Timestamp {
        s.parse().expect("time")
    }

    #[test]
    fn the_interpreter_enters_by_the_right_link_only_and_waits_like_the_citizen() {
        let f = facts("2026-11-24T10:30:00Z");
        let now = at("2026-11-24T10:00:00Z");
        assert_eq!(interpreter_role(f, true, now), Ok(RoomRole::Interpreter));
        assert!(RoomRole::Interpreter.waits());
        assert_eq!(
            interpreter_role(f, false, now),
            Err(RoomRefusal::NotParticipant)
        );
        assert_eq!(
            interpreter_role(f, true, at("2026-11-24T12:00:00Z")),
            Err(RoomRefusal::Over)
        );
    }

    #[test]
    fn only_the_three_participants_enter_and_only_the_citizen_waits() {
        let f = facts("2026-11-24T10:30:00Z");
        let now = at("2026-11-24T10:00:00Z");
        assert_eq!(room_role(f, "s", now), Ok(RoomRole::Host));
        assert_eq!(room_role(f, "a", now), Ok(RoomRole::Adviser));
        assert_eq!(room_role(f, "c", now), Ok(RoomRole::Citizen));
        assert_eq!(
            room_role(f, "someone-else", now),
            Err(RoomRefusal::NotParticipant)
        );
        assert!(RoomRole::Citizen.waits());
        assert!(!RoomRole::Host.waits() && !RoomRole::Adviser.waits());
    }

    #[test]
    fn the_room_is_for_booked_video_meetings_until_an_hour_after_the_end() {
        let f = facts("2026-11-24T10:30:00Z");
        assert_eq!(
            room_role(f, "c", at("2026-11-24T11:30:00Z")),
            Ok(RoomRole::Citizen)
        );
        assert_eq!(
            room_role(f, "c", at("2026-11-24T11:30:01Z")),
            Err(RoomRefusal::Over)
        );
        let phone = RoomFacts {
            channel: Channel::Phone,
            ..f
        };
        assert_eq!(
            room_role(phone, "c", at("2026-11-24T10:00:00Z")),
            Err(RoomRefusal::NotVideo)
        );
        let cancelled = RoomFacts {
            status: MeetingStatus::Cancelled,
            ..f
        };
        assert_eq!(
            room_role(cancelled, "s", at("2026-11-24T10:00:00Z")),
            Err(RoomRefusal::NotBooked)
        );
        // A stranger learns nothing, whatever the meeting's state.
        assert_eq!(
            room_role(phone, "x", at("2026-11-24T10:00:00Z")),
            Err(RoomRefusal::NotParticipant)
        );
    }
}
