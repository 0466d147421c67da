//! The screening questionnaire for the citizen (or staff on their behalf), the suggestion with
//! its reasons, the caseworker's decision, and the citizen's own view of it.

use domain::{Actor, CitizenId, FieldError, Invalid, Track};
use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::screening::{Answers, RawAnswers, Recommendation};
use serde::Deserialize;
use store::{Citizen, StoreError};

use super::context::{Ctx, PageQuery, SignedIn};
use super::form::FormState;
use super::path::PagePath;
use super::{PageError, render};
use crate::AppState;
use crate::i18n::track_for_citizen;

/// One question: its form name, text key and (for choices) the options as (value, text key).
pub struct Question {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub options: &'static [(&'static str, &'static str)],
}

const YES_NO_UNSURE: &[(&str, &str)] = &[
    ("no", "screening-a-no"),
    ("unsure", "screening-a-unsure"),
    ("yes", "screening-a-yes"),
];
const YES_NO: &[(&str, &str)] = &[("no", "screening-a-no"), ("yes", "screening-a-yes")];

pub const QUESTIONS: &[Question] = &[
    Question {
        name: "worked_months_last_12",
        label: "screening-q-worked",
        hint: "screening-q-worked-hint",
        options: &[],
    },
    Question {
        name: "education",
        label: "screening-q-education",
        hint: "",
        options: &[
            ("none", "screening-a-none-edu"),
            ("upper_secondary", "screening-a-upper-secondary"),
            ("vocational", "screening-a-vocational"),
            ("higher", "screening-a-higher"),
        ],
    },
    Question {
        name: "health_limits_work",
        label: "screening-q-health",
        hint: "",
        options: YES_NO_UNSURE,
    },
    Question {
        name: "other_obstacles",
        label: "screening-q-obstacles",
        hint: "",
        options: YES_NO_UNSURE,
    },
    Question {
        name: "digital_comfort",
        label: "screening-q-digital",
        hint: "",
        options: &[
            ("high", "screening-a-high"),
            ("some", "screening-a-some"),
            ("low", "screening-a-low"),
            ("none", "screening-a-none"),
        ],
    },
    Question {
        name: "needs_interpreter",
        label: "screening-q-interpreter",
        hint: "",
        options: YES_NO,
    },
    Question {
        name: "own_assessment",
        label: "screening-q-own",
        hint: "",
        options: &[
            ("soon", "screening-a-soon"),
            ("months", "screening-a-months"),
            ("long", "screening-a-long"),
            ("unsure", "screening-a-dont-know"),
        ],
    },
    Question {
        name: "wants_in_person",
        label: "screening-q-in-person",
        hint: "",
        options: YES_NO,
    },
];

#[derive(Debug, Deserialize)]
pub struct ForCitizen {
    pub borger: CitizenId,
}

#[derive(Template)]
#[template(path = "screening_form.html")]
struct FormPage {
    ctx: Ctx,
    citizen: Citizen,
    on_behalf: bool,
    questions: &'static [Question],
    form: FormState,
}

/// Parses the form's answers; booleans come as `yes`/`no`, the month count as text.
fn parse(values: &HashMap<String, String>) -> Result<Answers, Vec<FieldError>> {
    let text = |k: &str| {
        values
            .get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let flag = |k: &str| {
        text(k).and_then(|v| match v.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        })
    };
    let raw = RawAnswers {
        // Text that is not a whole number is as wrong as 13: both are refused as out of range.
        worked_months_last_12: text("worked_months_last_12")
            .map(|m| m.parse::<i64>().unwrap_or(-1)),
        education: text("education"),
        health_limits_work: text("health_limits_work"),
        other_obstacles: text("other_obstacles"),
        digital_comfort: text("digital_comfort"),
        needs_interpreter: flag("needs_interpreter"),
        own_assessment: text("own_assessment"),
        wants_in_person: flag("wants_in_person"),
    };
    Answers::try_from(&raw)
}

