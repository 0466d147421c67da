//! Availability and meetings as users rely on them, on SQLite and PostgreSQL alike.

use domain::meetings::{ChannelRefusal, MeetingRefusal};
use domain::{Channel, CitizenId, MeetingStatus, Outcome, SlotId, StaffId};
use jiff::SignedDuration;
use store::testing::{fresh_store, slot_in, world};
use store::{AuditAction, CitizenChange, NewMeeting, StoreError};

use Channel::{InPerson, Phone, Video};
use store::{Backend, backend_tests};

fn booking(citizen_id: &CitizenId, slot_id: &SlotId, channel: Channel) -> NewMeeting {
    NewMeeting::plain(citizen_id.clone(), slot_id.clone(), channel)
}

backend_tests!(overlapping_slots_are_refused_and_nothing_is_created);
async fn overlapping_slots_are_refused_and_nothing_is_created(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let a = slot_in(&store, 48, 30, &[Video]);
    store
        .create_slots(&w.caseworker, std::slice::from_ref(&a))
        .await
        .expect("first");
    let b = slot_in(&store, 72, 30, &[Video]);
    let overlapping = slot_in(&store, 48, 60, &[Video]);
    let refused = store
        .create_slots(&w.caseworker, &[b.clone(), overlapping])
        .await;
    assert!(
        matches!(refused, Err(StoreError::Conflict("overlap"))),
        "{backend:?}: {refused:?}"
    );
    // Another caseworker may use the same time; the refused batch left nothing behind.
    store
        .create_slots(&w.other_municipality, &[a])
        .await
        .expect("other caseworker");
    store
        .create_slots(&w.caseworker, &[b])
        .await
        .expect("b was not created before");
    let past = slot_in(&store, -1, 30, &[Video]);
    assert!(matches!(
        store.create_slots(&w.caseworker, &[past]).await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store
            .create_slots(&w.citizen_actor, &[slot_in(&store, 100, 30, &[Video])])
            .await,
        Err(StoreError::Forbidden)
    ));
}

