//! What the quota report of the 2026 rules reads: every insured unemployed citizen in the
//! manager's organisation (all, for an administrator) with their exemption and held meetings.
//! The shares are the domain's ([`domain::contact_plan::quota_row`]).

use domain::contact_plan::PlanMeeting;
use domain::{Actor, MeetingStatus, Organisation, Role, TargetGroup};
use jiff::civil::Date;
use sqlx::Row;

use crate::{Store, StoreError};

/// One insured unemployed citizen, without name or number: the report shows only counts.
#[derive(Debug, Clone)]
pub struct QuotaFacts {
    pub municipality: String,
    pub fund: Option<String>,
    pub unemployed_since: Date,
    pub exempt: bool,
    pub held: Vec<PlanMeeting>,
}

impl Store {
    /// Managers see their organisation, administrators everyone; caseworkers and citizens are
    /// `Forbidden`. Nothing about a single citizen leaves, so nothing is logged per citizen.
    pub async fn quota_facts(&self, actor: &Actor) -> Result<Vec<QuotaFacts>, StoreError> {
        let insured = TargetGroup::InsuredUnemployed.as_str();
        let (scope, value) = match actor {
            Actor::Admin { .. } => ("target_group = $1".to_owned(), insured.to_owned()),
            Actor::Staff {
                role: Role::Manager,
                organisation,
                ..
            } => {
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
        let rows = sqlx::query(&format!(
            "SELECT id, municipality, unemployment_fund, unemployed_since FROM citizens WHERE {scope}"
        ))
        .bind(&value)
        .fetch_all(&self.inner.read)
        .await?;
        let in_scope = format!("citizen_id IN (SELECT id FROM citizens WHERE {scope})");
        let held = MeetingStatus::Held.as_str();
        let mut meetings = self
            .plan_meetings(&format!("m.{in_scope} AND m.status = '{held}'"), &[&value])
            .await?;
        let exemptions = self.latest_exemptions(&in_scope, &value).await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                let since: String = r.try_get("unemployed_since")?;
                Ok(QuotaFacts {
                    municipality: r.try_get("municipality")?,
                    fund: r.try_get("unemployment_fund")?,
                    unemployed_since: since.parse().map_err(|_| StoreError::Corrupt {
                        column: "unemployed_since",
                    })?,
                    exempt: exemptions.get(&id).is_some_and(|e| e.exempt),
                    held: meetings
                        .remove(&id)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|f| f.meeting)
                        .collect(),
                })
            })
            .collect()
    }
}
