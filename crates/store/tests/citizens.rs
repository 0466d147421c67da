//! Store behaviour that users rely on, run on SQLite and PostgreSQL alike.

use domain::StaffId;
use std::time::Duration;

use domain::{
    Actor, Cpr, FundCode, Login, MunicipalityCode, OrgName, Organisation, PersonName, Role,
    TargetGroup,
};
use store::testing::fresh_store;
use store::{AuditAction, CitizenChange, CitizenQuery, NewCitizen, NewStaff, Store, StoreError};
use store::{Backend, backend_tests};

fn admin() -> Actor {
    Actor::Admin {
        id: StaffId::try_from("admin-id").expect("an id"),
        name: "Admin".into(),
    }
}

fn muni(code: &str) -> MunicipalityCode {
    MunicipalityCode::try_from(code).expect("code")
}

async fn world(store: &Store) -> (Actor, Actor, Actor) {
    for (code, name) in [("0851", "Aalborg"), ("0751", "Aarhus")] {
        store
            .create_municipality(
                &admin(),
                &muni(code),
                &OrgName::try_from(name).expect("name"),
                &Default::default(),
            )
            .await
            .expect("municipality");
    }
    let fund = FundCode::try_from("3F").expect("fund");
    store
        .create_fund(
            &admin(),
            &fund,
            &OrgName::try_from("3F A-kasse").expect("n"),
            &Default::default(),
        )
        .await
        .expect("fund");
    let mut actors = Vec::new();
    for (login, org) in [
        ("cw-aalborg", Organisation::Municipality(muni("0851"))),
        ("cw-aarhus", Organisation::Municipality(muni("0751"))),
        ("adv-3f", Organisation::Fund(fund.clone())),
    ] {
        let member = store
            .create_staff(
                &admin(),
                &NewStaff {
                    login: Login::try_from(login).expect("login"),
                    name: PersonName::try_from(login).expect("name"),
                    role: Role::Caseworker,
                    organisation: Some(org),
                    team: None,
                },
            )
            .await
            .expect("staff");
        actors.push(member.actor().expect("actor"));
    }
    let mut it = actors.into_iter();
    let next = |it: &mut std::vec::IntoIter<Actor>| it.next().expect("three actors");
    (next(&mut it), next(&mut it), next(&mut it))
}

fn new_citizen(cpr: &str, name: &str, municipality: &str) -> NewCitizen {
    NewCitizen {
        cpr: Cpr::try_from(cpr).expect("cpr"),
        name: PersonName::try_from(name).expect("name"),
        municipality: muni(municipality),
        target_group: TargetGroup::InsuredUnemployed,
        unemployed_since: jiff::civil::date(2026, 9, 1),
        unemployment_fund: Some(FundCode::try_from("3F").expect("fund")),
        login: None,
        registered_on: None,
        first_contact_on: None,
        first_absence_on: None,
    }
}

backend_tests!(staff_see_their_own_municipalitys_citizens_and_every_look_is_logged);
async fn staff_see_their_own_municipalitys_citizens_and_every_look_is_logged(backend: Backend) {
    let store = fresh_store(backend).await;
    let (aalborg, aarhus, fund) = world(&store).await;
    let c = store
        .create_citizen(&aalborg, &new_citizen("0101901234", "Søren Ærø", "0851"))
        .await
        .expect("create");
    assert_eq!(c.cpr_masked, "010190-****");

    assert_eq!(
        store.citizen(&aalborg, &c.id).await.expect("read").name,
        "Søren Ærø"
    );
    assert!(
        matches!(
            store.citizen(&aarhus, &c.id).await,
            Err(StoreError::NotFound)
        ),
        "{backend:?}"
    );
    assert!(
        store.citizen(&fund, &c.id).await.is_ok(),
        "the citizen's a-kasse sees its member"
    );

    let me = Actor::Citizen {
        citizen_id: c.id.clone(),
        name: c.name.clone(),
    };
    store.citizen(&me, &c.id).await.expect("own read");
    let log = store.access_log(&me, &c.id, 100).await.expect("log");
    let actions: Vec<_> = log
        .iter()
        .map(|e| (e.actor_name.as_str(), e.action))
        .collect();
    // Newest first; the citizen's own read and the refused read are not there.
    assert_eq!(
        actions,
        vec![
            ("adv-3f", AuditAction::CitizenRead),
            ("cw-aalborg", AuditAction::CitizenRead),
            ("cw-aalborg", AuditAction::CitizenCreated),
        ],
        "{backend:?}"
    );
    assert!(matches!(
        store.access_log(&aalborg, &c.id, 10).await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store.access_log(&aarhus, &c.id, 10).await,
        Err(StoreError::NotFound)
    ));
}

