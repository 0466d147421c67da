//! Reports for managers.
pub mod contact_quotas;
pub mod contacts;
pub mod visitation;
