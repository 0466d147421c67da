use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::AvailabilityNoticeJson;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::StaffActor;

#[derive(Debug, Serialize, ToSchema)]
pub struct AvailabilityNoticesJson {
    pub notices: Vec<AvailabilityNoticeJson>,
}

/// The signed-in staff member's "Underretninger", newest first: an a-kasse's staff get their
/// members' (`a_kasse`), a municipality's managers and the staff of its benefits team the
/// cash-benefit ones (`benefits_office`), administrators all; anyone else 403. Every citizen
/// listed is in their access log.
#[utoipa::path(
    get, path = "/availability-notices", tag = "meetings",
    security(("bearer" = [])),
    responses(
        (status = 200, body = AvailabilityNoticesJson),
        (status = 403, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
) -> Result<Json<AvailabilityNoticesJson>, ApiError> {
    let notices = state.store.availability_notices(&actor).await?;
    Ok(Json(AvailabilityNoticesJson {
        notices: notices.into_iter().map(Into::into).collect(),
    }))
}
