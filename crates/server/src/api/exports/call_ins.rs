use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiQuery, StaffActor};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CallInsQuery {
    /// The `next` of the previous page; from the beginning without it.
    pub after: Option<String>,
    /// Events per page, 1–1000 (default 500).
    pub limit: Option<String>,
}

/// One call-in or change to it, with the facts of BEK nr. 442 af 26. maj 2023 § 20, stk. 1
/// as they were right after it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CallInEventJson {
    pub id: String,
    /// `called_in`, `moved`, `cancelled`, `held`, `no_show` or `absence_accepted`.
    #[schema(value_type = String)]
    pub kind: store::CallInEventKind,
    pub meeting_id: String,
    /// Nr. 1: the citizen (our id; the CPR number is not stored).
    pub citizen_id: String,
    #[schema(value_type = String)]
    pub at: String,
    /// Nr. 2-13.
    #[schema(value_type = Object)]
    pub facts: store::CallInFacts,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CallInEventsJson {
    pub events: Vec<CallInEventJson>,
    /// Where to continue (`after=`): the last event's cursor, or the one asked with when
    /// nothing new has arrived. Stable while others write.
    pub next: Option<String>,
}

/// The call-in feed for the national data hub (BEK nr. 442/2023 § 20, stk. 2-3: every
/// call-in and every change to it is reported): oldest first, in pages behind an opaque
/// cursor. Staff read their own organisation's call-ins, administrators all (citizens: 403).
/// A malformed `after` or `limit`: 422 naming it. Every citizen in a page is in their access
/// log (`call_ins.exported`).
#[utoipa::path(
    get, path = "/exports/call-ins", tag = "meetings",
    params(CallInsQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, body = CallInEventsJson),
        (status = 403, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiQuery(q): ApiQuery<CallInsQuery>,
) -> Result<Json<CallInEventsJson>, ApiError> {
    let mut f = Fields::default();
    let limit = match q.limit.as_deref() {
        None => Some(500),
        Some(raw) => f.check(
            "limit",
            raw.trim()
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=store::MAX_EXPORT_PAGE).contains(n))
                .ok_or(domain::Invalid::OutOfRange),
        ),
    };
    let limit = f.finish(|| limit)?;
    let events = state
        .store
        .call_in_events(&actor, q.after.as_deref(), limit)
        .await?;
    let next = events.last().map(|e| e.cursor.clone()).or(q.after);
    Ok(Json(CallInEventsJson {
        next,
        events: events
            .into_iter()
            .map(|e| CallInEventJson {
                id: e.id,
                kind: e.kind,
                meeting_id: e.meeting_id.into(),
                citizen_id: e.citizen_id.into(),
                at: crate::time_fmt::rfc3339(e.at),
                facts: e.facts,
            })
            .collect(),
    }))
}
