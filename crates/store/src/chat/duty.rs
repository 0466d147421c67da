//! Who is on chat duty ("på chat"). A staff member says so themself; a duty row not seen for
//! [`DUTY_STALE`] no longer counts, so a queue never waits for someone who went home without
//! saying so, and their open chats go back to the queue (`Store::return_stranded_chats`). The
//! chat pages are the sign of life: the queue page refreshes itself every ten seconds, and an
//! open thread's live connection says so every minute.

use domain::Actor;
use jiff::SignedDuration;
use sqlx::Row;

use super::ChatOrg;
use crate::{Store, StoreError};

/// How long being on duty lasts without a sign of life from the chat pages: long enough for a
/// reload or a dropped connection, short enough that a citizen is not left with nobody.
pub const DUTY_STALE: SignedDuration = SignedDuration::from_mins(5);

impl Store {
    /// Puts the staff member on chat duty (`on`) or takes them off it.
    pub async fn set_chat_duty(&self, actor: &Actor, on: bool) -> Result<(), StoreError> {
        let org = ChatOrg::of_staff(actor).ok_or(StoreError::Forbidden)?;
        let now = self.now_micros();
        if on {
            sqlx::query(
                "INSERT INTO chat_duty (staff_id, holder, org_code, since, seen_at) VALUES ($1, $2, $3, $4, $4) \
                 ON CONFLICT (staff_id) DO UPDATE SET seen_at = $4",
            )
            .bind(actor.id())
            .bind(org.holder.as_str())
            .bind(&org.code)
            .bind(now)
            .execute(&self.inner.write)
            .await?;
        } else {
            sqlx::query("DELETE FROM chat_duty WHERE staff_id = $1")
                .bind(actor.id())
                .execute(&self.inner.write)
                .await?;
        }
        self.announce_queue(&org).await
    }

    /// Whether the staff member counts as on duty now; a sign of life keeps them on it.
    pub async fn chat_duty_seen(&self, actor: &Actor) -> Result<bool, StoreError> {
        let now = self.now_micros();
        let done =
            sqlx::query("UPDATE chat_duty SET seen_at = $1 WHERE staff_id = $2 AND seen_at > $3")
                .bind(now)
                .bind(actor.id())
                .bind(now - stale_micros())
                .execute(&self.inner.write)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The organisation's other staff on duty now, with their names, for handing a chat over.
    pub async fn chat_colleagues_on_duty(
        &self,
        actor: &Actor,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let org = ChatOrg::of_staff(actor).ok_or(StoreError::Forbidden)?;
        let rows = sqlx::query(
            "SELECT d.staff_id, s.name FROM chat_duty d JOIN staff s ON s.id = d.staff_id \
             WHERE d.holder = $1 AND d.org_code = $2 AND d.seen_at > $3 AND d.staff_id <> $4 \
             ORDER BY s.name",
        )
        .bind(org.holder.as_str())
        .bind(&org.code)
        .bind(self.now_micros() - stale_micros())
        .bind(actor.id())
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("staff_id")?, r.try_get("name")?)))
            .collect()
    }

    /// How many of the organisation's staff are on duty now.
    pub(crate) async fn duty_count(&self, org: &ChatOrg) -> Result<u32, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM chat_duty WHERE holder = $1 AND org_code = $2 AND seen_at > $3",
        )
        .bind(org.holder.as_str())
        .bind(&org.code)
        .bind(self.now_micros() - stale_micros())
        .fetch_one(&self.inner.read)
        .await?;
        Ok(u32::try_from(row.try_get::<i64, _>("n")?).unwrap_or(0))
    }
}

pub(super) fn stale_micros() -> i64 {
    i64::try_from(DUTY_STALE.as_micros()).unwrap_or(i64::MAX)
}
