//! `GET /leder/rapporter/udvalg.pdf?fra=&til=[&kommune=]`: the orientation to the municipal employment
//! committee ("Orientering til Beskæftigelsesudvalget", as in seed 004), from live data: the
//! period, key figures, the tables by channel, target group, team (for one organisation) and
//! month, and the free-text themes counted. Every share of fewer than five answers, and every theme named by fewer than five, is
//! "færre end 5", as on the page.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use domain::Actor;
use domain::contact_report::{ContactCounts, ContactRow, GroupBy};
use domain::surveys::MIN_CELL;
use pdf::Block;

use super::PageError;
use super::contact_report::group_name;
use super::context::{PageQuery, SignedIn};
use super::period::{DatesQuery, chosen, scope};
use crate::AppState;
use crate::i18n::{Lang, Texts};
use crate::time_fmt::{local_date, long_date};

const COLUMNS: [f32; 7] = [125.0, 55.0, 50.0, 55.0, 60.0, 50.0, 72.0];

/// The committee's document is Danish, whatever language the manager reads the pages in.
const DOC: Lang = Lang::Da;

fn pct(s: Option<f64>) -> String {
    s.map_or_else(
        || DOC.text("committee-fewer-than-5").to_owned(),
        |x| format!("{:.0} %", x * 100.0),
    )
}

/// A section with its table; `first` names the column of row names ("Kontaktform").
fn table(title: &str, first: &str, rows: &[(String, ContactCounts)], blocks: &mut Vec<Block>) {
    blocks.push(Block::gap());
    blocks.push(Block::subheading(title));
    let head = [
        first,
        DOC.text("committee-col-meetings"),
        DOC.text("committee-col-held"),
        DOC.text("committee-col-cancelled"),
        DOC.text("committee-col-no-show"),
        DOC.text("committee-col-answers"),
        DOC.text("committee-col-satisfied"),
    ];
    let mut body = Vec::with_capacity(rows.len());
    for (name, c) in rows {
        let r = ContactRow::new(name.clone(), *c);
        body.push(vec![
            name.clone(),
            c.meetings.to_string(),
            c.held.to_string(),
            c.cancelled.to_string(),
            c.no_show.to_string(),
            c.answered.to_string(),
            pct(r.satisfied_share),
        ]);
    }
    blocks.push(Block::table(
        &COLUMNS,
        head.map(str::to_owned).to_vec(),
        body,
    ));
}

