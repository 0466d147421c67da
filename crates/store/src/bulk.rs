//! Bulk generation for benchmarks and national-scale test data: many rows in few statements,
//! without the per-row checks of the normal calls. Only generators call this; they guarantee
//! what the checks would (here: a staff member's slots do not overlap).

use domain::{Actor, Channel, Organisation, SlotId};
use jiff::{SignedDuration, Timestamp};

use crate::ids::{new_id, typed};
use crate::slots::channels_to_db;
use crate::{Store, StoreError, clock};

/// Rows per INSERT statement and per transaction. Kept small enough that a statement has at
/// most about a thousand parameters: sqlx asks SQLite for every parameter's name
/// (`sqlite3_bind_parameter_name`), which SQLite finds by a linear search, so binding a
/// statement costs the square of its parameters (500 rows of 18 columns: 4,000 rows/s; 50 rows:
/// about 25,000).
const ROWS: usize = 50;
const PER_TX: usize = 20_000;

impl Store {
    /// Inserts `count` back-to-back slots of `minutes` for a staff member from `first`, and
    /// returns their ids in time order.
    pub async fn bulk_insert_slots(
        &self,
        staff: &Actor,
        first: Timestamp,
        minutes: i64,
        count: usize,
        channels: &[Channel],
        location: Option<&str>,
    ) -> Result<Vec<SlotId>, StoreError> {
        let Actor::Staff {
            id: staff_id,
            organisation,
            ..
        } = staff
        else {
            return Err(StoreError::Forbidden);
        };
        let (municipality, fund) = match organisation {
            Organisation::Municipality(m) => (Some(m.as_str().to_owned()), None),
            Organisation::Fund(f) => (None, Some(f.as_str().to_owned())),
        };
        let step = SignedDuration::from_mins(minutes);
        let channels = channels_to_db(channels);
        let created = self.now_micros();
        let mut ids = Vec::with_capacity(count);
        let mut at = first;
        for tx_start in (0..count).step_by(PER_TX) {
            let mut tx = self.inner.write.begin().await?;
            let tx_rows = PER_TX.min(count - tx_start);
            for chunk_start in (0..tx_rows).step_by(ROWS) {
                let n = ROWS.min(tx_rows - chunk_start);
                let sql = crate::sql::insert_values(
                    "slots",
                    &[
                        "id",
                        "staff_id",
                        "municipality",
                        "unemployment_fund",
                        "starts_at",
                        "ends_at",
                        "channels",
                        "location",
                        "created_at",
                    ],
                    n,
                );
                let mut q = sqlx::query(&sql);
                for _ in 0..n {
                    let end = at
                        .checked_add(step)
                        .map_err(|_| StoreError::Corrupt { column: "ends_at" })?;
                    let id = new_id();
                    q = q
                        .bind(id.clone())
                        .bind(staff_id.as_str())
                        .bind(municipality.clone())
                        .bind(fund.clone())
                        .bind(clock::to_micros(at))
                        .bind(clock::to_micros(end))
                        .bind(channels.clone())
                        .bind(location.map(str::to_owned))
                        .bind(created);
                    ids.push(typed("id", &id)?);
                    at = end;
                }
                q.execute(&mut *tx).await?;
            }
            tx.commit().await?;
        }
        Ok(ids)
    }
}

/// A citizen made by a generator for national-scale data. It has no CPR number: the hash column
/// holds a unique placeholder, so it can never be found by one.
#[derive(Debug, Clone)]
pub struct BulkCitizen {
    pub id: String,
    pub name: String,
    pub municipality: String,
    pub fund: Option<String>,
    pub target_group: domain::TargetGroup,
    pub unemployed_since: jiff::civil::Date,
    pub track: Option<domain::Track>,
    pub caseworker_id: Option<String>,
    /// Registration as a job seeker and first contact about help (LAB § 31, stk. 4; § 9,
    /// stk. 2, nr. 2); `None`: the start of unemployment, where the group has the day.
    pub registered_on: Option<jiff::civil::Date>,
    pub first_contact_on: Option<jiff::civil::Date>,
}

/// A meeting made by a generator, past or future, with its outcome already decided.
#[derive(Debug, Clone)]
pub struct BulkMeeting {
    pub id: String,
    pub citizen_id: String,
    pub staff_id: String,
    pub start: Timestamp,
    pub channel: Channel,
    pub status: domain::MeetingStatus,
    pub booked_by_citizen: bool,
    /// For a cancelled meeting: the afbud came after the deadline (three hours ahead rather than
    /// two days).
    pub cancelled_late: bool,
}

/// An identifier as the store makes them (time-ordered), for generators.
pub fn bulk_id() -> String {
    new_id()
}

