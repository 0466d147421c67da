//! Fresh databases for tests, on both backends. Each call gives a new SQLite file in a temporary
//! folder, or a new PostgreSQL database on the server named by `JOBUNIVERS_TEST_POSTGRES`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`). Test databases are named `ju_t_…`;
//! the test script drops leftovers before it starts.

use crate::lease::{Job, Lease};
use domain::StaffId;
use sqlx::{Connection, Executor};

use crate::{Backend, CprKey, Store, StoreOptions};

pub const BACKENDS: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

/// One test case per backend: `backend_tests!(name);` above `async fn name(backend: Backend)`
/// makes the tests `name::sqlite` and `name::postgres`, so a failure on one backend never hides
/// the other's result, and each shows on its own line of the test report.
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::Backend::Sqlite).await;
            }

            #[tokio::test]
            async fn postgres() {
                super::$name($crate::Backend::Postgres).await;
            }
        }
    )+};
}

/// Sends the tests' logs through the test harness, which shows them beside a failing test (and
/// hides them for a passing one): a 500 in a test leaves its cause in the report. Every test
/// that makes a store passes here; `RUST_LOG` widens or narrows it (default: warnings, and
/// errors of every crate).
pub fn log_to_test_output() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    // Only the first call in a test process installs it; the rest find it there.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}

pub fn postgres_admin_url() -> String {
    std::env::var("JOBUNIVERS_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A URL to a new, empty database of the given backend.
pub async fn fresh_database_url(backend: Backend) -> String {
    let name = format!("ju_t_{}", crate::ids::new_id());
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join("jobunivers-tests");
            std::fs::create_dir_all(&dir).expect("temp dir");
            format!("sqlite://{}", dir.join(format!("{name}.db")).display())
        }
        Backend::Postgres => {
            let admin = postgres_admin_url();
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("PostgreSQL for tests (set JOBUNIVERS_TEST_POSTGRES)");
            conn.execute(format!("CREATE DATABASE \"{name}\"").as_str())
                .await
                .expect("create db");
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            format!("{base}/{name}")
        }
    }
}

/// The repository's rule files (`rules/*.toml`) as one rule book, as the server loads them.
pub fn rule_book() -> domain::contact_plan::RuleBook {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("rules")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("rule file");
            (p.display().to_string(), text)
        })
        .collect();
    files.sort();
    domain::contact_plan::RuleBook::from_files(&files).expect("the repository's rule files")
}

/// A migrated store on a new database.
pub async fn fresh_store(backend: Backend) -> Store {
    log_to_test_output();
    let url = fresh_database_url(backend).await;
    let store = Store::connect(&StoreOptions {
        url,
        cpr_key: CprKey::random(),
        max_connections: 4,
        meetings: Default::default(),
    })
    .await
    .expect("connect");
    store.migrate().await.expect("migrate");
    store
}

/// A small world for meeting tests: Aalborg and Aarhus jobcenters with a caseworker each, the
/// 3F a-kasse with an adviser, and one insured citizen of Aalborg who belongs to 3F.
pub struct World {
    pub admin: domain::Actor,
    pub caseworker: domain::Actor,
    pub other_municipality: domain::Actor,
    pub adviser: domain::Actor,
    pub citizen: crate::Citizen,
    pub citizen_actor: domain::Actor,
}

