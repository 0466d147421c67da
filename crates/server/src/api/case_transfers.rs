//! A citizen who moved: the municipality they moved to asks for the case, the one holding it
//! accepts or declines (`store::case_transfers`).
pub mod create;
pub mod decide;
pub mod list;
