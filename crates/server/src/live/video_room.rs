//! The video rooms of this server: who is in each, who waits, and relaying WebRTC signalling
//! (offers, answers, ICE candidates) between them. Media never passes through the server: the
//! browsers connect to each other (through TURN when configured).
//!
//! A room lives while someone is in it. Staff are in as soon as they enter; the citizen waits
//! until a member of staff lets them in. Only those in the room can signal each other, so a
//! waiting citizen sees and sends nothing. (Rooms are per server instance: with several
//! instances, route `/live/meetings/{id}` by meeting id so both ends reach the same one.)

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use domain::meetings::RoomRole;
use serde_json::{Value, json};
use tokio::sync::{Notify, mpsc};

pub type PeerId = u64;

/// Frames waiting for one peer's socket. A peer who stops reading while others keep sending
/// (1,500 frames of 60 KB grew the server by 80 MB) is cut off once this many wait: at most
/// 64 × 64 KB per connection.
pub const QUEUE: usize = 64;

/// The way to one peer's connection: its frames, and the signal that it fell too far behind.
pub struct PeerLink {
    pub frames: mpsc::Sender<String>,
    pub too_slow: Arc<Notify>,
}

impl PeerLink {
    /// A link and the receiving end its connection reads from.
    pub fn new() -> (Self, mpsc::Receiver<String>) {
        let (frames, rx) = mpsc::channel(QUEUE);
        let link = Self {
            frames,
            too_slow: Arc::new(Notify::new()),
        };
        (link, rx)
    }
}

struct Peer {
    role: RoomRole,
    name: String,
    admitted: bool,
    link: PeerLink,
}

#[derive(Default)]
struct Room {
    peers: HashMap<PeerId, Peer>,
}

impl Room {
    fn send(&self, to: PeerId, frame: &Value) {
        if let Some(peer) = self.peers.get(&to) {
            // A peer whose socket has closed is removed by its own task; one whose queue is
            // full is told to go (its task closes the connection with the reason).
            if let Err(mpsc::error::TrySendError::Full(_)) =
                peer.link.frames.try_send(frame.to_string())
            {
                peer.link.too_slow.notify_one();
            }
        }
    }

    fn describe(&self, id: PeerId) -> Value {
        let p = &self.peers[&id];
        json!({"id": id, "name": p.name, "role": p.role.as_str()})
    }

    fn admitted_except(&self, id: PeerId) -> Vec<PeerId> {
        let mut ids: Vec<PeerId> = self
            .peers
            .iter()
            .filter(|(other, p)| **other != id && p.admitted)
            .map(|(other, _)| *other)
            .collect();
        ids.sort_unstable();
        ids
    }

    /// Tells `id` it is in, with who is there, and tells them it came.
    fn enter(&self, id: PeerId) {
        let others = self.admitted_except(id);
        let peers: Vec<Value> = others.iter().map(|o| self.describe(*o)).collect();
        self.send(id, &json!({"type": "in_room", "you": id, "peers": peers}));
        for other in others {
            self.send(
                other,
                &json!({"type": "peer_joined", "peer": self.describe(id)}),
            );
        }
    }
}

/// Why a request inside a room was refused; sent back as `{"type":"error","code":…}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomError {
    /// No such peer in the room (or not let in yet).
    UnknownPeer,
    /// Only staff in the room may let someone in; the citizen may not signal while waiting.
    NotAllowed,
}

impl RoomError {
    pub fn code(self) -> &'static str {
        match self {
            RoomError::UnknownPeer => "unknown_peer",
            RoomError::NotAllowed => "not_allowed",
        }
    }
}

#[derive(Default)]
pub struct Rooms {
    rooms: Mutex<HashMap<String, Room>>,
    next: std::sync::atomic::AtomicU64,
}

impl Rooms {
    fn with<T>(&self, meeting: &str, f: impl FnOnce(&mut Room) -> T) -> T {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        let room = rooms.entry(meeting.to_owned()).or_default();
        let out = f(room);
        if room.peers.is_empty() {
            rooms.remove(meeting);
        }
        out
    }

