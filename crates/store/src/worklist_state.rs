//! The worklist kept up to date (issue 22, item 5), the way the report keeps its day counts.
//!
//! What the worklist decided for each citizen is kept per organisation whose list shows them
//! (`worklist_items`, `worklist_state`, migration 0035). A case is decided again when one of its
//! facts changed — a trigger marked it (`worklist_marks.rs`) — or when the clock reached the
//! instant its decision holds until (`domain::contact_plan::reasons_hold_until`). Before a view
//! reads a page it brings its organisation up to date ([`Store::keep_worklist`]): usually a
//! handful of cases, each read and decided as before; the background worker does the same for
//! every organisation so that views rarely have to.
//!
//! Decisions for one organisation are made one batch at a time — on SQLite by the single
//! writer, on PostgreSQL under an advisory lock per organisation, so two instances cannot
//! commit an older decision over a newer one. Each batch's transaction takes the marks it
//! decides and then reads the cases: a change committed after that read keeps (or makes) its
//! mark, so its case is decided again by the next batch — nothing waits and nothing is missed.
//! A view keeps its whole organisation, a caseworker's too: keeping only the caseworker's own
//! cases was tried and measured slower — while the organisation had thousands of other marks
//! waiting for the worker, every view paid for looking past them (p99 about 100 ms instead of
//! one first view of 1.7 s, `bench/background.sh`).

use domain::Organisation;
use domain::contact_plan::{
    CaseFacts, Holder, RuleBook, WorkItem, WorkReason, contact_plan, reasons_hold_until,
    work_reasons,
};
use jiff::Timestamp;
use sha2::{Digest, Sha256};
use sqlx::{Any, Row, Transaction};

use crate::case_files::CaseFile;
use crate::lease::{self, Job, Turn};
use crate::worklist_marks::{fund_key, municipality_key};
use crate::{Backend, Store, StoreError, clock};

/// Cases decided per transaction: on SQLite the writer is held for this many (a few ms), so
/// bookings never wait long behind a view or the background worker.
const BATCH: usize = 200;

/// Stored for a decision that only a change of the case can end.
const FOREVER: i64 = i64::MAX;

// The three questions every view and every batch asks. PostgreSQL prepares each once and plans
// it once for every organisation (a generic plan, without knowing `$1`), so each part of each
// is written to ask an index for rows in the index's own order, from where the organisation
// begins: no plan then reads more than the rows it returns and the dead rows among them
// (`testing::worklist_questions_read`, `after_a_bulk_load_the_worklists_questions_read_only_their_own_rows`).
// Written as `WHERE org = $1 … LIMIT 1` and `IN (…)`, their one plan read the organisations
// that a bulk load's marks left waiting: a view of an organisation already up to date scanned
// 700,000 marks of others in parallel (a caseworker's worklist at p50 85–147 ms for two minutes,
// `bench/background.sh`), and each batch of 200 hashed all of its organisation's marks (50 ms
// a batch with 23,000 waiting: deciding a municipality took time growing with its square).

/// Whether anything of `$1` waits at `$2`: a mark, a decision the clock has overtaken, or one
/// made after `$2` (the demo's clock set back).
pub(crate) const BEHIND: &str = "SELECT 1 AS behind FROM (SELECT citizen_id FROM worklist_marks \
     WHERE org = $1 ORDER BY citizen_id LIMIT 1) marked \
     UNION ALL SELECT 1 FROM (SELECT holds_until FROM worklist_state WHERE org = $1 \
     AND holds_until <= $2 ORDER BY holds_until LIMIT 1) overtaken \
     UNION ALL SELECT 1 FROM (SELECT decided_at FROM worklist_state WHERE org = $1 \
     AND decided_at > $2 ORDER BY decided_at DESC LIMIT 1) ahead \
     LIMIT 1";

/// Up to `$3` of `$1`'s cases whose decisions the clock `$2` has overtaken (or that lie after it).
const OVERTAKEN: &str = "SELECT citizen_id FROM (SELECT citizen_id FROM worklist_state \
     WHERE org = $1 AND holds_until <= $2 ORDER BY holds_until LIMIT $3) overtaken \
     UNION SELECT citizen_id FROM (SELECT citizen_id FROM worklist_state \
     WHERE org = $1 AND decided_at > $2 ORDER BY decided_at DESC LIMIT $3) ahead \
     LIMIT $3";

/// Deletes the marks of `$1`'s first `$2` marked cases in the marks' key order — one range of
/// that key, from its first citizen to the `$2`th — and returns their citizens. Both ends are
/// named: with only `citizen_id <=` the plan guessed a third of the organisation's marks and
/// scanned the table.
pub(crate) const TAKE_MARKS: &str = "DELETE FROM worklist_marks WHERE org = $1 AND citizen_id \
     BETWEEN (SELECT MIN(citizen_id) FROM worklist_marks WHERE org = $1) \
     AND (SELECT MAX(citizen_id) FROM (SELECT DISTINCT citizen_id FROM worklist_marks \
     WHERE org = $1 ORDER BY citizen_id LIMIT $2) first) \
     RETURNING citizen_id";

