//! The survey's questions and answer options in words; the domain knows only their ids and
//! values (`domain::surveys::QUESTIONS`).

use catalogue::Arg;

use super::Lang;

/// The catalogue keys of a question's text and of its options, by the question's stable id.
fn keys(id: &str) -> (&'static str, &'static str) {
    match id {
        "satisfaction" => (
            "survey-question-satisfaction",
            "survey-options-satisfaction",
        ),
        "channel_fit" => ("survey-question-channel-fit", "survey-options-channel-fit"),
        "personal" => ("survey-question-personal", "survey-options-personal"),
        "helpful" => ("survey-question-helpful", "survey-options-helpful"),
        "more_remote" => ("survey-question-more-remote", "survey-options-more-remote"),
        "callback" => ("survey-question-callback", "survey-options-callback"),
        _ => ("survey-question-comment", "survey-options-callback"),
    }
}

pub fn question(lang: Lang, id: &str) -> &'static str {
    lang.text(keys(id).0)
}

/// An option's label: scale steps are numbers to the selector, named options words.
pub fn option(lang: Lang, id: &str, value: &str) -> String {
    let value = value.parse::<i64>().map_or(Arg::Text(value), Arg::Number);
    lang.fmt(keys(id).1, &[("value", value)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::surveys::QUESTIONS;

    #[test]
    fn every_question_and_option_has_its_own_words_in_every_language() {
        for lang in Lang::ALL {
            let mut seen = std::collections::BTreeSet::new();
            for q in QUESTIONS {
                assert!(
                    seen.insert(question(lang, q.id)),
                    "{} repeats a question",
                    lang.code()
                );
                let labels: std::collections::BTreeSet<_> =
                    q.options.iter().map(|v| option(lang, q.id, v)).collect();
                assert_eq!(labels.len(), q.options.len(), "{} {}", lang.code(), q.id);
            }
        }
        assert_eq!(option(Lang::Da, "satisfaction", "5"), "Meget tilfreds");
        assert_eq!(option(Lang::En, "personal", "same"), "As personal");
    }
}
