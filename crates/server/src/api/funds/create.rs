use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::{FundCode, OrgName};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::OrgJson;
use crate::error::ApiError;
use crate::extract::{AdminActor, ApiJson};
use crate::validate::Fields;

#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateFund {
    /// Short code of the fund.
    #[schema(required = true, example = "3F")]
    pub code: Option<String>,
    #[schema(required = true, example = "3F A-kasse")]
    pub name: Option<String>,
}

/// Registers an unemployment fund (admin).
#[utoipa::path(
    post, path = "/api/v1/unemployment-funds", tag = "organisations",
    request_body = CreateFund,
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
    ApiJson(body): ApiJson<CreateFund>,
) -> Result<(StatusCode, Json<OrgJson>), ApiError> {
    let mut f = Fields::default();
    let code = f.required("code", body.code.as_deref(), FundCode::try_from);
    let name = f.required("name", body.name.as_deref(), OrgName::try_from);
    let (code, name) = f.finish(|| Some((code?, name?)))?;
    let org = state.store.create_fund(&actor, &code, &name).await?;
    Ok((StatusCode::CREATED, Json(org.into())))
}
