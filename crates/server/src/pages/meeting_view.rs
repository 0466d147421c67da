//! A meeting as the pages show it: every text formatted in the reader's language, and what the
//! reader may do with it now. Citizens and staff see the same meeting slightly differently: the
//! caseworker sees the number to call, the citizen is told that the caseworker will call.

use domain::meetings::{AbsenceReason, AbsenceStatus};
use domain::{Channel, MeetingStatus};
use jiff::Timestamp;
use store::Meeting;

use crate::i18n::{Lang, channel, meeting_status, role};
use crate::time_fmt::when;

pub struct MeetingView {
    pub id: String,
    pub when: String,
    pub channel: &'static str,
    pub status: &'static str,
    pub staff_name: String,
    pub adviser_name: Option<String>,
    pub purpose: Option<String>,
    pub location: Option<String>,
    /// Video: the room, for those who take part.
    pub join_url: Option<String>,
    /// Video, for anyone else looking (a colleague, a manager): who can join (issue 20).
    pub video_participants: Option<String>,
    /// Phone, for staff: the citizen's number (`tel:` link).
    pub phone: Option<String>,
    /// Phone, for the citizen: "Din jobkonsulent ringer til dig".
    pub will_be_called: bool,
    pub attendance_reason: Option<String>,
    /// "Aflyst af borger: Syg (for sent)".
    pub cancellation: Option<String>,
    pub citizen_id: String,
    pub citizen_name: Option<String>,
    /// Booked and not begun: may be moved or cancelled.
    pub can_change: bool,
    /// May be moved by this reader: staff always, a citizen a call-in only within its
    /// rebooking period (`domain::meetings::may_rebook`).
    pub can_move: bool,
    /// Staff, booked and begun: the outcome may be recorded.
    pub can_record: bool,
    /// Booked and not over: listed under upcoming meetings.
    pub upcoming: bool,
    /// A call-in: where exactly, how to get in, whom to call, whether it can be moved.
    pub call_in: Option<CallInView>,
    /// May be cancelled by this reader: not a citizen's own call-in ("Jeg kan ikke komme").
    pub can_cancel: bool,
    /// A citizen's call-in, booked, not begun, nothing reported yet.
    pub can_report_absence: bool,
    /// Where a reported absence stands, in the reader's words.
    pub absence_line: Option<String>,
    /// Staff: an absence waits for their decision.
    pub can_decide_absence: bool,
    /// A no-show with a reasonable excuse: "Udeblevet med rimelig grund: …".
    pub excuse_line: Option<String>,
    /// "Tigrinya, i lokalet – Tolkeservice Nord, 70 20 30 40" (issue 19), for everyone in it.
    pub interpreter: Option<String>,
    /// Staff, a video meeting's interpreter: the link to send them (the waiting room's door).
    pub interpreter_link: Option<String>,
    pub companion: Option<String>,
    /// Where "Flyt samtalen" leads: the same holder's times (the a-kasse's for its meeting).
    pub move_href: String,
}

/// The reason a citizen gave, as they chose it.
pub fn absence_reason(lang: Lang, r: AbsenceReason) -> &'static str {
    match r {
        AbsenceReason::Illness => lang.text("absence-reason-illness"),
        AbsenceReason::ChildIllness => lang.text("absence-reason-child-illness"),
        AbsenceReason::JobInterview => lang.text("absence-reason-job-interview"),
        AbsenceReason::Work => lang.text("absence-reason-work"),
        AbsenceReason::Other => lang.text("absence-reason-other"),
    }
}

