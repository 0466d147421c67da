//! The token step: the relying party trades the one-time code, its PKCE verifier and its
//! credentials for a signed ID token.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};

use crate::Shared;

fn refuse(error: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        axum::Json(serde_json::json!({ "error": error })),
    )
        .into_response()
}

/// The client's credentials, from HTTP Basic (client_secret_basic) or the form (_post).
fn credentials(headers: &HeaderMap, form: &HashMap<String, String>) -> Option<(String, String)> {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| STANDARD.decode(b).ok())
        .and_then(|b| String::from_utf8(b).ok());
    match basic {
        Some(pair) => {
            let (id, secret) = pair.split_once(':')?;
            Some((id.to_owned(), secret.to_owned()))
        }
        None => Some((
            form.get("client_id")?.clone(),
            form.get("client_secret")?.clone(),
        )),
    }
}

pub(crate) async fn exchange(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let Some((id, secret)) = credentials(&headers, &form) else {
        return refuse("invalid_client");
    };
    if !s.clients.iter().any(|c| c.id == id && c.secret == secret) {
        return refuse("invalid_client");
    }
    if form.get("grant_type").map(String::as_str) != Some("authorization_code") {
        return refuse("unsupported_grant_type");
    }
    let code = form.get("code").cloned().unwrap_or_default();
    // Removed before anything else is checked: a code is good for one try.
    let grant = s.codes.lock().ok().and_then(|mut c| c.remove(&code));
    let Some(grant) = grant else {
        return refuse("invalid_grant");
    };
    let verifier = form.get("code_verifier").cloned().unwrap_or_default();
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    if grant.client_id != id
        || Some(&grant.redirect_uri) != form.get("redirect_uri")
        || challenge != grant.code_challenge
    {
        return refuse("invalid_grant");
    }
    let quirks = s.quirks.lock().map(|q| q.clone()).unwrap_or_default();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let (iat, exp) = if quirks.expired {
        (now - 7200, now - 3600)
    } else {
        (now, now + 300)
    };
    let mut claims = serde_json::json!({
        "iss": quirks.issuer.clone().unwrap_or_else(|| s.issuer.clone()),
        "sub": hex::encode(&Sha256::digest(grant.user.as_bytes())[..16]),
        "aud": quirks.audience.clone().unwrap_or(grant.client_id),
        "iat": iat,
        "exp": exp,
    });
    let user = grant.user.replace('-', "");
    let is_cpr = user.len() == 10 && user.bytes().all(|b| b.is_ascii_digit());
    let extra = [
        ("nonce", quirks.nonce.clone().or(grant.nonce)),
        ("acr", quirks.acr.clone()),
        ("cprNumberIdentifier", is_cpr.then(|| user.clone())),
        ("preferred_username", (!is_cpr).then(|| grant.user.clone())),
    ];
    for (name, value) in extra {
        if let Some(v) = value {
            claims[name] = serde_json::Value::String(v);
        }
    }
    let (key, kid, alg) = s.keys.signer(quirks.alg, quirks.unpublished_key);
    let mut header = jsonwebtoken::Header::new(alg);
    header.kid = Some(kid.into());
    match jsonwebtoken::encode(&header, &claims, key) {
        Ok(id_token) => axum::Json(serde_json::json!({
            "access_token": hex::encode(Sha256::digest(code.as_bytes())),
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token,
        }))
        .into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}
