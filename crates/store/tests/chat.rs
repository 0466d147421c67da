//! The staffed live chat in the store (issue 21), on SQLite and PostgreSQL alike: opening
//! hours, who is on duty, the queue and its order, the limit per staff member, how chats end,
//! and what becomes of a chat nobody took before closing time.

use domain::chat::queue::DEFAULT_MAX_CHATS;
use domain::chat::{Availability, ChatHours, OpenSpan};
use domain::contact_plan::WorkReason;
use domain::messages::{MessageBody, ThreadHolder};
use domain::{Actor, MunicipalityCode, Role};
use jiff::{SignedDuration, Timestamp};
use store::testing::{World, aalborg_staff, cash_benefit_citizen, fresh_store, world};
use store::{Backend, backend_tests};
use store::{ChatOrg, CitizenChange, Started, Store, StoreError, ThreadChange};

/// Monday 7 December 2026, 10:00 in Copenhagen.
const MONDAY_10: &str = "2026-12-07T09:00:00Z";

fn aalborg() -> ChatOrg {
    ChatOrg {
        holder: ThreadHolder::Jobcenter,
        code: "0851".into(),
    }
}

/// Weekdays 9–15.
fn weekdays() -> ChatHours {
    let span = OpenSpan::parse("9", "15").expect("span");
    ChatHours::new([
        Some(span),
        Some(span),
        Some(span),
        Some(span),
        Some(span),
        None,
        None,
    ])
}

/// A store on Monday 10:00 with Aalborg's chat open on weekdays 9–15.
async fn open_on_monday(backend: Backend) -> (Store, World) {
    let store = fresh_store(backend).await;
    store.set_clock(MONDAY_10.parse().expect("ts"));
    let w = world(&store).await;
    store
        .set_chat_hours(&w.admin, &aalborg(), &weekdays())
        .await
        .expect("hours");
    (store, w)
}

/// A second Aalborg citizen whose own caseworker is `own`, signed in as themself.
async fn citizen_of(store: &Store, w: &World, own: &Actor) -> (domain::CitizenId, Actor) {
    let c = store
        .create_citizen(
            &w.caseworker,
            &cash_benefit_citizen("0505851234", "Bodil Chat", "0851"),
        )
        .await
        .expect("citizen");
    let change = CitizenChange {
        caseworker_id: Some(Some(domain::StaffId::try_from(own.id()).expect("id"))),
        ..Default::default()
    };
    store
        .update_citizen(&w.caseworker, &c.id, &change)
        .await
        .expect("own caseworker");
    let actor = Actor::Citizen {
        citizen_id: c.id.clone(),
        name: c.name.clone(),
    };
    (c.id, actor)
}

/// The world's citizen starts a chat and `staff` takes it.
async fn started_and_taken(store: &Store, w: &World, staff: &Actor) -> store::Chat {
    started(
        store
            .start_chat(&w.citizen_actor, &w.citizen.id, None)
            .await
            .expect("chat"),
    );
    store
        .take_next_chat(staff)
        .await
        .expect("take")
        .expect("one")
}

fn started(s: Started) -> store::Chat {
    match s {
        Started::New(c) => c,
        Started::Existing(c) => panic!("expected a new chat, got the open one {c:?}"),
    }
}

