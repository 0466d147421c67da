use std::collections::{BTreeMap, HashMap};

use axum::Json;
use axum::extract::State;
use domain::surveys::SurveyAnswers;
use domain::{FieldError, Invalid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson, ApiPath};

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct SurveyAnswersInput {
    /// By question id: a `scale` or `choice` question's option value (`5` or `"5"`), and the
    /// optional `text`.
    #[schema(required = true, value_type = Object)]
    pub answers: Option<HashMap<String, Value>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AnsweredJson {
    pub id: String,
    #[schema(value_type = String)]
    pub answered_at: String,
}

/// Answers one of the citizen's own surveys, once: every `scale` and `choice` question with one
/// of its option values, the `text` optional. 409 `already_answered` the second time; 422
/// `validation_failed` naming each missing or unknown answer (`answers.satisfaction`); nothing
/// is stored then.
#[utoipa::path(
    post, path = "/surveys/{id}/answers", tag = "surveys",
    params(("id" = String, Path)),
    request_body = SurveyAnswersInput,
    security(("bearer" = [])),
    responses(
        (status = 200, body = AnsweredJson),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::SurveyId>,
    ApiJson(input): ApiJson<SurveyAnswersInput>,
) -> Result<Json<AnsweredJson>, ApiError> {
    let raw = input
        .answers
        .ok_or_else(|| ApiError::Validation(vec![FieldError::new("answers", Invalid::Required)]))?;
    let mut values = BTreeMap::new();
    let mut errors = Vec::new();
    for (key, value) in raw {
        match value {
            Value::String(s) => {
                values.insert(key, s);
            }
            Value::Number(n) => {
                values.insert(key, n.to_string());
            }
            Value::Null => {}
            _ => errors.push(FieldError::new(
                format!("answers.{key}"),
                Invalid::BadFormat,
            )),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let answers = SurveyAnswers::parse(&values)?;
    let at = state.store.answer_survey(&actor, &id, &answers).await?;
    Ok(Json(AnsweredJson {
        id: id.into(),
        answered_at: crate::time_fmt::rfc3339(at),
    }))
}
