//! `/borger/spoergeskema/{id}`: the survey after a held meeting, as a form of radio groups that
//! works without JavaScript. A refused answer is named beside its question and what was chosen
//! is kept; an answered survey says thank you.

use domain::SurveyId;
use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::surveys::{QUESTIONS, QuestionKind, SurveyAnswers};
use store::StoreError;

use super::context::{Ctx, SignedIn};
use super::form::{FormState, problem_words};
use super::path::PagePath;
use super::{PageError, render};
use crate::AppState;
use crate::i18n::Lang;
use crate::time_fmt::{local_date, long_date};

pub struct QuestionView {
    pub id: &'static str,
    pub text: &'static str,
    pub is_text: bool,
    pub options: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "survey.html")]
struct SurveyPage {
    ctx: Ctx,
    id: String,
    about: String,
    answered: bool,
    /// Not answered, and more than 30 days after the meeting: it can no longer be answered.
    closed: bool,
    questions: Vec<QuestionView>,
    form: FormState,
}

fn questions(lang: Lang) -> Vec<QuestionView> {
    use crate::i18n::surveys::{option, question};
    QUESTIONS
        .iter()
        .map(|q| QuestionView {
            id: q.id,
            text: question(lang, q.id),
            is_text: q.kind == QuestionKind::Text,
            options: q
                .options
                .iter()
                .map(|v| (*v, option(lang, q.id, v)))
                .collect(),
        })
        .collect()
}

async fn page(
    state: &AppState,
    user: &SignedIn,
    id: &SurveyId,
    form: FormState,
) -> Result<Response, PageError> {
    let (survey, answered) = state
        .store
        .own_survey(&user.actor, id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let lang = user.viewer.lang;
    Ok(render(&SurveyPage {
        about: lang.fmt(
            "survey-about-meeting",
            &[
                (
                    "day",
                    long_date(local_date(survey.held_at), lang).as_str().into(),
                ),
                ("staff", (&survey.staff_name).into()),
            ],
        ),
        ctx: user.viewer.ctx(),
        closed: !answered && !domain::survey_release::answerable(survey.held_at, state.store.now()),
        id: survey.id.into(),
        answered,
        questions: questions(lang),
        form,
    }))
}

/// `GET /borger/spoergeskema/{id}`.
pub async fn form(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::SurveyId>,
) -> Result<Response, PageError> {
    page(&state, &user, &id, FormState::default()).await
}

/// `POST /borger/spoergeskema/{id}`.
pub async fn submit(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::SurveyId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let t = user.viewer.ctx().t;
    let raw: BTreeMap<String, String> = values
        .iter()
        .filter(|(k, _)| QUESTIONS.iter().any(|q| q.id == k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut form = FormState::new(values);
    match SurveyAnswers::parse(&raw) {
        Err(errors) => {
            for e in errors {
                let field = e.field.trim_start_matches("answers.");
                form.add_error(t, field, problem_words(t, field, &e.problem));
            }
        }
        Ok(answers) => match state.store.answer_survey(&user.actor, &id, &answers).await {
            Ok(_) | Err(StoreError::Conflict(_)) => {
                return Ok(Redirect::to(&format!("/borger/spoergeskema/{id}")).into_response());
            }
            Err(e) => return Err(user.viewer.error(e)),
        },
    }
    page(&state, &user, &id, form).await
}
