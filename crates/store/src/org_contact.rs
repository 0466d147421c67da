//! How citizens reach an organisation (`0022_org_contact.sql`): its phone number and hours and
//! its e-mail, given by administrators when they register it (`Store::create_municipality`,
//! `create_fund`), read by everyone (the contact page is public: they are public bodies'
//! switchboards, not personal data).

use domain::{Cvr, EmailAddress, PhoneNumber};
use sqlx::Row;

use crate::{Store, StoreError};

/// The most characters of phone hours kept.
pub const MAX_PHONE_HOURS: usize = 100;

/// An organisation's contact details, as set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgContact {
    pub phone: Option<PhoneNumber>,
    /// "mandag–fredag kl. 9–15".
    pub phone_hours: Option<String>,
    pub email: Option<EmailAddress>,
    /// The data protection officer (GDPR art. 37; their address in the privacy notice).
    pub dpo_email: Option<EmailAddress>,
    /// Its CVR number; a municipality's is the sender of its Digital Post.
    pub cvr: Option<Cvr>,
}

/// One organisation on the contact page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgContactCard {
    pub code: String,
    pub name: String,
    /// `true` for an a-kasse, `false` for a municipality (its jobcentre).
    pub is_fund: bool,
    /// E.164, as stored.
    pub phone: Option<String>,
    pub phone_hours: Option<String>,
    pub email: Option<String>,
    pub dpo_email: Option<String>,
}

impl Store {
    /// Every organisation's contact details, municipalities first, each kind by name.
    pub async fn org_contacts(&self) -> Result<Vec<OrgContactCard>, StoreError> {
        let rows = sqlx::query(
            "SELECT code, name, CAST(0 AS BIGINT) AS is_fund, phone, phone_hours, email, dpo_email FROM municipalities \
             UNION ALL SELECT code, name, CAST(1 AS BIGINT) AS is_fund, phone, phone_hours, email, dpo_email \
             FROM unemployment_funds \
             ORDER BY is_fund, name",
        )
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OrgContactCard {
                    code: r.try_get("code")?,
                    name: r.try_get("name")?,
                    is_fund: r.try_get::<i64, _>("is_fund")? != 0,
                    phone: r.try_get("phone")?,
                    phone_hours: r.try_get("phone_hours")?,
                    email: r.try_get("email")?,
                    dpo_email: r.try_get("dpo_email")?,
                })
            })
            .collect()
    }
}
