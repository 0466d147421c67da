use axum::Json;
use axum::extract::State;
use domain::FirstMeetingPolicy;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, StaffActor};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct UpdateMunicipality {
    /// `screening` (the default: in person where the screening says so) or `everyone`.
    #[schema(required = true, value_type = FirstMeetingPolicy)]
    pub first_meeting_in_person: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MunicipalitySettings {
    pub code: String,
    pub first_meeting_in_person: FirstMeetingPolicy,
}

/// A municipality's settings: whether every citizen's first conversation is in person, or only
/// where the screening says so. Administrators, or the municipality's managers (its caseworkers:
/// 403; another municipality: 404).
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
    let policy = f.required(
        "first_meeting_in_person",
        body.first_meeting_in_person.as_deref(),
        FirstMeetingPolicy::try_from,
    );
    let policy = f.finish(|| policy)?;
    state
        .store
        .set_first_meeting_policy(&actor, &code, policy)
        .await?;
    Ok(Json(MunicipalitySettings {
        code: code.to_string(),
        first_meeting_in_person: policy,
    }))
}
