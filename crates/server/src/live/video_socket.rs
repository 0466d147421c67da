//! `GET /live/meetings/{id}/video` (WebSocket): the signalling of a video meeting's room.
//!
//! Only the meeting's participants get a socket (404 for anyone else, before the upgrade; 409
//! when the room is closed). Server frames: `waiting_room` (you wait to be let in), `in_room`
//! (`you`, `peers`: send each an offer), `waiting` (staff: someone waits), `peer_joined`,
//! `peer_left`, `signal` (`from`, `data`), `error` (`code`). Client frames: `{"type":"admit",
//! "peer":n}` (staff), `{"type":"signal","to":n,"data":{…}}`, `{"type":"leave"}`. Anything else
//! closes the connection with code 1008 and the reason.

use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message as Frame, WebSocket, WebSocketUpgrade, close_code};
use axum::response::Response;
use domain::MeetingId;
use domain::meetings::RoomRole;
use serde::Deserialize;
use serde_json::{Value, json};

use super::thread_socket::{LiveActor, SESSION_CHECK, SIGNED_OUT, session_ended};
use super::video_room::{PeerId, PeerLink};
use crate::AppState;
use crate::error::ApiError;
use crate::extract::ApiPath;

/// An SDP offer is a few kilobytes; nothing a browser sends here comes near this.
const MAX_CLIENT_FRAME: usize = 64 * 1024;

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum ClientFrame {
    Admit {
        peer: PeerId,
    },
    Signal {
        to: PeerId,
        data: serde_json::Map<String, Value>,
    },
    Leave,
}

pub async fn handler(
    State(state): State<AppState>,
    LiveActor(actor, token): LiveActor,
    ApiPath(id): ApiPath<MeetingId>,
    ws: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let (meeting, role) = state.store.video_room(&actor, &id, true).await?;
    let name = actor.name().to_owned();
    Ok(ws
        .max_message_size(MAX_CLIENT_FRAME)
        .read_buffer_size(8 * 1024)
        .on_upgrade(move |socket| {
            session(
                socket,
                state,
                meeting.id.to_string(),
                role,
                name,
                Some(token),
            )
        }))
}

/// `GET /live/meetings/{id}/video/tolk/{secret}`: the interpreter's socket (issue 19). The
/// link's secret is the key; there is no session to follow, so the socket lives as long as the
/// room lets it, and the interpreter waits to be let in like the citizen.
pub async fn interpreter_handler(
    State(state): State<AppState>,
    axum::extract::Path((id, secret)): axum::extract::Path<(String, String)>,
    ws: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let id = MeetingId::try_from(id.as_str()).map_err(|_| ApiError::NotFound)?;
    let (meeting, role) = state.store.video_room_by_link(&id, &secret).await?;
    let name = meeting
        .interpreter
        .as_ref()
        .map(|i| i.provider_name.clone())
        .unwrap_or_default();
    Ok(ws
        .max_message_size(MAX_CLIENT_FRAME)
        .read_buffer_size(8 * 1024)
        .on_upgrade(move |socket| session(socket, state, meeting.id.to_string(), role, name, None)))
}

async fn session(
    mut socket: WebSocket,
    state: AppState,
    meeting: String,
    role: RoomRole,
    name: String,
    token: Option<String>,
) {
    let (link, mut frames) = PeerLink::new();
    let too_slow = link.too_slow.clone();
    let me = state.rooms.join(&meeting, role, &name, link);
    let mut check = tokio::time::interval(SESSION_CHECK);
    check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    state.metrics.live_connection(1);
    let reason = loop {
        tokio::select! {
            _ = check.tick() => {
                if let Some(token) = &token && session_ended(&state, token).await {
                    break Some((close_code::POLICY, SIGNED_OUT));
                }
            }
            () = too_slow.notified() => {
                break Some((close_code::AGAIN, "too_slow"));
            }
            frame = frames.recv() => match frame {
                Some(text) => {
                    if socket.send(Frame::Text(text.into())).await.is_err() {
                        break None;
                    }
                }
                None => break None,
            },
            frame = socket.recv() => match frame {
                None | Some(Err(_)) | Some(Ok(Frame::Close(_))) => break None,
                Some(Ok(Frame::Ping(_) | Frame::Pong(_))) => {}
                Some(Ok(Frame::Binary(_))) => {
                    break Some((close_code::UNSUPPORTED, "Kun tekstbeskeder (JSON) modtages."));
                }
                Some(Ok(Frame::Text(text))) => {
                    let result = match serde_json::from_str::<ClientFrame>(&text) {
                        Ok(ClientFrame::Admit { peer }) => state.rooms.admit(&meeting, me, peer),
                        Ok(ClientFrame::Signal { to, data }) => {
                            state.rooms.signal(&meeting, me, to, Value::Object(data))
                        }
                        Ok(ClientFrame::Leave) => break None,
                        Err(_) => break Some((close_code::POLICY, "Ugyldig besked til videorummet.")),
                    };
                    if let Err(e) = result {
                        let error = json!({"type": "error", "code": e.code()}).to_string();
                        if socket.send(Frame::Text(error.into())).await.is_err() {
                            break None;
                        }
                    }
                }
            },
        }
    };
    state.rooms.leave(&meeting, me);
    if let Some((code, reason)) = reason {
        let close = CloseFrame {
            code,
            reason: reason.into(),
        };
        let _ = socket.send(Frame::Close(Some(close))).await;
    }
    state.metrics.live_connection(-1);
}
