//! Bulk generation for benchmarks and national-scale test data: many rows in few statements,
//! without the per-row checks of the normal calls. Only generators call this; they guarantee
//! what the checks would (here: a staff member's slots do not overlap).

use domain::{Actor, Channel, Organisation};
use jiff::{SignedDuration, Timestamp};

use crate::ids::new_id;
use crate::slots::channels_to_db;
use crate::{Store, StoreError, clock};

/// Rows per INSERT statement and per transaction.
const ROWS: usize = 500;
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
    ) -> Result<Vec<String>, StoreError> {
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
        let created = clock::now_micros();
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
                        .bind(staff_id.clone())
                        .bind(municipality.clone())
                        .bind(fund.clone())
                        .bind(clock::to_micros(at))
                        .bind(clock::to_micros(end))
                        .bind(channels.clone())
                        .bind(location.map(str::to_owned))
                        .bind(created);
                    ids.push(id);
                    at = end;
                }
                q.execute(&mut *tx).await?;
            }
            tx.commit().await?;
        }
        Ok(ids)
    }
}
