//! Administration pages: overview of organisations and staff, and forms to create them.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::{Actor, FundCode, MunicipalityCode, Role};
use store::{Org, StaffMember, StoreError};

use super::context::{Ctx, SignedIn};
use super::form::FormState;
use super::{PageError, render};
use crate::AppState;
use crate::api::json::CreateOrg;
use crate::api::staff::create::{CreateStaff, parse as parse_staff};

fn require_admin(user: &SignedIn) -> Result<(), PageError> {
    match user.actor {
        Actor::Admin { .. } => Ok(()),
        _ => Err(user.viewer.error(PageError::Forbidden)),
    }
}

fn with_status(mut response: Response, form: &FormState) -> Response {
    if !form.errors.is_empty() {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

fn created(what: &str) -> Response {
    let query = serde_urlencoded::to_string([("oprettet", what)]).unwrap_or_default();
    Redirect::to(&format!("/admin?{query}")).into_response()
}

#[derive(Template)]
#[template(path = "admin.html")]
struct Overview {
    ctx: Ctx,
    created: Option<String>,
    municipalities: Vec<Org>,
    funds: Vec<Org>,
    staff: Vec<StaffMember>,
}

/// `GET /admin`.
pub async fn overview(
    State(state): State<AppState>,
    user: SignedIn,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&user)?;
    let err = |e| user.viewer.error(e);
    Ok(render(&Overview {
        ctx: user.viewer.ctx(),
        created: q.get("oprettet").cloned(),
        municipalities: state.store.municipalities().await.map_err(err)?,
        funds: state.store.funds().await.map_err(err)?,
        staff: state.store.staff_list(&user.actor).await.map_err(err)?,
    }))
}

#[derive(Template)]
#[template(path = "org_new.html")]
struct OrgPage {
    ctx: Ctx,
    form: FormState,
    title_key: &'static str,
    hint_key: &'static str,
    action: &'static str,
}

#[derive(Clone, Copy)]
enum OrgKind {
    Municipality,
    Fund,
}

impl OrgKind {
    fn page(self, ctx: Ctx, form: FormState) -> Response {
        let (title_key, hint_key, action) = match self {
            OrgKind::Municipality => (
                "admin-new-municipality",
                "hint-municipality-code",
                "/admin/kommuner/ny",
            ),
            OrgKind::Fund => ("admin-new-fund", "hint-fund-code", "/admin/a-kasser/ny"),
        };
        let page = OrgPage {
            ctx,
            title_key,
            hint_key,
            action,
            form,
        };
        with_status(render(&page), &page.form)
    }

    async fn create(
        self,
        state: &AppState,
        user: &SignedIn,
        values: HashMap<String, String>,
    ) -> Result<Response, PageError> {
        require_admin(user)?;
        user.check_csrf(values.get("csrf"))?;
        let ctx = user.viewer.ctx();
        let t = ctx.t;
        let mut form = FormState::new(values);
        let body = form.parse_as::<CreateOrg>();
        let result = match self {
            OrgKind::Municipality => match body.parse(MunicipalityCode::try_from) {
                Ok((code, name, contact)) => {
                    state
                        .store
                        .create_municipality(&user.actor, &code, &name, &contact)
                        .await
                }
                Err(errors) => return Ok(self.page(ctx, form.with_errors(t, &errors))),
            },
            OrgKind::Fund => match body.parse(FundCode::try_from) {
                Ok((code, name, contact)) => {
                    state
                        .store
                        .create_fund(&user.actor, &code, &name, &contact)
                        .await
                }
                Err(errors) => return Ok(self.page(ctx, form.with_errors(t, &errors))),
            },
        };
        match result {
            Ok(org) => Ok(created(&format!("{} {}", org.code, org.name))),
            Err(StoreError::AlreadyExists) => {
                form.add_error(t, "code", t.text("form-exists"));
                Ok(self.page(ctx, form))
            }
            Err(e) => Err(user.viewer.error(e)),
        }
    }
}

pub async fn municipality_form(user: SignedIn) -> Result<Response, PageError> {
    require_admin(&user)?;
    Ok(OrgKind::Municipality.page(user.viewer.ctx(), FormState::default()))
}

pub async fn municipality_submit(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    OrgKind::Municipality.create(&state, &user, values).await
}

pub async fn fund_form(user: SignedIn) -> Result<Response, PageError> {
    require_admin(&user)?;
    Ok(OrgKind::Fund.page(user.viewer.ctx(), FormState::default()))
}

pub async fn fund_submit(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    OrgKind::Fund.create(&state, &user, values).await
}

#[derive(Template)]
#[template(path = "staff_new.html")]
struct StaffPage {
    ctx: Ctx,
    form: FormState,
    roles: Vec<(String, String)>,
    municipalities: Vec<(String, String)>,
    funds: Vec<(String, String)>,
}

async fn staff_page(
    state: &AppState,
    user: &SignedIn,
    form: FormState,
) -> Result<Response, PageError> {
    let ctx = user.viewer.ctx();
    let none = ctx.t.text("field-none").to_owned();
    let options = |orgs: Vec<Org>| {
        let mut v = vec![(String::new(), none.clone())];
        v.extend(
            orgs.into_iter()
                .map(|o| (o.code.clone(), format!("{} ({})", o.name, o.code))),
        );
        v
    };
    let municipalities = options(
        state
            .store
            .municipalities()
            .await
            .map_err(|e| user.viewer.error(e))?,
    );
    let funds = options(
        state
            .store
            .funds()
            .await
            .map_err(|e| user.viewer.error(e))?,
    );
    let roles = [Role::Caseworker, Role::Manager, Role::Admin]
        .iter()
        .map(|r| (r.as_str().to_owned(), ctx.t.role(r).to_owned()))
        .collect();
    let page = StaffPage {
        ctx,
        form,
        roles,
        municipalities,
        funds,
    };
    Ok(with_status(render(&page), &page.form))
}

pub async fn staff_form(
    State(state): State<AppState>,
    user: SignedIn,
) -> Result<Response, PageError> {
    require_admin(&user)?;
    staff_page(&state, &user, FormState::default()).await
}

pub async fn staff_submit(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&user)?;
    user.check_csrf(values.get("csrf"))?;
    let t = user.viewer.ctx().t;
    let mut form = FormState::new(values);
    let new = match parse_staff(&form.parse_as::<CreateStaff>()) {
        Ok(new) => new,
        Err(errors) => return staff_page(&state, &user, form.with_errors(t, &errors)).await,
    };
    match state.store.create_staff(&user.actor, &new).await {
        Ok(member) => Ok(created(&format!("{} ({})", member.name, member.login))),
        Err(StoreError::Invalid(errors)) => {
            staff_page(&state, &user, form.with_errors(t, &errors)).await
        }
        Err(StoreError::AlreadyExists) => {
            form.add_error(t, "login", t.text("form-exists"));
            staff_page(&state, &user, form).await
        }
        Err(e) => Err(user.viewer.error(e)),
    }
}
