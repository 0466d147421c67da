//! A stretch of time with a start before its end: a slot, a meeting, a calendar block.

use jiff::{SignedDuration, Timestamp};

use crate::Invalid;

/// [start, end) in UTC; only constructible with `start < end` and a sane length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeSpan {
    start: Timestamp,
    end: Timestamp,
}

/// No single slot or meeting is longer than a working day.
pub const MAX_SPAN: SignedDuration = SignedDuration::from_hours(12);

impl TimeSpan {
    /// Refuses an end at or before the start (`Combination`) and spans over 12 hours (`TooLong`).
    pub fn new(start: Timestamp, end: Timestamp) -> Result<Self, Invalid> {
        if end <= start {
            return Err(Invalid::EndBeforeStart);
        }
        if end.duration_since(start) > MAX_SPAN {
            return Err(Invalid::TooLong { max: 12 });
        }
        Ok(Self { start, end })
    }

    pub fn start(self) -> Timestamp {
        self.start
    }

    pub fn end(self) -> Timestamp {
        self.end
    }

    pub fn overlaps(self, other: TimeSpan) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn minutes(self) -> i64 {
        self.end.duration_since(self.start).as_secs() / 60
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    #[test]
    fn end_must_follow_start() {
        let t = ts("2026-03-02T08:00:00Z");
        assert_eq!(TimeSpan::new(t, t), Err(Invalid::EndBeforeStart));
        assert_eq!(
            TimeSpan::new(ts("2026-03-02T09:00:00Z"), t),
            Err(Invalid::EndBeforeStart)
        );
        assert!(TimeSpan::new(t, ts("2026-03-02T20:00:00Z")).is_ok());
        assert_eq!(
            TimeSpan::new(t, ts("2026-03-02T20:00:01Z")),
            Err(Invalid::TooLong { max: 12 })
        );
    }

    #[test]
    fn touching_spans_do_not_overlap() {
        let a = TimeSpan::new(ts("2026-03-02T08:00:00Z"), ts("2026-03-02T08:30:00Z")).expect("a");
        let b = TimeSpan::new(ts("2026-03-02T08:30:00Z"), ts("2026-03-02T09:00:00Z")).expect("b");
        let c = TimeSpan::new(ts("2026-03-02T08:29:00Z"), ts("2026-03-02T08:31:00Z")).expect("c");
        assert!(!a.overlaps(b) && !b.overlaps(a));
        assert!(a.overlaps(c) && c.overlaps(b));
    }
}
