//! /api/v1/citizens/{id}/contact-plan, /citizens/{id}/exemption and /worklist, on both backends.
//! Dates are relative to today, so the tests mean the same on any day they run.

use jiff::{SignedDuration, Timestamp, ToSpan};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, World, problem, spawn_app};
use store::{Backend, backend_tests};

fn days_ago(n: i64) -> String {
    let today = domain::clock_text::local_date(Timestamp::now());
    today.saturating_sub(n.days()).to_string()
}

async fn json_of(r: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(r.status(), status);
    r.json().await.expect("json")
}

/// A citizen of Aalborg registered by the Aalborg caseworker; returns the id.
async fn citizen(
    app: &TestApp,
    world: &World,
    cpr: &str,
    group: &str,
    since: &str,
    login: Option<&str>,
) -> String {
    let mut body = json!({
        "cpr": cpr, "name": format!("Borger {cpr}"), "municipality": "0851",
        "target_group": group, "unemployed_since": since, "unemployment_fund": "3F"
    });
    if let Some(login) = login {
        body["login"] = json!(login);
    }
    let r = app
        .post("/api/v1/citizens", Some(&world.aalborg), &body)
        .await;
    json_of(r, StatusCode::CREATED).await["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

/// An in-person slot `hours` ahead for the caller, booked for `citizen`; returns the meeting id.
/// In person, so that it may be the citizen's first conversation (LAB § 33, stk. 1).
async fn book(app: &TestApp, token: &str, citizen: &str, hours: i64) -> String {
    let t = Timestamp::now()
        .checked_add(SignedDuration::from_hours(hours))
        .expect("time");
    let start = Timestamp::from_second(t.as_second() - t.as_second() % 60).expect("time");
    let end = start
        .checked_add(SignedDuration::from_mins(30))
        .expect("time");
    let body = json!({"start": start.to_string(), "end": end.to_string(),
        "channels": ["in_person"], "location": "Jobcenter Aalborg, Kjellerups Torv 5"});
    let slot = json_of(
        app.post("/api/v1/slots", Some(token), &body).await,
        StatusCode::CREATED,
    )
    .await;
    let body = json!({"citizen_id": citizen, "slot_id": slot["id"], "channel": "in_person"});
    let meeting = json_of(
        app.post("/api/v1/meetings", Some(token), &body).await,
        StatusCode::CREATED,
    )
    .await;
    meeting["id"].as_str().expect("id").to_owned()
}

fn statuses(plan: &Value) -> Vec<(String, String, String)> {
    plan["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            let s = |k: &str| i[k].as_str().unwrap_or_default().to_owned();
            (s("kind"), s("holder"), s("status"))
        })
        .collect()
}

fn row(kind: &str, holder: &str, status: &str) -> (String, String, String) {
    (kind.into(), holder.into(), status.into())
}

backend_tests!(the_plan_follows_meetings_from_booked_to_held_and_is_read_by_those_who_may);
async fn the_plan_follows_meetings_from_booked_to_held_and_is_read_by_those_who_may(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let anne = citizen(
        &app,
        &world,
        "0101901234",
        "insured_unemployed",
        &days_ago(20),
        Some("anne"),
    )
    .await;
    let path = format!("/api/v1/citizens/{anne}/contact-plan");

    let plan = json_of(app.get(&path, Some(&world.aalborg)).await, StatusCode::OK).await;
    assert_eq!(plan["rules_version"], "lab-2026-07-01");
    assert_eq!(
        statuses(&plan),
        vec![
            row("first_conversation", "unemployment_fund", "overdue"),
            row("job_conversation", "unemployment_fund", "due"),
            row("job_conversation", "municipality", "due"),
            row("job_conversation", "municipality", "due"),
            row("sixteen_month_conversation", "municipality", "due"),
        ]
    );
    let since: jiff::civil::Date = days_ago(20).parse().expect("date");
    let first_due: jiff::civil::Date = plan["items"][0]["due_by"]
        .as_str()
        .expect("due_by")
        .parse()
        .expect("date");
    assert!(
        first_due >= since.saturating_add(14.days())
            && first_due <= since.saturating_add(18.days())
    );

    // The a-kasse books the overdue first conversation: planned.
    let meeting = book(&app, &world.fund, &anne, 48).await;
    let plan = json_of(app.get(&path, Some(&world.fund)).await, StatusCode::OK).await;
    assert_eq!(
        statuses(&plan)[0],
        row("first_conversation", "unemployment_fund", "planned")
    );
    assert_eq!(plan["items"][0]["meeting_id"], meeting.as_str());

    // Held, late: done, and nothing is overdue any more.
    app.store.advance_clock(SignedDuration::from_hours(49));
    let r = app
        .post(
            &format!("/api/v1/meetings/{meeting}/outcome"),
            Some(&world.fund),
            &json!({"status": "held"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let me = app.token("anne").await;
    let plan = json_of(app.get(&path, Some(&me)).await, StatusCode::OK).await;
    assert_eq!(
        statuses(&plan)[0],
        row("first_conversation", "unemployment_fund", "done")
    );
    assert_eq!(plan["items"][0]["late"], true);
    assert!(statuses(&plan).iter().all(|(_, _, s)| s != "overdue"));

    // Another municipality does not know the citizen; nobody knows an unknown one.
    problem(
        app.get(&path, Some(&world.aarhus)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    problem(
        app.get("/api/v1/citizens/nobody/contact-plan", Some(&world.aalborg))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    problem(
        app.get(&path, None).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;

    // Staff reads are in the citizen's access log; the citizen's own are not.
    let log = json_of(
        app.get(&format!("/api/v1/citizens/{anne}/access-log"), Some(&me))
            .await,
        StatusCode::OK,
    )
    .await;
    let plan_reads: Vec<&str> = log["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["action"] == "contact_plan.read")
        .filter_map(|e| e["actor_role"].as_str())
        .collect();
    assert_eq!(plan_reads.len(), 2, "{log}");
    assert!(!plan_reads.contains(&"citizen"));
}

backend_tests!(exemption_under_the_2026_rules_needs_a_reason_and_leaves_the_first_conversation);
async fn exemption_under_the_2026_rules_needs_a_reason_and_leaves_the_first_conversation(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let anne = citizen(
        &app,
        &world,
        "0101901234",
        "insured_unemployed",
        &days_ago(3),
        Some("anne"),
    )
    .await;
    let path = format!("/api/v1/citizens/{anne}/exemption");

    let body = problem(
        app.post(
            &path,
            Some(&world.aalborg),
            &json!({"exempt": true, "reason": "  "}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "reason");
    problem(
        app.post_raw(&path, Some(&world.aalborg), "{\"exempt\": tru")
            .await,
        StatusCode::BAD_REQUEST,
        "malformed_json",
    )
    .await;
    let me = app.token("anne").await;
    problem(
        app.post(
            &path,
            Some(&me),
            &json!({"exempt": true, "reason": "Jeg vil selv"}),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // Nothing was stored by the refusals.
    let plan = json_of(
        app.get(
            &format!("/api/v1/citizens/{anne}/contact-plan"),
            Some(&world.fund),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(plan["items"].as_array().map(Vec::len), Some(5));
    assert_eq!(plan["exemption"], Value::Null);
    assert_eq!(plan["exemption_possible"], true, "for the a-kasse");

    let reason = "Har fået job fra 1. december";
    let plan = json_of(
        app.post(
            &path,
            Some(&world.fund),
            &json!({"exempt": true, "reason": reason}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    // The a-kasse exempts from its own conversation only; the municipality's two stay.
    let items = |plan: &Value| -> Vec<(String, String)> {
        plan["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| {
                (
                    i["kind"].as_str().unwrap_or_default().to_owned(),
                    i["holder"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    };
    let pair = |k: &str, h: &str| (k.to_owned(), h.to_owned());
    assert_eq!(
        items(&plan),
        vec![
            pair("first_conversation", "unemployment_fund"),
            pair("job_conversation", "municipality"),
            pair("job_conversation", "municipality"),
            pair("sixteen_month_conversation", "municipality"),
        ],
        "{backend:?}"
    );
    assert_eq!(plan["exempted"], 1);
    assert_eq!(plan["exemption"]["reason"], reason);
    assert_eq!(plan["exemption"]["holder"], "unemployment_fund");

    // The municipality exempts from its own; then both stand.
    let plan = json_of(
        app.post(
            &path,
            Some(&world.aalborg),
            &json!({"exempt": true, "reason": "Starter i job om to uger"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        items(&plan),
        vec![
            pair("first_conversation", "unemployment_fund"),
            pair("sixteen_month_conversation", "municipality"),
        ]
    );
    assert_eq!(plan["exempted"], 3);
    assert_eq!(plan["exemptions"].as_array().map(Vec::len), Some(2));

    // Lifting is the municipality's own too: the a-kasse's exemption stands.
    let plan = json_of(
        app.post(
            &path,
            Some(&world.aalborg),
            &json!({"exempt": false, "reason": "Jobbet faldt bort"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(plan["items"].as_array().map(Vec::len), Some(4));
    assert_eq!(plan["exempted"], 1);
    assert_eq!(plan["exemption_possible"], true);
    // An administrator holds no conversations and decides none.
    problem(
        app.post(
            &path,
            Some(&world.admin),
            &json!({"exempt": true, "reason": "x"}),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let plan = app
        .get_json(&format!("/api/v1/citizens/{anne}/contact-plan"), Some(&me))
        .await;
    assert_eq!(
        plan["exemption_possible"], false,
        "the citizen decides none"
    );

    // Cash benefit recipients have no exemptible conversations.
    let kim = citizen(
        &app,
        &world,
        "0202851234",
        "job_ready_cash_benefit",
        &days_ago(3),
        None,
    )
    .await;
    problem(
        app.post(
            &format!("/api/v1/citizens/{kim}/exemption"),
            Some(&world.aalborg),
            &json!({"exempt": true, "reason": "x"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "exemption_not_allowed",
    )
    .await;
}

fn reasons(list: &Value) -> Vec<(String, String)> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["citizen_name"].as_str().unwrap_or_default().to_owned(),
                i["reason"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn pair(name: &str, reason: &str) -> (String, String) {
    (name.into(), reason.into())
}

backend_tests!(
    the_worklist_shows_who_needs_action_most_urgent_first_and_forgets_what_is_dealt_with
);
async fn the_worklist_shows_who_needs_action_most_urgent_first_and_forgets_what_is_dealt_with(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (jk, jk_token) = app.staff(&world, "jk.aalborg", "caseworker").await;
    let (_, leader) = app.staff(&world, "leder.aalborg", "manager").await;
    let bo = citizen(
        &app,
        &world,
        "0101901234",
        "insured_unemployed",
        &days_ago(20),
        None,
    )
    .await;
    let cai = citizen(
        &app,
        &world,
        "0202851234",
        "job_ready_cash_benefit",
        &days_ago(2),
        Some("cai"),
    )
    .await;
    let _dan = citizen(
        &app,
        &world,
        "0303801234",
        "education_benefit",
        &days_ago(30),
        None,
    )
    .await;
    for id in [&bo, &cai] {
        let r = app
            .patch(
                &format!("/api/v1/citizens/{id}"),
                Some(&world.aalborg),
                &json!({"caseworker_id": jk}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK);
    }

    let list = json_of(
        app.get("/api/v1/worklist", Some(&jk_token)).await,
        StatusCode::OK,
    )
    .await;
    // Bo's overdue conversation is the a-kasse's first: not the jobcenter's to hold.
    assert_eq!(reasons(&list), vec![pair("Borger 0202851234", "due_soon")]);
    assert_eq!(list["items"][0]["citizen_id"], cai.as_str());
    assert!(
        list["items"][0]["since"]
            .as_str()
            .is_some_and(|s| s.parse::<Timestamp>().is_ok())
    );
    assert_eq!(list["caseworkers"], json!([]));
    // It is on the a-kasse adviser's list, which holds every member of the a-kasse; Bo, insured
    // and not exempt, was to book it himself: the booking deadline is what he missed.
    let theirs = json_of(
        app.get("/api/v1/worklist", Some(&world.fund)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        reasons(&theirs),
        vec![pair("Borger 0101901234", "booking_overdue")]
    );
    assert_eq!(theirs["items"][0]["citizen_id"], bo.as_str());

    // The manager sees the whole municipality: the unassigned citizen too, and the counts.
    let all = json_of(
        app.get("/api/v1/worklist", Some(&leader)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        reasons(&all),
        vec![
            pair("Borger 0303801234", "overdue"),
            pair("Borger 0202851234", "due_soon"),
            pair("Borger 0303801234", "unassigned"),
        ]
    );
    let load = all["caseworkers"]
        .as_array()
        .expect("caseworkers")
        .iter()
        .find(|c| c["caseworker_id"] == jk.as_str())
        .cloned();
    assert_eq!(
        load.map(|l| (l["citizens"].clone(), l["items"].clone())),
        Some((json!(2), json!(1)))
    );

    // Filters, as in a portfolio view; an unknown value names its parameter.
    let overdue = json_of(
        app.get("/api/v1/worklist?reason=overdue", Some(&leader))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        reasons(&overdue),
        vec![pair("Borger 0303801234", "overdue")]
    );
    let cash = json_of(
        app.get(
            "/api/v1/worklist?target_group=job_ready_cash_benefit",
            Some(&leader),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(reasons(&cash), vec![pair("Borger 0202851234", "due_soon")]);
    let body = problem(
        app.get("/api/v1/worklist?reason=late", Some(&jk_token))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "reason");

    // In pages: the manager's three items two at a time, the counts over all of them.
    let second = json_of(
        app.get("/api/v1/worklist?page=2&per_page=2", Some(&leader))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        reasons(&second),
        vec![pair("Borger 0303801234", "unassigned")]
    );
    assert_eq!(
        (
            &second["total"],
            &second["page"],
            &second["per_page"],
            &second["pages"]
        ),
        (&json!(3), &json!(2), &json!(2), &json!(2))
    );
    assert_eq!(second["caseworkers"], all["caseworkers"]);
    let body = problem(
        app.get("/api/v1/worklist?page=0&per_page=501", Some(&leader))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["page", "per_page"]);
    let me = app.token("cai").await;
    problem(
        app.get("/api/v1/worklist", Some(&me)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    // Booking deals with the overdue conversation (the a-kasse holds it) and the due one.
    book(&app, &world.fund, &bo, 24).await;
    book(&app, &jk_token, &cai, 26).await;
    let list = json_of(
        app.get("/api/v1/worklist", Some(&jk_token)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(reasons(&list), vec![]);
    let theirs = json_of(
        app.get("/api/v1/worklist", Some(&world.fund)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(reasons(&theirs), vec![]);

    // A new screening waits for visitation until the caseworker decides.
    let answers = json!({
        "worked_months_last_12": 8, "education": "vocational", "health_limits_work": "no",
        "other_obstacles": "no", "digital_comfort": "high", "needs_interpreter": false,
        "own_assessment": "soon", "wants_in_person": false
    });
    let r = app
        .post(
            &format!("/api/v1/citizens/{cai}/screening"),
            Some(&me),
            &answers,
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let list = json_of(
        app.get("/api/v1/worklist", Some(&jk_token)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        reasons(&list),
        vec![pair("Borger 0202851234", "awaiting_visitation")]
    );
    let r = app
        .post(
            &format!("/api/v1/citizens/{cai}/visitation"),
            Some(&jk_token),
            &json!({"track": "self_service"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let list = json_of(
        app.get("/api/v1/worklist", Some(&jk_token)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(reasons(&list), vec![]);

    // Being on the worklist is in the citizen's access log.
    let log = json_of(
        app.get(&format!("/api/v1/citizens/{cai}/access-log"), Some(&me))
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(
        log["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .any(|e| e["action"] == "worklist.listed")
    );
}

backend_tests!(the_quota_report_shows_exemptions_against_the_cap_and_contact_against_the_target);
async fn the_quota_report_shows_exemptions_against_the_cap_and_contact_against_the_target(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (_, leader) = app.staff(&world, "leder.aalborg", "manager").await;
    let ida = citizen(
        &app,
        &world,
        "0101901234",
        "insured_unemployed",
        &days_ago(80),
        None,
    )
    .await;
    let ole = citizen(
        &app,
        &world,
        "0202851234",
        "insured_unemployed",
        &days_ago(80),
        None,
    )
    .await;
    let _kim = citizen(
        &app,
        &world,
        "0303801234",
        "job_ready_cash_benefit",
        &days_ago(80),
        None,
    )
    .await;
    // Ida has two conversations with the a-kasse in her first three months, Ole one.
    let meetings = [
        book(&app, &world.fund, &ida, 24).await,
        book(&app, &world.fund, &ida, 48).await,
        book(&app, &world.fund, &ole, 72).await,
    ];
    app.store.advance_clock(SignedDuration::from_hours(24 * 30));
    for m in &meetings {
        let r = app
            .post(
                &format!("/api/v1/meetings/{m}/outcome"),
                Some(&world.fund),
                &json!({"status": "held"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK);
    }
    let r = app
        .post(
            &format!("/api/v1/citizens/{ole}/exemption"),
            Some(&world.fund),
            &json!({"exempt": true, "reason": "Kendt arbejdsgiver"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);

    let report = json_of(
        app.get("/api/v1/reports/contact-quotas", Some(&leader))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(report["rules_version"], "lab-2026-07-01");
    let fund = &report["by_unemployment_fund"][0];
    assert_eq!(fund["key"], "3F");
    assert_eq!(
        (
            fund["insured"].clone(),
            fund["exempted"].clone(),
            fund["over_cap"].clone()
        ),
        (json!(2), json!(1), json!(true))
    );
    assert_eq!(
        (
            fund["window"].clone(),
            fund["measured"].clone(),
            fund["met"].clone()
        ),
        (json!("first_three_months"), json!(2), json!(1))
    );
    assert_eq!(fund["met_share"], 0.5);
    assert_eq!(fund["target_share"], 0.75);
    assert_eq!(fund["target_met"], false);
    let town = &report["by_municipality"][0];
    assert_eq!(town["key"], "0851");
    assert_eq!(
        town["insured"], 2,
        "cash benefit recipients are not counted"
    );
    // The a-kasse's exemption is not the municipality's, and its window (months 3-6) has
    // not ended for anyone yet.
    assert_eq!(
        (
            town["exempted"].clone(),
            town["window"].clone(),
            town["measured"].clone()
        ),
        (json!(0), json!("three_to_six_months"), json!(0))
    );
    assert_eq!(town["target_share"], 1.0);

    problem(
        app.get("/api/v1/reports/contact-quotas", Some(&world.aalborg))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let body = problem(
        app.get(
            "/api/v1/reports/contact-quotas?from=2026-06-01T00:00:00Z&to=2026-01-01T00:00:00Z",
            Some(&leader),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(body["errors"].as_array().is_some_and(|e| !e.is_empty()));
}

backend_tests!(under_25_sent_to_the_jobcenter_from_the_start_follow_their_own_course);
async fn under_25_sent_to_the_jobcenter_from_the_start_follow_their_own_course(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    // Born 1 January 2005 (the 7th digit 4 and 05: the 2000s), so under 25 until 2030.
    let young = citizen(
        &app,
        &world,
        "0101054234",
        "insured_unemployed",
        &days_ago(10),
        None,
    )
    .await;
    let older = citizen(
        &app,
        &world,
        "0101901234",
        "insured_unemployed",
        &days_ago(10),
        None,
    )
    .await;
    let patch = json!({"jobcenter_from_start": true});
    let r = app
        .patch(
            &format!("/api/v1/citizens/{older}"),
            Some(&world.aalborg),
            &patch,
        )
        .await;
    let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(
        p["errors"][0]["field"], "jobcenter_from_start",
        "{backend:?}: 36 years old"
    );
    let r = app
        .patch(
            &format!("/api/v1/citizens/{young}"),
            Some(&world.aalborg),
            &patch,
        )
        .await;
    let changed = json_of(r, StatusCode::OK).await;
    assert_eq!(changed["jobcenter_from_start"], true);
    let plan = app
        .get_json(
            &format!("/api/v1/citizens/{young}/contact-plan"),
            Some(&world.aalborg),
        )
        .await;
    let holders: Vec<&str> = plan["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["kind"] == "job_conversation")
        .map(|i| i["holder"].as_str().expect("holder"))
        .collect();
    // LAB § 31, stk. 1, 3. pkt.: six with the jobcenter, none with the a-kasse.
    assert_eq!(holders, vec!["municipality"; 6], "{backend:?}: {plan}");
}

/// The plan's item of `kind` held by `holder`: its deadline.
async fn due_by(app: &TestApp, token: &str, citizen: &str, kind: &str, holder: &str) -> String {
    let plan = app
        .get_json(
            &format!("/api/v1/citizens/{citizen}/contact-plan"),
            Some(token),
        )
        .await;
    plan["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["kind"] == kind && i["holder"] == holder)
        .expect("item")["due_by"]
        .as_str()
        .expect("due_by")
        .to_owned()
}

backend_tests!(periods_count_from_the_day_the_law_names);
async fn periods_count_from_the_day_the_law_names(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    // LAB § 31, stk. 4: the a-kasse's first conversation within two weeks of registering
    // as a job seeker (16 November), not of the benefit period (23 November).
    let body = json!({"cpr": "0101901234", "name": "Anne", "municipality": "0851",
        "target_group": "insured_unemployed", "unemployed_since": "2026-11-23",
        "registered_on": "2026-11-16", "unemployment_fund": "3F"});
    let anne = json_of(
        app.post("/api/v1/citizens", Some(&world.aalborg), &body)
            .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(anne["registered_on"], "2026-11-16");
    assert_eq!(anne["first_contact_on"], Value::Null);
    let anne = anne["id"].as_str().expect("id");
    assert_eq!(
        due_by(
            &app,
            &world.aalborg,
            anne,
            "first_conversation",
            "unemployment_fund"
        )
        .await,
        "2026-11-30",
        "{backend:?}"
    );

    // A day the group does not have is refused, naming the field, and nothing is stored.
    let mut cash = json!({"cpr": "0202902345", "name": "Bo", "municipality": "0851",
        "target_group": "job_ready_cash_benefit", "unemployed_since": "2026-10-01",
        "registered_on": "2026-10-01"});
    let p = problem(
        app.post("/api/v1/citizens", Some(&world.aalborg), &cash)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "registered_on", "{p}");
    assert_eq!(p["errors"][0]["code"], "combination", "{p}");
    cash.as_object_mut()
        .expect("object")
        .remove("registered_on");
    let bo = json_of(
        app.post("/api/v1/citizens", Some(&world.aalborg), &cash)
            .await,
        StatusCode::CREATED,
    )
    .await;
    // Without the day, it is the start of unemployment (as for citizens from before).
    assert_eq!(bo["first_contact_on"], "2026-10-01");
    let bo = bo["id"].as_str().expect("id").to_owned();

    // § 31, stk. 5 and § 9, stk. 2, nr. 2: a week from the first contact about help.
    let r = app
        .patch(
            &format!("/api/v1/citizens/{bo}"),
            Some(&world.aalborg),
            &json!({"first_contact_on": "2026-11-24"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        due_by(
            &app,
            &world.aalborg,
            &bo,
            "first_conversation",
            "municipality"
        )
        .await,
        "2026-12-01",
        "{backend:?}"
    );
    let p = problem(
        app.patch(
            &format!("/api/v1/citizens/{bo}"),
            Some(&world.aalborg),
            &json!({"first_absence_on": "2026-11-20", "first_contact_on": "2026-11-02"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "first_absence_on", "{p}");
    let bo_now = app
        .get_json(&format!("/api/v1/citizens/{bo}"), Some(&world.aalborg))
        .await;
    assert_eq!(
        bo_now["first_contact_on"], "2026-11-24",
        "nothing half-written"
    );
}

backend_tests!(a_video_meeting_left_first_by_a_cancellation_is_on_the_worklist);
async fn a_video_meeting_left_first_by_a_cancellation_is_on_the_worklist(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (jk, jk_token) = app.staff(&world, "jk.aalborg", "caseworker").await;
    let kim = citizen(
        &app,
        &world,
        "0202851234",
        "job_ready_cash_benefit",
        &days_ago(1),
        None,
    )
    .await;
    let r = app
        .patch(
            &format!("/api/v1/citizens/{kim}"),
            Some(&world.aalborg),
            &json!({"caseworker_id": jk}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    // The first conversation in person tomorrow, then one by video the day after.
    let first = book(&app, &jk_token, &kim, 24).await;
    let t = Timestamp::now()
        .checked_add(SignedDuration::from_hours(48))
        .expect("time");
    let start = Timestamp::from_second(t.as_second() - t.as_second() % 60).expect("time");
    let end = start
        .checked_add(SignedDuration::from_mins(30))
        .expect("time");
    let slot = json_of(
        app.post(
            "/api/v1/slots",
            Some(&jk_token),
            &json!({"start": start.to_string(), "end": end.to_string(), "channels": ["video"]}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let r = app
        .post(
            "/api/v1/meetings",
            Some(&jk_token),
            &json!({"citizen_id": kim, "slot_id": slot["id"], "channel": "video"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED, "{backend:?}");
    let list = app.get_json("/api/v1/worklist", Some(&jk_token)).await;
    assert!(
        !reasons(&list)
            .iter()
            .any(|(_, r)| r == "first_meeting_remote")
    );
    // Cancelling the in-person one leaves the video meeting as the first: flagged.
    let r = app
        .post(
            &format!("/api/v1/meetings/{first}/cancel"),
            Some(&jk_token),
            &json!({"reason": "Borgeren er syg"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let list = app.get_json("/api/v1/worklist", Some(&jk_token)).await;
    assert_eq!(
        reasons(&list).first(),
        Some(&pair("Borger 0202851234", "first_meeting_remote")),
        "{backend:?}"
    );
}
