//! What a booking (or a move) decides on, read in one round trip before its transaction: the
//! citizen and whether the actor may see them, the slot if it is the citizen's jobcenter's or
//! a-kasse's, the channel facts and the slot owner's name. Bookings are the hot path: on SQLite
//! the read runs on the caller's thread (`direct_reads.rs`), on PostgreSQL together with the
//! other bookings' reads waiting at the same moment (`grouped_reads.rs`), one statement for
//! them all — as their writes are committed together (`group_pg.rs`).

use std::collections::HashMap;
use std::sync::LazyLock;

use domain::contact_plan::Holder;
use domain::meetings::ChannelFacts;
use domain::{Actor, CitizenId, MeetingId, SlotId, Visibility};
use sqlx::AnyPool;

use crate::citizens::Columns;
use crate::grouped_reads::{GroupRead, shape};
use crate::ids::{opt_typed, typed};
use crate::slots::{Slot, facts_columns, facts_from_row};
use crate::{Citizen, Store, StoreError, clock};

/// What [`Store::booking_context`] reads.
pub(crate) struct BookingContext {
    pub citizen: Citizen,
    pub visibility: Visibility,
    pub slot: Slot,
    pub facts: ChannelFacts,
    /// Who holds a meeting in the slot: the slot owner's organisation.
    pub holder: Holder,
    /// The slot owner's name, for the answer without reading the meeting back.
    pub staff_name: String,
}

/// The context as read, whoever asks: whether the actor may see the citizen is decided after.
#[derive(Debug, Clone)]
pub(crate) struct ContextRow {
    citizen: Citizen,
    /// The slot, its holder and its owner's name; `None` unless the slot exists and belongs
    /// to the citizen's jobcenter or a-kasse.
    slot: Option<(Slot, Holder, String)>,
    facts: ChannelFacts,
}

/// The query for one booking: `$1` the citizen, `$2` the meeting being moved (or ''), `$3` the
/// slot. Built once.
static ONE_SQL: LazyLock<String> = LazyLock::new(|| {
    let citizen_columns: Vec<String> = crate::citizens::COLUMNS
        .split(',')
        .map(|c| format!("c.{}", c.trim()))
        .collect();
    format!(
        "SELECT {}, s.id AS s_id, s.staff_id AS s_staff_id, s.starts_at AS s_starts_at, \
         s.ends_at AS s_ends_at, s.channels AS s_channels, s.location AS s_location, \
         s.meeting_id AS s_meeting_id, s.municipality AS s_municipality, \
         s.unemployment_fund AS s_fund, {}, \
         (SELECT name FROM staff WHERE staff.id = s.staff_id) AS staff_name \
         FROM citizens c LEFT JOIN slots s ON s.id = $3 WHERE c.id = $1",
        citizen_columns.join(", "),
        facts_columns("c.municipality", "c.unemployment_fund")
    )
});

/// The same for many bookings at once: each row of the list `q` (citizen, moved meeting, slot)
/// read by [`ONE_SQL`] with its parameters taken from the row. `n` rows.
fn many_sql(n: usize) -> String {
    let rows: Vec<String> = (0..n)
        .map(|i| format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3))
        .collect();
    // `ONE_SQL` has no parameter past `$3`, so these replacements touch nothing else.
    let one = ONE_SQL
        .replace("$1", "q.cid")
        .replace("$2", "q.mid")
        .replace("$3", "q.sid");
    format!(
        "SELECT q.cid AS q_cid, q.mid AS q_mid, q.sid AS q_sid, x.* \
         FROM (VALUES {}) AS q (cid, mid, sid) CROSS JOIN LATERAL ({one}) x",
        rows.join(", ")
    )
}

