//! The key for the keyed hash (HMAC-SHA256) of CPR numbers. With it the store can tell that a
//! CPR number is already registered and find a citizen by their exact number, without keeping the
//! number itself. Without the key, the hashes are useless to whoever copies the database.

use hmac::{Hmac, Mac};
use sha2::Sha256;

#[derive(Clone)]
pub struct CprKey(Vec<u8>);

impl CprKey {
    /// At least 32 bytes, as HMAC-SHA256 wants.
    pub fn new(bytes: Vec<u8>) -> Option<Self> {
        (bytes.len() >= 32).then_some(Self(bytes))
    }

    /// A fresh random key, for tests and for a demo data folder's first start.
    pub fn random() -> Self {
        use rand::RngCore;
        let mut bytes = vec![0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Self(bytes)
    }

    pub fn to_hex(&self) -> String {
        hex::encode(&self.0)
    }

    pub fn from_hex(s: &str) -> Option<Self> {
        hex::decode(s.trim()).ok().and_then(Self::new)
    }

    pub(crate) fn hash(&self, cpr: &domain::Cpr) -> String {
        self.mac(cpr.expose().as_bytes())
    }

    /// A keyed hash of anything else, with a purpose prefix so no two uses collide.
    pub(crate) fn mac(&self, data: &[u8]) -> String {
        // new_from_slice only fails for key lengths HMAC cannot take; any length works for HMAC.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else {
            unreachable!("HMAC accepts keys of any length")
        };
        mac.update(data);
        hex::encode(mac.finalize().into_bytes())
    }
}

/// Never print the key.
impl std::fmt::Debug for CprKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CprKey(<redacted>)")
    }
}
