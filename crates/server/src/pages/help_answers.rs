//! "Svar til borgerne" (`/medarbejder/chat/svar`, issue 21, item 5): the organisation's staff
//! write and keep the short answers citizens search on their message pages. One page lists
//! them with a form for a new one; each answer has its own page to change or delete it.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::HelpAnswerId;
use domain::help::{HelpText, MAX_ANSWER};
use store::{ChatOrg, HelpAnswer};

use super::context::{Ctx, SignedIn};
use super::form::FormState;
use super::path::PagePath;
use super::{PageError, render_form};
use crate::AppState;
use crate::time_fmt::moment;

/// An answer in the list.
pub struct AnswerRow {
    pub id: String,
    pub question: String,
    pub answer: String,
    /// "Rettet 3. december 2026 kl. 9.30".
    pub updated: String,
    /// The link's words, naming the question for screen readers' link lists.
    pub edit: String,
}

#[derive(Template)]
#[template(path = "help_answers.html")]
struct AnswersPage {
    ctx: Ctx,
    answers: Vec<AnswerRow>,
    /// The form: a new answer, or the one at `editing`.
    form: FormState,
    editing: Option<String>,
    /// "Svaret er gemt." and the like.
    receipt: Option<&'static str>,
    /// "12 svar".
    count: String,
    max_answer: usize,
}

/// Staff of a jobcentre or an a-kasse: their organisation's answers.
fn staff_org(user: &SignedIn) -> Result<ChatOrg, PageError> {
    ChatOrg::of_staff(&user.actor).ok_or_else(|| user.viewer.error(store::StoreError::Forbidden))
}

fn row(a: HelpAnswer, user: &SignedIn) -> AnswerRow {
    let t = user.viewer.ctx().t;
    let at = moment(a.updated_at, t.lang);
    AnswerRow {
        id: a.id.to_string(),
        updated: t.lang.fmt("help-answers-updated", &[("at", (&at).into())]),
        edit: t
            .lang
            .fmt("help-answers-edit", &[("question", (&a.question).into())]),
        question: a.question,
        answer: a.answer,
    }
}

/// The page with `form` (refused: 422), listing every answer, or only the one being changed.
async fn answers_page(
    state: &AppState,
    user: &SignedIn,
    form: FormState,
    editing: Option<&HelpAnswerId>,
    receipt: Option<&'static str>,
) -> Result<Response, PageError> {
    let org = staff_org(user)?;
    let all = state
        .store
        .help_answers(&org)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let refused = !form.errors.is_empty();
    let mut form = form;
    if let Some(id) = editing {
        let Some(a) = all.answers.iter().find(|a| &a.id == id) else {
            return Err(user.viewer.error(PageError::NotFound));
        };
        if !refused {
            form = FormState::new(HashMap::from([
                ("question".to_owned(), a.question.clone()),
                ("answer".to_owned(), a.answer.clone()),
            ]));
        }
    }
    let answers: Vec<AnswerRow> = match editing {
        Some(_) => Vec::new(),
        None => all.answers.into_iter().map(|a| row(a, user)).collect(),
    };
    let t = user.viewer.ctx().t;
    let count = t.lang.fmt(
        "help-answers-count",
        &[("count", catalogue::Arg::Number(answers.len() as i64))],
    );
    Ok(render_form(
        &AnswersPage {
            ctx: user.viewer.ctx(),
            answers,
            form,
            editing: editing.map(ToString::to_string),
            receipt,
            count,
            max_answer: MAX_ANSWER,
        },
        refused,
    ))
}

/// `GET /medarbejder/chat/svar` (`?gemt`, `?slettet` after a change).
pub async fn list(
    State(state): State<AppState>,
    user: SignedIn,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let receipt = if q.contains_key("gemt") {
        Some("help-answers-saved")
    } else if q.contains_key("slettet") {
        Some("help-answers-deleted")
    } else {
        None
    };
    answers_page(&state, &user, FormState::default(), None, receipt).await
}

/// `GET /medarbejder/chat/svar/{id}`: one answer to change or delete.
pub async fn edit(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<HelpAnswerId>,
) -> Result<Response, PageError> {
    answers_page(&state, &user, FormState::default(), Some(&id), None).await
}

/// `POST /medarbejder/chat/svar`: a new answer.
pub async fn create(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    save(&state, &user, values, None).await
}

/// `POST /medarbejder/chat/svar/{id}`: the answer changed, or deleted (`slet`).
pub async fn update(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<HelpAnswerId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    if values.contains_key("slet") {
        user.check_csrf(values.get("csrf"))?;
        let org = staff_org(&user)?;
        state
            .store
            .delete_help_answer(&user.actor, &org, &id)
            .await
            .map_err(|e| user.viewer.error(e))?;
        return Ok(Redirect::to("/medarbejder/chat/svar?slettet").into_response());
    }
    save(&state, &user, values, Some(&id)).await
}

async fn save(
    state: &AppState,
    user: &SignedIn,
    values: HashMap<String, String>,
    id: Option<&HelpAnswerId>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let org = staff_org(user)?;
    let field = |name: &str| values.get(name).map_or("", String::as_str);
    let text = match HelpText::parse(field("question"), field("answer")) {
        Ok(text) => text,
        Err(errors) => {
            let t = user.viewer.ctx().t;
            let form = FormState::new(values.clone()).with_errors(t, &errors);
            return answers_page(state, user, form, id, None).await;
        }
    };
    state
        .store
        .save_help_answer(&user.actor, &org, id, &text)
        .await
        .map_err(|e| user.viewer.error(e))?;
    Ok(Redirect::to("/medarbejder/chat/svar?gemt").into_response())
}
