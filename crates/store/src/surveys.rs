//! The survey after a held meeting or a chat staff marked as a conversation (issue 21): made with
//! the outcome, waiting for its citizen, answered once. Only the citizen reads or answers their
//! own survey; staff see answers only as report cells of five or more
//! (`domain::surveys::MIN_CELL`).

use domain::surveys::{AnswerWay, SurveyAnswers};
use domain::{Actor, Channel, ChatId, CitizenId, MeetingId, Organisation, SurveyId};
use jiff::Timestamp;
use rand::Rng;
use sqlx::{Any, Row, Transaction};

use crate::error::parse;
use crate::ids::{new_id, typed};
use crate::outbox::system_actor;
use crate::report_days::{self, StaleDay};
use crate::{Citizen, Meeting, Store, StoreError, clock};
use domain::survey_release::{answer_cutoff, answerable};

/// The outbox kind of the invitation to answer.
pub(crate) const SURVEY_INVITED: &str = "survey_invited";

/// The channel a chat's survey row carries (`contact_report::CHAT_CHANNEL`).
const CHAT: &str = crate::contact_report::CHAT_CHANNEL;

/// What a survey asks about: a held meeting, or a chat staff marked as a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Surveyed {
    Meeting { id: MeetingId, channel: Channel },
    Chat { id: ChatId },
}

impl Surveyed {
    /// `chat` or `meeting`: the `kind` the catalogue's survey texts choose their words by.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Meeting { .. } => "meeting",
            Self::Chat { .. } => "chat",
        }
    }
}

/// A survey waiting for its citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingSurvey {
    pub id: SurveyId,
    pub about: Surveyed,
    /// The meeting's start, or when the chat was asked for: the day the report counts it on.
    pub held_at: Timestamp,
    /// Who held the meeting or took the chat.
    pub staff_name: String,
}

/// What an invitation to answer a survey needs.
#[derive(Debug, Clone)]
pub struct SurveyNotice {
    pub citizen: Citizen,
    pub municipality_name: String,
    /// The code the paper letter gives (`None` for surveys from before codes).
    pub code: Option<String>,
    /// The jobcentre's switchboard and hours, to answer by phone.
    pub phone: Option<String>,
    pub phone_hours: Option<String>,
}

/// A citizen's survey as staff see it: whether and how it was answered, never the answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyStatus {
    pub survey: PendingSurvey,
    /// `None`: not answered yet.
    pub answered_by: Option<AnswerWay>,
    /// Still within the answering window.
    pub answerable: bool,
}

/// The letters of a paper survey's code: Crockford's base32, which has no I, L, O or U to
/// misread on paper or mishear on the phone.
const CODE_LETTERS: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A fresh code for the paper letter: twelve letters (60 bits), printed as three groups of
/// four. The page that takes it needs no sign-in, so guessing must not pay: with a million
/// codes outstanding, one hit takes about 10^12 tries.
fn new_code() -> String {
    let mut rng = rand::rng();
    (0..12)
        .map(|_| char::from(CODE_LETTERS[rng.random_range(0..CODE_LETTERS.len())]))
        .collect()
}

/// A code as the letter prints it and a person reads it aloud: groups of four ("7K2M-Q9XD-4HNB").
pub fn shown_code(code: &str) -> String {
    let letters: Vec<char> = code.chars().collect();
    let groups: Vec<String> = letters.chunks(4).map(|g| g.iter().collect()).collect();
    groups.join("-")
}

