//! Live events: "something changed in this message thread", for open chat windows.
//!
//! Every store has an in-process bus. On SQLite there is only one server process, so a change
//! is put on the bus after its commit. On PostgreSQL several server instances may share the
//! database: a change sends `pg_notify` inside its transaction (PostgreSQL delivers it at
//! commit, and not at all on rollback), and every instance's listener puts it on its own bus.
//! Events carry only ids; a subscriber reads what it may through a [`crate::ThreadView`], so
//! nothing private travels here.

use std::sync::atomic::{AtomicBool, Ordering};

use domain::messages::ThreadHolder;
use jiff::Timestamp;
use sqlx::postgres::PgListener;
use tokio::sync::broadcast;

use crate::connect::Backend;
use crate::{Store, clock};

/// The PostgreSQL channel the instances share.
pub(crate) const CHANNEL: &str = "jobunivers_threads";

/// Buffered events per subscriber; one that falls this far behind skips ahead (and reloads).
const BUS_CAPACITY: usize = 4096;

/// A thread is named by its citizen and holder: a view can wait for a thread before its first
/// message exists.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ThreadKey {
    pub citizen_id: String,
    pub holder: ThreadHolder,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadEvent {
    pub thread: ThreadKey,
    pub change: ThreadChange,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThreadChange {
    /// A message was written in the thread.
    Posted { message_id: String },
    /// The citizen (`by_citizen`) or the holder's staff read the thread up to `at`.
    Read { by_citizen: bool, at: Timestamp },
    /// The thread's live chat changed: queued, moved up the queue, taken, ended (issue 21).
    Chat,
    /// The citizen (`by_citizen`) or staff is writing in the chat; nothing is stored.
    Typing { by_citizen: bool },
    /// The queue moved: the thread's waiting chat is now at `position` (1 = next), with the
    /// expected `wait`. Carried in the event so that a thousand waiting pages need not each
    /// ask the server again when one chat is taken.
    Queue {
        position: u32,
        wait: jiff::SignedDuration,
    },
}

impl ThreadEvent {
    /// The NOTIFY payload: `p <citizen> <holder> <message>`, `r <citizen> <holder> c|s <micros>`,
    /// `c <citizen> <holder>`, `t <citizen> <holder> c|s` or `q <citizen> <holder> <position>
    /// <wait seconds>`.
    pub(crate) fn to_payload(&self) -> String {
        let key = format!("{} {}", self.thread.citizen_id, self.thread.holder.as_str());
        match &self.change {
            ThreadChange::Posted { message_id } => format!("p {key} {message_id}"),
            ThreadChange::Read { by_citizen, at } => format!(
                "r {key} {} {}",
                if *by_citizen { "c" } else { "s" },
                clock::to_micros(*at)
            ),
            ThreadChange::Chat => format!("c {key}"),
            ThreadChange::Typing { by_citizen } => {
                format!("t {key} {}", if *by_citizen { "c" } else { "s" })
            }
            ThreadChange::Queue { position, wait } => {
                format!("q {key} {position} {}", wait.as_secs())
            }
        }
    }

    pub(crate) fn from_payload(payload: &str) -> Option<ThreadEvent> {
        let mut parts = payload.split(' ');
        let kind = parts.next()?;
        let thread = ThreadKey {
            citizen_id: parts.next()?.to_owned(),
            holder: ThreadHolder::try_from(parts.next()?).ok()?,
        };
        let change = match kind {
            "p" => ThreadChange::Posted {
                message_id: parts.next()?.to_owned(),
            },
            "r" => ThreadChange::Read {
                by_citizen: parts.next()? == "c",
                at: clock::from_micros(parts.next()?.parse().ok()?),
            },
            "c" => ThreadChange::Chat,
            "t" => ThreadChange::Typing {
                by_citizen: parts.next()? == "c",
            },
            "q" => ThreadChange::Queue {
                position: parts.next()?.parse().ok()?,
                wait: jiff::SignedDuration::from_secs(parts.next()?.parse().ok()?),
            },
            _ => return None,
        };
        parts
            .next()
            .is_none()
            .then_some(ThreadEvent { thread, change })
    }
}

/// On PostgreSQL, the event for every instance, delivered when `tx` commits (never on rollback).
pub(crate) async fn notify_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    event: &ThreadEvent,
) -> Result<(), sqlx::Error> {
    if backend == Backend::Postgres {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(event.to_payload())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The bus and, on PostgreSQL, whether this instance listens yet.
pub(crate) struct EventBus {
    sender: broadcast::Sender<ThreadEvent>,
    listening: AtomicBool,
}

impl Default for EventBus {
    fn default() -> Self {
        Self {
            sender: broadcast::channel(BUS_CAPACITY).0,
            listening: AtomicBool::new(false),
        }
    }
}

impl Store {
    /// Live thread events of every instance. On PostgreSQL the first call starts this
    /// instance's listener, so processes that never serve live views open no extra connection.
    pub async fn subscribe_threads(&self) -> broadcast::Receiver<ThreadEvent> {
        let receiver = self.inner.events.sender.subscribe();
        if self.inner.backend == Backend::Postgres
            && !self.inner.events.listening.swap(true, Ordering::SeqCst)
        {
            self.start_listener().await;
        }
        receiver
    }

    /// An event outside any transaction (after a committed change): on PostgreSQL to every
    /// instance, on SQLite to this process.
    pub(crate) async fn notify_now(&self, event: ThreadEvent) -> Result<(), sqlx::Error> {
        if self.inner.backend == Backend::Postgres {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(event.to_payload())
                .execute(&self.inner.write)
                .await?;
        } else {
            self.announce(event);
        }
        Ok(())
    }

    /// After a committed change on SQLite: tell this process's subscribers.
    pub(crate) fn announce(&self, event: ThreadEvent) {
        if self.inner.backend == Backend::Sqlite {
            // No subscriber is not an error: nobody has the thread open.
            let _ = self.inner.events.sender.send(event);
        }
    }

    async fn start_listener(&self) {
        let url = self.inner.url.clone();
        let sender = self.inner.events.sender.clone();
        let mut listener = match PgListener::connect(&url).await {
            Ok(l) => l,
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for live events; chat updates need a reload");
                self.inner.events.listening.store(false, Ordering::SeqCst);
                return;
            }
        };
        if let Err(e) = listener.listen(CHANNEL).await {
            tracing::error!(error = %e, "LISTEN failed; chat updates need a reload");
            self.inner.events.listening.store(false, Ordering::SeqCst);
            return;
        }
        tokio::spawn(async move {
            loop {
                // `recv` reconnects by itself after a lost connection; events sent meanwhile
                // are lost, and open views catch up at their next reload.
                match listener.recv().await {
                    Ok(n) => {
                        if let Some(event) = ThreadEvent::from_payload(n.payload()) {
                            let _ = sender.send(event);
                        }
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "live event listener failed; retrying");
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_read_back_as_the_same_event() {
        let thread = ThreadKey {
            citizen_id: "c1".into(),
            holder: ThreadHolder::AKasse,
        };
        let events = [
            ThreadChange::Posted {
                message_id: "m1".into(),
            },
            ThreadChange::Read {
                by_citizen: true,
                at: clock::from_micros(1_764_000_000_000_000),
            },
            ThreadChange::Chat,
            ThreadChange::Typing { by_citizen: false },
            ThreadChange::Queue {
                position: 2,
                wait: jiff::SignedDuration::from_secs(240),
            },
        ];
        for change in events {
            let e = ThreadEvent {
                thread: thread.clone(),
                change,
            };
            assert_eq!(ThreadEvent::from_payload(&e.to_payload()), Some(e));
        }
        assert_eq!(ThreadEvent::from_payload("p c1 jobcenter"), None);
        assert_eq!(ThreadEvent::from_payload("p c1 nobody m1"), None);
        assert_eq!(ThreadEvent::from_payload("x c1 jobcenter m1"), None);
        assert_eq!(ThreadEvent::from_payload("p c1 jobcenter m1 extra"), None);
    }
}