fn absence_line(a: &store::Absence, r: &Reader<'_>) -> String {
    let lang = r.lang;
    let said = match &a.text {
        Some(t) => format!("{} ({t})", absence_reason(lang, a.reason)),
        None => absence_reason(lang, a.reason).to_owned(),
    };
    let decision = a.decision_reason.clone().unwrap_or_default();
    match (a.status, r.is_staff) {
        (AbsenceStatus::Pending, true) => {
            lang.fmt("absence-citizen-said", &[("reason", (&said).into())])
        }
        (AbsenceStatus::Pending, false) => {
            lang.fmt("absence-pending", &[("reason", (&said).into())])
        }
        (AbsenceStatus::Accepted, false) => lang.text("absence-accepted").to_owned(),
        (AbsenceStatus::Accepted, true) => lang.text("absence-accepted-staff").to_owned(),
        (AbsenceStatus::Refused, false) => {
            lang.fmt("absence-refused", &[("reason", (&decision).into())])
        }
        (AbsenceStatus::Refused, true) => {
            lang.fmt("absence-refused-staff", &[("reason", (&decision).into())])
        }
    }
}

/// A call-in's facts in words (BEK nr. 442/2023 § 20, stk. 1, nr. 5-8, 11-12).
pub struct CallInView {
    /// "Du er indkaldt til denne samtale"; staff read "Indkaldelse".
    pub heading: &'static str,
    /// Name, street, postcode and town, one line each.
    pub address: Vec<String>,
    pub directions: Option<String>,
    /// "Der er adgang uden trin." or what to do if there are steps.
    pub access: Option<&'static str>,
    /// By phone when the citizen calls: "Ring til os på …" (staff: "Borgeren ringer til …").
    pub phone_line: Option<String>,
    /// "Du kan selv flytte tiden indtil …" or that it cannot be moved.
    pub rebook: String,
}

fn call_in_view(c: &store::CallIn, r: &Reader<'_>) -> CallInView {
    let lang = r.lang;
    let address = c
        .location
        .as_ref()
        .map(|l| {
            vec![
                l.name.clone(),
                l.street.clone(),
                format!("{} {}", l.postcode, l.town),
            ]
        })
        .unwrap_or_default();
    let access = c.location.as_ref().map(|l| {
        lang.text(if l.step_free {
            "meeting-step-free"
        } else {
            "meeting-not-step-free"
        })
    });
    let phone_line = c.phone.as_ref().map(|p| {
        let key = if r.is_staff {
            "meeting-citizen-calls"
        } else {
            "meeting-call-us"
        };
        lang.fmt(key, &[("phone", p.into())])
    });
    let rebook = match c.rebook_until {
        Some(until) if until > r.now => {
            let until = catalogue::dates::starts(lang, until);
            lang.fmt("meeting-rebook-until", &[("until", (&until).into())])
        }
        _ => lang.text("meeting-no-rebook").to_owned(),
    };
    CallInView {
        heading: lang.text(if r.is_staff {
            "meeting-call-in-heading-staff"
        } else {
            "meeting-call-in-heading"
        }),
        address,
        directions: c.location.as_ref().and_then(|l| l.directions.clone()),
        access,
        phone_line,
        rebook,
    }
}

/// Who is looking, which decides what the view holds.
pub struct Reader<'a> {
    pub lang: Lang,
    pub is_staff: bool,
    pub now: Timestamp,
    pub public_url: &'a str,
    /// The citizen's phone number, shown to staff for phone meetings.
    pub citizen_phone: Option<&'a str>,
    /// The reader's id: whether they take part in the meeting (the video room's rule).
    pub person: String,
}

