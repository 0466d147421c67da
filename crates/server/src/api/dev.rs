//! Demo sign-in (API.md, "Demo sign-in") and the demo's clock. Only in demo mode; otherwise
//! the paths are unknown (404).
pub mod clock;
pub mod session;
