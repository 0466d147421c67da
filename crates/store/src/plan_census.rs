//! Every citizen's plan computed once and counted: what recomputing all plans costs, and the
//! national picture of required conversations (done, planned, due, overdue). Administrators
//! only; nothing about a single citizen leaves, so nothing is logged per citizen.

use domain::Actor;
use domain::contact_plan::{ItemStatus, PlanCitizen, PlanMeeting, RuleBook, contact_plan};
use jiff::civil::Date;
use sqlx::Row;

use crate::error::parse;
use crate::{Store, StoreError};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanCensus {
    pub citizens: u64,
    pub items: u64,
    pub done: u64,
    pub planned: u64,
    pub due: u64,
    pub overdue: u64,
    pub citizens_with_overdue: u64,
}

/// Citizens read per round; their meetings are read by the same id range.
const PAGE: i64 = 5_000;

impl Store {
    pub async fn plan_census(
        &self,
        actor: &Actor,
        book: &RuleBook,
        today: Date,
    ) -> Result<PlanCensus, StoreError> {
        if !matches!(actor, Actor::Admin { .. }) {
            return Err(StoreError::Forbidden);
        }
        let exempt = self.latest_exemptions("$1 = $1", "").await?;
        let mut census = PlanCensus::default();
        let mut after = String::new();
        loop {
            let citizens = sqlx::query(
                "SELECT id, target_group, unemployed_since FROM citizens WHERE id > $1 ORDER BY id LIMIT $2",
            )
            .bind(&after)
            .bind(PAGE)
            .fetch_all(&self.inner.read)
            .await?;
            let (Some(first), Some(last)) = (citizens.first(), citizens.last()) else {
                break;
            };
            let (first, last): (String, String) = (first.try_get("id")?, last.try_get("id")?);
            let mut by_citizen = self
                .plan_meetings(
                    "m.citizen_id >= $1 AND m.citizen_id <= $2",
                    &[&first, &last],
                )
                .await?;
            for c in &citizens {
                let id: String = c.try_get("id")?;
                let since: String = c.try_get("unemployed_since")?;
                let citizen = PlanCitizen {
                    target_group: parse("target_group", c.try_get::<&str, _>("target_group")?)?,
                    unemployed_since: since.parse().map_err(|_| StoreError::Corrupt {
                        column: "unemployed_since",
                    })?,
                    exempt: exempt.get(&id).is_some_and(|e| e.exempt),
                };
                let meetings: Vec<PlanMeeting> = by_citizen
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|f| f.meeting)
                    .collect();
                let plan = contact_plan(book, citizen, &meetings, today);
                census.citizens += 1;
                let mut overdue = false;
                for item in &plan.items {
                    census.items += 1;
                    match item.status {
                        ItemStatus::Done => census.done += 1,
                        ItemStatus::Planned => census.planned += 1,
                        ItemStatus::Due => census.due += 1,
                        ItemStatus::Overdue => {
                            census.overdue += 1;
                            overdue = true;
                        }
                    }
                }
                census.citizens_with_overdue += u64::from(overdue);
            }
            after = last;
        }
        Ok(census)
    }
}
