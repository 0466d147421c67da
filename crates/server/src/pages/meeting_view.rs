//! A meeting as the pages show it: every text formatted in the reader's language, and what the
//! reader may do with it now. Citizens and staff see the same meeting slightly differently: the
//! caseworker sees the number to call, the citizen is told that the caseworker will call.

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
    /// Video: the room.
    pub join_url: Option<String>,
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
    /// Staff, booked and begun: the outcome may be recorded.
    pub can_record: bool,
    /// Booked and not over: listed under upcoming meetings.
    pub upcoming: bool,
}

/// Who is looking, which decides what the view holds.
pub struct Reader<'a> {
    pub lang: Lang,
    pub is_staff: bool,
    pub now: Timestamp,
    pub public_url: &'a str,
    /// The citizen's phone number, shown to staff for phone meetings.
    pub citizen_phone: Option<&'a str>,
}

pub fn view(m: &Meeting, r: &Reader<'_>) -> MeetingView {
    let booked = m.status == MeetingStatus::Booked;
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
        join_url: (m.channel == Channel::Video && booked)
            .then(|| format!("{}/moeder/{}/video", r.public_url, m.id)),
        phone: (m.channel == Channel::Phone && r.is_staff)
            .then(|| r.citizen_phone.map(str::to_owned))
            .flatten(),
        will_be_called: m.channel == Channel::Phone && !r.is_staff,
        attendance_reason: m.attendance_reason.clone(),
        cancellation,
        citizen_id: m.citizen_id.to_string(),
        citizen_name: None,
        can_change: booked && m.start > r.now,
        can_record: booked && r.is_staff && m.start <= r.now,
        upcoming: booked && m.end > r.now,
    }
}
