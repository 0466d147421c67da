//! Meetings in the browser: the citizen's "Mine samtaler", one meeting with what can be done to
//! it (add to calendar, cancel, record the outcome), for citizens and staff alike.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::{Actor, MeetingId, Outcome};
use store::{Citizen, StoreError};

use super::context::{Ctx, PageQuery, SignedIn};
use super::meeting_view::{MeetingView, Reader, view};
use super::path::PagePath;
use super::{PageError, render};
use crate::AppState;
use crate::i18n::{Lang, channel_refusal, conflict, meeting_refusal};

/// The Danish (or English) sentence for a refusal the page shows beside its form; `None` for
/// errors that are not the reader's to fix.
pub fn refusal_message(lang: Lang, e: &StoreError) -> Option<String> {
    match e {
        StoreError::Meeting(r) => Some(meeting_refusal(lang, *r).to_owned()),
        StoreError::Channel(r) => Some(channel_refusal(lang, *r).to_owned()),
        StoreError::Conflict(code) => Some(conflict(lang, code).to_owned()),
        StoreError::ReasonRequired => Some(lang.text("notice-withdraw-reason-missing").to_owned()),
        StoreError::CitizenBusy { start, end } => {
            Some(crate::i18n::citizen_busy(lang, *start, *end))
        }
        StoreError::Invalid(errors) => errors
            .first()
            .map(|e| crate::i18n::invalid_message(lang, e.problem).to_owned()),
        _ => None,
    }
}

pub fn reader<'a>(
    state: &'a AppState,
    user: &SignedIn,
    citizen: Option<&'a Citizen>,
) -> Reader<'a> {
    Reader {
        lang: user.viewer.lang,
        is_staff: user.actor.is_staff(),
        now: state.store.now(),
        public_url: &state.config.public_url,
        citizen_phone: citizen.and_then(|c| c.phone.as_ref().map(|p| p.as_str())),
        person: user.actor.id().to_owned(),
    }
}

#[derive(Template)]
#[template(path = "my_meetings.html")]
struct MyMeetingsPage {
    ctx: Ctx,
    upcoming: Vec<MeetingView>,
    /// Cancelled meetings whose time has not come: neither ahead nor behind the citizen.
    cancelled: Vec<MeetingView>,
    past: Vec<MeetingView>,
    citizen_id: String,
    may_book: bool,
    /// Why the jobcentre books for the citizen (BEK 1216/2023 § 45), in their words.
    exempt_reason: Option<&'static str>,
    /// Insured with an a-kasse: may book with it too.
    has_fund: bool,
}

/// `GET /borger/samtaler`: "Mine samtaler", upcoming first, then those cancelled before their
/// time, then the past ones.
pub async fn mine(State(state): State<AppState>, user: SignedIn) -> Result<Response, PageError> {
    let Actor::Citizen { citizen_id, .. } = &user.actor else {
        return Err(user.viewer.error(PageError::Forbidden));
    };
    let citizen = state
        .store
        .citizen(&user.actor, citizen_id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let meetings = state
        .store
        .citizen_meetings(&user.actor, citizen_id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let r = reader(&state, &user, Some(&citizen));
    let (mut upcoming, mut cancelled, mut past) = (Vec::new(), Vec::new(), Vec::new());
    for m in &meetings {
        let v = view(m, &r);
        if v.upcoming {
            upcoming.push(v);
        } else if m.status == domain::MeetingStatus::Cancelled && m.start > r.now {
            cancelled.push(v);
        } else {
            past.push(v);
        }
    }
    past.reverse();
    Ok(render(&MyMeetingsPage {
        ctx: user.viewer.ctx(),
        upcoming,
        cancelled,
        past,
        citizen_id: citizen.id.to_string(),
        may_book: !citizen.self_booking_exempt,
        has_fund: citizen.unemployment_fund.is_some(),
        exempt_reason: citizen
            .self_booking_exempt_reason
            .map(|r| user.viewer.ctx().t.text(exempt_key(r))),
    }))
}

/// The citizen's words for a reason of BEK 1216/2023 § 45.
fn exempt_key(r: domain::meetings::SelfBookingExemption) -> &'static str {
    use domain::meetings::SelfBookingExemption::*;
    match r {
        ItSkills => "meetings-exempt-it-skills",
        Language => "meetings-exempt-language",
        Disability => "meetings-exempt-disability",
        InterpreterOrPremises => "meetings-exempt-interpreter",
    }
}

/// Why a form on the meeting page was refused: the words, the form (`cancel`, `absence`,
/// `decision`, `outcome`, `withdraw`) whose typed text is kept, and the field the words belong
/// beside (its element id; a radio group's fieldset), which the summary links to. Without a
/// field the refusal is about the meeting itself ("it has already begun") and stands alone.
pub struct Refusal {
    pub message: String,
    pub form: &'static str,
    pub field: Option<&'static str>,
}

impl Refusal {
    pub fn at(form: &'static str, field: &'static str, message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            form,
            field: Some(field),
        }
    }

    pub fn general(form: &'static str, message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            form,
            field: None,
        }
    }
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    ctx: Ctx,
    m: MeetingView,
    is_staff: bool,
    /// A refusal about the meeting itself, shown alone at the top.
    message: Option<String>,
    /// A refusal at a field: its id ("" when none) and the words, beside it and in the summary.
    error_field: &'static str,
    error: String,
    /// The form whose typed text is shown again ("" when none).
    typed_form: &'static str,
    /// What was typed in the form that was refused.
    reason: String,
    /// "Jeg kan ikke komme": the reasons to choose from, as (code, label).
    absence_reasons: Vec<(&'static str, &'static str)>,
    /// After a no-show: the availability notice, if one was sent.
    notice: Option<crate::pages::notice_view::NoticeView>,
    /// After booking, moving or cancelling: what just happened, in words (issue 20).
    receipt: Option<String>,
}

