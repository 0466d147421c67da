use axum::Json;
use axum::extract::State;

use crate::AppState;
use crate::api::json::MeetingJson;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiPath};

/// One meeting, for its citizen and staff who may see the citizen.
#[utoipa::path(
    get, path = "/meetings/{id}", tag = "meetings",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = MeetingJson), (status = 404, body = crate::error::Problem))
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::MeetingId>,
) -> Result<Json<MeetingJson>, ApiError> {
    let meeting = state.store.meeting(&actor, &id).await?;
    Ok(Json(MeetingJson::new(meeting, &state.config.public_url)))
}
