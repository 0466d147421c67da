//! Error pages: a full page in the reader's language that says what to do next.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use store::StoreError;

use super::context::Ctx;
use crate::i18n::{Lang, Texts};

#[derive(Debug)]
pub enum PageError {
    NotFound,
    /// A request the page cannot make sense of: a missing or malformed parameter, an unknown
    /// choice. Never a 500: the reader is told to go back and try again.
    BadRequest,
    Forbidden,
    Csrf,
    /// The database cannot be reached now (a restart): 503, "try again in a moment".
    Unavailable(String),
    Internal(String),
    /// The same, in a given language.
    In(Lang, Box<PageError>),
}

impl PageError {
    pub fn in_lang(self, lang: Lang) -> PageError {
        match self {
            PageError::In(_, inner) => PageError::In(lang, inner),
            other => PageError::In(lang, Box::new(other)),
        }
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => PageError::NotFound,
            StoreError::Forbidden => PageError::Forbidden,
            StoreError::Invalid(_)
            | StoreError::Conflict(_)
            | StoreError::CitizenBusy { .. }
            | StoreError::Meeting(_)
            | StoreError::Channel(_)
            | StoreError::ReasonRequired
            | StoreError::ExemptionNotAllowed
            | StoreError::RateLimited
            | StoreError::Room(_) => PageError::BadRequest,
            e @ (StoreError::Unavailable(_) | StoreError::AuditUnavailable) => {
                PageError::Unavailable(e.to_string())
            }
            other => PageError::Internal(other.to_string()),
        }
    }
}

impl From<crate::use_cases::help_search::HelpError> for PageError {
    fn from(e: crate::use_cases::help_search::HelpError) -> Self {
        use crate::use_cases::help_search::HelpError;
        match e {
            HelpError::Store(e) => e.into(),
            other => PageError::Internal(other.to_string()),
        }
    }
}

/// A PDF that could not be written is our defect, never the reader's input.
impl From<pdf::PdfError> for PageError {
    fn from(e: pdf::PdfError) -> Self {
        PageError::Internal(e.to_string())
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: Ctx,
    title_key: &'static str,
    text_key: &'static str,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (lang, error) = match self {
            PageError::In(lang, inner) => (lang, *inner),
            other => (Lang::Da, other),
        };
        let (status, title_key, text_key) = match &error {
            PageError::NotFound => (
                StatusCode::NOT_FOUND,
                "error-not-found",
                "error-not-found-text",
            ),
            PageError::BadRequest => (
                StatusCode::BAD_REQUEST,
                "error-bad-request",
                "error-bad-request-text",
            ),
            PageError::Forbidden => (
                StatusCode::FORBIDDEN,
                "error-forbidden",
                "error-forbidden-text",
            ),
            PageError::Csrf => (StatusCode::FORBIDDEN, "error-forbidden", "error-csrf"),
            PageError::Unavailable(e) => {
                tracing::warn!(error = %e, "page: database unavailable");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "error-unavailable",
                    "error-unavailable-text",
                )
            }
            PageError::Internal(e) => {
                tracing::error!(error = %e, "page failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "error-internal",
                    "error-internal-text",
                )
            }
            PageError::In(..) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal",
                "error-internal-text",
            ),
        };
        let ctx = Ctx {
            t: Texts { lang },
            user: None,
            csrf: String::new(),
            back: "%2F".into(),
            languages: &crate::i18n::Lang::ALL,
        };
        let mut response = super::render(&ErrorPage {
            ctx,
            title_key,
            text_key,
        });
        *response.status_mut() = status;
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static(crate::error::RETRY_UNAVAILABLE),
            );
        }
        response
    }
}

pub async fn not_found(viewer: super::context::Viewer) -> PageError {
    viewer.error(PageError::NotFound)
}
