//! Who is calling. The API takes `Authorization: Bearer <token>`; pages use the same token in the
//! `ju_session` cookie. An unknown or expired token is 401, like a missing one.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use domain::Actor;
use store::StoreError;

use crate::AppState;
use crate::error::ApiError;

pub const SESSION_COOKIE: &str = "ju_session";

/// The authenticated actor of an API request.
pub struct ApiActor(pub Actor);

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer_or_cookie_token(parts, false).ok_or(ApiError::Unauthorized)?;
        match state.store.actor_for_token(&token).await {
            Ok(actor) => Ok(ApiActor(actor)),
            Err(StoreError::NotFound) => Err(ApiError::Unauthorized),
            Err(e) => Err(e.into()),
        }
    }
}

/// The bearer token, or (when `cookie` is true) the session cookie.
pub fn bearer_or_cookie_token(parts: &Parts, cookie: bool) -> Option<String> {
    if let Some(value) = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        let token = value
            .strip_prefix("Bearer ")
            .map(str::trim)
            .filter(|t| !t.is_empty())?;
        return Some(token.to_owned());
    }
    if !cookie {
        return None;
    }
    cookie_value(parts, SESSION_COOKIE)
}

/// One cookie's value from the Cookie headers.
pub fn cookie_value(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// An authenticated administrator; anyone else signed in gets 403.
pub struct AdminActor(pub Actor);

impl FromRequestParts<AppState> for AdminActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let ApiActor(actor) = ApiActor::from_request_parts(parts, state).await?;
        match actor {
            Actor::Admin { .. } => Ok(AdminActor(actor)),
            _ => Err(ApiError::Forbidden),
        }
    }
}

/// An authenticated member of staff (any role); citizens get 403.
pub struct StaffActor(pub Actor);

impl FromRequestParts<AppState> for StaffActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let ApiActor(actor) = ApiActor::from_request_parts(parts, state).await?;
        if actor.is_staff() {
            Ok(StaffActor(actor))
        } else {
            Err(ApiError::Forbidden)
        }
    }
}
