//! The language a citizen reads in, chosen by the citizen with the language switch, so that
//! notices and letters follow the pages. Only the citizen sets it: it is their preference, not
//! a case decision, and it is not audited as a read or change of case data.

use domain::{Actor, CitizenId};

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

    /// The language the citizen reads in, for words staff's actions send them (the message
    /// after a no-show or a refused absence). A preference, not case data: not logged as a
    /// read — the action itself is — and only for those who may see the citizen.
    pub async fn citizen_language(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
    ) -> Result<String, StoreError> {
        Ok(self.load_visible(actor, citizen_id).await?.0.language)
    }
}
