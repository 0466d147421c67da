use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::ToSchema;

use super::create::text;
use crate::AppState;
use crate::api::json::MeetingJson;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson, ApiPath};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CancelMeeting {
    /// Why (afbud), shown to the other side.
    #[schema(required = true)]
    pub reason: Option<String>,
}

/// Cancels a booked meeting that has not begun; records who, why and whether it was late. The
/// slot is free again.
#[utoipa::path(
    post, path = "/meetings/{id}/cancel", tag = "meetings",
    params(("id" = String, Path)),
    request_body = CancelMeeting,
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
    ApiJson(body): ApiJson<CancelMeeting>,
) -> Result<Json<MeetingJson>, ApiError> {
    let mut f = Fields::default();
    let reason = text(&mut f, "reason", body.reason.as_deref(), 500);
    let reason = f.finish(|| reason)?.ok_or_else(|| {
        ApiError::Validation(vec![domain::FieldError::new(
            "reason",
            domain::Invalid::Required,
        )])
    })?;
    let meeting = state.store.cancel_meeting(&actor, &id, &reason).await?;
    Ok(Json(MeetingJson::new(meeting, &state.config.public_url)))
}
