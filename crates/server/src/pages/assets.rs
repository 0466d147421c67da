//! What a first visit downloads, kept small (issue 20 item 7): the static files carry a
//! fingerprint of their content in their address (`?v=`), so browsers may keep them for a year
//! without asking again (`headers::security_headers` marks them immutable); pages, styles and
//! scripts are compressed (gzip or brotli, `compress`); citizens get DKFDS' borger.dk theme.

use std::sync::OnceLock;

use sha2::{Digest, Sha256};
use tower_http::compression::predicate::{Predicate, SizeAbove};

use super::context::Ctx;

static VERSION: OnceLock<String> = OnceLock::new();

/// Fingerprints our embedded files and DKFDS' stylesheets (read once from `dkfds_dir`): a new
/// build or a new DKFDS gives new addresses, so no browser keeps an old file.
pub fn init(dkfds_dir: &std::path::Path) {
    VERSION.get_or_init(|| {
        let mut h = Sha256::new();
        h.update(include_str!("../../static/app.css"));
        h.update(include_str!("../../static/live.js"));
        h.update(include_str!("../../static/video.js"));
        h.update(include_str!("../../static/chat_queue.js"));
        for theme in [STAFF_THEME, CITIZEN_THEME] {
            if let Ok(css) = std::fs::read(dkfds_dir.join("css").join(theme)) {
                h.update(css);
            }
        }
        hex::encode(&h.finalize()[..6])
    });
}

/// The fingerprint the addresses carry.
pub fn version() -> &'static str {
    VERSION.get().map_or("0", String::as_str)
}

const STAFF_THEME: &str = "dkfds.min.css";
/// DKFDS' theme for citizen-facing services (borger.dk).
const CITIZEN_THEME: &str = "dkfds-borgerdk.min.css";

impl Ctx {
    /// The fingerprint, for `?v=` in the templates.
    pub fn asset_version(&self) -> &'static str {
        version()
    }

    /// The DKFDS theme: borger.dk for citizens and people not signed in, the plain one for
    /// staff.
    pub fn theme(&self) -> &'static str {
        match &self.user {
            Some(u) if !u.is_citizen => STAFF_THEME,
            _ => CITIZEN_THEME,
        }
    }
}

/// What is worth compressing: pages, styles, scripts and SVG over a kilobyte. API answers are
/// left alone — small, read by machines next door, and on the hot path of every booking.
#[derive(Clone, Copy, Debug)]
pub struct Compressible;

impl Predicate for Compressible {
    fn should_compress<B>(&self, response: &axum::http::Response<B>) -> bool
    where
        B: axum::body::HttpBody,
    {
        let kind = response
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let textual = kind.starts_with("text/")
            || kind.starts_with("application/javascript")
            || kind.starts_with("image/svg+xml");
        textual && SizeAbove::new(1024).should_compress(response)
    }
}
