//! The call-in part of the staff booking form ("Indkaldelse"): the location picker, the number
//! the citizen must call and until when they may move it (`docs/meetings.md`, BEK nr.
//! 442/2023 § 20), parsed from the form and refused with words that say what to do.

use std::collections::HashMap;

use domain::meetings::CallInRequest;
use domain::{LocationId, PhoneNumber};
use jiff::{Timestamp, ToSpan};
use store::StoreError;

use crate::i18n::Lang;
use crate::time_fmt::copenhagen;

/// One choice of the location picker.
pub struct LocationOption {
    pub id: String,
    /// "Jobcenter Aalborg, Vesterbro 14, 9000 Aalborg".
    pub label: String,
}

pub fn options(locations: Vec<store::Location>) -> Vec<LocationOption> {
    locations
        .into_iter()
        .map(|l| LocationOption {
            label: l.one_line(),
            id: l.id.into(),
        })
        .collect()
}

/// The call-in the form asks for, if its box is ticked; a value that cannot be one is refused
/// with the form field and the sentence to show beside it.
pub fn parse(
    values: &HashMap<String, String>,
    lang: Lang,
) -> Result<Option<CallInRequest>, (&'static str, String)> {
    let get = |k: &str| values.get(k).map(|s| s.trim()).filter(|s| !s.is_empty());
    if get("call_in").is_none() {
        return Ok(None);
    }
    let location_id = get("location_id")
        .map(LocationId::try_from)
        .transpose()
        .map_err(|_| {
            (
                "location_id",
                lang.text("book-call-in-location-wrong").to_owned(),
            )
        })?;
    let phone = get("call_in_phone")
        .map(PhoneNumber::try_from)
        .transpose()
        .map_err(|_| {
            (
                "call_in_phone",
                lang.text("book-call-in-phone-wrong").to_owned(),
            )
        })?;
    let rebook_until = get("rebook_until")
        .map(|d| {
            end_of(d).ok_or_else(|| {
                (
                    "rebook_until",
                    lang.text("book-rebook-until-wrong").to_owned(),
                )
            })
        })
        .transpose()?;
    Ok(Some(CallInRequest {
        location_id,
        phone,
        rebook_until,
    }))
}

/// "Til og med" a day: the first moment of the next, in Copenhagen.
fn end_of(day: &str) -> Option<Timestamp> {
    let date = crate::validate::date(day).ok()?;
    let next = date.checked_add(1.day()).ok()?;
    copenhagen()
        .to_ambiguous_zoned(next.to_datetime(jiff::civil::Time::midnight()))
        .later()
        .ok()
        .map(|z| z.timestamp())
}

/// What to do about a refused call-in: the form field the store's field is, and the sentence.
pub fn refusal(lang: Lang, e: &StoreError) -> Option<(&'static str, String)> {
    let StoreError::Invalid(errors) = e else {
        return None;
    };
    let first = errors.first()?;
    let (field, key) = match (first.field.as_ref(), first.problem) {
        ("call_in.location_id", domain::Invalid::Required) => {
            ("location_id", "book-call-in-location-required")
        }
        ("call_in.location_id", _) => ("location_id", "book-call-in-location-wrong"),
        ("call_in.phone", domain::Invalid::Required) => {
            ("call_in_phone", "book-call-in-phone-required")
        }
        ("call_in.phone", _) => ("call_in_phone", "book-call-in-phone-wrong"),
        ("call_in.rebook_until", _) => ("rebook_until", "book-rebook-until-wrong"),
        _ => return None,
    };
    Some((field, lang.text(key).to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_and_including_a_day_means_until_the_next_midnight_in_copenhagen() {
        // 25 October 2026 the clocks go back; the next midnight is still local midnight.
        assert_eq!(
            end_of("2026-10-25").map(|t| t.to_string()),
            Some("2026-10-25T23:00:00Z".to_owned())
        );
        assert_eq!(
            end_of("2026-12-08").map(|t| t.to_string()),
            Some("2026-12-08T23:00:00Z".to_owned())
        );
        assert_eq!(end_of("i morgen"), None);
    }
}
