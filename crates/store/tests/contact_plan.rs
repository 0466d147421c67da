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

backend_tests!(a_managers_worklist_comes_in_pages_and_only_the_page_shown_is_logged);
async fn a_managers_worklist_comes_in_pages_and_only_the_page_shown_is_logged(backend: Backend) {
    use domain::contact_plan::{Paging, WorkReason};
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let rules = store::testing::rule_book();
    // Seven citizens nobody is assigned to, and the world's: each is on the manager's list.
    let since = domain::clock_text::local_date(store.now());
    let citizens: Vec<BulkCitizen> = (0..7)
        .map(|_| bulk(TargetGroup::JobReadyCashBenefit, since))
        .collect();
    store
        .bulk_insert_citizens(&citizens)
        .await
        .expect("citizens");
    let manager = aalborg_manager(&store, &w).await;
    let query = |page: Paging| store::WorklistQuery {
        reason: Some(WorkReason::Unassigned),
        page,
        ..Default::default()
    };
    let all = store
        .worklist(&manager, &rules, &query(Paging::ALL))
        .await
        .expect("all");
    assert_eq!((all.total, all.entries.len()), (8, 8));
    let page = |number| Paging {
        number,
        per_page: 3,
    };
    let logged = |id: domain::CitizenId| {
        let (store, admin) = (store.clone(), w.admin.clone());
        async move {
            store
                .access_log(&admin, &id, 100)
                .await
                .expect("log")
                .iter()
                .filter(|e| e.action == store::AuditAction::WorklistListed)
                .count()
        }
    };
    let last = all.entries[7].citizen_id.clone();
    let before = logged(last.clone()).await;
    let first = store
        .worklist(&manager, &rules, &query(page(1)))
        .await
        .expect("page 1");
    assert_eq!((first.total, first.entries.len()), (8, 3));
    assert_eq!(first.entries[..], all.entries[..3], "the most urgent first");
    // The citizen on the last page was not shown, so not logged.
    assert_eq!(logged(last.clone()).await, before);
    assert_eq!(
        logged(first.entries[0].citizen_id.clone()).await,
        before + 1
    );
    let third = store
        .worklist(&manager, &rules, &query(page(3)))
        .await
        .expect("page 3");
    assert_eq!(third.entries[..], all.entries[6..]);
    assert_eq!(logged(last).await, before + 1);
    // Past the end: nothing, and the count still says how many there are.
    let past = store
        .worklist(&manager, &rules, &query(page(4)))
        .await
        .expect("page 4");
    assert_eq!((past.total, past.entries.len()), (8, 0));
    // The caseworkers' counts cover every page.
    assert!(first.loads.iter().all(|l| l.items == 0));
}

/// A meeting with the world's caseworker two days from now, booked for `citizen`.
async fn book_in_two_days(store: &store::Store, w: &store::testing::World, citizen: &str) {
    store
        .bulk_insert_meetings(&[BulkMeeting {
            id: bulk_id(),
            citizen_id: citizen.to_owned(),
            staff_id: w.caseworker.id().to_owned(),
            start: store.now() + jiff::SignedDuration::from_hours(48),
            channel: Channel::InPerson,
            status: MeetingStatus::Booked,
            booked_by_citizen: false,
            cancelled_late: false,
        }])
        .await
        .expect("meeting");
}

/// Aalborg's manager: sees the whole municipality's worklist.
async fn aalborg_manager(store: &store::Store, w: &store::testing::World) -> domain::Actor {
    use domain::{Login, MunicipalityCode, Organisation, PersonName, Role};
    store
        .create_staff(
            &w.admin,
            &store::NewStaff {
                login: Login::try_from("aalborg.leder").expect("login"),
                name: PersonName::try_from("Lene Leder").expect("name"),
                role: Role::Manager,
                organisation: Some(Organisation::Municipality(
                    MunicipalityCode::try_from("0851").expect("code"),
                )),
                team: None,
            },
        )
        .await
        .expect("manager")
        .actor()
        .expect("actor")
}

