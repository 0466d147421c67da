//! Sub-commands for the benchmarks in `bench/`: bulk slots for a booking storm, and the raw rate
//! of the booking transaction without HTTP (the baseline the storm is compared with).

use std::io::Write;
use std::time::Instant;

use domain::{Actor, Channel};
use jiff::{SignedDuration, Timestamp};
use store::{NewMeeting, Store, StoreError};

/// The demo's Aalborg caseworkers and up to `n` of their citizens.
async fn aalborg(
    store: &Store,
    system: &Actor,
    n: usize,
) -> Result<(Vec<Actor>, Vec<domain::CitizenId>), StoreError> {
    let staff: Vec<Actor> = store
        .staff_list(system)
        .await?
        .into_iter()
        .filter(|s| s.login.starts_with("aalborg.jk"))
        .map(|s| s.actor())
        .collect::<Result<_, _>>()?;
    let first = staff.first().ok_or(StoreError::NotFound)?;
    let query = store::CitizenQuery {
        per_page: u32::try_from(n).unwrap_or(200),
        page: 1,
        ..Default::default()
    };
    let citizens = store
        .list_citizens(first, &query)
        .await?
        .items
        .into_iter()
        .map(|c| c.id)
        .collect();
    Ok((staff, citizens))
}

/// Who a storm books: the demo's Aalborg caseworkers, and its 100 Aalborg citizens or, with
/// `--citizens N`, as many more Aalborg citizens on cash benefit, made in bulk. A hundred
/// citizens booked 1,600 times a second are each booked 16 times a second — through every
/// instance at once with more than one: the worst case for the citizens' locks. A country's
/// storm spreads over many more.
pub struct Cast {
    staff: Vec<Actor>,
    citizens: Vec<String>,
}