async fn form_page(
    state: &AppState,
    user: &SignedIn,
    citizen_id: &CitizenId,
    form: FormState,
) -> Result<Response, PageError> {
    let citizen = state
        .store
        .citizen(&user.actor, citizen_id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let status = if form.errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut response = render(&FormPage {
        ctx: user.viewer.ctx(),
        on_behalf: user.actor.is_staff(),
        citizen,
        questions: QUESTIONS,
        form,
    });
    *response.status_mut() = status;
    Ok(response)
}

/// `GET /screening?borger=…`.
pub async fn form(
    State(state): State<AppState>,
    user: SignedIn,
    PageQuery(q): PageQuery<ForCitizen>,
) -> Result<Response, PageError> {
    form_page(&state, &user, &q.borger, FormState::default()).await
}

/// `POST /screening`: stores the answers and shows the suggestion, or the form with every
/// missing or wrong answer named beside its question.
pub async fn submit(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let citizen_id = CitizenId::try_from(values.get("borger").map_or("", String::as_str))
        .map_err(|_| user.viewer.error(PageError::NotFound))?;
    let t = user.viewer.ctx().t;
    match parse(&values) {
        Err(errors) => {
            form_page(
                &state,
                &user,
                &citizen_id,
                FormState::new(values).with_errors(t, &errors),
            )
            .await
        }
        Ok(answers) => {
            let s = state
                .store
                .submit_screening(&user.actor, &citizen_id, &answers)
                .await
                .map_err(|e| user.viewer.error(e))?;
            Ok(Redirect::to(&format!("/screening/{}?borger={citizen_id}", s.id)).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "screening_result.html")]
struct ResultPage {
    ctx: Ctx,
    citizen_id: String,
    suggestion: &'static str,
    recommendation: Recommendation,
    is_staff: bool,
}

/// `GET /screening/{id}?borger=…`: the suggestion and why.
pub async fn result(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::ScreeningId>,
    PageQuery(q): PageQuery<ForCitizen>,
) -> Result<Response, PageError> {
    let screenings = state
        .store
        .screenings(&user.actor, &q.borger)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let s = screenings
        .into_iter()
        .find(|s| id == s.id.as_str())
        .ok_or_else(|| user.viewer.error(PageError::NotFound))?;
    Ok(render(&ResultPage {
        ctx: user.viewer.ctx(),
        citizen_id: q.borger.to_string(),
        suggestion: track_for_citizen(user.viewer.lang, s.recommendation.track),
        recommendation: s.recommendation,
        is_staff: user.actor.is_staff(),
    }))
}

/// `POST /medarbejder/borgere/{id}/visitation`: the caseworker's decision; without a needed
/// reason the citizen's page says so beside the field.
pub async fn decide(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::CitizenId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let t = user.viewer.ctx().t;
    let track = values
        .get("track")
        .and_then(|v| Track::try_from(v.as_str()).ok());
    let reason = values
        .get("reason")
        .map(|r| r.trim().chars().take(1000).collect::<String>());
    let mut form = FormState::new(values.clone());
    match track {
        None => form.add_error(t, "track", t.invalid(&Invalid::Required)),
        Some(track) => match state
            .store
            .decide_visitation(&user.actor, &id, track, reason.as_deref())
            .await
        {
            Ok(_) => return Ok(Redirect::to(&format!("/medarbejder/borgere/{id}")).into_response()),
            Err(StoreError::ReasonRequired) => {
                form.add_error(t, "reason", t.text("visitation-reason-required"))
            }
            Err(e) => return Err(user.viewer.error(e)),
        },
    }
    let forms = super::citizen_page::CitizenForms {
        decide: form,
        ..Default::default()
    };
    super::citizen_page::citizen_page(&state, &user, &id, forms).await
}

/// `POST /borger/vurdering`: "Din egen vurdering" of the latest decision.
pub async fn own_view(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let Actor::Citizen { citizen_id, .. } = &user.actor else {
        return Err(user.viewer.error(PageError::Forbidden));
    };
    let view: String = values
        .get("view")
        .map(|v| v.trim().chars().take(2000).collect())
        .unwrap_or_default();
    if !view.is_empty() {
        state
            .store
            .add_citizen_view(&user.actor, citizen_id, &view)
            .await
            .map_err(|e| user.viewer.error(e))?;
    }
    Ok(Redirect::to("/borger").into_response())
}
