//! Availability notices (underretninger) after a missed obligation (`domain::meetings::no_show`):
//! written in the outcome's transaction, read in the recipient's "Underretninger" inbox (every
//! citizen listed is logged), withdrawn with a reason when the excuse arrives later.

use domain::contact_plan::Holder;
use domain::meetings::{AbsenceReason, NoticeKind, NoticeRecipient};
use domain::messages::ThreadHolder;
use domain::{Actor, CitizenId, MeetingId, NoticeId, Organisation, Role, Visibility};
use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::audit::{AuditAction, AuditEntry};
use crate::error::parse;
use crate::ids::{new_id, typed};
use crate::meetings::Meeting;
use crate::{Citizen, Store, StoreError, clock};

/// One notice as its recipient reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvailabilityNotice {
    pub id: NoticeId,
    pub citizen_id: CitizenId,
    pub citizen_name: String,
    pub meeting_id: Option<MeetingId>,
    pub kind: NoticeKind,
    pub recipient: NoticeRecipient,
    pub channel: Option<domain::Channel>,
    pub start: Option<Timestamp>,
    /// What the citizen had said beforehand ("Jeg kan ikke komme"), if anything.
    pub citizen_said_reason: Option<AbsenceReason>,
    pub citizen_said: Option<String>,
    pub recorded_by_name: String,
    /// The organisation that recorded it: the jobcenter or the a-kasse.
    pub sent_by: Holder,
    pub created_at: Timestamp,
    pub withdrawn: Option<Withdrawal>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawal {
    pub at: Timestamp,
    pub by_name: String,
    pub reason: String,
}

/// Notices listed at most, newest first.
const INBOX_LIMIT: i64 = 500;

const COLUMNS: &str = "n.id, n.citizen_id, c.name AS citizen_name, n.meeting_id, n.kind, n.recipient, \
     n.channel, n.starts_at, n.citizen_said_reason, n.citizen_said, n.recorded_by_name, n.sent_by, \
     n.created_at, n.withdrawn_at, n.withdrawn_by_name, n.withdraw_reason";

