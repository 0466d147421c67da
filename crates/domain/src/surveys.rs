//! The short survey after a held meeting: its questions, what counts as an answer, and the
//! anonymity rule of every report built from the answers.
//!
//! The questions follow the surveys behind the seeds (satisfaction, whether the channel fitted,
//! whether it was as personal as usual, whether it helped, interest in more by phone or video),
//! plus a free text and "ring mig op". A question's `id` is stable: it names the answer in the
//! API and a column in the database.

use std::collections::BTreeMap;

use crate::{FieldError, Invalid};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// Five steps, 1 (worst) to 5 (best).
    Scale,
    /// One of a few named options.
    Choice,
    /// Free text, optional.
    Text,
}

impl QuestionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Scale => "scale",
            QuestionKind::Choice => "choice",
            QuestionKind::Text => "text",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Question {
    pub id: &'static str,
    pub kind: QuestionKind,
    /// The values an answer may take; the words for question and options are in the
    /// catalogue (`survey-question-…`, `survey-options-…`).
    pub options: &'static [&'static str],
}

const SCALE: &[&str] = &["1", "2", "3", "4", "5"];
const PERSONAL: &[&str] = &["more", "same", "less"];
const YES_NO: &[&str] = &["yes", "no"];

/// The survey, in the order it is asked.
pub const QUESTIONS: &[Question] = &[
    Question {
        id: "satisfaction",
        kind: QuestionKind::Scale,
        options: SCALE,
    },
    Question {
        id: "channel_fit",
        kind: QuestionKind::Scale,
        options: SCALE,
    },
    Question {
        id: "personal",
        kind: QuestionKind::Choice,
        options: PERSONAL,
    },
    Question {
        id: "helpful",
        kind: QuestionKind::Scale,
        options: SCALE,
    },
    Question {
        id: "more_remote",
        kind: QuestionKind::Scale,
        options: SCALE,
    },
    Question {
        id: "callback",
        kind: QuestionKind::Choice,
        options: YES_NO,
    },
    Question {
        id: "comment",
        kind: QuestionKind::Text,
        options: &[],
    },
];

/// The longest free-text answer, in characters.
pub const MAX_COMMENT: usize = 2_000;

/// A complete, valid answer to the survey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyAnswers {
    pub satisfaction: u8,
    pub channel_fit: u8,
    pub personal: &'static str,
    pub helpful: u8,
    pub more_remote: u8,
    pub callback: bool,
    pub comment: Option<String>,
}

