//! National-scale data for benchmarks (issue 4): about 100 municipalities, three a-kasser,
//! a caseworker per 200 citizens, `citizens` citizens over all target groups unemployed up to
//! two years, and `meetings` meetings per citizen spread over their course (held, cancelled,
//! no-shows, and booked ahead), each held one with its survey, about one in four answered (about
//! 2,000,000 answers for 10,000,000 meetings). Written through the store's bulk calls; prints a
//! progress bar.

use std::io::Write;
use std::time::Instant;

use domain::{
    Actor, Channel, FundCode, Login, MeetingStatus, MunicipalityCode, OrgName, Organisation,
    PersonName, Role, TargetGroup, Track,
};
use jiff::{SignedDuration, Timestamp, ToSpan};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;
use store::{BulkCitizen, BulkMeeting, NewStaff, Store, StoreError, bulk_id};

/// Municipalities unless asked otherwise (`--municipalities`): about the country's.
pub const MUNICIPALITIES: usize = 98;
const FUNDS: [&str; 3] = ["3F", "HK", "KRIFA"];
const CITIZENS_PER_CASEWORKER: usize = 200;
/// Citizens written per round (their meetings with them).
const BATCH: usize = 5_000;

/// The staff of the national world: caseworkers by municipality, a-kasse advisers by fund.
struct World {
    caseworkers: Vec<Vec<Actor>>,
    advisers: Vec<Vec<Actor>>,
}

fn staff(login: String, name: &str, role: Role, org: Organisation) -> Result<NewStaff, StoreError> {
    let bad = |_| StoreError::Corrupt {
        column: "generated",
    };
    Ok(NewStaff {
        login: Login::try_from(login.as_str()).map_err(bad)?,
        name: PersonName::try_from(name).map_err(bad)?,
        role,
        organisation: Some(org),
        team: None,
    })
}

/// The municipality code of the `i`th generated municipality: four digits, none of the demo's.
pub fn municipality_code(i: usize) -> String {
    format!("{:04}", 1000 + i * 7)
}

async fn organisations(
    store: &Store,
    system: &Actor,
    citizens: usize,
    towns: usize,
) -> Result<World, StoreError> {
    let bad = |_| StoreError::Corrupt {
        column: "generated",
    };
    let per_town = (citizens / towns / CITIZENS_PER_CASEWORKER).max(1);
    let mut caseworkers = Vec::new();
    for i in 0..towns {
        let code = municipality_code(i);
        let m = MunicipalityCode::try_from(code.as_str()).map_err(bad)?;
        let name = OrgName::try_from(format!("Kommune {code}").as_str()).map_err(bad)?;
        store
            .create_municipality(system, &m, &name, &Default::default())
            .await?;
        let mut town = Vec::new();
        for k in 0..per_town {
            let mut new = staff(
                format!("jk{code}.{k}"),
                "Jobkonsulent Hansen",
                Role::Caseworker,
                Organisation::Municipality(m.clone()),
            )?;
            new.team = domain::TeamName::try_from(format!("Team {}", k % 4 + 1).as_str()).ok();
            town.push(store.create_staff(system, &new).await?.actor()?);
        }
        let leader = staff(
            format!("leder{code}"),
            "Leder Jensen",
            Role::Manager,
            Organisation::Municipality(m.clone()),
        )?;
        store.create_staff(system, &leader).await?;
        caseworkers.push(town);
        eprint!("\rorganisations {}/{towns}", i + 1);
    }
    let mut advisers = Vec::new();
    for f in FUNDS {
        let code = FundCode::try_from(f).map_err(bad)?;
        let name = OrgName::try_from(format!("{f} A-kasse").as_str()).map_err(bad)?;
        // The demo's world may be there already (bench/background.sh), with 3F in it.
        match store
            .create_fund(system, &code, &name, &Default::default())
            .await
        {
            Ok(_) | Err(StoreError::AlreadyExists) => {}
            Err(e) => return Err(e),
        }
        let mut fund = Vec::new();
        for k in 0..(citizens / 3 / 2_000).max(1) {
            let new = staff(
                format!("adv{}.{k}", f.to_lowercase()),
                "Rådgiver Nielsen",
                Role::Caseworker,
                Organisation::Fund(code.clone()),
            )?;
            fund.push(store.create_staff(system, &new).await?.actor()?);
        }
        advisers.push(fund);
    }
    eprintln!();
    Ok(World {
        caseworkers,
        advisers,
    })
}

