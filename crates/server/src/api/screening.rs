//! Screening and visitation (API.md, Screening and visitation).
pub mod submit;
pub mod visitation;
