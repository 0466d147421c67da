//! What the server needs to know that is not in the database. Built by the binary from its
//! config file and environment (see `docs/configuration.md`).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use domain::contact_plan::RuleBook;

#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Demo mode: password-less sign-in for the seeded demo users (`POST /api/v1/dev/session`
    /// and the sign-in page). Never on in production.
    pub demo: bool,
    /// Where the DKFDS design system's `dist` folder is (installed by npm, not in the repo).
    pub dkfds_dir: PathBuf,
    /// Mark cookies `Secure`: on whenever the server is reached over HTTPS.
    pub secure_cookies: bool,
    /// How long a sign-in lasts.
    pub session_ttl: Duration,
    /// Where people reach the server, without a trailing slash; for links that leave the
    /// browser: video `join_url`s, calendar feeds, notices.
    pub public_url: String,
    /// The contact schedule's rule files, loaded and checked at start-up (`rules/*.toml`).
    pub rules: Arc<RuleBook>,
    /// STUN/TURN servers for video meetings, as the JSON array of `RTCIceServer` objects the
    /// browser takes (checked at start-up). `[]`: direct connections only (same network).
    pub ice_servers: String,
    /// The identity providers for production sign-in (MitID for citizens, the staff
    /// directory); none configured: only the demo's sign-in, if in demo mode.
    pub sign_in: Vec<crate::sign_in::OidcConfig>,
    /// Who may read `/metrics` on the main address.
    pub metrics: MetricsAccess,
    /// Sign-ins this instance begins per minute at most (each writes a row before anyone has
    /// signed in); beyond it 429 and "try again in a minute".
    pub sign_in_starts_per_minute: u32,
    /// The accessibility statement the operator published with the Agency for Digital
    /// Government's WAS-Tool (its standardised `https://was.digst.dk/…` address), which the
    /// footer links to and `/was` redirects to (lov nr. 692 af 8. juni 2018 § 4; BEK nr. 904 af
    /// 22. august 2019). `None`: the footer links to our own page about the statement.
    pub accessibility_statement_url: Option<String>,
}

/// Who may read `/metrics` on the main address (docs/configuration.md). Metrics show routes,
/// volumes and queue lengths: not for the public internet.
#[derive(Clone, PartialEq, Eq)]
pub enum MetricsAccess {
    /// Anyone (the demo, on a developer's machine).
    Open,
    /// Only with `Authorization: Bearer <token>` (`JOBUNIVERS_METRICS_TOKEN`).
    Token(String),
    /// Not here: on a separate listen address only (`JOBUNIVERS_METRICS_LISTEN`), or nowhere.
    Elsewhere,
}

impl std::fmt::Debug for MetricsAccess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MetricsAccess::Open => "Open",
            MetricsAccess::Token(_) => "Token([hidden])",
            MetricsAccess::Elsewhere => "Elsewhere",
        })
    }
}

impl ServerConfig {
    /// Settings for tests and the demo: demo mode, assets from the repository's node_modules.
    pub fn demo(dkfds_dir: PathBuf, rules: Arc<RuleBook>) -> Self {
        Self {
            demo: true,
            dkfds_dir,
            secure_cookies: false,
            session_ttl: Duration::from_secs(8 * 3600),
            public_url: "http://127.0.0.1:8080".into(),
            rules,
            ice_servers: "[]".into(),
            sign_in: Vec::new(),
            metrics: MetricsAccess::Open,
            sign_in_starts_per_minute: 600,
            accessibility_statement_url: None,
        }
    }
}
