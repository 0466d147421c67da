//! The eight screening answers (API.md, Screening and visitation), parsed from raw input with a
//! refusal per field, so a form can show each message beside its question.

use crate::{FieldError, Invalid};

crate::enums::wire_enum! {
    /// Highest completed education.
    Education { None = "none", UpperSecondary = "upper_secondary", Vocational = "vocational", Higher = "higher" }
}

crate::enums::wire_enum! {
    /// Yes, no, or unsure. Ordered from least to most of an obstacle: no < unsure < yes.
    YesNoUnsure { No = "no", Unsure = "unsure", Yes = "yes" }
}

crate::enums::wire_enum! {
    /// Comfort with self-service, phone and video. Ordered from most to least comfort.
    DigitalComfort { High = "high", Some = "some", Low = "low", None = "none" }
}

crate::enums::wire_enum! {
    /// When the citizen expects to be in work. Ordered from soonest to least sure.
    OwnAssessment { Soon = "soon", Months = "months", Long = "long", Unsure = "unsure" }
}

/// A complete set of answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Answers {
    /// Months with paid work in the last twelve, 0–12.
    pub worked_months_last_12: u8,
    pub education: Education,
    pub health_limits_work: YesNoUnsure,
    pub other_obstacles: YesNoUnsure,
    pub digital_comfort: DigitalComfort,
    pub needs_interpreter: bool,
    pub own_assessment: OwnAssessment,
    pub wants_in_person: bool,
}

/// Raw answers as they arrive (JSON or a form); every field optional until parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawAnswers {
    pub worked_months_last_12: Option<i64>,
    pub education: Option<String>,
    pub health_limits_work: Option<String>,
    pub other_obstacles: Option<String>,
    pub digital_comfort: Option<String>,
    pub needs_interpreter: Option<bool>,
    pub own_assessment: Option<String>,
    pub wants_in_person: Option<bool>,
}

fn pick<'a, T: Copy>(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    raw: Option<&'a str>,
    parse: impl Fn(&'a str) -> Result<T, Invalid>,
) -> Option<T> {
    match raw.map(parse) {
        Some(Ok(v)) => Some(v),
        Some(Err(problem)) => {
            errors.push(FieldError::new(field, problem));
            None
        }
        None => {
            errors.push(FieldError::new(field, Invalid::Required));
            None
        }
    }
}

fn flag(errors: &mut Vec<FieldError>, field: &'static str, raw: Option<bool>) -> Option<bool> {
    if raw.is_none() {
        errors.push(FieldError::new(field, Invalid::Required));
    }
    raw
}

impl TryFrom<&RawAnswers> for Answers {
    type Error = Vec<FieldError>;

    /// All answers are required; each missing or out-of-range one is named.
    fn try_from(raw: &RawAnswers) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let worked = match raw.worked_months_last_12 {
            None => {
                errors.push(FieldError::new("worked_months_last_12", Invalid::Required));
                None
            }
            Some(m) => match u8::try_from(m) {
                Ok(m) if m <= 12 => Some(m),
                _ => {
                    errors.push(FieldError::new(
                        "worked_months_last_12",
                        Invalid::OutOfRange,
                    ));
                    None
                }
            },
        };
        let education = pick(
            &mut errors,
            "education",
            raw.education.as_deref(),
            Education::try_from,
        );
        let health = pick(
            &mut errors,
            "health_limits_work",
            raw.health_limits_work.as_deref(),
            YesNoUnsure::try_from,
        );
        let other = pick(
            &mut errors,
            "other_obstacles",
            raw.other_obstacles.as_deref(),
            YesNoUnsure::try_from,
        );
        let digital = pick(
            &mut errors,
            "digital_comfort",
            raw.digital_comfort.as_deref(),
            DigitalComfort::try_from,
        );
        let interpreter = flag(&mut errors, "needs_interpreter", raw.needs_interpreter);
        let own = pick(
            &mut errors,
            "own_assessment",
            raw.own_assessment.as_deref(),
            OwnAssessment::try_from,
        );
        let in_person = flag(&mut errors, "wants_in_person", raw.wants_in_person);
        match (
            worked,
            education,
            health,
            other,
            digital,
            interpreter,
            own,
            in_person,
        ) {
            (Some(w), Some(e), Some(h), Some(o), Some(d), Some(i), Some(a), Some(p))
                if errors.is_empty() =>
            {
                Ok(Answers {
                    worked_months_last_12: w,
                    education: e,
                    health_limits_work: h,
                    other_obstacles: o,
                    digital_comfort: d,
                    needs_interpreter: i,
                    own_assessment: a,
                    wants_in_person: p,
                })
            }
            _ => Err(errors),
        }
    }
}
