//! CPR numbers (personnummer). Ten digits; the first six are the date of birth (DDMMYY) and the
//! seventh digit together with the year gives the century, as the CPR office's rules say. We do no
//! modulus-11 check: numbers issued since 2007 need not satisfy it.
//!
//! A `Cpr` never shows its full value by accident: `Debug` prints the masked form and there is no
//! `Display`. The full number leaves only through [`Cpr::expose`], which the store uses to compute
//! a keyed hash.

use jiff::civil::Date;

use crate::Invalid;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Cpr {
    digits: [u8; 10],
}

impl TryFrom<&str> for Cpr {
    type Error = Invalid;

    /// Accepts `DDMMYYSSSS` and the common written form `DDMMYY-SSSS`, with surrounding spaces.
    fn try_from(input: &str) -> Result<Self, Invalid> {
        let trimmed = input.trim();
        let compact: String = match trimmed.char_indices().nth(6) {
            Some((i, '-')) if trimmed.len() == 11 => {
                format!("{}{}", &trimmed[..i], &trimmed[i + 1..])
            }
            _ => trimmed.to_owned(),
        };
        let bytes = compact.as_bytes();
        if bytes.len() != 10 || !bytes.iter().all(u8::is_ascii_digit) {
            return Err(Invalid::Cpr);
        }
        let mut digits = [0u8; 10];
        for (d, b) in digits.iter_mut().zip(bytes) {
            *d = b - b'0';
        }
        let cpr = Cpr { digits };
        cpr.birth_date().map(|_| cpr).ok_or(Invalid::Cpr)
    }
}

impl Cpr {
    fn pair(&self, at: usize) -> i16 {
        i16::from(self.digits[at]) * 10 + i16::from(self.digits[at + 1])
    }

    /// The date of birth, or `None` when the first six digits are no real date.
    pub fn birth_date(&self) -> Option<Date> {
        let (day, month, yy) = (self.pair(0), self.pair(2), self.pair(4));
        let century = match (self.digits[6], yy) {
            (0..=3, _) => 1900,
            (4 | 9, 0..=36) => 2000,
            (4 | 9, _) => 1900,
            (5..=8, 0..=57) => 2000,
            (5..=8, _) => 1800,
            _ => return None,
        };
        let month = i8::try_from(month).ok()?;
        let day = i8::try_from(day).ok()?;
        Date::new(century + yy, month, day).ok()
    }

    /// `DDMMYY-****`: what every screen and API response shows.
    pub fn masked(&self) -> String {
        let head: String = self.digits[..6]
            .iter()
            .map(|d| char::from(b'0' + d))
            .collect();
        format!("{head}-****")
    }

    /// The full ten digits. Only for keyed hashing, for sealing and for addressing Digital Post
    /// (ADR 0007); never log, show or return this.
    pub fn expose(&self) -> String {
        self.digits.iter().map(|d| char::from(b'0' + d)).collect()
    }
}

impl std::fmt::Debug for Cpr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cpr({})", self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(s: &str) -> Result<Cpr, Invalid> {
        Cpr::try_from(s)
    }

    #[test]
    fn accepts_plain_and_hyphenated_forms() {
        let cpr = parse("0101901234").expect("valid");
        assert_eq!(cpr.masked(), "010190-****");
        assert_eq!(parse("010190-1234").expect("valid"), cpr);
        assert_eq!(cpr.birth_date(), Some(Date::constant(1990, 1, 1)));
    }

    #[test]
    fn refuses_wrong_length_letters_and_impossible_dates() {
        for bad in [
            "",
            "123",
            "01019012345",
            "0101901a34",
            "3202901234",
            "0013901234",
            "0100901234",
        ] {
            assert_eq!(parse(bad), Err(Invalid::Cpr), "{bad}");
        }
    }

    #[test]
    fn leap_days_follow_the_century_from_the_seventh_digit() {
        // 29 February 2000 exists; digit 4 with year 00 means 2000.
        assert!(parse("2902004000").is_ok());
        // 29 February 1900 does not; digit 0 means 1900.
        assert_eq!(parse("2902000000"), Err(Invalid::Cpr));
        // 29 February 1800 does not either; digit 5 with year 00 means 2000, which is fine.
        assert!(parse("2902005000").is_ok());
    }

    #[test]
    fn century_table() {
        let year = |s: &str| parse(s).expect("valid").birth_date().map(|d| d.year());
        assert_eq!(year("0101370000"), Some(1937));
        assert_eq!(year("0101364000"), Some(2036));
        assert_eq!(year("0101374000"), Some(1937));
        assert_eq!(year("0101575000"), Some(2057));
        assert_eq!(year("0101585000"), Some(1858));
        assert_eq!(year("0101369000"), Some(2036));
        assert_eq!(year("0101999000"), Some(1999));
    }

    #[test]
    fn debug_never_shows_the_serial_number() {
        let cpr = parse("0101901234").expect("valid");
        assert!(!format!("{cpr:?}").contains("1234"));
    }

    proptest! {
        #[test]
        fn every_real_date_with_any_serial_parses_and_masks(
            day in 1u8..=28, month in 1u8..=12, yy in 0u8..=99, serial in 0u16..=9999
        ) {
            let s = format!("{day:02}{month:02}{yy:02}{serial:04}");
            let cpr = parse(&s).expect("a real date is a valid CPR");
            prop_assert_eq!(cpr.masked(), format!("{}-****", &s[..6]));
            prop_assert_eq!(cpr.expose(), s);
        }
    }
}