/// A code as a person types it ("7k2m-q9xd-4hnb ", "7K2M Q9XD 4HNB"): capitals, no spaces or
/// hyphens.
pub fn normalise_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Which survey an answer is for: by its id (signed in, or staff), or by the paper letter's
/// code (no sign-in: the code is the key).
enum SurveyKey<'a> {
    Id(&'a str),
    Code(&'a str),
}

/// A survey with its meeting's staff member, as [`pending`] reads it, and how it was answered.
const SURVEY_SELECT: &str = "SELECT v.id, v.meeting_id, v.chat_id, v.held_at, v.channel, \
     s.name AS staff_name, v.answered_at, v.answered_by FROM surveys v JOIN staff s ON s.id = v.staff_id";

fn pending(r: &sqlx::any::AnyRow) -> Result<PendingSurvey, StoreError> {
    let about = match r.try_get::<Option<&str>, _>("chat_id")? {
        Some(chat) => Surveyed::Chat {
            id: typed("chat_id", chat)?,
        },
        None => Surveyed::Meeting {
            id: typed("meeting_id", r.try_get::<&str, _>("meeting_id")?)?,
            channel: parse("channel", r.try_get::<&str, _>("channel")?)?,
        },
    };
    Ok(PendingSurvey {
        id: typed("id", r.try_get("id")?)?,
        about,
        held_at: clock::from_micros(r.try_get("held_at")?),
        staff_name: r.try_get("staff_name")?,
    })
}

/// A survey row about to be made: what it is about and the dimensions the report counts it by,
/// as they are when it is made.
struct NewSurvey<'a> {
    meeting_id: Option<&'a str>,
    chat_id: Option<&'a str>,
    citizen_id: &'a str,
    municipality: &'a str,
    channel: &'a str,
    target_group: &'a str,
    staff_id: &'a str,
    booked_by_role: &'a str,
    held_at: i64,
}

/// Makes the survey of a meeting just recorded as held, and its invitation, in the caller's
/// transaction.
pub(crate) async fn create_in(
    tx: &mut Transaction<'_, Any>,
    now: i64,
    meeting: &Meeting,
    citizen: &Citizen,
) -> Result<(), sqlx::Error> {
    let survey = NewSurvey {
        meeting_id: Some(meeting.id.as_str()),
        chat_id: None,
        citizen_id: citizen.id.as_str(),
        municipality: citizen.municipality.as_str(),
        channel: meeting.channel.as_str(),
        target_group: citizen.target_group.as_str(),
        staff_id: meeting.staff_id.as_str(),
        booked_by_role: meeting.booked_by_role.as_str(),
        held_at: clock::to_micros(meeting.start),
    };
    insert(tx, now, &survey).await
}

/// Makes the survey of a chat just ended as a conversation, and its invitation, in the caller's
/// transaction (issue 21 item 4). It carries the citizen's municipality and target group as
/// they are now, the staff member who took it, and the time it was asked for — the time the
/// report counts the chat at — so its answers fall in the same blocks of
/// `domain::survey_release` in every grouping, as a meeting's do. A chat is started by the
/// citizen: `booked_by_role` is theirs.
pub(crate) async fn create_for_chat_in(
    tx: &mut Transaction<'_, Any>,
    now: i64,
    chat_id: &str,
    staff_id: &str,
) -> Result<(), sqlx::Error> {
    let row = sqlx::query(
        "SELECT c.citizen_id, c.requested_at, z.municipality, z.target_group FROM chats c \
         JOIN citizens z ON z.id = c.citizen_id WHERE c.id = $1",
    )
    .bind(chat_id)
    .fetch_one(&mut **tx)
    .await?;
    let (citizen_id, municipality, target_group): (String, String, String) = (
        row.try_get("citizen_id")?,
        row.try_get("municipality")?,
        row.try_get("target_group")?,
    );
    let survey = NewSurvey {
        meeting_id: None,
        chat_id: Some(chat_id),
        citizen_id: &citizen_id,
        municipality: &municipality,
        channel: CHAT,
        target_group: &target_group,
        staff_id,
        booked_by_role: "citizen",
        held_at: row.try_get("requested_at")?,
    };
    insert(tx, now, &survey).await
}

