//! The organisation's inbox: threads waiting for an answer, oldest first.
pub mod list;