pub async fn world(store: &Store) -> World {
    use domain::{
        Actor, Cpr, FundCode, Login, MunicipalityCode, OrgName, Organisation, PersonName, Role,
    };
    let admin = Actor::Admin {
        id: StaffId::try_from("admin-id").expect("an id"),
        name: "Admin".into(),
    };
    let muni = |c: &str| MunicipalityCode::try_from(c).expect("code");
    // Aalborg has a switchboard (letters tell the citizen to call it); Aarhus none.
    let aalborg = crate::OrgContact {
        phone: domain::PhoneNumber::try_from("70 10 08 51").ok(),
        phone_hours: Some("mandag–fredag kl. 9–15".to_owned()),
        email: None,
        dpo_email: None,
        // A made-up sender for Digital Post tests.
        cvr: domain::Cvr::try_from("12345678").ok(),
    };
    for (code, name) in [("0851", "Aalborg"), ("0751", "Aarhus")] {
        let contact = if code == "0851" {
            aalborg.clone()
        } else {
            crate::OrgContact::default()
        };
        store
            .create_municipality(
                &admin,
                &muni(code),
                &OrgName::try_from(name).expect("name"),
                &contact,
            )
            .await
            .expect("municipality");
    }
    let fund = FundCode::try_from("3F").expect("fund");
    store
        .create_fund(
            &admin,
            &fund,
            &OrgName::try_from("3F A-kasse").expect("name"),
            &Default::default(),
        )
        .await
        .expect("fund");
    let mut actors = Vec::new();
    for (login, name, org) in [
        (
            "cw-aalborg",
            "Karen Jobkonsulent",
            Organisation::Municipality(muni("0851")),
        ),
        (
            "cw-aarhus",
            "Ole Aarhus",
            Organisation::Municipality(muni("0751")),
        ),
        ("adv-3f", "Aase Rådgiver", Organisation::Fund(fund.clone())),
    ] {
        let member = store
            .create_staff(
                &admin,
                &crate::NewStaff {
                    login: Login::try_from(login).expect("login"),
                    name: PersonName::try_from(name).expect("name"),
                    role: Role::Caseworker,
                    organisation: Some(org),
                    team: None,
                },
            )
            .await
            .expect("staff");
        actors.push(member.actor().expect("actor"));
    }
    let [caseworker, other_municipality, adviser]: [Actor; 3] = actors.try_into().expect("three");
    let citizen = store
        .create_citizen(
            &caseworker,
            &crate::NewCitizen {
                cpr: Cpr::try_from("0101901234").expect("cpr"),
                name: PersonName::try_from("Søren Ærø").expect("name"),
                municipality: muni("0851"),
                target_group: domain::TargetGroup::InsuredUnemployed,
                unemployed_since: jiff::civil::date(2026, 9, 1),
                unemployment_fund: Some(fund),
                login: Some(Login::try_from("soeren").expect("login")),
                registered_on: None,
                first_contact_on: None,
                first_absence_on: None,
            },
        )
        .await
        .expect("citizen");
    let citizen_actor = Actor::Citizen {
        citizen_id: citizen.id.clone(),
        name: citizen.name.clone(),
    };
    World {
        admin,
        caseworker,
        other_municipality,
        adviser,
        citizen,
        citizen_actor,
    }
}

/// A slot starting `hours_ahead` hours from the store's now, of `minutes` length.
pub fn slot_in(
    store: &Store,
    hours_ahead: i64,
    minutes: i64,
    channels: &[domain::Channel],
) -> crate::NewSlot {
    let start = store
        .now()
        .checked_add(jiff::SignedDuration::from_hours(hours_ahead))
        .expect("time");
    let end = start
        .checked_add(jiff::SignedDuration::from_mins(minutes))
        .expect("time");
    crate::NewSlot {
        span: domain::TimeSpan::new(start, end).expect("span"),
        channels: channels.to_vec(),
        location: channels
            .contains(&domain::Channel::InPerson)
            .then(|| "Jobcenter Aalborg, Kjellerups Torv 5".to_owned()),
    }
}

/// Records that the citizen held their first conversation, in person with `staff_id`, 30 days
/// before the store's now. The law holds every first job conversation in person (LAB § 33,
/// stk. 1), so a test about a later meeting by phone or video starts from here.
pub async fn first_conversation_held(store: &Store, citizen_id: &str, staff_id: &str) {
    let start = store
        .now()
        .checked_sub(jiff::SignedDuration::from_hours(24 * 30))
        .expect("time");
    let held = crate::BulkMeeting {
        id: crate::bulk_id(),
        citizen_id: citizen_id.to_owned(),
        staff_id: staff_id.to_owned(),
        start,
        channel: domain::Channel::InPerson,
        status: domain::MeetingStatus::Held,
        booked_by_citizen: false,
        cancelled_late: false,
    };
    store
        .bulk_insert_meetings(&[held])
        .await
        .expect("first conversation");
}

/// Makes a stored meeting a joint one: `adviser_id` of the citizen's a-kasse takes part.
pub async fn make_joint(store: &Store, meeting_id: &str, adviser_id: &str) {
    sqlx::query("UPDATE meetings SET adviser_id = $1 WHERE id = $2")
        .bind(adviser_id)
        .bind(meeting_id)
        .execute(&store.inner.write)
        .await
        .expect("joint");
}

