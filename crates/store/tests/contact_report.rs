//! The contact report reads whole days from counts kept per day. These tests hold it to the
//! meetings themselves after every kind of change, on SQLite and PostgreSQL alike.

use std::collections::BTreeMap;

use domain::clock_text::{day_start, local_date};
use domain::contact_report::{ContactCounts, GroupBy};
use domain::surveys::SurveyAnswers;
use domain::{Actor, Channel, Outcome, Role, TargetGroup};
use jiff::civil::Date;
use jiff::{SignedDuration, ToSpan};
use store::testing::{aalborg_staff, fresh_store, slot_in, world};
use store::{Backend, backend_tests};
use store::{CitizenChange, NewMeeting, Store};

const GROUPINGS: [GroupBy; 4] = [
    GroupBy::Channel,
    GroupBy::TargetGroup,
    GroupBy::Municipality,
    GroupBy::Month,
];

/// The report for whole days [first, end): what managers see.
async fn by_days(
    store: &Store,
    actor: &Actor,
    first: Date,
    end: Date,
    g: GroupBy,
) -> BTreeMap<String, ContactCounts> {
    let scope = store.report_scope(actor, None).await.expect("scope");
    store
        .contact_counts(&scope, day_start(first), day_start(end), g)
        .await
        .expect("report")
        .into_iter()
        .filter(|(_, c)| *c != ContactCounts::default())
        .collect()
}

/// The same days asked for in pieces that never cover a whole day, so every meeting is counted
/// from the meetings table itself.
async fn one_by_one(
    store: &Store,
    actor: &Actor,
    first: Date,
    end: Date,
    g: GroupBy,
) -> BTreeMap<String, ContactCounts> {
    let scope = store.report_scope(actor, None).await.expect("scope");
    let mut total: BTreeMap<String, ContactCounts> = BTreeMap::new();
    let mut day = first;
    while day < end {
        let next = day.tomorrow().expect("day");
        let mid = day_start(day)
            .checked_add(SignedDuration::from_secs(1))
            .expect("time");
        for (from, to) in [(day_start(day), mid), (mid, day_start(next))] {
            for (k, c) in store
                .contact_counts(&scope, from, to, g)
                .await
                .expect("part")
            {
                total.entry(k).or_default().add(&c);
            }
        }
        day = next;
    }
    total.retain(|_, c| *c != ContactCounts::default());
    total
}

/// The whole period, the two calendar months from its start's, and each of its days, both ways:
/// a meeting counted on the wrong day or month shows.
async fn assert_same(
    store: &Store,
    actor: &Actor,
    groupings: &[GroupBy],
    first: Date,
    end: Date,
    step: &str,
) {
    let months = (
        first.first_of_month(),
        first.first_of_month().saturating_add(2.months()),
    );
    let mut periods = vec![(first, end), months];
    let mut day = first;
    while day < end {
        let next = day.tomorrow().expect("day");
        periods.push((day, next));
        day = next;
    }
    for &g in groupings {
        for (a, b) in &periods {
            assert_eq!(
                by_days(store, actor, *a, *b, g).await,
                one_by_one(store, actor, *a, *b, g).await,
                "{step}, grouped by {g:?}, {a}–{b}"
            );
        }
    }
}

fn answers() -> SurveyAnswers {
    SurveyAnswers {
        satisfaction: 5,
        channel_fit: 4,
        personal: "same",
        helpful: 4,
        more_remote: 2,
        callback: false,
        comment: None,
    }
}

