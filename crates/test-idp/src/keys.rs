//! The provider's signing keys and their JWKS. ES256: a P-256 key made at start. RS256: the
//! throw-away key in `keys/rsa-test-key.der`, because ring cannot make RSA keys. A third key,
//! never published, signs forged tokens.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use jsonwebtoken::{Algorithm, EncodingKey};
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair, RsaKeyPair};

/// The signature algorithm of the ID tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Alg {
    #[default]
    Es256,
    Rs256,
}

const RSA_DER: &[u8] = include_bytes!("../keys/rsa-test-key.der");

pub(crate) struct Keys {
    ec: EncodingKey,
    ec_public: Vec<u8>,
    rsa: EncodingKey,
    rsa_n: Vec<u8>,
    rsa_e: Vec<u8>,
    unpublished: EncodingKey,
}

fn new_ec() -> Result<(EncodingKey, Vec<u8>), String> {
    let rng = SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
        .map_err(|e| e.to_string())?;
    let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
        .map_err(|e| e.to_string())?;
    Ok((
        EncodingKey::from_ec_der(pkcs8.as_ref()),
        pair.public_key().as_ref().to_vec(),
    ))
}

impl Keys {
    pub(crate) fn new() -> Result<Keys, String> {
        let (ec, ec_public) = new_ec()?;
        let (unpublished, _) = new_ec()?;
        let rsa = RsaKeyPair::from_der(RSA_DER).map_err(|e| e.to_string())?;
        let public = ring::rsa::PublicKeyComponents::<Vec<u8>>::from(rsa.public());
        Ok(Keys {
            ec,
            ec_public,
            rsa: EncodingKey::from_rsa_der(RSA_DER),
            rsa_n: public.n,
            rsa_e: public.e,
            unpublished,
        })
    }

    /// The key, its `kid` and algorithm for a token; the unpublished key claims the ES key's id.
    pub(crate) fn signer(&self, alg: Alg, forged: bool) -> (&EncodingKey, &'static str, Algorithm) {
        match (alg, forged) {
            (_, true) => (&self.unpublished, "ec-1", Algorithm::ES256),
            (Alg::Es256, false) => (&self.ec, "ec-1", Algorithm::ES256),
            (Alg::Rs256, false) => (&self.rsa, "rsa-1", Algorithm::RS256),
        }
    }

    pub(crate) fn jwks(&self) -> serde_json::Value {
        // An uncompressed P-256 point: 0x04, then x and y of 32 bytes each.
        let (x, y) = self.ec_public[1..].split_at(32);
        serde_json::json!({ "keys": [
            { "kty": "EC", "crv": "P-256", "kid": "ec-1", "use": "sig", "alg": "ES256",
              "x": B64.encode(x), "y": B64.encode(y) },
            { "kty": "RSA", "kid": "rsa-1", "use": "sig", "alg": "RS256",
              "n": B64.encode(&self.rsa_n), "e": B64.encode(&self.rsa_e) },
        ]})
    }
}
