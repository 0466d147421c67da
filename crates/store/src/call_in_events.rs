//! The call-in export feed (`0021_call_in_events.sql`): every call-in and every change to it,
//! with the facts of BEK nr. 442 af 26. maj 2023 § 20, stk. 1, written in the change's own
//! transaction and read in pages behind an opaque cursor that stays valid while others write.

use domain::{Actor, CitizenId, MeetingId, Organisation};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::audit::{AuditAction, AuditEntry};
use crate::ids::{new_id, typed};
use crate::meetings::{MEETING_COLUMNS, MEETING_FROM, meeting_from_row};
use crate::{Backend, Store, StoreError, clock};

/// What happened to the call-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallInEventKind {
    CalledIn,
    Moved,
    Cancelled,
    Held,
    NoShow,
    /// The citizen's "Jeg kan ikke komme" was accepted (the call-in is also `cancelled`).
    AbsenceAccepted,
}

impl CallInEventKind {
    fn as_str(self) -> &'static str {
        match self {
            CallInEventKind::CalledIn => "called_in",
            CallInEventKind::Moved => "moved",
            CallInEventKind::Cancelled => "cancelled",
            CallInEventKind::Held => "held",
            CallInEventKind::NoShow => "no_show",
            CallInEventKind::AbsenceAccepted => "absence_accepted",
        }
    }

    fn parse(s: &str) -> Result<Self, StoreError> {
        serde_json::from_value(serde_json::Value::String(s.to_owned()))
            .map_err(|_| StoreError::Corrupt { column: "kind" })
    }
}

/// The § 20, stk. 1 fields of a call-in right after the change (nr. 1: the citizen, on the
/// event itself; the CPR number is not stored, so a hub integration maps our citizen id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallInFacts {
    /// Nr. 2: RFC 3339, UTC.
    pub start: String,
    pub end: String,
    /// Nr. 3: `in_person`, `phone` or `video`.
    pub channel: domain::Channel,
    /// Nr. 9 (and 4, as far as we keep a type): the title staff gave it.
    pub title: Option<String>,
    /// Nr. 5, 7: where, for in person.
    pub location: Option<FactsLocation>,
    /// Nr. 8: the number the citizen calls; `None` with `phone`: we call the citizen (nr. 6).
    pub phone: Option<String>,
    /// Nr. 10.
    pub staff_name: String,
    /// Nr. 11-12.
    pub rebooking_allowed: bool,
    pub rebook_until: Option<String>,
    /// Nr. 13: the a-kasse takes part (joint conversation).
    pub fund_participates: bool,
    /// Nr. 13 as the hub registers it: for the insured person's first jobcentre conversation
    /// (LAB § 31, stk. 2), the status of the a-kasse's participation; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_participation: Option<domain::meetings::FundParticipation>,
    /// Where the meeting stands after the change.
    pub status: domain::MeetingStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactsLocation {
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub town: String,
}

/// One event of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallInEvent {
    pub id: String,
    pub meeting_id: MeetingId,
    pub citizen_id: CitizenId,
    pub kind: CallInEventKind,
    pub at: Timestamp,
    pub facts: CallInFacts,
    /// Where the next page starts if this is the last event read.
    pub cursor: String,
}

/// The most events one page holds.
pub const MAX_PAGE: i64 = 1000;

/// Records `kind` for meeting `meeting_id` in the change's transaction. Only call-ins made with
/// their § 20 facts (a `call_ins` row) are reported — other meetings, and the older form that
/// only requires attendance with a reason, are not — and the callers know which it is from the
/// meeting they already hold, so they call this for call-ins only: an ordinary move or cancel
/// costs no extra query. Reads the meeting as the transaction now sees it.
pub(crate) async fn record(
    tx: &mut Transaction<'_, Any>,
    backend: Backend,
    meeting_id: &str,
    kind: CallInEventKind,
    now: i64,
) -> Result<(), StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {MEETING_COLUMNS}, s.municipality AS holder_municipality, \
         s.unemployment_fund AS holder_fund FROM {MEETING_FROM} WHERE m.id = $1"
    ))
    .bind(meeting_id)
    .fetch_one(&mut **tx)
    .await?;
    let meeting = meeting_from_row(&row)?;
    let call_in = meeting.call_in.as_ref();
    let facts = CallInFacts {
        start: meeting.start.to_string(),
        end: meeting.end.to_string(),
        channel: meeting.channel,
        title: meeting.purpose.clone(),
        location: call_in
            .and_then(|c| c.location.as_ref())
            .map(|l| FactsLocation {
                name: l.name.clone(),
                street: l.street.clone(),
                postcode: l.postcode.clone(),
                town: l.town.clone(),
            }),
        phone: call_in.and_then(|c| c.phone.clone()),
        staff_name: meeting.staff_name.clone(),
        rebooking_allowed: meeting.rebook_until().is_some(),
        rebook_until: meeting.rebook_until().map(|t| t.to_string()),
        fund_participates: meeting.adviser_id.is_some(),
        fund_participation: call_in.and_then(|c| c.fund_participation),
        status: meeting.status,
    };
    let facts =
        serde_json::to_string(&facts).map_err(|_| StoreError::Corrupt { column: "facts" })?;
    // The transaction's place in commit order (see the migration).
    let tx_order = match backend {
        Backend::Postgres => "pg_current_xact_id()::text::bigint",
        Backend::Sqlite => "(SELECT COALESCE(MAX(tx), 0) + 1 FROM call_in_events)",
    };
    sqlx::query(&format!(
        "INSERT INTO call_in_events (id, tx, meeting_id, citizen_id, municipality, unemployment_fund, kind, at, facts) \
         VALUES ($1, {tx_order}, $2, $3, $4, $5, $6, $7, $8)"
    ))
    .bind(new_id())
    .bind(meeting_id)
    .bind(meeting.citizen_id.as_str())
    .bind(row.try_get::<Option<String>, _>("holder_municipality")?)
    .bind(row.try_get::<Option<String>, _>("holder_fund")?)
    .bind(kind.as_str())
    .bind(now)
    .bind(facts)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// `tx.id`: where a page ends. Anything else is refused before the database is asked.
