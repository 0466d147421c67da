//! `GET /leder/kontaktkrav`: the quotas of the 2026 rules for the manager's organisation over
//! the last twelve months, the same numbers as `GET /api/v1/reports/contact-quotas`.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::contact_plan::QuotaRow;

use super::context::{Ctx, SignedIn};
use super::{PageError, render};
use crate::AppState;
use crate::use_cases::quotas;

pub struct Row {
    pub key: String,
    pub insured: u64,
    pub exempted: u64,
    pub exempted_share: String,
    pub over_cap: bool,
    pub measured: u64,
    pub met: u64,
    pub met_share: String,
    pub below_target: bool,
}

#[derive(Template)]
#[template(path = "quotas.html")]
struct QuotaPage {
    ctx: Ctx,
    from: String,
    to: String,
    rules_version: String,
    funds: Vec<Row>,
    municipalities: Vec<Row>,
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "–".to_owned(), |x| format!("{:.0} %", x * 100.0))
}

fn rows(rows: Vec<QuotaRow>) -> Vec<Row> {
    rows.into_iter()
        .map(|r| Row {
            exempted_share: percent(r.exempted_share),
            met_share: percent(r.met_share),
            below_target: r.target_met == Some(false),
            key: r.key,
            insured: r.insured,
            exempted: r.exempted,
            over_cap: r.over_cap,
            measured: r.measured,
            met: r.met,
        })
        .collect()
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Result<Response, PageError> {
    let to = crate::time_fmt::local_date(state.store.now());
    let from = to.saturating_sub(jiff::ToSpan::years(1));
    let report = quotas::report(&state.store, &user.actor, from, to)
        .await
        .map_err(|e| user.viewer.error(e))?;
    Ok(render(&QuotaPage {
        ctx: user.viewer.ctx(),
        from: catalogue::dates::long_date(user.viewer.lang, from),
        to: catalogue::dates::long_date(user.viewer.lang, to),
        rules_version: state.config.rules.in_force(to).version.clone(),
        funds: rows(report.by_fund),
        municipalities: rows(report.by_municipality),
    }))
}
