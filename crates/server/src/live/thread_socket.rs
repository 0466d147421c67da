//! `GET /live/citizens/{id}/messages?thread=` (WebSocket): one open message thread, live.
//!
//! The reader is checked, and the read logged, before the upgrade: a caller who may not see the
//! thread gets the API's 404, never a socket. Then the server sends JSON text frames:
//! `{"type":"message","message":{…}}` (as the API's message), `{"type":"read","by":"citizen"|
//! "staff","at":…}` (read receipt) and `{"type":"reload"}` (events were lost). The client may
//! send `{"type":"read"}` when it has shown new messages, and `{"type":"ping"}`. Anything else
//! closes the connection with code 1008 and the reason; nothing is stored.

use axum::extract::ws::{CloseFrame, Message as Frame, WebSocket, WebSocketUpgrade, close_code};
use axum::extract::{FromRequestParts, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::Response;
use domain::{Actor, CitizenId};
use serde::Deserialize;
use serde_json::json;
use store::{StoreError, ThreadChange, ThreadView};
use tokio::sync::broadcast::error::RecvError;

use super::hub::Signal;
use crate::AppState;
use crate::api::messages::{MessageJson, ThreadParams};
use crate::error::ApiError;
use crate::extract::{ApiPath, ApiQuery, SESSION_COOKIE, bearer_or_cookie_token, cookie_value};

/// Client frames are tiny; anything bigger is not ours.
const MAX_CLIENT_FRAME: usize = 1024;

/// The caller, by bearer token (programs) or session cookie (the pages' script), and the token,
/// so that an open socket can follow its session. A cookie is only accepted from a page of this
/// server (`Origin` matches `Host`), so another site cannot open a socket with a visitor's
/// cookie.
pub struct LiveActor(pub Actor, pub String);

/// How often an open socket asks whether its session still stands (sign-out on any instance,
/// expiry): a socket outlives its session by at most this.
pub const SESSION_CHECK: std::time::Duration = std::time::Duration::from_secs(5);

/// Why a socket is closed when its session has ended: a stable code, as close reasons are for
/// programs (the page says it in the reader's language from its own texts).
pub const SIGNED_OUT: &str = "signed_out";

/// Whether the session behind `token` still stands. Only its absence ends a socket; a passing
/// database error does not sign anyone out.
pub async fn session_ended(state: &AppState, token: &str) -> bool {
    match state.store.session_stands(token).await {
        Ok(_) => false,
        Err(StoreError::NotFound) => true,
        Err(e) => {
            tracing::warn!(error = %e, "session of an open socket not checked");
            false
        }
    }
}

impl FromRequestParts<AppState> for LiveActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let by_cookie = parts.headers.get(header::AUTHORIZATION).is_none()
            && cookie_value(parts, SESSION_COOKIE).is_some();
        if by_cookie && !same_origin(parts) {
            return Err(ApiError::Forbidden);
        }
        let token = bearer_or_cookie_token(parts, true).ok_or(ApiError::Unauthorized)?;
        match state.store.actor_for_token(&token).await {
            Ok(actor) => Ok(LiveActor(actor, token)),
            Err(StoreError::NotFound) => Err(ApiError::Unauthorized),
            Err(e) => Err(e.into()),
        }
    }
}

fn same_origin(parts: &Parts) -> bool {
    let header = |name| parts.headers.get(name).and_then(|v| v.to_str().ok());
    match (header(header::ORIGIN), header(header::HOST)) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest == host),
        _ => false,
    }
}

/// The language the page was shown in (its cookie), for what the socket says in words: a
/// citizen's new place in the chat queue. Programs without the cookie get Danish.
pub struct SocketLang(pub crate::i18n::Lang);

