//! The worklist: the citizens who need a caseworker's action now, and why. Read in a handful of
//! queries for a whole portfolio (citizens, meetings, screenings, decisions, exemptions), then
//! decided by the domain, so an item disappears the moment its cause is dealt with.

use std::collections::HashMap;

use domain::contact_plan::{
    CaseFacts, RuleBook, WorkReason, contact_plan, sort_worklist, work_reasons,
};
use domain::{Actor, Organisation, Role, TargetGroup, Track};
use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;

use crate::audit::{AuditAction, AuditEntry};
use crate::error::parse;
use crate::{Store, StoreError, clock};

/// Filters, as in a portfolio view.
#[derive(Debug, Clone, Default)]
pub struct WorklistQuery {
    pub target_group: Option<TargetGroup>,
    pub track: Option<Track>,
    pub reason: Option<WorkReason>,
}

/// One reason for one citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorklistEntry {
    pub citizen_id: String,
    pub citizen_name: String,
    pub target_group: TargetGroup,
    pub track: Option<Track>,
    pub caseworker_id: Option<String>,
    pub reason: WorkReason,
    pub since: Timestamp,
}

/// A caseworker's share of a manager's worklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseworkerLoad {
    pub caseworker_id: String,
    pub name: String,
    /// Citizens assigned to them.
    pub citizens: usize,
    /// Worklist items among those citizens (with the filters applied).
    pub items: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Worklist {
    /// Most urgent first.
    pub entries: Vec<WorklistEntry>,
    /// For managers: every caseworker of the organisation; empty for a caseworker.
    pub loads: Vec<CaseworkerLoad>,
}

struct CaseRow {
    id: String,
    name: String,
    target_group: TargetGroup,
    unemployed_since: Date,
    track: Option<Track>,
    caseworker_id: Option<String>,
    created_at: Timestamp,
    last_signed_in_at: Option<Timestamp>,
}

