//! Generated (bulk) data and every plan recomputed at once, on SQLite and PostgreSQL alike.

use domain::contact_plan::{ItemStatus, PlanCitizen, contact_plan};
use domain::{Channel, MeetingStatus, TargetGroup, Track};
use jiff::Timestamp;
use jiff::civil::{Date, date};
use store::testing::{fresh_store, world};
use store::{Backend, backend_tests};
use store::{BulkCitizen, BulkMeeting, StoreError, bulk_id};

fn bulk(group: TargetGroup, since: Date) -> BulkCitizen {
    BulkCitizen {
        id: bulk_id(),
        name: "Borger Bulk".into(),
        municipality: "0851".into(),
        fund: (group == TargetGroup::InsuredUnemployed).then(|| "3F".to_owned()),
        target_group: group,
        unemployed_since: since,
        track: Some(Track::Standard),
        caseworker_id: None,
        registered_on: None,
        first_contact_on: None,
    }
}

fn at(day: Date) -> Timestamp {
    day.at(10, 0, 0, 0)
        .to_zoned(domain::clock_text::copenhagen())
        .expect("zoned")
        .timestamp()
}

backend_tests!(every_plan_is_recomputed_from_generated_citizens_and_meetings);
async fn every_plan_is_recomputed_from_generated_citizens_and_meetings(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let anna = bulk(TargetGroup::InsuredUnemployed, date(2025, 3, 3));
    let bo = bulk(TargetGroup::JobReadyCashBenefit, date(2025, 3, 3));
    store
        .bulk_insert_citizens(&[anna.clone(), bo.clone()])
        .await
        .expect("citizens");
    let held = |citizen: &str, staff: &str, day, status| BulkMeeting {
        id: bulk_id(),
        citizen_id: citizen.to_owned(),
        staff_id: staff.to_owned(),
        start: at(day),
        channel: Channel::Video,
        status,
        booked_by_citizen: false,
        cancelled_late: false,
    };
    store
        .bulk_insert_meetings(&[
            // The a-kasse holds Anna's first conversation; Bo's was cancelled.
            held(
                &anna.id,
                w.adviser.id(),
                date(2025, 3, 10),
                MeetingStatus::Held,
            ),
            held(
                &bo.id,
                w.caseworker.id(),
                date(2025, 3, 6),
                MeetingStatus::Cancelled,
            ),
        ])
        .await
        .expect("meetings");

    let book = store::testing::rule_book();
    let today = date(2025, 4, 1);
    let census = store
        .plan_census(&w.admin, &book, today)
        .await
        .expect("census");
    // The world's own citizen has no meetings; count their plan with the domain.
    let theirs = contact_plan(
        &book,
        PlanCitizen {
            target_group: w.citizen.target_group,
            starts: w.citizen.starts(),
            exempt: Default::default(),
            jobcenter_from_start: false,
        },
        &[],
        today,
    );
    let count = |s: ItemStatus| theirs.items.iter().filter(|i| i.status == s).count() as u64;
    assert_eq!(census.citizens, 3);
    // Anna: 7 items, the first done; Bo: the first overdue and three due.
    assert_eq!(census.done, 1 + count(ItemStatus::Done));
    assert_eq!(census.overdue, 1 + count(ItemStatus::Overdue));
    assert_eq!(census.due, 6 + 3 + count(ItemStatus::Due));
    assert_eq!(census.items, 7 + 4 + theirs.items.len() as u64);
    assert_eq!(
        census.citizens_with_overdue,
        1 + u64::from(count(ItemStatus::Overdue) > 0)
    );

    let refused = store.plan_census(&w.caseworker, &book, today).await;
    assert!(matches!(refused, Err(StoreError::Forbidden)));
}
