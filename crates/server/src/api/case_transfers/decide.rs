use axum::Json;
use axum::extract::State;

use super::create::TransferJson;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiPath, StaffActor};

/// The municipality holding the case (or an administrator) accepts: the case moves, without a
/// caseworker yet. 404 for anyone else; 409 `transfer_decided` when it is decided already.
#[utoipa::path(
    post, path = "/case-transfers/{id}/accept", tag = "citizens",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, body = TransferJson),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
    )
)]
pub async fn accept(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(id): ApiPath<domain::TransferId>,
) -> Result<Json<TransferJson>, ApiError> {
    answer(&state, &actor, id, true).await
}

/// The municipality holding the case (or an administrator) declines; the case stays.
#[utoipa::path(
    post, path = "/case-transfers/{id}/decline", tag = "citizens",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, body = TransferJson),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
    )
)]
pub async fn decline(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(id): ApiPath<domain::TransferId>,
) -> Result<Json<TransferJson>, ApiError> {
    answer(&state, &actor, id, false).await
}

async fn answer(
    state: &AppState,
    actor: &domain::Actor,
    id: domain::TransferId,
    accept: bool,
) -> Result<Json<TransferJson>, ApiError> {
    state.store.decide_transfer(actor, &id, accept).await?;
    let status = if accept { "accepted" } else { "declined" };
    Ok(Json(TransferJson {
        id: id.into(),
        status: status.into(),
    }))
}