/// Writes the whole world: `citizens` spread over `towns` municipalities (one town of 30,000
/// is a large municipality's manager's view, issue 22).
pub async fn seed(
    store: &Store,
    system: &Actor,
    citizens: usize,
    meetings: usize,
    towns: usize,
) -> Result<(), StoreError> {
    let started = Instant::now();
    let world = organisations(store, system, citizens, towns.max(1)).await?;
    store
        .without_secondary_indexes(write_citizens(store, &world, citizens, meetings, started))
        .await?;
    eprintln!(
        "indexes rebuilt after {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn write_citizens(
    store: &Store,
    world: &World,
    citizens: usize,
    meetings: usize,
    started: Instant,
) -> Result<(), StoreError> {
    let now = store.now();
    let today = domain::clock_text::local_date(now);
    let groups = [
        (TargetGroup::InsuredUnemployed, 55),
        (TargetGroup::JobReadyCashBenefit, 20),
        (TargetGroup::ActivityReadyCashBenefit, 10),
        (TargetGroup::EducationBenefit, 8),
        (TargetGroup::SicknessBenefit, 7),
    ];
    let towns = world.caseworkers.len();
    let mut written = 0;
    let mut answers = ChaCha12Rng::seed_from_u64(7);
    while written < citizens {
        let n = BATCH.min(citizens - written);
        let mut people = Vec::with_capacity(n);
        let mut rows = Vec::with_capacity(n * meetings);
        let mut surveys = Vec::new();
        for i in written..written + n {
            let town = i % towns;
            let staff = &world.caseworkers[town];
            let caseworker = &staff[(i / towns) % staff.len()];
            let mut pick = i * 37 % 100;
            let group = groups
                .iter()
                .find(|(_, share)| {
                    let hit = pick < *share;
                    pick = pick.saturating_sub(*share);
                    hit
                })
                .map_or(TargetGroup::InsuredUnemployed, |(g, _)| *g);
            let insured = group == TargetGroup::InsuredUnemployed;
            let fund = i % FUNDS.len();
            let days = i64::try_from(i * 7_919 % 730).unwrap_or(0);
            let since = today.saturating_sub(days.days());
            let id = bulk_id();
            people.push(BulkCitizen {
                id: id.clone(),
                name: format!("Borger {i}"),
                municipality: municipality_code(town),
                fund: insured.then(|| FUNDS[fund].to_owned()),
                target_group: group,
                unemployed_since: since,
                track: Some(Track::ALL[i % 3]),
                // One in twenty waits for a caseworker.
                caseworker_id: (i % 20 != 0).then(|| caseworker.id().to_owned()),
                // Registered up to a week before the benefit period (LAB § 31, stk. 4); cash
                // benefit asked for up to two weeks after (§ 9, stk. 2, nr. 2).
                registered_on: Some(
                    since.saturating_sub(jiff::Span::new().days(i64::try_from(i % 8).unwrap_or(0))),
                ),
                first_contact_on: Some(
                    since
                        .saturating_add(jiff::Span::new().days(i64::try_from(i % 15).unwrap_or(0))),
                ),
            });
            // Meetings every `step` days from the start, the last ones ahead of today.
            let start = since
                .at(9, 0, 0, 0)
                .to_zoned(domain::clock_text::copenhagen())
                .map(|z| z.timestamp())
                .unwrap_or(Timestamp::UNIX_EPOCH);
            let span = (days + 60).max(20);
            let step = span / i64::try_from(meetings).unwrap_or(1).max(1);
            // The first conversation (held or booked) is in person, as the law requires.
            let mut had_conversation = false;
            for k in 0..meetings {
                let at = start
                    .checked_add(SignedDuration::from_hours(
                        24 * (1 + step * i64::try_from(k).unwrap_or(0)),
                    ))
                    .unwrap_or(start);
                let first_three_months = at
                    < start
                        .checked_add(SignedDuration::from_hours(24 * 91))
                        .unwrap_or(start);
                let holder = if insured && first_three_months {
                    let advisers = &world.advisers[fund];
                    advisers[i % advisers.len()].id().to_owned()
                } else {
                    caseworker.id().to_owned()
                };
                let status = if at > now {
                    MeetingStatus::Booked
                } else {
                    match (i + k) % 20 {
                        0 | 1 => MeetingStatus::Cancelled,
                        2 => MeetingStatus::NoShow,
                        _ => MeetingStatus::Held,
                    }
                };
                let conversation = matches!(status, MeetingStatus::Held | MeetingStatus::Booked);
                let channel = if conversation && !had_conversation {
                    Channel::InPerson
                } else {
                    Channel::ALL[(i + k) % 3]
                };
                had_conversation |= conversation;
                let meeting = BulkMeeting {
                    id: bulk_id(),
                    citizen_id: id.clone(),
                    staff_id: holder,
                    start: at,
                    channel,
                    status,
                    booked_by_citizen: (i + k) % 3 == 0,
                    cancelled_late: (i + k) % 40 == 0,
                };
                if status == MeetingStatus::Held {
                    let mut survey = crate::demo_surveys::survey(
                        &mut answers,
                        &meeting,
                        &municipality_code(town),
                        group,
                        now,
                    );
                    // The demo's citizens answer six in ten; nationally about one in four.
                    if !answers.random_bool(0.42) {
                        survey.answer = None;
                    }
                    surveys.push(survey);
                }
                rows.push(meeting);
            }
        }
        store.bulk_insert_citizens(&people).await?;
        store.bulk_insert_meetings(&rows).await?;
        store.bulk_insert_surveys(&surveys).await?;
        written += n;
        progress(written, citizens, written * meetings, started);
    }
    eprintln!();
    Ok(())
}

/// `[#########...........]  45 %  450,000 citizens  9,000,000 meetings  123 s`
fn progress(done: usize, total: usize, meetings: usize, started: Instant) {
    let width = 30;
    let filled = done * width / total.max(1);
    eprint!(
        "\r[{}{}] {:>3} %  {done} citizens  {meetings} meetings  {:.0} s",
        "#".repeat(filled),
        ".".repeat(width - filled),
        done * 100 / total.max(1),
        started.elapsed().as_secs_f64()
    );
    let _ = std::io::stderr().flush();
}

/// p50 and p99 of durations in milliseconds.
pub(crate) fn percentiles(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let i = ((ms.len() as f64 - 1.0) * p).round() as usize;
        ms.get(i).copied().unwrap_or(0.0)
    };
    (at(0.50), at(0.99))
}

