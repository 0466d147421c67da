//! Tenants: municipalities (kommuner, identified by their four-digit municipality code) and
//! unemployment funds (a-kasser, identified by a short code such as `3F`).

use crate::Invalid;

/// A Danish municipality code: four digits, e.g. `0851` for Aalborg.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MunicipalityCode(String);

impl TryFrom<&str> for MunicipalityCode {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Invalid::Blank);
        }
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(s.to_owned()))
        } else {
            Err(Invalid::BadFormat)
        }
    }
}

impl MunicipalityCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An unemployment fund's short code: 1–20 letters, digits or hyphens, e.g. `3F`, `HK`, `FTF-A`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FundCode(String);

impl TryFrom<&str> for FundCode {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Invalid::Blank);
        }
        if s.len() > 20 {
            return Err(Invalid::TooLong { max: 20 });
        }
        if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            Ok(Self(s.to_owned()))
        } else {
            Err(Invalid::BadFormat)
        }
    }
}

impl FundCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A CVR number (Det Centrale Virksomhedsregister): eight digits, the first not 0. A
/// municipality's is the sender of its Digital Post. No modulus-11 check: we could not verify
/// that every number issued satisfies one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cvr(String);

impl TryFrom<&str> for Cvr {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(Invalid::Blank);
        }
        let digits = compact.strip_prefix("DK").unwrap_or(&compact);
        if digits.len() == 8
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0')
        {
            Ok(Self(digits.to_owned()))
        } else {
            Err(Invalid::BadFormat)
        }
    }
}

impl Cvr {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The display name of an organisation: not blank, at most 200 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgName(String);

impl TryFrom<&str> for OrgName {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        crate::person::bounded_text(s, 200).map(Self)
    }
}

impl OrgName {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The team a staff member works in within their organisation ("Team Unge", "Team
/// Forsikrede"): reports can be grouped by it. Free text, as organisations name teams their own
/// way; at most 60 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamName(String);

impl TryFrom<&str> for TeamName {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        crate::person::bounded_text(s, 60).map(Self)
    }
}

impl TeamName {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for MunicipalityCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for FundCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cvr_number_is_eight_digits_written_as_people_write_it() {
        assert_eq!(
            Cvr::try_from("DK 2918 9420").map(|c| c.as_str().to_owned()),
            Ok("29189420".into())
        );
        assert_eq!(Cvr::try_from("2918942"), Err(Invalid::BadFormat));
        assert_eq!(Cvr::try_from("09189420"), Err(Invalid::BadFormat));
        assert_eq!(Cvr::try_from(" "), Err(Invalid::Blank));
    }

    #[test]
    fn team_names_are_short_free_text() {
        assert_eq!(
            TeamName::try_from("  Team Unge ").map(|t| t.0),
            Ok("Team Unge".into())
        );
        assert_eq!(TeamName::try_from(" "), Err(Invalid::Blank));
        assert_eq!(
            TeamName::try_from(&"x".repeat(61)[..]),
            Err(Invalid::TooLong { max: 60 })
        );
    }

    #[test]
    fn municipality_codes_are_four_digits() {
        assert_eq!(
            MunicipalityCode::try_from(" 0851 ").map(|c| c.0),
            Ok("0851".into())
        );
        assert_eq!(MunicipalityCode::try_from("851"), Err(Invalid::BadFormat));
        assert_eq!(MunicipalityCode::try_from("08a1"), Err(Invalid::BadFormat));
        assert_eq!(MunicipalityCode::try_from(""), Err(Invalid::Blank));
    }

    #[test]
    fn fund_codes_are_short_and_plain() {
        assert!(FundCode::try_from("3F").is_ok());
        assert_eq!(FundCode::try_from("3F A-kasse"), Err(Invalid::BadFormat));
        assert_eq!(
            FundCode::try_from(&"X".repeat(21)[..]),
            Err(Invalid::TooLong { max: 20 })
        );
    }
}
