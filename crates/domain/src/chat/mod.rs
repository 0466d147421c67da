//! The staffed live chat (issue 21): opening hours, who is on duty, the queue. A chat's text is
//! ordinary messages in the citizen's thread (`crate::messages`), so its transcript is part of
//! the case; what is new here is when a chat can start and in which order staff take them.

pub mod figures;
pub mod hours;
pub mod queue;

pub use hours::{ChatHours, OpenSpan};
pub use queue::{Availability, availability};
