//! Which channels a citizen may use for a meeting, and why not.
//!
//! The law comes first: a citizen's first job conversation is held in person (LAB § 33, stk. 1,
//! as worded by lov nr. 295 af 20. marts 2023, § 1, nr. 3; for sickness benefit the first
//! follow-up, sygedagpengeloven § 13 b, stk. 1, 6. pkt.). After it the citizen chooses the
//! channel, except that the jobcenter or a-kasse may call them in (LAB § 33, stk. 2). A
//! municipality may be stricter, never looser: its policy or the screening can ask that the first
//! conversation with *each* holder (jobcenter and a-kasse) is in person. The citizen keeps the
//! right to meet in person; a phone meeting needs a number to call. Video needs nothing installed
//! (it runs in the browser), so it has no rule of its own. Every refusal is a value with a stable
//! code, shown to the citizen in Danish and sent in the API's `detail` and `reason`.

use jiff::Timestamp;

use crate::Channel;
use crate::contact_plan::Holder;

/// Where the first-conversation rule comes from; shown in docs and kept beside the rule.
pub const FIRST_MEETING_SOURCE: &str = "LAB § 33, stk. 1 (lov nr. 295 af 20. marts 2023, § 1, nr. 3); \
     sygedagpengeloven § 13 b, stk. 1, 6. pkt. (LBK nr. 1179 af 21. september 2023)";

/// When the citizen's earliest booked or held conversations start (the one being moved left
/// out). Cancelled meetings and no-shows are no conversation, so the next one is still the first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EarlierMeetings {
    pub any: Option<Timestamp>,
    pub with_municipality: Option<Timestamp>,
    pub with_fund: Option<Timestamp>,
}

impl EarlierMeetings {
    /// Whether a conversation starting at `start` comes before (or at the time of) every one
    /// the citizen has: then it is their first. Judged by time, not by booking order, so a
    /// video meeting booked *before* an in-person one cannot become the first conversation.
    fn first(earliest: Option<Timestamp>, start: Timestamp) -> bool {
        earliest.is_none_or(|e| e >= start)
    }
}

/// What the rules need to know about the citizen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChannelFacts {
    /// The citizen has asked to meet in person (`in_person_requested`).
    pub in_person_requested: bool,
    /// Stricter than the law: the municipality's policy or the screening asks that the first
    /// conversation with each holder (jobcenter, a-kasse) is in person.
    pub in_person_first: bool,
    /// The citizen's earliest conversations, for the first-conversation rules.
    pub earlier: EarlierMeetings,
    /// A phone number is on file.
    pub has_phone: bool,
    /// Staff require attendance in person for this meeting (indkaldelse til fremmøde).
    pub attendance_required: bool,
}

impl ChannelFacts {
    /// Whether a conversation at `start` would be the citizen's first (the law's rule).
    pub fn first_meeting(&self, start: Timestamp) -> bool {
        EarlierMeetings::first(self.earlier.any, start)
    }

    /// Whether a conversation at `start` would be the first with `holder`.
    pub fn first_with(&self, holder: Holder, start: Timestamp) -> bool {
        let earliest = match holder {
            Holder::Municipality => self.earlier.with_municipality,
            Holder::UnemploymentFund => self.earlier.with_fund,
        };
        EarlierMeetings::first(earliest, start)
    }
}

/// The meeting being booked: when, held by whom, and on which channels its time is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposed<'a> {
    pub start: Timestamp,
    pub holder: Holder,
    pub offered: &'a [Channel],
}

/// Why a channel cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ChannelRefusal {
    #[error("the time slot does not offer this channel")]
    NotOffered,
    #[error("the first job conversation is held in person by law")]
    FirstMeetingInPerson,
    #[error("the citizen has asked to meet in person")]
    InPersonRequested,
    #[error("the jobcenter requires attendance in person for this meeting")]
    AttendanceRequired,
    #[error("the first meeting with this holder is to be held in person")]
    InPersonFirst,
    #[error("there is no phone number on file")]
    NoPhoneNumber,
}

