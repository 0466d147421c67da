//! The worklist: the citizens who need a caseworker's action now, and why. What the domain
//! decided for each case is kept and brought up to date before each view
//! (`worklist_state.rs`), so an item disappears the moment its cause is dealt with and a view
//! of 30,000 citizens reads one page, not 30,000 case files.

use std::collections::HashMap;

use domain::contact_plan::{Paging, RuleBook, WorkReason};
use domain::{Actor, CitizenId, Organisation, Role, TargetGroup, Track};
use jiff::Timestamp;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::{Any, Row};

use crate::audit::{AuditAction, AuditEntry};
use crate::error::parse;
use crate::ids::typed;
use crate::worklist_state::org_key;
use crate::{Store, StoreError, clock};

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
    /// are its to act on (`CaseFacts::holder`). Citizens and administrators: `Forbidden`.
    ///
    /// The list is kept, not computed here (`worklist_state.rs`): the organisation's changed
    /// cases are decided first, then the page asked for is read, with the count of all. Every
    /// citizen on that page is logged, no one on another (`domain::contact_plan::paging`).
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
        self.keep_worklist(book, organisation).await?;

        // `org = $1` and the filters, each value bound in turn.
        let mut filter = Filter::new(org_key(organisation));
        if !manager && matches!(organisation, Organisation::Municipality(_)) {
            filter.add("caseworker_id", id.as_str());
        }
        if let Some(g) = query.target_group {
            filter.add("target_group", g.as_str());
        }
        if let Some(t) = query.track {
            filter.add("track", t.as_str());
        }
        if let Some(r) = query.reason {
            filter.add("reason", r.as_str());
        }
        let skip = query
            .page
            .number
            .saturating_sub(1)
            .saturating_mul(query.page.per_page);
        let page = filter
            .query(&format!(
                "SELECT citizen_id, citizen_name, target_group, track, caseworker_id, reason, since \
                 FROM worklist_items WHERE {} ORDER BY reason_rank, since, citizen_id \
                 LIMIT {} OFFSET {}",
                filter.sql,
                i64::try_from(query.page.per_page).unwrap_or(i64::MAX),
                i64::try_from(skip).unwrap_or(i64::MAX),
            ))
            .fetch_all(&self.inner.read)
            .await?;
        let entries = page.iter().map(entry).collect::<Result<Vec<_>, _>>()?;
        let total: i64 = filter
            .query(&format!(
                "SELECT COUNT(*) AS n FROM worklist_items WHERE {}",
                filter.sql
            ))
            .fetch_one(&self.inner.read)
            .await?
            .try_get("n")?;
        let loads = if manager {
            self.caseworker_loads(organisation, &filter).await?
        } else {
            Vec::new()
        };

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
            total: usize::try_from(total).unwrap_or(0),
            loads,
        })
    }

    /// Each caseworker of the organisation with their citizens (all) and items (filtered).
    async fn caseworker_loads(
        &self,
        organisation: &Organisation,
        filter: &Filter,
    ) -> Result<Vec<CaseworkerLoad>, StoreError> {
        let (column, value) = match organisation {
            Organisation::Municipality(m) => ("municipality", m.as_str()),
            Organisation::Fund(f) => ("unemployment_fund", f.as_str()),
        };
        let staff = sqlx::query(&format!(
            "SELECT id, name FROM staff WHERE {column} = $1 AND role = 'caseworker' ORDER BY name, id"
        ))
        .bind(value)
        .fetch_all(&self.inner.read)
        .await?;
        let citizens = counts(
            sqlx::query(&format!(
                "SELECT caseworker_id, COUNT(*) AS n FROM citizens WHERE {column} = $1 \
                 AND caseworker_id IN (SELECT id FROM staff WHERE {column} = $1 AND role = 'caseworker') \
                 GROUP BY caseworker_id"
            ))
            .bind(value)
            .fetch_all(&self.inner.read)
            .await?,
        )?;
        let items = counts(
            filter
                .query(&format!(
                    "SELECT caseworker_id, COUNT(*) AS n FROM worklist_items WHERE {} \
                     AND caseworker_id IS NOT NULL GROUP BY caseworker_id",
                    filter.sql
                ))
                .fetch_all(&self.inner.read)
                .await?,
        )?;
        staff
            .iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                Ok(CaseworkerLoad {
                    citizens: citizens.get(&id).copied().unwrap_or(0),
                    items: items.get(&id).copied().unwrap_or(0),
                    name: r.try_get("name")?,
                    caseworker_id: id,
                })
            })
            .collect()
    }
}

/// `org = $1 AND column = $2 …` over `worklist_items`, with the values to bind in order.
struct Filter {
    sql: String,
    values: Vec<String>,
}

impl Filter {
    fn new(org: String) -> Self {
        Self {
            sql: "org = $1".to_owned(),
            values: vec![org],
        }
    }

    fn add(&mut self, column: &str, value: &str) {
        self.values.push(value.to_owned());
        self.sql
            .push_str(&format!(" AND {column} = ${}", self.values.len()));
    }

    fn query<'q>(&'q self, sql: &'q str) -> sqlx::query::Query<'q, Any, AnyArguments<'q>> {
        self.values
            .iter()
            .fold(sqlx::query(sql), |q, v| q.bind(v.as_str()))
    }
}

/// `caseworker_id, n` rows as a map.
fn counts(rows: Vec<AnyRow>) -> Result<HashMap<String, usize>, StoreError> {
    rows.iter()
        .map(|r| {
            let n: i64 = r.try_get("n")?;
            Ok((r.try_get("caseworker_id")?, usize::try_from(n).unwrap_or(0)))
        })
        .collect()
}

/// One kept item as the worklist shows it.
fn entry(r: &AnyRow) -> Result<WorklistEntry, StoreError> {
    let track: Option<String> = r.try_get("track")?;
    Ok(WorklistEntry {
        citizen_id: typed("citizen_id", r.try_get("citizen_id")?)?,
        citizen_name: r.try_get("citizen_name")?,
        target_group: parse("target_group", r.try_get::<&str, _>("target_group")?)?,
        track: track.as_deref().map(|t| parse("track", t)).transpose()?,
        caseworker_id: r.try_get("caseworker_id")?,
        reason: parse("reason", r.try_get::<&str, _>("reason")?)?,
        since: clock::from_micros(r.try_get("since")?),
    })
}
