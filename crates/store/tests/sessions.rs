//! Signing out ends the session everywhere at once, also on the other server instances that
//! had it cached.

use std::time::{Duration, Instant};

use store::testing::{fresh_database_url, world};
use store::{Backend, CprKey, Store, StoreError, StoreOptions};

async fn open(url: &str, key: &CprKey) -> Store {
    Store::connect(&StoreOptions {
        url: url.to_owned(),
        cpr_key: key.clone(),
        max_connections: 2,
        meetings: Default::default(),
    })
    .await
    .expect("connect")
}

#[tokio::test]
async fn a_session_ended_on_one_instance_is_refused_on_another_at_once() {
    // Two instances share a database only on PostgreSQL; SQLite is one process.
    let url = fresh_database_url(Backend::Postgres).await;
    let key = CprKey::random();
    let a = open(&url, &key).await;
    a.migrate().await.expect("migrate");
    let b = open(&url, &key).await;
    world(&a).await;
    let session = a
        .start_session("soeren", Duration::from_secs(3600))
        .await
        .expect("session");
    // Both instances have looked the session up, so both hold a copy for 30 seconds.
    a.actor_for_token(&session.token).await.expect("a knows it");
    b.actor_for_token(&session.token).await.expect("b knows it");

    b.end_session(&session.token)
        .await
        .expect("signed out on b");
    assert!(matches!(
        b.actor_for_token(&session.token).await,
        Err(StoreError::NotFound)
    ));
    let started = Instant::now();
    loop {
        match a.actor_for_token(&session.token).await {
            Err(StoreError::NotFound) => break,
            Ok(_) if started.elapsed() < Duration::from_secs(5) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            other => panic!("instance a still accepts the ended session: {other:?}"),
        }
    }
}

/// A sign-in at an identity provider is good once and for a while: the callback takes it, a
/// second take (a replayed answer) and a late one find nothing. The person is then found by
/// CPR number (citizens) or login (staff only).
#[tokio::test]
async fn a_sign_in_attempt_is_taken_once_and_people_are_found_not_made() {
    for backend in store::testing::BACKENDS {
        let store = store::testing::fresh_store(backend).await;
        world(&store).await;
        let attempt = store::SignInAttempt {
            provider: "mitid".into(),
            nonce: "n".into(),
            code_verifier: "v".into(),
            return_to: Some("/borger/samtaler".into()),
        };
        store
            .begin_sign_in("state-1", &attempt, Duration::from_secs(600))
            .await
            .expect("begin");
        assert_eq!(store.take_sign_in("state-1").await.expect("take"), attempt);
        assert!(matches!(
            store.take_sign_in("state-1").await,
            Err(StoreError::NotFound)
        ));
        store
            .begin_sign_in("state-2", &attempt, Duration::ZERO)
            .await
            .expect("begin");
        assert!(
            matches!(
                store.take_sign_in("state-2").await,
                Err(StoreError::NotFound)
            ),
            "expired"
        );
        store
            .begin_sign_in("state-3", &attempt, Duration::ZERO)
            .await
            .expect("begin");
        assert_eq!(
            store.delete_expired_sign_ins().await.expect("housekeeping"),
            1
        );

        let hour = Duration::from_secs(3600);
        let cpr = domain::Cpr::try_from("010190-1234").expect("cpr");
        let session = store
            .start_citizen_session(&cpr, hour)
            .await
            .expect("by cpr");
        assert!(
            matches!(session.actor, domain::Actor::Citizen { ref name, .. } if name == "Søren Ærø")
        );
        let unknown = domain::Cpr::try_from("0202801234").expect("cpr");
        assert!(matches!(
            store.start_citizen_session(&unknown, hour).await,
            Err(StoreError::NotFound)
        ));
        assert!(store.start_staff_session("cw-aalborg", hour).await.is_ok());
        assert!(
            matches!(
                store.start_staff_session("soeren", hour).await,
                Err(StoreError::NotFound)
            ),
            "a citizen's login does not open the staff door"
        );
    }
}

#[tokio::test]
async fn a_session_left_unused_ends_and_one_in_use_stays() {
    for backend in store::testing::BACKENDS {
        let store = store::testing::fresh_store(backend).await;
        world(&store).await;
        store.set_session_idle(Duration::from_secs(2));
        let ttl = Duration::from_secs(3600);
        let used = store.start_session("soeren", ttl).await.expect("session");
        let left = store.start_session("soeren", ttl).await.expect("session");
        // Used every 0.6 s for 3.6 s: longer than the idle limit, and still open.
        for _ in 0..6 {
            tokio::time::sleep(Duration::from_millis(600)).await;
            store
                .actor_for_token(&used.token)
                .await
                .unwrap_or_else(|e| panic!("{backend:?}: in use, still open: {e:?}"));
            // An open page's socket asking does not count as use.
            let _ = store.session_stands(&left.token).await;
        }
        assert!(
            matches!(
                store.actor_for_token(&left.token).await,
                Err(StoreError::NotFound)
            ),
            "{backend:?}: unused for 3.6 s with a 2 s limit"
        );
    }
}
