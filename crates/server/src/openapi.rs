//! The OpenAPI 3.1 document, generated from the handlers' annotations so that code and contract
//! cannot drift apart silently. A test compares its paths with `../shared/API.md`.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Jobunivers API",
        version = "1",
        description = "Public JSON API of Jobunivers. Errors are RFC 9457 problem+json with a stable `code`."
    ),
    paths(
        api::dev::session::create,
        api::dev::clock::show,
        api::dev::clock::set,
        api::municipalities::create::handler,
        api::municipalities::update::handler,
        api::funds::create::handler,
        api::staff::create::handler,
        api::citizens::create::handler,
        api::citizens::get::handler,
        api::citizens::update::handler,
        api::citizens::access_log::handler,
        api::citizens::available_slots::handler,
        api::citizens::meetings::handler,
        api::citizens::contact_plan::handler,
        api::citizens::exemption::handler,
        api::worklist::list::handler,
        api::messages::list::handler,
        api::messages::post::handler,
        api::messages::assign::handler,
        api::messages::read::handler,
        api::inbox::list::handler,
        api::case_transfers::create::handler,
        api::case_transfers::list::handler,
        api::case_transfers::decide::accept,
        api::case_transfers::decide::decline,
        api::surveys::list::handler,
        api::surveys::answer::handler,
        api::screening::submit::handler,
        api::screening::visitation::handler,
        api::reports::visitation::handler,
        api::reports::contact_quotas::handler,
        api::reports::contacts::handler,
        api::slots::create::handler,
        api::slots::weekly::handler,
        api::slots::delete::handler,
        api::meetings::create::handler,
        api::meetings::get::handler,
        api::meetings::cancel::handler,
        api::meetings::reschedule::handler,
        api::meetings::outcome::handler,
        api::meetings::calendar::handler,
    ),
    components(schemas(crate::error::Problem, crate::error::ProblemField)),
    modifiers(&BearerAuth),
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The document as JSON text.
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

pub async fn serve() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
