//! "Flytninger": a citizen who moved. The municipality they moved to asks for the case from the
//! registration page (`POST /borgere/flyt`, after `registered_elsewhere`); the one holding it
//! answers on `/medarbejder/flytninger` (`store::case_transfers`).

use domain::TransferId;
use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use store::StoreError;

use super::context::{Ctx, SignedIn};
use super::form::FormState;
use super::{PageError, render};
use crate::AppState;
use crate::time_fmt::moment;

pub struct TransferRow {
    pub id: String,
    pub citizen_id: String,
    pub citizen_name: String,
    pub to: String,
    pub reason: String,
    pub requested: String,
}

#[derive(Template)]
#[template(path = "transfers.html")]
struct TransfersPage {
    ctx: Ctx,
    transfers: Vec<TransferRow>,
}

/// `GET /medarbejder/flytninger`: requests for the cases this municipality holds.
pub async fn list(State(state): State<AppState>, user: SignedIn) -> Result<Response, PageError> {
    let err = |e| user.viewer.error(e);
    let transfers = state
        .store
        .incoming_transfers(&user.actor)
        .await
        .map_err(err)?;
    let towns = state.store.municipalities().await.map_err(err)?;
    let name = |code: &str| {
        towns
            .iter()
            .find(|m| m.code == code)
            .map_or_else(|| code.to_owned(), |m| m.name.clone())
    };
    Ok(render(&TransfersPage {
        ctx: user.viewer.ctx(),
        transfers: transfers
            .into_iter()
            .map(|t| TransferRow {
                to: name(&t.to_municipality),
                requested: moment(t.requested_at, user.viewer.lang),
                id: t.id.into(),
                citizen_id: t.citizen_id.into(),
                citizen_name: t.citizen_name,
                reason: t.reason,
            })
            .collect(),
    }))
}

/// `POST /medarbejder/flytninger/{id}/godkend` and `…/afvis`.
pub async fn decide(
    State(state): State<AppState>,
    user: SignedIn,
    Path((id, answer)): Path<(String, String)>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let accept = match answer.as_str() {
        "godkend" => true,
        "afvis" => false,
        _ => return Err(user.viewer.error(PageError::NotFound)),
    };
    let id =
        TransferId::try_from(id.as_str()).map_err(|_| user.viewer.error(PageError::NotFound))?;
    match state.store.decide_transfer(&user.actor, &id, accept).await {
        // Answered meanwhile (by a colleague): the list shows how things stand.
        Ok(()) | Err(StoreError::Conflict(_)) => {
            Ok(Redirect::to("/medarbejder/flytninger").into_response())
        }
        Err(e) => Err(user.viewer.error(e)),
    }
}

/// `POST /borgere/flyt`: the registration page's "Bed om at få sagen flyttet".
pub async fn request(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let t = user.viewer.ctx().t;
    let mut form = FormState::new(values);
    let body = crate::api::case_transfers::create::RequestTransfer {
        cpr: Some(form.value("cpr").to_owned()),
        reason: Some(form.value("reason").to_owned()),
    };
    let (cpr, reason) = match crate::api::case_transfers::create::parse(&body) {
        Ok(parsed) => parsed,
        Err(errors) => {
            for e in errors {
                // Say what to write, not just that something is missing.
                let message = if e.field == "reason" && e.problem == domain::Invalid::Required {
                    t.text("transfer-reason-missing")
                } else {
                    t.invalid(&e.problem)
                };
                form.add_error(t, &e.field, message);
            }
            return super::register::page_with(&state, &user, form, true).await;
        }
    };
    match state
        .store
        .request_transfer(&user.actor, &cpr, &reason)
        .await
    {
        Ok(_) => super::register::sent(&state, &user).await,
        Err(StoreError::Conflict(code)) => {
            form.add_error(t, "reason", crate::i18n::conflict(t.lang, code));
            super::register::page_with(&state, &user, form, true).await
        }
        Err(StoreError::NotFound) => {
            form.add_error(t, "cpr", t.text("transfer-not-registered"));
            super::register::page_with(&state, &user, form, false).await
        }
        Err(e) => Err(user.viewer.error(e)),
    }
}
