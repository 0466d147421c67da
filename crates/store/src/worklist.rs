//! The worklist: the citizens who need a caseworker's action now, and why. A whole portfolio's
//! case files are read in one statement (`case_files.rs`), then the domain decides, so an item
//! disappears the moment its cause is dealt with.

use domain::contact_plan::{
    CaseFacts, Paging, RuleBook, WorkReason, contact_plan, sort_worklist, work_reasons,
};
use domain::{Actor, CitizenId, Organisation, Role, TargetGroup, Track};
use jiff::Timestamp;
use sqlx::Row;

use crate::audit::{AuditAction, AuditEntry};
use crate::case_files::CaseFile;
use crate::{Store, StoreError};

/// Filters, as in a portfolio view, and the page to show (`Paging::default()`: the first 50).
#[derive(Debug, Clone, Default)]
pub struct WorklistQuery {
    pub target_group: Option<TargetGroup>,
    pub track: Option<Track>,
    pub reason: Option<WorkReason>,
    pub page: Paging,
}

/// One reason for one citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorklistEntry {
    pub citizen_id: CitizenId,
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
    /// The page asked for, most urgent first.
    pub entries: Vec<WorklistEntry>,
    /// Items on every page (with the filters applied).
    pub total: usize,
    /// For managers: every caseworker of the organisation; empty for a caseworker.
    pub loads: Vec<CaseworkerLoad>,
}

impl Store {
    /// The acting caseworker's worklist (the citizens assigned to them), an a-kasse adviser's
    /// (every member of their a-kasse: the a-kasse does not assign members to advisers), or a
    /// manager's (every citizen of their municipality or fund, with unassigned citizens and each
    /// caseworker's counts). Each organisation sees only the conversations and meetings that
    /// are its to act on (`CaseFacts::holder`). Citizens and administrators: `Forbidden`. The
    /// page asked for is returned, with the count of all; every citizen on that page is logged,
    /// no one on another (`domain::contact_plan::paging`).
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
            (false, Organisation::Municipality(_)) => ("caseworker_id = $1", id.as_str()),
            (true, Organisation::Municipality(m)) => ("municipality = $1", m.as_str()),
            (_, Organisation::Fund(f)) => ("unemployment_fund = $1", f.as_str()),
        };
        let holder = domain::contact_plan::Holder::of_organisation(organisation);
        let cases = self.case_files(scope, value).await?;
        let now = self.now();
        let today = domain::clock_text::local_date(now);
        let mut entries = Vec::new();
        for case in &cases {
            if query.target_group.is_some_and(|g| g != case.target_group)
                || query.track.is_some_and(|t| Some(t) != case.track)
            {
                continue;
            }
            let citizen = domain::contact_plan::PlanCitizen {
                target_group: case.target_group,
                starts: case.starts,
                exempt: case.exempt,
                jobcenter_from_start: case.jobcenter_from_start,
            };
            let plan = contact_plan(book, citizen, &case.meetings, today);
            let reasons = work_reasons(
                &CaseFacts {
                    plan: &plan,
                    meetings: &case.meetings,
                    track: case.track,
                    latest_screening: case.latest_screening,
                    latest_visitation: case.latest_visitation,
                    last_activity: [
                        case.last_signed_in_at,
                        case.own_booking,
                        case.latest_visitation,
                    ]
                    .into_iter()
                    .flatten()
                    .max(),
                    registered_at: case.created_at,
                    // The jobcenter holds the meeting the survey was about; a-kasser do not call.
                    callback_requested: match organisation {
                        Organisation::Municipality(_) => case.callback_requested,
                        Organisation::Fund(_) => None,
                    },
                    letter_address_missing: case.letter_address_missing,
                    absence_reported: match organisation {
                        Organisation::Municipality(_) => case.absence_jobcenter,
                        Organisation::Fund(_) => case.absence_fund,
                    },
                    unanswered_since: match organisation {
                        Organisation::Municipality(_) => case.waiting_jobcenter,
                        Organisation::Fund(_) => case.waiting_fund,
                    },
                    // A caseworker's own citizens are assigned by definition.
                    assigned: case.caseworker_id.is_some() || !manager,
                    self_books: domain::meetings::books_themself(
                        case.target_group,
                        case.self_booking_exempt,
                    ),
                    holder,
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

        let loads = if manager {
            self.caseworker_loads(organisation, &cases, &entries)
                .await?
        } else {
            Vec::new()
        };
        let total = entries.len();
        let entries = query.page.slice(entries);
        let mut seen: Vec<&CitizenId> = entries.iter().map(|e| &e.citizen_id).collect();
        seen.sort_unstable();
        seen.dedup();
        self.log_reads(
            seen.iter()
                .map(|c| AuditEntry::new(self.now_micros(), actor, c, AuditAction::WorklistListed))
                .collect(),
        )
        .await?;
        Ok(Worklist {
            entries,
            total,
            loads,
        })
    }

    async fn caseworker_loads(
        &self,
        organisation: &Organisation,
        cases: &[CaseFile],
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