backend_tests!(available_slots_carry_only_the_channels_the_citizen_may_use);
async fn available_slots_carry_only_the_channels_the_citizen_may_use(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let all = store
        .create_slots(
            &w.caseworker,
            &[
                slot_in(&store, 48, 30, &[InPerson, Phone, Video]),
                slot_in(&store, 50, 30, &[Video]),
            ],
        )
        .await
        .expect("slots");
    let (from, to) = (
        store.now(),
        store
            .now()
            .checked_add(SignedDuration::from_hours(24 * 7))
            .expect("t"),
    );
    // Before the first conversation only in person is offered (LAB § 33, stk. 1); after
    // booking one, the later times offer more.
    let seen = store
        .available_slots(&w.citizen_actor, &w.citizen.id, from, to, false, None, 100)
        .await
        .expect("slots");
    assert_eq!(
        seen.iter().map(|s| s.channels.clone()).collect::<Vec<_>>(),
        vec![vec![InPerson]],
        "{backend:?}"
    );
    let refused = store
        .book_meeting(&w.caseworker, &booking(&w.citizen.id, &all[0].id, Video))
        .await;
    assert!(
        matches!(
            refused,
            Err(StoreError::Channel(ChannelRefusal::FirstMeetingInPerson))
        ),
        "{refused:?}"
    );
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let seen = store
        .available_slots(&w.citizen_actor, &w.citizen.id, from, to, false, None, 100)
        .await
        .expect("slots");
    // No phone number on file: phone is not offered.
    assert_eq!(
        seen.iter().map(|s| s.channels.clone()).collect::<Vec<_>>(),
        vec![vec![InPerson, Video], vec![Video]]
    );

    store
        .update_citizen(
            &w.citizen_actor,
            &w.citizen.id,
            &CitizenChange {
                in_person_requested: Some(true),
                ..Default::default()
            },
        )
        .await
        .expect("wish");
    let seen = store
        .available_slots(&w.caseworker, &w.citizen.id, from, to, false, None, 100)
        .await
        .expect("slots");
    assert_eq!(
        seen.len(),
        1,
        "{backend:?}: the video-only slot is not offered"
    );
    assert_eq!(seen[0].id, all[0].id);
    assert_eq!(seen[0].channels, vec![InPerson]);
    let refused = store
        .book_meeting(&w.citizen_actor, &booking(&w.citizen.id, &all[0].id, Video))
        .await;
    assert!(
        matches!(
            refused,
            Err(StoreError::Channel(ChannelRefusal::InPersonRequested))
        ),
        "{refused:?}"
    );

    // Another municipality's caseworker cannot look (the citizen does not exist to them).
    assert!(matches!(
        store
            .available_slots(
                &w.other_municipality,
                &w.citizen.id,
                from,
                to,
                false,
                None,
                100
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

backend_tests!(of_sixty_simultaneous_bookings_of_one_slot_exactly_one_wins);
async fn of_sixty_simultaneous_bookings_of_one_slot_exactly_one_wins(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let slot = store
        .create_slots(&w.caseworker, &[slot_in(&store, 48, 30, &[Video])])
        .await
        .expect("slot")
        .remove(0);
    let mut tasks = Vec::new();
    for _ in 0..60 {
        let (store, actor, req) = (
            store.clone(),
            w.caseworker.clone(),
            booking(&w.citizen.id, &slot.id, Video),
        );
        tasks.push(tokio::spawn(async move {
            store.book_meeting(&actor, &req).await
        }));
    }
    let mut won = 0;
    for t in tasks {
        match t.await.expect("task") {
            Ok(_) => won += 1,
            Err(StoreError::Conflict("slot_taken")) => {}
            Err(e) => panic!("{backend:?}: unexpected {e:?}"),
        }
    }
    assert_eq!(won, 1, "{backend:?}");
    let meetings = store
        .citizen_meetings(&w.caseworker, &w.citizen.id)
        .await
        .expect("list");
    assert_eq!(
        meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Booked)
            .count(),
        1,
        "{backend:?}: one meeting, no double booking"
    );
}

backend_tests!(bookings_made_at_the_same_moment_each_get_their_own_answer);
/// Plain bookings that arrive together are written as one batch by the group writer (SQLite and
/// PostgreSQL, issue 22). Whatever lands in one batch, each booking is answered as if alone: of
/// the jobcenter's and the a-kasse's overlapping slots asked for together exactly one is booked
/// and the other refused as `citizen_busy` naming it, a slot asked for eight times is booked
/// once, a booking on top of a meeting already stored is refused naming that one, and every
/// refusal leaves its slot free.
async fn bookings_made_at_the_same_moment_each_get_their_own_answer(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let make = |actor: &domain::Actor, hours: i64, minutes: i64| {
        let (store, actor) = (store.clone(), actor.clone());
        async move {
            let spec = slot_in(&store, hours, 30, &[InPerson]);
            let shift = |t: jiff::Timestamp| t + SignedDuration::from_mins(minutes);
            let spec = store::NewSlot {
                span: domain::TimeSpan::new(shift(spec.span.start()), shift(spec.span.end()))
                    .expect("span"),
                ..spec
            };
            store
                .create_slots(&actor, &[spec])
                .await
                .expect("slot")
                .remove(0)
        }
    };
    let stored = make(&w.caseworker, 200, 0).await;
    store
        .book_meeting(&w.caseworker, &booking(&w.citizen.id, &stored.id, InPerson))
        .await
        .expect("stored meeting");
    let mut requests = Vec::new();
    for (round, hours) in (48..60).step_by(2).enumerate() {
        let ours = make(&w.caseworker, hours, 0).await;
        let theirs = make(&w.adviser, hours, 15).await;
        requests.push((round, w.caseworker.clone(), ours));
        requests.push((round, w.adviser.clone(), theirs));
    }
    let wanted = make(&w.caseworker, 100, 0).await;
    for _ in 0..8 {
        requests.push((6, w.caseworker.clone(), wanted.clone()));
    }
    let on_top = make(&w.adviser, 200, 15).await;
    requests.push((7, w.adviser.clone(), on_top.clone()));
    let before = store.gauges().await.expect("gauges");
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|(group, actor, slot)| {
            let (store, req) = (store.clone(), booking(&w.citizen.id, &slot.id, InPerson));
            tokio::spawn(async move {
                let answer = store.book_meeting(&actor, &req).await;
                (group, actor, slot, answer)
            })
        })
        .collect();
    let mut booked = [0usize; 8];
    let mut refused = Vec::new();
    for t in tasks {
        let (group, actor, slot, answer) = t.await.expect("task");
        match answer {
            Ok(m) => {
                booked[group] += 1;
                assert_eq!(
                    m.start, slot.start,
                    "{backend:?}: the meeting is at its slot's time"
                );
            }
            Err(e) => refused.push((group, actor, slot, e)),
        }
    }
    assert_eq!(
        booked,
        [1, 1, 1, 1, 1, 1, 1, 0],
        "{backend:?}: one per round, the slot once, none on top"
    );
    // What `/metrics` tells operators: each of the 21 bookings tried once, none put off (no
    // other transaction held the citizen), in at most as many transactions.
    let after = store.gauges().await.expect("gauges");
    let batches = after.booking_batches - before.booking_batches;
    assert_eq!(
        after.booking_batch_rows - before.booking_batch_rows,
        21,
        "{backend:?}"
    );
    assert_eq!(
        after.bookings_put_off, before.bookings_put_off,
        "{backend:?}"
    );
    assert!(
        (1..=21).contains(&batches),
        "{backend:?}: {batches} batches"
    );
    let meetings = store
        .citizen_meetings(&w.caseworker, &w.citizen.id)
        .await
        .expect("list");
    let booked_now: Vec<_> = meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Booked)
        .collect();
    assert_eq!(
        booked_now.len(),
        8,
        "{backend:?}: 6 rounds, the wanted slot, the stored one"
    );
    // What a batch writes besides the meeting, once per booked meeting and for no refusal: the
    // citizen's access log says who booked, and the invitation waits in the outbox.
    let log = store
        .access_log(&w.citizen_actor, &w.citizen.id, 200)
        .await
        .expect("log");
    let bookings_logged = log
        .iter()
        .filter(|e| e.action == AuditAction::MeetingBooked)
        .count();
    assert_eq!(bookings_logged, 8, "{backend:?}: a log entry per booking");
    let outbox = store.claim_outbox(200).await.expect("outbox");
    for m in &booked_now {
        let invitations = outbox
            .iter()
            .filter(|o| o.subject_id == m.id.as_str() && o.kind == "meeting_booked")
            .count();
        assert_eq!(invitations, 1, "{backend:?}: one invitation for {}", m.id);
    }
    let invited = outbox.iter().filter(|o| o.kind == "meeting_booked").count();
    assert_eq!(invited, 8, "{backend:?}: no invitation for a refusal");
    for (group, actor, slot, e) in refused {
        match (group, e) {
            (6, StoreError::Conflict("slot_taken")) => {}
            (_, StoreError::CitizenBusy { start, end }) => {
                let other = booked_now
                    .iter()
                    .find(|m| m.start == start && m.end == end)
                    .unwrap_or_else(|| panic!("{backend:?}: the refusal names a booked meeting"));
                assert!(
                    other.start < slot.end && other.end > slot.start,
                    "{backend:?}: it overlaps"
                );
                if group == 7 {
                    assert_eq!(other.start, stored.start, "{backend:?}: the stored one");
                }
                // The refused booking's slot is free again: only a free slot can be removed.
                store
                    .delete_slot(&actor, &slot.id)
                    .await
                    .unwrap_or_else(|e| panic!("{backend:?}: slot given back, not {e:?}"));
            }
            (group, e) => panic!("{backend:?}: group {group} unexpected {e:?}"),
        }
    }
}

backend_tests!(a_plain_booking_keeps_every_field_it_was_given);
/// A plain booking goes through the group writer, which on PostgreSQL writes its meeting from a
/// JSON object of column names and values in order (`booking/group_pg_write.rs`): a key spelt
/// wrong, or a value in another's place, would land as a NULL or in the wrong nullable column
/// rather than fail. Read back, the meeting has its purpose,
/// the reason attendance is required, the slot's place, channel and time, and who booked it.
async fn a_plain_booking_keeps_every_field_it_was_given(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let slot = store
        .create_slots(
            &w.caseworker,
            &[slot_in(&store, 72, 45, &[InPerson, Phone])],
        )
        .await
        .expect("slot")
        .remove(0);
    let request = NewMeeting {
        purpose: Some("Opfølgning på jobsøgning".into()),
        attendance_reason: Some("Vi skal gennemgå dit CV sammen".into()),
        ..booking(&w.citizen.id, &slot.id, InPerson)
    };
    let booked = store
        .book_meeting(&w.caseworker, &request)
        .await
        .expect("booked");
    let stored = store
        .citizen_meetings(&w.caseworker, &w.citizen.id)
        .await
        .expect("list")
        .into_iter()
        .find(|m| m.id == booked.id)
        .expect("the booked meeting is stored");
    assert_eq!(
        stored.purpose.as_deref(),
        Some("Opfølgning på jobsøgning"),
        "{backend:?}"
    );
    assert_eq!(
        stored.attendance_reason.as_deref(),
        Some("Vi skal gennemgå dit CV sammen"),
        "{backend:?}"
    );
    assert_eq!(
        stored.location, slot.location,
        "{backend:?}: the slot's place"
    );
    assert!(stored.location.is_some(), "{backend:?}");
    assert_eq!(stored.channel, InPerson, "{backend:?}");
    assert_eq!(
        (stored.start, stored.end),
        (slot.start, slot.end),
        "{backend:?}"
    );
    assert_eq!(stored.slot_id.as_ref(), Some(&slot.id), "{backend:?}");
    assert_eq!(stored.staff_id.as_str(), w.caseworker.id(), "{backend:?}");
    assert_eq!(stored.status, MeetingStatus::Booked, "{backend:?}");
    assert_eq!(
        stored.booked_by_role,
        domain::Role::Caseworker,
        "{backend:?}"
    );
}

/// PostgreSQL: a booking whose citizen another instance's transaction holds is put off to the
/// group writer's next batch instead of holding up the bookings of other citizens queued with
/// and behind it (`booking/group_pg.rs`); once the other transaction ends it is booked. Waiting,
/// one instance's bookings all stood still behind another's idle transaction (issue 22, item 1).
#[tokio::test]
async fn a_citizen_held_by_another_instance_holds_up_no_one_elses_booking() {
    let store = fresh_store(Backend::Postgres).await;
    let w = world(&store).await;
    let other = store
        .create_citizen(
            &w.caseworker,
            &store::testing::cash_benefit_citizen("0505851234", "Bodil Anden", "0851"),
        )
        .await
        .expect("citizen");
    let slots = store
        .create_slots(
            &w.caseworker,
            &[
                slot_in(&store, 48, 30, &[InPerson]),
                slot_in(&store, 72, 30, &[InPerson]),
            ],
        )
        .await
        .expect("slots");
    // A plain booking, which the group writer writes (not the insured's first conversation).
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let held = store::testing::holding_citizen(&store, w.citizen.id.as_str()).await;
    let first = {
        let (store, actor, req) = (
            store.clone(),
            w.caseworker.clone(),
            booking(&w.citizen.id, &slots[0].id, InPerson),
        );
        tokio::spawn(async move { store.book_meeting(&actor, &req).await })
    };
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let second = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        store.book_meeting(&w.caseworker, &booking(&other.id, &slots[1].id, InPerson)),
    )
    .await;
    match second {
        Ok(Ok(_)) => {}
        Ok(Err(e)) => panic!("the other citizen's booking: {e:?}"),
        Err(_) => panic!("another citizen's booking waited for the held citizen"),
    }
    assert!(
        !first.is_finished(),
        "the held citizen's booking waits for the lock"
    );
    held.commit().await.expect("let go");
    let first = tokio::time::timeout(std::time::Duration::from_secs(5), first)
        .await
        .expect("booked once the other transaction ended")
        .expect("task")
        .expect("booked");
    assert_eq!(first.start, slots[0].start);
    let meetings = store
        .citizen_meetings(&w.caseworker, &w.citizen.id)
        .await
        .expect("list");
    assert_eq!(
        meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Booked)
            .count(),
        1,
        "booked once, however often put off"
    );
    let gauges = store.gauges().await.expect("gauges");
    assert!(
        gauges.bookings_put_off >= 1,
        "the held citizen's booking is counted as put off: {gauges:?}"
    );
}

