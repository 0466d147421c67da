//! How to reach a citizen: a phone number for phone meetings and SMS, an e-mail address.

use crate::Invalid;

/// A phone number in E.164 form. Danish numbers may be typed as eight digits, with spaces, or
/// with `+45`/`0045`; other countries need their `+` prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber(String);

impl TryFrom<&str> for PhoneNumber {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        let compact: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if compact.is_empty() {
            return Err(Invalid::Blank);
        }
        let (plus, digits) = match compact.strip_prefix('+') {
            Some(rest) => (true, rest.to_owned()),
            None => match compact.strip_prefix("00") {
                Some(rest) => (true, rest.to_owned()),
                None => (false, compact.clone()),
            },
        };
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(Invalid::BadFormat);
        }
        match (plus, digits.len()) {
            (false, 8) => Ok(Self(format!("+45{digits}"))),
            (true, 10) if digits.starts_with("45") => Ok(Self(format!("+{digits}"))),
            (true, 7..=15) if !digits.starts_with("45") => Ok(Self(format!("+{digits}"))),
            _ => Err(Invalid::BadFormat),
        }
    }
}

impl PhoneNumber {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A stored (E.164) number as people read it: a Danish one in pairs ("70 10 08 51"), another
/// country's as stored.
pub fn spoken_phone(e164: &str) -> String {
    match e164.strip_prefix("+45") {
        Some(national) if national.len() == 8 => national
            .as_bytes()
            .chunks(2)
            .map(|pair| String::from_utf8_lossy(pair).into_owned())
            .collect::<Vec<_>>()
            .join(" "),
        _ => e164.to_owned(),
    }
}

/// An e-mail address, checked only for its shape: one `@`, a dot in the domain, no spaces.
/// Whether it reaches anyone only a sent message can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl TryFrom<&str> for EmailAddress {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Invalid::Blank);
        }
        if s.len() > 254 {
            return Err(Invalid::TooLong { max: 254 });
        }
        let ok = match s.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        };
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(Invalid::BadFormat)
        }
    }
}

impl EmailAddress {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_numbers_are_read_in_pairs() {
        assert_eq!(spoken_phone("+4570100851"), "70 10 08 51");
        assert_eq!(spoken_phone("+46812345678"), "+46812345678");
    }

    #[test]
    fn danish_numbers_are_written_as_people_type_them() {
        for typed in ["12345678", "12 34 56 78", "+45 12 34 56 78", "004512345678"] {
            assert_eq!(
                PhoneNumber::try_from(typed).map(|p| p.0),
                Ok("+4512345678".into()),
                "{typed}"
            );
        }
        assert_eq!(
            PhoneNumber::try_from("+46 70 123 45 67").map(|p| p.0),
            Ok("+46701234567".into())
        );
        for bad in ["1234567", "+45 1234", "12a45678", "+4512345678901"] {
            assert_eq!(PhoneNumber::try_from(bad), Err(Invalid::BadFormat), "{bad}");
        }
        assert_eq!(PhoneNumber::try_from("  "), Err(Invalid::Blank));
    }

    #[test]
    fn email_addresses_need_an_at_and_a_domain() {
        assert!(EmailAddress::try_from("søren@example.dk").is_ok());
        for bad in [
            "soren",
            "soren@localhost",
            "@example.dk",
            "a b@example.dk",
            "a@b@c.dk",
        ] {
            assert_eq!(
                EmailAddress::try_from(bad),
                Err(Invalid::BadFormat),
                "{bad}"
            );
        }
    }
}
