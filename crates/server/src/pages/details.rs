//! "Mine oplysninger" (issue 19 item 6): where a citizen, or the jobcentre for them, keeps how
//! to reach them, where letters go, whether letters come by Digital Post or on paper, the wish
//! to meet in person, and what they need to take part (interpreter, step-free access).
//!
//! `GET/POST /borger/oplysninger` for the citizen, `GET/POST /medarbejder/borgere/{id}/
//! oplysninger` for jobcentre staff. One form, one parser: the API's
//! ([`crate::api::citizens::update::parse`]), so the page and `PATCH /citizens/{id}` refuse the
//! same things with the same words; the store decides who may change what.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::{Actor, CitizenId, FieldError, Organisation};
use serde::Deserialize;
use store::{Citizen, StoreError};

use super::context::{Ctx, SignedIn};
use super::form::FormState;
use super::path::PagePath;
use super::{PageError, render_form};
use crate::AppState;
use crate::api::citizens::update::{UpdateCitizen, parse};
use crate::api::json::PostalAddressJson;

#[derive(Template)]
#[template(path = "citizen_details.html")]
struct DetailsPage {
    ctx: Ctx,
    form: FormState,
    /// Where the form posts: the citizen's own page or staff's page for the citizen.
    action: String,
    /// "Mine oplysninger", or for staff the citizen's name.
    heading: String,
    /// Staff: the way back to the citizen's page.
    back: Option<String>,
    /// (code, name in the reader's language), "no interpreter" first.
    languages: Vec<(String, String)>,
    saved: bool,
}

impl DetailsPage {
    fn has_error(&self) -> bool {
        !self.form.errors.is_empty()
    }
}

#[derive(Deserialize)]
pub struct Receipt {
    kvittering: Option<String>,
}

/// The citizen's details as the form shows them before any change.
fn values(c: &Citizen) -> HashMap<String, String> {
    let mut v = HashMap::new();
    let mut put = |k: &str, s: String| {
        v.insert(k.to_owned(), s);
    };
    put(
        "phone",
        c.phone.as_ref().map(|p| p.to_string()).unwrap_or_default(),
    );
    put(
        "email",
        c.email.as_ref().map(|e| e.to_string()).unwrap_or_default(),
    );
    if let Some(a) = &c.postal_address {
        put("street", a.street.clone());
        put("postcode", a.postcode.as_str().to_owned());
        put("town", a.town.clone());
    }
    put(
        "letters",
        if c.digital_mail { "digital" } else { "paper" }.to_owned(),
    );
    if c.in_person_requested {
        put("in_person", "yes".to_owned());
    }
    let language = c.interpreter_language.map(|l| l.code().to_owned());
    put("interpreter_language", language.unwrap_or_default());
    if c.step_free_access {
        put("step_free", "yes".to_owned());
    }
    v
}

/// The form as the API's change: every field is on the page, so an unticked box is `false`
/// and an emptied field removes the value. Three blank address parts remove the address; one
/// given asks for all three.
fn change_of(form: &FormState) -> UpdateCitizen {
    let text = |k: &str| Some(Some(form.value(k).to_owned()));
    let parts = [
        form.value("street"),
        form.value("postcode"),
        form.value("town"),
    ];
    let postal_address = if parts.iter().all(|p| p.trim().is_empty()) {
        Some(None)
    } else {
        Some(Some(PostalAddressJson {
            street: parts[0].to_owned(),
            postcode: parts[1].to_owned(),
            town: parts[2].to_owned(),
        }))
    };
    UpdateCitizen {
        phone: text("phone"),
        email: text("email"),
        postal_address,
        // Anything but an explicit "paper" keeps Digital Post, the law's default.
        digital_mail: Some(form.value("letters") != "paper"),
        in_person_requested: Some(form.value("in_person") == "yes"),
        interpreter_language: text("interpreter_language"),
        step_free_access: Some(form.value("step_free") == "yes"),
        ..UpdateCitizen::default()
    }
}

