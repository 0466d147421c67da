//! Message threads as pages: the citizen's "Beskeder" (`/borger/beskeder`, `?med=a_kasse` for the
//! a-kasse) and staff's thread with a citizen (`/medarbejder/borgere/{id}/beskeder`). Writing is
//! a plain form post and a redirect; `live.js` adds live updates when JavaScript is on.

use domain::CitizenId;
use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::messages::{MessageBody, ThreadHolder, Waiting};
use serde::Deserialize;
use store::{Message, StoreError, Thread};

use super::citizen::own_id;
use super::context::{Ctx, SignedIn};
use super::form::{FormState, problem_words};
use super::path::PagePath;
use super::{PageError, render};
use crate::AppState;
use crate::i18n::Texts;
use crate::time_fmt::{moment, rfc3339};

#[derive(Debug, Default, Deserialize)]
pub struct Which {
    #[serde(default)]
    med: String,
    /// The chat form's outcome (`afsluttet`, `lukket`), for the chat panel.
    #[serde(default)]
    chat: String,
    /// The self-help search's words (issue 21); absent: nothing searched.
    q: Option<String>,
}

/// A message as the page shows it.
pub struct MessageView {
    pub author: String,
    pub at: String,
    pub datetime: String,
    pub body: String,
    pub mine: bool,
    /// For the reader's own messages: the other side has opened the thread since.
    pub read: bool,
}

