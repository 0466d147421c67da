//! Meetings as they are read: one meeting, a citizen's meetings, a staff member's calendar.
//! Changes (booking, moving, cancelling, the outcome) live in `booking.rs`.

use domain::meetings::{AbsenceReason, AbsenceStatus, MeetingParties};
use domain::{
    Actor, Channel, CitizenId, MeetingId, MeetingStatus, Role, SlotId, StaffId, Visibility,
};
use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{AuditAction, AuditEntry};
use crate::error::parse;
use crate::ids::{opt_typed, typed};
use crate::locations::{LocationColumns, location_from_row};
use crate::slots::{SLOT_COLUMNS, Slot, slot_from_row};
use crate::{Citizen, Store, StoreError, clock};

/// An afbud: who cancelled, why, and whether it came after the deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancellation {
    pub by_role: Role,
    pub reason: String,
    pub late: bool,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: MeetingId,
    pub citizen_id: CitizenId,
    /// The staff member whose slot it is: caseworker or a-kasse adviser.
    pub staff_id: StaffId,
    pub staff_name: String,
    pub slot_id: Option<SlotId>,
    /// The a-kasse adviser in a joint conversation.
    pub adviser_id: Option<StaffId>,
    pub adviser_name: Option<String>,
    pub start: Timestamp,
    pub end: Timestamp,
    pub channel: Channel,
    pub location: Option<String>,
    pub purpose: Option<String>,
    /// Set when staff require attendance in person; the citizen is shown why.
    pub attendance_reason: Option<String>,
    pub status: MeetingStatus,
    pub booked_by_role: Role,
    pub cancellation: Option<Cancellation>,
    /// Set when staff called the citizen in (indkaldelse).
    pub call_in: Option<CallIn>,
    /// The citizen's "Jeg kan ikke komme" on a call-in, and staff's decision.
    pub absence: Option<Absence>,
    /// A no-show with a reasonable excuse: the excuse staff recorded (at the outcome, or
    /// later when withdrawing the availability notice).
    pub no_show_excuse: Option<String>,
    /// The interpreter booked for it (issue 19), shown to everyone in the meeting.
    pub interpreter: Option<crate::MeetingInterpreter>,
    /// The companion (bisidder) the citizen brings, as named at booking.
    pub companion: Option<String>,
    /// Held by an a-kasse adviser: a move looks among the a-kasse's times.
    pub by_fund: bool,
}

impl Meeting {
    /// What decides who enters its video room (`domain::meetings::room_role`).
    pub fn room_facts(&self) -> domain::meetings::RoomFacts<'_> {
        domain::meetings::RoomFacts {
            citizen_id: self.citizen_id.as_str(),
            staff_id: self.staff_id.as_str(),
            adviser_id: self.adviser_id.as_ref().map(|a| a.as_str()),
            channel: self.channel,
            status: self.status,
            end: self.end,
        }
    }

    /// Staff called the citizen in: with the call-in's facts, or (the older form) by requiring
    /// attendance in person with a reason. Either way the citizen does not cancel it but says
    /// "Jeg kan ikke komme", and moves it only within a rebooking period.
    pub fn is_call_in(&self) -> bool {
        self.call_in.is_some() || self.attendance_reason.is_some()
    }

    /// Until when the citizen may move it themself; `None`: not at all.
    pub fn rebook_until(&self) -> Option<Timestamp> {
        self.call_in.as_ref().and_then(|c| c.rebook_until)
    }
}

/// A reported absence from a call-in (`domain::meetings::absence`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absence {
    pub reason: AbsenceReason,
    pub text: Option<String>,
    pub reported_at: Timestamp,
    pub status: AbsenceStatus,
    /// Why staff refused (or a note on accepting), as the citizen is told.
    pub decision_reason: Option<String>,
}

