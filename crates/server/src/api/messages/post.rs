use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::messages::MessageBody;
use domain::{FieldError, Invalid};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{MessageJson, ThreadParams};
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson, ApiPath, ApiQuery};

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct NewMessage {
    /// At most 10,000 characters; kept exactly as written.
    #[schema(required = true)]
    pub body: Option<String>,
}

/// Writes a message in the thread with the citizen: the citizen, or the staff of the thread's
/// organisation (administrators read but do not write: 403). Blank: 422 `validation_failed`;
/// over 10,000 characters: 422 `too_long`; too many messages in a minute: 429 `rate_limited`.
#[utoipa::path(
    post, path = "/citizens/{id}/messages", tag = "messages",
    params(("id" = String, Path), ThreadParams),
    request_body = NewMessage,
    security(("bearer" = [])),
    responses(
        (status = 201, body = MessageJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 413, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
        (status = 429, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
    ApiQuery(params): ApiQuery<ThreadParams>,
    ApiJson(input): ApiJson<NewMessage>,
) -> Result<(StatusCode, Json<MessageJson>), ApiError> {
    let requested = params.holder()?;
    let body = parse_body(input.body.as_deref())?;
    let message = state
        .store
        .post_message(&actor, &id, requested, &body)
        .await?;
    Ok((StatusCode::CREATED, Json(message.into())))
}

/// The body as the domain accepts it; a missing or blank one is `validation_failed`, a long
/// one `too_long` (API.md).
fn parse_body(raw: Option<&str>) -> Result<MessageBody, ApiError> {
    let raw =
        raw.ok_or_else(|| ApiError::Validation(vec![FieldError::new("body", Invalid::Required)]))?;
    MessageBody::try_from(raw).map_err(|problem| match problem {
        Invalid::TooLong { .. } => ApiError::TooLong(FieldError::new("body", problem)),
        _ => ApiError::Validation(vec![FieldError::new("body", problem)]),
    })
}
