//! The period form of the managers' report pages: first and last day (`fra`, `til`, the last
//! included), a year back by default; a refused period is named beside its field and the default
//! period shown instead.

use std::collections::HashMap;

use super::PageError;
use super::context::SignedIn;
use super::form::FormState;
use crate::AppState;
use crate::validate::Fields;
use crate::validate::{PeriodQuery, report_period};

#[derive(Debug, Default, serde::Deserialize)]
pub struct DatesQuery {
    /// First day, `YYYY-MM-DD`.
    pub fra: Option<String>,
    /// Last day, included.
    pub til: Option<String>,
    /// For the contact report: `channel`, `target_group` or `municipality`.
    pub gruppe: Option<String>,
    /// For administrators: one municipality's report (empty: all).
    pub kommune: Option<String>,
}

/// What the page reports on: a manager's own organisation; for an administrator the municipality
/// chosen in `kommune`, or all. A code that names no municipality (an edited address): 400.
pub async fn scope(
    state: &AppState,
    user: &SignedIn,
    q: &DatesQuery,
) -> Result<store::ReportScope, PageError> {
    let code = match q.kommune.as_deref().filter(|k| !k.is_empty()) {
        Some(k) => Some(
            domain::MunicipalityCode::try_from(k)
                .map_err(|_| user.viewer.error(PageError::BadRequest))?,
        ),
        None => None,
    };
    match state.store.report_scope(&user.actor, code.as_ref()).await {
        Err(store::StoreError::NotFound) => Err(user.viewer.error(PageError::BadRequest)),
        scope => scope.map_err(|e| user.viewer.error(e)),
    }
}

/// Copenhagen midnight at the start of a day, as RFC 3339.
fn day_start(date: jiff::civil::Date) -> Option<String> {
    Some(domain::clock_text::day_start(date).to_string())
}

/// The chosen period as instants [from, to), and the form as the page shows it back.
pub fn chosen(
    state: &AppState,
    user: &SignedIn,
    q: &DatesQuery,
) -> Result<(jiff::Timestamp, jiff::Timestamp, FormState), PageError> {
    let t = user.viewer.ctx().t;
    let mut f = Fields::default();
    let fra = f
        .optional("fra", q.fra.as_deref(), crate::validate::date)
        .flatten();
    let til = f
        .optional("til", q.til.as_deref(), crate::validate::date)
        .flatten();
    let period_query = PeriodQuery {
        from: fra.and_then(day_start),
        to: til.and_then(|d| d.tomorrow().ok()).and_then(day_start),
    };
    let range = report_period(&mut f, &period_query, state.store.now());
    let mut values = HashMap::new();
    values.insert("fra".to_owned(), q.fra.clone().unwrap_or_default());
    values.insert("til".to_owned(), q.til.clone().unwrap_or_default());
    values.insert("gruppe".to_owned(), q.gruppe.clone().unwrap_or_default());
    values.insert("kommune".to_owned(), q.kommune.clone().unwrap_or_default());
    match f.finish(|| range) {
        Ok((from, to)) => Ok((from, to, FormState::new(values))),
        Err(mut errors) => {
            // The shared period check names the API's parameters; the form's fields are Danish.
            for e in &mut errors {
                e.field = match e.field.as_ref() {
                    "from" => "fra".into(),
                    "to" => "til".into(),
                    _ => e.field.clone(),
                };
            }
            let default = PeriodQuery {
                from: None,
                to: None,
            };
            let (from, to) = report_period(&mut Fields::default(), &default, state.store.now())
                .ok_or_else(|| user.viewer.error(PageError::NotFound))?;
            Ok((from, to, FormState::new(values).with_errors(t, &errors)))
        }
    }
}
