//! Staff: caseworkers and managers of one organisation, and administrators.

use domain::{
    Actor, FundCode, Login, MunicipalityCode, Organisation, PersonName, Role, StaffId, TeamName,
};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::error::parse;
use crate::ids::{new_id, typed};
use crate::orgs::require_admin;
use crate::{Store, StoreError};

/// A staff member to create. Exactly one organisation for caseworkers and managers, none for
/// administrators: the server checks that before it builds one of these.
#[derive(Debug, Clone)]
pub struct NewStaff {
    pub login: Login,
    pub name: PersonName,
    pub role: Role,
    pub organisation: Option<Organisation>,
    /// The team within the organisation, if it has teams.
    pub team: Option<TeamName>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: StaffId,
    pub login: String,
    pub name: String,
    pub role: Role,
    pub organisation: Option<Organisation>,
    pub team: Option<String>,
}

impl StaffMember {
    /// The actor this staff member acts as once signed in.
    /// Fails closed: only the `admin` role is an administrator, and a caseworker or manager
    /// must belong to an organisation. Any other row (no organisation, a citizen's role in the
    /// staff table) may do nothing: `Forbidden`, never an administrator by default.
    pub fn actor(&self) -> Result<Actor, StoreError> {
        match (&self.role, &self.organisation) {
            (Role::Caseworker | Role::Manager, Some(org)) => Ok(Actor::Staff {
                id: self.id.clone(),
                name: self.name.clone(),
                role: self.role,
                organisation: org.clone(),
            }),
            (Role::Admin, _) => Ok(Actor::Admin {
                id: self.id.clone(),
                name: self.name.clone(),
            }),
            _ => Err(StoreError::Forbidden),
        }
    }

    pub fn municipality(&self) -> Option<&str> {
        match &self.organisation {
            Some(Organisation::Municipality(m)) => Some(m.as_str()),
            _ => None,
        }
    }

    pub fn unemployment_fund(&self) -> Option<&str> {
        match &self.organisation {
            Some(Organisation::Fund(f)) => Some(f.as_str()),
            _ => None,
        }
    }
}

const COLUMNS: &str = "id, login, name, role, municipality, unemployment_fund, team";

pub(crate) fn from_row(row: &AnyRow) -> Result<StaffMember, StoreError> {
    let municipality: Option<String> = row.try_get("municipality")?;
    let fund: Option<String> = row.try_get("unemployment_fund")?;
    let organisation = match (municipality, fund) {
        (Some(m), _) => Some(Organisation::Municipality(parse::<MunicipalityCode>(
            "municipality",
            &m,
        )?)),
        (None, Some(f)) => Some(Organisation::Fund(parse::<FundCode>(
            "unemployment_fund",
            &f,
        )?)),
        (None, None) => None,
    };
    Ok(StaffMember {
        id: typed("id", row.try_get("id")?)?,
        login: row.try_get("login")?,
        name: row.try_get("name")?,
        role: parse("role", row.try_get::<&str, _>("role")?)?,
        organisation,
        team: row.try_get("team")?,
    })
}

impl Store {
    pub async fn create_staff(
        &self,
        actor: &Actor,
        new: &NewStaff,
    ) -> Result<StaffMember, StoreError> {
        require_admin(actor)?;
        let id = new_id();
        let (municipality, fund) = match &new.organisation {
            Some(Organisation::Municipality(m)) => (Some(m.as_str().to_owned()), None),
            Some(Organisation::Fund(f)) => (None, Some(f.as_str().to_owned())),
            None => (None, None),
        };
        let mut tx = self.inner.write.begin().await?;
        self.check_orgs_exist(&mut tx, municipality.as_deref(), fund.as_deref())
            .await?;
        sqlx::query(
            "INSERT INTO logins (login, subject_kind, subject_id) VALUES ($1, 'staff', $2)",
        )
        .bind(new.login.as_str())
        .bind(&id)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::from_insert)?;
        sqlx::query(
            "INSERT INTO staff (id, login, name, role, municipality, unemployment_fund, team, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(new.login.as_str())
        .bind(new.name.as_str())
        .bind(new.role.as_str())
        .bind(municipality)
        .bind(fund)
        .bind(new.team.as_ref().map(|t| t.as_str().to_owned()))
        .bind(self.now_micros())
        .execute(&mut *tx)
        .await
        .map_err(StoreError::from_insert)?;
        tx.commit().await?;
        Ok(StaffMember {
            id: typed("id", &id)?,
            login: new.login.as_str().to_owned(),
            name: new.name.as_str().to_owned(),
            role: new.role,
            organisation: new.organisation.clone(),
            team: new.team.as_ref().map(|t| t.as_str().to_owned()),
        })
    }

