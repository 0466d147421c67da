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
