//! `GET /medarbejder/underretninger`: the availability notices the signed-in staff member's
//! organisation receives (an a-kasse: its members'; a municipality's managers and benefits team:
//! the cash-benefit ones), newest first. Staff who receive none are told who does.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::contact_plan::Holder;
use domain::meetings::NoticeKind;
use store::StoreError;

use super::context::{Ctx, SignedIn};
use super::meeting_view::absence_reason;
use super::{PageError, render};
use crate::AppState;
use crate::i18n::channel;
use crate::time_fmt::{local_date, moment, rfc3339};

pub struct Row {
    pub citizen_id: String,
    pub name: String,
    pub meeting_id: Option<String>,
    /// "tirsdag den 8. december kl. 9.30, Fremmøde".
    pub meeting: String,
    pub said: Option<String>,
    /// "Mette Hansen (jobcentret)".
    pub recorded_by: String,
    pub sent: String,
    pub datetime: String,
    /// "Trukket tilbage: …" or `None` while it stands.
    pub withdrawn: Option<String>,
}

#[derive(Template)]
#[template(path = "notices.html")]
struct NoticesPage {
    ctx: Ctx,
    /// `None`: this staff member receives no notices.
    rows: Option<Vec<Row>>,
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Result<Response, PageError> {
    let lang = user.viewer.lang;
    let rows = match state.store.availability_notices(&user.actor).await {
        Ok(notices) => Some(
            notices
                .into_iter()
                .map(|n| {
                    // A missed booking has no meeting: its conversation's deadline instead.
                    let meeting = match (n.kind, n.start, n.channel) {
                        (NoticeKind::BookingOverdue, Some(s), _) => lang.fmt(
                            "notices-booking-overdue",
                            &[(
                                "day",
                                catalogue::dates::long_date(lang, local_date(s))
                                    .as_str()
                                    .into(),
                            )],
                        ),
                        (_, Some(s), Some(c)) => {
                            format!(
                                "{}, {}",
                                catalogue::dates::starts(lang, s),
                                channel(lang, c)
                            )
                        }
                        (_, Some(s), None) => catalogue::dates::starts(lang, s),
                        _ => String::new(),
                    };
                    let said = n.citizen_said_reason.map(|r| match &n.citizen_said {
                        Some(t) => format!("{} ({t})", absence_reason(lang, r)),
                        None => absence_reason(lang, r).to_owned(),
                    });
                    let org = lang.text(match n.sent_by {
                        Holder::UnemploymentFund => "notices-sent-by-a-kasse",
                        Holder::Municipality => "notices-sent-by-jobcenter",
                    });
                    Row {
                        citizen_id: n.citizen_id.into(),
                        name: n.citizen_name,
                        meeting_id: n.meeting_id.map(Into::into),
                        meeting,
                        said,
                        recorded_by: format!("{} ({org})", n.recorded_by_name),
                        sent: moment(n.created_at, lang),
                        datetime: rfc3339(n.created_at),
                        withdrawn: n.withdrawn.map(|w| {
                            lang.fmt("notices-withdrawn", &[("reason", w.reason.as_str().into())])
                        }),
                    }
                })
                .collect(),
        ),
        Err(StoreError::Forbidden) => None,
        Err(e) => return Err(user.viewer.error(e)),
    };
    Ok(render(&NoticesPage {
        ctx: user.viewer.ctx(),
        rows,
    }))
}
