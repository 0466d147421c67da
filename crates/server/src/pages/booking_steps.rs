//! The steps of the booking flow (`booking.rs`) and what each shows: with whom, a week of days
//! that have times, the times of one day, and at one time the channels with whom and where.

use jiff::ToSpan;
use jiff::civil::Date;

use super::PageError;
use super::booking::{BookQuery, TimeKey, WITH_FUND, href};
use super::context::SignedIn;
use crate::AppState;
use crate::i18n::channel;
use crate::time_fmt::{clock, copenhagen, local_date, long_date};
use store::Citizen;

/// Days shown at a time: a week.
const WEEK: i64 = 7;
/// How far ahead the day step looks for the first week with a time.
const HORIZON_DAYS: i64 = 183;
/// The most times one day step reads (a day of 10-minute slots is 54).
const TIMES_PER_DAY: u32 = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    WithWhom,
    Day,
    Time,
    Channel,
}

impl Step {
    /// The step a query is at: each choice made moves it on.
    pub fn of(user: &SignedIn, citizen: &Citizen, q: &BookQuery) -> Step {
        if has_holder_choice(user, citizen, q) && q.med.is_none() {
            Step::WithWhom
        } else if q.tid.is_some() {
            Step::Channel
        } else if q
            .dag
            .as_deref()
            .and_then(|d| d.parse::<Date>().ok())
            .is_some()
        {
            Step::Time
        } else {
            Step::Day
        }
    }

    /// "Trin 2 af 4": this step's number and how many there are for this citizen.
    pub fn number(self, user: &SignedIn, citizen: &Citizen, q: &BookQuery) -> (usize, usize) {
        let first = usize::from(has_holder_choice(user, citizen, q));
        let n = match self {
            Step::WithWhom => 1,
            Step::Day => 1 + first,
            Step::Time => 2 + first,
            Step::Channel => 3 + first,
        };
        (n, 3 + first)
    }
}

/// A citizen insured with an a-kasse books with either (issue 18); staff book with their own
/// organisation, and a move stays with the meeting's.
fn has_holder_choice(user: &SignedIn, citizen: &Citizen, q: &BookQuery) -> bool {
    !user.actor.is_staff() && citizen.unemployment_fund.is_some() && q.flyt.is_none()
}

/// Whether the times are the a-kasse's: staff see their own organisation's; a citizen the
/// a-kasse's when they chose it.
pub fn fund_times(user: &SignedIn, q: &BookQuery) -> bool {
    if user.actor.is_staff() {
        domain::access::works_for_fund(&user.actor)
    } else {
        q.med.as_deref() == Some(WITH_FUND)
    }
}

pub struct DayLink {
    pub href: String,
    pub label: String,
    /// "12 ledige tider".
    pub count: String,
    times: usize,
}

pub struct TimeOption {
    pub key: String,
    pub label: String,
}

pub struct ChannelOption {
    pub code: &'static str,
    pub label: &'static str,
    /// "Med Anna Jensen, Jobcenter Aalborg, Kjellerups Torv 5": whom and where.
    pub with: Option<String>,
    /// Why it cannot be used, if it cannot.
    pub refused: Option<&'static str>,
}

pub enum StepView {
    WithWhom,
    Day {
        days: Vec<DayLink>,
        earlier: Option<String>,
        later: Option<String>,
    },
    Time {
        day: String,
        times: Vec<TimeOption>,
    },
    Channel {
        when: String,
        key: String,
        options: Vec<ChannelOption>,
        may_choose_fund: bool,
    },
}

/// The first moment of a day in Copenhagen.
fn midnight(day: Date) -> Result<jiff::Timestamp, PageError> {
    copenhagen()
        .to_ambiguous_zoned(day.to_datetime(jiff::civil::Time::midnight()))
        .later()
        .map(|z| z.timestamp())
        .map_err(|_| PageError::NotFound)
}

fn plus(day: Date, days: i64) -> Date {
    day.checked_add(days.days()).unwrap_or(day)
}