/// A citizen on cash benefit (no a-kasse, no login) in `municipality`, unemployed since
/// 1 September 2026, as a test registers one.
pub fn cash_benefit_citizen(cpr: &str, name: &str, municipality: &str) -> crate::NewCitizen {
    crate::NewCitizen {
        cpr: domain::Cpr::try_from(cpr).expect("cpr"),
        name: domain::PersonName::try_from(name).expect("name"),
        municipality: domain::MunicipalityCode::try_from(municipality).expect("code"),
        target_group: domain::TargetGroup::JobReadyCashBenefit,
        unemployed_since: jiff::civil::date(2026, 9, 1),
        unemployment_fund: None,
        login: None,
        registered_on: None,
        first_contact_on: None,
        first_absence_on: None,
    }
}

/// Forgets the citizen's sealed CPR number, as for someone registered before numbers were
/// sealed (or bulk data generated without them).
pub async fn forget_sealed_cpr(store: &Store, citizen_id: &str) {
    sqlx::query("UPDATE citizens SET cpr_sealed = NULL WHERE id = $1")
        .bind(citizen_id)
        .execute(&store.inner.write)
        .await
        .expect("forget");
}

/// Options for a second store on `store`'s database (another instance of the national
/// deployment), with the same CPR key.
pub fn twin_options(store: &Store) -> StoreOptions {
    StoreOptions {
        url: store.inner.url.clone(),
        cpr_key: store.inner.cpr_key.clone(),
        max_connections: 4,
        meetings: Default::default(),
    }
}

/// Takes every connection of the requests' pool and keeps them while the returned guards live:
/// a server whose requests are all busy (for the background pool's test, `background.rs`).
pub async fn hold_every_request_connection(
    store: &Store,
) -> Vec<sqlx::pool::PoolConnection<sqlx::Any>> {
    let pool = &store.inner.read;
    let mut held = Vec::new();
    for _ in 0..pool.options().get_max_connections() {
        held.push(pool.acquire().await.expect("a request connection"));
    }
    held
}

/// The worklist's worker in the middle of deciding `org`'s marked cases on PostgreSQL: the
/// organisation's lock and their marks taken, as it takes them, in a transaction left open
/// (commit it to finish, drop it to give them back).
pub async fn deciding_worklist(
    store: &Store,
    org: &str,
) -> (sqlx::Transaction<'static, sqlx::Any>, Vec<String>) {
    let mut tx = store.inner.write.begin().await.expect("begin");
    crate::worklist_state::lock_org(&mut tx, org, true)
        .await
        .expect("lock");
    let taken = crate::worklist_state::take_marks(&mut tx, org, 1000)
        .await
        .expect("marks");
    (tx, taken)
}

/// Another instance's transaction holding a citizen's row as a booking does (`FOR NO KEY
/// UPDATE`) on PostgreSQL, left open until the returned transaction ends.
pub async fn holding_citizen(
    store: &Store,
    citizen_id: &str,
) -> sqlx::Transaction<'static, sqlx::Any> {
    let mut tx = store.inner.write.begin().await.expect("begin");
    crate::booking::busy::lock_citizen(&mut tx, citizen_id)
        .await
        .expect("the citizen locked");
    tx
}

/// Another instance's background worker at a job on PostgreSQL, between two of its pieces of
/// work: its lease (`lease.rs`), held until [`HeldLease::let_go`].
pub struct HeldLease(Lease);

impl HeldLease {
    /// The other instance's worker gives the lease back, as its round's end does.
    pub async fn let_go(self) {
        self.0.give_back().await.expect("the lease given back");
    }
}

async fn held_lease(store: &Store, job: Job) -> HeldLease {
    let conn = store.inner.write.acquire().await.expect("connection");
    HeldLease(
        Lease::take(conn, job)
            .await
            .expect("lease")
            .expect("no one holds it yet"),
    )
}

/// Another instance's worker keeping the worklists.
pub async fn worklist_lease(store: &Store) -> HeldLease {
    held_lease(store, Job::Worklists).await
}

/// Another instance's worker counting the report's stale days again.
pub async fn report_days_lease(store: &Store) -> HeldLease {
    held_lease(store, Job::ReportDays).await
}

/// Another instance's notification worker draining the outbox.
pub async fn outbox_lease(store: &Store) -> HeldLease {
    held_lease(store, Job::Outbox).await
}

