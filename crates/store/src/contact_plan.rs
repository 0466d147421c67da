//! What a contact plan is computed from: a citizen's meetings as the plan sees them (who held
//! them, when, with what outcome) and the exemption staff may have decided. The plan itself is
//! the domain's ([`domain::contact_plan::contact_plan`]); it is computed on every read, never
//! stored, so a new rule file or a recorded outcome shows at once.

use std::collections::HashMap;

use domain::contact_plan::{Holder, PlanCitizen, PlanMeeting};
use domain::{Actor, Invalid, MeetingStatus, Visibility};
use jiff::Timestamp;
use sqlx::Row;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::error::parse;
use crate::ids::new_id;
use crate::{Citizen, Store, StoreError, clock};

/// Staff's decision to exempt a citizen from the exemptible conversations, or to lift that.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exemption {
    pub exempt: bool,
    pub reason: String,
    pub decided_by_name: String,
    pub decided_at: Timestamp,
}

/// A citizen with what their plan is computed from.
#[derive(Debug, Clone)]
pub struct PlanInputs {
    pub citizen: Citizen,
    pub meetings: Vec<PlanMeeting>,
    /// The latest decision, if any was ever made.
    pub exemption: Option<Exemption>,
}

impl PlanInputs {
    pub fn plan_citizen(&self) -> PlanCitizen {
        PlanCitizen {
            target_group: self.citizen.target_group,
            unemployed_since: self.citizen.unemployed_since,
            exempt: self.exemption.as_ref().is_some_and(|e| e.exempt),
        }
    }
}

/// The longest reason kept for an exemption.
pub const MAX_EXEMPTION_REASON: usize = 1000;

/// A meeting as the plan reads it, and when the citizen booked it themself (for activity).
pub(crate) struct MeetingFact {
    pub meeting: PlanMeeting,
    pub booked_by_citizen_at: Option<Timestamp>,
}

impl Store {
    /// A citizen and what their plan is computed from; the read is logged as "contact plan".
    /// The citizen, their jobcenter and their a-kasse may read it.
    pub async fn plan_inputs(
        &self,
        actor: &Actor,
        citizen_id: &str,
    ) -> Result<PlanInputs, StoreError> {
        let (citizen, _) = self
            .read_visible(actor, citizen_id, AuditAction::ContactPlanRead, |_| true)
            .await?;
        let mut meetings = self
            .plan_meetings("m.citizen_id = $1", &[citizen_id])
            .await?;
        let meetings = meetings
            .remove(citizen_id)
            .unwrap_or_default()
            .into_iter()
            .map(|f| f.meeting)
            .collect();
        let mut exemptions = self
            .latest_exemptions("citizen_id = $1", citizen_id)
            .await?;
        Ok(PlanInputs {
            exemption: exemptions.remove(citizen_id),
            citizen,
            meetings,
        })
    }

    /// Exempts a citizen from the exemptible conversations (or lifts the exemption), with a
    /// reason. The jobcenter and the citizen's a-kasse may decide it; whether the law in force
    /// allows exemptions at all is the caller's check against the rule book.
    pub async fn set_exemption(
        &self,
        actor: &Actor,
        citizen_id: &str,
        exempt: bool,
        reason: &str,
    ) -> Result<Exemption, StoreError> {
        let (_, visibility) = self.load_visible(actor, citizen_id).await?;
        if !matches!(
            visibility,
            Visibility::Admin | Visibility::Municipality | Visibility::Fund
        ) {
            return Err(StoreError::Forbidden);
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::invalid("reason", Invalid::Required));
        }
        if reason.chars().count() > MAX_EXEMPTION_REASON {
            return Err(StoreError::invalid(
                "reason",
                Invalid::TooLong {
                    max: MAX_EXEMPTION_REASON,
                },
            ));
        }
        let now = clock::now_micros();
        let mut tx = self.inner.write.begin().await?;
        sqlx::query(
            "INSERT INTO plan_exemptions (id, citizen_id, exempt, reason, decided_by, decided_by_name, decided_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(citizen_id)
        .bind(i64::from(exempt))
        .bind(reason)
        .bind(actor.id())
        .bind(actor.name())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        audit::insert(
            &mut tx,
            &[AuditEntry::new(
                actor,
                citizen_id,
                AuditAction::ExemptionDecided,
            )],
        )
        .await?;
        tx.commit().await?;
        Ok(Exemption {
            exempt,
            reason: reason.to_owned(),
            decided_by_name: actor.name().to_owned(),
            decided_at: clock::from_micros(now),
        })
    }

