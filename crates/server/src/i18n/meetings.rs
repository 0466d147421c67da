//! Texts of availability and meetings: channel and status names, the reasons a channel or a
//! change is refused, and the page texts of booking, "Mine samtaler" and the staff calendar.

use domain::meetings::{ChannelRefusal, MeetingRefusal};
use domain::{Channel, MeetingStatus};

use super::Lang;

pub fn channel(lang: Lang, c: Channel) -> &'static str {
    match c {
        Channel::InPerson => lang.text("channel-in-person"),
        Channel::Phone => lang.text("channel-phone"),
        Channel::Video => lang.text("channel-video"),
    }
}

pub fn meeting_status(lang: Lang, s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Booked => lang.text("meeting-status-booked"),
        MeetingStatus::Cancelled => lang.text("meeting-status-cancelled"),
        MeetingStatus::Held => lang.text("meeting-status-held"),
        MeetingStatus::NoShow => lang.text("meeting-status-no-show"),
    }
}

/// Why a channel cannot be used, said to whoever books: the citizen ("Du har bedt om …") or
/// staff booking on their behalf ("Borgeren har bedt om …"), each with what to do instead.
pub fn channel_refusal_to(lang: Lang, r: ChannelRefusal, staff: bool) -> &'static str {
    if !staff {
        return channel_refusal(lang, r);
    }
    match r {
        ChannelRefusal::NotOffered => lang.text("channel-refusal-not-offered"),
        ChannelRefusal::FirstMeetingInPerson => {
            lang.text("channel-refusal-staff-first-meeting-in-person")
        }
        ChannelRefusal::InPersonRequested => lang.text("channel-refusal-staff-in-person-requested"),
        ChannelRefusal::AttendanceRequired => {
            lang.text("channel-refusal-staff-attendance-required")
        }
        ChannelRefusal::InPersonFirst => lang.text("channel-refusal-staff-in-person-first"),
        ChannelRefusal::NoPhoneNumber => lang.text("channel-refusal-staff-no-phone-number"),
    }
}

/// Why a channel cannot be used, said to the citizen with what to do instead.
pub fn channel_refusal(lang: Lang, r: ChannelRefusal) -> &'static str {
    match r {
        ChannelRefusal::NotOffered => lang.text("channel-refusal-not-offered"),
        ChannelRefusal::FirstMeetingInPerson => {
            lang.text("channel-refusal-first-meeting-in-person")
        }
        ChannelRefusal::InPersonRequested => lang.text("channel-refusal-in-person-requested"),
        ChannelRefusal::AttendanceRequired => lang.text("channel-refusal-attendance-required"),
        ChannelRefusal::InPersonFirst => lang.text("channel-refusal-in-person-first"),
        ChannelRefusal::NoPhoneNumber => lang.text("channel-refusal-no-phone-number"),
    }
}

/// Why a change to a meeting was refused.
pub fn meeting_refusal(lang: Lang, r: MeetingRefusal) -> &'static str {
    match r {
        MeetingRefusal::SelfBookingNotAllowed => {
            lang.text("meeting-refusal-self-booking-not-allowed")
        }
        MeetingRefusal::NotBooked => lang.text("meeting-refusal-not-booked"),
        MeetingRefusal::AlreadyStarted => lang.text("meeting-refusal-already-started"),
        MeetingRefusal::NotStarted => lang.text("meeting-refusal-not-started"),
        MeetingRefusal::InPast => lang.text("meeting-refusal-in-past"),
        MeetingRefusal::RebookingClosed => lang.text("meeting-refusal-rebooking-closed"),
        MeetingRefusal::RebookingOtherKind => lang.text("meeting-refusal-rebooking-other-kind"),
        MeetingRefusal::CallInAbsenceOnly => lang.text("meeting-refusal-call-in-absence-only"),
        MeetingRefusal::AbsenceNotPossible => lang.text("meeting-refusal-absence-not-possible"),
        MeetingRefusal::NoAbsencePending => lang.text("meeting-refusal-no-absence-pending"),
    }
}

/// A request that collides with what is already there (by its stable code).
pub fn conflict(lang: Lang, code: &str) -> &'static str {
    match code {
        "slot_taken" => lang.text("conflict-slot-taken"),
        "overlap" => lang.text("conflict-overlap"),
        "adviser_unavailable" => lang.text("conflict-adviser-unavailable"),
        "already_answered" => lang.text("conflict-already-answered"),
        "registered_elsewhere" => lang.text("conflict-registered-elsewhere"),
        "transfer_pending" => lang.text("conflict-transfer-pending"),
        "transfer_decided" => lang.text("conflict-transfer-decided"),
        "survey_closed" => lang.text("conflict-survey-closed"),
        "notice_withdrawn" => lang.text("conflict-notice-withdrawn"),
        "notice_exists" => lang.text("conflict-notice-exists"),
        "no_booking_overdue" => lang.text("conflict-no-booking-overdue"),
        "chat_closed" => lang.text("conflict-chat-closed"),
        "not_on_duty" => lang.text("conflict-not-on-duty"),
        "chat_limit" => lang.text("conflict-chat-limit"),
        _ => lang.text("conflict-other"),
    }
}

/// The refusal of a booking that would put the citizen in two meetings at once: the other
/// meeting's time only, as the reader may not be allowed to see what it is.
pub fn citizen_busy(lang: Lang, start: jiff::Timestamp, end: jiff::Timestamp) -> String {
    let when = crate::time_fmt::when(start, end, lang);
    lang.fmt("conflict-citizen-busy", &[("when", (&when).into())])
}
