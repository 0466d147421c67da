//! `GET/POST /borgere/ny`: registering a citizen, for administrators and jobcenter staff. The
//! same parser as the API; errors beside each field, in the reader's language, with what was
//! typed kept.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::{Actor, Organisation, TargetGroup};
use store::StoreError;

use super::context::{Ctx, SignedIn};
use super::form::FormState;
use super::{PageError, render_form};
use crate::AppState;
use crate::api::citizens::create::{CreateCitizen, parse};

#[derive(Template)]
#[template(path = "citizen_new.html")]
struct NewCitizenPage {
    ctx: Ctx,
    form: FormState,
    municipalities: Vec<(String, String)>,
    groups: Vec<(String, String)>,
    funds: Vec<(String, String)>,
    /// The CPR number is registered in another municipality: offer to ask for the case.
    transfer: bool,
    /// A request for a case was just sent.
    sent: bool,
}

fn allowed(user: &SignedIn) -> Result<(), PageError> {
    match &user.actor {
        Actor::Admin { .. }
        | Actor::Staff {
            organisation: Organisation::Municipality(_),
            ..
        } => Ok(()),
        _ => Err(user.viewer.error(PageError::Forbidden)),
    }
}

async fn page(state: &AppState, user: &SignedIn, form: FormState) -> Result<Response, PageError> {
    page_with(state, user, form, false).await
}

/// The page after a request for a case was sent (`case_transfers.rs`).
pub(super) async fn sent(state: &AppState, user: &SignedIn) -> Result<Response, PageError> {
    build(state, user, FormState::default(), false, true).await
}

/// The page, with the form to ask for a case registered elsewhere when `transfer`.
pub(super) async fn page_with(
    state: &AppState,
    user: &SignedIn,
    form: FormState,
    transfer: bool,
) -> Result<Response, PageError> {
    build(state, user, form, transfer, false).await
}

async fn build(
    state: &AppState,
    user: &SignedIn,
    form: FormState,
    transfer: bool,
    sent: bool,
) -> Result<Response, PageError> {
    let ctx = user.viewer.ctx();
    let choose = ctx.t.text("form-choose").to_owned();
    let mut municipalities = vec![(String::new(), choose.clone())];
    for m in state
        .store
        .municipalities()
        .await
        .map_err(|e| user.viewer.error(e))?
    {
        // Staff register citizens in their own municipality only.
        let own = match &user.actor {
            Actor::Staff {
                organisation: Organisation::Municipality(code),
                ..
            } => code.as_str() == m.code,
            _ => true,
        };
        if own {
            municipalities.push((m.code.clone(), format!("{} ({})", m.name, m.code)));
        }
    }
    let mut funds = vec![(String::new(), ctx.t.text("field-none").to_owned())];
    for f in state
        .store
        .funds()
        .await
        .map_err(|e| user.viewer.error(e))?
    {
        funds.push((f.code.clone(), f.name));
    }
    let mut groups = vec![(String::new(), choose)];
    groups.extend(
        TargetGroup::ALL
            .iter()
            .map(|g| (g.as_str().to_owned(), ctx.t.target_group(g).to_owned())),
    );
    let refused = !form.errors.is_empty();
    let page = NewCitizenPage {
        ctx,
        form,
        municipalities,
        groups,
        funds,
        transfer,
        sent,
    };
    Ok(render_form(&page, refused))
}

pub async fn form(State(state): State<AppState>, user: SignedIn) -> Result<Response, PageError> {
    allowed(&user)?;
    page(&state, &user, FormState::default()).await
}

pub async fn submit(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    allowed(&user)?;
    user.check_csrf(values.get("csrf"))?;
    let t = user.viewer.ctx().t;
    let form = FormState::new(values);
    let new = match parse(&form.parse_as::<CreateCitizen>()) {
        Ok(new) => new,
        Err(errors) => return page(&state, &user, form.with_errors(t, &errors)).await,
    };
    match state.store.create_citizen(&user.actor, &new).await {
        Ok(citizen) => {
            Ok(Redirect::to(&format!("/medarbejder/borgere/{}", citizen.id)).into_response())
        }
        Err(StoreError::Invalid(errors)) => page(&state, &user, form.with_errors(t, &errors)).await,
        Err(StoreError::AlreadyExists) => {
            let mut form = form;
            form.add_error(t, "cpr", t.text("form-exists"));
            page(&state, &user, form).await
        }
        // Not where: the way on is to ask for the case (`case_transfers.rs`).
        Err(StoreError::Conflict("registered_elsewhere")) => {
            let mut form = form;
            form.add_error(t, "cpr", t.text("form-registered-elsewhere"));
            page_with(&state, &user, form, true).await
        }
        Err(e) => Err(user.viewer.error(e)),
    }
}
