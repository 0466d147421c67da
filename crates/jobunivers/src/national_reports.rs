//! The contact report on the national-scale world (issue 7): the channel report for one
//! municipality's year and for the whole country's, as the manager and the administrator ask for
//! it, against counting the same meetings one by one (what the report did before it kept counts
//! per day) in the same run as the baseline; and one municipality's year by team, which is
//! always counted one by one.

use std::time::Instant;

use domain::Actor;
use domain::contact_report::GroupBy;
use jiff::SignedDuration;
use store::{Store, StoreError};

use crate::national::{municipality_code, percentiles};

pub async fn bench(store: &Store, system: &Actor, samples: usize) -> Result<(), StoreError> {
    let t = Instant::now();
    let days = store.settle_report_days(None).await?;
    println!(
        "counting every day once (after a bulk load or on an existing database): {days} days in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let manager_login = format!("leder{}", municipality_code(0));
    let manager = store
        .staff_list(system)
        .await?
        .into_iter()
        .find(|s| s.login == manager_login)
        .ok_or(StoreError::NotFound)?
        .actor()?;
    // The API's default period: the year up to now, so both ends fall within days.
    let to = store.now();
    let from = to
        .checked_sub(SignedDuration::from_hours(24 * 365))
        .map_err(|_| StoreError::NotFound)?;
    for (who, actor) in [
        ("one municipality", &manager),
        ("the whole country", system),
    ] {
        let scope = store.report_scope(actor, None).await?;
        let mut kept = Vec::new();
        let mut meetings = 0;
        for _ in 0..samples {
            let t = Instant::now();
            let rows = store
                .contact_counts(&scope, from, to, GroupBy::Channel)
                .await?;
            kept.push(t.elapsed().as_secs_f64() * 1000.0);
            meetings = rows.iter().map(|(_, c)| c.meetings).sum::<u64>();
        }
        let t = Instant::now();
        let baseline = store
            .contact_counts_one_by_one(&scope, from, to, GroupBy::Channel)
            .await?;
        let base_ms = t.elapsed().as_secs_f64() * 1000.0;
        let same = baseline.iter().map(|(_, c)| c.meetings).sum::<u64>() == meetings;
        let n = kept.len();
        let (p50, p99) = percentiles(kept);
        println!(
            "channel report, {who}, one year ({meetings} meetings): n={n} p50 {p50:.1} ms p99 {p99:.1} ms; \
             baseline (counted one by one) {base_ms:.0} ms, {:.0}x the p50; same totals: {same}",
            base_ms / p50.max(0.001)
        );
        let t = Instant::now();
        store
            .contact_counts(&scope, from, to, GroupBy::Month)
            .await?;
        println!(
            "  the monthly trend, same period: {:.1} ms",
            t.elapsed().as_secs_f64() * 1000.0
        );
    }
    // Teams are not among the kept counts: one municipality's meetings counted one by one.
    let scope = store.report_scope(&manager, None).await?;
    let mut by_team = Vec::new();
    for _ in 0..samples.min(5) {
        let t = Instant::now();
        store
            .contact_counts(&scope, from, to, GroupBy::Team)
            .await?;
        by_team.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let (p50, _) = percentiles(by_team);
    println!("by team, one municipality, one year: p50 {p50:.0} ms");
    Ok(())
}
