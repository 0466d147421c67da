//! `/help-answers`: a jobcentre's or an a-kasse's staff list, write, change and delete their
//! organisation's self-help answers. Anyone else: 403.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::help::HelpText;
use serde::Deserialize;
use store::ChatOrg;
use utoipa::ToSchema;

use super::HelpAnswerJson;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson, ApiPath};

/// A question and its answer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HelpAnswerInput {
    /// At most 200 characters.
    pub question: String,
    /// At most 3,000 characters.
    pub answer: String,
}

impl HelpAnswerInput {
    fn parse(&self) -> Result<HelpText, ApiError> {
        HelpText::parse(&self.question, &self.answer).map_err(ApiError::Validation)
    }
}

fn staff_org(actor: &domain::Actor) -> Result<ChatOrg, ApiError> {
    ChatOrg::of_staff(actor).ok_or(ApiError::Forbidden)
}

/// The organisation's answers, by question.
#[utoipa::path(
    get, path = "/help-answers", tag = "chat",
    security(("bearer" = [])),
    responses((status = 200, body = [HelpAnswerJson]), (status = 403, body = crate::error::Problem))
)]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<Vec<HelpAnswerJson>>, ApiError> {
    let org = staff_org(&actor)?;
    let all = state.store.help_answers(&org).await?;
    Ok(Json(
        all.answers.into_iter().map(HelpAnswerJson::from).collect(),
    ))
}

/// A new answer: 201. 422 naming `question` or `answer`.
#[utoipa::path(
    post, path = "/help-answers", tag = "chat",
    request_body = HelpAnswerInput,
    security(("bearer" = [])),
    responses(
        (status = 201, body = HelpAnswerJson),
        (status = 403, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<HelpAnswerInput>,
) -> Result<(StatusCode, Json<HelpAnswerJson>), ApiError> {
    let org = staff_org(&actor)?;
    let text = input.parse()?;
    let saved = state
        .store
        .save_help_answer(&actor, &org, None, &text)
        .await?;
    Ok((StatusCode::CREATED, Json(saved.into())))
}

/// Changes an answer of the organisation's; another's: 404.
#[utoipa::path(
    put, path = "/help-answers/{id}", tag = "chat",
    params(("id" = String, Path)),
    request_body = HelpAnswerInput,
    security(("bearer" = [])),
    responses(
        (status = 200, body = HelpAnswerJson),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::HelpAnswerId>,
    ApiJson(input): ApiJson<HelpAnswerInput>,
) -> Result<Json<HelpAnswerJson>, ApiError> {
    let org = staff_org(&actor)?;
    let text = input.parse()?;
    let saved = state
        .store
        .save_help_answer(&actor, &org, Some(&id), &text)
        .await?;
    Ok(Json(saved.into()))
}

/// Deletes an answer of the organisation's: 204; another's: 404.
#[utoipa::path(
    delete, path = "/help-answers/{id}", tag = "chat",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses((status = 204), (status = 404, body = crate::error::Problem))
)]
pub async fn delete(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::HelpAnswerId>,
) -> Result<StatusCode, ApiError> {
    let org = staff_org(&actor)?;
    state.store.delete_help_answer(&actor, &org, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