fn from_row(r: &AnyRow) -> Result<AvailabilityNotice, StoreError> {
    let opt = |c: &'static str| r.try_get::<Option<String>, _>(c);
    let withdrawn = match r.try_get::<Option<i64>, _>("withdrawn_at")? {
        Some(at) => Some(Withdrawal {
            at: clock::from_micros(at),
            by_name: opt("withdrawn_by_name")?.unwrap_or_default(),
            reason: opt("withdraw_reason")?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(AvailabilityNotice {
        id: typed("id", r.try_get("id")?)?,
        citizen_id: typed("citizen_id", r.try_get("citizen_id")?)?,
        citizen_name: r.try_get("citizen_name")?,
        meeting_id: opt("meeting_id")?
            .map(|m| typed("meeting_id", &m))
            .transpose()?,
        kind: parse("kind", r.try_get::<&str, _>("kind")?)?,
        recipient: parse("recipient", r.try_get::<&str, _>("recipient")?)?,
        channel: opt("channel")?.map(|c| parse("channel", &c)).transpose()?,
        start: r
            .try_get::<Option<i64>, _>("starts_at")?
            .map(clock::from_micros),
        citizen_said_reason: opt("citizen_said_reason")?
            .map(|c| parse("citizen_said_reason", &c))
            .transpose()?,
        citizen_said: opt("citizen_said")?,
        recorded_by_name: r.try_get("recorded_by_name")?,
        sent_by: parse::<ThreadHolder>("sent_by", r.try_get::<&str, _>("sent_by")?)?.into(),
        created_at: clock::from_micros(r.try_get("created_at")?),
        withdrawn,
    })
}

/// Writes the notice about `meeting` in the outcome's transaction.
pub(crate) async fn insert_for_no_show(
    tx: &mut Transaction<'_, Any>,
    now: i64,
    actor: &Actor,
    meeting: &Meeting,
    citizen: &Citizen,
    recipient: NoticeRecipient,
    sent_by: Holder,
) -> Result<(), StoreError> {
    let said = meeting.absence.as_ref();
    sqlx::query(
        "INSERT INTO availability_notices (id, citizen_id, meeting_id, kind, recipient, unemployment_fund, \
         municipality, channel, starts_at, citizen_said_reason, citizen_said, recorded_by, recorded_by_name, \
         sent_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )
    .bind(new_id())
    .bind(citizen.id.as_str())
    .bind(meeting.id.as_str())
    .bind(NoticeKind::NoShow.as_str())
    .bind(recipient.as_str())
    .bind(citizen.unemployment_fund.as_ref().map(|f| f.as_str().to_owned()))
    .bind(citizen.municipality.as_str())
    .bind(meeting.channel.as_str())
    .bind(clock::to_micros(meeting.start))
    .bind(said.map(|a| a.reason.as_str()))
    .bind(said.and_then(|a| a.text.clone()))
    .bind(actor.id())
    .bind(actor.name())
    .bind(ThreadHolder::from(sent_by).as_str())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    // The citizen is told in their thread; one without digital mail also by letter (issue 19),
    // which the notifier writes from this row.
    sqlx::query(
        "INSERT INTO outbox (id, kind, subject_id, not_before, created_at) VALUES ($1, $2, $3, $4, $4)",
    )
    .bind(new_id())
    .bind(NO_SHOW_TOLD)
    .bind(meeting.id.as_str())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The outbox kind of the letter telling a citizen what a no-show means for them.
pub(crate) const NO_SHOW_TOLD: &str = "meeting_no_show";

impl Store {
    /// Tells the a-kasse that an insured citizen did not book a conversation that had to be
    /// held by `due_by` (the caller has found it overdue in the contact plan). Staff of the
    /// jobcentre or the a-kasse holding the conversation (`sent_by`); one standing notice per
    /// conversation (a second: 409 `notice_exists`). Logged like a no-show's notice.
    pub async fn send_booking_overdue_notice(
        &self,
        actor: &Actor,
        citizen: &Citizen,
        due_by: Timestamp,
        sent_by: Holder,
    ) -> Result<AvailabilityNotice, StoreError> {
        let (_, visibility) = self.load_visible(actor, &citizen.id).await?;
        if !visibility.is_audited() || visibility == Visibility::Admin {
            return Err(StoreError::Forbidden);
        }
        let now = self.now_micros();
        let id = new_id();
        let mut tx = self.inner.write.begin().await?;
        let standing = sqlx::query(
            "SELECT COUNT(*) AS n FROM availability_notices WHERE citizen_id = $1 AND kind = 'booking_overdue' \
             AND starts_at = $2 AND withdrawn_at IS NULL",
        )
        .bind(citizen.id.as_str())
        .bind(clock::to_micros(due_by))
        .fetch_one(&mut *tx)
        .await?
        .try_get::<i64, _>("n")?;
        if standing > 0 {
            return Err(StoreError::Conflict("notice_exists"));
        }
        sqlx::query(
            "INSERT INTO availability_notices (id, citizen_id, kind, recipient, unemployment_fund, municipality, \
             starts_at, recorded_by, recorded_by_name, sent_by, created_at) \
             VALUES ($1, $2, 'booking_overdue', 'a_kasse', $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&id)
        .bind(citizen.id.as_str())
        .bind(citizen.unemployment_fund.as_ref().map(|f| f.as_str().to_owned()))
        .bind(citizen.municipality.as_str())
        .bind(clock::to_micros(due_by))
        .bind(actor.id())
        .bind(actor.name())
        .bind(ThreadHolder::from(sent_by).as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        crate::audit::insert(
            &mut tx,
            &[AuditEntry::new(
                now,
                actor,
                &citizen.id,
                AuditAction::AvailabilityNoticeSent,
            )],
        )
        .await?;
        tx.commit().await?;
        self.notice_by_id(&typed("id", &id)?).await
    }

    /// Whether a notice about a missed booking stands for the citizen (the citizen page, which
    /// has read the citizen already).
    pub async fn booking_overdue_told(&self, citizen_id: &CitizenId) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM availability_notices WHERE citizen_id = $1 \
             AND kind = 'booking_overdue' AND withdrawn_at IS NULL",
        )
        .bind(citizen_id.as_str())
        .fetch_one(&self.inner.read)
        .await?
        .try_get("n")?;
        Ok(n > 0)
    }

    /// Whether the actor has an "Underretninger" inbox (for the navigation).
    pub async fn receives_notices(&self, actor: &Actor) -> Result<bool, StoreError> {
        Ok(self.notice_inbox_scope(actor).await?.is_some())
    }

    /// Which notices the actor receives, as a filter on `availability_notices n`: an a-kasse's
    /// staff its members' (`a_kasse`), a municipality's managers and its benefits team the
    /// cash-benefit ones (`benefits_office`), administrators all. `None`: none (citizens,
    /// other staff).
    async fn notice_inbox_scope(
        &self,
        actor: &Actor,
    ) -> Result<Option<(String, Vec<String>)>, StoreError> {
        Ok(match actor {
            Actor::Admin { .. } => Some(("1 = 1".to_owned(), vec![])),
            Actor::Staff {
                organisation: Organisation::Fund(f),
                ..
            } => Some((
                "n.recipient = 'a_kasse' AND n.unemployment_fund = $1".to_owned(),
                vec![f.as_str().to_owned()],
            )),
            Actor::Staff {
                id,
                role,
                organisation: Organisation::Municipality(m),
                ..
            } => {
                let team = self.benefits_team(m).await?;
                let in_team = match team {
                    Some(team) => self.staff_by_id(id).await?.team.as_deref() == Some(&team),
                    None => false,
                };
                (*role == Role::Manager || in_team).then(|| {
                    (
                        "n.recipient = 'benefits_office' AND n.municipality = $1".to_owned(),
                        vec![m.as_str().to_owned()],
                    )
                })
            }
            Actor::Citizen { .. } => None,
        })
    }

    /// The actor's "Underretninger", newest first; every citizen listed is logged.
    pub async fn availability_notices(
        &self,
        actor: &Actor,
    ) -> Result<Vec<AvailabilityNotice>, StoreError> {
        let (filter, binds) = self
            .notice_inbox_scope(actor)
            .await?
            .ok_or(StoreError::Forbidden)?;
        let sql = format!(
            "SELECT {COLUMNS} FROM availability_notices n JOIN citizens c ON c.id = n.citizen_id \
             WHERE {filter} ORDER BY n.created_at DESC, n.id DESC LIMIT {INBOX_LIMIT}"
        );
        let mut query = sqlx::query(&sql);
        for b in binds {
            query = query.bind(b);
        }
        let notices = query
            .fetch_all(&self.inner.read)
            .await?
            .iter()
            .map(from_row)
            .collect::<Result<Vec<_>, _>>()?;
        let now = self.now_micros();
        self.log_reads(
            notices
                .iter()
                .map(|n| {
                    AuditEntry::new(
                        now,
                        actor,
                        &n.citizen_id,
                        AuditAction::AvailabilityNoticeListed,
                    )
                })
                .collect(),
        )
        .await?;
        Ok(notices)
    }

    /// The notice about a meeting, for whoever may see its citizen (the meeting page, the
    /// citizen themself included: it is their case).
    pub async fn availability_notice_of(
        &self,
        actor: &Actor,
        meeting: &Meeting,
    ) -> Result<Option<AvailabilityNotice>, StoreError> {
        if meeting.status != domain::MeetingStatus::NoShow {
            return Ok(None);
        }
        self.load_visible(actor, &meeting.citizen_id).await?;
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM availability_notices n JOIN citizens c ON c.id = n.citizen_id \
             WHERE n.meeting_id = $1"
        ))
        .bind(meeting.id.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
    }

    /// Withdraws a notice because the excuse arrived later: staff of the organisation that
    /// sent it, or administrators; a reason is required. The excuse is recorded on the meeting
    /// too. Someone who may not see the citizen: `NotFound`.
    pub async fn withdraw_availability_notice(
        &self,
        actor: &Actor,
        id: &NoticeId,
        reason: &str,
    ) -> Result<AvailabilityNotice, StoreError> {
        let notice = self.notice_by_id(id).await?;
        let (_, visibility) = self.load_visible(actor, &notice.citizen_id).await?;
        let sender = match notice.sent_by {
            Holder::UnemploymentFund => Visibility::Fund,
            Holder::Municipality => Visibility::Municipality,
        };
        if !(visibility == Visibility::Admin || visibility == sender) {
            return Err(StoreError::Forbidden);
        }
        let reason = domain::meetings::parse_excuse(Some(reason))
            .map_err(|e| StoreError::invalid("reason", e))?
            .ok_or(StoreError::ReasonRequired)?;
        let now = self.now_micros();
        let mut tx = self.inner.write.begin().await?;
        let done = sqlx::query(
            "UPDATE availability_notices SET withdrawn_at = $1, withdrawn_by_name = $2, withdraw_reason = $3 \
             WHERE id = $4 AND withdrawn_at IS NULL",
        )
        .bind(now)
        .bind(actor.name())
        .bind(reason)
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict("notice_withdrawn"));
        }
        if let Some(meeting) = &notice.meeting_id {
            sqlx::query("UPDATE meetings SET no_show_excuse = $1, updated_at = $2 WHERE id = $3")
                .bind(reason)
                .bind(now)
                .bind(meeting.as_str())
                .execute(&mut *tx)
                .await?;
        }
        if visibility.is_audited() {
            crate::audit::insert(
                &mut tx,
                &[AuditEntry::new(
                    now,
                    actor,
                    &notice.citizen_id,
                    AuditAction::AvailabilityNoticeWithdrawn,
                )],
            )
            .await?;
        }
        tx.commit().await?;
        self.notice_by_id(id).await
    }

    async fn notice_by_id(&self, id: &NoticeId) -> Result<AvailabilityNotice, StoreError> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM availability_notices n JOIN citizens c ON c.id = n.citizen_id \
             WHERE n.id = $1"
        ))
        .bind(id.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()?
        .ok_or(StoreError::NotFound)
    }
}
