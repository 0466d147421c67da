//! `GET /citizens/{id}/help?q=`: the answers matching a citizen's words best, Danish word forms
//! included ("bookede" finds "booke"). A citizen's search that finds nothing is counted for the
//! manager's report.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::HelpAnswerJson;
use crate::AppState;
use crate::api::messages::ThreadParams;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiPath, ApiQuery};

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The words, at most 200 characters.
    pub q: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HelpSearchJson {
    /// Best first; at most five. Empty: nothing answers the words.
    pub answers: Vec<HelpAnswerJson>,
}

/// Searches the answers of the citizen's jobcentre (or a-kasse, `thread=a_kasse`). 422 `q`
/// when the words are missing, blank or too long. Anyone who may not read the thread: 404.
#[utoipa::path(
    get, path = "/citizens/{id}/help", tag = "chat",
    params(("id" = String, Path), SearchParams, ThreadParams),
    security(("bearer" = [])),
    responses(
        (status = 200, body = HelpSearchJson),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
    ApiQuery(params): ApiQuery<SearchParams>,
    ApiQuery(thread): ApiQuery<ThreadParams>,
) -> Result<Json<HelpSearchJson>, ApiError> {
    let holder = thread.holder()?;
    let words = match domain::help::search_words(params.q.as_deref().unwrap_or_default()) {
        Ok(Some(words)) => words,
        Ok(None) => {
            let missing = domain::FieldError::new("q", domain::Invalid::Required);
            return Err(ApiError::Validation(vec![missing]));
        }
        Err(e) => return Err(ApiError::Validation(vec![e])),
    };
    let org = state.store.help_org(&actor, &id, holder).await?;
    let found = state.help.search(&state.store, &actor, &org, words).await?;
    Ok(Json(HelpSearchJson {
        answers: found.into_iter().map(HelpAnswerJson::from).collect(),
    }))
}
