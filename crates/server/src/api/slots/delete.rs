use axum::extract::State;
use axum::http::StatusCode;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiPath, StaffActor};

/// Withdraws one of the signed-in staff member's free slots. A booked slot: 409 `slot_taken`
/// (cancel the meeting first); someone else's or unknown: 404.
#[utoipa::path(
    delete, path = "/slots/{id}", tag = "meetings",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 204),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(id): ApiPath<domain::SlotId>,
) -> Result<StatusCode, ApiError> {
    state.store.delete_slot(&actor, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
