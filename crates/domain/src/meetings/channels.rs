//! Which channels a citizen may use for a meeting, and why not.
//!
//! The citizen keeps the right to meet in person; the jobcenter may still call someone in; a
//! screening may say the first meeting should be in person; a phone meeting needs a number to
//! call. Video needs nothing installed (it runs in the browser), so it has no rule of its own.
//! Every refusal is a value with a stable code, shown to the citizen in Danish and sent in the
//! API's `detail`.

use crate::Channel;

/// What the rules need to know about the citizen and the meeting being booked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChannelFacts {
    /// The citizen has asked to meet in person (`in_person_requested`).
    pub in_person_requested: bool,
    /// The screening or visitation says the first meeting should be in person.
    pub in_person_first: bool,
    /// No earlier meeting was held or is booked: this would be the first.
    pub first_meeting: bool,
    /// A phone number is on file.
    pub has_phone: bool,
    /// Staff require attendance in person for this meeting (indkaldelse til fremmøde).
    pub attendance_required: bool,
}

/// Why a channel cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ChannelRefusal {
    #[error("the time slot does not offer this channel")]
    NotOffered,
    #[error("the citizen has asked to meet in person")]
    InPersonRequested,
    #[error("the jobcenter requires attendance in person for this meeting")]
    AttendanceRequired,
    #[error("the first meeting is to be held in person")]
    InPersonFirst,
    #[error("there is no phone number on file")]
    NoPhoneNumber,
}

impl ChannelRefusal {
    /// Stable code of the reason; the UI translates it.
    pub fn code(self) -> &'static str {
        match self {
            ChannelRefusal::NotOffered => "channel_not_offered",
            ChannelRefusal::InPersonRequested => "in_person_requested",
            ChannelRefusal::AttendanceRequired => "attendance_required",
            ChannelRefusal::InPersonFirst => "in_person_first",
            ChannelRefusal::NoPhoneNumber => "no_phone_number",
        }
    }
}

/// Whether `channel` may be used, given what the slot offers.
pub fn check_channel(
    facts: &ChannelFacts,
    offered: &[Channel],
    channel: Channel,
) -> Result<(), ChannelRefusal> {
    if !offered.contains(&channel) {
        return Err(ChannelRefusal::NotOffered);
    }
    if channel != Channel::InPerson {
        if facts.in_person_requested {
            return Err(ChannelRefusal::InPersonRequested);
        }
        if facts.attendance_required {
            return Err(ChannelRefusal::AttendanceRequired);
        }
        if facts.in_person_first && facts.first_meeting {
            return Err(ChannelRefusal::InPersonFirst);
        }
    }
    if channel == Channel::Phone && !facts.has_phone {
        return Err(ChannelRefusal::NoPhoneNumber);
    }
    Ok(())
}

/// Every channel with its verdict, in the order of [`Channel::ALL`]; for pages that show a
/// channel that is not offered together with the reason.
pub fn channel_verdicts(
    facts: &ChannelFacts,
    offered: &[Channel],
) -> Vec<(Channel, Result<(), ChannelRefusal>)> {
    Channel::ALL
        .iter()
        .map(|&c| (c, check_channel(facts, offered, c)))
        .collect()
}

/// The channels of `offered` that may be used: what the available-slots answer carries.
pub fn usable_channels(facts: &ChannelFacts, offered: &[Channel]) -> Vec<Channel> {
    Channel::ALL
        .iter()
        .copied()
        .filter(|&c| check_channel(facts, offered, c).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Channel::*;
    use proptest::prelude::*;

    const ALL: &[Channel] = &[InPerson, Phone, Video];

    fn facts() -> ChannelFacts {
        ChannelFacts {
            has_phone: true,
            ..Default::default()
        }
    }

    #[test]
    fn with_no_restriction_every_offered_channel_is_usable() {
        assert_eq!(usable_channels(&facts(), ALL), ALL.to_vec());
        assert_eq!(usable_channels(&facts(), &[Video]), vec![Video]);
        assert_eq!(
            check_channel(&facts(), &[Video], Phone),
            Err(ChannelRefusal::NotOffered)
        );
    }

    #[test]
    fn a_citizen_who_asked_to_meet_in_person_gets_only_in_person() {
        let f = ChannelFacts {
            in_person_requested: true,
            ..facts()
        };
        assert_eq!(usable_channels(&f, ALL), vec![InPerson]);
        assert_eq!(
            check_channel(&f, ALL, Video),
            Err(ChannelRefusal::InPersonRequested)
        );
    }

    #[test]
    fn a_call_in_requires_in_person() {
        let f = ChannelFacts {
            attendance_required: true,
            ..facts()
        };
        assert_eq!(
            check_channel(&f, ALL, Phone),
            Err(ChannelRefusal::AttendanceRequired)
        );
        assert_eq!(check_channel(&f, ALL, InPerson), Ok(()));
    }

    #[test]
    fn in_person_first_applies_to_the_first_meeting_only() {
        let first = ChannelFacts {
            in_person_first: true,
            first_meeting: true,
            ..facts()
        };
        assert_eq!(usable_channels(&first, ALL), vec![InPerson]);
        assert_eq!(
            check_channel(&first, ALL, Video),
            Err(ChannelRefusal::InPersonFirst)
        );
        let later = ChannelFacts {
            first_meeting: false,
            ..first
        };
        assert_eq!(usable_channels(&later, ALL), ALL.to_vec());
    }

    #[test]
    fn phone_needs_a_number() {
        let f = ChannelFacts {
            has_phone: false,
            ..facts()
        };
        assert_eq!(
            check_channel(&f, ALL, Phone),
            Err(ChannelRefusal::NoPhoneNumber)
        );
        assert_eq!(usable_channels(&f, ALL), vec![InPerson, Video]);
    }

    fn any_facts() -> impl Strategy<Value = ChannelFacts> {
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(a, b, c, d, e)| ChannelFacts {
                in_person_requested: a,
                in_person_first: b,
                first_meeting: c,
                has_phone: d,
                attendance_required: e,
            })
    }

    proptest! {
        /// In person is never taken away: the citizen's right to meet in person holds whatever
        /// else is true, as long as the slot offers it.
        #[test]
        fn in_person_is_always_usable_when_offered(f in any_facts()) {
            prop_assert_eq!(check_channel(&f, ALL, InPerson), Ok(()));
        }

        /// Usable channels are always a subset of what is offered, and agree with the verdicts.
        #[test]
        fn usable_is_offered_and_allowed(f in any_facts(), mask in 0u8..8) {
            let offered: Vec<Channel> = ALL.iter().enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0).map(|(_, c)| *c).collect();
            let usable = usable_channels(&f, &offered);
            for c in &usable { prop_assert!(offered.contains(c)); }
            let allowed: Vec<Channel> = channel_verdicts(&f, &offered).into_iter()
                .filter(|(_, v)| v.is_ok()).map(|(c, _)| c).collect();
            prop_assert_eq!(usable, allowed);
        }
    }
}
