//! "Chat" for staff (`/medarbejder/chat`, issue 21): go on duty or off it, see who waits, take
//! the next chat (own citizens first), and the chats one has open. Without JavaScript it is a
//! page and its buttons; with it the queue refreshes itself (`static/chat_queue.js`).

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::chat::Availability;
use serde::Deserialize;
use store::StoreError;

use super::context::{Ctx, SignedIn};
use super::{PageError, render};
use crate::AppState;
use crate::time_fmt::moment;

pub struct QueueRow {
    pub citizen_id: String,
    pub citizen: String,
    pub since: String,
    pub yours: bool,
}

#[derive(Template)]
#[template(path = "chat_queue.html")]
struct QueuePage {
    ctx: Ctx,
    on_duty: bool,
    /// "Chatten er åben til kl. 15.00. 2 medarbejdere er på chat."
    status: String,
    waiting: Vec<QueueRow>,
    mine: Vec<QueueRow>,
    /// The outcome of the last button: none waited, the limit, not on duty.
    notice: Option<&'static str>,
    may_set_hours: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct After {
    #[serde(default)]
    besked: String,
}

/// `GET /medarbejder/chat`.
pub async fn page(
    State(state): State<AppState>,
    user: SignedIn,
    Query(after): Query<After>,
) -> Result<Response, PageError> {
    let ctx = user.viewer.ctx();
    let t = ctx.t;
    let q = state
        .store
        .staff_chats(&user.actor)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let count = i64::from(q.on_duty_count);
    let mut status = match q.availability {
        Availability::Open { closes } | Availability::Unstaffed { closes } => t.lang.fmt(
            "chat-queue-open",
            &[(
                "closes",
                (&domain::clock_text::clock(closes).replace(':', ".")).into(),
            )],
        ),
        Availability::Closed { opens: Some(opens) } => t.lang.fmt(
            "chat-queue-closed",
            &[("opens", (&catalogue::dates::spoken(t.lang, opens)).into())],
        ),
        Availability::Closed { opens: None } => t.text("chat-queue-no-hours").to_owned(),
    };
    status.push(' ');
    status.push_str(&t.lang.fmt(
        "chat-queue-on-duty",
        &[("count", catalogue::Arg::Number(count))],
    ));
    let row = |chat: store::Chat, name: String, yours: bool| QueueRow {
        citizen_id: chat.citizen_id.to_string(),
        since: moment(chat.requested_at, t.lang),
        citizen: name,
        yours,
    };
    let notice = match after.besked.as_str() {
        "ingen" => Some("chat-queue-none-for-you"),
        "graense" => Some("conflict-chat-limit"),
        "ikke-paa-chat" => Some("conflict-not-on-duty"),
        _ => None,
    };
    let may_set_hours = matches!(
        &user.actor,
        domain::Actor::Staff {
            role: domain::Role::Manager,
            ..
        }
    );
    Ok(render(&QueuePage {
        on_duty: q.on_duty,
        status,
        waiting: q
            .waiting
            .into_iter()
            .map(|w| row(w.chat, w.citizen_name, w.mine))
            .collect(),
        mine: q
            .mine
            .into_iter()
            .map(|(chat, name)| row(chat, name, true))
            .collect(),
        notice,
        may_set_hours,
        ctx,
    }))
}

/// `POST /medarbejder/chat/vagt` (field `paa`: `ja` or `nej`).
pub async fn duty(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let on = values.get("paa").is_some_and(|v| v == "ja");
    state
        .store
        .set_chat_duty(&user.actor, on)
        .await
        .map_err(|e| user.viewer.error(e))?;
    Ok(Redirect::to("/medarbejder/chat").into_response())
}

/// `POST /medarbejder/chat/naeste`: take the next chat and go to its thread.
pub async fn next(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let to = match state.store.take_next_chat(&user.actor).await {
        Ok(Some(chat)) => format!("/medarbejder/borgere/{}/beskeder#chat", chat.citizen_id),
        Ok(None) => "/medarbejder/chat?besked=ingen".to_owned(),
        Err(StoreError::Conflict("chat_limit")) => "/medarbejder/chat?besked=graense".to_owned(),
        Err(StoreError::Conflict("not_on_duty")) => {
            "/medarbejder/chat?besked=ikke-paa-chat".to_owned()
        }
        Err(e) => return Err(user.viewer.error(e)),
    };
    Ok(Redirect::to(&to).into_response())
}
