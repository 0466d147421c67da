//! /api/v1/slots, /citizens/{id}/available-slots, /meetings and their actions.

use jiff::{SignedDuration, Timestamp};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, World, problem, spawn_app};
use store::{Backend, backend_tests};

/// An RFC 3339 instant `hours` from now (whole minutes, so slots line up).
fn at(hours: i64) -> String {
    let t = Timestamp::now()
        .checked_add(SignedDuration::from_hours(hours))
        .expect("time");
    let t = Timestamp::from_second(t.as_second() - t.as_second() % 60).expect("time");
    t.to_string()
}

fn plus_minutes(start: &str, minutes: i64) -> String {
    let t: Timestamp = start.parse().expect("time");
    t.checked_add(SignedDuration::from_mins(minutes))
        .expect("time")
        .to_string()
}

/// A slot for the caller; returns its id.
async fn slot(app: &TestApp, token: &str, hours: i64, channels: Value) -> String {
    let start = at(hours);
    let body = json!({"start": start, "end": plus_minutes(&start, 30), "channels": channels, "location": "Jobcenter Aalborg, Kjellerups Torv 5"});
    let r = app.post("/api/v1/slots", Some(token), &body).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let v: Value = r.json().await.expect("json");
    v["id"].as_str().expect("id").to_owned()
}

/// An insured citizen of Aalborg in 3F with the login `anne`; returns (id, token).
async fn anne(app: &TestApp, world: &World) -> (String, String) {
    let body = json!({
        "cpr": "0101901234", "name": "Anne Sørensen", "municipality": "0851",
        "target_group": "insured_unemployed", "unemployed_since": "2026-09-01",
        "unemployment_fund": "3F", "login": "anne"
    });
    let r = app
        .post("/api/v1/citizens", Some(&world.aalborg), &body)
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let id = r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    (id, app.token("anne").await)
}

/// The free times `token` is offered for `citizen`, each with its usable channels.
async fn available_slots(app: &TestApp, citizen: &str, token: &str) -> Vec<Value> {
    let path = format!("/api/v1/citizens/{citizen}/available-slots");
    let free = app.get_json(&path, Some(token)).await;
    free["slots"].as_array().expect("slots").clone()
}

async fn json_of(r: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(r.status(), status);
    r.json().await.expect("json")
}

