//! "Jeg kan ikke komme": a citizen who cannot attend a call-in says why, and staff decide.
//! A call-in is an obligation (for the insured, bekendtgørelse om rådighed; for cash benefit,
//! the rules of lov om aktiv socialpolitik), so the citizen's word does not cancel it: it lands
//! on the worklist (`absence_reported`) and stands until staff accept it — then it is
//! cancelled as an afbud with a reasonable excuse — or refuse it, telling the citizen why.
//! Ordinary self-booked meetings keep the plain cancel.

use crate::enums::wire_enum;

wire_enum! {
    /// Why the citizen cannot come, as they choose it.
    AbsenceReason {
        Illness = "illness",
        ChildIllness = "child_illness",
        JobInterview = "job_interview",
        Work = "work",
        Other = "other",
    }
}

wire_enum! {
    /// Where an absence report stands.
    AbsenceStatus {
        /// Waiting for staff; the call-in stands meanwhile.
        Pending = "pending",
        /// Accepted as a reasonable excuse: the call-in was cancelled.
        Accepted = "accepted",
        /// Refused: the call-in stands, and the citizen was told why.
        Refused = "refused",
    }
}

/// The most a citizen's own words about their absence may be.
pub const MAX_ABSENCE_TEXT: usize = 1000;

/// `other` needs the citizen's own words; the listed reasons may come without.
pub fn check_report(reason: AbsenceReason, text: Option<&str>) -> Result<(), crate::Invalid> {
    match (reason, text.map(str::trim).filter(|t| !t.is_empty())) {
        (AbsenceReason::Other, None) => Err(crate::Invalid::Required),
        (_, Some(t)) if t.chars().count() > MAX_ABSENCE_TEXT => Err(crate::Invalid::TooLong {
            max: MAX_ABSENCE_TEXT,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_needs_words_and_words_have_a_limit() {
        assert_eq!(check_report(AbsenceReason::Illness, None), Ok(()));
        assert_eq!(
            check_report(AbsenceReason::Other, Some("  ")),
            Err(crate::Invalid::Required)
        );
        assert_eq!(
            check_report(AbsenceReason::Other, Some("Begravelse")),
            Ok(())
        );
        let long = "x".repeat(MAX_ABSENCE_TEXT + 1);
        assert_eq!(
            check_report(AbsenceReason::Work, Some(&long)),
            Err(crate::Invalid::TooLong {
                max: MAX_ABSENCE_TEXT
            })
        );
        assert_eq!(
            AbsenceReason::try_from("child_illness"),
            Ok(AbsenceReason::ChildIllness)
        );
    }
}
