//! `POST /medarbejder/kalender/nyt-link`: a new address for the calendar feed; the old one stops
//! working at once (a link that leaked, a phone that was lost).

use std::collections::HashMap;

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use crate::AppState;
use crate::pages::PageError;
use crate::pages::context::SignedIn;

pub async fn renew_feed(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    state
        .store
        .renew_calendar_feed(&user.actor)
        .await
        .map_err(|e| user.viewer.error(e))?;
    Ok(Redirect::to("/medarbejder/kalender?besked=nyt-link#feed").into_response())
}
