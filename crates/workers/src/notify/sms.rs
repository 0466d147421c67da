//! SMS through an HTTP gateway: `POST {url}` with JSON `{"to", "text", "reference"}`, an
//! `Idempotency-Key` header (the outbox row and channel) so a retry is not sent twice by a
//! gateway that honours it, and a bearer token if configured. Any 2xx answer is success.

use std::time::Duration;

/// The gateway. The token is a secret: never in `Debug` output.
#[derive(Clone)]
pub struct SmsConfig {
    pub url: String,
    pub token: Option<String>,
}

impl std::fmt::Debug for SmsConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsConfig")
            .field("url", &self.url)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

pub struct SmsSender {
    client: reqwest::Client,
    config: SmsConfig,
}

impl SmsSender {
    pub fn new(config: SmsConfig) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Self { client, config })
    }

    pub async fn send(&self, to: &str, text: &str, reference: &str) -> Result<(), String> {
        let mut request = self
            .client
            .post(&self.config.url)
            .header("Idempotency-Key", reference)
            .json(&serde_json::json!({ "to": to, "text": text, "reference": reference }));
        if let Some(token) = &self.config.token {
            request = request.bearer_auth(token);
        }
        let response = request
            .send()
            .await
            .map_err(|e| format!("sms gateway: {e}"))?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(format!("sms gateway answered {}", response.status()))
        }
    }
}