async fn timed<T, F: std::future::Future<Output = Result<T, StoreError>>>(
    f: F,
    out: &mut Vec<f64>,
) -> Result<T, StoreError> {
    let t = Instant::now();
    let value = f.await?;
    out.push(t.elapsed().as_secs_f64() * 1000.0);
    Ok(value)
}

/// Measures on the generated world: an audited read of one citizen (the baseline), one
/// citizen's plan (read and computed), one caseworker's worklist, and every plan recomputed.
pub async fn bench(
    store: &Store,
    system: &Actor,
    book: &domain::contact_plan::RuleBook,
    samples: usize,
) -> Result<(), StoreError> {
    let caseworkers: Vec<Actor> = store
        .staff_list(system)
        .await?
        .into_iter()
        .filter(|s| s.login.starts_with("jk"))
        .map(|s| s.actor())
        .collect::<Result<_, _>>()?;
    if caseworkers.is_empty() {
        return Err(StoreError::NotFound);
    }
    let today = domain::clock_text::local_date(store.now());
    crate::national_worklist::keep_all(store, book).await?;
    let (mut read, mut plan, mut list) = (Vec::new(), Vec::new(), Vec::new());
    let mut items = 0usize;
    for n in 0..samples {
        let me = &caseworkers[n * 7_919 % caseworkers.len()];
        let query = store::CitizenQuery {
            per_page: 20,
            page: 1 + u32::try_from(n % 5).unwrap_or(0),
            ..Default::default()
        };
        let page = store.list_citizens(me, &query).await?;
        let Some(citizen) = page.items.get(n % page.items.len().max(1)) else {
            continue;
        };
        timed(store.citizen(me, &citizen.id), &mut read).await?;
        timed(
            async {
                let inputs = store.plan_inputs(me, &citizen.id).await?;
                let p = domain::contact_plan::contact_plan(
                    book,
                    inputs.plan_citizen(),
                    &inputs.meetings,
                    today,
                );
                Ok(p.items.len())
            },
            &mut plan,
        )
        .await?;
        let w = timed(
            store.worklist(me, book, &store::WorklistQuery::default()),
            &mut list,
        )
        .await?;
        items += w.entries.len();
    }
    let report = |name: &str, v: Vec<f64>| {
        let n = v.len();
        let (p50, p99) = percentiles(v);
        println!("{name:<40} n={n:<5} p50 {p50:>7.2} ms  p99 {p99:>7.2} ms");
        p99
    };
    let base = report("baseline: audited read of one citizen", read);
    let plan99 = report("one citizen's contact plan", plan);
    let list99 = report("one caseworker's worklist", list);
    println!(
        "  worklist items per caseworker: {:.0} on average",
        items as f64 / samples.max(1) as f64
    );
    println!(
        "  p99 ratios to the baseline: plan {:.1}x, worklist {:.1}x",
        plan99 / base,
        list99 / base
    );
    crate::national_worklist::bench(store, system, book, samples, base).await?;
    let t = Instant::now();
    let census = store.plan_census(system, book, today).await?;
    println!(
        "every plan recomputed: {} citizens, {} items in {:.1} s ({} done, {} planned, {} due, {} overdue; {} citizens with an overdue conversation)",
        census.citizens,
        census.items,
        t.elapsed().as_secs_f64(),
        census.done,
        census.planned,
        census.due,
        census.overdue,
        census.citizens_with_overdue
    );
    Ok(())
}
