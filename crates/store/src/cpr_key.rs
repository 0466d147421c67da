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
        hex::encode(self.mac_bytes(data))
    }

    fn mac_bytes(&self, data: &[u8]) -> [u8; 32] {
        // new_from_slice only fails for key lengths HMAC cannot take; any length works for HMAC.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else {
            unreachable!("HMAC accepts keys of any length")
        };
        mac.update(data);
        mac.finalize().into_bytes().into()
    }

    /// The CPR number sealed for Digital Post (ADR 0007): AES-256-GCM under a key derived from
    /// this one for that purpose alone, a fresh random nonce each time, hex `nonce ‖ sealed`.
    /// The citizen's id is the associated data, so a sealed number copied onto another citizen's
    /// row does not open.
    pub(crate) fn seal(&self, cpr: &domain::Cpr, citizen_id: &str) -> String {
        use rand::RngCore;
        use ring::aead::{Aad, NONCE_LEN, Nonce};
        let mut nonce = [0u8; NONCE_LEN];
        rand::rng().fill_bytes(&mut nonce);
        let mut sealed = cpr.expose().as_bytes().to_vec();
        // Sealing only fails for inputs longer than GCM allows (64 GiB); ten digits never are.
        let Ok(()) = self.sealing_key().seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(citizen_id.as_bytes()),
            &mut sealed,
        ) else {
            unreachable!("ten digits fit in one AES-GCM message")
        };
        let mut out = nonce.to_vec();
        out.extend(sealed);
        hex::encode(out)
    }

    /// The number [`Self::seal`] sealed for this citizen; `None` if it does not open (another
    /// key, another citizen's row, damaged).
    pub(crate) fn unseal(&self, sealed: &str, citizen_id: &str) -> Option<domain::Cpr> {
        use ring::aead::{Aad, NONCE_LEN, Nonce};
        let bytes = hex::decode(sealed).ok()?;
        if bytes.len() <= NONCE_LEN {
            return None;
        }
        let (nonce, rest) = bytes.split_at(NONCE_LEN);
        let mut rest = rest.to_vec();
        let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
        let plain = self
            .sealing_key()
            .open_in_place(nonce, Aad::from(citizen_id.as_bytes()), &mut rest)
            .ok()?;
        domain::Cpr::try_from(std::str::from_utf8(plain).ok()?).ok()
    }

    fn sealing_key(&self) -> ring::aead::LessSafeKey {
        use ring::aead::{AES_256_GCM, LessSafeKey, UnboundKey};
        let derived = self.mac_bytes(b"jobunivers:digital-post-seal:v1");
        // AES-256 takes exactly the 32 bytes HMAC-SHA256 gives.
        let Ok(key) = UnboundKey::new(&AES_256_GCM, &derived) else {
            unreachable!("32 bytes is an AES-256 key")
        };
        LessSafeKey::new(key)
    }
}

/// Never print the key.
impl std::fmt::Debug for CprKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CprKey(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_number_opens_only_with_its_key_and_its_citizen() {
        let key = CprKey::random();
        let cpr = domain::Cpr::try_from("0101901234").expect("cpr");
        let sealed = key.seal(&cpr, "citizen-a");
        assert!(!sealed.contains("0101901234"));
        assert_eq!(key.unseal(&sealed, "citizen-a"), Some(cpr.clone()));
        assert_eq!(key.unseal(&sealed, "citizen-b"), None);
        assert_eq!(CprKey::random().unseal(&sealed, "citizen-a"), None);
        // A fresh nonce each time: the same number never seals the same way twice.
        assert_ne!(key.seal(&cpr, "citizen-a"), sealed);
        assert_eq!(key.unseal("00", "citizen-a"), None);
    }
}
