//! What the notification worker needs to tell a citizen of a new message: who they are, who
//! wrote (the organisation, never the text: e-mail and SMS are not private enough for it), and
//! whether they have read it already.

use domain::messages::ThreadHolder;
use jiff::Timestamp;
use sqlx::Row;

use crate::error::parse;
use crate::ids::typed;
use crate::outbox::system_actor;
use crate::{Citizen, Store, StoreError, clock};
use domain::CitizenId;

#[derive(Debug, Clone)]
pub struct MessageNotice {
    pub citizen: Citizen,
    pub holder: ThreadHolder,
    /// "Jobcenter Aalborg" or the a-kasse's name.
    pub organisation_name: String,
    pub sent_at: Timestamp,
    /// When the citizen last opened the thread.
    pub citizen_read_at: Option<Timestamp>,
}

impl Store {
    /// The notice for a message. What is sent is logged for the citizen when it is delivered.
    pub async fn message_notice(&self, message_id: &str) -> Result<MessageNotice, StoreError> {
        let row = sqlx::query(
            "SELECT t.citizen_id, t.holder, t.citizen_read_at, m.sent_at, \
             COALESCE(mu.name, '') AS municipality_name, COALESCE(f.name, '') AS fund_name \
             FROM messages m JOIN message_threads t ON t.id = m.thread_id \
             JOIN citizens c ON c.id = t.citizen_id \
             LEFT JOIN municipalities mu ON mu.code = c.municipality \
             LEFT JOIN unemployment_funds f ON f.code = c.unemployment_fund \
             WHERE m.id = $1",
        )
        .bind(message_id)
        .fetch_optional(self.reader())
        .await?
        .ok_or(StoreError::NotFound)?;
        let holder: ThreadHolder = parse("holder", row.try_get::<&str, _>("holder")?)?;
        let citizen_id: CitizenId = typed("citizen_id", row.try_get("citizen_id")?)?;
        let organisation_name = match holder {
            ThreadHolder::Jobcenter => format!(
                "Jobcenter {}",
                row.try_get::<String, _>("municipality_name")?
            ),
            ThreadHolder::AKasse => row.try_get("fund_name")?,
        };
        let (citizen, _) = self.load_visible(&system_actor(), &citizen_id).await?;
        Ok(MessageNotice {
            citizen,
            holder,
            organisation_name,
            sent_at: clock::from_micros(row.try_get("sent_at")?),
            citizen_read_at: row
                .try_get::<Option<i64>, _>("citizen_read_at")?
                .map(clock::from_micros),
        })
    }
}
