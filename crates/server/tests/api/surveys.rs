//! /api/v1/surveys and /surveys/{id}/answers on both backends: a survey waits after a held
//! meeting, is answered once, bad answers are named and change nothing, and "ring mig op" puts
//! the citizen on the worklist.

use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{problem, spawn_app};
use store::{Backend, backend_tests};

backend_tests!(a_held_meeting_brings_a_survey_answered_once_and_a_callback_reaches_the_worklist);
async fn a_held_meeting_brings_a_survey_answered_once_and_a_callback_reaches_the_worklist(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (id, me) = app
        .citizen(&world, "0101901234", "aase", "job_ready_cash_benefit")
        .await;
    // The caseworker books a video meeting in an hour and, once it has begun, holds it.
    let mid = app.video_meeting(&world.aalborg, &id, 1).await;
    let none = app.get_json("/api/v1/surveys", Some(&me)).await;
    assert_eq!(
        none["surveys"],
        json!([]),
        "{backend:?}: nothing before the meeting"
    );
    app.store.advance_clock(SignedDuration::from_hours(2));
    let r = app
        .post(
            &format!("/api/v1/meetings/{mid}/outcome"),
            Some(&world.aalborg),
            &json!({"status": "held"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK, "{backend:?}");

    let surveys = app.get_json("/api/v1/surveys", Some(&me)).await;
    let survey = &surveys["surveys"][0];
    assert_eq!(survey["meeting_id"], mid.as_str(), "{backend:?}: {surveys}");
    let questions = survey["questions"].as_array().expect("questions");
    let satisfaction = questions
        .iter()
        .find(|q| q["id"] == "satisfaction")
        .expect("satisfaction");
    assert_eq!(satisfaction["kind"], "scale");
    assert_eq!(
        satisfaction["options"].as_array().expect("options").len(),
        5
    );
    let comment = questions
        .iter()
        .find(|q| q["id"] == "comment")
        .expect("comment");
    assert_eq!(comment["kind"], "text");
    assert_eq!(comment["options"], json!([]));
    let sid = survey["id"].as_str().expect("id").to_owned();
    let path = format!("/api/v1/surveys/{sid}/answers");

    // Staff have no surveys and cannot answer one.
    problem(
        app.get("/api/v1/surveys", Some(&world.aalborg)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let full = json!({"answers": {"satisfaction": 5, "channel_fit": "4", "personal": "same",
        "helpful": 4, "more_remote": 5, "callback": "yes", "comment": "Rart at slippe for bussen"}});
    problem(
        app.post(&path, Some(&world.aalborg), &full).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    // Bad answers are named, and nothing is stored.
    let bad = json!({"answers": {"satisfaction": 6, "personal": "same", "mood": "god"}});
    let refused = problem(
        app.post(&path, Some(&me), &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> = refused["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"].as_str().expect("field"))
        .collect();
    for f in [
        "answers.satisfaction",
        "answers.channel_fit",
        "answers.mood",
    ] {
        assert!(fields.contains(&f), "{backend:?}: {f} in {fields:?}");
    }
    let still = app.get_json("/api/v1/surveys", Some(&me)).await;
    assert_eq!(
        still["surveys"].as_array().expect("surveys").len(),
        1,
        "still waiting"
    );

    let r = app.post(&path, Some(&me), &full).await;
    let status = r.status();
    let answered = r.json::<Value>().await.expect("json");
    assert_eq!(status, StatusCode::OK, "{backend:?}: {answered}");
    assert_eq!(answered["id"], sid.as_str());
    problem(
        app.post(&path, Some(&me), &full).await,
        StatusCode::CONFLICT,
        "already_answered",
    )
    .await;
    let after = app.get_json("/api/v1/surveys", Some(&me)).await;
    assert_eq!(after["surveys"], json!([]));

    // "Ring mig op" reaches the worklist of the citizen's municipality's manager view.
    let (_, manager) = app.staff(&world, "leder.aalborg", "manager").await;
    let list = app
        .get_json("/api/v1/worklist?reason=callback_requested", Some(&manager))
        .await;
    assert_eq!(
        list["items"][0]["citizen_id"],
        id.as_str(),
        "{backend:?}: {list}"
    );
}

backend_tests!(the_contact_report_counts_meetings_and_shows_answers_only_from_final_months);
async fn the_contact_report_counts_meetings_and_shows_answers_only_from_final_months(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = app.world().await;
    let (_, manager) = app.staff(&world, "leder.aalborg", "manager").await;
    // The meetings below all fall in one Copenhagen month.
    let day = |t: jiff::Timestamp| domain::clock_text::local_date(t);
    let soon = app.store.now().checked_add(SignedDuration::from_hours(24));
    if soon.ok().map(day).map(|d| d.month()) != Some(day(app.store.now()).month()) {
        app.store.advance_clock(SignedDuration::from_hours(48));
    }
    let month_start = domain::clock_text::day_start(day(app.store.now()).first_of_month());
    let from = app
        .store
        .now()
        .checked_sub(SignedDuration::from_hours(1))
        .expect("time");
    let report = |group: &str| {
        let to = app
            .store
            .now()
            .checked_add(SignedDuration::from_hours(24))
            .expect("time");
        format!("/api/v1/reports/contacts?from={from}&to={to}&group_by={group}")
    };
    let video = |rows: &Value| -> Value {
        rows["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| r["key"] == "video")
            .cloned()
            .unwrap_or(Value::Null)
    };

    // Six citizens each have a held video meeting; five answer, four of them satisfied.
    let mut last = None;
    for i in 0..6 {
        let login = format!("borger{i}");
        let cpr = format!("010190{:04}", 1000 + i);
        let (id, token) = app
            .citizen(&world, &cpr, &login, "job_ready_cash_benefit")
            .await;
        let mid = app.video_meeting(&world.aalborg, &id, 1).await;
        app.store.advance_clock(SignedDuration::from_hours(2));
        let r = app
            .post(
                &format!("/api/v1/meetings/{mid}/outcome"),
                Some(&world.aalborg),
                &json!({"status": "held"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let surveys = app.get_json("/api/v1/surveys", Some(&token)).await;
        let sid = surveys["surveys"][0]["id"]
            .as_str()
            .expect("survey")
            .to_owned();
        if i == 5 {
            last = Some((token, sid));
            continue;
        }
        let satisfaction = if i == 0 { 2 } else { 5 };
        let answers = json!({"answers": {"satisfaction": satisfaction, "channel_fit": 4, "personal": "less",
            "helpful": 3, "more_remote": 5, "callback": "no"}});
        let r = app
            .post(
                &format!("/api/v1/surveys/{sid}/answers"),
                Some(&token),
                &answers,
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK);
    }
    // This month can still change: meetings are counted, answers not yet.
    let rows = app.get_json(&report("channel"), Some(&manager)).await;
    let row = video(&rows);
    assert_eq!(row["meetings"], 6, "{backend:?}: {rows}");
    assert_eq!(row["held"], 6);
    assert_eq!(row["surveys_answered"], 0);
    assert_eq!(row["satisfied_share"], Value::Null);
    assert_eq!(row["suppressed"], true);
    assert_eq!(rows["answers_from"], Value::Null);

    // Once the month has ended and 30 days have passed, its answers show, and the sixth
    // survey can no longer be answered (which is what makes the month final).
    app.store.advance_clock(SignedDuration::from_hours(24 * 75));
    let (token, sid) = last.expect("sixth");
    let waiting = app.get_json("/api/v1/surveys", Some(&token)).await;
    assert_eq!(waiting["surveys"], json!([]), "{backend:?}");
    let late = json!({"answers": {"satisfaction": 1, "channel_fit": 1, "personal": "less",
        "helpful": 1, "more_remote": 1, "callback": "no"}});
    problem(
        app.post(
            &format!("/api/v1/surveys/{sid}/answers"),
            Some(&token),
            &late,
        )
        .await,
        StatusCode::CONFLICT,
        "survey_closed",
    )
    .await;
    let to = app.store.now();
    let final_report = |group: &str| {
        format!("/api/v1/reports/contacts?from={month_start}&to={to}&group_by={group}")
    };
    let rows = app.get_json(&final_report("channel"), Some(&manager)).await;
    let row = video(&rows);
    assert_eq!(row["held"], 6, "{backend:?}: {rows}");
    assert_eq!(row["surveys_answered"], 5);
    assert_eq!(row["satisfied_share"], 0.8);
    assert_eq!(row["channel_fit_share"], 1.0);
    assert_eq!(row["personal_share"], 0.0);
    assert_eq!(row["suppressed"], false);
    assert_eq!(
        rows["answers_from"],
        day(month_start).to_string(),
        "{backend:?}"
    );
    // One second later or earlier at either end changes no answer (differencing).
    for (a, b) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
        let shift =
            |t: jiff::Timestamp, s: i64| t.checked_add(SignedDuration::from_secs(s)).expect("time");
        let path = format!(
            "/api/v1/reports/contacts?from={}&to={}&group_by=channel",
            shift(month_start, a),
            shift(to, b)
        );
        let shifted = video(&app.get_json(&path, Some(&manager)).await);
        let answered = shifted["surveys_answered"].as_u64().expect("count");
        assert!(answered == 0 || answered == 5, "{a} {b}: {shifted}");
    }
    let by_group = app
        .get_json(&final_report("target_group"), Some(&manager))
        .await;
    let group = by_group["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["key"] == "job_ready_cash_benefit")
        .cloned()
        .expect("group");
    assert_eq!(group["surveys_answered"], 5, "{by_group}");

    // Bad input is named; caseworkers may not read the report.
    let bad = problem(
        app.get(&report("colour"), Some(&manager)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(bad["errors"][0]["field"], "group_by");
    let backwards = "/api/v1/reports/contacts?from=2026-06-01T00:00:00Z&to=2026-05-01T00:00:00Z";
    let bad = problem(
        app.get(backwards, Some(&manager)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(bad["errors"][0]["field"], "to");
    problem(
        app.get(&report("channel"), Some(&world.aalborg)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    // An administrator chooses a municipality (all by default); a manager only their own.
    let aalborg = app
        .get_json(
            &format!("{}&municipality=0851", final_report("channel")),
            Some(&world.admin),
        )
        .await;
    assert_eq!(aalborg["rows"], rows["rows"], "{backend:?}");
    let aarhus = app
        .get_json(
            &format!("{}&municipality=0751", report("channel")),
            Some(&world.admin),
        )
        .await;
    assert_eq!(aarhus["rows"], json!([]), "{backend:?}");
    let unknown = problem(
        app.get(
            &format!("{}&municipality=0999", report("channel")),
            Some(&world.admin),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(unknown["errors"][0]["field"], "municipality");

    // By team: the caseworker who held them has none; across all municipalities, refused.
    let teams = app.get_json(&report("team"), Some(&manager)).await;
    assert_eq!(teams["rows"][0]["key"], "", "{backend:?}: {teams}");
    assert_eq!(teams["rows"][0]["meetings"], 6);
    let everywhere = problem(
        app.get(&report("team"), Some(&world.admin)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(everywhere["errors"][0]["field"], "group_by");
    assert_eq!(everywhere["errors"][0]["code"], "one_organisation_only");
    let one = app
        .get_json(
            &format!("{}&municipality=0851", report("team")),
            Some(&world.admin),
        )
        .await;
    assert_eq!(one["rows"], teams["rows"]);
    problem(
        app.get(
            &format!("{}&municipality=0751", report("channel")),
            Some(&manager),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}
