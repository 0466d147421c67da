//! Unemployment funds (a-kasser): the second kind of tenant.
pub mod create;
