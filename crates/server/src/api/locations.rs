//! Locations: where an organisation meets citizens in person, for call-ins and their letters.
pub mod create;
pub mod list;