backend_tests!(a_refused_move_leaves_the_meeting_where_it_was);
async fn a_refused_move_leaves_the_meeting_where_it_was(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let slots = store
        .create_slots(
            &w.caseworker,
            &[
                slot_in(&store, 48, 30, &[Video]),
                slot_in(&store, 72, 30, &[Video]),
                slot_in(&store, 96, 30, &[InPerson]),
            ],
        )
        .await
        .expect("slots");
    let mine = store
        .book_meeting(
            &w.citizen_actor,
            &booking(&w.citizen.id, &slots[0].id, Video),
        )
        .await
        .expect("book");
    assert_eq!(
        (mine.status, mine.booked_by_role),
        (MeetingStatus::Booked, domain::Role::Citizen)
    );
    // Someone else's meeting in the second slot (staff booking for a second citizen).
    let other = store
        .create_citizen(
            &w.caseworker,
            &store::NewCitizen {
                cpr: domain::Cpr::try_from("0202851234").expect("cpr"),
                name: domain::PersonName::try_from("Mette Madsen").expect("n"),
                municipality: domain::MunicipalityCode::try_from("0851").expect("m"),
                target_group: domain::TargetGroup::JobReadyCashBenefit,
                unemployed_since: jiff::civil::date(2026, 10, 1),
                unemployment_fund: None,
                login: None,
                registered_on: None,
                first_contact_on: None,
                first_absence_on: None,
            },
        )
        .await
        .expect("citizen");
    store::testing::first_conversation_held(&store, other.id.as_str(), w.caseworker.id()).await;
    store
        .book_meeting(&w.caseworker, &booking(&other.id, &slots[1].id, Video))
        .await
        .expect("other");

    let taken = store
        .move_meeting(&w.citizen_actor, &mine.id, &slots[1].id, None)
        .await;
    assert!(
        matches!(taken, Err(StoreError::Conflict("slot_taken"))),
        "{backend:?}: {taken:?}"
    );
    let wrong_channel = store
        .move_meeting(&w.citizen_actor, &mine.id, &slots[2].id, None)
        .await;
    assert!(matches!(
        wrong_channel,
        Err(StoreError::Channel(ChannelRefusal::NotOffered))
    ));
    assert_eq!(
        store
            .meeting(&w.citizen_actor, &mine.id)
            .await
            .expect("read"),
        mine,
        "unchanged"
    );

    let moved = store
        .move_meeting(&w.citizen_actor, &mine.id, &slots[2].id, Some(InPerson))
        .await
        .expect("move");
    assert_eq!(
        (moved.id.as_str(), moved.start, moved.channel),
        (mine.id.as_str(), slots[2].start, InPerson)
    );
    assert!(moved.location.is_some());
    // The first slot is free again.
    let free = store
        .available_slots(
            &w.citizen_actor,
            &w.citizen.id,
            store.now(),
            slots[2].end,
            false,
            None,
            10,
        )
        .await
        .expect("free");
    assert_eq!(
        free.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        vec![slots[0].id.as_str()]
    );
}

