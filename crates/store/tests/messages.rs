//! Message threads in the store, on SQLite and PostgreSQL alike: the worklist's
//! `unanswered_message`, and live events between instances sharing one database.

use std::time::Duration;

use domain::contact_plan::WorkReason;
use domain::messages::MessageBody;
use jiff::SignedDuration;
use store::testing::{fresh_database_url, fresh_store, world};
use store::{Backend, backend_tests};
use store::{CitizenChange, CprKey, Store, StoreOptions, ThreadChange, WorklistQuery};

fn body(text: &str) -> MessageBody {
    MessageBody::try_from(text).expect("body")
}

backend_tests!(a_message_left_unanswered_for_two_working_days_reaches_the_worklist);
async fn a_message_left_unanswered_for_two_working_days_reaches_the_worklist(backend: Backend) {
    let rules = store::testing::rule_book();
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let change = CitizenChange {
        caseworker_id: Some(Some(
            domain::StaffId::try_from(w.caseworker.id()).expect("id"),
        )),
        ..Default::default()
    };
    store
        .update_citizen(&w.caseworker, &w.citizen.id, &change)
        .await
        .expect("assign");
    let unanswered = WorklistQuery {
        reason: Some(WorkReason::UnansweredMessage),
        ..Default::default()
    };
    let count = |list: store::Worklist| list.entries.len();

    store
        .post_message(&w.citizen_actor, &w.citizen.id, None, &body("Hej?"))
        .await
        .expect("message");
    let list = store
        .worklist(&w.caseworker, &rules, &unanswered)
        .await
        .expect("worklist");
    assert_eq!(count(list), 0, "{backend:?}: not yet");
    // Ten days hold two working days from any day, Easter and Christmas included.
    store.advance_clock(SignedDuration::from_hours(24 * 10));
    let list = store
        .worklist(&w.caseworker, &rules, &unanswered)
        .await
        .expect("worklist");
    assert_eq!(count(list), 1, "{backend:?}: two working days have passed");

    // The a-kasse's thread is not the jobcenter's business, and an answer clears it.
    store
        .post_message(&w.adviser, &w.citizen.id, None, &body("Fra a-kassen"))
        .await
        .expect("a-kasse message");
    let list = store
        .worklist(&w.caseworker, &rules, &unanswered)
        .await
        .expect("worklist");
    assert_eq!(count(list), 1, "{backend:?}");
    store
        .post_message(&w.caseworker, &w.citizen.id, None, &body("Svar"))
        .await
        .expect("answer");
    let list = store
        .worklist(&w.caseworker, &rules, &unanswered)
        .await
        .expect("worklist");
    assert_eq!(count(list), 0, "{backend:?}: answered");
}

backend_tests!(live_events_reach_every_instance_on_the_same_database);
async fn live_events_reach_every_instance_on_the_same_database(backend: Backend) {
    let url = fresh_database_url(backend).await;
    let open = || async {
        let store = Store::connect(&StoreOptions {
            url: url.clone(),
            cpr_key: CprKey::from_hex(&"ab".repeat(32)).expect("key"),
            max_connections: 4,
            meetings: Default::default(),
        })
        .await
        .expect("connect");
        store.migrate().await.expect("migrate");
        store
    };
    let writer = open().await;
    let w = world(&writer).await;
    let mut here = writer.subscribe_threads().await;
    // On SQLite there is one process; on PostgreSQL a second instance hears it too.
    let other = if backend == store::Backend::Postgres {
        Some(open().await)
    } else {
        None
    };
    let mut there = match &other {
        Some(s) => Some(s.subscribe_threads().await),
        None => None,
    };
    let sent = writer
        .post_message(&w.citizen_actor, &w.citizen.id, None, &body("Live?"))
        .await
        .expect("message");
    let expect = ThreadChange::Posted {
        message_id: sent.id.clone(),
    };
    let got = tokio::time::timeout(Duration::from_secs(5), here.recv())
        .await
        .expect("in time")
        .expect("event");
    assert_eq!(got.change, expect, "{backend:?}");
    assert_eq!(w.citizen.id, got.thread.citizen_id.as_str());
    if let Some(there) = there.as_mut() {
        let got = tokio::time::timeout(Duration::from_secs(5), there.recv())
            .await
            .expect("the other instance hears it in time")
            .expect("event");
        assert_eq!(got.change, expect);
    }
}
