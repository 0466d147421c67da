//! API tests against a real server on port 0, one fresh database per test, on both backends.
//! Files mirror the route tree.

mod availability_notices;
mod call_ins;
mod chat;
mod citizens;
mod contact_plan;
mod exports;
mod help;
mod helpers;
mod interpreters;
mod live;
mod meetings;
mod meetings_busy;
mod messages;
mod operations;
mod organisations;
mod screening;
mod security;
mod sign_in;
mod surveys;