backend_tests!(a_cancellation_records_who_why_and_lateness_and_frees_the_slot);
async fn a_cancellation_records_who_why_and_lateness_and_frees_the_slot(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let slots = store
        .create_slots(
            &w.caseworker,
            &[
                slot_in(&store, 10, 30, &[Video]),
                slot_in(&store, 72, 30, &[Video]),
            ],
        )
        .await
        .expect("slots");
    let soon = store
        .book_meeting(&w.caseworker, &booking(&w.citizen.id, &slots[0].id, Video))
        .await
        .expect("book");
    let later = store
        .book_meeting(&w.caseworker, &booking(&w.citizen.id, &slots[1].id, Video))
        .await
        .expect("book");
    let late = store
        .cancel_meeting(&w.citizen_actor, &soon.id, "Syg")
        .await
        .expect("cancel");
    let c = late.cancellation.expect("recorded");
    assert_eq!(
        (late.status, c.by_role, c.reason.as_str(), c.late),
        (MeetingStatus::Cancelled, domain::Role::Citizen, "Syg", true)
    );
    let early = store
        .cancel_meeting(&w.caseworker, &later.id, "Konsulent syg")
        .await
        .expect("cancel");
    assert!(
        !early.cancellation.expect("recorded").late,
        "{backend:?}: 72 h ahead is in time"
    );
    assert!(matches!(
        store.cancel_meeting(&w.caseworker, &later.id, "igen").await,
        Err(StoreError::Meeting(MeetingRefusal::NotBooked))
    ));
    // Both slots can be booked again.
    store
        .book_meeting(&w.caseworker, &booking(&w.citizen.id, &slots[0].id, Video))
        .await
        .expect("rebook");
    // The staff cancellation is in the citizen's access log; the citizen's own is not.
    let log = store
        .access_log(&w.citizen_actor, &w.citizen.id, 50)
        .await
        .expect("log");
    let cancelled: Vec<_> = log
        .iter()
        .filter(|e| e.action == AuditAction::MeetingCancelled)
        .collect();
    assert_eq!(cancelled.len(), 1);
    assert_eq!(cancelled[0].actor_name, "Karen Jobkonsulent");
}

