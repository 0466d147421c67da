//! /healthz, /readyz, /metrics, /api/v1/openapi.json, and what the server answers without its
//! database.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::spawn_app;
use store::{Backend, backend_tests};

backend_tests!(health_readiness_and_metrics_need_no_token);
async fn health_readiness_and_metrics_need_no_token(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.get("/healthz", None).await.status(), StatusCode::OK);
    assert_eq!(app.get("/readyz", None).await.status(), StatusCode::OK);
    let r = app.get("/healthz", None).await;
    assert!(r.headers().contains_key("x-request-id"));
    app.get("/api/v1/citizens/nobody", None).await;
    let metrics = app.get("/metrics", None).await.text().await.expect("text");
    assert!(
        metrics.contains("http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2"),
        "{metrics}"
    );
    assert!(
        metrics.contains("route=\"/api/v1/citizens/{id}\",status=\"401\""),
        "{metrics}"
    );
    assert!(metrics.contains("http_request_duration_seconds_bucket"));
}

backend_tests!(without_its_database_the_server_says_503_try_again_not_500);
async fn without_its_database_the_server_says_503_try_again_not_500(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = app.world().await;
    // The pool closed: as when PostgreSQL is down past the pool's wait (docs/operations.md).
    app.store.close().await;
    let r = app.get("/api/v1/worklist", Some(&w.aalborg)).await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        r.headers().get("retry-after").and_then(|v| v.to_str().ok()),
        Some("5")
    );
    let problem: Value = r.json().await.expect("json");
    assert_eq!(problem["code"], "unavailable");
    assert_eq!(problem["title"], "Systemet er ikke tilgængeligt lige nu");
    // A page says it in words, with the same status.
    let page = app.get("/medarbejder", Some(&w.aalborg)).await;
    assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        page.text()
            .await
            .expect("text")
            .contains("Vi kan ikke nå vores database i øjeblikket")
    );
    assert_eq!(
        app.get("/readyz", None).await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(app.get("/healthz", None).await.status(), StatusCode::OK);
}

/// The whole OpenAPI document, as integrators get it: any change to a path, a parameter, a
/// schema or a response shows in review as a change to this snapshot. Routes and documentation
/// are registered together (`api::router`), so a routed handler is always in it.
#[tokio::test]
async fn the_openapi_document_is_what_it_was_unless_the_change_says_so() {
    let app = spawn_app(store::Backend::Sqlite).await;
    let doc: Value = app
        .get("/api/v1/openapi.json", None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        doc,
        serde_json::from_str::<Value>(&server::openapi_json()).expect("json")
    );
    // A parameter said to be in the path is named in it; the others are in the query (a
    // query struct without `parameter_in = Query` was documented as a path part).
    let mut misplaced = Vec::new();
    for (path, ops) in doc["paths"].as_object().expect("paths") {
        for (method, op) in ops.as_object().expect("operations") {
            for p in op["parameters"].as_array().into_iter().flatten() {
                let name = p["name"].as_str().unwrap_or_default();
                if p["in"] == "path" && !path.contains(&format!("{{{name}}}")) {
                    misplaced.push(format!("{method} {path} {name}"));
                }
            }
        }
    }
    assert!(misplaced.is_empty(), "{misplaced:?}");
    insta::assert_json_snapshot!("openapi", doc);
}

/// Every path and method of the sections built so far in `../shared/API.md` is documented.
#[tokio::test]
async fn the_openapi_document_covers_the_contract() {
    let app = spawn_app(store::Backend::Sqlite).await;
    let doc: Value = app
        .get("/api/v1/openapi.json", None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(doc["openapi"], "3.1.0");
    for (path, method) in [
        ("/api/v1/dev/session", "post"),
        ("/api/v1/dev/clock", "get"),
        ("/api/v1/dev/clock", "post"),
        ("/api/v1/municipalities", "post"),
        ("/api/v1/unemployment-funds", "post"),
        ("/api/v1/staff", "post"),
        ("/api/v1/citizens", "post"),
        ("/api/v1/citizens/{id}", "get"),
        ("/api/v1/citizens/{id}", "patch"),
        ("/api/v1/citizens/{id}/access-log", "get"),
        ("/api/v1/slots", "post"),
        ("/api/v1/citizens/{id}/screening", "post"),
        ("/api/v1/citizens/{id}/visitation", "post"),
        ("/api/v1/reports/visitation", "get"),
        ("/api/v1/citizens/{id}/available-slots", "get"),
        ("/api/v1/meetings", "post"),
        ("/api/v1/meetings/{id}/cancel", "post"),
        ("/api/v1/meetings/{id}/move", "post"),
        ("/api/v1/meetings/{id}/outcome", "post"),
        ("/api/v1/meetings/{id}/calendar.ics", "get"),
        ("/api/v1/citizens/{id}/meetings", "get"),
    ] {
        assert!(
            doc["paths"][path][method].is_object(),
            "{method} {path} missing"
        );
    }
    let citizen = &doc["components"]["schemas"]["CitizenJson"]["properties"];
    for field in [
        "id",
        "name",
        "cpr_masked",
        "municipality",
        "target_group",
        "unemployed_since",
        "track",
        "caseworker_id",
        "in_person_requested",
    ] {
        assert!(citizen[field].is_object(), "citizen.{field} missing");
    }
    let meeting = &doc["components"]["schemas"]["MeetingJson"]["properties"];
    for field in [
        "id",
        "citizen_id",
        "caseworker_id",
        "start",
        "end",
        "channel",
        "status",
        "location",
        "join_url",
    ] {
        assert!(meeting[field].is_object(), "meeting.{field} missing");
    }
    let slot = &doc["components"]["schemas"]["SlotJson"]["properties"];
    for field in [
        "id",
        "start",
        "end",
        "channels",
        "location",
        "caseworker_id",
    ] {
        assert!(slot[field].is_object(), "slot.{field} missing");
    }
    let required = doc["components"]["schemas"]["CreateCitizen"]["required"]
        .as_array()
        .expect("required");
    assert!(
        required.contains(&Value::from("cpr"))
            && required.contains(&Value::from("unemployed_since"))
    );
}
