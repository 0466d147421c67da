use axum::Json;
use axum::extract::State;
use domain::contact_report::{ContactRow, GroupBy};
use domain::{FieldError, Invalid, MunicipalityCode};
use serde::{Deserialize, Serialize};
use store::StoreError;
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiQuery, StaffActor};
use crate::validate::Fields;
use crate::validate::{PeriodQuery, report_period};

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContactsQuery {
    /// RFC 3339; default a year before `to`.
    pub from: Option<String>,
    /// RFC 3339; default now.
    pub to: Option<String>,
    /// `channel` (default), `target_group`, `municipality`, or `month` (the trend: one row per
    /// Copenhagen calendar month, key `YYYY-MM`). By channel, a row `chat` follows the meetings'
    /// when chats were taken (issue 21, extension): `meetings` the chats taken, `held` those
    /// staff marked as conversations (contacts by chat).
    pub group_by: Option<String>,
    /// Administrators: one municipality's report (default: all of them). Managers may name only
    /// their own.
    pub municipality: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactRowJson {
    pub key: String,
    pub meetings: u64,
    pub held: u64,
    pub cancelled: u64,
    /// Of the cancelled, those cancelled after the deadline.
    pub cancelled_late: u64,
    pub no_show: u64,
    pub surveys_answered: u64,
    /// Top two steps of overall satisfaction; `null` under five answers (anonymity).
    pub satisfied_share: Option<f64>,
    /// Top two steps of "did the channel fit"; `null` under five answers.
    pub channel_fit_share: Option<f64>,
    /// As personal as usual or more; `null` under five answers.
    pub personal_share: Option<f64>,
    /// Agreed that it helped; `null` under five answers.
    pub helpful_share: Option<f64>,
    /// Would like more by phone or video; `null` under five answers.
    pub wants_remote_share: Option<f64>,
    /// Booked by the citizen (the rest by staff).
    pub citizen_booked_share: Option<f64>,
    /// Fewer than five answers: the shares of answers are withheld ("færre end 5").
    pub suppressed: bool,
    /// Of the answers, the shares given digitally, by phone (recorded by staff) and on paper
    /// (extension, issue 19); `null` under five answers.
    pub answered_digital_share: Option<f64>,
    pub answered_phone_share: Option<f64>,
    pub answered_paper_share: Option<f64>,
}

impl From<ContactRow> for ContactRowJson {
    fn from(r: ContactRow) -> Self {
        let c = r.counts;
        Self {
            key: r.key,
            meetings: c.meetings,
            held: c.held,
            cancelled: c.cancelled,
            cancelled_late: c.cancelled_late,
            no_show: c.no_show,
            surveys_answered: c.answered,
            satisfied_share: r.satisfied_share,
            channel_fit_share: r.channel_fit_share,
            personal_share: r.personal_share,
            helpful_share: r.helpful_share,
            wants_remote_share: r.wants_remote_share,
            citizen_booked_share: r.citizen_booked_share,
            suppressed: r.suppressed,
            answered_digital_share: r.digital_share,
            answered_phone_share: r.phone_share,
            answered_paper_share: r.paper_share,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactReport {
    pub rows: Vec<ContactRowJson>,
    /// The survey answers count only the whole calendar months of the period that can no longer
    /// change (ended 30 days ago): the first day of the first, and of the month after the last
    /// (`YYYY-MM-DD`, Copenhagen). `null`: no such month, so no answers are shown. An
    /// extension; see docs/surveys.md, "Anonymity".
    #[schema(value_type = Option<String>)]
    pub answers_from: Option<String>,
    #[schema(value_type = Option<String>)]
    pub answers_until: Option<String>,
}

/// Meetings in [from, to) by outcome, with the survey answers about them, grouped by channel,
/// target group or municipality (managers: their municipality or a-kasse; administrators: all).
/// Survey answers are counted for the period's final whole months only, in blocks that no two
/// reports can be subtracted to reveal one person (docs/surveys.md, "Anonymity"); every share of
/// answers is `null` in a group with fewer than five answers. Caseworkers: 403.
/// A period that ends before it starts, an unknown grouping or municipality: 422 naming the
/// parameter. A manager naming another municipality: 403.
#[utoipa::path(
    get, path = "/reports/contacts", tag = "surveys",
    params(ContactsQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ContactReport),
        (status = 403, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiQuery(q): ApiQuery<ContactsQuery>,
) -> Result<Json<ContactReport>, ApiError> {
    let mut f = Fields::default();
    let group_by = f.optional("group_by", q.group_by.as_deref(), GroupBy::try_from);
    let period = PeriodQuery {
        from: q.from.clone(),
        to: q.to.clone(),
    };
    let span = report_period(&mut f, &period, state.store.now());
    let town = f.optional(
        "municipality",
        q.municipality.as_deref(),
        MunicipalityCode::try_from,
    );
    let (group_by, (from, to), town) =
        f.finish(|| Some((group_by?.unwrap_or(GroupBy::Channel), span?, town?)))?;
    let scope = match state.store.report_scope(&actor, town.as_ref()).await {
        Err(StoreError::NotFound) => {
            let unknown = FieldError::new("municipality", Invalid::UnknownValue);
            return Err(ApiError::Validation(vec![unknown]));
        }
        scope => scope?,
    };
    let report = state
        .store
        .contact_report(&scope, from, to, group_by)
        .await?;
    Ok(Json(ContactReport {
        rows: report
            .rows
            .into_iter()
            .map(|(key, c)| ContactRow::new(key, c).into())
            .collect(),
        answers_from: report.answer_months.map(|(first, _)| first.to_string()),
        answers_until: report.answer_months.map(|(_, end)| end.to_string()),
    }))
}
