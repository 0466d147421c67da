//! A manager's and an a-kasse's worklist on the national-scale world (issue 22, item 5): the
//! whole municipality's list and the whole a-kasse's, a page at a time, while cases change
//! between the views (one meeting booked before each, so each view has a case to decide again,
//! as on a working day). Reported against the baseline of `national::bench` (an audited read of
//! one citizen) measured in the same run; and the time to decide every case once, which the
//! first start after the upgrade (or after a bulk load) spends in the background.

use std::time::Instant;

use domain::contact_plan::{Paging, RuleBook};
use domain::{Actor, Channel, MeetingStatus};
use jiff::SignedDuration;
use store::{BulkMeeting, CitizenQuery, Store, StoreError, WorklistQuery, bulk_id};

use crate::national::{municipality_code, percentiles};

/// Decides every case of every organisation's worklist that is not yet kept: after a bulk load,
/// all of them. Run before any view is measured, so that no sample pays for it.
pub async fn keep_all(store: &Store, book: &RuleBook) -> Result<(), StoreError> {
    let t = Instant::now();
    let decided = store.keep_every_worklist(book).await?;
    println!(
        "kept worklist: {decided} cases decided in {:.1} s (0 when it was already kept)",
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

pub async fn bench(
    store: &Store,
    system: &Actor,
    book: &RuleBook,
    samples: usize,
    baseline_p99: f64,
) -> Result<(), StoreError> {
    let staff = store.staff_list(system).await?;
    let find = |login: &str| {
        staff
            .iter()
            .find(|s| s.login == login)
            .ok_or(StoreError::NotFound)
            .and_then(|s| s.actor())
    };
    let code = municipality_code(0);
    let manager = find(&format!("leder{code}"))?;
    let caseworker = find(&format!("jk{code}.0"))?;
    let adviser = find("adv3f.0")?;
    // Citizens of the municipality to book a meeting for between views (insured ones are 3F's
    // or another a-kasse's members too, so the a-kasse's list changes as well).
    let mut citizens = Vec::new();
    for page in 1..=5 {
        let query = CitizenQuery {
            per_page: 200,
            page,
            ..Default::default()
        };
        citizens.extend(store.list_citizens(&manager, &query).await?.items);
    }
    if citizens.is_empty() {
        return Err(StoreError::NotFound);
    }
    for (who, actor) in [
        ("a manager's worklist (the municipality)", &manager),
        ("an a-kasse's worklist (the whole a-kasse)", &adviser),
    ] {
        let mut times = Vec::new();
        let (mut total, mut pages) = (0, 1);
        for n in 0..samples {
            let citizen = &citizens[n * 7_919 % citizens.len()];
            store
                .bulk_insert_meetings(&[BulkMeeting {
                    id: bulk_id(),
                    citizen_id: citizen.id.to_string(),
                    staff_id: caseworker.id().to_owned(),
                    start: store.now() + SignedDuration::from_hours(24 + (n % 200) as i64),
                    channel: Channel::InPerson,
                    status: MeetingStatus::Booked,
                    booked_by_citizen: false,
                    cancelled_late: false,
                }])
                .await?;
            let query = WorklistQuery {
                page: Paging {
                    number: 1 + n % pages,
                    per_page: domain::contact_plan::paging::PER_PAGE,
                },
                ..Default::default()
            };
            let t = Instant::now();
            let list = store.worklist(actor, book, &query).await?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            total = list.total;
            pages = total.div_ceil(query.page.per_page).max(1);
        }
        let n = times.len();
        let (p50, p99) = percentiles(times);
        println!(
            "{who:<44} n={n:<5} p50 {p50:>7.2} ms  p99 {p99:>7.2} ms  ({total} items, {pages} pages; p99 {:.1}x the baseline)",
            p99 / baseline_p99
        );
    }
    Ok(())
}
