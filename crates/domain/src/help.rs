//! Self-help answers (issue 21, item 5): what staff may write as an answer, and how a search's
//! words are kept when nothing answered them.

use crate::{FieldError, Invalid};

/// A question's most characters: a heading a citizen reads in one glance.
pub const MAX_QUESTION: usize = 200;
/// An answer's most characters: short, so it is read; longer matters belong in a conversation.
pub const MAX_ANSWER: usize = 3000;
/// A search's most characters.
pub const MAX_SEARCH: usize = 200;
/// How many answers a search shows.
pub const SHOWN: usize = 5;
/// How many searches without an answer the manager's report lists.
pub const REPORTED_MISSES: usize = 10;
/// How long a search without an answer is kept: the longest report period (a year) and a
/// little more, then it is deleted (it names the citizen who searched, to count them once).
pub const MISSES_KEPT: jiff::SignedDuration = jiff::SignedDuration::from_hours(24 * 400);

/// A question and its answer as staff wrote them, trimmed and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpText {
    pub question: String,
    pub answer: String,
}

impl HelpText {
    /// Both fields' mistakes at once, under `question` and `answer`.
    pub fn parse(question: &str, answer: &str) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut field = |name: &'static str, value: &str, max: usize| {
            let value = value.trim();
            if value.is_empty() {
                errors.push(FieldError::new(name, Invalid::Blank));
            } else if value.chars().count() > max {
                errors.push(FieldError::new(name, Invalid::TooLong { max }));
            }
            value.to_owned()
        };
        let question = field("question", question, MAX_QUESTION);
        let answer = field("answer", answer, MAX_ANSWER);
        if errors.is_empty() {
            Ok(Self { question, answer })
        } else {
            Err(errors)
        }
    }
}

/// A search's words: trimmed, at most [`MAX_SEARCH`] characters (else `q` is too long); `None`
/// when there are none.
pub fn search_words(q: &str) -> Result<Option<&str>, FieldError> {
    let q = q.trim();
    if q.chars().count() > MAX_SEARCH {
        return Err(FieldError::new("q", Invalid::TooLong { max: MAX_SEARCH }));
    }
    Ok((!q.is_empty()).then_some(q))
}

/// A search as it is counted among those without an answer: lower case, one space between
/// words, no punctuation at the ends, so "Pension?" and " pension" are the same question.
pub fn miss_key(words: &str) -> String {
    let lower = words.to_lowercase();
    let joined = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_fields_are_checked_at_once() {
        let errors = HelpText::parse("  ", &"x".repeat(MAX_ANSWER + 1)).expect_err("invalid");
        let codes: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_ref(), e.problem.code()))
            .collect();
        assert_eq!(codes, [("question", "blank"), ("answer", "too_long")]);
        let ok = HelpText::parse(" Hvad er en a-kasse? ", "En forening.").expect("valid");
        assert_eq!(ok.question, "Hvad er en a-kasse?");
    }

    #[test]
    fn a_search_is_trimmed_and_limited() {
        assert_eq!(search_words("  syg "), Ok(Some("syg")));
        assert_eq!(search_words("   "), Ok(None));
        assert!(search_words(&"a".repeat(MAX_SEARCH + 1)).is_err());
    }

    #[test]
    fn misses_are_counted_by_their_words() {
        assert_eq!(miss_key("  Hvad med  PENSION? "), "hvad med pension");
        assert_eq!(miss_key("pension"), miss_key("Pension!"));
    }
}
