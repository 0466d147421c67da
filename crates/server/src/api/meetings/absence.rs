//! "Jeg kan ikke komme" on a call-in (the citizen) and the decision on it (staff).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::meetings::{AbsenceReason, MAX_ABSENCE_TEXT};
use serde::Deserialize;
use utoipa::ToSchema;

use super::create::text;
use crate::AppState;
use crate::api::json::MeetingJson;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson, ApiPath, StaffActor};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ReportAbsence {
    #[schema(required = true, value_type = AbsenceReason)]
    pub reason: Option<String>,
    /// The citizen's own words; required for `other`.
    pub text: Option<String>,
}

/// The citizen cannot come to a call-in. It stands until staff decide (worklist
/// `absence_reported`); one report per call-in (409 `absence_not_possible` for a second, or
/// for a meeting that is not a call-in).
#[utoipa::path(
    post, path = "/meetings/{id}/absence", tag = "meetings",
    params(("id" = String, Path)),
    request_body = ReportAbsence,
    security(("bearer" = [])),
    responses(
        (status = 201, body = MeetingJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn report(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::MeetingId>,
    ApiJson(body): ApiJson<ReportAbsence>,
) -> Result<(StatusCode, Json<MeetingJson>), ApiError> {
    let mut f = Fields::default();
    let reason = f.required("reason", body.reason.as_deref(), AbsenceReason::try_from);
    let words = text(&mut f, "text", body.text.as_deref(), MAX_ABSENCE_TEXT);
    let (reason, words) = f.finish(|| Some((reason?, words?)))?;
    let meeting = state
        .store
        .report_absence(&actor, &id, reason, words.as_deref())
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(MeetingJson::new(meeting, &state.config.public_url)),
    ))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct DecideAbsence {
    /// `true`: a reasonable excuse, the call-in is cancelled. `false`: it stands.
    #[schema(required = true)]
    pub accept: Option<bool>,
    /// Why; required when refusing, and sent to the citizen.
    pub reason: Option<String>,
}

/// Staff of the organisation holding the call-in decide on a reported absence: accepted, the
/// call-in is cancelled as "afbud med rimelig grund"; refused (a reason is required, 422
/// `reason_required`), it stands and the citizen is told why in their message thread.
#[utoipa::path(
    post, path = "/meetings/{id}/absence/decision", tag = "meetings",
    params(("id" = String, Path)),
    request_body = DecideAbsence,
    security(("bearer" = [])),
    responses(
        (status = 200, body = MeetingJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn decide(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(id): ApiPath<domain::MeetingId>,
    ApiJson(body): ApiJson<DecideAbsence>,
) -> Result<Json<MeetingJson>, ApiError> {
    let mut f = Fields::default();
    if body.accept.is_none() {
        f.refuse("accept", domain::Invalid::Required);
    }
    let note = text(&mut f, "reason", body.reason.as_deref(), 1000);
    let note = f.finish(|| note)?;
    let meeting = crate::use_cases::absence::decide(
        &state.store,
        &actor,
        &id,
        body.accept.unwrap_or(false),
        note.as_deref(),
    )
    .await?;
    Ok(Json(MeetingJson::new(meeting, &state.config.public_url)))
}
