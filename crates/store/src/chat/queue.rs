//! The queue: a citizen starts a chat, staff on duty take the next one, either side ends it;
//! at closing time what nobody took becomes the messages it already is, waiting for an answer.

use domain::chat::queue::{
    DEFAULT_MAX_CHATS, Waiting, expected_wait as queue_wait, next_for, typical_handling,
};
use domain::chat::{Availability, availability};
use domain::messages::ThreadHolder;
use domain::{Actor, ChatId, CitizenId, Visibility};
use jiff::{SignedDuration, Timestamp};
use sqlx::Row;

use super::duty::stale_micros;
use super::{ABANDONED, ANSWERED, COLUMNS, Chat, ChatOrg, UNANSWERED, from_row};
use crate::audit::{AuditAction, AuditEntry};
use crate::ids::new_id;
use crate::{Store, StoreError, clock};

/// What a citizen (or the staff in their thread) sees of the chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatState {
    pub availability: Availability,
    /// The thread's open chat, if any.
    pub chat: Option<Chat>,
    /// Its place in the queue (1: next) while it waits.
    pub position: Option<u32>,
    /// How long it can expect to wait, while it waits.
    pub expected_wait: Option<SignedDuration>,
}

/// A new chat, or the one the citizen already has open (409 with it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Started {
    New(Chat),
    Existing(Chat),
}

/// A waiting chat on the staff's queue page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedChat {
    pub chat: Chat,
    pub citizen_name: String,
    /// The citizen's own caseworker is the one looking.
    pub mine: bool,
}

/// The staff member's view of their organisation's chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffChats {
    pub on_duty: bool,
    pub on_duty_count: u32,
    pub availability: Availability,
    pub waiting: Vec<QueuedChat>,
    /// The chats they have open, with the citizen's name.
    pub mine: Vec<(Chat, String)>,
}

impl Store {
    /// Whether the organisation's chat can start now.
    pub async fn chat_availability(&self, org: &ChatOrg) -> Result<Availability, StoreError> {
        let on_duty = self.duty_count(org).await?;
        self.availability_with(org, on_duty).await
    }

    /// [`Store::chat_availability`] with those on duty already counted.
    async fn availability_with(
        &self,
        org: &ChatOrg,
        on_duty: u32,
    ) -> Result<Availability, StoreError> {
        let hours = self.chat_hours(org).await?;
        Ok(availability(
            &hours,
            usize::try_from(on_duty).unwrap_or(0),
            self.now(),
        ))
    }

    /// The chat in the thread `holder` the actor may read with `citizen_id`.
    pub async fn chat_state(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        holder: Option<ThreadHolder>,
    ) -> Result<ChatState, StoreError> {
        let (view, citizen) = self.thread_view(actor, citizen_id, holder).await?;
        let org = ChatOrg::of_thread(&citizen, view.holder()).ok_or(StoreError::NotFound)?;
        // Those on duty, counted once: for whether it is open and for the seats.
        let on_duty = self.duty_count(&org).await?;
        let availability = self.availability_with(&org, on_duty).await?;
        let chat = self.open_chat(citizen_id.as_str(), view.holder()).await?;
        let (mut position, mut expected_wait) = (None, None);
        if let Some(c) = chat.as_ref().filter(|c| c.is_waiting()) {
            let (ahead, seats, free, typical) =
                self.queue_figures(&org, c.requested_at, on_duty).await?;
            position = Some(ahead + 1);
            expected_wait = Some(queue_wait(ahead, seats, free, typical));
        }
        Ok(ChatState {
            availability,
            chat,
            position,
            expected_wait,
        })
    }