backend_tests!(the_outcome_is_recorded_by_staff_once_the_meeting_has_begun);
async fn the_outcome_is_recorded_by_staff_once_the_meeting_has_begun(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let slot = store
        .create_slots(&w.caseworker, &[slot_in(&store, 2, 30, &[Video])])
        .await
        .expect("slot")
        .remove(0);
    let m = store
        .book_meeting(&w.citizen_actor, &booking(&w.citizen.id, &slot.id, Video))
        .await
        .expect("book");
    assert!(matches!(
        store
            .record_outcome(&w.caseworker, &m.id, Outcome::Held, None)
            .await,
        Err(StoreError::Meeting(MeetingRefusal::NotStarted))
    ));
    store.advance_clock(SignedDuration::from_hours(2));
    assert!(matches!(
        store
            .record_outcome(&w.citizen_actor, &m.id, Outcome::Held, None)
            .await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store
            .cancel_meeting(&w.citizen_actor, &m.id, "for sent")
            .await,
        Err(StoreError::Meeting(MeetingRefusal::AlreadyStarted))
    ));
    let held = store
        .record_outcome(&w.caseworker, &m.id, Outcome::NoShow, None)
        .await
        .expect("outcome");
    assert_eq!(held.status, MeetingStatus::NoShow, "{backend:?}");
    assert!(matches!(
        store
            .record_outcome(&w.caseworker, &m.id, Outcome::Held, None)
            .await,
        Err(StoreError::Meeting(MeetingRefusal::NotBooked))
    ));
}

