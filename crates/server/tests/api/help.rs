//! Self-help answers over the API (issue 21, item 5): staff keep their organisation's answers,
//! a citizen finds one by a Danish word form on either of two instances, and bad input is
//! named, on both backends.

use reqwest::StatusCode;
use serde_json::{Value, json};
use store::{Backend, backend_tests};

use crate::helpers::{problem, problem_fields, spawn_app, twin};

backend_tests!(a_citizen_finds_an_answer_by_a_danish_word_form_on_either_instance);
async fn a_citizen_finds_an_answer_by_a_danish_word_form_on_either_instance(backend: Backend) {
    let app = spawn_app(backend).await;
    let other = twin(&app).await;
    let w = app.world().await;
    let (citizen, me) = app
        .citizen(&w, "0101901234", "soeren", "job_ready_cash_benefit")
        .await;
    let search = |q: &str| format!("/api/v1/citizens/{citizen}/help?q={q}");
    let found = |v: &Value| -> Vec<String> {
        v["answers"]
            .as_array()
            .expect("answers")
            .iter()
            .map(|a| a["question"].as_str().expect("question").to_owned())
            .collect()
    };
    assert!(found(&other.get_json(&search("bookede"), Some(&me)).await).is_empty());

    // Only the organisation's staff write answers; both fields' mistakes are named at once.
    let booking = json!({"question": "Hvordan booker jeg en samtale?",
        "answer": "Vælg „Book en samtale“ under Mine samtaler."});
    problem(
        app.post("/api/v1/help-answers", Some(&me), &booking).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let bad = json!({"question": "  ", "answer": "x".repeat(3001)});
    let p = problem(
        app.post("/api/v1/help-answers", Some(&w.aalborg), &bad)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem_fields(&p), ["question", "answer"], "{p}");
    let r = app
        .post("/api/v1/help-answers", Some(&w.aalborg), &booking)
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let id = r.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();

    // The other instance had built its (empty) index: it notices the new revision.
    assert_eq!(
        found(&other.get_json(&search("bookede"), Some(&me)).await),
        ["Hvordan booker jeg en samtale?"]
    );
    // Aarhus's staff neither see nor change Aalborg's answers.
    let aarhus_list = app.get_json("/api/v1/help-answers", Some(&w.aarhus)).await;
    assert_eq!(aarhus_list, json!([]));
    let ill = json!({"question": "Hvad gør jeg, hvis jeg er syg?",
        "answer": "Meld dig syg, før samtalen begynder."});
    let one = format!("/api/v1/help-answers/{id}");
    problem(
        app.put(&one, Some(&w.aarhus), &ill).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let r = app.put(&one, Some(&w.aalborg), &ill).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(found(&other.get_json(&search("bookede"), Some(&me)).await).is_empty());
    assert_eq!(
        found(&other.get_json(&search("sygdom%20syge"), Some(&me)).await),
        ["Hvad gør jeg, hvis jeg er syg?"]
    );

    // Words missing or too long: 422 at `q`; a thread the reader may not see: 404.
    for q in ["", "?q=%20%20", &format!("?q={}", "a".repeat(201))] {
        let p = problem(
            app.get(&format!("/api/v1/citizens/{citizen}/help{q}"), Some(&me))
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(problem_fields(&p), ["q"], "{q}: {p}");
    }
    problem(
        app.get(&search("syg"), Some(&w.aarhus)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    let r = app.delete(&one, Some(&w.aalborg)).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert!(found(&other.get_json(&search("syg"), Some(&me)).await).is_empty());
    problem(
        app.delete(&one, Some(&w.aalborg)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}