impl SurveyAnswers {
    /// Parses answers by question id. Every scale and choice question must have one of its
    /// option values; the text is optional. Unknown ids are refused too, so a typo is not lost.
    pub fn parse(raw: &BTreeMap<String, String>) -> Result<SurveyAnswers, Vec<FieldError>> {
        let mut errors = Vec::new();
        for key in raw.keys() {
            if !QUESTIONS.iter().any(|q| q.id == key) {
                errors.push(FieldError::new(
                    format!("answers.{key}"),
                    Invalid::UnknownValue,
                ));
            }
        }
        let mut pick = |id: &'static str| -> Option<&'static str> {
            let q = QUESTIONS.iter().find(|q| q.id == id)?;
            match raw.get(id).map(|v| v.trim()) {
                None | Some("") => {
                    errors.push(FieldError::new(format!("answers.{id}"), Invalid::Required));
                    None
                }
                Some(v) => match q.options.iter().find(|value| **value == v) {
                    Some(value) => Some(value),
                    None => {
                        errors.push(FieldError::new(
                            format!("answers.{id}"),
                            Invalid::UnknownValue,
                        ));
                        None
                    }
                },
            }
        };
        let step = |v: Option<&str>| v.and_then(|s| s.parse::<u8>().ok());
        let satisfaction = step(pick("satisfaction"));
        let channel_fit = step(pick("channel_fit"));
        let personal = pick("personal");
        let helpful = step(pick("helpful"));
        let more_remote = step(pick("more_remote"));
        let callback = pick("callback").map(|v| v == "yes");
        let comment = raw
            .get("comment")
            .map(|c| c.trim())
            .filter(|c| !c.is_empty());
        if comment.is_some_and(|c| c.chars().count() > MAX_COMMENT) {
            errors.push(FieldError::new(
                "answers.comment",
                Invalid::TooLong { max: MAX_COMMENT },
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        match (
            satisfaction,
            channel_fit,
            personal,
            helpful,
            more_remote,
            callback,
        ) {
            (Some(s), Some(c), Some(p), Some(h), Some(m), Some(cb)) => Ok(SurveyAnswers {
                satisfaction: s,
                channel_fit: c,
                personal: p,
                helpful: h,
                more_remote: m,
                callback: cb,
                comment: comment.map(str::to_owned),
            }),
            _ => Err(vec![FieldError::new("answers", Invalid::Required)]),
        }
    }
}

crate::enums::wire_enum! {
    /// How a survey was answered (issue 19): by the citizen signed in, in a phone call where
    /// staff recorded the answers, or on paper — the letter's code typed in without signing in,
    /// or the returned form typed in by staff. The report shows the share of each.
    AnswerWay {
        Digital = "digital",
        Phone = "phone",
        Paper = "paper",
    }
}

/// Reports never show a figure built from fewer answers than this ("færre end 5").
pub const MIN_CELL: u64 = 5;

/// A share of answers, or `None` when there are too few to show without exposing someone.
pub fn shown_share(count: u64, answers: u64) -> Option<f64> {
    (answers >= MIN_CELL).then(|| count as f64 / answers as f64)
}

/// The top two steps of a five-step scale: satisfied, fitted, helpful, wants more.
pub fn is_top_two(step: u8) -> bool {
    step >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn complete() -> BTreeMap<String, String> {
        answers(&[
            ("satisfaction", "5"),
            ("channel_fit", "4"),
            ("personal", "same"),
            ("helpful", "4"),
            ("more_remote", "2"),
            ("callback", "no"),
        ])
    }

    #[test]
    fn a_complete_answer_is_accepted_and_the_comment_is_optional() {
        let a = SurveyAnswers::parse(&complete()).expect("valid");
        assert_eq!(a.satisfaction, 5);
        assert_eq!(a.personal, "same");
        assert!(!a.callback);
        assert_eq!(a.comment, None);
        let mut with = complete();
        with.insert("comment".into(), "  Rart at slippe for bussen  ".into());
        assert_eq!(
            SurveyAnswers::parse(&with)
                .expect("valid")
                .comment
                .as_deref(),
            Some("Rart at slippe for bussen")
        );
    }

    #[test]
    fn missing_unknown_and_out_of_range_answers_are_named() {
        let mut bad = complete();
        bad.remove("helpful");
        bad.insert("satisfaction".into(), "6".into());
        bad.insert("mood".into(), "good".into());
        let errors = SurveyAnswers::parse(&bad).expect_err("refused");
        let fields: Vec<(&str, Invalid)> = errors
            .iter()
            .map(|e| (e.field.as_ref(), e.problem))
            .collect();
        assert!(
            fields.contains(&("answers.helpful", Invalid::Required)),
            "{fields:?}"
        );
        assert!(fields.contains(&("answers.satisfaction", Invalid::UnknownValue)));
        assert!(fields.contains(&("answers.mood", Invalid::UnknownValue)));
        let mut long = complete();
        long.insert("comment".into(), "x".repeat(MAX_COMMENT + 1));
        assert_eq!(
            SurveyAnswers::parse(&long).expect_err("refused")[0].problem,
            Invalid::TooLong { max: MAX_COMMENT }
        );
    }

    #[test]
    fn every_scale_has_five_steps_and_every_choice_some_options() {
        for q in QUESTIONS {
            match q.kind {
                QuestionKind::Scale => {
                    let values: Vec<&str> = q.options.to_vec();
                    assert_eq!(values, vec!["1", "2", "3", "4", "5"], "{}", q.id);
                }
                QuestionKind::Choice => assert!(q.options.len() >= 2, "{}", q.id),
                QuestionKind::Text => assert!(q.options.is_empty(), "{}", q.id),
            }
        }
    }

    #[test]
    fn cells_under_five_answers_are_not_shown() {
        assert_eq!(shown_share(3, 4), None);
        assert_eq!(shown_share(4, 5), Some(0.8));
        assert!(is_top_two(4) && is_top_two(5) && !is_top_two(3));
    }
}
