//! Who a Digital Post letter is from and to (issue 19 item 3, ADR 0007): the municipality's CVR
//! number as sender, the citizen's CPR number — unsealed here, at the moment a message is built,
//! and nowhere else — as recipient.

use domain::{CitizenId, Cpr, Cvr};
use sqlx::Row;

use crate::audit::{AuditAction, AuditEntry};
use crate::outbox::system_actor;
use crate::{Store, StoreError};

/// The parties of one Digital Post letter. Either may be missing; the sender then prints the
/// letter instead and says which.
#[derive(Debug)]
pub struct DigitalPostParties {
    /// `None`: no number is kept for this citizen (registered before numbers were sealed, or
    /// bulk data generated without them).
    pub recipient: Option<Cpr>,
    /// `None`: the municipality has no CVR number given.
    pub sender_cvr: Option<Cvr>,
    /// The municipality's name, as the sender's label.
    pub sender_name: String,
}

impl Store {
    /// The parties for a letter to `citizen` from their municipality. Unsealing the number is a
    /// read of the citizen's data, logged before it is returned ("Jobunivers brugte dit
    /// CPR-nummer til at sende et brev til din Digital Post").
    pub async fn digital_post_parties(
        &self,
        citizen: &CitizenId,
    ) -> Result<DigitalPostParties, StoreError> {
        let row = sqlx::query(
            "SELECT c.cpr_sealed, m.cvr, m.name FROM citizens c \
             JOIN municipalities m ON m.code = c.municipality WHERE c.id = $1",
        )
        .bind(citizen.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        let recipient = row
            .try_get::<Option<String>, _>("cpr_sealed")?
            .and_then(|sealed| self.inner.cpr_key.unseal(&sealed, citizen.as_str()));
        // A CVR number that no longer parses is treated as missing: the letter is printed.
        let sender_cvr = row
            .try_get::<Option<String>, _>("cvr")?
            .and_then(|c| Cvr::try_from(c.as_str()).ok());
        if recipient.is_some() {
            self.log_reads(vec![AuditEntry::new(
                self.now_micros(),
                &system_actor(),
                citizen,
                AuditAction::DigitalPostAddressed,
            )])
            .await?;
        }
        Ok(DigitalPostParties {
            recipient,
            sender_cvr,
            sender_name: row.try_get("name")?,
        })
    }
}
