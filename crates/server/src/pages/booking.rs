//! Booking and moving a meeting without JavaScript, in steps that fit in a hand (issue 20):
//! with whom (the jobcenter or the a-kasse, for a citizen insured with one), a day (a week at a
//! time), a time (each time once, as radio buttons), then how — where the page names whom the
//! citizen will meet and where, because the server picks the slot (`booking_steps.rs`). No
//! step lists more than a week of days or a day of times. The same pages serve staff booking
//! on a citizen's behalf; staff may also require attendance, call in and add the a-kasse.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::{Channel, CitizenId, MeetingId};
use jiff::Timestamp;
use serde::Deserialize;
use store::{Citizen, NewMeeting, StoreError};

use super::booking_steps::{Step, StepView};
use super::context::{Ctx, PageQuery, SignedIn};
use super::form::FormState;
use super::meetings::refusal_message;
use super::{PageError, render};
use crate::AppState;

#[derive(Debug, Clone, Deserialize)]
pub struct BookQuery {
    pub borger: CitizenId,
    /// The meeting being moved, if any.
    pub flyt: Option<MeetingId>,
    /// `akasse` or `jobcenter`: whose times, for a citizen who has the choice.
    pub med: Option<String>,
    /// The first day of the week of days shown, `YYYY-MM-DD`.
    pub fra: Option<String>,
    /// The chosen day, `YYYY-MM-DD`.
    pub dag: Option<String>,
    /// The chosen time.
    pub tid: Option<TimeKey>,
    /// Sent by the time step's form: "Fortsæt" without a time is an error, not a first visit.
    pub valgt: Option<String>,
}

/// The value of `med` for the a-kasse's times (`jobcenter` for the jobcentre's).
pub const WITH_FUND: &str = "akasse";

/// A time as the pages carry it: `start/end` in UTC (ISO 8601's interval notation). The page
/// never names a slot: which slot a time becomes is decided when it is booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct TimeKey {
    pub start: Timestamp,
    pub end: Timestamp,
}

impl TryFrom<String> for TimeKey {
    type Error = &'static str;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        let (start, end) = s.split_once('/').ok_or("not an interval")?;
        let start: Timestamp = start.parse().map_err(|_| "not a time")?;
        let end: Timestamp = end.parse().map_err(|_| "not a time")?;
        if start < end {
            Ok(Self { start, end })
        } else {
            Err("ends before it starts")
        }
    }
}

impl std::fmt::Display for TimeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.start, self.end)
    }
}

/// A select's options: (value, label).
type Choices = Vec<(String, String)>;

#[derive(Template)]
#[template(path = "book.html")]
pub struct BookPage {
    pub ctx: Ctx,
    pub citizen: Citizen,
    pub q: BookQuery,
    pub is_staff: bool,
    pub step: StepView,
    pub step_no: usize,
    pub steps_total: usize,
    /// What was typed, and what was wrong beside each field.
    pub form: FormState,
    /// A refusal that belongs to no one field (the time was just taken, the citizen is busy).
    pub message: Option<String>,
    /// Staff: the organisation's locations, for a call-in.
    pub locations: Vec<super::booking_call_in::LocationOption>,
    /// Jobcentre staff booking: the languages an interpreter can be booked in ("" first: none),
    /// and why one is proposed (issue 19 item 4); empty for everyone else.
    pub interpreter_languages: Vec<(String, String)>,
    pub interpreter_proposal: Option<String>,
}

impl BookPage {
    fn has_error(&self) -> bool {
        self.message.is_some() || !self.form.errors.is_empty()
    }

    /// The interpreter's two choices, (field, label, options): the language, and how they
    /// take part — as the meeting (the default), or a way of its own.
    fn interpreter_fields(&self) -> Vec<(&'static str, &'static str, Choices)> {
        let t = &self.ctx.t;
        let mut modes = vec![(
            String::new(),
            t.text("book-interpreter-mode-same").to_owned(),
        )];
        modes.extend(domain::InterpreterMode::ALL.iter().map(|m| {
            let how = catalogue::meetings::interpreter_how(t.lang, *m);
            (m.as_str().to_owned(), how.to_owned())
        }));
        vec![
            (
                "interpreter_language",
                "book-interpreter-language",
                self.interpreter_languages.clone(),
            ),
            ("interpreter_mode", "book-interpreter-mode", modes),
        ]
    }

