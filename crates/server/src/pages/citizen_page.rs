//! One citizen as staff see them (`/medarbejder/borgere/{id}`): details, meetings, the contact
//! plan, the screening answers and visitation, and the forms that change them. Every form's
//! handler (visitation in `screening.rs`, exemption in `exemption.rs`, self-booking in
//! `staff.rs`) shows this page again with its refusal at the field.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::CitizenId;
use store::Citizen;

use super::context::{Ctx, SignedIn};
use super::form::FormState;
use super::path::PagePath;
use super::staff::require_staff;
use super::{PageError, render};
use crate::AppState;

/// One answer as the caseworker reads it: the question and the chosen option, in words.
pub struct AnswerRow {
    pub question: &'static str,
    pub answer: String,
}

#[derive(Template)]
#[template(path = "staff_citizen.html")]
struct CitizenPage {
    ctx: Ctx,
    citizen: Citizen,
    caseworker: Option<String>,
    meetings: Vec<super::meeting_view::MeetingView>,
    /// `None` for a-kasse staff, who do not see screening answers.
    screening: Option<Option<store::Screening>>,
    answers: Vec<AnswerRow>,
    visitations: Vec<store::Visitation>,
    decide: FormState,
    tracks: Vec<(String, &'static str)>,
    plan: super::plan_view::PlanView,
    exempt: FormState,
    exempt_choices: Vec<(String, &'static str)>,
    /// Who books: the citizen, or staff for one of the reasons of BEK 1216/2023 § 45.
    self_booking: FormState,
    self_booking_choices: Vec<(String, &'static str)>,
    /// Jobcentre staff: the citizen's surveys, whether and how answered (issue 19 item 5);
    /// `None` for the a-kasse, whose meetings have no surveys here.
    surveys: Option<Vec<SurveyRow>>,
}

/// One survey on the citizen page: never its answers.
struct SurveyRow {
    id: String,
    about: String,
    /// "Besvaret: i telefonen", "Kan ikke længere besvares", or `None` when it can be typed in.
    state: Option<String>,
}

/// The forms on the citizen page, each as submitted (empty, or with a refusal to show).
#[derive(Default)]
pub struct CitizenForms {
    /// The visitation decision.
    pub decide: FormState,
    /// The exemption from conversations.
    pub exempt: FormState,
    /// Exemption from self-booking; empty means "as the citizen's record says".
    pub self_booking: Option<FormState>,
}

/// The latest answers in words, question by question.
fn answer_rows(ctx: &Ctx, s: &store::Screening) -> Vec<AnswerRow> {
    let a = &s.answers;
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let values = [
        a.worked_months_last_12.to_string(),
        a.education.as_str().to_owned(),
        a.health_limits_work.as_str().to_owned(),
        a.other_obstacles.as_str().to_owned(),
        a.digital_comfort.as_str().to_owned(),
        yes_no(a.needs_interpreter).to_owned(),
        a.own_assessment.as_str().to_owned(),
        yes_no(a.wants_in_person).to_owned(),
    ];
    super::screening::QUESTIONS
        .iter()
        .zip(values)
        .map(|(q, v)| AnswerRow {
            question: ctx.t.text(q.label),
            answer: q
                .options
                .iter()
                .find(|(value, _)| *value == v)
                .map_or(v.clone(), |(_, key)| ctx.t.text(key).to_owned()),
        })
        .collect()
}

/// `GET /medarbejder/borgere/{id}`: one citizen; the read is in the citizen's access log.
pub async fn citizen(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::CitizenId>,
) -> Result<Response, PageError> {
    citizen_page(&state, &user, &id, CitizenForms::default()).await
}

/// The citizen page, with its forms as given.
pub async fn citizen_page(
    state: &AppState,
    user: &SignedIn,
    id: &CitizenId,
    forms: CitizenForms,
) -> Result<Response, PageError> {
    let CitizenForms {
        decide,
        exempt,
        self_booking,
    } = forms;
    require_staff(user)?;
    let err = |e| user.viewer.error(e);
    let citizen = state.store.citizen(&user.actor, id).await.map_err(err)?;
    let caseworker = match &citizen.caseworker_id {
        Some(cw) => state.store.staff_by_id(cw).await.ok().map(|s| s.name),
        None => None,
    };
    let meetings = state
        .store
        .citizen_meetings(&user.actor, id)
        .await
        .map_err(err)?;
    let reader = super::meetings::reader(state, user, Some(&citizen));
    let meetings = meetings
        .iter()
        .rev()
        .map(|m| super::meeting_view::view(m, &reader))
        .collect();
    let screening = match state.store.screenings(&user.actor, id).await {
        Ok(all) => Some(all.into_iter().next()),
        Err(store::StoreError::Forbidden) => None,
        Err(e) => return Err(err(e)),
    };
    let visitations = state
        .store
        .visitations(&user.actor, id)
        .await
        .map_err(err)?;
    let inputs = state
        .store
        .plan_inputs(&user.actor, id)
        .await
        .map_err(err)?;
    let today = crate::time_fmt::local_date(state.store.now());
    let mut plan = super::plan_view::PlanView::new(
        &state.config.rules,
        &inputs,
        today,
        user.viewer.lang,
        domain::contact_plan::Holder::of(&user.actor),
    );
    if plan.booking_overdue {
        plan.booking_overdue_told = state.store.booking_overdue_told(id).await.map_err(err)?;
    }
    let ctx = user.viewer.ctx();
    let answers = match &screening {
        Some(Some(s)) => answer_rows(&ctx, s),
        _ => Vec::new(),
    };
    let status = if decide.errors.is_empty() && exempt.errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let tracks = domain::Track::ALL
        .iter()
        .map(|t| (t.as_str().to_owned(), ctx.t.track_name(t)))
        .collect();
    let exempt_choices = vec![
        ("yes".to_owned(), ctx.t.text("plan-exempt-yes")),
        ("no".to_owned(), ctx.t.text("plan-exempt-no")),
    ];
    // The current choice, unless a refused form is being shown again.
    let self_booking = self_booking.unwrap_or_else(|| {
        let current = match (
            citizen.self_booking_exempt,
            citizen.self_booking_exempt_reason,
        ) {
            (true, Some(r)) => r.as_str(),
            _ => "",
        };
        FormState::new([("grund".to_owned(), current.to_owned())].into())
    });
    let self_booking_choices = std::iter::once((String::new(), ctx.t.text("selfbooking-self")))
        .chain(
            domain::meetings::SelfBookingExemption::ALL
                .iter()
                .map(|r| (r.as_str().to_owned(), ctx.t.text(self_booking_key(*r)))),
        )
        .collect();
    let surveys = match state.store.citizen_surveys(&user.actor, id).await {
        Ok(all) => Some(all.into_iter().map(|s| survey_row(&ctx, s)).collect()),
        Err(store::StoreError::NotFound) => None,
        Err(e) => return Err(err(e)),
    };
    let mut response = render(&CitizenPage {
        surveys,
        ctx,
        plan,
        exempt,
        exempt_choices,
        self_booking,
        self_booking_choices,
        citizen,
        caseworker,
        meetings,
        screening,
        answers,
        visitations,
        decide,
        tracks,
    });
    *response.status_mut() = status;
    Ok(response)
}

fn survey_row(ctx: &Ctx, s: store::SurveyStatus) -> SurveyRow {
    let lang = ctx.t.lang;
    let day = ctx.t.day_of(&s.survey.held_at);
    let state = match (s.answered_by, s.answerable) {
        (Some(way), _) => {
            let way = match way {
                domain::surveys::AnswerWay::Digital => lang.text("surveys-way-digital"),
                domain::surveys::AnswerWay::Phone => lang.text("surveys-way-phone"),
                domain::surveys::AnswerWay::Paper => lang.text("surveys-way-paper"),
            };
            Some(lang.fmt("surveys-staff-answered", &[("way", way.into())]))
        }
        (None, false) => Some(lang.text("surveys-staff-closed").to_owned()),
        (None, true) => None,
    };
    SurveyRow {
        id: s.survey.id.to_string(),
        about: lang.fmt(
            "surveys-staff-about",
            &[
                ("day", day.as_str().into()),
                ("kind", s.survey.about.kind().into()),
            ],
        ),
        state,
    }
}

/// Staff's words for a reason of BEK 1216/2023 § 45.
fn self_booking_key(r: domain::meetings::SelfBookingExemption) -> &'static str {
    use domain::meetings::SelfBookingExemption::*;
    match r {
        ItSkills => "selfbooking-it-skills",
        Language => "selfbooking-language",
        Disability => "selfbooking-disability",
        InterpreterOrPremises => "selfbooking-interpreter",
    }
}
