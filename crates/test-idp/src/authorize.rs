//! The authorization step: checks the relying party's request, shows a test login page, and
//! sends the browser back with a one-time code (or `error=access_denied` when cancelled).

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use rand::RngCore;

use crate::{Grant, Shared};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage<'a> {
    params: Vec<(&'a str, &'a str)>,
    client_id: &'a str,
}

/// The request's parameters after checking them, or why they are refused (shown as text, as
/// a real provider does: a bad redirect URI must never be redirected to).
fn checked<'a>(
    s: &Shared,
    q: &'a HashMap<String, String>,
) -> Result<Vec<(&'a str, &'a str)>, String> {
    let get = |k: &str| q.get(k).map(String::as_str).unwrap_or_default();
    let client = s
        .clients
        .iter()
        .find(|c| c.id == get("client_id"))
        .ok_or("unknown client_id")?;
    if client.redirect_uri != get("redirect_uri") {
        return Err("redirect_uri is not registered for this client".into());
    }
    if get("response_type") != "code" {
        return Err("response_type must be code".into());
    }
    if !get("scope").split(' ').any(|s| s == "openid") {
        return Err("scope must include openid".into());
    }
    if get("code_challenge_method") != "S256" || get("code_challenge").len() < 43 {
        return Err("PKCE with S256 is required".into());
    }
    Ok([
        "client_id",
        "redirect_uri",
        "state",
        "nonce",
        "code_challenge",
    ]
    .into_iter()
    .filter_map(|k| q.get(k).map(|v| (k, v.as_str())))
    .collect())
}

pub(crate) async fn page(
    State(s): State<Arc<Shared>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    match checked(&s, &q) {
        Err(why) => (StatusCode::BAD_REQUEST, why).into_response(),
        Ok(params) => {
            let page = LoginPage {
                client_id: q.get("client_id").map(String::as_str).unwrap_or_default(),
                params,
            };
            match page.render() {
                Ok(html) => Html(html).into_response(),
                Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
            }
        }
    }
}

pub(crate) async fn submit(
    State(s): State<Arc<Shared>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    let back = get("redirect_uri");
    if !s
        .clients
        .iter()
        .any(|c| c.id == get("client_id") && c.redirect_uri == back)
    {
        return (StatusCode::BAD_REQUEST, "unknown client or redirect_uri").into_response();
    }
    // The answer's query: the outcome, then the relying party's state as it was given.
    let answer = |outcome: (&str, &str)| {
        let state = form.get("state").map(|st| ("state", st.as_str()));
        let query = serde_urlencoded::to_string([Some(outcome), state]).unwrap_or_default();
        Redirect::to(&format!("{back}?{query}")).into_response()
    };
    if form.contains_key("cancel") {
        return answer(("error", "access_denied"));
    }
    let mut bytes = [0u8; 24];
    rand::rng().fill_bytes(&mut bytes);
    let code = hex::encode(bytes);
    let grant = Grant {
        client_id: get("client_id"),
        redirect_uri: back.clone(),
        nonce: form.get("nonce").cloned(),
        code_challenge: get("code_challenge"),
        user: get("user").trim().to_owned(),
    };
    if let Ok(mut codes) = s.codes.lock() {
        codes.insert(code.clone(), grant);
    }
    answer(("code", &code))
}
