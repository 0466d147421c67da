//! Screening and visitation as users rely on them, on SQLite and PostgreSQL alike.

use domain::screening::{Answers, DigitalComfort, Education, OwnAssessment, YesNoUnsure};
use domain::{Channel, Track};
use store::testing::{fresh_store, slot_in, world};
use store::{AuditAction, NewMeeting, StoreError};
use store::{Backend, backend_tests};

fn answers(digital: DigitalComfort, health: YesNoUnsure) -> Answers {
    Answers {
        worked_months_last_12: 10,
        education: Education::Higher,
        health_limits_work: health,
        other_obstacles: YesNoUnsure::No,
        digital_comfort: digital,
        needs_interpreter: false,
        own_assessment: OwnAssessment::Soon,
        wants_in_person: true,
    }
}

backend_tests!(answers_are_kept_with_their_recommendation_and_read_only_by_the_jobcenter);
async fn answers_are_kept_with_their_recommendation_and_read_only_by_the_jobcenter(
    backend: Backend,
) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let mine = store
        .submit_screening(
            &w.citizen_actor,
            &w.citizen.id,
            &answers(DigitalComfort::High, YesNoUnsure::No),
        )
        .await
        .expect("submit");
    assert_eq!(mine.recommendation.track, Track::SelfService);
    assert!(!mine.on_behalf());
    // The wish to meet in person is now the citizen's.
    assert!(
        store
            .citizen(&w.citizen_actor, &w.citizen.id)
            .await
            .expect("read")
            .in_person_requested
    );

    let theirs = store
        .submit_screening(
            &w.caseworker,
            &w.citizen.id,
            &answers(DigitalComfort::High, YesNoUnsure::Yes),
        )
        .await
        .expect("on behalf");
    assert!(theirs.on_behalf());
    let history = store
        .screenings(&w.caseworker, &w.citizen.id)
        .await
        .expect("history");
    assert_eq!(history.len(), 2, "{backend:?}");
    assert_eq!(history[0].id, theirs.id, "newest first");
    assert_eq!(history[0].recommendation.track, Track::Standard);
    assert_eq!(
        history[0].recommendation.reasons[0].code,
        "health_limits_work"
    );

    assert!(
        matches!(
            store.screenings(&w.adviser, &w.citizen.id).await,
            Err(StoreError::Forbidden)
        ),
        "the a-kasse does not read health answers"
    );
    assert!(matches!(
        store.screenings(&w.other_municipality, &w.citizen.id).await,
        Err(StoreError::NotFound)
    ));
    let log = store
        .access_log(&w.citizen_actor, &w.citizen.id, 50)
        .await
        .expect("log");
    assert!(log.iter().any(
        |e| e.action == AuditAction::ScreeningSubmitted && e.actor_name == "Karen Jobkonsulent"
    ));
    assert!(log.iter().any(|e| e.action == AuditAction::ScreeningRead));
}

backend_tests!(a_decision_against_the_recommendation_needs_a_reason_and_drives_booking);
async fn a_decision_against_the_recommendation_needs_a_reason_and_drives_booking(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    assert!(
        matches!(
            store
                .decide_visitation(&w.caseworker, &w.citizen.id, Track::Standard, None)
                .await,
            Err(StoreError::ReasonRequired)
        ),
        "no screening yet: any track needs a reason"
    );
    store
        .submit_screening(
            &w.citizen_actor,
            &w.citizen.id,
            &answers(DigitalComfort::None, YesNoUnsure::No),
        )
        .await
        .expect("submit");
    assert!(matches!(
        store
            .decide_visitation(&w.caseworker, &w.citizen.id, Track::Intensive, Some("  "))
            .await,
        Err(StoreError::ReasonRequired)
    ));
    assert!(
        matches!(
            store
                .decide_visitation(&w.citizen_actor, &w.citizen.id, Track::Standard, None)
                .await,
            Err(StoreError::Forbidden)
        ),
        "citizens cannot decide their own visitation"
    );
    let v = store
        .decide_visitation(&w.caseworker, &w.citizen.id, Track::Standard, None)
        .await
        .expect("follows the recommendation");
    assert_eq!(
        (v.track, v.recommended_track, v.reason.as_deref()),
        (Track::Standard, Some(Track::Standard), None)
    );
    let c = store
        .citizen(&w.caseworker, &w.citizen.id)
        .await
        .expect("citizen");
    assert_eq!(
        (c.track, c.in_person_first, c.self_booking_exempt),
        (Some(Track::Standard), true, true),
        "{backend:?}"
    );

    // The flags now steer booking: the citizen books through staff.
    let slot = store
        .create_slots(
            &w.caseworker,
            &[slot_in(&store, 48, 30, &[Channel::InPerson])],
        )
        .await
        .expect("slot")
        .remove(0);
    let req = NewMeeting::plain(w.citizen.id.clone(), slot.id.clone(), Channel::InPerson);
    assert!(matches!(
        store.book_meeting(&w.citizen_actor, &req).await,
        Err(StoreError::Meeting(_))
    ));

    let over = store
        .decide_visitation(
            &w.caseworker,
            &w.citizen.id,
            Track::Intensive,
            Some("Borgeren har brug for tæt opfølgning"),
        )
        .await
        .expect("override");
    assert_eq!(
        over.reason.as_deref(),
        Some("Borgeren har brug for tæt opfølgning")
    );
    let viewed = store
        .add_citizen_view(&w.citizen_actor, &w.citizen.id, "Jeg er enig")
        .await
        .expect("view");
    assert_eq!(viewed.citizen_view.as_deref(), Some("Jeg er enig"));
    let all = store
        .visitations(&w.caseworker, &w.citizen.id)
        .await
        .expect("history");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].citizen_view.as_deref(), Some("Jeg er enig"));
    assert!(matches!(
        store
            .add_citizen_view(&w.caseworker, &w.citizen.id, "x")
            .await,
        Err(StoreError::Forbidden)
    ));
}