fn parse_cursor(cursor: &str) -> Result<(i64, String), StoreError> {
    let bad = || StoreError::invalid("after", domain::Invalid::BadFormat);
    let (tx, id) = cursor.split_once('.').ok_or_else(bad)?;
    let tx = tx.parse::<i64>().map_err(|_| bad())?;
    let id = domain::MeetingId::try_from(id).map_err(|_| bad())?;
    Ok((tx, id.as_str().to_owned()))
}

fn from_row(r: &AnyRow) -> Result<CallInEvent, StoreError> {
    let id: String = r.try_get("id")?;
    let tx: i64 = r.try_get("tx")?;
    let facts: String = r.try_get("facts")?;
    Ok(CallInEvent {
        cursor: format!("{tx}.{id}"),
        id,
        meeting_id: typed("meeting_id", r.try_get("meeting_id")?)?,
        citizen_id: typed("citizen_id", r.try_get("citizen_id")?)?,
        kind: CallInEventKind::parse(r.try_get("kind")?)?,
        at: clock::from_micros(r.try_get("at")?),
        facts: serde_json::from_str(&facts).map_err(|_| StoreError::Corrupt { column: "facts" })?,
    })
}

impl Store {
    /// The feed after `after` (from the start without one), at most `limit` events, oldest
    /// first: staff read their organisation's call-ins, administrators all, citizens nothing.
    /// Every citizen in the page is in their access log.
    pub async fn call_in_events(
        &self,
        actor: &Actor,
        after: Option<&str>,
        limit: i64,
    ) -> Result<Vec<CallInEvent>, StoreError> {
        let (tx, id) = match after {
            Some(c) => parse_cursor(c)?,
            None => (i64::MIN, String::new()),
        };
        let (scope, org) = match actor {
            Actor::Admin { .. } => ("$3 = $3", String::new()),
            Actor::Staff {
                organisation: Organisation::Municipality(m),
                ..
            } => ("e.municipality = $3", m.as_str().to_owned()),
            Actor::Staff {
                organisation: Organisation::Fund(f),
                ..
            } => ("e.unemployment_fund = $3", f.as_str().to_owned()),
            Actor::Citizen { .. } => return Err(StoreError::Forbidden),
        };
        // PostgreSQL: only transactions that have all finished (see the migration).
        let finished = match self.inner.backend {
            Backend::Postgres => {
                "AND e.tx < (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint)"
            }
            Backend::Sqlite => "",
        };
        let limit = limit.clamp(1, MAX_PAGE);
        let events = sqlx::query(&format!(
            "SELECT e.id, e.tx, e.meeting_id, e.citizen_id, e.kind, e.at, e.facts FROM call_in_events e \
             WHERE (e.tx > $1 OR (e.tx = $1 AND e.id > $2)) AND {scope} {finished} \
             ORDER BY e.tx, e.id LIMIT {limit}"
        ))
        .bind(tx)
        .bind(id)
        .bind(org)
        .fetch_all(&self.inner.read)
        .await?
        .iter()
        .map(from_row)
        .collect::<Result<Vec<_>, _>>()?;
        let now = self.now_micros();
        let mut seen = std::collections::HashSet::new();
        self.log_reads(
            events
                .iter()
                .filter(|e| seen.insert(e.citizen_id.clone()))
                .map(|e| AuditEntry::new(now, actor, &e.citizen_id, AuditAction::CallInsExported))
                .collect(),
        )
        .await?;
        Ok(events)
    }
}
