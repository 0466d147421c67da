//! The quotas of the 2026 rules, each organisation against its own target: at most 25 % of the
//! insured unemployed exempted by it (each exempts only from its own conversations), and
//! - the a-kasse: at least 75 % with two conversations it held in their first three months;
//! - the municipality: its two conversations between three and six months for everyone it has
//!   not exempted (a duty per citizen, so the target is all of them).
//!
//! A report, not a refusal: the law sets the a-kasse's shares for a whole year's portfolio, so a
//! manager watches them. The 2026 text (lov nr. 1750/2025) was not verified (docs/contact-plan.md).

use jiff::ToSpan;
use jiff::civil::Date;

use super::rules::Holder;

/// At most this share of an organisation's insured unemployed may be exempted.
pub const EXEMPTION_CAP: f64 = 0.25;
/// At least this share must have had two conversations with the a-kasse in their first three
/// months.
pub const CONTACT_TARGET: f64 = 0.75;

/// One insured unemployed citizen as one organisation's quota sees them.
#[derive(Debug, Clone)]
pub struct QuotaCase {
    pub unemployed_since: Date,
    /// Exempted by this organisation from its own conversations.
    pub exempt: bool,
    /// Days on which a conversation that counts for this organisation was held.
    pub held: Vec<Date>,
}

impl QuotaCase {
    /// The months whose conversations `holder`'s target counts: the first three for the
    /// a-kasse, the fourth to the sixth for the municipality (both ends included).
    pub fn window(&self, holder: Holder) -> (Date, Date) {
        let since = self.unemployed_since;
        match holder {
            Holder::UnemploymentFund => (since, since.saturating_add(3.months())),
            Holder::Municipality => (
                since.saturating_add(3.months()),
                since.saturating_add(6.months()),
            ),
        }
    }

    /// Two conversations held in `holder`'s window.
    pub fn two_in_window(&self, holder: Holder) -> bool {
        let (start, end) = self.window(holder);
        self.held
            .iter()
            .filter(|d| **d >= start && **d <= end)
            .count()
            >= 2
    }
}

/// The quotas of one organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotaRow {
    pub key: String,
    /// Whose target: the a-kasse's or the municipality's.
    pub holder: Holder,
    /// Insured unemployed in the portfolio.
    pub insured: u64,
    /// Exempted by this organisation.
    pub exempted: u64,
    pub exempted_share: Option<f64>,
    /// More exempted than the law allows.
    pub over_cap: bool,
    /// Citizens whose window ended in the period (for the municipality: those it has not
    /// exempted).
    pub measured: u64,
    /// Of those, how many had two conversations in the window.
    pub met: u64,
    pub met_share: Option<f64>,
    /// The share the law asks for: 0.75 for the a-kasse, all for the municipality.
    pub target_share: f64,
    /// `None` when nobody was measured.
    pub target_met: Option<bool>,
}

/// The row for one organisation: exemptions over the whole portfolio, contact over the
/// citizens whose window ended in [from, to).
pub fn quota_row(
    key: String,
    holder: Holder,
    cases: &[QuotaCase],
    from: Date,
    to: Date,
) -> QuotaRow {
    let share = |n: u64, of: u64| (of > 0).then(|| n as f64 / of as f64);
    let insured = cases.len() as u64;
    let exempted = cases.iter().filter(|c| c.exempt).count() as u64;
    let target_share = match holder {
        Holder::UnemploymentFund => CONTACT_TARGET,
        Holder::Municipality => 1.0,
    };
    let measured: Vec<&QuotaCase> = cases
        .iter()
        .filter(|c| holder == Holder::UnemploymentFund || !c.exempt)
        .filter(|c| (from..to).contains(&c.window(holder).1))
        .collect();
    let met = measured.iter().filter(|c| c.two_in_window(holder)).count() as u64;
    let measured_n = measured.len() as u64;
    let exempted_share = share(exempted, insured);
    let met_share = share(met, measured_n);
    QuotaRow {
        key,
        holder,
        insured,
        exempted,
        exempted_share,
        over_cap: exempted_share.is_some_and(|s| s > EXEMPTION_CAP),
        measured: measured_n,
        met,
        met_share,
        target_share,
        target_met: met_share.map(|s| s >= target_share),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn case(since: Date, exempt: bool, held: &[Date]) -> QuotaCase {
        QuotaCase {
            unemployed_since: since,
            exempt,
            held: held.to_vec(),
        }
    }

    const AK: Holder = Holder::UnemploymentFund;
    const JC: Holder = Holder::Municipality;

    #[test]
    fn two_conversations_must_fall_in_the_organisations_window() {
        let since = date(2026, 7, 6);
        let two = |held: &[Date], holder| case(since, false, held).two_in_window(holder);
        assert!(two(&[date(2026, 7, 10), date(2026, 10, 6)], AK));
        assert!(!two(&[date(2026, 7, 10), date(2026, 10, 7)], AK));
        assert!(!two(&[date(2026, 7, 5), date(2026, 7, 10)], AK));
        // The municipality's two come from the fourth to the sixth month.
        assert!(two(&[date(2026, 10, 6), date(2027, 1, 6)], JC));
        assert!(!two(&[date(2026, 10, 5), date(2027, 1, 6)], JC));
        assert!(!two(&[date(2026, 10, 6), date(2027, 1, 7)], JC));
    }

    #[test]
    fn shares_cap_and_target() {
        let since = date(2026, 7, 6);
        let twice = [date(2026, 7, 10), date(2026, 8, 1)];
        let cases = vec![
            case(since, true, &twice),
            case(since, false, &twice),
            case(since, false, &twice),
            case(since, false, &[date(2026, 7, 10)]),
            // Its three months end after the period: counted for exemption only.
            case(date(2026, 11, 2), true, &[]),
        ];
        let row = quota_row("3F".into(), AK, &cases, date(2026, 7, 1), date(2026, 11, 1));
        assert_eq!(
            (row.insured, row.exempted, row.measured, row.met),
            (5, 2, 4, 3)
        );
        assert_eq!(row.exempted_share, Some(0.4));
        assert!(row.over_cap);
        assert_eq!(row.met_share, Some(0.75));
        assert_eq!(row.target_met, Some(true));
        let empty = quota_row("0851".into(), JC, &[], date(2026, 7, 1), date(2026, 11, 1));
        assert_eq!(
            (empty.exempted_share, empty.target_met, empty.over_cap),
            (None, None, false)
        );
    }

    #[test]
    fn the_municipality_is_measured_on_everyone_it_has_not_exempted() {
        let since = date(2026, 3, 2);
        let theirs = [date(2026, 6, 10), date(2026, 8, 3)];
        let cases = vec![
            case(since, false, &theirs),
            case(since, false, &[date(2026, 6, 10)]),
            // Exempted by the municipality: not measured, but counted against the cap.
            case(since, true, &[]),
        ];
        let row = quota_row(
            "0851".into(),
            JC,
            &cases,
            date(2026, 7, 1),
            date(2026, 11, 1),
        );
        assert_eq!((row.exempted, row.measured, row.met), (1, 2, 1));
        assert_eq!(row.target_share, 1.0);
        assert_eq!(row.target_met, Some(false));
    }
}
