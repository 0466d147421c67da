//! The citizen's own pages: their details, and who has looked at them.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::{Actor, CitizenId};
use store::Citizen;

use super::context::{Ctx, SignedIn};
use super::{PageError, render};
use crate::AppState;
use crate::i18n::audit_action;
use crate::time_fmt::moment;

#[derive(Template)]
#[template(path = "citizen_home.html")]
struct HomePage {
    ctx: Ctx,
    citizen: Citizen,
    municipality: String,
    /// The latest decision on the citizen's support, in their words.
    support: Option<Support>,
    /// The conversations the law requires, as sentences.
    plan: super::plan_view::PlanView,
    /// Messages from the jobcenter or a-kasse not yet read.
    unread: i64,
    /// Surveys waiting: (id, when the meeting was).
    surveys: Vec<(String, String)>,
    /// The next booked meeting, shown first (issue 20 item 3).
    next: Option<super::meeting_view::MeetingView>,
    /// The chat in one sentence, and whether there is one to go to now (issue 21).
    chat: (String, bool),
}

struct Support {
    text: &'static str,
    reasons: Vec<&'static str>,
    jobcenter_reason: Option<String>,
    decided_by: String,
    own_view: String,
}

/// The signed-in citizen's own id; staff get 403 (the page is a citizen's own).
pub(super) fn own_id(user: &SignedIn) -> Result<CitizenId, PageError> {
    match &user.actor {
        Actor::Citizen { citizen_id, .. } => Ok(citizen_id.clone()),
        _ => Err(user.viewer.error(PageError::Forbidden)),
    }
}

/// `GET /borger`.
pub async fn home(State(state): State<AppState>, user: SignedIn) -> Result<Response, PageError> {
    let id = own_id(&user)?;
    let citizen = state
        .store
        .citizen(&user.actor, &id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let municipalities = state
        .store
        .municipalities()
        .await
        .map_err(|e| user.viewer.error(e))?;
    let municipality = municipalities
        .into_iter()
        .find(|m| m.code == citizen.municipality.as_str())
        .map_or_else(|| citizen.municipality.to_string(), |m| m.name);
    let visitation = state
        .store
        .visitations(&user.actor, &id)
        .await
        .map_err(|e| user.viewer.error(e))?
        .into_iter()
        .next();
    let support = match visitation {
        None => None,
        Some(v) => {
            let latest = state
                .store
                .screenings(&user.actor, &id)
                .await
                .map_err(|e| user.viewer.error(e))?
                .into_iter()
                .next();
            Some(Support {
                text: crate::i18n::track_for_citizen(user.viewer.lang, v.track),
                // The model's reasons explain the decision when it followed the suggestion.
                reasons: latest
                    .filter(|s| {
                        Some(s.recommendation.track) == v.recommended_track
                            && v.track == s.recommendation.track
                    })
                    .map(|s| s.recommendation.reasons.iter().map(|r| r.text).collect())
                    .unwrap_or_default(),
                jobcenter_reason: v.reason,
                decided_by: v.decided_by_name,
                own_view: v.citizen_view.unwrap_or_default(),
            })
        }
    };
    // The next step first: the earliest meeting still ahead.
    let meetings = state
        .store
        .citizen_meetings(&user.actor, &id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let reader = super::meetings::reader(&state, &user, Some(&citizen));
    let next = meetings
        .iter()
        .map(|m| super::meeting_view::view(m, &reader))
        .find(|v| v.upcoming);
    let inputs = state
        .store
        .plan_inputs(&user.actor, &id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let today = crate::time_fmt::local_date(state.store.now());
    let plan = super::plan_view::PlanView::new(
        &state.config.rules,
        &inputs,
        today,
        user.viewer.lang,
        domain::contact_plan::Holder::of(&user.actor),
    );
    let chat = super::chat::home_line(&state, &user, &id).await?;
    let unread = state
        .store
        .unread_for_citizen(&user.actor)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let surveys = state
        .store
        .pending_surveys(&user.actor)
        .await
        .map_err(|e| user.viewer.error(e))?
        .into_iter()
        .map(|s| {
            let lang = user.viewer.lang;
            let day = crate::time_fmt::long_date(crate::time_fmt::local_date(s.held_at), lang);
            (
                s.id.into(),
                lang.fmt(
                    "survey-about-day",
                    &[("day", (&day).into()), ("kind", s.about.kind().into())],
                ),
            )
        })
        .collect();
    Ok(render(&HomePage {
        ctx: user.viewer.ctx(),
        citizen,
        municipality,
        support,
        plan,
        unread,
        surveys,
        next,
        chat,
    }))
}

struct Row {
    at: String,
    who: String,
    role: &'static str,
    what: &'static str,
}

#[derive(Template)]
#[template(path = "access_log.html")]
struct AccessLogPage {
    ctx: Ctx,
    entries: Vec<Row>,
}

/// `GET /borger/adgangslog`: "Hvem har set mine oplysninger".
pub async fn access_log(
    State(state): State<AppState>,
    user: SignedIn,
) -> Result<Response, PageError> {
    let id = own_id(&user)?;
    let ctx = user.viewer.ctx();
    let entries = state
        .store
        .access_log(&user.actor, &id, 500)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let entries = entries
        .into_iter()
        .map(|e| Row {
            at: moment(e.at, ctx.t.lang),
            who: e.actor_name,
            role: crate::i18n::staff_title(ctx.t.lang, e.actor_role, e.actor_in_fund),
            what: audit_action(ctx.t.lang, e.action),
        })
        .collect();
    Ok(render(&AccessLogPage { ctx, entries }))
}