backend_tests!(self_booking_exemption_and_in_person_first_are_enforced);
async fn self_booking_exemption_and_in_person_first_are_enforced(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let slots = store
        .create_slots(
            &w.caseworker,
            &[
                slot_in(&store, 48, 30, &[InPerson, Video]),
                slot_in(&store, 72, 30, &[InPerson, Video]),
            ],
        )
        .await
        .expect("slots");
    // Her first conversation was with the a-kasse; the screening asks that the first with
    // the jobcenter is in person too (stricter than the law).
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.adviser.id()).await;
    let flags = CitizenChange {
        in_person_first: Some(true),
        self_booking_exempt: Some(true),
        self_booking_exempt_reason: Some(domain::meetings::SelfBookingExemption::ItSkills),
        ..Default::default()
    };
    store
        .update_citizen(&w.caseworker, &w.citizen.id, &flags)
        .await
        .expect("flags");
    assert!(
        matches!(
            store
                .update_citizen(&w.citizen_actor, &w.citizen.id, &flags)
                .await,
            Err(StoreError::Forbidden)
        ),
        "citizens cannot set their own booking flags"
    );
    assert!(matches!(
        store
            .book_meeting(
                &w.citizen_actor,
                &booking(&w.citizen.id, &slots[0].id, InPerson)
            )
            .await,
        Err(StoreError::Meeting(MeetingRefusal::SelfBookingNotAllowed))
    ));
    assert!(
        matches!(
            store
                .book_meeting(&w.caseworker, &booking(&w.citizen.id, &slots[0].id, Video))
                .await,
            Err(StoreError::Channel(ChannelRefusal::InPersonFirst))
        ),
        "{backend:?}"
    );
    store
        .book_meeting(
            &w.caseworker,
            &booking(&w.citizen.id, &slots[0].id, InPerson),
        )
        .await
        .expect("first in person");
    // The second meeting may be by video.
    store
        .book_meeting(&w.caseworker, &booking(&w.citizen.id, &slots[1].id, Video))
        .await
        .expect("then video");
}

