//! The law cases of `rules/cases/*.toml` through both databases: each citizen registered with
//! the case's group and days, its meetings stored with the jobcenter's caseworker or the
//! a-kasse's adviser, and the plan computed from what the store reads back. The domain runs the
//! same files on the plan alone; this holds the storage of days, holders and joint meetings to
//! the law as well.

use std::path::Path;

use domain::contact_plan::{Holder, LawCase, RuleBook, contact_plan, load_dir, plan_rows};
use domain::{Channel, CitizenId, Cpr, FundCode, MunicipalityCode, PersonName, TargetGroup};
use store::testing::{fresh_store, make_joint, world};
use store::{Backend, backend_tests};
use store::{BulkMeeting, CitizenChange, NewCitizen, Store, bulk_id};

fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Registers the case's citizen (number `n`: its own CPR number; born 2005 when the case sends
/// them to the jobcenter from the start, LAB § 27, stk. 3, which needs them under 25).
async fn register(
    store: &Store,
    w: &store::testing::World,
    book: &RuleBook,
    case: &LawCase,
    n: usize,
) -> CitizenId {
    let c = case.citizen;
    let cpr = if c.jobcenter_from_start {
        format!("010105{:04}", 4000 + n)
    } else {
        format!("010190{:04}", n)
    };
    let insured = c.target_group == TargetGroup::InsuredUnemployed;
    let citizen = store
        .create_citizen(
            &w.caseworker,
            &NewCitizen {
                cpr: Cpr::try_from(cpr.as_str()).expect("cpr"),
                name: PersonName::try_from(format!("Borger {n}").as_str()).expect("name"),
                municipality: MunicipalityCode::try_from("0851").expect("code"),
                target_group: c.target_group,
                unemployed_since: c.starts.unemployed_since,
                unemployment_fund: insured.then(|| FundCode::try_from("3F").expect("fund")),
                login: None,
                registered_on: c.starts.registered_on,
                first_contact_on: c.starts.first_contact_on,
                first_absence_on: c.starts.first_absence_on,
            },
        )
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", case.name));
    if c.jobcenter_from_start {
        let change = CitizenChange {
            jobcenter_from_start: Some(true),
            ..Default::default()
        };
        store
            .update_citizen(&w.caseworker, &citizen.id, &change)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
    }
    // Each organisation's exemption is decided by its own staff member.
    for (exempt, who) in [
        (c.exempt.fund, &w.adviser),
        (c.exempt.municipality, &w.caseworker),
    ] {
        if exempt {
            store
                .set_exemption(who, book, &citizen.id, true, "Lovsag")
                .await
                .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        }
    }
    citizen.id
}

backend_tests!(every_law_case_holds_through_both_databases);
async fn every_law_case_holds_through_both_databases(backend: Backend) {
    let cases = load_dir(&root().join("rules/cases")).unwrap_or_else(|e| panic!("{e}"));
    assert!(cases.len() >= 40, "the law cases are there");
    let book = store::testing::rule_book();
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    for (n, case) in cases.iter().enumerate() {
        let citizen = register(&store, &w, &book, case, n).await;
        let mut rows = Vec::new();
        let mut joint = Vec::new();
        for m in &case.meetings {
            let staff = match m.holder {
                Holder::Municipality => &w.caseworker,
                Holder::UnemploymentFund => &w.adviser,
            };
            let id = bulk_id();
            if m.joint {
                joint.push(id.clone());
            }
            rows.push(BulkMeeting {
                id,
                citizen_id: citizen.to_string(),
                staff_id: staff.id().to_owned(),
                start: m.start,
                channel: Channel::InPerson,
                status: m.status,
                booked_by_citizen: false,
                cancelled_late: false,
            });
        }
        store.bulk_insert_meetings(&rows).await.expect("meetings");
        for id in &joint {
            make_joint(&store, id, w.adviser.id()).await;
        }
        let inputs = store
            .plan_inputs(&w.caseworker, &citizen)
            .await
            .expect("plan inputs");
        let plan = contact_plan(&book, inputs.plan_citizen(), &inputs.meetings, case.today);
        assert_eq!(
            plan_rows(&plan),
            case.expected,
            "{backend:?} {}: the plan from the store",
            case.name
        );
    }
}
