use axum::Json;
use axum::extract::State;
use domain::contact_plan::{Holder, QuotaRow};
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiQuery, StaffActor};
use crate::use_cases::quotas;
use crate::validate::Fields;
use crate::validate::{PeriodQuery, report_period};

#[derive(Debug, Serialize, ToSchema)]
pub struct QuotaRowJson {
    /// A-kasse or municipality code.
    pub key: String,
    /// Insured unemployed in the portfolio now.
    pub insured: u64,
    /// Exempted by this organisation from its own conversations.
    pub exempted: u64,
    /// Share exempted; the law allows at most 0.25.
    pub exempted_share: Option<f64>,
    pub over_cap: bool,
    /// Whose conversations are counted: `first_three_months` (the a-kasse's, from the start of
    /// unemployment) or `three_to_six_months` (the municipality's).
    pub window: &'static str,
    /// Citizens whose window ended in the period (for a municipality: those it has not
    /// exempted).
    pub measured: u64,
    /// Of those, how many had two conversations with this organisation (alone or jointly) in
    /// the window.
    pub met: u64,
    pub met_share: Option<f64>,
    /// What the law asks: 0.75 for an a-kasse, 1.0 (everyone not exempted) for a municipality.
    pub target_share: f64,
    pub target_met: Option<bool>,
}

impl From<QuotaRow> for QuotaRowJson {
    fn from(r: QuotaRow) -> Self {
        Self {
            window: match r.holder {
                Holder::UnemploymentFund => "first_three_months",
                Holder::Municipality => "three_to_six_months",
            },
            key: r.key,
            insured: r.insured,
            exempted: r.exempted,
            exempted_share: r.exempted_share,
            over_cap: r.over_cap,
            measured: r.measured,
            met: r.met,
            met_share: r.met_share,
            target_share: r.target_share,
            target_met: r.target_met,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactQuotaReport {
    /// The rule set in force at the end of the period.
    pub rules_version: String,
    #[schema(value_type = String, format = Date)]
    pub from: String,
    #[schema(value_type = String, format = Date)]
    pub to: String,
    pub by_unemployment_fund: Vec<QuotaRowJson>,
    pub by_municipality: Vec<QuotaRowJson>,
}

/// The quotas of the rules from 1 July 2026, per a-kasse and municipality, each against its own
/// target: the share of insured unemployed it exempted from its own conversations (at most
/// 25 %); for an a-kasse the share who had two conversations with it in their first three
/// months (at least 75 %), for a municipality the share of those it has not exempted who had
/// its two between three and six months (all). Managers: their organisation; administrators:
/// all. Caseworkers: 403.
#[utoipa::path(
    get, path = "/reports/contact-quotas", tag = "contact plan",
    params(PeriodQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ContactQuotaReport),
        (status = 403, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiQuery(q): ApiQuery<PeriodQuery>,
) -> Result<Json<ContactQuotaReport>, ApiError> {
    let mut f = Fields::default();
    let range = report_period(&mut f, &q, state.store.now());
    let (from, to) = f.finish(|| range)?;
    let (from, to) = (
        crate::time_fmt::local_date(from),
        crate::time_fmt::local_date(to),
    );
    let report = quotas::report(&state.store, &actor, from, to).await?;
    Ok(Json(ContactQuotaReport {
        rules_version: state.config.rules.in_force(to).version.clone(),
        from: from.to_string(),
        to: to.to_string(),
        by_unemployment_fund: report.by_fund.into_iter().map(Into::into).collect(),
        by_municipality: report.by_municipality.into_iter().map(Into::into).collect(),
    }))
}