    pub async fn staff_by_id(&self, id: &StaffId) -> Result<StaffMember, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM staff WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id.as_str())
            .fetch_optional(&self.inner.read)
            .await?;
        row.as_ref()
            .map(from_row)
            .transpose()?
            .ok_or(StoreError::NotFound)
    }

    /// The staff of one organisation (or all staff, for an administrator), by name.
    pub async fn staff_list(&self, actor: &Actor) -> Result<Vec<StaffMember>, StoreError> {
        let filter = match actor {
            Actor::Admin { .. } => None,
            Actor::Staff {
                organisation: Organisation::Municipality(m),
                ..
            } => Some(("municipality", m.as_str())),
            Actor::Staff {
                organisation: Organisation::Fund(f),
                ..
            } => Some(("unemployment_fund", f.as_str())),
            Actor::Citizen { .. } => return Err(StoreError::Forbidden),
        };
        let rows = match filter {
            None => {
                let sql = format!("SELECT {COLUMNS} FROM staff ORDER BY name, id");
                sqlx::query(&sql).fetch_all(&self.inner.read).await?
            }
            Some((column, code)) => {
                let sql =
                    format!("SELECT {COLUMNS} FROM staff WHERE {column} = $1 ORDER BY name, id");
                sqlx::query(&sql)
                    .bind(code)
                    .fetch_all(&self.inner.read)
                    .await?
            }
        };
        rows.iter().map(from_row).collect()
    }

    /// Refuses a municipality or fund code that is not registered, naming the field.
    pub(crate) async fn check_orgs_exist(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        municipality: Option<&str>,
        fund: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut errors = Vec::new();
        for (field, table, code) in [
            ("municipality", "municipalities", municipality),
            ("unemployment_fund", "unemployment_funds", fund),
        ] {
            let Some(code) = code else { continue };
            let sql = format!("SELECT 1 FROM {table} WHERE code = $1");
            if sqlx::query(&sql)
                .bind(code)
                .fetch_optional(&mut **tx)
                .await?
                .is_none()
            {
                errors.push(domain::FieldError::new(
                    field,
                    domain::Invalid::UnknownOrganisation,
                ));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Invalid(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(role: Role, organisation: Option<Organisation>) -> StaffMember {
        StaffMember {
            id: StaffId::try_from("s1").expect("id"),
            login: "s1".into(),
            name: "S".into(),
            role,
            organisation,
            team: None,
        }
    }

    #[test]
    fn a_staff_row_that_fits_no_role_may_do_nothing() {
        let aalborg = Organisation::Municipality(MunicipalityCode::try_from("0851").expect("code"));
        assert!(matches!(
            member(Role::Caseworker, Some(aalborg)).actor(),
            Ok(Actor::Staff { .. })
        ));
        assert!(matches!(
            member(Role::Admin, None).actor(),
            Ok(Actor::Admin { .. })
        ));
        for (role, why) in [
            (Role::Caseworker, "a caseworker of no organisation"),
            (Role::Manager, "a manager of no organisation"),
            (Role::Citizen, "a citizen's role in the staff table"),
        ] {
            assert!(
                matches!(member(role, None).actor(), Err(StoreError::Forbidden)),
                "{why} is no administrator"
            );
        }
    }
}