impl Cast {
    pub async fn new(store: &Store, system: &Actor, citizens: usize) -> Result<Self, StoreError> {
        let (staff, demo) = aalborg(store, system, 100).await?;
        let mut ids: Vec<String> = demo.iter().map(ToString::to_string).collect();
        ids.truncate(citizens);
        let caseworker = staff.first().ok_or(StoreError::NotFound)?.id().to_owned();
        let more: Vec<store::BulkCitizen> = (ids.len()..citizens)
            .map(|i| store::BulkCitizen {
                id: store::bulk_id(),
                name: format!("Stormborger {i}"),
                municipality: "0851".to_owned(),
                fund: None,
                target_group: domain::TargetGroup::JobReadyCashBenefit,
                unemployed_since: jiff::civil::date(2026, 9, 1),
                track: None,
                caseworker_id: Some(caseworker.clone()),
                registered_on: None,
                first_contact_on: None,
            })
            .collect();
        for chunk in more.chunks(10_000) {
            store.bulk_insert_citizens(chunk).await?;
        }
        ids.extend(more.into_iter().map(|c| c.id));
        Ok(Self {
            staff,
            citizens: ids,
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Inserts `count` slots spread over the Aalborg caseworkers, starting `days_ahead` days from
/// now, and writes `slot_id citizen_id` lines to `out` (citizens taken in turn, never two at
/// the same time).
pub async fn seed_slots(
    store: &Store,
    cast: &Cast,
    count: usize,
    days_ahead: i64,
    out: &std::path::Path,
) -> Result<(), BenchError> {
    let Cast { staff, citizens } = cast;
    let start = Timestamp::now()
        .checked_add(SignedDuration::from_hours(24 * days_ahead))
        .unwrap_or(Timestamp::now());
    let per = count.div_ceil(staff.len().max(1));
    let mut lines = Vec::with_capacity(count);
    let started = Instant::now();
    for (i, member) in staff.iter().enumerate() {
        let n = per.min(count - lines.len().min(count));
        let ids = store
            .bulk_insert_slots(
                member,
                start,
                30,
                n,
                Channel::ALL,
                Some("Jobcenter Aalborg"),
            )
            .await?;
        // The caseworkers' j-th slots are at the same time: each goes to a different citizen
        // (a citizen is never in two meetings at once, API.md `citizen_busy`).
        for (j, id) in ids.into_iter().enumerate() {
            let citizen = &citizens[(j * staff.len() + i) % citizens.len().max(1)];
            lines.push(format!("{id} {citizen}"));
        }
        eprint!("\r{} of {count} slots", lines.len());
    }
    eprintln!(" in {:.1} s", started.elapsed().as_secs_f64());
    let mut file = std::fs::File::create(out)?;
    writeln!(file, "{}", lines.join("\n"))?;
    Ok(())
}

/// `count` held meetings of the storm's citizens before now, one every 10 minutes going back
/// (100,000 reach two years back), loaded in bulk: a storm on a database with a past, whose
/// statistics (after an `ANALYZE`) describe a table of its real size rather than an empty one.
pub async fn seed_history(store: &Store, cast: &Cast, count: usize) -> Result<(), BenchError> {
    if count == 0 {
        return Ok(());
    }
    let Cast { staff, citizens } = cast;
    let staff_ids: Vec<String> = staff.iter().map(|s| s.id().to_owned()).collect();
    let now = Timestamp::now();
    let rows: Vec<store::BulkMeeting> = (0..count)
        .map(|i| store::BulkMeeting {
            id: store::bulk_id(),
            citizen_id: citizens[i % citizens.len().max(1)].clone(),
            staff_id: staff_ids[i % staff_ids.len().max(1)].clone(),
            start: now
                .checked_sub(SignedDuration::from_mins(
                    10 * (i64::try_from(i).unwrap_or(0) + 1),
                ))
                .unwrap_or(now),
            channel: Channel::InPerson,
            status: domain::MeetingStatus::Held,
            booked_by_citizen: false,
            cancelled_late: false,
        })
        .collect();
    for chunk in rows.chunks(10_000) {
        store.bulk_insert_meetings(chunk).await?;
    }
    Ok(())
}

/// Books `count` fresh slots through the store (the same transaction as `POST /meetings`, at the
/// same durability) with `tasks` concurrent tasks, and prints the rate.
pub async fn raw_claims(
    store: &Store,
    system: &Actor,
    count: usize,
    tasks: usize,
) -> Result<(), StoreError> {
    let (staff, citizens) = aalborg(store, system, 100).await?;
    let member = staff.last().ok_or(StoreError::NotFound)?.clone();
    // Far ahead, so these slots never meet the storm's.
    let start = Timestamp::now()
        .checked_add(SignedDuration::from_hours(24 * 3650))
        .unwrap_or(Timestamp::now());
    let offset = SignedDuration::from_hours(24 * 30 * i64::try_from(tasks).unwrap_or(1));
    let slots = store
        .bulk_insert_slots(
            &member,
            start.checked_add(offset).unwrap_or(start),
            30,
            count,
            &[Channel::InPerson],
            Some("Jobcenter Aalborg"),
        )
        .await?;
    let started = Instant::now();
    let mut handles = Vec::new();
    for t in 0..tasks {
        let (store, member, citizens) = (store.clone(), member.clone(), citizens.clone());
        let mine: Vec<domain::SlotId> = slots.iter().skip(t).step_by(tasks).cloned().collect();
        handles.push(tokio::spawn(async move {
            let mut ok = 0usize;
            for (i, slot_id) in mine.into_iter().enumerate() {
                let req = NewMeeting::plain(
                    citizens[(t + i) % citizens.len()].clone(),
                    slot_id,
                    Channel::InPerson,
                );
                if store.book_meeting(&member, &req).await.is_ok() {
                    ok += 1;
                }
            }
            ok
        }));
    }
    let mut ok = 0;
    for h in handles {
        ok += h.await.unwrap_or(0);
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "raw booking transaction: {ok} of {count} in {secs:.2} s = {:.0}/s with {tasks} task(s)",
        ok as f64 / secs
    );
    Ok(())
}
