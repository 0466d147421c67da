use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use domain::contact_plan::{Holder, QuotaCase, QuotaRow, quota_row};
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::reports::visitation::{PeriodQuery, report_period};
use crate::error::ApiError;
use crate::extract::{ApiQuery, StaffActor};
use crate::validate::Fields;

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

/// Rows per a-kasse and per municipality, each against its own target: an a-kasse's citizens
/// count the conversations it held (alone or jointly) and its own exemptions, a
/// municipality's count the conversations it held and its own exemptions.
pub fn quota_rows(
    facts: &[store::QuotaFacts],
    from: Date,
    to: Date,
) -> (Vec<QuotaRow>, Vec<QuotaRow>) {
    let mut funds: BTreeMap<&str, Vec<QuotaCase>> = BTreeMap::new();
    let mut towns: BTreeMap<&str, Vec<QuotaCase>> = BTreeMap::new();
    for f in facts {
        let case = |holder: Holder| QuotaCase {
            unemployed_since: f.unemployed_since,
            exempt: f.exempt.covers(holder),
            held: f
                .held
                .iter()
                .filter(|m| m.holder == holder || (holder == Holder::UnemploymentFund && m.joint))
                .map(|m| m.date)
                .collect(),
        };
        if let Some(fund) = &f.fund {
            funds
                .entry(fund)
                .or_default()
                .push(case(Holder::UnemploymentFund));
        }
        towns
            .entry(&f.municipality)
            .or_default()
            .push(case(Holder::Municipality));
    }
    let rows = |holder: Holder, groups: BTreeMap<&str, Vec<QuotaCase>>| {
        groups
            .into_iter()
            .map(|(k, cases)| quota_row(k.to_owned(), holder, &cases, from, to))
            .collect()
    };
    (
        rows(Holder::UnemploymentFund, funds),
        rows(Holder::Municipality, towns),
    )
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
    let facts = state.store.quota_facts(&actor).await?;
    let (from, to) = (
        crate::time_fmt::local_date(from),
        crate::time_fmt::local_date(to),
    );
    let (by_fund, by_town) = quota_rows(&facts, from, to);
    Ok(Json(ContactQuotaReport {
        rules_version: state.config.rules.in_force(to).version.clone(),
        from: from.to_string(),
        to: to.to_string(),
        by_unemployment_fund: by_fund.into_iter().map(Into::into).collect(),
        by_municipality: by_town.into_iter().map(Into::into).collect(),
    }))
}