impl Store {
    /// Inserts generated citizens, many per statement. Only for generators.
    pub async fn bulk_insert_citizens(&self, rows: &[BulkCitizen]) -> Result<(), StoreError> {
        let now = self.now_micros();
        let columns = [
            "id",
            "cpr_hmac",
            "cpr_masked",
            "birth_date",
            "name",
            "name_search",
            "municipality",
            "target_group",
            "unemployed_since",
            "unemployment_fund",
            "track",
            "caseworker_id",
            "created_at",
            "updated_at",
            "registered_on",
            "first_contact_on",
            "first_absence_on",
        ];
        let mut tx = self.inner.write.begin().await?;
        for chunk in rows.chunks(ROWS) {
            let sql = crate::sql::insert_values("citizens", &columns, chunk.len());
            let mut q = sqlx::query(&sql);
            for c in chunk {
                let days = crate::citizens::start_days(
                    c.target_group,
                    c.unemployed_since,
                    [c.registered_on, c.first_contact_on, None],
                );
                q = q
                    .bind(c.id.clone())
                    .bind(format!("bulk:{}", c.id))
                    .bind("010190-****")
                    .bind("1990-01-01")
                    .bind(c.name.clone())
                    .bind(c.name.to_lowercase())
                    .bind(c.municipality.clone())
                    .bind(c.target_group.as_str())
                    .bind(c.unemployed_since.to_string())
                    .bind(c.fund.clone())
                    .bind(c.track.map(|t| t.as_str().to_owned()))
                    .bind(c.caseworker_id.clone())
                    .bind(now)
                    .bind(now);
                for day in days {
                    q = q.bind(day.map(|d| d.to_string()));
                }
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Inserts generated meetings (30 minutes each), many per statement. Only for generators.
    pub async fn bulk_insert_meetings(&self, rows: &[BulkMeeting]) -> Result<(), StoreError> {
        let columns = [
            "id",
            "citizen_id",
            "staff_id",
            "starts_at",
            "ends_at",
            "channel",
            "status",
            "booked_by",
            "booked_by_role",
            "booked_at",
            "updated_at",
            "cancelled_by",
            "cancelled_by_role",
            "cancel_reason",
            "cancelled_late",
            "cancelled_at",
            "outcome_by",
            "outcome_at",
        ];
        let mut tx = self.inner.write.begin().await?;
        for chunk in rows.chunks(ROWS) {
            let sql = crate::sql::insert_values("meetings", &columns, chunk.len());
            let mut q = sqlx::query(&sql);
            for m in chunk {
                let start = clock::to_micros(m.start);
                // Booked two weeks ahead, by the citizen or by their caseworker.
                let booked_at = start.saturating_sub(14 * 24 * 3600 * 1_000_000);
                let (by, role) = if m.booked_by_citizen {
                    (m.citizen_id.clone(), domain::Role::Citizen)
                } else {
                    (m.staff_id.clone(), domain::Role::Caseworker)
                };
                // An afbud comes from the citizen two days ahead (a late one three hours ahead);
                // outcomes are recorded at the start.
                let cancelled = m.status == domain::MeetingStatus::Cancelled;
                let recorded = matches!(
                    m.status,
                    domain::MeetingStatus::Held | domain::MeetingStatus::NoShow
                );
                let notice_hours = if m.cancelled_late { 3 } else { 48 };
                let cancelled_at = start.saturating_sub(notice_hours * 3600 * 1_000_000);
                q = q
                    .bind(m.id.clone())
                    .bind(m.citizen_id.clone())
                    .bind(m.staff_id.clone())
                    .bind(start)
                    .bind(start.saturating_add(30 * 60 * 1_000_000))
                    .bind(m.channel.as_str())
                    .bind(m.status.as_str())
                    .bind(by)
                    .bind(role.as_str())
                    .bind(booked_at)
                    .bind(booked_at)
                    .bind(cancelled.then(|| m.citizen_id.clone()))
                    .bind(cancelled.then_some(domain::Role::Citizen.as_str()))
                    .bind(cancelled.then_some("Sygdom"))
                    .bind(cancelled.then_some(i64::from(m.cancelled_late)))
                    .bind(cancelled.then_some(cancelled_at))
                    .bind(recorded.then(|| m.staff_id.clone()))
                    .bind(recorded.then_some(start));
            }
            q.execute(&mut *tx).await?;
        }
        crate::report_days::forget_counted(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The secondary indexes of the tables a generator fills, as the database itself describes them:
/// (name, statement that creates it). Unique indexes stay, since they also keep data right.
async fn secondary_indexes(store: &Store) -> Result<Vec<(String, String)>, StoreError> {
    let sql = match store.backend() {
        crate::Backend::Sqlite => {
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' \
             AND tbl_name IN ('citizens', 'meetings', 'surveys') AND sql IS NOT NULL AND sql NOT LIKE '%UNIQUE%'"
        }
        crate::Backend::Postgres => {
            "SELECT CAST(indexname AS TEXT) AS name, indexdef AS sql FROM pg_indexes \
             WHERE tablename IN ('citizens', 'meetings', 'surveys') AND indexdef NOT LIKE '%UNIQUE%'"
        }
    };
    let rows = sqlx::query(sql).fetch_all(&store.inner.write).await?;
    rows.iter()
        .map(|r| {
            use sqlx::Row;
            Ok((r.try_get("name")?, r.try_get("sql")?))
        })
        .collect()
}

impl Store {
    /// Runs a bulk load with the secondary indexes of `citizens`, `meetings` and `surveys` dropped, and
    /// builds them again afterwards: inserting 20,000,000 rows into indexes in random key order
    /// rewrites a page per row, while building an index sorts once. Only for generators on a
    /// database nobody else uses at the time.
    pub async fn without_secondary_indexes<F, T>(&self, load: F) -> Result<T, StoreError>
    where
        F: std::future::Future<Output = Result<T, StoreError>>,
    {
        let indexes = secondary_indexes(self).await?;
        for (name, _) in &indexes {
            sqlx::query(&format!("DROP INDEX {name}"))
                .execute(&self.inner.write)
                .await?;
        }
        let result = load.await;
        for (_, create) in &indexes {
            sqlx::query(create).execute(&self.inner.write).await?;
        }
        if self.backend() == crate::Backend::Postgres {
            // Statistics for the planner (without them PostgreSQL takes every citizen for one
            // with thousands of meetings and plans accordingly) and the visibility map (without
            // it no index-only scan: a manager's count of citizens per caseworker read the whole
            // table). Autovacuum would get there, minutes later.
            sqlx::query("VACUUM (ANALYZE)")
                .execute(&self.inner.write)
                .await?;
        }
        result
    }
}
