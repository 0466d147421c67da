use axum::Json;
use axum::extract::State;
use domain::Channel;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::MeetingJson;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson, ApiPath};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct MoveMeeting {
    #[schema(required = true)]
    pub slot_id: Option<String>,
    /// Another channel at the same time; default the meeting's own.
    #[schema(value_type = Option<Channel>)]
    pub channel: Option<String>,
}

/// Moves a meeting to another free slot: the same meeting (same `id`) at the new time, or a
/// refusal (409 `slot_taken`, 422 `channel_not_allowed`, …) and the meeting unchanged.
#[utoipa::path(
    post, path = "/meetings/{id}/move", tag = "meetings",
    params(("id" = String, Path)),
    request_body = MoveMeeting,
    security(("bearer" = [])),
    responses(
        (status = 200, body = MeetingJson),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::MeetingId>,
    ApiJson(body): ApiJson<MoveMeeting>,
) -> Result<Json<MeetingJson>, ApiError> {
    let mut f = Fields::default();
    let slot_id = f.required("slot_id", body.slot_id.as_deref(), domain::SlotId::try_from);
    let channel = f.optional("channel", body.channel.as_deref(), Channel::try_from);
    let (slot_id, channel) = f.finish(|| Some((slot_id?, channel?)))?;
    let meeting = state
        .store
        .move_meeting(&actor, &id, &slot_id, channel)
        .await?;
    Ok(Json(MeetingJson::new(meeting, &state.config.public_url)))
}
