//! Screening answers with their recommendation, kept with their history. The citizen or
//! jobcenter staff submit answers; the domain's model recommends; `visitation.rs` holds the
//! caseworker's decision.

use domain::screening::{
    Answers, DigitalComfort, Education, OwnAssessment, Recommendation, YesNoUnsure, reason_by_code,
    recommend,
};
use domain::{Actor, CitizenId, Role, ScreeningId, Visibility};
use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::error::parse;
use crate::ids::{new_id, typed};
use crate::{Store, StoreError, clock};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screening {
    pub id: ScreeningId,
    pub citizen_id: CitizenId,
    pub answers: Answers,
    pub recommendation: Recommendation,
    pub submitted_by_name: String,
    pub submitted_by_role: Role,
    pub submitted_at: Timestamp,
}

impl Screening {
    /// Filled in by staff on the citizen's behalf.
    pub fn on_behalf(&self) -> bool {
        self.submitted_by_role != Role::Citizen
    }
}

pub(crate) const SCREENING_COLUMNS: &str = "id, citizen_id, worked_months_last_12, education, health_limits_work, \
     other_obstacles, digital_comfort, needs_interpreter, own_assessment, wants_in_person, recommended_track, \
     in_person_first, self_booking_exempt, reason_codes, submitted_by_name, submitted_by_role, submitted_at";

fn corrupt(column: &'static str) -> impl Fn(domain::Invalid) -> StoreError {
    move |_| StoreError::Corrupt { column }
}

pub(crate) fn screening_from_row(r: &AnyRow) -> Result<Screening, StoreError> {
    let answers = Answers {
        worked_months_last_12: u8::try_from(r.try_get::<i64, _>("worked_months_last_12")?)
            .map_err(|_| StoreError::Corrupt {
                column: "worked_months_last_12",
            })?,
        education: Education::try_from(r.try_get::<&str, _>("education")?)
            .map_err(corrupt("education"))?,
        health_limits_work: YesNoUnsure::try_from(r.try_get::<&str, _>("health_limits_work")?)
            .map_err(corrupt("health_limits_work"))?,
        other_obstacles: YesNoUnsure::try_from(r.try_get::<&str, _>("other_obstacles")?)
            .map_err(corrupt("other_obstacles"))?,
        digital_comfort: DigitalComfort::try_from(r.try_get::<&str, _>("digital_comfort")?)
            .map_err(corrupt("digital_comfort"))?,
        needs_interpreter: r.try_get::<i64, _>("needs_interpreter")? != 0,
        own_assessment: OwnAssessment::try_from(r.try_get::<&str, _>("own_assessment")?)
            .map_err(corrupt("own_assessment"))?,
        wants_in_person: r.try_get::<i64, _>("wants_in_person")? != 0,
    };
    let codes: String = r.try_get("reason_codes")?;
    Ok(Screening {
        id: typed("id", r.try_get("id")?)?,
        citizen_id: typed("citizen_id", r.try_get("citizen_id")?)?,
        answers,
        recommendation: Recommendation {
            track: parse(
                "recommended_track",
                r.try_get::<&str, _>("recommended_track")?,
            )?,
            in_person_first: r.try_get::<i64, _>("in_person_first")? != 0,
            self_booking_exempt: r.try_get::<i64, _>("self_booking_exempt")? != 0,
            reasons: codes
                .split(',')
                .filter(|c| !c.is_empty())
                .filter_map(reason_by_code)
                .collect(),
        },
        submitted_by_name: r.try_get("submitted_by_name")?,
        submitted_by_role: parse(
            "submitted_by_role",
            r.try_get::<&str, _>("submitted_by_role")?,
        )?,
        submitted_at: clock::from_micros(r.try_get("submitted_at")?),
    })
}

impl Store {
    /// Stores answers and their recommendation. The citizen answers for themself; jobcenter
    /// staff may answer on their behalf (kept as such). The wish to meet in person becomes the
    /// citizen's `in_person_requested`.
    pub async fn submit_screening(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        answers: &Answers,
    ) -> Result<Screening, StoreError> {
        let (_, visibility) = self.load_visible(actor, citizen_id).await?;
        if !(visibility == Visibility::Own || visibility.may_change_case()) {
            return Err(StoreError::Forbidden);
        }
        let rec = recommend(answers);
        let id: ScreeningId = typed("id", &new_id())?;
        let now = self.now_micros();
        let codes: Vec<&str> = rec.reasons.iter().map(|r| r.code).collect();
        let mut tx = self.inner.write.begin().await?;
        sqlx::query(&format!(
            "INSERT INTO screenings ({SCREENING_COLUMNS}, submitted_by) VALUES \
             ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)"
        ))
        .bind(id.as_str())
        .bind(citizen_id.as_str())
        .bind(i64::from(answers.worked_months_last_12))
        .bind(answers.education.as_str())
        .bind(answers.health_limits_work.as_str())
        .bind(answers.other_obstacles.as_str())
        .bind(answers.digital_comfort.as_str())
        .bind(i64::from(answers.needs_interpreter))
        .bind(answers.own_assessment.as_str())
        .bind(i64::from(answers.wants_in_person))
        .bind(rec.track.as_str())
        .bind(i64::from(rec.in_person_first))
        .bind(i64::from(rec.self_booking_exempt))
        .bind(codes.join(","))
        .bind(actor.name())
        .bind(actor.role().as_str())
        .bind(now)
        .bind(actor.id())
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE citizens SET in_person_requested = $1, updated_at = $2 WHERE id = $3")
            .bind(i64::from(answers.wants_in_person))
            .bind(now)
            .bind(citizen_id.as_str())
            .execute(&mut *tx)
            .await?;
        if visibility.is_audited() {
            audit::insert(
                &mut tx,
                &[AuditEntry::new(
                    self.now_micros(),
                    actor,
                    citizen_id,
                    AuditAction::ScreeningSubmitted,
                )],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Screening {
            id,
            citizen_id: citizen_id.clone(),
            answers: *answers,
            recommendation: rec,
            submitted_by_name: actor.name().to_owned(),
            submitted_by_role: actor.role(),
            submitted_at: clock::from_micros(now),
        })
    }

    /// The citizen's screenings, newest first (answers are health data: reads are logged).
    pub async fn screenings(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
    ) -> Result<Vec<Screening>, StoreError> {
        // Answers are health data: the citizen and their jobcenter only.
        self.read_visible(actor, citizen_id, AuditAction::ScreeningRead, |v| {
            v == Visibility::Own || v.may_change_case()
        })
        .await?;
        let rows = sqlx::query(&format!("SELECT {SCREENING_COLUMNS} FROM screenings WHERE citizen_id = $1 ORDER BY submitted_at DESC, id DESC"))
            .bind(citizen_id.as_str())
            .fetch_all(&self.inner.read)
            .await?;
        rows.iter().map(screening_from_row).collect()
    }
}
