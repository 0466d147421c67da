use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::ToSchema;

use super::AvailabilityNoticeJson;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, StaffActor};

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct WithdrawNotice {
    /// The excuse that arrived later; required (422 `reason_required`).
    #[schema(required = true)]
    pub reason: Option<String>,
}

/// Withdraws a notice because the citizen's reasonable excuse arrived later; the excuse is
/// recorded on the meeting too. Staff of the organisation that sent it, or administrators
/// (the other organisation: 403; a citizen the caller may not see: 404); a second time: 409
/// `notice_withdrawn`.
#[utoipa::path(
    post, path = "/availability-notices/{id}/withdraw", tag = "meetings",
    params(("id" = String, Path)),
    request_body = WithdrawNotice,
    security(("bearer" = [])),
    responses(
        (status = 200, body = AvailabilityNoticeJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(id): ApiPath<domain::NoticeId>,
    ApiJson(body): ApiJson<WithdrawNotice>,
) -> Result<Json<AvailabilityNoticeJson>, ApiError> {
    let notice = state
        .store
        .withdraw_availability_notice(&actor, &id, body.reason.as_deref().unwrap_or_default())
        .await?;
    Ok(Json(notice.into()))
}
