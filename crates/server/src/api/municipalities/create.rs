use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::{MunicipalityCode, OrgName};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::OrgJson;
use crate::error::ApiError;
use crate::extract::{AdminActor, ApiJson};
use crate::validate::Fields;

#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateMunicipality {
    /// Four-digit municipality code.
    #[schema(required = true, example = "0851")]
    pub code: Option<String>,
    #[schema(required = true, example = "Aalborg")]
    pub name: Option<String>,
}

/// Registers a municipality (admin).
#[utoipa::path(
    post, path = "/api/v1/municipalities", tag = "organisations",
    request_body = CreateMunicipality,
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
    ApiJson(body): ApiJson<CreateMunicipality>,
) -> Result<(StatusCode, Json<OrgJson>), ApiError> {
    let mut f = Fields::default();
    let code = f.required("code", body.code.as_deref(), MunicipalityCode::try_from);
    let name = f.required("name", body.name.as_deref(), OrgName::try_from);
    let (code, name) = f.finish(|| Some((code?, name?)))?;
    let org = state
        .store
        .create_municipality(&actor, &code, &name)
        .await?;
    Ok((StatusCode::CREATED, Json(org.into())))
}
