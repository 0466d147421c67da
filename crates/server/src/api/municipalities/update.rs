use axum::Json;
use axum::extract::State;
use domain::FirstMeetingPolicy;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, StaffActor};
use crate::validate::Fields;

/// The settings to change; at least one of them.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct UpdateMunicipality {
    /// `screening` (the default: in person where the screening says so) or `everyone`.
    #[schema(value_type = Option<FirstMeetingPolicy>)]
    pub first_meeting_in_person: Option<String>,
    /// The team whose staff receive availability notices about cash-benefit recipients (the
    /// benefits office); `""` clears it (then the managers only).
    pub benefits_team: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MunicipalitySettings {
    pub code: String,
    pub first_meeting_in_person: FirstMeetingPolicy,
    pub benefits_team: Option<String>,
}

/// A municipality's settings: whether every citizen's first conversation is in person, or only
/// where the screening says so, and which team is its benefits office. Administrators, or the
/// municipality's managers (its caseworkers: 403; another municipality: 404). Neither field:
/// 422 naming `first_meeting_in_person`.
#[utoipa::path(
    patch, path = "/municipalities/{code}", tag = "organisations",
    params(("code" = String, Path)),
    request_body = UpdateMunicipality,
    security(("bearer" = [])),
    responses(
        (status = 200, body = MunicipalitySettings),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(code): ApiPath<domain::MunicipalityCode>,
    ApiJson(body): ApiJson<UpdateMunicipality>,
) -> Result<Json<MunicipalitySettings>, ApiError> {
    let mut f = Fields::default();
    let policy = match (&body.first_meeting_in_person, &body.benefits_team) {
        (None, Some(_)) => Some(None),
        (raw, _) => f
            .required(
                "first_meeting_in_person",
                raw.as_deref(),
                FirstMeetingPolicy::try_from,
            )
            .map(Some),
    };
    let team = match body.benefits_team.as_deref().map(str::trim) {
        None => Some(None),
        Some("") => Some(Some(None)),
        Some(t) => f
            .check("benefits_team", domain::TeamName::try_from(t))
            .map(|t| Some(Some(t))),
    };
    let (policy, team) = f.finish(|| Some((policy?, team?)))?;
    if let Some(policy) = policy {
        state
            .store
            .set_first_meeting_policy(&actor, &code, policy)
            .await?;
    }
    if let Some(team) = &team {
        state
            .store
            .set_benefits_team(&actor, &code, team.as_ref())
            .await?;
    }
    Ok(Json(MunicipalitySettings {
        code: code.to_string(),
        first_meeting_in_person: state.store.first_meeting_policy(code.as_str()).await?,
        benefits_team: state.store.benefits_team(&code).await?,
    }))
}
