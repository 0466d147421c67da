//! The contact quotas of the rules from 1 July 2026 (LAB § 20 a and § 21 b as amended by lov nr.
//! 1750/2025), per a-kasse and per municipality, each against its own target: exemptions against
//! the 25 % cap, and the share who had their two conversations with the organisation in its
//! window. Read for the report API and the managers' page alike.

use std::collections::BTreeMap;

use domain::Actor;
use domain::contact_plan::{Holder, QuotaCase, QuotaRow, quota_row};
use jiff::civil::Date;
use store::{Store, StoreError};

pub struct QuotaReport {
    /// Rows per a-kasse, then per municipality.
    pub by_fund: Vec<QuotaRow>,
    pub by_municipality: Vec<QuotaRow>,
}

/// The quotas `actor` may see (managers: their organisation; administrators: all) for the
/// windows that ended between `from` and `to`.
pub async fn report(
    store: &Store,
    actor: &Actor,
    from: Date,
    to: Date,
) -> Result<QuotaReport, StoreError> {
    let facts = store.quota_facts(actor).await?;
    let (by_fund, by_municipality) = rows(&facts, from, to);
    Ok(QuotaReport {
        by_fund,
        by_municipality,
    })
}

/// An a-kasse's citizens count the conversations it held (alone or jointly) and its own
/// exemptions; a municipality's the conversations it held and its own exemptions.
fn rows(facts: &[store::QuotaFacts], from: Date, to: Date) -> (Vec<QuotaRow>, Vec<QuotaRow>) {
    let mut funds: BTreeMap<&str, Vec<QuotaCase>> = BTreeMap::new();
    let mut towns: BTreeMap<&str, Vec<QuotaCase>> = BTreeMap::new();
    for f in facts {
        let case = |holder: Holder| QuotaCase {
            unemployed_since: f.unemployed_since,
            exempt: f.exempt.covers(holder),
            held: f
                .held
                .iter()
                .filter(|m| m.holder == holder || (holder == Holder::UnemploymentFund && m.joint))
                .map(|m| m.date)
                .collect(),
        };
        if let Some(fund) = &f.fund {
            funds
                .entry(fund)
                .or_default()
                .push(case(Holder::UnemploymentFund));
        }
        towns
            .entry(&f.municipality)
            .or_default()
            .push(case(Holder::Municipality));
    }
    let rows = |holder: Holder, groups: BTreeMap<&str, Vec<QuotaCase>>| {
        groups
            .into_iter()
            .map(|(k, cases)| quota_row(k.to_owned(), holder, &cases, from, to))
            .collect()
    };
    (
        rows(Holder::UnemploymentFund, funds),
        rows(Holder::Municipality, towns),
    )
}
