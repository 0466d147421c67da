//! The contact report's counts kept per Copenhagen day and calendar month (`report_days`,
//! `report_months`, migration 0007), with the answers to surveys after chats beside the
//! meetings' (migration 0033), by municipality, a-kasse, channel, target group and team
//! (migration 0036).
//!
//! They are derived data. Every change that can move a count — a booking, a move (both days),
//! an afbud, an outcome, a survey answer, a citizen's new target group — marks its day and
//! municipality stale in its own transaction ([`mark`], a row of its own in `report_marks`);
//! before a report reads, it counts the stale days in its period again, and their months from
//! their days ([`Store::settle_report_days`]). So a report is exact without the writes doing the
//! counting, and a forgotten day cannot stay wrong: the change that made it wrong also marked it.
//!
//! Recounts run one at a time: on SQLite the single writer sees to it, on PostgreSQL a
//! transaction-level advisory lock ([`one_at_a_time`]), so two instances counting the same day
//! do not both insert its rows. The background worker that keeps the days counted runs on one
//! instance at a time as well (its lease, `lease.rs`): while bookings keep marking days, the
//! workers of several instances otherwise queued for that lock, each on a connection of its own.

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::{Any, Row, Transaction};

use crate::contact_report::{CHAT_ANSWER_COUNTS, COLUMNS, COUNTS, SUMS, TEAM_KEY};
use crate::lease::{self, Job, Turn};
use crate::{Backend, Store, StoreError, clock};

/// `report_state.counted`: never counted (or a bulk load since), being counted by one process,
/// counted.
const NOT_COUNTED: i64 = 0;
const COUNTING: i64 = 2;
const COUNTED: i64 = 1;

/// The columns of a day's mark, in the order [`StaleDay::bind`] and the marked time fill them.
pub(crate) const MARK_COLUMNS: [&str; 4] = ["id", "day", "municipality", "marked_at"];

/// A municipality's day whose counts must be computed again.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct StaleDay {
    day: String,
    municipality: String,
}

impl StaleDay {
    /// The day (Copenhagen) a meeting starting `at` is counted on.
    pub(crate) fn new(municipality: &str, at: Timestamp) -> Self {
        Self {
            day: domain::clock_text::local_date(at).to_string(),
            municipality: municipality.to_owned(),
        }
    }

    /// The day's mark, made at `now`, as a JSON object keyed by [`MARK_COLUMNS`], for
    /// PostgreSQL's `json_populate_recordset` (`booking/group_pg_write.rs`).
    pub(crate) fn to_json(&self, now: i64) -> serde_json::Value {
        use serde_json::json;
        crate::sql::json_row(
            &MARK_COLUMNS,
            [
                json!(crate::ids::new_id()),
                json!(self.day),
                json!(self.municipality),
                json!(now),
            ],
        )
    }

    /// Binds the day's mark as the next three values: a new id, the day and the municipality.
    pub(crate) fn bind<'q>(
        &self,
        query: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>> {
        query
            .bind(crate::ids::new_id())
            .bind(self.day.clone())
            .bind(self.municipality.clone())
    }
}

/// Marks days stale, in the transaction of the change that moved their counts: a row of its own
/// per day (`report_marks`, migration 0034), which no other transaction touches, so concurrent
/// bookings never wait for each other here. A recount takes only the committed marks of a day
/// ([`Store::settle`]); a change committed after it keeps its mark, and its day is counted
/// again at the next settle.
pub(crate) async fn mark(
    tx: &mut Transaction<'_, Any>,
    now: i64,
    days: &[StaleDay],
) -> Result<(), sqlx::Error> {
    mark_in(tx, now, days).await
}

/// Each day once: a change that moved several counts of one day marks it once.
pub(crate) fn distinct<'a>(days: impl IntoIterator<Item = &'a StaleDay>) -> Vec<&'a StaleDay> {
    let mut days: Vec<&StaleDay> = days.into_iter().collect();
    days.sort();
    days.dedup();
    days
}