/// Parses a row of either query.
fn parse(row: &impl crate::citizens::Columns) -> Result<ContextRow, StoreError> {
    let citizen = crate::citizens::from_row(row)?;
    let facts = facts_from_row(&citizen, row)?;
    // No such slot (the LEFT JOIN found none).
    let Some(id) = row.text("s_id")? else {
        return Ok(ContextRow {
            citizen,
            slot: None,
            facts,
        });
    };
    let municipality = row.text("s_municipality")?;
    let fund = row.text("s_fund")?;
    let ours = municipality.as_deref() == Some(citizen.municipality.as_str())
        || (fund.is_some()
            && fund.as_deref() == citizen.unemployment_fund.as_ref().map(|f| f.as_str()));
    if !ours {
        return Ok(ContextRow {
            citizen,
            slot: None,
            facts,
        });
    }
    let micros = |c: &'static str| row.opt_int(c)?.ok_or(StoreError::Corrupt { column: c });
    let slot = Slot {
        id: typed("s_id", &id)?,
        staff_id: typed("s_staff_id", &row.required("s_staff_id")?)?,
        start: clock::from_micros(micros("s_starts_at")?),
        end: clock::from_micros(micros("s_ends_at")?),
        channels: crate::slots::channels_from_db(&row.required("s_channels")?)?,
        location: row.text("s_location")?,
        meeting_id: opt_typed(row, "s_meeting_id")?,
    };
    let holder = if municipality.is_some() {
        Holder::Municipality
    } else {
        Holder::UnemploymentFund
    };
    Ok(ContextRow {
        slot: Some((slot, holder, row.required("staff_name")?)),
        citizen,
        facts,
    })
}

/// The context as `actor` may have it: `NotFound` unless they may see the citizen, an unknown
/// `slot_id` unless the slot is the citizen's jobcenter's or a-kasse's.
fn for_actor(actor: &Actor, row: ContextRow) -> Result<BookingContext, StoreError> {
    let visibility = domain::citizen_visibility(actor, &crate::citizens::scope_of(&row.citizen)?);
    if !visibility.is_visible() {
        return Err(StoreError::NotFound);
    }
    let (slot, holder, staff_name) = row
        .slot
        .ok_or_else(|| StoreError::invalid("slot_id", domain::Invalid::UnknownValue))?;
    Ok(BookingContext {
        citizen: row.citizen,
        visibility,
        slot,
        facts: row.facts,
        holder,
        staff_name,
    })
}

/// Bookings' contexts, read in groups on PostgreSQL: keyed by (citizen, moved meeting or '',
/// slot).
pub(crate) struct Contexts;

impl GroupRead for Contexts {
    type Key = [String; 3];
    type Value = ContextRow;

    async fn read(
        pool: &AnyPool,
        keys: &[[String; 3]],
    ) -> Result<HashMap<[String; 3], ContextRow>, StoreError> {
        let Some(last) = keys.last() else {
            return Ok(HashMap::new());
        };
        let n = shape(keys.len());
        let sql = many_sql(n);
        let mut query = sqlx::query(&sql);
        for key in keys.iter().chain(std::iter::repeat(last)).take(n) {
            for part in key {
                query = query.bind(part.as_str());
            }
        }
        let rows = query.fetch_all(pool).await?;
        let mut found = HashMap::with_capacity(rows.len());
        for r in &rows {
            let key = [
                r.required("q_cid")?,
                r.required("q_mid")?,
                r.required("q_sid")?,
            ];
            found.insert(key, parse(r)?);
        }
        Ok(found)
    }
}

impl Store {
    /// Everything a booking (or a move, with `moving`) decides on (see the module's comment).
    pub(crate) async fn booking_context(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        slot_id: &SlotId,
        moving: Option<&MeetingId>,
    ) -> Result<BookingContext, StoreError> {
        let params = [
            citizen_id.as_str(),
            moving.map_or("", MeetingId::as_str),
            slot_id.as_str(),
        ];
        let alone = || async {
            sqlx::query(&ONE_SQL)
                .bind(params[0])
                .bind(params[1])
                .bind(params[2])
                .fetch_optional(&self.inner.read)
                .await?
                .as_ref()
                .map(parse)
                .transpose()
        };
        let row = match (&self.inner.direct, &self.inner.contexts) {
            // SQLite: on this thread; it is every booking's first step.
            (Some(direct), _) => direct.query_one(&ONE_SQL, &params, |r| parse(r))?,
            (None, Some(contexts)) => match contexts.get(params.map(str::to_owned)).await {
                Ok(row) => row,
                Err(()) => alone().await?,
            },
            (None, None) => alone().await?,
        };
        for_actor(actor, row.ok_or(StoreError::NotFound)?)
    }
}

