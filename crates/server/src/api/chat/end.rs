//! Ending a chat: either side. Staff say whether it was a conversation, which counts it as a
//! contact by chat.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::ToSchema;

use super::ChatJson;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson, ApiPath};

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EndChat {
    /// Staff: the chat was a conversation about the citizen's job search (counted as a
    /// contact by chat). Ignored for the citizen.
    #[serde(default)]
    pub conversation: bool,
}

/// Ends the chat (the citizen whose it is, or staff of the organisation); ending an ended
/// chat changes nothing. Others: 404.
#[utoipa::path(
    post, path = "/chats/{id}/end", tag = "chat",
    params(("id" = String, Path)),
    request_body = EndChat,
    security(("bearer" = [])),
    responses((status = 200, body = ChatJson), (status = 404, body = crate::error::Problem))
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::ChatId>,
    ApiJson(body): ApiJson<EndChat>,
) -> Result<Json<ChatJson>, ApiError> {
    let chat = state.store.end_chat(&actor, &id, body.conversation).await?;
    Ok(Json(chat.into()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HandOver {
    /// The colleague (staff id) of the same organisation, on chat duty, who takes it over.
    pub to: String,
}

/// Hands the signed-in staff member's open chat to a colleague on duty (the citizen's own
/// caseworker, say). 409 `not_on_duty` / `chat_limit` for the colleague; 404 for a chat the
/// caller does not hold; 422 `to` for an id that is none.
#[utoipa::path(
    post, path = "/chats/{id}/handover", tag = "chat",
    params(("id" = String, Path)),
    request_body = HandOver,
    security(("bearer" = [])),
    responses(
        (status = 200, body = ChatJson),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn hand_over(
    State(state): State<AppState>,
    crate::extract::StaffActor(actor): crate::extract::StaffActor,
    ApiPath(id): ApiPath<domain::ChatId>,
    ApiJson(body): ApiJson<HandOver>,
) -> Result<Json<ChatJson>, ApiError> {
    let mut f = crate::validate::Fields::default();
    let to = f.required("to", Some(body.to.as_str()), domain::StaffId::try_from);
    let to = f.finish(|| to)?;
    let chat = state.store.hand_over_chat(&actor, &id, &to).await?;
    Ok(Json(chat.into()))
}