/// The API names an address part `postal_address.street`; the page's field is `street`.
fn with_errors(form: FormState, user: &SignedIn, errors: &[FieldError]) -> FormState {
    let errors: Vec<FieldError> = errors
        .iter()
        .map(|e| FieldError {
            field: e
                .field
                .strip_prefix("postal_address.")
                .unwrap_or(&e.field)
                .to_owned()
                .into(),
            problem: e.problem,
        })
        .collect();
    form.with_errors(user.viewer.ctx().t, &errors)
}

/// Whose details: the signed-in citizen's own, or, for jobcentre staff and administrators, the
/// citizen in the path. The a-kasse keeps its own contact with its members and changes nothing
/// here (the store refuses it too).
fn staff_only(user: &SignedIn) -> Result<(), PageError> {
    match &user.actor {
        Actor::Admin { .. }
        | Actor::Staff {
            organisation: Organisation::Municipality(_),
            ..
        } => Ok(()),
        _ => Err(user.viewer.error(PageError::Forbidden)),
    }
}

async fn page(
    state: &AppState,
    user: &SignedIn,
    id: &CitizenId,
    form: Option<FormState>,
    saved: bool,
) -> Result<Response, PageError> {
    let citizen = state
        .store
        .citizen(&user.actor, id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let ctx = user.viewer.ctx();
    let own = matches!(user.actor, Actor::Citizen { .. });
    let (action, heading, back) = if own {
        let heading = ctx.t.text("details-title").to_owned();
        ("/borger/oplysninger".to_owned(), heading, None)
    } else {
        let back = format!("/medarbejder/borgere/{id}");
        let name = [("name", citizen.name.as_str().into())];
        let heading = ctx.t.lang.fmt("details-staff-title", &name);
        (format!("{back}/oplysninger"), heading, Some(back))
    };
    let mut languages = vec![(
        String::new(),
        ctx.t.text("details-interpreter-none").to_owned(),
    )];
    languages.extend(domain::InterpreterLanguage::ALL.iter().map(|code| {
        (
            (*code).to_owned(),
            crate::i18n::interpreter_language(ctx.t.lang, code).to_owned(),
        )
    }));
    let form = form.unwrap_or_else(|| FormState::new(values(&citizen)));
    let refused = !form.errors.is_empty();
    let page = DetailsPage {
        ctx,
        form,
        action,
        heading,
        back,
        languages,
        saved,
    };
    Ok(render_form(&page, refused))
}

async fn save(
    state: &AppState,
    user: &SignedIn,
    id: &CitizenId,
    values: HashMap<String, String>,
    done: String,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let form = FormState::new(values);
    let change = match parse(&change_of(&form)) {
        Ok(change) => change,
        Err(errors) => {
            let form = with_errors(form, user, &errors);
            return page(state, user, id, Some(form), false).await;
        }
    };
    match state.store.update_citizen(&user.actor, id, &change).await {
        Ok(_) => Ok(Redirect::to(&done).into_response()),
        Err(StoreError::Invalid(errors)) => {
            let form = with_errors(form, user, &errors);
            page(state, user, id, Some(form), false).await
        }
        Err(e) => Err(user.viewer.error(e)),
    }
}

/// `GET /borger/oplysninger`.
pub async fn own(
    State(state): State<AppState>,
    user: SignedIn,
    Query(q): Query<Receipt>,
) -> Result<Response, PageError> {
    let id = super::citizen::own_id(&user)?;
    page(&state, &user, &id, None, q.kvittering.is_some()).await
}

/// `POST /borger/oplysninger`.
pub async fn save_own(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let id = super::citizen::own_id(&user)?;
    let done = "/borger/oplysninger?kvittering=gemt".to_owned();
    save(&state, &user, &id, values, done).await
}

/// `GET /medarbejder/borgere/{id}/oplysninger`.
pub async fn for_citizen(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<CitizenId>,
    Query(q): Query<Receipt>,
) -> Result<Response, PageError> {
    staff_only(&user)?;
    page(&state, &user, &id, None, q.kvittering.is_some()).await
}

/// `POST /medarbejder/borgere/{id}/oplysninger`.
pub async fn save_for_citizen(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<CitizenId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    staff_only(&user)?;
    let done = format!("/medarbejder/borgere/{id}/oplysninger?kvittering=gemt");
    save(&state, &user, &id, values, done).await
}