impl Store {
    /// The acting caseworker's worklist (the citizens assigned to them), or a manager's (every
    /// citizen of their municipality or fund, with unassigned citizens and each caseworker's
    /// counts). Citizens and administrators: `Forbidden`. Every citizen listed is logged.
    pub async fn worklist(
        &self,
        actor: &Actor,
        book: &RuleBook,
        query: &WorklistQuery,
    ) -> Result<Worklist, StoreError> {
        let Actor::Staff {
            id,
            role,
            organisation,
            ..
        } = actor
        else {
            return Err(StoreError::Forbidden);
        };
        let manager = *role == Role::Manager;
        let (scope, value) = match (manager, organisation) {
            (false, _) => ("caseworker_id = $1", id.as_str()),
            (true, Organisation::Municipality(m)) => ("municipality = $1", m.as_str()),
            (true, Organisation::Fund(f)) => ("unemployment_fund = $1", f.as_str()),
        };
        let in_scope = format!("citizen_id IN (SELECT id FROM citizens WHERE {scope})");
        let cases = self.case_rows(scope, value).await?;
        let mut meetings = self.plan_meetings(&format!("m.{in_scope}"), value).await?;
        let exemptions = self.latest_exemptions(&in_scope, value).await?;
        let screened = self
            .latest_times("screenings", "submitted_at", &in_scope, value)
            .await?;
        let decided = self
            .latest_times("visitations", "decided_at", &in_scope, value)
            .await?;

        let now = self.now();
        let today = domain::clock_text::local_date(now);
        let mut entries = Vec::new();
        for case in &cases {
            if query.target_group.is_some_and(|g| g != case.target_group)
                || query.track.is_some_and(|t| Some(t) != case.track)
            {
                continue;
            }
            let facts = meetings.remove(&case.id).unwrap_or_default();
            let own_booking = facts.iter().filter_map(|f| f.booked_by_citizen_at).max();
            let plan_meetings: Vec<_> = facts.into_iter().map(|f| f.meeting).collect();
            let citizen = domain::contact_plan::PlanCitizen {
                target_group: case.target_group,
                unemployed_since: case.unemployed_since,
                exempt: exemptions.get(&case.id).is_some_and(|e| e.exempt),
            };
            let plan = contact_plan(book, citizen, &plan_meetings, today);
            let last_decision = decided.get(&case.id).copied();
            let reasons = work_reasons(
                &CaseFacts {
                    plan: &plan,
                    meetings: &plan_meetings,
                    track: case.track,
                    latest_screening: screened.get(&case.id).copied(),
                    latest_visitation: last_decision,
                    last_activity: [case.last_signed_in_at, own_booking, last_decision]
                        .into_iter()
                        .flatten()
                        .max(),
                    registered_at: case.created_at,
                    // A caseworker's own citizens are assigned by definition.
                    assigned: case.caseworker_id.is_some() || !manager,
                },
                now,
            );
            for item in reasons {
                if query.reason.is_some_and(|r| r != item.reason) {
                    continue;
                }
                entries.push(WorklistEntry {
                    citizen_id: case.id.clone(),
                    citizen_name: case.name.clone(),
                    target_group: case.target_group,
                    track: case.track,
                    caseworker_id: case.caseworker_id.clone(),
                    reason: item.reason,
                    since: item.since,
                });
            }
        }
        sort_worklist(&mut entries, |e| domain::contact_plan::WorkItem {
            reason: e.reason,
            since: e.since,
        });

        let mut seen: Vec<&str> = entries.iter().map(|e| e.citizen_id.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        self.log_reads(
            seen.iter()
                .map(|c| AuditEntry::new(actor, c, AuditAction::WorklistListed))
                .collect(),
        )
        .await?;

        let loads = if manager {
            self.caseworker_loads(organisation, &cases, &entries)
                .await?
        } else {
            Vec::new()
        };
        Ok(Worklist { entries, loads })
    }

    async fn case_rows(&self, scope: &str, value: &str) -> Result<Vec<CaseRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT id, name, target_group, unemployed_since, track, caseworker_id, created_at, last_signed_in_at \
             FROM citizens WHERE {scope}"
        ))
        .bind(value)
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter()
            .map(|r| {
                let track: Option<String> = r.try_get("track")?;
                let since: String = r.try_get("unemployed_since")?;
                Ok(CaseRow {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    target_group: parse("target_group", r.try_get::<&str, _>("target_group")?)?,
                    unemployed_since: since.parse().map_err(|_| StoreError::Corrupt {
                        column: "unemployed_since",
                    })?,
                    track: track.as_deref().map(|t| parse("track", t)).transpose()?,
                    caseworker_id: r.try_get("caseworker_id")?,
                    created_at: clock::from_micros(r.try_get("created_at")?),
                    last_signed_in_at: r
                        .try_get::<Option<i64>, _>("last_signed_in_at")?
                        .map(clock::from_micros),
                })
            })
            .collect()
    }

    /// The latest `column` per citizen in `table`, for the citizens matched by `filter`.
    async fn latest_times(
        &self,
        table: &str,
        column: &str,
        filter: &str,
        value: &str,
    ) -> Result<HashMap<String, Timestamp>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT citizen_id, MAX({column}) AS at FROM {table} WHERE {filter} GROUP BY citizen_id"
        ))
        .bind(value)
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("citizen_id")?,
                    clock::from_micros(r.try_get("at")?),
                ))
            })
            .collect()
    }

    async fn caseworker_loads(
        &self,
        organisation: &Organisation,
        cases: &[CaseRow],
        entries: &[WorklistEntry],
    ) -> Result<Vec<CaseworkerLoad>, StoreError> {
        let (column, value) = match organisation {
            Organisation::Municipality(m) => ("municipality", m.as_str()),
            Organisation::Fund(f) => ("unemployment_fund", f.as_str()),
        };
        let rows = sqlx::query(&format!(
            "SELECT id, name FROM staff WHERE {column} = $1 AND role = 'caseworker' ORDER BY name, id"
        ))
        .bind(value)
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                let assigned = |c: &Option<String>| c.as_deref() == Some(id.as_str());
                Ok(CaseworkerLoad {
                    citizens: cases.iter().filter(|c| assigned(&c.caseworker_id)).count(),
                    items: entries
                        .iter()
                        .filter(|e| assigned(&e.caseworker_id))
                        .count(),
                    name: r.try_get("name")?,
                    caseworker_id: id,
                })
            })
            .collect()
    }
}
