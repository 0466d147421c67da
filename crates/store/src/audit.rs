//! The audit log: who read or changed a citizen's data, and when.
//!
//! Changes write their entry in the same transaction as the change. Reads cannot: there is no
//! transaction to join, and one fsync per read would cap a busy server at a few thousand reads a
//! second on SQLite. Reads therefore hand their entries to one [`AuditWriter`] task that commits
//! whatever has queued up in a single transaction (group commit) and only then lets the reads
//! answer. An answered read is thus always durably logged, at the cost of one fsync per group.

use domain::{Actor, CitizenId, Role};
use jiff::Timestamp;
use sqlx::{Any, AnyPool, Row, Transaction};
use tokio::sync::{mpsc, oneshot};

use crate::error::parse;
use crate::ids::new_id;
use crate::{Store, StoreError, clock};

/// What was done. The codes are stored and shown (translated) to the citizen; never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    CitizenRead,
    CitizenListed,
    CitizenCreated,
    CitizenUpdated,
    AccessLogRead,
    AvailableSlotsRead,
    MeetingsRead,
    MeetingBooked,
    MeetingMoved,
    MeetingCancelled,
    MeetingOutcome,
    /// Staff decided on the citizen's "Jeg kan ikke komme".
    AbsenceDecided,
    NoticeSent,
    /// Marked as printed (and so posted).
    LetterPrinted,
    /// Saw the letter in the list of letters to print (recipient and subject).
    LetterListed,
    /// Opened the letter itself (its PDF).
    LetterRead,
    ScreeningSubmitted,
    ScreeningRead,
    VisitationDecided,
    VisitationRead,
    ContactPlanRead,
    ExemptionDecided,
    WorklistListed,
    MessagesRead,
    MessageWritten,
    InboxListed,
    VideoJoined,
    /// The municipality the citizen moved to asked for the case.
    TransferRequested,
    /// The case moved to the municipality the citizen moved to.
    TransferAccepted,
    TransferDeclined,
    /// An availability notice (underretning) about the citizen was sent after a no-show.
    AvailabilityNoticeSent,
    /// Saw the notice in the "Underretninger" inbox.
    AvailabilityNoticeListed,
    /// Withdrew the notice: the excuse arrived later.
    AvailabilityNoticeWithdrawn,
    /// Read the citizen's call-ins in the export feed for the national data hub.
    CallInsExported,
    /// Recorded the citizen's survey answers given by phone or on paper (issue 19).
    SurveyRecorded,
    /// Unsealed the citizen's CPR number to address a letter to their Digital Post.
    DigitalPostAddressed,
    /// Saw the citizen waiting in (or in their own chats of) the chat queue.
    ChatQueueListed,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::CitizenRead => "citizen.read",
            AuditAction::CitizenListed => "citizen.listed",
            AuditAction::CitizenCreated => "citizen.created",
            AuditAction::CitizenUpdated => "citizen.updated",
            AuditAction::AccessLogRead => "access_log.read",
            AuditAction::AvailableSlotsRead => "available_slots.read",
            AuditAction::MeetingsRead => "meetings.read",
            AuditAction::MeetingBooked => "meeting.booked",
            AuditAction::MeetingMoved => "meeting.moved",
            AuditAction::MeetingCancelled => "meeting.cancelled",
            AuditAction::MeetingOutcome => "meeting.outcome",
            AuditAction::AbsenceDecided => "absence.decided",
            AuditAction::NoticeSent => "notice.sent",
            AuditAction::LetterPrinted => "letter.printed",
            AuditAction::LetterListed => "letter.listed",
            AuditAction::LetterRead => "letter.read",
            AuditAction::ScreeningSubmitted => "screening.submitted",
            AuditAction::ScreeningRead => "screening.read",
            AuditAction::VisitationDecided => "visitation.decided",
            AuditAction::VisitationRead => "visitation.read",
            AuditAction::ContactPlanRead => "contact_plan.read",
            AuditAction::ExemptionDecided => "plan.exemption",
            AuditAction::WorklistListed => "worklist.listed",
            AuditAction::MessagesRead => "messages.read",
            AuditAction::MessageWritten => "message.written",
            AuditAction::InboxListed => "inbox.listed",
            AuditAction::VideoJoined => "video.joined",
            AuditAction::TransferRequested => "case_transfer.requested",
            AuditAction::TransferAccepted => "case_transfer.accepted",
            AuditAction::TransferDeclined => "case_transfer.declined",
            AuditAction::AvailabilityNoticeSent => "availability_notice.sent",
            AuditAction::AvailabilityNoticeListed => "availability_notice.listed",
            AuditAction::AvailabilityNoticeWithdrawn => "availability_notice.withdrawn",
            AuditAction::CallInsExported => "call_ins.exported",
            AuditAction::SurveyRecorded => "survey.recorded",
            AuditAction::DigitalPostAddressed => "digital_post.addressed",
            AuditAction::ChatQueueListed => "chat_queue.listed",
        }
    }
}