backend_tests!(a_chat_starts_only_in_opening_hours_with_someone_on_duty);
async fn a_chat_starts_only_in_opening_hours_with_someone_on_duty(backend: Backend) {
    let store = fresh_store(backend).await;
    store.set_clock(MONDAY_10.parse().expect("ts"));
    let w = world(&store).await;
    let start = || store.start_chat(&w.citizen_actor, &w.citizen.id, None);
    // No hours: no chat.
    assert!(matches!(
        start().await,
        Err(StoreError::Conflict("chat_closed"))
    ));
    // Only the organisation's managers (or an administrator) set the hours.
    assert!(matches!(
        store
            .set_chat_hours(&w.caseworker, &aalborg(), &weekdays())
            .await,
        Err(StoreError::Forbidden)
    ));
    let manager = aalborg_staff(&store, &w, "aalborg.leder", Role::Manager, None).await;
    store
        .set_chat_hours(&manager, &aalborg(), &weekdays())
        .await
        .expect("hours");
    let closes: Timestamp = "2026-12-07T14:00:00Z".parse().expect("ts");
    assert_eq!(
        store
            .chat_availability(&aalborg())
            .await
            .expect("availability"),
        Availability::Unstaffed { closes }
    );
    assert!(matches!(
        start().await,
        Err(StoreError::Conflict("chat_closed"))
    ));
    store
        .set_chat_duty(&w.caseworker, true)
        .await
        .expect("duty");
    assert_eq!(
        store
            .chat_availability(&aalborg())
            .await
            .expect("availability"),
        Availability::Open { closes }
    );
    let chat = started(start().await.expect("chat"));
    // A second start gives the open one back (the API's 409 with it), not a second chat.
    assert_eq!(
        start().await.expect("again"),
        Started::Existing(chat.clone())
    );
    // Staff do not start chats on a citizen's behalf.
    assert!(matches!(
        store.start_chat(&w.caseworker, &w.citizen.id, None).await,
        Err(StoreError::Forbidden)
    ));
    // Someone on duty who is not seen for half an hour no longer counts.
    store.advance_clock(SignedDuration::from_mins(31));
    assert_eq!(
        store
            .chat_availability(&aalborg())
            .await
            .expect("availability"),
        Availability::Unstaffed { closes }
    );
}

backend_tests!(staff_take_their_own_citizens_first_and_the_queue_moves_up);
async fn staff_take_their_own_citizens_first_and_the_queue_moves_up(backend: Backend) {
    let (store, w) = open_on_monday(backend).await;
    let bent = aalborg_staff(&store, &w, "aalborg.bent", Role::Caseworker, None).await;
    let (bodil, bodil_actor) = citizen_of(&store, &w, &bent).await;
    store
        .set_chat_duty(&w.caseworker, true)
        .await
        .expect("duty");
    store.set_chat_duty(&bent, true).await.expect("duty");
    let mut events = store.subscribe_threads().await;

    started(
        store
            .start_chat(&w.citizen_actor, &w.citizen.id, None)
            .await
            .expect("first"),
    );
    store.advance_clock(SignedDuration::from_secs(30));
    let second = started(
        store
            .start_chat(&bodil_actor, &bodil, None)
            .await
            .expect("second"),
    );
    let state = store
        .chat_state(&bodil_actor, &bodil, None)
        .await
        .expect("state");
    assert_eq!(state.position, Some(2), "second in the queue");
    // Six seats (two on duty, three each), all free: no wait.
    assert_eq!(state.expected_wait, Some(SignedDuration::ZERO));

    // The queue lists both; listed again (the page refreshes itself), nobody is logged twice.
    let queue = store.staff_chats(&bent).await.expect("queue");
    assert_eq!(queue.waiting.len(), 2);
    assert!(
        queue
            .waiting
            .iter()
            .any(|q| q.mine && q.citizen_name == "Bodil Chat")
    );
    store.staff_chats(&bent).await.expect("queue again");
    let listed = store
        .access_log(&w.admin, &bodil, 100)
        .await
        .expect("log")
        .iter()
        .filter(|e| e.action == store::AuditAction::ChatQueueListed)
        .count();
    assert_eq!(
        listed, 1,
        "{backend:?}: one entry per chat listed, not per refresh"
    );
    // What the starts announced is heard; then Bent takes his own citizen first, though she
    // came second.
    while let Ok(Ok(_)) =
        tokio::time::timeout(std::time::Duration::from_millis(300), events.recv()).await
    {}
    let taken = store
        .take_next_chat(&bent)
        .await
        .expect("take")
        .expect("one");
    assert_eq!(taken.id, second.id);
    assert_eq!(
        taken.own_caseworker.as_deref(),
        Some(bent.id()),
        "the chat knows whose citizen she is (the handover list marks them)"
    );
    assert_eq!(
        taken.taken_name.as_deref(),
        Some("Medarbejder aalborg.bent")
    );
    // The open view of Bodil's thread hears of it, and so does the citizen still waiting,
    // whose place moved (on PostgreSQL through one statement's NOTIFYs).
    let mut heard = std::collections::HashSet::new();
    let mut moved = None;
    while let Ok(Ok(e)) =
        tokio::time::timeout(std::time::Duration::from_secs(2), events.recv()).await
    {
        match e.change {
            ThreadChange::Chat => {
                heard.insert(e.thread.citizen_id.clone());
            }
            ThreadChange::Queue { position, wait }
                if e.thread.citizen_id == w.citizen.id.as_str() =>
            {
                heard.insert(e.thread.citizen_id.clone());
                moved = Some((position, wait));
            }
            _ => {}
        }
        if heard.len() == 2 {
            break;
        }
    }
    assert!(
        heard.contains(bodil.as_str()),
        "{backend:?}: the taken chat is announced"
    );
    assert!(
        heard.contains(w.citizen.id.as_str()),
        "{backend:?}: the queue moved"
    );
    // The event carries the new place and wait, as the citizen's own read gives them.
    assert_eq!(moved, Some((1, SignedDuration::ZERO)), "{backend:?}");
    // The first citizen moves up to first.
    let state = store
        .chat_state(&w.citizen_actor, &w.citizen.id, None)
        .await
        .expect("state");
    assert_eq!(state.position, Some(1));
    let next = store
        .take_next_chat(&w.caseworker)
        .await
        .expect("take")
        .expect("one");
    assert_eq!(next.citizen_id, w.citizen.id);
    assert_eq!(
        store.take_next_chat(&w.caseworker).await.expect("none"),
        None
    );
}

