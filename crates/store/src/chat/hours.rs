//! Chat opening hours per organisation, set by its managers (or an administrator) and read by
//! everyone who asks whether the chat is open.

use domain::chat::ChatHours;
use domain::{Actor, Role};
use sqlx::Row;

use super::ChatOrg;
use crate::{Store, StoreError};

impl Store {
    /// The organisation's chat hours; closed every day when none are set.
    pub async fn chat_hours(&self, org: &ChatOrg) -> Result<ChatHours, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT chat_hours FROM {} WHERE code = $1",
            org.table()
        ))
        .bind(&org.code)
        .fetch_optional(&self.inner.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        let stored: Option<String> = row.try_get("chat_hours")?;
        // What this store wrote always parses; anything else is treated as closed, and said.
        Ok(match stored.as_deref().map(ChatHours::from_stored) {
            Some(Ok(hours)) => hours,
            Some(Err(e)) => {
                tracing::warn!(org = %org.code, error = %e, "stored chat hours do not parse; chat closed");
                ChatHours::default()
            }
            None => ChatHours::default(),
        })
    }

    /// Sets the chat hours: the organisation's managers, or an administrator.
    pub async fn set_chat_hours(
        &self,
        actor: &Actor,
        org: &ChatOrg,
        hours: &ChatHours,
    ) -> Result<(), StoreError> {
        let allowed = match actor {
            Actor::Admin { .. } => true,
            Actor::Staff { role, .. } => {
                *role == Role::Manager && ChatOrg::of_staff(actor).as_ref() == Some(org)
            }
            Actor::Citizen { .. } => false,
        };
        if !allowed {
            return Err(StoreError::Forbidden);
        }
        let done = sqlx::query(&format!(
            "UPDATE {} SET chat_hours = $1 WHERE code = $2",
            org.table()
        ))
        .bind(hours.to_stored())
        .bind(&org.code)
        .execute(&self.inner.write)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