/// What a call-in holds beyond the meeting (BEK nr. 442 af 26. maj 2023 § 20, stk. 1): the
/// location for in person, the number the citizen must call, until when they may move it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallIn {
    pub location: Option<crate::Location>,
    /// By phone: the number the citizen calls; `None`: we call the citizen's own number.
    pub phone: Option<String>,
    /// Until when the citizen may move it themself; `None`: rebooking is not possible.
    pub rebook_until: Option<Timestamp>,
    /// § 20, stk. 1, nr. 13: for the insured person's first jobcentre conversation, whether
    /// they chose that the a-kasse takes part; `None` for any other conversation.
    pub fund_participation: Option<domain::meetings::FundParticipation>,
}

pub(crate) const MEETING_COLUMNS: &str = "m.id, m.citizen_id, m.staff_id, s.name AS staff_name, \
     m.slot_id, m.adviser_id, a.name AS adviser_name, s.unemployment_fund AS staff_fund, m.starts_at, m.ends_at, m.channel, \
     m.location, m.purpose, m.attendance_reason, m.status, m.booked_by_role, m.cancelled_by_role, \
     m.cancel_reason, m.cancelled_late, m.cancelled_at, ci.meeting_id AS call_in, \
     ci.phone AS call_in_phone, ci.rebook_until AS call_in_rebook_until, \
     ci.fund_participation AS call_in_fund_participation, \
     lo.id AS location_id, lo.municipality AS location_municipality, \
     lo.unemployment_fund AS location_fund, lo.name AS location_name, \
     lo.street AS location_street, lo.postcode AS location_postcode, lo.town AS location_town, \
     lo.directions AS location_directions, lo.step_free AS location_step_free, \
     ab.reason AS absence_reason, ab.text AS absence_text, ab.reported_at AS absence_reported_at, \
     ab.status AS absence_status, ab.decision_reason AS absence_decision_reason, m.no_show_excuse, \
     m.interpreter_language, m.interpreter_mode, m.interpreter_token, m.companion, \
     ip.name AS interpreter_provider_name, ip.phone AS interpreter_provider_phone";

/// `FROM` clause matching [`MEETING_COLUMNS`].
pub(crate) const MEETING_FROM: &str = "meetings m JOIN staff s ON s.id = m.staff_id LEFT JOIN staff a ON a.id = m.adviser_id \
     LEFT JOIN call_ins ci ON ci.meeting_id = m.id LEFT JOIN locations lo ON lo.id = ci.location_id \
     LEFT JOIN absence_reports ab ON ab.meeting_id = m.id \
     LEFT JOIN interpreter_providers ip ON ip.id = m.interpreter_provider_id";

/// The absence columns of [`MEETING_COLUMNS`], if one was reported.
fn absence_from_row(row: &AnyRow) -> Result<Option<Absence>, StoreError> {
    let Some(reason) = row.try_get::<Option<&str>, _>("absence_reason")? else {
        return Ok(None);
    };
    Ok(Some(Absence {
        reason: parse("absence_reason", reason)?,
        text: row.try_get("absence_text")?,
        reported_at: clock::from_micros(row.try_get("absence_reported_at")?),
        status: parse("absence_status", row.try_get::<&str, _>("absence_status")?)?,
        decision_reason: row.try_get("absence_decision_reason")?,
    }))
}

/// The names [`MEETING_COLUMNS`] gives the call-in's location.
const CALL_IN_LOCATION: LocationColumns = LocationColumns {
    id: "location_id",
    municipality: "location_municipality",
    fund: "location_fund",
    name: "location_name",
    street: "location_street",
    postcode: "location_postcode",
    town: "location_town",
    directions: "location_directions",
    step_free: "location_step_free",
};

/// The call-in columns of [`MEETING_COLUMNS`], if the meeting is one.
fn call_in_from_row(row: &AnyRow) -> Result<Option<CallIn>, StoreError> {
    if row.try_get::<Option<&str>, _>("call_in")?.is_none() {
        return Ok(None);
    }
    Ok(Some(CallIn {
        location: location_from_row(row, &CALL_IN_LOCATION)?,
        phone: row.try_get("call_in_phone")?,
        rebook_until: row
            .try_get::<Option<i64>, _>("call_in_rebook_until")?
            .map(clock::from_micros),
        fund_participation: row
            .try_get::<Option<&str>, _>("call_in_fund_participation")?
            .map(|p| parse("call_in_fund_participation", p))
            .transpose()?,
    }))
}

