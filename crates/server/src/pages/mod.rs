//! Server-rendered pages on the Danish public design system (DKFDS). Every page works without
//! JavaScript: links and form posts only. Texts come from [`crate::i18n`].
use crate::{AppState, ServerConfig};
use axum::Router;

pub fn routes(_config: &ServerConfig) -> Router<AppState> {
    Router::new()
}
