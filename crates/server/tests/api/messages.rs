//! /api/v1/citizens/{id}/messages, /messages/assign and /inbox, on both backends.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, World, problem, spawn_app};
use store::{Backend, backend_tests};

async fn json_of(r: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(r.status(), status);
    r.json().await.expect("json")
}

/// An insured citizen of Aalborg in 3F who can sign in as `login`; returns (id, token).
async fn citizen(app: &TestApp, world: &World, cpr: &str, login: &str) -> (String, String) {
    app.citizen(world, cpr, login, "insured_unemployed").await
}

fn path(id: &str) -> String {
    format!("/api/v1/citizens/{id}/messages")
}

backend_tests!(citizen_and_jobcenter_write_and_each_organisation_reads_only_its_own_thread);
async fn citizen_and_jobcenter_write_and_each_organisation_reads_only_its_own_thread(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (id, me) = citizen(&app, &world, "0101901234", "aase").await;

    // The citizen writes; the text is kept exactly, markup and spaces included.
    let text = "Hej <script>alert(1)</script>\n  Kan vi flytte mødet?  ";
    let r = app
        .post(&path(&id), Some(&me), &json!({"body": text}))
        .await;
    let sent = json_of(r, StatusCode::CREATED).await;
    assert_eq!(sent["body"], text, "{backend:?}");
    assert_eq!(sent["author_id"], id.as_str());
    assert!(sent["sent_at"].as_str().expect("sent_at").contains('T'));

    // The jobcenter's inbox has it, unread, until a caseworker opens the thread.
    let inbox = json_of(
        app.get("/api/v1/inbox", Some(&world.aalborg)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(inbox["threads"][0]["citizen_id"], id.as_str(), "{inbox}");
    assert_eq!(inbox["threads"][0]["unread"], true);
    let thread = json_of(
        app.get(&path(&id), Some(&world.aalborg)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(thread["messages"].as_array().expect("messages").len(), 1);
    assert_eq!(thread["thread"]["waiting_for"], "staff");
    assert_eq!(thread["thread"]["holder"], "jobcenter");
    // Looking changes nothing; marking it read (a POST) is the read receipt.
    let inbox = json_of(
        app.get("/api/v1/inbox", Some(&world.aalborg)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        inbox["threads"][0]["unread"], true,
        "{backend:?}: only looked"
    );
    let r = app
        .post(
            &format!("{}/read", path(&id)),
            Some(&world.aalborg),
            &json!({}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let inbox = json_of(
        app.get("/api/v1/inbox", Some(&world.aalborg)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        inbox["threads"][0]["unread"], false,
        "{backend:?}: marked read"
    );

    // "Assign to me", then the answer: the thread now waits for the citizen.
    let r = app
        .post(
            &format!("{}/assign", path(&id)),
            Some(&world.aalborg),
            &json!({}),
        )
        .await;
    let assigned = json_of(r, StatusCode::OK).await;
    assert_eq!(assigned["assigned_name"], "Navn cw.aalborg");
    let r = app
        .post(
            &path(&id),
            Some(&world.aalborg),
            &json!({"body": "Ja, det kan vi."}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let mine = json_of(app.get(&path(&id), Some(&me)).await, StatusCode::OK).await;
    let bodies: Vec<&str> = mine["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| m["body"].as_str().expect("body"))
        .collect();
    assert_eq!(bodies, vec![text, "Ja, det kan vi."], "oldest first");
    assert_eq!(mine["thread"]["waiting_for"], "citizen");
    assert!(
        mine["thread"]["read_by_staff_at"].is_string(),
        "read receipt"
    );
    let inbox = json_of(
        app.get("/api/v1/inbox", Some(&world.aalborg)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        inbox["threads"],
        json!([]),
        "answered threads leave the inbox"
    );

    // Another jobcenter does not know the thread exists; the a-kasse has its own.
    problem(
        app.get(&path(&id), Some(&world.aarhus)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    problem(
        app.post(&path(&id), Some(&world.aarhus), &json!({"body": "Hej"}))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let fund = json_of(app.get(&path(&id), Some(&world.fund)).await, StatusCode::OK).await;
    assert_eq!(
        fund["messages"],
        json!([]),
        "{backend:?}: the a-kasse's own thread"
    );
    problem(
        app.get(
            &format!("{}?thread=jobcenter", path(&id)),
            Some(&world.fund),
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let r = app
        .post(
            &format!("{}?thread=a_kasse", path(&id)),
            Some(&me),
            &json!({"body": "Til a-kassen"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let fund = json_of(app.get(&path(&id), Some(&world.fund)).await, StatusCode::OK).await;
    assert_eq!(fund["messages"][0]["body"], "Til a-kassen");
    let jobcenter = json_of(
        app.get(&path(&id), Some(&world.aalborg)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(jobcenter["messages"].as_array().expect("messages").len(), 2);

    // Administrators read (support) but do not write.
    let admin = json_of(
        app.get(&path(&id), Some(&world.admin)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(admin["messages"].as_array().expect("messages").len(), 2);
    problem(
        app.post(&path(&id), Some(&world.admin), &json!({"body": "Hej"}))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // Citizens have no inbox.
    problem(
        app.get("/api/v1/inbox", Some(&me)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    // The citizen sees who read and wrote.
    let log = json_of(
        app.get(&format!("/api/v1/citizens/{id}/access-log"), Some(&me))
            .await,
        StatusCode::OK,
    )
    .await;
    let actions: Vec<&str> = log["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["action"].as_str().expect("action"))
        .collect();
    for expected in ["messages.read", "message.written", "inbox.listed"] {
        assert!(
            actions.contains(&expected),
            "{backend:?}: {expected} in {actions:?}"
        );
    }
}

backend_tests!(bad_messages_are_refused_and_nothing_is_stored);
async fn bad_messages_are_refused_and_nothing_is_stored(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (id, me) = citizen(&app, &world, "0101901234", "aase").await;
    let p = path(&id);

    let blank = problem(
        app.post(&p, Some(&me), &json!({"body": "  \n "})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(blank["errors"][0]["field"], "body");
    problem(
        app.post(&p, Some(&me), &json!({})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let long = "æ".repeat(10_001);
    let too_long = problem(
        app.post(&p, Some(&me), &json!({"body": long})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "too_long",
    )
    .await;
    assert_eq!(too_long["errors"][0]["field"], "body");
    problem(
        app.post_raw(&p, Some(&me), "{\"body\": ").await,
        StatusCode::BAD_REQUEST,
        "malformed_json",
    )
    .await;
    problem(
        app.post(
            &format!("{p}?thread=kommunen"),
            Some(&me),
            &json!({"body": "Hej"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    problem(
        app.get(&p, None).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    let thread = json_of(app.get(&p, Some(&me)).await, StatusCode::OK).await;
    assert_eq!(thread["messages"], json!([]), "{backend:?}: nothing stored");
    assert_eq!(thread["thread"], Value::Null);

    // Exactly 10,000 characters are allowed.
    let max = "æ".repeat(10_000);
    let r = app.post(&p, Some(&me), &json!({"body": max})).await;
    assert_eq!(r.status(), StatusCode::CREATED, "{backend:?}");
}

backend_tests!(a_flood_of_messages_is_stopped_with_rate_limited);
async fn a_flood_of_messages_is_stopped_with_rate_limited(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (id, me) = citizen(&app, &world, "0101901234", "aase").await;
    for n in 0..domain::messages::RATE_LIMIT {
        let r = app
            .post(
                &path(&id),
                Some(&me),
                &json!({"body": format!("Besked {n}")}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::CREATED, "{backend:?} message {n}");
    }
    let r = app
        .post(&path(&id), Some(&me), &json!({"body": "En for meget"}))
        .await;
    assert_eq!(
        r.headers().get("retry-after").and_then(|v| v.to_str().ok()),
        Some("60")
    );
    problem(r, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // The caseworker is another person with their own limit.
    let r = app
        .post(&path(&id), Some(&world.aalborg), &json!({"body": "Svar"}))
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let thread = json_of(app.get(&path(&id), Some(&me)).await, StatusCode::OK).await;
    let count = thread["messages"].as_array().expect("messages").len();
    assert_eq!(
        count,
        usize::try_from(domain::messages::RATE_LIMIT).expect("small") + 1
    );
}
