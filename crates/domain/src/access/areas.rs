//! What an actor may use beyond single citizens: the reports, the monitoring of visitation
//! decisions, the jobcentre's post (letters to print, case transfers) and a calendar. One place
//! for the store (which enforces it) and the pages (whose menus follow it).

use super::{Actor, Organisation};
use crate::Role;

/// Whose figures an actor may read in reports (contacts, quotas, monitoring): everyone's
/// (administrators) or their own organisation's (managers). Caseworkers and citizens read no
/// reports: they are the managers' tool for the committee, and figures about one's own
/// colleagues are not a caseworker's business.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportReach<'a> {
    All,
    Own(&'a Organisation),
}

pub fn report_reach(actor: &Actor) -> Option<ReportReach<'_>> {
    match actor {
        Actor::Admin { .. } => Some(ReportReach::All),
        Actor::Staff {
            role: Role::Manager,
            organisation,
            ..
        } => Some(ReportReach::Own(organisation)),
        _ => None,
    }
}

/// Visitation is the municipality's decision, so its monitoring is for the municipality's
/// managers (their own decisions) and administrators (all): `Some(None)` for all,
/// `Some(Some(code))` for one municipality, `None` when not allowed.
pub fn visitation_reach(actor: &Actor) -> Option<Option<&crate::MunicipalityCode>> {
    match report_reach(actor)? {
        ReportReach::All => Some(None),
        ReportReach::Own(Organisation::Municipality(m)) => Some(Some(m)),
        ReportReach::Own(Organisation::Fund(_)) => None,
    }
}

/// Letters to print and cases moving between municipalities arrive at the jobcentre: its
/// caseworkers and managers handle them; an a-kasse has no such post.
pub fn handles_jobcentre_post(actor: &Actor) -> bool {
    matches!(
        actor,
        Actor::Staff {
            organisation: Organisation::Municipality(_),
            ..
        }
    )
}

/// An a-kasse's staff: their calendars and bookings are the a-kasse's, not the jobcentre's.
pub fn works_for_fund(actor: &Actor) -> bool {
    matches!(
        actor,
        Actor::Staff {
            organisation: Organisation::Fund(_),
            ..
        }
    )
}

/// Staff hold meetings, so they have a calendar, a worklist and an inbox.
pub fn has_calendar(actor: &Actor) -> bool {
    matches!(actor, Actor::Staff { .. })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CitizenId;
    use crate::StaffId;
    use crate::{FundCode, MunicipalityCode};

    fn staff(role: Role, organisation: Organisation) -> Actor {
        Actor::Staff {
            id: StaffId::try_from("s").expect("an id"),
            name: "S".into(),
            role,
            organisation,
        }
    }

    #[test]
    fn reports_are_for_managers_of_their_own_organisation_and_administrators() {
        let aalborg = Organisation::Municipality(MunicipalityCode::try_from("0851").expect("code"));
        let fund = Organisation::Fund(FundCode::try_from("3F").expect("code"));
        let admin = Actor::Admin {
            id: StaffId::try_from("a").expect("an id"),
            name: "A".into(),
        };
        let citizen = Actor::Citizen {
            citizen_id: CitizenId::try_from("c").expect("an id"),
            name: "C".into(),
        };
        assert_eq!(report_reach(&admin), Some(ReportReach::All));
        let manager = staff(Role::Manager, aalborg.clone());
        assert_eq!(report_reach(&manager), Some(ReportReach::Own(&aalborg)));
        assert_eq!(
            report_reach(&staff(Role::Caseworker, aalborg.clone())),
            None
        );
        assert_eq!(report_reach(&citizen), None);

        // Visitation is the municipality's: an a-kasse's manager does not monitor it.
        assert!(visitation_reach(&staff(Role::Manager, fund.clone())).is_none());
        assert!(matches!(visitation_reach(&manager), Some(Some(m)) if m.as_str() == "0851"));
        assert_eq!(visitation_reach(&admin), Some(None));

        // The jobcentre's post: its staff, not the a-kasse's, not administrators.
        assert!(handles_jobcentre_post(&staff(Role::Caseworker, aalborg)));
        assert!(!handles_jobcentre_post(&staff(
            Role::Caseworker,
            fund.clone()
        )));
        assert!(!handles_jobcentre_post(&admin));
        assert!(works_for_fund(&staff(Role::Caseworker, fund.clone())));
        assert!(!works_for_fund(&manager));
        assert!(has_calendar(&staff(Role::Manager, fund)));
        assert!(!has_calendar(&admin));
    }
}
