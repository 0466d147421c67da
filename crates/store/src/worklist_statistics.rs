//! PostgreSQL's statistics of the kept worklist's tables, refreshed as they grow.
//!
//! After a bulk load or an upgrade the kept worklist (`worklist_state.rs`) fills its tables from
//! empty: a million citizens make a million and a half rows in minutes. PostgreSQL plans from
//! the statistics it last gathered, and those said "empty" — so deleting a batch's 200 old
//! decisions by primary key became a scan of the whole table, 167 ms a batch instead of under
//! one, and deciding every case once would have taken 40 minutes instead of 7 (measured on the
//! national database, issue 22). Autovacuum refreshes statistics by itself, but only while it
//! runs — and a server may have it off (this project's CI machines do) or be busy with the
//! large tables of the load. So, as the bulk load ends with `VACUUM (ANALYZE)` itself, the
//! worklist analyses its own tables when it has marked every case at once (other rules),
//! after every [`ANALYZE_EVERY`] decisions (a sample: half a second at national size), and at
//! the end of a worker's round once the decisions since the last refresh are a tenth of the
//! cases the statistics know of ([`Store::worklist_round_done`], as autovacuum's own
//! `autovacuum_analyze_scale_factor` would). Without the last, a load smaller than
//! [`ANALYZE_EVERY`] kept the statistics of its empty tables: one municipality of 30,000
//! citizens (46,500 cases) had a manager's worklist at p50 37 ms, its pages sorted from a
//! bitmap scan the statistics chose for "47 rows", and asking whether anything waits read the
//! whole marks table (`bench/contact-plan.sh 30000 20 300 1`, 4 December).
//!
//! A round's end also vacuums those of the three tables that autovacuum's default rule would
//! (dead rows over 50 and a fifth of the table; [`Store::vacuum_worklist_if_due`]). The marks
//! are a queue: the first pass at national size deletes 1.55 million of them, and with
//! autovacuum off their 56,000 pages of dead rows stayed. Asking whether anything of an
//! organisation waits is prepared once and planned for any organisation, and that one plan read
//! them all: 104 ms a view, a caseworker's worklist at p50 148 ms (target p99 < 50 ms,
//! `bench/contact-plan.sh` on the national database, 4 December). SQLite plans without such
//! statistics and needs none of this.

use std::sync::atomic::Ordering;

use sqlx::Row;

use crate::{Backend, Store, StoreError};

/// The kept worklist's tables that grow and shrink with its decisions.
const WORKLIST_TABLES: [&str; 3] = ["worklist_state", "worklist_items", "worklist_marks"];

/// Decisions between two refreshes of the statistics.
const ANALYZE_EVERY: usize = 50_000;

/// Decisions since the last refresh below which a round's end never refreshes: autovacuum's
/// `autovacuum_analyze_threshold`, so a small database is not analysed after every booking.
const ROUND_AT_LEAST: usize = 50;

impl Store {
    /// Counts `decided` more decisions and refreshes the worklist's statistics once
    /// [`ANALYZE_EVERY`] have gathered.
    pub(crate) async fn worklist_grew(&self, decided: usize) -> Result<(), StoreError> {
        if self.inner.backend != Backend::Postgres {
            return Ok(());
        }
        let before = self
            .inner
            .worklist_decided
            .fetch_add(decided, Ordering::Relaxed);
        if before + decided < ANALYZE_EVERY {
            return Ok(());
        }
        self.analyze_worklist().await
    }

    /// At the end of the worker's round: vacuums what is due ([`Store::vacuum_worklist_if_due`])
    /// and refreshes the statistics if the decisions since the last refresh are at least
    /// [`ROUND_AT_LEAST`] and a tenth of the cases the statistics count (`pg_class.reltuples`
    /// of `worklist_state`: -1 or 0 before a first refresh). The decisions are counted here, in
    /// the process, as PostgreSQL's own counts of changed rows may lag by a second or more. A
    /// table vacuumed while the refresh follows is not also analysed by its vacuum.
    pub(crate) async fn worklist_round_done(&self) -> Result<(), StoreError> {
        if self.inner.backend != Backend::Postgres {
            return Ok(());
        }
        let refresh = self.worklist_refresh_due().await?;
        self.vacuum_worklist_if_due(!refresh).await?;
        if refresh {
            self.analyze_worklist().await?;
        }
        Ok(())
    }

