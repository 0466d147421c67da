use axum::Json;
use axum::extract::State;
use domain::Track;
use domain::screening::monitoring::{Monitoring, monitor};
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiQuery, StaffActor};
use crate::validate::Fields;
use crate::validate::{PeriodQuery, report_period};

#[derive(Debug, Serialize, ToSchema)]
pub struct OverrideRowJson {
    /// Target group or municipality code.
    pub key: String,
    pub decisions: u64,
    /// Decisions that differ from the recommendation.
    pub overrides: u64,
    /// Decisions without a screening to follow.
    pub without_screening: u64,
    /// Share of decisions with a recommendation that differ from it; `null` when none had one.
    pub override_rate: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TrackMonthJson {
    /// `YYYY-MM`.
    pub month: String,
    pub self_service: u64,
    pub standard: u64,
    pub intensive: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MatrixCell {
    /// `null`: decided without a screening.
    pub recommended: Option<Track>,
    pub decided: Track,
    pub count: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VisitationReport {
    pub by_target_group: Vec<OverrideRowJson>,
    pub by_municipality: Vec<OverrideRowJson>,
    pub tracks_by_month: Vec<TrackMonthJson>,
    pub matrix: Vec<MatrixCell>,
}

impl From<Monitoring> for VisitationReport {
    fn from(m: Monitoring) -> Self {
        let rows = |rows: Vec<domain::screening::monitoring::OverrideRow>| {
            rows.into_iter()
                .map(|r| OverrideRowJson {
                    key: r.key,
                    decisions: r.decisions,
                    overrides: r.overrides,
                    without_screening: r.without_screening,
                    override_rate: r.override_rate,
                })
                .collect()
        };
        Self {
            by_target_group: rows(m.by_target_group),
            by_municipality: rows(m.by_municipality),
            tracks_by_month: m
                .tracks_by_month
                .into_iter()
                .map(|t| TrackMonthJson {
                    month: t.month,
                    self_service: t.self_service,
                    standard: t.standard,
                    intensive: t.intensive,
                })
                .collect(),
            matrix: m
                .matrix
                .into_iter()
                .map(|(recommended, decided, count)| MatrixCell {
                    recommended,
                    decided,
                    count,
                })
                .collect(),
        }
    }
}

/// Monitoring of the screening model against the decisions (manager: own municipality;
/// administrator: all): override rate by target group and municipality, decided tracks per
/// month, and recommendation × decision counts. Caseworkers: 403.
#[utoipa::path(
    get, path = "/reports/visitation", tag = "screening",
    params(PeriodQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, body = VisitationReport),
        (status = 403, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiQuery(q): ApiQuery<PeriodQuery>,
) -> Result<Json<VisitationReport>, ApiError> {
    let mut f = Fields::default();
    let range = report_period(&mut f, &q, state.store.now());
    let (from, to) = f.finish(|| range)?;
    let decisions = state.store.visitation_decisions(&actor, from, to).await?;
    Ok(Json(monitor(&decisions).into()))
}
