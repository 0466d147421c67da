//! A small OpenID Connect provider that stands in for MitID (through a broker) or a
//! municipality's staff directory in tests and when trying out `jobunivers serve`.
//!
//! It does what a relying party depends on — discovery, JWKS, the authorization code flow
//! with PKCE (S256 only), single-use codes, signed ID tokens (ES256 by default, RS256 on
//! request) — and lets a test make it misbehave in the ways a real provider or an attacker
//! could ([`Quirks`]), so the relying party's checks are tested against a real exchange.
//! Whoever signs in types a CPR number (ten digits: claim `cprNumberIdentifier`, as Criipto's
//! MitID broker sends it) or a user name (claim `preferred_username`). Never for production.

mod authorize;
mod keys;
mod token;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::routing::get;

pub use keys::Alg;

/// A relying party the provider knows.
#[derive(Debug, Clone)]
pub struct Client {
    pub id: String,
    pub secret: String,
    pub redirect_uri: String,
}

/// Ways to make the next ID tokens wrong, each as a real provider or an attacker could.
#[derive(Debug, Clone, Default)]
pub struct Quirks {
    /// Sign with RS256 instead of ES256.
    pub alg: Alg,
    /// Sign with a key that is not in the JWKS (a forged token).
    pub unpublished_key: bool,
    /// Put this in `aud` instead of the client id (a token meant for another service).
    pub audience: Option<String>,
    /// Put this in `nonce` instead of the one asked for (a replayed token).
    pub nonce: Option<String>,
    /// Put this in `iss` instead of the provider's own issuer.
    pub issuer: Option<String>,
    /// Let the token have expired an hour ago.
    pub expired: bool,
    /// The assurance level to state in `acr`.
    pub acr: Option<String>,
}

/// What the authorization step hands over to the token step, under a one-time code.
#[derive(Debug, Clone)]
struct Grant {
    client_id: String,
    redirect_uri: String,
    nonce: Option<String>,
    code_challenge: String,
    user: String,
}

struct Shared {
    issuer: String,
    clients: Vec<Client>,
    keys: keys::Keys,
    codes: Mutex<HashMap<String, Grant>>,
    quirks: Mutex<Quirks>,
}

/// A running provider; it stops when the process does.
#[derive(Clone)]
pub struct TestIdp {
    /// The issuer, e.g. `http://127.0.0.1:41234`.
    pub url: String,
    shared: Arc<Shared>,
}

impl TestIdp {
    /// Serves on `listener` for `clients`.
    pub fn start(listener: tokio::net::TcpListener, clients: Vec<Client>) -> std::io::Result<Self> {
        let url = format!("http://{}", listener.local_addr()?);
        let shared = Arc::new(Shared {
            issuer: url.clone(),
            clients,
            keys: keys::Keys::new().map_err(std::io::Error::other)?,
            codes: Mutex::default(),
            quirks: Mutex::default(),
        });
        let app = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/authorize", get(authorize::page).post(authorize::submit))
            .route("/token", axum::routing::post(token::exchange))
            .with_state(shared.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(TestIdp { url, shared })
    }

    /// Makes the tokens issued from now on wrong in the given ways.
    pub fn set_quirks(&self, quirks: Quirks) {
        if let Ok(mut q) = self.shared.quirks.lock() {
            *q = quirks;
        }
    }
}

async fn discovery(
    axum::extract::State(s): axum::extract::State<Arc<Shared>>,
) -> axum::Json<serde_json::Value> {
    let base = &s.issuer;
    axum::Json(serde_json::json!({
        "issuer": base,
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/token"),
        "jwks_uri": format!("{base}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256", "RS256"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
    }))
}

async fn jwks(
    axum::extract::State(s): axum::extract::State<Arc<Shared>>,
) -> axum::Json<serde_json::Value> {
    axum::Json(s.keys.jwks())
}
