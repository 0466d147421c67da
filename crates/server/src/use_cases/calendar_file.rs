//! A meeting as an iCalendar file for "add to calendar", in the reader's language: the same
//! file from the API (Danish) and from the meeting page (the page's language).

use axum::http::header;
use axum::response::IntoResponse;
use domain::Channel;

use crate::i18n::Lang;
use crate::ics;

/// What the calendar entry says about a meeting, in `lang`: the channel and what to do.
pub fn summary_and_description(
    lang: Lang,
    m: &store::Meeting,
    public_url: &str,
) -> (String, String) {
    let (summary, mut description) = match (m.channel, m.location.as_deref()) {
        (Channel::InPerson, place) => (
            lang.text("calendar-entry-in-person"),
            match place {
                Some(place) => lang.fmt("notice-how-in-person", &[("place", place.into())]),
                None => lang.text("notice-how-in-person-unknown").to_owned(),
            },
        ),
        (Channel::Phone, _) => (
            lang.text("calendar-entry-phone"),
            lang.text("notice-how-phone").to_owned(),
        ),
        (Channel::Video, _) => {
            let link = format!("{public_url}/moeder/{}/video", m.id);
            (
                lang.text("calendar-entry-video"),
                lang.fmt("notice-how-video", &[("link", (&link).into())]),
            )
        }
    };
    if let Some(reason) = &m.attendance_reason {
        description.push('\n');
        description.push_str(&lang.fmt("notice-attendance", &[("reason", reason.into())]));
    }
    if let Some(adviser) = &m.adviser_name {
        description.push('\n');
        description.push_str(&lang.fmt("notice-fund-joins", &[("adviser", adviser.into())]));
    }
    (summary.to_owned(), description)
}

/// A meeting as a downloadable calendar file, for the API and the pages alike.
pub fn response(
    lang: Lang,
    meeting: &store::Meeting,
    public_url: &str,
    now: jiff::Timestamp,
) -> axum::response::Response {
    let (summary, description) = summary_and_description(lang, meeting, public_url);
    let body = ics::calendar(
        "Jobunivers",
        &[ics::Event {
            meeting,
            summary,
            description,
            url: format!("{public_url}/samtaler/{}", meeting.id),
        }],
        now,
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
