use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::{Channel, Invalid, TimeSpan};
use serde::Deserialize;
use store::NewSlot;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::SlotJson;
use crate::error::ApiError;
use crate::extract::{ApiJson, StaffActor};
use crate::validate::{Fields, instant};

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CreateSlot {
    #[schema(required = true, value_type = String, example = "2026-03-02T09:00:00+01:00")]
    pub start: Option<String>,
    #[schema(required = true, value_type = String, example = "2026-03-02T09:30:00+01:00")]
    pub end: Option<String>,
    #[schema(required = true, value_type = Vec<Channel>)]
    pub channels: Option<Vec<String>>,
    /// Required when `channels` has `in_person`.
    pub location: Option<String>,
}

/// The channels of a request: at least one, each known, no repeats; in the order of
/// [`Channel::ALL`].
pub fn parse_channels(f: &mut Fields, raw: Option<&[String]>) -> Option<Vec<Channel>> {
    let Some(raw) = raw else {
        f.refuse("channels", Invalid::Required);
        return None;
    };
    let mut out = Vec::new();
    for c in raw {
        out.push(f.check("channels", Channel::try_from(c.as_str()))?);
    }
    if out.is_empty() {
        f.refuse("channels", Invalid::Empty);
        return None;
    }
    Some(
        Channel::ALL
            .iter()
            .copied()
            .filter(|c| out.contains(c))
            .collect(),
    )
}

/// A location, required for in-person meetings and at most 200 characters.
pub fn parse_location(
    f: &mut Fields,
    raw: Option<&str>,
    channels: Option<&[Channel]>,
) -> Option<Option<String>> {
    let location = raw
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    if location.as_ref().is_some_and(|l| l.chars().count() > 200) {
        f.refuse("location", Invalid::TooLong { max: 200 });
        return None;
    }
    if channels.is_some_and(|c| c.contains(&Channel::InPerson)) && location.is_none() {
        f.refuse("location", Invalid::Required);
        return None;
    }
    Some(location)
}

impl CreateSlot {
    pub fn parse(&self) -> Result<NewSlot, Vec<domain::FieldError>> {
        let mut f = Fields::default();
        let start = f.required("start", self.start.as_deref(), instant);
        let end = f.required("end", self.end.as_deref(), instant);
        let channels = parse_channels(&mut f, self.channels.as_deref());
        let location = parse_location(&mut f, self.location.as_deref(), channels.as_deref());
        let span = match (start, end) {
            (Some(s), Some(e)) => f.check("end", TimeSpan::new(s, e)),
            _ => None,
        };
        f.finish(|| {
            Some(NewSlot {
                span: span?,
                channels: channels?,
                location: location?,
            })
        })
    }
}

/// Publishes one slot for the signed-in caseworker or adviser. An overlap with one of their
/// other slots is 409 `overlap`; a start that has passed is 422.
#[utoipa::path(
    post, path = "/slots", tag = "meetings",
    request_body = CreateSlot,
    security(("bearer" = [])),
    responses(
        (status = 201, body = SlotJson),
        (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiJson(body): ApiJson<CreateSlot>,
) -> Result<(StatusCode, Json<SlotJson>), ApiError> {
    let slot = body.parse()?;
    let mut created = state.store.create_slots(&actor, &[slot]).await?;
    let slot = created
        .pop()
        .ok_or_else(|| ApiError::Internal("no slot created".into()))?;
    Ok((StatusCode::CREATED, Json(slot.into())))
}
