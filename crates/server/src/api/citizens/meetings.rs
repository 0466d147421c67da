use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::MeetingJson;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiPath};

#[derive(Debug, Serialize, ToSchema)]
pub struct Meetings {
    pub meetings: Vec<MeetingJson>,
}

/// A citizen's meetings, earliest first, cancelled ones included.
#[utoipa::path(
    get, path = "/citizens/{id}/meetings", tag = "meetings",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, body = Meetings),
        (status = 404, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
) -> Result<Json<Meetings>, ApiError> {
    let meetings = state.store.citizen_meetings(&actor, &id).await?;
    let url = &state.config.public_url;
    Ok(Json(Meetings {
        meetings: meetings
            .into_iter()
            .map(|m| MeetingJson::new(m, url))
            .collect(),
    }))
}