pub(crate) fn meeting_from_row(row: &AnyRow) -> Result<Meeting, StoreError> {
    let cancelled_role: Option<String> = row.try_get("cancelled_by_role")?;
    let cancellation = match cancelled_role {
        Some(role) => Some(Cancellation {
            by_role: parse("cancelled_by_role", &role)?,
            reason: row
                .try_get::<Option<String>, _>("cancel_reason")?
                .unwrap_or_default(),
            late: row
                .try_get::<Option<i64>, _>("cancelled_late")?
                .unwrap_or(0)
                != 0,
            at: clock::from_micros(row.try_get::<Option<i64>, _>("cancelled_at")?.unwrap_or(0)),
        }),
        None => None,
    };
    Ok(Meeting {
        id: typed("id", row.try_get("id")?)?,
        citizen_id: typed("citizen_id", row.try_get("citizen_id")?)?,
        staff_id: typed("staff_id", row.try_get("staff_id")?)?,
        staff_name: row.try_get("staff_name")?,
        slot_id: opt_typed(row, "slot_id")?,
        adviser_id: opt_typed(row, "adviser_id")?,
        adviser_name: row.try_get("adviser_name")?,
        start: clock::from_micros(row.try_get("starts_at")?),
        end: clock::from_micros(row.try_get("ends_at")?),
        channel: parse("channel", row.try_get::<&str, _>("channel")?)?,
        location: row.try_get("location")?,
        purpose: row.try_get("purpose")?,
        attendance_reason: row.try_get("attendance_reason")?,
        status: parse("status", row.try_get::<&str, _>("status")?)?,
        booked_by_role: parse("booked_by_role", row.try_get::<&str, _>("booked_by_role")?)?,
        cancellation,
        call_in: call_in_from_row(row)?,
        absence: absence_from_row(row)?,
        no_show_excuse: row.try_get("no_show_excuse")?,
        interpreter: interpreter_from_row(row)?,
        companion: row.try_get("companion")?,
        by_fund: row.try_get::<Option<&str>, _>("staff_fund")?.is_some(),
    })
}

/// The interpreter columns of [`MEETING_COLUMNS`], if one is booked.
fn interpreter_from_row(row: &AnyRow) -> Result<Option<crate::MeetingInterpreter>, StoreError> {
    let Some(language) = row.try_get::<Option<&str>, _>("interpreter_language")? else {
        return Ok(None);
    };
    Ok(Some(crate::MeetingInterpreter {
        language: domain::InterpreterLanguage::try_from(language).map_err(|_| {
            StoreError::Corrupt {
                column: "interpreter_language",
            }
        })?,
        mode: parse(
            "interpreter_mode",
            row.try_get::<Option<&str>, _>("interpreter_mode")?
                .unwrap_or_default(),
        )?,
        provider_name: row
            .try_get::<Option<String>, _>("interpreter_provider_name")?
            .unwrap_or_default(),
        provider_phone: row.try_get("interpreter_provider_phone")?,
        token: row.try_get("interpreter_token")?,
    }))
}

/// What a staff member's week looks like: their slots (free or booked) and the meetings they
/// take part in, including joint ones in another's slot.
#[derive(Debug, Clone)]
pub struct StaffCalendar {
    pub slots: Vec<Slot>,
    pub meetings: Vec<(Meeting, String)>,
}

impl Store {
    /// A meeting with its citizen, if the actor may see that citizen; reads are not logged here.
    pub(crate) async fn load_meeting(
        &self,
        actor: &Actor,
        id: &MeetingId,
    ) -> Result<(Meeting, Citizen, Visibility), StoreError> {
        let meeting = self.meeting_by_id(id).await?;
        let (citizen, visibility) = self.load_visible(actor, &meeting.citizen_id).await?;
        Ok((meeting, citizen, visibility))
    }

