//! Self-help answers (issue 21, item 5): each organisation's short answers, edited by its staff
//! and searched by citizens through the server's in-memory index
//! (`server::use_cases::help_search`), and the searches that found nothing, for the manager's
//! report.

use domain::help::{HelpText, MISSES_KEPT, REPORTED_MISSES, miss_key};
use domain::messages::ThreadHolder;
use domain::surveys::MIN_CELL;
use domain::{Actor, CitizenId, HelpAnswerId};
use jiff::Timestamp;
use sqlx::{Any, Row, Transaction};

use crate::chat::ChatOrg;
use crate::contact_report::ReportScope;
use crate::ids::{new_id, typed};
use crate::{Store, StoreError, clock};

/// One answer as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpAnswer {
    pub id: HelpAnswerId,
    pub question: String,
    pub answer: String,
    pub updated_at: Timestamp,
}

/// An organisation's answers as of one revision: what an index is built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpAnswers {
    pub revision: i64,
    pub answers: Vec<HelpAnswer>,
}

/// Staff of the organisation itself, or an administrator, may edit its answers.
fn may_edit(actor: &Actor, org: &ChatOrg) -> bool {
    match actor {
        Actor::Admin { .. } => true,
        Actor::Staff { .. } => ChatOrg::of_staff(actor).as_ref() == Some(org),
        Actor::Citizen { .. } => false,
    }
}

