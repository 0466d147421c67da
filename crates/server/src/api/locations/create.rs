use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::{Actor, FundCode, Invalid, MunicipalityCode, NewLocation, Organisation, Postcode};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::LocationJson;
use crate::api::meetings::create::text;
use crate::error::ApiError;
use crate::extract::{ApiJson, StaffActor};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CreateLocation {
    #[schema(required = true)]
    pub name: Option<String>,
    #[schema(required = true)]
    pub street: Option<String>,
    /// Four digits, 0800–9990.
    #[schema(required = true)]
    pub postcode: Option<String>,
    #[schema(required = true)]
    pub town: Option<String>,
    /// How to find the door or the desk.
    pub directions: Option<String>,
    /// Step-free access from the street to the room.
    #[serde(default)]
    pub step_free: bool,
    /// Administrators: the municipality or the a-kasse it belongs to (exactly one). Staff add
    /// to their own organisation and leave both out.
    pub municipality: Option<String>,
    pub unemployment_fund: Option<String>,
}

impl CreateLocation {
    fn parse(&self, actor: &Actor) -> Result<(Organisation, NewLocation), Vec<domain::FieldError>> {
        let mut f = Fields::default();
        let name = f.required("name", self.name.as_deref(), |s| short(s, 120));
        let street = f.required("street", self.street.as_deref(), |s| short(s, 120));
        let postcode = f.required("postcode", self.postcode.as_deref(), Postcode::try_from);
        let town = f.required("town", self.town.as_deref(), |s| short(s, 80));
        let directions = text(&mut f, "directions", self.directions.as_deref(), 500);
        let municipality = f.optional(
            "municipality",
            self.municipality.as_deref(),
            MunicipalityCode::try_from,
        );
        let fund = f.optional(
            "unemployment_fund",
            self.unemployment_fund.as_deref(),
            FundCode::try_from,
        );
        let org = match (actor, municipality.flatten(), fund.flatten()) {
            (Actor::Staff { organisation, .. }, None, None) => Some(organisation.clone()),
            // Staff naming an organisation: it must be their own (the store says 404 if not).
            (_, Some(m), None) => Some(Organisation::Municipality(m)),
            (_, None, Some(fc)) => Some(Organisation::Fund(fc)),
            _ => {
                f.refuse("municipality", Invalid::OneOrganisation);
                None
            }
        };
        f.finish(|| {
            Some((
                org?,
                NewLocation {
                    name: name?,
                    street: street?,
                    postcode: postcode?,
                    town: town?,
                    directions: directions?,
                    step_free: self.step_free,
                },
            ))
        })
    }
}

/// Non-blank text of at most `max` characters, trimmed.
fn short(s: &str, max: usize) -> Result<String, Invalid> {
    if s.chars().count() > max {
        Err(Invalid::TooLong { max })
    } else if s.chars().any(char::is_control) {
        Err(Invalid::BadFormat)
    } else {
        Ok(s.to_owned())
    }
}

/// Adds a location: managers for their own organisation, administrators for any (caseworkers:
/// 403; another organisation: 404).
#[utoipa::path(
    post, path = "/locations", tag = "organisations",
    request_body = CreateLocation,
    security(("bearer" = [])),
    responses(
        (status = 201, body = LocationJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiJson(body): ApiJson<CreateLocation>,
) -> Result<(StatusCode, Json<LocationJson>), ApiError> {
    let (org, new) = body.parse(&actor)?;
    let location = state.store.create_location(&actor, &org, &new).await?;
    Ok((StatusCode::CREATED, Json(location.into())))
}
