//! What every page knows: the reader's language, who is signed in, the CSRF token for forms, and
//! the current address (for the language switch to return to).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use domain::{Actor, access};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use sha2::{Digest, Sha256};
use store::StoreError;

use super::PageError;
use crate::AppState;
use crate::extract::{SESSION_COOKIE, cookie_value};
use crate::i18n::{Lang, Texts};

pub const LANG_COOKIE: &str = "ju_lang";

/// The signed-in person as the header shows them.
pub struct UserInfo {
    pub name: String,
    pub role: &'static str,
    pub is_admin: bool,
    pub is_citizen: bool,
    /// Caseworkers and managers of an organisation have a calendar of slots and meetings.
    pub has_calendar: bool,
    /// Jobcenter staff print letters for citizens without digital mail.
    pub prints_letters: bool,
    /// Staff of an organisation and administrators: the "Underretninger" inbox (which an
    /// a-kasse's staff, a municipality's managers and its benefits team receive).
    pub receives_notices: bool,
    /// Managers and administrators follow the screening model against the decisions.
    pub monitors: bool,
    /// Managers (of a municipality or an a-kasse) and administrators follow the contact quotas.
    pub follows_quotas: bool,
}

/// Handed to every template as `ctx`.
pub struct Ctx {
    pub t: Texts,
    pub user: Option<UserInfo>,
    pub csrf: String,
    /// The current path and query, percent-encoded, for `/sprog?tilbage=`.
    pub back: String,
    /// The languages the switch offers this reader (staff pages: Danish and English).
    pub languages: &'static [Lang],
}

/// The reader of a page, signed in or not.
pub struct Viewer {
    pub lang: Lang,
    pub session: Option<(String, Actor)>,
    path: String,
}

/// A token for forms, derived from the session token: a page from another site cannot know it.
pub fn csrf_token(session_token: &str) -> String {
    let digest = Sha256::digest(format!("csrf:{session_token}").as_bytes());
    hex::encode(&digest[..16])
}

impl Viewer {
    pub fn ctx(&self) -> Ctx {
        let t = Texts { lang: self.lang };
        Ctx {
            t,
            user: self.session.as_ref().map(|(_, actor)| UserInfo {
                name: actor.name().to_owned(),
                role: crate::i18n::staff_title(t.lang, actor.role(), access::works_for_fund(actor)),
                is_admin: matches!(actor, Actor::Admin { .. }),
                is_citizen: matches!(actor, Actor::Citizen { .. }),
                // The menu offers what the store allows (`domain::access`).
                has_calendar: access::has_calendar(actor),
                monitors: access::visitation_reach(actor).is_some(),
                follows_quotas: access::report_reach(actor).is_some(),
                prints_letters: access::handles_jobcentre_post(actor),
                receives_notices: actor.is_staff(),
            }),
            csrf: self
                .session
                .as_ref()
                .map(|(token, _)| csrf_token(token))
                .unwrap_or_default(),
            back: utf8_percent_encode(&self.path, NON_ALPHANUMERIC).to_string(),
            languages: Lang::choices(self.citizen_facing()),
        }
    }

    /// Citizens and people not signed in may read in every language; staff and admins in
    /// the languages of the staff pages.
    fn citizen_facing(&self) -> bool {
        self.session
            .as_ref()
            .is_none_or(|(_, actor)| matches!(actor, Actor::Citizen { .. }))
    }

    pub fn error(&self, e: impl Into<PageError>) -> PageError {
        e.into().in_lang(self.lang)
    }
}

/// The language a request asks for by its cookie; Danish without one. Pages and the live
/// socket (`live::thread_socket::SocketLang`) read it the same way.
pub fn lang_of(parts: &Parts) -> Lang {
    cookie_value(parts, LANG_COOKIE)
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default()
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        let lang = lang_of(parts);
        let path = parts
            .uri
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
        let session = match cookie_value(parts, SESSION_COOKIE) {
            None => None,
            Some(token) => match state.store.actor_for_token(&token).await {
                Ok(actor) => Some((token, actor)),
                Err(StoreError::NotFound) => None,
                Err(e) => return Err(PageError::from(e).in_lang(lang)),
            },
        };
        let mut viewer = Viewer {
            lang,
            session,
            path,
        };
        // A staff member on a machine where a citizen chose Ukrainian reads English: staff
        // pages are not translated further.
        if !viewer.citizen_facing() && !Lang::STAFF.contains(&viewer.lang) {
            viewer.lang = Lang::En;
        }
        Ok(viewer)
    }
}

/// A page for signed-in people only; others are sent to sign in.
pub struct SignedIn {
    pub viewer: Viewer,
    pub actor: Actor,
}

pub enum SignInFirst {
    /// To the sign-in page, and afterwards back to this page (a GET's path), if any.
    Redirect(Option<String>),
    Error(PageError),
}

impl IntoResponse for SignInFirst {
    fn into_response(self) -> Response {
        match self {
            SignInFirst::Redirect(back) => {
                let query = super::signin::back_query(back.as_deref());
                Redirect::to(&format!("/logind{query}")).into_response()
            }
            SignInFirst::Error(e) => e.into_response(),
        }
    }
}

/// `path` if it is a path on this site (so a link cannot send anyone elsewhere after signing
/// in or switching language): starts with one `/`, and every character is visible ASCII other
/// than a backslash. Browsers drop tabs and line breaks from a `Location` and read `\` as `/`,
/// so `/\t/evil.example` or `/\\evil.example` would leave the site; a line break is not even a
/// valid header value. Real paths here are ASCII (anything else arrives percent-encoded).
pub fn local_path(path: &str) -> Option<&str> {
    let mut chars = path.chars();
    let local = chars.next() == Some('/')
        && chars.next() != Some('/')
        && path.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    local.then_some(path)
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = SignInFirst;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, SignInFirst> {
        let viewer = Viewer::from_request_parts(parts, state)
            .await
            .map_err(SignInFirst::Error)?;
        match viewer.session.as_ref().map(|(_, a)| a.clone()) {
            Some(actor) => Ok(SignedIn { viewer, actor }),
            // Back to a page after signing in; a form sent while signed out is not re-sent.
            None => Err(SignInFirst::Redirect(
                (parts.method == axum::http::Method::GET).then(|| viewer.path.clone()),
            )),
        }
    }
}

impl SignedIn {
    /// Refuses a form post whose CSRF token does not match this session.
    pub fn check_csrf(&self, sent: Option<&String>) -> Result<(), PageError> {
        let expected = self.viewer.ctx().csrf;
        match sent {
            Some(s) if !expected.is_empty() && *s == expected => Ok(()),
            _ => Err(PageError::Csrf.in_lang(self.viewer.lang)),
        }
    }
}

/// Query parameters for pages: a query that cannot be read is a Danish "go back and try again"
/// page (400), not the framework's plain-text rejection.
pub struct PageQuery<T>(pub T);

impl<T> FromRequestParts<AppState> for PageQuery<T>
where
    T: serde::de::DeserializeOwned,
{
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        let lang = lang_of(parts);
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(v)| PageQuery(v))
            .map_err(|_| PageError::BadRequest.in_lang(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_paths_on_this_site_are_followed() {
        for ok in ["/", "/borger/samtaler", "/medarbejder?side=2&q=%C3%A6"] {
            assert_eq!(local_path(ok), Some(ok));
        }
        for elsewhere in [
            "",
            "borger",
            "//evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/ /evil.example",
            "https://evil.example",
            "/\u{7f}x",
            "/æ",
        ] {
            assert_eq!(local_path(elsewhere), None, "{elsewhere:?}");
        }
    }
}