backend_tests!(
    the_kept_worklist_decides_again_only_what_changed_what_the_clock_overtook_and_on_new_rules
);
async fn the_kept_worklist_decides_again_only_what_changed_what_the_clock_overtook_and_on_new_rules(
    backend: Backend,
) {
    use domain::contact_plan::{Paging, RuleBook, WorkReason};
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let rules = store::testing::rule_book();
    let manager = aalborg_manager(&store, &w).await;
    // Three on kontanthjælp from today: their first conversation is due within a week.
    let today = domain::clock_text::local_date(store.now());
    let citizens: Vec<BulkCitizen> = (0..3)
        .map(|_| bulk(TargetGroup::JobReadyCashBenefit, today))
        .map(|c| BulkCitizen { fund: None, ..c })
        .collect();
    store
        .bulk_insert_citizens(&citizens)
        .await
        .expect("citizens");
    let reasons_of = |list: &store::Worklist, id: &str| -> Vec<WorkReason> {
        list.entries
            .iter()
            .filter(|e| e.citizen_id.as_str() == id)
            .map(|e| e.reason)
            .collect()
    };
    let query = store::WorklistQuery {
        page: Paging::ALL,
        ..Default::default()
    };
    let first = store
        .worklist(&manager, &rules, &query)
        .await
        .expect("list");
    for c in &citizens {
        assert_eq!(
            reasons_of(&first, &c.id),
            [WorkReason::DueSoon, WorkReason::Unassigned]
        );
    }
    // The view decided its own organisation's cases; the worker decides the rest (the a-kasse's
    // member of the world), and then nothing is left to decide anywhere.
    assert!(store.keep_every_worklist(&rules).await.expect("keep") > 0);
    assert_eq!(store.keep_every_worklist(&rules).await.expect("keep"), 0);

    // One of them gets a meeting booked: only that case is decided again.
    book_in_two_days(&store, &w, &citizens[0].id).await;
    assert_eq!(store.keep_every_worklist(&rules).await.expect("keep"), 1);
    let booked = store
        .worklist(&manager, &rules, &query)
        .await
        .expect("list");
    assert_eq!(
        reasons_of(&booked, &citizens[0].id),
        [WorkReason::Unassigned]
    );

    // Eight days on, nothing changed but the date: the others' conversations are overdue.
    store.advance_clock(jiff::SignedDuration::from_hours(24 * 8));
    let later = store
        .worklist(&manager, &rules, &query)
        .await
        .expect("list");
    for c in &citizens[1..] {
        assert_eq!(
            reasons_of(&later, &c.id),
            [WorkReason::Overdue, WorkReason::Unassigned]
        );
    }
    // And the clock set back (the demo does it) decides them again too.
    store.advance_clock(jiff::SignedDuration::from_hours(-24 * 8));
    let back = store
        .worklist(&manager, &rules, &query)
        .await
        .expect("list");
    assert_eq!(
        reasons_of(&back, &citizens[1].id),
        [WorkReason::DueSoon, WorkReason::Unassigned]
    );

    // Another rule book (an operator changed rules/): every case is decided again, once.
    let only_2026 = RuleBook::from_files(&[(
        "lab-2026-07-01.toml".into(),
        include_str!("../../../rules/lab-2026-07-01.toml").into(),
    )])
    .expect("rules");
    let all = store.keep_every_worklist(&only_2026).await.expect("keep");
    assert!(all > citizens.len(), "every case: {all}");
    assert_eq!(
        store.keep_every_worklist(&only_2026).await.expect("keep"),
        0
    );

    // A second instance on the same database sees the same list, and a change made through it.
    if backend == Backend::Postgres {
        let twin = store::Store::connect(&store::testing::twin_options(&store))
            .await
            .expect("twin");
        twin.set_clock(store.now());
        book_in_two_days(&store, &w, &citizens[1].id).await;
        let seen = twin.worklist(&manager, &rules, &query).await.expect("list");
        assert_eq!(reasons_of(&seen, &citizens[1].id), [WorkReason::Unassigned]);
        assert_eq!(
            reasons_of(&seen, &citizens[2].id),
            [WorkReason::DueSoon, WorkReason::Unassigned]
        );
    }
}

