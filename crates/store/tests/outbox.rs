//! The outbox's workers on several instances at once (issue 22, item 1).

use domain::TargetGroup;
use store::testing::{fresh_store, world};
use store::{Backend, BulkCitizen, Delivery, LetterRoute, NewLetter, backend_tests};

/// A letter kept for printing, for `citizen_id`, from outbox row `outbox_id`.
fn letter(outbox_id: String, citizen_id: &str) -> Delivery {
    Delivery {
        outbox_id,
        channel: "letter".to_owned(),
        status: "sent".to_owned(),
        detail: String::new(),
        citizen_id: citizen_id.to_owned(),
        letter: Some(NewLetter {
            municipality: "0851".to_owned(),
            recipient: "Borger".to_owned(),
            subject: "Du har en samtale".to_owned(),
            body: "Kære Borger".to_owned(),
            language: "da".to_owned(),
            address: None,
            sender: vec!["Jobcenter Aalborg".to_owned()],
            route: LetterRoute::Print,
        }),
    }
}

backend_tests!(two_workers_keeping_letters_for_the_same_citizens_at_once_both_finish);
/// Two instances' workers each keep a batch of letters for the same citizens, in opposite
/// orders, at the same moment. A letter marks its citizen's case for the worklist and locks the
/// citizen's row (its foreign key); taken in the batch's order, two such batches waited for each
/// other in a circle and PostgreSQL broke the deadlock after a second by failing one — found
/// under the booking storm over two instances, where it held up bookings for that second.
async fn two_workers_keeping_letters_for_the_same_citizens_at_once_both_finish(backend: Backend) {
    let store = fresh_store(backend).await;
    let _world = world(&store).await;
    let since = jiff::civil::date(2026, 9, 1);
    let citizens: Vec<BulkCitizen> = (0..40)
        .map(|i| BulkCitizen {
            id: store::bulk_id(),
            name: format!("Borger {i}"),
            municipality: "0851".to_owned(),
            fund: None,
            target_group: TargetGroup::InsuredUnemployed,
            unemployed_since: since,
            track: None,
            caseworker_id: None,
            registered_on: None,
            first_contact_on: None,
        })
        .collect();
    store
        .bulk_insert_citizens(&citizens)
        .await
        .expect("citizens");
    let rules = store::testing::rule_book();
    for round in 0..5 {
        // The worker has decided every marked case: each letter's mark is then a new key, which
        // a second transaction marking the same citizen waits for.
        store.keep_every_worklist(&rules).await.expect("decided");
        let batch = |worker: &str, reversed: bool| {
            let mut ids: Vec<&str> = citizens.iter().map(|c| c.id.as_str()).collect();
            if reversed {
                ids.reverse();
            }
            ids.iter()
                .map(|id| letter(format!("{worker}-{round}-{id}"), id))
                .collect::<Vec<_>>()
        };
        let (first, second) = (batch("a", false), batch("b", true));
        let (a, b) = tokio::join!(
            store.settle_outbox(&first, &[]),
            store.settle_outbox(&second, &[])
        );
        a.expect("the first worker's batch");
        b.expect("the second worker's batch");
    }
}

backend_tests!(a_batch_settled_again_keeps_one_letter_and_tells_the_citizen_once);
/// A worker's batch settled a second time (a retry after a crash between sending and the
/// answer) keeps one letter and one "Jobunivers sendte dig en besked" in the citizen's access
/// log: the deliveries' insert says which of its rows are new, and only those are logged.
async fn a_batch_settled_again_keeps_one_letter_and_tells_the_citizen_once(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let batch = [
        letter("row-1".to_owned(), w.citizen.id.as_str()),
        Delivery {
            channel: "email".to_owned(),
            letter: None,
            ..letter("row-1".to_owned(), w.citizen.id.as_str())
        },
    ];
    store.settle_outbox(&batch, &[]).await.expect("settled");
    store
        .settle_outbox(&batch, &[])
        .await
        .expect("settled again");
    let letters = store.letters(&w.caseworker, false).await.expect("letters");
    assert_eq!(
        letters
            .iter()
            .filter(|l| l.subject == "Du har en samtale")
            .count(),
        1
    );
    let log = store
        .access_log(&w.citizen_actor, &w.citizen.id, 50)
        .await
        .expect("log");
    let told = log
        .iter()
        .filter(|e| e.action == store::AuditAction::NoticeSent)
        .count();
    assert_eq!(told, 2, "{backend:?}: the letter and the e-mail, once each");
}
