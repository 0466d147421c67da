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
use crate::api::reports::visitation::{PeriodQuery, report_period};
use crate::validate::Fields;

use super::form::FormState;

#[derive(Debug, serde::Deserialize)]
pub struct DatesQuery {
    /// First day, `YYYY-MM-DD`.
    pub fra: Option<String>,
    /// Last day, included.
    pub til: Option<String>,
}

/// Copenhagen midnight at the start of a day, as RFC 3339.
fn day_start(date: jiff::civil::Date) -> Option<String> {
    Some(domain::clock_text::day_start(date).to_string())
}

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
    PageQuery(q): PageQuery<DatesQuery>,
) -> Result<Response, PageError> {
    let t = user.viewer.ctx().t;
    let mut f = Fields::default();
    let fra = f
        .optional("fra", q.fra.as_deref(), crate::validate::date)
        .flatten();
    let til = f
        .optional("til", q.til.as_deref(), crate::validate::date)
        .flatten();
    let period_query = PeriodQuery {
        from: fra.and_then(day_start),
        to: til.and_then(|d| d.tomorrow().ok()).and_then(day_start),
    };
    let range = report_period(&mut f, &period_query, state.store.now());
    let mut values = std::collections::HashMap::new();
    values.insert("fra".to_owned(), q.fra.clone().unwrap_or_default());
    values.insert("til".to_owned(), q.til.clone().unwrap_or_default());
    let (from, to, form) = match f.finish(|| range) {
        Ok((from, to)) => (from, to, FormState::new(values)),
        Err(errors) => {
            // Show the refusal and the default period instead.
            let (from, to) = report_period(
                &mut Fields::default(),
                &PeriodQuery {
                    from: None,
                    to: None,
                },
                state.store.now(),
            )
            .ok_or_else(|| user.viewer.error(PageError::NotFound))?;
            (from, to, FormState::new(values).with_errors(t, &errors))
        }
    };
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
    let code = values.get("municipality").cloned().unwrap_or_default();
    state
        .store
        .set_first_meeting_policy(&user.actor, &code, policy)
        .await
        .map_err(|e| user.viewer.error(e))?;
    Ok(axum::response::Redirect::to("/leder/visitation").into_response())
}
