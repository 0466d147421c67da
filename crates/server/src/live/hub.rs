//! One task per server reads the store's thread events and hands each to the connections that
//! have that thread open, through one small channel per open thread. A connection therefore
//! wakes only for its own thread, however many others are open (10,000 clients, 1,000 messages
//! a second: each message wakes its two or three viewers, not everyone).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use store::{Store, ThreadChange, ThreadEvent, ThreadKey};
use tokio::sync::broadcast;

/// What a connection is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    Change(ThreadChange),
    /// Events were lost (the server fell behind): the view should reload.
    Resync,
}

/// Events buffered per open thread before a slow connection is told to reload.
const PER_THREAD: usize = 64;

#[derive(Default)]
pub struct Hub {
    threads: Mutex<HashMap<ThreadKey, broadcast::Sender<Signal>>>,
}

impl Hub {
    /// The hub of this server, fed by the store's events until the process stops.
    pub fn start(store: Store) -> Arc<Hub> {
        let hub = Arc::new(Hub::default());
        let feed = hub.clone();
        tokio::spawn(async move {
            let mut events = store.subscribe_threads().await;
            loop {
                match events.recv().await {
                    Ok(event) => feed.dispatch(event),
                    Err(broadcast::error::RecvError::Lagged(n)) => {
                        tracing::warn!(lost = n, "live events lost; open views reload");
                        feed.resync_all();
                    }
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });
        hub
    }

    /// Signals for one thread, from now on.
    pub fn subscribe(&self, key: &ThreadKey) -> broadcast::Receiver<Signal> {
        let mut threads = self.threads.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(sender) = threads.get(key) {
            return sender.subscribe();
        }
        // Threads whose viewers have all gone are dropped as new ones open.
        if threads.len() >= 1024 && threads.len().is_power_of_two() {
            threads.retain(|_, s| s.receiver_count() > 0);
        }
        let (sender, receiver) = broadcast::channel(PER_THREAD);
        threads.insert(key.clone(), sender);
        receiver
    }

    fn dispatch(&self, event: ThreadEvent) {
        let mut threads = self.threads.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(sender) = threads.get(&event.thread)
            && sender.send(Signal::Change(event.change)).is_err()
        {
            // Nobody has it open any more.
            threads.remove(&event.thread);
        }
    }

    fn resync_all(&self) {
        let threads = self.threads.lock().unwrap_or_else(|e| e.into_inner());
        for sender in threads.values() {
            let _ = sender.send(Signal::Resync);
        }
    }

    /// Open threads with at least one viewer, for metrics.
    pub fn open_threads(&self) -> usize {
        let threads = self.threads.lock().unwrap_or_else(|e| e.into_inner());
        threads.values().filter(|s| s.receiver_count() > 0).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::messages::ThreadHolder;

    fn key(citizen: &str) -> ThreadKey {
        ThreadKey {
            citizen_id: citizen.into(),
            holder: ThreadHolder::Jobcenter,
        }
    }

    fn posted(citizen: &str, message: &str) -> ThreadEvent {
        ThreadEvent {
            thread: key(citizen),
            change: ThreadChange::Posted {
                message_id: message.into(),
            },
        }
    }

    #[test]
    fn each_viewer_gets_only_its_own_threads_events() {
        let hub = Hub::default();
        let mut a = hub.subscribe(&key("a"));
        let mut a2 = hub.subscribe(&key("a"));
        let mut b = hub.subscribe(&key("b"));
        hub.dispatch(posted("a", "m1"));
        let expect = Signal::Change(ThreadChange::Posted {
            message_id: "m1".into(),
        });
        assert_eq!(a.try_recv(), Ok(expect.clone()));
        assert_eq!(a2.try_recv(), Ok(expect));
        assert!(b.try_recv().is_err(), "b's viewer is not woken");
    }

    #[test]
    fn a_thread_nobody_views_is_forgotten() {
        let hub = Hub::default();
        let viewer = hub.subscribe(&key("a"));
        assert_eq!(hub.open_threads(), 1);
        drop(viewer);
        hub.dispatch(posted("a", "m1"));
        assert!(hub.threads.lock().expect("lock").is_empty());
    }
}
