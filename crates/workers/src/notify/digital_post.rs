//! Digital Post through a configurable endpoint: `POST {url}` with the MeMo message as
//! `application/xml`, an `Idempotency-Key` header (the message's UUID, the same on every retry)
//! and a bearer token if configured. A 2xx answer is delivery.
//!
//! In production the endpoint is the municipality's gateway to Digital Post (KOMBIT's
//! Serviceplatformen, SF1601, or a supplier's); its certificates and envelopes are that
//! gateway's business, not ours. The tests start a receiver of their own.

use std::time::Duration;

/// The endpoint. The token is a secret: never in `Debug` output.
#[derive(Clone)]
pub struct DigitalPostConfig {
    pub url: String,
    pub token: Option<String>,
}

impl std::fmt::Debug for DigitalPostConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DigitalPostConfig")
            .field("url", &self.url)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// Why a message was not delivered.
#[derive(Debug)]
pub enum Undelivered {
    /// Worth trying again: no answer, a timeout, a 5xx, 408 or 429.
    Retry(String),
    /// Refused for good (any other 4xx: the message, the recipient or the sender is wrong);
    /// the letter is printed at once.
    Refused(String),
}

pub struct DigitalPostSender {
    client: reqwest::Client,
    config: DigitalPostConfig,
}

impl DigitalPostSender {
    pub fn new(config: DigitalPostConfig) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Self { client, config })
    }

    pub async fn deliver(&self, message_uuid: &str, xml: String) -> Result<(), Undelivered> {
        let mut request = self
            .client
            .post(&self.config.url)
            .header("Content-Type", "application/xml; charset=utf-8")
            .header("Idempotency-Key", message_uuid)
            .body(xml);
        if let Some(token) = &self.config.token {
            request = request.bearer_auth(token);
        }
        let response = request
            .send()
            .await
            .map_err(|e| Undelivered::Retry(format!("digital post: {e}")))?;
        let status = response.status();
        if status.is_success() {
            Ok(())
        } else if status.is_client_error()
            && status != reqwest::StatusCode::REQUEST_TIMEOUT
            && status != reqwest::StatusCode::TOO_MANY_REQUESTS
        {
            Err(Undelivered::Refused(format!(
                "digital post refused: {status}"
            )))
        } else {
            Err(Undelivered::Retry(format!(
                "digital post answered {status}"
            )))
        }
    }
}
