//! After a no-show (udeblivelse). Staff record whether the citizen had a reasonable excuse
//! (rimelig grund). Without one, the organisation that receives the citizen's benefit must be
//! told, so it can assess availability (rådighed): for the insured unemployed their a-kasse,
//! for cash-benefit groups the municipality's benefits office (lov om en aktiv
//! beskæftigelsesindsats kapitel 29; bekendtgørelse nr. 1216 af 28. september 2023 kapitel
//! 24, which lists what the two tell each other). The notice is a fact, not a sanction: the
//! recipient decides, and the notice is withdrawn if the excuse arrives later.

use crate::enums::wire_enum;
use crate::{FundCode, TargetGroup};

wire_enum! {
    /// Whose inbox an availability notice lands in.
    NoticeRecipient {
        /// The citizen's a-kasse ("Underretninger"), for the insured unemployed.
        AKasse = "a_kasse",
        /// The municipality's benefits office, for cash-benefit groups.
        BenefitsOffice = "benefits_office",
    }
}

wire_enum! {
    /// What the citizen failed to do.
    NoticeKind {
        /// Did not come to a meeting and had no reasonable excuse.
        NoShow = "no_show",
        /// Did not book by the date they had to (self-booking deadline).
        BookingOverdue = "booking_overdue",
    }
}

/// Whether a notice goes out after a missed obligation, and if not, why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeDecision {
    Notify(NoticeRecipient),
    /// Staff recorded a reasonable excuse.
    Excused,
    /// Sickness benefit (sygedagpenge) follows the rules of lov om sygedagpenge, whose
    /// consequences the municipality handles in the sickness case itself, not by a notice.
    NotCovered,
    /// Insured unemployed without a known a-kasse: nobody to tell. Shown to staff, who must
    /// correct the case.
    NoFund,
}

/// The most staff's words about an excuse may be.
pub const MAX_EXCUSE: usize = 1000;

/// The excuse as staff wrote it: blank is none; over [`MAX_EXCUSE`] characters is refused.
pub fn parse_excuse(text: Option<&str>) -> Result<Option<&str>, crate::Invalid> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) if t.chars().count() > MAX_EXCUSE => {
            Err(crate::Invalid::TooLong { max: MAX_EXCUSE })
        }
        other => Ok(other),
    }
}

/// Who is told about a missed obligation of a citizen in `group` with a-kasse `fund`.
pub fn notice_for(group: TargetGroup, fund: Option<&FundCode>, excused: bool) -> NoticeDecision {
    if excused {
        return NoticeDecision::Excused;
    }
    match group {
        TargetGroup::InsuredUnemployed if fund.is_some() => {
            NoticeDecision::Notify(NoticeRecipient::AKasse)
        }
        TargetGroup::InsuredUnemployed => NoticeDecision::NoFund,
        g if g.is_cash_benefit() => NoticeDecision::Notify(NoticeRecipient::BenefitsOffice),
        _ => NoticeDecision::NotCovered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fund() -> FundCode {
        FundCode::try_from("3F").expect("fund code")
    }

    #[test]
    fn the_insured_are_reported_to_their_a_kasse_cash_benefit_to_the_benefits_office() {
        let f = fund();
        assert_eq!(
            notice_for(TargetGroup::InsuredUnemployed, Some(&f), false),
            NoticeDecision::Notify(NoticeRecipient::AKasse)
        );
        for g in [
            TargetGroup::JobReadyCashBenefit,
            TargetGroup::ActivityReadyCashBenefit,
            TargetGroup::EducationBenefit,
        ] {
            assert_eq!(
                notice_for(g, None, false),
                NoticeDecision::Notify(NoticeRecipient::BenefitsOffice)
            );
        }
    }

    #[test]
    fn an_excuse_sickness_benefit_or_a_missing_fund_sends_nothing_and_says_why() {
        let f = fund();
        assert_eq!(
            notice_for(TargetGroup::InsuredUnemployed, Some(&f), true),
            NoticeDecision::Excused
        );
        assert_eq!(
            notice_for(TargetGroup::SicknessBenefit, None, false),
            NoticeDecision::NotCovered
        );
        assert_eq!(
            notice_for(TargetGroup::InsuredUnemployed, None, false),
            NoticeDecision::NoFund
        );
    }

    #[test]
    fn an_excuse_is_trimmed_and_has_a_limit() {
        assert_eq!(parse_excuse(Some("  ")), Ok(None));
        assert_eq!(parse_excuse(Some(" Indlagt ")), Ok(Some("Indlagt")));
        let long = "x".repeat(MAX_EXCUSE + 1);
        assert_eq!(
            parse_excuse(Some(&long)),
            Err(crate::Invalid::TooLong { max: MAX_EXCUSE })
        );
        assert_eq!(
            NoticeRecipient::try_from("a_kasse"),
            Ok(NoticeRecipient::AKasse)
        );
    }
}
