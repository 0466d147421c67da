use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::citizens::contact_plan::ContactPlanJson;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, StaffActor};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct DecideExemption {
    /// `true` exempts the citizen from the caller's organisation's exemptible conversations;
    /// `false` lifts that.
    #[schema(required = true)]
    pub exempt: Option<bool>,
    #[schema(required = true)]
    pub reason: Option<String>,
}

/// Exempts a citizen from the caller's organisation's own conversations that the law in force
/// lets it exempt (from 1 July 2026: each organisation up to 25 % of the insured unemployed), or
/// lifts that; a reason is required. The jobcenter decides for the municipality's
/// conversations, the citizen's a-kasse for its own; neither can remove the other's, and
/// administrators hold none (403). 422 `exemption_not_allowed` when the rules in force have
/// nothing of the caller's to exempt this citizen from. Answers the new plan.
#[utoipa::path(
    post, path = "/citizens/{id}/exemption", tag = "contact plan",
    params(("id" = String, Path)),
    request_body = DecideExemption,
    security(("bearer" = [])),
    responses(
        (status = 200, body = ContactPlanJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
    ApiJson(body): ApiJson<DecideExemption>,
) -> Result<Json<ContactPlanJson>, ApiError> {
    let mut f = Fields::default();
    if body.exempt.is_none() {
        f.refuse("exempt", domain::Invalid::Required);
    }
    // Blank and length are the store's checks, which the page shares.
    let reason = f.required("reason", body.reason.as_deref(), |s| Ok(s.to_owned()));
    let (exempt, reason) = f.finish(|| Some((body.exempt?, reason?)))?;
    let rules = &state.config.rules;
    state
        .store
        .set_exemption(&actor, rules, &id, exempt, &reason)
        .await?;
    let inputs = state.store.plan_inputs(&actor, &id).await?;
    let today = crate::time_fmt::local_date(state.store.now());
    let reader = domain::contact_plan::Holder::of(&actor);
    Ok(Json(ContactPlanJson::new(rules, &inputs, today, reader)))
}
