use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::StaffActor;
use crate::time_fmt::rfc3339;

#[derive(Debug, Serialize, ToSchema)]
pub struct InboxItemJson {
    pub citizen_id: String,
    pub citizen_name: String,
    /// Since when the citizen has waited for an answer.
    #[schema(value_type = String)]
    pub waiting_since: String,
    pub assigned_to: Option<String>,
    pub assigned_name: Option<String>,
    /// Nobody of the organisation has opened the newest message yet.
    pub unread: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InboxJson {
    pub threads: Vec<InboxItemJson>,
}

/// Threads where the citizen waits for the signed-in staff member's organisation (jobcenter or
/// a-kasse), oldest first. Citizens and administrators: 403.
#[utoipa::path(
    get, path = "/inbox", tag = "messages",
    security(("bearer" = [])),
    responses(
        (status = 200, body = InboxJson),
        (status = 403, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
) -> Result<Json<InboxJson>, ApiError> {
    let entries = state.store.inbox(&actor).await?;
    Ok(Json(InboxJson {
        threads: entries
            .into_iter()
            .map(|e| InboxItemJson {
                waiting_since: rfc3339(e.waiting_since),
                citizen_id: e.citizen_id.into(),
                citizen_name: e.citizen_name,
                assigned_to: e.assigned_to,
                assigned_name: e.assigned_name,
                unread: e.unread,
            })
            .collect(),
    }))
}