/// The key of an organisation's rows in `worklist_*.org`.
pub(crate) fn org_key(organisation: &Organisation) -> String {
    match organisation {
        Organisation::Municipality(m) => municipality_key(m.as_str()),
        Organisation::Fund(f) => fund_key(f.as_str()),
    }
}

/// The organisation of a key, for the background worker.
fn organisation_of(key: &str) -> Option<Organisation> {
    match key.split_once(':')? {
        ("m", code) => code.try_into().ok().map(Organisation::Municipality),
        ("f", code) => code.try_into().ok().map(Organisation::Fund),
        _ => None,
    }
}

/// The reason's place in the worklist's order, as `worklist_items.reason_rank`.
pub(crate) fn rank(reason: WorkReason) -> i64 {
    let place = WorkReason::ALL.iter().position(|r| *r == reason);
    i64::try_from(place.unwrap_or(usize::MAX)).unwrap_or(i64::MAX)
}

/// What `organisation`'s worklist shows of `case` at `now`, and until when that holds.
pub(crate) fn decide(
    book: &RuleBook,
    case: &CaseFile,
    organisation: &Organisation,
    now: Timestamp,
) -> (Vec<WorkItem>, Option<Timestamp>) {
    let jobcenter = matches!(organisation, Organisation::Municipality(_));
    let today = domain::clock_text::local_date(now);
    let plan = contact_plan(book, case.plan_citizen(), &case.meetings, today);
    let facts = CaseFacts {
        plan: &plan,
        meetings: &case.meetings,
        track: case.track,
        latest_screening: case.latest_screening,
        latest_visitation: case.latest_visitation,
        last_activity: [
            case.last_signed_in_at,
            case.own_booking,
            case.latest_visitation,
        ]
        .into_iter()
        .flatten()
        .max(),
        registered_at: case.created_at,
        // The jobcenter holds the meeting the survey was about; a-kasser do not call.
        callback_requested: case.callback_requested.filter(|_| jobcenter),
        letter_address_missing: case.letter_address_missing,
        absence_reported: if jobcenter {
            case.absence_jobcenter
        } else {
            case.absence_fund
        },
        unanswered_since: if jobcenter {
            case.waiting_jobcenter
        } else {
            case.waiting_fund
        },
        assigned: case.caseworker_id.is_some(),
        self_books: domain::meetings::books_themself(case.target_group, case.self_booking_exempt),
        holder: Holder::of_organisation(organisation),
    };
    (work_reasons(&facts, now), reasons_hold_until(&facts, now))
}

/// Whether `case` is on `organisation`'s lists at all (it may have moved or left its a-kasse).
fn belongs(case: &CaseFile, organisation: &Organisation) -> bool {
    match organisation {
        Organisation::Municipality(m) => case.municipality == m.as_str(),
        Organisation::Fund(f) => case.fund.as_deref() == Some(f.as_str()),
    }
}

impl Store {
    /// Brings `organisation`'s kept worklist up to date: decides again every case marked
    /// changed and every decision the clock has overtaken. Returns how many cases it decided.
    pub(crate) async fn keep_worklist(
        &self,
        book: &RuleBook,
        organisation: &Organisation,
    ) -> Result<usize, StoreError> {
        self.check_rule_book(book).await?;
        let org = org_key(organisation);
        let mut decided = 0;
        while self.worklist_behind(&org).await? {
            let started = std::time::Instant::now();
            let n = self.decide_batch(book, organisation, &org).await?;
            decided += n;
            self.worklist_grew(n).await?;
            if n == 0 {
                break;
            }
            self.yield_to_requests(started.elapsed()).await;
        }
        Ok(decided)
    }

