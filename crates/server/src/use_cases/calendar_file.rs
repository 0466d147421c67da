//! A meeting as an iCalendar file for "add to calendar", in the reader's language: the same
//! file from the API (Danish) and from the meeting page (the page's language).

use axum::http::header;
use axum::response::IntoResponse;
use catalogue::meetings::{call_in_and_fund, how_to_take_part, support_lines};
use domain::Channel;

use crate::i18n::Lang;
use crate::ics;

/// What the calendar entry says about a meeting, in `lang`: the channel and what to do.
pub fn summary_and_description(
    lang: Lang,
    m: &store::Meeting,
    public_url: &str,
) -> (String, String) {
    let summary = match m.channel {
        Channel::InPerson => lang.text("calendar-entry-in-person"),
        Channel::Phone => lang.text("calendar-entry-phone"),
        Channel::Video => lang.text("calendar-entry-video"),
    };
    let link = format!("{public_url}/moeder/{}/video", m.id);
    let how = how_to_take_part(lang, m.channel, m.location.as_deref(), &link);
    let extras = call_in_and_fund(
        lang,
        m.attendance_reason.as_deref(),
        m.adviser_name.as_deref(),
    );
    let interpreter = m.interpreter.as_ref().map(|i| (i.language.code(), i.mode));
    let support = support_lines(lang, interpreter, m.companion.as_deref());
    let description = std::iter::once(how)
        .chain(extras)
        .chain(support)
        .collect::<Vec<_>>()
        .join("\n");
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
