//! Why a citizen does not book their own conversations (fritagelse fra selvbooking). The
//! executive order names the reasons, and only those: BEK nr. 1216 af 28. september 2023 § 45,
//! stk. 1 (it is disproportionately hard or impossible because of very poor IT skills,
//! significant language barriers or a significant physical, cognitive or mental disability) and
//! stk. 2 (the conversation needs special premises or an interpreter, unless the person does not
//! want to be exempted). Staff then call the citizen in, written and personal (§ 46).

use crate::enums::wire_enum;

/// Where the reasons come from.
pub const SOURCE: &str =
    "BEK nr. 1216 af 28. september 2023 om en aktiv beskæftigelsesindsats, § 45";

wire_enum! {
    /// A reason of § 45 for exempting a citizen from booking themself.
    SelfBookingExemption {
        /// § 45, stk. 1, nr. 1: very poor IT skills.
        ItSkills = "it_skills",
        /// § 45, stk. 1, nr. 2: significant language barriers (not mastering Danish).
        Language = "language",
        /// § 45, stk. 1, nr. 3: a significant physical, cognitive or mental disability.
        Disability = "disability",
        /// § 45, stk. 2: the conversation needs special premises or an interpreter.
        InterpreterOrPremises = "interpreter_or_premises",
    }
}

/// Whether a citizen must book their conversations themself, so that a conversation past its
/// deadline and not booked is a missed booking deadline (worklist `booking_overdue`): the
/// insured unemployed, unless exempt under § 45. Self-booking is obligatory for them (STAR's
/// "Vejledning om obligatorisk selvbooking af jobsamtaler i jobcenteret og rådighedssamtaler i
/// a-kassen"); other groups are called in or may book.
pub fn books_themself(group: crate::TargetGroup, exempt: bool) -> bool {
    group == crate::TargetGroup::InsuredUnemployed && !exempt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reasons_are_those_of_the_executive_order_and_no_other() {
        assert_eq!(SelfBookingExemption::ALL.len(), 4);
        assert_eq!(
            SelfBookingExemption::try_from("language"),
            Ok(SelfBookingExemption::Language)
        );
        assert!(SelfBookingExemption::try_from("busy").is_err());
        assert!(SOURCE.contains("§ 45"));
    }

    #[test]
    fn only_the_insured_who_are_not_exempt_book_themselves() {
        use crate::TargetGroup::*;
        assert!(books_themself(InsuredUnemployed, false));
        assert!(!books_themself(InsuredUnemployed, true));
        assert!(!books_themself(JobReadyCashBenefit, false));
    }
}
