//! Demo sign-in (API.md, "Demo sign-in"). Only in demo mode; otherwise the path is unknown (404).
pub mod session;
