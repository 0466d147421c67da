//! Municipalities and unemployment funds: the two kinds of tenant. Only administrators create
//! them; everyone signed in may list them (they are public bodies).

use domain::{Actor, FundCode, MunicipalityCode, OrgName};
use sqlx::Row;

use crate::{OrgContact, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    pub code: String,
    pub name: String,
}

#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Municipality,
    Fund,
}

impl Kind {
    pub(crate) fn table(self) -> &'static str {
        match self {
            Kind::Municipality => "municipalities",
            Kind::Fund => "unemployment_funds",
        }
    }
}

pub(crate) fn require_admin(actor: &Actor) -> Result<(), StoreError> {
    match actor {
        Actor::Admin { .. } => Ok(()),
        _ => Err(StoreError::Forbidden),
    }
}

impl Store {
    /// Whether every first conversation in a municipality is in person.
    pub async fn first_meeting_policy(
        &self,
        code: &str,
    ) -> Result<domain::FirstMeetingPolicy, StoreError> {
        let row = sqlx::query("SELECT first_meeting_policy FROM municipalities WHERE code = $1")
            .bind(code)
            .fetch_optional(&self.inner.read)
            .await?
            .ok_or(StoreError::NotFound)?;
        crate::error::parse(
            "first_meeting_policy",
            row.try_get::<&str, _>("first_meeting_policy")?,
        )
    }

    /// Sets the policy: administrators for any municipality, managers for their own.
    pub async fn set_first_meeting_policy(
        &self,
        actor: &Actor,
        code: &domain::MunicipalityCode,
        policy: domain::FirstMeetingPolicy,
    ) -> Result<(), StoreError> {
        self.set_municipality_column(actor, code, "first_meeting_policy", Some(policy.as_str()))
            .await
    }

    /// Names the team of the municipality's staff that receives availability notices about
    /// cash-benefit recipients (its benefits office); `None`: its managers only. Who may: as
    /// [`Store::set_first_meeting_policy`].
    pub async fn set_benefits_team(
        &self,
        actor: &Actor,
        code: &domain::MunicipalityCode,
        team: Option<&domain::TeamName>,
    ) -> Result<(), StoreError> {
        self.set_municipality_column(actor, code, "benefits_team", team.map(|t| t.as_str()))
            .await
    }

    /// The benefits team, if one is named.
    pub async fn benefits_team(
        &self,
        code: &MunicipalityCode,
    ) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT benefits_team FROM municipalities WHERE code = $1")
            .bind(code.as_str())
            .fetch_optional(&self.inner.read)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(row.try_get("benefits_team")?)
    }

    /// One setting of a municipality: administrators for any, its managers for their own (its
    /// caseworkers: `Forbidden`; anyone else: `NotFound`). `column` is one of ours, never input.
    async fn set_municipality_column(
        &self,
        actor: &Actor,
        code: &domain::MunicipalityCode,
        column: &'static str,
        value: Option<&str>,
    ) -> Result<(), StoreError> {
        let own = match actor {
            Actor::Admin { .. } => true,
            Actor::Staff {
                role: domain::Role::Manager,
                organisation: domain::Organisation::Municipality(m),
                ..
            } => m == code,
            Actor::Staff {
                organisation: domain::Organisation::Municipality(m),
                ..
            } if m == code => return Err(StoreError::Forbidden),
            _ => false,
        };
        if !own {
            return Err(StoreError::NotFound);
        }
        let done = sqlx::query(&format!(
            "UPDATE municipalities SET {column} = $1 WHERE code = $2"
        ))
        .bind(value)
        .bind(code.as_str())
        .execute(&self.inner.write)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn create_municipality(
        &self,
        actor: &Actor,
        code: &MunicipalityCode,
        name: &OrgName,
        contact: &OrgContact,
    ) -> Result<Org, StoreError> {
        self.create_org(actor, Kind::Municipality, code.as_str(), name, contact)
            .await
    }

    pub async fn create_fund(
        &self,
        actor: &Actor,
        code: &FundCode,
        name: &OrgName,
        contact: &OrgContact,
    ) -> Result<Org, StoreError> {
        self.create_org(actor, Kind::Fund, code.as_str(), name, contact)
            .await
    }

    pub async fn municipalities(&self) -> Result<Vec<Org>, StoreError> {
        self.list_orgs(Kind::Municipality).await
    }

    pub async fn funds(&self) -> Result<Vec<Org>, StoreError> {
        self.list_orgs(Kind::Fund).await
    }

    async fn create_org(
        &self,
        actor: &Actor,
        kind: Kind,
        code: &str,
        name: &OrgName,
        contact: &OrgContact,
    ) -> Result<Org, StoreError> {
        require_admin(actor)?;
        let sql = format!(
            "INSERT INTO {} (code, name, created_at, phone, phone_hours, email, dpo_email, cvr) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            kind.table()
        );
        sqlx::query(&sql)
            .bind(code)
            .bind(name.as_str())
            .bind(self.now_micros())
            .bind(contact.phone.as_ref().map(|p| p.as_str().to_owned()))
            .bind(contact.phone_hours.clone())
            .bind(contact.email.as_ref().map(|e| e.as_str().to_owned()))
            .bind(contact.dpo_email.as_ref().map(|e| e.as_str().to_owned()))
            .bind(contact.cvr.as_ref().map(|c| c.as_str().to_owned()))
            .execute(&self.inner.write)
            .await
            .map_err(StoreError::from_insert)?;
        Ok(Org {
            code: code.to_owned(),
            name: name.as_str().to_owned(),
        })
    }

    async fn list_orgs(&self, kind: Kind) -> Result<Vec<Org>, StoreError> {
        let sql = format!("SELECT code, name FROM {} ORDER BY name", kind.table());
        let rows = sqlx::query(&sql).fetch_all(&self.inner.read).await?;
        rows.iter()
            .map(|r| {
                Ok(Org {
                    code: r.try_get("code")?,
                    name: r.try_get("name")?,
                })
            })
            .collect()
    }
}
