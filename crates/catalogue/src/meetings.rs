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

/// The name of an interpreter's language (a code of `domain::InterpreterLanguage::ALL`) in
/// the reader's language; a code no longer on the list reads "another language".
pub fn interpreter_language(lang: Lang, code: &str) -> &'static str {
    match code {
        "ar" => lang.text("language-ar"),
        "bs" => lang.text("language-bs"),
        "de" => lang.text("language-de"),
        "en" => lang.text("language-en"),
        "es" => lang.text("language-es"),
        "fa" => lang.text("language-fa"),
        "fr" => lang.text("language-fr"),
        "it" => lang.text("language-it"),
        "ku" => lang.text("language-ku"),
        "lt" => lang.text("language-lt"),
        "lv" => lang.text("language-lv"),
        "pl" => lang.text("language-pl"),
        "ps" => lang.text("language-ps"),
        "pt" => lang.text("language-pt"),
        "ro" => lang.text("language-ro"),
        "ru" => lang.text("language-ru"),
        "so" => lang.text("language-so"),
        "sq" => lang.text("language-sq"),
        "th" => lang.text("language-th"),
        "ti" => lang.text("language-ti"),
        "tr" => lang.text("language-tr"),
        "uk" => lang.text("language-uk"),
        "ur" => lang.text("language-ur"),
        "vi" => lang.text("language-vi"),
        _ => lang.text("language-unknown"),
    }
}

/// How an interpreter takes part, as the end of "Tolken er med …": "i lokalet", "i
/// telefonen", "i videosamtalen".
pub fn interpreter_how(lang: Lang, mode: domain::InterpreterMode) -> &'static str {
    match mode {
        domain::InterpreterMode::InPerson => lang.text("interpreter-how-in-person"),
        domain::InterpreterMode::Phone => lang.text("interpreter-how-phone"),
        domain::InterpreterMode::Video => lang.text("interpreter-how-video"),
    }
}

/// What a letter and an e-mail say about the interpreter booked and the companion named, one
/// paragraph each (issue 19 item 4).
pub fn support_lines(
    lang: Lang,
    interpreter: Option<(&str, domain::InterpreterMode)>,
    companion: Option<&str>,
) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((code, mode)) = interpreter {
        out.push(lang.fmt(
            "notice-interpreter-booked",
            &[
                ("language", interpreter_language(lang, code).into()),
                ("how", interpreter_how(lang, mode).into()),
            ],
        ));
    }
    if let Some(name) = companion {
        out.push(lang.fmt("notice-companion", &[("name", name.into())]));
    }
    out
}
