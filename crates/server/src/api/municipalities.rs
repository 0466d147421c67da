//! Municipalities (kommuner): the jobcenters' tenants.
pub mod create;
pub mod update;
