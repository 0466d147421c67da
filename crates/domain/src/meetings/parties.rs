//! Who may change a meeting. An organisation changes (moves, cancels, records the outcome of)
//! only meetings it holds or takes part in: an a-kasse adviser who could see a citizen could
//! otherwise cancel the jobcenter's meeting, or record a no-show on it, which can cost the citizen
//! their benefit. The citizen changes their own; an administrator any.

use crate::{Actor, Organisation};

/// The organisations of a meeting: the one that holds it (the slot owner's) and, for a joint
/// conversation, the a-kasse that takes part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingParties {
    pub holder: Organisation,
    pub partner: Option<Organisation>,
}

impl MeetingParties {
    /// Whether `actor` may change the meeting. `own` says the actor is the meeting's citizen.
    pub fn may_change(&self, actor: &Actor, own: bool) -> bool {
        match actor {
            Actor::Admin { .. } => true,
            Actor::Citizen { .. } => own,
            Actor::Staff { organisation, .. } => {
                *organisation == self.holder || self.partner.as_ref() == Some(organisation)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CitizenId;
    use crate::StaffId;
    use crate::{FundCode, MunicipalityCode, Role};

    fn staff(organisation: Organisation) -> Actor {
        Actor::Staff {
            id: StaffId::try_from("s").expect("an id"),
            name: "S".into(),
            role: Role::Caseworker,
            organisation,
        }
    }

    #[test]
    fn only_the_holder_and_the_partner_change_a_meeting() {
        let aalborg = Organisation::Municipality(MunicipalityCode::try_from("0851").expect("code"));
        let aarhus = Organisation::Municipality(MunicipalityCode::try_from("0751").expect("code"));
        let f3 = Organisation::Fund(FundCode::try_from("3F").expect("fund"));
        let jobcenter = MeetingParties {
            holder: aalborg.clone(),
            partner: None,
        };
        assert!(jobcenter.may_change(&staff(aalborg.clone()), false));
        assert!(
            !jobcenter.may_change(&staff(f3.clone()), false),
            "the a-kasse is not part of it"
        );
        assert!(!jobcenter.may_change(&staff(aarhus), false));
        let joint = MeetingParties {
            partner: Some(f3.clone()),
            ..jobcenter
        };
        assert!(
            joint.may_change(&staff(f3), false),
            "a joint conversation is theirs too"
        );
        let citizen = Actor::Citizen {
            citizen_id: CitizenId::try_from("c").expect("an id"),
            name: "C".into(),
        };
        assert!(joint.may_change(&citizen, true));
        assert!(!joint.may_change(&citizen, false));
        let admin = Actor::Admin {
            id: StaffId::try_from("a").expect("an id"),
            name: "A".into(),
        };
        assert!(joint.may_change(&admin, false));
    }
}