pub fn view(m: &Meeting, r: &Reader<'_>) -> MeetingView {
    let booked = m.status == MeetingStatus::Booked;
    // The button into the room is for those the room lets in (`room_role`, the same rule the
    // room applies); anyone else who may read the meeting is told who can join.
    let room = domain::meetings::room_role(m.room_facts(), &r.person, r.now);
    let video = m.channel == Channel::Video && booked;
    let outsider = room == Err(domain::meetings::RoomRefusal::NotParticipant);
    // Booked and not begun: what every change to it needs.
    let open = booked && m.start > r.now;
    let cancellation = m.cancellation.as_ref().map(|c| {
        let by = role(r.lang, c.by_role).to_lowercase();
        let key = if c.late {
            "meeting-cancelled-late-by"
        } else {
            "meeting-cancelled-by"
        };
        r.lang.fmt(
            key,
            &[("by", by.as_str().into()), ("reason", (&c.reason).into())],
        )
    });
    MeetingView {
        id: m.id.to_string(),
        when: when(m.start, m.end, r.lang),
        channel: channel(r.lang, m.channel),
        status: meeting_status(r.lang, m.status),
        staff_name: m.staff_name.clone(),
        adviser_name: m.adviser_name.clone(),
        purpose: m.purpose.clone(),
        location: m.location.clone(),
        join_url: room
            .is_ok()
            .then(|| format!("{}/moeder/{}/video", r.public_url, m.id)),
        video_participants: (video && outsider).then(|| {
            let names = match &m.adviser_name {
                Some(adviser) => format!("{}, {adviser}", m.staff_name),
                None => m.staff_name.clone(),
            };
            r.lang.fmt(
                "meeting-video-participants",
                &[("names", names.as_str().into())],
            )
        }),
        phone: (m.channel == Channel::Phone && r.is_staff)
            .then(|| r.citizen_phone.map(str::to_owned))
            .flatten(),
        // A citizen who is to call us is told the number instead.
        will_be_called: m.channel == Channel::Phone
            && !r.is_staff
            && m.call_in.as_ref().is_none_or(|c| c.phone.is_none()),
        attendance_reason: m.attendance_reason.clone(),
        cancellation,
        citizen_id: m.citizen_id.to_string(),
        citizen_name: None,
        can_change: open,
        can_move: open
            && (r.is_staff
                || !m.is_call_in()
                || domain::meetings::may_rebook(m.rebook_until(), r.now)),
        can_record: booked && r.is_staff && m.start <= r.now,
        upcoming: booked && m.end > r.now,
        call_in: m.call_in.as_ref().map(|c| call_in_view(c, r)),
        can_cancel: open && (r.is_staff || !m.is_call_in()),
        can_report_absence: open && !r.is_staff && m.is_call_in() && m.absence.is_none(),
        absence_line: m.absence.as_ref().map(|a| absence_line(a, r)),
        can_decide_absence: r.is_staff
            && m.absence.as_ref().map(|a| a.status) == Some(AbsenceStatus::Pending),
        excuse_line: m.no_show_excuse.as_ref().map(|e| {
            r.lang
                .fmt("meeting-no-show-excuse", &[("excuse", e.into())])
        }),
        interpreter: m.interpreter.as_ref().map(|i| interpreter_line(i, r.lang)),
        interpreter_link: m
            .interpreter
            .as_ref()
            .and_then(|i| i.token.as_ref())
            .filter(|_| r.is_staff && video)
            .map(|token| format!("{}/moeder/{}/video/tolk/{token}", r.public_url, m.id)),
        companion: m.companion.clone(),
        move_href: {
            let med = if m.by_fund {
                super::booking::WITH_FUND
            } else {
                "jobcenter"
            };
            format!(
                "/samtaler/ny?borger={}&flyt={}&med={med}",
                m.citizen_id, m.id
            )
        },
    }
}

/// The interpreter as the meeting shows them: language, how, and the provider with phone.
fn interpreter_line(i: &store::MeetingInterpreter, lang: Lang) -> String {
    let provider = match &i.provider_phone {
        Some(phone) => format!("{}, {}", i.provider_name, domain::spoken_phone(phone)),
        None => i.provider_name.clone(),
    };
    lang.fmt(
        "meeting-interpreter-line",
        &[
            (
                "language",
                catalogue::meetings::interpreter_language(lang, i.language.code()).into(),
            ),
            (
                "how",
                catalogue::meetings::interpreter_how(lang, i.mode).into(),
            ),
            ("provider", provider.as_str().into()),
        ],
    )
}
