//! A chat's changes reach open views of its thread as [`ThreadChange::Chat`]: the citizen's
//! page shows their place in the queue, who took the chat, that it ended.

use domain::messages::ThreadHolder;
use sqlx::Row;

use super::ChatOrg;
use crate::events::{CHANNEL, ThreadChange, ThreadEvent, ThreadKey};
use crate::{Backend, Store, StoreError};
use domain::chat::queue::expected_wait as queue_wait;

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

    /// Tells every citizen waiting in `org`'s queue their place and wait now
    /// ([`ThreadChange::Queue`]): after a chat is taken or ends, or someone goes on or off duty
    /// (not when one more joins at the back: nobody ahead of them moves). The places are
    /// computed once here, as [`Store::chat_state`] computes one, so a thousand waiting pages
    /// need not each ask again; on PostgreSQL all the NOTIFYs go in one statement per 500.
    pub(crate) async fn announce_queue(&self, org: &ChatOrg) -> Result<(), StoreError> {
        let on_duty = self.duty_count(org).await?;
        let (seats, free, typical) = self.seats(org, on_duty).await?;
        let rows = sqlx::query(
            "SELECT citizen_id FROM chats WHERE holder = $1 AND org_code = $2 \
             AND taken_by IS NULL AND ended_at IS NULL ORDER BY requested_at LIMIT $3",
        )
        .bind(org.holder.as_str())
        .bind(&org.code)
        .bind(FAN_OUT)
        .fetch_all(&self.inner.read)
        .await?;
        let mut events = Vec::with_capacity(rows.len());
        for (ahead, row) in (0u32..).zip(&rows) {
            events.push(ThreadEvent {
                thread: ThreadKey {
                    citizen_id: row.try_get("citizen_id")?,
                    holder: org.holder,
                },
                change: ThreadChange::Queue {
                    position: ahead + 1,
                    wait: queue_wait(ahead, seats, free, typical),
                },
            });
        }
        if self.inner.backend != Backend::Postgres {
            for e in events {
                self.announce(e);
            }
            return Ok(());
        }
        for batch in events.chunks(500) {
            let values = (0..batch.len())
                .map(|i| format!("(${})", i + 2))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!("SELECT pg_notify($1, v.p) FROM (VALUES {values}) AS v(p)");
            let mut q = sqlx::query(&sql).bind(CHANNEL);
            for e in batch {
                q = q.bind(e.to_payload());
            }
            q.execute(&self.inner.write).await?;
        }
        Ok(())
    }
}
