//! What a penetration test found (issue 16), each tried again over HTTP: the way back after
//! sign-in or a language switch stays on this site, and one weekly-availability request cannot
//! flood a calendar.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{problem, spawn_app};

#[tokio::test]
async fn the_way_back_never_leaves_the_site_and_never_fails() {
    let app = spawn_app(store::Backend::Sqlite).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    for (back, expected) in [
        ("%2Fborger%2Fsamtaler", "/borger/samtaler"),
        ("/%09/evil.example", "/"),
        ("/%0a/evil.example", "/"),
        ("/%0d/evil.example", "/"),
        ("/%0d%0aSet-Cookie:%20x=1", "/"),
        ("/%20/evil.example", "/"),
        ("/%5Cevil.example", "/"),
        ("%2F%2Fevil.example", "/"),
        ("https://evil.example", "/"),
        ("/%C3%A6", "/"),
    ] {
        for path in ["/sprog?til=en&tilbage=", "/logind?tilbage="] {
            let r = client
                .get(format!("{}{path}{back}", app.url))
                .send()
                .await
                .expect("send");
            assert!(
                !r.status().is_server_error(),
                "{path}{back}: {}",
                r.status()
            );
            if path.starts_with("/sprog") {
                assert_eq!(r.status(), StatusCode::SEE_OTHER, "{back}");
                assert_eq!(r.headers()["location"], expected, "{back}");
            } else {
                // The sign-in page carries only a local way back on to its buttons and form.
                let page = r.text().await.expect("page");
                assert!(!page.contains("evil.example"), "{back}");
            }
        }
    }
}

#[tokio::test]
async fn one_weekly_request_makes_at_most_two_thousand_slots() {
    let app = spawn_app(store::Backend::Sqlite).await;
    let world = app.world().await;
    let year = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .year()
        + 1;
    let body = json!({
        "weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        "day_start": "00:00", "day_end": "23:55", "slot_minutes": 5,
        "first_day": format!("{year}-03-01"), "last_day": format!("{year}-03-07"),
        "channels": ["video"]
    });
    let p = problem(
        app.post("/api/v1/slots/weekly", Some(&world.aalborg), &body)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "slot_minutes", "{p}");
    assert_eq!(p["errors"][0]["code"], "too_many", "{p}");
    let caseworker = app.staff_actor("cw.aalborg").await;
    let (from, to) = (
        app.store.now(),
        app.store
            .now()
            .checked_add(jiff::SignedDuration::from_hours(24 * 800))
            .expect("time"),
    );
    let calendar = app
        .store
        .staff_calendar(&caseworker, from, to)
        .await
        .expect("calendar");
    assert!(calendar.slots.is_empty(), "nothing was created");
}

