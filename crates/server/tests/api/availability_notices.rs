//! After a no-show: `POST /api/v1/meetings/{id}/outcome` with or without `excuse`, the
//! availability notice in the recipient's `GET /api/v1/availability-notices`, the citizen told
//! in their thread, every step in the access log, and `POST .../withdraw` when the excuse
//! arrives later.

use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::call_ins::slot;
use crate::helpers::{TestApp, World, problem, spawn_app};
use store::{Backend, backend_tests};

/// A meeting in person `hours` ahead, booked by Aalborg's caseworker; returns its id.
async fn meeting(app: &TestApp, world: &World, citizen: &str, hours: i64) -> String {
    let s = slot(app, &world.aalborg, hours, json!(["in_person"])).await;
    let body = json!({"citizen_id": citizen, "slot_id": s, "channel": "in_person"});
    let r = app
        .post("/api/v1/meetings", Some(&world.aalborg), &body)
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

async fn outcome(app: &TestApp, token: &str, meeting: &str, body: Value) -> reqwest::Response {
    app.post(
        &format!("/api/v1/meetings/{meeting}/outcome"),
        Some(token),
        &body,
    )
    .await
}

async fn notices(app: &TestApp, token: &str) -> Vec<Value> {
    app.get_json("/api/v1/availability-notices", Some(token))
        .await["notices"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

backend_tests!(a_no_show_without_excuse_tells_the_a_kasse_and_the_citizen);
async fn a_no_show_without_excuse_tells_the_a_kasse_and_the_citizen(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (citizen, me) = app
        .citizen(&world, "0101901234", "anne", "insured_unemployed")
        .await;
    let id = meeting(&app, &world, &citizen, 24).await;
    app.store.advance_clock(SignedDuration::from_hours(25));
    let r = outcome(&app, &world.aalborg, &id, json!({"status": "no_show"})).await;
    assert_eq!(r.status(), StatusCode::OK);
    let m: Value = r.json().await.expect("json");
    assert_eq!(m["status"], "no_show");
    assert_eq!(m["no_show_excuse"], Value::Null);

    // The a-kasse's inbox holds the facts; the jobcentre's caseworker receives none.
    let got = notices(&app, &world.fund).await;
    assert_eq!(got.len(), 1, "{got:?}");
    let n = &got[0];
    assert_eq!(n["citizen_id"], citizen.as_str());
    assert_eq!(n["meeting_id"], id.as_str());
    assert_eq!(n["kind"], "no_show");
    assert_eq!(n["recipient"], "a_kasse");
    assert_eq!(n["channel"], "in_person");
    assert_eq!(n["start"], m["start"]);
    assert_eq!(n["recorded_by_name"], "Navn cw.aalborg");
    assert_eq!(n["sent_by"], "jobcenter");
    assert_eq!(n["withdrawn"], Value::Null);
    problem(
        app.get("/api/v1/availability-notices", Some(&world.aalborg))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    // The citizen is told in their thread, plainly, and sees who did what.
    let thread = app
        .get_json(&format!("/api/v1/citizens/{citizen}/messages"), Some(&me))
        .await;
    let told = thread["messages"]
        .as_array()
        .and_then(|ms| ms.last())
        .map(|m| m["body"].as_str().unwrap_or_default().to_owned())
        .unwrap_or_default();
    assert!(told.starts_with("Du kom ikke til din samtale"), "{thread}");
    assert!(told.contains("a-kasse"), "{told}");
    let log = app
        .get_json(&format!("/api/v1/citizens/{citizen}/access-log"), Some(&me))
        .await;
    let actions: Vec<&str> = log["entries"]
        .as_array()
        .map(|es| es.iter().filter_map(|e| e["action"].as_str()).collect())
        .unwrap_or_default();
    for action in ["availability_notice.sent", "availability_notice.listed"] {
        assert!(actions.contains(&action), "{action}: {actions:?}");
    }

    // Withdrawn by the jobcentre that sent it, with the excuse; by nobody else.
    let path = format!(
        "/api/v1/availability-notices/{}/withdraw",
        n["id"].as_str().expect("id")
    );
    let excuse = json!({"reason": "Indlagt på sygehus, dokumenteret"});
    problem(
        app.post(&path, Some(&world.fund), &excuse).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    problem(
        app.post(&path, Some(&world.aarhus), &excuse).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    problem(
        app.post(&path, Some(&world.aalborg), &json!({"reason": " "}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "reason_required",
    )
    .await;
    let r = app.post(&path, Some(&world.aalborg), &excuse).await;
    assert_eq!(r.status(), StatusCode::OK);
    let w: Value = r.json().await.expect("json");
    assert_eq!(w["withdrawn"]["reason"], "Indlagt på sygehus, dokumenteret");
    assert_eq!(w["withdrawn"]["by_name"], "Navn cw.aalborg");
    problem(
        app.post(&path, Some(&world.aalborg), &excuse).await,
        StatusCode::CONFLICT,
        "notice_withdrawn",
    )
    .await;
    let after = app
        .get_json(&format!("/api/v1/meetings/{id}"), Some(&world.aalborg))
        .await;
    assert_eq!(after["no_show_excuse"], "Indlagt på sygehus, dokumenteret");
    let got = notices(&app, &world.fund).await;
    assert!(got[0]["withdrawn"]["at"].is_string(), "{got:?}");
    let log = app
        .get_json(&format!("/api/v1/citizens/{citizen}/access-log"), Some(&me))
        .await;
    assert!(
        log["entries"].as_array().is_some_and(|es| es
            .iter()
            .any(|e| e["action"] == "availability_notice.withdrawn")),
        "{log}"
    );
}

backend_tests!(cash_benefit_goes_to_the_benefits_office_and_an_excuse_sends_nothing);
async fn cash_benefit_goes_to_the_benefits_office_and_an_excuse_sends_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (citizen, me) = app
        .citizen(&world, "0101901234", "anne", "job_ready_cash_benefit")
        .await;
    let excused = meeting(&app, &world, &citizen, 24).await;
    let missed = meeting(&app, &world, &citizen, 26).await;
    app.store.advance_clock(SignedDuration::from_hours(27));
    let (_, manager) = app.staff(&world, "leder.aalborg", "manager").await;

    // Bad input changes nothing.
    let long = "x".repeat(1001);
    let p = problem(
        outcome(
            &app,
            &world.aalborg,
            &excused,
            json!({"status": "no_show", "excuse": long}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "excuse", "{p}");
    let still = app
        .get_json(&format!("/api/v1/meetings/{excused}"), Some(&world.aalborg))
        .await;
    assert_eq!(still["status"], "booked");

    // With a reasonable excuse: recorded, nobody told.
    let r = outcome(
        &app,
        &world.aalborg,
        &excused,
        json!({"status": "no_show", "excuse": "Til jobsamtale hos Arla"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let m: Value = r.json().await.expect("json");
    assert_eq!(m["no_show_excuse"], "Til jobsamtale hos Arla");
    assert!(notices(&app, &manager).await.is_empty());
    let thread = app
        .get_json(&format!("/api/v1/citizens/{citizen}/messages"), Some(&me))
        .await;
    assert_eq!(thread["messages"], json!([]), "{thread}");

    // Without: the municipality's benefits office — its managers, and its team once named.
    let r = outcome(&app, &world.aalborg, &missed, json!({"status": "no_show"})).await;
    assert_eq!(r.status(), StatusCode::OK);
    let got = notices(&app, &manager).await;
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0]["recipient"], "benefits_office");
    assert_eq!(got[0]["meeting_id"], missed.as_str());
    assert!(notices(&app, &world.fund).await.is_empty());
    let body = json!({"login": "ydelse.aalborg", "name": "Ydelse", "role": "caseworker",
        "municipality": "0851", "team": "Ydelseskontoret"});
    let r = app.post("/api/v1/staff", Some(&world.admin), &body).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let benefits = app.token("ydelse.aalborg").await;
    problem(
        app.get("/api/v1/availability-notices", Some(&benefits))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let r = app
        .patch(
            "/api/v1/municipalities/0851",
            Some(&manager),
            &json!({"benefits_team": "Ydelseskontoret"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let settings: Value = r.json().await.expect("json");
    assert_eq!(settings["benefits_team"], "Ydelseskontoret");
    assert_eq!(settings["first_meeting_in_person"], "screening");
    assert_eq!(notices(&app, &benefits).await.len(), 1);
}

backend_tests!(a_missed_self_booking_deadline_is_on_the_worklist_and_the_a_kasse_is_told);
async fn a_missed_self_booking_deadline_is_on_the_worklist_and_the_a_kasse_is_told(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    // Insured since 1 September and no conversation booked: one is past its deadline.
    let (citizen, me) = app
        .citizen(&world, "0101901234", "anne", "insured_unemployed")
        .await;
    let plan = app
        .get_json(
            &format!("/api/v1/citizens/{citizen}/contact-plan"),
            Some(&world.aalborg),
        )
        .await;
    let overdue = plan["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["status"] == "overdue"))
        .cloned()
        .expect("an overdue conversation");
    let holder = if overdue["holder"] == "unemployment_fund" {
        &world.fund
    } else {
        &world.aalborg
    };
    let worklist = app.get_json("/api/v1/worklist", Some(holder)).await;
    assert!(
        worklist["items"].as_array().is_some_and(|items| items
            .iter()
            .any(|i| i["citizen_id"] == citizen.as_str() && i["reason"] == "booking_overdue")),
        "{worklist}"
    );

    let path = format!("/api/v1/citizens/{citizen}/booking-overdue-notice");
    let r = app.post(&path, Some(holder), &json!({})).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let notice: Value = r.json().await.expect("json");
    assert_eq!(notice["kind"], "booking_overdue");
    assert_eq!(notice["recipient"], "a_kasse");
    assert_eq!(notice["meeting_id"], Value::Null);
    problem(
        app.post(&path, Some(holder), &json!({})).await,
        StatusCode::CONFLICT,
        "notice_exists",
    )
    .await;
    let got = notices(&app, &world.fund).await;
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0]["kind"], "booking_overdue");
    // In the thread with whoever holds the conversation.
    let thread_of = if overdue["holder"] == "unemployment_fund" {
        "?thread=a_kasse"
    } else {
        ""
    };
    let thread = app
        .get_json(
            &format!("/api/v1/citizens/{citizen}/messages{thread_of}"),
            Some(&me),
        )
        .await;
    assert!(
        thread["messages"]
            .as_array()
            .is_some_and(|ms| ms.iter().any(|m| m["body"]
                .as_str()
                .is_some_and(|b| b.starts_with("Du har ikke booket din samtale")))),
        "{thread}"
    );

    // A citizen on cash benefit books nothing themself: there is no booking deadline to miss.
    let (cash, _) = app
        .citizen(&world, "0202902345", "bo", "job_ready_cash_benefit")
        .await;
    problem(
        app.post(
            &format!("/api/v1/citizens/{cash}/booking-overdue-notice"),
            Some(&world.aalborg),
            &json!({}),
        )
        .await,
        StatusCode::CONFLICT,
        "no_booking_overdue",
    )
    .await;
    problem(
        app.post(&path, Some(&me), &json!({})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}