    /// The first step (with whom, for a citizen who chooses).
    fn start_href(&self) -> String {
        format!("/samtaler/ny?borger={}", self.q.borger)
    }

    /// This flow with one more choice made.
    fn href_with(&self, key: &str, value: &str) -> String {
        href(&self.q, &[(key, value)])
    }

    /// Back to the week of days the citizen came from.
    fn day_step_href(&self) -> String {
        href(&self.q, &[("fra", self.q.fra.as_deref().unwrap_or(""))])
    }

    /// Back to the times of the chosen day.
    fn time_step_href(&self) -> String {
        let fra = self.q.fra.as_deref().unwrap_or("");
        href(
            &self.q,
            &[("fra", fra), ("dag", self.q.dag.as_deref().unwrap_or(""))],
        )
    }
}

/// A link to this flow keeping the citizen, the move and whose times, plus `extra`.
pub fn href(q: &BookQuery, extra: &[(&str, &str)]) -> String {
    let mut href = format!("/samtaler/ny?borger={}", q.borger);
    if let Some(m) = &q.flyt {
        href.push_str(&format!("&flyt={m}"));
    }
    if let Some(med) = &q.med {
        href.push_str(&format!("&med={med}"));
    }
    for (k, v) in extra {
        href.push_str(&format!("&{k}={v}"));
    }
    href
}

/// Renders the step the query is at, with any errors; 422 when there are some.
async fn page(
    state: &AppState,
    user: &SignedIn,
    q: BookQuery,
    form: FormState,
    message: Option<String>,
) -> Result<Response, PageError> {
    let citizen = state
        .store
        .citizen(&user.actor, &q.borger)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let step = Step::of(user, &citizen, &q);
    let view = super::booking_steps::build(state, user, &citizen, &q, step).await?;
    let locations = match (&view, user.actor.is_staff()) {
        (StepView::Channel { .. }, true) => super::booking_call_in::options(
            state
                .store
                .locations(&user.actor)
                .await
                .map_err(|e| user.viewer.error(e))?,
        ),
        _ => Vec::new(),
    };
    let (step_no, steps_total) = step.number(user, &citizen, &q);
    let books_interpreters = matches!(view, StepView::Channel { .. })
        && q.flyt.is_none()
        && matches!(
            user.actor,
            domain::Actor::Staff {
                organisation: domain::Organisation::Municipality(_),
                ..
            }
        );
    let (interpreter_languages, interpreter_proposal, form) = if books_interpreters {
        let (proposal, form) = interpreter_proposal(state, user, &citizen, form).await?;
        (interpreter_choices(user.viewer.lang), proposal, form)
    } else {
        (Vec::new(), None, form)
    };
    let page = BookPage {
        ctx: user.viewer.ctx(),
        is_staff: user.actor.is_staff(),
        step: view,
        step_no,
        steps_total,
        form,
        message,
        locations,
        interpreter_languages,
        interpreter_proposal,
        citizen,
        q,
    };
    let status = if page.has_error() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let mut response = render(&page);
    *response.status_mut() = status;
    Ok(response)
}

/// "No interpreter", then every language an interpreter can be booked in.
fn interpreter_choices(lang: crate::i18n::Lang) -> Vec<(String, String)> {
    let mut out = vec![(
        String::new(),
        lang.text("details-interpreter-none").to_owned(),
    )];
    out.extend(domain::InterpreterLanguage::ALL.iter().map(|code| {
        let name = crate::i18n::interpreter_language(lang, code);
        ((*code).to_owned(), name.to_owned())
    }));
    out
}