impl ChannelRefusal {
    /// Stable code of the reason; the UI translates it.
    pub fn code(self) -> &'static str {
        match self {
            ChannelRefusal::NotOffered => "channel_not_offered",
            ChannelRefusal::FirstMeetingInPerson => "first_meeting_in_person",
            ChannelRefusal::InPersonRequested => "in_person_requested",
            ChannelRefusal::AttendanceRequired => "attendance_required",
            ChannelRefusal::InPersonFirst => "in_person_first",
            ChannelRefusal::NoPhoneNumber => "no_phone_number",
        }
    }
}

/// Whether `channel` may be used for the `proposed` meeting.
pub fn check_channel(
    facts: &ChannelFacts,
    proposed: &Proposed<'_>,
    channel: Channel,
) -> Result<(), ChannelRefusal> {
    if !proposed.offered.contains(&channel) {
        return Err(ChannelRefusal::NotOffered);
    }
    if channel != Channel::InPerson {
        // The law before anything a person or a municipality chose.
        if facts.first_meeting(proposed.start) {
            return Err(ChannelRefusal::FirstMeetingInPerson);
        }
        if facts.in_person_requested {
            return Err(ChannelRefusal::InPersonRequested);
        }
        if facts.attendance_required {
            return Err(ChannelRefusal::AttendanceRequired);
        }
        if facts.in_person_first && facts.first_with(proposed.holder, proposed.start) {
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
    proposed: &Proposed<'_>,
) -> Vec<(Channel, Result<(), ChannelRefusal>)> {
    Channel::ALL
        .iter()
        .map(|&c| (c, check_channel(facts, proposed, c)))
        .collect()
}

/// The channels of `proposed.offered` that may be used: what the available-slots answer carries.
pub fn usable_channels(facts: &ChannelFacts, proposed: &Proposed<'_>) -> Vec<Channel> {
    Channel::ALL
        .iter()
        .copied()
        .filter(|&c| check_channel(facts, proposed, c).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Channel::*;
    use proptest::prelude::*;

    const ALL: &[Channel] = &[InPerson, Phone, Video];

    fn at(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    fn jobcenter(offered: &[Channel]) -> Proposed<'_> {
        Proposed {
            start: at("2026-12-08T09:00:00Z"),
            holder: Holder::Municipality,
            offered,
        }
    }

    /// A citizen who has held a conversation with both holders already.
    fn facts() -> ChannelFacts {
        let before = Some(at("2026-11-02T09:00:00Z"));
        ChannelFacts {
            has_phone: true,
            earlier: EarlierMeetings {
                any: before,
                with_municipality: before,
                with_fund: before,
            },
            ..Default::default()
        }
    }

    #[test]
    fn with_no_restriction_every_offered_channel_is_usable() {
        assert_eq!(usable_channels(&facts(), &jobcenter(ALL)), ALL.to_vec());
        assert_eq!(usable_channels(&facts(), &jobcenter(&[Video])), vec![Video]);
        assert_eq!(
            check_channel(&facts(), &jobcenter(&[Video]), Phone),
            Err(ChannelRefusal::NotOffered)
        );
    }

    #[test]
    fn the_first_conversation_is_in_person_by_law_whatever_else_is_set() {
        let none = ChannelFacts {
            has_phone: true,
            ..Default::default()
        };
        assert_eq!(usable_channels(&none, &jobcenter(ALL)), vec![InPerson]);
        assert_eq!(
            check_channel(&none, &jobcenter(ALL), Video),
            Err(ChannelRefusal::FirstMeetingInPerson)
        );
        assert_eq!(
            ChannelRefusal::FirstMeetingInPerson.code(),
            "first_meeting_in_person"
        );
    }

    #[test]
    fn first_is_judged_by_time_not_by_booking_order() {
        // An in-person conversation is booked for later; a video one before it would be first.
        let later_in_person = ChannelFacts {
            earlier: EarlierMeetings {
                any: Some(at("2026-12-20T09:00:00Z")),
                ..Default::default()
            },
            ..facts()
        };
        assert_eq!(
            check_channel(&later_in_person, &jobcenter(ALL), Video),
            Err(ChannelRefusal::FirstMeetingInPerson)
        );
        // At the same time counts as first too (the stricter reading).
        let same = ChannelFacts {
            earlier: EarlierMeetings {
                any: Some(at("2026-12-08T09:00:00Z")),
                ..Default::default()
            },
            ..facts()
        };
        assert!(same.first_meeting(at("2026-12-08T09:00:00Z")));
    }

    #[test]
    fn a_citizen_who_asked_to_meet_in_person_gets_only_in_person() {
        let f = ChannelFacts {
            in_person_requested: true,
            ..facts()
        };
        assert_eq!(usable_channels(&f, &jobcenter(ALL)), vec![InPerson]);
        assert_eq!(
            check_channel(&f, &jobcenter(ALL), Video),
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
            check_channel(&f, &jobcenter(ALL), Phone),
            Err(ChannelRefusal::AttendanceRequired)
        );
        assert_eq!(check_channel(&f, &jobcenter(ALL), InPerson), Ok(()));
    }

    #[test]
    fn stricter_policy_makes_the_first_with_each_holder_in_person() {
        // Held one with the a-kasse, none with the jobcenter yet.
        let f = ChannelFacts {
            in_person_first: true,
            earlier: EarlierMeetings {
                any: Some(at("2026-11-02T09:00:00Z")),
                with_municipality: None,
                with_fund: Some(at("2026-11-02T09:00:00Z")),
            },
            ..facts()
        };
        assert_eq!(
            check_channel(&f, &jobcenter(ALL), Video),
            Err(ChannelRefusal::InPersonFirst)
        );
        let with_fund = Proposed {
            holder: Holder::UnemploymentFund,
            ..jobcenter(ALL)
        };
        assert_eq!(usable_channels(&f, &with_fund), ALL.to_vec());
        // Without the stricter policy only the law applies: the a-kasse's was the first.
        let law_only = ChannelFacts {
            in_person_first: false,
            ..f
        };
        assert_eq!(usable_channels(&law_only, &jobcenter(ALL)), ALL.to_vec());
    }

    #[test]
    fn phone_needs_a_number() {
        let f = ChannelFacts {
            has_phone: false,
            ..facts()
        };
        assert_eq!(
            check_channel(&f, &jobcenter(ALL), Phone),
            Err(ChannelRefusal::NoPhoneNumber)
        );
        assert_eq!(usable_channels(&f, &jobcenter(ALL)), vec![InPerson, Video]);
    }

    fn any_time() -> impl Strategy<Value = Option<Timestamp>> {
        proptest::option::of((-30i64..30).prop_map(|d| {
            at("2026-12-08T09:00:00Z")
                .checked_add(jiff::SignedDuration::from_hours(24 * d))
                .expect("in range")
        }))
    }

    fn any_facts() -> impl Strategy<Value = ChannelFacts> {
        (
            (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
            (any_time(), any_time(), any_time()),
        )
            .prop_map(|((a, b, d, e), (any, m, f))| ChannelFacts {
                in_person_requested: a,
                in_person_first: b,
                earlier: EarlierMeetings {
                    any,
                    with_municipality: m,
                    with_fund: f,
                },
                has_phone: d,
                attendance_required: e,
            })
    }

    proptest! {
        /// In person is never taken away: the citizen's right to meet in person holds whatever
        /// else is true, as long as the slot offers it.
        #[test]
        fn in_person_is_always_usable_when_offered(f in any_facts()) {
            prop_assert_eq!(check_channel(&f, &jobcenter(ALL), InPerson), Ok(()));
        }

        /// No setting lets a first conversation be held by phone or video.
        #[test]
        fn a_first_conversation_is_never_remote(mut f in any_facts(), later in any_time()) {
            f.earlier.any = later.filter(|t| *t >= at("2026-12-08T09:00:00Z"));
            prop_assert_eq!(usable_channels(&f, &jobcenter(ALL)), vec![InPerson]);
        }

        /// Usable channels are always a subset of what is offered, and agree with the verdicts.
        #[test]
        fn usable_is_offered_and_allowed(f in any_facts(), mask in 0u8..8) {
            let offered: Vec<Channel> = ALL.iter().enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0).map(|(_, c)| *c).collect();
            let proposed = jobcenter(&offered);
            let usable = usable_channels(&f, &proposed);
            for c in &usable { prop_assert!(offered.contains(c)); }
            let allowed: Vec<Channel> = channel_verdicts(&f, &proposed).into_iter()
                .filter(|(_, v)| v.is_ok()).map(|(c, _)| c).collect();
            prop_assert_eq!(usable, allowed);
        }
    }
}
