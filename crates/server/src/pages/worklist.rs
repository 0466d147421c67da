//! `GET /medarbejder/arbejdsliste`: the worklist as a page, with the portfolio filters
//! (reason, target group, track) as a GET form, so it works without JavaScript, 50 items a page
//! (`?side=2`) with links to the pages before and after that keep the filters.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::contact_plan::paging::PER_PAGE;
use domain::contact_plan::{Paging, WorkReason};
use domain::{TargetGroup, Track};
use serde::Deserialize;
use store::WorklistQuery;

use super::context::{Ctx, SignedIn};
use super::{PageError, render};
use crate::AppState;
use crate::i18n::plan::work_reason;

#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    #[serde(default)]
    aarsag: String,
    #[serde(default)]
    gruppe: String,
    #[serde(default)]
    indsats: String,
    #[serde(default)]
    side: String,
}

pub struct Row {
    pub citizen_id: String,
    pub name: String,
    pub reason: &'static str,
    pub reason_code: &'static str,
    pub since: String,
    pub target_group: &'static str,
    pub track: &'static str,
}

#[derive(Template)]
#[template(path = "worklist.html")]
struct WorklistPage {
    ctx: Ctx,
    rows: Vec<Row>,
    loads: Vec<store::CaseworkerLoad>,
    is_manager: bool,
    reason: String,
    group: String,
    track: String,
    /// "Viser 51–100 af 2367 opgaver", or `None` when the list is empty.
    shown: Option<String>,
    /// "Side 2 af 48", and the addresses of the pages before and after, if any.
    page_of: String,
    previous: Option<String>,
    next: Option<String>,
    reasons: Vec<(String, &'static str)>,
    groups: Vec<(String, &'static str)>,
    tracks: Vec<(String, &'static str)>,
    /// Messages waiting for an answer from the organisation, and how many are assigned to
    /// the reader: the worklist is where staff land (issue 20), so the inbox count is here.
    inbox: (i64, i64),
}

pub async fn page(
    State(state): State<AppState>,
    user: SignedIn,
    Query(filters): Query<Filters>,
) -> Result<Response, PageError> {
    let lang = user.viewer.lang;
    // A value from an edited address that is not one of the options means "all".
    let query = WorklistQuery {
        reason: WorkReason::try_from(filters.aarsag.as_str()).ok(),
        target_group: TargetGroup::try_from(filters.gruppe.as_str()).ok(),
        track: Track::try_from(filters.indsats.as_str()).ok(),
        // Likewise a page number that is none means the first page.
        page: Paging {
            number: Paging::page(&filters.side).unwrap_or(1),
            per_page: PER_PAGE,
        },
    };
    let list = state
        .store
        .worklist(&user.actor, &state.config.rules, &query)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let inbox = state
        .store
        .inbox_counts(&user.actor)
        .await
        .map_err(|e| user.viewer.error(e))?;
    let ctx = user.viewer.ctx();
    let this_year = crate::time_fmt::local_date(state.store.now()).year();
    let rows = list
        .entries
        .into_iter()
        .map(|e| Row {
            reason: work_reason(lang, e.reason),
            reason_code: e.reason.as_str(),
            since: catalogue::dates::day_month(
                lang,
                crate::time_fmt::local_date(e.since),
                this_year,
            ),
            target_group: ctx.t.target_group(&e.target_group),
            track: ctx.t.track(&e.track),
            name: e.citizen_name,
            citizen_id: e.citizen_id.into(),
        })
        .collect();
    let code = |s: Option<&'static str>| s.unwrap_or_default().to_owned();
    let (reason, group, track) = (
        code(query.reason.map(|r| r.as_str())),
        code(query.target_group.map(|g| g.as_str())),
        code(query.track.map(|t| t.as_str())),
    );
    let page = query.page;
    let pages = page.pages(list.total);
    // The filters are codes (letters and `_`), so they go into the address as they are.
    let address = |number: usize| {
        format!(
            "/medarbejder/arbejdsliste?aarsag={reason}&gruppe={group}&indsats={track}&side={number}"
        )
    };
    let shown = page.shown(list.total).map(|(first, last)| {
        lang.fmt(
            "worklist-shown",
            &[
                ("first", first.into()),
                ("last", last.into()),
                ("total", list.total.into()),
            ],
        )
    });
    Ok(render(&WorklistPage {
        shown,
        page_of: lang.fmt(
            "worklist-page-of",
            &[("page", page.number.into()), ("pages", pages.into())],
        ),
        previous: (page.number > 1).then(|| address(page.number.min(pages + 1) - 1)),
        next: (page.number < pages).then(|| address(page.number + 1)),
        rows,
        is_manager: user.actor.role() == domain::Role::Manager,
        inbox,
        loads: list.loads,
        reason,
        group,
        track,
        reasons: WorkReason::ALL
            .iter()
            .map(|r| (r.as_str().to_owned(), work_reason(lang, *r)))
            .collect(),
        groups: TargetGroup::ALL
            .iter()
            .map(|g| (g.as_str().to_owned(), ctx.t.target_group(g)))
            .collect(),
        tracks: Track::ALL
            .iter()
            .map(|t| (t.as_str().to_owned(), ctx.t.track_name(t)))
            .collect(),
        ctx,
    }))
}
