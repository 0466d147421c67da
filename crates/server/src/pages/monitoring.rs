//! The manager's view of screening against decisions: override rates by target group and
//! municipality, decided tracks per month, recommendation × decision. The same numbers as
//! `GET /api/v1/reports/visitation`.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::screening::monitoring::{Monitoring, OverrideRow, monitor};

use super::context::{Ctx, PageQuery, SignedIn};
use super::{PageError, render};
use crate::AppState;

use super::form::FormState;

pub struct Row {
    pub key: String,
    pub decisions: u64,
    pub overrides: u64,
    pub without_screening: u64,
    /// `12 %`, or `–` when nothing to divide by.
    pub rate: String,
}

#[derive(Template)]
#[template(path = "monitoring.html")]
struct MonitoringPage {
    ctx: Ctx,
    groups: Vec<Row>,
    municipalities: Vec<Row>,
    months: Vec<domain::screening::monitoring::TrackMonth>,
    matrix: Vec<(String, String, u64)>,
    form: FormState,
    /// The manager's own municipality and its first-meeting policy; administrators have none.
    policy: Option<(String, &'static str)>,
}

fn rows(rows: Vec<OverrideRow>, name: impl Fn(&str) -> String) -> Vec<Row> {
    rows.into_iter()
        .map(|r| Row {
            key: name(&r.key),
            decisions: r.decisions,
            overrides: r.overrides,
            without_screening: r.without_screening,
            rate: r
                .override_rate
                .map_or_else(|| "–".to_owned(), |x| format!("{:.0} %", x * 100.0)),
        })
        .collect()
}

/// `GET /leder/visitation?fra=&til=` (days, the last included; default the last year).
pub async fn page(
    State(state): State<AppState>,
    user: SignedIn,
    PageQuery(q): PageQuery<super::period::DatesQuery>,
) -> Result<Response, PageError> {
    let t = user.viewer.ctx().t;
    let (from, to, form) = super::period::chosen(&state, &user, &q)?;
    let decisions = state
        .store
        .visitation_decisions(&user.actor, from, to)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let towns = state
        .store
        .municipalities()
        .await
        .map_err(|e| user.viewer.error(e))?;
    let policy = match &user.actor {
        domain::Actor::Staff {
            organisation: domain::Organisation::Municipality(m),
            ..
        } => {
            let p = state
                .store
                .first_meeting_policy(m.as_str())
                .await
                .map_err(|e| user.viewer.error(e))?;
            Some((m.as_str().to_owned(), p.as_str()))
        }
        _ => None,
    };
    let ctx = user.viewer.ctx();
    let Monitoring {
        by_target_group,
        by_municipality,
        tracks_by_month,
        matrix,
    } = monitor(&decisions);
    Ok(render(&MonitoringPage {
        groups: rows(by_target_group, |k| {
            domain::TargetGroup::try_from(k).map_or(k.to_owned(), |g| t.target_group(&g).to_owned())
        }),
        municipalities: rows(by_municipality, |k| {
            towns
                .iter()
                .find(|m| m.code == k)
                .map_or(k.to_owned(), |m| m.name.clone())
        }),
        months: tracks_by_month,
        matrix: matrix
            .into_iter()
            .map(|(r, d, n)| (t.track(&r).to_owned(), t.track_name(&d).to_owned(), n))
            .collect(),
        form,
        policy,
        ctx,
    }))
}

/// `POST /leder/indstillinger`: the manager sets the first-meeting policy.
pub async fn set_policy(
    axum::extract::State(state): axum::extract::State<AppState>,
    user: SignedIn,
    axum::Form(values): axum::Form<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    use axum::response::IntoResponse;
    user.check_csrf(values.get("csrf"))?;
    let policy = values
        .get("first_meeting_in_person")
        .and_then(|v| domain::FirstMeetingPolicy::try_from(v.as_str()).ok())
        .ok_or_else(|| user.viewer.error(PageError::BadRequest))?;
    let code =
        domain::MunicipalityCode::try_from(values.get("municipality").map_or("", String::as_str))
            .map_err(|_| user.viewer.error(PageError::NotFound))?;
    state
        .store
        .set_first_meeting_policy(&user.actor, &code, policy)
        .await
        .map_err(|e| user.viewer.error(e))?;
    Ok(axum::response::Redirect::to("/leder/visitation").into_response())
}
