//! Operations: liveness, readiness, metrics, and request ids for logs. No token needed.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tower::ServiceBuilder;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;

use crate::AppState;

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

async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        state.metrics.render(),
    )
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
