//! The caseworker's week: their slots (free or booked) and meetings, day by day, with forms to
//! publish a single time or weekly availability, and the private calendar feed for Outlook.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use domain::{Actor, Channel, Invalid, TimeSpan};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;
use store::{NewSlot, StoreError};

use super::context::{Ctx, SignedIn};
use super::form::FormState;
use super::{PageError, render};
use crate::AppState;
use crate::api::slots::create::{parse_channels, parse_location};
use crate::api::slots::weekly::CreateWeekly;
use crate::i18n::channel;
use crate::time_fmt::{clock, copenhagen, local_date, long_date};
use crate::validate::Fields;

pub struct Entry {
    pub time: String,
    pub text: String,
    /// A booked meeting's page.
    pub meeting_id: Option<String>,
    /// A free slot that can be withdrawn.
    pub free_slot_id: Option<String>,
}

pub struct DayColumn {
    pub label: String,
    pub entries: Vec<Entry>,
}

#[derive(Template)]
#[template(path = "staff_calendar.html")]
struct CalendarPage {
    ctx: Ctx,
    days: Vec<DayColumn>,
    week_label: String,
    prev: String,
    next: String,
    single: FormState,
    weekly: FormState,
    feed_url: String,
    notice: Option<String>,
    channels: Vec<(&'static str, &'static str)>,
    weekdays: Vec<(&'static str, &'static str)>,
}

impl CalendarPage {
    fn checked(&self, form: &FormState, name: &str, value: &str) -> bool {
        form.value(name).split(',').any(|v| v == value)
    }
}

#[derive(Debug, Deserialize)]
pub struct WeekQuery {
    pub uge: Option<String>,
}

fn staff_id(user: &SignedIn) -> Result<String, PageError> {
    match &user.actor {
        Actor::Staff { id, .. } => Ok(id.clone()),
        _ => Err(user.viewer.error(PageError::Forbidden)),
    }
}

/// The Monday of the week `uge` falls in (default this week).
fn monday(uge: Option<&str>, today: Date) -> Date {
    let day = uge.and_then(|s| s.parse::<Date>().ok()).unwrap_or(today);
    let back = i64::from(day.weekday().to_monday_zero_offset());
    day.checked_sub(back.days()).unwrap_or(day)
}

async fn page(
    state: &AppState,
    user: &SignedIn,
    uge: Option<&str>,
    single: FormState,
    weekly: FormState,
    notice: Option<String>,
) -> Result<Response, PageError> {
    let staff = staff_id(user)?;
    let lang = user.viewer.lang;
    let monday = monday(uge, local_date(state.store.now()));
    let tz = copenhagen();
    let at_midnight = |d: Date| {
        tz.to_ambiguous_zoned(d.to_datetime(jiff::civil::Time::midnight()))
            .later()
            .map(|z| z.timestamp())
    };
    let next_monday = monday.checked_add(7.days()).unwrap_or(monday);
    let (Ok(from), Ok(to)) = (at_midnight(monday), at_midnight(next_monday)) else {
        return Err(user.viewer.error(PageError::NotFound));
    };
    let cal = state
        .store
        .staff_calendar(&user.actor, from, to)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let mut days: Vec<DayColumn> = (0..7)
        .map(|i| DayColumn {
            label: long_date(monday.checked_add(i.days()).unwrap_or(monday), lang),
            entries: Vec::new(),
        })
        .collect();
    let index = |t: jiff::Timestamp| {
        usize::try_from((local_date(t) - monday).get_days())
            .unwrap_or(0)
            .min(6)
    };
    let mut items: Vec<(jiff::Timestamp, usize, Entry)> = Vec::new();
    for s in cal.slots.iter().filter(|s| s.meeting_id.is_none()) {
        let names: Vec<&str> = s.channels.iter().map(|c| channel(lang, *c)).collect();
        let text = format!("{} ({})", lang.pick("Ledig", "Free"), names.join(", "));
        items.push((
            s.start,
            index(s.start),
            Entry {
                time: format!("{}–{}", clock(s.start), clock(s.end)),
                text,
                meeting_id: None,
                free_slot_id: Some(s.id.clone()),
            },
        ));
    }
    for (m, citizen_name) in cal
        .meetings
        .iter()
        .filter(|(m, _)| m.status != domain::MeetingStatus::Cancelled)
    {
        let mut text = format!("{citizen_name} – {}", channel(lang, m.channel));
        if m.adviser_id.as_deref() == Some(staff.as_str()) {
            text.push_str(lang.pick(" (fælles samtale)", " (joint meeting)"));
        }
        items.push((
            m.start,
            index(m.start),
            Entry {
                time: format!("{}–{}", clock(m.start), clock(m.end)),
                text,
                meeting_id: Some(m.id.clone()),
                free_slot_id: None,
            },
        ));
    }
    items.sort_by_key(|(t, _, _)| *t);
    for (_, i, e) in items {
        if let Some(day) = days.get_mut(i) {
            day.entries.push(e);
        }
    }
    Ok(render(&CalendarPage {
        ctx: user.viewer.ctx(),
        week_label: format!(
            "{} {}",
            lang.pick("Uge", "Week"),
            monday.iso_week_date().week()
        ),
        prev: monday.checked_sub(7.days()).unwrap_or(monday).to_string(),
        next: next_monday.to_string(),
        days,
        single,
        weekly,
        feed_url: format!(
            "{}/kalender/{}.ics",
            state.config.public_url,
            state.store.calendar_feed_token(&staff)
        ),
        notice,
        channels: Channel::ALL
            .iter()
            .map(|c| (c.as_str(), channel(lang, *c)))
            .collect(),
        weekdays: vec![
            ("monday", lang.pick("Mandag", "Monday")),
            ("tuesday", lang.pick("Tirsdag", "Tuesday")),
            ("wednesday", lang.pick("Onsdag", "Wednesday")),
            ("thursday", lang.pick("Torsdag", "Thursday")),
            ("friday", lang.pick("Fredag", "Friday")),
        ],
    }))
}