backend_tests!(no_one_takes_more_chats_than_the_limit_or_off_duty);
async fn no_one_takes_more_chats_than_the_limit_or_off_duty(backend: Backend) {
    let (store, w) = open_on_monday(backend).await;
    assert!(matches!(
        store.take_next_chat(&w.caseworker).await,
        Err(StoreError::Conflict("not_on_duty"))
    ));
    store
        .set_chat_duty(&w.caseworker, true)
        .await
        .expect("duty");
    for _ in 0..DEFAULT_MAX_CHATS {
        // Taken and ended again and again: the limit counts open chats only.
        let c = started_and_taken(&store, &w, &w.caseworker).await;
        // Each took four minutes: the typical handling time the wait is reckoned in.
        store.advance_clock(SignedDuration::from_mins(4));
        store
            .end_chat(&w.citizen_actor, &c.id, false)
            .await
            .expect("end");
    }
    // Three citizens at once fill the seats; the fourth waits for one to end.
    let mut open = Vec::new();
    for i in 0..=DEFAULT_MAX_CHATS {
        let (id, actor) = {
            let c = store
                .create_citizen(
                    &w.caseworker,
                    &cash_benefit_citizen(&format!("0{}0185123{i}", i + 1), "Chat Borger", "0851"),
                )
                .await
                .expect("citizen");
            let actor = Actor::Citizen {
                citizen_id: c.id.clone(),
                name: c.name.clone(),
            };
            (c.id, actor)
        };
        started(store.start_chat(&actor, &id, None).await.expect("chat"));
        open.push((id, actor));
    }
    for _ in 0..DEFAULT_MAX_CHATS {
        store
            .take_next_chat(&w.caseworker)
            .await
            .expect("take")
            .expect("one");
    }
    assert!(matches!(
        store.take_next_chat(&w.caseworker).await,
        Err(StoreError::Conflict("chat_limit"))
    ));
    let (last, last_actor) = &open[usize::try_from(DEFAULT_MAX_CHATS).expect("small")];
    let state = store
        .chat_state(last_actor, last, None)
        .await
        .expect("state");
    assert_eq!(state.position, Some(1));
    // Every seat busy: one typical handling time (the clock runs on by a few milliseconds).
    let wait = state.expected_wait.expect("a wait");
    assert!(
        wait >= SignedDuration::from_mins(4) && wait < SignedDuration::from_secs(241),
        "{wait:?}"
    );
    store
        .set_chat_duty(&w.caseworker, false)
        .await
        .expect("off duty");
    assert!(matches!(
        store.take_next_chat(&w.caseworker).await,
        Err(StoreError::Conflict("chat_limit") | StoreError::Conflict("not_on_duty"))
    ));
}

