//! What the API and the pages both do, once: each use case takes parsed values and the actor,
//! calls the store, and answers in domain terms; the API turns the answer into JSON and
//! problem+json, the pages into a page with messages at the fields. Neither edge borrows from
//! the other.

pub mod absence;
pub mod booking_overdue;
pub mod calendar_file;
pub mod help_search;
pub mod no_show;
pub mod quotas;
pub mod weekly_availability;