#[cfg(test)]
mod tests {
    use domain::Channel::InPerson;

    use super::{Contexts, ONE_SQL, parse};
    use crate::grouped_reads::GroupRead;
    use crate::testing::{fresh_store, slot_in, world};
    use crate::{Backend, NewMeeting};

    /// The grouped statement answers each booking as its own statement would: the citizen's
    /// facts with and without a moved meeting, a slot of the a-kasse, a slot of another
    /// municipality (unknown to the booking), no such slot, no such citizen.
    #[tokio::test]
    async fn many_bookings_read_together_get_what_each_would_alone() {
        let store = fresh_store(Backend::Postgres).await;
        let w = world(&store).await;
        let slot = |actor: &domain::Actor, hours: i64| {
            let (store, actor) = (store.clone(), actor.clone());
            async move {
                let spec = slot_in(&store, hours, 30, &[InPerson]);
                store.create_slots(&actor, &[spec]).await.expect("slot")[0].clone()
            }
        };
        let (booked, free) = (slot(&w.caseworker, 50).await, slot(&w.caseworker, 52).await);
        let (funds, others) = (
            slot(&w.adviser, 54).await,
            slot(&w.other_municipality, 56).await,
        );
        let meeting = store
            .book_meeting(
                &w.caseworker,
                &NewMeeting {
                    citizen_id: w.citizen.id.clone(),
                    slot_id: booked.id.clone(),
                    channel: InPerson,
                    purpose: None,
                    attendance_reason: None,
                    with_fund: false,
                    call_in: None,
                    interpreter: None,
                    companion: None,
                },
            )
            .await
            .expect("booked");
        let citizen = w.citizen.id.to_string();
        let mut keys: Vec<[String; 3]> = [
            (citizen.as_str(), "", free.id.as_str()),
            (citizen.as_str(), meeting.id.as_str(), free.id.as_str()),
            (citizen.as_str(), "", funds.id.as_str()),
            (citizen.as_str(), "", others.id.as_str()),
            (citizen.as_str(), "", "no-such-slot"),
            ("no-such-citizen", "", free.id.as_str()),
        ]
        .map(|(c, m, s)| [c, m, s].map(str::to_owned))
        .into();
        keys.sort();
        let together = Contexts::read(&store.inner.read, &keys)
            .await
            .expect("read together");
        for key in &keys {
            let alone = sqlx::query(&ONE_SQL)
                .bind(key[0].as_str())
                .bind(key[1].as_str())
                .bind(key[2].as_str())
                .fetch_optional(&store.inner.read)
                .await
                .expect("read alone")
                .map(|r| parse(&r).expect("parsed"));
            assert_eq!(
                format!("{:?}", together.get(key)),
                format!("{alone:?}"),
                "{key:?}"
            );
        }
        let read = |i: usize| together.get(&keys[i]).expect("found");
        // What the comparison must have covered: facts that differ with the moved meeting, a
        // slot of the a-kasse, and the others.
        let with_own = keys
            .iter()
            .position(|k| k[1].is_empty() && k[2] == free.id.as_str());
        let moving = keys.iter().position(|k| !k[1].is_empty());
        let (with_own, moving) = (with_own.expect("key"), moving.expect("key"));
        assert!(read(with_own).facts.earlier.any.is_some());
        assert!(read(moving).facts.earlier.any.is_none());
        assert_eq!(together.len(), 5, "no such citizen: nothing found");
        assert!(
            keys.iter()
                .filter_map(|k| together.get(k))
                .filter(|r| r.slot.is_some())
                .count()
                == 3,
            "free (twice) and the a-kasse's slot are the citizen's; another municipality's is not"
        );
    }
}
