//! The survey after a held meeting: made with the outcome, waiting for its citizen, answered once.
//! Only the citizen reads or answers their own survey; staff see answers only as report cells of
//! five or more (`domain::surveys::MIN_CELL`).

use domain::surveys::SurveyAnswers;
use domain::{Actor, Channel, CitizenId, MeetingId, SurveyId};
use jiff::Timestamp;
use sqlx::{Any, Row, Transaction};

use crate::error::parse;
use crate::ids::{new_id, typed};
use crate::outbox::system_actor;
use crate::report_days::{self, StaleDay};
use crate::{Citizen, Meeting, Store, StoreError, clock};
use domain::survey_release::{answer_cutoff, answerable};

/// The outbox kind of the invitation to answer.
pub(crate) const SURVEY_INVITED: &str = "survey_invited";

/// A survey waiting for its citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingSurvey {
    pub id: SurveyId,
    pub meeting_id: MeetingId,
    pub held_at: Timestamp,
    pub channel: Channel,
    pub staff_name: String,
}

/// Makes the survey of a meeting just recorded as held, and its invitation, in the caller's
/// transaction.
pub(crate) async fn create_in(
    tx: &mut Transaction<'_, Any>,
    now: i64,
    meeting: &Meeting,
    citizen: &Citizen,
) -> Result<(), sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO surveys (id, meeting_id, citizen_id, municipality, channel, target_group, staff_id, \
         booked_by_role, held_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (meeting_id) DO NOTHING",
    )
    .bind(&id)
    .bind(meeting.id.as_str())
    .bind(citizen.id.as_str())
    .bind(citizen.municipality.as_str())
    .bind(meeting.channel.as_str())
    .bind(citizen.target_group.as_str())
    .bind(meeting.staff_id.as_str())
    .bind(meeting.booked_by_role.as_str())
    .bind(clock::to_micros(meeting.start))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO outbox (id, kind, subject_id, not_before, created_at) VALUES ($1, $2, $3, $4, $4)",
    )
    .bind(new_id())
    .bind(SURVEY_INVITED)
    .bind(&id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// The acting citizen's unanswered surveys, newest meeting first. Staff: `Forbidden`.
    pub async fn pending_surveys(&self, actor: &Actor) -> Result<Vec<PendingSurvey>, StoreError> {
        let Actor::Citizen { citizen_id, .. } = actor else {
            return Err(StoreError::Forbidden);
        };
        let rows = sqlx::query(
            "SELECT v.id, v.meeting_id, v.held_at, v.channel, s.name AS staff_name \
             FROM surveys v JOIN staff s ON s.id = v.staff_id \
             WHERE v.citizen_id = $1 AND v.answered_at IS NULL AND v.held_at >= $2 \
             ORDER BY v.held_at DESC, v.id",
        )
        .bind(citizen_id.as_str())
        // Only those still answerable (`domain::survey_release::ANSWER_WINDOW_DAYS`).
        .bind(clock::to_micros(answer_cutoff(self.now())))
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(PendingSurvey {
                    id: typed("id", r.try_get("id")?)?,
                    meeting_id: typed("meeting_id", r.try_get("meeting_id")?)?,
                    held_at: clock::from_micros(r.try_get("held_at")?),
                    channel: parse("channel", r.try_get::<&str, _>("channel")?)?,
                    staff_name: r.try_get("staff_name")?,
                })
            })
            .collect()
    }

    /// One of the acting citizen's own surveys, and whether it is answered; anyone else's does not
    /// exist (`NotFound`).
    pub async fn own_survey(
        &self,
        actor: &Actor,
        survey_id: &SurveyId,
    ) -> Result<(PendingSurvey, bool), StoreError> {
        let Actor::Citizen { citizen_id, .. } = actor else {
            return Err(StoreError::NotFound);
        };
        let r = sqlx::query(
            "SELECT v.id, v.meeting_id, v.held_at, v.channel, s.name AS staff_name, v.answered_at \
             FROM surveys v JOIN staff s ON s.id = v.staff_id WHERE v.id = $1 AND v.citizen_id = $2",
        )
        .bind(survey_id.as_str())
        .bind(citizen_id.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        let survey = PendingSurvey {
            id: typed("id", r.try_get("id")?)?,
            meeting_id: typed("meeting_id", r.try_get("meeting_id")?)?,
            held_at: clock::from_micros(r.try_get("held_at")?),
            channel: parse("channel", r.try_get::<&str, _>("channel")?)?,
            staff_name: r.try_get("staff_name")?,
        };
        Ok((
            survey,
            r.try_get::<Option<i64>, _>("answered_at")?.is_some(),
        ))
    }

    /// Stores the citizen's answer to their own survey, once: a second answer is the conflict
    /// `already_answered`; someone else's survey does not exist (`NotFound`).
    pub async fn answer_survey(
        &self,
        actor: &Actor,
        survey_id: &SurveyId,
        answers: &SurveyAnswers,
    ) -> Result<Timestamp, StoreError> {
        let Actor::Citizen { citizen_id, .. } = actor else {
            return Err(StoreError::NotFound);
        };
        let survey =
            sqlx::query("SELECT citizen_id, municipality, held_at FROM surveys WHERE id = $1")
                .bind(survey_id.as_str())
                .fetch_optional(&self.inner.read)
                .await?;
        let Some(survey) = survey else {
            return Err(StoreError::NotFound);
        };
        if *citizen_id != *survey.try_get::<&str, _>("citizen_id")? {
            return Err(StoreError::NotFound);
        }
        let held_at = clock::from_micros(survey.try_get("held_at")?);
        // The answer changes the counts of the day its meeting was held.
        let day = StaleDay::new(&survey.try_get::<String, _>("municipality")?, held_at);
        let now = self.now();
        // After the window a month's answers are final: reports rely on it (differencing).
        if !answerable(held_at, now) {
            return Err(StoreError::Conflict("survey_closed"));
        }
        let mut tx = self.inner.write.begin().await?;
        // The condition on answered_at makes "once" hold under races too.
        let done = sqlx::query(
            "UPDATE surveys SET answered_at = $1, satisfaction = $2, channel_fit = $3, personal = $4, \
             helpful = $5, more_remote = $6, callback = $7, comment = $8 \
             WHERE id = $9 AND answered_at IS NULL AND held_at >= $10",
        )
        .bind(clock::to_micros(now))
        .bind(i64::from(answers.satisfaction))
        .bind(i64::from(answers.channel_fit))
        .bind(answers.personal)
        .bind(i64::from(answers.helpful))
        .bind(i64::from(answers.more_remote))
        .bind(i64::from(answers.callback))
        .bind(answers.comment.as_deref())
        .bind(survey_id.as_str())
        .bind(clock::to_micros(answer_cutoff(now)))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict("already_answered"));
        }
        report_days::mark(&mut tx, self.now_micros(), &[day]).await?;
        tx.commit().await?;
        Ok(now)
    }

    /// The citizen a survey invitation goes to, and their municipality's name.
    pub async fn survey_notice(
        &self,
        survey_id: &SurveyId,
    ) -> Result<(Citizen, String), StoreError> {
        let row = sqlx::query(
            "SELECT v.citizen_id, COALESCE(m.name, '') AS municipality_name, v.answered_at \
             FROM surveys v LEFT JOIN municipalities m ON m.code = v.municipality WHERE v.id = $1",
        )
        .bind(survey_id.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        let citizen_id: CitizenId = typed("citizen_id", row.try_get("citizen_id")?)?;
        let (citizen, _) = self.load_visible(&system_actor(), &citizen_id).await?;
        Ok((citizen, row.try_get("municipality_name")?))
    }
}
