//! `GET /leder/rapporter`: contacts and satisfaction for a period, grouped by channel, target
//! group or municipality; a bar chart drawn on the server as SVG with the same numbers in the
//! table beside it (for screen readers and for reading exact figures), and the table as CSV
//! (`/leder/rapporter.csv`, semicolons and decimal commas, as Danish Excel reads it).

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use domain::contact_report::{ContactRow, GroupBy};

use super::context::{Ctx, PageQuery, SignedIn};
use super::form::FormState;
use super::period::{DatesQuery, chosen, scope};
use super::{PageError, render};
use crate::AppState;
use crate::i18n::Texts;

/// One row as shown: the group's name and each figure as text.
pub struct Row {
    pub name: String,
    pub meetings: u64,
    pub held: u64,
    pub cancelled: u64,
    pub cancelled_late: u64,
    pub no_show: u64,
    pub answered: u64,
    pub satisfied: String,
    pub channel_fit: String,
    pub personal: String,
    pub helpful: String,
    pub wants_remote: String,
    pub citizen_booked: String,
    /// Shares of the answers given digitally, by phone and on paper (issue 19).
    pub by_digital: String,
    pub by_phone: String,
    pub by_paper: String,
    /// The chart's bar: width in the SVG's units, `None` when suppressed.
    pub bar: Option<u32>,
}