    /// Brings every organisation's kept worklist up to date (the background worker).
    pub async fn keep_every_worklist(&self, book: &RuleBook) -> Result<usize, StoreError> {
        self.check_rule_book(book).await?;
        let orgs: Vec<String> = sqlx::query(
            "SELECT DISTINCT org FROM worklist_marks \
             UNION SELECT DISTINCT org FROM worklist_state WHERE holds_until <= $1",
        )
        .bind(self.now_micros())
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|r| r.try_get("org"))
        .collect::<Result<_, _>>()?;
        if orgs.is_empty() {
            return Ok(0);
        }
        // Background work on PostgreSQL: one instance's worker at a time (`lease.rs`).
        let Turn::Ours(lease) = self.turn(Job::Worklists).await? else {
            return Ok(0);
        };
        let mut decided = 0;
        for organisation in orgs.iter().filter_map(|o| organisation_of(o)) {
            decided += self.keep_worklist(book, &organisation).await?;
        }
        self.worklist_round_done().await?;
        lease::done(lease).await?;
        Ok(decided)
    }

    /// Whether anything of `org` waits to be decided ([`BEHIND`]): a cheap read, so an
    /// up-to-date view takes no write transaction.
    async fn worklist_behind(&self, org: &str) -> Result<bool, StoreError> {
        let row = sqlx::query(BEHIND)
            .bind(org)
            .bind(self.now_micros())
            .fetch_optional(self.writer())
            .await?;
        Ok(row.is_some())
    }

    /// Decides one batch of `org`'s marked or overtaken cases, in one transaction.
    async fn decide_batch(
        &self,
        book: &RuleBook,
        organisation: &Organisation,
        org: &str,
    ) -> Result<usize, StoreError> {
        let mut tx = self.writer().begin().await?;
        if self.inner.backend == Backend::Postgres
            && !lock_org(&mut tx, org, !self.background).await?
        {
            tx.rollback().await?;
            return Ok(0);
        }
        let now = self.now_micros();
        let limit = i64::try_from(BATCH).unwrap_or(i64::MAX);
        let mut ids = take_marks(&mut tx, org, limit).await?;
        if ids.len() < BATCH {
            let overtaken = sqlx::query(OVERTAKEN)
                .bind(org)
                .bind(now)
                .bind(i64::try_from(BATCH - ids.len()).unwrap_or(0))
                .fetch_all(&mut *tx)
                .await?;
            for row in overtaken {
                ids.push(row.try_get("citizen_id")?);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            tx.commit().await?;
            return Ok(0);
        }
        let cases = crate::case_files::of_citizens(&mut tx, &ids).await?;
        let at = clock::from_micros(now);
        let mut states = Vec::new();
        let mut items = Vec::new();
        for case in cases.iter().filter(|c| belongs(c, organisation)) {
            let (reasons, holds_until) = decide(book, case, organisation, at);
            states.push((
                case.id.to_string(),
                holds_until.map_or(FOREVER, clock::to_micros),
            ));
            items.extend(reasons.into_iter().map(|r| (case, r)));
        }
        forget(&mut tx, self.inner.backend, org, &ids).await?;
        insert_states(&mut tx, org, now, &states).await?;
        insert_items(&mut tx, org, &items).await?;
        tx.commit().await?;
        Ok(ids.len())
    }

    /// Marks every case when the rule book is not the one the kept decisions were made with
    /// (first start after the upgrade, or the rules changed): they are all decided again.
    async fn check_rule_book(&self, book: &RuleBook) -> Result<(), StoreError> {
        // Every view passes here: a comparison with the book already checked, no hashing.
        if self
            .inner
            .worklist_rules
            .lock()
            .is_ok_and(|known| known.as_str() == book.fingerprint())
        {
            return Ok(());
        }
        let fingerprint = hex::encode(Sha256::digest(book.fingerprint().as_bytes()));
        let mut tx = self.writer().begin().await?;
        if self.inner.backend == Backend::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock(7007, 0)")
                .execute(&mut *tx)
                .await?;
        }
        let stored: String = sqlx::query("SELECT fingerprint FROM worklist_rules WHERE id = 1")
            .fetch_one(&mut *tx)
            .await?
            .try_get("fingerprint")?;
        let mark_all = stored != fingerprint;
        if mark_all {
            for sql in [
                "INSERT INTO worklist_marks (org, citizen_id) SELECT 'm:' || municipality, id \
                 FROM citizens WHERE true ON CONFLICT DO NOTHING",
                "INSERT INTO worklist_marks (org, citizen_id) SELECT 'f:' || unemployment_fund, id \
                 FROM citizens WHERE unemployment_fund IS NOT NULL ON CONFLICT DO NOTHING",
            ] {
                sqlx::query(sql).execute(&mut *tx).await?;
            }
            sqlx::query("UPDATE worklist_rules SET fingerprint = $1 WHERE id = 1")
                .bind(&fingerprint)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        if mark_all {
            // A million marks where the statistics may say none (`worklist_statistics.rs`).
            self.analyze_worklist().await?;
        }
        if let Ok(mut known) = self.inner.worklist_rules.lock() {
            *known = book.fingerprint().to_owned();
        }
        Ok(())
    }
}