pub async fn build(
    state: &AppState,
    user: &SignedIn,
    citizen: &Citizen,
    q: &BookQuery,
    step: Step,
) -> Result<StepView, PageError> {
    let err = |e: PageError| user.viewer.error(e);
    let lang = user.viewer.lang;
    let fund = fund_times(user, q);
    let today = local_date(state.store.now());
    let times = |from: Date, to: Date, limit: u32| async move {
        state
            .store
            .free_times(
                &user.actor,
                &citizen.id,
                midnight(from)?,
                midnight(to)?,
                fund,
                q.flyt.as_ref(),
                limit,
            )
            .await
            .map_err(PageError::from)
    };
    Ok(match step {
        Step::WithWhom => StepView::WithWhom,
        Step::Day => {
            let mut week = q
                .fra
                .as_deref()
                .and_then(|d| d.parse::<Date>().ok())
                .filter(|d| *d >= today)
                .unwrap_or(today);
            let mut found = times(week, plus(week, WEEK), 2000).await.map_err(err)?;
            if found.is_empty() {
                // An empty week says nothing: go to the first week that has a time.
                let next = times(plus(week, WEEK), plus(week, HORIZON_DAYS), 1)
                    .await
                    .map_err(err)?;
                if let Some(first) = next.first() {
                    week = local_date(first.start);
                    found = times(week, plus(week, WEEK), 2000).await.map_err(err)?;
                }
            }
            let mut days: Vec<DayLink> = Vec::new();
            for t in &found {
                let date = local_date(t.start);
                let label = long_date(date, lang);
                match days.last_mut() {
                    Some(d) if d.label == label => d.times += 1,
                    _ => days.push(DayLink {
                        href: href(q, &[("fra", &week.to_string()), ("dag", &date.to_string())]),
                        label,
                        count: String::new(),
                        times: 1,
                    }),
                }
            }
            for d in &mut days {
                d.count = lang.fmt("book-day-count", &[("count", d.times.into())]);
            }
            let earlier = (week > today).then(|| {
                let back = plus(week, -WEEK).max(today);
                href(q, &[("fra", &back.to_string())])
            });
            let later =
                (!found.is_empty()).then(|| href(q, &[("fra", &plus(week, WEEK).to_string())]));
            StepView::Day {
                days,
                earlier,
                later,
            }
        }
        Step::Time => {
            let day = q
                .dag
                .as_deref()
                .and_then(|d| d.parse::<Date>().ok())
                .unwrap_or(today)
                .max(today);
            let found = times(day, plus(day, 1), TIMES_PER_DAY).await.map_err(err)?;
            StepView::Time {
                day: long_date(day, lang),
                times: found
                    .iter()
                    .map(|t| TimeOption {
                        key: TimeKey {
                            start: t.start,
                            end: t.end,
                        }
                        .to_string(),
                        label: format!("{}–{}", clock(t.start), clock(t.end)),
                    })
                    .collect(),
            }
        }
        Step::Channel => {
            let Some(time) = q.tid else {
                return Err(err(PageError::BadRequest));
            };
            let choice = choice_at(state, user, q, time)
                .await
                .map_err(|e| err(e.into()))?;
            let options = choice
                .channels
                .iter()
                .map(|c| ChannelOption {
                    code: c.channel.as_str(),
                    label: channel(lang, c.channel),
                    with: c.offers.first().map(|o| with_line(lang, c.channel, o)),
                    refused: c
                        .verdict
                        .err()
                        .map(|r| crate::i18n::channel_refusal_to(lang, r, user.actor.is_staff())),
                })
                .collect();
            StepView::Channel {
                when: crate::time_fmt::when(time.start, time.end, lang),
                key: time.to_string(),
                options,
                may_choose_fund: choice.may_choose_fund,
            }
        }
    })
}

/// Every channel at `time` for the citizen of `q`, with the slots a booking would take: what
/// the last step shows and what booking then tries, read the same way both times.
pub async fn choice_at(
    state: &AppState,
    user: &SignedIn,
    q: &BookQuery,
    time: TimeKey,
) -> Result<store::TimeChoice, store::StoreError> {
    state
        .store
        .time_choice(
            &user.actor,
            &q.borger,
            (time.start, time.end),
            fund_times(user, q),
            q.flyt.as_ref(),
        )
        .await
}

/// Whom the citizen would meet, and for in person where.
fn with_line(lang: crate::i18n::Lang, c: domain::Channel, o: &store::Offer) -> String {
    let name = o.staff_name.as_str().into();
    match (&o.slot.location, c) {
        (Some(place), domain::Channel::InPerson) => lang.fmt(
            "book-with-staff-at",
            &[("name", name), ("place", place.as_str().into())],
        ),
        _ => lang.fmt("book-with-staff", &[("name", name)]),
    }
}
