//! The provider's metadata (OpenID Connect Discovery) and signing keys (JWKS), fetched on first
//! use and kept: the metadata for an hour, the keys until a token names one we do not have —
//! providers rotate keys by publishing the new one first, so an unknown `kid` means "fetch
//! again", at most once a minute so forged `kid`s cannot make us hammer the provider.

use std::time::{Duration, Instant};

use jsonwebtoken::jwk::Jwk;
use serde::Deserialize;

use super::{Provider, SignInError};

const METADATA_TTL: Duration = Duration::from_secs(3600);
const KEYS_MIN_AGE: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Deserialize)]
pub(super) struct Metadata {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
}

struct Discovered {
    metadata: Metadata,
    fetched: Instant,
    keys: Vec<Jwk>,
    keys_fetched: Instant,
}

#[derive(Default)]
pub(super) struct Cache(tokio::sync::Mutex<Option<Discovered>>);

fn unavailable(what: &str, e: impl std::fmt::Display) -> SignInError {
    SignInError::Unavailable(format!("{what}: {e}"))
}

impl Provider {
    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, SignInError> {
        let response = self
            .http
            .get(url)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| unavailable(url, e))?;
        response.json().await.map_err(|e| unavailable(url, e))
    }

    async fn fetch_metadata(&self) -> Result<Metadata, SignInError> {
        let issuer = &self.config.issuer;
        let url = format!(
            "{}/.well-known/openid-configuration",
            issuer.trim_end_matches('/')
        );
        let metadata: Metadata = self.get_json(&url).await?;
        // Discovery §4.3: the document must name the issuer we asked, or it is not its own.
        if metadata.issuer != *issuer {
            return Err(unavailable(
                "discovery",
                format!("names issuer {}", metadata.issuer),
            ));
        }
        let endpoints = [
            &metadata.authorization_endpoint,
            &metadata.token_endpoint,
            &metadata.jwks_uri,
        ];
        if issuer.starts_with("https://") && endpoints.iter().any(|e| !e.starts_with("https://")) {
            return Err(unavailable("discovery", "an endpoint is not HTTPS"));
        }
        Ok(metadata)
    }

    /// Keys we can use; a key of a type we do not know is skipped, not fatal.
    async fn fetch_keys(&self, jwks_uri: &str) -> Result<Vec<Jwk>, SignInError> {
        #[derive(Deserialize)]
        struct Set {
            keys: Vec<serde_json::Value>,
        }
        let set: Set = self.get_json(jwks_uri).await?;
        Ok(set
            .keys
            .into_iter()
            .filter_map(|k| serde_json::from_value(k).ok())
            .collect())
    }

    pub(super) async fn metadata(&self) -> Result<Metadata, SignInError> {
        let mut cache = self.cache.0.lock().await;
        if let Some(d) = cache
            .as_ref()
            .filter(|d| d.fetched.elapsed() < METADATA_TTL)
        {
            return Ok(d.metadata.clone());
        }
        let metadata = self.fetch_metadata().await?;
        let keys = self.fetch_keys(&metadata.jwks_uri).await?;
        *cache = Some(Discovered {
            metadata: metadata.clone(),
            fetched: Instant::now(),
            keys,
            keys_fetched: Instant::now(),
        });
        Ok(metadata)
    }

    /// The signing key a token names by `kid` (or the only key, when it names none).
    pub(super) async fn key(&self, kid: Option<&str>) -> Result<Jwk, SignInError> {
        self.metadata().await?;
        let mut cache = self.cache.0.lock().await;
        let Some(d) = cache.as_mut() else {
            return Err(unavailable("keys", "not fetched"));
        };
        let find = |keys: &[Jwk]| match kid {
            Some(kid) => keys
                .iter()
                .find(|k| k.common.key_id.as_deref() == Some(kid))
                .cloned(),
            None if keys.len() == 1 => keys.first().cloned(),
            None => None,
        };
        if let Some(key) = find(&d.keys) {
            return Ok(key);
        }
        if d.keys_fetched.elapsed() >= KEYS_MIN_AGE {
            d.keys = self.fetch_keys(&d.metadata.jwks_uri).await?;
            d.keys_fetched = Instant::now();
            if let Some(key) = find(&d.keys) {
                return Ok(key);
            }
        }
        Err(SignInError::Refused(format!(
            "no published key {}",
            kid.unwrap_or("(none named)")
        )))
    }
}