#[derive(Template)]
#[template(path = "contact_report.html")]
struct ReportPage {
    ctx: Ctx,
    rows: Vec<Row>,
    form: FormState,
    groups: Vec<(String, &'static str)>,
    /// For administrators: "all" and every municipality, to choose one; empty for managers.
    towns: Vec<(String, String)>,
    /// The query string for the CSV link.
    query: String,
    chart_height: u32,
    /// Which months the answers are from, in words.
    answers: String,
    /// The chat's figures for the period (issue 21): label and value.
    chat: Vec<(&'static str, String)>,
    /// The queue per clock hour of the day.
    chat_hours: Vec<ChatHourRow>,
    /// Self-help searches without an answer, by at least five citizens: (words, citizens).
    help_misses: Vec<(String, u64)>,
}

/// Width of a full (100 %) bar in the chart.
const BAR: f64 = 400.0;

fn share(t: Texts, s: Option<f64>) -> String {
    s.map_or_else(
        || t.text("report-too-few").to_owned(),
        |x| format!("{:.0} %", x * 100.0),
    )
}

/// A group's key as people read it (also in the committee PDF).
pub(super) fn group_name(t: Texts, group: GroupBy, key: &str, towns: &[store::Org]) -> String {
    if key == domain::survey_release::OTHER {
        return t.text("report-other").to_owned();
    }
    match group {
        GroupBy::Channel if key == store::CHAT_CHANNEL => t.text("report-channel-chat").to_owned(),
        GroupBy::Channel => domain::Channel::try_from(key).map_or(key.to_owned(), |c| {
            crate::i18n::channel(t.lang, c).to_owned()
        }),
        GroupBy::TargetGroup => domain::TargetGroup::try_from(key)
            .map_or(key.to_owned(), |g| t.target_group(&g).to_owned()),
        GroupBy::Municipality => towns
            .iter()
            .find(|m| m.code == key)
            .map_or(key.to_owned(), |m| m.name.clone()),
        // "2025-12" reads "december 2025", in tables, the chart and the committee PDF alike.
        GroupBy::Month => format!("{key}-01")
            .parse::<jiff::civil::Date>()
            .map_or(key.to_owned(), |first| {
                catalogue::dates::month_year(t.lang, first)
            }),
        GroupBy::Team if key.is_empty() => t.text("report-no-team").to_owned(),
        GroupBy::Team => key.strip_prefix("fund:").map_or_else(
            || key.to_owned(),
            |fund| t.lang.fmt("report-fund-team", &[("fund", fund.into())]),
        ),
    }
}

async fn rows(
    state: &AppState,
    user: &SignedIn,
    q: &DatesQuery,
) -> Result<(Vec<Row>, FormState, GroupBy, String), PageError> {
    let t = user.viewer.ctx().t;
    let (from, to, form) = chosen(state, user, q)?;
    let scope = scope(state, user, q).await?;
    // An unknown grouping from an edited address means the default.
    let group =
        GroupBy::try_from(q.gruppe.as_deref().unwrap_or_default()).unwrap_or(GroupBy::Channel);
    let report = match state.store.contact_report(&scope, from, to, group).await {
        // Teams for all municipalities at once: said beside the grouping, nothing shown.
        Err(store::StoreError::Invalid(mut errors)) => {
            for e in &mut errors {
                e.field = "gruppe".into();
            }
            return Ok((
                Vec::new(),
                form.with_errors(t, &errors),
                group,
                String::new(),
            ));
        }
        report => report.map_err(|e| user.viewer.error(e))?,
    };
    let answers = answer_months(t, report.answer_months);
    let counts = report.rows;
    let towns = state
        .store
        .municipalities()
        .await
        .map_err(|e| user.viewer.error(e))?;
    let rows = counts
        .into_iter()
        .map(|(key, c)| {
            let r = ContactRow::new(key, c);
            Row {
                name: group_name(t, group, &r.key, &towns),
                meetings: c.meetings,
                held: c.held,
                cancelled: c.cancelled,
                cancelled_late: c.cancelled_late,
                no_show: c.no_show,
                answered: c.answered,
                satisfied: share(t, r.satisfied_share),
                channel_fit: share(t, r.channel_fit_share),
                personal: share(t, r.personal_share),
                helpful: share(t, r.helpful_share),
                wants_remote: share(t, r.wants_remote_share),
                citizen_booked: r
                    .citizen_booked_share
                    .map_or_else(|| "–".to_owned(), |x| format!("{:.0} %", x * 100.0)),
                by_digital: share(t, r.digital_share),
                by_phone: share(t, r.phone_share),
                by_paper: share(t, r.paper_share),
                bar: r.satisfied_share.map(|x| (x * BAR).round() as u32),
            }
        })
        .collect();
    Ok((rows, form, group, answers))
}

/// Which months a report's answers are from, as a sentence (also in the committee PDF).
pub(super) fn answer_months(
    t: Texts,
    months: Option<(jiff::civil::Date, jiff::civil::Date)>,
) -> String {
    use catalogue::dates::month_year;
    match months {
        Some((first, end)) => {
            let last = end.yesterday().unwrap_or(end);
            let (from, to) = (month_year(t.lang, first), month_year(t.lang, last));
            t.lang.fmt(
                "report-answers-months",
                &[("from", (&from).into()), ("to", (&to).into())],
            )
        }
        None => t.text("report-answers-none").to_owned(),
    }
}

/// `GET /leder/rapporter?fra=&til=&gruppe=`.
pub async fn page(
    State(state): State<AppState>,
    user: SignedIn,
    PageQuery(q): PageQuery<DatesQuery>,
) -> Result<Response, PageError> {
    let (rows, form, group, answers) = rows(&state, &user, &q).await?;
    let t = user.viewer.ctx().t;
    // The chat's figures and the searches without an answer, for the same period and scope.
    let (from, to, _) = chosen(&state, &user, &q)?;
    let scope = scope(&state, &user, &q).await?;
    let (chat, chat_hours) = chat_figures(&state, &user, &scope, from, to).await?;
    let help_misses = state
        .store
        .help_misses(&scope, from, to)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let query = serde_urlencoded::to_string([
        ("fra", form.value("fra")),
        ("til", form.value("til")),
        ("gruppe", group.as_str()),
        ("kommune", form.value("kommune")),
    ])
    .unwrap_or_default();
    let towns = if matches!(user.actor, domain::Actor::Admin { .. }) {
        let all = state
            .store
            .municipalities()
            .await
            .map_err(|e| user.viewer.error(e))?;
        std::iter::once((
            String::new(),
            t.text("report-all-municipalities").to_owned(),
        ))
        .chain(all.into_iter().map(|m| (m.code, m.name)))
        .collect()
    } else {
        Vec::new()
    };
    Ok(render(&ReportPage {
        // Each row: its name on a line of its own above the bar, so no name is ever cut.
        chart_height: 24 + 56 * u32::try_from(rows.len()).unwrap_or(0),
        ctx: user.viewer.ctx(),
        groups: GroupBy::ALL
            .iter()
            .map(|g| (g.as_str().to_owned(), t.text(group_label(*g))))
            .collect(),
        rows,
        form,
        query,
        towns,
        answers,
        chat,
        chat_hours,
        help_misses,
    }))
}

/// One clock hour of the day on the chat's table.
pub struct ChatHourRow {
    /// "10.00–10.59".
    pub hour: String,
    pub asked: u64,
    pub answered: u64,
    /// Left before anyone took them.
    pub abandoned: u64,
    /// The median wait, in words.
    pub wait: String,
}

/// The chat's figures for the chosen period and scope, each with its label, and per hour.
async fn chat_figures(
    state: &AppState,
    user: &SignedIn,
    scope: &store::ReportScope,
    from: jiff::Timestamp,
    to: jiff::Timestamp,
) -> Result<(Vec<(&'static str, String)>, Vec<ChatHourRow>), PageError> {
    let t = user.viewer.ctx().t;
    let f = state
        .store
        .chat_figures(scope, from, to)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let minutes = |w: Option<jiff::SignedDuration>| {
        w.map_or_else(
            || "–".to_owned(),
            |w| {
                t.lang.fmt(
                    "report-chat-minutes",
                    &[(
                        "minutes",
                        catalogue::Arg::Number((w.as_secs() + 59).div_euclid(60)),
                    )],
                )
            },
        )
    };
    let hours = f
        .by_hour
        .iter()
        .map(|h| ChatHourRow {
            hour: format!("{:02}.00–{:02}.59", h.hour, h.hour),
            asked: h.asked,
            answered: h.answered,
            abandoned: h.abandoned,
            wait: minutes(h.median_wait),
        })
        .collect();
    let totals = vec![
        ("report-chat-asked", f.asked.to_string()),
        ("report-chat-answered", f.answered.to_string()),
        ("report-chat-conversations", f.conversations.to_string()),
        ("report-chat-abandoned", f.abandoned.to_string()),
        ("report-chat-unanswered", f.unanswered.to_string()),
        ("report-chat-median-wait", minutes(f.median_wait)),
        ("report-chat-p90-wait", minutes(f.p90_wait)),
        ("report-chat-busiest-hour", f.busiest_hour.to_string()),
    ];
    Ok((totals, hours))
}

fn group_label(g: GroupBy) -> &'static str {
    match g {
        GroupBy::Channel => "report-by-channel",
        GroupBy::TargetGroup => "report-by-target-group",
        GroupBy::Municipality => "report-by-municipality",
        GroupBy::Month => "report-by-month",
        GroupBy::Team => "report-by-team",
    }
}

/// `GET /leder/rapporter.csv?fra=&til=&gruppe=`.
pub async fn csv(
    State(state): State<AppState>,
    user: SignedIn,
    PageQuery(q): PageQuery<DatesQuery>,
) -> Result<Response, PageError> {
    let (rows, _, _, _) = rows(&state, &user, &q).await?;
    let t = user.viewer.ctx().t;
    // A byte-order mark, so Excel reads the file as UTF-8 (æ, ø, å).
    let mut out = String::from("\u{feff}");
    let header = [
        "report-group",
        "report-meetings",
        "report-held",
        "report-cancelled",
        "report-cancelled-late",
        "report-no-show",
        "report-answered",
        "report-satisfied",
        "report-channel-fit",
        "report-personal",
        "report-helpful",
        "report-wants-remote",
        "report-citizen-booked",
        "report-by-digital",
        "report-by-phone",
        "report-by-paper",
    ];
    out.push_str(&header.map(|k| field(t.text(k))).join(";"));
    out.push_str("\r\n");
    for r in rows {
        let cells = [
            field(&r.name),
            r.meetings.to_string(),
            r.held.to_string(),
            r.cancelled.to_string(),
            r.cancelled_late.to_string(),
            r.no_show.to_string(),
            r.answered.to_string(),
            field(&r.satisfied),
            field(&r.channel_fit),
            field(&r.personal),
            field(&r.helpful),
            field(&r.wants_remote),
            field(&r.citizen_booked),
            field(&r.by_digital),
            field(&r.by_phone),
            field(&r.by_paper),
        ];
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"kontakter.csv\"",
            ),
        ],
        out,
    )
        .into_response())
}

/// A CSV field: quoted when it holds a separator, a quote or a line break (RFC 4180), and never
/// starting with a character a spreadsheet would run as a formula.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