backend_tests!(a_chat_nobody_took_by_closing_time_becomes_the_message_it_is);
async fn a_chat_nobody_took_by_closing_time_becomes_the_message_it_is(backend: Backend) {
    let rules = store::testing::rule_book();
    let store = fresh_store(backend).await;
    // Monday 14:50, ten minutes before closing.
    store.set_clock("2026-12-07T13:50:00Z".parse().expect("ts"));
    let w = world(&store).await;
    store
        .set_chat_hours(&w.admin, &aalborg(), &weekdays())
        .await
        .expect("hours");
    store
        .set_chat_duty(&w.caseworker, true)
        .await
        .expect("duty");
    let chat = started(
        store
            .start_chat(&w.citizen_actor, &w.citizen.id, None)
            .await
            .expect("chat"),
    );
    store
        .post_message(
            &w.citizen_actor,
            &w.citizen.id,
            None,
            &MessageBody::try_from("Hvornår er mit næste møde?").expect("body"),
        )
        .await
        .expect("message");
    assert_eq!(
        store.close_unanswered_chats().await.expect("close"),
        0,
        "still open"
    );
    store.advance_clock(SignedDuration::from_mins(11));
    assert_eq!(store.close_unanswered_chats().await.expect("close"), 1);
    let state = store
        .chat_state(&w.citizen_actor, &w.citizen.id, None)
        .await
        .expect("state");
    assert_eq!(state.chat, None, "no chat open");
    assert!(matches!(
        state.availability,
        Availability::Closed { opens: Some(_) }
    ));
    // The question waits in the thread with the usual promise: on the worklist after two
    // working days, like any unanswered message.
    store
        .update_citizen(
            &w.caseworker,
            &w.citizen.id,
            &CitizenChange {
                caseworker_id: Some(Some(
                    domain::StaffId::try_from(w.caseworker.id()).expect("id"),
                )),
                ..Default::default()
            },
        )
        .await
        .expect("assign");
    store.advance_clock(SignedDuration::from_hours(24 * 4));
    let list = store
        .worklist(
            &w.caseworker,
            &rules,
            &store::WorklistQuery {
                reason: Some(WorkReason::UnansweredMessage),
                ..Default::default()
            },
        )
        .await
        .expect("worklist");
    assert_eq!(list.entries.len(), 1);
    // The manager's report counts it as asked for and left at closing time, in Aalborg only.
    let day = |s: &str| s.parse::<Timestamp>().expect("ts");
    let manager = aalborg_staff(&store, &w, "aalborg.leder", Role::Manager, None).await;
    let aalborg_scope = store.report_scope(&manager, None).await.expect("scope");
    let f = store
        .chat_figures(
            &aalborg_scope,
            day("2026-12-07T00:00:00Z"),
            day("2026-12-08T00:00:00Z"),
        )
        .await
        .expect("figures");
    assert_eq!((f.asked, f.answered, f.unanswered), (1, 0, 1));
    let aarhus_scope = store
        .report_scope(
            &w.admin,
            Some(&MunicipalityCode::try_from("0751").expect("code")),
        )
        .await
        .expect("scope");
    let f = store
        .chat_figures(
            &aarhus_scope,
            day("2026-12-07T00:00:00Z"),
            day("2026-12-08T00:00:00Z"),
        )
        .await
        .expect("figures");
    assert_eq!(f.asked, 0, "another municipality's chats are not counted");
    // Ended chats are ended: ending again changes nothing.
    let again = store
        .end_chat(&w.citizen_actor, &chat.id, false)
        .await
        .expect("end");
    assert_eq!(again.outcome.as_deref(), Some("unanswered"));
}

