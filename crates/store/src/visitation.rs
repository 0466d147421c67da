//! Visitation: a caseworker decides the track, with a reason when the decision differs from the
//! recommendation; the decision sets the citizen's track and the booking flags the
//! recommendation gave. The citizen may add their own view. Monitoring reads the decisions.

use domain::{Actor, CitizenId, Track, Visibility};
use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::error::parse;
use crate::ids::{new_id, typed};
use crate::screening::{SCREENING_COLUMNS, screening_from_row};
use crate::{Store, StoreError, clock};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visitation {
    pub id: String,
    pub citizen_id: CitizenId,
    pub track: Track,
    pub recommended_track: Option<Track>,
    pub reason: Option<String>,
    pub decided_by_name: String,
    pub decided_at: Timestamp,
    pub citizen_view: Option<String>,
}

const VISITATION_COLUMNS: &str =
    "id, citizen_id, track, recommended_track, reason, decided_by_name, decided_at, citizen_view";

fn visitation_from_row(r: &AnyRow) -> Result<Visitation, StoreError> {
    let recommended: Option<String> = r.try_get("recommended_track")?;
    Ok(Visitation {
        id: r.try_get("id")?,
        citizen_id: typed("citizen_id", r.try_get("citizen_id")?)?,
        track: parse("track", r.try_get::<&str, _>("track")?)?,
        recommended_track: recommended
            .as_deref()
            .map(|t| parse("recommended_track", t))
            .transpose()?,
        reason: r.try_get("reason")?,
        decided_by_name: r.try_get("decided_by_name")?,
        decided_at: clock::from_micros(r.try_get("decided_at")?),
        citizen_view: r.try_get("citizen_view")?,
    })
}

impl Store {
    /// The citizen's visitation decisions, newest first.
    pub async fn visitations(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
    ) -> Result<Vec<Visitation>, StoreError> {
        self.read_visible(actor, citizen_id, AuditAction::VisitationRead, |_| true)
            .await?;
        let rows = sqlx::query(&format!("SELECT {VISITATION_COLUMNS} FROM visitations WHERE citizen_id = $1 ORDER BY decided_at DESC, id DESC"))
            .bind(citizen_id.as_str())
            .fetch_all(&self.inner.read)
            .await?;
        rows.iter().map(visitation_from_row).collect()
    }

