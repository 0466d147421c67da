//! The survey after a held meeting, as a form of radio groups that works without JavaScript,
//! answered three ways (issue 19 item 5): by the citizen signed in (`/borger/spoergeskema/{id}`),
//! by anyone holding the paper letter's code without signing in (`/spoergeskema`), and by
//! jobcentre staff typing in what the citizen said on the phone or wrote on the returned form
//! (`/medarbejder/borgere/{citizen}/spoergeskema/{id}`). A refused answer is named beside its
//! question and what was chosen is kept; an answered survey says thank you.

use domain::SurveyId;
use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::surveys::{AnswerWay, QUESTIONS, QuestionKind, SurveyAnswers};
use store::StoreError;

use super::context::{Ctx, SignedIn, Viewer};
use super::form::{FormState, problem_words};
use super::path::PagePath;
use super::{PageError, render, render_form};
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
    /// Where the answers are posted, and where "back" leads.
    action: String,
    back: String,
    /// The paper letter's code, carried in the form (the public page).
    code: Option<String>,
    /// Staff recording: the way the answers came ("phone" or "paper") is asked too.
    staff: bool,
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

/// How a survey page is reached: whose it is and where its form goes.
struct Way {
    action: String,
    back: String,
    code: Option<String>,
    staff: bool,
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
    let way = Way {
        action: format!("/borger/spoergeskema/{id}"),
        back: "/borger".to_owned(),
        code: None,
        staff: false,
    };
    Ok(render_survey(
        state,
        &user.viewer,
        survey,
        answered,
        way,
        form,
    ))
}

fn render_survey(
    state: &AppState,
    viewer: &Viewer,
    survey: store::PendingSurvey,
    answered: bool,
    way: Way,
    form: FormState,
) -> Response {
    let lang = viewer.lang;
    render(&SurveyPage {
        action: way.action,
        back: way.back,
        code: way.code,
        staff: way.staff,
        about: lang.fmt(
            "survey-about-meeting",
            &[
                (
                    "day",
                    long_date(local_date(survey.held_at), lang).as_str().into(),
                ),
                ("staff", (&survey.staff_name).into()),
                ("kind", survey.about.kind().into()),
            ],
        ),
        ctx: viewer.ctx(),
        closed: !answered && !domain::survey_release::answerable(survey.held_at, state.store.now()),
        answered,
        questions: questions(lang),
        form,
    })
}

