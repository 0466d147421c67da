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
    pub exempted: u64,
    /// Share exempted; the law allows at most 0.25.
    pub exempted_share: Option<f64>,
    pub over_cap: bool,
    /// Citizens whose first three months ended in the period.
    pub measured: u64,
    /// Of those, how many had two conversations in their first three months (for an a-kasse:
    /// conversations it held, alone or jointly; for a municipality: any).
    pub two_in_three_months: u64,
    /// The target is at least 0.75.
    pub two_in_three_months_share: Option<f64>,
    pub target_met: Option<bool>,
}

impl From<QuotaRow> for QuotaRowJson {
    fn from(r: QuotaRow) -> Self {
        Self {
            key: r.key,
            insured: r.insured,
            exempted: r.exempted,
            exempted_share: r.exempted_share,
            over_cap: r.over_cap,
            measured: r.measured,
            two_in_three_months: r.two_in_three_months,
            two_in_three_months_share: r.two_in_three_months_share,
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

/// Rows per a-kasse and per municipality. An a-kasse's citizens count the conversations it held
/// (alone or jointly); a municipality's count every conversation.
pub fn quota_rows(
    facts: &[store::QuotaFacts],
    from: Date,
    to: Date,
) -> (Vec<QuotaRow>, Vec<QuotaRow>) {
    let mut funds: BTreeMap<&str, Vec<QuotaCase>> = BTreeMap::new();
    let mut towns: BTreeMap<&str, Vec<QuotaCase>> = BTreeMap::new();
    for f in facts {
        let case = |fund_only: bool| QuotaCase {
            unemployed_since: f.unemployed_since,
            exempt: f.exempt,
            held: f
                .held
                .iter()
                .filter(|m| !fund_only || m.holder == Holder::UnemploymentFund || m.joint)
                .map(|m| m.date)
                .collect(),
        };
        if let Some(fund) = &f.fund {
            funds.entry(fund).or_default().push(case(true));
        }
        towns.entry(&f.municipality).or_default().push(case(false));
    }
    let rows = |groups: BTreeMap<&str, Vec<QuotaCase>>| {
        groups
            .into_iter()
            .map(|(k, cases)| quota_row(k.to_owned(), &cases, from, to))
            .collect()
    };
    (rows(funds), rows(towns))
}

/// The quotas of the rules from 1 July 2026, per a-kasse and municipality: the share of insured
/// unemployed exempted from conversations (at most 25 %), and the share who had two
/// conversations in their first three months, of those whose three months ended in the period
/// (at least 75 %). Managers: their organisation; administrators: all. Caseworkers: 403.
#[utoipa::path(
    get, path = "/api/v1/reports/contact-quotas", tag = "contact plan",
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