backend_tests!(a_joint_meeting_blocks_the_advisers_calendar_too);
async fn a_joint_meeting_blocks_the_advisers_calendar_too(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.adviser.id()).await;
    let jc = store
        .create_slots(
            &w.caseworker,
            &[
                slot_in(&store, 48, 30, &[Video]),
                slot_in(&store, 96, 30, &[Video]),
            ],
        )
        .await
        .expect("jc");
    // The adviser is free for two hours around the first jobcenter slot only.
    let mut wide = slot_in(&store, 47, 120, &[Video]);
    wide.location = None;
    let adv = store
        .create_slots(&w.adviser, &[wide])
        .await
        .expect("adviser")
        .remove(0);
    let mut req = booking(&w.citizen.id, &jc[0].id, Video);
    req.with_fund = true;
    let m = store
        .book_meeting(&w.citizen_actor, &req)
        .await
        .expect("joint");
    assert_eq!(
        m.adviser_name.as_deref(),
        Some("Aase Rådgiver"),
        "{backend:?}"
    );
    let advisers_free = store
        .available_slots(
            &w.adviser,
            &w.citizen.id,
            store.now(),
            jc[1].end,
            true,
            None,
            10,
        )
        .await
        .expect("fund slots");
    assert!(
        advisers_free.iter().all(|s| s.id != adv.id),
        "the adviser's slot is taken by the joint meeting"
    );
    let cal = store
        .staff_calendar(&w.adviser, store.now(), jc[1].end)
        .await
        .expect("calendar");
    assert_eq!(cal.meetings.len(), 1);
    // Moving it to a time the adviser is not free is refused, and changes nothing.
    assert!(matches!(
        store
            .move_meeting(&w.citizen_actor, &m.id, &jc[1].id, None)
            .await,
        Err(StoreError::Conflict("adviser_unavailable"))
    ));
    assert_eq!(
        store.meeting(&w.caseworker, &m.id).await.expect("m").start,
        jc[0].start
    );
    // Cancelling frees both calendars.
    store
        .cancel_meeting(&w.citizen_actor, &m.id, "Fået job")
        .await
        .expect("cancel");
    let free = store
        .available_slots(
            &w.adviser,
            &w.citizen.id,
            store.now(),
            jc[1].end,
            true,
            None,
            10,
        )
        .await
        .expect("free");
    assert_eq!(free.len(), 1);
}

backend_tests!(a_municipality_may_be_stricter_than_the_law_never_looser);
async fn a_municipality_may_be_stricter_than_the_law_never_looser(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let manager = store
        .create_staff(
            &w.admin,
            &store::NewStaff {
                login: domain::Login::try_from("leder").expect("login"),
                name: domain::PersonName::try_from("Lis Leder").expect("name"),
                role: domain::Role::Manager,
                organisation: Some(domain::Organisation::Municipality(
                    domain::MunicipalityCode::try_from("0851").expect("code"),
                )),
                team: None,
            },
        )
        .await
        .expect("manager")
        .actor()
        .expect("actor");
    let slot = store
        .create_slots(
            &w.caseworker,
            &[slot_in(&store, 48, 30, &[InPerson, Video])],
        )
        .await
        .expect("slot")
        .remove(0);
    assert!(matches!(
        store
            .set_first_meeting_policy(
                &w.caseworker,
                &domain::MunicipalityCode::try_from("0851").expect("code"),
                domain::FirstMeetingPolicy::Everyone
            )
            .await,
        Err(StoreError::Forbidden)
    ));
    assert!(
        matches!(
            store
                .set_first_meeting_policy(
                    &manager,
                    &domain::MunicipalityCode::try_from("0751").expect("code"),
                    domain::FirstMeetingPolicy::Everyone
                )
                .await,
            Err(StoreError::NotFound)
        ),
        "another municipality's setting is not theirs to see"
    );
    // No setting allows a first conversation by video (LAB § 33, stk. 1).
    assert!(matches!(
        store
            .book_meeting(&w.citizen_actor, &booking(&w.citizen.id, &slot.id, Video))
            .await,
        Err(StoreError::Channel(ChannelRefusal::FirstMeetingInPerson))
    ));
    // After a first conversation with the a-kasse, "everyone" makes the first with the
    // jobcenter in person too.
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.adviser.id()).await;
    store
        .set_first_meeting_policy(
            &manager,
            &domain::MunicipalityCode::try_from("0851").expect("code"),
            domain::FirstMeetingPolicy::Everyone,
        )
        .await
        .expect("set");
    let free = store
        .available_slots(
            &w.citizen_actor,
            &w.citizen.id,
            store.now(),
            slot.end,
            false,
            None,
            10,
        )
        .await
        .expect("free");
    assert_eq!(free[0].channels, vec![InPerson], "{backend:?}");
    assert!(matches!(
        store
            .book_meeting(&w.citizen_actor, &booking(&w.citizen.id, &slot.id, Video))
            .await,
        Err(StoreError::Channel(ChannelRefusal::InPersonFirst))
    ));
    store
        .set_first_meeting_policy(
            &w.admin,
            &domain::MunicipalityCode::try_from("0851").expect("code"),
            domain::FirstMeetingPolicy::Screening,
        )
        .await
        .expect("back");
    store
        .book_meeting(&w.citizen_actor, &booking(&w.citizen.id, &slot.id, Video))
        .await
        .expect("video again");
}

