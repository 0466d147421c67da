//! Codes from the domain (refusals, enumerations, audit actions) turned into words, here and
//! nowhere else; the words themselves are in the catalogue (crates/catalogue/locales). Citizen
//! texts follow the plain-language guide of DESIGN.md: "du", short sentences, the action first.

use domain::{Invalid, Role, TargetGroup, Track};
use store::AuditAction;

mod meetings;
pub mod plan;
mod screening;
pub mod surveys;

pub use catalogue::Lang;
pub use meetings::{
    channel, channel_refusal, channel_refusal_to, citizen_busy, conflict, meeting_refusal,
    meeting_status,
};
pub use screening::track_for_citizen;

/// Why a video room cannot be entered, and what to do instead.
pub fn room_refusal(lang: Lang, r: domain::meetings::RoomRefusal) -> &'static str {
    use domain::meetings::RoomRefusal::*;
    match r {
        NotParticipant => lang.text("video-refusal-not-participant"),
        NotVideo => lang.text("video-refusal-not-video"),
        NotBooked => lang.text("video-refusal-not-booked"),
        Over => lang.text("video-refusal-over"),
    }
}

/// What is wrong with a field, said so the reader knows what to do.
pub fn invalid_message(lang: Lang, problem: Invalid) -> &'static str {
    match problem {
        Invalid::Required => lang.text("invalid-required"),
        Invalid::Blank => lang.text("invalid-blank"),
        Invalid::TooLong { .. } => lang.text("invalid-too-long"),
        Invalid::UnknownField => lang.text("invalid-unknown-field"),
        Invalid::TooMany { .. } => lang.text("invalid-too-many"),
        Invalid::BadFormat => lang.text("invalid-bad-format"),
        Invalid::Cpr => lang.text("invalid-cpr"),
        Invalid::Date => lang.text("invalid-date"),
        Invalid::UnknownValue => lang.text("invalid-unknown-value"),
        Invalid::UnknownOrganisation => lang.text("invalid-unknown-organisation"),
        Invalid::InFuture => lang.text("invalid-in-future"),
        Invalid::Combination => lang.text("invalid-combination"),
        Invalid::EndBeforeStart => lang.text("invalid-end-before-start"),
        Invalid::InPast => lang.text("invalid-in-past"),
        Invalid::Empty => lang.text("invalid-empty"),
        Invalid::OutOfRange => lang.text("invalid-out-of-range"),
        Invalid::OneOrganisation => lang.text("invalid-one-organisation"),
    }
}

pub fn target_group(lang: Lang, g: TargetGroup) -> &'static str {
    match g {
        TargetGroup::InsuredUnemployed => lang.text("target-group-insured-unemployed"),
        TargetGroup::JobReadyCashBenefit => lang.text("target-group-job-ready-cash-benefit"),
        TargetGroup::ActivityReadyCashBenefit => {
            lang.text("target-group-activity-ready-cash-benefit")
        }
        // Uddannelseshjælp was replaced by kontanthjælp on 1 July 2025 (lov nr. 1655 af 30.
        // december 2024); the wire value stays for the API, the name says what it is now.
        TargetGroup::EducationBenefit => lang.text("target-group-education-benefit"),
        TargetGroup::SicknessBenefit => lang.text("target-group-sickness-benefit"),
    }
}

pub fn track(lang: Lang, t: Option<Track>) -> &'static str {
    match t {
        None => lang.text("track-none"),
        Some(Track::SelfService) => lang.text("track-self-service"),
        Some(Track::Standard) => lang.text("track-standard"),
        Some(Track::Intensive) => lang.text("track-intensive"),
    }
}

/// A staff member's title: an a-kasse's caseworker is an a-kasse adviser (a-kasserådgiver), not
/// a jobcentre's "jobkonsulent" (issue 18).
pub fn staff_title(lang: Lang, r: Role, in_fund: bool) -> &'static str {
    match (r, in_fund) {
        (Role::Caseworker, true) => lang.text("role-fund-caseworker"),
        _ => role(lang, r),
    }
}

pub fn role(lang: Lang, r: Role) -> &'static str {
    match r {
        Role::Caseworker => lang.text("role-caseworker"),
        Role::Manager => lang.text("role-manager"),
        Role::Admin => lang.text("role-admin"),
        Role::Citizen => lang.text("role-citizen"),
    }
}

