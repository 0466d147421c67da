//! The words of a notice: subject and body for e-mail and letters, and a short SMS, in the
//! reader's language (the words are in the catalogue's `notices.ftl`). Plain language in the
//! voice DESIGN.md asks for: "du", the action first, what to do next.

use catalogue::meetings::{
    call_in_and_fund, call_in_lines, how_to_take_part, rebook_line, support_lines,
};
use catalogue::{Arg, Lang};
use domain::Channel;
use domain::notices::NoticeKind;
use store::MeetingNotice;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub subject: String,
    pub body: String,
    /// The body as a printed letter has it: what to do by phone instead of at a web address,
    /// the right to bring someone, and what happens if you do not come (issue 19).
    pub letter_body: String,
    /// A letter's sender lines: the organisation, its phone and hours.
    pub sender: Vec<String>,
    pub sms: String,
}

/// How to take part, by channel: where to go, that we call, or the video link.
fn how(lang: Lang, n: &MeetingNotice, public_url: &str) -> String {
    let m = &n.meeting;
    let link = format!("{public_url}/moeder/{}/video", m.id);
    let call_in = m.call_in.as_ref();
    // A call-in's place is its full address; by phone the citizen may be the one to call.
    if let Some(phone) = call_in.and_then(|c| c.phone.as_deref()) {
        return lang.fmt("meeting-call-us", &[("phone", phone.into())]);
    }
    let address = call_in
        .and_then(|c| c.location.as_ref())
        .map(store::Location::one_line);
    let place = address.as_deref().or(m.location.as_deref());
    how_to_take_part(lang, m.channel, place, &link)
}

/// The way in of a call-in and, when it is new or moved, whether the citizen may move it.
fn call_in_paragraphs(lang: Lang, call_in: &store::CallIn, kind: NoticeKind) -> Vec<String> {
    let location = call_in.location.as_ref();
    let mut lines = call_in_lines(
        lang,
        location.and_then(|l| l.directions.as_deref()),
        location.map(|l| l.step_free),
    );
    // A reminder may come after the rebooking period has closed; it does not repeat it.
    if matches!(kind, NoticeKind::Booked | NoticeKind::Moved) {
        let until = call_in
            .rebook_until
            .map(|t| catalogue::dates::starts(lang, t));
        lines.push(rebook_line(lang, until.as_deref()));
    }
    lines
}

fn short_how(lang: Lang, c: Channel) -> &'static str {
    match c {
        Channel::InPerson => lang.text("notice-short-in-person"),
        Channel::Phone => lang.text("notice-short-phone"),
        Channel::Video => lang.text("notice-short-video"),
    }
}

/// A letter's frame around its paragraphs: greeting, the paragraphs, sign-off and sender.
fn letter(lang: Lang, name: &str, paragraphs: &[String], sender: &str) -> String {
    let mut body = lang.fmt("notice-greeting", &[("name", name.into())]);
    body.push('\n');
    for p in paragraphs.iter().filter(|p| !p.is_empty()) {
        body.push('\n');
        body.push_str(p);
        body.push('\n');
    }
    body.push('\n');
    body.push_str(lang.text("notice-signoff"));
    body.push('\n');
    body.push_str(sender);
    body.push('\n');
    body
}