/// PostgreSQL: a booking does not wait for the worklist's worker deciding the citizen's case. The
/// worker takes a batch's marks and decides those cases in one transaction; while a booking's
/// mark was the same key, every booking of those citizens waited for that whole decision, and
/// two instances booked 71 % of what one did (`worklist_marks.rs`). The booking's mark outlives
/// the worker's round, so the case is decided again with it. And another instance's background
/// worker does not wait for the organisation either (`worklist_state.rs`, `lock_org`). (SQLite
/// has one writer: there every write waits for the worker's transaction, which is short.)
#[tokio::test]
async fn neither_a_booking_nor_another_worker_waits_for_the_worklist_deciding_a_case() {
    use domain::Channel::InPerson;
    let store = fresh_store(Backend::Postgres).await;
    let w = world(&store).await;
    let rules = store::testing::rule_book();
    let slots = store
        .create_slots(
            &w.caseworker,
            &[
                store::testing::slot_in(&store, 48, 30, &[InPerson]),
                store::testing::slot_in(&store, 72, 30, &[InPerson]),
            ],
        )
        .await
        .expect("slots");
    let book = |slot: &domain::SlotId| {
        store::NewMeeting::plain(w.citizen.id.clone(), slot.clone(), InPerson)
    };
    store.keep_every_worklist(&rules).await.expect("keep");
    store
        .book_meeting(&w.caseworker, &book(&slots[0].id))
        .await
        .expect("first");
    let (deciding, taken) = store::testing::deciding_worklist(&store, "m:0851").await;
    assert_eq!(taken, [w.citizen.id.to_string()]);
    let second = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        store.book_meeting(&w.caseworker, &book(&slots[1].id)),
    )
    .await;
    assert!(
        second.is_ok_and(|booked| booked.is_ok()),
        "the second booking waited for the worker's transaction"
    );
    // Another instance's background worker meanwhile leaves the municipality to the one deciding
    // it (waiting, the instances' workers decided a storm's cases once each in turn) and decides
    // the a-kasse's list.
    let other = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        store.background().keep_every_worklist(&rules),
    )
    .await;
    assert_eq!(
        other.ok().and_then(Result::ok),
        Some(1),
        "the a-kasse's case, without waiting for the municipality's"
    );
    deciding.commit().await.expect("decided");
    // Left to decide: the case in the municipality's list, by the second booking's mark.
    assert_eq!(store.keep_every_worklist(&rules).await.expect("keep"), 1);
}

/// PostgreSQL: one instance's background worker at a time keeps the worklists, its pauses between
/// batches included (`lease.rs`): the others stand by. When each took its turn in the
/// others' pauses, a storm's cases were decided once per instance in turn.
#[tokio::test]
async fn a_background_worker_stands_by_while_another_instance_keeps_the_worklists() {
    let store = fresh_store(Backend::Postgres).await;
    let w = world(&store).await;
    let rules = store::testing::rule_book();
    store.keep_every_worklist(&rules).await.expect("keep");
    // The world's citizen, in Aalborg and a member of 3F: marked in both organisations' lists.
    book_in_two_days(&store, &w, w.citizen.id.as_str()).await;
    let lease = store::testing::worklist_lease(&store).await;
    let worker = store.background();
    let wait = std::time::Duration::from_secs(5);
    let first = tokio::time::timeout(wait, worker.keep_every_worklist(&rules)).await;
    assert_eq!(
        first.ok().and_then(Result::ok),
        Some(0),
        "left to the other"
    );
    lease.let_go().await;
    let next = tokio::time::timeout(wait, worker.keep_every_worklist(&rules)).await;
    assert_eq!(
        next.ok().and_then(Result::ok),
        Some(2),
        "both lists, once the other instance let go"
    );
    // And it gave its own lease back: the next round takes it again.
    let again = tokio::time::timeout(wait, worker.keep_every_worklist(&rules)).await;
    assert_eq!(again.ok().and_then(Result::ok), Some(0), "nothing left");
    store::testing::worklist_lease(&store).await.let_go().await;
}