/// Takes `org`'s lock for the rest of the transaction, waiting for it if `wait`; whether it has
/// it. One batch per organisation at a time across instances: two batches deciding the same case
/// could otherwise commit in the wrong order and keep the older decision. A view waits for the
/// other instance's batch, to show what it decided. The background worker (one instance's at a
/// time, `lease.rs`) leaves the organisation to a view already at it, until its next
/// round (PostgreSQL only; SQLite has one writer).
pub(crate) async fn lock_org(
    tx: &mut Transaction<'_, Any>,
    org: &str,
    wait: bool,
) -> Result<bool, sqlx::Error> {
    if wait {
        sqlx::query("SELECT pg_advisory_xact_lock(7007, hashtext($1))")
            .bind(org)
            .execute(&mut **tx)
            .await?;
        return Ok(true);
    }
    sqlx::query("SELECT pg_try_advisory_xact_lock(7007, hashtext($1))")
        .bind(org)
        .fetch_one(&mut **tx)
        .await?
        .try_get(0)
}

/// Deletes the marks of up to `limit` of `org`'s marked cases and returns those cases (a citizen
/// marked by several transactions once per mark; the caller sorts and dedups), in the worker's
/// transaction: it decides them next, reading their facts after this statement, so a
/// change whose mark is deleted here is one it sees. Marks committed after this statement began
/// are not seen, so not deleted, and a booking marking one of these citizens meanwhile writes a
/// key of its own transaction (`worklist_marks.rs`): it never waits for this transaction.
pub(crate) async fn take_marks(
    tx: &mut Transaction<'_, Any>,
    org: &str,
    limit: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query(TAKE_MARKS)
        .bind(org)
        .bind(limit)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|r| r.try_get("citizen_id"))
        .collect()
}

/// The tables holding what was decided of a case, each keyed by `(org, citizen_id, …)`.
const KEPT_TABLES: [&str; 2] = ["worklist_items", "worklist_state"];

/// Deletes what `table` keeps of the cases `$2` (a JSON array of citizen ids) for `$1`, on
/// PostgreSQL. The cases are named by `= ANY (ARRAY(…))`, one text for every batch, so each
/// is looked up in the primary key: with `IN ($2, …)` the plan (made from the statistics of the
/// empty tables a bulk load leaves) read the whole organisation's decisions and filtered them,
/// 19 ms a batch of 200 for `worklist_state` (`bench/background.sh`).
pub(crate) fn forget_sql(table: &str) -> String {
    format!(
        "DELETE FROM {table} WHERE org = $1 AND citizen_id = \
         ANY (ARRAY(SELECT json_array_elements_text($2::json)))"
    )
}

/// Removes what was kept of these cases for `org`.
async fn forget(
    tx: &mut Transaction<'_, Any>,
    backend: Backend,
    org: &str,
    ids: &[String],
) -> Result<(), sqlx::Error> {
    let named = serde_json::Value::from(ids.to_vec()).to_string();
    for table in KEPT_TABLES {
        if backend == Backend::Postgres {
            sqlx::query(&forget_sql(table))
                .bind(org)
                .bind(named.as_str())
                .execute(&mut **tx)
                .await?;
            continue;
        }
        // SQLite looks each of a list up in the primary key.
        let sql = format!(
            "DELETE FROM {table} WHERE org = $1 AND citizen_id IN ({})",
            crate::sql::params(2, ids.len())
        );
        let mut q = sqlx::query(&sql).bind(org);
        for id in ids {
            q = q.bind(id);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

async fn insert_states(
    tx: &mut Transaction<'_, Any>,
    org: &str,
    now: i64,
    states: &[(String, i64)],
) -> Result<(), sqlx::Error> {
    for chunk in states.chunks(100) {
        let sql = crate::sql::insert_values(
            "worklist_state",
            &["org", "citizen_id", "decided_at", "holds_until"],
            chunk.len(),
        );
        let mut q = sqlx::query(&sql);
        for (id, holds_until) in chunk {
            q = q.bind(org).bind(id.as_str()).bind(now).bind(*holds_until);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

async fn insert_items(
    tx: &mut Transaction<'_, Any>,
    org: &str,
    items: &[(&CaseFile, WorkItem)],
) -> Result<(), sqlx::Error> {
    for chunk in items.chunks(50) {
        let sql = crate::sql::insert_values(
            "worklist_items",
            &[
                "org",
                "citizen_id",
                "reason_rank",
                "reason",
                "since",
                "citizen_name",
                "target_group",
                "track",
                "caseworker_id",
            ],
            chunk.len(),
        );
        let mut q = sqlx::query(&sql);
        for (case, item) in chunk {
            q = q
                .bind(org)
                .bind(case.id.as_str())
                .bind(rank(item.reason))
                .bind(item.reason.as_str())
                .bind(clock::to_micros(item.since))
                .bind(case.name.as_str())
                .bind(case.target_group.as_str())
                .bind(case.track.map(|t| t.as_str()))
                .bind(case.caseworker_id.as_deref());
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}
