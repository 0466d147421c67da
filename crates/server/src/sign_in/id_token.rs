//! Checking an ID token (OpenID Connect Core §3.1.3.7): signature by a published key with an
//! asymmetric algorithm (never `none`, never HMAC with a secret anyone holding the client
//! secret could use), then issuer, audience, authorized party, expiry, nonce and assurance.

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Map, Value};

use super::{Provider, SignInError};

/// The algorithms a provider may sign with. HS* is left out on purpose: its key is the client
/// secret, which we hold ourselves, so it proves nothing about the provider.
const ALLOWED: [Algorithm; 8] = [
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
];

/// Clock difference tolerated between us and the provider.
const LEEWAY_SECONDS: u64 = 60;

fn refused(why: impl std::fmt::Display) -> SignInError {
    SignInError::Refused(why.to_string())
}

impl Provider {
    /// The token's claims once every check has passed.
    pub(super) async fn verify_id_token(
        &self,
        token: &str,
        nonce: &str,
    ) -> Result<Map<String, Value>, SignInError> {
        let header = jsonwebtoken::decode_header(token).map_err(refused)?;
        if !ALLOWED.contains(&header.alg) {
            return Err(refused(format!("algorithm {:?} not accepted", header.alg)));
        }
        let jwk = self.key(header.kid.as_deref()).await?;
        // Both enums name an algorithm by its JOSE name ("ES256"), so their names compare.
        if let Some(alg) = jwk.common.key_algorithm
            && format!("{alg:?}") != format!("{:?}", header.alg)
        {
            return Err(refused("token and key name different algorithms"));
        }
        let key = DecodingKey::from_jwk(&jwk).map_err(refused)?;
        let mut validation = Validation::new(header.alg);
        validation.leeway = LEEWAY_SECONDS;
        // Discovery refused a document naming another issuer, so the configured one is it.
        validation.set_issuer(&[&self.config.issuer]);
        validation.set_audience(&[&self.config.client_id]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        let claims = jsonwebtoken::decode::<Map<String, Value>>(token, &key, &validation)
            .map_err(refused)?
            .claims;
        // With more than one audience the token must say it was issued to us (§3.1.3.7 #4-5).
        if let Some(azp) = claims.get("azp")
            && azp.as_str() != Some(self.config.client_id.as_str())
        {
            return Err(refused("azp is another client"));
        }
        if claims.get("nonce").and_then(Value::as_str) != Some(nonce) {
            return Err(refused("nonce does not match this sign-in"));
        }
        if let Some(acr) = &self.config.acr
            && claims.get("acr").and_then(Value::as_str) != Some(acr.as_str())
        {
            return Err(refused("assurance level (acr) too low or missing"));
        }
        Ok(claims)
    }
}
