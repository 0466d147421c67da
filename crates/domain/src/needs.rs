//! What a citizen needs to take part in a meeting on equal terms (issue 19): an interpreter in
//! their language, and a way in without steps. The citizen says so under "Mine oplysninger" or
//! staff record it; a booking and the letter then carry it.

use crate::Invalid;
use crate::enums::wire_enum;

/// A language an interpreter can be booked in, as its ISO 639-1 code (`ar`, `so`, `uk`).
///
/// A closed list rather than any code: the page offers it as a choice, the catalogue names each
/// one in the reader's language, and a typo cannot become a need nobody can meet. The list holds
/// the languages Danish municipalities most often book interpreters in (Arabic, Somali,
/// Tigrinya, Farsi/Dari, Kurdish, Turkish, Ukrainian …) and the EU languages of migrant workers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InterpreterLanguage(&'static str);

impl InterpreterLanguage {
    /// Every language offered, in the order the choice lists them (by code, so no language is
    /// put first by the order of one reader's alphabet).
    pub const ALL: [&'static str; 24] = [
        "ar", "bs", "de", "en", "es", "fa", "fr", "it", "ku", "lt", "lv", "pl", "ps", "pt", "ro",
        "ru", "so", "sq", "th", "ti", "tr", "uk", "ur", "vi",
    ];

    pub fn code(self) -> &'static str {
        self.0
    }
}

impl TryFrom<&str> for InterpreterLanguage {
    type Error = Invalid;
    fn try_from(s: &str) -> Result<Self, Invalid> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Invalid::Blank);
        }
        Self::ALL
            .iter()
            .find(|code| code.eq_ignore_ascii_case(s))
            .map(|code| InterpreterLanguage(code))
            .ok_or(Invalid::UnknownValue)
    }
}

wire_enum! {
    /// How an interpreter takes part: in the room, on the phone, or as a third participant in
    /// the video room (let in from the waiting room like the citizen).
    InterpreterMode {
        InPerson = "in_person",
        Phone = "phone",
        Video = "video",
    }
}

/// An interpreter a meeting carries: the language and how they take part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interpreter {
    pub language: InterpreterLanguage,
    pub mode: InterpreterMode,
}

/// Why no interpreter provider can be booked for `wanted`, named by the field to change: no
/// provider of the municipality offers the language (`interpreter.language`), or none offers it
/// in that way (`interpreter.mode`). `providers` yields each provider's (languages, modes) in
/// the municipality's order; the first that fits is the one booked.
pub fn provider_for<'a, I>(providers: I, wanted: Interpreter) -> Result<usize, &'static str>
where
    I: IntoIterator<Item = (&'a [InterpreterLanguage], &'a [InterpreterMode])>,
{
    let mut speaks = false;
    for (i, (languages, modes)) in providers.into_iter().enumerate() {
        if languages.contains(&wanted.language) {
            speaks = true;
            if modes.contains(&wanted.mode) {
                return Ok(i);
            }
        }
    }
    Err(if speaks {
        "interpreter.mode"
    } else {
        "interpreter.language"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_code_is_a_language_whatever_its_case() {
        assert_eq!(
            InterpreterLanguage::try_from(" AR ").map(|l| l.code()),
            Ok("ar")
        );
        assert_eq!(
            InterpreterLanguage::try_from("ti").map(|l| l.code()),
            Ok("ti")
        );
    }

    #[test]
    fn anything_else_is_refused_with_why() {
        assert_eq!(InterpreterLanguage::try_from(""), Err(Invalid::Blank));
        assert_eq!(
            InterpreterLanguage::try_from("klingon"),
            Err(Invalid::UnknownValue)
        );
        assert_eq!(
            InterpreterLanguage::try_from("da"),
            Err(Invalid::UnknownValue)
        );
    }

    #[test]
    fn the_first_provider_with_the_language_in_that_way_is_booked_else_the_field_is_named() {
        let lang = |c| InterpreterLanguage::try_from(c).expect("language");
        let (ar, ti, so) = (lang("ar"), lang("ti"), lang("so"));
        use InterpreterMode::*;
        let a = (vec![ar, so], vec![Phone]);
        let b = (vec![ar, ti], vec![InPerson, Video]);
        let all = [a, b];
        let offers = || all.iter().map(|(l, m)| (l.as_slice(), m.as_slice()));
        let want = |language, mode| Interpreter { language, mode };
        assert_eq!(provider_for(offers(), want(ar, Phone)), Ok(0));
        assert_eq!(provider_for(offers(), want(ar, Video)), Ok(1));
        assert_eq!(
            provider_for(offers(), want(so, Video)),
            Err("interpreter.mode")
        );
        assert_eq!(
            provider_for(offers(), want(lang("pl"), Phone)),
            Err("interpreter.language")
        );
        assert_eq!(
            provider_for([], want(ar, Phone)),
            Err("interpreter.language")
        );
    }

    #[test]
    fn the_list_has_no_code_twice() {
        let mut codes = InterpreterLanguage::ALL.to_vec();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), InterpreterLanguage::ALL.len());
    }
}
