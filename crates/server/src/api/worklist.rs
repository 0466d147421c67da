//! The worklist: citizens who need action now, and why.
pub mod list;
