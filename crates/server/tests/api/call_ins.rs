//! /api/v1/locations and call-ins (`POST /api/v1/meetings` with `call_in`): staff call a
//! citizen in with the facts BEK nr. 442/2023 § 20 registers (location and address, the
//! number to call, the staff member, rebooking), and a refusal names the missing field and
//! writes nothing.

use jiff::{SignedDuration, Timestamp};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, World, problem, spawn_app};
use store::{Backend, backend_tests};

/// A whole minute `hours` from the store's clock.
pub(crate) fn at(app: &TestApp, hours: i64) -> Timestamp {
    let t = app
        .store
        .now()
        .checked_add(SignedDuration::from_hours(hours))
        .expect("time");
    Timestamp::from_second(t.as_second() - t.as_second() % 60).expect("time")
}

/// A 30-minute slot of the caller `hours` ahead offering `channels`; returns its id.
pub(crate) async fn slot(app: &TestApp, token: &str, hours: i64, channels: Value) -> String {
    let start = at(app, hours);
    let end = start
        .checked_add(SignedDuration::from_mins(30))
        .expect("time");
    let body = json!({"start": start.to_string(), "end": end.to_string(),
        "channels": channels, "location": "Jobcentret"});
    let r = app.post("/api/v1/slots", Some(token), &body).await;
    assert_eq!(r.status(), StatusCode::CREATED, "{body}");
    r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

/// The id of what a request has just created (201).
async fn created(r: reqwest::Response) -> String {
    assert_eq!(r.status(), StatusCode::CREATED);
    r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

/// A manager of Aalborg adds the jobcentre's address; returns its id.
pub(crate) async fn jobcentre(app: &TestApp, world: &World) -> String {
    let (_, manager) = app.staff(world, "leder.aalborg", "manager").await;
    let body = json!({"name": "Jobcenter Aalborg", "street": "Vesterbro 14",
        "postcode": "9000", "town": "Aalborg", "directions": "Indgang fra gården, 2. sal",
        "step_free": true});
    let r = app.post("/api/v1/locations", Some(&manager), &body).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let location: Value = r.json().await.expect("json");
    assert_eq!(location["organisation"], "0851");
    assert_eq!(location["step_free"], true);
    location["id"].as_str().expect("id").to_owned()
}

backend_tests!(locations_are_kept_by_managers_and_read_by_their_own_staff);
async fn locations_are_kept_by_managers_and_read_by_their_own_staff(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let id = jobcentre(&app, &world).await;
    let mine = app
        .get_json("/api/v1/locations", Some(&world.aalborg))
        .await;
    assert_eq!(mine["locations"][0]["id"], id.as_str());
    assert_eq!(mine["locations"][0]["street"], "Vesterbro 14");
    let theirs = app.get_json("/api/v1/locations", Some(&world.aarhus)).await;
    assert_eq!(theirs["locations"], json!([]));
    let place =
        json!({"name": "Filial", "street": "Gade 1", "postcode": "9000", "town": "Aalborg"});
    // A caseworker reads but does not keep the list; another municipality's is not theirs.
    problem(
        app.post("/api/v1/locations", Some(&world.aalborg), &place)
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let mut elsewhere = place.clone();
    elsewhere["municipality"] = json!("0751");
    problem(
        app.post("/api/v1/locations", Some(&world.aalborg), &elsewhere)
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Bad input names the field; an administrator must say whose it is.
    for (body, field) in [
        (
            json!({"name": "X", "street": "Gade 1", "postcode": "90", "town": "Aalborg"}),
            "postcode",
        ),
        (
            json!({"name": " ", "street": "Gade 1", "postcode": "9000", "town": "Aalborg"}),
            "name",
        ),
    ] {
        let p = problem(
            app.post("/api/v1/locations", Some(&world.admin), &body)
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(p["errors"][0]["field"], field, "{p}");
    }
    let p = problem(
        app.post("/api/v1/locations", Some(&world.admin), &place)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "municipality", "{p}");
    let all = app.get_json("/api/v1/locations", Some(&world.admin)).await;
    assert_eq!(all["locations"].as_array().map(Vec::len), Some(1), "{all}");
}

backend_tests!(a_call_in_carries_the_address_the_number_and_the_rebooking_period);
async fn a_call_in_carries_the_address_the_number_and_the_rebooking_period(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let location = jobcentre(&app, &world).await;
    let (citizen, token) = app
        .citizen(&world, "0101901234", "anne", "job_ready_cash_benefit")
        .await;
    let s = slot(&app, &world.aalborg, 72, json!(["in_person", "phone"])).await;
    let until = at(&app, 48).to_string();
    let body = json!({"citizen_id": citizen, "slot_id": s, "channel": "in_person",
        "purpose": "Jobsamtale", "call_in": {"location_id": location, "rebook_until": until}});
    let r = app
        .post("/api/v1/meetings", Some(&world.aalborg), &body)
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let meeting: Value = r.json().await.expect("json");
    let call_in = &meeting["call_in"];
    assert_eq!(call_in["location"]["street"], "Vesterbro 14", "{meeting}");
    assert_eq!(call_in["location"]["postcode"], "9000");
    assert_eq!(
        call_in["location"]["directions"],
        "Indgang fra gården, 2. sal"
    );
    assert_eq!(call_in["staff_name"], "Navn cw.aalborg");
    assert_eq!(call_in["rebooking_allowed"], true);
    assert!(call_in["rebook_until"].is_string(), "{meeting}");
    assert_eq!(call_in["fund_participates"], false);
    assert_eq!(meeting["location"], "Jobcenter Aalborg");
    // The citizen sees the same facts on their own list.
    let mine = app
        .get_json(
            &format!("/api/v1/citizens/{citizen}/meetings"),
            Some(&token),
        )
        .await;
    assert_eq!(
        mine["meetings"][0]["call_in"]["location"]["town"], "Aalborg",
        "{mine}"
    );
    // A citizen cannot call themself in.
    let other = slot(&app, &world.aalborg, 96, json!(["in_person"])).await;
    let own = json!({"citizen_id": citizen, "slot_id": other, "channel": "in_person",
        "call_in": {"location_id": location}});
    problem(
        app.post("/api/v1/meetings", Some(&token), &own).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

backend_tests!(a_call_in_registers_the_a_kasse_participation_for_the_insured_first_conversation);
/// BEK nr. 442/2023 § 20, stk. 1, nr. 13: for the insured person's first conversation with the
/// jobcentre (LAB § 31, stk. 2: the person chooses whether the a-kasse takes part) the call-in
/// carries the status of the a-kasse's participation; for any other conversation nothing.
async fn a_call_in_registers_the_a_kasse_participation_for_the_insured_first_conversation(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let location = jobcentre(&app, &world).await;
    let call_in = |citizen: &str, slot: &str, joint: bool| {
        json!({"citizen_id": citizen, "slot_id": slot, "channel": "in_person",
            "with_fund": joint, "call_in": {"location_id": location}})
    };
    // A call-in `hours` ahead (a fresh slot of the jobcentre; for a joint one also of 3F), its
    // answer, and nr. 13 from it.
    let call_in_at = async |hours: i64, citizen: &str, joint: bool| -> Value {
        let s = slot(&app, &world.aalborg, hours, json!(["in_person"])).await;
        if joint {
            slot(&app, &world.fund, hours, json!(["in_person"])).await;
        }
        let body = call_in(citizen, &s, joint);
        let r = app
            .post("/api/v1/meetings", Some(&world.aalborg), &body)
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);
        r.json().await.expect("json")
    };
    let participation = |meeting: &Value| meeting["call_in"]["fund_participation"].clone();
    // Joint: an adviser of 3F has the time free and is booked in.
    let (joint_citizen, _) = app
        .citizen(&world, "0101901111", "ib", "insured_unemployed")
        .await;
    let meeting = call_in_at(72, &joint_citizen, true).await;
    assert_eq!(participation(&meeting), "participates", "{meeting}");
    assert_eq!(meeting["call_in"]["fund_participates"], true);
    // The person chose the jobcentre alone.
    let (alone, _) = app
        .citizen(&world, "0101902222", "ida", "insured_unemployed")
        .await;
    let meeting = call_in_at(96, &alone, false).await;
    assert_eq!(participation(&meeting), "declined", "{meeting}");
    // Her second conversation with the jobcentre is not one under § 31, stk. 2.
    let meeting = call_in_at(120, &alone, false).await;
    assert_eq!(participation(&meeting), Value::Null, "{meeting}");
    // Nor is a cash-benefit recipient's.
    let (cash, _) = app
        .citizen(&world, "0101903333", "ole", "job_ready_cash_benefit")
        .await;
    let meeting = call_in_at(144, &cash, false).await;
    assert_eq!(participation(&meeting), Value::Null, "{meeting}");
    // The export feed carries it with the call-in's other facts (on PostgreSQL once every
    // earlier transaction on the server has ended, as in exports.rs).
    let mut feed = Value::Null;
    for _ in 0..50 {
        feed = app
            .get_json("/api/v1/exports/call-ins", Some(&world.aalborg))
            .await;
        if feed["events"].as_array().map(Vec::len) == Some(4) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let statuses: Vec<Value> = feed["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["facts"]["fund_participation"].clone())
        .collect();
    assert_eq!(
        statuses,
        vec![
            json!("participates"),
            json!("declined"),
            Value::Null,
            Value::Null
        ],
        "{feed}"
    );
}

backend_tests!(a_call_in_without_its_place_or_number_names_the_field_and_writes_nothing);
async fn a_call_in_without_its_place_or_number_names_the_field_and_writes_nothing(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let location = jobcentre(&app, &world).await;
    let (citizen, _) = app
        .citizen(&world, "0101901234", "anne", "job_ready_cash_benefit")
        .await;
    app.first_conversation_held("cw.aalborg", &citizen).await;
    let s = slot(
        &app,
        &world.aalborg,
        72,
        json!(["in_person", "phone", "video"]),
    )
    .await;
    let past = at(&app, -1).to_string();
    let after = at(&app, 80).to_string();
    let cases = [
        (
            json!({"channel": "in_person", "call_in": {}}),
            "call_in.location_id",
        ),
        // No number on file and none to call: the citizen cannot be reached.
        (json!({"channel": "phone", "call_in": {}}), "call_in.phone"),
        (
            json!({"channel": "phone", "call_in": {"phone": "ring"}}),
            "call_in.phone",
        ),
        (
            json!({"channel": "video", "call_in": {"location_id": location}}),
            "call_in.location_id",
        ),
        (
            json!({"channel": "in_person", "call_in": {"location_id": "../x"}}),
            "call_in.location_id",
        ),
        (
            json!({"channel": "in_person", "call_in": {"location_id": "unknownplace"}}),
            "call_in.location_id",
        ),
        (
            json!({"channel": "video", "call_in": {"rebook_until": past}}),
            "call_in.rebook_until",
        ),
        (
            json!({"channel": "video", "call_in": {"rebook_until": after}}),
            "call_in.rebook_until",
        ),
    ];
    for (mut body, field) in cases {
        body["citizen_id"] = json!(citizen);
        body["slot_id"] = json!(s);
        let p = problem(
            app.post("/api/v1/meetings", Some(&world.aalborg), &body)
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(p["errors"][0]["field"], field, "{body}: {p}");
    }
    // Another municipality's location is not one this call-in can use.
    let (_, aarhus_manager) = {
        let body = json!({"login": "leder.aarhus", "name": "Leder", "role": "manager", "municipality": "0751"});
        let r = app.post("/api/v1/staff", Some(&world.admin), &body).await;
        assert_eq!(r.status(), StatusCode::CREATED);
        ((), app.token("leder.aarhus").await)
    };
    let r = app
        .post(
            "/api/v1/locations",
            Some(&aarhus_manager),
            &json!({"name": "Jobcenter Aarhus", "street": "Værkmestergade 2", "postcode": "8000", "town": "Aarhus C"}),
        )
        .await;
    let aarhus: Value = r.json().await.expect("json");
    let body = json!({"citizen_id": citizen, "slot_id": s, "channel": "in_person",
        "call_in": {"location_id": aarhus["id"]}});
    let p = problem(
        app.post("/api/v1/meetings", Some(&world.aalborg), &body)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "call_in.location_id", "{p}");
    // Nothing was booked by any of it; the slot is still free, and a number to call is enough
    // for a citizen without one on file.
    let listed = app
        .get_json(
            &format!("/api/v1/citizens/{citizen}/meetings"),
            Some(&world.aalborg),
        )
        .await;
    assert_eq!(
        listed["meetings"].as_array().map(Vec::len),
        Some(1),
        "{listed}"
    );
    let body = json!({"citizen_id": citizen, "slot_id": s, "channel": "phone",
        "call_in": {"phone": "70 12 34 56"}});
    let r = app
        .post("/api/v1/meetings", Some(&world.aalborg), &body)
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let meeting: Value = r.json().await.expect("json");
    assert_eq!(meeting["call_in"]["phone"], "+4570123456", "{meeting}");
    assert_eq!(meeting["call_in"]["rebooking_allowed"], false);
    assert_eq!(meeting["call_in"]["location"], Value::Null);
}

backend_tests!(a_citizen_moves_a_call_in_only_within_its_period_and_to_the_same_kind);
async fn a_citizen_moves_a_call_in_only_within_its_period_and_to_the_same_kind(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let location = jobcentre(&app, &world).await;
    let (citizen, token) = app
        .citizen(&world, "0101901234", "anne", "job_ready_cash_benefit")
        .await;
    let call_in = |slot: &str, until: Option<String>| {
        let mut c = json!({"location_id": location});
        if let Some(until) = until {
            c["rebook_until"] = json!(until);
        }
        json!({"citizen_id": citizen, "slot_id": slot, "channel": "in_person", "call_in": c})
    };
    let first = slot(&app, &world.aalborg, 72, json!(["in_person"])).await;
    let r = app
        .post(
            "/api/v1/meetings",
            Some(&world.aalborg),
            &call_in(&first, Some(at(&app, 48).to_string())),
        )
        .await;
    let id = created(r).await;
    let video_only = slot(&app, &world.aalborg, 96, json!(["video"])).await;
    let same_kind = slot(&app, &world.aalborg, 120, json!(["in_person", "video"])).await;
    let move_to = |slot: &str| json!({"slot_id": slot});
    let path = format!("/api/v1/meetings/{id}/move");
    // Not to a time without the call-in's channel.
    problem(
        app.post(&path, Some(&token), &move_to(&video_only)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "rebooking_other_kind",
    )
    .await;
    let r = app.post(&path, Some(&token), &move_to(&same_kind)).await;
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "within the period, the same kind"
    );
    // After the period has closed the citizen cannot move it; staff still can.
    app.store
        .advance_clock(jiff::SignedDuration::from_hours(49));
    let later = slot(&app, &world.aalborg, 30, json!(["in_person"])).await;
    let p = problem(
        app.post(&path, Some(&token), &move_to(&later)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "rebooking_closed",
    )
    .await;
    assert!(
        p["detail"]
            .as_str()
            .is_some_and(|d| d.contains("Kontakt os")),
        "{p}"
    );
    let r = app
        .post(&path, Some(&world.aalborg), &move_to(&later))
        .await;
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "staff move call-ins as any meeting"
    );
    // A call-in without a rebooking period is never the citizen's to move.
    let fixed = slot(&app, &world.aalborg, 150, json!(["in_person"])).await;
    let elsewhere = slot(&app, &world.aalborg, 170, json!(["in_person"])).await;
    let (other, other_token) = app
        .citizen(&world, "0202901234", "bo", "job_ready_cash_benefit")
        .await;
    let mut body = call_in(&fixed, None);
    body["citizen_id"] = json!(other);
    let r = app
        .post("/api/v1/meetings", Some(&world.aalborg), &body)
        .await;
    let fixed_id = created(r).await;
    problem(
        app.post(
            &format!("/api/v1/meetings/{fixed_id}/move"),
            Some(&other_token),
            &move_to(&elsewhere),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "rebooking_closed",
    )
    .await;
}

backend_tests!(a_citizen_who_cannot_come_reports_it_and_staff_accept_or_refuse);
async fn a_citizen_who_cannot_come_reports_it_and_staff_accept_or_refuse(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let location = jobcentre(&app, &world).await;
    let (citizen, token) = app
        .citizen(&world, "0101901234", "anne", "job_ready_cash_benefit")
        .await;
    let caseworker = app.staff_actor("cw.aalborg").await;
    let r = app
        .patch(
            &format!("/api/v1/citizens/{citizen}"),
            Some(&world.aalborg),
            &json!({"caseworker_id": caseworker.id()}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let book = |hours: i64| {
        let app = &app;
        let world = &world;
        let location = location.clone();
        let citizen = citizen.clone();
        async move {
            let s = slot(app, &world.aalborg, hours, json!(["in_person"])).await;
            let body = json!({"citizen_id": citizen, "slot_id": s, "channel": "in_person",
                "call_in": {"location_id": location}});
            let r = app
                .post("/api/v1/meetings", Some(&world.aalborg), &body)
                .await;
            created(r).await
        }
    };
    let first = book(72).await;
    // A call-in is not the citizen's to cancel.
    problem(
        app.post(
            &format!("/api/v1/meetings/{first}/cancel"),
            Some(&token),
            &json!({"reason": "Gider ikke"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "call_in_absence_only",
    )
    .await;
    let absence = format!("/api/v1/meetings/{first}/absence");
    let p = problem(
        app.post(&absence, Some(&token), &json!({"reason": "other"}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "text", "{p}");
    let r = app
        .post(
            &absence,
            Some(&token),
            &json!({"reason": "job_interview", "text": "Samtale hos Arla kl. 9"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let reported: Value = r.json().await.expect("json");
    assert_eq!(reported["status"], "booked", "it stands until staff decide");
    assert_eq!(reported["absence"]["status"], "pending");
    assert_eq!(reported["absence"]["reason"], "job_interview");
    problem(
        app.post(&absence, Some(&token), &json!({"reason": "illness"}))
            .await,
        StatusCode::CONFLICT,
        "absence_not_possible",
    )
    .await;
    let worklist = app.get_json("/api/v1/worklist", Some(&world.aalborg)).await;
    let reasons: Vec<&Value> = worklist["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["citizen_id"] == citizen.as_str())
        .map(|i| &i["reason"])
        .collect();
    assert!(reasons.contains(&&json!("absence_reported")), "{worklist}");
    // Another organisation cannot decide; refusing needs a reason.
    let decision = format!("{absence}/decision");
    problem(
        app.post(&decision, Some(&world.aarhus), &json!({"accept": true}))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    problem(
        app.post(&decision, Some(&world.aalborg), &json!({"accept": false}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "reason_required",
    )
    .await;
    let r = app
        .post(
            &decision,
            Some(&world.aalborg),
            &json!({"accept": false, "reason": "Jobsamtalen kan flyttes til eftermiddagen."}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let refused: Value = r.json().await.expect("json");
    assert_eq!(refused["status"], "booked", "the call-in stands");
    assert_eq!(refused["absence"]["status"], "refused");
    // The citizen is told why in their thread.
    let thread = app
        .get_json(
            &format!("/api/v1/citizens/{citizen}/messages"),
            Some(&token),
        )
        .await;
    let told = thread["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .any(|m| {
            m["body"]
                .as_str()
                .is_some_and(|b| b.contains("ikke godkendt") && b.contains("eftermiddagen"))
        });
    assert!(told, "{thread}");
    problem(
        app.post(&decision, Some(&world.aalborg), &json!({"accept": true}))
            .await,
        StatusCode::CONFLICT,
        "no_absence_pending",
    )
    .await;

    // A second call-in, accepted: cancelled as an afbud with a reasonable excuse, and off
    // the worklist.
    let second = book(120).await;
    let r = app
        .post(
            &format!("/api/v1/meetings/{second}/absence"),
            Some(&token),
            &json!({"reason": "illness"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let r = app
        .post(
            &format!("/api/v1/meetings/{second}/absence/decision"),
            Some(&world.aalborg),
            &json!({"accept": true}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let accepted: Value = r.json().await.expect("json");
    assert_eq!(accepted["status"], "cancelled");
    assert_eq!(accepted["absence"]["status"], "accepted");
    assert!(
        accepted["cancellation"]["reason"]
            .as_str()
            .is_some_and(|r| r.starts_with("Afbud med rimelig grund")),
        "{accepted}"
    );
    let worklist = app.get_json("/api/v1/worklist", Some(&world.aalborg)).await;
    assert!(
        !worklist["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["reason"] == "absence_reported"),
        "{worklist}"
    );
    // An ordinary meeting is not a call-in: no absence report, the plain cancel.
    let plain = slot(&app, &world.aalborg, 150, json!(["in_person"])).await;
    let r = app
        .post(
            "/api/v1/meetings",
            Some(&token),
            &json!({"citizen_id": citizen, "slot_id": plain, "channel": "in_person"}),
        )
        .await;
    let own = created(r).await;
    problem(
        app.post(
            &format!("/api/v1/meetings/{own}/absence"),
            Some(&token),
            &json!({"reason": "illness"}),
        )
        .await,
        StatusCode::CONFLICT,
        "absence_not_possible",
    )
    .await;
}
