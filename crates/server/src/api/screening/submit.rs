use axum::Json;
use axum::extract::State;
use domain::screening::{Answers, RawAnswers, Recommendation};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson, ApiPath};

/// The eight answers; all required.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ScreeningAnswers {
    /// Months with paid work in the last twelve, 0–12.
    #[schema(required = true, minimum = 0, maximum = 12)]
    pub worked_months_last_12: Option<i64>,
    /// `none` | `upper_secondary` | `vocational` | `higher`
    #[schema(required = true)]
    pub education: Option<String>,
    /// `yes` | `no` | `unsure`
    #[schema(required = true)]
    pub health_limits_work: Option<String>,
    /// `yes` | `no` | `unsure`
    #[schema(required = true)]
    pub other_obstacles: Option<String>,
    /// `high` | `some` | `low` | `none`
    #[schema(required = true)]
    pub digital_comfort: Option<String>,
    #[schema(required = true)]
    pub needs_interpreter: Option<bool>,
    /// `soon` | `months` | `long` | `unsure`
    #[schema(required = true)]
    pub own_assessment: Option<String>,
    #[schema(required = true)]
    pub wants_in_person: Option<bool>,
}

impl ScreeningAnswers {
    pub fn parse(&self) -> Result<Answers, Vec<domain::FieldError>> {
        Answers::try_from(&RawAnswers {
            worked_months_last_12: self.worked_months_last_12,
            education: self.education.clone(),
            health_limits_work: self.health_limits_work.clone(),
            other_obstacles: self.other_obstacles.clone(),
            digital_comfort: self.digital_comfort.clone(),
            needs_interpreter: self.needs_interpreter,
            own_assessment: self.own_assessment.clone(),
            wants_in_person: self.wants_in_person,
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReasonJson {
    pub code: String,
    /// A sentence the citizen can read, in Danish.
    pub text: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RecommendationJson {
    pub track: domain::Track,
    pub in_person_first: bool,
    pub self_booking_exempt: bool,
    pub reasons: Vec<ReasonJson>,
}

impl From<&Recommendation> for RecommendationJson {
    fn from(r: &Recommendation) -> Self {
        Self {
            track: r.track,
            in_person_first: r.in_person_first,
            self_booking_exempt: r.self_booking_exempt,
            reasons: r
                .reasons
                .iter()
                .map(|x| ReasonJson {
                    code: x.code.into(),
                    text: x.text.into(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ScreeningResult {
    pub recommendation: RecommendationJson,
    pub id: String,
    /// Filled in by staff on the citizen's behalf.
    pub on_behalf: bool,
    #[schema(value_type = String)]
    pub submitted_at: String,
}

impl From<&store::Screening> for ScreeningResult {
    fn from(s: &store::Screening) -> Self {
        Self {
            recommendation: (&s.recommendation).into(),
            id: s.id.to_string(),
            on_behalf: s.on_behalf(),
            submitted_at: crate::time_fmt::rfc3339(s.submitted_at),
        }
    }
}

/// Answers the screening questions, for oneself or (jobcenter staff) on the citizen's behalf,
/// and returns the model's recommendation with its reasons. Missing or out-of-range answers:
/// 422 `validation_failed` naming each field.
#[utoipa::path(
    post, path = "/citizens/{id}/screening", tag = "screening",
    params(("id" = String, Path)),
    request_body = ScreeningAnswers,
    security(("bearer" = [])),
    responses(
        (status = 200, body = ScreeningResult),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
    ApiJson(body): ApiJson<ScreeningAnswers>,
) -> Result<Json<ScreeningResult>, ApiError> {
    let answers = body.parse()?;
    let screening = state.store.submit_screening(&actor, &id, &answers).await?;
    Ok(Json((&screening).into()))
}
