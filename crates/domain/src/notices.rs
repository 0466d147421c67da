//! Which channels a notice to a citizen goes out on. Digital first, where the citizen has it;
//! a printed letter for those without digital mail; never a reminder by letter, since it would
//! arrive after the meeting.

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
    Letter,
}

impl NoticeChannel {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeChannel::Email => "email",
            NoticeChannel::Sms => "sms",
            NoticeChannel::Letter => "letter",
        }
    }
}

/// How a citizen can be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reachability {
    pub email: bool,
    pub phone: bool,
    /// Receives digital mail; `false` means letters on paper.
    pub digital_mail: bool,
}

/// The channels for one notice, in the order they are sent; may be empty (nothing useful to
/// send, e.g. a reminder to someone with only a postal address).
pub fn notice_channels(kind: NoticeKind, r: Reachability) -> Vec<NoticeChannel> {
    let mut out = Vec::new();
    let reached_digitally = r.digital_mail && (r.email || r.phone);
    // The thread's message (and its e-mail or SMS) tells the digital; paper the others.
    if kind == NoticeKind::NoShowTold {
        if !reached_digitally {
            out.push(NoticeChannel::Letter);
        }
        return out;
    }
    if r.digital_mail && r.email {
        out.push(NoticeChannel::Email);
    }
    if r.phone {
        out.push(NoticeChannel::Sms);
    }
    // A reminder would arrive after the meeting; a message is read in Jobunivers, so a letter
    // saying "you have one" helps no one who cannot sign in. A survey goes on paper with a code
    // to answer by, without signing in, or by phone (issue 19).
    let by_letter = !matches!(kind, NoticeKind::Reminder | NoticeKind::NewMessage);
    if by_letter && !reached_digitally {
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
            for bits in 0..8u8 {
                let reach = r(bits & 1 != 0, bits & 2 != 0, bits & 4 != 0);
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
}
