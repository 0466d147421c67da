//! An organisation's chat opening hours: one span a weekday, Copenhagen time; closed on public
//! holidays. Its managers set them (or an administrator).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use domain::chat::{ChatHours, OpenSpan, hours::DAYS};
use domain::messages::ThreadHolder;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson, ApiPath};

/// One day's opening, "09:00" to "15:00".
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DayHours {
    #[schema(example = "09:00")]
    pub opens: String,
    #[schema(example = "15:00")]
    pub closes: String,
}

/// The week: `monday` … `sunday`, each a day's hours or `null`/absent for closed.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WeekHours {
    pub monday: Option<DayHours>,
    pub tuesday: Option<DayHours>,
    pub wednesday: Option<DayHours>,
    pub thursday: Option<DayHours>,
    pub friday: Option<DayHours>,
    pub saturday: Option<DayHours>,
    pub sunday: Option<DayHours>,
}

/// The English day names of the JSON, Monday first, as `DAYS` orders them.
pub const DAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl WeekHours {
    fn days(&self) -> [&Option<DayHours>; 7] {
        [
            &self.monday,
            &self.tuesday,
            &self.wednesday,
            &self.thursday,
            &self.friday,
            &self.saturday,
            &self.sunday,
        ]
    }

    /// The hours, or every refusal, named `monday.opens` and so on (`monday` when it closes
    /// before it opens).
    pub fn parse(&self) -> Result<ChatHours, Vec<domain::FieldError>> {
        let mut days = [None; 7];
        let mut errors = Vec::new();
        for (at, (day, name)) in self.days().into_iter().zip(DAY_NAMES).enumerate() {
            let Some(d) = day else { continue };
            match OpenSpan::parse(&d.opens, &d.closes) {
                Ok(span) => days[at] = Some(span),
                Err(problem) => errors.push(domain::FieldError {
                    field: field_name(name, d),
                    problem,
                }),
            }
        }
        if errors.is_empty() {
            Ok(ChatHours::new(days))
        } else {
            Err(errors)
        }
    }

    pub fn from_hours(hours: &ChatHours) -> WeekHours {
        let mut by_name: BTreeMap<&str, DayHours> = BTreeMap::new();
        for ((_, _), (span, name)) in DAYS.iter().zip(hours.days().iter().zip(DAY_NAMES)) {
            if let Some(s) = span {
                by_name.insert(
                    name,
                    DayHours {
                        opens: s.opens.strftime("%H:%M").to_string(),
                        closes: s.closes.strftime("%H:%M").to_string(),
                    },
                );
            }
        }
        WeekHours {
            monday: by_name.remove("monday"),
            tuesday: by_name.remove("tuesday"),
            wednesday: by_name.remove("wednesday"),
            thursday: by_name.remove("thursday"),
            friday: by_name.remove("friday"),
            saturday: by_name.remove("saturday"),
            sunday: by_name.remove("sunday"),
        }
    }
}

/// Which field a refusal names: the time that does not read, else the closing time that is
/// not after the opening.
fn field_name(day: &str, d: &DayHours) -> std::borrow::Cow<'static, str> {
    let part = if domain::chat::hours::clock_time(&d.opens).is_err() {
        "opens"
    } else {
        "closes"
    };
    format!("{day}.{part}").into()
}

async fn set(
    state: &AppState,
    actor: &domain::Actor,
    org: store::ChatOrg,
    body: &WeekHours,
) -> Result<Json<WeekHours>, ApiError> {
    let hours = body.parse().map_err(ApiError::Validation)?;
    state.store.set_chat_hours(actor, &org, &hours).await?;
    Ok(Json(WeekHours::from_hours(&hours)))
}

/// Sets a municipality's (its jobcentre's) chat hours: its managers or an administrator; 422
/// naming `monday.opens` and so on; 403 for others.
#[utoipa::path(
    put, path = "/municipalities/{code}/chat-hours", tag = "chat",
    params(("code" = String, Path)),
    request_body = WeekHours,
    security(("bearer" = [])),
    responses(
        (status = 200, body = WeekHours),
        (status = 403, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn municipality(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(code): ApiPath<domain::MunicipalityCode>,
    ApiJson(body): ApiJson<WeekHours>,
) -> Result<Json<WeekHours>, ApiError> {
    let org = store::ChatOrg {
        holder: ThreadHolder::Jobcenter,
        code: code.as_str().to_owned(),
    };
    set(&state, &actor, org, &body).await
}

/// Sets an a-kasse's chat hours: its managers or an administrator.
#[utoipa::path(
    put, path = "/funds/{code}/chat-hours", tag = "chat",
    params(("code" = String, Path)),
    request_body = WeekHours,
    security(("bearer" = [])),
    responses(
        (status = 200, body = WeekHours),
        (status = 403, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn fund(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(code): ApiPath<domain::FundCode>,
    ApiJson(body): ApiJson<WeekHours>,
) -> Result<Json<WeekHours>, ApiError> {
    let org = store::ChatOrg {
        holder: ThreadHolder::AKasse,
        code: code.as_str().to_owned(),
    };
    set(&state, &actor, org, &body).await
}
