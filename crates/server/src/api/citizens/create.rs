use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::{Cpr, FundCode, Login, MunicipalityCode, PersonName, TargetGroup};
use serde::Deserialize;
use store::NewCitizen;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::CitizenJson;
use crate::error::ApiError;
use crate::extract::{ApiJson, StaffActor};
use crate::validate::{self, Fields};

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CreateCitizen {
    /// Ten digits (a hyphen after the sixth is accepted); the first six a real date of birth.
    #[schema(required = true, example = "0101901234")]
    pub cpr: Option<String>,
    #[schema(required = true, example = "Anne Sørensen")]
    pub name: Option<String>,
    #[schema(required = true, example = "0851")]
    pub municipality: Option<String>,
    #[schema(required = true, value_type = TargetGroup)]
    pub target_group: Option<String>,
    #[schema(required = true, value_type = String, format = Date, example = "2026-09-01")]
    pub unemployed_since: Option<String>,
    #[schema(example = "3F")]
    pub unemployment_fund: Option<String>,
    /// A sign-in name for the citizen, if they are to sign in.
    pub login: Option<String>,
    /// Insured unemployed: the day they registered as a job seeker, from which the a-kasse's
    /// first conversation counts (LAB § 31, stk. 4). Default `unemployed_since`.
    #[schema(value_type = Option<String>, format = Date, example = "2026-08-28")]
    pub registered_on: Option<String>,
    /// Cash benefit (LAB § 6, nr. 2-5): the first contact with the municipality about help,
    /// from which their periods count (§ 9, stk. 2, nr. 2; § 31, stk. 5). Default
    /// `unemployed_since`.
    #[schema(value_type = Option<String>, format = Date)]
    pub first_contact_on: Option<String>,
    /// Sickness benefit: the first day of absence, from which follow-up counts
    /// (sygedagpengeloven § 13 b). Default `unemployed_since`.
    #[schema(value_type = Option<String>, format = Date)]
    pub first_absence_on: Option<String>,
}

/// The law's start days of a registration or change, parsed, in
/// `CountedFrom::CITIZEN_DAYS` order; which target group has which day is the store's check
/// (422 `combination` naming the field).
pub fn start_days(
    f: &mut Fields,
    raw: [Option<&str>; 3],
) -> [Option<Option<jiff::civil::Date>>; 3] {
    let days = domain::contact_plan::CountedFrom::CITIZEN_DAYS;
    std::array::from_fn(|i| f.optional(days[i].as_str(), raw[i], validate::past_date))
}

/// Parses a registration from raw fields; shared by the API and the registration page.
pub fn parse(body: &CreateCitizen) -> Result<NewCitizen, Vec<domain::FieldError>> {
    let mut f = Fields::default();
    let cpr = f.required("cpr", body.cpr.as_deref(), Cpr::try_from);
    let name = f.required("name", body.name.as_deref(), PersonName::try_from);
    let municipality = f.required(
        "municipality",
        body.municipality.as_deref(),
        MunicipalityCode::try_from,
    );
    let target_group = f.required(
        "target_group",
        body.target_group.as_deref(),
        TargetGroup::try_from,
    );
    let since = f.required(
        "unemployed_since",
        body.unemployed_since.as_deref(),
        validate::past_date,
    );
    let fund = f.optional(
        "unemployment_fund",
        body.unemployment_fund.as_deref(),
        FundCode::try_from,
    );
    let login = f.optional("login", body.login.as_deref(), Login::try_from);
    let [registered_on, first_contact_on, first_absence_on] = start_days(
        &mut f,
        [
            body.registered_on.as_deref(),
            body.first_contact_on.as_deref(),
            body.first_absence_on.as_deref(),
        ],
    );
    f.finish(|| {
        Some(NewCitizen {
            cpr: cpr?,
            name: name?,
            municipality: municipality?,
            target_group: target_group?,
            unemployed_since: since?,
            unemployment_fund: fund?,
            login: login?,
            registered_on: registered_on?,
            first_contact_on: first_contact_on?,
            first_absence_on: first_absence_on?,
        })
    })
}

/// Registers a citizen (admin, or staff of that municipality).
#[utoipa::path(
    post, path = "/citizens", tag = "citizens",
    request_body = CreateCitizen,
    security(("bearer" = [])),
    responses(
        (status = 201, body = CitizenJson),
        (status = 403, description = "Not staff of that municipality", body = crate::error::Problem),
        (status = 409, description = "already_exists: the CPR number is registered", body = crate::error::Problem),
        (status = 422, description = "invalid_cpr or validation_failed", body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiJson(body): ApiJson<CreateCitizen>,
) -> Result<(StatusCode, Json<CitizenJson>), ApiError> {
    let new = parse(&body)?;
    let citizen = state.store.create_citizen(&actor, &new).await?;
    Ok((StatusCode::CREATED, Json(citizen.into())))
}
