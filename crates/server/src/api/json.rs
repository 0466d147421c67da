//! Response bodies shared by several endpoints, with their OpenAPI schemas.

use domain::{Role, TargetGroup, Track};
use serde::Serialize;
use store::{Citizen, Org, StaffMember};
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct OrgJson {
    pub code: String,
    pub name: String,
}

impl From<Org> for OrgJson {
    fn from(o: Org) -> Self {
        Self {
            code: o.code,
            name: o.name,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StaffJson {
    pub id: String,
    pub login: String,
    pub name: String,
    pub role: Role,
    pub municipality: Option<String>,
    pub unemployment_fund: Option<String>,
    /// The team within the organisation (extension); absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
}

impl From<StaffMember> for StaffJson {
    fn from(s: StaffMember) -> Self {
        Self {
            team: s.team.clone(),
            municipality: s.municipality().map(str::to_owned),
            unemployment_fund: s.unemployment_fund().map(str::to_owned),
            id: s.id.to_string(),
            login: s.login,
            name: s.name,
            role: s.role,
        }
    }
}

/// A citizen. The full CPR number is never returned; `cpr_masked` is `DDMMYY-****`.
#[derive(Debug, Serialize, ToSchema)]
pub struct CitizenJson {
    pub id: String,
    pub name: String,
    #[schema(example = "010190-****")]
    pub cpr_masked: String,
    pub municipality: String,
    pub target_group: TargetGroup,
    #[schema(value_type = String, format = Date)]
    pub unemployed_since: jiff::civil::Date,
    pub unemployment_fund: Option<String>,
    pub track: Option<Track>,
    pub caseworker_id: Option<String>,
    pub in_person_requested: bool,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// `false`: notices go out as printed letters.
    pub digital_mail: bool,
    pub in_person_first: bool,
    pub self_booking_exempt: bool,
    /// Why (BEK 1216/2023 § 45); `null` when not exempt or exempted before reasons were kept.
    pub self_booking_exempt_reason: Option<domain::meetings::SelfBookingExemption>,
    /// Sent to the jobcenter from the start (LAB § 27, stk. 3).
    pub jobcenter_from_start: bool,
    /// Insured unemployed: registration as a job seeker (LAB § 31, stk. 4).
    #[schema(value_type = Option<String>, format = Date)]
    pub registered_on: Option<jiff::civil::Date>,
    /// Cash benefit: first contact with the municipality about help (LAB § 9, stk. 2, nr. 2).
    #[schema(value_type = Option<String>, format = Date)]
    pub first_contact_on: Option<jiff::civil::Date>,
    /// Sickness benefit: first day of absence (sygedagpengeloven § 13 b).
    #[schema(value_type = Option<String>, format = Date)]
    pub first_absence_on: Option<jiff::civil::Date>,
    /// Where letters on paper go (extension, issue 19); `null` until given.
    pub postal_address: Option<PostalAddressJson>,
    /// The language an interpreter is needed in, ISO 639-1 (extension, issue 19); `null`: none.
    #[schema(example = "ar")]
    pub interpreter_language: Option<String>,
    /// Needs a way in without steps (extension, issue 19).
    pub step_free_access: bool,
}

/// A Danish postal address: street with number, floor and door; a four-digit postcode; town.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PostalAddressJson {
    #[schema(example = "Vesterbro 14, 2. tv.")]
    pub street: String,
    #[schema(example = "9000")]
    pub postcode: String,
    #[schema(example = "Aalborg")]
    pub town: String,
}

impl From<domain::PostalAddress> for PostalAddressJson {
    fn from(a: domain::PostalAddress) -> Self {
        Self {
            street: a.street,
            postcode: a.postcode.as_str().to_owned(),
            town: a.town,
        }
    }
}

impl From<Citizen> for CitizenJson {
    fn from(c: Citizen) -> Self {
        Self {
            id: c.id.to_string(),
            name: c.name,
            cpr_masked: c.cpr_masked,
            municipality: c.municipality.to_string(),
            target_group: c.target_group,
            unemployed_since: c.unemployed_since,
            unemployment_fund: c.unemployment_fund.map(|f| f.to_string()),
            track: c.track,
            caseworker_id: c.caseworker_id.map(String::from),
            in_person_requested: c.in_person_requested,
            phone: c.phone.map(|p| p.to_string()),
            email: c.email.map(|e| e.to_string()),
            digital_mail: c.digital_mail,
            in_person_first: c.in_person_first,
            self_booking_exempt: c.self_booking_exempt,
            self_booking_exempt_reason: c.self_booking_exempt_reason,
            jobcenter_from_start: c.jobcenter_from_start,
            registered_on: c.registered_on,
            first_contact_on: c.first_contact_on,
            first_absence_on: c.first_absence_on,
            postal_address: c.postal_address.map(Into::into),
            interpreter_language: c.interpreter_language.map(|l| l.code().to_owned()),
            step_free_access: c.step_free_access,
        }
    }
}

/// The body that creates an organisation: a municipality (`0851`) or a fund (`3F`).
#[derive(Debug, Default, serde::Deserialize, ToSchema)]
pub struct CreateOrg {
    /// Four digits for a municipality; a short code of letters, digits and hyphens for a fund.
    #[schema(required = true, example = "0851")]
    pub code: Option<String>,
    #[schema(required = true, example = "Aalborg")]
    pub name: Option<String>,
    /// How citizens reach it (extension): the switchboard, its hours, and an e-mail address.
    #[schema(example = "+4599311100")]
    pub phone: Option<String>,
    #[schema(example = "mandag–fredag kl. 9–15")]
    pub phone_hours: Option<String>,
    pub email: Option<String>,
    /// The data protection officer's address, for the privacy notice (extension, issue 19;
    /// GDPR art. 13(1)(b)).
    pub dpo_email: Option<String>,
    /// Its CVR number, eight digits (extension, issue 19): a municipality's is the sender of
    /// the letters Jobunivers sends to citizens' Digital Post.
    #[schema(example = "29189420")]
    pub cvr: Option<String>,
}

impl CreateOrg {
    /// The code, by the organisation kind's own parser, the name and the contact details; or
    /// every refusal.
    pub fn parse<'a, C>(
        &'a self,
        code: impl FnOnce(&'a str) -> Result<C, domain::Invalid>,
    ) -> Result<(C, domain::OrgName, store::OrgContact), Vec<domain::FieldError>> {
        let mut f = crate::validate::Fields::default();
        let code = f.required("code", self.code.as_deref(), code);
        let name = f.required("name", self.name.as_deref(), domain::OrgName::try_from);
        let phone = f.optional(
            "phone",
            self.phone.as_deref(),
            domain::PhoneNumber::try_from,
        );
        let email = f.optional(
            "email",
            self.email.as_deref(),
            domain::EmailAddress::try_from,
        );
        let dpo_email = f.optional(
            "dpo_email",
            self.dpo_email.as_deref(),
            domain::EmailAddress::try_from,
        );
        let cvr = f.optional("cvr", self.cvr.as_deref(), domain::Cvr::try_from);
        let hours = crate::api::meetings::create::text(
            &mut f,
            "phone_hours",
            self.phone_hours.as_deref(),
            store::MAX_PHONE_HOURS,
        );
        f.finish(|| {
            Some((
                code?,
                name?,
                store::OrgContact {
                    phone: phone?,
                    phone_hours: hours?,
                    email: email?,
                    dpo_email: dpo_email?,
                    cvr: cvr?,
                },
            ))
        })
    }
}

/// A published slot.
#[derive(Debug, Serialize, ToSchema)]
pub struct SlotJson {
    pub id: String,
    #[schema(value_type = String, example = "2026-03-02T09:00:00+01:00")]
    pub start: String,
    #[schema(value_type = String, example = "2026-03-02T09:30:00+01:00")]
    pub end: String,
    /// For available slots: only the channels this citizen may use.
    pub channels: Vec<domain::Channel>,
    pub location: Option<String>,
    pub caseworker_id: String,
    /// Whether someone has booked it (on the caseworker's own calendar).
    pub booked: bool,
}

impl From<store::Slot> for SlotJson {
    fn from(s: store::Slot) -> Self {
        Self {
            id: s.id.to_string(),
            start: crate::time_fmt::rfc3339(s.start),
            end: crate::time_fmt::rfc3339(s.end),
            channels: s.channels,
            location: s.location,
            caseworker_id: s.staff_id.to_string(),
            booked: s.meeting_id.is_some(),
        }
    }
}

/// A cancellation (afbud).
#[derive(Debug, Serialize, ToSchema)]
pub struct CancellationJson {
    pub by_role: Role,
    pub reason: String,
    /// Later than the jobcenter's deadline before the start.
    pub late: bool,
    #[schema(value_type = String)]
    pub at: String,
}

/// A meeting (samtale).
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingJson {
    pub id: String,
    pub citizen_id: String,
    pub caseworker_id: String,
    pub caseworker_name: String,
    #[schema(value_type = String, example = "2026-03-02T09:00:00+01:00")]
    pub start: String,
    #[schema(value_type = String, example = "2026-03-02T09:30:00+01:00")]
    pub end: String,
    pub channel: domain::Channel,
    pub status: domain::MeetingStatus,
    /// Where to meet, for `in_person`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The video room, for `video`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    pub purpose: Option<String>,
    /// Why staff require attendance in person (indkaldelse til fremmøde), if they do.
    pub attendance_reason: Option<String>,
    /// The a-kasse adviser in a joint conversation.
    pub adviser_id: Option<String>,
    pub adviser_name: Option<String>,
    /// Who booked: `citizen` or a staff role.
    pub booked_by_role: Role,
    pub cancellation: Option<CancellationJson>,
    /// Set when staff called the citizen in (indkaldelse).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_in: Option<CallInJson>,
    /// The citizen's "Jeg kan ikke komme" on a call-in, and where it stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub absence: Option<AbsenceJson>,
    /// A `no_show` with a reasonable excuse: the excuse staff recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_show_excuse: Option<String>,
    /// The interpreter booked for the meeting (extension, issue 19); `null`: none.
    pub interpreter: Option<InterpreterJson>,
    /// The companion (bisidder) the citizen brings, as named (extension, issue 19).
    pub companion: Option<String>,
}

/// An interpreter booked for a meeting: the language, how they take part and with whom.
#[derive(Debug, Clone, serde::Serialize, ToSchema)]
pub struct InterpreterJson {
    /// ISO 639-1.
    #[schema(example = "ti")]
    pub language: String,
    #[schema(value_type = String, example = "video")]
    pub mode: domain::InterpreterMode,
    /// The provider's name and phone.
    pub provider: String,
    pub provider_phone: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AbsenceJson {
    pub reason: domain::meetings::AbsenceReason,
    pub text: Option<String>,
    #[schema(value_type = String)]
    pub reported_at: String,
    pub status: domain::meetings::AbsenceStatus,
    /// Staff's reason for refusing (or the note on accepting).
    pub decision_reason: Option<String>,
}

/// A call-in's facts as BEK nr. 442 af 26. maj 2023 § 20, stk. 1 lists them, beyond what the
/// meeting holds (who, when, channel, purpose: nr. 1-4, 9).
#[derive(Debug, Serialize, ToSchema)]
pub struct CallInJson {
    /// Where, for `in_person` (nr. 5, 7).
    pub location: Option<LocationJson>,
    /// For `phone`: the number the citizen must call (nr. 8); `null`: we call the citizen on
    /// the number on file (nr. 6).
    pub phone: Option<String>,
    /// Who holds the conversation (nr. 10).
    pub staff_name: String,
    /// Whether the citizen may move it themself, and until when (nr. 11, 12).
    pub rebooking_allowed: bool,
    pub rebook_until: Option<String>,
    /// For joint conversations: whether the a-kasse takes part (nr. 13).
    pub fund_participates: bool,
    /// Nr. 13 as BEK 442/2023 words it: for the insured person's first conversation with the
    /// jobcentre, where they choose whether the a-kasse takes part (LAB § 31, stk. 2), the
    /// status of its participation; `null` for any other conversation.
    pub fund_participation: Option<domain::meetings::FundParticipation>,
}

/// A place where an organisation meets citizens in person.
#[derive(Debug, Serialize, ToSchema)]
pub struct LocationJson {
    pub id: String,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub town: String,
    pub directions: Option<String>,
    /// Step-free access from the street to the room.
    pub step_free: bool,
    /// The municipality's code or the a-kasse's, whichever holds it.
    pub organisation: String,
}

impl From<store::Location> for LocationJson {
    fn from(l: store::Location) -> Self {
        Self {
            id: l.id.into(),
            name: l.name,
            street: l.street,
            postcode: l.postcode,
            town: l.town,
            directions: l.directions,
            step_free: l.step_free,
            organisation: match l.organisation {
                domain::Organisation::Municipality(m) => m.as_str().to_owned(),
                domain::Organisation::Fund(f) => f.as_str().to_owned(),
            },
        }
    }
}

impl MeetingJson {
    pub fn new(m: store::Meeting, public_url: &str) -> Self {
        let join_url = (m.channel == domain::Channel::Video)
            .then(|| format!("{public_url}/moeder/{}/video", m.id));
        let call_in = m.call_in.map(|c| CallInJson {
            location: c.location.map(LocationJson::from),
            phone: c.phone,
            staff_name: m.staff_name.clone(),
            rebooking_allowed: c.rebook_until.is_some(),
            rebook_until: c.rebook_until.map(crate::time_fmt::rfc3339),
            fund_participates: m.adviser_id.is_some(),
            fund_participation: c.fund_participation,
        });
        let absence = m.absence.map(|a| AbsenceJson {
            reason: a.reason,
            text: a.text,
            reported_at: crate::time_fmt::rfc3339(a.reported_at),
            status: a.status,
            decision_reason: a.decision_reason,
        });
        Self {
            absence,
            call_in,
            join_url,
            no_show_excuse: m.no_show_excuse,
            interpreter: m.interpreter.map(|i| InterpreterJson {
                language: i.language.code().to_owned(),
                mode: i.mode,
                provider: i.provider_name,
                provider_phone: i.provider_phone,
            }),
            companion: m.companion,
            citizen_id: m.citizen_id.to_string(),
            caseworker_id: m.staff_id.to_string(),
            caseworker_name: m.staff_name,
            start: crate::time_fmt::rfc3339(m.start),
            end: crate::time_fmt::rfc3339(m.end),
            channel: m.channel,
            status: m.status,
            location: m.location,
            purpose: m.purpose,
            attendance_reason: m.attendance_reason,
            adviser_id: m.adviser_id.map(String::from),
            adviser_name: m.adviser_name,
            booked_by_role: m.booked_by_role,
            cancellation: m.cancellation.map(|c| CancellationJson {
                by_role: c.by_role,
                reason: c.reason,
                late: c.late,
                at: crate::time_fmt::rfc3339(c.at),
            }),
            id: m.id.to_string(),
        }
    }
}
