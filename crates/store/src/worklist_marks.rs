//! Which cases the kept worklist must decide again (issue 22, item 5; `worklist_state.rs`).
//!
//! Every fact the worklist reads of a case — the citizen's row, meetings, screenings, visitation
//! decisions, exemptions, message threads, survey answers, absence reports, letters — is marked
//! by a database trigger, in the transaction of the change: a row `(org, citizen_id)` in
//! `worklist_marks` for each organisation whose worklist shows the citizen (`m:` and the
//! municipality, `f:` and the a-kasse). A trigger rather than a call in each write path, so no
//! write — today's or one added later — can change a case without marking it; a test that
//! changes a fact and reads the worklist fails if one is missing.
//!
//! A mark is a key, not a log: a case changed a hundred times in one transaction, or before
//! anyone looks, is decided once. On PostgreSQL the key holds the marking transaction
//! (`xact`, migration 0037), so no transaction ever waits for another's mark: the worker takes
//! a batch's marks and decides those cases in one transaction, and with `(org, citizen_id)` as
//! the key every booking of one of those citizens waited for that whole decision (under a
//! storm over two instances, half a PostgreSQL session on average; two instances booked 71 %
//! of one). The worker deletes only marks committed before it looked, and reads the cases
//! after, so a change committed meanwhile leaves its mark for the next round. SQLite has one
//! writer; `xact` stays 0 there.
//!
//! A transaction that locks several citizens must take them in citizen order, or two of them
//! wait for each other in a circle: a batch of bookings locks its citizens in id order first
//! (`booking/group_pg.rs`), the outbox worker keeps its letters in citizen order (`outbox.rs`,
//! where such a circle was found while marks could still wait for each other).
//!
//! SQLite and PostgreSQL write triggers differently, so these are created here, after the
//! migrations, not in them — and only when `worklist_triggers.version` is behind [`VERSION`]:
//! creating a trigger locks its table, and during a rolling restart the other instances are
//! booking (a start that recreated them every time deadlocked three bookings in the restart
//! test). Raise [`VERSION`] when a trigger changes.

use sqlx::{AnyPool, Row};

use crate::Backend;

/// The version of the triggers below.
const VERSION: i64 = 2;

/// The tables holding a case fact, each by its `citizen_id` column.
const FACT_TABLES: [&str; 8] = [
    "meetings",
    "screenings",
    "visitations",
    "plan_exemptions",
    "message_threads",
    "surveys",
    "absence_reports",
    "letters",
];

const OPERATIONS: [&str; 3] = ["INSERT", "UPDATE", "DELETE"];

/// The organisations' keys of one citizen's row, as `org` is stored.
pub(crate) fn municipality_key(code: &str) -> String {
    format!("m:{code}")
}

pub(crate) fn fund_key(code: &str) -> String {
    format!("f:{code}")
}

/// Creates (or replaces) the triggers. Called by `Store::migrate`.
pub(crate) async fn install(pool: &AnyPool, backend: Backend) -> Result<(), sqlx::Error> {
    let installed = |row: sqlx::any::AnyRow| row.try_get::<i64, _>("version");
    let query = "SELECT version FROM worklist_triggers WHERE id = 1";
    if installed(sqlx::query(query).fetch_one(pool).await?)? >= VERSION {
        return Ok(());
    }
    let mut tx = pool.begin().await?;
    // Two instances starting at once: the second waits here, then finds the work done.
    let lock = match backend {
        Backend::Sqlite => "UPDATE worklist_triggers SET version = version WHERE id = 1",
        Backend::Postgres => "SELECT version FROM worklist_triggers WHERE id = 1 FOR UPDATE",
    };
    sqlx::query(lock).execute(&mut *tx).await?;
    if installed(sqlx::query(query).fetch_one(&mut *tx).await?)? >= VERSION {
        return tx.commit().await;
    }
    let statements = match backend {
        Backend::Sqlite => sqlite_triggers(),
        Backend::Postgres => postgres_triggers(),
    };
    for sql in statements {
        sqlx::query(&sql).execute(&mut *tx).await?;
    }
    sqlx::query("UPDATE worklist_triggers SET version = $1 WHERE id = 1")
        .bind(VERSION)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// How each backend's trigger writes a mark.
#[derive(Clone, Copy)]
enum Dialect {
    /// `INSERT OR IGNORE`, `xact` left at 0: SQLite has one writer, so no transaction ever
    /// waits for another's mark.
    Sqlite,
    /// `ON CONFLICT DO NOTHING`, `xact` the transaction's id: no two transactions write one key.
    Postgres,
}

impl Dialect {
    /// The start of the `INSERT`, up to its rows: `INSERT … INTO worklist_marks (columns)`.
    fn insert(self) -> &'static str {
        match self {
            Dialect::Sqlite => "INSERT OR IGNORE INTO worklist_marks (org, citizen_id)",
            Dialect::Postgres => "INSERT INTO worklist_marks (org, citizen_id, xact)",
        }
    }

    /// What follows the organisation and the citizen among a row's values.
    fn xact(self) -> &'static str {
        match self {
            Dialect::Sqlite => "",
            Dialect::Postgres => ", pg_current_xact_id()::text::bigint",
        }
    }

    fn conflict(self) -> &'static str {
        match self {
            Dialect::Sqlite => "",
            Dialect::Postgres => "ON CONFLICT DO NOTHING",
        }
    }
}