    /// Someone enters: staff go in, the citizen waits (and staff in the room are told).
    pub fn join(&self, meeting: &str, role: RoomRole, name: &str, link: PeerLink) -> PeerId {
        let id = 1 + self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.with(meeting, |room| {
            let admitted = !role.waits();
            room.peers.insert(
                id,
                Peer {
                    role,
                    name: name.to_owned(),
                    admitted,
                    link,
                },
            );
            if admitted {
                room.enter(id);
                // Staff see who is already waiting.
                let waiting: Vec<PeerId> = room
                    .peers
                    .iter()
                    .filter(|(_, p)| !p.admitted)
                    .map(|(w, _)| *w)
                    .collect();
                for w in waiting {
                    room.send(id, &json!({"type": "waiting", "peer": room.describe(w)}));
                }
            } else {
                room.send(id, &json!({"type": "waiting_room"}));
                for staff in room.admitted_except(id) {
                    room.send(
                        staff,
                        &json!({"type": "waiting", "peer": room.describe(id)}),
                    );
                }
            }
        });
        id
    }

    /// Staff in the room let a waiting citizen in.
    pub fn admit(&self, meeting: &str, by: PeerId, who: PeerId) -> Result<(), RoomError> {
        self.with(meeting, |room| {
            let staff_in = room
                .peers
                .get(&by)
                .is_some_and(|p| p.admitted && !p.role.waits());
            if !staff_in {
                return Err(RoomError::NotAllowed);
            }
            match room.peers.get_mut(&who) {
                Some(p) if !p.admitted => p.admitted = true,
                _ => return Err(RoomError::UnknownPeer),
            }
            room.enter(who);
            Ok(())
        })
    }

    /// Relays an offer, answer or ICE candidate between two people in the room.
    pub fn signal(
        &self,
        meeting: &str,
        from: PeerId,
        to: PeerId,
        data: Value,
    ) -> Result<(), RoomError> {
        self.with(meeting, |room| {
            if !room.peers.get(&from).is_some_and(|p| p.admitted) {
                return Err(RoomError::NotAllowed);
            }
            if from == to || !room.peers.get(&to).is_some_and(|p| p.admitted) {
                return Err(RoomError::UnknownPeer);
            }
            room.send(to, &json!({"type": "signal", "from": from, "data": data}));
            Ok(())
        })
    }

    /// Someone leaves (or their connection drops); the others are told.
    pub fn leave(&self, meeting: &str, id: PeerId) {
        self.with(meeting, |room| {
            if room.peers.remove(&id).is_some() {
                for other in room.peers.keys().copied().collect::<Vec<_>>() {
                    room.send(other, &json!({"type": "peer_left", "peer": id}));
                }
            }
        });
    }

