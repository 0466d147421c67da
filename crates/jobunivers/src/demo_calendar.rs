//! The demo's calendars: free times for every demo caseworker and a-kasse adviser over the next
//! three weeks, topped up at every start so a demo started next month still has times to book,
//! and on the first start a few booked meetings so the pages are not empty.

use domain::meetings::{AbsenceReason, CallInRequest, WeeklyAvailability};
use domain::{Actor, Channel, Organisation, Role};
use jiff::ToSpan;
use jiff::civil::{Time, Weekday};
use store::{NewMeeting, NewSlot, Store, StoreError};

/// Working days ahead that always have free times.
const DAYS_AHEAD: i64 = 21;

/// Adds availability where a demo staff member has none for the coming weeks. Returns how many
/// slots were added.
pub async fn top_up(store: &Store, system: &Actor) -> Result<usize, StoreError> {
    let tz = jiff::tz::TimeZone::get("Europe/Copenhagen").unwrap_or(jiff::tz::TimeZone::UTC);
    let today = store.now().to_zoned(tz.clone()).date();
    let from = today.checked_add(1.day()).unwrap_or(today);
    let to = today.checked_add(DAYS_AHEAD.days()).unwrap_or(today);
    let mut added = 0;
    let towns = store.municipalities().await?;
    for member in store.staff_list(system).await? {
        let actor = member.actor()?;
        let (location, day_start, day_end) = match &member.organisation {
            Some(Organisation::Municipality(_)) if member.role == Role::Caseworker => (
                format!(
                    "Jobcenter {}",
                    towns
                        .iter()
                        .find(|t| Some(t.code.as_str()) == member.municipality())
                        .map_or("", |t| t.name.as_str())
                ),
                Time::constant(9, 0, 0, 0),
                Time::constant(12, 0, 0, 0),
            ),
            // Advisers are free most of the day, so joint meetings can find them.
            Some(Organisation::Fund(f)) => (
                format!("{} A-kasse", f.as_str()),
                Time::constant(9, 0, 0, 0),
                Time::constant(15, 0, 0, 0),
            ),
            _ => continue,
        };
        let pattern = WeeklyAvailability {
            weekdays: vec![
                Weekday::Monday,
                Weekday::Tuesday,
                Weekday::Wednesday,
                Weekday::Thursday,
            ],
            day_start,
            day_end,
            slot_minutes: if matches!(member.organisation, Some(Organisation::Fund(_))) {
                180
            } else {
                30
            },
            first_day: from,
            last_day: to,
        };
        let Ok(expansion) = pattern.expand(&tz) else {
            continue;
        };
        let window_end = expansion.slots.last().map(|s| s.end());
        let (Some(first), Some(end)) = (expansion.slots.first(), window_end) else {
            continue;
        };
        let existing = store.staff_calendar(&actor, first.start(), end).await?;
        let slots: Vec<NewSlot> = expansion
            .slots
            .iter()
            .filter(|s| {
                !existing
                    .slots
                    .iter()
                    .any(|e| e.start < s.end() && s.start() < e.end)
            })
            .map(|&span| NewSlot {
                span,
                channels: Channel::ALL.to_vec(),
                location: Some(location.clone()),
            })
            .collect();
        if !slots.is_empty() {
            added += store.create_slots(&actor, &slots).await?.len();
        }
    }
    Ok(added)
}

/// On first seeding: each caseworker books three of their own citizens into their free times,
/// as they would when calling them in (so the reads are logged in the caseworker's name). A
/// meeting in person is a call-in to the jobcentre's address, and every fifth call-in's
/// citizen has said they cannot come (`absence_reported` on the worklist).
pub async fn book_some(store: &Store, system: &Actor) -> Result<usize, StoreError> {
    let mut booked = 0;
    let mut call_ins = 0;
    let staff = store.staff_list(system).await?;
    let now = store.now();
    let later = now
        .checked_add(jiff::SignedDuration::from_hours(24 * 14))
        .unwrap_or(now);
    for member in staff
        .iter()
        .filter(|m| m.role == Role::Caseworker && m.municipality().is_some())
    {
        let actor = member.actor()?;
        let place = store.locations(&actor).await?.into_iter().next();
        let free = store.staff_calendar(&actor, now, later).await?.slots;
        let mut free = free.iter().filter(|s| s.meeting_id.is_none()).step_by(4);
        let query = store::CitizenQuery {
            per_page: 200,
            page: 1,
            ..Default::default()
        };
        let mut mine = 0;
        for summary in store.list_citizens(&actor, &query).await?.items {
            if mine == 3 {
                break;
            }
            let c = store.citizen(&actor, &summary.id).await?;
            if c.caseworker_id.as_ref().map(|id| id.as_str()) != Some(member.id.as_str()) {
                continue;
            }
            let Some(slot) = free.next() else { break };
            // Video where the citizen may choose it; in person for a first conversation (the
            // law, LAB § 33, stk. 1) or for one who asked to meet in person.
            let mut req = NewMeeting {
                citizen_id: c.id.clone(),
                slot_id: slot.id.clone(),
                channel: Channel::Video,
                purpose: Some("Opfølgning på jobsøgningen".into()),
                attendance_reason: None,
                with_fund: false,
                call_in: None,
                interpreter: None,
                companion: None,
            };
            let mut result = store.book_meeting(&actor, &req).await;
            if matches!(result, Err(StoreError::Channel(_))) {
                req.channel = Channel::InPerson;
                req.call_in = place.as_ref().map(|p| CallInRequest {
                    location_id: Some(p.id.clone()),
                    ..Default::default()
                });
                result = store.book_meeting(&actor, &req).await;
            }
            if let Ok(meeting) = result {
                booked += 1;
                mine += 1;
                if meeting.call_in.is_some() {
                    call_ins += 1;
                    if call_ins % 5 == 1 {
                        let citizen = Actor::Citizen {
                            citizen_id: c.id.clone(),
                            name: c.name.clone(),
                        };
                        store
                            .report_absence(&citizen, &meeting.id, AbsenceReason::Illness, None)
                            .await?;
                    }
                }
            }
        }
    }
    Ok(booked)
}
