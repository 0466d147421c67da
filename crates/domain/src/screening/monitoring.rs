//! Monitoring the model against the decisions, so that drift or bias shows: how often
//! caseworkers decide differently from the recommendation, per target group and municipality,
//! and how the decided tracks spread over time.

use std::collections::BTreeMap;

use crate::{TargetGroup, Track};

/// One visitation decision, as monitoring sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub municipality: String,
    pub target_group: TargetGroup,
    pub recommended: Option<Track>,
    pub decided: Track,
    /// `YYYY-MM` in Copenhagen time.
    pub month: String,
}

/// Decisions and overrides in one group.
#[derive(Debug, Clone, PartialEq)]
pub struct OverrideRow {
    pub key: String,
    pub decisions: u64,
    /// Decided differently from a recommendation.
    pub overrides: u64,
    /// Decided without a screening to follow.
    pub without_screening: u64,
    /// `overrides / decisions with a recommendation`; `None` when there were none.
    pub override_rate: Option<f64>,
}

/// Decided tracks in one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackMonth {
    pub month: String,
    pub self_service: u64,
    pub standard: u64,
    pub intensive: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Monitoring {
    pub by_target_group: Vec<OverrideRow>,
    pub by_municipality: Vec<OverrideRow>,
    pub tracks_by_month: Vec<TrackMonth>,
    /// (recommended, decided, count), recommended `None` for no screening.
    pub matrix: Vec<(Option<Track>, Track, u64)>,
}

fn rows(decisions: &[Decision], key: impl Fn(&Decision) -> String) -> Vec<OverrideRow> {
    let mut groups: BTreeMap<String, (u64, u64, u64)> = BTreeMap::new();
    for d in decisions {
        let e = groups.entry(key(d)).or_default();
        e.0 += 1;
        match d.recommended {
            Some(r) if r != d.decided => e.1 += 1,
            None => e.2 += 1,
            Some(_) => {}
        }
    }
    groups
        .into_iter()
        .map(|(key, (decisions, overrides, without))| {
            let with = decisions - without;
            // Counts are far below 2^52, so the conversion to f64 is exact.
            let override_rate = (with > 0).then(|| overrides as f64 / with as f64);
            OverrideRow {
                key,
                decisions,
                overrides,
                without_screening: without,
                override_rate,
            }
        })
        .collect()
}

pub fn monitor(decisions: &[Decision]) -> Monitoring {
    let mut months: BTreeMap<String, TrackMonth> = BTreeMap::new();
    let mut matrix: BTreeMap<(Option<Track>, Track), u64> = BTreeMap::new();
    for d in decisions {
        let m = months.entry(d.month.clone()).or_insert_with(|| TrackMonth {
            month: d.month.clone(),
            self_service: 0,
            standard: 0,
            intensive: 0,
        });
        match d.decided {
            Track::SelfService => m.self_service += 1,
            Track::Standard => m.standard += 1,
            Track::Intensive => m.intensive += 1,
        }
        *matrix.entry((d.recommended, d.decided)).or_default() += 1;
    }
    Monitoring {
        by_target_group: rows(decisions, |d| d.target_group.as_str().to_owned()),
        by_municipality: rows(decisions, |d| d.municipality.clone()),
        tracks_by_month: months.into_values().collect(),
        matrix: matrix.into_iter().map(|((r, d), n)| (r, d, n)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: &str, g: TargetGroup, rec: Option<Track>, dec: Track, month: &str) -> Decision {
        Decision {
            municipality: m.into(),
            target_group: g,
            recommended: rec,
            decided: dec,
            month: month.into(),
        }
    }

    #[test]
    fn override_rates_count_only_decisions_with_a_recommendation() {
        use TargetGroup::*;
        use Track::*;
        let all = [
            d(
                "0851",
                InsuredUnemployed,
                Some(SelfService),
                SelfService,
                "2026-10",
            ),
            d(
                "0851",
                InsuredUnemployed,
                Some(SelfService),
                Standard,
                "2026-10",
            ),
            d("0851", SicknessBenefit, None, Intensive, "2026-11"),
            d(
                "0751",
                InsuredUnemployed,
                Some(Standard),
                Standard,
                "2026-11",
            ),
        ];
        let m = monitor(&all);
        let insured = m
            .by_target_group
            .iter()
            .find(|r| r.key == "insured_unemployed")
            .expect("row");
        assert_eq!(
            (insured.decisions, insured.overrides, insured.override_rate),
            (3, 1, Some(1.0 / 3.0))
        );
        let sick = m
            .by_target_group
            .iter()
            .find(|r| r.key == "sickness_benefit")
            .expect("row");
        assert_eq!((sick.without_screening, sick.override_rate), (1, None));
        let aalborg = m
            .by_municipality
            .iter()
            .find(|r| r.key == "0851")
            .expect("row");
        assert_eq!((aalborg.decisions, aalborg.overrides), (3, 1));
        assert_eq!(
            m.tracks_by_month,
            vec![
                TrackMonth {
                    month: "2026-10".into(),
                    self_service: 1,
                    standard: 1,
                    intensive: 0
                },
                TrackMonth {
                    month: "2026-11".into(),
                    self_service: 0,
                    standard: 1,
                    intensive: 1
                },
            ]
        );
        assert!(m.matrix.contains(&(Some(SelfService), Standard, 1)));
        assert!(m.matrix.contains(&(None, Intensive, 1)));
    }
}
