//! Booking a meeting in a free slot.

use domain::contact_plan::Holder;
use domain::meetings::{Proposed, check_booking, check_call_in, check_channel};
use domain::{Actor, Channel, Organisation, TargetGroup, Visibility};

use super::{NewMeeting, audit_change, claim, claim_adviser_slot, kinds, outbox};
use crate::audit::AuditAction;
use crate::call_in_events::CallInEventKind;
use crate::ids::{new_id, typed};
use crate::meetings::Meeting;
use crate::report_days::{self, StaleDay};
use crate::{Store, StoreError, clock};

impl Store {
    /// Books a meeting in a free slot. See the module comment for how races are decided.
    pub async fn book_meeting(
        &self,
        actor: &Actor,
        req: &NewMeeting,
    ) -> Result<Meeting, StoreError> {
        let super::BookingContext {
            citizen,
            visibility,
            slot,
            mut facts,
            holder,
            staff_name,
        } = self
            .booking_context(actor, &req.citizen_id, &req.slot_id, None)
            .await?;
        let by_citizen = visibility == Visibility::Own;
        if by_citizen
            && (req.attendance_reason.is_some()
                || req.call_in.is_some()
                || req.interpreter.is_some())
        {
            return Err(StoreError::Forbidden);
        }
        check_booking(
            by_citizen,
            citizen.self_booking_exempt,
            slot.start,
            self.now(),
        )?;
        facts.attendance_required = req.attendance_reason.is_some();
        let location = match &req.call_in {
            Some(call_in) => {
                check_call_in(
                    call_in,
                    req.channel,
                    citizen.phone.is_some(),
                    slot.start,
                    self.now(),
                )
                .map_err(|r| StoreError::invalid(r.field, r.why))?;
                // A citizen who is to call us needs no number of their own on file.
                facts.has_phone |= call_in.phone.is_some();
                let organisation = match (holder, &citizen.unemployment_fund) {
                    (Holder::UnemploymentFund, Some(f)) => Organisation::Fund(f.clone()),
                    _ => Organisation::Municipality(citizen.municipality.clone()),
                };
                self.call_in_location(call_in, &organisation).await?
            }
            None => None,
        };
        let proposed = Proposed {
            start: slot.start,
            holder,
            offered: &slot.channels,
        };
        check_channel(&facts, &proposed, req.channel)?;
        // LAB § 31, stk. 2: the insured person's first conversation with the jobcentre, where
        // they choose whether the a-kasse takes part.
        let first_insured = holder == Holder::Municipality
            && citizen.target_group == TargetGroup::InsuredUnemployed
            && facts.first_with(Holder::Municipality, slot.start);
        let fund = match (req.with_fund, &citizen.unemployment_fund) {
            (false, _) => None,
            (true, None) => {
                return Err(StoreError::invalid(
                    "with_fund",
                    domain::Invalid::Combination,
                ));
            }
            // The a-kasse's own meeting is not a joint one.
            (true, Some(_)) if holder == Holder::UnemploymentFund => {
                return Err(StoreError::invalid(
                    "with_fund",
                    domain::Invalid::Combination,
                ));
            }
            (true, Some(f)) => {
                // The citizen's own choice is for the first jobcenter conversation of an
                // insured unemployed person; staff may arrange a joint meeting at any time.
                if by_citizen && !first_insured {
                    return Err(StoreError::invalid(
                        "with_fund",
                        domain::Invalid::Combination,
                    ));
                }
                Some(f.clone())
            }
        };
        let id = new_id();
        // Plain bookings, the many, go through the group writer (`group.rs` on SQLite,
        // `group_pg.rs` on PostgreSQL); joint meetings, call-ins and meetings with an
        // interpreter or a companion write more and take the ordinary transaction.
        let plain = fund.is_none()
            && req.call_in.is_none()
            && req.interpreter.is_none()
            && req.companion.is_none();
        let by_fund = holder == Holder::UnemploymentFund;
        if plain {
            return self
                .book_plain(actor, visibility, &citizen, &slot, staff_name, req, id)
                .await
                .map(|m| Meeting { by_fund, ..m });
        }
        // The conditional claim decides races by itself; no lock is needed before it.
        let mut tx = self.inner.write.begin().await?;
        if !claim(&mut tx, slot.id.as_str(), &id).await? {
            return Err(StoreError::Conflict("slot_taken"));
        }
        super::busy::ensure_free(
            &mut tx,
            self.inner.backend,
            citizen.id.as_str(),
            clock::to_micros(slot.start),
            clock::to_micros(slot.end),
            "",
        )
        .await?;
        let adviser = match &fund {
            Some(f) => Some(claim_adviser_slot(&mut tx, f.as_str(), None, &slot, &id).await?),
            None => None,
        };
        let now = self.now_micros();
        let location = match (req.channel, location) {
            (Channel::InPerson, Some(place)) => Some(place.name),
            (Channel::InPerson, None) => slot.location.clone(),
            _ => None,
        };
        let location_for_answer = location.clone();
        // A video interpreter is a third participant in the room: a video meeting only.
        if req.interpreter.is_some_and(|i| {
            i.mode == domain::InterpreterMode::Video && req.channel != Channel::Video
        }) {
            return Err(StoreError::invalid(
                "interpreter.mode",
                domain::Invalid::Combination,
            ));
        }
        let interpreter = match req.interpreter {
            Some(wanted) => Some((
                wanted,
                crate::interpreters::book(&mut tx, citizen.municipality.as_str(), wanted).await?,
            )),
            None => None,
        };
        sqlx::query(
            "INSERT INTO meetings (id, citizen_id, staff_id, slot_id, adviser_id, adviser_slot_id, starts_at, ends_at, \
             channel, location, purpose, attendance_reason, status, booked_by, booked_by_role, booked_at, updated_at, \
             interpreter_language, interpreter_mode, interpreter_provider_id, interpreter_token, companion) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'booked', $13, $14, $15, $15, \
             $16, $17, $18, $19, $20)",
        )
        .bind(&id)
        .bind(citizen.id.as_str())
        .bind(slot.staff_id.as_str())
        .bind(slot.id.as_str())
        .bind(adviser.as_ref().map(|(_, staff)| staff.clone()))
        .bind(adviser.as_ref().map(|(slot, _)| slot.clone()))
        .bind(clock::to_micros(slot.start))
        .bind(clock::to_micros(slot.end))
        .bind(req.channel.as_str())
        .bind(location)
        .bind(req.purpose.clone())
        .bind(req.attendance_reason.clone())
        .bind(actor.id())
        .bind(actor.role().as_str())
        .bind(now)
        .bind(interpreter.as_ref().map(|(w, _)| w.language.code()))
        .bind(interpreter.as_ref().map(|(w, _)| w.mode.as_str()))
        .bind(interpreter.as_ref().map(|(_, (provider, _))| provider.clone()))
        .bind(interpreter.as_ref().and_then(|(_, (_, token))| token.clone()))
        .bind(req.companion.clone())
        .execute(&mut *tx)
        .await?;
        if let Some(call_in) = &req.call_in {
            let participation =
                domain::meetings::fund_participation(first_insured, adviser.is_some());
            super::call_in::insert(&mut tx, &id, call_in, participation, now).await?;
        }
        if req.call_in.is_some() {
            crate::call_in_events::record(
                &mut tx,
                self.inner.backend,
                &id,
                CallInEventKind::CalledIn,
                now,
            )
            .await?;
        }
        let day = StaleDay::new(citizen.municipality.as_str(), slot.start);
        report_days::mark(&mut tx, self.now_micros(), &[day]).await?;
        audit_change(
            &mut tx,
            self.now_micros(),
            visibility,
            actor,
            &citizen.id,
            AuditAction::MeetingBooked,
        )
        .await?;
        let mut notices = vec![(kinds::BOOKED, now)];
        notices.extend(self.reminder_at(slot.start).map(|at| (kinds::REMINDER, at)));
        outbox(&mut tx, self.now_micros(), &id, &notices).await?;
        tx.commit().await?;
        if !plain {
            // The adviser's name, the call-in's location and the interpreter's provider come
            // with a read; the rare case.
            return self.meeting_by_id(&crate::ids::typed("id", &id)?).await;
        }
        booked(
            id,
            citizen.id.as_str(),
            &slot,
            staff_name,
            req,
            location_for_answer,
            actor,
        )
        .map(|m| Meeting { by_fund, ..m })
    }

