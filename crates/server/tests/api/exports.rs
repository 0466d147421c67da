//! `GET /api/v1/exports/call-ins`: the call-in feed for the national data hub over HTTP —
//! the organisation's own call-ins and changes with their § 20 facts, paged by `next`, in the
//! citizen's access log, and bad input named.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::call_ins::{jobcentre, slot};
use crate::helpers::{problem, spawn_app};
use store::{Backend, backend_tests};

backend_tests!(the_feed_pages_through_the_organisations_call_ins_and_their_changes);
async fn the_feed_pages_through_the_organisations_call_ins_and_their_changes(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let location = jobcentre(&app, &world).await;
    let (citizen, me) = app
        .citizen(&world, "0101901234", "anne", "job_ready_cash_benefit")
        .await;
    let s = slot(&app, &world.aalborg, 72, json!(["in_person"])).await;
    let body = json!({"citizen_id": citizen, "slot_id": s, "channel": "in_person",
        "purpose": "Jobsamtale", "call_in": {"location_id": location}});
    let r = app
        .post("/api/v1/meetings", Some(&world.aalborg), &body)
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let id = r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let r = app
        .post(
            &format!("/api/v1/meetings/{id}/cancel"),
            Some(&world.aalborg),
            &json!({"reason": "Medarbejderen er syg"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);

    // Both events, once visible (on PostgreSQL once every earlier transaction on the server
    // has finished; other tests' can hold that back a moment).
    for _ in 0..100 {
        let all = app
            .get_json("/api/v1/exports/call-ins", Some(&world.aalborg))
            .await;
        if all["events"].as_array().map(Vec::len) == Some(2) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let page = app
        .get_json("/api/v1/exports/call-ins?limit=1", Some(&world.aalborg))
        .await;
    let first = &page["events"][0];
    assert_eq!(first["kind"], "called_in", "{page}");
    assert_eq!(first["meeting_id"], id.as_str());
    assert_eq!(first["citizen_id"], citizen.as_str());
    assert_eq!(first["facts"]["channel"], "in_person");
    assert_eq!(first["facts"]["title"], "Jobsamtale");
    assert_eq!(first["facts"]["location"]["street"], "Vesterbro 14");
    assert_eq!(first["facts"]["staff_name"], "Navn cw.aalborg");
    assert_eq!(first["facts"]["rebooking_allowed"], false);
    let next = page["next"].as_str().expect("next").to_owned();
    let page = app
        .get_json(
            &format!("/api/v1/exports/call-ins?after={next}"),
            Some(&world.aalborg),
        )
        .await;
    assert_eq!(page["events"].as_array().map(Vec::len), Some(1), "{page}");
    assert_eq!(page["events"][0]["kind"], "cancelled");
    assert_eq!(page["events"][0]["facts"]["status"], "cancelled");
    // Nothing new: the same place to continue from.
    let last = page["next"].as_str().expect("next").to_owned();
    let empty = app
        .get_json(
            &format!("/api/v1/exports/call-ins?after={last}"),
            Some(&world.aalborg),
        )
        .await;
    assert_eq!(empty["events"], json!([]));
    assert_eq!(empty["next"], last.as_str());

    // Another organisation reads none of it; a citizen no feed; bad input is named.
    let theirs = app
        .get_json("/api/v1/exports/call-ins", Some(&world.aarhus))
        .await;
    assert_eq!(theirs["events"], json!([]));
    problem(
        app.get("/api/v1/exports/call-ins", Some(&me)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    for (query, field) in [
        ("after=nope", "after"),
        ("limit=0", "limit"),
        ("limit=x", "limit"),
    ] {
        let p = problem(
            app.get(
                &format!("/api/v1/exports/call-ins?{query}"),
                Some(&world.aalborg),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(p["errors"][0]["field"], field, "{query}: {p}");
    }
    let log = app
        .get_json(&format!("/api/v1/citizens/{citizen}/access-log"), Some(&me))
        .await;
    assert!(
        log["entries"]
            .as_array()
            .is_some_and(|es| es.iter().any(|e| e["action"] == "call_ins.exported")),
        "{log}"
    );
}
