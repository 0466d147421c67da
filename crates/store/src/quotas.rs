//! What the quota report of the 2026 rules reads: every insured unemployed citizen in the
//! manager's organisation (all, for an administrator) with their exemption and held meetings,
//! from the same case files as the worklist.
//! The shares are the domain's ([`domain::contact_plan::quota_row`]).

use domain::access::ReportReach;
use domain::contact_plan::{Exemptions, PlanMeeting};
use domain::{Actor, MeetingStatus, Organisation, TargetGroup};
use jiff::civil::Date;

use crate::{Store, StoreError};

/// One insured unemployed citizen, without name or number: the report shows only counts.
#[derive(Debug, Clone)]
pub struct QuotaFacts {
    pub municipality: String,
    pub fund: Option<String>,
    pub unemployed_since: Date,
    /// Each organisation's own exemption.
    pub exempt: Exemptions,
    pub held: Vec<PlanMeeting>,
}

impl Store {
    /// Managers see their organisation, administrators everyone; caseworkers and citizens are
    /// `Forbidden`. Nothing about a single citizen leaves, so nothing is logged per citizen.
    pub async fn quota_facts(&self, actor: &Actor) -> Result<Vec<QuotaFacts>, StoreError> {
        let insured = TargetGroup::InsuredUnemployed.as_str();
        let (scope, value) = match domain::access::report_reach(actor) {
            Some(ReportReach::All) => ("target_group = $1".to_owned(), insured.to_owned()),
            Some(ReportReach::Own(organisation)) => {
                let (column, code) = match organisation {
                    Organisation::Municipality(m) => ("municipality", m.as_str()),
                    Organisation::Fund(f) => ("unemployment_fund", f.as_str()),
                };
                (
                    format!("{column} = $1 AND target_group = '{insured}'"),
                    code.to_owned(),
                )
            }
            _ => return Err(StoreError::Forbidden),
        };
        let held = |m: &PlanMeeting| m.status == MeetingStatus::Held;
        Ok(self
            .case_files(&scope, &value)
            .await?
            .into_iter()
            .map(|c| QuotaFacts {
                municipality: c.municipality,
                fund: c.fund,
                unemployed_since: c.starts.unemployed_since,
                exempt: c.exempt,
                held: c.meetings.into_iter().filter(held).collect(),
            })
            .collect())
    }
}
