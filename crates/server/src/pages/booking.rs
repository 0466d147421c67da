//! Booking and moving a meeting without JavaScript, in two steps: choose a time (days with
//! their free times as links), then a channel for that time, with the reason beside each channel
//! that cannot be used. The same pages serve the citizen and staff booking on their behalf;
//! staff may also require attendance in person and add the a-kasse.

use domain::{Channel, CitizenId, MeetingId, SlotId};
use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::ToSpan;
use serde::Deserialize;
use store::{Citizen, NewMeeting, StoreError};

use super::context::{Ctx, PageQuery, SignedIn};
use super::meetings::refusal_message;
use super::{PageError, render};
use crate::AppState;
use crate::i18n::{channel, channel_refusal};
use crate::time_fmt::{clock, copenhagen, local_date, long_date};

#[derive(Debug, Deserialize)]
pub struct BookQuery {
    pub borger: CitizenId,
    /// The meeting being moved, if any.
    pub flyt: Option<MeetingId>,
    /// The chosen slot.
    pub tid: Option<SlotId>,
    /// First day shown, `YYYY-MM-DD`.
    pub fra: Option<String>,
    /// `akasse`: a citizen books with their a-kasse rather than the jobcenter.
    pub med: Option<String>,
}

impl BookQuery {
    fn with_fund(&self) -> bool {
        self.med.as_deref() == Some(WITH_FUND)
    }
}

/// The value of `med` for the a-kasse's times.
const WITH_FUND: &str = "akasse";

pub struct TimeLink {
    pub slot_id: String,
    pub label: String,
}

pub struct Day {
    pub label: String,
    pub times: Vec<TimeLink>,
}

pub struct ChannelOption {
    pub code: &'static str,
    pub label: &'static str,
    /// Why it cannot be used, if it cannot.
    pub refused: Option<&'static str>,
}

pub struct Chosen {
    pub slot_id: String,
    pub when: String,
    pub channels: Vec<ChannelOption>,
    pub may_choose_fund: bool,
}

#[derive(Template)]
#[template(path = "book.html")]
struct BookPage {
    ctx: Ctx,
    citizen: Citizen,
    moving: Option<MeetingId>,
    is_staff: bool,
    days: Vec<Day>,
    from: String,
    next_from: String,
    chosen: Option<Chosen>,
    message: Option<String>,
    values: HashMap<String, String>,
    /// The times shown are the a-kasse's.
    fund_times: bool,
    /// A citizen insured with an a-kasse chooses whom to book with: the jobcenter or the
    /// a-kasse (issue 18), under the same channel rules.
    holder_choice: bool,
    /// Staff: the organisation's locations, for a call-in.
    locations: Vec<super::booking_call_in::LocationOption>,
}

impl BookPage {
    fn value(&self, key: &str) -> &str {
        self.values.get(key).map_or("", String::as_str)
    }

    /// The link to a time, keeping the citizen, the move and the shown period.
    fn time_href(&self, slot_id: &str) -> String {
        let href = format!(
            "/samtaler/ny?borger={}&tid={slot_id}&fra={}",
            self.citizen.id, self.from
        );
        self.keep(href)
    }

    fn period_href(&self, from: &str) -> String {
        self.keep(format!(
            "/samtaler/ny?borger={}&fra={from}",
            self.citizen.id
        ))
    }

    /// The first page of times with the jobcenter (`false`) or the a-kasse (`true`).
    fn holder_href(&self, fund: bool) -> String {
        let mut href = format!("/samtaler/ny?borger={}", self.citizen.id);
        if fund {
            href.push_str(&format!("&med={WITH_FUND}"));
        }
        href
    }

    /// Keeps the move and the a-kasse choice on a link.
    fn keep(&self, mut href: String) -> String {
        if let Some(m) = &self.moving {
            href.push_str(&format!("&flyt={m}"));
        }
        if self.fund_times && !self.is_staff {
            href.push_str(&format!("&med={WITH_FUND}"));
        }
        href
    }
}

const DAYS_SHOWN: i64 = 14;

