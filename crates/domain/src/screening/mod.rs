//! Screening (screening) and the model that recommends a track (indsats) from it.

mod answers;
mod model;
pub mod monitoring;
#[cfg(test)]
mod tests;

pub use answers::{Answers, DigitalComfort, Education, OwnAssessment, RawAnswers, YesNoUnsure};
pub use model::{ALL_REASONS, Reason, Recommendation, reason_by_code, recommend};