backend_tests!(the_counts_kept_per_day_follow_every_change_to_meetings_surveys_and_citizens);
async fn the_counts_kept_per_day_follow_every_change_to_meetings_surveys_and_citizens(
    backend: Backend,
) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let today = local_date(store.now());
    let (first, end) = (
        today.saturating_sub(1.day()),
        today.saturating_add(8.days()),
    );
    let mut slots = store
        .create_slots(
            &w.caseworker,
            &[
                slot_in(&store, 48, 30, &[Channel::Video, Channel::Phone]),
                slot_in(&store, 72, 30, &[Channel::Video, Channel::Phone]),
                slot_in(&store, 96, 30, &[Channel::Video, Channel::Phone]),
            ],
        )
        .await
        .expect("slots");
    // The meeting moved at the end goes to a colleague in a team: its team changes with it.
    let nord = aalborg_staff(
        &store,
        &w,
        "aalborg.nord",
        Role::Caseworker,
        Some("Team Nord"),
    )
    .await;
    let manager = aalborg_staff(&store, &w, "aalborg.leder", Role::Manager, None).await;
    slots.extend(
        store
            .create_slots(
                &nord,
                &[slot_in(&store, 144, 30, &[Channel::Video, Channel::Phone])],
            )
            .await
            .expect("slot"),
    );
    let check = |step: &'static str| {
        let store = &store;
        let (admin, caseworker, manager) = (&w.admin, &w.caseworker, &manager);
        async move {
            // Caseworkers may not read reports; the administrator sees everything, by team
            // only within one organisation, as its manager does.
            assert!(store.report_scope(caseworker, None).await.is_err());
            assert_same(store, admin, &GROUPINGS, first, end, step).await;
            let by_team = [GroupBy::Team, GroupBy::Channel];
            assert_same(store, manager, &by_team, first, end, step).await;
        }
    };
    let phone = CitizenChange {
        phone: Some(Some(
            domain::PhoneNumber::try_from("+4512345678").expect("phone"),
        )),
        ..Default::default()
    };
    store
        .update_citizen(&w.caseworker, &w.citizen.id, &phone)
        .await
        .expect("phone");
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let mut meetings = Vec::new();
    for (slot, channel, by) in [
        (&slots[0], Channel::Video, &w.caseworker),
        (&slots[1], Channel::Phone, &w.citizen_actor),
        (&slots[2], Channel::Video, &w.caseworker),
    ] {
        let booking = NewMeeting::plain(w.citizen.id.clone(), slot.id.clone(), channel);
        meetings.push(store.book_meeting(by, &booking).await.expect("booked"));
        check("booked").await;
    }
    store.advance_clock(SignedDuration::from_hours(49));
    store
        .record_outcome(&w.caseworker, &meetings[0].id, Outcome::Held, None)
        .await
        .expect("held");
    check("held").await;
    let survey = store
        .pending_surveys(&w.citizen_actor)
        .await
        .expect("surveys");
    store
        .answer_survey(&w.citizen_actor, &survey[0].id, &answers())
        .await
        .expect("answered");
    check("answered").await;
    store
        .cancel_meeting(&w.citizen_actor, &meetings[1].id, "Syg")
        .await
        .expect("cancelled");
    check("cancelled late").await;
    store
        .move_meeting(&w.caseworker, &meetings[2].id, &slots[3].id, None)
        .await
        .expect("moved");
    check("moved to another day").await;
    let change = CitizenChange {
        target_group: Some(TargetGroup::JobReadyCashBenefit),
        ..Default::default()
    };
    store
        .update_citizen(&w.caseworker, &w.citizen.id, &change)
        .await
        .expect("regrouped");
    check("new target group").await;

    // And the numbers themselves: three meetings, one held and answered, one late afbud.
    let all = by_days(&store, &w.admin, first, end, GroupBy::TargetGroup).await;
    let c = all
        .get("job_ready_cash_benefit")
        .copied()
        .unwrap_or_default();
    assert_eq!(
        (
            c.meetings,
            c.held,
            c.cancelled,
            c.cancelled_late,
            c.citizen_booked
        ),
        (3, 1, 1, 1, 1),
        "{backend:?}: {all:?}"
    );
    assert_eq!((c.answered, c.satisfied, c.channel_fit), (1, 1, 1));
    assert!(!all.contains_key("insured_unemployed"), "{all:?}");
    // By team: the moved meeting under its new holder's team, the others under none.
    let teams = by_days(&store, &manager, first, end, GroupBy::Team).await;
    let meetings = |team: &str| teams.get(team).map_or(0, |c| c.meetings);
    assert_eq!((meetings(""), meetings("Team Nord")), (2, 1), "{teams:?}");
}

/// Options for opening a store (another instance, or the same one again) on `url`.
fn options(url: String) -> store::StoreOptions {
    store::StoreOptions {
        url,
        cpr_key: store::CprKey::random(),
        max_connections: 2,
        meetings: Default::default(),
    }
}

/// One held phone meeting a day for the `days` days before today, loaded in bulk: bulk loads
/// bypass the marks, so every day must be counted once more.
async fn held_phone_meetings_in_bulk(store: &Store, w: &store::testing::World, days: i64) {
    let rows: Vec<store::BulkMeeting> = (0..days)
        .map(|d| store::BulkMeeting {
            id: store::bulk_id(),
            citizen_id: w.citizen.id.to_string(),
            staff_id: w.caseworker.id().to_owned(),
            start: store
                .now()
                .checked_sub(SignedDuration::from_hours(24 * (d + 1)))
                .expect("time"),
            channel: Channel::Phone,
            status: domain::MeetingStatus::Held,
            booked_by_citizen: false,
            cancelled_late: false,
        })
        .collect();
    store.bulk_insert_meetings(&rows).await.expect("bulk");
}

