//! Every citizen's plan computed once and counted: what recomputing all plans costs, and the
//! national picture of required conversations (done, planned, due, overdue). Administrators
//! only; nothing about a single citizen leaves, so nothing is logged per citizen.

use domain::Actor;
use domain::contact_plan::{ItemStatus, RuleBook, contact_plan};
use jiff::civil::Date;

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

/// Citizens read per round, with their case files in one statement.
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
        let mut census = PlanCensus::default();
        let mut after = String::new();
        // Pages of citizens in id order, each read with its case files in one statement.
        let page =
            format!("c.id IN (SELECT id FROM citizens WHERE id > $1 ORDER BY id LIMIT {PAGE})");
        loop {
            let files = self.case_files(&page, &after).await?;
            let Some(last) = files.iter().map(|f| f.id.as_str()).max() else {
                break;
            };
            after = last.to_owned();
            for file in &files {
                let plan = contact_plan(book, file.plan_citizen(), &file.meetings, today);
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
        }
        Ok(census)
    }
}
