//! "Chattens åbningstider" (`/medarbejder/chat/aabningstider`, issue 21): an organisation's
//! managers set one span a weekday; public holidays are closed by themselves. The form is read
//! by the API's parser (`api::chat::hours::WeekHours`), so both refuse the same things.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::{Actor, Role};

use super::context::{Ctx, SignedIn};
use super::form::FormState;
use super::{PageError, render_form};
use crate::AppState;
use crate::api::chat::hours::{DAY_NAMES, DayHours, WeekHours};

/// A weekday's row: its name and its two fields (`monday_opens`, `monday_closes`).
pub struct DayRow {
    pub label_key: &'static str,
    pub opens: String,
    pub closes: String,
}

#[derive(Template)]
#[template(path = "chat_hours.html")]
struct HoursPage {
    ctx: Ctx,
    days: Vec<DayRow>,
    form: FormState,
    saved: bool,
}

const LABELS: [&str; 7] = [
    "chat-hours-monday",
    "chat-hours-tuesday",
    "chat-hours-wednesday",
    "chat-hours-thursday",
    "chat-hours-friday",
    "chat-hours-saturday",
    "chat-hours-sunday",
];

fn rows() -> Vec<DayRow> {
    DAY_NAMES
        .iter()
        .zip(LABELS)
        .map(|(day, label_key)| DayRow {
            label_key,
            opens: format!("{day}_opens"),
            closes: format!("{day}_closes"),
        })
        .collect()
}

/// Managers only: the hours are their organisation's to decide.
fn managers_org(user: &SignedIn) -> Result<store::ChatOrg, PageError> {
    match &user.actor {
        Actor::Staff {
            role: Role::Manager,
            ..
        } => store::ChatOrg::of_staff(&user.actor)
            .ok_or_else(|| user.viewer.error(store::StoreError::Forbidden)),
        _ => Err(user.viewer.error(store::StoreError::Forbidden)),
    }
}

/// `GET /medarbejder/chat/aabningstider` (`?gemt=1` after saving).
pub async fn page(
    State(state): State<AppState>,
    user: SignedIn,
    axum::extract::Query(q): axum::extract::Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let org = managers_org(&user)?;
    let hours = state
        .store
        .chat_hours(&org)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let week = serde_json::to_value(WeekHours::from_hours(&hours)).unwrap_or_default();
    let mut values = HashMap::new();
    for day in DAY_NAMES {
        if let Ok(d) = serde_json::from_value::<DayHours>(week[day].clone()) {
            values.insert(format!("{day}_opens"), d.opens.replace(':', "."));
            values.insert(format!("{day}_closes"), d.closes.replace(':', "."));
        }
    }
    Ok(render_form(
        &HoursPage {
            ctx: user.viewer.ctx(),
            days: rows(),
            form: FormState::new(values),
            saved: q.contains_key("gemt"),
        },
        false,
    ))
}

/// `POST /medarbejder/chat/aabningstider`: both fields empty is a closed day.
pub async fn save(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let org = managers_org(&user)?;
    let day = |name: &str| -> Option<DayHours> {
        let opens = values
            .get(&format!("{name}_opens"))
            .map_or("", |v| v.trim());
        let closes = values
            .get(&format!("{name}_closes"))
            .map_or("", |v| v.trim());
        (!opens.is_empty() || !closes.is_empty()).then(|| DayHours {
            opens: opens.to_owned(),
            closes: closes.to_owned(),
        })
    };
    let week = WeekHours {
        monday: day("monday"),
        tuesday: day("tuesday"),
        wednesday: day("wednesday"),
        thursday: day("thursday"),
        friday: day("friday"),
        saturday: day("saturday"),
        sunday: day("sunday"),
    };
    let t = user.viewer.ctx().t;
    match week.parse() {
        Ok(hours) => {
            state
                .store
                .set_chat_hours(&user.actor, &org, &hours)
                .await
                .map_err(|e| user.viewer.error(e))?;
            Ok(Redirect::to("/medarbejder/chat/aabningstider?gemt=1").into_response())
        }
        Err(errors) => {
            // The API names `monday.opens`; the page's field is `monday_opens`.
            let errors: Vec<domain::FieldError> = errors
                .into_iter()
                .map(|e| domain::FieldError {
                    field: e.field.replace('.', "_").into(),
                    problem: e.problem,
                })
                .collect();
            let mut form = FormState::new(values);
            for e in &errors {
                let message = match e.problem {
                    domain::Invalid::Combination => t.text("chat-hours-closes-before"),
                    domain::Invalid::Blank => t.text("chat-hours-both"),
                    _ => t.text("chat-hours-bad-time"),
                };
                form.add_error(t, &e.field, message);
            }
            Ok(render_form(
                &HoursPage {
                    ctx: user.viewer.ctx(),
                    days: rows(),
                    form,
                    saved: false,
                },
                true,
            ))
        }
    }
}
