use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::LocationJson;
use crate::error::ApiError;
use crate::extract::StaffActor;

#[derive(Debug, Serialize, ToSchema)]
pub struct LocationList {
    pub locations: Vec<LocationJson>,
}

/// The locations of the caller's organisation (administrators: all), by name.
#[utoipa::path(
    get, path = "/locations", tag = "organisations",
    security(("bearer" = [])),
    responses(
        (status = 200, body = LocationList),
        (status = 403, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
) -> Result<Json<LocationList>, ApiError> {
    let locations = state.store.locations(&actor).await?;
    Ok(Json(LocationList {
        locations: locations.into_iter().map(LocationJson::from).collect(),
    }))
}
