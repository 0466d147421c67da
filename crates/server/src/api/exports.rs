//! Feeds for other systems: the call-ins as the national data hub registers them.
pub mod call_ins;
