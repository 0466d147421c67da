//! /api/v1/dev/session, /api/v1/dev/clock, /municipalities, /unemployment-funds, /staff.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{demo_config, problem, problem_fields, spawn_app, spawn_with};
use store::{Backend, backend_tests};

backend_tests!(demo_sign_in_knows_existing_logins_only_and_exists_only_in_demo_mode);
async fn demo_sign_in_knows_existing_logins_only_and_exists_only_in_demo_mode(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.token("admin").await;
    assert_eq!(token.len(), 64);
    let r = app
        .post("/api/v1/dev/session", None, &json!({"login": "nobody"}))
        .await;
    problem(r, StatusCode::UNAUTHORIZED, "unknown_login").await;

    let mut config = demo_config();
    config.demo = false;
    let production = spawn_with(backend, config).await;
    let r = production
        .post("/api/v1/dev/session", None, &json!({"login": "admin"}))
        .await;
    problem(r, StatusCode::NOT_FOUND, "not_found").await;
    // The sign-in page is there, but offers no demo users and takes no login.
    let r = production.get("/logind", None).await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.expect("text");
    assert!(!page.contains("name=\"login\""), "no demo users: {page}");
    assert!(page.contains("Log ind er ikke sat op"));
    let r = production
        .client
        .post(format!("{}/logind", production.url))
        .form(&[("login", "admin")])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
}

