//! Background tasks. Each task is idempotent and safe to run on several server instances at
//! once: it works from the database's state, not from memory. For now there is housekeeping;
//! the outbox drain (invitations, reminders) arrives with the meetings issue.

use std::time::Duration;

use store::Store;

/// Removes expired sign-in sessions every `every`. Deleting what is expired twice is harmless,
/// so several instances may run this side by side.
pub async fn housekeeping(store: Store, every: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match store.delete_expired_sessions().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sessions = n, "expired sessions removed"),
            Err(e) => tracing::warn!(error = %e, "housekeeping failed; will retry"),
        }
    }
}