/// A staff member of Jobcenter Aalborg with `role`, in `team` if given, created by the world's
/// administrator.
pub async fn aalborg_staff(
    store: &Store,
    w: &World,
    login: &str,
    role: domain::Role,
    team: Option<&str>,
) -> domain::Actor {
    store
        .create_staff(
            &w.admin,
            &crate::NewStaff {
                login: domain::Login::try_from(login).expect("login"),
                name: domain::PersonName::try_from(format!("Medarbejder {login}").as_str())
                    .expect("name"),
                role,
                organisation: Some(domain::Organisation::Municipality(
                    domain::MunicipalityCode::try_from("0851").expect("code"),
                )),
                team: team.map(|t| domain::TeamName::try_from(t).expect("team")),
            },
        )
        .await
        .expect("staff")
        .actor()
        .expect("actor")
}

/// The pages (shared buffers hit or read, at the plan's top as `EXPLAIN (ANALYZE, BUFFERS)`
/// counts them) that PostgreSQL's one plan of each of the kept worklist's most frequent
/// questions reads ([`worklist_questions_read`]).
#[derive(Debug)]
pub struct WorklistQuestionsRead {
    /// Whether anything waits (`worklist_state::BEHIND`, every view).
    pub behind: u64,
    /// Taking a batch of 200 cases' marks (`TAKE_MARKS`, every batch).
    pub take: u64,
    /// Forgetting the decisions of `forgotten` (`forget_sql("worklist_state")`, every batch).
    pub forget: u64,
}

/// What the kept worklist's most frequent questions read for `org` now, forgetting the cases
/// `forgotten`. Each is planned without knowing its parameters, as the store's prepared
/// statements are after a few executions (`plan_cache_mode = force_generic_plan`), on a
/// connection of its own that is closed after; what they delete is rolled back.
pub async fn worklist_questions_read(
    store: &Store,
    org: &str,
    forgotten: &[&str],
) -> WorklistQuestionsRead {
    let plain = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || c == ':');
    assert!(
        plain(org) && forgotten.iter().all(|id| plain(id)),
        "keys to put in SQL: {org} {forgotten:?}"
    );
    let mut conn = store
        .inner
        .write
        .acquire()
        .await
        .expect("connection")
        .detach();
    for sql in [
        "SET plan_cache_mode = force_generic_plan".to_owned(),
        format!(
            "PREPARE behind(text, bigint) AS {}",
            crate::worklist_state::BEHIND
        ),
        format!(
            "PREPARE take(text, bigint) AS {}",
            crate::worklist_state::TAKE_MARKS
        ),
        format!(
            "PREPARE forget(text, text) AS {}",
            crate::worklist_state::forget_sql("worklist_state")
        ),
    ] {
        conn.execute(sql.as_str()).await.expect("prepared");
    }
    let now = store.now_micros();
    let named = serde_json::Value::from(forgotten.to_vec()).to_string();
    let mut read = Vec::new();
    for explain in [
        format!("EXECUTE behind('{org}', {now})"),
        format!("EXECUTE take('{org}', 200)"),
        format!("EXECUTE forget('{org}', '{named}')"),
    ] {
        conn.execute("BEGIN").await.expect("begin");
        read.push(pages_read(&mut conn, &format!("EXPLAIN (ANALYZE, BUFFERS) {explain}")).await);
        conn.execute("ROLLBACK").await.expect("rollback");
    }
    conn.close().await.expect("closed");
    WorklistQuestionsRead {
        behind: read[0],
        take: read[1],
        forget: read[2],
    }
}

/// The shared buffers of the first `Buffers:` line of an `EXPLAIN (ANALYZE, BUFFERS)`: the top
/// node's, which counts its children's.
async fn pages_read(conn: &mut sqlx::AnyConnection, explain: &str) -> u64 {
    use sqlx::Row;
    let lines: Vec<String> = sqlx::query(explain)
        .fetch_all(&mut *conn)
        .await
        .expect("explained")
        .iter()
        .map(|row| row.try_get(0).expect("a line of the plan"))
        .collect();
    let buffers = lines
        .iter()
        .find_map(|line| line.trim().strip_prefix("Buffers:"))
        .unwrap_or_else(|| panic!("no buffers in the plan:\n{}", lines.join("\n")));
    let shared = buffers
        .split(',')
        .find_map(|part| part.trim().strip_prefix("shared"))
        .unwrap_or("");
    shared
        .split_whitespace()
        .filter_map(|count| match count.split_once('=')? {
            ("hit" | "read", n) => n.parse::<u64>().ok(),
            _ => None,
        })
        .sum()
}
