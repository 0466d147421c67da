//! The quotas of the 2026 rules for a portfolio: at most 25 % of the insured unemployed exempted,
//! and at least 75 % with two conversations in their first three months. A report, not a
//! refusal: the law sets the shares for a whole year's portfolio, so a manager watches them.

use jiff::ToSpan;
use jiff::civil::Date;

/// At most this share of an organisation's insured unemployed may be exempted.
pub const EXEMPTION_CAP: f64 = 0.25;
/// At least this share must have had two conversations in their first three months.
pub const CONTACT_TARGET: f64 = 0.75;

/// One insured unemployed citizen as the quota report sees them.
#[derive(Debug, Clone)]
pub struct QuotaCase {
    pub unemployed_since: Date,
    pub exempt: bool,
    /// Days on which a conversation that counts for this organisation was held.
    pub held: Vec<Date>,
}

impl QuotaCase {
    /// The day their first three months end.
    pub fn three_months_end(&self) -> Date {
        self.unemployed_since.saturating_add(3.months())
    }

    /// Two conversations held in the first three months.
    pub fn two_in_first_three_months(&self) -> bool {
        let end = self.three_months_end();
        self.held
            .iter()
            .filter(|d| **d >= self.unemployed_since && **d <= end)
            .count()
            >= 2
    }
}

/// The quotas of one organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotaRow {
    pub key: String,
    /// Insured unemployed in the portfolio.
    pub insured: u64,
    pub exempted: u64,
    pub exempted_share: Option<f64>,
    /// More exempted than the law allows.
    pub over_cap: bool,
    /// Citizens whose first three months ended in the period.
    pub measured: u64,
    pub two_in_three_months: u64,
    pub two_in_three_months_share: Option<f64>,
    /// `None` when nobody was measured.
    pub target_met: Option<bool>,
}

/// The row for one organisation: exemptions over the whole portfolio, contact over the
/// citizens whose first three months ended in [from, to).
pub fn quota_row(key: String, cases: &[QuotaCase], from: Date, to: Date) -> QuotaRow {
    let share = |n: u64, of: u64| (of > 0).then(|| n as f64 / of as f64);
    let insured = cases.len() as u64;
    let exempted = cases.iter().filter(|c| c.exempt).count() as u64;
    let measured: Vec<&QuotaCase> = cases
        .iter()
        .filter(|c| (from..to).contains(&c.three_months_end()))
        .collect();
    let met = measured
        .iter()
        .filter(|c| c.two_in_first_three_months())
        .count() as u64;
    let measured_n = measured.len() as u64;
    let exempted_share = share(exempted, insured);
    let two_share = share(met, measured_n);
    QuotaRow {
        key,
        insured,
        exempted,
        exempted_share,
        over_cap: exempted_share.is_some_and(|s| s > EXEMPTION_CAP),
        measured: measured_n,
        two_in_three_months: met,
        two_in_three_months_share: two_share,
        target_met: two_share.map(|s| s >= CONTACT_TARGET),
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

    #[test]
    fn two_conversations_must_fall_in_the_first_three_months() {
        let since = date(2026, 7, 6);
        assert!(
            case(since, false, &[date(2026, 7, 10), date(2026, 10, 6)]).two_in_first_three_months()
        );
        assert!(
            !case(since, false, &[date(2026, 7, 10), date(2026, 10, 7)])
                .two_in_first_three_months()
        );
        assert!(
            !case(since, false, &[date(2026, 7, 5), date(2026, 7, 10)]).two_in_first_three_months()
        );
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
        let row = quota_row("3F".into(), &cases, date(2026, 7, 1), date(2026, 11, 1));
        assert_eq!(
            (
                row.insured,
                row.exempted,
                row.measured,
                row.two_in_three_months
            ),
            (5, 2, 4, 3)
        );
        assert_eq!(row.exempted_share, Some(0.4));
        assert!(row.over_cap);
        assert_eq!(row.two_in_three_months_share, Some(0.75));
        assert_eq!(row.target_met, Some(true));
        let empty = quota_row("0851".into(), &[], date(2026, 7, 1), date(2026, 11, 1));
        assert_eq!(
            (empty.exempted_share, empty.target_met, empty.over_cap),
            (None, None, false)
        );
    }
}
