//! A call-in (indkaldelse): a meeting staff require the citizen to attend, written and
//! personal (BEK nr. 1216 af 28. september 2023 § 46, stk. 1). Every call-in is registered
//! with the facts of BEK nr. 442 af 26. maj 2023 § 20, stk. 1 (the national data hub's
//! registration): who (nr. 1), when (nr. 2), how (nr. 3), what kind and title (nr. 4, 9),
//! where — the location and its address for in person (nr. 5, 7) —, how the citizen is
//! reached and, by phone, the number they must call (nr. 6, 8), the staff member's name
//! (nr. 10), whether and until when it can be rebooked (nr. 11, 12), and for joint
//! conversations the a-kasse's participation (nr. 13). This module decides which of those a
//! call-in lacks, so a refusal names the field; the rest comes from the meeting itself.

use jiff::Timestamp;

use crate::{Channel, Invalid, PhoneNumber};

/// What staff give when calling a citizen in, beyond the meeting's slot and channel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallInRequest {
    /// One of the organisation's locations; needed for in person (§ 20, nr. 5 and 7).
    pub location_id: Option<crate::LocationId>,
    /// By phone: the number the citizen must call (§ 20, nr. 8). Without it the citizen is
    /// called on their own number, which must then be on file (nr. 6).
    pub phone: Option<PhoneNumber>,
    /// Until when the citizen may move it themself (§ 20, nr. 11-12); `None`: not at all.
    pub rebook_until: Option<Timestamp>,
}

crate::enums::wire_enum! {
    /// The status of the a-kasse's participation that a call-in registers (§ 20, stk. 1,
    /// nr. 13) for a job conversation under LAB § 31, stk. 2 (LBK nr. 280 af 1. marts 2024):
    /// the insured person's first individual job conversation with the jobcentre, where
    /// "personen vælger, om arbejdsløshedskassen skal deltage".
    FundParticipation {
        /// The person chose that the a-kasse takes part; an adviser is booked in.
        Participates = "participates",
        /// The person chose the jobcentre alone.
        Declined = "declined",
    }
}

/// Nr. 13 for a call-in: `None` unless it is the insured person's first conversation with the
/// jobcentre (`first_insured_with_jobcentre`); then whether the meeting is a joint one.
pub fn fund_participation(
    first_insured_with_jobcentre: bool,
    joint: bool,
) -> Option<FundParticipation> {
    match (first_insured_with_jobcentre, joint) {
        (false, _) => None,
        (true, true) => Some(FundParticipation::Participates),
        (true, false) => Some(FundParticipation::Declined),
    }
}

/// Why a call-in cannot be made as asked; `field` is the request's field to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallInRefusal {
    pub field: &'static str,
    pub why: Invalid,
}

/// Checks a call-in against the channel it is for and the moment it starts. `citizen_phone`:
/// whether the citizen has a number on file.
pub fn check_call_in(
    req: &CallInRequest,
    channel: Channel,
    citizen_phone: bool,
    start: Timestamp,
    now: Timestamp,
) -> Result<(), CallInRefusal> {
    let refuse = |field, why| Err(CallInRefusal { field, why });
    match channel {
        Channel::InPerson if req.location_id.is_none() => {
            return refuse("call_in.location_id", Invalid::Required);
        }
        Channel::Phone if req.phone.is_none() && !citizen_phone => {
            return refuse("call_in.phone", Invalid::Required);
        }
        _ => {}
    }
    if channel != Channel::InPerson && req.location_id.is_some() {
        return refuse("call_in.location_id", Invalid::Combination);
    }
    if channel != Channel::Phone && req.phone.is_some() {
        return refuse("call_in.phone", Invalid::Combination);
    }
    if let Some(until) = req.rebook_until {
        if until <= now {
            return refuse("call_in.rebook_until", Invalid::InPast);
        }
        // Rebooking closes before the meeting it would move.
        if until > start {
            return refuse("call_in.rebook_until", Invalid::OutOfRange);
        }
    }
    Ok(())
}

/// Whether a citizen may move their call-in themself at `now` (§ 20, nr. 11-12).
pub fn may_rebook(rebook_until: Option<Timestamp>, now: Timestamp) -> bool {
    rebook_until.is_some_and(|until| now < until)
}

