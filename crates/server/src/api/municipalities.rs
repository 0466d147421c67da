//! Municipalities (kommuner): the jobcenters' tenants.
pub mod create;
pub mod interpreter_providers;
pub mod update;
