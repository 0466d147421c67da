//! Where an organisation meets citizens in person, kept as data so a call-in and its letter
//! carry the full address (BEK nr. 442 af 26. maj 2023 § 20, stk. 1, nr. 5 and 7), the way
//! there and whether it is step-free — what a citizen without the web needs on paper.

use crate::Invalid;

/// A Danish postcode: four digits, 0800–9990.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postcode(String);

impl TryFrom<&str> for Postcode {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Invalid::Blank);
        }
        let digits = s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
        match s.parse::<u16>() {
            Ok(n) if digits && (800..=9990).contains(&n) => Ok(Postcode(s.to_owned())),
            _ => Err(Invalid::BadFormat),
        }
    }
}

impl Postcode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where a citizen gets letters on paper: street with number, floor and door as the person
/// writes it ("Şahin Allé 3, 2. tv."), a Danish postcode and the town. It goes in the window
/// of the envelope, so every part is required and none may run over a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalAddress {
    pub street: String,
    pub postcode: Postcode,
    pub town: String,
}

/// The longest street line or town kept: what fits one line of an envelope's window.
pub const MAX_ADDRESS_LINE: usize = 60;

impl PostalAddress {
    /// Parses the three parts; a refusal names the part (`street`, `postcode`, `town`).
    pub fn parse(
        street: &str,
        postcode: &str,
        town: &str,
    ) -> Result<Self, (&'static str, Invalid)> {
        let line = |field, s: &str| {
            let s = s.trim();
            if s.is_empty() {
                Err((field, Invalid::Blank))
            } else if s.chars().count() > MAX_ADDRESS_LINE || s.contains(['\n', '\r']) {
                Err((
                    field,
                    Invalid::TooLong {
                        max: MAX_ADDRESS_LINE,
                    },
                ))
            } else {
                Ok(s.to_owned())
            }
        };
        Ok(Self {
            street: line("street", street)?,
            postcode: Postcode::try_from(postcode).map_err(|e| ("postcode", e))?,
            town: line("town", town)?,
        })
    }

    /// The address as it is printed under the name: street, then postcode and town.
    pub fn lines(&self) -> [String; 2] {
        [
            self.street.clone(),
            format!("{} {}", self.postcode.as_str(), self.town),
        ]
    }
}

/// A location as given, parsed; the store adds the id and the organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLocation {
    pub name: String,
    pub street: String,
    pub postcode: Postcode,
    pub town: String,
    /// How to find the door or the desk ("Indgang fra gården, 2. sal").
    pub directions: Option<String>,
    /// Step-free access from the street to the meeting room.
    pub step_free: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_postal_address_needs_every_part_and_prints_in_two_lines() {
        let a = PostalAddress::parse(" Şahin Allé 3, 2. tv. ", "9000", " Aalborg ").expect("ok");
        assert_eq!(
            a.lines(),
            ["Şahin Allé 3, 2. tv.".to_owned(), "9000 Aalborg".to_owned()]
        );
        assert_eq!(
            PostalAddress::parse("", "9000", "Aalborg"),
            Err(("street", Invalid::Blank))
        );
        assert_eq!(
            PostalAddress::parse("Vej 1", "90000", "Aalborg"),
            Err(("postcode", Invalid::BadFormat))
        );
        assert_eq!(
            PostalAddress::parse("Vej 1", "9000", &"x".repeat(61)),
            Err(("town", Invalid::TooLong { max: 60 }))
        );
        assert!(PostalAddress::parse("Vej 1\nX", "9000", "Aalborg").is_err());
    }

    #[test]
    fn a_postcode_is_four_digits_in_the_danish_range() {
        assert_eq!(
            Postcode::try_from(" 9000 ").map(|p| p.0),
            Ok("9000".to_owned())
        );
        assert_eq!(
            Postcode::try_from("0800").map(|p| p.0),
            Ok("0800".to_owned())
        );
        for bad in ["900", "90000", "0100", "9a00", "-900", "9999"] {
            assert_eq!(Postcode::try_from(bad), Err(Invalid::BadFormat), "{bad}");
        }
        assert_eq!(Postcode::try_from(""), Err(Invalid::Blank));
    }
}
