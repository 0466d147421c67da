//! The HTTP face of Jobunivers, on axum: the JSON API of `../shared/API.md` with its OpenAPI
//! document, server-rendered pages in Danish and English, and the operations endpoints.
//!
//! Handlers are thin: extractors authenticate ([`extract::ApiActor`]) and parse input
//! ([`extract::ApiJson`]) into domain types, the store decides and persists, and every failure
//! becomes one [`error::ApiError`] rendered as RFC 9457 problem+json in one place.

pub mod api;
mod config;
pub mod error;
pub mod extract;
mod headers;
mod i18n;
mod ics;
pub mod live;
mod metrics;
mod openapi;
mod ops;
mod pages;
mod rules;
pub mod sign_in;
mod time_fmt;
pub mod use_cases;
mod validate;

use std::sync::Arc;

use axum::Router;
use store::Store;

pub use config::{MetricsAccess, ServerConfig};
pub use metrics::Metrics;
pub use openapi::openapi_json;
pub use rules::load_rules;

/// Everything a handler may need; cloned per request (all fields are cheap handles).
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<ServerConfig>,
    pub metrics: Arc<Metrics>,
    /// Fans live thread events out to open WebSocket connections.
    pub live: Arc<live::hub::Hub>,
    /// The video rooms open on this server.
    pub rooms: Arc<live::video_room::Rooms>,
    /// The identity providers people sign in with, and what we know of them.
    pub providers: Arc<sign_in::Providers>,
    /// Sign-ins this instance begins per minute (`sign_in::budget`).
    pub sign_in_budget: Arc<sign_in::budget::SignInBudget>,
    /// The self-help answers' search indexes this instance has built (issue 21).
    pub help: Arc<use_cases::help_search::HelpIndexes>,
}

/// The whole application as one router, ready to serve. Must be called inside the Tokio
/// runtime: it starts the task that feeds live views.
pub fn app(store: Store, config: ServerConfig) -> Router {
    app_and_metrics(store, config).0
}

/// [`app`], and the router for a separate metrics address sharing its counts
/// (`JOBUNIVERS_METRICS_LISTEN`).
pub fn app_and_metrics(store: Store, config: ServerConfig) -> (Router, Router) {
    pages::assets::init(&config.dkfds_dir);
    let state = AppState {
        live: live::hub::Hub::start(store.clone()),
        rooms: Arc::default(),
        help: Arc::default(),
        providers: Arc::new(sign_in::Providers::new(&config.sign_in, &config.public_url)),
        sign_in_budget: Arc::new(sign_in::budget::SignInBudget::new(
            config.sign_in_starts_per_minute,
        )),
        store,
        config: Arc::new(config),
        metrics: Arc::new(Metrics::default()),
    };
    let router = Router::new()
        .nest("/api/v1", api::router(state.config.demo).0)
        .merge(pages::routes(&state.config))
        .route(
            "/live/citizens/{id}/messages",
            axum::routing::get(live::thread_socket::handler),
        )
        .route(
            "/live/meetings/{id}/video",
            axum::routing::get(live::video_socket::handler),
        )
        .route(
            "/live/meetings/{id}/video/tolk/{secret}",
            axum::routing::get(live::video_socket::interpreter_handler),
        )
        .merge(ops::routes())
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            headers::security_headers,
        ))
        // Pages, styles and scripts gzip or brotli, as the browser accepts (`pages::assets`).
        .layer(
            tower_http::compression::CompressionLayer::new()
                .compress_when(pages::assets::Compressible),
        )
        .with_state(state.clone());
    (ops::with_request_ids(router), ops::metrics_only(state))
}

/// Serves until the process is asked to stop (Ctrl-C or SIGTERM), then drains connections.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
    tracing::info!("shutting down");
}