/// [`mark`] on a connection already in a transaction.
pub(crate) async fn mark_in(
    conn: &mut sqlx::AnyConnection,
    now: i64,
    days: &[StaleDay],
) -> Result<(), sqlx::Error> {
    for chunk in distinct(days).chunks(100) {
        let sql = crate::sql::insert_values("report_marks", &MARK_COLUMNS, chunk.len());
        let mut q = sqlx::query(&sql);
        for d in chunk {
            q = d.bind(q).bind(now);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Marks every day a citizen has a meeting on (their target group changed).
pub(crate) async fn mark_citizen(
    tx: &mut Transaction<'_, Any>,
    now: i64,
    citizen_id: &str,
    municipality: &str,
) -> Result<(), sqlx::Error> {
    let starts: Vec<i64> = sqlx::query("SELECT starts_at FROM meetings WHERE citizen_id = $1")
        .bind(citizen_id)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|r| r.try_get("starts_at"))
        .collect::<Result<_, _>>()?;
    let days: Vec<StaleDay> = starts
        .into_iter()
        .map(|s| StaleDay::new(municipality, clock::from_micros(s)))
        .collect();
    mark(tx, now, &days).await
}

/// Forgets that every day was counted: bulk loads bypass the marks, so the next report counts
/// all days again.
pub(crate) async fn forget_counted(tx: &mut Transaction<'_, Any>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE report_state SET counted = $1 WHERE id = 1")
        .bind(NOT_COUNTED)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Makes recounting transactions wait for each other on PostgreSQL (SQLite has one writer).
async fn one_at_a_time(tx: &mut Transaction<'_, Any>, backend: Backend) -> Result<(), sqlx::Error> {
    if backend == Backend::Postgres {
        // Any fixed number; only recounts take this lock, for the length of a transaction.
        sqlx::query("SELECT pg_advisory_xact_lock(70070007)")
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// `AND column IN ($first, …)` for the municipalities, when only some are stale.
fn among(column: &str, first: usize, municipalities: Option<&[String]>) -> String {
    let Some(m) = municipalities else {
        return String::new();
    };
    let params: Vec<String> = (first..first + m.len()).map(|i| format!("${i}")).collect();
    format!("AND {column} IN ({})", params.join(", "))
}

/// Runs `sql` with `values` and then the municipalities bound, in order.
async fn run(
    tx: &mut Transaction<'_, Any>,
    sql: &str,
    values: &[Value],
    municipalities: Option<&[String]>,
) -> Result<(), sqlx::Error> {
    // Not kept prepared: PostgreSQL would switch to one generic plan for every range of days after
    // five runs, and that plan scans all meetings (a second per day instead of a tenth).
    let mut q = sqlx::query(sql).persistent(false);
    for v in values {
        q = match v {
            Value::Text(t) => q.bind(t.clone()),
            Value::Micros(n) => q.bind(*n),
        };
    }
    for m in municipalities.unwrap_or_default() {
        q = q.bind(m.clone());
    }
    q.execute(&mut **tx).await?;
    Ok(())
}

enum Value {
    Text(String),
    Micros(i64),
}

/// Counts `day` again for the given municipalities (all when `None`), replacing its rows.
async fn recount_day(
    tx: &mut Transaction<'_, Any>,
    day: Date,
    municipalities: Option<&[String]>,
) -> Result<(), StoreError> {
    let next = day
        .tomorrow()
        .map_err(|_| StoreError::Corrupt { column: "day" })?;
    let (start, end) = (
        clock::to_micros(domain::clock_text::day_start(day)),
        clock::to_micros(domain::clock_text::day_start(next)),
    );
    let delete = format!(
        "DELETE FROM report_days WHERE day = $1 {}",
        among("municipality", 2, municipalities)
    );
    run(tx, &delete, &[Value::Text(day.to_string())], municipalities).await?;
    let insert = format!(
        "INSERT INTO report_days (day, municipality, fund, channel, target_group, team, {COLUMNS}) \
         SELECT $1, c.municipality, COALESCE(s.unemployment_fund, ''), m.channel, c.target_group, \
         {TEAM_KEY}, {COUNTS} \
         FROM meetings m JOIN citizens c ON c.id = m.citizen_id \
         LEFT JOIN staff s ON s.id = m.staff_id LEFT JOIN surveys v ON v.meeting_id = m.id \
         WHERE m.starts_at >= $2 AND m.starts_at < $3 {} GROUP BY 2, 3, 4, 5, 6",
        among("c.municipality", 4, municipalities)
    );
    let values = [
        Value::Text(day.to_string()),
        Value::Micros(start),
        Value::Micros(end),
    ];
    run(tx, &insert, &values, municipalities).await?;
    // The answers to surveys after chats (issue 21), under the channel `chat`: no meeting has it,
    // so they never share a row with meetings.
    let chats = format!(
        "INSERT INTO report_days (day, municipality, fund, channel, target_group, team, {COLUMNS}) \
         SELECT $1, v.municipality, COALESCE(s.unemployment_fund, ''), v.channel, v.target_group, \
         {TEAM_KEY}, {CHAT_ANSWER_COUNTS} FROM surveys v LEFT JOIN staff s ON s.id = v.staff_id \
         WHERE v.chat_id IS NOT NULL AND v.answered_at IS NOT NULL \
         AND v.held_at >= $2 AND v.held_at < $3 {} GROUP BY 2, 3, 4, 5, 6",
        among("v.municipality", 4, municipalities)
    );
    run(tx, &chats, &values, municipalities).await?;
    Ok(())
}

/// Sums the days of the month starting `first` again into `report_months`, for the given
/// municipalities (all when `None`).
async fn recount_month(
    tx: &mut Transaction<'_, Any>,
    first: Date,
    municipalities: Option<&[String]>,
) -> Result<(), StoreError> {
    let label = first.strftime("%Y-%m").to_string();
    let next = first
        .last_of_month()
        .tomorrow()
        .map_err(|_| StoreError::Corrupt { column: "day" })?;
    let delete = format!(
        "DELETE FROM report_months WHERE month = $1 {}",
        among("municipality", 2, municipalities)
    );
    run(tx, &delete, &[Value::Text(label.clone())], municipalities).await?;
    let insert = format!(
        "INSERT INTO report_months (month, municipality, fund, channel, target_group, team, {COLUMNS}) \
         SELECT $1, d.municipality, d.fund, d.channel, d.target_group, d.team, {SUMS} \
         FROM report_days d WHERE d.day >= $2 AND d.day < $3 {} GROUP BY 2, 3, 4, 5, 6",
        among("d.municipality", 4, municipalities)
    );
    let values = [
        Value::Text(label),
        Value::Text(first.to_string()),
        Value::Text(next.to_string()),
    ];
    run(tx, &insert, &values, municipalities).await?;
    Ok(())
}

impl Store {
    /// Counts again the stale days in [first, end) (every stale day when `None`); first, if the
    /// database has never been counted, every day there is. Returns the days counted.
    pub async fn settle_report_days(
        &self,
        within: Option<(Date, Date)>,
    ) -> Result<usize, StoreError> {
        self.settle(within).await.map(|(days, _)| days)
    }

    /// As [`Store::settle_report_days`], and whether the kept counts can be read: not while
    /// another process counts every day for the first time (then `false`, having counted
    /// nothing).
    pub(crate) async fn settle(
        &self,
        within: Option<(Date, Date)>,
    ) -> Result<(usize, bool), StoreError> {
        let counted: i64 = sqlx::query("SELECT counted FROM report_state WHERE id = 1")
            .fetch_one(self.reader())
            .await?
            .try_get("counted")?;
        let mut done = 0;
        if counted != COUNTED {
            // One process counts every day (minutes at national scale); the others read the
            // meetings themselves meanwhile.
            let claimed =
                sqlx::query("UPDATE report_state SET counted = $1 WHERE id = 1 AND counted = $2")
                    .bind(COUNTING)
                    .bind(NOT_COUNTED)
                    .execute(self.writer())
                    .await?
                    .rows_affected()
                    == 1;
            if !claimed {
                return Ok((0, false));
            }
            match self.count_every_day().await {
                Ok(days) => done += days,
                Err(e) => {
                    // Let the next report or the worker try again.
                    sqlx::query("UPDATE report_state SET counted = $1 WHERE id = 1")
                        .bind(NOT_COUNTED)
                        .execute(self.writer())
                        .await?;
                    return Err(e);
                }
            }
        }
        let (first, end) = within.map_or((String::new(), "9999".to_owned()), |(a, b)| {
            (a.to_string(), b.to_string())
        });
        let days: Vec<String> = sqlx::query(
            "SELECT DISTINCT day FROM report_marks WHERE day >= $1 AND day < $2 ORDER BY day",
        )
        .bind(first)
        .bind(end)
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|r| r.try_get("day"))
        .collect::<Result<_, _>>()?;
        if days.is_empty() {
            return Ok((done, true));
        }
        // Background work on PostgreSQL: one instance's worker at a time, its pauses included
        // (`lease.rs`); the others' next round finds what is left. A report counts its own days
        // regardless.
        let Turn::Ours(lease) = self.turn(Job::ReportDays).await? else {
            return Ok((done, true));
        };
        for day in days {
            let started = std::time::Instant::now();
            let mut tx = self.writer().begin().await?;
            one_at_a_time(&mut tx, self.inner.backend).await?;
            // Taking the marks decides who counts: a recount running at the same time finds
            // none left and leaves the day to this one. A change not yet committed keeps its
            // mark for the next settle.
            let mut municipalities: Vec<String> =
                sqlx::query("DELETE FROM report_marks WHERE day = $1 RETURNING municipality")
                    .bind(&day)
                    .fetch_all(&mut *tx)
                    .await?
                    .iter()
                    .map(|r| r.try_get("municipality"))
                    .collect::<Result<_, _>>()?;
            municipalities.sort_unstable();
            municipalities.dedup();
            if municipalities.is_empty() {
                continue;
            }
            let date: Date = day
                .parse()
                .map_err(|_| StoreError::Corrupt { column: "day" })?;
            recount_day(&mut tx, date, Some(&municipalities)).await?;
            recount_month(&mut tx, date.first_of_month(), Some(&municipalities)).await?;
            tx.commit().await?;
            done += 1;
            self.yield_to_requests(started.elapsed()).await;
        }
        lease::done(lease).await?;
        Ok((done, true))
    }

    /// At start-up (`migrate`): a first counting that a stopped process left unfinished is
    /// started again by the next report or the worker.
    pub(crate) async fn resume_report_counting(&self) -> Result<(), StoreError> {
        sqlx::query("UPDATE report_state SET counted = $1 WHERE id = 1 AND counted = $2")
            .bind(NOT_COUNTED)
            .bind(COUNTING)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// Counts every day from the first meeting to the last, a day per transaction and each
    /// month after its days, and then notes that the database has been counted. Changes made
    /// meanwhile marked their days stale as usual, so nothing is lost if one lands after its
    /// day was counted here. In the background it pauses between transactions (`background.rs`):
    /// at national scale this is minutes of work, and a month per transaction held the writer
    /// for seconds at a time.
    async fn count_every_day(&self) -> Result<usize, StoreError> {
        let row =
            sqlx::query("SELECT MIN(starts_at) AS first, MAX(starts_at) AS last FROM meetings")
                .fetch_one(self.writer())
                .await?;
        let (first, last): (Option<i64>, Option<i64>) =
            (row.try_get("first")?, row.try_get("last")?);
        let mut days = 0;
        if let (Some(first), Some(last)) = (first, last) {
            let mut day = domain::clock_text::local_date(clock::from_micros(first));
            let last = domain::clock_text::local_date(clock::from_micros(last));
            while day <= last {
                let month = day.first_of_month();
                while day <= last && day.first_of_month() == month {
                    let started = std::time::Instant::now();
                    let mut tx = self.writer().begin().await?;
                    one_at_a_time(&mut tx, self.inner.backend).await?;
                    recount_day(&mut tx, day, None).await?;
                    tx.commit().await?;
                    self.yield_to_requests(started.elapsed()).await;
                    days += 1;
                    day = day.tomorrow().map_err(|_| StoreError::Corrupt {
                        column: "starts_at",
                    })?;
                }
                let started = std::time::Instant::now();
                let mut tx = self.writer().begin().await?;
                one_at_a_time(&mut tx, self.inner.backend).await?;
                recount_month(&mut tx, month, None).await?;
                tx.commit().await?;
                self.yield_to_requests(started.elapsed()).await;
            }
        }
        sqlx::query("UPDATE report_state SET counted = $1 WHERE id = 1")
            .bind(COUNTED)
            .execute(self.writer())
            .await?;
        Ok(days)
    }
}