impl TryFrom<&str> for AuditAction {
    type Error = ();
    fn try_from(s: &str) -> Result<Self, ()> {
        [
            AuditAction::CitizenRead,
            AuditAction::CitizenListed,
            AuditAction::CitizenCreated,
            AuditAction::CitizenUpdated,
            AuditAction::AccessLogRead,
            AuditAction::AvailableSlotsRead,
            AuditAction::MeetingsRead,
            AuditAction::MeetingBooked,
            AuditAction::MeetingMoved,
            AuditAction::MeetingCancelled,
            AuditAction::MeetingOutcome,
            AuditAction::AbsenceDecided,
            AuditAction::NoticeSent,
            AuditAction::LetterPrinted,
            AuditAction::LetterListed,
            AuditAction::LetterRead,
            AuditAction::ScreeningSubmitted,
            AuditAction::ScreeningRead,
            AuditAction::VisitationDecided,
            AuditAction::VisitationRead,
            AuditAction::ContactPlanRead,
            AuditAction::ExemptionDecided,
            AuditAction::WorklistListed,
            AuditAction::MessagesRead,
            AuditAction::MessageWritten,
            AuditAction::InboxListed,
            AuditAction::VideoJoined,
            AuditAction::TransferRequested,
            AuditAction::TransferAccepted,
            AuditAction::SurveyRecorded,
            AuditAction::DigitalPostAddressed,
            AuditAction::ChatQueueListed,
            AuditAction::TransferDeclined,
            AuditAction::AvailabilityNoticeSent,
            AuditAction::AvailabilityNoticeListed,
            AuditAction::AvailabilityNoticeWithdrawn,
            AuditAction::CallInsExported,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
        .ok_or(())
    }
}

/// One row of the log, ready to insert.
#[derive(Debug, Clone)]
pub(crate) struct AuditEntry {
    citizen_id: String,
    at: i64,
    actor_id: String,
    actor_name: String,
    actor_role: &'static str,
    action: AuditAction,
}

impl AuditEntry {
    /// An entry stamped `at` (microseconds, from the store's clock).
    pub(crate) fn new(at: i64, actor: &Actor, citizen_id: &CitizenId, action: AuditAction) -> Self {
        Self {
            citizen_id: citizen_id.to_string(),
            at,
            actor_id: actor.id().to_owned(),
            actor_name: actor.name().to_owned(),
            actor_role: actor.role().as_str(),
            action,
        }
    }

    /// Binds the entry as the next seven values, in the order of [`COLUMNS`] (a new id first).
    pub(crate) fn bind<'q>(
        &self,
        query: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>> {
        query
            .bind(new_id())
            .bind(self.citizen_id.clone())
            .bind(self.at)
            .bind(self.actor_id.clone())
            .bind(self.actor_name.clone())
            .bind(self.actor_role)
            .bind(self.action.as_str())
    }

    /// The entry as a JSON object keyed by [`COLUMNS`] (a new id first), for PostgreSQL's
    /// `json_populate_recordset` (`booking/group_pg_write.rs`).
    pub(crate) fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        crate::sql::json_row(
            &COLUMNS,
            [
                json!(new_id()),
                json!(self.citizen_id),
                json!(self.at),
                json!(self.actor_id),
                json!(self.actor_name),
                json!(self.actor_role),
                json!(self.action.as_str()),
            ],
        )
    }
}

/// The audit log's columns an entry fills, in [`AuditEntry::bind`]'s order (and the keys of
/// [`AuditEntry::to_json`]).
pub(crate) const COLUMNS: [&str; 7] = [
    "id",
    "citizen_id",
    "at",
    "actor_id",
    "actor_name",
    "actor_role",
    "action",
];

/// What the citizen sees in "Hvem har set mine oplysninger".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessLogEntry {
    pub at: Timestamp,
    pub actor_name: String,
    pub actor_role: Role,
    /// The actor is staff of an a-kasse (an a-kasse adviser, not a jobcentre's caseworker).
    pub actor_in_fund: bool,
    pub action: AuditAction,
}

/// Rows per INSERT statement: 7 parameters each stays far below both backends' limits.
const ROWS_PER_STATEMENT: usize = 100;

/// Inserts entries inside a caller's transaction (used by changes).
pub(crate) async fn insert(
    tx: &mut Transaction<'_, Any>,
    entries: &[AuditEntry],
) -> Result<(), sqlx::Error> {
    insert_in(tx, entries).await
}

/// [`insert`] on a connection already in a transaction.
pub(crate) async fn insert_in(
    conn: &mut sqlx::AnyConnection,
    entries: &[AuditEntry],
) -> Result<(), sqlx::Error> {
    for chunk in entries.chunks(ROWS_PER_STATEMENT) {
        insert_statement(conn, chunk).await?;
    }
    Ok(())
}

