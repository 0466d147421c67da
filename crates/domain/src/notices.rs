//! Which channels a notice to a citizen goes out on. Digital first, where the citizen has it;
//! the letter itself in Digital Post (e-Boks / mit.dk) when a sender is configured, printed for
//! those exempt from Digital Post; never a reminder by letter, since it would arrive after the
//! meeting.
//!
//! Exemption from Digital Post is the municipality's decision (lov om Digital Post fra
//! offentlige afsendere, LBK nr. 801 af 13. juni 2016, § 5); Jobunivers records its outcome as
//! the citizen's `digital_mail`.

/// Why a citizen is told something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Invitation: a meeting was booked.
    Booked,
    Moved,
    Cancelled,
    Reminder,
    /// A new message from the jobcenter or a-kasse (throttled; see [`crate::messages`]).
    NewMessage,
    /// A survey waits after a held meeting.
    SurveyInvited,
    /// The citizen did not come, and the a-kasse or benefits office has been told: by letter
    /// to a citizen without digital mail (the others read it in their thread).
    NoShowTold,
}

impl NoticeKind {
    /// The outbox kinds written by the store; unknown kinds are not notices.
    pub fn from_outbox(kind: &str) -> Option<NoticeKind> {
        match kind {
            "meeting_booked" => Some(NoticeKind::Booked),
            "meeting_moved" => Some(NoticeKind::Moved),
            "meeting_cancelled" => Some(NoticeKind::Cancelled),
            "meeting_reminder" => Some(NoticeKind::Reminder),
            "message_posted" => Some(NoticeKind::NewMessage),
            "survey_invited" => Some(NoticeKind::SurveyInvited),
            "meeting_no_show" => Some(NoticeKind::NoShowTold),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoticeChannel {
    Email,
    Sms,
    /// The letter, printed and posted by the jobcentre ("Breve").
    Letter,
    /// The same letter, as a PDF in the citizen's Digital Post.
    DigitalPost,
}

impl NoticeChannel {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeChannel::Email => "email",
            NoticeChannel::Sms => "sms",
            NoticeChannel::Letter => "letter",
            NoticeChannel::DigitalPost => "digital_post",
        }
    }
}

/// Why a letter for someone who receives Digital Post is printed instead, shown on "Breve" so
/// that the jobcentre can mend what it can (a CVR number) and nothing is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintReason {
    /// No CPR number is kept for the citizen, and Digital Post addresses by nothing else.
    NoCpr,
    /// The municipality has no CVR number, the sender Digital Post needs.
    NoSenderCvr,
    /// Digital Post refused the letter, or did not answer after every retry.
    NotDelivered,
}

impl PrintReason {
    pub fn as_str(self) -> &'static str {
        match self {
            PrintReason::NoCpr => "no_cpr",
            PrintReason::NoSenderCvr => "no_sender_cvr",
            PrintReason::NotDelivered => "not_delivered",
        }
    }

    /// The stored code back; a code this version does not know reads as "not delivered".
    pub fn from_code(code: &str) -> PrintReason {
        match code {
            "no_cpr" => PrintReason::NoCpr,
            "no_sender_cvr" => PrintReason::NoSenderCvr,
            _ => PrintReason::NotDelivered,
        }
    }
}

/// How a citizen can be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reachability {
    pub email: bool,
    pub phone: bool,
    /// Receives digital mail; `false` means letters on paper (exempt from Digital Post).
    pub digital_mail: bool,
    /// A Digital Post sender is configured, so a letter can go to those who receive digital
    /// mail. Without one, they get what they did before: e-mail and SMS, and a printed letter
    /// when neither reaches them.
    pub digital_post: bool,
}

