use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::MunicipalityCode;

use crate::AppState;
use crate::api::json::{CreateOrg, OrgJson};
use crate::error::ApiError;
use crate::extract::{AdminActor, ApiJson};

/// Registers a municipality (admin).
#[utoipa::path(
    post, path = "/municipalities", tag = "organisations",
    request_body = CreateOrg,
    security(("bearer" = [])),
    responses(
        (status = 201, body = OrgJson),
        (status = 409, description = "already_exists", body = crate::error::Problem),
        (status = 422, description = "validation_failed", body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    AdminActor(actor): AdminActor,
    ApiJson(body): ApiJson<CreateOrg>,
) -> Result<(StatusCode, Json<OrgJson>), ApiError> {
    let (code, name, contact) = body.parse(MunicipalityCode::try_from)?;
    let org = state
        .store
        .create_municipality(&actor, &code, &name, &contact)
        .await?;
    Ok((StatusCode::CREATED, Json(org.into())))
}