    /// Whether the decisions since the last refresh call for one ([`Store::worklist_round_done`]).
    async fn worklist_refresh_due(&self) -> Result<bool, StoreError> {
        let decided = self.inner.worklist_decided.load(Ordering::Relaxed);
        if decided < ROUND_AT_LEAST {
            return Ok(false);
        }
        let decided = i64::try_from(decided).unwrap_or(i64::MAX);
        Ok(sqlx::query(
            "SELECT $1 >= reltuples::float8 / 10 AS due FROM pg_class \
             WHERE oid = 'worklist_state'::regclass",
        )
        .bind(decided)
        .fetch_one(self.writer())
        .await?
        .try_get("due")?)
    }

    /// `VACUUM` of each of the worklist's tables whose dead rows are over 50 and a fifth of its
    /// rows, as PostgreSQL's cumulative statistics count them: autovacuum's own default rule
    /// (`autovacuum_vacuum_threshold`, `autovacuum_vacuum_scale_factor`), for a server where
    /// autovacuum is off or behind; `(ANALYZE)` too if `analyze`. It does not block bookings
    /// marking cases.
    pub(crate) async fn vacuum_worklist_if_due(&self, analyze: bool) -> Result<(), StoreError> {
        let due: Vec<String> = sqlx::query(&format!(
            "SELECT s.relname::text AS name FROM pg_stat_user_tables s \
             JOIN pg_class c ON c.oid = s.relid \
             WHERE s.relname IN ('{}') AND s.schemaname = current_schema() \
             AND s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)",
            WORKLIST_TABLES.join("', '")
        ))
        .fetch_all(self.writer())
        .await?
        .iter()
        .map(|r| r.try_get("name"))
        .collect::<Result<_, _>>()?;
        for table in WORKLIST_TABLES {
            if due.iter().any(|d| d == table) {
                let options = if analyze { " (ANALYZE)" } else { "" };
                self.maintain(&format!("VACUUM{options} {table}")).await?;
            }
        }
        Ok(())
    }

    /// Runs a `VACUUM` or `ANALYZE` of the worklist's tables at autovacuum's own pace: with
    /// `vacuum_cost_delay` at 2 ms, autovacuum's default, where a `VACUUM` asked for runs at
    /// full speed (0). At the end of the pass after a bulk load, the vacuum of 850,000 dead
    /// marks at full speed coincided with a ten-second window of a caseworker's worklist at p99
    /// 194 ms; throttled, with one at 26 ms (`bench/background.sh`). Only `VACUUM` and `ANALYZE` read the setting; it is reset after.
    async fn maintain(&self, sql: &str) -> Result<(), StoreError> {
        let mut conn = self.writer().acquire().await?;
        sqlx::query("SET vacuum_cost_delay = '2ms'")
            .execute(&mut *conn)
            .await?;
        let done = sqlx::query(sql).execute(&mut *conn).await;
        sqlx::query("RESET vacuum_cost_delay")
            .execute(&mut *conn)
            .await?;
        done?;
        Ok(())
    }

    /// Refreshes the statistics of the worklist's tables now: after every case was marked at
    /// once (other rules), every [`ANALYZE_EVERY`] decisions, and at a round's end
    /// ([`Store::worklist_round_done`]).
    pub(crate) async fn analyze_worklist(&self) -> Result<(), StoreError> {
        if self.inner.backend != Backend::Postgres {
            return Ok(());
        }
        self.inner.worklist_decided.store(0, Ordering::Relaxed);
        self.maintain(&format!("ANALYZE {}", WORKLIST_TABLES.join(", ")))
            .await
    }
}