async fn page(
    state: &AppState,
    user: &SignedIn,
    q: &BookQuery,
    message: Option<String>,
    values: HashMap<String, String>,
) -> Result<Response, PageError> {
    let err = |e: StoreError| user.viewer.error(e);
    let lang = user.viewer.lang;
    let citizen = state
        .store
        .citizen(&user.actor, &q.borger)
        .await
        .map_err(err)?;
    let today = local_date(state.store.now());
    let from = q
        .fra
        .as_deref()
        .and_then(|s| s.parse::<jiff::civil::Date>().ok())
        .filter(|d| *d >= today)
        .unwrap_or(today);
    let until = from.checked_add(DAYS_SHOWN.days()).unwrap_or(from);
    let tz = copenhagen();
    let start = tz
        .to_ambiguous_zoned(from.to_datetime(jiff::civil::Time::midnight()))
        .later()
        .map(|z| z.timestamp());
    let end = tz
        .to_ambiguous_zoned(until.to_datetime(jiff::civil::Time::midnight()))
        .later()
        .map(|z| z.timestamp());
    let (Ok(start), Ok(end)) = (start, end) else {
        return Err(user.viewer.error(PageError::NotFound));
    };
    // Staff see their own organisation's times; a citizen the jobcenter's, or the a-kasse's
    // when they chose it and have one.
    let holder_choice =
        !user.actor.is_staff() && citizen.unemployment_fund.is_some() && q.flyt.is_none();
    let fund_times = if user.actor.is_staff() {
        domain::access::works_for_fund(&user.actor)
    } else {
        q.with_fund() && citizen.unemployment_fund.is_some()
    };
    let slots = state
        .store
        .available_slots(
            &user.actor,
            &citizen.id,
            start,
            end,
            fund_times,
            q.flyt.as_ref(),
            500,
        )
        .await
        .map_err(err)?;
    let mut days: Vec<Day> = Vec::new();
    for s in &slots {
        let label = long_date(local_date(s.start), lang);
        let names: Vec<&str> = s.channels.iter().map(|c| channel(lang, *c)).collect();
        let time = TimeLink {
            slot_id: s.id.to_string(),
            label: format!("{}–{} ({})", clock(s.start), clock(s.end), names.join(", ")),
        };
        match days.last_mut() {
            Some(day) if day.label == label => day.times.push(time),
            _ => days.push(Day {
                label,
                times: vec![time],
            }),
        }
    }
    let chosen = match &q.tid {
        None => None,
        Some(slot_id) => {
            let choice = state
                .store
                .slot_choice(&user.actor, &citizen.id, slot_id, q.flyt.as_ref())
                .await
                .map_err(err)?;
            Some(Chosen {
                slot_id: choice.slot.id.to_string(),
                when: crate::time_fmt::when(choice.slot.start, choice.slot.end, lang),
                channels: choice
                    .verdicts
                    .iter()
                    .map(|(c, verdict)| ChannelOption {
                        code: c.as_str(),
                        label: channel(lang, *c),
                        refused: verdict.err().map(|r| channel_refusal(lang, r)),
                    })
                    .collect(),
                may_choose_fund: choice.may_choose_fund,
            })
        }
    };
    let locations = if user.actor.is_staff() && chosen.is_some() {
        super::booking_call_in::options(state.store.locations(&user.actor).await.map_err(err)?)
    } else {
        Vec::new()
    };
    let status = if message.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let mut response = render(&BookPage {
        ctx: user.viewer.ctx(),
        moving: q.flyt.clone(),
        is_staff: user.actor.is_staff(),
        days,
        from: from.to_string(),
        next_from: until.to_string(),
        chosen,
        message,
        values,
        citizen,
        fund_times,
        holder_choice,
        locations,
    });
    *response.status_mut() = status;
    Ok(response)
}

/// `GET /samtaler/ny?borger=…[&tid=…][&flyt=…]`.
pub async fn form(
    State(state): State<AppState>,
    user: SignedIn,
    PageQuery(q): PageQuery<BookQuery>,
) -> Result<Response, PageError> {
    page(&state, &user, &q, None, HashMap::new()).await
}

/// `POST /samtaler/ny`: books (or moves) and shows the meeting, or the choice again with why not.
pub async fn submit(
    State(state): State<AppState>,
    user: SignedIn,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    let lang = user.viewer.lang;
    let get = |k: &str| {
        values
            .get(k)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    // Ids the form carries back are parsed like ids in a path: one that cannot be ours names
    // nothing.
    let not_found = |_| user.viewer.error(PageError::NotFound);
    let q = BookQuery {
        borger: CitizenId::try_from(get("borger").unwrap_or_default()).map_err(not_found)?,
        flyt: get("flyt")
            .map(MeetingId::try_from)
            .transpose()
            .map_err(not_found)?,
        tid: get("tid")
            .map(SlotId::try_from)
            .transpose()
            .map_err(not_found)?,
        fra: get("fra"),
        med: get("med"),
    };
    let Some(slot_id) = q.tid.clone() else {
        return page(
            &state,
            &user,
            &q,
            Some(crate::i18n::invalid_message(lang, domain::Invalid::Required).to_owned()),
            values.clone(),
        )
        .await;
    };
    let Some(channel) = get("channel").and_then(|c| Channel::try_from(c.as_str()).ok()) else {
        let text = lang.text("book-choose-channel");
        return page(&state, &user, &q, Some(text.to_owned()), values.clone()).await;
    };
    let result = match &q.flyt {
        Some(meeting_id) => {
            state
                .store
                .move_meeting(&user.actor, meeting_id, &slot_id, Some(channel))
                .await
        }
        None => {
            let attendance_reason = (get("attendance").is_some() && user.actor.is_staff())
                .then(|| get("attendance_reason"))
                .flatten();
            if get("attendance").is_some() && attendance_reason.is_none() {
                let text = lang.text("book-attendance-reason-required");
                return page(&state, &user, &q, Some(text.to_owned()), values.clone()).await;
            }
            let call_in = match user.actor.is_staff() {
                true => match super::booking_call_in::parse(&values, lang) {
                    Ok(c) => c,
                    Err(text) => return page(&state, &user, &q, Some(text), values.clone()).await,
                },
                false => None,
            };
            let with_fund = get("with_fund").as_deref() == Some("yes");
            let purpose = get("purpose").map(|p| p.chars().take(500).collect());
            let req = NewMeeting {
                citizen_id: q.borger.clone(),
                slot_id,
                channel,
                purpose,
                attendance_reason,
                with_fund,
                call_in,
            };
            state.store.book_meeting(&user.actor, &req).await
        }
    };
    match result {
        Ok(m) => Ok(Redirect::to(&format!("/samtaler/{}", m.id)).into_response()),
        Err(e) => {
            match super::booking_call_in::refusal(lang, &e).or_else(|| refusal_message(lang, &e)) {
                Some(message) => page(&state, &user, &q, Some(message), values.clone()).await,
                None => Err(user.viewer.error(e)),
            }
        }
    }
}
