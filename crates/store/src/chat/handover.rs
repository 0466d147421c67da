//! A chat changes hands: a staff member gives it to a colleague on duty (the citizen's own
//! caseworker, say), or it goes back to the queue, in its old place, when the one who had it
//! is gone (no sign of life for [`super::DUTY_STALE`]).

use domain::chat::queue::DEFAULT_MAX_CHATS;
use domain::{Actor, ChatId, StaffId};
use sqlx::Row;

use super::duty::stale_micros;
use super::{Chat, ChatOrg};
use crate::{Store, StoreError};

impl Store {
    /// Gives the actor's open chat to `to`, a colleague of the same organisation on duty with a
    /// seat free. 409 `not_on_duty` / `chat_limit` for them; 404 for a chat the actor does not
    /// hold or a colleague who is not one.
    pub async fn hand_over_chat(
        &self,
        actor: &Actor,
        chat_id: &ChatId,
        to: &StaffId,
    ) -> Result<Chat, StoreError> {
        let org = ChatOrg::of_staff(actor).ok_or(StoreError::Forbidden)?;
        let colleague = sqlx::query(
            "SELECT s.name, CAST(CASE WHEN d.seen_at > $3 THEN 1 ELSE 0 END AS BIGINT) AS on_duty, \
             (SELECT COUNT(*) FROM chats c WHERE c.taken_by = s.id AND c.ended_at IS NULL) AS open \
             FROM staff s LEFT JOIN chat_duty d ON d.staff_id = s.id \
             WHERE s.id = $1 AND CASE WHEN $4 = 'jobcenter' THEN s.municipality \
             ELSE s.unemployment_fund END = $2",
        )
        .bind(to.as_str())
        .bind(&org.code)
        .bind(self.now_micros() - stale_micros())
        .bind(org.holder.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        if colleague.try_get::<i64, _>("on_duty")? != 1 {
            return Err(StoreError::Conflict("not_on_duty"));
        }
        if colleague.try_get::<i64, _>("open")? >= i64::from(DEFAULT_MAX_CHATS) {
            return Err(StoreError::Conflict("chat_limit"));
        }
        let name: String = colleague.try_get("name")?;
        let moved = sqlx::query(
            "UPDATE chats SET taken_by = $1, taken_name = $2 \
             WHERE id = $3 AND taken_by = $4 AND ended_at IS NULL",
        )
        .bind(to.as_str())
        .bind(&name)
        .bind(chat_id.as_str())
        .bind(actor.id())
        .execute(&self.inner.write)
        .await?;
        if moved.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let chat = self.chat(chat_id.as_str()).await?;
        self.announce_chat(chat.citizen_id.as_str(), chat.holder)
            .await?;
        Ok(chat)
    }

    /// Chats whose holder has shown no sign of life for [`super::DUTY_STALE`] go back to the
    /// queue in their old place (they keep when they were asked for). Run by the worker;
    /// returns how many.
    pub async fn return_stranded_chats(&self) -> Result<usize, StoreError> {
        let stale = self.now_micros() - stale_micros();
        let rows = sqlx::query(
            "SELECT id, citizen_id, holder, org_code FROM chats c \
             WHERE c.ended_at IS NULL AND c.taken_by IS NOT NULL AND NOT EXISTS \
             (SELECT 1 FROM chat_duty d WHERE d.staff_id = c.taken_by AND d.seen_at > $1)",
        )
        .bind(stale)
        .fetch_all(&self.inner.read)
        .await?;
        let mut returned = 0;
        for r in rows {
            let done = sqlx::query(
                "UPDATE chats SET taken_by = NULL, taken_name = NULL, taken_at = NULL \
                 WHERE id = $1 AND ended_at IS NULL AND NOT EXISTS \
                 (SELECT 1 FROM chat_duty d WHERE d.staff_id = chats.taken_by AND d.seen_at > $2)",
            )
            .bind(r.try_get::<String, _>("id")?)
            .bind(stale)
            .execute(&self.inner.write)
            .await?;
            if done.rows_affected() == 1 {
                returned += 1;
                let org = ChatOrg {
                    holder: crate::error::parse("holder", r.try_get::<&str, _>("holder")?)?,
                    code: r.try_get("org_code")?,
                };
                self.announce_chat(&r.try_get::<String, _>("citizen_id")?, org.holder)
                    .await?;
                self.announce_queue(&org).await?;
            }
        }
        Ok(returned)
    }
}
