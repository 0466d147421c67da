//! Turning raw input (JSON fields or form fields, all optional strings) into domain values while
//! collecting every refusal, so the user sees all problems at once, each beside its field.

use domain::{FieldError, Invalid};

use crate::error::ApiError;

#[derive(Default)]
pub struct Fields {
    pub errors: Vec<FieldError>,
}

impl Fields {
    /// A required value parsed by the domain; records why not when it is missing or refused.
    pub fn required<'a, T, F>(
        &mut self,
        field: &'static str,
        raw: Option<&'a str>,
        parse: F,
    ) -> Option<T>
    where
        F: FnOnce(&'a str) -> Result<T, Invalid>,
    {
        match raw.map(str::trim) {
            None | Some("") => {
                self.errors.push(FieldError::new(field, Invalid::Required));
                None
            }
            Some(s) => self.check(field, parse(s)),
        }
    }

    /// An optional value: absent or blank is `Ok(None)`, present is parsed.
    pub fn optional<'a, T, F>(
        &mut self,
        field: &'static str,
        raw: Option<&'a str>,
        parse: F,
    ) -> Option<Option<T>>
    where
        F: FnOnce(&'a str) -> Result<T, Invalid>,
    {
        match raw.map(str::trim) {
            None | Some("") => Some(None),
            Some(s) => self.check(field, parse(s)).map(Some),
        }
    }

    pub fn check<T>(&mut self, field: &'static str, result: Result<T, Invalid>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(problem) => {
                self.errors.push(FieldError::new(field, problem));
                None
            }
        }
    }

    pub fn refuse(&mut self, field: &'static str, problem: Invalid) {
        self.errors.push(FieldError::new(field, problem));
    }

    /// The built value if nothing was refused. `build` returns `None` only when a required
    /// part is missing, which always left an error behind.
    pub fn finish<T>(self, build: impl FnOnce() -> Option<T>) -> Result<T, Vec<FieldError>> {
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        build().ok_or_else(|| vec![FieldError::new("body", Invalid::Required)])
    }
}

impl From<Vec<FieldError>> for ApiError {
    fn from(errors: Vec<FieldError>) -> Self {
        ApiError::Validation(errors)
    }
}

/// A date as `YYYY-MM-DD` (ISO 8601, what a browser's date field sends and the API speaks), or
/// as Danes write it, `28.08.2026` or `28.8.2026` — what a person types where the browser shows
/// a plain text field, and what the forms' hints show (issue 20: the hint matches the control).
pub fn date(s: &str) -> Result<jiff::civil::Date, Invalid> {
    let s = s.trim();
    if s.len() == 10 && s.as_bytes().get(4) == Some(&b'-') {
        return s.parse().map_err(|_| Invalid::Date);
    }
    let mut parts = s.split('.');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Invalid::Date);
    };
    let number = |p: &str, max_len: usize| {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<i16>().ok())
            .flatten()
    };
    match (
        number(d, 2),
        number(m, 2),
        number(y, 4).filter(|_| y.len() == 4),
    ) {
        (Some(d), Some(m), Some(y)) => {
            let (Ok(m), Ok(d)) = (i8::try_from(m), i8::try_from(d)) else {
                return Err(Invalid::Date);
            };
            jiff::civil::Date::new(y, m, d).map_err(|_| Invalid::Date)
        }
        _ => Err(Invalid::Date),
    }
}

/// A date that is not after today (Copenhagen), e.g. the start of unemployment.
pub fn past_date(s: &str) -> Result<jiff::civil::Date, Invalid> {
    let d = date(s)?;
    let today = jiff::Zoned::now()
        .with_time_zone(
            jiff::tz::TimeZone::get("Europe/Copenhagen").unwrap_or(jiff::tz::TimeZone::UTC),
        )
        .date();
    if d > today {
        Err(Invalid::InFuture)
    } else {
        Ok(d)
    }
}

/// An RFC 3339 instant with offset, as API.md's times are (`2026-03-02T09:00:00+01:00`).
pub fn instant(s: &str) -> Result<jiff::Timestamp, Invalid> {
    s.parse().map_err(|_| Invalid::BadFormat)
}

/// A period [from, to) from optional query values: `from` defaults to now, `to` to four weeks
/// after `from`; `to` must come after `from` and the period may span at most a year.
pub fn period(
    f: &mut Fields,
    from: Option<&str>,
    to: Option<&str>,
    now: jiff::Timestamp,
) -> Option<(jiff::Timestamp, jiff::Timestamp)> {
    let from = f.optional("from", from, instant)?.unwrap_or(now);
    let to = f.optional("to", to, instant)?;
    let to = match to {
        Some(t) => t,
        None => from
            .checked_add(jiff::SignedDuration::from_hours(24 * 28))
            .ok()?,
    };
    if to <= from {
        f.refuse("to", Invalid::EndBeforeStart);
        return None;
    }
    if to.duration_since(from) > jiff::SignedDuration::from_hours(24 * 366) {
        f.refuse("to", Invalid::TooLong { max: 366 });
        return None;
    }
    Some((from, to))
}
/// A report's period as the query names it, for the API and the pages alike.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// RFC 3339; default a year before `to`.
    pub from: Option<String>,
    /// RFC 3339; default now.
    pub to: Option<String>,
}

/// The period of a report: `to` defaults to now, `from` to a year before `to`.
pub fn report_period(
    f: &mut Fields,
    q: &PeriodQuery,
    now: jiff::Timestamp,
) -> Option<(jiff::Timestamp, jiff::Timestamp)> {
    let to = f
        .optional("to", q.to.as_deref(), crate::validate::instant)?
        .unwrap_or(now);
    let year_before = to
        .checked_sub(jiff::SignedDuration::from_hours(24 * 365))
        .ok()?;
    let from = q.from.clone().unwrap_or_else(|| year_before.to_string());
    period(f, Some(&from), Some(&to.to_string()), now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_read_as_iso_or_as_danes_write_it() {
        let day = jiff::civil::date(2026, 8, 28);
        for ok in ["2026-08-28", "28.08.2026", "28.8.2026", " 28.08.2026 "] {
            assert_eq!(date(ok), Ok(day), "{ok}");
        }
        assert_eq!(date("1.2.2027"), Ok(jiff::civil::date(2027, 2, 1)));
        for bad in [
            "",
            "2026-8-28",
            "31.02.2026",
            "28.08.26",
            "28/08/2026",
            "28.08.2026.1",
            "a.b.cdef",
            "+1.08.2026",
            "2026-13-01",
        ] {
            assert_eq!(date(bad), Err(Invalid::Date), "{bad}");
        }
    }
}
