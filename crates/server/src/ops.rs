//! Operations: liveness, readiness, metrics, and request ids for logs. Liveness and readiness
//! need no token; metrics as `MetricsAccess` says (docs/configuration.md).

use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower::ServiceBuilder;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;

use crate::AppState;
use crate::config::MetricsAccess;
use sha2::Digest;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
}

/// The process runs and answers.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers too.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// `/metrics` on the main address: open in the demo, with the configured bearer token in
/// production, or not here at all (404) when it is served on its own address.
async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match &state.config.metrics {
        MetricsAccess::Open => {}
        MetricsAccess::Elsewhere => return StatusCode::NOT_FOUND.into_response(),
        MetricsAccess::Token(token) => {
            let sent = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "));
            // Digests are compared, so the time taken says nothing about the token.
            let digest = |s: &str| sha2::Sha256::digest(s.as_bytes());
            let matches = sent.is_some_and(|s| digest(s) == digest(token));
            if !matches {
                return (
                    StatusCode::UNAUTHORIZED,
                    [(header::WWW_AUTHENTICATE, "Bearer")],
                )
                    .into_response();
            }
        }
    }
    exposition(&state).await
}

/// The metrics themselves, for the main address or the separate one.
pub async fn exposition(state: &AppState) -> Response {
    let mut text = state.metrics.render();
    match state.store.gauges().await {
        Ok(g) => crate::metrics::render_gauges(&mut text, &g),
        Err(e) => tracing::warn!(error = %e, "gauges not read"),
    }
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        text,
    )
        .into_response()
}

/// The router of a separate metrics address: `/metrics` only, without a token (reach it only
/// from the monitoring network).
pub fn metrics_only(state: AppState) -> Router {
    Router::new()
        .route(
            "/metrics",
            get(|State(state): State<AppState>| async move { exposition(&state).await }),
        )
        .with_state(state)
}

/// Request ids: a short random process prefix and a counter, e.g. `k3f9a2-000042`. An id sent by
/// a proxy in `x-request-id` is kept. The id is in every log line of the request and in the
/// response header, so a user's error report can be found in the logs.
#[derive(Clone)]
pub struct CountingRequestId {
    prefix: std::sync::Arc<str>,
    next: std::sync::Arc<AtomicU64>,
}

impl Default for CountingRequestId {
    fn default() -> Self {
        let prefix = format!("{:06x}", rand::random::<u32>() & 0xff_ffff);
        Self {
            prefix: prefix.into(),
            next: Default::default(),
        }
    }
}

impl MakeRequestId for CountingRequestId {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n:06}", self.prefix))
            .ok()
            .map(RequestId::new)
    }
}

/// Wraps the app: sets a request id, opens a log span carrying it, and returns it in the
/// response's `x-request-id` header.
pub fn with_request_ids(router: Router) -> Router {
    let span = |request: &Request<axum::body::Body>| {
        let id = request
            .extensions()
            .get::<RequestId>()
            .and_then(|id| id.header_value().to_str().ok())
            .unwrap_or("-");
        tracing::info_span!("request", id = %id, method = %request.method(), uri = %request.uri().path())
    };
    router.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::x_request_id(CountingRequestId::default()))
            .layer(TraceLayer::new_for_http().make_span_with(span))
            .layer(PropagateRequestIdLayer::x_request_id()),
    )
}
