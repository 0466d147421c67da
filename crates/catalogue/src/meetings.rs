//! How a meeting is taken part in, in words: the same sentences in the e-mail, the letter and
//! the calendar file.

use domain::Channel;

use crate::Lang;

/// Where to go, that we call, or the video link.
pub fn how_to_take_part(
    lang: Lang,
    channel: Channel,
    location: Option<&str>,
    video_link: &str,
) -> String {
    match (channel, location) {
        (Channel::InPerson, Some(place)) => {
            lang.fmt("notice-how-in-person", &[("place", place.into())])
        }
        (Channel::InPerson, None) => lang.text("notice-how-in-person-unknown").to_owned(),
        (Channel::Phone, _) => lang.text("notice-how-phone").to_owned(),
        (Channel::Video, _) => lang.fmt("notice-how-video", &[("link", video_link.into())]),
    }
}

/// What a call-in's notice and letter add to "how to take part" (BEK nr. 442/2023 § 20,
/// stk. 1, nr. 7): the way in and whether it is step-free.
pub fn call_in_lines(lang: Lang, directions: Option<&str>, step_free: Option<bool>) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(d) = directions {
        lines.push(lang.fmt("notice-call-in-directions", &[("directions", d.into())]));
    }
    match step_free {
        Some(true) => lines.push(lang.text("meeting-step-free").to_owned()),
        Some(false) => lines.push(lang.text("meeting-not-step-free").to_owned()),
        None => {}
    }
    lines
}

/// Whether the citizen may move a call-in themself, and until when (nr. 11-12; `until`
/// already in words).
pub fn rebook_line(lang: Lang, until: Option<&str>) -> String {
    match until {
        Some(until) => lang.fmt("meeting-rebook-until", &[("until", until.into())]),
        None => lang.text("meeting-no-rebook").to_owned(),
    }
}

/// The lines a call-in and a joint meeting add: why attendance in person is required, and
/// that the a-kasse takes part.
pub fn call_in_and_fund(
    lang: Lang,
    attendance_reason: Option<&str>,
    adviser: Option<&str>,
) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(reason) = attendance_reason {
        lines.push(lang.fmt("notice-attendance", &[("reason", reason.into())]));
    }
    if let Some(adviser) = adviser {
        lines.push(lang.fmt("notice-fund-joins", &[("adviser", adviser.into())]));
    }
    lines
}
