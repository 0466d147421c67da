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
                "Du er ikke logget ind",
                "Send et gyldigt adgangstoken i Authorization: Bearer <token>.".into(),
            ),
            ApiError::UnknownLogin => (
                StatusCode::UNAUTHORIZED,
                "unknown_login",
                "Ukendt brugernavn",
                "Der findes ingen bruger med det brugernavn.".into(),
            ),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                "Findes ikke",
                "Det du leder efter, findes ikke, eller du har ikke adgang til det.".into(),
            ),
            ApiError::Forbidden => (
                StatusCode::FORBIDDEN,
                "forbidden",
                "Ikke tilladt",
                "Din rolle giver ikke lov til denne handling.".into(),
            ),
            ApiError::AlreadyExists => (
                StatusCode::CONFLICT,
                "already_exists",
                "Findes allerede",
                "Der er allerede registreret en med den værdi.".into(),
            ),
            ApiError::MalformedJson(e) => (
                StatusCode::BAD_REQUEST,
                "malformed_json",
                "Ugyldig JSON",
                format!("Forespørgslen er ikke gyldig JSON: {e}"),
            ),
            ApiError::MalformedQuery(e) => (
                StatusCode::BAD_REQUEST,
                "malformed_query",
                "Ugyldig forespørgsel",
                format!("Forespørgslens parametre kan ikke læses: {e}"),
            ),
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Forkert indholdstype",
                "Send forespørgslen som application/json.".into(),
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
                        "Ugyldigt CPR-nummer"
                    } else {
                        "Ugyldige oplysninger"
                    },
                    "Ret de nævnte felter og prøv igen.".into(),
                )
            }
            ApiError::ReasonRequired => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "reason_required",
                "Begrundelse mangler",
                "Når beslutningen afviger fra anbefalingen, eller der ikke er en screening, skal den begrundes.".into(),
            ),
            ApiError::Conflict(code) => (
                StatusCode::CONFLICT,
                code,
                "Konflikt",
                conflict(Lang::Da, code).into(),
            ),
            ApiError::CitizenBusy { start, end } => (
                StatusCode::CONFLICT,
                "citizen_busy",
                "Borgeren har en anden samtale",
                crate::i18n::citizen_busy(Lang::Da, *start, *end),
            ),
            ApiError::Meeting(r) => (
                match r {
                    MeetingRefusal::SelfBookingNotAllowed => StatusCode::FORBIDDEN,
                    MeetingRefusal::NotBooked | MeetingRefusal::AlreadyStarted => {
                        StatusCode::CONFLICT
                    }
                    MeetingRefusal::NotStarted | MeetingRefusal::InPast => {
                        StatusCode::UNPROCESSABLE_ENTITY
                    }
                },
                r.code(),
                "Samtalen kan ikke ændres sådan",
                meeting_refusal(Lang::Da, *r).into(),
            ),
            ApiError::Channel(r) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "channel_not_allowed",
                "Kontaktformen kan ikke bruges",
                channel_refusal(Lang::Da, *r).into(),
            ),
            ApiError::ExemptionNotAllowed => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "exemption_not_allowed",
                "Fritagelse er ikke mulig",
                "De regler der gælder i dag, giver ikke mulighed for at fritage denne borger fra samtaler.".into(),
            ),
            ApiError::TooLong(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "too_long",
                "For lang tekst",
                "Teksten er for lang. En besked må højst være 10.000 tegn.".into(),
            ),
            ApiError::BodyTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_long",
                "For stor forespørgsel",
                "Forespørgslen er større end serveren modtager.".into(),
            ),
            ApiError::Room(r) => (
                StatusCode::CONFLICT,
                r.code(),
                "Videorummet er lukket",
                crate::i18n::room_refusal(Lang::Da, *r).into(),
            ),
            ApiError::RateLimited => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "For mange beskeder",
                "Du har sendt mange beskeder på kort tid. Vent et minut, og prøv igen.".into(),
            ),
            ApiError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Der skete en fejl hos os",
                "Prøv igen om lidt. Fejlen er registreret.".into(),
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
        }
    }

    pub fn status(&self) -> StatusCode {
        self.parts().0
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(e) = &self {
            tracing::error!(error = %e, "internal error");
        }
        let status = self.status();
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = (status, body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let ApiError::RateLimited = self {
            // The limit counts the last minute.
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
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
            other => ApiError::Internal(other.to_string()),
        }
    }
}