/// The demo's clock, which the browser tests read and set instead of waiting for wall time:
/// set, it dates what happens next; bad input changes nothing; outside demo mode it is not there.
#[tokio::test]
async fn the_demo_clock_is_read_and_set_only_in_demo_mode() {
    let app = spawn_app(store::Backend::Sqlite).await;
    let r = app
        .post(
            "/api/v1/dev/clock",
            None,
            &json!({"now": "2027-03-29T07:00:00Z"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let shown: serde_json::Value = r.json().await.expect("json");
    // Summer time has begun in Copenhagen by then: the offset is +02:00.
    let now = shown["now"].as_str().expect("now");
    assert!(now.starts_with("2027-03-29T09:00:0"), "{now}");
    assert!(now.ends_with("+02:00"), "{now}");
    let read = app.get_json("/api/v1/dev/clock", None).await;
    assert!(
        read["now"]
            .as_str()
            .expect("now")
            .starts_with("2027-03-29T09:0")
    );
    assert!(app.store.now() >= "2027-03-29T07:00:00Z".parse().expect("ts"));

    for bad in [json!({"now": "i morgen"}), json!({})] {
        let r = app.post("/api/v1/dev/clock", None, &bad).await;
        problem(r, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
    assert!(
        app.store.now() < "2027-03-30T00:00:00Z".parse().expect("ts"),
        "unchanged"
    );

    let mut config = demo_config();
    config.demo = false;
    let production = spawn_with(store::Backend::Sqlite, config).await;
    let r = production.get("/api/v1/dev/clock", None).await;
    problem(r, StatusCode::NOT_FOUND, "not_found").await;
    let r = production
        .post(
            "/api/v1/dev/clock",
            None,
            &json!({"now": "2027-03-29T07:00:00Z"}),
        )
        .await;
    problem(r, StatusCode::NOT_FOUND, "not_found").await;
}

backend_tests!(municipalities_are_created_once_by_admins_with_valid_codes);
async fn municipalities_are_created_once_by_admins_with_valid_codes(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let r = app
        .post(
            "/api/v1/municipalities",
            Some(&world.admin),
            &json!({"code": "0101", "name": "København"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    assert_eq!(
        r.json::<serde_json::Value>().await.expect("json"),
        json!({"code": "0101", "name": "København"})
    );

    let again = app
        .post(
            "/api/v1/municipalities",
            Some(&world.admin),
            &json!({"code": "0101", "name": "Igen"}),
        )
        .await;
    problem(again, StatusCode::CONFLICT, "already_exists").await;

    let bad = app
        .post(
            "/api/v1/municipalities",
            Some(&world.admin),
            &json!({"code": "101"}),
        )
        .await;
    let body = problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(fields, ["code", "name"]);

    let by_caseworker = app
        .post(
            "/api/v1/municipalities",
            Some(&world.aalborg),
            &json!({"code": "0461", "name": "Odense"}),
        )
        .await;
    problem(by_caseworker, StatusCode::FORBIDDEN, "forbidden").await;
    let anonymous = app
        .post(
            "/api/v1/municipalities",
            None,
            &json!({"code": "0461", "name": "Odense"}),
        )
        .await;
    problem(anonymous, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let forged = app
        .post(
            "/api/v1/municipalities",
            Some("not-a-token"),
            &json!({"code": "0461", "name": "Odense"}),
        )
        .await;
    problem(forged, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let malformed = app
        .post_raw("/api/v1/municipalities", Some(&world.admin), "{\"code\": ")
        .await;
    problem(malformed, StatusCode::BAD_REQUEST, "malformed_json").await;
    let wrong_type = app
        .post(
            "/api/v1/municipalities",
            Some(&world.admin),
            &json!({"code": 461, "name": "Odense"}),
        )
        .await;
    problem(
        wrong_type,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    let mut codes: Vec<String> = app
        .store
        .municipalities()
        .await
        .expect("list")
        .into_iter()
        .map(|m| m.code)
        .collect();
    codes.sort();
    assert_eq!(
        codes,
        ["0101", "0751", "0851"],
        "{backend:?}: nothing refused was stored"
    );
}

backend_tests!(staff_belong_to_exactly_one_known_organisation);
async fn staff_belong_to_exactly_one_known_organisation(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let ok = app.post("/api/v1/staff", Some(&world.admin), &json!({"login": "leder.aalborg", "name": "Lis Leder", "role": "manager", "municipality": "0851"})).await;
    assert_eq!(ok.status(), StatusCode::CREATED);
    let body: serde_json::Value = ok.json().await.expect("json");
    assert_eq!(
        (body["role"].as_str(), body["municipality"].as_str()),
        (Some("manager"), Some("0851"))
    );

    let both = app.post("/api/v1/staff", Some(&world.admin), &json!({"login": "x.y", "name": "X", "role": "caseworker", "municipality": "0851", "unemployment_fund": "3F"})).await;
    problem(both, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let none = app
        .post(
            "/api/v1/staff",
            Some(&world.admin),
            &json!({"login": "x.y", "name": "X", "role": "caseworker"}),
        )
        .await;
    problem(none, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let unknown = app
        .post(
            "/api/v1/staff",
            Some(&world.admin),
            &json!({"login": "x.y", "name": "X", "role": "caseworker", "municipality": "0999"}),
        )
        .await;
    let body = problem(
        unknown,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "municipality");
    let bad_role = app
        .post(
            "/api/v1/staff",
            Some(&world.admin),
            &json!({"login": "x.y", "name": "X", "role": "boss", "municipality": "0851"}),
        )
        .await;
    let body = problem(
        bad_role,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "role");
    let taken = app.post("/api/v1/staff", Some(&world.admin), &json!({"login": "leder.aalborg", "name": "Y", "role": "manager", "municipality": "0751"})).await;
    problem(taken, StatusCode::CONFLICT, "already_exists").await;
}

backend_tests!(a_manager_chooses_whether_every_first_meeting_is_in_person);
async fn a_manager_chooses_whether_every_first_meeting_is_in_person(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let r = app.post("/api/v1/staff", Some(&world.admin), &json!({"login": "leder", "name": "Lis Leder", "role": "manager", "municipality": "0851"})).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let manager = app.token("leder").await;
    let r = app
        .patch(
            "/api/v1/municipalities/0851",
            Some(&manager),
            &json!({"first_meeting_in_person": "everyone"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK, "{backend:?}");
    let v: serde_json::Value = r.json().await.expect("json");
    assert_eq!(v["first_meeting_in_person"], "everyone");
    assert_eq!(
        app.store
            .first_meeting_policy("0851")
            .await
            .expect("policy"),
        domain::FirstMeetingPolicy::Everyone
    );
    problem(
        app.patch(
            "/api/v1/municipalities/0851",
            Some(&world.aalborg),
            &json!({"first_meeting_in_person": "screening"}),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    problem(
        app.patch(
            "/api/v1/municipalities/0751",
            Some(&manager),
            &json!({"first_meeting_in_person": "screening"}),
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    problem(
        app.patch(
            "/api/v1/municipalities/0851",
            Some(&manager),
            &json!({"first_meeting_in_person": "sometimes"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        app.store
            .first_meeting_policy("0851")
            .await
            .expect("policy"),
        domain::FirstMeetingPolicy::Everyone,
        "refusals changed nothing"
    );
}

backend_tests!(an_organisation_is_registered_with_how_citizens_reach_it);
async fn an_organisation_is_registered_with_how_citizens_reach_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.token("admin").await;
    // A number that is none, and hours beyond their length: named, nothing registered.
    let bad = json!({"code": "0851", "name": "Aalborg", "phone": "ring os",
        "phone_hours": "x".repeat(101), "email": "jobcenter@aalborg.dk", "cvr": "1234"});
    let p = problem(
        app.post("/api/v1/municipalities", Some(&admin), &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        problem_fields(&p),
        vec!["phone", "cvr", "phone_hours"],
        "{p}"
    );
    // The CVR number as people write it (the sender of its Digital Post).
    let good = json!({"code": "0851", "name": "Aalborg", "phone": "99 31 11 00",
        "phone_hours": "mandag–fredag kl. 9–15", "email": "jobcenter@aalborg.dk",
        "cvr": "DK 2918 9420"});
    let r = app
        .post("/api/v1/municipalities", Some(&admin), &good)
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    // Anyone reads it on the contact page, the number as Danes say it and as a link.
    let page = app.get("/kontakt", None).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(
        html.contains("href=\"tel:+4599311100\">99 31 11 00</a>, mandag–fredag kl. 9–15"),
        "{html}"
    );
    assert!(html.contains("mailto:jobcenter@aalborg.dk"), "{html}");
}
