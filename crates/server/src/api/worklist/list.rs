use axum::Json;
use axum::extract::State;
use domain::contact_plan::{Paging, WorkReason};
use domain::{TargetGroup, Track};
use serde::{Deserialize, Serialize};
use store::WorklistQuery;
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiQuery, StaffActor};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WorklistParams {
    pub target_group: Option<String>,
    pub track: Option<String>,
    pub reason: Option<String>,
    /// The page, from 1 (default 1).
    pub page: Option<String>,
    /// Items per page, 1–500 (default 50).
    pub per_page: Option<String>,
}

impl WorklistParams {
    /// Each filter parsed by the domain; an unknown value is 422 naming the parameter.
    pub fn parse(&self) -> Result<WorklistQuery, Vec<domain::FieldError>> {
        let mut f = Fields::default();
        let target_group = f.optional(
            "target_group",
            self.target_group.as_deref(),
            TargetGroup::try_from,
        );
        let track = f.optional("track", self.track.as_deref(), Track::try_from);
        let reason = f.optional("reason", self.reason.as_deref(), WorkReason::try_from);
        let page = f.optional("page", self.page.as_deref(), Paging::page);
        let per_page = f.optional("per_page", self.per_page.as_deref(), Paging::per_page);
        f.finish(|| {
            let default = Paging::default();
            Some(WorklistQuery {
                target_group: target_group?,
                track: track?,
                reason: reason?,
                page: Paging {
                    number: page?.unwrap_or(default.number),
                    per_page: per_page?.unwrap_or(default.per_page),
                },
            })
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkItemJson {
    pub citizen_id: String,
    pub reason: WorkReason,
    /// When the reason began to apply, RFC 3339.
    #[schema(value_type = String)]
    pub since: String,
    pub citizen_name: String,
    pub target_group: TargetGroup,
    pub track: Option<Track>,
    pub caseworker_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseworkerLoadJson {
    pub caseworker_id: String,
    pub name: String,
    pub citizens: usize,
    pub items: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorklistJson {
    /// The page asked for, most urgent first: by reason (in the order of `reason`'s values),
    /// then oldest first.
    pub items: Vec<WorkItemJson>,
    /// Items on all pages (with the filters applied).
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    /// How many pages there are (at least 1).
    pub pages: usize,
    /// Managers: each caseworker's citizens and worklist items. Caseworkers: empty.
    pub caseworkers: Vec<CaseworkerLoadJson>,
}

impl WorklistJson {
    fn new(w: store::Worklist, page: Paging) -> Self {
        Self {
            total: w.total,
            page: page.number,
            per_page: page.per_page,
            pages: page.pages(w.total),
            items: w
                .entries
                .into_iter()
                .map(|e| WorkItemJson {
                    since: crate::time_fmt::rfc3339(e.since),
                    citizen_id: e.citizen_id.into(),
                    reason: e.reason,
                    citizen_name: e.citizen_name,
                    target_group: e.target_group,
                    track: e.track,
                    caseworker_id: e.caseworker_id,
                })
                .collect(),
            caseworkers: w
                .loads
                .into_iter()
                .map(|l| CaseworkerLoadJson {
                    caseworker_id: l.caseworker_id,
                    name: l.name,
                    citizens: l.citizens,
                    items: l.items,
                })
                .collect(),
        }
    }
}

/// The signed-in caseworker's worklist (citizens assigned to them), or a manager's (their
/// municipality or fund, with unassigned citizens and each caseworker's counts), most urgent
/// first, in pages (`page`, `per_page`; 50 by default): only the citizens on the page are
/// logged as read. Filters: `target_group`, `track`, `reason`. A page number or size that is
/// none: 422 naming it. Citizens and administrators: 403.
#[utoipa::path(
    get, path = "/worklist", tag = "contact plan",
    params(WorklistParams),
    security(("bearer" = [])),
    responses(
        (status = 200, body = WorklistJson),
        (status = 403, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiQuery(params): ApiQuery<WorklistParams>,
) -> Result<Json<WorklistJson>, ApiError> {
    let query = params.parse()?;
    let list = state
        .store
        .worklist(&actor, &state.config.rules, &query)
        .await?;
    Ok(Json(WorklistJson::new(list, query.page)))
}
