use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::{
    FundCode, Invalid, Login, MunicipalityCode, Organisation, PersonName, Role, TeamName,
};
use serde::Deserialize;
use store::NewStaff;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::StaffJson;
use crate::error::ApiError;
use crate::extract::{AdminActor, ApiJson};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CreateStaff {
    #[schema(required = true, example = "mette.aalborg")]
    pub login: Option<String>,
    #[schema(required = true, example = "Mette Kjær")]
    pub name: Option<String>,
    #[schema(required = true, value_type = Role)]
    pub role: Option<String>,
    /// Exactly one of `municipality` and `unemployment_fund` for caseworkers and managers;
    /// neither for administrators.
    #[schema(example = "0851")]
    pub municipality: Option<String>,
    pub unemployment_fund: Option<String>,
    /// The team within the organisation (extension), free text up to 60 characters; not for
    /// administrators.
    #[schema(example = "Team Unge")]
    pub team: Option<String>,
}

/// Parses a staff member from raw fields; shared by the API and the admin page.
pub fn parse(body: &CreateStaff) -> Result<NewStaff, Vec<domain::FieldError>> {
    let mut f = Fields::default();
    let login = f.required("login", body.login.as_deref(), Login::try_from);
    let name = f.required("name", body.name.as_deref(), PersonName::try_from);
    let role = f.required("role", body.role.as_deref(), Role::try_from);
    let municipality = f.optional(
        "municipality",
        body.municipality.as_deref(),
        MunicipalityCode::try_from,
    );
    let fund = f.optional(
        "unemployment_fund",
        body.unemployment_fund.as_deref(),
        FundCode::try_from,
    );
    let team = f.optional("team", body.team.as_deref(), TeamName::try_from);
    if role == Some(Role::Admin) && team.as_ref().is_some_and(Option::is_some) {
        f.refuse("team", Invalid::Combination);
    }
    if role == Some(Role::Citizen) {
        f.refuse("role", Invalid::UnknownValue);
    }
    let organisation = match (role, municipality.flatten(), fund.flatten()) {
        (Some(Role::Caseworker | Role::Manager), Some(m), None) => {
            Some(Organisation::Municipality(m))
        }
        (Some(Role::Caseworker | Role::Manager), None, Some(fc)) => Some(Organisation::Fund(fc)),
        (Some(Role::Caseworker | Role::Manager), _, _) => {
            f.refuse("municipality", Invalid::Combination);
            None
        }
        (Some(Role::Admin), None, None) => None,
        (Some(Role::Admin), _, _) => {
            f.refuse("municipality", Invalid::Combination);
            None
        }
        _ => None,
    };
    f.finish(|| {
        Some(NewStaff {
            login: login?,
            name: name?,
            role: role?,
            organisation,
            team: team?,
        })
    })
}

/// Creates a staff member (admin).
#[utoipa::path(
    post, path = "/staff", tag = "organisations",
    request_body = CreateStaff,
    security(("bearer" = [])),
    responses(
        (status = 201, body = StaffJson),
        (status = 409, description = "already_exists (login taken)", body = crate::error::Problem),
        (status = 422, description = "validation_failed", body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    AdminActor(actor): AdminActor,
    ApiJson(body): ApiJson<CreateStaff>,
) -> Result<(StatusCode, Json<StaffJson>), ApiError> {
    let new = parse(&body)?;
    let member = state.store.create_staff(&actor, &new).await?;
    Ok((StatusCode::CREATED, Json(member.into())))
}
