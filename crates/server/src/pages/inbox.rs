//! `GET /medarbejder/indbakke`: the organisation's threads waiting for an answer, oldest first,
//! each with "assign to me" as a small form, so it works without JavaScript.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::context::{Ctx, SignedIn};
use super::{PageError, render};
use crate::AppState;
use crate::time_fmt::{moment, rfc3339};

pub struct Row {
    pub citizen_id: String,
    pub name: String,
    pub since: String,
    pub datetime: String,
    pub assigned: Option<String>,
    pub mine: bool,
    pub unread: bool,
}

#[derive(Template)]
#[template(path = "inbox.html")]
struct InboxPage {
    ctx: Ctx,
    rows: Vec<Row>,
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Result<Response, PageError> {
    let entries = state
        .store
        .inbox(&user.actor)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let me = user.actor.id().to_owned();
    let rows = entries
        .into_iter()
        .map(|e| Row {
            since: moment(e.waiting_since, user.viewer.lang),
            datetime: rfc3339(e.waiting_since),
            mine: e.assigned_to.as_deref() == Some(me.as_str()),
            assigned: e.assigned_name,
            citizen_id: e.citizen_id.into(),
            name: e.citizen_name,
            unread: e.unread,
        })
        .collect();
    Ok(render(&InboxPage {
        ctx: user.viewer.ctx(),
        rows,
    }))
}
