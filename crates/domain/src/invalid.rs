//! Why a value was refused. Each variant has a stable snake_case code that clients and the UI
//! rely on; wording belongs to the presentation layer, which translates the code.

use std::borrow::Cow;

use serde::Serialize;

/// What is wrong with one input value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("a value is required")]
    Required,
    #[error("the value is blank")]
    Blank,
    #[error("the value is longer than {max} characters")]
    TooLong { max: usize },
    #[error("the value does not have the expected form")]
    BadFormat,
    #[error("not a valid CPR number")]
    Cpr,
    #[error("not a valid date (YYYY-MM-DD)")]
    Date,
    #[error("not one of the allowed values")]
    UnknownValue,
    #[error("no such organisation")]
    UnknownOrganisation,
    #[error("the value lies in the future")]
    InFuture,
    #[error("the combination of values is not allowed")]
    Combination,
    #[error("the end is not after the start")]
    EndBeforeStart,
    #[error("the time has passed")]
    InPast,
    #[error("the list is empty")]
    Empty,
    #[error("the number is outside the allowed range")]
    OutOfRange,
    #[error("only possible for one municipality or a-kasse")]
    OneOrganisation,
    #[error("more than {max} at once")]
    TooMany { max: usize },
    #[error("no such field")]
    UnknownField,
}

impl Invalid {
    /// The stable code of this refusal; never changes once published.
    pub fn code(self) -> &'static str {
        match self {
            Invalid::Required => "required",
            Invalid::Blank => "blank",
            Invalid::TooLong { .. } => "too_long",
            Invalid::BadFormat => "bad_format",
            Invalid::Cpr => "invalid_cpr",
            Invalid::Date => "invalid_date",
            Invalid::UnknownValue => "unknown_value",
            Invalid::UnknownOrganisation => "unknown_organisation",
            Invalid::InFuture => "in_future",
            Invalid::Combination => "combination",
            Invalid::EndBeforeStart => "end_before_start",
            Invalid::InPast => "in_past",
            Invalid::Empty => "empty",
            Invalid::OutOfRange => "out_of_range",
            Invalid::TooMany { .. } => "too_many",
            Invalid::UnknownField => "unknown_field",
            Invalid::OneOrganisation => "one_organisation_only",
        }
    }
}

/// A refusal tied to the input field it concerns, so a form can show it beside that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's name in the request, e.g. `cpr`; a path such as `answers.q1` for nested input.
    pub field: Cow<'static, str>,
    #[serde(skip)]
    pub problem: Invalid,
}

impl FieldError {
    pub fn new(field: impl Into<Cow<'static, str>>, problem: Invalid) -> Self {
        Self {
            field: field.into(),
            problem,
        }
    }
}
