use axum::Json;
use axum::extract::State;

use crate::AppState;
use crate::api::json::CitizenJson;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiPath};

/// Reads a citizen. Staff of another municipality or fund get 404; every read by someone other
/// than the citizen is in the citizen's access log before the answer is sent.
#[utoipa::path(
    get, path = "/citizens/{id}", tag = "citizens",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, body = CitizenJson),
        (status = 404, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
) -> Result<Json<CitizenJson>, ApiError> {
    Ok(Json(state.store.citizen(&actor, &id).await?.into()))
}