    /// [`Self::load_meeting`] for a change (move, afbud, outcome): `Forbidden` unless the
    /// actor's organisation holds the meeting or takes part in it (`MeetingParties`), so that
    /// seeing a citizen is not enough to change another organisation's meeting.
    pub(crate) async fn load_for_change(
        &self,
        actor: &Actor,
        id: &MeetingId,
    ) -> Result<(Meeting, Citizen, Visibility), StoreError> {
        let (meeting, citizen, visibility) = self.load_meeting(actor, id).await?;
        // The organisations of the holding staff member and of the joint adviser, as the staff
        // rows say (`staff_by_id` parses them).
        let holder = self.staff_by_id(&meeting.staff_id).await?.organisation;
        let partner = match &meeting.adviser_id {
            Some(adviser) => self.staff_by_id(adviser).await?.organisation,
            None => None,
        };
        // A meeting held by staff of no organisation (an administrator) is changed by
        // administrators and the citizen only.
        let parties = holder.map(|holder| MeetingParties { holder, partner });
        let own = visibility == Visibility::Own;
        let allowed = match &parties {
            Some(p) => p.may_change(actor, own),
            None => own || matches!(actor, Actor::Admin { .. }),
        };
        if !allowed {
            return Err(StoreError::Forbidden);
        }
        Ok((meeting, citizen, visibility))
    }