pub async fn pdf_file(
    State(state): State<AppState>,
    user: SignedIn,
    PageQuery(q): PageQuery<DatesQuery>,
) -> Result<Response, PageError> {
    let (from, to, form) = chosen(&state, &user, &q)?;
    if !form.errors.is_empty() {
        return Err(user.viewer.error(PageError::BadRequest));
    }
    let scope = scope(&state, &user, &q).await?;
    let store = &state.store;
    let err = |e| user.viewer.error(e);
    // Answers as every report releases them (`domain::survey_release`).
    let by = |g| store.contact_report(&scope, from, to, g);
    let channel_report = by(GroupBy::Channel).await.map_err(err)?;
    let answer_months = channel_report.answer_months;
    let channels = channel_report.rows;
    let groups = by(GroupBy::TargetGroup).await.map_err(err)?.rows;
    let months = by(GroupBy::Month).await.map_err(err)?.rows;
    // Teams are named per organisation: for all municipalities together there is no such table.
    let teams = match by(GroupBy::Team).await {
        Err(store::StoreError::Invalid(_)) => None,
        teams => Some(teams.map_err(err)?.rows),
    };
    let themes = store.comment_themes(&scope, from, to).await.map_err(err)?;
    let towns = store.municipalities().await.map_err(err)?;
    // The municipality reported on: a manager's own, or the one an administrator chose.
    let whom = match (scope.municipality(), &user.actor) {
        (Some(m), _) => towns.iter().find(|t| t.code == m).map_or_else(
            || m.to_owned(),
            |t| DOC.fmt("notice-jobcenter", &[("town", (&t.name).into())]),
        ),
        (None, Actor::Staff { .. }) => DOC.text("committee-whom-fund").to_owned(),
        (None, _) => DOC.text("committee-whom-all").to_owned(),
    };
    let last_day = local_date(
        to.checked_sub(jiff::SignedDuration::from_secs(1))
            .unwrap_or(to),
    );
    let (first, last) = (long_date(local_date(from), DOC), long_date(last_day, DOC));

    let mut total = ContactCounts::default();
    for (_, c) in &channels {
        total.add(c);
    }
    let all = ContactRow::new(String::new(), total);
    let remote: u64 = channels
        .iter()
        .filter(|(k, _)| k != "in_person")
        .map(|(_, c)| c.held)
        .sum();
    let remote_share = (total.held > 0).then(|| remote as f64 / total.held as f64);

    let mut b = vec![
        Block::right(whom.clone()),
        Block::gap(),
        Block::heading(DOC.text("committee-title")),
        Block::text(DOC.fmt(
            "committee-period",
            &[
                ("from", (&first).into()),
                ("to", (&last).into()),
                ("whom", (&whom).into()),
            ],
        )),
        Block::text(DOC.text("committee-source")),
        Block::text(super::contact_report::answer_months(
            crate::i18n::Texts { lang: DOC },
            answer_months,
        )),
        Block::gap(),
        Block::subheading(DOC.text("committee-key-figures")),
        Block::text(DOC.fmt(
            "committee-meetings",
            &[
                ("meetings", total.meetings.into()),
                ("held", total.held.into()),
            ],
        )),
        Block::text(
            DOC.fmt(
                "committee-remote",
                &[(
                    "share",
                    remote_share
                        .map_or_else(|| "–".to_owned(), |x| format!("{:.0} %", x * 100.0))
                        .as_str()
                        .into(),
                )],
            ),
        ),
        Block::text(DOC.fmt(
            "committee-cancellations",
            &[
                ("cancelled", total.cancelled.into()),
                ("late", total.cancelled_late.into()),
                ("no_show", total.no_show.into()),
            ],
        )),
        Block::text(DOC.fmt(
            "committee-answers",
            &[
                ("answered", total.answered.into()),
                ("satisfied", pct(all.satisfied_share).as_str().into()),
                ("fitted", pct(all.channel_fit_share).as_str().into()),
            ],
        )),
    ];
    // Groups named as on the page, in Danish.
    let named = |rows: Vec<(String, ContactCounts)>, g| {
        let da = Texts { lang: DOC };
        rows.into_iter()
            .map(|(k, c)| (group_name(da, g, &k, &towns), c))
            .collect::<Vec<_>>()
    };
    table(
        DOC.text("committee-by-channel"),
        DOC.text("report-by-channel"),
        &named(channels, GroupBy::Channel),
        &mut b,
    );
    table(
        DOC.text("committee-by-target-group"),
        DOC.text("report-by-target-group"),
        &named(groups, GroupBy::TargetGroup),
        &mut b,
    );
    if let Some(teams) = teams {
        table(
            DOC.text("committee-by-team"),
            DOC.text("report-by-team"),
            &named(teams, GroupBy::Team),
            &mut b,
        );
    }
    table(
        DOC.text("committee-by-month"),
        DOC.text("monitoring-month"),
        &named(months, GroupBy::Month),
        &mut b,
    );
    b.push(Block::gap());
    b.push(Block::subheading(DOC.text("committee-themes")));
    for (theme, n) in themes {
        let count = if n >= MIN_CELL {
            n.to_string()
        } else {
            DOC.text("committee-fewer-than-5").to_owned()
        };
        b.push(Block::text(format!("{theme}: {count}")));
    }
    let file = pdf::Document {
        title: DOC.text("committee-title"),
        lang: DOC.code(),
        blocks: &b,
    }
    .write()
    .map_err(|e| user.viewer.error(e))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"orientering-beskaeftigelsesudvalget.pdf\"",
            ),
        ],
        file,
    )
        .into_response())
}