backend_tests!(a_citizen_books_adds_to_calendar_moves_and_cancels);
async fn a_citizen_books_adds_to_calendar_moves_and_cancels(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (citizen, me) = anne(&app, &world).await;
    let first = slot(
        &app,
        &world.aalborg,
        48,
        json!(["video", "in_person", "phone"]),
    )
    .await;
    let second = slot(&app, &world.aalborg, 72, json!(["video"])).await;

    // Before her first conversation only in person is offered, and video is refused with
    // the law's reason (LAB § 33, stk. 1), whoever books.
    let slots = available_slots(&app, &citizen, &me).await;
    assert_eq!(
        slots.len(),
        1,
        "{backend:?}: the video-only time is not offered"
    );
    assert_eq!(slots[0]["channels"], json!(["in_person"]));
    for token in [&me, &world.aalborg] {
        let r = app
            .post(
                "/api/v1/meetings",
                Some(token),
                &json!({"citizen_id": citizen, "slot_id": first, "channel": "video"}),
            )
            .await;
        let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY, "channel_not_allowed").await;
        assert_eq!(p["reason"], "first_meeting_in_person", "{backend:?}");
        assert!(
            p["detail"]
                .as_str()
                .expect("detail")
                .contains("efter loven")
        );
    }
    app.first_conversation_held("cw.aalborg", &citizen).await;

    let slots = available_slots(&app, &citizen, &me).await;
    assert_eq!(slots.len(), 2, "{backend:?}");
    // No phone number on file, so phone is not among the channels offered to her.
    assert_eq!(slots[0]["channels"], json!(["in_person", "video"]));
    assert!(
        slots[0]["start"]
            .as_str()
            .expect("start")
            .ends_with(":00+01:00")
            || slots[0]["start"]
                .as_str()
                .expect("start")
                .ends_with(":00+02:00")
    );

    let booked = json_of(
        app.post(
            "/api/v1/meetings",
            Some(&me),
            &json!({"citizen_id": citizen, "slot_id": first, "channel": "video"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    for field in [
        "id",
        "citizen_id",
        "caseworker_id",
        "start",
        "end",
        "channel",
        "status",
        "join_url",
    ] {
        assert!(!booked[field].is_null(), "{field} in {booked}");
    }
    assert_eq!(booked["status"], "booked");
    let id = booked["id"].as_str().expect("id").to_owned();
    assert!(
        booked["join_url"]
            .as_str()
            .expect("url")
            .ends_with(&format!("/moeder/{id}/video"))
    );

    let ics = app
        .get(&format!("/api/v1/meetings/{id}/calendar.ics"), Some(&me))
        .await;
    assert_eq!(ics.status(), StatusCode::OK);
    assert!(
        ics.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/calendar")
    );
    let ics = ics.text().await.expect("text");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    assert!(ics.contains("DTSTART;TZID=Europe/Copenhagen:"));

    let moved = json_of(
        app.post(
            &format!("/api/v1/meetings/{id}/move"),
            Some(&me),
            &json!({"slot_id": second}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(moved["id"], booked["id"]);
    assert_ne!(moved["start"], booked["start"]);

    let cancelled = json_of(
        app.post(
            &format!("/api/v1/meetings/{id}/cancel"),
            Some(&me),
            &json!({"reason": "Jeg har fået arbejde"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["cancellation"]["late"], false);
    assert_eq!(cancelled["cancellation"]["by_role"], "citizen");

    let listed = json_of(
        app.get(
            &format!("/api/v1/citizens/{citizen}/meetings"),
            Some(&world.aalborg),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    // The cancelled meeting and the first conversation held a month ago.
    assert_eq!(listed["meetings"].as_array().expect("list").len(), 2);
    let free = json_of(
        app.get(
            &format!("/api/v1/citizens/{citizen}/available-slots"),
            Some(&me),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        free["slots"].as_array().expect("slots").len(),
        2,
        "both slots are free again"
    );
    // Another municipality's caseworker does not see the meeting at all.
    problem(
        app.get(&format!("/api/v1/meetings/{id}"), Some(&world.aarhus))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

backend_tests!(bad_input_is_refused_with_a_code_and_changes_nothing);
async fn bad_input_is_refused_with_a_code_and_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (citizen, me) = anne(&app, &world).await;
    app.first_conversation_held("cw.aalborg", &citizen).await;
    let start = at(48);
    let cases = [
        (
            json!({"start": start, "end": start, "channels": ["video"]}),
            "end",
        ),
        (
            json!({"start": start, "end": plus_minutes(&start, 30), "channels": ["in_person"]}),
            "location",
        ),
        (
            json!({"start": start, "end": plus_minutes(&start, 30), "channels": ["fax"]}),
            "channels",
        ),
        (
            json!({"start": "i morgen", "end": plus_minutes(&start, 30), "channels": ["video"]}),
            "start",
        ),
        (
            json!({"start": at(-2), "end": at(-1), "channels": ["video"]}),
            "start",
        ),
    ];
    for (body, field) in cases {
        let p = problem(
            app.post("/api/v1/slots", Some(&world.aalborg), &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(p["errors"][0]["field"], field, "{body}");
    }
    problem(
        app.post("/api/v1/slots", Some(&me), &json!({})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let video = slot(&app, &world.aalborg, 48, json!(["video"])).await;
    let overlapping = json!({"start": plus_minutes(&at(48), 10), "end": plus_minutes(&at(48), 40), "channels": ["video"]});
    problem(
        app.post("/api/v1/slots", Some(&world.aalborg), &overlapping)
            .await,
        StatusCode::CONFLICT,
        "overlap",
    )
    .await;

    let p = problem(
        app.post(
            "/api/v1/meetings",
            Some(&me),
            &json!({"citizen_id": citizen, "slot_id": video, "channel": "phone"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "channel_not_allowed",
    )
    .await;
    assert!(
        p["detail"]
            .as_str()
            .expect("detail")
            .contains("kontaktform"),
        "{p}"
    );
    problem(
        app.post(
            "/api/v1/meetings",
            Some(&me),
            &json!({"citizen_id": citizen, "slot_id": "nope", "channel": "video"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    problem(
        app.post(
            "/api/v1/meetings",
            Some(&world.aalborg),
            &json!({"citizen_id": "nobody", "slot_id": video, "channel": "video"}),
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // An id that cannot be one of ours is bad input, named, before anything is looked up.
    let p = problem(
        app.post(
            "/api/v1/meetings",
            Some(&world.aalborg),
            &json!({"citizen_id": "../borgere", "slot_id": video, "channel": "video"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "citizen_id", "{p}");
    problem(
        app.post_raw("/api/v1/meetings", Some(&me), "{\"citizen_id\":")
            .await,
        StatusCode::BAD_REQUEST,
        "malformed_json",
    )
    .await;
    problem(
        app.get(
            &format!("/api/v1/citizens/{citizen}/available-slots?from=igår"),
            Some(&me),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    problem(
        app.get(
            &format!(
                "/api/v1/citizens/{citizen}/available-slots?from={}&to={}",
                at(5),
                at(4)
            ),
            Some(&me),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    // Nothing was booked by any of it: only the first conversation held a month ago is there.
    let listed = json_of(
        app.get(&format!("/api/v1/citizens/{citizen}/meetings"), Some(&me))
            .await,
        StatusCode::OK,
    )
    .await;
    let listed = listed["meetings"].as_array().expect("list");
    assert_eq!(listed.len(), 1, "{backend:?}");
    assert_eq!(listed[0]["status"], "held");

    let m = json_of(
        app.post(
            "/api/v1/meetings",
            Some(&me),
            &json!({"citizen_id": citizen, "slot_id": video, "channel": "video"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let id = m["id"].as_str().expect("id");
    problem(
        app.post(
            "/api/v1/meetings",
            Some(&world.aalborg),
            &json!({"citizen_id": citizen, "slot_id": video, "channel": "video"}),
        )
        .await,
        StatusCode::CONFLICT,
        "slot_taken",
    )
    .await;
    problem(
        app.post(
            &format!("/api/v1/meetings/{id}/outcome"),
            Some(&world.aalborg),
            &json!({"status": "held"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not_started",
    )
    .await;
    problem(
        app.post(
            &format!("/api/v1/meetings/{id}/outcome"),
            Some(&me),
            &json!({"status": "held"}),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    problem(
        app.post(
            &format!("/api/v1/meetings/{id}/outcome"),
            Some(&world.aalborg),
            &json!({"status": "booked"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    problem(
        app.post(
            &format!("/api/v1/meetings/{id}/cancel"),
            Some(&me),
            &json!({"reason": " "}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    // Once it has begun, the outcome is recorded once.
    app.store.advance_clock(SignedDuration::from_hours(48));
    let held = json_of(
        app.post(
            &format!("/api/v1/meetings/{id}/outcome"),
            Some(&world.aalborg),
            &json!({"status": "held"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(held["status"], "held");
    problem(
        app.post(
            &format!("/api/v1/meetings/{id}/outcome"),
            Some(&world.aalborg),
            &json!({"status": "no_show"}),
        )
        .await,
        StatusCode::CONFLICT,
        "meeting_not_booked",
    )
    .await;
}

backend_tests!(staff_book_for_exempt_citizens_and_require_attendance_with_a_reason);
async fn staff_book_for_exempt_citizens_and_require_attendance_with_a_reason(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (citizen, me) = anne(&app, &world).await;
    app.first_conversation_held("cw.aalborg", &citizen).await;
    let r = app
        .patch(
            &format!("/api/v1/citizens/{citizen}"),
            Some(&world.aalborg),
            &json!({"self_booking_exempt": true, "phone": "12 34 56 78"}),
        )
        .await;
    // Only with one of the executive order's reasons (BEK 1216/2023 § 45).
    let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "self_booking_exempt_reason", "{p}");
    let r = app
        .patch(
            &format!("/api/v1/citizens/{citizen}"),
            Some(&world.aalborg),
            &json!({"self_booking_exempt": true, "self_booking_exempt_reason": "busy"}),
        )
        .await;
    let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "self_booking_exempt_reason", "{p}");
    let r = app
        .patch(
            &format!("/api/v1/citizens/{citizen}"),
            Some(&world.aalborg),
            &json!({"self_booking_exempt": true, "self_booking_exempt_reason": "language",
                "phone": "12 34 56 78"}),
        )
        .await;
    let patched = json_of(r, StatusCode::OK).await;
    assert_eq!(patched["phone"], "+4512345678");
    // The citizen sees why.
    let own = json_of(
        app.get(&format!("/api/v1/citizens/{citizen}"), Some(&me))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(own["self_booking_exempt_reason"], "language");
    let s = slot(&app, &world.aalborg, 48, json!(["in_person", "phone"])).await;
    problem(
        app.post(
            "/api/v1/meetings",
            Some(&me),
            &json!({"citizen_id": citizen, "slot_id": s, "channel": "phone"}),
        )
        .await,
        StatusCode::FORBIDDEN,
        "self_booking_not_allowed",
    )
    .await;
    let called_in = json!({"citizen_id": citizen, "slot_id": s, "channel": "phone", "attendance_reason": "Vi skal underskrive din jobplan"});
    let p = problem(
        app.post("/api/v1/meetings", Some(&world.aalborg), &called_in)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "channel_not_allowed",
    )
    .await;
    assert_eq!(p["reason"], "attendance_required", "{backend:?}");
    let mut called_in = called_in;
    called_in["channel"] = json!("in_person");
    let m = json_of(
        app.post("/api/v1/meetings", Some(&world.aalborg), &called_in)
            .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(m["attendance_reason"], "Vi skal underskrive din jobplan");
    assert_eq!(m["location"], "Jobcenter Aalborg, Kjellerups Torv 5");
    assert_eq!(m["booked_by_role"], "caseworker");
    // The citizen sees it, with the reason.
    let mine = json_of(
        app.get(
            &format!("/api/v1/meetings/{}", m["id"].as_str().expect("id")),
            Some(&me),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(mine["attendance_reason"], "Vi skal underskrive din jobplan");
    // Required attendance is a call-in: not the citizen's to cancel ("Gider ikke"), but to
    // report that they cannot come, which waits for staff.
    let id = m["id"].as_str().expect("id");
    problem(
        app.post(
            &format!("/api/v1/meetings/{id}/cancel"),
            Some(&me),
            &json!({"reason": "Gider ikke"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "call_in_absence_only",
    )
    .await;
    let r = app
        .post(
            &format!("/api/v1/meetings/{id}/absence"),
            Some(&me),
            &json!({"reason": "illness"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED, "{backend:?}");
}

backend_tests!(of_fifty_simultaneous_http_bookings_of_one_slot_exactly_one_wins);
async fn of_fifty_simultaneous_http_bookings_of_one_slot_exactly_one_wins(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (citizen, _) = anne(&app, &world).await;
    app.first_conversation_held("cw.aalborg", &citizen).await;
    let s = slot(&app, &world.aalborg, 48, json!(["video"])).await;
    let body = json!({"citizen_id": citizen, "slot_id": s, "channel": "video"});
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let (client, url, token, body) = (
            app.client.clone(),
            format!("{}/api/v1/meetings", app.url),
            world.aalborg.clone(),
            body.clone(),
        );
        tasks.spawn(async move {
            client
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .expect("send")
                .status()
        });
    }
    let statuses: Vec<StatusCode> = tasks.join_all().await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        1,
        "{backend:?}: {statuses:?}"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count(),
        49
    );
}

#[tokio::test]
async fn weekly_availability_leaves_out_christmas() {
    let app = spawn_app(store::Backend::Sqlite).await;
    let world = app.world().await;
    let year = Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).year() + 1;
    let body = json!({
        "weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        "day_start": "09:00", "day_end": "12:00", "slot_minutes": 30,
        "first_day": format!("{year}-12-21"), "last_day": format!("{year}-12-27"),
        "channels": ["video", "phone"]
    });
    let created = json_of(
        app.post("/api/v1/slots/weekly", Some(&world.aalborg), &body)
            .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        created["skipped"],
        json!([{"date": format!("{year}-12-25"), "holiday": "Juledag"}, {"date": format!("{year}-12-26"), "holiday": "2. juledag"}])
    );
    assert_eq!(created["slots"].as_array().expect("slots").len(), 5 * 6);
    assert!(
        created["slots"][0]["start"]
            .as_str()
            .expect("start")
            .ends_with("T09:00:00+01:00")
    );
    let again = app
        .post("/api/v1/slots/weekly", Some(&world.aalborg), &body)
        .await;
    problem(again, StatusCode::CONFLICT, "overlap").await;
    let mut bad = body.clone();
    bad["weekdays"] = json!(["funday"]);
    bad["slot_minutes"] = json!(1);
    let p = problem(
        app.post("/api/v1/slots/weekly", Some(&world.aalborg), &bad)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "weekdays");
}

backend_tests!(moving_a_meeting_looks_among_the_times_of_whoever_holds_it);
/// "Flyt samtalen" on a meeting the a-kasse holds leads to the a-kasse's times, and on the
/// jobcentre's to the jobcentre's: the citizen is not shown the wrong organisation's calendar.
async fn moving_a_meeting_looks_among_the_times_of_whoever_holds_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (citizen, me) = app
        .citizen(&world, "0101901234", "anne", "insured_unemployed")
        .await;
    let mut links = Vec::new();
    for (token, hours) in [(&world.fund, 30), (&world.aalborg, 50)] {
        let slot = crate::call_ins::slot(&app, token, hours, json!(["in_person"])).await;
        let body = json!({"citizen_id": citizen, "slot_id": slot, "channel": "in_person"});
        let r = app.post("/api/v1/meetings", Some(token), &body).await;
        assert_eq!(r.status(), StatusCode::CREATED);
        let id = r.json::<Value>().await.expect("json")["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let page = app
            .page(&format!("/samtaler/{id}"), &me)
            .await
            .text()
            .await
            .expect("page");
        let at = page.find("flyt=").expect("a move link");
        links.push(page[at..at + 80].contains("med=akasse"));
    }
    assert_eq!(
        links,
        [true, false],
        "the a-kasse's meeting, then the jobcentre's"
    );
}
