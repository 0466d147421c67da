//! The JSON API of `../shared/API.md`, one module per resource and one file per action, as the
//! route tree reads.

pub mod availability_notices;
pub mod case_transfers;
pub mod chat;
pub mod citizens;
pub mod dev;
pub mod exports;
pub mod funds;
pub mod help;
pub mod inbox;
pub mod json;
pub mod locations;
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
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::ApiError;

/// The API's routes, relative to `/api/v1` where the app nests them, and its OpenAPI document,
/// built together from the handlers' `#[utoipa::path]` annotations: a handler is in the
/// document because it is routed, so the two cannot drift apart. Demo-only routes are in the
/// demo's document only.
pub fn router(demo: bool) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let mut api = OpenApiRouter::new();
    if demo {
        api = api
            .routes(routes!(dev::session::create))
            .routes(routes!(dev::clock::show, dev::clock::set));
    }
    let (router, paths) = api
        .routes(routes!(municipalities::create::handler))
        .routes(routes!(municipalities::update::handler))
        .routes(routes!(
            municipalities::interpreter_providers::list_handler,
            municipalities::interpreter_providers::create_handler
        ))
        .routes(routes!(funds::create::handler))
        .routes(routes!(
            locations::create::handler,
            locations::list::handler
        ))
        .routes(routes!(staff::create::handler))
        .routes(routes!(citizens::create::handler))
        .routes(routes!(citizens::get::handler, citizens::update::handler))
        .routes(routes!(citizens::access_log::handler))
        .routes(routes!(citizens::available_slots::handler))
        .routes(routes!(citizens::meetings::handler))
        .routes(routes!(citizens::contact_plan::handler))
        .routes(routes!(citizens::exemption::handler))
        .routes(routes!(citizens::booking_overdue::handler))
        .routes(routes!(worklist::list::handler))
        .routes(routes!(messages::list::handler, messages::post::handler))
        .routes(routes!(messages::assign::handler))
        .routes(routes!(messages::read::handler))
        .routes(routes!(inbox::list::handler))
        .routes(routes!(chat::citizen::show, chat::citizen::start))
        .routes(routes!(help::search::handler))
        .routes(routes!(help::answers::list, help::answers::create))
        .routes(routes!(help::answers::update, help::answers::delete))
        .routes(routes!(chat::end::handler))
        .routes(routes!(chat::end::hand_over))
        .routes(routes!(chat::staff::duty))
        .routes(routes!(chat::staff::next))
        .routes(routes!(chat::staff::queue))
        .routes(routes!(chat::hours::municipality))
        .routes(routes!(chat::hours::fund))
        .routes(routes!(
            case_transfers::list::handler,
            case_transfers::create::handler
        ))
        .routes(routes!(case_transfers::decide::accept))
        .routes(routes!(case_transfers::decide::decline))
        .routes(routes!(surveys::list::handler))
        .routes(routes!(surveys::answer::handler))
        .routes(routes!(screening::submit::handler))
        .routes(routes!(screening::visitation::handler))
        .routes(routes!(reports::visitation::handler))
        .routes(routes!(reports::contacts::handler))
        .routes(routes!(reports::contact_quotas::handler))
        .routes(routes!(slots::create::handler))
        .routes(routes!(slots::weekly::handler))
        .routes(routes!(slots::delete::handler))
        .routes(routes!(meetings::create::handler))
        .routes(routes!(meetings::get::handler))
        .routes(routes!(meetings::cancel::handler))
        .routes(routes!(meetings::reschedule::handler))
        .routes(routes!(meetings::outcome::handler))
        .routes(routes!(meetings::absence::report))
        .routes(routes!(meetings::absence::decide))
        .routes(routes!(availability_notices::list::handler))
        .routes(routes!(availability_notices::withdraw::handler))
        .routes(routes!(exports::call_ins::handler))
        .routes(routes!(meetings::calendar::handler))
        .split_for_parts();
    let document = crate::openapi::document(paths);
    let served = crate::openapi::served(&document);
    let router = router
        .route(
            "/openapi.json",
            get(move || std::future::ready(served.clone())),
        )
        .fallback(api_not_found);
    (router, document)
}

/// Unknown API paths answer in problem+json too (the pages have their own 404).
async fn api_not_found() -> ApiError {
    ApiError::NotFound
}
