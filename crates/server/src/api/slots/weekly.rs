use crate::use_cases::weekly_availability::{self, Refused};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::meetings::WeeklyAvailability;
use domain::{Channel, Invalid};
use jiff::civil::{Time, Weekday};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::create::{parse_channels, parse_location};
use crate::AppState;
use crate::api::json::SlotJson;
use crate::error::ApiError;
use crate::extract::{ApiJson, StaffActor};
use crate::validate::{Fields, date};

/// A weekly pattern, e.g. Monday to Thursday 9–12 in 30-minute slots, between two dates. Times
/// are Copenhagen wall-clock times.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CreateWeekly {
    /// `monday` … `sunday`.
    #[schema(required = true, example = json!(["monday", "tuesday", "wednesday", "thursday"]))]
    pub weekdays: Option<Vec<String>>,
    #[schema(required = true, example = "09:00")]
    pub day_start: Option<String>,
    #[schema(required = true, example = "12:00")]
    pub day_end: Option<String>,
    #[schema(required = true, example = 30)]
    pub slot_minutes: Option<i64>,
    #[schema(required = true, value_type = String, format = Date)]
    pub first_day: Option<String>,
    #[schema(required = true, value_type = String, format = Date)]
    pub last_day: Option<String>,
    #[schema(required = true, value_type = Vec<Channel>)]
    pub channels: Option<Vec<String>>,
    pub location: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SkippedDay {
    #[schema(value_type = String, format = Date)]
    pub date: String,
    /// The public holiday, in Danish.
    pub holiday: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WeeklyCreated {
    pub slots: Vec<SlotJson>,
    /// Days of the pattern left out because they are public holidays.
    pub skipped: Vec<SkippedDay>,
}

pub fn weekday(s: &str) -> Result<Weekday, Invalid> {
    Ok(match s.trim() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return Err(Invalid::UnknownValue),
    })
}

/// `HH:MM`, 24-hour clock.
pub fn clock_time(s: &str) -> Result<Time, Invalid> {
    let (h, m) = s.trim().split_once(':').ok_or(Invalid::BadFormat)?;
    let (h, m): (i8, i8) = (
        h.parse().map_err(|_| Invalid::BadFormat)?,
        m.parse().map_err(|_| Invalid::BadFormat)?,
    );
    Time::new(h, m, 0, 0).map_err(|_| Invalid::BadFormat)
}

impl CreateWeekly {
    pub fn parse(
        &self,
    ) -> Result<(WeeklyAvailability, Vec<Channel>, Option<String>), Vec<domain::FieldError>> {
        let mut f = Fields::default();
        let weekdays = match &self.weekdays {
            None => {
                f.refuse("weekdays", Invalid::Required);
                None
            }
            Some(days) => days
                .iter()
                .map(|d| f.check("weekdays", weekday(d)))
                .collect::<Option<Vec<_>>>(),
        };
        let weekdays = match weekdays {
            Some(days) if days.is_empty() => {
                f.refuse("weekdays", Invalid::Empty);
                None
            }
            other => other,
        };
        let day_start = f.required("day_start", self.day_start.as_deref(), clock_time);
        let day_end = f.required("day_end", self.day_end.as_deref(), clock_time);
        let slot_minutes = f.check("slot_minutes", self.slot_minutes.ok_or(Invalid::Required));
        let first_day = f.required("first_day", self.first_day.as_deref(), date);
        let last_day = f.required("last_day", self.last_day.as_deref(), date);
        let channels = parse_channels(&mut f, self.channels.as_deref());
        let location = parse_location(&mut f, self.location.as_deref(), channels.as_deref());
        let pattern = (|| {
            Some(WeeklyAvailability {
                weekdays: weekdays?,
                day_start: day_start?,
                day_end: day_end?,
                slot_minutes: slot_minutes?,
                first_day: first_day?,
                last_day: last_day?,
            })
        })();
        if let Some(p) = &pattern
            && let Err((field, problem)) = p.check()
        {
            f.refuse(field, problem);
        }
        f.finish(|| Some((pattern?, channels?, location?)))
    }
}

/// Publishes recurring weekly availability as slots, all or none. Public holidays are left out
/// and listed in `skipped`; an overlap with an existing slot is 409 `overlap`.
#[utoipa::path(
    post, path = "/slots/weekly", tag = "meetings",
    request_body = CreateWeekly,
    security(("bearer" = [])),
    responses(
        (status = 201, body = WeeklyCreated),
        (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiJson(body): ApiJson<CreateWeekly>,
) -> Result<(StatusCode, Json<WeeklyCreated>), ApiError> {
    let (pattern, channels, location) = body.parse()?;
    let published = weekly_availability::publish(
        &state.store,
        &actor,
        &pattern,
        &channels,
        location.as_deref(),
    )
    .await
    .map_err(|refused| match refused {
        Refused::Field(e) => ApiError::Validation(vec![e]),
        Refused::Store(e) => e.into(),
    })?;
    Ok((
        StatusCode::CREATED,
        Json(WeeklyCreated {
            slots: published.slots.into_iter().map(SlotJson::from).collect(),
            skipped: published
                .skipped
                .into_iter()
                .map(|(d, name)| SkippedDay {
                    date: d.to_string(),
                    holiday: name.to_owned(),
                })
                .collect(),
        }),
    ))
}
