//! An availability notice (underretning) in words: on the meeting it is about, and in the
//! recipient's "Underretninger". The citizen reads whom we told; staff read when, by whom,
//! and whether it was withdrawn.

use domain::contact_plan::Holder;
use domain::meetings::NoticeRecipient;
use domain::{Actor, Organisation};
use store::AvailabilityNotice;

use crate::i18n::Lang;

pub struct NoticeView {
    pub id: String,
    pub line: String,
    /// Staff of the organisation that sent it (or an administrator), while it stands.
    pub can_withdraw: bool,
}

pub fn recipient(lang: Lang, r: NoticeRecipient) -> &'static str {
    lang.text(match r {
        NoticeRecipient::AKasse => "notice-recipient-a-kasse",
        NoticeRecipient::BenefitsOffice => "notice-recipient-benefits-office",
    })
}

/// Whether `actor` is of the organisation that sent the notice, as the store decides it.
fn is_sender(actor: &Actor, sent_by: Holder) -> bool {
    match actor {
        Actor::Admin { .. } => true,
        Actor::Staff { organisation, .. } => matches!(
            (organisation, sent_by),
            (Organisation::Fund(_), Holder::UnemploymentFund)
                | (Organisation::Municipality(_), Holder::Municipality)
        ),
        Actor::Citizen { .. } => false,
    }
}

pub fn view(n: &AvailabilityNotice, actor: &Actor, lang: Lang) -> NoticeView {
    let line = match (&n.withdrawn, actor.is_staff()) {
        (Some(w), true) => lang.fmt(
            "notice-withdrawn-staff",
            &[
                ("when", catalogue::dates::starts(lang, w.at).as_str().into()),
                ("name", w.by_name.as_str().into()),
                ("reason", w.reason.as_str().into()),
            ],
        ),
        (Some(w), false) => lang.fmt("notice-withdrawn", &[("reason", w.reason.as_str().into())]),
        (None, true) => lang.fmt(
            "notice-sent-staff",
            &[
                ("recipient", recipient(lang, n.recipient).into()),
                (
                    "when",
                    catalogue::dates::starts(lang, n.created_at).as_str().into(),
                ),
                ("name", n.recorded_by_name.as_str().into()),
            ],
        ),
        (None, false) => lang
            .text(match n.recipient {
                NoticeRecipient::AKasse => "notice-told-a-kasse",
                NoticeRecipient::BenefitsOffice => "notice-told-benefits-office",
            })
            .to_owned(),
    };
    NoticeView {
        id: n.id.to_string(),
        line,
        can_withdraw: n.withdrawn.is_none() && is_sender(actor, n.sent_by),
    }
}
