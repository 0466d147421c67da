//! The language a citizen reads in, chosen by the citizen with the language switch, so that
//! notices and letters follow the pages. Only the citizen sets it: it is their preference, not
//! a case decision, and it is not audited as a read or change of case data.

use domain::Actor;

use crate::{Store, StoreError};

impl Store {
    /// Remembers `code` (a BCP 47 code the caller has parsed) as the signed-in citizen's
    /// language; anyone else is refused.
    pub async fn set_own_language(&self, actor: &Actor, code: &str) -> Result<(), StoreError> {
        let Actor::Citizen { citizen_id, .. } = actor else {
            return Err(StoreError::Forbidden);
        };
        sqlx::query("UPDATE citizens SET language = $1 WHERE id = $2")
            .bind(code)
            .bind(citizen_id.as_str())
            .execute(&self.inner.write)
            .await?;
        Ok(())
    }
}
