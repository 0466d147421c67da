use axum::Json;
use axum::extract::State;

use super::ThreadJson;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiPath, StaffActor};

/// Takes the thread on ("tildel til mig"): the signed-in member of the thread's organisation
/// answers it. 404 when there is no thread yet.
#[utoipa::path(
    post, path = "/citizens/{id}/messages/assign", tag = "messages",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ThreadJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
) -> Result<Json<ThreadJson>, ApiError> {
    let thread = state.store.assign_thread(&actor, &id).await?;
    Ok(Json(thread.into()))
}
