//! /api/v1/citizens, /citizens/{id}, /citizens/{id}/access-log.

use domain::StaffId;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, World, problem, spawn_app};
use store::{Backend, backend_tests};

fn anne() -> Value {
    json!({
        "cpr": "0101901234", "name": "Anne Sørensen", "municipality": "0851",
        "target_group": "insured_unemployed", "unemployed_since": "2026-09-01",
        "unemployment_fund": "3F", "login": "anne"
    })
}

async fn register(app: &TestApp, world: &World) -> String {
    let r = app
        .post("/api/v1/citizens", Some(&world.aalborg), &anne())
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

backend_tests!(registration_masks_the_cpr_number_and_refuses_bad_input_without_storing_it);
async fn registration_masks_the_cpr_number_and_refuses_bad_input_without_storing_it(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let r = app
        .post("/api/v1/citizens", Some(&world.aalborg), &anne())
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let text = r.text().await.expect("body");
    assert!(
        !text.contains("1234"),
        "the full CPR number is never returned: {text}"
    );
    let mut body: Value = serde_json::from_str(&text).expect("json");
    body.as_object_mut().expect("object").remove("id");
    insta::assert_json_snapshot!("citizen_created", body);

    let again = app.post("/api/v1/citizens", Some(&world.aalborg), &json!({"cpr": "010190-1234", "name": "B", "municipality": "0851", "target_group": "sickness_benefit", "unemployed_since": "2026-01-01"})).await;
    problem(again, StatusCode::CONFLICT, "already_exists").await;

    for bad_cpr in ["3102901234", "01019012", "abcdefghij", "2902001234"] {
        let mut body = anne();
        body["cpr"] = json!(bad_cpr);
        let r = app
            .post("/api/v1/citizens", Some(&world.aalborg), &body)
            .await;
        let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_cpr").await;
        assert_eq!(p["errors"][0]["field"], "cpr", "{bad_cpr}");
    }
    let mut unknown = anne();
    unknown["cpr"] = json!("0202901234");
    unknown["unemployment_fund"] = json!("NOPE");
    let p = problem(
        app.post("/api/v1/citizens", Some(&world.aalborg), &unknown)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "unemployment_fund");

    let missing = app
        .post(
            "/api/v1/citizens",
            Some(&world.aalborg),
            &json!({"cpr": "0202901234"}),
        )
        .await;
    let p = problem(
        missing,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    insta::assert_json_snapshot!("citizen_missing_fields", p);

    let mut enum_value = anne();
    enum_value["cpr"] = json!("0303901234");
    enum_value["target_group"] = json!("pensioner");
    problem(
        app.post("/api/v1/citizens", Some(&world.aalborg), &enum_value)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let mut future = enum_value.clone();
    future["target_group"] = json!("education_benefit");
    future["unemployed_since"] = json!("2999-01-01");
    problem(
        app.post("/api/v1/citizens", Some(&world.aalborg), &future)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    let elsewhere = app.post("/api/v1/citizens", Some(&world.aarhus), &json!({"cpr": "0404901234", "name": "C", "municipality": "0851", "target_group": "sickness_benefit", "unemployed_since": "2026-01-01"})).await;
    problem(elsewhere, StatusCode::FORBIDDEN, "forbidden").await;
    let by_citizen = app
        .post("/api/v1/citizens", Some(&app.token("anne").await), &anne())
        .await;
    problem(by_citizen, StatusCode::FORBIDDEN, "forbidden").await;

    let list = app
        .store
        .list_citizens(
            &admin_actor(),
            &store::CitizenQuery {
                page: 1,
                per_page: 10,
                ..Default::default()
            },
        )
        .await
        .expect("list");
    assert_eq!(
        list.total, 1,
        "{backend:?}: only the first registration is stored"
    );
}

fn admin_actor() -> domain::Actor {
    domain::Actor::Admin {
        id: StaffId::try_from("t").expect("an id"),
        name: "Test".into(),
    }
}

backend_tests!(citizens_are_visible_to_their_jobcenter_their_fund_and_themselves_only);
async fn citizens_are_visible_to_their_jobcenter_their_fund_and_themselves_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let id = register(&app, &world).await;
    let path = format!("/api/v1/citizens/{id}");
    let anne = app.token("anne").await;

    for token in [&world.aalborg, &world.fund, &world.admin, &anne] {
        let r = app.get(&path, Some(token)).await;
        assert_eq!(r.status(), StatusCode::OK);
        let body: Value = r.json().await.expect("json");
        assert_eq!(
            (body["cpr_masked"].as_str(), body["track"].clone()),
            (Some("010190-****"), Value::Null)
        );
        assert_eq!(body["in_person_requested"], false);
    }
    problem(
        app.get(&path, Some(&world.aarhus)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    problem(
        app.get("/api/v1/citizens/nope", Some(&world.aalborg)).await,
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

    // Another citizen cannot know Anne exists.
    let other = app.post("/api/v1/citizens", Some(&world.aalborg), &json!({"cpr": "0505901234", "name": "Bo", "municipality": "0851", "target_group": "sickness_benefit", "unemployed_since": "2026-01-01", "login": "bo"})).await;
    assert_eq!(other.status(), StatusCode::CREATED);
    problem(
        app.get(&path, Some(&app.token("bo").await)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

backend_tests!(patch_sets_caseworker_wish_and_target_group_by_who_may);
async fn patch_sets_caseworker_wish_and_target_group_by_who_may(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let id = register(&app, &world).await;
    let path = format!("/api/v1/citizens/{id}");
    let cw: Value = app
        .post(
            "/api/v1/staff",
            Some(&world.admin),
            &json!({"login": "cw2", "name": "Kim", "role": "caseworker", "municipality": "0851"}),
        )
        .await
        .json()
        .await
        .expect("json");
    let cw_id = cw["id"].as_str().expect("id");

    let r = app
        .patch(
            &path,
            Some(&world.aalborg),
            &json!({"caseworker_id": cw_id, "target_group": "sickness_benefit"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let body: Value = r.json().await.expect("json");
    assert_eq!(
        (
            body["caseworker_id"].as_str(),
            body["target_group"].as_str()
        ),
        (Some(cw_id), Some("sickness_benefit"))
    );

    let r = app
        .patch(&path, Some(&world.aalborg), &json!({"caseworker_id": null}))
        .await;
    assert_eq!(
        r.json::<Value>().await.expect("json")["caseworker_id"],
        Value::Null
    );

    let anne = app.token("anne").await;
    let r = app
        .patch(&path, Some(&anne), &json!({"in_person_requested": true}))
        .await;
    assert_eq!(
        r.json::<Value>().await.expect("json")["in_person_requested"],
        true
    );
    problem(
        app.patch(
            &path,
            Some(&anne),
            &json!({"target_group": "education_benefit"}),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    problem(
        app.patch(&path, Some(&world.fund), &json!({"caseworker_id": cw_id}))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    problem(
        app.patch(&path, Some(&world.aarhus), &json!({"caseworker_id": cw_id}))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    problem(
        app.patch(
            &path,
            Some(&world.aalborg),
            &json!({"target_group": "retired"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    problem(
        app.patch(
            &path,
            Some(&world.aalborg),
            &json!({"in_person_requested": "yes"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    problem(
        app.patch(
            &path,
            Some(&world.aalborg),
            &json!({"caseworker_id": "someone-in-aarhus"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    let now: Value = app
        .get(&path, Some(&world.admin))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        (
            now["target_group"].as_str(),
            now["in_person_requested"].as_bool()
        ),
        (Some("sickness_benefit"), Some(true)),
        "{backend:?}"
    );
}

backend_tests!(the_access_log_shows_the_citizen_every_staff_read_and_change);
async fn the_access_log_shows_the_citizen_every_staff_read_and_change(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let id = register(&app, &world).await;
    let anne = app.token("anne").await;
    app.get(&format!("/api/v1/citizens/{id}"), Some(&world.fund))
        .await;
    app.get(&format!("/api/v1/citizens/{id}"), Some(&anne))
        .await;
    app.patch(
        &format!("/api/v1/citizens/{id}"),
        Some(&world.aalborg),
        &json!({"target_group": "sickness_benefit"}),
    )
    .await;

    let path = format!("/api/v1/citizens/{id}/access-log");
    let log: Value = app
        .get(&path, Some(&anne))
        .await
        .json()
        .await
        .expect("json");
    let seen: Vec<(String, String, String)> = log["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            (
                e["actor_name"].as_str().unwrap_or("").into(),
                e["actor_role"].as_str().unwrap_or("").into(),
                e["action"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    let expected = [
        ("Navn cw.aalborg", "caseworker", "citizen.updated"),
        ("Navn adv.3f", "caseworker", "citizen.read"),
        ("Navn cw.aalborg", "caseworker", "citizen.created"),
    ]
    .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()));
    assert_eq!(
        seen, expected,
        "{backend:?}: newest first, the citizen's own read left out"
    );
    let at = log["entries"][0]["at"].as_str().expect("at");
    assert!(
        jiff::Timestamp::from_str_checked(at),
        "RFC 3339 instant with offset: {at}"
    );

    problem(
        app.get(&path, Some(&world.aalborg)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    problem(
        app.get(&path, Some(&world.aarhus)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_eq!(
        app.get(&path, Some(&world.admin)).await.status(),
        StatusCode::OK
    );
    let again: Value = app
        .get(&path, Some(&anne))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        again["entries"][0]["action"], "access_log.read",
        "the admin's look at the log is logged too"
    );
}

trait CheckedParse {
    fn from_str_checked(s: &str) -> bool;
}

impl CheckedParse for jiff::Timestamp {
    fn from_str_checked(s: &str) -> bool {
        s.parse::<jiff::Timestamp>().is_ok() && (s.ends_with("+01:00") || s.ends_with("+02:00"))
    }
}

#[tokio::test]
async fn the_full_cpr_number_is_nowhere_in_the_database_file() {
    let app = spawn_app(store::Backend::Sqlite).await;
    let world = app.world().await;
    register(&app, &world).await;
    app.store.close().await;
    let dir = std::env::temp_dir().join("jobunivers-tests");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("dir") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).unwrap_or_default();
        let name = "Anne Sørensen".as_bytes();
        let has_anne = bytes.windows(name.len()).any(|w| w == name);
        if has_anne {
            checked += 1;
            assert!(
                !bytes.windows(10).any(|w| w == b"0101901234"),
                "{}",
                path.display()
            );
        }
    }
    assert!(checked > 0, "found the database holding the citizen");
}

backend_tests!(a_citizen_who_moved_is_asked_for_without_learning_where_they_were);
async fn a_citizen_who_moved_is_asked_for_without_learning_where_they_were(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (citizen, me) = app
        .citizen(&world, "0101901234", "aase", "insured_unemployed")
        .await;
    // Aarhus registers the same CPR number: told it is elsewhere, not where.
    let body = json!({
        "cpr": "0101901234", "name": "Aase Flyttet", "municipality": "0751",
        "target_group": "insured_unemployed", "unemployed_since": "2026-09-01"
    });
    let r = app
        .post("/api/v1/citizens", Some(&world.aarhus), &body)
        .await;
    let p = problem(r, StatusCode::CONFLICT, "registered_elsewhere").await;
    let text = p.to_string();
    assert!(
        !text.contains("Aalborg") && !text.contains("0851"),
        "{text}"
    );
    // Aalborg itself: already there.
    let mut own = body.clone();
    own["municipality"] = json!("0851");
    let r = app
        .post("/api/v1/citizens", Some(&world.aalborg), &own)
        .await;
    problem(r, StatusCode::CONFLICT, "already_exists").await;

    // Aarhus asks for the case; asking twice is refused; a CPR nobody has is 404.
    let ask = json!({"cpr": "0101901234", "reason": "Flyttet til Aarhus 1. december"});
    let r = app
        .post("/api/v1/case-transfers", Some(&world.aarhus), &ask)
        .await;
    assert_eq!(r.status(), StatusCode::CREATED, "{backend:?}");
    let id = r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let r = app
        .post("/api/v1/case-transfers", Some(&world.aarhus), &ask)
        .await;
    problem(r, StatusCode::CONFLICT, "transfer_pending").await;
    let nobody = json!({"cpr": "0202902345", "reason": "Flyttet"});
    let r = app
        .post("/api/v1/case-transfers", Some(&world.aarhus), &nobody)
        .await;
    problem(r, StatusCode::NOT_FOUND, "not_found").await;
    let r = app
        .post(
            "/api/v1/case-transfers",
            Some(&world.aarhus),
            &json!({"cpr": "0101901234"}),
        )
        .await;
    problem(r, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    // Aarhus still cannot see the citizen; Aalborg sees the request and accepts.
    let r = app
        .get(&format!("/api/v1/citizens/{citizen}"), Some(&world.aarhus))
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let waiting = app
        .get_json("/api/v1/case-transfers", Some(&world.aarhus))
        .await;
    assert_eq!(waiting["transfers"], json!([]), "not Aarhus's to decide");
    let r = app
        .post(
            &format!("/api/v1/case-transfers/{id}/accept"),
            Some(&world.aarhus),
            &json!({}),
        )
        .await;
    problem(r, StatusCode::NOT_FOUND, "not_found").await;
    let incoming = app
        .get_json("/api/v1/case-transfers", Some(&world.aalborg))
        .await;
    assert_eq!(
        incoming["transfers"][0]["citizen_id"],
        citizen.as_str(),
        "{incoming}"
    );
    assert_eq!(incoming["transfers"][0]["to_municipality"], "0751");
    let r = app
        .post(
            &format!("/api/v1/case-transfers/{id}/accept"),
            Some(&world.aalborg),
            &json!({}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK, "{backend:?}");
    let r = app
        .post(
            &format!("/api/v1/case-transfers/{id}/decline"),
            Some(&world.aalborg),
            &json!({}),
        )
        .await;
    problem(r, StatusCode::CONFLICT, "transfer_decided").await;

    // Now the case is Aarhus's, and no longer Aalborg's.
    let moved = app
        .get_json(&format!("/api/v1/citizens/{citizen}"), Some(&world.aarhus))
        .await;
    assert_eq!(moved["municipality"], "0751", "{backend:?}");
    let r = app
        .get(&format!("/api/v1/citizens/{citizen}"), Some(&world.aalborg))
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // The citizen sees both steps in their access log.
    let log = app
        .get_json(&format!("/api/v1/citizens/{citizen}/access-log"), Some(&me))
        .await;
    let actions: Vec<&str> = log["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for action in ["case_transfer.requested", "case_transfer.accepted"] {
        assert!(actions.contains(&action), "{action}: {actions:?}");
    }
}

/// An id in a path is parsed before anything is asked: one that cannot be ours names nothing
/// and is 404 in problem+json, like an id that does not exist.
#[tokio::test]
async fn ids_that_cannot_be_ours_are_not_found_before_the_database_is_asked() {
    let app = spawn_app(Backend::Sqlite).await;
    let world = app.world().await;
    for path in [
        "/api/v1/citizens/ikke%20et%20id",
        "/api/v1/citizens/..%2F..%2Fetc/contact-plan",
        "/api/v1/meetings/%E2%9C%93",
        &format!("/api/v1/citizens/{}", "x".repeat(65)),
    ] {
        let r = app.get(path, Some(&world.aalborg)).await;
        problem(r, StatusCode::NOT_FOUND, "not_found").await;
    }
    let r = app
        .post(
            "/api/v1/meetings/ikke%20et%20id/cancel",
            Some(&world.aalborg),
            &json!({"reason": "Syg"}),
        )
        .await;
    problem(r, StatusCode::NOT_FOUND, "not_found").await;
    // A well-formed id that does not exist: the same answer.
    let r = app
        .get("/api/v1/citizens/01abc", Some(&world.aalborg))
        .await;
    problem(r, StatusCode::NOT_FOUND, "not_found").await;
}

/// The pages parse ids the same way: a malformed one is the "not found" page in the reader's
/// language, never a server error.
#[tokio::test]
async fn pages_answer_a_malformed_id_with_the_not_found_page_in_the_readers_language() {
    let app = spawn_app(Backend::Sqlite).await;
    let world = app.world().await;
    for (path, lang, heading) in [
        (
            "/medarbejder/borgere/ikke%20et%20id",
            "da",
            "Siden findes ikke",
        ),
        ("/samtaler/%E2%9C%93", "en", "Page not found"),
        ("/moeder/..%2Fadmin/video", "da", "Siden findes ikke"),
    ] {
        let r = app
            .client
            .get(format!("{}{path}", app.url))
            .header(
                "cookie",
                format!("ju_session={}; ju_lang={lang}", world.aalborg),
            )
            .send()
            .await
            .expect("get");
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        let page = r.text().await.expect("text");
        assert!(page.contains(heading), "{path}: {page}");
    }
    // An id in the query string is parsed the same way: the page says the address is wrong.
    for path in [
        "/samtaler/ny?borger=..%2Fadmin",
        "/screening?borger=%E2%9C%93",
    ] {
        let r = app.page(path, &world.aalborg).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{path}");
        let page = r.text().await.expect("text");
        assert!(
            page.contains("Siden kan ikke vises sådan"),
            "{path}: {page}"
        );
    }
}

backend_tests!(a_postal_address_is_set_by_staff_or_the_citizen_and_refused_by_its_part);
/// Issue 19: citizens get a postal address for letters on paper (an extension of the citizen
/// resource); a bad part is refused under its own name and nothing changes.
async fn a_postal_address_is_set_by_staff_or_the_citizen_and_refused_by_its_part(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let id = register(&app, &world).await;
    let path = format!("/api/v1/citizens/{id}");
    let before: Value = app
        .get(&path, Some(&world.aalborg))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(before["postal_address"], Value::Null);

    let address = json!({"street": "Şahin Allé 3, 2. tv.", "postcode": "9000", "town": "Aalborg"});
    let r = app
        .patch(
            &path,
            Some(&world.aalborg),
            &json!({"postal_address": address}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.json::<Value>().await.expect("json")["postal_address"],
        address
    );

    let bad =
        json!({"postal_address": {"street": "Vej 1", "postcode": "90000", "town": "Aalborg"}});
    let p = problem(
        app.patch(&path, Some(&world.aalborg), &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "postal_address.postcode", "{p}");
    let blank = json!({"postal_address": {"street": " ", "postcode": "9000", "town": "Aalborg"}});
    let p = problem(
        app.patch(&path, Some(&world.aalborg), &blank).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "postal_address.street", "{p}");
    let after: Value = app
        .get(&path, Some(&world.aalborg))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(after["postal_address"], address, "nothing changed");

    // The citizen gives their own new address; `null` removes it.
    let anne = app.token("anne").await;
    let moved = json!({"street": "Vestergade 1", "postcode": "8000", "town": "Aarhus C"});
    let r = app
        .patch(&path, Some(&anne), &json!({"postal_address": moved}))
        .await;
    assert_eq!(
        r.json::<Value>().await.expect("json")["postal_address"],
        moved
    );
    let r = app
        .patch(&path, Some(&anne), &json!({"postal_address": null}))
        .await;
    assert_eq!(
        r.json::<Value>().await.expect("json")["postal_address"],
        Value::Null
    );
}

backend_tests!(a_citizen_says_what_they_need_and_an_unknown_language_is_refused_by_name);
/// Issue 19 item 6: the interpreter's language and step-free access are the citizen's own to
/// say (extensions of the citizen resource); a language not on the list is 422 under
/// `interpreter_language` and changes nothing, not even the other fields sent with it.
async fn a_citizen_says_what_they_need_and_an_unknown_language_is_refused_by_name(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let id = register(&app, &world).await;
    let path = format!("/api/v1/citizens/{id}");
    let anne = app.token("anne").await;
    let r = app
        .patch(
            &path,
            Some(&anne),
            &json!({"interpreter_language": "ti", "step_free_access": true}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let body: Value = r.json().await.expect("json");
    assert_eq!(body["interpreter_language"], "ti");
    assert_eq!(body["step_free_access"], true);

    let p = problem(
        app.patch(
            &path,
            Some(&world.aalborg),
            &json!({"interpreter_language": "klingon", "step_free_access": false}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "interpreter_language", "{p}");
    let after: Value = app
        .get(&path, Some(&world.aalborg))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(after["interpreter_language"], "ti", "nothing changed");
    assert_eq!(after["step_free_access"], true, "nothing changed");

    // Staff remove the need with `null`.
    let r = app
        .patch(
            &path,
            Some(&world.aalborg),
            &json!({"interpreter_language": null}),
        )
        .await;
    assert_eq!(
        r.json::<Value>().await.expect("json")["interpreter_language"],
        Value::Null
    );
}
