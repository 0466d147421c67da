//! The live chat on the message pages (issue 21): a panel above the thread saying where the
//! chat stands — open and whom to start with, your place in the queue, who you chat with,
//! closed and when it opens — with the buttons to start and end it. What is said is written in
//! the thread's own form; without JavaScript it is that form and a reload, which the panel
//! says.

use std::collections::HashMap;

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use catalogue::Arg;
use catalogue::dates::spoken;
use domain::CitizenId;
use domain::chat::Availability;
use domain::clock_text::clock;
use domain::messages::ThreadHolder;
use store::{Started, StoreError};

use super::PageError;
use super::citizen::own_id;
use super::context::SignedIn;
use super::messages::chosen_thread;
use super::path::PagePath;
use crate::AppState;
use crate::i18n::Texts;

/// The panel as the page shows it.
pub struct ChatPanel {
    /// Where the chat stands, in one or two sentences.
    pub status: String,
    /// A notice after a form: the chat ended, or it could not start (and why).
    pub notice: Option<(String, bool)>,
    /// The citizen may start a chat now.
    pub can_start: bool,
    /// The open chat this reader may end.
    pub end: Option<String>,
    /// Staff ending their chat are asked whether it was a conversation.
    pub ask_conversation: bool,
    /// What the live script shows while the other side writes.
    pub typing: String,
    /// Whether a chat is open in the thread (the live script then sends typing signs).
    pub live: bool,
    /// Staff holding the chat may give it to a colleague on duty: (id, name), by name.
    pub colleagues: Vec<(String, String)>,
}

/// The panel for `reader` in the thread `holder` with `citizen_id`; `after` is the form's
/// outcome from the address (`afsluttet`, `lukket`).
pub async fn panel(
    state: &AppState,
    user: &SignedIn,
    citizen_id: &CitizenId,
    holder: ThreadHolder,
    after: &str,
) -> Result<ChatPanel, PageError> {
    let t = user.viewer.ctx().t;
    let s = state
        .store
        .chat_state(&user.actor, citizen_id, Some(holder))
        .await
        .map_err(|e| user.viewer.error(e))?;
    let is_citizen = matches!(user.actor, domain::Actor::Citizen { .. });
    let notice = match after {
        "afsluttet" => Some((t.text("chat-ended").to_owned(), false)),
        "lukket" => Some((t.text("conflict-chat-closed").to_owned(), true)),
        "givet-videre" => Some((t.text("chat-handed-over").to_owned(), false)),
        "ikke-givet-videre" => Some((t.text("chat-not-handed-over").to_owned(), true)),
        _ => None,
    };
    let mut panel = ChatPanel {
        status: String::new(),
        notice,
        can_start: false,
        end: None,
        ask_conversation: false,
        typing: String::new(),
        live: false,
        colleagues: Vec::new(),
    };
    if let Some(chat) = &s.chat {
        panel.live = true;
        panel.end = Some(chat.id.to_string());
        let taker = chat.taken_name.clone().unwrap_or_default();
        panel.status = match (is_citizen, &chat.taken_by) {
            (true, None) => waiting(t, s.position, s.expected_wait),
            (true, Some(_)) => t.lang.fmt("chat-with", &[("name", (&taker).into())]),
            (false, None) => t.text("chat-staff-waiting").to_owned(),
            (false, Some(by)) if by == user.actor.id() => {
                panel.ask_conversation = true;
                let mut colleagues = state
                    .store
                    .chat_colleagues_on_duty(&user.actor)
                    .await
                    .map_err(|e| user.viewer.error(e))?;
                // The citizen's own caseworker first, and said to be theirs.
                if let Some(at) = colleagues
                    .iter()
                    .position(|(id, _)| Some(id) == chat.own_caseworker.as_ref())
                {
                    let (id, name) = colleagues.remove(at);
                    let marked = t
                        .lang
                        .fmt("chat-own-caseworker", &[("name", (&name).into())]);
                    colleagues.insert(0, (id, marked));
                }
                panel.colleagues = colleagues;
                t.text("chat-staff-yours").to_owned()
            }
            (false, Some(_)) => t.lang.fmt("chat-staff-other", &[("name", (&taker).into())]),
        };
        panel.typing = if is_citizen {
            t.lang.fmt("chat-typing", &[("name", (&taker).into())])
        } else {
            t.text("chat-typing-citizen").to_owned()
        };
        return Ok(panel);
    }
    if !is_citizen {
        panel.status = t.text("chat-staff-none").to_owned();
        return Ok(panel);
    }
    panel.status = match s.availability {
        Availability::Open { closes } => {
            panel.can_start = true;
            t.lang
                .fmt("chat-open", &[("closes", (&clock_dotted(closes)).into())])
        }
        Availability::Unstaffed { closes } => t.lang.fmt(
            "chat-unstaffed",
            &[("closes", (&clock_dotted(closes)).into())],
        ),
        Availability::Closed { opens: Some(opens) } => t
            .lang
            .fmt("chat-closed", &[("opens", (&spoken(t.lang, opens)).into())]),
        Availability::Closed { opens: None } => t.text("chat-none").to_owned(),
    };
    Ok(panel)
}

