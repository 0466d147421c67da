//! Ending a session on every instance at once.
//!
//! Each instance keeps the sessions it has looked up for up to 30 seconds (`sessions.rs`), so
//! a sign-out on one instance would be honoured by the others only when their copy runs out. On
//! PostgreSQL the ending transaction therefore also sends `pg_notify` with the session's token
//! hash (a SHA-256 of the token, which reveals nothing), and every instance's listener drops
//! its copy. A listener that has lost its connection reconnects by itself; a sign-out sent
//! meanwhile falls back to the 30 seconds. On SQLite there is one process, which drops its own
//! copy directly.

use sqlx::postgres::PgListener;

use crate::Store;

/// The PostgreSQL channel the instances share.
const CHANNEL: &str = "jobunivers_sessions";

const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// On PostgreSQL, asks every instance to drop its copy of the session, when `tx` commits.
pub(crate) async fn notify_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    token_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(token_hash)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Store {
    /// Starts this instance's listener (PostgreSQL). Returns once it listens, so a session ended
    /// anywhere after the store is open is dropped here too. A failure is logged, not fatal:
    /// sessions then end here within 30 seconds.
    pub(crate) async fn listen_for_ended_sessions(&self) {
        let mut listener = match PgListener::connect(&self.inner.url).await {
            Ok(l) => l,
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for ended sessions; they end here within 30 s");
                return;
            }
        };
        if let Err(e) = listener.listen(CHANNEL).await {
            tracing::error!(error = %e, "LISTEN failed; ended sessions end here within 30 s");
            return;
        }
        // The task holds only a weak reference and looks every few seconds whether the store
        // is still there, so a closed store's listener closes its connection too.
        let store = std::sync::Arc::downgrade(&self.inner);
        tokio::spawn(async move {
            loop {
                let waited = tokio::time::timeout(CHECK_EVERY, listener.recv()).await;
                let Some(inner) = store.upgrade() else { return };
                match waited {
                    Err(_) => {}
                    Ok(Ok(n)) => inner.sessions.remove(n.payload()),
                    Ok(Err(e)) => {
                        tracing::warn!(error = %e, "ended-session listener failed; retrying");
                        tokio::time::sleep(CHECK_EVERY).await;
                    }
                }
            }
        });
    }
}