/// Raises the organisation's revision in the transaction of a change to its answers.
async fn bump(tx: &mut Transaction<'_, Any>, org: &ChatOrg) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO help_revisions (holder, org_code, revision) VALUES ($1, $2, 1) \
         ON CONFLICT (holder, org_code) DO UPDATE SET revision = help_revisions.revision + 1",
    )
    .bind(org.holder.as_str())
    .bind(&org.code)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// The organisation whose answers a reader of `citizen_id`'s thread `holder` searches: the
    /// jobcentre's or the a-kasse's. Whoever may not read the thread: `NotFound`.
    pub async fn help_org(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        holder: Option<ThreadHolder>,
    ) -> Result<ChatOrg, StoreError> {
        let (view, citizen) = self.thread_view(actor, citizen_id, holder).await?;
        ChatOrg::of_thread(&citizen, view.holder()).ok_or(StoreError::NotFound)
    }

    /// The organisation's answer revision (0 before any answer was written).
    pub async fn help_revision(&self, org: &ChatOrg) -> Result<i64, StoreError> {
        let row =
            sqlx::query("SELECT revision FROM help_revisions WHERE holder = $1 AND org_code = $2")
                .bind(org.holder.as_str())
                .bind(&org.code)
                .fetch_optional(&self.inner.read)
                .await?;
        Ok(match row {
            Some(r) => r.try_get("revision")?,
            None => 0,
        })
    }

    /// All the organisation's answers, by question, with the revision they are at. The
    /// revision is read first: a change between the two reads leaves an index that is rebuilt
    /// at the next search, never one that claims to be newer than it is.
    pub async fn help_answers(&self, org: &ChatOrg) -> Result<HelpAnswers, StoreError> {
        let revision = self.help_revision(org).await?;
        let rows = sqlx::query(
            "SELECT id, question, answer, updated_at FROM help_answers \
             WHERE holder = $1 AND org_code = $2 ORDER BY question, id",
        )
        .bind(org.holder.as_str())
        .bind(&org.code)
        .fetch_all(&self.inner.read)
        .await?;
        let answers = rows
            .iter()
            .map(|r| {
                Ok(HelpAnswer {
                    id: typed("help_answers.id", r.try_get("id")?)?,
                    question: r.try_get("question")?,
                    answer: r.try_get("answer")?,
                    updated_at: clock::from_micros(r.try_get("updated_at")?),
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(HelpAnswers { revision, answers })
    }

    /// Writes a new answer (`id` `None`) or replaces one of the organisation's, and answers it
    /// as kept. Staff of the organisation and administrators; an answer of another
    /// organisation: `NotFound`.
    pub async fn save_help_answer(
        &self,
        actor: &Actor,
        org: &ChatOrg,
        id: Option<&HelpAnswerId>,
        text: &HelpText,
    ) -> Result<HelpAnswer, StoreError> {
        if !may_edit(actor, org) {
            return Err(StoreError::Forbidden);
        }
        let at = self.now();
        let now = clock::to_micros(at);
        let mut tx = self.inner.write.begin().await?;
        let id = match id {
            Some(id) => {
                let done = sqlx::query(
                    "UPDATE help_answers SET question = $1, answer = $2, updated_at = $3, \
                     updated_by = $4 WHERE id = $5 AND holder = $6 AND org_code = $7",
                )
                .bind(&text.question)
                .bind(&text.answer)
                .bind(now)
                .bind(actor.id())
                .bind(id.as_str())
                .bind(org.holder.as_str())
                .bind(&org.code)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::NotFound);
                }
                id.clone()
            }
            None => {
                let id = new_id();
                sqlx::query(
                    "INSERT INTO help_answers (id, holder, org_code, question, answer, updated_at, \
                     updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&id)
                .bind(org.holder.as_str())
                .bind(&org.code)
                .bind(&text.question)
                .bind(&text.answer)
                .bind(now)
                .bind(actor.id())
                .execute(&mut *tx)
                .await?;
                typed("help_answers.id", &id)?
            }
        };
        bump(&mut tx, org).await?;
        tx.commit().await?;
        Ok(HelpAnswer {
            id,
            question: text.question.clone(),
            answer: text.answer.clone(),
            updated_at: at,
        })
    }

    /// Removes one of the organisation's answers.
    pub async fn delete_help_answer(
        &self,
        actor: &Actor,
        org: &ChatOrg,
        id: &HelpAnswerId,
    ) -> Result<(), StoreError> {
        if !may_edit(actor, org) {
            return Err(StoreError::Forbidden);
        }
        let mut tx = self.inner.write.begin().await?;
        let done =
            sqlx::query("DELETE FROM help_answers WHERE id = $1 AND holder = $2 AND org_code = $3")
                .bind(id.as_str())
                .bind(org.holder.as_str())
                .bind(&org.code)
                .execute(&mut *tx)
                .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        bump(&mut tx, org).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Notes that a citizen's search found nothing. Staff trying the search are not counted:
    /// the report is about what citizens miss.
    pub async fn record_help_miss(
        &self,
        actor: &Actor,
        org: &ChatOrg,
        words: &str,
    ) -> Result<(), StoreError> {
        let Actor::Citizen {
            citizen_id: citizen,
            ..
        } = actor
        else {
            return Ok(());
        };
        let key = miss_key(words);
        if key.is_empty() {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO help_misses (id, holder, org_code, words, citizen_id, searched_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(new_id())
        .bind(org.holder.as_str())
        .bind(&org.code)
        .bind(key)
        .bind(citizen.as_str())
        .bind(clock::to_micros(self.now()))
        .execute(&self.inner.write)
        .await?;
        Ok(())
    }

    /// The searches in [from, to) that found nothing, most searched first, as (words, how many
    /// citizens searched them): only those at least five different citizens searched, so one
    /// person's words never reach the report.
    pub async fn help_misses(
        &self,
        scope: &ReportScope,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<(String, u64)>, StoreError> {
        let (holder, code) = scope.chat_org();
        let rows = sqlx::query(
            "SELECT words, COUNT(DISTINCT citizen_id) AS n FROM help_misses \
             WHERE searched_at >= $1 AND searched_at < $2 \
             AND ($3 = '' OR (holder = $3 AND org_code = $4)) \
             GROUP BY words HAVING COUNT(DISTINCT citizen_id) >= $5 \
             ORDER BY n DESC, words LIMIT $6",
        )
        .bind(clock::to_micros(from))
        .bind(clock::to_micros(to))
        .bind(holder)
        .bind(code)
        .bind(i64::try_from(MIN_CELL).unwrap_or(5))
        .bind(i64::try_from(REPORTED_MISSES).unwrap_or(10))
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter()
            .map(|r| {
                let n: i64 = r.try_get("n")?;
                Ok((r.try_get("words")?, u64::try_from(n).unwrap_or(0)))
            })
            .collect()
    }

    /// Deletes the searches without an answer older than [`MISSES_KEPT`]; how many.
    pub async fn delete_old_help_misses(&self) -> Result<u64, StoreError> {
        let before = self.now().checked_sub(MISSES_KEPT).unwrap_or(self.now());
        let done = sqlx::query("DELETE FROM help_misses WHERE searched_at < $1")
            .bind(clock::to_micros(before))
            .execute(&self.inner.write)
            .await?;
        Ok(done.rows_affected())
    }
}