    /// A meeting by id, for callers that have already decided the actor may see it.
    pub(crate) async fn meeting_by_id(&self, id: &MeetingId) -> Result<Meeting, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {MEETING_COLUMNS} FROM {MEETING_FROM} WHERE m.id = $1"
        ))
        .bind(id.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        meeting_from_row(&row)
    }

    /// One meeting, for its citizen or staff who may see the citizen (logged).
    pub async fn meeting(&self, actor: &Actor, id: &MeetingId) -> Result<Meeting, StoreError> {
        let (meeting, _, visibility) = self.load_meeting(actor, id).await?;
        if visibility.is_audited() {
            self.log_reads(vec![AuditEntry::new(
                self.now_micros(),
                actor,
                &meeting.citizen_id,
                AuditAction::MeetingsRead,
            )])
            .await?;
        }
        Ok(meeting)
    }

    /// All of a citizen's meetings, earliest first.
    pub async fn citizen_meetings(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
    ) -> Result<Vec<Meeting>, StoreError> {
        self.read_visible(actor, citizen_id, AuditAction::MeetingsRead, |_| true)
            .await?;
        let rows = sqlx::query(&format!(
            "SELECT {MEETING_COLUMNS} FROM {MEETING_FROM} WHERE m.citizen_id = $1 ORDER BY m.starts_at, m.id"
        ))
        .bind(citizen_id.as_str())
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter().map(meeting_from_row).collect()
    }

    /// The acting staff member's slots and meetings starting in [from, to), with the citizen's
    /// name beside each meeting (each citizen shown is logged as seen).
    pub async fn staff_calendar(
        &self,
        actor: &Actor,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<StaffCalendar, StoreError> {
        let Actor::Staff { id: staff_id, .. } = actor else {
            return Err(StoreError::Forbidden);
        };
        self.calendar_of(staff_id.as_str(), from, to, Some(actor))
            .await
    }

    /// The secret part of a staff member's calendar feed URL: their id and a keyed hash of it
    /// and of the feed's generation, so the URL cannot be guessed, needs no table of tokens, and
    /// stops working when the staff member asks for a new one ([`Store::renew_calendar_feed`]).
    /// It shows times and channels only, never a citizen's name, because calendar systems copy
    /// what they subscribe to.
    pub async fn calendar_feed_token(&self, staff_id: &StaffId) -> Result<String, StoreError> {
        let generation = self.feed_generation(staff_id.as_str()).await?;
        Ok(self.feed_token(staff_id.as_str(), generation))
    }

    fn feed_token(&self, staff_id: &str, generation: i64) -> String {
        let mac = self
            .inner
            .cpr_key
            .mac(format!("calendar-feed:{staff_id}:{generation}").as_bytes());
        format!("{staff_id}.{}", &mac[..32])
    }

    async fn feed_generation(&self, staff_id: &str) -> Result<i64, StoreError> {
        Ok(
            sqlx::query("SELECT feed_generation FROM staff WHERE id = $1")
                .bind(staff_id)
                .fetch_optional(&self.inner.read)
                .await?
                .ok_or(StoreError::NotFound)?
                .try_get("feed_generation")?,
        )
    }

    /// Replaces the acting staff member's feed address: the old one answers 404 from now on.
    pub async fn renew_calendar_feed(&self, actor: &Actor) -> Result<String, StoreError> {
        let Actor::Staff { id, .. } = actor else {
            return Err(StoreError::Forbidden);
        };
        sqlx::query("UPDATE staff SET feed_generation = feed_generation + 1 WHERE id = $1")
            .bind(id.as_str())
            .execute(&self.inner.write)
            .await?;
        self.calendar_feed_token(id).await
    }

    /// The meetings of the staff member a feed token belongs to, from 30 days back to 180 ahead.
    pub async fn calendar_feed(&self, token: &str) -> Result<Vec<Meeting>, StoreError> {
        let (staff_id, _) = token.split_once('.').ok_or(StoreError::NotFound)?;
        let expected = self.feed_token(staff_id, self.feed_generation(staff_id).await?);
        // Compared in constant time, so response times do not reveal how much of a guess is right.
        let same = expected.len() == token.len()
            && expected
                .bytes()
                .zip(token.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        if !same {
            return Err(StoreError::NotFound);
        }
        let now = self.now();
        let from = now
            .checked_sub(jiff::SignedDuration::from_hours(24 * 30))
            .unwrap_or(now);
        let to = now
            .checked_add(jiff::SignedDuration::from_hours(24 * 180))
            .unwrap_or(now);
        let calendar = self.calendar_of(staff_id, from, to, None).await?;
        Ok(calendar.meetings.into_iter().map(|(m, _)| m).collect())
    }

    /// A calendar by staff id; `actor` (when a person looks) is who the audit log names.
    pub(crate) async fn calendar_of(
        &self,
        staff_id: &str,
        from: Timestamp,
        to: Timestamp,
        actor: Option<&Actor>,
    ) -> Result<StaffCalendar, StoreError> {
        let (from, to) = (clock::to_micros(from), clock::to_micros(to));
        let slots = sqlx::query(&format!(
            "SELECT {SLOT_COLUMNS} FROM slots WHERE staff_id = $1 AND starts_at >= $2 AND starts_at < $3 \
             ORDER BY starts_at"
        ))
        .bind(staff_id)
        .bind(from)
        .bind(to)
        .fetch_all(&self.inner.read)
        .await?
        .iter()
        .map(slot_from_row)
        .collect::<Result<Vec<_>, _>>()?;
        let rows = sqlx::query(&format!(
            "SELECT {MEETING_COLUMNS}, c.name AS citizen_name FROM {MEETING_FROM} \
             JOIN citizens c ON c.id = m.citizen_id \
             WHERE (m.staff_id = $1 OR m.adviser_id = $1) AND m.starts_at >= $2 AND m.starts_at < $3 \
             ORDER BY m.starts_at"
        ))
        .bind(staff_id)
        .bind(from)
        .bind(to)
        .fetch_all(&self.inner.read)
        .await?;
        let meetings = rows
            .iter()
            .map(|r| {
                Ok((
                    meeting_from_row(r)?,
                    r.try_get::<String, _>("citizen_name")?,
                ))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        if let Some(actor) = actor {
            let seen = meetings
                .iter()
                .map(|(m, _)| {
                    AuditEntry::new(
                        self.now_micros(),
                        actor,
                        &m.citizen_id,
                        AuditAction::MeetingsRead,
                    )
                })
                .collect();
            self.log_reads(seen).await?;
        }
        Ok(StaffCalendar { slots, meetings })
    }
}
