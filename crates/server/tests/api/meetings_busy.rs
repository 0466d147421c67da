//! /api/v1/meetings: a citizen is never in two booked meetings at once, across organisations
//! (API.md: 409 `citizen_busy`), also when the jobcenter and the a-kasse book at the same moment.

use jiff::{SignedDuration, Timestamp};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, problem, spawn_app};
use store::{Backend, backend_tests};

/// A whole minute `hours` from the store's clock, plus `minutes`.
fn at(app: &TestApp, hours: i64, minutes: i64) -> Timestamp {
    let t = app
        .store
        .now()
        .checked_add(SignedDuration::from_hours(hours))
        .expect("time");
    Timestamp::from_second(t.as_second() - t.as_second() % 60 + minutes * 60).expect("time")
}

/// An in-person slot of the caller from `start`, `minutes` long; returns its id.
async fn slot(app: &TestApp, token: &str, start: Timestamp, minutes: i64) -> String {
    let end = start
        .checked_add(SignedDuration::from_mins(minutes))
        .expect("time");
    let body = json!({"start": start.to_string(), "end": end.to_string(),
        "channels": ["in_person"], "location": "Vesterbro 1, 9000 Aalborg"});
    let r = app.post("/api/v1/slots", Some(token), &body).await;
    assert_eq!(r.status(), StatusCode::CREATED, "{body}");
    r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

fn booking(citizen: &str, slot: &str) -> Value {
    json!({"citizen_id": citizen, "slot_id": slot, "channel": "in_person"})
}

/// Books `slot` for `citizen` as `token`, which must succeed; returns the meeting's id.
async fn book(app: &TestApp, token: &str, citizen: &str, slot: &str) -> String {
    let r = app
        .post("/api/v1/meetings", Some(token), &booking(citizen, slot))
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

async fn booked_count(app: &TestApp, citizen: &str, token: &str) -> usize {
    let list = app
        .get_json(&format!("/api/v1/citizens/{citizen}/meetings"), Some(token))
        .await;
    list["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .filter(|m| m["status"] == "booked")
        .count()
}

backend_tests!(the_a_kasse_cannot_book_on_top_of_the_jobcenter);
async fn the_a_kasse_cannot_book_on_top_of_the_jobcenter(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (citizen, _) = app
        .citizen(&world, "0101901234", "anne", "insured_unemployed")
        .await;
    // The jobcenter books 09:30–10:00; the a-kasse's adviser has 09:00–09:45 free.
    let nine_thirty = at(&app, 48, 30);
    let jobcenter = slot(&app, &world.aalborg, nine_thirty, 30).await;
    let theirs = book(&app, &world.aalborg, &citizen, &jobcenter).await;
    let fund_slot = slot(&app, &world.fund, at(&app, 48, 0), 45).await;
    let body = problem(
        app.post(
            "/api/v1/meetings",
            Some(&world.fund),
            &booking(&citizen, &fund_slot),
        )
        .await,
        StatusCode::CONFLICT,
        "citizen_busy",
    )
    .await;
    // The other meeting's time, not what it is: the a-kasse may not see the jobcenter's.
    let busy_from: Timestamp = body["busy_from"]
        .as_str()
        .expect("busy_from")
        .parse()
        .expect("time");
    assert_eq!(busy_from, nine_thirty, "{body}");
    assert!(
        body["busy_from"]
            .as_str()
            .expect("busy_from")
            .ends_with("+01:00")
            || body["busy_from"]
                .as_str()
                .expect("busy_from")
                .ends_with("+02:00"),
        "Copenhagen offset: {body}"
    );
    let detail = body["detail"].as_str().expect("detail");
    assert!(detail.contains("Vælg en anden tid"), "{detail}");
    assert!(!detail.contains("Navn"), "names no one: {detail}");
    // Nothing was stored; the a-kasse's time is not offered to her while she is busy, and
    // it is still free for another member.
    assert_eq!(booked_count(&app, &citizen, &world.aalborg).await, 1);
    let offered = |free: Value| {
        free["slots"]
            .as_array()
            .expect("slots")
            .iter()
            .any(|s| s["id"] == fund_slot.as_str())
    };
    let path = format!("/api/v1/citizens/{citizen}/available-slots");
    assert!(!offered(app.get_json(&path, Some(&world.fund)).await));
    let (other, _) = app
        .citizen(&world, "0202902345", "bo", "insured_unemployed")
        .await;
    let path = format!("/api/v1/citizens/{other}/available-slots");
    assert!(offered(app.get_json(&path, Some(&world.fund)).await));
    book(&app, &world.fund, &other, &fund_slot).await;

    // Right after the jobcenter's meeting is fine: overlapping means sharing a minute. The
    // a-kasse's own meeting cannot be a joint one.
    let after = slot(&app, &world.fund, at(&app, 48, 60), 30).await;
    let mut joint = booking(&citizen, &after);
    joint["with_fund"] = json!(true);
    let p = problem(
        app.post("/api/v1/meetings", Some(&world.fund), &joint)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "with_fund", "{p}");
    let fund_meeting = book(&app, &world.fund, &citizen, &after).await;

    // Moving the a-kasse's meeting onto the jobcenter's time is refused and changes nothing;
    // moving it to a time the citizen is free is not.
    let onto = slot(&app, &world.fund, at(&app, 48, 45), 15).await;
    problem(
        app.post(
            &format!("/api/v1/meetings/{fund_meeting}/move"),
            Some(&world.fund),
            &json!({"slot_id": onto}),
        )
        .await,
        StatusCode::CONFLICT,
        "citizen_busy",
    )
    .await;
    let beside = slot(&app, &world.fund, at(&app, 48, 90), 30).await;
    let r = app
        .post(
            &format!("/api/v1/meetings/{fund_meeting}/move"),
            Some(&world.fund),
            &json!({"slot_id": beside}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK, "{backend:?}");
    assert_eq!(booked_count(&app, &citizen, &world.aalborg).await, 2);

    // Once the jobcenter's meeting is cancelled, the time is the citizen's again.
    let r = app
        .post(
            &format!("/api/v1/meetings/{theirs}/cancel"),
            Some(&world.aalborg),
            &json!({"reason": "Borgeren er syg"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = app
        .post(
            &format!("/api/v1/meetings/{fund_meeting}/move"),
            Some(&world.fund),
            &json!({"slot_id": onto}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK, "{backend:?}");
}

backend_tests!(simultaneous_bookings_from_both_organisations_one_wins);
async fn simultaneous_bookings_from_both_organisations_one_wins(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (citizen, _) = app
        .citizen(&world, "0101901234", "anne", "insured_unemployed")
        .await;
    for round in 0..12 {
        // Each round: the jobcenter's 30 minutes and the a-kasse's, 15 minutes apart.
        let start = at(&app, 48 + round, 0);
        let ours = slot(&app, &world.aalborg, start, 30).await;
        let theirs = slot(&app, &world.fund, at(&app, 48 + round, 15), 30).await;
        let (ours, theirs) = (booking(&citizen, &ours), booking(&citizen, &theirs));
        let (a, b) = tokio::join!(
            app.post("/api/v1/meetings", Some(&world.aalborg), &ours),
            app.post("/api/v1/meetings", Some(&world.fund), &theirs),
        );
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::CREATED, StatusCode::CONFLICT],
            "{backend:?} round {round}"
        );
        let loser = if a.status() == StatusCode::CONFLICT {
            a
        } else {
            b
        };
        problem(loser, StatusCode::CONFLICT, "citizen_busy").await;
    }
    assert_eq!(booked_count(&app, &citizen, &world.aalborg).await, 12);
}