backend_tests!(registration_refuses_duplicates_unknown_organisations_and_other_municipalities);
async fn registration_refuses_duplicates_unknown_organisations_and_other_municipalities(
    backend: Backend,
) {
    let store = fresh_store(backend).await;
    let (aalborg, _, fund) = world(&store).await;
    store
        .create_citizen(&admin(), &new_citizen("0101901234", "A", "0851"))
        .await
        .expect("first");
    let again = store
        .create_citizen(&admin(), &new_citizen("010190-1234", "B", "0851"))
        .await;
    assert!(
        matches!(again, Err(StoreError::AlreadyExists)),
        "{backend:?}: {again:?}"
    );
    let unknown = store
        .create_citizen(&admin(), &new_citizen("0202901234", "C", "0101"))
        .await;
    match unknown {
        Err(StoreError::Invalid(errors)) => assert_eq!(errors[0].field, "municipality"),
        other => panic!("{backend:?}: {other:?}"),
    }
    let elsewhere = store
        .create_citizen(&aalborg, &new_citizen("0303901234", "D", "0751"))
        .await;
    assert!(matches!(elsewhere, Err(StoreError::Forbidden)));
    let by_fund = store
        .create_citizen(&fund, &new_citizen("0404901234", "E", "0851"))
        .await;
    assert!(matches!(by_fund, Err(StoreError::Forbidden)));
    let page = store
        .list_citizens(
            &admin(),
            &CitizenQuery {
                page: 1,
                per_page: 50,
                ..Default::default()
            },
        )
        .await
        .expect("list");
    assert_eq!(
        page.total, 1,
        "{backend:?}: nothing but the first registration was stored"
    );
}

backend_tests!(listing_searches_names_case_insensitively_filters_and_pages);
async fn listing_searches_names_case_insensitively_filters_and_pages(backend: Backend) {
    let store = fresh_store(backend).await;
    let (aalborg, aarhus, _) = world(&store).await;
    for (i, name) in [
        "Åse Østergård",
        "Bo Hansen",
        "Ole Østergaard",
        "Per 100% Nielsen",
    ]
    .iter()
    .enumerate()
    {
        let mut c = new_citizen(&format!("01019{i}1234"), name, "0851");
        if i == 1 {
            c.target_group = TargetGroup::SicknessBenefit;
        }
        store.create_citizen(&admin(), &c).await.expect("create");
    }
    let q = |name: &str, group: Option<TargetGroup>, page: u32| CitizenQuery {
        name_contains: Some(name.into()),
        target_group: group,
        page,
        per_page: 2,
    };
    let names = |p: store::Page<store::CitizenSummary>| {
        p.items.into_iter().map(|c| c.name).collect::<Vec<_>>()
    };
    assert_eq!(
        names(
            store
                .list_citizens(&aalborg, &q("østergå", None, 1))
                .await
                .expect("l")
        ),
        ["Åse Østergård"]
    );
    assert_eq!(
        names(
            store
                .list_citizens(&aalborg, &q("ØSTER", None, 1))
                .await
                .expect("l")
        )
        .len(),
        2
    );
    assert_eq!(
        names(
            store
                .list_citizens(&aalborg, &q("%", None, 1))
                .await
                .expect("l")
        ),
        ["Per 100% Nielsen"]
    );
    assert_eq!(
        names(
            store
                .list_citizens(&aalborg, &q("", Some(TargetGroup::SicknessBenefit), 1))
                .await
                .expect("l")
        ),
        ["Bo Hansen"]
    );
    let second = store
        .list_citizens(&aalborg, &q("", None, 2))
        .await
        .expect("page 2");
    assert_eq!((second.total, second.items.len()), (4, 2), "{backend:?}");
    assert_eq!(
        store
            .list_citizens(&aarhus, &q("", None, 1))
            .await
            .expect("l")
            .total,
        0
    );
}

backend_tests!(changes_follow_who_holds_the_case);
async fn changes_follow_who_holds_the_case(backend: Backend) {
    let store = fresh_store(backend).await;
    let (aalborg, aarhus, fund) = world(&store).await;
    let c = store
        .create_citizen(&admin(), &new_citizen("0101901234", "A", "0851"))
        .await
        .expect("c");
    let cw_id = aalborg.id().to_owned();
    let assign = CitizenChange {
        caseworker_id: Some(Some(domain::StaffId::try_from(cw_id.as_str()).expect("id"))),
        ..Default::default()
    };
    assert_eq!(
        store
            .update_citizen(&aalborg, &c.id, &assign)
            .await
            .expect("assign")
            .caseworker_id
            .map(String::from),
        Some(cw_id)
    );
    assert!(matches!(
        store.update_citizen(&fund, &c.id, &assign).await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store.update_citizen(&aarhus, &c.id, &assign).await,
        Err(StoreError::NotFound)
    ));
    let foreign = CitizenChange {
        caseworker_id: Some(Some(domain::StaffId::try_from(aarhus.id()).expect("id"))),
        ..Default::default()
    };
    assert!(matches!(
        store.update_citizen(&aalborg, &c.id, &foreign).await,
        Err(StoreError::Invalid(_))
    ));

    let me = Actor::Citizen {
        citizen_id: c.id.clone(),
        name: "A".into(),
    };
    let wish = CitizenChange {
        in_person_requested: Some(true),
        ..Default::default()
    };
    assert!(
        store
            .update_citizen(&me, &c.id, &wish)
            .await
            .expect("own wish")
            .in_person_requested
    );
    assert!(matches!(
        store.update_citizen(&me, &c.id, &assign).await,
        Err(StoreError::Forbidden)
    ));
    let now = store.citizen(&admin(), &c.id).await.expect("read");
    assert!(
        now.in_person_requested && now.caseworker_id.is_some(),
        "{backend:?}"
    );
}