impl FromRequestParts<AppState> for SocketLang {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, ApiError> {
        Ok(SocketLang(crate::pages::lang_of(parts)))
    }
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum ClientFrame {
    Read,
    Ping,
    /// The reader is writing (in a chat): the other side sees "skriver …".
    Typing,
}

/// Typing signs one connection passes on, at most one per this interval.
const TYPING_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

pub async fn handler(
    State(state): State<AppState>,
    LiveActor(actor, token): LiveActor,
    ApiPath(id): ApiPath<CitizenId>,
    ApiQuery(params): ApiQuery<ThreadParams>,
    SocketLang(lang): SocketLang,
    ws: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let requested = params.holder()?;
    let view = state.store.open_thread(&actor, &id, requested).await?;
    // Listening before the upgrade answers: the page counts itself connected when the answer
    // arrives, and a typing sign, which is never stored, sent in between would otherwise be lost
    // (the likely way a browser test once missed "Borgeren skriver" under load).
    let signals = state.live.subscribe(view.key());
    // Small buffers: a connection mostly waits, and 10,000 of them should not each hold the
    // default 128 KiB read buffer.
    Ok(ws
        .max_message_size(MAX_CLIENT_FRAME)
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .on_upgrade(move |socket| session(socket, signals, state, view, token, actor, lang)))
}

/// Session checks between two signs of chat duty (every minute): staff with a thread open are
/// at the chat, and their chats stay theirs (`store::DUTY_STALE`).
const DUTY_EVERY: u32 = 12;

async fn session(
    mut socket: WebSocket,
    mut signals: tokio::sync::broadcast::Receiver<Signal>,
    state: AppState,
    view: ThreadView,
    token: String,
    actor: domain::Actor,
    lang: crate::i18n::Lang,
) {
    let mut check = tokio::time::interval(SESSION_CHECK);
    check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    state.metrics.live_connection(1);
    let mut last_typing = None;
    let mut checks: u32 = 0;
    let reason = loop {
        tokio::select! {
            _ = check.tick() => {
                if session_ended(&state, &token).await {
                    break Some((close_code::POLICY, SIGNED_OUT));
                }
                checks = checks.wrapping_add(1);
                if checks.is_multiple_of(DUTY_EVERY)
                    && matches!(actor, domain::Actor::Staff { .. })
                    && let Err(e) = state.store.chat_duty_seen(&actor).await
                {
                    tracing::warn!(error = %e, "chat duty not kept");
                }
            }
            signal = signals.recv() => {
                let frame = match signal {
                    Ok(Signal::Change(ThreadChange::Posted { message_id })) => {
                        match state.store.message_in(&view, &message_id).await {
                            Ok(Some(m)) => json!({"type": "message", "message": MessageJson::from(m)}),
                            Ok(None) => continue,
                            Err(e) => {
                                tracing::warn!(error = %e, "live message not read");
                                json!({"type": "reload"})
                            }
                        }
                    }
                    Ok(Signal::Change(ThreadChange::Read { by_citizen, at })) => json!({
                        "type": "read",
                        "by": if by_citizen { "citizen" } else { "staff" },
                        "at": crate::time_fmt::rfc3339(at),
                    }),
                    Ok(Signal::Change(ThreadChange::Chat)) => json!({"type": "chat"}),
                    // The citizen's new place, in their words; staff have the queue page.
                    Ok(Signal::Change(ThreadChange::Queue { position, wait })) => {
                        if !view.is_citizen() {
                            continue;
                        }
                        let t = crate::i18n::Texts { lang };
                        json!({
                            "type": "queue",
                            "position": position,
                            "wait_minutes": (wait.as_secs() + 59).div_euclid(60),
                            "status": crate::pages::chat_waiting(t, Some(position), Some(wait)),
                        })
                    }
                    Ok(Signal::Change(ThreadChange::Typing { by_citizen })) => json!({
                        "type": "typing",
                        "by": if by_citizen { "citizen" } else { "staff" },
                    }),
                    Ok(Signal::Resync) | Err(RecvError::Lagged(_)) => json!({"type": "reload"}),
                    Err(RecvError::Closed) => break None,
                };
                if socket.send(Frame::Text(frame.to_string().into())).await.is_err() {
                    break None;
                }
            }
            frame = socket.recv() => match frame {
                None | Some(Err(_)) | Some(Ok(Frame::Close(_))) => break None,
                Some(Ok(Frame::Ping(_) | Frame::Pong(_))) => {}
                Some(Ok(Frame::Binary(_))) => {
                    break Some((close_code::UNSUPPORTED, "Kun tekstbeskeder (JSON) modtages."));
                }
                Some(Ok(Frame::Text(text))) => match serde_json::from_str::<ClientFrame>(&text) {
                    Ok(ClientFrame::Read) => {
                        if let Err(e) = state.store.mark_thread_read(&view).await {
                            tracing::warn!(error = %e, "read receipt not stored");
                        }
                    }
                    Ok(ClientFrame::Typing) => {
                        let due = last_typing.is_none_or(|at: tokio::time::Instant| at.elapsed() >= TYPING_EVERY);
                        if due && view.may_write() {
                            last_typing = Some(tokio::time::Instant::now());
                            if let Err(e) = state.store.announce_typing(&view).await {
                                tracing::warn!(error = %e, "typing sign not passed on");
                            }
                        }
                    }
                    Ok(ClientFrame::Ping) => {
                        let pong = json!({"type": "pong"}).to_string();
                        if socket.send(Frame::Text(pong.into())).await.is_err() {
                            break None;
                        }
                    }
                    Err(_) => break Some((close_code::POLICY, "Ugyldig besked: forventede {\"type\":\"read\"}, {\"type\":\"typing\"} eller {\"type\":\"ping\"}.")),
                },
            },
        }
    };
    if let Some((code, reason)) = reason {
        let close = CloseFrame {
            code,
            reason: reason.into(),
        };
        let _ = socket.send(Frame::Close(Some(close))).await;
    }
    state.metrics.live_connection(-1);
}
