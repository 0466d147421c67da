//! Identifiers are opaque strings (API.md). Ours are 26 characters: 48 bits of milliseconds and
//! 80 random bits in Crockford base32, so they sort by creation time (handy in logs and indexes)
//! and cannot be guessed.

use rand::Rng;

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

pub(crate) fn new_id() -> String {
    let millis = u128::try_from(jiff::Timestamp::now().as_millisecond()).unwrap_or(0);
    let random: u128 = rand::rng().random::<u128>() & ((1u128 << 80) - 1);
    let mut value = (millis << 80) | random;
    let mut out = [0u8; 26];
    for slot in out.iter_mut().rev() {
        // The index is always below 32, so it fits.
        *slot = ALPHABET[usize::try_from(value & 31).unwrap_or(0)];
        value >>= 5;
    }
    out.iter().map(|b| char::from(*b)).collect()
}

/// A stored value parsed into its domain type once, where it is read; what we wrote always
/// parses, so a failure is a corrupt `column`.
pub(crate) fn typed<T: for<'a> TryFrom<&'a str>>(
    column: &'static str,
    s: &str,
) -> Result<T, crate::StoreError> {
    T::try_from(s).map_err(|_| crate::StoreError::Corrupt { column })
}

/// [`typed`] for a column that may be empty, from either SQLite reader (`citizens::Columns`).
pub(crate) fn opt_typed<T: for<'a> TryFrom<&'a str>>(
    row: &impl crate::citizens::Columns,
    column: &'static str,
) -> Result<Option<T>, crate::StoreError> {
    row.text(column)?.map(|v| typed(column, &v)).transpose()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_unique_and_sort_by_time() {
        let a = super::new_id();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let b = super::new_id();
        assert_eq!(a.len(), 26);
        assert!(a < b, "{a} should sort before {b}");
    }
}
