//! `POST /medarbejder/borgere/{id}/bookingfrist`: the citizen did not book a conversation by
//! its deadline; staff tell the a-kasse (`use_cases::booking_overdue`), and the citizen is told
//! in their messages. Refusals (nothing missed, already told) are the error page in Danish.

use std::collections::HashMap;

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use super::PageError;
use super::context::SignedIn;
use super::path::PagePath;
use crate::AppState;

pub async fn submit(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::CitizenId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    crate::use_cases::booking_overdue::notify(&state.store, &state.config.rules, &user.actor, &id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    Ok(Redirect::to(&format!("/medarbejder/borgere/{id}#plan")).into_response())
}
