//! Publishing and withdrawing times from the calendar page, with refusals beside the fields.

use std::collections::HashMap;

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::{Invalid, TimeSpan};
use store::{NewSlot, StoreError};

use crate::AppState;
use crate::api::slots::create::{parse_channels, parse_location};
use crate::api::slots::weekly::CreateWeekly;
use crate::pages::PageError;
use crate::pages::context::SignedIn;
use crate::pages::form::FormState;
use crate::pages::path::PagePath;
use crate::time_fmt::copenhagen;
use crate::use_cases::weekly_availability::{self, Refused};
use crate::validate::Fields;

use super::page;

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

/// The receipt after publishing: how many times, and the public holidays left out.
fn published_notice(t: crate::i18n::Texts, published: &weekly_availability::Published) -> String {
    let count = published.slots.len();
    let mut notice = t
        .lang
        .fmt("calendar-times-created", &[("count", count.into())]);
    if !published.skipped.is_empty() {
        let days: Vec<String> = published
            .skipped
            .iter()
            .map(|(d, name)| format!("{name} ({})", catalogue::dates::long_date(t.lang, *d)))
            .collect();
        notice.push(' ');
        notice.push_str(&t.lang.fmt(
            "calendar-holidays-skipped",
            &[("days", days.join(", ").as_str().into())],
        ));
    }
    notice
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
            let published = weekly_availability::publish(
                &state.store,
                &user.actor,
                &pattern,
                &channels,
                location.as_deref(),
            )
            .await;
            match published {
                Ok(published) => {
                    let notice = published_notice(t, &published);
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
                Err(Refused::Field(e)) => form.add_error(t, &e.field, t.invalid(&e.problem)),
                Err(Refused::Store(e)) => refused(&user, &mut form, e)?,
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
    PagePath(id): PagePath<domain::SlotId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let said = match state.store.delete_slot(&user.actor, &id).await {
        Ok(()) => "fjernet",
        // Booked meanwhile: it stays, and the receipt says so.
        Err(StoreError::Conflict(_)) => "var-booket",
        Err(e) => return Err(user.viewer.error(e)),
    };
    // Back to the week it was removed from, whatever the form says (a date or nothing).
    let uge = values
        .get("uge")
        .and_then(|u| u.parse::<jiff::civil::Date>().ok())
        .map(|d| d.to_string())
        .unwrap_or_default();
    Ok(Redirect::to(&format!("/medarbejder/kalender?uge={uge}&besked={said}")).into_response())
}
