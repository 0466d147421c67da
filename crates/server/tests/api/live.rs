//! /live/citizens/{id}/messages (WebSocket): new messages and read receipts arrive live; the
//! wrong reader gets no socket; a malformed frame closes the connection with a reason.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message as Frame;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

use crate::helpers::{TestApp, spawn_app};
use store::{Backend, backend_tests};

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn connect(
    app: &TestApp,
    citizen: &str,
    token: &str,
) -> Result<Socket, tokio_tungstenite::tungstenite::Error> {
    connect_path(app, &format!("/live/citizens/{citizen}/messages"), token).await
}

/// The next JSON text frame from the server.
async fn next_json(socket: &mut Socket) -> Value {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .expect("a frame in time")
            .expect("open")
            .expect("frame");
        if let Frame::Text(text) = frame {
            return serde_json::from_str(&text).expect("json");
        }
    }
}

backend_tests!(messages_and_read_receipts_arrive_live_and_strangers_get_no_socket);
async fn messages_and_read_receipts_arrive_live_and_strangers_get_no_socket(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let body = json!({
        "cpr": "0101901234", "name": "Åse Østergård", "municipality": "0851", "login": "aase",
        "target_group": "insured_unemployed", "unemployed_since": "2026-09-01"
    });
    let r = app
        .post("/api/v1/citizens", Some(&world.aalborg), &body)
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let id = r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let me = app.token("aase").await;

    let mut citizen = connect(&app, &id, &me).await.expect("citizen socket");
    let mut caseworker = connect(&app, &id, &world.aalborg)
        .await
        .expect("caseworker socket");

    // The caseworker writes through the API; the citizen's open window gets it at once.
    let text = "<b>Hej</b> – vi ses på torsdag";
    let path = format!("/api/v1/citizens/{id}/messages");
    let r = app
        .post(&path, Some(&world.aalborg), &json!({"body": text}))
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let got = next_json(&mut citizen).await;
    assert_eq!(got["type"], "message", "{backend:?}: {got}");
    assert_eq!(got["message"]["body"], text, "exactly as written");
    assert_eq!(got["message"]["author_role"], "caseworker");
    let echo = next_json(&mut caseworker).await;
    assert_eq!(
        echo["message"]["body"], text,
        "the writer's other windows too"
    );

    // The citizen's window shows it and says so: the caseworker sees the read receipt.
    citizen
        .send(Frame::Text(r#"{"type":"read"}"#.into()))
        .await
        .expect("send");
    let receipt = next_json(&mut caseworker).await;
    assert_eq!(receipt["type"], "read", "{backend:?}: {receipt}");
    assert_eq!(receipt["by"], "citizen");

    // Another municipality's caseworker and an unknown citizen get 404, not a socket.
    for (who, token) in [
        (id.as_str(), world.aarhus.as_str()),
        ("no-such-id", world.aalborg.as_str()),
    ] {
        match connect(&app, who, token).await {
            Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
                assert_eq!(response.status(), StatusCode::NOT_FOUND);
            }
            other => panic!(
                "{backend:?}: expected 404, got {:?}",
                other.map(|_| "a socket")
            ),
        }
    }
    match connect(&app, &id, "not-a-token").await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        other => panic!("expected 401, got {:?}", other.map(|_| "a socket")),
    }

    // A malformed frame closes that connection with a reason; the server carries on.
    citizen
        .send(Frame::Text("{\"type\":\"delete_everything\"}".into()))
        .await
        .expect("send");
    let close = loop {
        match tokio::time::timeout(Duration::from_secs(5), citizen.next()).await {
            Ok(Some(Ok(Frame::Close(frame)))) => break frame,
            Ok(Some(Ok(_))) => continue,
            other => panic!("{backend:?}: expected a close frame, got {other:?}"),
        }
    };
    let close = close.expect("a close frame with a reason");
    assert_eq!(close.code, CloseCode::Policy);
    assert!(close.reason.contains("Ugyldig besked"), "{}", close.reason);
    let r = app
        .post(&path, Some(&me), &json!({"body": "Stadig her"}))
        .await;
    assert_eq!(
        r.status(),
        StatusCode::CREATED,
        "nothing stored by the bad frame, the server runs"
    );
    let got = next_json(&mut caseworker).await;
    assert_eq!(got["message"]["body"], "Stadig her");
    let all = app.get_json(&path, Some(&me)).await;
    assert_eq!(all["messages"].as_array().expect("messages").len(), 2);
}

/// A WebSocket to `path` with a bearer token.
async fn connect_path(
    app: &TestApp,
    path: &str,
    token: &str,
) -> Result<Socket, tokio_tungstenite::tungstenite::Error> {
    let url = format!("{}{path}", app.url.replace("http://", "ws://"));
    let mut request = url.into_client_request().expect("request");
    request.headers_mut().insert(
        "authorization",
        format!("Bearer {token}").parse().expect("header"),
    );
    tokio_tungstenite::connect_async(request)
        .await
        .map(|(socket, _)| socket)
}

