//! The chat's figures for the manager's report, over the chats asked for in a period and scope.

use domain::chat::figures::{ChatFacts, ChatFigures, figures};
use jiff::Timestamp;
use sqlx::Row;

use crate::contact_report::ReportScope;
use crate::{Store, StoreError, clock};

impl Store {
    /// The figures of the chats asked for in [from, to) with the scope's organisation(s): a
    /// municipality's jobcentre, an a-kasse, or all.
    pub async fn chat_figures(
        &self,
        scope: &ReportScope,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<ChatFigures, StoreError> {
        let (holder, code) = scope.chat_org();
        let rows = sqlx::query(
            "SELECT requested_at, taken_at, outcome, conversation FROM chats \
             WHERE requested_at >= $1 AND requested_at < $2 \
             AND ($3 = '' OR (holder = $3 AND org_code = $4))",
        )
        .bind(clock::to_micros(from))
        .bind(clock::to_micros(to))
        .bind(holder)
        .bind(code)
        .fetch_all(&self.inner.read)
        .await?;
        let outcomes: Vec<Option<String>> = rows
            .iter()
            .map(|r| r.try_get("outcome"))
            .collect::<Result<_, _>>()?;
        let mut facts = Vec::with_capacity(rows.len());
        for (r, outcome) in rows.iter().zip(&outcomes) {
            facts.push(ChatFacts {
                requested_at: clock::from_micros(r.try_get("requested_at")?),
                taken_at: r
                    .try_get::<Option<i64>, _>("taken_at")?
                    .map(clock::from_micros),
                outcome: outcome.as_deref(),
                conversation: r.try_get::<i64, _>("conversation")? == 1,
            });
        }
        Ok(figures(&facts))
    }

    /// The chats asked for in [from, to) that staff took, and of those the conversations: the
    /// contact report's chat row (`Store::contact_report`), counted by the database.
    pub(crate) async fn chat_contacts(
        &self,
        scope: &ReportScope,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<(u64, u64), StoreError> {
        let (condition, value) = scope.on_chats();
        let row = sqlx::query(&format!(
            "SELECT COUNT(taken_at) AS taken, \
             CAST(COALESCE(SUM(conversation), 0) AS BIGINT) AS conversations FROM chats \
             WHERE requested_at >= $1 AND requested_at < $2 AND {condition}"
        ))
        .bind(clock::to_micros(from))
        .bind(clock::to_micros(to))
        .bind(value)
        .fetch_one(&self.inner.read)
        .await?;
        let n = |c: &str| -> Result<u64, StoreError> {
            Ok(u64::try_from(row.try_get::<i64, _>(c)?).unwrap_or(0))
        };
        Ok((n("taken")?, n("conversations")?))
    }
}