/// The channels for one notice, in the order they are sent; may be empty (nothing useful to
/// send, e.g. a reminder to someone with only a postal address).
pub fn notice_channels(kind: NoticeKind, r: Reachability) -> Vec<NoticeChannel> {
    let mut out = Vec::new();
    let reached_digitally = r.digital_mail && (r.email || r.phone);
    let in_digital_post = r.digital_mail && r.digital_post;
    // A call-in, a move, a cancellation and the no-show notice are letters the citizen may need
    // to act on or show: in Digital Post they go there whatever else tells them.
    let formal = matches!(
        kind,
        NoticeKind::Booked | NoticeKind::Moved | NoticeKind::Cancelled | NoticeKind::NoShowTold
    );
    // The thread's message (and its e-mail or SMS) tells the digital of a no-show; the letter
    // goes to Digital Post or on paper.
    if kind != NoticeKind::NoShowTold {
        if r.digital_mail && r.email {
            out.push(NoticeChannel::Email);
        }
        if r.phone {
            out.push(NoticeChannel::Sms);
        }
    }
    // A reminder would arrive after the meeting; a message is read in Jobunivers, so a letter
    // saying "you have one" helps no one who cannot sign in. A survey goes as a letter with a
    // code to answer by, without signing in, or by phone (issue 19) — to those no e-mail or SMS
    // reaches.
    let by_letter = !matches!(kind, NoticeKind::Reminder | NoticeKind::NewMessage);
    if in_digital_post && by_letter && (formal || !reached_digitally) {
        out.push(NoticeChannel::DigitalPost);
    } else if by_letter && !reached_digitally {
        out.push(NoticeChannel::Letter);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use NoticeChannel::*;

    const ALL: [NoticeKind; 4] = [
        NoticeKind::Booked,
        NoticeKind::Moved,
        NoticeKind::Cancelled,
        NoticeKind::Reminder,
    ];

    fn r(email: bool, phone: bool, digital_mail: bool) -> Reachability {
        Reachability {
            email,
            phone,
            digital_mail,
            digital_post: false,
        }
    }

    /// The same, with a Digital Post sender configured.
    fn dp(email: bool, phone: bool, digital_mail: bool) -> Reachability {
        Reachability {
            digital_post: true,
            ..r(email, phone, digital_mail)
        }
    }

    #[test]
    fn digital_citizens_get_email_and_sms() {
        assert_eq!(
            notice_channels(NoticeKind::Booked, r(true, true, true)),
            vec![Email, Sms]
        );
        assert_eq!(
            notice_channels(NoticeKind::Reminder, r(false, true, true)),
            vec![Sms]
        );
    }

    #[test]
    fn citizens_without_digital_mail_get_letters_but_no_reminder_letters() {
        assert_eq!(
            notice_channels(NoticeKind::Booked, r(true, false, false)),
            vec![Letter]
        );
        assert_eq!(
            notice_channels(NoticeKind::Cancelled, r(false, true, false)),
            vec![Sms, Letter]
        );
        assert_eq!(
            notice_channels(NoticeKind::Reminder, r(false, false, false)),
            vec![]
        );
        assert_eq!(
            notice_channels(NoticeKind::Reminder, r(false, true, false)),
            vec![Sms]
        );
    }

    #[test]
    fn a_new_message_is_announced_digitally_or_not_at_all() {
        assert_eq!(
            notice_channels(NoticeKind::NewMessage, r(true, true, true)),
            vec![Email, Sms]
        );
        assert_eq!(
            notice_channels(NoticeKind::NewMessage, r(false, false, false)),
            vec![]
        );
        assert_eq!(
            notice_channels(NoticeKind::NewMessage, r(true, false, false)),
            vec![]
        );
    }

    #[test]
    fn someone_digital_but_unreachable_gets_a_letter() {
        assert_eq!(
            notice_channels(NoticeKind::Moved, r(false, false, true)),
            vec![Letter]
        );
    }

    #[test]
    fn every_change_reaches_everyone_somehow() {
        for kind in ALL.into_iter().filter(|k| *k != NoticeKind::Reminder) {
            for bits in 0..16u8 {
                let reach = Reachability {
                    digital_post: bits & 8 != 0,
                    ..r(bits & 1 != 0, bits & 2 != 0, bits & 4 != 0)
                };
                assert!(
                    !notice_channels(kind, reach).is_empty(),
                    "{kind:?} {reach:?}"
                );
            }
        }
    }

    #[test]
    fn a_survey_reaches_the_non_digital_on_paper() {
        assert_eq!(
            notice_channels(NoticeKind::SurveyInvited, r(false, false, false)),
            vec![Letter]
        );
        assert_eq!(
            notice_channels(NoticeKind::SurveyInvited, r(true, false, true)),
            vec![Email]
        );
    }

    #[test]
    fn a_no_show_is_told_on_paper_to_those_the_thread_does_not_reach() {
        assert_eq!(
            notice_channels(NoticeKind::NoShowTold, r(false, false, false)),
            vec![Letter]
        );
        assert_eq!(
            notice_channels(NoticeKind::NoShowTold, r(true, true, true)),
            vec![]
        );
    }

    #[test]
    fn with_a_sender_the_letter_goes_to_digital_post_beside_the_notices() {
        for kind in [NoticeKind::Booked, NoticeKind::Moved, NoticeKind::Cancelled] {
            assert_eq!(
                notice_channels(kind, dp(true, true, true)),
                vec![Email, Sms, DigitalPost]
            );
            // Reached by nothing else: Digital Post alone, not paper.
            assert_eq!(
                notice_channels(kind, dp(false, false, true)),
                vec![DigitalPost]
            );
            // Exempt from Digital Post: on paper as before.
            assert_eq!(
                notice_channels(kind, dp(false, true, false)),
                vec![Sms, Letter]
            );
        }
        assert_eq!(
            notice_channels(NoticeKind::NoShowTold, dp(true, true, true)),
            vec![DigitalPost]
        );
        assert_eq!(
            notice_channels(NoticeKind::NoShowTold, dp(false, false, false)),
            vec![Letter]
        );
    }

    #[test]
    fn reminders_messages_and_answered_surveys_never_go_to_digital_post() {
        assert_eq!(
            notice_channels(NoticeKind::Reminder, dp(false, false, true)),
            vec![]
        );
        assert_eq!(
            notice_channels(NoticeKind::NewMessage, dp(true, false, true)),
            vec![Email]
        );
        // A survey: by e-mail where that reaches, else as a letter in Digital Post.
        assert_eq!(
            notice_channels(NoticeKind::SurveyInvited, dp(true, false, true)),
            vec![Email]
        );
        assert_eq!(
            notice_channels(NoticeKind::SurveyInvited, dp(false, false, true)),
            vec![DigitalPost]
        );
    }
}