    /// Meetings of the citizens matched by `filter` (on `m`, with parameters `$1`, `$2`, … bound
    /// to `values`), grouped by citizen. The holder is the organisation of the staff member whose
    /// meeting it is.
    ///
    /// A citizen's meetings come back packed into one text per citizen (`string_agg`, in SQLite
    /// since 3.44 as in PostgreSQL): the SQLite driver hands each row from its worker thread to
    /// the caller separately, and for a worklist of 4,000 meetings those hand-offs, not SQLite,
    /// were most of the time.
    pub(crate) async fn plan_meetings(
        &self,
        filter: &str,
        values: &[&str],
    ) -> Result<HashMap<String, Vec<MeetingFact>>, StoreError> {
        let sql = format!(
            "SELECT m.citizen_id, string_agg({MEETING_PACK}, ',') AS packed \
             FROM meetings m WHERE {filter} GROUP BY m.citizen_id"
        );
        let mut q = sqlx::query(&sql);
        for v in values {
            q = q.bind(*v);
        }
        let rows = q.fetch_all(&self.inner.read).await?;
        let mut out = HashMap::with_capacity(rows.len());
        for row in &rows {
            let packed: &str = row.try_get("packed")?;
            let facts = packed
                .split(',')
                .map(unpack)
                .collect::<Result<Vec<_>, _>>()?;
            out.insert(row.try_get::<String, _>("citizen_id")?, facts);
        }
        Ok(out)
    }

    /// The latest exemption decision per citizen matched by `filter` (on `plan_exemptions`).
    pub(crate) async fn latest_exemptions(
        &self,
        filter: &str,
        value: &str,
    ) -> Result<HashMap<String, Exemption>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT citizen_id, exempt, reason, decided_by_name, decided_at FROM plan_exemptions \
             WHERE {filter} ORDER BY decided_at, id"
        ))
        .bind(value)
        .fetch_all(&self.inner.read)
        .await?;
        let mut out = HashMap::new();
        for row in &rows {
            // Ordered oldest first, so the last insert per citizen wins.
            out.insert(
                row.try_get::<String, _>("citizen_id")?,
                Exemption {
                    exempt: row.try_get::<i64, _>("exempt")? != 0,
                    reason: row.try_get("reason")?,
                    decided_by_name: row.try_get("decided_by_name")?,
                    decided_at: clock::from_micros(row.try_get("decided_at")?),
                },
            );
        }
        Ok(out)
    }
}

/// One meeting of `m` as text for [`unpack`]: `id|starts_at|status|by_fund|joint|citizen_booked_at`.
/// Whether an a-kasse holds it is asked of a subquery the database evaluates once per statement.
pub(crate) const MEETING_PACK: &str = "m.id || '|' || CAST(m.starts_at AS TEXT) || '|' || m.status \
     || '|' || CASE WHEN m.staff_id IN (SELECT id FROM staff WHERE unemployment_fund IS NOT NULL) THEN '1' ELSE '0' END \
     || '|' || CASE WHEN m.adviser_id IS NULL THEN '0' ELSE '1' END \
     || '|' || CASE WHEN m.booked_by_role = 'citizen' THEN CAST(m.booked_at AS TEXT) ELSE '' END";

/// One meeting from `plan_meetings`' packed text: `id|starts_at|status|by_fund|joint|citizen_booked_at`.
pub(crate) fn unpack(text: &str) -> Result<MeetingFact, StoreError> {
    let corrupt = || StoreError::Corrupt { column: "meetings" };
    let mut parts = text.split('|');
    let mut next = || parts.next().ok_or_else(corrupt);
    let id = next()?.to_owned();
    let starts_at: i64 = next()?.parse().map_err(|_| corrupt())?;
    let status: MeetingStatus = parse("status", next()?)?;
    let holder = if next()? == "1" {
        Holder::UnemploymentFund
    } else {
        Holder::Municipality
    };
    let joint = next()? == "1";
    let booked_by_citizen_at = match next()? {
        "" => None,
        at => Some(clock::from_micros(at.parse().map_err(|_| corrupt())?)),
    };
    Ok(MeetingFact {
        meeting: PlanMeeting::new(id, clock::from_micros(starts_at), status, holder, joint),
        booked_by_citizen_at,
    })
}