/// `GET /medarbejder/kalender?uge=YYYY-MM-DD`.
pub async fn week(
    State(state): State<AppState>,
    user: SignedIn,
    Query(q): Query<WeekQuery>,
) -> Result<Response, PageError> {
    page(
        &state,
        &user,
        q.uge.as_deref(),
        FormState::default(),
        FormState::default(),
        None,
    )
    .await
}

/// Form values with repeated keys (checkboxes) joined by commas.
pub fn joined(pairs: Vec<(String, String)>) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    for (k, v) in pairs {
        out.entry(k)
            .and_modify(|e| {
                e.push(',');
                e.push_str(&v);
            })
            .or_insert(v);
    }
    out
}

/// Checked boxes of a group; none checked is an empty list (refused as "choose at least one").
fn list(values: &HashMap<String, String>, key: &str) -> Option<Vec<String>> {
    let raw = values.get(key).map_or("", String::as_str);
    Some(
        raw.split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

/// A store refusal shown on the form, or an error page for what the reader cannot fix.
fn refused(user: &SignedIn, form: &mut FormState, e: StoreError) -> Result<(), PageError> {
    let t = user.viewer.ctx().t;
    match e {
        StoreError::Conflict(code) => {
            form.add_error(t, "date", crate::i18n::conflict(t.lang, code))
        }
        StoreError::Invalid(errors) => *form = std::mem::take(form).with_errors(t, &errors),
        other => return Err(user.viewer.error(other)),
    }
    Ok(())
}

/// `POST /medarbejder/tider`: one slot on a day, from–to in Copenhagen time.
pub async fn add_single(
    State(state): State<AppState>,
    user: SignedIn,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let values = joined(pairs);
    user.check_csrf(values.get("csrf"))?;
    let t = user.viewer.ctx().t;
    let mut f = Fields::default();
    let date = f.required(
        "date",
        values.get("date").map(String::as_str),
        crate::validate::date,
    );
    let start = f.required(
        "day_start",
        values.get("day_start").map(String::as_str),
        crate::api::slots::weekly::clock_time,
    );
    let end = f.required(
        "day_end",
        values.get("day_end").map(String::as_str),
        crate::api::slots::weekly::clock_time,
    );
    let channels = parse_channels(&mut f, list(&values, "channels").as_deref());
    let location = parse_location(
        &mut f,
        values.get("location").map(String::as_str),
        channels.as_deref(),
    );
    let tz = copenhagen();
    let span = match (date, start, end) {
        (Some(d), Some(s), Some(e)) => {
            let s = tz
                .to_ambiguous_zoned(d.to_datetime(s))
                .later()
                .map(|z| z.timestamp());
            let e = tz
                .to_ambiguous_zoned(d.to_datetime(e))
                .later()
                .map(|z| z.timestamp());
            match (s, e) {
                (Ok(s), Ok(e)) => f.check("day_end", TimeSpan::new(s, e)),
                _ => f.check("date", Err(Invalid::Date)),
            }
        }
        _ => None,
    };
    let uge = values.get("date").cloned();
    let mut form = FormState::new(values);
    match f.finish(|| {
        Some(NewSlot {
            span: span?,
            channels: channels?,
            location: location?,
        })
    }) {
        Err(errors) => form = form.with_errors(t, &errors),
        Ok(slot) => match state.store.create_slots(&user.actor, &[slot]).await {
            Ok(_) => {
                return Ok(Redirect::to(&format!(
                    "/medarbejder/kalender?uge={}",
                    uge.unwrap_or_default()
                ))
                .into_response());
            }
            Err(e) => refused(&user, &mut form, e)?,
        },
    }
    let mut response = page(
        &state,
        &user,
        uge.as_deref(),
        form,
        FormState::default(),
        None,
    )
    .await?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// `POST /medarbejder/tider/ugentlig`: weekly availability; public holidays are left out.
pub async fn add_weekly(
    State(state): State<AppState>,
    user: SignedIn,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let values = joined(pairs);
    user.check_csrf(values.get("csrf"))?;
    let t = user.viewer.ctx().t;
    let body = CreateWeekly {
        weekdays: list(&values, "weekdays"),
        day_start: values.get("day_start").cloned(),
        day_end: values.get("day_end").cloned(),
        slot_minutes: values
            .get("slot_minutes")
            .and_then(|v| v.trim().parse().ok())
            .or(Some(0)),
        first_day: values.get("first_day").cloned(),
        last_day: values.get("last_day").cloned(),
        channels: list(&values, "channels"),
        location: values.get("location").cloned(),
    };
    let uge = values.get("first_day").cloned();
    let mut form = FormState::new(values);
    match body.parse() {
        Err(errors) => form = form.with_errors(t, &errors),
        Ok((pattern, channels, location)) => {
            let expansion = pattern
                .expand(&copenhagen())
                .map_err(|_| user.viewer.error(PageError::NotFound))?;
            let slots = crate::api::slots::weekly::future_slots(
                &expansion,
                state.store.now(),
                &channels,
                location.as_deref(),
            );
            if slots.is_empty() {
                form.add_error(t, "first_day", t.invalid(&Invalid::Empty));
            } else {
                match state.store.create_slots(&user.actor, &slots).await {
                    Ok(created) => {
                        let skipped: Vec<String> = expansion
                            .skipped
                            .iter()
                            .map(|(d, name)| format!("{name} ({d})"))
                            .collect();
                        let mut notice = format!(
                            "{} {}.",
                            created.len(),
                            t.pick("tider er oprettet", "times were created")
                        );
                        if !skipped.is_empty() {
                            notice.push_str(&format!(
                                " {} {}.",
                                t.pick(
                                    "Helligdage er sprunget over:",
                                    "Public holidays were left out:"
                                ),
                                skipped.join(", ")
                            ));
                        }
                        return page(
                            &state,
                            &user,
                            uge.as_deref(),
                            FormState::default(),
                            FormState::default(),
                            Some(notice),
                        )
                        .await;
                    }
                    Err(e) => refused(&user, &mut form, e)?,
                }
            }
        }
    }
    let mut response = page(
        &state,
        &user,
        uge.as_deref(),
        FormState::default(),
        form,
        None,
    )
    .await?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// `POST /medarbejder/tider/{id}/slet`: withdraws a free slot.
pub async fn remove(
    State(state): State<AppState>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    match state.store.delete_slot(&user.actor, &id).await {
        Ok(()) | Err(StoreError::Conflict(_)) => {}
        Err(e) => return Err(user.viewer.error(e)),
    }
    let uge = values.get("uge").cloned().unwrap_or_default();
    Ok(Redirect::to(&format!("/medarbejder/kalender?uge={uge}")).into_response())
}

/// `GET /kalender/{token}.ics`: the private feed Outlook subscribes to (no sign-in; the token is
/// the secret). Meetings only, without citizens' names.
pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, PageError> {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    let meetings = state.store.calendar_feed(token).await?;
    let url = &state.config.public_url;
    let events: Vec<crate::ics::Event<'_>> = meetings
        .iter()
        .map(|m| crate::ics::Event {
            meeting: m,
            summary: format!(
                "Jobunivers: samtale ({})",
                channel(crate::i18n::Lang::Da, m.channel).to_lowercase()
            ),
            description: String::new(),
            url: format!("{url}/samtaler/{}", m.id),
        })
        .collect();
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        crate::ics::calendar("Jobunivers – mine samtaler", &events),
    )
        .into_response())
}