    async fn open_chat(
        &self,
        citizen_id: &str,
        holder: ThreadHolder,
    ) -> Result<Option<Chat>, StoreError> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM chats WHERE citizen_id = $1 AND holder = $2 AND ended_at IS NULL"
        ))
        .bind(citizen_id)
        .bind(holder.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
    }

    /// Chats ahead of one asked for at `since`, the seats of those on duty, the free seats and
    /// the typical handling time of the last 20 answered chats.
    async fn queue_figures(
        &self,
        org: &ChatOrg,
        since: Timestamp,
        on_duty: u32,
    ) -> Result<(u32, u32, u32, SignedDuration), StoreError> {
        let ahead = sqlx::query(
            "SELECT COUNT(*) AS n FROM chats WHERE holder = $1 AND org_code = $2 \
             AND taken_by IS NULL AND ended_at IS NULL AND requested_at < $3",
        )
        .bind(org.holder.as_str())
        .bind(&org.code)
        .bind(clock::to_micros(since))
        .fetch_one(&self.inner.read)
        .await?;
        let ahead = u32::try_from(ahead.try_get::<i64, _>("n")?).unwrap_or(0);
        let (seats, free, typical) = self.seats(org, on_duty).await?;
        Ok((ahead, seats, free, typical))
    }

    /// The queue's seats (three per staff member on duty), those free now, and the typical
    /// handling time of the last 20 answered chats: what every waiting citizen's wait is
    /// computed from.
    pub(super) async fn seats(
        &self,
        org: &ChatOrg,
        on_duty: u32,
    ) -> Result<(u32, u32, SignedDuration), StoreError> {
        let busy = sqlx::query(
            "SELECT COUNT(*) AS n FROM chats WHERE holder = $1 AND org_code = $2 \
             AND taken_by IS NOT NULL AND ended_at IS NULL",
        )
        .bind(org.holder.as_str())
        .bind(&org.code)
        .fetch_one(&self.inner.read)
        .await?;
        let busy = u32::try_from(busy.try_get::<i64, _>("n")?).unwrap_or(0);
        let seats = on_duty * DEFAULT_MAX_CHATS;
        let recent = sqlx::query(
            "SELECT ended_at - taken_at AS took FROM chats WHERE holder = $1 AND org_code = $2 \
             AND outcome = $3 ORDER BY ended_at DESC LIMIT 20",
        )
        .bind(org.holder.as_str())
        .bind(&org.code)
        .bind(ANSWERED)
        .fetch_all(&self.inner.read)
        .await?
        .iter()
        .map(|r| Ok(SignedDuration::from_micros(r.try_get::<i64, _>("took")?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
        Ok((seats, seats.saturating_sub(busy), typical_handling(recent)))
    }

    /// The citizen starts a chat in their thread `holder`: queued when the chat is open and
    /// someone is on duty (409 `chat_closed` otherwise); the open one if they have one.
    pub async fn start_chat(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        holder: Option<ThreadHolder>,
    ) -> Result<Started, StoreError> {
        let (view, citizen) = self.thread_view(actor, citizen_id, holder).await?;
        if !view.is_citizen() {
            return Err(StoreError::Forbidden);
        }
        let holder = view.holder();
        if let Some(open) = self.open_chat(citizen_id.as_str(), holder).await? {
            return Ok(Started::Existing(open));
        }
        let org = ChatOrg::of_thread(&citizen, holder).ok_or(StoreError::NotFound)?;
        if !self.chat_availability(&org).await?.can_start() {
            return Err(StoreError::Conflict("chat_closed"));
        }
        // The own caseworker only matters to the jobcentre, whose caseworker it is.
        let own = (holder == ThreadHolder::Jobcenter)
            .then(|| {
                citizen
                    .caseworker_id
                    .as_ref()
                    .map(|s| s.as_str().to_owned())
            })
            .flatten();
        let id = new_id();
        let inserted = sqlx::query(
            "INSERT INTO chats (id, citizen_id, holder, org_code, own_caseworker, requested_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(citizen_id.as_str())
        .bind(holder.as_str())
        .bind(&org.code)
        .bind(own)
        .bind(self.now_micros())
        .execute(&self.inner.write)
        .await
        .map_err(StoreError::from_insert);
        match inserted {
            // Started twice at once (two tabs): the other one won.
            Err(StoreError::AlreadyExists) => {
                let open = self.open_chat(citizen_id.as_str(), holder).await?;
                return open.map(Started::Existing).ok_or(StoreError::NotFound);
            }
            other => other?,
        };
        let chat = self.chat(&id).await?;
        // Only the newcomer's own views: joining at the back moves nobody ahead.
        self.announce_chat(citizen_id.as_str(), holder).await?;
        Ok(Started::New(chat))
    }

    pub(super) async fn chat(&self, id: &str) -> Result<Chat, StoreError> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM chats WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.inner.read)
            .await?
            .ok_or(StoreError::NotFound)?;
        from_row(&row)
    }

    /// The staff member takes the next chat ([`next_for`]): `None` when none is for them.
    /// 409 `not_on_duty` off duty, `chat_limit` with their maximum open already.
    pub async fn take_next_chat(&self, actor: &Actor) -> Result<Option<Chat>, StoreError> {
        let org = ChatOrg::of_staff(actor).ok_or(StoreError::Forbidden)?;
        if !self.chat_duty_seen(actor).await? {
            return Err(StoreError::Conflict("not_on_duty"));
        }
        let open =
            sqlx::query("SELECT COUNT(*) AS n FROM chats WHERE taken_by = $1 AND ended_at IS NULL")
                .bind(actor.id())
                .fetch_one(&self.inner.read)
                .await?
                .try_get::<i64, _>("n")?;
        if open >= i64::from(DEFAULT_MAX_CHATS) {
            return Err(StoreError::Conflict("chat_limit"));
        }
        // Another staff member may take the same chat a moment before: then the next one.
        for _ in 0..3 {
            let queue = self.waiting_queue(&org).await?;
            let now = self.now();
            let waiting: Vec<Waiting<'_>> = queue
                .iter()
                .map(|(_, since, own, own_on_duty)| Waiting {
                    since: *since,
                    own_caseworker: own.as_deref(),
                    own_on_duty: *own_on_duty,
                })
                .collect();
            let Some(at) = next_for(actor.id(), &waiting, now) else {
                return Ok(None);
            };
            let id = &queue[at].0;
            let taken = sqlx::query(
                "UPDATE chats SET taken_by = $1, taken_name = $2, taken_at = $3 \
                 WHERE id = $4 AND taken_by IS NULL AND ended_at IS NULL",
            )
            .bind(actor.id())
            .bind(actor.name())
            .bind(self.now_micros())
            .bind(id)
            .execute(&self.inner.write)
            .await?;
            if taken.rows_affected() == 1 {
                let chat = self.chat(id).await?;
                self.announce_chat(chat.citizen_id.as_str(), chat.holder)
                    .await?;
                self.announce_queue(&org).await?;
                return Ok(Some(chat));
            }
        }
        Ok(None)
    }

    /// The organisation's waiting chats, oldest first: id, since, own caseworker and whether
    /// they are on duty.
    async fn waiting_queue(
        &self,
        org: &ChatOrg,
    ) -> Result<Vec<(String, Timestamp, Option<String>, bool)>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.id, c.requested_at, c.own_caseworker, \
             CAST(CASE WHEN d.seen_at > $3 THEN 1 ELSE 0 END AS BIGINT) AS own_on_duty \
             FROM chats c LEFT JOIN chat_duty d ON d.staff_id = c.own_caseworker \
             WHERE c.holder = $1 AND c.org_code = $2 AND c.taken_by IS NULL AND c.ended_at IS NULL \
             ORDER BY c.requested_at LIMIT 500",
        )
        .bind(org.holder.as_str())
        .bind(&org.code)
        .bind(self.now_micros() - stale_micros())
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("id")?,
                    clock::from_micros(r.try_get("requested_at")?),
                    r.try_get("own_caseworker")?,
                    r.try_get::<i64, _>("own_on_duty")? == 1,
                ))
            })
            .collect()
    }

    /// Ends a chat: the citizen whose it is, or staff of the organisation holding it. Staff say
    /// whether it was a conversation (counted as a contact by chat). Ending an ended chat
    /// changes nothing.
    pub async fn end_chat(
        &self,
        actor: &Actor,
        chat_id: &ChatId,
        conversation: bool,
    ) -> Result<Chat, StoreError> {
        let chat = self.chat(chat_id.as_str()).await?;
        let (view, _) = self
            .thread_view(actor, &chat.citizen_id, Some(chat.holder))
            .await?;
        let by = match view.visibility() {
            Visibility::Own => "citizen",
            Visibility::Municipality | Visibility::Fund => "staff",
            _ => return Err(StoreError::Forbidden),
        };
        let outcome = if chat.taken_by.is_some() {
            ANSWERED
        } else {
            ABANDONED
        };
        let conversation = conversation && by == "staff" && outcome == ANSWERED;
        let now = self.now_micros();
        let mut tx = self.inner.write.begin().await?;
        // Who took it, as the end finds it (a handover may have come since it was read).
        let ended = sqlx::query(
            "UPDATE chats SET ended_at = $1, ended_by = $2, outcome = $3, conversation = $4 \
             WHERE id = $5 AND ended_at IS NULL RETURNING taken_by",
        )
        .bind(now)
        .bind(by)
        .bind(outcome)
        .bind(i64::from(conversation))
        .bind(chat_id.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let taken_by: Option<String> = ended.map(|r| r.try_get("taken_by")).transpose()?.flatten();
        // A conversation by chat gets its survey with the end, as a held meeting does.
        if let (true, Some(staff)) = (conversation, taken_by) {
            crate::surveys::create_for_chat_in(&mut tx, now, chat_id.as_str(), &staff).await?;
        }
        tx.commit().await?;
        self.announce_chat(chat.citizen_id.as_str(), chat.holder)
            .await?;
        self.announce_queue(&chat.org()).await?;
        self.chat(chat_id.as_str()).await
    }

    /// The staff member's chat page: whether they are on duty, the queue (each citizen listed
    /// is a read of their name, in their access log — once per chat while on duty, however
    /// often the page refreshes itself) and their own open chats.
    pub async fn staff_chats(&self, actor: &Actor) -> Result<StaffChats, StoreError> {
        let org = ChatOrg::of_staff(actor).ok_or(StoreError::Forbidden)?;
        let on_duty = self.chat_duty_seen(actor).await?;
        let now = self.now_micros();
        // Chats asked for before the last listing were logged then.
        let listed_before = sqlx::query("SELECT listed_at FROM chat_duty WHERE staff_id = $1")
            .bind(actor.id())
            .fetch_optional(&self.inner.read)
            .await?
            .map(|r| r.try_get::<i64, _>("listed_at"))
            .transpose()?
            .filter(|_| on_duty)
            .unwrap_or(0);
        let rows = sqlx::query(&format!(
            "SELECT {cols}, c.own_caseworker, z.name AS citizen_name FROM chats c \
             JOIN citizens z ON z.id = c.citizen_id \
             WHERE c.holder = $1 AND c.org_code = $2 AND c.ended_at IS NULL \
             AND (c.taken_by IS NULL OR c.taken_by = $3) ORDER BY c.requested_at LIMIT 200",
            cols = COLUMNS
                .split(", ")
                .map(|c| format!("c.{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .bind(org.holder.as_str())
        .bind(&org.code)
        .bind(actor.id())
        .fetch_all(&self.inner.read)
        .await?;
        let (mut waiting, mut mine, mut entries) = (Vec::new(), Vec::new(), Vec::new());
        for r in &rows {
            let chat = from_row(r)?;
            let name: String = r.try_get("citizen_name")?;
            if clock::to_micros(chat.requested_at) > listed_before {
                entries.push(AuditEntry::new(
                    now,
                    actor,
                    &chat.citizen_id,
                    AuditAction::ChatQueueListed,
                ));
            }
            if chat.taken_by.is_some() {
                mine.push((chat, name));
            } else {
                let own: Option<String> = r.try_get("own_caseworker")?;
                waiting.push(QueuedChat {
                    mine: own.as_deref() == Some(actor.id()),
                    chat,
                    citizen_name: name,
                });
            }
        }
        self.log_reads(entries).await?;
        let on_duty_count = self.duty_count(&org).await?;
        if on_duty {
            sqlx::query("UPDATE chat_duty SET listed_at = $1 WHERE staff_id = $2")
                .bind(now)
                .bind(actor.id())
                .execute(&self.inner.write)
                .await?;
        }
        Ok(StaffChats {
            on_duty,
            on_duty_count,
            availability: self.availability_with(&org, on_duty_count).await?,
            waiting,
            mine,
        })
    }

    /// At closing time, chats nobody took end as unanswered: what the citizen wrote stays in
    /// their thread waiting for an answer within two working days (and on the worklist after).
    /// Run by the worker; returns how many ended.
    pub async fn close_unanswered_chats(&self) -> Result<usize, StoreError> {
        let rows = sqlx::query(
            "SELECT DISTINCT holder, org_code FROM chats WHERE taken_by IS NULL AND ended_at IS NULL",
        )
        .fetch_all(&self.inner.read)
        .await?;
        let mut ended = 0;
        for r in rows {
            let org = ChatOrg {
                holder: crate::error::parse("holder", r.try_get::<&str, _>("holder")?)?,
                code: r.try_get("org_code")?,
            };
            if self
                .chat_hours(&org)
                .await?
                .open_until(self.now())
                .is_some()
            {
                continue;
            }
            let waiting = sqlx::query(
                "SELECT citizen_id FROM chats WHERE holder = $1 AND org_code = $2 \
                 AND taken_by IS NULL AND ended_at IS NULL",
            )
            .bind(org.holder.as_str())
            .bind(&org.code)
            .fetch_all(&self.inner.read)
            .await?;
            let done = sqlx::query(
                "UPDATE chats SET ended_at = $1, ended_by = 'closing', outcome = $2 \
                 WHERE holder = $3 AND org_code = $4 AND taken_by IS NULL AND ended_at IS NULL",
            )
            .bind(self.now_micros())
            .bind(UNANSWERED)
            .bind(org.holder.as_str())
            .bind(&org.code)
            .execute(&self.inner.write)
            .await?;
            ended += usize::try_from(done.rows_affected()).unwrap_or(0);
            for w in waiting {
                self.announce_chat(&w.try_get::<String, _>("citizen_id")?, org.holder)
                    .await?;
            }
        }
        Ok(ended)
    }
}