#[tokio::test]
async fn a_patch_refuses_an_empty_enum_and_unknown_fields_and_changes_nothing() {
    let app = spawn_app(store::Backend::Sqlite).await;
    let world = app.world().await;
    let (citizen, _) = app
        .citizen(&world, "0101901234", "anne", "insured_unemployed")
        .await;
    let path = format!("/api/v1/citizens/{citizen}");
    for (body, field, code) in [
        (json!({"target_group": ""}), "target_group", "blank"),
        (json!({"target_group": "  "}), "target_group", "blank"),
        (
            json!({"self_booking_exmpt": true, "phone": "12345678"}),
            "self_booking_exmpt",
            "unknown_field",
        ),
    ] {
        let p = problem(
            app.patch(&path, Some(&world.aalborg), &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(p["errors"][0]["field"], field, "{body}");
        assert_eq!(p["errors"][0]["code"], code, "{body}");
    }
    let now = app.get_json(&path, Some(&world.aalborg)).await;
    assert_eq!(now["target_group"], "insured_unemployed");
    assert!(now["phone"].is_null(), "nothing changed: {now}");
}

#[tokio::test]
async fn a_message_with_a_nul_byte_is_refused_on_both_backends() {
    for backend in crate::helpers::BACKENDS {
        let app = spawn_app(backend).await;
        let world = app.world().await;
        let (citizen, me) = app
            .citizen(&world, "0101901234", "anne", "insured_unemployed")
            .await;
        let path = format!("/api/v1/citizens/{citizen}/messages");
        let p = problem(
            app.post(&path, Some(&me), &json!({"body": "Hej\u{0}med dig"}))
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(p["errors"][0]["field"], "body", "{backend:?}");
        let thread = app.get_json(&path, Some(&me)).await;
        assert_eq!(thread["messages"], json!([]), "{backend:?}");
        // Every free-text field refuses it the same way (a reason, a purpose).
        let p = problem(
            app.post(
                "/api/v1/case-transfers",
                Some(&world.aarhus),
                &json!({"cpr": "0101901234", "reason": "Flyttet\u{0}"}),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(p["errors"][0]["field"], "reason", "{backend:?}");
    }
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_personal_ones_are_not_cached() {
    let app = spawn_app(store::Backend::Sqlite).await;
    let world = app.world().await;
    let (citizen, me) = app
        .citizen(&world, "0101901234", "anne", "insured_unemployed")
        .await;
    let personal = [
        ("/logind".to_owned(), None),
        ("/borger".to_owned(), Some(&me)),
        (format!("/api/v1/citizens/{citizen}"), Some(&world.aalborg)),
        ("/findes-ikke".to_owned(), None),
    ];
    for (path, token) in personal {
        let r = app.get(&path, token.map(String::as_str)).await;
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().expect("csp");
        assert!(csp.contains("script-src 'self'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "same-origin", "{path}");
        assert_eq!(h["cache-control"], "no-store", "{path}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "demo over http"
        );
    }
    let css = app.get("/static/app.css", None).await;
    assert_eq!(css.status(), StatusCode::OK);
    assert_ne!(
        css.headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap_or("")),
        Some("no-store"),
        "static files may be cached"
    );
    // Issue 20 item 7: a fingerprinted address is kept a year and never asked for again; the
    // pages name their files by fingerprint.
    let page = app.get("/kontakt", None).await.text().await.expect("page");
    let href = page
        .split('"')
        .find(|s| s.starts_with("/static/app.css?v="))
        .expect("app.css by fingerprint")
        .to_owned();
    assert!(
        page.contains("/static/dkfds/css/dkfds-borgerdk.min.css?v="),
        "citizen-facing pages use the borger.dk theme"
    );
    let css = app.get(&href, None).await;
    assert_eq!(
        css.headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap_or("")),
        Some("public, max-age=31536000, immutable")
    );
    // Pages and styles are compressed for a browser that accepts it; API answers are not.
    let gzip = |path: &str| {
        app.client
            .get(format!("{}{path}", app.url))
            .header("accept-encoding", "gzip, br")
            .send()
    };
    for path in [href.as_str(), "/kontakt"] {
        let r = gzip(path).await.expect("send");
        assert_eq!(
            r.headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap_or("")),
            Some("br"),
            "{path}"
        );
    }
    // (the OpenAPI document: large JSON, still not compressed — machines next door read it)
    let api = gzip("/api/v1/openapi.json").await.expect("send");
    assert_eq!(api.status(), StatusCode::OK);
    assert!(api.headers().get("content-encoding").is_none());
}

#[tokio::test]
async fn behind_https_browsers_are_told_to_stay_on_https() {
    let mut config = crate::helpers::demo_config();
    config.public_url = "https://jobunivers.example.dk".into();
    let app = crate::helpers::spawn_with(store::Backend::Sqlite, config).await;
    let r = app.get("/logind", None).await;
    assert_eq!(r.headers()["strict-transport-security"], "max-age=31536000");
}

#[tokio::test]
async fn metrics_are_bounded_and_read_only_with_the_token() {
    let mut config = crate::helpers::demo_config();
    config.metrics = server::MetricsAccess::Token("maaler-hemmelighed".into());
    let app = crate::helpers::spawn_with(store::Backend::Sqlite, config).await;
    // 20 requests with a 2 KB custom method add no series of their own.
    let long = "X".repeat(2048);
    let method = reqwest::Method::from_bytes(long.as_bytes()).expect("method");
    for _ in 0..20 {
        let _ = app
            .client
            .request(method.clone(), format!("{}/healthz", app.url))
            .send()
            .await
            .expect("send");
    }
    let path = format!("{}/metrics", app.url);
    let r = app.client.get(&path).send().await.expect("send");
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = app
        .client
        .get(&path)
        .bearer_auth("forkert")
        .send()
        .await
        .expect("send");
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let text = app
        .client
        .get(&path)
        .bearer_auth("maaler-hemmelighed")
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("text");
    assert!(
        !text.contains(&long[..100]),
        "the custom method is no label"
    );
    assert!(
        text.contains("method=\"other\",route=\"/healthz\""),
        "{text}"
    );
    for gauge in [
        "outbox_backlog ",
        "audit_queue ",
        "db_read_pool_connections ",
        "db_write_pool_idle ",
        "booking_batches_total ",
        "bookings_put_off_total ",
    ] {
        assert!(text.contains(gauge), "{gauge}");
    }
    assert!(text.contains("# TYPE outbox_backlog gauge\n"), "{text}");
    assert!(
        text.contains("# TYPE booking_batches_total counter\n"),
        "{text}"
    );

    // Served on a separate address only: none on the main one.
    let mut config = crate::helpers::demo_config();
    config.metrics = server::MetricsAccess::Elsewhere;
    let app = crate::helpers::spawn_with(store::Backend::Sqlite, config).await;
    assert_eq!(
        app.get("/metrics", None).await.status(),
        StatusCode::NOT_FOUND
    );
}
