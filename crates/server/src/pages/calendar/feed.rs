//! The private calendar feed per caseworker.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::i18n::{Lang, channel};
use crate::pages::PageError;

/// `GET /kalender/{token}.ics`: the private feed Outlook subscribes to (no sign-in; the token is
/// the secret). Meetings only, without citizens' names.
pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, PageError> {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    let meetings = state.store.calendar_feed(token).await?;
    let url = &state.config.public_url;
    let events: Vec<crate::ics::Event<'_>> = meetings
        .iter()
        .map(|m| crate::ics::Event {
            meeting: m,
            summary: Lang::Da.fmt(
                "calendar-feed-entry",
                &[(
                    "channel",
                    channel(Lang::Da, m.channel).to_lowercase().as_str().into(),
                )],
            ),
            description: String::new(),
            url: format!("{url}/samtaler/{}", m.id),
        })
        .collect();
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        crate::ics::calendar(
            Lang::Da.text("calendar-feed-name"),
            &events,
            state.store.now(),
        ),
    )
        .into_response())
}
