//! What a contact plan is computed from: a citizen's meetings as the plan sees them (who held
//! them, when, with what outcome) and the exemption staff may have decided. The plan itself is
//! the domain's ([`domain::contact_plan::contact_plan`]); it is computed on every read, never
//! stored, so a new rule file or a recorded outcome shows at once.

use domain::contact_plan::{Exemptions, Holder, PlanCitizen, PlanMeeting, RuleBook};
use domain::{Actor, CitizenId, Invalid, Visibility};
use jiff::Timestamp;
use sqlx::Row;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::ids::new_id;
use crate::{Citizen, Store, StoreError, clock};

/// An organisation's decision to exempt a citizen from its own exemptible conversations, or to
/// lift that.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exemption {
    /// Whose conversations: the deciding staff member's organisation.
    pub holder: Holder,
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
    /// The latest decision of each organisation that ever made one, latest first.
    pub exemptions: Vec<Exemption>,
}

impl PlanInputs {
    /// Who has exempted the citizen, by each organisation's latest decision.
    pub fn exempt(&self) -> Exemptions {
        let stands = |h: Holder| self.exemptions.iter().any(|e| e.holder == h && e.exempt);
        Exemptions {
            fund: stands(Holder::UnemploymentFund),
            municipality: stands(Holder::Municipality),
        }
    }

    /// The latest decision of any organisation.
    pub fn latest_exemption(&self) -> Option<&Exemption> {
        self.exemptions.first()
    }

    pub fn plan_citizen(&self) -> PlanCitizen {
        PlanCitizen {
            target_group: self.citizen.target_group,
            starts: self.citizen.starts(),
            exempt: self.exempt(),
            jobcenter_from_start: self.citizen.jobcenter_from_start,
        }
    }
}

/// The longest reason kept for an exemption.
pub const MAX_EXEMPTION_REASON: usize = 1000;

impl Store {
    /// A citizen and what their plan is computed from; the read is logged as "contact plan".
    /// The citizen, their jobcenter and their a-kasse may read it.
    pub async fn plan_inputs(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
    ) -> Result<PlanInputs, StoreError> {
        let (citizen, _) = self
            .read_visible(actor, citizen_id, AuditAction::ContactPlanRead, |_| true)
            .await?;
        let meetings = self
            .case_files("c.id = $1", citizen_id.as_str())
            .await?
            .into_iter()
            .next()
            .map(|file| file.meetings)
            .unwrap_or_default();
        Ok(PlanInputs {
            exemptions: self.latest_exemptions(citizen_id.as_str()).await?,
            citizen,
            meetings,
        })
    }

    /// Exempts a citizen from the actor's organisation's exemptible conversations (or lifts
    /// that), with a reason. The jobcenter decides for the municipality's conversations, the
    /// citizen's a-kasse for its own; neither can remove the other's, and an administrator, who
    /// holds none, cannot decide (`Forbidden`). An exemption the law in force today does not
    /// allow for the citizen and organisation is `ExemptionNotAllowed`.
    pub async fn set_exemption(
        &self,
        actor: &Actor,
        book: &RuleBook,
        citizen_id: &CitizenId,
        exempt: bool,
        reason: &str,
    ) -> Result<Exemption, StoreError> {
        let (citizen, visibility) = self.load_visible(actor, citizen_id).await?;
        let holder = match visibility {
            Visibility::Municipality => Holder::Municipality,
            Visibility::Fund => Holder::UnemploymentFund,
            _ => return Err(StoreError::Forbidden),
        };
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
        let today = domain::clock_text::local_date(self.now());
        if exempt && !book.may_exempt(citizen.target_group, holder, today) {
            return Err(StoreError::ExemptionNotAllowed);
        }
        let now = self.now_micros();
        let mut tx = self.inner.write.begin().await?;
        sqlx::query(
            "INSERT INTO plan_exemptions (id, citizen_id, exempt, reason, decided_by, decided_by_name, decided_at, holder) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new_id())
        .bind(citizen_id.as_str())
        .bind(i64::from(exempt))
        .bind(reason)
        .bind(actor.id())
        .bind(actor.name())
        .bind(now)
        .bind(holder.as_str())
        .execute(&mut *tx)
        .await?;
        audit::insert(
            &mut tx,
            &[AuditEntry::new(
                self.now_micros(),
                actor,
                citizen_id,
                AuditAction::ExemptionDecided,
            )],
        )
        .await?;
        tx.commit().await?;
        Ok(Exemption {
            holder,
            exempt,
            reason: reason.to_owned(),
            decided_by_name: actor.name().to_owned(),
            decided_at: clock::from_micros(now),
        })
    }

    /// Each organisation's latest exemption decision for a citizen, latest first.
    async fn latest_exemptions(&self, citizen_id: &str) -> Result<Vec<Exemption>, StoreError> {
        let rows = sqlx::query(
            "SELECT holder, exempt, reason, decided_by_name, decided_at FROM plan_exemptions \
             WHERE citizen_id = $1 ORDER BY decided_at DESC, id DESC",
        )
        .bind(citizen_id)
        .fetch_all(&self.inner.read)
        .await?;
        let mut latest: Vec<Exemption> = Vec::new();
        for r in &rows {
            let holder: Holder = crate::error::parse("holder", &r.try_get::<String, _>("holder")?)?;
            if latest.iter().any(|e| e.holder == holder) {
                continue;
            }
            latest.push(Exemption {
                holder,
                exempt: r.try_get::<i64, _>("exempt")? != 0,
                reason: r.try_get("reason")?,
                decided_by_name: r.try_get("decided_by_name")?,
                decided_at: clock::from_micros(r.try_get("decided_at")?),
            });
        }
        Ok(latest)
    }
}