backend_tests!(a_chat_is_handed_to_a_colleague_or_back_to_the_queue_when_its_holder_is_gone);
async fn a_chat_is_handed_to_a_colleague_or_back_to_the_queue_when_its_holder_is_gone(
    backend: Backend,
) {
    let (store, w) = open_on_monday(backend).await;
    let bent = aalborg_staff(&store, &w, "aalborg.bent", Role::Caseworker, None).await;
    let bent_id = domain::StaffId::try_from(bent.id()).expect("id");
    store
        .set_chat_duty(&w.caseworker, true)
        .await
        .expect("duty");
    let chat = started_and_taken(&store, &w, &w.caseworker).await;
    // Bent is not on duty: he cannot be given it.
    assert!(matches!(
        store
            .hand_over_chat(&w.caseworker, &chat.id, &bent_id)
            .await,
        Err(StoreError::Conflict("not_on_duty"))
    ));
    store.set_chat_duty(&bent, true).await.expect("duty");
    assert_eq!(
        store
            .chat_colleagues_on_duty(&w.caseworker)
            .await
            .expect("colleagues"),
        vec![(bent.id().to_owned(), "Medarbejder aalborg.bent".to_owned())]
    );
    let moved = store
        .hand_over_chat(&w.caseworker, &chat.id, &bent_id)
        .await
        .expect("handed over");
    assert_eq!(
        moved.taken_name.as_deref(),
        Some("Medarbejder aalborg.bent")
    );
    // Only the one who holds it hands it on.
    assert!(matches!(
        store
            .hand_over_chat(&w.caseworker, &chat.id, &bent_id)
            .await,
        Err(StoreError::NotFound)
    ));
    // Another municipality's staff are no colleagues.
    let aarhus = domain::StaffId::try_from(w.other_municipality.id()).expect("id");
    assert!(matches!(
        store.hand_over_chat(&bent, &chat.id, &aarhus).await,
        Err(StoreError::NotFound)
    ));

    // Bent closes his laptop: after five minutes without a sign of life the chat is back in
    // the queue, first, for Karen (who has been seen).
    assert_eq!(store.return_stranded_chats().await.expect("none yet"), 0);
    store.advance_clock(store::DUTY_STALE + SignedDuration::from_secs(1));
    store
        .set_chat_duty(&w.caseworker, true)
        .await
        .expect("still here");
    assert_eq!(store.return_stranded_chats().await.expect("returned"), 1);
    let state = store
        .chat_state(&w.citizen_actor, &w.citizen.id, None)
        .await
        .expect("state");
    assert_eq!(state.position, Some(1));
    let again = store
        .take_next_chat(&w.caseworker)
        .await
        .expect("take")
        .expect("one");
    assert_eq!(again.id, chat.id, "the same chat, its messages with it");
}

backend_tests!(a_chat_marked_as_a_conversation_is_a_contact_by_chat_in_the_report);
async fn a_chat_marked_as_a_conversation_is_a_contact_by_chat_in_the_report(backend: Backend) {
    use domain::contact_report::GroupBy;
    let (store, w) = open_on_monday(backend).await;
    store
        .set_chat_duty(&w.caseworker, true)
        .await
        .expect("duty");
    let manager = aalborg_staff(&store, &w, "aalborg.leder", Role::Manager, None).await;
    let scope = store.report_scope(&manager, None).await.expect("scope");
    let day = |s: &str| s.parse::<Timestamp>().expect("ts");
    let (from, to) = (day("2026-12-07T00:00:00Z"), day("2026-12-08T00:00:00Z"));
    let report = |g| store.contact_report(&scope, from, to, g);
    assert!(
        report(GroupBy::Channel)
            .await
            .expect("report")
            .rows
            .iter()
            .all(|(k, _)| k != store::CHAT_CHANNEL),
        "no chat row without chats"
    );
    let chat = started_and_taken(&store, &w, &w.caseworker).await;
    store
        .end_chat(&w.caseworker, &chat.id, true)
        .await
        .expect("ended as a conversation");
    let rows = report(GroupBy::Channel).await.expect("report").rows;
    let (_, chat_row) = rows
        .iter()
        .find(|(k, _)| k == store::CHAT_CHANNEL)
        .expect("a chat row");
    assert_eq!(
        (chat_row.meetings, chat_row.held, chat_row.answered),
        (1, 1, 0)
    );
    assert_eq!(
        store
            .contact_counts(&scope, from, to, GroupBy::Channel)
            .await
            .expect("counts")
            .last()
            .map(|(k, c)| (k.as_str(), c.held)),
        Some((store::CHAT_CHANNEL, 1))
    );
    // Meetings only by target group: a chat is not counted as a meeting there.
    let by_group = report(GroupBy::TargetGroup).await.expect("report").rows;
    assert_eq!(by_group.iter().map(|(_, c)| c.held).sum::<u64>(), 0);
}

