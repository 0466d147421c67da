use axum::extract::State;
use axum::http::StatusCode;

use super::ThreadParams;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiPath, ApiQuery};

/// Marks the thread read by the caller (the citizen, or the organisation's staff): the other
/// side's read receipt. Reading the thread (`GET`) does not: a look changes nothing.
#[utoipa::path(
    post, path = "/citizens/{id}/messages/read", tag = "messages",
    params(("id" = String, Path), ThreadParams),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "marked read"),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
    ApiQuery(params): ApiQuery<ThreadParams>,
) -> Result<StatusCode, ApiError> {
    let requested = params.holder()?;
    state
        .store
        .mark_conversation_read(&actor, &id, requested)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