    /// A caseworker decides the track. A track that differs from the latest recommendation, or
    /// any track without a screening, needs a reason (`ReasonRequired`). The citizen's track and,
    /// from the recommendation, their booking flags are set in the same transaction.
    pub async fn decide_visitation(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        track: Track,
        reason: Option<&str>,
    ) -> Result<Visitation, StoreError> {
        let (_, visibility) = self.load_visible(actor, citizen_id).await?;
        if !visibility.may_change_case() {
            return Err(StoreError::Forbidden);
        }
        let latest = sqlx::query(&format!("SELECT {SCREENING_COLUMNS} FROM screenings WHERE citizen_id = $1 ORDER BY submitted_at DESC, id DESC LIMIT 1"))
            .bind(citizen_id.as_str())
            .fetch_optional(&self.inner.read)
            .await?
            .as_ref()
            .map(screening_from_row)
            .transpose()?;
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        let follows = latest
            .as_ref()
            .is_some_and(|s| s.recommendation.track == track);
        if !follows && reason.is_none() {
            return Err(StoreError::ReasonRequired);
        }
        let id = new_id();
        let now = self.now_micros();
        let mut tx = self.inner.write.begin().await?;
        sqlx::query(
            "INSERT INTO visitations (id, citizen_id, screening_id, track, recommended_track, reason, decided_by, decided_by_name, decided_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&id)
        .bind(citizen_id.as_str())
        .bind(latest.as_ref().map(|s| s.id.to_string()))
        .bind(track.as_str())
        .bind(latest.as_ref().map(|s| s.recommendation.track.as_str()))
        .bind(reason.map(str::to_owned))
        .bind(actor.id())
        .bind(actor.name())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let (first, exempt) = latest.as_ref().map_or((false, false), |s| {
            (
                s.recommendation.in_person_first,
                s.recommendation.self_booking_exempt,
            )
        });
        // The screening exempts for very poor IT skills only (§ 45, stk. 1, nr. 1).
        let exempt_reason = exempt.then_some(domain::meetings::SelfBookingExemption::ItSkills);
        sqlx::query("UPDATE citizens SET track = $1, in_person_first = $2, self_booking_exempt = $3, self_booking_exempt_reason = $6, updated_at = $4 WHERE id = $5")
            .bind(track.as_str())
            .bind(i64::from(first))
            .bind(i64::from(exempt))
            .bind(now)
            .bind(citizen_id.as_str())
            .bind(exempt_reason.map(|r| r.as_str()))
            .execute(&mut *tx)
            .await?;
        audit::insert(
            &mut tx,
            &[AuditEntry::new(
                self.now_micros(),
                actor,
                citizen_id,
                AuditAction::VisitationDecided,
            )],
        )
        .await?;
        tx.commit().await?;
        Ok(Visitation {
            id,
            citizen_id: citizen_id.clone(),
            track,
            recommended_track: latest.map(|s| s.recommendation.track),
            reason: reason.map(str::to_owned),
            decided_by_name: actor.name().to_owned(),
            decided_at: clock::from_micros(now),
            citizen_view: None,
        })
    }

    /// "Din egen vurdering": the citizen adds their view to the latest decision.
    pub async fn add_citizen_view(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        view: &str,
    ) -> Result<Visitation, StoreError> {
        let (_, visibility) = self.load_visible(actor, citizen_id).await?;
        if visibility != Visibility::Own {
            return Err(StoreError::Forbidden);
        }
        let changed = sqlx::query(
            "UPDATE visitations SET citizen_view = $1, citizen_view_at = $2 WHERE id = \
             (SELECT id FROM visitations WHERE citizen_id = $3 ORDER BY decided_at DESC, id DESC LIMIT 1)",
        )
        .bind(view)
        .bind(self.now_micros())
        .bind(citizen_id.as_str())
        .execute(&self.inner.write)
        .await?;
        if changed.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        self.visitations(actor, citizen_id)
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound)
    }

    /// Visitation decisions in [from, to) for monitoring: a manager sees their municipality,
    /// an administrator every municipality; others are refused. No citizen is named.
    pub async fn visitation_decisions(
        &self,
        actor: &Actor,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<domain::screening::monitoring::Decision>, StoreError> {
        // Empty: every municipality (administrators).
        let municipality = domain::access::visitation_reach(actor)
            .ok_or(StoreError::Forbidden)?
            .map_or_else(String::new, |m| m.as_str().to_owned());
        let rows = sqlx::query(
            "SELECT c.municipality, c.target_group, v.track, v.recommended_track, v.decided_at \
             FROM visitations v JOIN citizens c ON c.id = v.citizen_id \
             WHERE v.decided_at >= $1 AND v.decided_at < $2 AND ($3 = '' OR c.municipality = $3)",
        )
        .bind(clock::to_micros(from))
        .bind(clock::to_micros(to))
        .bind(municipality)
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter()
            .map(|r| {
                let recommended: Option<String> = r.try_get("recommended_track")?;
                let at = clock::from_micros(r.try_get("decided_at")?);
                Ok(domain::screening::monitoring::Decision {
                    municipality: r.try_get("municipality")?,
                    target_group: parse("target_group", r.try_get::<&str, _>("target_group")?)?,
                    recommended: recommended
                        .as_deref()
                        .map(|t| parse("recommended_track", t))
                        .transpose()?,
                    decided: parse("track", r.try_get::<&str, _>("track")?)?,
                    month: at
                        .to_zoned(domain::clock_text::copenhagen())
                        .strftime("%Y-%m")
                        .to_string(),
                })
            })
            .collect()
    }
}