backend_tests!(an_organisation_changes_only_meetings_it_holds_or_takes_part_in);
async fn an_organisation_changes_only_meetings_it_holds_or_takes_part_in(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let slots = store
        .create_slots(
            &w.caseworker,
            &[
                slot_in(&store, 48, 30, &[Video]),
                slot_in(&store, 72, 30, &[Video]),
            ],
        )
        .await
        .expect("slots");
    let m = store
        .book_meeting(&w.caseworker, &booking(&w.citizen.id, &slots[0].id, Video))
        .await
        .expect("booked");
    // The a-kasse sees its member, but the jobcenter's meeting is not theirs to change.
    assert!(
        store.meeting(&w.adviser, &m.id).await.is_ok(),
        "{backend:?}"
    );
    let refused = store
        .cancel_meeting(&w.adviser, &m.id, "Ikke relevant")
        .await;
    assert!(matches!(refused, Err(StoreError::Forbidden)), "{refused:?}");
    let refused = store
        .move_meeting(&w.adviser, &m.id, &slots[1].id, None)
        .await;
    assert!(matches!(refused, Err(StoreError::Forbidden)), "{refused:?}");
    store.advance_clock(SignedDuration::from_hours(49));
    let refused = store
        .record_outcome(&w.adviser, &m.id, Outcome::NoShow, None)
        .await;
    assert!(matches!(refused, Err(StoreError::Forbidden)), "{refused:?}");
    let unchanged = store.meeting(&w.caseworker, &m.id).await.expect("meeting");
    assert_eq!(unchanged.status, MeetingStatus::Booked);
    assert_eq!(
        unchanged.slot_id.as_ref().map(|id| id.as_str()),
        Some(slots[0].id.as_str())
    );
    // The jobcenter that holds it records the outcome.
    store
        .record_outcome(&w.caseworker, &m.id, Outcome::Held, None)
        .await
        .expect("holder");
}

backend_tests!(a_calendar_feed_address_can_be_replaced_and_the_old_one_stops);
async fn a_calendar_feed_address_can_be_replaced_and_the_old_one_stops(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let staff_id = StaffId::try_from(w.caseworker.id()).expect("an id");
    let old = store.calendar_feed_token(&staff_id).await.expect("token");
    assert!(store.calendar_feed(&old).await.is_ok(), "{backend:?}");
    let new = store
        .renew_calendar_feed(&w.caseworker)
        .await
        .expect("renewed");
    assert_ne!(new, old);
    assert!(matches!(
        store.calendar_feed(&old).await,
        Err(StoreError::NotFound)
    ));
    assert!(store.calendar_feed(&new).await.is_ok());
    assert!(matches!(
        store.renew_calendar_feed(&w.citizen_actor).await,
        Err(StoreError::Forbidden)
    ));
}
