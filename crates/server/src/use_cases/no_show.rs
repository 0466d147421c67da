//! Recording a meeting's outcome, for the API and the meeting page alike. After a no-show
//! without a reasonable excuse the store has sent the availability notice
//! (`domain::meetings::no_show`); here the citizen is told, in their message thread and
//! language, what has happened and what to do now — and they can answer there with the excuse,
//! which is how staff learn of it and withdraw the notice.

use domain::meetings::NoticeRecipient;
use domain::messages::MessageBody;
use domain::{Actor, MeetingId, Outcome};
use store::{Meeting, Store, StoreError};

use crate::i18n::Lang;

pub async fn record(
    store: &Store,
    actor: &Actor,
    id: &MeetingId,
    outcome: Outcome,
    excuse: Option<&str>,
) -> Result<Meeting, StoreError> {
    let meeting = store.record_outcome(actor, id, outcome, excuse).await?;
    if let Some(notice) = store.availability_notice_of(actor, &meeting).await? {
        let language = store.citizen_language(actor, &meeting.citizen_id).await?;
        let lang = Lang::from_code(&language).unwrap_or_default();
        let when = catalogue::dates::starts(lang, meeting.start);
        let told = lang.text(match notice.recipient {
            NoticeRecipient::AKasse => "notice-told-a-kasse",
            NoticeRecipient::BenefitsOffice => "notice-told-benefits-office",
        });
        let text = lang.fmt(
            "notice-citizen-message",
            &[("when", (&when).into()), ("told", told.into())],
        );
        if let Ok(body) = MessageBody::try_from(text.as_str()) {
            store
                .post_message(actor, &meeting.citizen_id, None, &body)
                .await?;
        }
    }
    Ok(meeting)
}
