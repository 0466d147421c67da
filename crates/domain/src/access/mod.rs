//! Who may see and change what. Every decision returns *why*, so the audit log and error messages
//! can say it, and so the store can enforce tenant scoping in one place. Single citizens here;
//! reports, monitoring and the jobcentre's post in `areas.rs`.

mod areas;

pub use areas::{
    ReportReach, handles_jobcentre_post, has_calendar, report_reach, visitation_reach,
    works_for_fund,
};

use crate::{CitizenId, FundCode, MunicipalityCode, Role, StaffId};

/// The organisation a staff member works for: a jobcenter (municipality) or an a-kasse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Organisation {
    Municipality(MunicipalityCode),
    Fund(FundCode),
}

/// The signed-in person on whose behalf something is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Sees and manages everything; exists for setup and support.
    Admin { id: StaffId, name: String },
    /// A caseworker or manager of one organisation.
    Staff {
        id: StaffId,
        name: String,
        role: Role,
        organisation: Organisation,
    },
    /// A citizen acting for themself.
    Citizen { citizen_id: CitizenId, name: String },
}

impl Actor {
    pub fn id(&self) -> &str {
        match self {
            Actor::Admin { id, .. } | Actor::Staff { id, .. } => id.as_str(),
            Actor::Citizen { citizen_id, .. } => citizen_id.as_str(),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Actor::Admin { name, .. } | Actor::Staff { name, .. } | Actor::Citizen { name, .. } => {
                name
            }
        }
    }

    pub fn role(&self) -> Role {
        match self {
            Actor::Admin { .. } => Role::Admin,
            Actor::Staff { role, .. } => *role,
            Actor::Citizen { .. } => Role::Citizen,
        }
    }

    pub fn is_staff(&self) -> bool {
        !matches!(self, Actor::Citizen { .. })
    }
}

/// What decides who may see a citizen: where they live and which a-kasse they belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenScope {
    pub citizen_id: CitizenId,
    pub municipality: MunicipalityCode,
    pub fund: Option<FundCode>,
}

/// Whether an actor may see a citizen's data, and on what ground.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// The citizen themself: not audited, a person may always see their own data.
    Own,
    /// An administrator.
    Admin,
    /// Staff of the citizen's jobcenter.
    Municipality,
    /// Staff of the citizen's a-kasse.
    Fund,
    /// Someone else: to them the citizen does not exist (404).
    Hidden,
}

impl Visibility {
    pub fn is_visible(self) -> bool {
        self != Visibility::Hidden
    }

    /// Every access by someone other than the citizen goes to the audit log.
    pub fn is_audited(self) -> bool {
        !matches!(self, Visibility::Own | Visibility::Hidden)
    }

    /// May this actor change the citizen's case data (caseworker, track, target group)? Only the
    /// jobcenter that holds the case and administrators; an a-kasse sees its members but the
    /// municipality's case is not theirs to change.
    pub fn may_change_case(self) -> bool {
        matches!(self, Visibility::Admin | Visibility::Municipality)
    }
}

pub fn citizen_visibility(actor: &Actor, citizen: &CitizenScope) -> Visibility {
    match actor {
        Actor::Admin { .. } => Visibility::Admin,
        Actor::Citizen { citizen_id, .. } if *citizen_id == citizen.citizen_id => Visibility::Own,
        Actor::Citizen { .. } => Visibility::Hidden,
        Actor::Staff {
            organisation: Organisation::Municipality(m),
            ..
        } => {
            if *m == citizen.municipality {
                Visibility::Municipality
            } else {
                Visibility::Hidden
            }
        }
        Actor::Staff {
            organisation: Organisation::Fund(f),
            ..
        } => {
            if citizen.fund.as_ref() == Some(f) {
                Visibility::Fund
            } else {
                Visibility::Hidden
            }
        }
    }
}

/// May this actor register a new citizen in this municipality? Administrators anywhere; the
/// municipality's own caseworkers and managers there. A-kasse staff register members with their
/// jobcenter, not here.
pub fn may_register_citizen(actor: &Actor, municipality: &MunicipalityCode) -> bool {
    match actor {
        Actor::Admin { .. } => true,
        Actor::Staff {
            organisation: Organisation::Municipality(m),
            ..
        } => m == municipality,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> MunicipalityCode {
        MunicipalityCode::try_from(s).expect("valid")
    }

    fn citizen() -> CitizenScope {
        CitizenScope {
            citizen_id: CitizenId::try_from("c1").expect("an id"),
            municipality: code("0851"),
            fund: Some(FundCode::try_from("3F").expect("valid")),
        }
    }

    fn staff(org: Organisation) -> Actor {
        Actor::Staff {
            id: StaffId::try_from("s").expect("an id"),
            name: "S".into(),
            role: Role::Caseworker,
            organisation: org,
        }
    }

    #[test]
    fn staff_see_only_their_own_organisations_citizens() {
        let aalborg = staff(Organisation::Municipality(code("0851")));
        let aarhus = staff(Organisation::Municipality(code("0751")));
        let fund = staff(Organisation::Fund(FundCode::try_from("3F").expect("valid")));
        let other_fund = staff(Organisation::Fund(FundCode::try_from("HK").expect("valid")));
        assert_eq!(
            citizen_visibility(&aalborg, &citizen()),
            Visibility::Municipality
        );
        assert_eq!(citizen_visibility(&aarhus, &citizen()), Visibility::Hidden);
        assert_eq!(citizen_visibility(&fund, &citizen()), Visibility::Fund);
        assert_eq!(
            citizen_visibility(&other_fund, &citizen()),
            Visibility::Hidden
        );
    }

    #[test]
    fn a_citizen_sees_only_themself_and_is_not_audited_for_it() {
        let me = Actor::Citizen {
            citizen_id: CitizenId::try_from("c1").expect("an id"),
            name: "Me".into(),
        };
        let other = Actor::Citizen {
            citizen_id: CitizenId::try_from("c2").expect("an id"),
            name: "Other".into(),
        };
        assert_eq!(citizen_visibility(&me, &citizen()), Visibility::Own);
        assert!(!Visibility::Own.is_audited());
        assert_eq!(citizen_visibility(&other, &citizen()), Visibility::Hidden);
    }

    #[test]
    fn only_the_jobcenter_and_admins_change_a_case() {
        assert!(Visibility::Municipality.may_change_case());
        assert!(Visibility::Admin.may_change_case());
        assert!(!Visibility::Fund.may_change_case());
        assert!(!Visibility::Own.may_change_case());
        assert!(Visibility::Fund.is_audited() && Visibility::Admin.is_audited());
    }

    #[test]
    fn citizens_are_registered_by_their_own_jobcenter() {
        let aalborg = staff(Organisation::Municipality(code("0851")));
        let fund = staff(Organisation::Fund(FundCode::try_from("3F").expect("valid")));
        let me = Actor::Citizen {
            citizen_id: CitizenId::try_from("c1").expect("an id"),
            name: "Me".into(),
        };
        assert!(may_register_citizen(&aalborg, &code("0851")));
        assert!(!may_register_citizen(&aalborg, &code("0751")));
        assert!(!may_register_citizen(&fund, &code("0851")));
        assert!(!may_register_citizen(&me, &code("0851")));
    }
}