/// The answers of a submitted form, or the form with each refusal beside its question.
fn answers_of(
    values: &HashMap<String, String>,
    t: crate::i18n::Texts,
) -> Result<SurveyAnswers, FormState> {
    let raw: BTreeMap<String, String> = values
        .iter()
        .filter(|(k, _)| QUESTIONS.iter().any(|q| q.id == k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    SurveyAnswers::parse(&raw).map_err(|errors| {
        let mut form = FormState::new(values.clone());
        for e in errors {
            let field = e.field.trim_start_matches("answers.");
            form.add_error(t, field, problem_words(t, field, &e.problem));
        }
        form
    })
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
    match answers_of(&values, t) {
        Err(form) => page(&state, &user, &id, form).await,
        Ok(answers) => match state.store.answer_survey(&user.actor, &id, &answers).await {
            Ok(_) | Err(StoreError::Conflict(_)) => {
                Ok(Redirect::to(&format!("/borger/spoergeskema/{id}")).into_response())
            }
            Err(e) => Err(user.viewer.error(e)),
        },
    }
}

#[derive(Template)]
#[template(path = "survey_code.html")]
struct CodePage {
    ctx: Ctx,
    form: FormState,
}

#[derive(serde::Deserialize)]
pub struct CodeQuery {
    kode: Option<String>,
}

/// `GET /spoergeskema[?kode=…]`: the paper letter's code, typed without signing in, opens
/// the survey. An unknown code is said at the field and never tells whether it ever existed.
pub async fn by_code(
    State(state): State<AppState>,
    viewer: Viewer,
    axum::extract::Query(q): axum::extract::Query<CodeQuery>,
) -> Result<Response, PageError> {
    let t = viewer.ctx().t;
    let typed = q.kode.is_some();
    let Some(code) = q.kode.filter(|c| !c.trim().is_empty()) else {
        let mut form = FormState::default();
        if typed {
            form.add_error(t, "kode", t.text("survey-code-required"));
        }
        return Ok(code_page(&viewer, form));
    };
    match state.store.survey_by_code(&code).await {
        Ok((survey, answered)) => {
            let way = public_way(&code);
            Ok(render_survey(
                &state,
                &viewer,
                survey,
                answered,
                way,
                FormState::default(),
            ))
        }
        Err(StoreError::NotFound) => {
            let mut values = HashMap::new();
            values.insert("kode".to_owned(), code);
            let mut form = FormState::new(values);
            form.add_error(t, "kode", t.text("survey-code-unknown"));
            Ok(code_page(&viewer, form))
        }
        Err(e) => Err(viewer.error(e)),
    }
}

fn public_way(code: &str) -> Way {
    let code = store::normalise_code(code);
    Way {
        action: "/spoergeskema".to_owned(),
        back: "/".to_owned(),
        code: Some(code),
        staff: false,
    }
}

fn code_page(viewer: &Viewer, form: FormState) -> Response {
    let refused = !form.errors.is_empty();
    let page = CodePage {
        ctx: viewer.ctx(),
        form,
    };
    render_form(&page, refused)
}

/// `POST /spoergeskema`: answers by the paper letter's code, counted as answered on paper.
/// No session, so no CSRF token: the code is the key, and a forged post would need it.
pub async fn submit_by_code(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let code = values.get("kode").cloned().unwrap_or_default();
    let (survey, answered) = match state.store.survey_by_code(&code).await {
        Ok(found) => found,
        Err(StoreError::NotFound) => {
            return Err(viewer.error(PageError::NotFound));
        }
        Err(e) => return Err(viewer.error(e)),
    };
    let t = viewer.ctx().t;
    let (answered, form) = match answers_of(&values, t) {
        Err(form) => (answered, form),
        Ok(answers) => match state.store.answer_survey_by_code(&code, &answers).await {
            Ok(_) | Err(StoreError::Conflict("already_answered")) => (true, FormState::default()),
            // Past the window: the page says it can no longer be answered.
            Err(StoreError::Conflict(_)) => (false, FormState::default()),
            Err(e) => return Err(viewer.error(e)),
        },
    };
    let way = public_way(&code);
    Ok(render_survey(&state, &viewer, survey, answered, way, form))
}

/// The survey of one of the citizen's meetings, for jobcentre staff to type answers into.
async fn staff_survey(
    state: &AppState,
    user: &SignedIn,
    citizen: &domain::CitizenId,
    id: &SurveyId,
) -> Result<store::SurveyStatus, PageError> {
    state
        .store
        .citizen_surveys(&user.actor, citizen)
        .await
        .map_err(|e| user.viewer.error(e))?
        .into_iter()
        .find(|s| s.survey.id == *id)
        .ok_or_else(|| user.viewer.error(PageError::NotFound))
}

fn staff_way(citizen: &domain::CitizenId, id: &SurveyId) -> Way {
    Way {
        action: format!("/medarbejder/borgere/{citizen}/spoergeskema/{id}"),
        back: format!("/medarbejder/borgere/{citizen}#spoergeskemaer"),
        code: None,
        staff: true,
    }
}

/// `GET /medarbejder/borgere/{citizen}/spoergeskema/{id}`: staff type in answers given by phone
/// or on paper.
pub async fn record_form(
    State(state): State<AppState>,
    user: SignedIn,
    axum::extract::Path((citizen, id)): axum::extract::Path<(String, String)>,
) -> Result<Response, PageError> {
    let (citizen, id) = staff_ids(&user, &citizen, &id)?;
    let s = staff_survey(&state, &user, &citizen, &id).await?;
    let answered = s.answered_by.is_some();
    let way = staff_way(&citizen, &id);
    Ok(render_survey(
        &state,
        &user.viewer,
        s.survey,
        answered,
        way,
        FormState::default(),
    ))
}

fn staff_ids(
    user: &SignedIn,
    citizen: &str,
    id: &str,
) -> Result<(domain::CitizenId, SurveyId), PageError> {
    let not_found = |_| user.viewer.error(PageError::NotFound);
    Ok((
        domain::CitizenId::try_from(citizen).map_err(not_found)?,
        SurveyId::try_from(id).map_err(not_found)?,
    ))
}

/// `POST /medarbejder/borgere/{citizen}/spoergeskema/{id}`.
pub async fn record(
    State(state): State<AppState>,
    user: SignedIn,
    axum::extract::Path((citizen, id)): axum::extract::Path<(String, String)>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let (citizen, id) = staff_ids(&user, &citizen, &id)?;
    let t = user.viewer.ctx().t;
    let way = match values.get("way").map(String::as_str) {
        Some("phone") => Some(AnswerWay::Phone),
        Some("paper") => Some(AnswerWay::Paper),
        _ => None,
    };
    let answers = answers_of(&values, t);
    let (answers, way) = match (answers, way) {
        (Ok(a), Some(w)) => (a, w),
        (result, way) => {
            let mut form = result
                .err()
                .unwrap_or_else(|| FormState::new(values.clone()));
            if way.is_none() {
                form.add_error(t, "way", t.text("invalid-choose"));
            }
            let s = staff_survey(&state, &user, &citizen, &id).await?;
            let page_way = staff_way(&citizen, &id);
            return Ok(render_survey(
                &state,
                &user.viewer,
                s.survey,
                false,
                page_way,
                form,
            ));
        }
    };
    match state
        .store
        .record_survey_answer(&user.actor, &id, &answers, way)
        .await
    {
        Ok(_) | Err(StoreError::Conflict(_)) => Ok(Redirect::to(&format!(
            "/medarbejder/borgere/{citizen}#spoergeskemaer"
        ))
        .into_response()),
        Err(e) => Err(user.viewer.error(e)),
    }
}