pub fn compose(lang: Lang, kind: NoticeKind, n: &MeetingNotice, public_url: &str) -> Notice {
    let m = &n.meeting;
    // "tirsdag den 8. december 2026 kl. 9.30", and how long in its own sentence: a time read
    // once, on paper or aloud, is read best as it is spoken (issue 19).
    let time = catalogue::dates::spoken(lang, m.start);
    let minutes = (m.end.as_second() - m.start.as_second()) / 60;
    let link = format!("{public_url}/samtaler/{}", m.id);
    let sender = lang.fmt(
        "notice-jobcenter",
        &[("town", (&n.municipality_name).into())],
    );
    let how_short = short_how(lang, m.channel);
    let args: [(&str, Arg<'_>); 4] = [
        ("time", (&time).into()),
        ("staff", (&m.staff_name).into()),
        ("sender", (&sender).into()),
        ("how", how_short.into()),
    ];
    let (subject, intro, sms) = match kind {
        NoticeKind::Booked => (
            "notice-booked-subject",
            "notice-booked-intro",
            "notice-booked-sms",
        ),
        NoticeKind::Moved => (
            "notice-moved-subject",
            "notice-moved-intro",
            "notice-moved-sms",
        ),
        NoticeKind::Cancelled => (
            "notice-cancelled-subject",
            "notice-cancelled-intro",
            "notice-cancelled-sms",
        ),
        NoticeKind::Reminder => (
            "notice-reminder-subject",
            "notice-reminder-intro",
            "notice-reminder-sms",
        ),
        NoticeKind::NewMessage => {
            return message_notice(
                lang,
                &n.citizen.name,
                &sender,
                "/borger/beskeder",
                public_url,
            );
        }
        NoticeKind::NoShowTold => return no_show_notice(lang, n, &time, &sender),
        NoticeKind::SurveyInvited => {
            let survey = store::SurveyNotice {
                citizen: n.citizen.clone(),
                municipality_name: n.municipality_name.clone(),
                code: None,
                phone: n.municipality_phone.clone(),
                phone_hours: n.municipality_phone_hours.clone(),
            };
            return survey_notice(lang, &survey, public_url);
        }
    };
    let cancelled = kind == NoticeKind::Cancelled;
    let mut paragraphs = vec![lang.fmt(intro, &args)];
    if !cancelled {
        let minutes = ("minutes", catalogue::Arg::Number(minutes));
        paragraphs[0].push(' ');
        paragraphs[0].push_str(&lang.fmt("notice-duration", &[minutes]));
        paragraphs.push(how(lang, n, public_url));
        if let Some(call_in) = &m.call_in {
            paragraphs.extend(call_in_paragraphs(lang, call_in, kind));
        }
        let interpreter = m.interpreter.as_ref().map(|i| (i.language.code(), i.mode));
        paragraphs.extend(support_lines(lang, interpreter, m.companion.as_deref()));
    }
    paragraphs.extend(call_in_and_fund(
        lang,
        m.attendance_reason.as_deref(),
        m.adviser_name.as_deref(),
    ));
    let mut on_paper = paragraphs.clone();
    if !cancelled {
        paragraphs.push(lang.fmt("notice-change", &[("link", (&link).into())]));
        on_paper.extend(paper_paragraphs(lang, kind, n, &link));
    }
    Notice {
        subject: lang.fmt(subject, &args),
        body: letter(lang, &n.citizen.name, &paragraphs, &sender),
        letter_body: letter(lang, &n.citizen.name, &on_paper, &sender),
        sender: sender_lines(lang, n),
        sms: lang.fmt(sms, &args),
    }
}

/// What a letter on paper says instead of a web address: call us (with the jobcentre's number
/// and hours; the web address only when no number is registered), you may bring someone, and
/// what happens if you do not come.
fn paper_paragraphs(lang: Lang, kind: NoticeKind, n: &MeetingNotice, link: &str) -> Vec<String> {
    let mut out = Vec::new();
    match &n.municipality_phone {
        Some(phone) => {
            let phone = domain::spoken_phone(phone);
            let call = match &n.municipality_phone_hours {
                Some(hours) => lang.fmt(
                    "notice-letter-call-hours",
                    &[("phone", (&phone).into()), ("hours", hours.into())],
                ),
                None => lang.fmt("notice-letter-call", &[("phone", (&phone).into())]),
            };
            out.push(call);
        }
        None => out.push(lang.fmt("notice-change", &[("link", link.into())])),
    }
    // With an interpreter booked, the letter says so above; it does not ask them to call for one.
    let companion = if n.meeting.interpreter.is_some() {
        "notice-letter-companion-only"
    } else {
        "notice-letter-companion"
    };
    out.push(lang.text(companion).to_owned());
    if matches!(kind, NoticeKind::Booked | NoticeKind::Moved) {
        out.push(lang.text("notice-letter-no-show").to_owned());
    }
    out
}

/// The sender's lines at the top of a letter: the organisation, its phone and its hours.
fn sender_lines(lang: Lang, n: &MeetingNotice) -> Vec<String> {
    let organisation = lang.fmt(
        "notice-jobcenter",
        &[("town", (&n.municipality_name).into())],
    );
    sender_of(
        lang,
        organisation,
        n.municipality_phone.as_deref(),
        n.municipality_phone_hours.as_deref(),
    )
}

/// The organisation's name, then "Telefon …" and the hours where it has them.
fn sender_of(
    lang: Lang,
    organisation: String,
    phone: Option<&str>,
    hours: Option<&str>,
) -> Vec<String> {
    let mut lines = vec![organisation];
    if let Some(phone) = phone {
        let phone = domain::spoken_phone(phone);
        lines.push(lang.fmt("notice-letter-phone", &[("phone", (&phone).into())]));
    }
    lines.extend(hours.map(str::to_owned));
    lines
}

/// A new message, told without its text: e-mail and SMS are not private enough for what a
/// citizen and the authorities write. `path` is the thread's page.
pub fn message_notice(
    lang: Lang,
    citizen_name: &str,
    organisation: &str,
    path: &str,
    public_url: &str,
) -> Notice {
    let link = format!("{public_url}{path}");
    let args: [(&str, Arg<'_>); 2] = [("sender", organisation.into()), ("link", (&link).into())];
    let paragraphs = [
        lang.fmt("notice-message-intro", &args),
        lang.fmt("notice-message-read", &args),
    ];
    let body = letter(lang, citizen_name, &paragraphs, organisation);
    Notice {
        subject: lang.fmt("notice-message-subject", &args),
        letter_body: body.clone(),
        sender: vec![organisation.to_owned()],
        body,
        sms: lang.fmt("notice-message-sms", &args),
    }
}

/// The invitation to answer the survey after a held meeting. On paper it gives the code to
/// type at `/spoergeskema` without signing in, and the number to answer by phone (issue 19).
pub fn survey_notice(lang: Lang, n: &store::SurveyNotice, public_url: &str) -> Notice {
    let organisation = lang.fmt(
        "notice-jobcenter",
        &[("town", (&n.municipality_name).into())],
    );
    let link = format!("{public_url}/borger");
    let args: [(&str, Arg<'_>); 2] = [("sender", (&organisation).into()), ("link", (&link).into())];
    let intro = lang.fmt("notice-survey-intro", &args);
    let paragraphs = [intro.clone(), lang.fmt("notice-survey-answer", &args)];
    let body = letter(lang, &n.citizen.name, &paragraphs, &organisation);
    let mut on_paper = vec![intro];
    if let Some(code) = &n.code {
        let shown = store::shown_code(code);
        let page = format!("{public_url}/spoergeskema");
        on_paper.push(lang.fmt(
            "notice-survey-code",
            &[("page", (&page).into()), ("code", (&shown).into())],
        ));
    }
    if let Some(phone) = &n.phone {
        let phone = domain::spoken_phone(phone);
        let hours = n.phone_hours.clone().unwrap_or_default();
        on_paper.push(lang.fmt(
            "notice-survey-phone",
            &[("phone", (&phone).into()), ("hours", (&hours).into())],
        ));
    }
    let sender = sender_of(
        lang,
        organisation.clone(),
        n.phone.as_deref(),
        n.phone_hours.as_deref(),
    );
    Notice {
        subject: lang.text("notice-survey-subject").to_owned(),
        letter_body: letter(lang, &n.citizen.name, &on_paper, &organisation),
        sender,
        body,
        sms: lang.fmt("notice-survey-sms", &args),
    }
}

/// The letter after a no-show (issue 19): what happened, what it may mean, and to call today —
/// in plain words, with the jobcentre's number where it has one.
fn no_show_notice(lang: Lang, n: &MeetingNotice, time: &str, sender: &str) -> Notice {
    let mut paragraphs = vec![lang.fmt("notice-no-show-intro", &[("time", time.into())])];
    match &n.municipality_phone {
        Some(phone) => {
            let phone = domain::spoken_phone(phone);
            let hours = n.municipality_phone_hours.clone().unwrap_or_default();
            paragraphs.push(lang.fmt(
                "notice-no-show-call",
                &[("phone", (&phone).into()), ("hours", (&hours).into())],
            ));
        }
        None => paragraphs.push(lang.text("notice-no-show-contact").to_owned()),
    }
    paragraphs.push(lang.text("notice-no-show-excuse").to_owned());
    let body = letter(lang, &n.citizen.name, &paragraphs, sender);
    Notice {
        subject: lang.text("notice-no-show-subject").to_owned(),
        letter_body: body.clone(),
        sender: sender_lines(lang, n),
        body,
        sms: lang.text("notice-no-show-subject").to_owned(),
    }
}
