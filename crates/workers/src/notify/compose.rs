//! The words of a notice: subject and body for e-mail and letters, and a short SMS. Plain
//! Danish in the voice DESIGN.md asks for: "du", the action first, what to do next.

use domain::Channel;
use domain::clock_text::when;
use domain::notices::NoticeKind;
use store::MeetingNotice;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub subject: String,
    pub body: String,
    pub sms: String,
}

/// How to take part, by channel: where to go, that we call, or the video link.
fn how(n: &MeetingNotice, public_url: &str) -> String {
    let m = &n.meeting;
    match m.channel {
        Channel::InPerson => format!(
            "Mød op: {}.",
            m.location.as_deref().unwrap_or("se adressen i Jobunivers")
        ),
        Channel::Phone => "Din jobkonsulent ringer til dig.".to_owned(),
        Channel::Video => format!(
            "Samtalen er på video. Gå til {public_url}/moeder/{}/video – du skal ikke installere noget.",
            m.id
        ),
    }
}

pub fn compose(kind: NoticeKind, n: &MeetingNotice, public_url: &str) -> Notice {
    let m = &n.meeting;
    let time = when(m.start, m.end, false);
    let link = format!("{public_url}/samtaler/{}", m.id);
    let jobcenter = format!("Jobcenter {}", n.municipality_name);
    let mut extra = String::new();
    if let Some(reason) = &m.attendance_reason {
        extra.push_str(&format!(
            "\nDu er indkaldt til at møde personligt op. Begrundelse: {reason}\n"
        ));
    }
    if let Some(adviser) = &m.adviser_name {
        extra.push_str(&format!("\nDin a-kasse deltager også: {adviser}.\n"));
    }
    let (subject, intro, sms) = match kind {
        NoticeKind::Booked => (
            format!("Du har en samtale {time}"),
            format!("Du har fået en samtale med {} {time}.", m.staff_name),
            format!(
                "{jobcenter}: Du har en samtale {time}. {}",
                short_how(m.channel)
            ),
        ),
        NoticeKind::Moved => (
            format!("Din samtale er flyttet til {time}"),
            format!(
                "Din samtale med {} er flyttet. Den nye tid er {time}.",
                m.staff_name
            ),
            format!("{jobcenter}: Din samtale er flyttet til {time}."),
        ),
        NoticeKind::Cancelled => (
            format!("Din samtale {time} er aflyst"),
            format!(
                "Din samtale {time} er aflyst. Du behøver ikke gøre noget. Vi finder en ny tid, hvis det er nødvendigt."
            ),
            format!("{jobcenter}: Din samtale {time} er aflyst."),
        ),
        NoticeKind::NewMessage => {
            return message_notice(&n.citizen.name, &jobcenter, "/borger/beskeder", public_url);
        }
        NoticeKind::SurveyInvited => return survey_notice(&n.citizen.name, &jobcenter, public_url),
        NoticeKind::Reminder => (
            format!("Husk din samtale {time}"),
            format!("Husk din samtale med {} {time}.", m.staff_name),
            format!(
                "{jobcenter}: Husk din samtale {time}. {}",
                short_how(m.channel)
            ),
        ),
    };
    let how = if kind == NoticeKind::Cancelled {
        String::new()
    } else {
        format!("\n{}\n", how(n, public_url))
    };
    let change = if kind == NoticeKind::Cancelled {
        String::new()
    } else {
        format!("\nKan du ikke komme? Flyt eller aflys samtalen her: {link}\n")
    };
    let body = format!(
        "Kære {},\n\n{intro}\n{how}{extra}{change}\nVenlig hilsen\n{jobcenter}\n",
        n.citizen.name
    );
    Notice { subject, body, sms }
}

fn short_how(c: Channel) -> &'static str {
    match c {
        Channel::InPerson => "Mød op på jobcentret.",
        Channel::Phone => "Vi ringer til dig.",
        Channel::Video => "Samtalen er på video; se linket i Jobunivers.",
    }
}

/// A new message, told without its text: e-mail and SMS are not private enough for what a
/// citizen and the authorities write. `path` is the thread's page.
pub fn message_notice(
    citizen_name: &str,
    organisation: &str,
    path: &str,
    public_url: &str,
) -> Notice {
    let link = format!("{public_url}{path}");
    Notice {
        subject: format!("Du har en ny besked fra {organisation}"),
        body: format!(
            "Kære {citizen_name},\n\nDu har fået en ny besked fra {organisation} i Jobunivers.\n\n\
             Læs og svar her: {link}\n\nVenlig hilsen\n{organisation}\n"
        ),
        sms: format!("{organisation}: Du har en ny besked i Jobunivers. Læs den på {link}"),
    }
}

/// The invitation to answer the survey after a held meeting.
pub fn survey_notice(citizen_name: &str, organisation: &str, public_url: &str) -> Notice {
    let link = format!("{public_url}/borger");
    Notice {
        subject: "Hvordan gik din samtale?".to_owned(),
        body: format!(
            "Kære {citizen_name},\n\nTak for din samtale med {organisation}. Vil du bruge to minutter på at \
             fortælle os, hvordan den gik? Dine svar er anonyme: din jobkonsulent ser dem aldrig.\n\n\
             Svar her: {link}\n\nVenlig hilsen\n{organisation}\n"
        ),
        sms: format!("{organisation}: Hvordan gik din samtale? Svar anonymt på {link}"),
    }
}
