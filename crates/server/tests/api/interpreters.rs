//! Interpreters and companions (issue 19 item 4): a municipality's interpreter providers as
//! data (`/municipalities/{code}/interpreter-providers`), a booking that takes an interpreter
//! from them and names a companion, refusals by field, and the video interpreter's link.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::call_ins::slot;
use crate::helpers::{problem, spawn_app};
use store::{Backend, backend_tests};

backend_tests!(a_booking_takes_an_interpreter_from_a_provider_that_offers_it_or_names_the_field);
async fn a_booking_takes_an_interpreter_from_a_provider_that_offers_it_or_names_the_field(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (_, manager) = app.staff(&world, "leder.aalborg", "manager").await;
    let providers = "/api/v1/municipalities/0851/interpreter-providers";
    let nord = json!({"name": "Tolkeservice Nord", "phone": "+4570203040",
        "languages": ["ti", "ar"], "modes": ["in_person", "video"]});
    let r = app.post(providers, Some(&manager), &nord).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    // The municipality's caseworkers read the list but do not add to it; others do not see it.
    problem(
        app.post(providers, Some(&world.aalborg), &nord).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    problem(
        app.get(providers, Some(&world.aarhus)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let list = app.get_json(providers, Some(&world.aalborg)).await;
    assert_eq!(list[0]["languages"], json!(["ti", "ar"]), "{list}");
    let p = problem(
        app.post(
            providers,
            Some(&manager),
            &json!({"name": "X", "languages": ["klingon"], "modes": []}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["languages", "modes"], "{p}");

    let (citizen, citizen_token) = app
        .citizen(&world, "0101901234", "tigist", "job_ready_cash_benefit")
        .await;
    let room = slot(&app, &world.aalborg, 200, json!(["in_person"])).await;
    let book = |interpreter: Value| {
        json!({"citizen_id": citizen, "slot_id": room, "channel": "in_person",
            "interpreter": interpreter, "companion": "Hans Hansen"})
    };
    // No provider speaks Polish; none comes for Arabic by phone: each refused by its field,
    // and nothing is booked.
    for (interpreter, field) in [
        (
            json!({"language": "pl", "mode": "in_person"}),
            "interpreter.language",
        ),
        (
            json!({"language": "ar", "mode": "phone"}),
            "interpreter.mode",
        ),
        (
            json!({"language": "ti", "mode": "video"}),
            "interpreter.mode",
        ),
        (json!({"language": "ti"}), "interpreter.mode"),
    ] {
        let p = problem(
            app.post("/api/v1/meetings", Some(&world.aalborg), &book(interpreter))
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(p["errors"][0]["field"], field, "{p}");
    }
    // The citizen names a companion but does not book interpreters.
    problem(
        app.post(
            "/api/v1/meetings",
            Some(&citizen_token),
            &book(json!({"language": "ti", "mode": "in_person"})),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let r = app
        .post(
            "/api/v1/meetings",
            Some(&world.aalborg),
            &book(json!({"language": "ti", "mode": "in_person"})),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let meeting: Value = r.json().await.expect("json");
    assert_eq!(
        meeting["interpreter"],
        json!({"language": "ti", "mode": "in_person", "provider": "Tolkeservice Nord",
            "provider_phone": "+4570203040"})
    );
    assert_eq!(meeting["companion"], "Hans Hansen");
    // The citizen reads the same on their meeting.
    let id = meeting["id"].as_str().expect("id");
    let theirs = app
        .get_json(&format!("/api/v1/meetings/{id}"), Some(&citizen_token))
        .await;
    assert_eq!(theirs["interpreter"]["provider"], "Tolkeservice Nord");
}

backend_tests!(a_video_interpreter_enters_by_the_link_staff_send_and_nobody_else_does);
async fn a_video_interpreter_enters_by_the_link_staff_send_and_nobody_else_does(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (_, manager) = app.staff(&world, "leder.aalborg", "manager").await;
    let r = app
        .post(
            "/api/v1/municipalities/0851/interpreter-providers",
            Some(&manager),
            &json!({"name": "Videotolk", "languages": ["ar"], "modes": ["video"]}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let (citizen, _) = app
        .citizen(&world, "0101901234", "amal", "job_ready_cash_benefit")
        .await;
    let video = slot(&app, &world.aalborg, 200, json!(["video"])).await;
    // The first conversation must be in person (LAB § 33): one was held a month ago.
    app.first_conversation_held("cw.aalborg", &citizen).await;
    let r = app
        .post(
            "/api/v1/meetings",
            Some(&world.aalborg),
            &json!({"citizen_id": citizen, "slot_id": video, "channel": "video",
                "interpreter": {"language": "ar", "mode": "video"}}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let id = r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    // Staff see the link to send; it opens the room as the interpreter, without signing in.
    let page = app
        .page(&format!("/samtaler/{id}"), &world.aalborg)
        .await
        .text()
        .await
        .expect("page");
    let marker = format!("/moeder/{id}/video/tolk/");
    let at = page
        .find(&marker)
        .expect("the interpreter's link on the staff page");
    let secret: String = page[at + marker.len()..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(secret.len(), 32, "{secret}");
    let room = app.get(&format!("{marker}{secret}"), None).await;
    assert_eq!(room.status(), StatusCode::OK);
    assert!(
        room.text()
            .await
            .expect("room")
            .contains("data-role=\"interpreter\"")
    );
    let wrong = app.get(&format!("{marker}{}", "0".repeat(32)), None).await;
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND);
    // The citizen is not shown the link.
    let theirs = app
        .get_json(&format!("/api/v1/meetings/{id}"), Some(&world.aalborg))
        .await;
    assert!(!theirs.to_string().contains(&secret), "{theirs}");
}
