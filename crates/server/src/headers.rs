//! Security headers on every answer (docs/security.md).
//!
//! - `Content-Security-Policy`: scripts, styles, fonts and connections only from this site, no
//!   inline script or style (the two scripts are files under `/static`), never framed.
//! - `X-Content-Type-Options: nosniff`, `Referrer-Policy: same-origin` (addresses carry ids).
//! - `Cache-Control: no-store` on everything but the static files: pages, PDFs, calendar files
//!   and API answers hold personal data, and a shared computer's cache must not keep them.
//!   Static files whose address carries their fingerprint (`?v=`, `pages::assets`) are kept a
//!   year and never asked for again (`immutable`); others (DKFDS' fonts and icons, named from
//!   its stylesheet) a day.
//! - `Strict-Transport-Security` when the public address is `https://` (in `serve`).

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;

/// The policy. `connect-src 'self'` covers this site's WebSockets (CSP level 3); video frames
/// travel peer to peer, outside the policy; DKFDS' icons are `data:` images in its CSS.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// A year, with subdomains left alone: the operator decides those.
const HSTS: &str = "max-age=31536000";

pub async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let cacheable = request.uri().path().starts_with("/static/");
    let fingerprinted = cacheable
        && request
            .uri()
            .query()
            .is_some_and(|q| q.split('&').any(|p| p.starts_with("v=")));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    let cache = match (cacheable, fingerprinted) {
        (true, true) => "public, max-age=31536000, immutable",
        (true, false) => "public, max-age=86400",
        (false, _) => "no-store",
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if state.config.public_url.starts_with("https://") {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    response
}
