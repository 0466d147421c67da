//! The OpenAPI 3.1 document, generated from the handlers' annotations so that code and contract
//! cannot drift apart silently. A test compares its paths with `../shared/API.md`.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Jobunivers API",
        version = "1",
        description = "Public JSON API of Jobunivers. Errors are RFC 9457 problem+json with a stable `code`."
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

/// The whole document: the API's description and security scheme around the routed paths
/// (`api::router`), under `/api/v1` where the app serves them.
pub fn document(paths: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    ApiDoc::openapi().nest("/api/v1", paths)
}

/// The document as served: JSON, serialised once at start.
pub fn served(
    document: &utoipa::openapi::OpenApi,
) -> (
    [(axum::http::HeaderName, &'static str); 1],
    axum::body::Bytes,
) {
    let json = serde_json::to_vec(document).unwrap_or_default();
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        axum::body::Bytes::from(json),
    )
}

/// The demo's document as JSON text (the demo documents its sign-in and clock too).
pub fn openapi_json() -> String {
    crate::api::router(true)
        .1
        .to_pretty_json()
        .unwrap_or_default()
}
