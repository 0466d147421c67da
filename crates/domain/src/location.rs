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
