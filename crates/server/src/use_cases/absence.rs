//! Staff's decision on a citizen's "Jeg kan ikke komme" (`domain::meetings::absence`), for the
//! API and the meeting page alike. Accepted: the call-in is cancelled as an afbud with a
//! reasonable excuse. Refused: it stands, and the citizen is told why in their message thread
//! — in their language, so nothing of the case lives outside it — which also sends the usual
//! message notice.

use domain::messages::MessageBody;
use domain::{Actor, MeetingId};
use store::{AbsenceDecision, Meeting, Store, StoreError};

use crate::i18n::Lang;

pub async fn decide(
    store: &Store,
    actor: &Actor,
    id: &MeetingId,
    accept: bool,
    note: Option<&str>,
) -> Result<Meeting, StoreError> {
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    let decision = if accept {
        // Stored as the cancellation's reason, which staff and the citizen read.
        let excuse = Lang::Da.text("absence-accepted-cancel-reason");
        AbsenceDecision::Accept {
            cancel_reason: match note {
                Some(n) => format!("{excuse}: {n}"),
                None => excuse.to_owned(),
            },
        }
    } else {
        AbsenceDecision::Refuse {
            reason: note.unwrap_or_default().to_owned(),
        }
    };
    let meeting = store.decide_absence(actor, id, &decision).await?;
    if let AbsenceDecision::Refuse { reason } = &decision {
        let language = store.citizen_language(actor, &meeting.citizen_id).await?;
        let lang = Lang::from_code(&language).unwrap_or_default();
        let when = catalogue::dates::starts(lang, meeting.start);
        let text = lang.fmt(
            "absence-refused-message",
            &[("when", (&when).into()), ("reason", reason.as_str().into())],
        );
        if let Ok(body) = MessageBody::try_from(text.as_str()) {
            store
                .post_message(actor, &meeting.citizen_id, None, &body)
                .await?;
        }
    }
    Ok(meeting)
}