backend_tests!(the_video_room_admits_only_participants_and_the_citizen_waits);
async fn the_video_room_admits_only_participants_and_the_citizen_waits(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (id, me) = app
        .citizen(&world, "0101901234", "aase", "insured_unemployed")
        .await;
    let meeting = app.video_meeting(&world.aalborg, &id, 48).await;
    let room = format!("/live/meetings/{meeting}/video");

    // Not a participant: no socket, whoever asks.
    for token in [world.aarhus.as_str(), world.admin.as_str()] {
        match connect_path(&app, &room, token).await {
            Err(tokio_tungstenite::tungstenite::Error::Http(r)) => {
                assert_eq!(r.status(), StatusCode::NOT_FOUND, "{backend:?}");
            }
            other => panic!("expected 404, got {:?}", other.map(|_| "a socket")),
        }
    }

    let mut citizen = connect_path(&app, &room, &me).await.expect("citizen");
    assert_eq!(next_json(&mut citizen).await["type"], "waiting_room");
    // Waiting: cannot signal anyone.
    citizen
        .send(Frame::Text(
            r#"{"type":"signal","to":1,"data":{"sdp":"x"}}"#.into(),
        ))
        .await
        .expect("send");
    assert_eq!(next_json(&mut citizen).await["code"], "not_allowed");

    let mut host = connect_path(&app, &room, &world.aalborg)
        .await
        .expect("host");
    assert_eq!(next_json(&mut host).await["type"], "in_room");
    let waiting = next_json(&mut host).await;
    assert_eq!(waiting["type"], "waiting", "{backend:?}: {waiting}");
    let peer = waiting["peer"]["id"].clone();
    host.send(Frame::Text(
        json!({"type": "admit", "peer": peer}).to_string().into(),
    ))
    .await
    .expect("admit");
    let inside = next_json(&mut citizen).await;
    assert_eq!(inside["type"], "in_room");
    let host_id = inside["peers"][0]["id"].clone();
    citizen
        .send(Frame::Text(
            json!({"type": "signal", "to": host_id, "data": {"sdp": {"type": "offer", "sdp": "v=0"}}})
                .to_string()
                .into(),
        ))
        .await
        .expect("offer");
    assert_eq!(next_json(&mut host).await["type"], "peer_joined");
    let offer = next_json(&mut host).await;
    assert_eq!(offer["type"], "signal");
    assert_eq!(offer["data"]["sdp"]["type"], "offer");

    // A malformed frame closes that connection with a reason.
    host.send(Frame::Text("not json".into()))
        .await
        .expect("send");
    let close = loop {
        match tokio::time::timeout(Duration::from_secs(5), host.next()).await {
            Ok(Some(Ok(Frame::Close(frame)))) => break frame.expect("reason"),
            Ok(Some(Ok(_))) => continue,
            other => panic!("expected a close frame, got {other:?}"),
        }
    };
    assert_eq!(close.code, CloseCode::Policy);
    assert_eq!(next_json(&mut citizen).await["type"], "peer_left");
}

/// Waits for the server to close `socket`; returns the close frame's code and reason.
async fn closed_within(socket: &mut Socket, secs: u64) -> (CloseCode, String) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
    loop {
        let frame = tokio::time::timeout_at(deadline, socket.next())
            .await
            .expect("closed in time");
        match frame {
            Some(Ok(Frame::Close(Some(c)))) => return (c.code, c.reason.to_string()),
            Some(Ok(_)) => {}
            other => panic!("no close frame: {other:?}"),
        }
    }
}

backend_tests!(an_open_socket_closes_when_its_session_ends_on_any_instance);
async fn an_open_socket_closes_when_its_session_ends_on_any_instance(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (citizen, me) = app
        .citizen(&world, "0101901234", "aase", "insured_unemployed")
        .await;
    let mut thread = connect(&app, &citizen, &me).await.expect("socket");
    let meeting = app.video_meeting(&world.aalborg, &citizen, 1).await;
    let mut video = connect_path(
        &app,
        &format!("/live/meetings/{meeting}/video"),
        &world.aalborg,
    )
    .await
    .expect("video socket");
    // Signed out on another instance of the same database where there is one (PostgreSQL),
    // else on this one.
    let other = match backend {
        store::Backend::Postgres => Some(crate::helpers::twin(&app).await),
        store::Backend::Sqlite => None,
    };
    let ending = other.as_ref().map_or(&app.store, |o| &o.store);
    ending.end_session(&me).await.expect("signed out");
    ending
        .end_session(&world.aalborg)
        .await
        .expect("signed out");
    for (which, socket) in [("thread", &mut thread), ("video", &mut video)] {
        // Within one check (5 s) and a margin.
        let (code, reason) = closed_within(socket, 8).await;
        assert_eq!(code, CloseCode::Policy, "{backend:?} {which}");
        assert_eq!(reason, "signed_out");
    }
    // And no new one opens with the ended session.
    assert!(connect(&app, &citizen, &me).await.is_err(), "{backend:?}");
}
