use axum::Json;
use axum::extract::State;
use domain::Role;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiPath};
use crate::i18n::{Lang, audit_action};
use crate::time_fmt::rfc3339;

#[derive(Debug, Serialize, ToSchema)]
pub struct AccessLog {
    /// Newest first.
    pub entries: Vec<AccessLogEntry>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccessLogEntry {
    #[schema(example = "2026-03-02T09:00:00+01:00")]
    pub at: String,
    pub actor_name: String,
    pub actor_role: Role,
    /// Stable code, e.g. `citizen.read`, `citizen.updated`.
    pub action: String,
    /// The action in Danish, as the citizen reads it.
    pub action_text: String,
}

/// Who has read or changed this citizen's data (the citizen themself, or an admin).
#[utoipa::path(
    get, path = "/citizens/{id}/access-log", tag = "privacy",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, body = AccessLog),
        (status = 403, description = "Staff who can see the citizen", body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
) -> Result<Json<AccessLog>, ApiError> {
    let entries = state.store.access_log(&actor, &id, 1000).await?;
    Ok(Json(AccessLog {
        entries: entries
            .into_iter()
            .map(|e| AccessLogEntry {
                at: rfc3339(e.at),
                actor_name: e.actor_name,
                actor_role: e.actor_role,
                action: e.action.as_str().to_owned(),
                action_text: audit_action(Lang::Da, e.action).to_owned(),
            })
            .collect(),
    }))
}
