//! Message threads and surveys written in one go, for generated data (the demo's conversations
//! that began days ago, its answered surveys). No checks, no audit, no notices: the generator
//! vouches for the rows.

use domain::Role;
use domain::messages::{ThreadHolder, waiting_after};
use jiff::Timestamp;

use crate::ids::new_id;
use crate::{Store, StoreError, clock};

#[derive(Debug, Clone)]
pub struct BulkMessage {
    pub author_id: String,
    pub author_name: String,
    pub author_role: Role,
    pub body: String,
    pub at: Timestamp,
}

/// A thread and its messages, oldest first.
#[derive(Debug, Clone)]
pub struct BulkThread {
    pub citizen_id: String,
    pub holder: ThreadHolder,
    pub messages: Vec<BulkMessage>,
}

impl Store {
    /// Inserts the threads in one transaction. Each thread's state follows from its messages as
    /// if they had been written one by one: whose turn it is and since when, and each side
    /// having read the thread when they last wrote in it.
    pub async fn bulk_insert_threads(&self, threads: &[BulkThread]) -> Result<(), StoreError> {
        let mut tx = self.inner.write.begin().await?;
        for thread in threads {
            let (Some(first), Some(last)) = (thread.messages.first(), thread.messages.last())
            else {
                continue;
            };
            let by_citizen = |m: &BulkMessage| m.author_role == Role::Citizen;
            let waiting = waiting_after(by_citizen(last));
            let turn_start = thread
                .messages
                .iter()
                .rev()
                .take_while(|m| by_citizen(m) == by_citizen(last))
                .last()
                .unwrap_or(first);
            let last_of = |citizen: bool| {
                thread
                    .messages
                    .iter()
                    .rev()
                    .find(|m| by_citizen(m) == citizen)
                    .map(|m| clock::to_micros(m.at))
            };
            let id = new_id();
            sqlx::query(
                "INSERT INTO message_threads (id, citizen_id, holder, waiting_for, waiting_since, \
                 last_message_at, citizen_read_at, staff_read_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&id)
            .bind(&thread.citizen_id)
            .bind(thread.holder.as_str())
            .bind(waiting.as_str())
            .bind(clock::to_micros(turn_start.at))
            .bind(clock::to_micros(last.at))
            .bind(last_of(true))
            .bind(last_of(false))
            .execute(&mut *tx)
            .await?;
            for m in &thread.messages {
                sqlx::query(
                    "INSERT INTO messages (id, thread_id, author_id, author_name, author_role, body, sent_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(new_id())
                .bind(&id)
                .bind(&m.author_id)
                .bind(&m.author_name)
                .bind(m.author_role.as_str())
                .bind(&m.body)
                .bind(clock::to_micros(m.at))
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}

/// A survey about a held meeting, answered or not, for generated data.
#[derive(Debug, Clone)]
pub struct BulkSurvey {
    pub meeting_id: String,
    pub citizen_id: String,
    pub municipality: String,
    pub channel: domain::Channel,
    pub target_group: domain::TargetGroup,
    pub staff_id: String,
    pub booked_by_citizen: bool,
    pub held_at: Timestamp,
    pub answer: Option<(Timestamp, domain::surveys::SurveyAnswers)>,
}

/// Surveys per INSERT statement: 18 columns, so under a thousand parameters (see `bulk.rs`).
const SURVEY_ROWS: usize = 50;

impl Store {
    /// Inserts surveys (with their answers) in one transaction, without invitations.
    pub async fn bulk_insert_surveys(&self, surveys: &[BulkSurvey]) -> Result<(), StoreError> {
        let columns = [
            "id",
            "meeting_id",
            "citizen_id",
            "municipality",
            "channel",
            "target_group",
            "staff_id",
            "booked_by_role",
            "held_at",
            "created_at",
            "answered_at",
            "satisfaction",
            "channel_fit",
            "personal",
            "helpful",
            "more_remote",
            "callback",
            "comment",
        ];
        let mut tx = self.inner.write.begin().await?;
        for chunk in surveys.chunks(SURVEY_ROWS) {
            let sql = crate::sql::insert_values("surveys", &columns, chunk.len());
            let mut q = sqlx::query(&sql);
            for s in chunk {
                let a = s.answer.as_ref();
                let booked_by = if s.booked_by_citizen {
                    Role::Citizen
                } else {
                    Role::Caseworker
                };
                q = q
                    .bind(new_id())
                    .bind(s.meeting_id.clone())
                    .bind(s.citizen_id.clone())
                    .bind(s.municipality.clone())
                    .bind(s.channel.as_str())
                    .bind(s.target_group.as_str())
                    .bind(s.staff_id.clone())
                    .bind(booked_by.as_str())
                    .bind(clock::to_micros(s.held_at))
                    .bind(clock::to_micros(s.held_at))
                    .bind(a.map(|(at, _)| clock::to_micros(*at)))
                    .bind(a.map(|(_, x)| i64::from(x.satisfaction)))
                    .bind(a.map(|(_, x)| i64::from(x.channel_fit)))
                    .bind(a.map(|(_, x)| x.personal))
                    .bind(a.map(|(_, x)| i64::from(x.helpful)))
                    .bind(a.map(|(_, x)| i64::from(x.more_remote)))
                    .bind(a.map(|(_, x)| i64::from(x.callback)))
                    .bind(a.and_then(|(_, x)| x.comment.clone()));
            }
            q.execute(&mut *tx).await?;
        }
        crate::report_days::forget_counted(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }
}
