use axum::Json;
use axum::extract::State;
use domain::Track;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::meetings::create::text;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, StaffActor};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct DecideVisitation {
    #[schema(required = true, value_type = Track)]
    pub track: Option<String>,
    /// Required when the track differs from the latest recommendation, or there is none.
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VisitationJson {
    pub id: String,
    pub citizen_id: String,
    pub track: Track,
    pub recommended_track: Option<Track>,
    pub reason: Option<String>,
    pub decided_by_name: String,
    #[schema(value_type = String)]
    pub decided_at: String,
    /// "Din egen vurdering", the citizen's view of the decision.
    pub citizen_view: Option<String>,
}

impl From<store::Visitation> for VisitationJson {
    fn from(v: store::Visitation) -> Self {
        Self {
            decided_at: crate::time_fmt::rfc3339(v.decided_at),
            id: v.id,
            citizen_id: v.citizen_id.into(),
            track: v.track,
            recommended_track: v.recommended_track,
            reason: v.reason,
            decided_by_name: v.decided_by_name,
            citizen_view: v.citizen_view,
        }
    }
}

/// The jobcenter decides the citizen's track (visitation). A track that differs from the latest
/// recommendation, or any track when there is no screening, needs a `reason` (422
/// `reason_required`). Citizens: 403.
#[utoipa::path(
    post, path = "/citizens/{id}/visitation", tag = "screening",
    params(("id" = String, Path)),
    request_body = DecideVisitation,
    security(("bearer" = [])),
    responses(
        (status = 200, body = VisitationJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
    ApiJson(body): ApiJson<DecideVisitation>,
) -> Result<Json<VisitationJson>, ApiError> {
    let mut f = Fields::default();
    let track = f.required("track", body.track.as_deref(), Track::try_from);
    let reason = text(&mut f, "reason", body.reason.as_deref(), 1000);
    let (track, reason) = f.finish(|| Some((track?, reason?)))?;
    let decided = state
        .store
        .decide_visitation(&actor, &id, track, reason.as_deref())
        .await?;
    Ok(Json(decided.into()))
}
