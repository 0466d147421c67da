//! Self-help answers in the store (issue 21, item 5), on SQLite and PostgreSQL alike: who
//! keeps an organisation's answers, the revision an index is rebuilt by, and which searches
//! without an answer reach the manager's report.

use domain::help::HelpText;
use domain::messages::ThreadHolder;
use domain::{Actor, MunicipalityCode};
use jiff::{SignedDuration, Timestamp};
use store::testing::{cash_benefit_citizen, fresh_store, world};
use store::{Backend, backend_tests};
use store::{ChatOrg, StoreError};

fn aalborg() -> ChatOrg {
    ChatOrg {
        holder: ThreadHolder::Jobcenter,
        code: "0851".into(),
    }
}

fn text(question: &str, answer: &str) -> HelpText {
    HelpText::parse(question, answer).expect("valid")
}

backend_tests!(an_organisations_answers_are_kept_by_its_own_staff);
async fn an_organisations_answers_are_kept_by_its_own_staff(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let org = aalborg();
    assert_eq!(store.help_revision(&org).await.expect("revision"), 0);
    let booking = text("Hvordan booker jeg en samtale?", "Under Mine samtaler.");
    for outsider in [&w.citizen_actor, &w.other_municipality, &w.adviser] {
        assert!(matches!(
            store.save_help_answer(outsider, &org, None, &booking).await,
            Err(StoreError::Forbidden)
        ));
    }
    let id = store
        .save_help_answer(&w.caseworker, &org, None, &booking)
        .await
        .expect("saved")
        .id;
    assert_eq!(store.help_revision(&org).await.expect("revision"), 1);

    // Aarhus's staff change answers of their own organisation only: Aalborg's is not there.
    let aarhus = ChatOrg {
        holder: ThreadHolder::Jobcenter,
        code: "0751".into(),
    };
    let ill = text("Hvad gør jeg, hvis jeg er syg?", "Meld dig syg.");
    assert!(matches!(
        store
            .save_help_answer(&w.other_municipality, &aarhus, Some(&id), &ill)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .delete_help_answer(&w.other_municipality, &aarhus, &id)
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.help_revision(&org).await.expect("revision"), 1);
    assert_eq!(store.help_revision(&aarhus).await.expect("revision"), 0);

    store
        .save_help_answer(&w.caseworker, &org, Some(&id), &ill)
        .await
        .expect("changed");
    let kept = store.help_answers(&org).await.expect("answers");
    assert_eq!(kept.revision, 2);
    assert_eq!(kept.answers.len(), 1);
    assert_eq!(kept.answers[0].question, "Hvad gør jeg, hvis jeg er syg?");
    store
        .delete_help_answer(&w.admin, &org, &id)
        .await
        .expect("deleted");
    let kept = store.help_answers(&org).await.expect("answers");
    assert_eq!((kept.revision, kept.answers.len()), (3, 0));

    // A citizen searches their own jobcentre's answers.
    let found = store
        .help_org(&w.citizen_actor, &w.citizen.id, None)
        .await
        .expect("org");
    assert_eq!(found, org);
}

backend_tests!(a_search_without_an_answer_is_reported_once_five_citizens_made_it);
async fn a_search_without_an_answer_is_reported_once_five_citizens_made_it(backend: Backend) {
    let store = fresh_store(backend).await;
    let start: Timestamp = "2026-12-07T09:00:00Z".parse().expect("ts");
    store.set_clock(start);
    let w = world(&store).await;
    let org = aalborg();
    let mut citizens = Vec::new();
    for day in 10..15 {
        let cpr = format!("{day}0190{:04}", 1000 + day);
        let c = store
            .create_citizen(
                &w.caseworker,
                &cash_benefit_citizen(&cpr, &format!("Borger {day}"), "0851"),
            )
            .await
            .expect("citizen");
        citizens.push(Actor::Citizen {
            citizen_id: c.id,
            name: c.name,
        });
    }
    // Four citizens, one of them twice and in other words; staff trying it count for nothing.
    for (who, words) in [
        (&citizens[0], "Pension?"),
        (&citizens[0], " pension "),
        (&citizens[1], "pension"),
        (&citizens[2], "PENSION"),
        (&citizens[3], "pension!"),
        (&w.caseworker, "pension"),
        (&citizens[0], "min nabo Jens Hansen"),
    ] {
        store
            .record_help_miss(who, &org, words)
            .await
            .expect("noted");
    }
    let manager = store
        .report_scope(
            &w.admin,
            Some(&MunicipalityCode::try_from("0851").expect("code")),
        )
        .await
        .expect("scope");
    let day = SignedDuration::from_hours(24);
    let misses = || store.help_misses(&manager, start - day, start + day);
    assert!(misses().await.expect("misses").is_empty(), "four citizens");
    store
        .record_help_miss(&citizens[4], &org, "pension")
        .await
        .expect("noted");
    assert_eq!(misses().await.expect("misses"), [("pension".to_owned(), 5)]);

    // Another municipality's report, and another period, do not have it.
    let aarhus = store
        .report_scope(
            &w.admin,
            Some(&MunicipalityCode::try_from("0751").expect("code")),
        )
        .await
        .expect("scope");
    assert!(
        store
            .help_misses(&aarhus, start - day, start + day)
            .await
            .expect("misses")
            .is_empty()
    );
    assert!(
        store
            .help_misses(&manager, start + day, start + day + day)
            .await
            .expect("misses")
            .is_empty()
    );
    // Kept for a year's report and a little more, then deleted.
    let hour = SignedDuration::from_hours(1);
    store.advance_clock(domain::help::MISSES_KEPT - hour);
    assert_eq!(store.delete_old_help_misses().await.expect("deleted"), 0);
    store.advance_clock(hour + hour);
    assert_eq!(store.delete_old_help_misses().await.expect("deleted"), 7);
}
