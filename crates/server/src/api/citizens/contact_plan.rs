use axum::Json;
use axum::extract::State;
use domain::contact_plan::{ConversationKind, Holder, ItemStatus, RuleBook, contact_plan};
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiPath};

#[derive(Debug, Serialize, ToSchema)]
pub struct PlanItemJson {
    pub kind: ConversationKind,
    /// `YYYY-MM-DD`: the window opens.
    #[schema(value_type = String, format = Date)]
    pub due_from: String,
    /// `YYYY-MM-DD`: the deadline (moved to the next working day when the law's falls on a
    /// weekend or public holiday).
    #[schema(value_type = String, format = Date)]
    pub due_by: String,
    pub status: ItemStatus,
    /// The held (`done`) or booked (`planned`) meeting that fills the item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_id: Option<String>,
    /// Who holds the conversation: the a-kasse or the jobcenter.
    pub holder: Holder,
    /// Filled by a meeting after the deadline.
    pub late: bool,
    /// The rule set in force on `due_by`, which the item follows.
    pub rules_version: String,
    /// The paragraph the item comes from.
    pub source: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExemptionJson {
    /// Whose conversations: the deciding organisation's (`unemployment_fund` or
    /// `municipality`).
    pub holder: Holder,
    pub exempt: bool,
    pub reason: String,
    pub decided_by_name: String,
    #[schema(value_type = String)]
    pub decided_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactPlanJson {
    /// The rule set in force today; each item names the one it follows.
    pub rules_version: String,
    /// Earliest deadline first.
    pub items: Vec<PlanItemJson>,
    /// The latest exemption decision of any organisation, if any.
    pub exemption: Option<ExemptionJson>,
    /// Each organisation's latest decision, latest first: each exempts only from its own
    /// conversations.
    pub exemptions: Vec<ExemptionJson>,
    /// Conversations left out because of the exemption.
    pub exempted: usize,
    /// Whether the rules in force today let the reader's organisation exempt this citizen from
    /// its conversations (always `false` for citizens and administrators).
    pub exemption_possible: bool,
}

impl ContactPlanJson {
    /// The plan as `reader` (the organisation reading, if staff) sees it.
    pub fn new(
        book: &RuleBook,
        inputs: &store::PlanInputs,
        today: jiff::civil::Date,
        reader: Option<Holder>,
    ) -> Self {
        let json = |e: &store::Exemption| ExemptionJson {
            holder: e.holder,
            exempt: e.exempt,
            reason: e.reason.clone(),
            decided_by_name: e.decided_by_name.clone(),
            decided_at: crate::time_fmt::rfc3339(e.decided_at),
        };
        let plan = contact_plan(book, inputs.plan_citizen(), &inputs.meetings, today);
        Self {
            rules_version: plan.rules_version.to_owned(),
            items: plan
                .items
                .iter()
                .map(|i| PlanItemJson {
                    kind: i.kind,
                    due_from: i.due_from.to_string(),
                    due_by: i.due_by.to_string(),
                    status: i.status,
                    meeting_id: i.meeting.map(|m| m.id.clone()),
                    holder: i.holder,
                    late: i.late(),
                    rules_version: i.rules_version.to_owned(),
                    source: i.source.to_owned(),
                })
                .collect(),
            exemption: inputs.latest_exemption().map(json),
            exemptions: inputs.exemptions.iter().map(json).collect(),
            exempted: plan.exempted,
            exemption_possible: reader
                .is_some_and(|h| book.may_exempt(inputs.citizen.target_group, h, today)),
        }
    }
}

/// The citizen's contact plan: the conversations the law requires, by when, and how far each
/// has come. For the citizen, their jobcenter and their a-kasse; logged for staff.
#[utoipa::path(
    get, path = "/citizens/{id}/contact-plan", tag = "contact plan",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ContactPlanJson),
        (status = 404, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
) -> Result<Json<ContactPlanJson>, ApiError> {
    let inputs = state.store.plan_inputs(&actor, &id).await?;
    let today = crate::time_fmt::local_date(state.store.now());
    Ok(Json(ContactPlanJson::new(
        &state.config.rules,
        &inputs,
        today,
        Holder::of(&actor),
    )))
}
