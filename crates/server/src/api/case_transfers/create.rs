use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::Cpr;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::meetings::create::text;
use crate::error::ApiError;
use crate::extract::{ApiJson, StaffActor};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct RequestTransfer {
    /// The citizen's CPR number, as at registration.
    #[schema(required = true, example = "0101901234")]
    pub cpr: Option<String>,
    /// Why, for the municipality holding the case, e.g. "Flyttet til Aalborg 1. december".
    #[schema(required = true)]
    pub reason: Option<String>,
}

/// Parses a request from raw fields; shared by the API and the registration page.
pub fn parse(body: &RequestTransfer) -> Result<(Cpr, String), Vec<domain::FieldError>> {
    let mut f = Fields::default();
    let cpr = f.required("cpr", body.cpr.as_deref(), Cpr::try_from);
    let reason = text(&mut f, "reason", body.reason.as_deref(), 500);
    if matches!(reason, Some(None)) {
        f.refuse("reason", domain::Invalid::Required);
    }
    f.finish(|| Some((cpr?, reason??)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TransferJson {
    pub id: String,
    /// `pending`, `accepted` or `declined`.
    pub status: String,
}

/// Staff of the municipality a citizen moved to ask for the case: 201 `pending`. Which
/// municipality holds it is not said. 404 when nobody has the CPR number (register the citizen
/// instead); 409 `already_exists` when it is yours; 409 `transfer_pending` when you have asked
/// already.
#[utoipa::path(
    post, path = "/case-transfers", tag = "citizens",
    request_body = RequestTransfer,
    security(("bearer" = [])),
    responses(
        (status = 201, body = TransferJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiJson(body): ApiJson<RequestTransfer>,
) -> Result<(StatusCode, Json<TransferJson>), ApiError> {
    let (cpr, reason) = parse(&body)?;
    let id = state.store.request_transfer(&actor, &cpr, &reason).await?;
    Ok((
        StatusCode::CREATED,
        Json(TransferJson {
            id,
            status: "pending".into(),
        }),
    ))
}
