use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::meetings::CallInRequest;
use domain::{Channel, Invalid};
use serde::Deserialize;
use store::NewMeeting;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::MeetingJson;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CreateMeeting {
    #[schema(required = true)]
    pub citizen_id: Option<String>,
    #[schema(required = true)]
    pub slot_id: Option<String>,
    #[schema(required = true, value_type = Channel)]
    pub channel: Option<String>,
    /// What the conversation is about, shown to the citizen.
    pub purpose: Option<String>,
    /// Staff only: require attendance in person (indkaldelse til fremmøde), with the reason
    /// the citizen will see. The channel must then be `in_person`.
    pub attendance_reason: Option<String>,
    /// A joint conversation with the citizen's a-kasse: an adviser with a free slot covering
    /// the time takes part. The citizen may choose this for their first jobcenter conversation
    /// as insured unemployed; staff at any time.
    #[serde(default)]
    pub with_fund: bool,
    /// Staff only: make the meeting a call-in (indkaldelse, BEK nr. 1216/2023 § 46) with the
    /// facts BEK nr. 442/2023 § 20 registers for every call-in.
    pub call_in: Option<CallInBody>,
    /// Staff only (extension, issue 19): an interpreter from the municipality's providers
    /// (`GET /municipalities/{code}/interpreter-providers`). A language or way no provider
    /// offers is 422 under `interpreter.language` or `interpreter.mode`.
    pub interpreter: Option<InterpreterBody>,
    /// The companion (bisidder) the citizen brings, as they name them; at most 100 characters
    /// (extension, issue 19).
    pub companion: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct InterpreterBody {
    /// ISO 639-1, one of the languages `interpreter_language` takes.
    #[schema(required = true, example = "ti")]
    pub language: Option<String>,
    /// `in_person`, `phone` or `video` (a third participant in the video room).
    #[schema(required = true, value_type = String, example = "in_person")]
    pub mode: Option<String>,
}

impl InterpreterBody {
    pub fn parse(&self, f: &mut Fields) -> Option<domain::Interpreter> {
        let language = f.required(
            "interpreter.language",
            self.language.as_deref(),
            domain::InterpreterLanguage::try_from,
        );
        let mode = f.required(
            "interpreter.mode",
            self.mode.as_deref(),
            domain::InterpreterMode::try_from,
        );
        Some(domain::Interpreter {
            language: language?,
            mode: mode?,
        })
    }
}

/// The parts of a call-in the meeting does not already hold.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CallInBody {
    /// One of the organisation's locations (`GET /locations`); required for `in_person`.
    pub location_id: Option<String>,
    /// For `phone`: the number the citizen must call. Without it the citizen is called on the
    /// number on file, which must then exist.
    pub phone: Option<String>,
    /// Until when the citizen may move the call-in themself (RFC 3339, before the meeting);
    /// absent: not at all.
    pub rebook_until: Option<String>,
}

impl CallInBody {
    fn parse(&self, f: &mut Fields) -> Option<CallInRequest> {
        let location_id = f.optional(
            "call_in.location_id",
            self.location_id.as_deref(),
            domain::LocationId::try_from,
        );
        let phone = f.optional(
            "call_in.phone",
            self.phone.as_deref(),
            domain::PhoneNumber::try_from,
        );
        let rebook_until = f.optional(
            "call_in.rebook_until",
            self.rebook_until.as_deref(),
            crate::validate::instant,
        );
        Some(CallInRequest {
            location_id: location_id?,
            phone: phone?,
            rebook_until: rebook_until?,
        })
    }
}

/// Free text of at most `max` characters; blank is absent. Control characters other than line
/// breaks and tabs (a NUL byte PostgreSQL cannot store) are refused, on both backends alike.
pub fn text(
    f: &mut Fields,
    field: &'static str,
    raw: Option<&str>,
    max: usize,
) -> Option<Option<String>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Some(None),
        Some(s) if s.chars().count() > max => {
            f.refuse(field, Invalid::TooLong { max });
            None
        }
        Some(s)
            if s.chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) =>
        {
            f.refuse(field, Invalid::BadFormat);
            None
        }
        Some(s) => Some(Some(s.to_owned())),
    }
}

impl CreateMeeting {
    pub fn parse(&self) -> Result<NewMeeting, Vec<domain::FieldError>> {
        let mut f = Fields::default();
        let citizen_id = f.required(
            "citizen_id",
            self.citizen_id.as_deref(),
            domain::CitizenId::try_from,
        );
        let slot_id = f.required("slot_id", self.slot_id.as_deref(), domain::SlotId::try_from);
        let channel = f.required("channel", self.channel.as_deref(), Channel::try_from);
        let purpose = text(&mut f, "purpose", self.purpose.as_deref(), 500);
        let attendance_reason = text(
            &mut f,
            "attendance_reason",
            self.attendance_reason.as_deref(),
            500,
        );
        let call_in = match &self.call_in {
            Some(body) => body.parse(&mut f).map(Some),
            None => Some(None),
        };
        let interpreter = match &self.interpreter {
            Some(body) => body.parse(&mut f).map(Some),
            None => Some(None),
        };
        let companion = text(&mut f, "companion", self.companion.as_deref(), 100);
        f.finish(|| {
            Some(NewMeeting {
                citizen_id: citizen_id?,
                slot_id: slot_id?,
                channel: channel?,
                purpose: purpose?,
                attendance_reason: attendance_reason?,
                with_fund: self.with_fund,
                call_in: call_in?,
                interpreter: interpreter?,
                companion: companion?,
            })
        })
    }
}

/// Books a meeting: the citizen for themself, or staff on the citizen's behalf. A slot already
/// taken is 409 `slot_taken` (of simultaneous requests exactly one wins); a channel this citizen
/// may not use is 422 `channel_not_allowed` with the reason in `detail` and `reason`.
#[utoipa::path(
    post, path = "/meetings", tag = "meetings",
    request_body = CreateMeeting,
    security(("bearer" = [])),
    responses(
        (status = 201, body = MeetingJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<CreateMeeting>,
) -> Result<(StatusCode, Json<MeetingJson>), ApiError> {
    let request = body.parse()?;
    let meeting = state.store.book_meeting(&actor, &request).await?;
    Ok((
        StatusCode::CREATED,
        Json(MeetingJson::new(meeting, &state.config.public_url)),
    ))
}
