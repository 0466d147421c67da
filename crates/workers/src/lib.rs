//! Background tasks. Each task is idempotent and safe to run on several server instances at
//! once: it works from the database's state, not from memory.
//!
//! - [`housekeeping`]: removes expired sessions and abandoned sign-ins.
//! - [`chat_closing`]: ends the chats nobody took before closing time; returns stranded ones.
//! - [`report_days`]: counts the contact report's stale days again, so reports rarely wait.
//! - [`worklists`]: decides again the worklist's changed cases, so views rarely wait.
//! - [`notify::Notifier`]: drains the outbox into invitations, reminders and notices of moves and
//!   cancellations, by e-mail, SMS, Digital Post and printed letter.

mod letter_pdf;
pub mod notify;

pub use letter_pdf::letter_pdf;

use std::sync::Arc;
use std::time::Duration;

use domain::contact_plan::RuleBook;
use store::Store;

/// Removes expired sessions and sign-ins nobody came back from every `every`. Deleting what is expired twice is harmless,
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
        if let Err(e) = store.delete_expired_sign_ins().await {
            tracing::warn!(error = %e, "removing abandoned sign-ins failed; will retry");
        }
        if let Err(e) = store.delete_old_help_misses().await {
            tracing::warn!(error = %e, "removing old searches without an answer failed; will retry");
        }
    }
}

/// Ends, every `every`, the chats nobody took before their organisation's chat closed (what
/// the citizen wrote stays in their thread, waiting for an answer), and puts the chats of staff
/// who went away back in the queue (issue 21). Both change only what still needs it, so several
/// instances may run this side by side.
pub async fn chat_closing(store: Store, every: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match store.close_unanswered_chats().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(chats = n, "chats left at closing time became messages"),
            Err(e) => tracing::warn!(error = %e, "closing chats failed; will retry"),
        }
        match store.return_stranded_chats().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                chats = n,
                "chats of staff who went away are back in the queue"
            ),
            Err(e) => tracing::warn!(error = %e, "returning chats failed; will retry"),
        }
    }
}

/// Counts the contact report's stale days again every `every` (`store/src/report_days.rs`).
/// A report settles its own period's days first in any case; this keeps that quick. Two
/// instances recounting at once share the days between them.
pub async fn report_days(store: Store, every: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match store.settle_report_days(None).await {
            Ok(0) => {}
            Ok(n) => tracing::debug!(days = n, "report days counted again"),
            Err(e) => tracing::warn!(error = %e, "counting report days failed; will retry"),
        }
    }
}

/// Decides again, every `every`, the worklist's cases that changed or that the clock overtook,
/// in every organisation (`store/src/worklist_state.rs`). A view does the same for its own
/// organisation first in any case; this keeps that quick, and after an upgrade or a change of
/// the rules decides every case before anyone asks. Instances share the work: each
/// organisation's cases are decided by one at a time.
pub async fn worklists(store: Store, rules: Arc<RuleBook>, every: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match store.keep_every_worklist(&rules).await {
            Ok(0) => {}
            Ok(n) => tracing::debug!(cases = n, "worklist cases decided again"),
            Err(e) => tracing::warn!(error = %e, "deciding worklist cases failed; will retry"),
        }
    }
}
