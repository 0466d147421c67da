//! Production sign-in through OpenID Connect: citizens with MitID through a broker (Criipto,
//! Signicat, NemLog-in …), staff through their organisation's directory (e.g. Entra ID). Each
//! is one [`OidcConfig`]; both are optional and the sign-in page offers what is configured.
//!
//! The flow is the authorization code flow with PKCE (S256), `state` and `nonce` — all three,
//! because each closes a different hole: PKCE binds the code to this server, the `state`
//! (kept in the store, good once, and also in a cookie) binds the answer to the browser that
//! asked, and the nonce binds the ID token to this sign-in. The ID token's signature is checked
//! against the provider's published keys even though it arrives straight from the provider over
//! TLS, and so are `iss`, `aud`, `azp`, `exp` and (when configured) `acr`. The person is then
//! found, never created: a citizen by the CPR number in the configured claim (compared by its
//! keyed hash, like everywhere else), staff by login. See `docs/sign-in.md`.

pub mod budget;
mod discovery;
mod flow;
mod id_token;

use std::sync::Arc;
use std::time::Duration;

pub use flow::{Begun, Identity};

/// Who a provider signs in: it decides how the claim is read and whom it may find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// By CPR number (MitID).
    Citizen,
    /// By login (the staff directory).
    Staff,
}

impl Audience {
    /// The provider's path segment: `/logind/mitid`, `/logind/medarbejder`.
    pub fn slug(self) -> &'static str {
        match self {
            Audience::Citizen => "mitid",
            Audience::Staff => "medarbejder",
        }
    }
}

/// One identity provider, as configured (`docs/configuration.md`). The client secret never
/// appears in `Debug` output.
#[derive(Clone)]
pub struct OidcConfig {
    pub audience: Audience,
    /// The issuer exactly as the provider states it; discovery is read from
    /// `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// Space-separated scopes to ask for; always includes `openid`.
    pub scopes: String,
    /// The ID-token claim that names the person: the CPR number (citizens) or the login (staff).
    pub claim: String,
    /// When set, asked for as `acr_values` and required in the token's `acr` (e.g. NSIS
    /// "substantial" for MitID).
    pub acr: Option<String>,
}

impl std::fmt::Debug for OidcConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcConfig")
            .field("audience", &self.audience)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"[hidden]")
            .field("scopes", &self.scopes)
            .field("claim", &self.claim)
            .field("acr", &self.acr)
            .finish()
    }
}

/// Why a sign-in did not succeed; each has its own message on the sign-in page.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// The person cancelled at the provider, or the provider refused them.
    #[error("cancelled at the identity provider: {0}")]
    Cancelled(String),
    /// The answer matches no sign-in begun in this browser in the last ten minutes.
    #[error("unknown, used or expired sign-in")]
    Expired,
    /// The provider could not be reached or answered nonsense.
    #[error("identity provider unavailable: {0}")]
    Unavailable(String),
    /// The ID token failed a check: a forgery, a replay, or a misconfiguration.
    #[error("ID token refused: {0}")]
    Refused(String),
    /// More sign-ins began this minute than this instance takes (`budget.rs`).
    #[error("too many sign-ins begun this minute")]
    Busy,
}

/// The configured providers with their cached metadata and keys.
pub struct Providers {
    list: Vec<Arc<Provider>>,
}

pub struct Provider {
    pub config: OidcConfig,
    redirect_uri: String,
    http: reqwest::Client,
    cache: discovery::Cache,
}

/// How long a sign-in may take at the provider.
pub const ATTEMPT_TTL: Duration = Duration::from_secs(600);

impl Providers {
    /// `public_url` is where the provider sends the browser back to.
    pub fn new(configs: &[OidcConfig], public_url: &str) -> Providers {
        // No redirects: a token endpoint that redirects is misconfigured, and following it
        // would send the client secret elsewhere.
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        let list = configs
            .iter()
            .map(|config| {
                Arc::new(Provider {
                    redirect_uri: format!("{public_url}/logind/{}/svar", config.audience.slug()),
                    config: config.clone(),
                    http: http.clone(),
                    cache: discovery::Cache::default(),
                })
            })
            .collect();
        Providers { list }
    }

    pub fn get(&self, slug: &str) -> Option<&Arc<Provider>> {
        self.list.iter().find(|p| p.config.audience.slug() == slug)
    }

    pub fn all(&self) -> impl Iterator<Item = &Arc<Provider>> {
        self.list.iter()
    }
}
