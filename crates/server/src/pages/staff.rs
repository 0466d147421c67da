//! The caseworker's pages: their organisation's citizens (search, filter, pages) and one citizen.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::{Actor, Organisation, TargetGroup};
use serde::Deserialize;
use store::{CitizenQuery, CitizenSummary};

use super::citizen_page::{CitizenForms, citizen_page};
use super::context::{Ctx, SignedIn};
use super::form::FormState;
use super::path::PagePath;
use super::{PageError, render};
use crate::AppState;

const PER_PAGE: u32 = 25;

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    gruppe: String,
    #[serde(default)]
    side: Option<String>,
}

#[derive(Template)]
#[template(path = "staff_home.html")]
struct HomePage {
    ctx: Ctx,
    org_name: String,
    can_register: bool,
    q: String,
    group: String,
    groups: Vec<(String, &'static str)>,
    rows: Vec<CitizenSummary>,
    total: u64,
    page: u32,
    pages: u32,
    prev_link: String,
    next_link: String,
    /// Threads waiting for the organisation, and of those assigned to the reader.
    inbox: Option<(i64, i64)>,
}

pub(super) fn require_staff(user: &SignedIn) -> Result<(), PageError> {
    if user.actor.is_staff() {
        Ok(())
    } else {
        Err(user.viewer.error(PageError::Forbidden))
    }
}

/// The link to another page of the same search; serde_urlencoded encodes the values.
fn page_link(q: &str, group: &str, page: u32) -> String {
    let page = page.to_string();
    let query = serde_urlencoded::to_string([("q", q), ("gruppe", group), ("side", page.as_str())])
        .unwrap_or_default();
    format!("/medarbejder?{query}")
}

/// `GET /medarbejder?q=&gruppe=&side=`.
pub async fn home(
    State(state): State<AppState>,
    user: SignedIn,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    require_staff(&user)?;
    let ctx = user.viewer.ctx();
    // An unknown group or page number from an edited URL falls back to "all" and page 1.
    let group = TargetGroup::try_from(query.gruppe.as_str()).ok();
    let page = query
        .side
        .as_deref()
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1);
    let search = CitizenQuery {
        name_contains: Some(query.q.clone()),
        target_group: group,
        page,
        per_page: PER_PAGE,
    };
    let result = state
        .store
        .list_citizens(&user.actor, &search)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let pages = u32::try_from(result.total.div_ceil(u64::from(PER_PAGE)))
        .unwrap_or(u32::MAX)
        .max(1);
    let org_name = match &user.actor {
        Actor::Staff {
            organisation: Organisation::Municipality(m),
            ..
        } => {
            let all = state
                .store
                .municipalities()
                .await
                .map_err(|e| user.viewer.error(e))?;
            all.into_iter()
                .find(|o| o.code == m.as_str())
                .map(|o| o.name)
                .unwrap_or_default()
        }
        Actor::Staff {
            organisation: Organisation::Fund(f),
            ..
        } => {
            let all = state
                .store
                .funds()
                .await
                .map_err(|e| user.viewer.error(e))?;
            all.into_iter()
                .find(|o| o.code == f.as_str())
                .map(|o| o.name)
                .unwrap_or_default()
        }
        _ => String::new(),
    };
    let group_code = group.map(|g| g.as_str()).unwrap_or_default().to_owned();
    let inbox = match &user.actor {
        Actor::Staff { .. } => Some(
            state
                .store
                .inbox_counts(&user.actor)
                .await
                .map_err(|e| user.viewer.error(e))?,
        ),
        _ => None,
    };
    let can_register = matches!(
        &user.actor,
        Actor::Admin { .. }
            | Actor::Staff {
                organisation: Organisation::Municipality(_),
                ..
            }
    );
    Ok(render(&HomePage {
        groups: TargetGroup::ALL
            .iter()
            .map(|g| (g.as_str().to_owned(), ctx.t.target_group(g)))
            .collect(),
        prev_link: page_link(&query.q, &group_code, page.saturating_sub(1)),
        next_link: page_link(&query.q, &group_code, page + 1),
        ctx,
        org_name,
        can_register,
        q: query.q,
        group: group_code,
        rows: result.items,
        total: result.total,
        page,
        pages,
        inbox,
    }))
}

/// `POST /medarbejder/borgere/{id}/selvbooking`: who books the citizen's conversations (field
/// `grund`: empty for the citizen, else a reason of BEK 1216/2023 § 45).
pub async fn self_booking(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::CitizenId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let t = user.viewer.ctx().t;
    let raw = values.get("grund").cloned().unwrap_or_default();
    let reason = match raw.trim() {
        "" => None,
        r => match domain::meetings::SelfBookingExemption::try_from(r) {
            Ok(reason) => Some(reason),
            Err(problem) => {
                let mut form = FormState::new(values);
                form.add_error(t, "grund", t.invalid(&problem));
                let forms = CitizenForms {
                    self_booking: Some(form),
                    ..Default::default()
                };
                return citizen_page(&state, &user, &id, forms).await;
            }
        },
    };
    let change = store::CitizenChange {
        self_booking_exempt: Some(reason.is_some()),
        self_booking_exempt_reason: reason,
        ..Default::default()
    };
    state
        .store
        .update_citizen(&user.actor, &id, &change)
        .await
        .map_err(|e| user.viewer.error(e))?;
    Ok(Redirect::to(&format!("/medarbejder/borgere/{id}#selvbooking")).into_response())
}
