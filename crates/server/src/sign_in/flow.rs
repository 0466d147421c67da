//! The two halves of a sign-in: sending the browser to the provider, and trading the code it
//! brings back for the person it names. Storing the attempt is the caller's (the page's), so
//! this file speaks only OpenID Connect.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use rand::RngCore;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use store::SignInAttempt;

use super::{Audience, Provider, SignInError};

/// A sign-in sent on its way: the browser goes to `url`; the attempt waits under `state`.
pub struct Begun {
    pub state: String,
    pub url: String,
    pub attempt: SignInAttempt,
}

/// Whom the provider vouched for.
#[derive(Debug)]
pub enum Identity {
    Citizen(domain::Cpr),
    Staff(String),
}

/// 256 random bits, URL-safe: state, nonce and PKCE verifier (RFC 7636 asks for 43–128 chars).
fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    B64.encode(bytes)
}

impl Provider {
    /// `return_to`: a local path to go to once signed in (already checked by the caller).
    pub async fn begin(&self, return_to: Option<String>) -> Result<Begun, SignInError> {
        let metadata = self.metadata().await?;
        let state = random_token();
        let attempt = SignInAttempt {
            provider: self.config.audience.slug().to_owned(),
            nonce: random_token(),
            code_verifier: random_token(),
            return_to,
        };
        let challenge = B64.encode(Sha256::digest(attempt.code_verifier.as_bytes()));
        let mut url = reqwest::Url::parse(&metadata.authorization_endpoint)
            .map_err(|e| SignInError::Unavailable(format!("authorization_endpoint: {e}")))?;
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("response_type", "code")
                .append_pair("client_id", &self.config.client_id)
                .append_pair("redirect_uri", &self.redirect_uri)
                .append_pair("scope", &self.config.scopes)
                .append_pair("state", &state)
                .append_pair("nonce", &attempt.nonce)
                .append_pair("code_challenge", &challenge)
                .append_pair("code_challenge_method", "S256");
            if let Some(acr) = &self.config.acr {
                q.append_pair("acr_values", acr);
            }
        }
        Ok(Begun {
            state,
            url: url.into(),
            attempt,
        })
    }

    /// Trades the code for an ID token, checks it, and reads the person from its claim.
    pub async fn finish(
        &self,
        code: &str,
        attempt: &SignInAttempt,
    ) -> Result<Identity, SignInError> {
        #[derive(Deserialize)]
        struct Tokens {
            id_token: String,
        }
        let metadata = self.metadata().await?;
        let response = self
            .http
            .post(&metadata.token_endpoint)
            .basic_auth(&self.config.client_id, Some(&self.config.client_secret))
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", &self.redirect_uri),
                ("code_verifier", &attempt.code_verifier),
            ])
            .send()
            .await
            .map_err(|e| SignInError::Unavailable(format!("token endpoint: {e}")))?;
        if !response.status().is_success() {
            // A refused code is what a replayed or stale answer looks like.
            let status = response.status();
            let body = response.text().await.unwrap_or_default();
            return Err(SignInError::Refused(format!(
                "token endpoint answered {status}: {}",
                body.chars().take(200).collect::<String>()
            )));
        }
        let tokens: Tokens = response
            .json()
            .await
            .map_err(|e| SignInError::Unavailable(format!("token response: {e}")))?;
        let claims = self
            .verify_id_token(&tokens.id_token, &attempt.nonce)
            .await?;
        let value = claims
            .get(&self.config.claim)
            .and_then(serde_json::Value::as_str)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| SignInError::Refused(format!("no claim {}", self.config.claim)))?;
        match self.config.audience {
            Audience::Citizen => domain::Cpr::try_from(value)
                .map(Identity::Citizen)
                .map_err(|_| SignInError::Refused("the CPR claim is not a CPR number".into())),
            Audience::Staff => Ok(Identity::Staff(value.to_owned())),
        }
    }
}
