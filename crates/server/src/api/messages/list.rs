use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::{MessageJson, ThreadJson, ThreadParams};
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiPath, ApiQuery};

#[derive(Debug, Serialize, ToSchema)]
pub struct MessagesJson {
    /// Oldest first.
    pub messages: Vec<MessageJson>,
    /// `null` until the first message.
    pub thread: Option<ThreadJson>,
}

/// The thread with the citizen, oldest message first. Reading it changes nothing; the reader
/// marks it read with `POST …/messages/read` (the other side's read receipt).
#[utoipa::path(
    get, path = "/citizens/{id}/messages", tag = "messages",
    params(("id" = String, Path), ThreadParams),
    security(("bearer" = [])),
    responses(
        (status = 200, body = MessagesJson),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
    ApiQuery(params): ApiQuery<ThreadParams>,
) -> Result<Json<MessagesJson>, ApiError> {
    let requested = params.holder()?;
    let c = state.store.conversation(&actor, &id, requested).await?;
    Ok(Json(MessagesJson {
        messages: c.messages.into_iter().map(MessageJson::from).collect(),
        thread: c.thread.map(ThreadJson::from),
    }))
}
