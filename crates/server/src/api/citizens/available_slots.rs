use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::json::SlotJson;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiPath, ApiQuery};
use crate::validate::{Fields, period};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AvailableQuery {
    /// RFC 3339; default now.
    pub from: Option<String>,
    /// RFC 3339; default four weeks after `from`.
    pub to: Option<String>,
    /// `municipality` or `fund` (the citizen's a-kasse); default `fund` for a-kasse staff and
    /// `municipality` for everyone else.
    pub organisation: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AvailableSlots {
    pub slots: Vec<SlotJson>,
}

/// Free slots of the citizen's jobcenter (or a-kasse), each with only the channels this citizen
/// may use for their next meeting; earliest first, at most 500.
#[utoipa::path(
    get, path = "/citizens/{id}/available-slots", tag = "meetings",
    params(("id" = String, Path), AvailableQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, body = AvailableSlots),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
    ApiQuery(q): ApiQuery<AvailableQuery>,
) -> Result<Json<AvailableSlots>, ApiError> {
    let mut f = Fields::default();
    let range = period(
        &mut f,
        q.from.as_deref(),
        q.to.as_deref(),
        state.store.now(),
    );
    let fund = match q.organisation.as_deref().map(str::trim) {
        // By default an a-kasse adviser sees the a-kasse's times, everyone else the jobcenter's.
        None | Some("") => domain::access::works_for_fund(&actor),
        Some("municipality") => false,
        Some("fund") => true,
        Some(_) => {
            f.refuse("organisation", domain::Invalid::UnknownValue);
            false
        }
    };
    let (from, to) = f.finish(|| range)?;
    let slots = state
        .store
        .available_slots(&actor, &id, from, to, fund, None, 500)
        .await?;
    Ok(Json(AvailableSlots {
        slots: slots.into_iter().map(SlotJson::from).collect(),
    }))
}