/// What someone did with the citizen's data, as the citizen reads it in their access log.
pub fn audit_action(lang: Lang, a: AuditAction) -> &'static str {
    match a {
        AuditAction::CitizenRead => lang.text("audit-citizen-read"),
        AuditAction::CitizenListed => lang.text("audit-citizen-listed"),
        AuditAction::CitizenCreated => lang.text("audit-citizen-created"),
        AuditAction::CitizenUpdated => lang.text("audit-citizen-updated"),
        AuditAction::AccessLogRead => lang.text("audit-access-log-read"),
        AuditAction::AvailableSlotsRead => lang.text("audit-available-slots-read"),
        AuditAction::MeetingsRead => lang.text("audit-meetings-read"),
        AuditAction::MeetingBooked => lang.text("audit-meeting-booked"),
        AuditAction::MeetingMoved => lang.text("audit-meeting-moved"),
        AuditAction::MeetingCancelled => lang.text("audit-meeting-cancelled"),
        AuditAction::AbsenceDecided => lang.text("audit-absence-decided"),
        AuditAction::MeetingOutcome => lang.text("audit-meeting-outcome"),
        AuditAction::NoticeSent => lang.text("audit-notice-sent"),
        AuditAction::LetterPrinted => lang.text("audit-letter-printed"),
        AuditAction::SurveyRecorded => lang.text("audit-survey-recorded"),
        AuditAction::DigitalPostAddressed => lang.text("audit-digital-post-addressed"),
        AuditAction::ChatQueueListed => lang.text("audit-chat-queue-listed"),
        AuditAction::LetterListed => lang.text("audit-letter-listed"),
        AuditAction::LetterRead => lang.text("audit-letter-read"),
        AuditAction::ScreeningSubmitted => lang.text("audit-screening-submitted"),
        AuditAction::ScreeningRead => lang.text("audit-screening-read"),
        AuditAction::VisitationRead => lang.text("audit-visitation-read"),
        AuditAction::VisitationDecided => lang.text("audit-visitation-decided"),
        AuditAction::ContactPlanRead => lang.text("audit-contact-plan-read"),
        AuditAction::ExemptionDecided => lang.text("audit-exemption-decided"),
        AuditAction::WorklistListed => lang.text("audit-worklist-listed"),
        AuditAction::MessagesRead => lang.text("audit-messages-read"),
        AuditAction::MessageWritten => lang.text("audit-message-written"),
        AuditAction::InboxListed => lang.text("audit-inbox-listed"),
        AuditAction::TransferRequested => lang.text("audit-transfer-requested"),
        AuditAction::TransferAccepted => lang.text("audit-transfer-accepted"),
        AuditAction::TransferDeclined => lang.text("audit-transfer-declined"),
        AuditAction::AvailabilityNoticeSent => lang.text("audit-availability-notice-sent"),
        AuditAction::AvailabilityNoticeListed => lang.text("audit-availability-notice-listed"),
        AuditAction::AvailabilityNoticeWithdrawn => {
            lang.text("audit-availability-notice-withdrawn")
        }
        AuditAction::CallInsExported => lang.text("audit-call-ins-exported"),
        AuditAction::VideoJoined => lang.text("audit-video-joined"),
    }
}

/// The page-text lookup handed to templates as `t`.
#[derive(Debug, Clone, Copy)]
pub struct Texts {
    pub lang: Lang,
}

impl Texts {
    /// The text for `key` from the catalogue (crates/catalogue/locales).
    pub fn text(&self, key: &str) -> &'static str {
        self.lang.text(key)
    }

    /// A date as every page shows one: "28. august 2026".
    pub fn date(&self, d: &jiff::civil::Date) -> String {
        catalogue::dates::date(self.lang, *d)
    }

    /// The Copenhagen date of a moment, as [`Texts::date`].
    pub fn day_of(&self, at: &jiff::Timestamp) -> String {
        catalogue::dates::date(self.lang, crate::time_fmt::local_date(*at))
    }

    /// The interpreter a citizen needs, by language, or "Ingen tolk".
    pub fn interpreter(&self, l: &Option<domain::InterpreterLanguage>) -> &'static str {
        match l {
            Some(l) => interpreter_language(self.lang, l.code()),
            None => self.text("details-interpreter-none"),
        }
    }

    pub fn target_group(&self, g: &TargetGroup) -> &'static str {
        target_group(self.lang, *g)
    }

    pub fn track(&self, t: &Option<Track>) -> &'static str {
        track(self.lang, *t)
    }

    pub fn track_name(&self, t: &Track) -> &'static str {
        track(self.lang, Some(*t))
    }

    pub fn role(&self, r: &Role) -> &'static str {
        role(self.lang, *r)
    }

    pub fn invalid(&self, problem: &Invalid) -> &'static str {
        invalid_message(self.lang, *problem)
    }
}

pub use catalogue::meetings::interpreter_language;
