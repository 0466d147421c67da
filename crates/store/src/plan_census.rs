//! Every citizen's plan computed once and counted: what recomputing all plans costs, and the
//! national picture of required conversations (done, planned, due, overdue). Administrators
//! only; nothing about a single citizen leaves, so nothing is logged per citizen.

use std::collections::HashMap;

use domain::contact_plan::{Holder, ItemStatus, PlanCitizen, PlanMeeting, RuleBook, contact_plan};
use domain::{Actor, MeetingStatus};
use jiff::civil::Date;
use sqlx::Row;

use crate::error::parse;
use crate::{Store, StoreError, clock};

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
        let holders: HashMap<String, Holder> =
            sqlx::query("SELECT id, unemployment_fund FROM staff")
                .fetch_all(&self.inner.read)
                .await?
                .iter()
                .map(|r| {
                    let fund: Option<String> = r.try_get("unemployment_fund")?;
                    let holder = if fund.is_some() {
                        Holder::UnemploymentFund
                    } else {
                        Holder::Municipality
                    };
                    Ok((r.try_get("id")?, holder))
                })
                .collect::<Result<_, StoreError>>()?;
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
            let rows = sqlx::query(
                "SELECT id, citizen_id, staff_id, adviser_id, starts_at, status FROM meetings \
                 WHERE citizen_id >= $1 AND citizen_id <= $2 ORDER BY citizen_id",
            )
            .bind(&first)
            .bind(&last)
            .fetch_all(&self.inner.read)
            .await?;
            let mut by_citizen: HashMap<String, Vec<PlanMeeting>> = HashMap::new();
            for r in &rows {
                let status: MeetingStatus = parse("status", r.try_get::<&str, _>("status")?)?;
                let staff: &str = r.try_get("staff_id")?;
                let meeting = PlanMeeting::new(
                    r.try_get("id")?,
                    clock::from_micros(r.try_get("starts_at")?),
                    status,
                    holders.get(staff).copied().unwrap_or(Holder::Municipality),
                    r.try_get::<Option<String>, _>("adviser_id")?.is_some(),
                );
                by_citizen
                    .entry(r.try_get("citizen_id")?)
                    .or_default()
                    .push(meeting);
            }
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
                let meetings = by_citizen.remove(&id).unwrap_or_default();
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
