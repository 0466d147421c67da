//! The demo's clock, for the browser tests: read it, or set it to a moment from where it runs
//! on, so a test reaches a meeting's start without waiting for the wall clock. Exists only in
//! demo mode (`api::routes(demo)`), like `dev/session`.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::ApiJson;

#[derive(Debug, Deserialize, ToSchema)]
pub struct SetClock {
    /// The moment the clock is to show, RFC 3339.
    #[schema(required = true, example = "2026-12-07T09:00:00+01:00")]
    pub now: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClockJson {
    /// What the server's clock shows, RFC 3339 with the Copenhagen offset.
    pub now: String,
}

fn shown(state: &AppState) -> Json<ClockJson> {
    Json(ClockJson {
        now: crate::time_fmt::rfc3339(state.store.now()),
    })
}

/// The demo server's clock.
#[utoipa::path(
    get, path = "/dev/clock", tag = "demo",
    responses(
        (status = 200, body = ClockJson),
        (status = 404, description = "Not in demo mode", body = crate::error::Problem),
    )
)]
pub async fn show(State(state): State<AppState>) -> Json<ClockJson> {
    shown(&state)
}

/// Sets the demo server's clock; it runs on from there.
#[utoipa::path(
    post, path = "/dev/clock", tag = "demo",
    request_body = SetClock,
    responses(
        (status = 200, body = ClockJson),
        (status = 422, description = "validation_failed", body = crate::error::Problem),
        (status = 404, description = "Not in demo mode", body = crate::error::Problem),
    )
)]
pub async fn set(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<SetClock>,
) -> Result<Json<ClockJson>, ApiError> {
    let at = body
        .now
        .as_deref()
        .ok_or(domain::Invalid::Required)
        .and_then(|s| {
            s.parse::<jiff::Timestamp>()
                .map_err(|_| domain::Invalid::BadFormat)
        })
        .map_err(|problem| ApiError::Validation(vec![domain::FieldError::new("now", problem)]))?;
    state.store.set_clock(at);
    Ok(shown(&state))
}
