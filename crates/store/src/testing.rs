//! Fresh databases for tests, on both backends. Each call gives a new SQLite file in a temporary
//! folder, or a new PostgreSQL database on the server named by `JOBUNIVERS_TEST_POSTGRES`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`). Test databases are named `ju_t_…`;
//! the test script drops leftovers before it starts.

use sqlx::{Connection, Executor};

use crate::{Backend, CprKey, Store, StoreOptions};

pub const BACKENDS: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

pub fn postgres_admin_url() -> String {
    std::env::var("JOBUNIVERS_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A URL to a new, empty database of the given backend.
pub async fn fresh_database_url(backend: Backend) -> String {
    let name = format!("ju_t_{}", crate::ids::new_id());
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join("jobunivers-tests");
            std::fs::create_dir_all(&dir).expect("temp dir");
            format!("sqlite://{}", dir.join(format!("{name}.db")).display())
        }
        Backend::Postgres => {
            let admin = postgres_admin_url();
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("PostgreSQL for tests (set JOBUNIVERS_TEST_POSTGRES)");
            conn.execute(format!("CREATE DATABASE \"{name}\"").as_str())
                .await
                .expect("create db");
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            format!("{base}/{name}")
        }
    }
}

/// A migrated store on a new database.
pub async fn fresh_store(backend: Backend) -> Store {
    let url = fresh_database_url(backend).await;
    let store = Store::connect(&StoreOptions {
        url,
        cpr_key: CprKey::random(),
        max_connections: 4,
    })
    .await
    .expect("connect");
    store.migrate().await.expect("migrate");
    store
}
