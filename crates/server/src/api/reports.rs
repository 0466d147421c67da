//! Reports for managers.
pub mod visitation;