    /// A plain booking, through the group-commit writer (`group.rs`, `group_pg.rs`).
    #[expect(
        clippy::too_many_arguments,
        reason = "the parts of one booking, checked above"
    )]
    async fn book_plain(
        &self,
        actor: &Actor,
        visibility: Visibility,
        citizen: &crate::Citizen,
        slot: &crate::Slot,
        staff_name: String,
        req: &NewMeeting,
        id: String,
    ) -> Result<Meeting, StoreError> {
        let now = self.now_micros();
        let location = (req.channel == Channel::InPerson)
            .then(|| slot.location.clone())
            .flatten();
        let mut notices = vec![(kinds::BOOKED, now)];
        notices.extend(self.reminder_at(slot.start).map(|at| (kinds::REMINDER, at)));
        let row = super::group::BookingRow {
            id: id.clone(),
            citizen_id: citizen.id.to_string(),
            staff_id: slot.staff_id.to_string(),
            slot_id: slot.id.to_string(),
            starts_at: clock::to_micros(slot.start),
            ends_at: clock::to_micros(slot.end),
            channel: req.channel.as_str(),
            location: location.clone(),
            purpose: req.purpose.clone(),
            attendance_reason: req.attendance_reason.clone(),
            booked_by: actor.id().to_owned(),
            booked_by_role: actor.role().as_str(),
            booked_at: now,
            audit: visibility.is_audited().then(|| {
                crate::audit::AuditEntry::new(
                    self.now_micros(),
                    actor,
                    &citizen.id,
                    AuditAction::MeetingBooked,
                )
            }),
            notices,
            stale: StaleDay::new(citizen.municipality.as_str(), slot.start),
        };
        match self.inner.bookings.write(row).await? {
            super::group::Claimed::Yes => {}
            super::group::Claimed::SlotTaken => return Err(StoreError::Conflict("slot_taken")),
            super::group::Claimed::CitizenBusy(start, end) => {
                return Err(super::busy::busy(start, end));
            }
            // The group writer writes a put-off booking again; it never answers with it.
            super::group::Claimed::PutOff => {
                return Err(StoreError::Database(sqlx::Error::Protocol(
                    "a put-off booking was answered".to_owned(),
                )));
            }
        }
        booked(
            id,
            citizen.id.as_str(),
            slot,
            staff_name,
            req,
            location,
            actor,
        )
    }
}

/// The meeting a plain booking (no a-kasse adviser) has just written, without reading it back.
fn booked(
    id: String,
    citizen_id: &str,
    slot: &crate::Slot,
    staff_name: String,
    req: &NewMeeting,
    location: Option<String>,
    actor: &Actor,
) -> Result<Meeting, StoreError> {
    Ok(Meeting {
        id: typed("id", &id)?,
        citizen_id: typed("citizen_id", citizen_id)?,
        staff_id: typed("staff_id", slot.staff_id.as_str())?,
        staff_name,
        slot_id: Some(typed("slot_id", slot.id.as_str())?),
        adviser_id: None,
        adviser_name: None,
        start: slot.start,
        end: slot.end,
        channel: req.channel,
        location,
        purpose: req.purpose.clone(),
        attendance_reason: req.attendance_reason.clone(),
        status: domain::MeetingStatus::Booked,
        booked_by_role: actor.role(),
        cancellation: None,
        call_in: None,
        absence: None,
        no_show_excuse: None,
        interpreter: None,
        companion: None,
        by_fund: false,
    })
}
