//! The caseworker's week: their slots (free or booked) and meetings, day by day, with forms to
//! publish a single time or weekly availability (`forms.rs`), and the private calendar feed for
//! Outlook (`feed.rs`).

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::{Actor, Channel, StaffId};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

use super::context::{Ctx, PageQuery, SignedIn};
use super::form::FormState;
use super::{PageError, render};
use crate::AppState;
use crate::i18n::channel;
use crate::time_fmt::{clock, copenhagen, local_date, long_date};

mod feed;
mod forms;
mod renew;

pub use feed::feed;
pub use forms::{add_single, add_weekly, remove};
pub use renew::renew_feed;

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
    /// Monday of the week shown, so "Fjern" comes back to it.
    this_week: String,
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
    /// `nyt-link` after the feed address was renewed.
    pub besked: Option<String>,
}

pub(super) fn staff_id(user: &SignedIn) -> Result<StaffId, PageError> {
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

pub(super) async fn page(
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
        let text = format!("{} ({})", lang.text("calendar-free"), names.join(", "));
        items.push((
            s.start,
            index(s.start),
            Entry {
                time: format!("{}–{}", clock(s.start), clock(s.end)),
                text,
                meeting_id: None,
                free_slot_id: Some(s.id.to_string()),
            },
        ));
    }
    for (m, citizen_name) in cal
        .meetings
        .iter()
        .filter(|(m, _)| m.status != domain::MeetingStatus::Cancelled)
    {
        let mut text = format!("{citizen_name} – {}", channel(lang, m.channel));
        if m.adviser_id.as_ref().map(|a| a.as_str()) == Some(staff.as_str()) {
            text.push_str(lang.text("calendar-joint"));
        }
        items.push((
            m.start,
            index(m.start),
            Entry {
                time: format!("{}–{}", clock(m.start), clock(m.end)),
                text,
                meeting_id: Some(m.id.to_string()),
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
            lang.text("calendar-week"),
            monday.iso_week_date().week()
        ),
        this_week: monday.to_string(),
        prev: monday.checked_sub(7.days()).unwrap_or(monday).to_string(),
        next: next_monday.to_string(),
        days,
        single,
        weekly,
        feed_url: format!(
            "{}/kalender/{}.ics",
            state.config.public_url,
            state
                .store
                .calendar_feed_token(&staff)
                .await
                .map_err(|e| user.viewer.error(e))?
        ),
        notice,
        channels: Channel::ALL
            .iter()
            .map(|c| (c.as_str(), channel(lang, *c)))
            .collect(),
        weekdays: vec![
            ("monday", lang.text("calendar-monday")),
            ("tuesday", lang.text("calendar-tuesday")),
            ("wednesday", lang.text("calendar-wednesday")),
            ("thursday", lang.text("calendar-thursday")),
            ("friday", lang.text("calendar-friday")),
        ],
    }))
}

/// `GET /medarbejder/kalender?uge=YYYY-MM-DD`.
pub async fn week(
    State(state): State<AppState>,
    user: SignedIn,
    PageQuery(q): PageQuery<WeekQuery>,
) -> Result<Response, PageError> {
    // What the request before did, as a receipt (issue 20).
    let notice = match q.besked.as_deref() {
        Some("nyt-link") => Some("calendar-feed-renewed"),
        Some("fjernet") => Some("calendar-removed"),
        Some("var-booket") => Some("calendar-remove-booked"),
        _ => None,
    }
    .map(|key| user.viewer.ctx().t.text(key).to_owned());
    page(
        &state,
        &user,
        q.uge.as_deref(),
        FormState::default(),
        FormState::default(),
        notice,
    )
    .await
}