/// `INSERT … SELECT` of both keys of the citizen with id `citizen` (an SQL expression).
fn mark_by_id(citizen: &str, d: Dialect) -> String {
    let (insert, xact, conflict) = (d.insert(), d.xact(), d.conflict());
    format!(
        "{insert} SELECT 'm:' || municipality, id{xact} FROM citizens WHERE id = {citizen} \
         UNION ALL SELECT 'f:' || unemployment_fund, id{xact} FROM citizens \
         WHERE id = {citizen} AND unemployment_fund IS NOT NULL {conflict};"
    )
}

/// Both keys of a citizen's row as it was (`OLD`) or is (`NEW`).
fn mark_row(row: &str, d: Dialect) -> String {
    let (insert, xact, conflict) = (d.insert(), d.xact(), d.conflict());
    format!(
        "{insert} VALUES ('m:' || {row}.municipality, {row}.id{xact}) {conflict}; \
         {insert} SELECT 'f:' || {row}.unemployment_fund, {row}.id{xact} \
         WHERE {row}.unemployment_fund IS NOT NULL {conflict};"
    )
}

fn sqlite_triggers() -> Vec<String> {
    let mut out = Vec::new();
    for table in FACT_TABLES {
        for op in OPERATIONS {
            let row = if op == "DELETE" { "OLD" } else { "NEW" };
            out.push(format!("DROP TRIGGER IF EXISTS worklist_mark_{table}_{op}"));
            out.push(format!(
                "CREATE TRIGGER worklist_mark_{table}_{op} AFTER {op} ON {table} BEGIN {} END",
                mark_by_id(&format!("{row}.citizen_id"), Dialect::Sqlite)
            ));
        }
    }
    for (op, rows) in [
        ("INSERT", &["NEW"][..]),
        ("UPDATE", &["OLD", "NEW"][..]),
        ("DELETE", &["OLD"][..]),
    ] {
        let body: String = rows.iter().map(|r| mark_row(r, Dialect::Sqlite)).collect();
        out.push(format!(
            "DROP TRIGGER IF EXISTS worklist_mark_citizens_{op}"
        ));
        out.push(format!(
            "CREATE TRIGGER worklist_mark_citizens_{op} AFTER {op} ON citizens BEGIN {body} END"
        ));
    }
    out
}

fn postgres_triggers() -> Vec<String> {
    const PG: Dialect = Dialect::Postgres;
    let mut out = vec![
        format!(
            "CREATE OR REPLACE FUNCTION worklist_mark_fact() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN \
               IF TG_OP = 'DELETE' THEN {old} ELSE {new} END IF; \
               RETURN NULL; \
             END $$",
            old = mark_by_id("OLD.citizen_id", PG),
            new = mark_by_id("NEW.citizen_id", PG),
        ),
        format!(
            "CREATE OR REPLACE FUNCTION worklist_mark_citizen() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN \
               IF TG_OP <> 'INSERT' THEN {old} END IF; \
               IF TG_OP <> 'DELETE' THEN {new} END IF; \
               RETURN NULL; \
             END $$",
            old = mark_row("OLD", PG),
            new = mark_row("NEW", PG),
        ),
    ];
    for table in FACT_TABLES {
        out.push(format!(
            "CREATE OR REPLACE TRIGGER worklist_mark AFTER INSERT OR UPDATE OR DELETE ON {table} \
             FOR EACH ROW EXECUTE FUNCTION worklist_mark_fact()"
        ));
    }
    out.push(
        "CREATE OR REPLACE TRIGGER worklist_mark AFTER INSERT OR UPDATE OR DELETE ON citizens \
         FOR EACH ROW EXECUTE FUNCTION worklist_mark_citizen()"
            .to_owned(),
    );
    out
}
