//! A chat's changes reach open views of its thread as [`ThreadChange::Chat`]: the citizen's
//! page shows their place in the queue, who took the chat, that it ended.

use domain::messages::ThreadHolder;
use sqlx::Row;

use super::ChatOrg;
use crate::events::{CHANNEL, ThreadChange, ThreadEvent, ThreadKey};
use crate::{Backend, Store, StoreError};

/// Waiting citizens told at once that the queue moved; the rest see it at their next reload.
const FAN_OUT: i64 = 1000;

impl Store {
    /// Tells open views of `citizen_id`'s thread that its chat changed.
    pub(crate) async fn announce_chat(
        &self,
        citizen_id: &str,
        holder: ThreadHolder,
    ) -> Result<(), StoreError> {
        self.notify_now(ThreadEvent {
            thread: ThreadKey {
                citizen_id: citizen_id.to_owned(),
                holder,
            },
            change: ThreadChange::Chat,
        })
        .await?;
        Ok(())
    }

    /// Tells the other side of an open thread that someone is writing: nothing is stored, and
    /// the sign goes only where the thread is open (the reader's view proves they may).
    pub async fn announce_typing(&self, view: &crate::ThreadView) -> Result<(), StoreError> {
        self.notify_now(ThreadEvent {
            thread: view.key().clone(),
            change: ThreadChange::Typing {
                by_citizen: view.is_citizen(),
            },
        })
        .await?;
        Ok(())
    }

    /// Tells every citizen waiting in `org`'s queue that their place or wait may have changed:
    /// after a chat is taken or ends, or someone goes on or off duty (not when one more joins
    /// at the back: nobody ahead of them moves). On PostgreSQL all of them in one statement —
    /// a round trip per waiting citizen made each take with 1,000 queued cost as much as the
    /// take itself many times over — with the payload [`ThreadEvent::to_payload`] writes.
    pub(crate) async fn announce_queue(&self, org: &ChatOrg) -> Result<(), StoreError> {
        const WAITING: &str = "SELECT citizen_id, holder FROM chats WHERE holder = $1 \
             AND org_code = $2 AND taken_by IS NULL AND ended_at IS NULL \
             ORDER BY requested_at LIMIT $3";
        if self.inner.backend == Backend::Postgres {
            sqlx::query(&format!(
                "SELECT pg_notify($4, 'c ' || w.citizen_id || ' ' || w.holder) FROM ({WAITING}) w"
            ))
            .bind(org.holder.as_str())
            .bind(&org.code)
            .bind(FAN_OUT)
            .bind(CHANNEL)
            .execute(&self.inner.write)
            .await?;
            return Ok(());
        }
        let rows = sqlx::query(WAITING)
            .bind(org.holder.as_str())
            .bind(&org.code)
            .bind(FAN_OUT)
            .fetch_all(&self.inner.read)
            .await?;
        for row in rows {
            self.announce(ThreadEvent {
                thread: ThreadKey {
                    citizen_id: row.try_get("citizen_id")?,
                    holder: org.holder,
                },
                change: ThreadChange::Chat,
            });
        }
        Ok(())
    }
}