#[derive(Template)]
#[template(path = "messages.html")]
struct ThreadPage {
    ctx: Ctx,
    heading: String,
    is_citizen: bool,
    citizen_id: String,
    /// `jobcenter` or `a_kasse`, for the form and the live address.
    holder: &'static str,
    /// Where the form posts.
    action: String,
    messages: Vec<MessageView>,
    /// Staff: who the thread waits for, and who has taken it on.
    status: Option<String>,
    /// The same line for each side that may write next, with `{since}` for the live script to
    /// fill in when a message arrives (issue 20: the line stays true without a reload).
    status_live: Option<(String, String)>,
    /// "{date} kl. {time}": how a moment reads in this language, for the live script.
    at_pattern: String,
    may_assign: bool,
    may_write: bool,
    /// The citizen with an a-kasse may switch between the two threads.
    other_thread: Option<(String, &'static str)>,
    form: FormState,
    /// The other side wrote something not yet marked read: "Markér som læst" (a POST; looking
    /// at the page changes nothing, and the live script marks it read when shown).
    unread: bool,
    /// The live chat: where it stands, start and end (issue 21).
    chat: super::chat::ChatPanel,
    /// The citizen's self-help search and what it found (issue 21).
    help: Option<super::help::HelpView>,
}

fn view(m: Message, reader_is_citizen: bool, thread: Option<&Thread>, t: Texts) -> MessageView {
    let mine = m.by_citizen() == reader_is_citizen;
    let other_read = thread.and_then(|t| {
        if reader_is_citizen {
            t.staff_read_at
        } else {
            t.citizen_read_at
        }
    });
    MessageView {
        author: if mine && reader_is_citizen {
            t.text("messages-you").to_owned()
        } else {
            m.author_name.clone()
        },
        at: moment(m.sent_at, t.lang),
        datetime: rfc3339(m.sent_at),
        read: mine && other_read.is_some_and(|r| r >= m.sent_at),
        mine,
        body: m.body,
    }
}

/// The thread page, with `form` holding what was typed and what was wrong.
async fn thread_page(
    state: &AppState,
    user: &SignedIn,
    citizen_id: &CitizenId,
    requested: Option<ThreadHolder>,
    form: FormState,
    after: &str,
    q: Option<&str>,
) -> Result<Response, PageError> {
    let t = user.viewer.ctx().t;
    let c = state
        .store
        .conversation(&user.actor, citizen_id, requested)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let is_citizen = c.view.is_citizen();
    let holder = c.view.holder();
    let citizen = &c.citizen;
    let (heading, action, other_thread) = if is_citizen {
        let heading = match holder {
            ThreadHolder::Jobcenter => t.text("messages-with-jobcenter").to_owned(),
            ThreadHolder::AKasse => t.text("messages-with-fund").to_owned(),
        };
        let other = citizen.unemployment_fund.as_ref().map(|_| match holder {
            ThreadHolder::Jobcenter => (
                "/borger/beskeder?med=a_kasse".to_owned(),
                "messages-to-fund",
            ),
            ThreadHolder::AKasse => ("/borger/beskeder".to_owned(), "messages-to-jobcenter"),
        });
        (heading, "/borger/beskeder".to_owned(), other)
    } else {
        let heading = t
            .lang
            .fmt("messages-with", &[("name", (&citizen.name).into())]);
        (
            heading,
            format!("/medarbejder/borgere/{citizen_id}/beskeder"),
            None,
        )
    };
    let status = (!is_citizen).then(|| status_line(c.thread.as_ref(), t));
    let status_live = (!is_citizen).then(|| {
        let assigned = c.thread.as_ref().and_then(|th| th.assigned_name.as_ref());
        (
            line("messages-waiting-for-us", "{since}", assigned, t),
            line("messages-waiting-for-citizen", "{since}", assigned, t),
        )
    });
    let at_pattern = t.lang.fmt(
        "date-at",
        &[("date", "{date}".into()), ("time", "{time}".into())],
    );
    let may_assign = !is_citizen
        && c.view.may_write()
        && c.thread
            .as_ref()
            .is_some_and(|th| th.assigned_to.as_deref() != Some(user.actor.id()));
    let thread = c.thread.clone();
    let unread = c.unread();
    let chat = super::chat::panel(state, user, citizen_id, holder, after).await?;
    // The citizen searches the answers of the organisation whose thread this is.
    let help = match store::ChatOrg::of_thread(citizen, holder) {
        Some(org) if is_citizen => Some(super::help::view(state, user, &org, q).await?),
        _ => None,
    };
    Ok(render(&ThreadPage {
        help,
        chat,
        unread,
        ctx: user.viewer.ctx(),
        heading,
        is_citizen,
        citizen_id: citizen_id.to_string(),
        holder: holder.as_str(),
        action,
        messages: c
            .messages
            .into_iter()
            .map(|m| view(m, is_citizen, thread.as_ref(), t))
            .collect(),
        status,
        status_live,
        at_pattern,
        may_assign,
        may_write: c.view.may_write(),
        other_thread,
        form,
    }))
}

fn status_line(thread: Option<&Thread>, t: Texts) -> String {
    let Some(th) = thread else {
        return t.text("messages-no-thread").to_owned();
    };
    let key = match th.waiting_for {
        Waiting::Staff => "messages-waiting-for-us",
        Waiting::Citizen => "messages-waiting-for-citizen",
    };
    let since = moment(th.waiting_since, t.lang);
    line(key, &since, th.assigned_name.as_ref(), t)
}

/// Status line `key`, waiting `since`, and who has the thread. The live script gets it with
/// `since` left as `{since}` for it to fill in.
fn line(key: &str, since: &str, assigned: Option<&String>, t: Texts) -> String {
    let mut line = t.lang.fmt(key, &[("since", since.into())]);
    if let Some(name) = assigned {
        line.push(' ');
        line.push_str(&t.lang.fmt("messages-assigned-to", &[("name", name.into())]));
    }
    line
}

/// `GET /borger/beskeder`.
pub async fn mine(
    State(state): State<AppState>,
    user: SignedIn,
    Query(which): Query<Which>,
) -> Result<Response, PageError> {
    let id = own_id(&user)?;
    let requested = ThreadHolder::try_from(which.med.as_str()).ok();
    thread_page(
        &state,
        &user,
        &id,
        requested,
        FormState::default(),
        &which.chat,
        which.q.as_deref(),
    )
    .await
}

/// `GET /medarbejder/borgere/{id}/beskeder`.
pub async fn staff_thread(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::CitizenId>,
    Query(which): Query<Which>,
) -> Result<Response, PageError> {
    thread_page(
        &state,
        &user,
        &id,
        None,
        FormState::default(),
        &which.chat,
        None,
    )
    .await
}

/// The citizen's thread a form names in `med` (the jobcenter's when absent).
pub(super) fn chosen_thread(values: &HashMap<String, String>) -> Option<ThreadHolder> {
    values
        .get("med")
        .and_then(|m| ThreadHolder::try_from(m.as_str()).ok())
}

/// The citizen's page of that thread, at `anchor`.
fn own_thread_url(requested: Option<ThreadHolder>, anchor: &str) -> String {
    match requested {
        Some(ThreadHolder::AKasse) => format!("/borger/beskeder?med=a_kasse#{anchor}"),
        _ => format!("/borger/beskeder#{anchor}"),
    }
}

/// `POST /borger/beskeder` (fields `body`, `med`).
pub async fn write_mine(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let id = own_id(&user)?;
    let requested = chosen_thread(&values);
    let back = own_thread_url(requested, "ny");
    write(&state, &user, &id, requested, values, back).await
}

/// `POST /medarbejder/borgere/{id}/beskeder`.
pub async fn write_staff(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::CitizenId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let back = format!("/medarbejder/borgere/{id}/beskeder#ny");
    write(&state, &user, &id, None, values, back).await
}

async fn write(
    state: &AppState,
    user: &SignedIn,
    citizen_id: &CitizenId,
    requested: Option<ThreadHolder>,
    values: HashMap<String, String>,
    back: String,
) -> Result<Response, PageError> {
    let t = user.viewer.ctx().t;
    let raw = values.get("body").cloned().unwrap_or_default();
    let mut form = FormState::new(values);
    match MessageBody::try_from(raw.as_str()) {
        Err(problem) => form.add_error(t, "body", problem_words(t, "body", &problem)),
        Ok(body) => match state
            .store
            .post_message(&user.actor, citizen_id, requested, &body)
            .await
        {
            Ok(_) => {
                // Answering is reading what came before.
                state
                    .store
                    .mark_conversation_read(&user.actor, citizen_id, requested)
                    .await
                    .map_err(|e| user.viewer.error(e))?;
                return Ok(Redirect::to(&back).into_response());
            }
            Err(StoreError::RateLimited) => {
                form.add_error(t, "body", t.text("messages-rate-limited"))
            }
            Err(e) => return Err(user.viewer.error(e)),
        },
    }
    thread_page(state, user, citizen_id, requested, form, "", None).await
}

/// `POST /medarbejder/borgere/{id}/beskeder/tildel`: "assign to me".
pub async fn assign(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::CitizenId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    state
        .store
        .assign_thread(&user.actor, &id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let back = values.get("tilbage").map(String::as_str);
    let to = match back {
        Some("indbakke") => "/medarbejder/indbakke".to_owned(),
        _ => format!("/medarbejder/borgere/{id}/beskeder"),
    };
    Ok(Redirect::to(&to).into_response())
}

/// `POST /borger/beskeder/laest` (field `med`) and `POST /medarbejder/borgere/{id}/beskeder/laest`:
/// "Markér som læst", the reader's read receipt.
pub async fn mark_read_mine(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let id = own_id(&user)?;
    let requested = chosen_thread(&values);
    mark_read(&state, &user, &id, requested).await?;
    Ok(Redirect::to(&own_thread_url(requested, "traad")).into_response())
}

pub async fn mark_read_staff(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::CitizenId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    mark_read(&state, &user, &id, None).await?;
    Ok(Redirect::to(&format!("/medarbejder/borgere/{id}/beskeder#traad")).into_response())
}

async fn mark_read(
    state: &AppState,
    user: &SignedIn,
    citizen_id: &CitizenId,
    requested: Option<ThreadHolder>,
) -> Result<(), PageError> {
    state
        .store
        .mark_conversation_read(&user.actor, citizen_id, requested)
        .await
        .map_err(|e| user.viewer.error(e))
}
