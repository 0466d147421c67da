//! The one error type of the HTTP layer and its rendering as RFC 9457 problem+json. Every refusal
//! in the API goes through here, so status codes and `code` words are decided in one place.
//! Titles and messages are Danish: they reach caseworkers and citizens through other systems.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::{FieldError, Invalid};
use serde::Serialize;
use store::StoreError;
use utoipa::ToSchema;

use domain::meetings::{ChannelRefusal, MeetingRefusal};

use crate::i18n::{Lang, channel_refusal, conflict, invalid_message, meeting_refusal};

/// `Retry-After` (seconds) while the database cannot be reached, for the API and pages alike: a
/// restarting PostgreSQL takes seconds (docs/operations.md).
pub const RETRY_UNAVAILABLE: &str = "5";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("no valid sign-in")]
    Unauthorized,
    #[error("unknown login")]
    UnknownLogin,
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("already exists")]
    AlreadyExists,
    #[error("request body is not valid JSON: {0}")]
    MalformedJson(String),
    #[error("query string cannot be read: {0}")]
    MalformedQuery(String),
    #[error("request body must be application/json")]
    UnsupportedMediaType,
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// 422 `reason_required`: a visitation against the recommendation needs a reason.
    #[error("a reason is required")]
    ReasonRequired,
    /// 409 `chat_exists`: the citizen has a chat open in this thread already (its id).
    #[error("a chat is open")]
    ChatExists(String),
    /// 409: the request collides with the current state (`slot_taken`, `overlap`, …).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// 409 `citizen_busy`: the citizen has another booked meeting then; its time is named.
    #[error("citizen busy")]
    CitizenBusy {
        start: jiff::Timestamp,
        end: jiff::Timestamp,
    },
    #[error("meeting refused: {0}")]
    Meeting(MeetingRefusal),
    /// 422 `channel_not_allowed`, with the reason in `detail`.
    #[error("channel refused: {0}")]
    Channel(ChannelRefusal),
    /// 422 `exemption_not_allowed`: the law in force has no conversations to exempt from.
    #[error("exemption not allowed")]
    ExemptionNotAllowed,
    /// 422 `too_long`: a message over its limit (API.md, Messages).
    #[error("too long")]
    TooLong(FieldError),
    /// 413 `too_long`: a request body over the server's limit.
    #[error("request body too large")]
    BodyTooLarge,
    /// 409: the video room cannot be entered now (`not_video`, `not_booked`, `meeting_over`).
    #[error("room refused: {0}")]
    Room(domain::meetings::RoomRefusal),
    /// 429 `rate_limited`: too many messages in a short time.
    #[error("rate limited")]
    RateLimited,
    /// 503 `unavailable`: the database (or the audit log on it) cannot be reached now — a
    /// restart or a failover. Said with `Retry-After`; the instance reconnects by itself.
    #[error("unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

/// The problem+json body. `errors` only on validation failures.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable snake_case word for programs, e.g. `invalid_cpr`, `validation_failed`.
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ProblemField>>,
    /// For `channel_not_allowed`: the stable code of the reason, e.g. `in_person_requested`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For `citizen_busy`: when the citizen's other meeting starts (RFC 3339, Copenhagen offset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub busy_from: Option<String>,
    /// For `citizen_busy`: when the citizen's other meeting ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub busy_until: Option<String>,
    /// For `chat_exists`: the open chat's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemField {
    pub field: String,
    /// Stable code of what is wrong with the field, e.g. `blank`, `invalid_cpr`.
    pub code: String,
    /// Danish sentence saying what is wrong and what to do.
    pub message: String,
}

