//! Extractors: they authenticate and parse before a handler runs, so handlers only see a known
//! actor and well-formed input.

mod actor;
mod json;
mod path;
mod query;

pub use actor::{
    AdminActor, ApiActor, SESSION_COOKIE, StaffActor, bearer_or_cookie_token, cookie_value,
};
pub use json::ApiJson;
pub use path::ApiPath;
pub use query::ApiQuery;
