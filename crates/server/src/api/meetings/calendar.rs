use axum::extract::State;
use axum::response::IntoResponse;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiPath};
use crate::i18n::Lang;
use crate::use_cases::calendar_file;

/// The meeting as an iCalendar file with one VEVENT, for "add to calendar".
#[utoipa::path(
    get, path = "/meetings/{id}/calendar.ics", tag = "meetings",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, content_type = "text/calendar", body = String),
        (status = 404, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::MeetingId>,
) -> Result<impl IntoResponse, ApiError> {
    let meeting = state.store.meeting(&actor, &id).await?;
    Ok(calendar_file::response(
        Lang::Da,
        &meeting,
        &state.config.public_url,
        state.store.now(),
    ))
}