impl ApiError {
    fn parts(&self) -> (StatusCode, &'static str, &'static str, String) {
        match self {
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                Lang::Da.text("problem-unauthorized-title"),
                Lang::Da.text("problem-unauthorized-detail").into(),
            ),
            ApiError::UnknownLogin => (
                StatusCode::UNAUTHORIZED,
                "unknown_login",
                Lang::Da.text("problem-unknown-login-title"),
                Lang::Da.text("problem-unknown-login-detail").into(),
            ),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                Lang::Da.text("problem-not-found-title"),
                Lang::Da.text("problem-not-found-detail").into(),
            ),
            ApiError::Forbidden => (
                StatusCode::FORBIDDEN,
                "forbidden",
                Lang::Da.text("problem-forbidden-title"),
                Lang::Da.text("problem-forbidden-detail").into(),
            ),
            ApiError::AlreadyExists => (
                StatusCode::CONFLICT,
                "already_exists",
                Lang::Da.text("problem-already-exists-title"),
                Lang::Da.text("problem-already-exists-detail").into(),
            ),
            ApiError::MalformedJson(e) => (
                StatusCode::BAD_REQUEST,
                "malformed_json",
                Lang::Da.text("problem-malformed-json-title"),
                Lang::Da.fmt(
                    "problem-malformed-json-detail",
                    &[("error", (&e.to_string()).into())],
                ),
            ),
            ApiError::MalformedQuery(e) => (
                StatusCode::BAD_REQUEST,
                "malformed_query",
                Lang::Da.text("problem-malformed-query-title"),
                Lang::Da.fmt(
                    "problem-malformed-query-detail",
                    &[("error", (&e.to_string()).into())],
                ),
            ),
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                Lang::Da.text("problem-unsupported-media-type-title"),
                Lang::Da
                    .text("problem-unsupported-media-type-detail")
                    .into(),
            ),
            ApiError::Validation(errors) => {
                let cpr = errors.iter().any(|e| e.problem == Invalid::Cpr);
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    if cpr {
                        "invalid_cpr"
                    } else {
                        "validation_failed"
                    },
                    if cpr {
                        Lang::Da.text("problem-invalid-cpr-title")
                    } else {
                        Lang::Da.text("problem-validation-failed-title")
                    },
                    Lang::Da.text("problem-validation-failed-detail").into(),
                )
            }
            ApiError::ReasonRequired => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "reason_required",
                Lang::Da.text("problem-reason-required-title"),
                Lang::Da.text("problem-reason-required-detail").into(),
            ),
            ApiError::Conflict(code) => (
                StatusCode::CONFLICT,
                code,
                Lang::Da.text("problem-conflict-title"),
                conflict(Lang::Da, code).into(),
            ),
            ApiError::ChatExists(_) => (
                StatusCode::CONFLICT,
                "chat_exists",
                Lang::Da.text("problem-conflict-title"),
                Lang::Da.text("conflict-chat-exists").into(),
            ),
            ApiError::CitizenBusy { start, end } => (
                StatusCode::CONFLICT,
                "citizen_busy",
                Lang::Da.text("problem-citizen-busy-title"),
                crate::i18n::citizen_busy(Lang::Da, *start, *end),
            ),
            ApiError::Meeting(r) => (
                match r {
                    MeetingRefusal::SelfBookingNotAllowed => StatusCode::FORBIDDEN,
                    MeetingRefusal::NotBooked
                    | MeetingRefusal::AlreadyStarted
                    | MeetingRefusal::AbsenceNotPossible
                    | MeetingRefusal::NoAbsencePending => StatusCode::CONFLICT,
                    MeetingRefusal::NotStarted
                    | MeetingRefusal::InPast
                    | MeetingRefusal::RebookingClosed
                    | MeetingRefusal::RebookingOtherKind
                    | MeetingRefusal::CallInAbsenceOnly => StatusCode::UNPROCESSABLE_ENTITY,
                },
                r.code(),
                Lang::Da.text("problem-meeting-title"),
                meeting_refusal(Lang::Da, *r).into(),
            ),
            ApiError::Channel(r) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "channel_not_allowed",
                Lang::Da.text("problem-channel-not-allowed-title"),
                channel_refusal(Lang::Da, *r).into(),
            ),
            ApiError::ExemptionNotAllowed => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "exemption_not_allowed",
                Lang::Da.text("problem-exemption-not-allowed-title"),
                Lang::Da.text("problem-exemption-not-allowed-detail").into(),
            ),
            ApiError::TooLong(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "too_long",
                Lang::Da.text("problem-too-long-title"),
                Lang::Da.text("problem-too-long-detail").into(),
            ),
            ApiError::BodyTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_long",
                Lang::Da.text("problem-body-too-large-title"),
                Lang::Da.text("problem-body-too-large-detail").into(),
            ),
            ApiError::Room(r) => (
                StatusCode::CONFLICT,
                r.code(),
                Lang::Da.text("problem-room-title"),
                crate::i18n::room_refusal(Lang::Da, *r).into(),
            ),
            ApiError::RateLimited => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                Lang::Da.text("problem-rate-limited-title"),
                Lang::Da.text("problem-rate-limited-detail").into(),
            ),
            ApiError::Unavailable(_) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                Lang::Da.text("problem-unavailable-title"),
                Lang::Da.text("problem-unavailable-detail").into(),
            ),
            ApiError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                Lang::Da.text("problem-internal-title"),
                Lang::Da.text("problem-internal-detail").into(),
            ),
        }
    }

    pub fn problem(&self) -> Problem {
        let (status, code, title, detail) = self.parts();
        let errors = match self {
            ApiError::TooLong(e) => Some(vec![ProblemField {
                field: e.field.to_string(),
                code: e.problem.code().to_owned(),
                message: invalid_message(Lang::Da, e.problem).to_owned(),
            }]),
            ApiError::Validation(errors) => Some(
                errors
                    .iter()
                    .map(|e| ProblemField {
                        field: e.field.to_string(),
                        code: e.problem.code().to_owned(),
                        message: invalid_message(Lang::Da, e.problem).to_owned(),
                    })
                    .collect(),
            ),
            _ => None,
        };
        Problem {
            kind: format!("https://jobunivers.dk/problems/{code}"),
            title: title.to_owned(),
            status: status.as_u16(),
            detail,
            code: code.to_owned(),
            errors,
            reason: match self {
                ApiError::Channel(r) => Some(r.code().to_owned()),
                _ => None,
            },
            busy_from: match self {
                ApiError::CitizenBusy { start, .. } => Some(crate::time_fmt::rfc3339(*start)),
                _ => None,
            },
            busy_until: match self {
                ApiError::CitizenBusy { end, .. } => Some(crate::time_fmt::rfc3339(*end)),
                _ => None,
            },
            chat_id: match self {
                ApiError::ChatExists(id) => Some(id.clone()),
                _ => None,
            },
        }
    }

    pub fn status(&self) -> StatusCode {
        self.parts().0
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match &self {
            ApiError::Internal(e) => tracing::error!(error = %e, "internal error"),
            ApiError::Unavailable(e) => tracing::warn!(error = %e, "database unavailable"),
            _ => {}
        }
        let status = self.status();
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = (status, body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        let retry_after = match self {
            // The limit counts the last minute.
            ApiError::RateLimited => Some("60"),
            ApiError::Unavailable(_) => Some(RETRY_UNAVAILABLE),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static(seconds));
        }
        response
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ApiError::NotFound,
            StoreError::Forbidden => ApiError::Forbidden,
            StoreError::AlreadyExists => ApiError::AlreadyExists,
            StoreError::Invalid(errors) => ApiError::Validation(errors),
            StoreError::Conflict(code) => ApiError::Conflict(code),
            StoreError::CitizenBusy { start, end } => ApiError::CitizenBusy { start, end },
            StoreError::ReasonRequired => ApiError::ReasonRequired,
            StoreError::ExemptionNotAllowed => ApiError::ExemptionNotAllowed,
            StoreError::Meeting(r) => ApiError::Meeting(r),
            StoreError::Channel(r) => ApiError::Channel(r),
            StoreError::RateLimited => ApiError::RateLimited,
            StoreError::Room(r) => ApiError::Room(r),
            e @ (StoreError::Unavailable(_) | StoreError::AuditUnavailable) => {
                ApiError::Unavailable(e.to_string())
            }
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl From<crate::use_cases::help_search::HelpError> for ApiError {
    fn from(e: crate::use_cases::help_search::HelpError) -> Self {
        use crate::use_cases::help_search::HelpError;
        match e {
            HelpError::Store(e) => e.into(),
            other => ApiError::Internal(other.to_string()),
        }
    }
}
