//! The languages Jobunivers speaks. Danish is the language of the authorities and the default;
//! English for staff and citizens who read it better; Ukrainian for citizens, because since
//! 2022 it is among the languages jobcentres most often book interpreters for (people
//! displaced from Ukraine under the special act, lov nr. 324 af 16. marts 2022). Staff pages
//! stay Danish and English: a Ukrainian reader of a staff-only text gets the English one.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Da,
    En,
    Uk,
}

impl Lang {
    /// Every language, in the order the switch offers them.
    pub const ALL: [Lang; 3] = [Lang::Da, Lang::En, Lang::Uk];
    /// The languages of staff pages.
    pub const STAFF: [Lang; 2] = [Lang::Da, Lang::En];

    /// The BCP 47 code, as in `<html lang>` and the language cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
            Lang::Uk => "uk",
        }
    }

    pub fn from_code(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }

    /// The language's name in itself, as the switch shows it (a reader looks for their own).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Da => "Dansk",
            Lang::En => "English",
            Lang::Uk => "Українська",
        }
    }

    /// Writing direction for `<html dir>`; every language spoken today runs left to right.
    pub fn dir(self) -> &'static str {
        "ltr"
    }

    /// The language to turn to when this one cannot serve: where a staff text missing in
    /// Ukrainian is taken from, and what a paper letter is written in when the PDF writer
    /// cannot print the script.
    pub fn fallback(self) -> Option<Lang> {
        match self {
            Lang::Uk => Some(Lang::En),
            Lang::Da | Lang::En => None,
        }
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Lang::Da => 0,
            Lang::En => 1,
            Lang::Uk => 2,
        }
    }

    /// The languages this reader may choose: staff pages come in Danish and English.
    pub fn choices(citizen_facing: bool) -> &'static [Lang] {
        if citizen_facing {
            &Lang::ALL
        } else {
            &Lang::STAFF
        }
    }
}
