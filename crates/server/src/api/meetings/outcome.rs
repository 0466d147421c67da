use axum::Json;
use axum::extract::State;
use domain::Outcome;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::MeetingJson;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, StaffActor};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct RecordOutcome {
    #[schema(required = true, value_type = Outcome)]
    pub status: Option<String>,
    /// For `no_show`: the reasonable excuse (rimelig grund), if the citizen had one. Without
    /// it, an availability notice goes to the citizen's a-kasse (insured unemployed) or the
    /// municipality's benefits office (cash benefit), and the citizen is told in their thread.
    pub excuse: Option<String>,
}

/// Records whether a meeting was `held` or a `no_show`: staff only, once, from its start on
/// (before it: 422 `not_started`). A `no_show` without `excuse` sends the availability notice
/// (`GET /availability-notices`) in the same transaction.
#[utoipa::path(
    post, path = "/meetings/{id}/outcome", tag = "meetings",
    params(("id" = String, Path)),
    request_body = RecordOutcome,
    security(("bearer" = [])),
    responses(
        (status = 200, body = MeetingJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(id): ApiPath<domain::MeetingId>,
    ApiJson(body): ApiJson<RecordOutcome>,
) -> Result<Json<MeetingJson>, ApiError> {
    let mut f = Fields::default();
    let outcome = f.required("status", body.status.as_deref(), Outcome::try_from);
    let excuse = crate::api::meetings::create::text(
        &mut f,
        "excuse",
        body.excuse.as_deref(),
        domain::meetings::MAX_EXCUSE,
    );
    let (outcome, excuse) = f.finish(|| Some((outcome?, excuse?)))?;
    let meeting =
        crate::use_cases::no_show::record(&state.store, &actor, &id, outcome, excuse.as_deref())
            .await?;
    Ok(Json(MeetingJson::new(meeting, &state.config.public_url)))
}