/// "Du er nummer 2 i køen, ca. 4 minutter.": on the panel, and in the socket's `queue` frame
/// when the queue moves (`live::thread_socket`).
pub fn waiting(t: Texts, position: Option<u32>, wait: Option<jiff::SignedDuration>) -> String {
    let minutes = wait.map_or(0, |w| (w.as_secs() + 59).div_euclid(60));
    let position = i64::from(position.unwrap_or(1));
    if minutes == 0 {
        return t
            .lang
            .fmt("chat-next", &[("position", Arg::Number(position))]);
    }
    t.lang.fmt(
        "chat-queue",
        &[
            ("position", Arg::Number(position)),
            ("minutes", Arg::Number(minutes)),
        ],
    )
}

/// "15.00": a closing time as Danish writes the clock.
fn clock_dotted(at: jiff::Timestamp) -> String {
    clock(at).replace(':', ".")
}

/// The citizen's thread page with the form's outcome.
fn back_to_own(holder: Option<ThreadHolder>, after: &str) -> Redirect {
    let to = match holder {
        Some(ThreadHolder::AKasse) => format!("/borger/beskeder?med=a_kasse&chat={after}#chat"),
        _ => format!("/borger/beskeder?chat={after}#chat"),
    };
    Redirect::to(&to)
}

/// `POST /borger/chat` (field `med`): start a chat, or be told why not.
pub async fn start_mine(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let id = own_id(&user)?;
    let holder = chosen_thread(&values);
    let after = match state.store.start_chat(&user.actor, &id, holder).await {
        Ok(Started::New(_) | Started::Existing(_)) => "startet",
        Err(StoreError::Conflict("chat_closed")) => "lukket",
        Err(e) => return Err(user.viewer.error(e)),
    };
    Ok(back_to_own(holder, after).into_response())
}

/// `POST /borger/chat/afslut` (fields `chat`, `med`).
pub async fn end_mine(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    end(&state, &user, &values, false).await?;
    Ok(back_to_own(chosen_thread(&values), "afsluttet").into_response())
}

/// `POST /medarbejder/borgere/{id}/chat/videre` (fields `chat`, `to`): hand the chat to a
/// colleague on duty; if they have just gone off duty or are full, the page says so.
pub async fn hand_over(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<CitizenId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let chat = values
        .get("chat")
        .and_then(|c| domain::ChatId::try_from(c.as_str()).ok());
    let to = values
        .get("to")
        .and_then(|c| domain::StaffId::try_from(c.as_str()).ok());
    let (Some(chat), Some(to)) = (chat, to) else {
        return Err(user.viewer.error(StoreError::NotFound));
    };
    let after = match state.store.hand_over_chat(&user.actor, &chat, &to).await {
        Ok(_) => "givet-videre",
        Err(StoreError::Conflict(_)) => "ikke-givet-videre",
        Err(e) => return Err(user.viewer.error(e)),
    };
    Ok(Redirect::to(&format!(
        "/medarbejder/borgere/{id}/beskeder?chat={after}#chat"
    ))
    .into_response())
}

/// `POST /medarbejder/borgere/{id}/chat/afslut` (fields `chat`, `conversation`).
pub async fn end_staff(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<CitizenId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let conversation = values.get("conversation").is_some_and(|v| v == "ja");
    end(&state, &user, &values, conversation).await?;
    Ok(Redirect::to(&format!(
        "/medarbejder/borgere/{id}/beskeder?chat=afsluttet#chat"
    ))
    .into_response())
}

async fn end(
    state: &AppState,
    user: &SignedIn,
    values: &HashMap<String, String>,
    conversation: bool,
) -> Result<(), PageError> {
    let chat = values
        .get("chat")
        .and_then(|c| domain::ChatId::try_from(c.as_str()).ok())
        .ok_or_else(|| user.viewer.error(StoreError::NotFound))?;
    state
        .store
        .end_chat(&user.actor, &chat, conversation)
        .await
        .map_err(|e| user.viewer.error(e))?;
    Ok(())
}

/// The chat on the citizen's home page, in one sentence, and whether there is a chat to go
/// to now (open, or theirs already): "Chat med en medarbejder nu – …", "Du er nummer 2 i køen
/// til chatten.", or when it opens and that a message is answered within two working days.
pub async fn home_line(
    state: &AppState,
    user: &SignedIn,
    citizen_id: &CitizenId,
) -> Result<(String, bool), PageError> {
    let t = user.viewer.ctx().t;
    let s = state
        .store
        .chat_state(&user.actor, citizen_id, Some(ThreadHolder::Jobcenter))
        .await
        .map_err(|e| user.viewer.error(e))?;
    if let Some(chat) = &s.chat {
        let line = match &chat.taken_name {
            Some(name) => t.lang.fmt("home-chat-with", &[("name", name.into())]),
            None => t.lang.fmt(
                "home-chat-queued",
                &[("position", Arg::Number(i64::from(s.position.unwrap_or(1))))],
            ),
        };
        return Ok((line, true));
    }
    Ok(match s.availability {
        Availability::Open { closes } => (
            t.lang.fmt(
                "home-chat-open",
                &[("closes", (&clock_dotted(closes)).into())],
            ),
            true,
        ),
        Availability::Unstaffed { .. } => (t.text("home-chat-unstaffed").to_owned(), false),
        Availability::Closed { opens: Some(opens) } => (
            t.lang.fmt(
                "home-chat-closed",
                &[("opens", (&spoken(t.lang, opens)).into())],
            ),
            false,
        ),
        Availability::Closed { opens: None } => (t.text("home-chat-none").to_owned(), false),
    })
}
