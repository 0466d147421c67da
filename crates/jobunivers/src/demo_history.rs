//! The demo's past: most required conversations that fell due before today were held, a few
//! late, some after a no-show or an afbud, and about one in ten was missed, so the plans and the
//! worklist look like a real jobcenter's rather than all overdue.

use domain::contact_plan::{Holder, ItemStatus, PlanCitizen, RuleBook, contact_plan};
use domain::{Actor, Channel, MeetingStatus, Organisation, Role, is_working_day};
use jiff::ToSpan;
use jiff::civil::Date;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;
use store::{BulkMeeting, Store, StoreError, bulk_id};

/// 10:00 Copenhagen time on the last working day on or before `day`.
fn morning(mut day: Date) -> jiff::Timestamp {
    while !is_working_day(day) {
        day = day.saturating_sub(1.day());
    }
    day.at(10, 0, 0, 0)
        .to_zoned(domain::clock_text::copenhagen())
        .map_or(jiff::Timestamp::UNIX_EPOCH, |z| z.timestamp())
}

/// Writes the history for every demo citizen of every municipality; returns the meetings made.
pub async fn seed(store: &Store, system: &Actor, book: &RuleBook) -> Result<usize, StoreError> {
    let mut rng = ChaCha12Rng::seed_from_u64(4);
    let today = domain::clock_text::local_date(store.now());
    let staff = store.staff_list(system).await?;
    let adviser_of = |fund: &str| {
        staff.iter().find(|s| {
            s.role == Role::Caseworker
                && matches!(&s.organisation, Some(Organisation::Fund(f)) if f.as_str() == fund)
        })
    };
    let mut rows = Vec::new();
    let mut surveys = Vec::new();
    // Surveys draw from their own generator, so the history (who missed what) stays as it was.
    let mut answers = ChaCha12Rng::seed_from_u64(5);
    // Likewise who booked and how late an afbud came: about a third book themselves (more often
    // for phone and video), and one afbud in three comes after the deadline.
    let mut habits = ChaCha12Rng::seed_from_u64(6);
    for member in staff
        .iter()
        .filter(|m| m.role == Role::Manager && m.municipality().is_some())
    {
        let actor = member.actor()?;
        let query = store::CitizenQuery {
            per_page: 200,
            page: 1,
            ..Default::default()
        };
        for summary in store.list_citizens(&actor, &query).await?.items {
            let inputs = store.plan_inputs(&actor, &summary.id).await?;
            let c = &inputs.citizen;
            let citizen = PlanCitizen {
                target_group: c.target_group,
                starts: c.starts(),
                exempt: Default::default(),
                jobcenter_from_start: c.jobcenter_from_start,
            };
            let plan = contact_plan(book, citizen, &inputs.meetings, today);
            let mut held_rows = Vec::new();
            for item in plan
                .items
                .iter()
                .filter(|i| i.status == ItemStatus::Overdue)
            {
                if rng.random_bool(0.1) {
                    continue; // missed: the worklist shows it
                }
                let staff_id = match (item.holder, &c.unemployment_fund, &c.caseworker_id) {
                    (Holder::UnemploymentFund, Some(fund), _) => {
                        adviser_of(fund.as_str()).map(|a| a.id.clone())
                    }
                    (Holder::Municipality, _, Some(cw)) => Some(cw.clone()),
                    _ => None,
                };
                let Some(staff_id) = staff_id else { continue };
                let window = (item.due_by - item.due_from).get_days().max(0);
                // One in eight is held late, up to three weeks after the deadline.
                let late = if rng.random_bool(0.125) {
                    rng.random_range(1..21)
                } else {
                    0
                };
                let day = item
                    .due_from
                    .saturating_add(rng.random_range(0..=window).days())
                    .saturating_add(late.days());
                let held_on = morning(day.min(today.saturating_sub(1.day())));
                let channel = Channel::ALL[rng.random_range(0..3)];
                let mut meeting = |status, at| BulkMeeting {
                    id: bulk_id(),
                    citizen_id: c.id.to_string(),
                    staff_id: staff_id.to_string(),
                    start: at,
                    channel,
                    status,
                    booked_by_citizen: habits.random_bool(if channel == Channel::InPerson {
                        0.2
                    } else {
                        0.45
                    }),
                    cancelled_late: status == MeetingStatus::Cancelled
                        && habits.random_bool(1.0 / 3.0),
                };
                if rng.random_bool(0.12) {
                    // An afbud or a no-show a week before the meeting that was held.
                    let before =
                        morning(domain::clock_text::local_date(held_on).saturating_sub(7.days()));
                    let status = if rng.random_bool(0.5) {
                        MeetingStatus::Cancelled
                    } else {
                        MeetingStatus::NoShow
                    };
                    rows.push(meeting(status, before));
                }
                held_rows.push(meeting(MeetingStatus::Held, held_on));
            }
            // The first conversation held was in person, as the law requires (LAB § 33, stk. 1).
            if let Some(first) = held_rows.iter_mut().min_by_key(|m| m.start) {
                first.channel = Channel::InPerson;
            }
            for held in held_rows {
                surveys.push(crate::demo_surveys::survey(
                    &mut answers,
                    &held,
                    c.municipality.as_str(),
                    c.target_group,
                    store.now(),
                ));
                rows.push(held);
            }
        }
    }
    store.bulk_insert_meetings(&rows).await?;
    store.bulk_insert_surveys(&surveys).await?;
    Ok(rows.len())
}
