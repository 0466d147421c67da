//! The staff side: going on duty, the queue, taking the next chat.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{AvailabilityJson, ChatJson};
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, StaffActor};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// `true`: "på chat"; `false`: "ikke på chat".
    pub on_duty: bool,
}

/// The signed-in staff member goes on chat duty or off it. Being on duty lasts while they use
/// the chat (the queue, taking chats, an open chat's page); after five minutes without, it
/// lapses (`store::DUTY_STALE`). Others: 403.
#[utoipa::path(
    put, path = "/chat/duty", tag = "chat",
    request_body = Duty,
    security(("bearer" = [])),
    responses((status = 204, description = "set"), (status = 403, body = crate::error::Problem))
)]
pub async fn duty(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiJson(body): ApiJson<Duty>,
) -> Result<StatusCode, ApiError> {
    state.store.set_chat_duty(&actor, body.on_duty).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes the next chat for the signed-in staff member: their own citizens first, then the
/// oldest not held for another caseworker on duty. 200 with it; 204 when none is for them;
/// 409 `not_on_duty`, `chat_limit` (three open at once).
#[utoipa::path(
    post, path = "/chat/next", tag = "chat",
    security(("bearer" = [])),
    responses(
        (status = 200, body = ChatJson),
        (status = 204, description = "no chat waits for this staff member"),
        (status = 409, body = crate::error::Problem),
    )
)]
pub async fn next(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
) -> Result<Response, ApiError> {
    Ok(match state.store.take_next_chat(&actor).await? {
        Some(chat) => Json(ChatJson::from(chat)).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QueuedJson {
    pub chat: ChatJson,
    pub citizen_name: String,
    /// The signed-in staff member is the citizen's own caseworker.
    pub yours: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QueueJson {
    pub on_duty: bool,
    pub on_duty_count: u32,
    pub availability: AvailabilityJson,
    /// Waiting, oldest first.
    pub waiting: Vec<QueuedJson>,
    /// The signed-in staff member's open chats.
    pub mine: Vec<QueuedJson>,
}

/// The organisation's chat queue as the signed-in staff member sees it; each citizen listed is
/// in their access log.
#[utoipa::path(
    get, path = "/chat/queue", tag = "chat",
    security(("bearer" = [])),
    responses((status = 200, body = QueueJson), (status = 403, body = crate::error::Problem))
)]
pub async fn queue(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
) -> Result<Json<QueueJson>, ApiError> {
    let q = state.store.staff_chats(&actor).await?;
    Ok(Json(QueueJson {
        on_duty: q.on_duty,
        on_duty_count: q.on_duty_count,
        availability: q.availability.into(),
        waiting: q
            .waiting
            .into_iter()
            .map(|w| QueuedJson {
                yours: w.mine,
                citizen_name: w.citizen_name,
                chat: w.chat.into(),
            })
            .collect(),
        mine: q
            .mine
            .into_iter()
            .map(|(chat, name)| QueuedJson {
                chat: chat.into(),
                citizen_name: name,
                yours: true,
            })
            .collect(),
    }))
}
