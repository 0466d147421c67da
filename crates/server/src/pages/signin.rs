//! Signing in and out, the front door, and the language switch.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use domain::Actor;
use store::StoreError;

use super::context::{Ctx, LANG_COOKIE, SignedIn, Viewer, local_path};
use super::{PageError, render};
use crate::AppState;
use crate::extract::SESSION_COOKIE;
use crate::i18n::Lang;
use crate::sign_in::Audience;

/// `/`: each role's home, or the sign-in page. Staff who hold conversations land on their
/// worklist, with the inbox count, rather than on the A–Z list of citizens (issue 20): what to
/// do next comes first.
pub async fn root(viewer: Viewer) -> Redirect {
    match viewer.session.as_ref().map(|(_, a)| a) {
        None => Redirect::to("/logind"),
        Some(Actor::Citizen { .. }) => Redirect::to("/borger"),
        Some(Actor::Admin { .. }) => Redirect::to("/admin"),
        Some(actor) if domain::access::has_calendar(actor) => {
            Redirect::to("/medarbejder/arbejdsliste")
        }
        Some(Actor::Staff { .. }) => Redirect::to("/medarbejder"),
    }
}

struct DemoUser {
    login: String,
    name: String,
    description: String,
}

struct Group {
    heading: &'static str,
    users: Vec<DemoUser>,
}

/// A button that sends the browser to an identity provider.
struct ProviderButton {
    href: String,
    label: &'static str,
}

#[derive(Template)]
#[template(path = "signin.html")]
struct SignInPage {
    ctx: Ctx,
    providers: Vec<ProviderButton>,
    demo: bool,
    groups: Vec<Group>,
    /// Why the last try did not sign anyone in (a message key), shown above everything.
    problem: Option<&'static str>,
    /// Where to go once signed in (a local path), carried through the demo form.
    back: Option<String>,
}

/// `?tilbage=…` for a local path, to carry where someone was going through signing in.
pub(super) fn back_query(back: Option<&str>) -> String {
    back.and_then(local_path)
        .map(|b| {
            format!(
                "?{}",
                serde_urlencoded::to_string([("tilbage", b)]).unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// The sign-in page: the configured identity providers, and in demo mode every demo user.
/// `problem` (a message key) says why the last try failed, answered with `status`; `back` is
/// where to go once signed in.
pub(super) async fn sign_in_page(
    state: &AppState,
    viewer: &Viewer,
    problem: Option<&'static str>,
    status: StatusCode,
    back: Option<&str>,
) -> Result<Response, PageError> {
    let t = viewer.ctx().t;
    let providers = state
        .providers
        .all()
        .map(|p| ProviderButton {
            href: format!("/logind/{}{}", p.config.audience.slug(), back_query(back)),
            label: match p.config.audience {
                Audience::Citizen => t.text("signin-with-mitid"),
                Audience::Staff => t.text("signin-with-staff"),
            },
        })
        .collect();
    let logins = if state.config.demo {
        state
            .store
            .demo_logins()
            .await
            .map_err(|e| viewer.error(e))?
    } else {
        Vec::new()
    };
    let describe = |role: &str, org: &Option<String>, in_fund: bool| {
        let role = domain::Role::try_from(role)
            .map(|r| crate::i18n::staff_title(t.lang, r, in_fund))
            .unwrap_or("");
        match org {
            Some(o) => format!("{role}, {o}"),
            None => role.to_owned(),
        }
    };
    let (citizens, staff): (Vec<_>, Vec<_>) = logins.into_iter().partition(|l| l.kind == "citizen");
    let to_users = |list: Vec<store::DemoLogin>| {
        list.into_iter()
            .map(|l| DemoUser {
                description: describe(&l.role, &l.organisation, l.in_fund),
                login: l.login,
                name: l.name,
            })
            .collect()
    };
    let groups = vec![
        Group {
            heading: t.text("signin-staff"),
            users: to_users(staff),
        },
        Group {
            heading: t.text("signin-citizens"),
            users: to_users(citizens),
        },
    ];
    let mut response = render(&SignInPage {
        ctx: viewer.ctx(),
        providers,
        demo: state.config.demo,
        groups,
        problem,
        back: back.and_then(local_path).map(str::to_owned),
    });
    *response.status_mut() = status;
    Ok(response)
}

/// `GET /logind`: the identity providers, and in demo mode every demo user, one button each.
pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let back = q.get("tilbage").map(String::as_str);
    sign_in_page(&state, &viewer, None, StatusCode::OK, back).await
}

/// The session cookie for a fresh sign-in, by whichever way it came about.
pub(super) fn session_cookie(config: &crate::ServerConfig, token: &str) -> String {
    let secure = if config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        config.session_ttl.as_secs()
    )
}

/// `POST /logind` (demo mode only): starts a session and sets the cookie. Refused from other sites' pages.
pub async fn submit(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v == "cross-site")
    {
        return Err(viewer.error(PageError::Csrf));
    }
    let login = form.get("login").map(|s| s.trim()).unwrap_or_default();
    let back = form.get("tilbage").and_then(|b| local_path(b));
    match state
        .store
        .start_session(login, state.config.session_ttl)
        .await
    {
        Ok(session) => {
            let cookie = session_cookie(&state.config, &session.token);
            let to = back.unwrap_or("/");
            Ok(with_cookie(Redirect::to(to).into_response(), &cookie))
        }
        Err(StoreError::NotFound) => {
            sign_in_page(
                &state,
                &viewer,
                Some("signin-unknown"),
                StatusCode::UNAUTHORIZED,
                back,
            )
            .await
        }
        Err(e) => Err(viewer.error(e)),
    }
}

/// `POST /logud`: ends the session and clears the cookie.
pub async fn sign_out(
    State(state): State<AppState>,
    user: SignedIn,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(form.get("csrf"))?;
    if let Some((token, _)) = &user.viewer.session {
        state
            .store
            .end_session(token)
            .await
            .map_err(|e| user.viewer.error(e))?;
    }
    let cookie = format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    Ok(with_cookie(Redirect::to("/").into_response(), &cookie))
}

/// `GET /sprog?til=en&tilbage=/borger`: remembers the language and returns to the page. Only
/// local paths are followed, so the link cannot send anyone to another site. A signed-in
/// citizen's choice is also kept with the case, so notices and letters come in it too.
pub async fn language(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let lang = q
        .get("til")
        .and_then(|l| Lang::from_code(l))
        .unwrap_or_default();
    // The page switches even if remembering fails; the next switch tries again.
    if let Some((_, actor @ Actor::Citizen { .. })) = &viewer.session
        && let Err(e) = state.store.set_own_language(actor, lang.code()).await
    {
        tracing::warn!(error = %e, "could not remember the citizen's language");
    }
    let back = q.get("tilbage").and_then(|b| local_path(b)).unwrap_or("/");
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        lang.code()
    );
    with_cookie(Redirect::to(back).into_response(), &cookie)
}

pub(super) fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
