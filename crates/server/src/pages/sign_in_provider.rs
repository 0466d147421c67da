//! `GET /logind/{provider}` sends the browser to the identity provider; `GET
//! /logind/{provider}/svar` is where it comes back (`crate::sign_in` has the protocol). Every
//! failure lands on the sign-in page with a message saying what to do, never on an error page,
//! and starts no session.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use store::StoreError;

use super::PageError;
use super::context::{Viewer, local_path};
use super::signin::{session_cookie, sign_in_page, with_cookie};
use crate::AppState;
use crate::extract::cookie_value;
use crate::sign_in::{ATTEMPT_TTL, Audience, Identity, SignInError};

/// Ties the provider's answer to the browser that asked (against login CSRF: someone else's
/// answer pasted into your browser would sign you in as them).
const ATTEMPT_COOKIE: &str = "ju_signin";

/// `Secure` whenever the session cookie is (reached over HTTPS, as in `serve`).
fn attempt_cookie(config: &crate::ServerConfig, state: &str, max_age: u64) -> String {
    let secure = if config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{ATTEMPT_COOKIE}={state}; Path=/logind; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    )
}

/// `GET /logind/{provider}?tilbage=/borger/samtaler` (where to go once signed in, optional)
pub async fn start(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let Some(provider) = state.providers.get(&slug) else {
        return Err(viewer.error(PageError::NotFound));
    };
    let back = q
        .get("tilbage")
        .and_then(|b| local_path(b))
        .map(str::to_owned);
    if !state.sign_in_budget.take() {
        return failed(&state, &viewer, &SignInError::Busy).await;
    }
    let begun = match provider.begin(back).await {
        Ok(begun) => begun,
        Err(e) => return failed(&state, &viewer, &e).await,
    };
    state
        .store
        .begin_sign_in(&begun.state, &begun.attempt, ATTEMPT_TTL)
        .await
        .map_err(|e| viewer.error(e))?;
    let cookie = attempt_cookie(&state.config, &begun.state, ATTEMPT_TTL.as_secs());
    Ok(with_cookie(
        Redirect::to(&begun.url).into_response(),
        &cookie,
    ))
}

/// `GET /logind/{provider}/svar?code=…&state=…` (or `?error=…&state=…`)
pub async fn callback(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    parts: axum::http::request::Parts,
) -> Result<Response, PageError> {
    let Some(provider) = state.providers.get(&slug) else {
        return Err(viewer.error(PageError::NotFound));
    };
    let from_browser = cookie_value(&parts, ATTEMPT_COOKIE);
    let outcome = async {
        let given = q.get("state").ok_or(SignInError::Expired)?;
        if from_browser.as_deref() != Some(given.as_str()) {
            return Err(SignInError::Expired);
        }
        // Taken (deleted) before anything else, so this answer cannot be used twice.
        let attempt = match state.store.take_sign_in(given).await {
            Ok(a) if a.provider == slug => a,
            Ok(_) | Err(StoreError::NotFound) => return Err(SignInError::Expired),
            Err(e) => return Err(SignInError::Unavailable(e.to_string())),
        };
        if let Some(error) = q.get("error") {
            // RFC 6749 §4.1.2.1: only `access_denied` is the person saying no.
            return Err(match error.as_str() {
                "access_denied" => SignInError::Cancelled(error.clone()),
                "server_error" | "temporarily_unavailable" => {
                    SignInError::Unavailable(format!("provider answered {error}"))
                }
                _ => SignInError::Refused(format!("provider answered {error}")),
            });
        }
        let code = q
            .get("code")
            .ok_or(SignInError::Refused("no code".into()))?;
        let identity = provider.finish(code, &attempt).await?;
        Ok((identity, attempt.return_to))
    }
    .await;
    let clear = attempt_cookie(&state.config, "", 0);
    let (identity, back) = match outcome {
        Ok(done) => done,
        Err(e) => {
            return failed(&state, &viewer, &e)
                .await
                .map(|r| with_cookie(r, &clear));
        }
    };
    let ttl = state.config.session_ttl;
    let session = match &identity {
        Identity::Citizen(cpr) => state.store.start_citizen_session(cpr, ttl).await,
        Identity::Staff(login) => state.store.start_staff_session(login, ttl).await,
    };
    let response = match session {
        Ok(session) => {
            tracing::info!(provider = slug, "signed in through identity provider");
            let cookie = session_cookie(&state.config, &session.token);
            // Checked as a local path before it was kept with the attempt.
            let to = back.as_deref().unwrap_or("/");
            with_cookie(Redirect::to(to).into_response(), &cookie)
        }
        Err(StoreError::NotFound) => {
            // Known to the provider, not to us. The CPR number is not logged.
            tracing::info!(
                provider = slug,
                "identity provider vouched for someone unknown"
            );
            let key = match provider.config.audience {
                Audience::Citizen => "signin-not-citizen",
                Audience::Staff => "signin-not-staff",
            };
            sign_in_page(&state, &viewer, Some(key), StatusCode::FORBIDDEN, None).await?
        }
        Err(e) => return Err(viewer.error(e)),
    };
    Ok(with_cookie(response, &clear))
}

/// The sign-in page with what went wrong, in words the person can act on; the details go to
/// the log for operations.
async fn failed(state: &AppState, viewer: &Viewer, e: &SignInError) -> Result<Response, PageError> {
    tracing::warn!(error = %e, "sign-in through identity provider failed");
    let (key, status) = match e {
        SignInError::Cancelled(_) => ("signin-cancelled", StatusCode::UNAUTHORIZED),
        SignInError::Expired => ("signin-expired", StatusCode::BAD_REQUEST),
        SignInError::Unavailable(_) => ("signin-unavailable", StatusCode::BAD_GATEWAY),
        SignInError::Refused(_) => ("signin-refused", StatusCode::UNAUTHORIZED),
        SignInError::Busy => ("signin-busy", StatusCode::TOO_MANY_REQUESTS),
    };
    sign_in_page(state, viewer, Some(key), status, None).await
}
