//! `POST /medarbejder/borgere/{id}/fritagelse`: staff exempt a citizen from the exemptible
//! conversations (rules from 1 July 2026), or lift the exemption, with a reason.

use std::collections::HashMap;

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::Invalid;
use store::StoreError;

use super::PageError;
use super::citizen_page::{CitizenForms, citizen_page};
use super::context::SignedIn;
use super::form::FormState;
use super::path::PagePath;
use crate::AppState;

pub async fn submit(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::CitizenId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let t = user.viewer.ctx().t;
    let exempt = match values.get("exempt").map(String::as_str) {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    };
    let reason = values
        .get("exemption_reason")
        .map(|r| r.trim())
        .unwrap_or_default();
    let mut form = FormState::new(values.clone());
    if exempt.is_none() {
        form.add_error(t, "exempt", t.invalid(&Invalid::Required));
    }
    if reason.is_empty() {
        form.add_error(t, "exemption_reason", t.invalid(&Invalid::Required));
    }
    if let (Some(exempt), true) = (exempt, form.errors.is_empty()) {
        let rules = &state.config.rules;
        match state
            .store
            .set_exemption(&user.actor, rules, &id, exempt, reason)
            .await
        {
            Ok(_) => {
                return Ok(Redirect::to(&format!("/medarbejder/borgere/{id}#plan")).into_response());
            }
            Err(StoreError::ExemptionNotAllowed) => {
                form.add_error(t, "exempt", t.text("exemption-not-allowed"))
            }
            Err(StoreError::Invalid(errors)) => {
                for e in errors {
                    form.add_error(t, "exemption_reason", t.invalid(&e.problem));
                }
            }
            Err(e) => return Err(user.viewer.error(e)),
        }
    }
    let forms = CitizenForms {
        exempt: form,
        ..Default::default()
    };
    citizen_page(&state, &user, &id, forms).await
}