/// A citizen's own move of a call-in: only within the rebooking period, and only to a time of
/// the same kind — the same organisation's, offering the call-in's channel. Staff move
/// call-ins as any meeting.
pub fn check_rebooking(
    rebook_until: Option<Timestamp>,
    now: Timestamp,
    same_holder: bool,
    offers_channel: bool,
) -> Result<(), crate::meetings::MeetingRefusal> {
    use crate::meetings::MeetingRefusal;
    if !may_rebook(rebook_until, now) {
        return Err(MeetingRefusal::RebookingClosed);
    }
    if !(same_holder && offers_channel) {
        return Err(MeetingRefusal::RebookingOtherKind);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nr_13_is_registered_for_the_first_jobcentre_conversation_of_the_insured_only() {
        assert_eq!(fund_participation(false, true), None);
        assert_eq!(fund_participation(false, false), None);
        assert_eq!(
            fund_participation(true, true),
            Some(FundParticipation::Participates)
        );
        assert_eq!(
            fund_participation(true, false),
            Some(FundParticipation::Declined)
        );
    }

    fn t(s: &str) -> Timestamp {
        s.parse().expect("instant")
    }

    const NOW: &str = "2026-12-07T08:00:00Z";
    const START: &str = "2026-12-10T09:00:00Z";

    fn check(req: &CallInRequest, channel: Channel, phone: bool) -> Result<(), CallInRefusal> {
        check_call_in(req, channel, phone, t(START), t(NOW))
    }

    #[test]
    fn in_person_needs_a_location_and_phone_a_number_to_call_or_be_called_on() {
        let none = CallInRequest::default();
        assert_eq!(
            check(&none, Channel::InPerson, true).map_err(|r| r.field),
            Err("call_in.location_id")
        );
        assert_eq!(
            check(&none, Channel::Phone, false).map_err(|r| r.field),
            Err("call_in.phone")
        );
        assert_eq!(check(&none, Channel::Phone, true), Ok(()));
        assert_eq!(check(&none, Channel::Video, false), Ok(()));
        let number = CallInRequest {
            phone: Some(PhoneNumber::try_from("70 12 34 56").expect("number")),
            ..Default::default()
        };
        assert_eq!(check(&number, Channel::Phone, false), Ok(()));
        assert_eq!(
            check(&number, Channel::Video, true),
            Err(CallInRefusal {
                field: "call_in.phone",
                why: Invalid::Combination
            })
        );
        let place = CallInRequest {
            location_id: Some(crate::LocationId::try_from("l1").expect("an id")),
            ..Default::default()
        };
        assert_eq!(check(&place, Channel::InPerson, false), Ok(()));
        assert_eq!(
            check(&place, Channel::Video, false).map_err(|r| r.why),
            Err(Invalid::Combination)
        );
    }

    #[test]
    fn rebooking_is_open_from_now_until_at_most_the_meeting() {
        let until = |s: &str| CallInRequest {
            rebook_until: Some(t(s)),
            ..Default::default()
        };
        assert_eq!(
            check(&until("2026-12-08T22:59:00Z"), Channel::Video, false),
            Ok(())
        );
        assert_eq!(
            check(&until("2026-12-06T12:00:00Z"), Channel::Video, false).map_err(|r| r.why),
            Err(Invalid::InPast)
        );
        assert_eq!(
            check(&until("2026-12-11T12:00:00Z"), Channel::Video, false).map_err(|r| r.why),
            Err(Invalid::OutOfRange)
        );
        assert!(may_rebook(Some(t("2026-12-08T00:00:00Z")), t(NOW)));
        use crate::meetings::MeetingRefusal;
        let open = Some(t("2026-12-08T00:00:00Z"));
        assert_eq!(check_rebooking(open, t(NOW), true, true), Ok(()));
        assert_eq!(
            check_rebooking(open, t(NOW), false, true),
            Err(MeetingRefusal::RebookingOtherKind)
        );
        assert_eq!(
            check_rebooking(open, t(NOW), true, false),
            Err(MeetingRefusal::RebookingOtherKind)
        );
        assert_eq!(
            check_rebooking(None, t(NOW), true, true),
            Err(MeetingRefusal::RebookingClosed)
        );
        assert_eq!(
            check_rebooking(open, t("2026-12-08T00:00:00Z"), true, true),
            Err(MeetingRefusal::RebookingClosed)
        );
        assert!(!may_rebook(
            Some(t("2026-12-08T00:00:00Z")),
            t("2026-12-08T00:00:00Z")
        ));
        assert!(!may_rebook(None, t(NOW)));
    }
}
