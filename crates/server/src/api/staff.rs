//! Staff: caseworkers, managers and administrators.
pub mod create;
