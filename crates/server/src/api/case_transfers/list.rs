use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::StaffActor;
use crate::time_fmt::rfc3339;

#[derive(Debug, Serialize, ToSchema)]
pub struct IncomingTransferJson {
    pub id: String,
    pub citizen_id: String,
    pub citizen_name: String,
    /// The municipality the citizen moved to.
    pub to_municipality: String,
    pub reason: String,
    #[schema(value_type = String)]
    pub requested_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IncomingTransfersJson {
    pub transfers: Vec<IncomingTransferJson>,
}

/// Open requests for the cases your municipality holds (administrators: all), oldest first.
#[utoipa::path(
    get, path = "/case-transfers", tag = "citizens",
    security(("bearer" = [])),
    responses(
        (status = 200, body = IncomingTransfersJson),
        (status = 403, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
) -> Result<Json<IncomingTransfersJson>, ApiError> {
    let transfers = state.store.incoming_transfers(&actor).await?;
    Ok(Json(IncomingTransfersJson {
        transfers: transfers
            .into_iter()
            .map(|t| IncomingTransferJson {
                requested_at: rfc3339(t.requested_at),
                id: t.id.into(),
                citizen_id: t.citizen_id.into(),
                citizen_name: t.citizen_name,
                to_municipality: t.to_municipality,
                reason: t.reason,
            })
            .collect(),
    }))
}
