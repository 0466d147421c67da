//! Self-help answers (issue 21, item 5; extensions of API.md): a citizen searches their
//! jobcentre's or a-kasse's answers (`search.rs`); the organisation's staff keep them
//! (`answers.rs`).

pub mod answers;
pub mod search;

use serde::Serialize;
use utoipa::ToSchema;

use crate::time_fmt::rfc3339;

/// One answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelpAnswerJson {
    pub id: String,
    #[schema(example = "Hvordan booker jeg en samtale?")]
    pub question: String,
    pub answer: String,
    #[schema(value_type = String)]
    pub updated_at: String,
}

impl From<store::HelpAnswer> for HelpAnswerJson {
    fn from(a: store::HelpAnswer) -> Self {
        Self {
            id: a.id.into(),
            question: a.question,
            answer: a.answer,
            updated_at: rfc3339(a.updated_at),
        }
    }
}
