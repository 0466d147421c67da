//! Time in storage: BIGINT microseconds since the Unix epoch, UTC. Integers compare and index the
//! same way on both backends, which text or native timestamp types would not.

use jiff::Timestamp;

pub fn to_micros(t: Timestamp) -> i64 {
    // i64 microseconds cover ±292,000 years; jiff's range is smaller, so this cannot overflow.
    t.as_microsecond()
}

/// Back from storage. Out-of-range values (never written by us) clamp to the epoch.
pub fn from_micros(micros: i64) -> Timestamp {
    Timestamp::from_microsecond(micros).unwrap_or(Timestamp::UNIX_EPOCH)
}