/// PostgreSQL: background work has connections of its own (`store/src/background.rs`), so it
/// goes on while requests hold every connection of theirs — and does not take theirs.
#[tokio::test]
async fn background_work_has_its_own_connections_on_postgresql() {
    let store = fresh_store(Backend::Postgres).await;
    world(&store).await;
    let rules = store::testing::rule_book();
    let today = domain::clock_text::local_date(store.now());
    store
        .bulk_insert_citizens(&[bulk(TargetGroup::JobReadyCashBenefit, today)])
        .await
        .expect("citizens");
    let held = store::testing::hold_every_request_connection(&store).await;
    let wait = std::time::Duration::from_secs(1);
    let request = tokio::time::timeout(wait, store.keep_every_worklist(&rules)).await;
    assert!(request.is_err(), "a request waits for a connection");
    let background = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        store.background().keep_every_worklist(&rules),
    )
    .await
    .expect("background work does not wait for the requests' connections")
    .expect("kept");
    assert!(background > 0);
    drop(held);
}

/// PostgreSQL plans the worklist's pages from its statistics, and where autovacuum is off (as
/// on this project's machines) nothing but the worklist itself refreshes them: a load smaller
/// than the every-50,000-decisions refresh kept the statistics of its empty tables, and a
/// manager's view of one municipality of 30,000 citizens took 37 ms at p50, its pages sorted
/// from a scan planned for "47 rows" (`store/src/worklist_statistics.rs`). After a worker's
/// round that decided many cases, the statistics count them. And the marks the round deleted
/// are vacuumed at the next round's end: on the national database 56,000 pages of them stayed,
/// and asking whether anything waits read them all (a caseworker's worklist at p50 148 ms).
#[tokio::test]
async fn after_a_round_that_decided_many_cases_postgresql_knows_how_many_and_vacuums_the_marks() {
    let (store, mut db) = postgresql_store_and_connection().await;
    // Whatever the server's setting: only the worklist may refresh these statistics here.
    for table in ["worklist_state", "worklist_items", "worklist_marks"] {
        sqlx::query(&format!(
            "ALTER TABLE {table} SET (autovacuum_enabled = false)"
        ))
        .execute(&mut db)
        .await
        .expect("autovacuum off");
    }
    world(&store).await;
    let rules = store::testing::rule_book();
    store
        .keep_every_worklist(&rules)
        .await
        .expect("first round");
    let today = domain::clock_text::local_date(store.now());
    let citizens: Vec<BulkCitizen> = (0..300)
        .map(|_| bulk(TargetGroup::JobReadyCashBenefit, today))
        .collect();
    store
        .bulk_insert_citizens(&citizens)
        .await
        .expect("citizens");
    let before = cases_postgresql_knows_of(&mut db).await;
    assert!(before < 100.0, "the statistics before: {before} cases");
    // The world's citizen in the first round; now the 300 in each of their organisations.
    let decided = store.keep_every_worklist(&rules).await.expect("round");
    assert!(decided >= 300, "{decided} decided");
    let after = cases_postgresql_knows_of(&mut db).await;
    assert!(
        after >= 300.0,
        "the statistics after the round: {after} cases"
    );

    // The round deleted 300 marks and more. Once PostgreSQL counts them (a session reports
    // its counts within about ten seconds), the next round that decides anything vacuums them.
    let waited = std::time::Instant::now();
    while marks_stat(&mut db, "n_dead_tup").await < 300
        && waited.elapsed() < std::time::Duration::from_secs(30)
    {
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    let vacuums = marks_stat(&mut db, "vacuum_count").await;
    let one_more = vec![bulk(TargetGroup::JobReadyCashBenefit, today)];
    store
        .bulk_insert_citizens(&one_more)
        .await
        .expect("citizen");
    assert!(store.keep_every_worklist(&rules).await.expect("round") >= 1);
    assert_eq!(
        marks_stat(&mut db, "vacuum_count").await,
        vacuums + 1,
        "the marks vacuumed"
    );
}

/// A bulk load leaves marks by the thousand for the worker, all of a few organisations at some
/// moment, and the statistics of empty worklist tables. Every view asks whether its own
/// organisation is behind; every batch takes 200 marks of its own and forgets what was decided
/// of those cases. PostgreSQL plans each question once for any organisation, and none may read
/// the waiting marks of others, nor more of its own rows than it needs. Asked as one
/// `WHERE org = $1 … LIMIT 1`, the plan for "any organisation" scanned the whole table when
/// one organisation held the marks (a caseworker's worklist at p50 85–147 ms for two minutes of
/// `bench/background.sh`); a batch hashed all of its organisation's marks (50 ms a batch), and
/// forgetting 200 decisions named `IN (…)` read all of the organisation's (19 ms).
#[tokio::test]
async fn after_a_bulk_load_the_worklists_questions_read_only_their_own_rows() {
    let (store, mut db) = postgresql_store_and_connection().await;
    for sql in [
        // The bulk load ends with `VACUUM (ANALYZE)` while the kept worklist is empty.
        "ANALYZE worklist_state",
        "INSERT INTO worklist_marks (org, citizen_id, xact) \
         SELECT 'm:0999', 'c' || lpad(i::text, 6, '0'), i % 3 FROM generate_series(1, 100000) i",
        "ANALYZE worklist_marks",
        "INSERT INTO worklist_state (org, citizen_id, decided_at, holds_until) \
         SELECT 'm:0999', 'c' || lpad(i::text, 6, '0'), 1, 2 FROM generate_series(1, 300000) i",
    ] {
        sqlx::query(sql)
            .execute(&mut db)
            .await
            .expect("a bulk load's rows");
    }
    // 200 cases spread over the organisation, as a view's batch may be.
    let spread: Vec<String> = (1..=200).map(|i| format!("c{:06}", i * 1_500)).collect();
    let spread: Vec<&str> = spread.iter().map(String::as_str).collect();
    let up_to_date = store::testing::worklist_questions_read(&store, "m:0101", &[]).await;
    assert!(
        up_to_date.behind <= 10,
        "an organisation up to date asked whether it is behind: {up_to_date:?}"
    );
    let waiting = store::testing::worklist_questions_read(&store, "m:0999", &spread).await;
    // Deleting a row touches its page; the marks' table alone is 650 pages.
    assert!(
        waiting.take <= 600,
        "a batch of 200 cases took their marks: {waiting:?}"
    );
    // A few pages for each case: the state's table alone is 2,200.
    assert!(
        waiting.forget <= 1_200,
        "a batch forgot what was decided of 200 cases: {waiting:?}"
    );
}

/// A fresh PostgreSQL database's store (two connections) and a connection of the test's own.
async fn postgresql_store_and_connection() -> (store::Store, sqlx::AnyConnection) {
    use sqlx::Connection;
    let url = store::testing::fresh_database_url(Backend::Postgres).await;
    let store = store::Store::connect(&store::StoreOptions {
        url: url.clone(),
        cpr_key: store::CprKey::random(),
        max_connections: 2,
        meetings: Default::default(),
    })
    .await
    .expect("store");
    store.migrate().await.expect("migrate");
    let db = sqlx::AnyConnection::connect(&url)
        .await
        .expect("connection");
    (store, db)
}

/// A count of `pg_stat_user_tables` for the worklist's marks.
async fn marks_stat(db: &mut sqlx::AnyConnection, column: &str) -> i64 {
    use sqlx::Row;
    sqlx::query(&format!(
        "SELECT {column} AS n FROM pg_stat_user_tables WHERE relname = 'worklist_marks'"
    ))
    .fetch_one(db)
    .await
    .expect("statistics")
    .try_get("n")
    .expect("n")
}

/// The rows of the kept worklist's decisions as PostgreSQL's planner counts them.
async fn cases_postgresql_knows_of(db: &mut sqlx::AnyConnection) -> f64 {
    use sqlx::Row;
    sqlx::query(
        "SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'worklist_state'::regclass",
    )
    .fetch_one(db)
    .await
    .expect("statistics")
    .try_get("n")
    .expect("n")
}
