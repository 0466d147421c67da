//! How many sign-ins one instance begins per minute. Beginning one writes a row before anyone
//! has signed in (`sign_in_attempts`), so without a bound anyone could fill the table. Limits per
//! client address belong at the reverse proxy, which knows the address (docs/security.md); this
//! bound holds whatever is in front.

use std::sync::Mutex;
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(60);

pub struct SignInBudget {
    per_minute: u32,
    /// The current window's start and how many began in it.
    window: Mutex<(Instant, u32)>,
}

impl SignInBudget {
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            window: Mutex::new((Instant::now(), 0)),
        }
    }

    /// Takes one from this minute's budget; `false` when it is spent.
    pub fn take(&self) -> bool {
        let Ok(mut w) = self.window.lock() else {
            return false;
        };
        let now = Instant::now();
        if now.duration_since(w.0) >= WINDOW {
            *w = (now, 0);
        }
        if w.1 >= self.per_minute {
            return false;
        }
        w.1 += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minute_holds_the_budget_and_no_more() {
        let b = SignInBudget::new(3);
        assert!(b.take() && b.take() && b.take());
        assert!(!b.take());
        assert!(!b.take());
    }
}