backend_tests!(sessions_sign_in_known_logins_until_they_end);
async fn sessions_sign_in_known_logins_until_they_end(backend: Backend) {
    let store = fresh_store(backend).await;
    let (aalborg, _, _) = world(&store).await;
    let session = store
        .start_session("cw-aalborg", Duration::from_secs(60))
        .await
        .expect("session");
    assert_eq!(
        store.actor_for_token(&session.token).await.expect("actor"),
        aalborg
    );
    assert!(matches!(
        store.actor_for_token("nonsense").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.start_session("nobody", Duration::from_secs(60)).await,
        Err(StoreError::NotFound)
    ));
    store.end_session(&session.token).await.expect("end");
    assert!(
        matches!(
            store.actor_for_token(&session.token).await,
            Err(StoreError::NotFound)
        ),
        "{backend:?}"
    );
    let short = store
        .start_session("cw-aalborg", Duration::from_millis(1))
        .await
        .expect("short");
    tokio::time::sleep(Duration::from_millis(5)).await;
    assert!(matches!(
        store.actor_for_token(&short.token).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.delete_expired_sessions().await.expect("cleanup"), 1);
}

#[tokio::test]
async fn the_access_log_tells_an_a_kasse_adviser_from_a_jobcentre_caseworker() {
    for backend in store::testing::BACKENDS {
        let store = store::testing::fresh_store(backend).await;
        let w = store::testing::world(&store).await;
        store
            .citizen(&w.adviser, &w.citizen.id)
            .await
            .expect("adviser reads");
        store
            .citizen(&w.caseworker, &w.citizen.id)
            .await
            .expect("caseworker reads");
        // Reads by staff are in the log before they return.
        let log = store
            .access_log(&w.citizen_actor, &w.citizen.id, 50)
            .await
            .expect("log");
        let by = |name: &str| {
            log.iter()
                .find(|e| e.actor_name == name)
                .map(|e| e.actor_in_fund)
        };
        assert_eq!(by("Aase Rådgiver"), Some(true), "{backend:?}");
        assert_eq!(by("Karen Jobkonsulent"), Some(false), "{backend:?}");
    }
}

backend_tests!(reads_made_at_the_same_moment_each_get_their_own_citizen);
/// On PostgreSQL concurrent reads are made together in one statement (`citizen_reads.rs`):
/// each must still get its own citizen, an unknown id `NotFound` and another municipality's
/// citizen `NotFound`, and each read is logged once.
async fn reads_made_at_the_same_moment_each_get_their_own_citizen(backend: Backend) {
    let store = fresh_store(backend).await;
    let (aalborg, aarhus, _) = world(&store).await;
    let mut citizens = Vec::new();
    for n in 0..24 {
        let c = store
            .create_citizen(
                &aalborg,
                &new_citizen(
                    &format!("01019{:05}", 10_000 + n * 7),
                    &format!("Borger Nr {n}"),
                    "0851",
                ),
            )
            .await
            .expect("create");
        citizens.push(c);
    }
    let reads: Vec<_> = citizens
        .iter()
        .chain(citizens.iter())
        .map(|c| {
            let (store, actor, id) = (store.clone(), aalborg.clone(), c.id.clone());
            tokio::spawn(async move { store.citizen(&actor, &id).await })
        })
        .collect();
    let unknown = {
        let (store, actor) = (store.clone(), aalborg.clone());
        tokio::spawn(async move {
            let id = domain::CitizenId::try_from("01ZZZZZZZZZZZZZZZZZZZZZZZZ").expect("an id");
            store.citizen(&actor, &id).await
        })
    };
    let hidden = {
        let (store, actor, id) = (store.clone(), aarhus.clone(), citizens[3].id.clone());
        tokio::spawn(async move { store.citizen(&actor, &id).await })
    };
    for (read, c) in reads
        .into_iter()
        .zip(citizens.iter().chain(citizens.iter()))
    {
        let got = read.await.expect("task").expect("read");
        assert_eq!((got.id, got.name), (c.id.clone(), c.name.clone()));
    }
    assert!(matches!(
        unknown.await.expect("task"),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        hidden.await.expect("task"),
        Err(StoreError::NotFound)
    ));
    let log = store
        .access_log(&admin(), &citizens[5].id, 100)
        .await
        .expect("log");
    let reads = log
        .iter()
        .filter(|e| e.action == AuditAction::CitizenRead)
        .count();
    assert_eq!(reads, 2, "each of the two reads logged once");
}
