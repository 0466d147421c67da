//! Citizens (borgere): registration, reading, changing, and their access log.
pub mod access_log;
pub mod create;
pub mod get;
pub mod update;
