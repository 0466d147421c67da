//! Citizens (borgere): registration, reading, changing, and their access log.
pub mod access_log;
pub mod available_slots;
pub mod booking_overdue;
pub mod contact_plan;
pub mod create;
pub mod exemption;
pub mod get;
pub mod meetings;
pub mod update;
