use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use store::StoreError;
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::ApiJson;

#[derive(Debug, Deserialize, ToSchema)]
pub struct SessionRequest {
    /// An existing login, staff or citizen; the demo always has `admin`.
    #[schema(required = true, example = "admin")]
    pub login: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionToken {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
}

/// Signs in a demo user without a password.
#[utoipa::path(
    post, path = "/dev/session", tag = "demo",
    request_body = SessionRequest,
    responses(
        (status = 200, body = SessionToken),
        (status = 401, description = "unknown_login", body = crate::error::Problem),
        (status = 404, description = "Not in demo mode", body = crate::error::Problem),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<SessionRequest>,
) -> Result<Json<SessionToken>, ApiError> {
    let login = body.login.unwrap_or_default();
    match state
        .store
        .start_session(login.trim(), state.config.session_ttl)
        .await
    {
        Ok(session) => Ok(Json(SessionToken {
            token: session.token,
        })),
        Err(StoreError::NotFound) => Err(ApiError::UnknownLogin),
        Err(e) => Err(e.into()),
    }
}
