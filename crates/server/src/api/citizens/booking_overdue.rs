use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use crate::AppState;
use crate::api::availability_notices::AvailabilityNoticeJson;
use crate::error::ApiError;
use crate::extract::{ApiPath, StaffActor};

/// A missed self-booking deadline: an insured citizen who must book themself has a
/// conversation of the caller's organisation past its deadline and not booked (worklist
/// `booking_overdue`). Sends the availability notice (`kind: booking_overdue`) to the citizen's
/// a-kasse and tells the citizen in their thread. Nothing missed: 409 `no_booking_overdue`;
/// already sent for that conversation: 409 `notice_exists`; citizens and administrators: 403.
#[utoipa::path(
    post, path = "/citizens/{id}/booking-overdue-notice", tag = "contact plan",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 201, body = AvailabilityNoticeJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
) -> Result<(StatusCode, Json<AvailabilityNoticeJson>), ApiError> {
    let notice =
        crate::use_cases::booking_overdue::notify(&state.store, &state.config.rules, &actor, &id)
            .await?;
    Ok((StatusCode::CREATED, Json(notice.into())))
}
