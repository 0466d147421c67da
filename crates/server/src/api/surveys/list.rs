use axum::Json;
use axum::extract::State;
use domain::surveys::QUESTIONS;
use serde::Serialize;
use store::Surveyed;
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::ApiActor;
use crate::i18n::Lang;

#[derive(Debug, Serialize, ToSchema)]
pub struct OptionJson {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionJson {
    pub id: String,
    pub text: String,
    /// `scale`, `choice` or `text`.
    pub kind: String,
    /// Empty for `text`.
    pub options: Vec<OptionJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyJson {
    pub id: String,
    pub meeting_id: String,
    pub questions: Vec<QuestionJson>,
    /// When the meeting was held (its start).
    #[schema(value_type = String)]
    pub held_at: String,
    pub channel: domain::Channel,
    pub staff_name: String,
}

/// A survey after a chat that staff marked as a conversation (issue 21): the same questions,
/// answered the same way (`POST /surveys/{id}/answers`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ChatSurveyJson {
    pub id: String,
    pub chat_id: String,
    pub questions: Vec<QuestionJson>,
    /// When the chat was asked for.
    #[schema(value_type = String)]
    pub held_at: String,
    /// Who took the chat.
    pub staff_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveysJson {
    /// After held meetings, as API.md describes them.
    pub surveys: Vec<SurveyJson>,
    /// After chats: kept apart so that every item of `surveys` has its meeting and channel.
    pub chat_surveys: Vec<ChatSurveyJson>,
}

/// The questions in Danish, as API.md's examples are.
pub fn questions() -> Vec<QuestionJson> {
    QUESTIONS
        .iter()
        .map(|q| QuestionJson {
            id: q.id.to_owned(),
            text: crate::i18n::surveys::question(Lang::Da, q.id).to_owned(),
            kind: q.kind.as_str().to_owned(),
            options: q
                .options
                .iter()
                .map(|value| OptionJson {
                    value: (*value).to_owned(),
                    label: crate::i18n::surveys::option(Lang::Da, q.id, value),
                })
                .collect(),
        })
        .collect()
}

/// The signed-in citizen's surveys waiting for an answer, newest first: after meetings, and
/// after chats staff marked as conversations. Staff: 403.
#[utoipa::path(
    get, path = "/surveys", tag = "surveys",
    security(("bearer" = [])),
    responses(
        (status = 200, body = SurveysJson),
        (status = 403, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<SurveysJson>, ApiError> {
    let pending = state.store.pending_surveys(&actor).await?;
    let (mut surveys, mut chat_surveys) = (Vec::new(), Vec::new());
    for p in pending {
        let held_at = crate::time_fmt::rfc3339(p.held_at);
        match p.about {
            Surveyed::Meeting { id, channel } => surveys.push(SurveyJson {
                id: p.id.into(),
                meeting_id: id.into(),
                questions: questions(),
                held_at,
                channel,
                staff_name: p.staff_name,
            }),
            Surveyed::Chat { id } => chat_surveys.push(ChatSurveyJson {
                id: p.id.into(),
                chat_id: id.into(),
                questions: questions(),
                held_at,
                staff_name: p.staff_name,
            }),
        }
    }
    Ok(Json(SurveysJson {
        surveys,
        chat_surveys,
    }))
}
