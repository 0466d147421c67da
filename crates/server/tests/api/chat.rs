//! The staffed live chat over the API (issue 21, extensions): opening hours, duty, the queue,
//! taking and ending, on both backends.

use reqwest::StatusCode;
use serde_json::{Value, json};
use store::{Backend, backend_tests};

use crate::helpers::{problem, problem_fields, spawn_app};

backend_tests!(a_citizen_chats_through_the_queue_when_the_chat_is_open_and_staffed);
async fn a_citizen_chats_through_the_queue_when_the_chat_is_open_and_staffed(backend: Backend) {
    let app = spawn_app(backend).await;
    // Monday 7 December 2026, 10:00 in Copenhagen.
    app.store
        .set_clock("2026-12-07T09:00:00Z".parse().expect("ts"));
    let w = app.world().await;
    let (citizen, me) = app
        .citizen(&w, "0101901234", "soeren", "job_ready_cash_benefit")
        .await;
    let chat = format!("/api/v1/citizens/{citizen}/chat");

    // Hours as people write them; a time that is none and a day that closes before it opens
    // are named; a caseworker may not set them.
    let bad = json!({"monday": {"opens": "9", "closes": "25:00"}, "tuesday": {"opens": "15", "closes": "9"}});
    let p = problem(
        app.put(
            "/api/v1/municipalities/0851/chat-hours",
            Some(&w.admin),
            &bad,
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        problem_fields(&p),
        ["monday.closes", "tuesday.closes"],
        "{p}"
    );
    let week = json!({"monday": {"opens": "9", "closes": "15"}, "friday": {"opens": "9.30", "closes": "12"}});
    problem(
        app.put(
            "/api/v1/municipalities/0851/chat-hours",
            Some(&w.aalborg),
            &week,
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let r = app
        .put(
            "/api/v1/municipalities/0851/chat-hours",
            Some(&w.admin),
            &week,
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let set: Value = r.json().await.expect("json");
    assert_eq!(set["friday"], json!({"opens": "09:30", "closes": "12:00"}));
    assert_eq!(set["tuesday"], Value::Null);

    // Open, but nobody on duty: write a message instead.
    let state = app.get_json(&chat, Some(&me)).await;
    assert_eq!(state["availability"]["state"], "unstaffed", "{state}");
    assert_eq!(
        state["availability"]["closes_at"],
        "2026-12-07T15:00:00+01:00"
    );
    problem(
        app.post(&chat, Some(&me), &json!({})).await,
        StatusCode::CONFLICT,
        "chat_closed",
    )
    .await;

    let r = app
        .put(
            "/api/v1/chat/duty",
            Some(&w.aalborg),
            &json!({"on_duty": true}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = app.post(&chat, Some(&me), &json!({})).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let started: Value = r.json().await.expect("json");
    // One chat at a time: 409 naming the open one.
    let p = problem(
        app.post(&chat, Some(&me), &json!({})).await,
        StatusCode::CONFLICT,
        "chat_exists",
    )
    .await;
    assert_eq!(p["chat_id"], started["id"]);
    let state = app.get_json(&chat, Some(&me)).await;
    assert_eq!(state["position"], 1, "{state}");
    assert_eq!(state["expected_wait_minutes"], 0);

    // The caseworker sees the citizen waiting, takes the chat, and both see who has it.
    let queue = app.get_json("/api/v1/chat/queue", Some(&w.aalborg)).await;
    assert_eq!(
        queue["waiting"][0]["citizen_name"], "Borger soeren",
        "{queue}"
    );
    assert_eq!(queue["on_duty"], true);
    let r = app
        .post("/api/v1/chat/next", Some(&w.aalborg), &json!({}))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let taken: Value = r.json().await.expect("json");
    assert_eq!(taken["taken_by_name"], "Navn cw.aalborg");
    let state = app.get_json(&chat, Some(&me)).await;
    assert_eq!(state["chat"]["taken_by_name"], "Navn cw.aalborg");
    assert_eq!(state["position"], Value::Null);
    let r = app
        .post("/api/v1/chat/next", Some(&w.aalborg), &json!({}))
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT, "nobody else waits");
    // Another municipality's staff cannot end it, nor see it.
    let end = format!("/api/v1/chats/{}/end", taken["id"].as_str().expect("id"));
    problem(
        app.post(&end, Some(&w.aarhus), &json!({})).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let r = app
        .post(&end, Some(&w.aalborg), &json!({"conversation": true}))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let ended: Value = r.json().await.expect("json");
    assert_eq!(ended["outcome"], "answered");
    let state = app.get_json(&chat, Some(&me)).await;
    assert_eq!(state["chat"], Value::Null);
    // A conversation by chat has its survey, listed apart from the meetings' and answered the
    // same way.
    let surveys = app.get_json("/api/v1/surveys", Some(&me)).await;
    assert_eq!(surveys["surveys"], json!([]), "{surveys}");
    let after_chat = &surveys["chat_surveys"][0];
    assert_eq!(after_chat["chat_id"], taken["id"], "{surveys}");
    assert_eq!(after_chat["questions"].as_array().map(Vec::len), Some(7));
    let answer = format!(
        "/api/v1/surveys/{}/answers",
        after_chat["id"].as_str().expect("id")
    );
    let answers = json!({"answers": {"satisfaction": 4, "channel_fit": 5, "personal": "same",
        "helpful": 4, "more_remote": 3, "callback": "no"}});
    let r = app.post(&answer, Some(&me), &answers).await;
    assert_eq!(r.status(), StatusCode::OK);
    problem(
        app.post(&answer, Some(&me), &answers).await,
        StatusCode::CONFLICT,
        "already_answered",
    )
    .await;
    // The citizen's access log shows the queue listing.
    let log = app
        .get_json(&format!("/api/v1/citizens/{citizen}/access-log"), Some(&me))
        .await;
    assert!(log.to_string().contains("chat_queue.listed"), "{log}");
}
