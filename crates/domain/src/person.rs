//! People's names and sign-in names.

use crate::Invalid;

/// Trims, refuses blank text and text longer than `max` characters (not bytes: "Søren" is five).
pub(crate) fn bounded_text(s: &str, max: usize) -> Result<String, Invalid> {
    let s = s.trim();
    if s.is_empty() {
        Err(Invalid::Blank)
    } else if s.chars().count() > max {
        Err(Invalid::TooLong { max })
    } else if s.chars().any(char::is_control) {
        Err(Invalid::BadFormat)
    } else {
        Ok(s.to_owned())
    }
}

/// A person's full name as they write it, e.g. "Anne-Mette Sørensen".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl TryFrom<&str> for PersonName {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        bounded_text(s, 200).map(Self)
    }
}

impl PersonName {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form names are searched by: lower case, so "søren" finds "Søren" on both databases
    /// (SQLite's LIKE folds only ASCII, PostgreSQL's folds nothing).
    pub fn search_key(&self) -> String {
        self.0.to_lowercase()
    }
}

/// A sign-in name: 2–64 of lower-case ASCII letters, digits, `.`, `_` and `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Login(String);

impl TryFrom<&str> for Login {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Invalid::Blank);
        }
        if s.len() > 64 {
            return Err(Invalid::TooLong { max: 64 });
        }
        let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b);
        if s.len() >= 2 && s.bytes().all(allowed) {
            Ok(Self(s.to_owned()))
        } else {
            Err(Invalid::BadFormat)
        }
    }
}

impl Login {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded_in_characters() {
        assert_eq!(
            PersonName::try_from("  Søren Ærø ").map(|n| n.0),
            Ok("Søren Ærø".into())
        );
        assert_eq!(PersonName::try_from("   "), Err(Invalid::Blank));
        assert!(PersonName::try_from(&"ø".repeat(200)[..]).is_ok());
        assert_eq!(
            PersonName::try_from(&"ø".repeat(201)[..]),
            Err(Invalid::TooLong { max: 200 })
        );
        assert_eq!(PersonName::try_from("a\u{0}b"), Err(Invalid::BadFormat));
    }

    #[test]
    fn search_key_folds_danish_letters() {
        let name = PersonName::try_from("ÅSE ØSTERGÅRD").expect("valid");
        assert_eq!(name.search_key(), "åse østergård");
    }

    #[test]
    fn logins_are_plain_lower_case() {
        assert!(Login::try_from("cw.aalborg-1").is_ok());
        assert_eq!(Login::try_from("Admin"), Err(Invalid::BadFormat));
        assert_eq!(Login::try_from("a"), Err(Invalid::BadFormat));
        assert_eq!(Login::try_from("søren"), Err(Invalid::BadFormat));
    }
}