impl MeetingPage {
    /// What `form` had typed, if it is the one refused.
    fn typed(&self, form: &str) -> &str {
        if self.typed_form == form {
            &self.reason
        } else {
            ""
        }
    }

    fn has_error(&self) -> bool {
        self.message.is_some() || !self.error_field.is_empty()
    }
}

pub(super) async fn meeting_page(
    state: &AppState,
    user: &SignedIn,
    id: &MeetingId,
    refusal: Option<Refusal>,
    reason: String,
) -> Result<Response, PageError> {
    with_receipt(state, user, id, refusal, reason, None).await
}

/// The meeting page, with the receipt of what the previous request did, if any.
async fn with_receipt(
    state: &AppState,
    user: &SignedIn,
    id: &MeetingId,
    refusal: Option<Refusal>,
    reason: String,
    receipt: Option<Receipt>,
) -> Result<Response, PageError> {
    let meeting = state
        .store
        .meeting(&user.actor, id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let citizen = if user.actor.is_staff() {
        Some(
            state
                .store
                .citizen(&user.actor, &meeting.citizen_id)
                .await
                .map_err(|e| user.viewer.error(e))?,
        )
    } else {
        None
    };
    let mut m = view(&meeting, &reader(state, user, citizen.as_ref()));
    let lang = user.viewer.lang;
    let receipt = receipt.map(|r| {
        let key = match r {
            Receipt::Booked => "receipt-booked",
            Receipt::Moved => "receipt-moved",
            Receipt::Cancelled => "receipt-cancelled",
        };
        lang.fmt(key, &[("when", m.when.as_str().into())])
    });
    m.citizen_name = citizen.map(|c| c.name);
    let notice = state
        .store
        .availability_notice_of(&user.actor, &meeting)
        .await
        .map_err(|e| user.viewer.error(e))?
        .map(|n| crate::pages::notice_view::view(&n, &user.actor, user.viewer.lang));
    let refused = refusal.is_some();
    let (message, error_field, error, typed_form) = match refusal {
        None => (None, "", String::new(), ""),
        Some(Refusal {
            message,
            form,
            field: None,
        }) => (Some(message), "", String::new(), form),
        Some(Refusal {
            message,
            form,
            field: Some(field),
        }) => (None, field, message, form),
    };
    let mut response = render(&MeetingPage {
        ctx: user.viewer.ctx(),
        m,
        is_staff: user.actor.is_staff(),
        message,
        error_field,
        error,
        typed_form,
        reason,
        absence_reasons: domain::meetings::AbsenceReason::ALL
            .iter()
            .map(|r| {
                (
                    r.as_str(),
                    crate::pages::meeting_view::absence_reason(user.viewer.lang, *r),
                )
            })
            .collect(),
        notice,
        receipt,
    });
    if refused {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// What the request before this page view did, named in the address it redirected to.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
pub enum Receipt {
    #[serde(rename = "booket")]
    Booked,
    #[serde(rename = "flyttet")]
    Moved,
    #[serde(rename = "aflyst")]
    Cancelled,
}

#[derive(Debug, serde::Deserialize)]
pub struct ShowQuery {
    kvittering: Option<Receipt>,
}

/// `GET /samtaler/{id}[?kvittering=booket|flyttet|aflyst]`: one meeting and what can be done
/// with it, after a change with a receipt that says what happened.
pub async fn show(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::MeetingId>,
    PageQuery(q): PageQuery<ShowQuery>,
) -> Result<Response, PageError> {
    with_receipt(&state, &user, &id, None, String::new(), q.kvittering).await
}

/// `POST /samtaler/{id}/aflys`: afbud with a reason; on refusal the page says why.
pub async fn cancel(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::MeetingId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let lang = user.viewer.lang;
    let reason = values
        .get("reason")
        .map(|s| s.trim().to_owned())
        .unwrap_or_default();
    if reason.is_empty() || reason.chars().count() > 500 {
        let problem = if reason.is_empty() {
            domain::Invalid::Required
        } else {
            domain::Invalid::TooLong { max: 500 }
        };
        let message = if reason.is_empty() {
            lang.text("meeting-cancel-reason-missing").to_owned()
        } else {
            crate::i18n::invalid_message(lang, problem).to_owned()
        };
        let refusal = Refusal::at("cancel", "reason", message);
        return meeting_page(&state, &user, &id, Some(refusal), reason).await;
    }
    match state.store.cancel_meeting(&user.actor, &id, &reason).await {
        Ok(_) => Ok(Redirect::to(&format!("/samtaler/{id}?kvittering=aflyst")).into_response()),
        Err(e) => match refusal_message(lang, &e) {
            Some(message) => {
                let refusal = Refusal::general("cancel", message);
                meeting_page(&state, &user, &id, Some(refusal), reason).await
            }
            None => Err(user.viewer.error(e)),
        },
    }
}

/// `POST /samtaler/{id}/udfald`: staff record `held`, `no_show` with a reasonable excuse
/// (`no_show_excused`, the excuse required), or `no_show` without (the availability notice).
pub async fn outcome(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::MeetingId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let lang = user.viewer.lang;
    let excuse = values.get("excuse").map(String::as_str).unwrap_or_default();
    let refuse =
        |refusal: Refusal| meeting_page(&state, &user, &id, Some(refusal), excuse.to_owned());
    let (outcome, excuse) = match values.get("status").map(String::as_str) {
        Some("held") => (Outcome::Held, None),
        Some("no_show") => (Outcome::NoShow, None),
        Some("no_show_excused") if excuse.trim().is_empty() => {
            let message = lang.text("meeting-outcome-excuse-missing");
            return refuse(Refusal::at("outcome", "excuse", message)).await;
        }
        Some("no_show_excused") => (Outcome::NoShow, Some(excuse)),
        _ => {
            let message = lang.text("meeting-outcome-choose");
            return refuse(Refusal::at("outcome", "status", message)).await;
        }
    };
    match crate::use_cases::no_show::record(&state.store, &user.actor, &id, outcome, excuse).await {
        Ok(_) => Ok(Redirect::to(&format!("/samtaler/{id}")).into_response()),
        Err(e @ StoreError::Invalid(_)) => match refusal_message(lang, &e) {
            Some(message) => refuse(Refusal::at("outcome", "excuse", message)).await,
            None => Err(user.viewer.error(e)),
        },
        Err(e) => match refusal_message(lang, &e) {
            Some(message) => refuse(Refusal::general("outcome", message)).await,
            None => Err(user.viewer.error(e)),
        },
    }
}

/// `POST /underretninger/{id}/tilbagetraek`: the excuse arrived; the notice is withdrawn.
pub async fn withdraw_notice(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::NoticeId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let lang = user.viewer.lang;
    let reason = values.get("reason").map(String::as_str).unwrap_or_default();
    let meeting = values
        .get("meeting")
        .and_then(|m| domain::MeetingId::try_from(m.as_str()).ok());
    let done = state
        .store
        .withdraw_availability_notice(&user.actor, &id, reason)
        .await;
    let back = |m: &domain::MeetingId| format!("/samtaler/{m}");
    match (done, meeting) {
        (Ok(n), _) => Ok(Redirect::to(&match n.meeting_id {
            Some(m) => back(&m),
            None => "/medarbejder/underretninger".to_owned(),
        })
        .into_response()),
        (Err(e), Some(m)) => {
            // A missing or too long excuse is the field's; "already withdrawn" the notice's.
            let at_field = matches!(e, StoreError::ReasonRequired | StoreError::Invalid(_));
            match refusal_message(lang, &e) {
                Some(message) => {
                    let refusal = if at_field {
                        Refusal::at("withdraw", "withdraw-reason", message)
                    } else {
                        Refusal::general("withdraw", message)
                    };
                    meeting_page(&state, &user, &m, Some(refusal), reason.to_owned()).await
                }
                None => Err(user.viewer.error(e)),
            }
        }
        (Err(e), None) => Err(user.viewer.error(e)),
    }
}

/// `GET /samtaler/{id}/kalender.ics`: "Tilføj til kalender" for the signed-in reader.
pub async fn calendar_file(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::MeetingId>,
) -> Result<Response, PageError> {
    let meeting = state
        .store
        .meeting(&user.actor, &id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    Ok(crate::use_cases::calendar_file::response(
        user.viewer.lang,
        &meeting,
        &state.config.public_url,
        state.store.now(),
    ))
}
