//! /api/v1/citizens/{id}/screening and /visitation.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{problem, spawn_app};
use store::{Backend, backend_tests};

fn ready() -> Value {
    json!({
        "worked_months_last_12": 8, "education": "vocational", "health_limits_work": "no",
        "other_obstacles": "no", "digital_comfort": "high", "needs_interpreter": false,
        "own_assessment": "soon", "wants_in_person": false
    })
}

backend_tests!(the_recommendation_follows_the_contract_and_staff_decide);
async fn the_recommendation_follows_the_contract_and_staff_decide(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let body = json!({"cpr": "0101901234", "name": "Anne Sørensen", "municipality": "0851",
        "target_group": "insured_unemployed", "unemployed_since": "2026-09-01", "login": "anne"});
    let r = app
        .post("/api/v1/citizens", Some(&world.aalborg), &body)
        .await;
    let id = r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let me = app.token("anne").await;
    let path = format!("/api/v1/citizens/{id}/screening");

    let r = app.post(&path, Some(&me), &ready()).await;
    assert_eq!(r.status(), StatusCode::OK);
    let v: Value = r.json().await.expect("json");
    assert_eq!(v["recommendation"]["track"], "self_service", "{backend:?}");
    assert_eq!(v["recommendation"]["in_person_first"], false);
    assert_eq!(v["recommendation"]["self_booking_exempt"], false);
    assert_eq!(
        v["recommendation"]["reasons"][0]["code"],
        "ready_for_self_service"
    );
    assert!(
        v["recommendation"]["reasons"][0]["text"]
            .as_str()
            .expect("text")
            .starts_with("Du har arbejdet")
    );

    for (field, value) in [("health_limits_work", "yes"), ("other_obstacles", "yes")] {
        let mut a = ready();
        a[field] = json!(value);
        let v: Value = app
            .post(&path, Some(&world.aalborg), &a)
            .await
            .json()
            .await
            .expect("json");
        assert_ne!(v["recommendation"]["track"], "self_service", "{field}");
        assert_eq!(v["on_behalf"], true);
    }
    let mut offline = ready();
    offline["digital_comfort"] = json!("none");
    let v: Value = app
        .post(&path, Some(&me), &offline)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        (
            v["recommendation"]["in_person_first"].clone(),
            v["recommendation"]["self_booking_exempt"].clone()
        ),
        (json!(true), json!(true))
    );

    let mut bad = ready();
    bad["worked_months_last_12"] = json!(13);
    bad["education"] = json!("phd");
    bad.as_object_mut()
        .expect("object")
        .remove("wants_in_person");
    let p = problem(
        app.post(&path, Some(&me), &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"].as_str().expect("field"))
        .collect();
    assert_eq!(
        fields,
        vec!["worked_months_last_12", "education", "wants_in_person"]
    );
    problem(
        app.post(&path, Some(&world.aarhus), &ready()).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    let visit = format!("/api/v1/citizens/{id}/visitation");
    problem(
        app.post(&visit, Some(&me), &json!({"track": "standard"}))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    problem(
        app.post(&visit, Some(&world.aalborg), &json!({"track": "intensive"}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "reason_required",
    )
    .await;
    problem(
        app.post(&visit, Some(&world.aalborg), &json!({"track": "fast"}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let r = app
        .post(&visit, Some(&world.aalborg), &json!({"track": "standard"}))
        .await;
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "the latest recommendation (offline) was standard"
    );
    let r = app
        .post(
            &visit,
            Some(&world.aalborg),
            &json!({"track": "intensive", "reason": "Tæt opfølgning aftalt"}),
        )
        .await;
    let v: Value = r.json().await.expect("json");
    assert_eq!(
        (v["track"].clone(), v["recommended_track"].clone()),
        (json!("intensive"), json!("standard"))
    );
    let c: Value = app
        .get(&format!("/api/v1/citizens/{id}"), Some(&me))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        (c["track"].clone(), c["self_booking_exempt"].clone()),
        (json!("intensive"), json!(true))
    );
    // The screening exempts for very poor IT skills (BEK 1216/2023 § 45, stk. 1, nr. 1).
    assert_eq!(c["self_booking_exempt_reason"], "it_skills");
}

backend_tests!(managers_follow_overrides_by_group_and_caseworkers_may_not);
async fn managers_follow_overrides_by_group_and_caseworkers_may_not(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let r = app.post("/api/v1/staff", Some(&world.admin), &json!({"login": "leder.aalborg", "name": "Lis Leder", "role": "manager", "municipality": "0851"})).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let manager = app.token("leder.aalborg").await;
    for (i, (cpr, group, track, reason)) in [
        ("0101901234", "insured_unemployed", "self_service", None),
        (
            "0202901234",
            "insured_unemployed",
            "intensive",
            Some("Tæt opfølgning"),
        ),
        (
            "0303901234",
            "sickness_benefit",
            "standard",
            Some("Ingen screening endnu"),
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let body = json!({"cpr": cpr, "name": format!("Borger {i}"), "municipality": "0851", "target_group": group, "unemployed_since": "2026-09-01"});
        let id = app
            .post("/api/v1/citizens", Some(&world.aalborg), &body)
            .await
            .json::<Value>()
            .await
            .expect("json")["id"]
            .as_str()
            .expect("id")
            .to_owned();
        if group == "insured_unemployed" {
            let r = app
                .post(
                    &format!("/api/v1/citizens/{id}/screening"),
                    Some(&world.aalborg),
                    &ready(),
                )
                .await;
            assert_eq!(r.status(), StatusCode::OK);
        }
        let mut decision = json!({"track": track});
        if let Some(reason) = reason {
            decision["reason"] = json!(reason);
        }
        let r = app
            .post(
                &format!("/api/v1/citizens/{id}/visitation"),
                Some(&world.aalborg),
                &decision,
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK, "{backend:?} {i}");
    }
    let r = app.get("/api/v1/reports/visitation", Some(&manager)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let v: Value = r.json().await.expect("json");
    let insured = v["by_target_group"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["key"] == "insured_unemployed")
        .expect("insured")
        .clone();
    assert_eq!(
        (
            insured["decisions"].clone(),
            insured["overrides"].clone(),
            insured["override_rate"].clone()
        ),
        (json!(2), json!(1), json!(0.5)),
        "{backend:?}"
    );
    let sick = v["by_target_group"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["key"] == "sickness_benefit")
        .expect("sick")
        .clone();
    assert_eq!(
        (
            sick["without_screening"].clone(),
            sick["override_rate"].clone()
        ),
        (json!(1), Value::Null)
    );
    assert_eq!(v["by_municipality"][0]["key"], "0851");
    problem(
        app.get("/api/v1/reports/visitation", Some(&world.aalborg))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    problem(
        app.get(
            "/api/v1/reports/visitation?from=2026-10-01T00:00:00Z&to=2026-09-01T00:00:00Z",
            Some(&manager),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
}