/// One INSERT of at most [`ROWS_PER_STATEMENT`] entries.
async fn insert_statement(
    conn: &mut sqlx::AnyConnection,
    chunk: &[AuditEntry],
) -> Result<(), sqlx::Error> {
    let sql = crate::sql::insert_values("audit_log", &COLUMNS, chunk.len());
    let mut query = sqlx::query(&sql);
    for e in chunk {
        query = e.bind(query);
    }
    query.execute(conn).await?;
    Ok(())
}

struct Pending {
    entries: Vec<AuditEntry>,
    done: oneshot::Sender<bool>,
}

/// The group-commit writer for read entries. See the module comment.
pub(crate) struct AuditWriter {
    queue: mpsc::Sender<Pending>,
}

impl AuditWriter {
    pub(crate) fn start(pool: AnyPool) -> Self {
        let (queue, rx) = mpsc::channel(4096);
        tokio::spawn(run(pool, rx));
        Self { queue }
    }

    /// Batches of entries waiting to be written.
    pub(crate) fn waiting(&self) -> usize {
        self.queue.max_capacity() - self.queue.capacity()
    }

    /// Returns once the entries are committed.
    pub(crate) async fn record(&self, entries: Vec<AuditEntry>) -> Result<(), StoreError> {
        let (done, committed) = oneshot::channel();
        self.queue
            .send(Pending { entries, done })
            .await
            .map_err(|_| StoreError::AuditUnavailable)?;
        match committed.await {
            Ok(true) => Ok(()),
            _ => Err(StoreError::AuditUnavailable),
        }
    }

    /// Waits until everything queued before this call is written.
    pub(crate) async fn flush(&self) {
        // An empty batch is acknowledged after every earlier one, because the queue is FIFO.
        let _ = self.record(Vec::new()).await;
    }
}

async fn run(pool: AnyPool, mut rx: mpsc::Receiver<Pending>) {
    let mut batch = Vec::with_capacity(1024);
    // Waits for one, then takes whatever else has queued, up to 1,024.
    while rx.recv_many(&mut batch, 1024).await > 0 {
        let entries: Vec<AuditEntry> = batch.iter().flat_map(|p| p.entries.clone()).collect();
        let ok = match write_batch(&pool, &entries).await {
            Ok(()) => true,
            Err(e) => {
                tracing::error!(error = %e, rows = entries.len(), "audit batch failed");
                false
            }
        };
        for p in batch.drain(..) {
            let _ = p.done.send(ok);
        }
    }
}

async fn write_batch(pool: &AnyPool, entries: &[AuditEntry]) -> Result<(), sqlx::Error> {
    if entries.is_empty() {
        return Ok(());
    }
    if entries.len() <= ROWS_PER_STATEMENT {
        // One statement is atomic by itself: one round trip instead of three (BEGIN, INSERT,
        // COMMIT), and the batch's entries wait that much less.
        let mut conn = pool.acquire().await?;
        return insert_statement(&mut conn, entries).await;
    }
    let mut tx = pool.begin().await?;
    insert(&mut tx, entries).await?;
    tx.commit().await
}

impl Store {
    /// Logs reads and returns once the log is durable.
    pub(crate) async fn log_reads(&self, entries: Vec<AuditEntry>) -> Result<(), StoreError> {
        if entries.is_empty() {
            return Ok(());
        }
        self.inner.audit.record(entries).await
    }

    /// The citizen's access log, newest first. The citizen themself and administrators may read
    /// it; staff who can see the citizen get `Forbidden`, everyone else `NotFound`.
    pub async fn access_log(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        limit: u32,
    ) -> Result<Vec<AccessLogEntry>, StoreError> {
        let scope = self.citizen_scope(citizen_id.as_str()).await?;
        let visibility = domain::citizen_visibility(actor, &scope);
        match visibility {
            domain::Visibility::Own | domain::Visibility::Admin => {}
            domain::Visibility::Hidden => return Err(StoreError::NotFound),
            _ => return Err(StoreError::Forbidden),
        }
        if visibility.is_audited() {
            self.log_reads(vec![AuditEntry::new(
                self.now_micros(),
                actor,
                citizen_id,
                AuditAction::AccessLogRead,
            )])
            .await?;
        }
        let rows = sqlx::query(
            "SELECT at, actor_name, actor_role, action, \
             CAST(CASE WHEN EXISTS (SELECT 1 FROM staff s WHERE s.id = audit_log.actor_id \
             AND s.unemployment_fund IS NOT NULL) THEN 1 ELSE 0 END AS BIGINT) AS in_fund \
             FROM audit_log WHERE citizen_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
        )
        .bind(citizen_id.as_str())
        .bind(i64::from(limit))
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(AccessLogEntry {
                    at: clock::from_micros(row.try_get("at")?),
                    actor_name: row.try_get("actor_name")?,
                    actor_role: parse("actor_role", row.try_get::<&str, _>("actor_role")?)?,
                    actor_in_fund: row.try_get::<i64, _>("in_fund")? != 0,
                    action: AuditAction::try_from(row.try_get::<&str, _>("action")?)
                        .map_err(|()| StoreError::Corrupt { column: "action" })?,
                })
            })
            .collect()
    }
}