    /// Rooms with someone in them, for tests and metrics.
    pub fn open_rooms(&self) -> usize {
        self.rooms.lock().map(|r| r.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(rx: &mut mpsc::Receiver<String>) -> Vec<Value> {
        let mut out = Vec::new();
        while let Ok(f) = rx.try_recv() {
            out.push(serde_json::from_str(&f).expect("json"));
        }
        out
    }

    fn types(v: &[Value]) -> Vec<&str> {
        v.iter()
            .map(|f| f["type"].as_str().expect("type"))
            .collect()
    }

    #[test]
    fn the_citizen_waits_until_staff_let_them_in_and_then_they_can_signal() {
        let rooms = Rooms::default();
        let (ctx, mut crx) = PeerLink::new();
        let (stx, mut srx) = PeerLink::new();
        let citizen = rooms.join("m1", RoomRole::Citizen, "Åse", ctx);
        assert_eq!(types(&frames(&mut crx)), vec!["waiting_room"]);
        // Waiting: cannot signal anyone, cannot let themself in.
        assert_eq!(
            rooms.signal("m1", citizen, 99, json!({})),
            Err(RoomError::NotAllowed)
        );
        assert_eq!(
            rooms.admit("m1", citizen, citizen),
            Err(RoomError::NotAllowed)
        );

        let host = rooms.join("m1", RoomRole::Host, "Karen", stx);
        let got = frames(&mut srx);
        assert_eq!(types(&got), vec!["in_room", "waiting"]);
        assert_eq!(got[1]["peer"]["name"], "Åse");
        assert!(
            frames(&mut crx).is_empty(),
            "nobody tells the waiting citizen who is there"
        );

        rooms.admit("m1", host, citizen).expect("admit");
        let got = frames(&mut crx);
        assert_eq!(types(&got), vec!["in_room"]);
        assert_eq!(got[0]["peers"][0]["id"], host);
        assert_eq!(types(&frames(&mut srx)), vec!["peer_joined"]);

        rooms
            .signal("m1", citizen, host, json!({"sdp": "offer"}))
            .expect("signal");
        let got = frames(&mut srx);
        assert_eq!(got[0]["from"], citizen);
        assert_eq!(got[0]["data"]["sdp"], "offer");
        assert_eq!(
            rooms.signal("m1", host, 12345, json!({})),
            Err(RoomError::UnknownPeer)
        );

        rooms.leave("m1", citizen);
        assert_eq!(types(&frames(&mut srx)), vec!["peer_left"]);
        rooms.leave("m1", host);
        assert_eq!(rooms.open_rooms(), 0, "an empty room is gone");
    }

    #[test]
    fn a_joint_meeting_has_three_and_the_newcomer_calls_both() {
        let rooms = Rooms::default();
        let (htx, mut hrx) = PeerLink::new();
        let (atx, mut arx) = PeerLink::new();
        let (ctx, mut crx) = PeerLink::new();
        let host = rooms.join("m1", RoomRole::Host, "Karen", htx);
        let adviser = rooms.join("m1", RoomRole::Adviser, "Aase", atx);
        let got = frames(&mut arx);
        assert_eq!(got[0]["type"], "in_room");
        assert_eq!(
            got[0]["peers"][0]["id"], host,
            "the adviser goes straight in"
        );
        assert_eq!(types(&frames(&mut hrx)), vec!["in_room", "peer_joined"]);

        let citizen = rooms.join("m1", RoomRole::Citizen, "Søren", ctx);
        assert_eq!(types(&frames(&mut hrx)), vec!["waiting"]);
        assert_eq!(
            types(&frames(&mut arx)),
            vec!["waiting"],
            "both staff see who waits"
        );
        rooms
            .admit("m1", adviser, citizen)
            .expect("the adviser may let in too");
        let got = frames(&mut crx);
        let inside = got
            .iter()
            .find(|f| f["type"] == "in_room")
            .expect("in_room");
        let mut ids: Vec<u64> = inside["peers"]
            .as_array()
            .expect("peers")
            .iter()
            .map(|p| p["id"].as_u64().expect("id"))
            .collect();
        ids.sort_unstable();
        assert_eq!(ids, vec![host, adviser], "the citizen calls both");
    }

    #[test]
    fn rooms_are_separate() {
        let rooms = Rooms::default();
        let (atx, _arx) = PeerLink::new();
        let (btx, mut brx) = PeerLink::new();
        let a = rooms.join("m1", RoomRole::Host, "A", atx);
        let _b = rooms.join("m2", RoomRole::Host, "B", btx);
        assert_eq!(types(&frames(&mut brx)), vec!["in_room"]);
        assert_eq!(
            rooms.signal("m1", a, 2, json!({})),
            Err(RoomError::UnknownPeer)
        );
        assert!(frames(&mut brx).is_empty());
    }

    #[test]
    fn a_peer_who_does_not_read_is_cut_off_and_holds_at_most_the_queue() {
        let rooms = Rooms::default();
        let (host, _hrx) = PeerLink::new();
        let (adviser, arx) = PeerLink::new();
        let slow = adviser.too_slow.clone();
        let h = rooms.join("m1", RoomRole::Host, "Karen", host);
        let a = rooms.join("m1", RoomRole::Adviser, "Aase", adviser);
        let frame = json!({"sdp": "x".repeat(60 * 1024)});
        for _ in 0..1_500 {
            assert_eq!(rooms.signal("m1", h, a, frame.clone()), Ok(()));
        }
        // Nothing beyond the queue was kept for the adviser, and their task was told to go.
        assert_eq!(arx.len(), QUEUE);
        let told = slow.notified();
        tokio::pin!(told);
        assert!(
            futures_util::FutureExt::now_or_never(told.as_mut()).is_some(),
            "the slow peer's task is told"
        );
    }
}
