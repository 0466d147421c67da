//! Availability: slots a caseworker or adviser publishes for themself.
pub mod create;
pub mod delete;
pub mod weekly;