backend_tests!(a_conversation_by_chat_gets_a_survey_released_in_the_same_blocks_as_meetings);
async fn a_conversation_by_chat_gets_a_survey_released_in_the_same_blocks_as_meetings(
    backend: Backend,
) {
    use domain::contact_report::GroupBy;
    let (store, w) = open_on_monday(backend).await;
    store
        .set_chat_duty(&w.caseworker, true)
        .await
        .expect("duty");
    let pending = |actor: Actor| {
        let store = store.clone();
        async move { store.pending_surveys(&actor).await.expect("surveys") }
    };
    // A chat that was no conversation has no survey.
    let chat = started_and_taken(&store, &w, &w.caseworker).await;
    store
        .end_chat(&w.caseworker, &chat.id, false)
        .await
        .expect("ended");
    assert!(pending(w.citizen_actor.clone()).await.is_empty());

    // Five citizens chat, each a conversation, and answer.
    let answers = domain::surveys::SurveyAnswers {
        satisfaction: 5,
        channel_fit: 4,
        personal: "same",
        helpful: 2,
        more_remote: 4,
        callback: false,
        comment: None,
    };
    for i in 0..5 {
        let c = store
            .create_citizen(
                &w.caseworker,
                &cash_benefit_citizen(&format!("05058512{}", 40 + i), "Sofie Svar", "0851"),
            )
            .await
            .expect("citizen");
        let citizen = Actor::Citizen {
            citizen_id: c.id.clone(),
            name: c.name.clone(),
        };
        started(store.start_chat(&citizen, &c.id, None).await.expect("chat"));
        let chat = store
            .take_next_chat(&w.caseworker)
            .await
            .expect("take")
            .expect("one");
        for _ in 0..2 {
            // Ending an ended chat makes no second survey.
            store
                .end_chat(&w.caseworker, &chat.id, true)
                .await
                .expect("ended as a conversation");
        }
        let surveys = pending(citizen.clone()).await;
        assert_eq!(surveys.len(), 1, "one survey after the chat");
        assert_eq!(
            surveys[0].about,
            store::Surveyed::Chat {
                id: chat.id.clone()
            }
        );
        assert_eq!(surveys[0].held_at, chat.requested_at);
        store
            .answer_survey(&citizen, &surveys[0].id, &answers)
            .await
            .expect("answered");
    }

    // December is final once its answering window has passed: every grouping releases the same
    // five answers, by channel as the chat's row.
    store.set_clock("2027-02-15T10:00:00Z".parse().expect("ts"));
    let manager = aalborg_staff(&store, &w, "aalborg.leder", Role::Manager, None).await;
    let scope = store.report_scope(&manager, None).await.expect("scope");
    let (from, to) = (
        "2026-11-30T23:00:00Z".parse::<Timestamp>().expect("ts"),
        "2026-12-31T23:00:00Z".parse::<Timestamp>().expect("ts"),
    );
    let by_channel = store
        .contact_report(&scope, from, to, GroupBy::Channel)
        .await
        .expect("report")
        .rows;
    let (_, chat_row) = by_channel
        .iter()
        .find(|(k, _)| k == store::CHAT_CHANNEL)
        .expect("a chat row");
    assert_eq!(
        (
            chat_row.meetings,
            chat_row.held,
            chat_row.answered,
            chat_row.satisfied,
            chat_row.helpful,
            chat_row.wants_remote
        ),
        (6, 5, 5, 5, 0, 5)
    );
    for g in [
        GroupBy::TargetGroup,
        GroupBy::Month,
        GroupBy::Municipality,
        GroupBy::Team,
    ] {
        let rows = store
            .contact_report(&scope, from, to, g)
            .await
            .expect("report")
            .rows;
        assert_eq!(
            rows.iter().map(|(_, c)| c.answered).sum::<u64>(),
            5,
            "{g:?}: the same block of answers"
        );
        assert_eq!(
            rows.iter().map(|(_, c)| c.meetings).sum::<u64>(),
            0,
            "{g:?}"
        );
    }
    // The free-text themes read the same surveys; none was written.
    let themes = store
        .comment_themes(&scope, from, to)
        .await
        .expect("themes");
    assert!(themes.iter().all(|(_, n)| *n == 0));
}
