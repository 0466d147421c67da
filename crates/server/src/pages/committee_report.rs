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

fn pct(s: Option<f64>) -> String {
    s.map_or_else(
        || "færre end 5".to_owned(),
        |x| format!("{:.0} %", x * 100.0),
    )
}

fn table(title: &str, rows: &[(String, ContactCounts)], blocks: &mut Vec<Block>) {
    blocks.push(Block::gap());
    blocks.push(Block::heading(title));
    let head = [
        "",
        "Samtaler",
        "Holdt",
        "Aflyst",
        "Udeblevet",
        "Svar",
        "Tilfredse",
    ];
    blocks.push(Block::row(&COLUMNS, &head.map(str::to_owned), true));
    for (name, c) in rows {
        let r = ContactRow::new(name.clone(), *c);
        let cells = [
            name.clone(),
            c.meetings.to_string(),
            c.held.to_string(),
            c.cancelled.to_string(),
            c.no_show.to_string(),
            c.answered.to_string(),
            pct(r.satisfied_share),
        ];
        blocks.push(Block::row(&COLUMNS, &cells, false));
    }
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
        (Some(m), _) => towns
            .iter()
            .find(|t| t.code == m)
            .map_or_else(|| m.to_owned(), |t| format!("Jobcenter {}", t.name)),
        (None, Actor::Staff { .. }) => "A-kassen".to_owned(),
        (None, _) => "Alle kommuner".to_owned(),
    };
    let last_day = local_date(
        to.checked_sub(jiff::SignedDuration::from_secs(1))
            .unwrap_or(to),
    );
    let period = format!(
        "{} – {}",
        long_date(local_date(from), Lang::Da),
        long_date(last_day, Lang::Da)
    );

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
        Block::heading("Orientering til Beskæftigelsesudvalget"),
        Block::text(format!("Kontakten med borgerne, {period}. {whom}.")),
        Block::text(
            "Tallene kommer direkte fra Jobunivers. Borgernes svar er anonyme; andele bygget på \
             færre end 5 svar vises ikke.",
        ),
        // The orientation is in Danish, like the rest of the document.
        Block::text(super::contact_report::answer_months(
            crate::i18n::Texts { lang: Lang::Da },
            answer_months,
        )),
        Block::gap(),
        Block::heading("Nøgletal"),
        Block::text(format!(
            "Samtaler i perioden: {}, heraf holdt: {}.",
            total.meetings, total.held
        )),
        Block::text(format!(
            "Holdt over telefon eller video: {}.",
            remote_share.map_or_else(|| "–".to_owned(), |x| format!("{:.0} %", x * 100.0))
        )),
        Block::text(format!(
            "Aflysninger: {} (heraf sene: {}). Udeblivelser: {}.",
            total.cancelled, total.cancelled_late, total.no_show
        )),
        Block::text(format!(
            "Besvarede spørgeskemaer: {}. Tilfredse: {}. Kontaktformen passede: {}.",
            total.answered,
            pct(all.satisfied_share),
            pct(all.channel_fit_share)
        )),
    ];
    // Groups named as on the page, in Danish.
    let named = |rows: Vec<(String, ContactCounts)>, g| {
        let da = Texts { lang: Lang::Da };
        rows.into_iter()
            .map(|(k, c)| (group_name(da, g, &k, &towns), c))
            .collect::<Vec<_>>()
    };
    table(
        "Efter kontaktform",
        &named(channels, GroupBy::Channel),
        &mut b,
    );
    table(
        "Efter målgruppe",
        &named(groups, GroupBy::TargetGroup),
        &mut b,
    );
    if let Some(teams) = teams {
        table("Efter team", &named(teams, GroupBy::Team), &mut b);
    }
    table("Udvikling måned for måned", &months, &mut b);
    b.push(Block::gap());
    b.push(Block::heading(
        "Hvad borgerne skrev (temaer i fritekstsvar)",
    ));
    for (theme, n) in themes {
        let count = if n >= MIN_CELL {
            n.to_string()
        } else {
            "færre end 5".to_owned()
        };
        b.push(Block::text(format!("{theme}: {count}")));
    }
    let file = pdf::document("Orientering til Beskæftigelsesudvalget", &b);
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