/// What the citizen has said they need proposes the interpreter: their language from "Mine
/// oplysninger", else a hint when their latest screening says they need one (the language is
/// then for staff to ask).
async fn interpreter_proposal(
    state: &AppState,
    user: &SignedIn,
    citizen: &Citizen,
    form: FormState,
) -> Result<(Option<String>, FormState), PageError> {
    let lang = user.viewer.lang;
    if let Some(language) = citizen.interpreter_language {
        let name = crate::i18n::interpreter_language(lang, language.code());
        let text = lang.fmt("book-interpreter-asked", &[("language", name.into())]);
        return Ok((
            Some(text),
            form.proposing("interpreter_language", language.code()),
        ));
    }
    let screened = state
        .store
        .screenings(&user.actor, &citizen.id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let needs = screened
        .first()
        .is_some_and(|s| s.answers.needs_interpreter);
    let text = needs.then(|| lang.text("book-interpreter-screening").to_owned());
    Ok((text, form))
}

/// `GET /samtaler/ny?borger=…[&med=…][&fra=…][&dag=…][&tid=…][&flyt=…]`.
pub async fn form(
    State(state): State<AppState>,
    user: SignedIn,
    PageQuery(q): PageQuery<BookQuery>,
) -> Result<Response, PageError> {
    let mut form = FormState::default();
    if q.valgt.is_some() && q.tid.is_none() {
        form.add_error(
            user.viewer.ctx().t,
            "tid",
            user.viewer.lang.text("book-choose-time"),
        );
    }
    page(&state, &user, q, form, None).await
}

/// `POST /samtaler/ny`: books (or moves) and shows the meeting, or the last step again with
/// what was wrong beside its field.
pub async fn submit(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let lang = user.viewer.lang;
    let t = user.viewer.ctx().t;
    let get = |k: &str| {
        values
            .get(k)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    // What the form carries back is parsed like a query: an id that cannot be ours names
    // nothing.
    let not_found = |_| user.viewer.error(PageError::NotFound);
    let q = BookQuery {
        borger: CitizenId::try_from(get("borger").unwrap_or_default()).map_err(not_found)?,
        flyt: get("flyt")
            .map(MeetingId::try_from)
            .transpose()
            .map_err(not_found)?,
        med: get("med"),
        fra: get("fra"),
        dag: get("dag"),
        tid: get("tid")
            .map(TimeKey::try_from)
            .transpose()
            .map_err(|_| user.viewer.error(PageError::BadRequest))?,
        valgt: None,
    };
    let mut form = FormState::new(values.clone());
    let Some(time) = q.tid else {
        form.add_error(t, "tid", lang.text("book-choose-time"));
        return page(&state, &user, q, form, None).await;
    };
    let channel = get("channel").and_then(|c| Channel::try_from(c.as_str()).ok());
    if channel.is_none() {
        form.add_error(t, "channel", lang.text("book-choose-channel"));
    }
    let staff_books = user.actor.is_staff() && q.flyt.is_none();
    let attendance_reason = (staff_books && get("attendance").is_some())
        .then(|| get("attendance_reason"))
        .flatten();
    if staff_books && get("attendance").is_some() && attendance_reason.is_none() {
        form.add_error(
            t,
            "attendance_reason",
            lang.text("book-attendance-reason-required"),
        );
    }
    let call_in = match staff_books {
        true => match super::booking_call_in::parse(&values, lang) {
            Ok(c) => c,
            Err((field, text)) => {
                form.add_error(t, field, &text);
                None
            }
        },
        false => None,
    };
    // Jobcentre staff may book an interpreter; anyone booking may name a companion.
    let language = match get("interpreter_language").filter(|_| staff_books) {
        None => None,
        Some(code) => match domain::InterpreterLanguage::try_from(code.as_str()) {
            Ok(l) => Some(l),
            Err(e) => {
                form.add_error(t, "interpreter_language", t.invalid(&e));
                None
            }
        },
    };
    let mode = match get("interpreter_mode") {
        None => None,
        Some(m) => match domain::InterpreterMode::try_from(m.as_str()) {
            Ok(m) => Some(m),
            Err(e) => {
                form.add_error(t, "interpreter_mode", t.invalid(&e));
                None
            }
        },
    };
    let mut fields = crate::validate::Fields::default();
    let companion = crate::api::meetings::create::text(
        &mut fields,
        "companion",
        get("companion").filter(|_| q.flyt.is_none()).as_deref(),
        100,
    );
    if let Err(errors) = fields.finish(|| Some(())) {
        form = form.with_errors(t, &errors);
    }
    let Some(channel) = channel.filter(|_| form.errors.is_empty()) else {
        return page(&state, &user, q, form, None).await;
    };
    // Unless staff say otherwise, the interpreter takes part the way the meeting is held.
    let interpreter = language.map(|language| domain::Interpreter {
        language,
        mode: mode.unwrap_or(match channel {
            Channel::InPerson => domain::InterpreterMode::InPerson,
            Channel::Phone => domain::InterpreterMode::Phone,
            Channel::Video => domain::InterpreterMode::Video,
        }),
    });
    let companion = companion.flatten();
    let choice = super::booking_steps::choice_at(&state, &user, &q, time)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let Some(offer) = choice.channels.into_iter().find(|o| o.channel == channel) else {
        return Err(user.viewer.error(PageError::BadRequest));
    };
    if let Err(refusal) = offer.verdict {
        let text = crate::i18n::channel_refusal_to(lang, refusal, user.actor.is_staff());
        form.add_error(t, "channel", text);
        return page(&state, &user, q, form, None).await;
    }
    let purpose: Option<String> = get("purpose").map(|p| p.chars().take(500).collect());
    let with_fund = get("with_fund").as_deref() == Some("yes");
    // The preferred slot first; if someone takes it meanwhile, the next at the same time.
    let mut refused = None;
    for o in offer.offers.iter().take(5) {
        let result = match &q.flyt {
            Some(meeting_id) => {
                state
                    .store
                    .move_meeting(&user.actor, meeting_id, &o.slot.id, Some(channel))
                    .await
            }
            None => {
                let req = NewMeeting {
                    citizen_id: q.borger.clone(),
                    slot_id: o.slot.id.clone(),
                    channel,
                    purpose: purpose.clone(),
                    attendance_reason: attendance_reason.clone(),
                    with_fund,
                    call_in: call_in.clone(),
                    interpreter,
                    companion: companion.clone(),
                };
                state.store.book_meeting(&user.actor, &req).await
            }
        };
        match result {
            Ok(m) => {
                let receipt = if q.flyt.is_some() {
                    "flyttet"
                } else {
                    "booket"
                };
                return Ok(
                    Redirect::to(&format!("/samtaler/{}?kvittering={receipt}", m.id))
                        .into_response(),
                );
            }
            Err(StoreError::Conflict("slot_taken")) => continue,
            Err(e) => {
                refused = Some(e);
                break;
            }
        }
    }
    let Some(e) = refused else {
        let text = lang.text("book-time-gone").to_owned();
        return page(&state, &user, q, form, Some(text)).await;
    };
    if let Some((field, text)) = super::booking_call_in::refusal(lang, &e) {
        form.add_error(t, field, &text);
        return page(&state, &user, q, form, None).await;
    }
    if let Some((field, key)) = interpreter_refusal(&e) {
        form.add_error(t, field, lang.text(key));
        return page(&state, &user, q, form, None).await;
    }
    if let StoreError::Channel(r) = e {
        let text = crate::i18n::channel_refusal_to(lang, r, user.actor.is_staff());
        form.add_error(t, "channel", text);
        return page(&state, &user, q, form, None).await;
    }
    match refusal_message(lang, &e) {
        Some(text) => page(&state, &user, q, form, Some(text)).await,
        None => Err(user.viewer.error(e)),
    }
}

/// A refused interpreter as the page says it, at its field: no provider speaks the language,
/// none takes part that way, or a video interpreter for a meeting not held by video.
fn interpreter_refusal(e: &StoreError) -> Option<(&'static str, &'static str)> {
    let StoreError::Invalid(errors) = e else {
        return None;
    };
    errors
        .iter()
        .find_map(|f| match (f.field.as_ref(), f.problem) {
            ("interpreter.language", _) => {
                Some(("interpreter_language", "book-interpreter-no-provider"))
            }
            ("interpreter.mode", domain::Invalid::Combination) => {
                Some(("interpreter_mode", "book-interpreter-video-only"))
            }
            ("interpreter.mode", _) => Some(("interpreter_mode", "book-interpreter-no-mode")),
            _ => None,
        })
}
