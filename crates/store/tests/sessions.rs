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
