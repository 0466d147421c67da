//! The call-in export feed (BEK nr. 442/2023 § 20, stk. 2-3): every call-in and every change
//! in order, only the organisation's own, in pages that lose nothing while others write.

use domain::meetings::CallInRequest;
use domain::{Channel, MeetingId, NewLocation, Organisation, Postcode};
use sqlx::{Connection, Executor};
use store::testing::{World, fresh_store, slot_in, twin_options, world};
use store::{Backend, CallInEventKind, NewMeeting, Store, StoreError, backend_tests};

/// The feed after `after` once it holds at least `n` events. On PostgreSQL an event shows once
/// every transaction that began before it has finished — on the whole server, so other tests'
/// transactions in their own databases can hold it back a moment.
async fn feed(
    store: &Store,
    actor: &domain::Actor,
    after: Option<&str>,
    n: usize,
) -> Vec<store::CallInEvent> {
    let mut events = Vec::new();
    for _ in 0..100 {
        events = store.call_in_events(actor, after, 100).await.expect("feed");
        if events.len() >= n {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    events
}

/// A call-in of the world's caseworker `hours` ahead to Aalborg's jobcentre.
async fn call_in(store: &Store, w: &World, hours: i64) -> MeetingId {
    let location = store
        .create_location(
            &w.admin,
            &Organisation::Municipality(w.citizen.municipality.clone()),
            &NewLocation {
                name: "Jobcenter Aalborg".into(),
                street: "Vesterbro 14".into(),
                postcode: Postcode::try_from("9000").expect("postcode"),
                town: "Aalborg".into(),
                directions: None,
                step_free: true,
            },
        )
        .await
        .expect("location");
    let slot = store
        .create_slots(
            &w.caseworker,
            &[slot_in(store, hours, 30, &[Channel::InPerson])],
        )
        .await
        .expect("slot")
        .remove(0);
    store
        .book_meeting(
            &w.caseworker,
            &NewMeeting {
                citizen_id: w.citizen.id.clone(),
                slot_id: slot.id,
                channel: Channel::InPerson,
                purpose: Some("Jobsamtale".into()),
                attendance_reason: None,
                with_fund: false,
                call_in: Some(CallInRequest {
                    location_id: Some(location.id),
                    ..Default::default()
                }),
                interpreter: None,
                companion: None,
            },
        )
        .await
        .expect("call-in")
        .id
}

backend_tests!(every_change_is_in_the_feed_in_order_and_pages_lose_nothing);
async fn every_change_is_in_the_feed_in_order_and_pages_lose_nothing(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let first = call_in(&store, &w, 48).await;
    // An ordinary booking is no call-in and is not reported.
    let plain = store
        .create_slots(
            &w.caseworker,
            &[slot_in(&store, 72, 30, &[Channel::InPerson])],
        )
        .await
        .expect("slot")
        .remove(0);
    store
        .book_meeting(
            &w.caseworker,
            &NewMeeting::plain(w.citizen.id.clone(), plain.id, Channel::InPerson),
        )
        .await
        .expect("plain");
    store
        .cancel_meeting(&w.caseworker, &first, "Sygdom hos medarbejderen")
        .await
        .expect("cancel");
    let second = call_in(&store, &w, 96).await;

    let all = feed(&store, &w.caseworker, None, 3).await;
    let seen: Vec<(MeetingId, CallInEventKind)> =
        all.iter().map(|e| (e.meeting_id.clone(), e.kind)).collect();
    assert_eq!(
        seen,
        vec![
            (first.clone(), CallInEventKind::CalledIn),
            (first.clone(), CallInEventKind::Cancelled),
            (second.clone(), CallInEventKind::CalledIn),
        ],
        "{backend:?}"
    );
    let called = &all[0].facts;
    assert_eq!(called.staff_name, "Karen Jobkonsulent");
    assert_eq!(called.status, domain::MeetingStatus::Booked);
    assert_eq!(
        called.location.as_ref().map(|l| l.street.as_str()),
        Some("Vesterbro 14")
    );
    assert_eq!(all[1].facts.status, domain::MeetingStatus::Cancelled);

    // One event per page gives the same events, and the last cursor waits for more.
    let mut paged = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = store
            .call_in_events(&w.caseworker, after.as_deref(), 1)
            .await
            .expect("page");
        let Some(last) = page.last() else { break };
        after = Some(last.cursor.clone());
        paged.extend(page);
    }
    assert_eq!(paged, all, "{backend:?}");

    // Only the organisation's own; citizens read no feed; a bad cursor names the field.
    let theirs = store
        .call_in_events(&w.other_municipality, None, 100)
        .await
        .expect("feed");
    assert!(theirs.is_empty(), "{backend:?}");
    assert!(matches!(
        store.call_in_events(&w.citizen_actor, None, 100).await,
        Err(StoreError::Forbidden)
    ));
    let bad = store.call_in_events(&w.caseworker, Some("x"), 100).await;
    assert!(
        matches!(bad, Err(StoreError::Invalid(ref e)) if e[0].field == "after"),
        "{bad:?}"
    );
}

/// PostgreSQL: a transaction that began writing first but commits last must not appear behind a
/// cursor that has already passed the events committed meanwhile.
#[tokio::test]
async fn a_slow_transaction_is_not_skipped_by_the_cursor_on_postgres() {
    let store = fresh_store(Backend::Postgres).await;
    let w = world(&store).await;
    let first = call_in(&store, &w, 48).await;
    let start = feed(&store, &w.caseworker, None, 1).await;
    let cursor = start[0].cursor.clone();

    // A slow writer: its transaction id is taken now, its commit comes last.
    let mut slow = sqlx::AnyConnection::connect(&twin_options(&store).url)
        .await
        .expect("connect");
    slow.execute("BEGIN").await.expect("begin");
    slow.execute(
        sqlx::query(
            "INSERT INTO call_in_events (id, tx, meeting_id, citizen_id, municipality, kind, at, facts) \
             SELECT 'zzslowwriter', pg_current_xact_id()::text::bigint, meeting_id, citizen_id, municipality, \
             'moved', at, facts FROM call_in_events WHERE meeting_id = $1",
        )
        .bind(first.as_str()),
    )
    .await
    .expect("slow insert");
    // Meanwhile a change commits.
    store
        .cancel_meeting(&w.caseworker, &first, "Flyttet til video")
        .await
        .expect("cancel");
    let meanwhile = store
        .call_in_events(&w.caseworker, Some(&cursor), 100)
        .await
        .expect("feed");
    assert!(
        meanwhile.is_empty(),
        "nothing after the slow writer's place until it finishes: {meanwhile:?}"
    );
    slow.execute("COMMIT").await.expect("commit");
    let after = feed(&store, &w.caseworker, Some(&cursor), 2).await;
    let kinds: Vec<CallInEventKind> = after.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        vec![CallInEventKind::Moved, CallInEventKind::Cancelled],
        "both, in commit order's place: {after:?}"
    );
}
