//! The citizen's side: is the chat open, where am I in the queue, start one.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use super::{AvailabilityJson, ChatJson};
use crate::AppState;
use crate::api::messages::ThreadParams;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiPath, ApiQuery};

/// The chat of a thread: whether it is open, and the thread's open chat with its place in the
/// queue and expected wait.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChatStateJson {
    pub availability: AvailabilityJson,
    pub chat: Option<ChatJson>,
    /// 1 = next, while waiting.
    pub position: Option<u32>,
    /// Whole minutes, rounded up, while waiting.
    pub expected_wait_minutes: Option<i64>,
}

/// The citizen's chat in the thread (`?thread=a_kasse` for the a-kasse's); staff of the
/// organisation see it too. Others: 404.
#[utoipa::path(
    get, path = "/citizens/{id}/chat", tag = "chat",
    params(("id" = String, Path), ThreadParams),
    security(("bearer" = [])),
    responses((status = 200, body = ChatStateJson), (status = 404, body = crate::error::Problem))
)]
pub async fn show(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
    ApiQuery(params): ApiQuery<ThreadParams>,
) -> Result<Json<ChatStateJson>, ApiError> {
    let s = state
        .store
        .chat_state(&actor, &id, params.holder()?)
        .await?;
    Ok(Json(ChatStateJson {
        availability: s.availability.into(),
        chat: s.chat.map(ChatJson::from),
        position: s.position,
        expected_wait_minutes: s.expected_wait.map(|w| (w.as_secs() + 59).div_euclid(60)),
    }))
}

/// The citizen starts a chat: 201 and queued. 409 `chat_exists` (with `chat_id`) when one is
/// open already, 409 `chat_closed` outside opening hours or with nobody on duty (write a
/// message instead). Staff and administrators: 403.
#[utoipa::path(
    post, path = "/citizens/{id}/chat", tag = "chat",
    params(("id" = String, Path), ThreadParams),
    security(("bearer" = [])),
    responses(
        (status = 201, body = ChatJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
    )
)]
pub async fn start(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
    ApiQuery(params): ApiQuery<ThreadParams>,
) -> Result<(StatusCode, Json<ChatJson>), ApiError> {
    match state
        .store
        .start_chat(&actor, &id, params.holder()?)
        .await?
    {
        store::Started::New(chat) => Ok((StatusCode::CREATED, Json(chat.into()))),
        store::Started::Existing(chat) => Err(ApiError::ChatExists(chat.id.into())),
    }
}