/// Inserts a survey once per meeting or chat, and its invitation.
async fn insert(
    tx: &mut Transaction<'_, Any>,
    now: i64,
    v: &NewSurvey<'_>,
) -> Result<(), sqlx::Error> {
    let id = new_id();
    // The column that says what it is about is the one a repeat would conflict on.
    let unique = if v.chat_id.is_some() {
        "chat_id"
    } else {
        "meeting_id"
    };
    let made = sqlx::query(&format!(
        "INSERT INTO surveys (id, meeting_id, chat_id, citizen_id, municipality, channel, \
         target_group, staff_id, booked_by_role, held_at, created_at, code) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT ({unique}) DO NOTHING"
    ))
    .bind(&id)
    .bind(v.meeting_id)
    .bind(v.chat_id)
    .bind(v.citizen_id)
    .bind(v.municipality)
    .bind(v.channel)
    .bind(v.target_group)
    .bind(v.staff_id)
    .bind(v.booked_by_role)
    .bind(v.held_at)
    .bind(now)
    .bind(new_code())
    .execute(&mut **tx)
    .await?;
    if made.rows_affected() == 0 {
        return Ok(());
    }
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
        let rows = sqlx::query(&format!(
            "{SURVEY_SELECT} WHERE v.citizen_id = $1 AND v.answered_at IS NULL \
                 AND v.held_at >= $2 ORDER BY v.held_at DESC, v.id"
        ))
        .bind(citizen_id.as_str())
        // Only those still answerable (`domain::survey_release::ANSWER_WINDOW_DAYS`).
        .bind(clock::to_micros(answer_cutoff(self.now())))
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter().map(pending).collect()
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
        self.one_survey(
            "v.id = $1 AND v.citizen_id = $2",
            &[survey_id.as_str(), citizen_id.as_str()],
        )
        .await
    }

    /// The one survey `condition` names, and whether it is answered; none is `NotFound`.
    async fn one_survey(
        &self,
        condition: &str,
        binds: &[&str],
    ) -> Result<(PendingSurvey, bool), StoreError> {
        let sql = format!("{SURVEY_SELECT} WHERE {condition}");
        let mut query = sqlx::query(&sql);
        for b in binds {
            query = query.bind(*b);
        }
        let r = query
            .fetch_optional(&self.inner.read)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((
            pending(&r)?,
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
        self.save_answer(
            SurveyKey::Id(survey_id.as_str()),
            answers,
            AnswerWay::Digital,
            None,
            |c, _| c == citizen_id.as_str(),
        )
        .await
    }

    /// Staff of the jobcentre that holds the survey record answers the citizen gave in a call
    /// ("Svar givet i telefonen") or on the returned paper form (issue 19). Logged in the
    /// citizen's access log; staff never read answers back.
    pub async fn record_survey_answer(
        &self,
        actor: &Actor,
        survey_id: &SurveyId,
        answers: &SurveyAnswers,
        way: AnswerWay,
    ) -> Result<Timestamp, StoreError> {
        let Actor::Staff {
            organisation: Organisation::Municipality(own),
            id,
            ..
        } = actor
        else {
            return Err(StoreError::NotFound);
        };
        if way == AnswerWay::Digital {
            return Err(StoreError::invalid("way", domain::Invalid::UnknownValue));
        }
        let mut citizen = None;
        let at = self
            .save_answer(
                SurveyKey::Id(survey_id.as_str()),
                answers,
                way,
                Some(id.as_str()),
                |c, m| {
                    citizen = Some(c.to_owned());
                    m == own.as_str()
                },
            )
            .await?;
        if let Some(c) = citizen {
            let citizen_id: CitizenId = typed("citizen_id", &c)?;
            self.log_reads(vec![crate::audit::AuditEntry::new(
                self.now_micros(),
                actor,
                &citizen_id,
                crate::audit::AuditAction::SurveyRecorded,
            )])
            .await?;
        }
        Ok(at)
    }

    /// The survey a paper letter's code opens, and whether it is answered; an unknown code is
    /// `NotFound` (the page does not say whether a code ever existed).
    pub async fn survey_by_code(&self, code: &str) -> Result<(PendingSurvey, bool), StoreError> {
        self.one_survey("v.code = $1", &[&normalise_code(code)])
            .await
    }

    /// Answers the survey a paper letter's code opens, without signing in: counted as answered
    /// on paper.
    pub async fn answer_survey_by_code(
        &self,
        code: &str,
        answers: &SurveyAnswers,
    ) -> Result<Timestamp, StoreError> {
        self.save_answer(
            SurveyKey::Code(code),
            answers,
            AnswerWay::Paper,
            None,
            |_, _| true,
        )
        .await
    }

    /// A citizen's surveys as staff of their jobcentre see them: when, and whether and how
    /// answered — for recording a phone or paper answer. Others: `NotFound`.
    pub async fn citizen_surveys(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
    ) -> Result<Vec<SurveyStatus>, StoreError> {
        let Actor::Staff {
            organisation: Organisation::Municipality(own),
            ..
        } = actor
        else {
            return Err(StoreError::NotFound);
        };
        let rows = sqlx::query(&format!(
            "{SURVEY_SELECT} WHERE v.citizen_id = $1 AND v.municipality = $2 \
                 ORDER BY v.held_at DESC, v.id LIMIT 20"
        ))
        .bind(citizen_id.as_str())
        .bind(own.as_str())
        .fetch_all(&self.inner.read)
        .await?;
        let now = self.now();
        rows.iter()
            .map(|r| {
                let survey = pending(r)?;
                let answered = r.try_get::<Option<i64>, _>("answered_at")?.is_some();
                let way = r.try_get::<Option<&str>, _>("answered_by")?;
                Ok(SurveyStatus {
                    answerable: !answered && answerable(survey.held_at, now),
                    answered_by: match (answered, way) {
                        (false, _) => None,
                        (true, None) => Some(AnswerWay::Digital),
                        (true, Some(w)) => Some(parse("answered_by", w)?),
                    },
                    survey,
                })
            })
            .collect()
    }

    /// Stores an answer once, if `allowed(citizen, municipality)` accepts the survey: the
    /// window and "once" are checked here, for every way of answering alike.
    async fn save_answer(
        &self,
        key: SurveyKey<'_>,
        answers: &SurveyAnswers,
        way: AnswerWay,
        recorded_by: Option<&str>,
        allowed: impl FnOnce(&str, &str) -> bool,
    ) -> Result<Timestamp, StoreError> {
        let (column, value) = match key {
            SurveyKey::Id(id) => ("id", id.to_owned()),
            SurveyKey::Code(code) => ("code", normalise_code(code)),
        };
        let survey = sqlx::query(&format!(
            "SELECT id, citizen_id, municipality, held_at FROM surveys WHERE {column} = $1"
        ))
        .bind(value)
        .fetch_optional(&self.inner.read)
        .await?;
        let Some(survey) = survey else {
            return Err(StoreError::NotFound);
        };
        let survey_id: String = survey.try_get("id")?;
        let municipality: String = survey.try_get("municipality")?;
        if !allowed(survey.try_get::<&str, _>("citizen_id")?, &municipality) {
            return Err(StoreError::NotFound);
        }
        let held_at = clock::from_micros(survey.try_get("held_at")?);
        // The answer changes the counts of the day its meeting was held.
        let day = StaleDay::new(&municipality, held_at);
        let now = self.now();
        // After the window a month's answers are final: reports rely on it (differencing).
        if !answerable(held_at, now) {
            return Err(StoreError::Conflict("survey_closed"));
        }
        let mut tx = self.inner.write.begin().await?;
        // The condition on answered_at makes "once" hold under races too.
        let done = sqlx::query(
            "UPDATE surveys SET answered_at = $1, satisfaction = $2, channel_fit = $3, personal = $4, \
             helpful = $5, more_remote = $6, callback = $7, comment = $8, answered_by = $11, \
             recorded_by = $12 WHERE id = $9 AND answered_at IS NULL AND held_at >= $10",
        )
        .bind(clock::to_micros(now))
        .bind(i64::from(answers.satisfaction))
        .bind(i64::from(answers.channel_fit))
        .bind(answers.personal)
        .bind(i64::from(answers.helpful))
        .bind(i64::from(answers.more_remote))
        .bind(i64::from(answers.callback))
        .bind(answers.comment.as_deref())
        .bind(&survey_id)
        .bind(clock::to_micros(answer_cutoff(now)))
        .bind(way.as_str())
        .bind(recorded_by)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict("already_answered"));
        }
        report_days::mark(&mut tx, self.now_micros(), &[day]).await?;
        tx.commit().await?;
        Ok(now)
    }

    /// The citizen a survey invitation goes to, their municipality's name and switchboard, and
    /// the code a paper letter gives.
    pub async fn survey_notice(&self, survey_id: &SurveyId) -> Result<SurveyNotice, StoreError> {
        let row = sqlx::query(
            "SELECT v.citizen_id, COALESCE(m.name, '') AS municipality_name, v.answered_at, v.code, \
             m.phone, m.phone_hours \
             FROM surveys v LEFT JOIN municipalities m ON m.code = v.municipality WHERE v.id = $1",
        )
        .bind(survey_id.as_str())
        .fetch_optional(self.reader())
        .await?
        .ok_or(StoreError::NotFound)?;
        let citizen_id: CitizenId = typed("citizen_id", row.try_get("citizen_id")?)?;
        let (citizen, _) = self.load_visible(&system_actor(), &citizen_id).await?;
        Ok(SurveyNotice {
            citizen,
            municipality_name: row.try_get("municipality_name")?,
            code: row.try_get("code")?,
            phone: row.try_get("phone")?,
            phone_hours: row.try_get("phone_hours")?,
        })
    }
}
