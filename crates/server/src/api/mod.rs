//! The JSON API of `../shared/API.md`, one module per resource and one file per action, as the
//! route tree reads.

pub mod case_transfers;
pub mod citizens;
pub mod dev;
pub mod funds;
pub mod inbox;
pub mod json;
pub mod meetings;
pub mod messages;
pub mod municipalities;
pub mod reports;
pub mod screening;
pub mod slots;
pub mod staff;
pub mod surveys;
pub mod worklist;

use axum::Router;
use axum::routing::{delete, get, post};

use crate::AppState;
use crate::error::ApiError;

/// Routes relative to `/api/v1`, where the app nests them.
pub fn routes(demo: bool) -> Router<AppState> {
    let mut router = Router::new().route("/openapi.json", get(crate::openapi::serve));
    if demo {
        router = router
            .route("/dev/session", post(dev::session::create))
            .route("/dev/clock", get(dev::clock::show).post(dev::clock::set));
    }
    router
        .route("/municipalities", post(municipalities::create::handler))
        .route(
            "/municipalities/{code}",
            axum::routing::patch(municipalities::update::handler),
        )
        .route("/unemployment-funds", post(funds::create::handler))
        .route("/staff", post(staff::create::handler))
        .route("/citizens", post(citizens::create::handler))
        .route(
            "/citizens/{id}",
            get(citizens::get::handler).patch(citizens::update::handler),
        )
        .route(
            "/citizens/{id}/access-log",
            get(citizens::access_log::handler),
        )
        .route(
            "/citizens/{id}/available-slots",
            get(citizens::available_slots::handler),
        )
        .route("/citizens/{id}/meetings", get(citizens::meetings::handler))
        .route(
            "/citizens/{id}/contact-plan",
            get(citizens::contact_plan::handler),
        )
        .route(
            "/citizens/{id}/exemption",
            post(citizens::exemption::handler),
        )
        .route("/worklist", get(worklist::list::handler))
        .route(
            "/citizens/{id}/messages",
            get(messages::list::handler).post(messages::post::handler),
        )
        .route(
            "/citizens/{id}/messages/assign",
            post(messages::assign::handler),
        )
        .route(
            "/citizens/{id}/messages/read",
            post(messages::read::handler),
        )
        .route("/inbox", get(inbox::list::handler))
        .route(
            "/case-transfers",
            get(case_transfers::list::handler).post(case_transfers::create::handler),
        )
        .route(
            "/case-transfers/{id}/accept",
            post(case_transfers::decide::accept),
        )
        .route(
            "/case-transfers/{id}/decline",
            post(case_transfers::decide::decline),
        )
        .route("/surveys", get(surveys::list::handler))
        .route("/surveys/{id}/answers", post(surveys::answer::handler))
        .route("/citizens/{id}/screening", post(screening::submit::handler))
        .route(
            "/citizens/{id}/visitation",
            post(screening::visitation::handler),
        )
        .route("/reports/visitation", get(reports::visitation::handler))
        .route("/reports/contacts", get(reports::contacts::handler))
        .route(
            "/reports/contact-quotas",
            get(reports::contact_quotas::handler),
        )
        .route("/slots", post(slots::create::handler))
        .route("/slots/weekly", post(slots::weekly::handler))
        .route("/slots/{id}", delete(slots::delete::handler))
        .route("/meetings", post(meetings::create::handler))
        .route("/meetings/{id}", get(meetings::get::handler))
        .route("/meetings/{id}/cancel", post(meetings::cancel::handler))
        .route("/meetings/{id}/move", post(meetings::reschedule::handler))
        .route("/meetings/{id}/outcome", post(meetings::outcome::handler))
        .route(
            "/meetings/{id}/calendar.ics",
            get(meetings::calendar::handler),
        )
        .fallback(api_not_found)
}

/// Unknown API paths answer in problem+json too (the pages have their own 404).
async fn api_not_found() -> ApiError {
    ApiError::NotFound
}
