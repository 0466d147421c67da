//! One clock: what the store stamps (cancellations, the audit log, outbox rows) is the time it
//! decides by, so a demo or test that sets the clock sees every row dated by it.

use domain::Channel;
use jiff::{SignedDuration, Timestamp};
use store::testing::{fresh_store, slot_in, world};
use store::{AuditAction, NewMeeting};
use store::{Backend, backend_tests};

backend_tests!(a_set_clock_dates_the_cancellation_and_the_access_log);
async fn a_set_clock_dates_the_cancellation_and_the_access_log(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let slot = store
        .create_slots(
            &w.caseworker,
            &[slot_in(&store, 24 * 40, 30, &[Channel::Video])],
        )
        .await
        .expect("slot")
        .remove(0);
    let meeting = store
        .book_meeting(
            &w.caseworker,
            &NewMeeting::plain(w.citizen.id.clone(), slot.id.clone(), Channel::Video),
        )
        .await
        .expect("book");

    // Thirty days on: the clock runs from the moment it is set.
    let later = store.now() + SignedDuration::from_hours(24 * 30);
    store.set_clock(later);
    let shown = store.now();
    assert!(shown >= later && shown < later + SignedDuration::from_secs(5));

    let cancelled = store
        .cancel_meeting(&w.caseworker, &meeting.id, "Konsulent syg")
        .await
        .expect("cancel");
    let at = cancelled.cancellation.expect("recorded").at;
    let near = |t: Timestamp| t.duration_since(later).abs() < SignedDuration::from_secs(5);
    assert!(near(at), "{backend:?}: cancelled at {at}, clock {later}");
    let log = store
        .access_log(&w.citizen_actor, &w.citizen.id, 50)
        .await
        .expect("log");
    let entry = log
        .iter()
        .find(|e| e.action == AuditAction::MeetingCancelled)
        .expect("logged");
    assert!(near(entry.at), "{backend:?}: logged at {}", entry.at);
}
