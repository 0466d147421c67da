//! "Jeg kan ikke komme" on the meeting page: the citizen's report, and staff's decision
//! (`domain::meetings::absence`, `use_cases::absence`). A refusal re-renders the meeting page
//! with what to do.

use std::collections::HashMap;

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::MeetingId;
use domain::meetings::AbsenceReason;

use super::PageError;
use super::context::SignedIn;
use super::meetings::{Refusal, meeting_page, refusal_message};
use super::path::PagePath;
use crate::AppState;

fn field(values: &HashMap<String, String>, key: &str) -> Option<String> {
    values
        .get(key)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// `POST /samtaler/{id}/afbud`: the citizen cannot come to a call-in.
pub async fn report(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<MeetingId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let lang = user.viewer.lang;
    let text = field(&values, "absence_text");
    let typed = text.clone().unwrap_or_default();
    let Some(reason) =
        field(&values, "absence_reason").and_then(|r| AbsenceReason::try_from(r.as_str()).ok())
    else {
        let refusal = Refusal::at(
            "absence",
            "absence_reason",
            lang.text("absence-choose-reason"),
        );
        return meeting_page(&state, &user, &id, Some(refusal), typed).await;
    };
    match state
        .store
        .report_absence(&user.actor, &id, reason, text.as_deref())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/samtaler/{id}")).into_response()),
        Err(store::StoreError::Invalid(_)) => {
            let refusal = Refusal::at(
                "absence",
                "absence_text",
                lang.text("absence-text-required"),
            );
            meeting_page(&state, &user, &id, Some(refusal), typed).await
        }
        Err(e) => match refusal_message(lang, &e) {
            Some(message) => {
                let refusal = Refusal::general("absence", message);
                meeting_page(&state, &user, &id, Some(refusal), typed).await
            }
            None => Err(user.viewer.error(e)),
        },
    }
}

/// `POST /samtaler/{id}/afbud/afgoerelse`: staff accept or refuse a reported absence.
pub async fn decide(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<MeetingId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let lang = user.viewer.lang;
    let note = field(&values, "decision_note");
    let typed = note.clone().unwrap_or_default();
    let accept = match field(&values, "decision").as_deref() {
        Some("accept") => true,
        Some("refuse") => false,
        _ => {
            let message = lang.text("absence-decide-choose");
            let refusal = Refusal::at("decision", "decision", message);
            return meeting_page(&state, &user, &id, Some(refusal), typed).await;
        }
    };
    match crate::use_cases::absence::decide(&state.store, &user.actor, &id, accept, note.as_deref())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/samtaler/{id}")).into_response()),
        Err(store::StoreError::ReasonRequired) => {
            let message = lang.text("absence-decide-reason-required");
            let refusal = Refusal::at("decision", "decision_note", message);
            meeting_page(&state, &user, &id, Some(refusal), typed).await
        }
        Err(e) => match refusal_message(lang, &e) {
            Some(message) => {
                let refusal = Refusal::general("decision", message);
                meeting_page(&state, &user, &id, Some(refusal), typed).await
            }
            None => Err(user.viewer.error(e)),
        },
    }
}
