//! Where an organisation meets citizens in person (`domain::NewLocation`). Managers keep their
//! organisation's list; everyone on staff reads it to call citizens in; administrators may do
//! both for any organisation. Not personal data, so not in the access log.

use domain::{Actor, FundCode, LocationId, MunicipalityCode, NewLocation, Organisation, Role};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::ids::{new_id, typed};
use crate::{Store, StoreError};

/// A location as read back, with its organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub id: LocationId,
    pub organisation: Organisation,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub town: String,
    pub directions: Option<String>,
    pub step_free: bool,
}

impl Location {
    /// "Jobcenter Aalborg, Vesterbro 14, 9000 Aalborg": the place on one line, as a picker,
    /// a notice and a letter show it.
    pub fn one_line(&self) -> String {
        format!(
            "{}, {}, {} {}",
            self.name, self.street, self.postcode, self.town
        )
    }
}

pub(crate) const LOCATION_COLUMNS: &str = "l.id, l.municipality, l.unemployment_fund, l.name, l.street, l.postcode, l.town, \
     l.directions, l.step_free";

/// The names a location's columns go by in a query: its own ([`PLAIN`]) or joined to a
/// meeting (`meetings::MEETING_COLUMNS`).
pub(crate) struct LocationColumns {
    pub id: &'static str,
    pub municipality: &'static str,
    pub fund: &'static str,
    pub name: &'static str,
    pub street: &'static str,
    pub postcode: &'static str,
    pub town: &'static str,
    pub directions: &'static str,
    pub step_free: &'static str,
}

const PLAIN: LocationColumns = LocationColumns {
    id: "id",
    municipality: "municipality",
    fund: "unemployment_fund",
    name: "name",
    street: "street",
    postcode: "postcode",
    town: "town",
    directions: "directions",
    step_free: "step_free",
};

/// The location in `row` under the names `c`; `None` when its id is empty (no location).
pub(crate) fn location_from_row(
    row: &AnyRow,
    c: &LocationColumns,
) -> Result<Option<Location>, StoreError> {
    let Some(id) = row.try_get::<Option<&str>, _>(c.id)? else {
        return Ok(None);
    };
    let municipality: Option<&str> = row.try_get(c.municipality)?;
    let fund: Option<&str> = row.try_get(c.fund)?;
    let organisation = match (municipality, fund) {
        (Some(m), _) => Organisation::Municipality(typed(c.municipality, m)?),
        (None, Some(f)) => Organisation::Fund(typed(c.fund, f)?),
        (None, None) => {
            return Err(StoreError::Corrupt {
                column: c.municipality,
            });
        }
    };
    Ok(Some(Location {
        id: typed(c.id, id)?,
        organisation,
        name: row.try_get(c.name)?,
        street: row.try_get(c.street)?,
        postcode: row.try_get(c.postcode)?,
        town: row.try_get(c.town)?,
        directions: row.try_get(c.directions)?,
        step_free: row.try_get::<i64, _>(c.step_free)? != 0,
    }))
}

fn required(row: &AnyRow) -> Result<Location, StoreError> {
    location_from_row(row, &PLAIN)?.ok_or(StoreError::Corrupt { column: "id" })
}

fn org_columns(org: &Organisation) -> (Option<&MunicipalityCode>, Option<&FundCode>) {
    match org {
        Organisation::Municipality(m) => (Some(m), None),
        Organisation::Fund(f) => (None, Some(f)),
    }
}

impl Store {
    /// Adds a location to `org`: the organisation's managers, or an administrator for any.
    pub async fn create_location(
        &self,
        actor: &Actor,
        org: &Organisation,
        new: &NewLocation,
    ) -> Result<Location, StoreError> {
        match actor {
            Actor::Admin { .. } => {}
            Actor::Staff {
                role: Role::Manager,
                organisation,
                ..
            } if organisation == org => {}
            Actor::Staff { organisation, .. } if organisation == org => {
                return Err(StoreError::Forbidden);
            }
            _ => return Err(StoreError::NotFound),
        }
        let (municipality, fund) = org_columns(org);
        // An administrator may name an organisation that does not exist.
        let (table, field, code) = match org {
            Organisation::Municipality(m) => ("municipalities", "municipality", m.as_str()),
            Organisation::Fund(f) => ("unemployment_funds", "unemployment_fund", f.as_str()),
        };
        sqlx::query(&format!("SELECT code FROM {table} WHERE code = $1"))
            .bind(code)
            .fetch_optional(&self.inner.read)
            .await?
            .ok_or(StoreError::invalid(
                field,
                domain::Invalid::UnknownOrganisation,
            ))?;
        let id: LocationId = typed("id", &new_id())?;
        sqlx::query(
            "INSERT INTO locations (id, municipality, unemployment_fund, name, street, postcode, \
             town, directions, step_free, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id.as_str())
        .bind(municipality.map(MunicipalityCode::as_str))
        .bind(fund.map(FundCode::as_str))
        .bind(&new.name)
        .bind(&new.street)
        .bind(new.postcode.as_str())
        .bind(&new.town)
        .bind(new.directions.as_deref())
        .bind(i64::from(new.step_free))
        .bind(self.now_micros())
        .execute(&self.inner.write)
        .await?;
        self.location(&id).await
    }

    /// The locations of the actor's organisation (administrators: all), by name.
    pub async fn locations(&self, actor: &Actor) -> Result<Vec<Location>, StoreError> {
        let rows = match actor {
            Actor::Admin { .. } => {
                sqlx::query(&format!(
                    "SELECT {LOCATION_COLUMNS} FROM locations l ORDER BY l.name, l.id"
                ))
                .fetch_all(&self.inner.read)
                .await?
            }
            Actor::Staff { organisation, .. } => {
                let (municipality, fund) = org_columns(organisation);
                sqlx::query(&format!(
                    "SELECT {LOCATION_COLUMNS} FROM locations l \
                     WHERE l.municipality = $1 OR l.unemployment_fund = $2 ORDER BY l.name, l.id"
                ))
                .bind(municipality.map_or("", MunicipalityCode::as_str))
                .bind(fund.map_or("", FundCode::as_str))
                .fetch_all(&self.inner.read)
                .await?
            }
            Actor::Citizen { .. } => return Err(StoreError::Forbidden),
        };
        rows.iter().map(required).collect()
    }

    pub(crate) async fn location(&self, id: &LocationId) -> Result<Location, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {LOCATION_COLUMNS} FROM locations l WHERE l.id = $1"
        ))
        .bind(id.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        required(&row)
    }
}
