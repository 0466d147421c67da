//! Meetings: booking, reading, moving, cancelling, the outcome, and the calendar file.
pub mod absence;
pub mod calendar;
pub mod cancel;
pub mod create;
pub mod get;
pub mod outcome;
pub mod reschedule;
