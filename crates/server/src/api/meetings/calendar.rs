use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use domain::Channel;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::ApiActor;
use crate::ics;

/// What the calendar entry says about a meeting, in Danish: the channel and what to do.
pub fn summary_and_description(m: &store::Meeting, public_url: &str) -> (String, String) {
    let (summary, mut description) = match m.channel {
        Channel::InPerson => (
            "Samtale på jobcentret".to_owned(),
            format!(
                "Mød op: {}",
                m.location.as_deref().unwrap_or("se Jobunivers")
            ),
        ),
        Channel::Phone => (
            "Telefonsamtale med jobcentret".to_owned(),
            "Din jobkonsulent ringer til dig.".to_owned(),
        ),
        Channel::Video => (
            "Videosamtale med jobcentret".to_owned(),
            format!("Deltag i browseren: {public_url}/moeder/{}/video", m.id),
        ),
    };
    if let Some(reason) = &m.attendance_reason {
        description.push_str(&format!(
            "\nDu er indkaldt til personligt fremmøde: {reason}"
        ));
    }
    if let Some(adviser) = &m.adviser_name {
        description.push_str(&format!("\nDin a-kasse deltager: {adviser}"));
    }
    (summary, description)
}

/// A meeting as a downloadable calendar file, for the API and the pages alike.
pub fn file_response(meeting: &store::Meeting, public_url: &str) -> axum::response::Response {
    let (summary, description) = summary_and_description(meeting, public_url);
    let body = ics::calendar(
        "Jobunivers",
        &[ics::Event {
            meeting,
            summary,
            description,
            url: format!("{public_url}/samtaler/{}", meeting.id),
        }],
    );
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"samtale.ics\"",
            ),
        ],
        body,
    )
        .into_response()
}

/// The meeting as an iCalendar file with one VEVENT, for "add to calendar".
#[utoipa::path(
    get, path = "/api/v1/meetings/{id}/calendar.ics", tag = "meetings",
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
    Path(id): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let meeting = state.store.meeting(&actor, &id).await?;
    Ok(file_response(&meeting, &state.config.public_url))
}