#[tokio::test]
async fn two_instances_counting_every_day_at_once_agree_on_postgresql() {
    let url = store::testing::fresh_database_url(store::Backend::Postgres).await;
    let a = Store::connect(&options(url.clone())).await.expect("a");
    a.migrate().await.expect("migrate");
    let b = Store::connect(&options(url)).await.expect("b");
    let w = world(&a).await;
    held_phone_meetings_in_bulk(&a, &w, 60).await;
    let (x, y) = tokio::join!(a.settle_report_days(None), b.settle_report_days(None));
    x.expect("a counted");
    y.expect("b counted");
    let today = local_date(a.now());
    let counts = by_days(
        &a,
        &w.admin,
        today.saturating_sub(70.days()),
        today,
        GroupBy::Channel,
    )
    .await;
    assert_eq!(counts.get("phone").map(|c| c.held), Some(60), "{counts:?}");
}

backend_tests!(while_one_process_counts_every_day_reports_count_the_meetings_themselves);
async fn while_one_process_counts_every_day_reports_count_the_meetings_themselves(
    backend: Backend,
) {
    use sqlx::{Connection, Row};
    let url = store::testing::fresh_database_url(backend).await;
    let store = Store::connect(&options(url.clone())).await.expect("store");
    store.migrate().await.expect("migrate");
    let w = world(&store).await;
    held_phone_meetings_in_bulk(&store, &w, 10).await;
    // Another process has taken the first counting of every day.
    let mut db = sqlx::AnyConnection::connect(&url)
        .await
        .expect("connection");
    sqlx::query("UPDATE report_state SET counted = 2")
        .execute(&mut db)
        .await
        .expect("claimed elsewhere");
    let today = local_date(store.now());
    let held = |counts: BTreeMap<String, ContactCounts>| counts.get("phone").map(|c| c.held);
    let first = today.saturating_sub(30.days());
    let during = by_days(&store, &w.admin, first, today, GroupBy::Channel).await;
    assert_eq!(
        held(during),
        Some(10),
        "{backend:?}: from the meetings meanwhile"
    );
    assert_eq!(store.settle_report_days(None).await.expect("settle"), 0);
    let kept: i64 = sqlx::query("SELECT COUNT(*) AS n FROM report_days")
        .fetch_one(&mut db)
        .await
        .expect("count")
        .try_get("n")
        .expect("n");
    assert_eq!(kept, 0, "{backend:?}: nothing counted twice");

    // That process stopped; at the next start the counting is taken up again.
    store.migrate().await.expect("start-up");
    let after = by_days(&store, &w.admin, first, today, GroupBy::Channel).await;
    assert_eq!(held(after), Some(10), "{backend:?}");
    let state: i64 = sqlx::query("SELECT counted FROM report_state")
        .fetch_one(&mut db)
        .await
        .expect("state")
        .try_get("counted")
        .expect("counted");
    assert_eq!(state, 1, "{backend:?}: counted now");
}

/// PostgreSQL: one instance's background worker at a time counts the report's stale days
/// again, its pauses between days included (`lease.rs`): the others stand by. While a storm of
/// bookings kept marking days, three instances' workers queued on each other's transaction lock,
/// a connection each (issue 22, item 1).
#[tokio::test]
async fn a_background_worker_stands_by_while_another_instance_counts_report_days() {
    let store = fresh_store(Backend::Postgres).await;
    let w = world(&store).await;
    let worker = store.background();
    worker
        .settle_report_days(None)
        .await
        .expect("every day counted once");
    let slot = store
        .create_slots(
            &w.caseworker,
            &[slot_in(&store, 48, 30, &[Channel::InPerson])],
        )
        .await
        .expect("slot")
        .remove(0);
    store
        .book_meeting(
            &w.caseworker,
            &NewMeeting::plain(w.citizen.id.clone(), slot.id, Channel::InPerson),
        )
        .await
        .expect("booked: its day is marked");
    let wait = std::time::Duration::from_secs(5);
    let lease = store::testing::report_days_lease(&store).await;
    let first = tokio::time::timeout(wait, worker.settle_report_days(None)).await;
    assert_eq!(
        first.ok().and_then(Result::ok),
        Some(0),
        "left to the other"
    );
    lease.let_go().await;
    let next = tokio::time::timeout(wait, worker.settle_report_days(None)).await;
    assert_eq!(
        next.ok().and_then(Result::ok),
        Some(1),
        "the booking's day, once the other instance let go"
    );
    let again = tokio::time::timeout(wait, worker.settle_report_days(None)).await;
    assert_eq!(again.ok().and_then(Result::ok), Some(0), "nothing left");
    // And the worker gave its lease back.
    store::testing::report_days_lease(&store)
        .await
        .let_go()
        .await;
}
