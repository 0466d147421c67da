use axum::Json;
use axum::extract::State;
use domain::meetings::SelfBookingExemption;
use domain::{
    EmailAddress, FieldError, InterpreterLanguage, Invalid, PhoneNumber, PostalAddress, StaffId,
    TargetGroup,
};
use serde::{Deserialize, Deserializer};
use store::CitizenChange;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::json::{CitizenJson, PostalAddressJson};
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson, ApiPath};
use crate::validate::Fields;

/// Unknown fields are refused (422 `unknown_field`), not ignored: a misspelt `self_booking_exmpt`
/// would otherwise answer 200 and change nothing.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateCitizen {
    /// A caseworker of the citizen's municipality, or `null` to remove the assignment.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub caseworker_id: Option<Option<String>>,
    pub in_person_requested: Option<bool>,
    #[schema(value_type = Option<TargetGroup>)]
    pub target_group: Option<String>,
    /// For phone meetings and SMS; `null` removes it. Danish numbers may omit `+45`.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, example = "+4512345678")]
    pub phone: Option<Option<String>>,
    /// `null` removes it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    /// `false`: notices are printed and sent as letters.
    pub digital_mail: Option<bool>,
    /// Staff: the first meeting is to be in person.
    pub in_person_first: Option<bool>,
    /// Staff: the citizen cannot book for themself. `true` needs a reason.
    pub self_booking_exempt: Option<bool>,
    /// Why, one of the reasons of BEK 1216/2023 § 45: `it_skills`, `language`, `disability`,
    /// `interpreter_or_premises`. Required with `self_booking_exempt: true`; the citizen sees it.
    #[schema(value_type = Option<domain::meetings::SelfBookingExemption>)]
    pub self_booking_exempt_reason: Option<String>,
    /// Staff: sent to the jobcenter from the start (LAB § 27, stk. 3: under 25, no vocational
    /// qualification, no children): six jobcenter conversations in six months, none with the
    /// a-kasse. Insured unemployed under 25 only (else 422 `combination`).
    pub jobcenter_from_start: Option<bool>,
    /// Staff: registration as a job seeker (LAB § 31, stk. 4); insured unemployed only.
    #[schema(value_type = Option<String>, format = Date)]
    pub registered_on: Option<String>,
    /// Staff: first contact with the municipality about help (LAB § 9, stk. 2, nr. 2); the
    /// cash-benefit groups only.
    #[schema(value_type = Option<String>, format = Date)]
    pub first_contact_on: Option<String>,
    /// Staff: first day of absence (sygedagpengeloven § 13 b); sickness benefit only.
    #[schema(value_type = Option<String>, format = Date)]
    pub first_absence_on: Option<String>,
    /// Where letters on paper go (extension, issue 19); `null` removes it. The citizen may set
    /// their own. Giving it puts it on every letter still waiting without one.
    #[serde(default, deserialize_with = "present")]
    pub postal_address: Option<Option<PostalAddressJson>>,
    /// The language an interpreter is needed in, one of the ISO 639-1 codes the screening page
    /// offers (`ar`, `so`, `uk` …); `null` removes it (extension, issue 19). The citizen may set
    /// their own.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, example = "ar")]
    pub interpreter_language: Option<Option<String>>,
    /// Needs a way in without steps (extension, issue 19). The citizen may set their own.
    pub step_free_access: Option<bool>,
}

/// An optional field: absent, removed (`null` or blank) or a new value parsed by the domain.
fn removable<'a, T>(
    f: &mut Fields,
    field: &'static str,
    raw: &'a Option<Option<String>>,
    parse: impl FnOnce(&'a str) -> Result<T, Invalid>,
) -> Option<Option<Option<T>>> {
    match raw {
        None => Some(None),
        Some(None) => Some(Some(None)),
        Some(Some(s)) if s.trim().is_empty() => Some(Some(None)),
        Some(Some(s)) => f.check(field, parse(s)).map(|v| Some(Some(v))),
    }
}

pub(crate) fn address_field(part: &str) -> &'static str {
    match part {
        "street" => "postal_address.street",
        "postcode" => "postal_address.postcode",
        _ => "postal_address.town",
    }
}

/// Tells an absent field (`None`) from an explicit `null` (`Some(None)`), whatever its type.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// Changes a citizen's case data: staff of the citizen's municipality and admins may set
/// everything; the citizen may set their own `phone`, `email`, `digital_mail`,
/// `postal_address`, `interpreter_language`, `step_free_access` and `in_person_requested`
/// (their right to meet in person).
#[utoipa::path(
    patch, path = "/citizens/{id}", tag = "citizens",
    params(("id" = String, Path)),
    request_body = UpdateCitizen,
    security(("bearer" = [])),
    responses(
        (status = 200, body = CitizenJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<domain::CitizenId>,
    ApiJson(body): ApiJson<UpdateCitizen>,
) -> Result<Json<CitizenJson>, ApiError> {
    let change = parse(&body)?;
    Ok(Json(
        state
            .store
            .update_citizen(&actor, &id, &change)
            .await?
            .into(),
    ))
}

/// Parses a change from raw fields; shared by the API and the "Mine oplysninger" page. Every
/// field is checked before any is refused, so the answer names all that is wrong at once.
pub fn parse(body: &UpdateCitizen) -> Result<CitizenChange, Vec<FieldError>> {
    let mut f = Fields::default();
    // Absent leaves it as it is; every value given must be a target group (`""` is 422, not
    // "no change": an enum has no empty value).
    let target_group = match body.target_group.as_deref() {
        None => Some(None),
        Some(s) => f.check("target_group", TargetGroup::try_from(s)).map(Some),
    };
    // `null` removes the assignment; an id that cannot be one of ours is 422 before any lookup.
    let caseworker_id = match &body.caseworker_id {
        None => Some(None),
        Some(None) => Some(Some(None)),
        Some(Some(id)) => f
            .check("caseworker_id", StaffId::try_from(id.trim()))
            .map(|id| Some(Some(id))),
    };
    let phone = removable(&mut f, "phone", &body.phone, PhoneNumber::try_from);
    let email = removable(&mut f, "email", &body.email, EmailAddress::try_from);
    // The executive order's reasons only (BEK 1216/2023 § 45), and one is required to exempt.
    let exempt_reason = f.optional(
        "self_booking_exempt_reason",
        body.self_booking_exempt_reason.as_deref(),
        SelfBookingExemption::try_from,
    );
    if body.self_booking_exempt == Some(true)
        && body
            .self_booking_exempt_reason
            .as_deref()
            .is_none_or(|r| r.trim().is_empty())
    {
        f.refuse("self_booking_exempt_reason", Invalid::Required);
    }
    // Which group has which day is the store's check, against the group after the change.
    let [registered_on, first_contact_on, first_absence_on] = super::create::start_days(
        &mut f,
        [
            body.registered_on.as_deref(),
            body.first_contact_on.as_deref(),
            body.first_absence_on.as_deref(),
        ],
    );
    // Each part is refused under its own name (`postal_address.postcode`).
    let postal_address = match &body.postal_address {
        None => Some(None),
        Some(None) => Some(Some(None)),
        Some(Some(a)) => match PostalAddress::parse(&a.street, &a.postcode, &a.town) {
            Ok(a) => Some(Some(Some(a))),
            Err((part, problem)) => {
                f.refuse(address_field(part), problem);
                None
            }
        },
    };
    let interpreter_language = removable(
        &mut f,
        "interpreter_language",
        &body.interpreter_language,
        InterpreterLanguage::try_from,
    );
    f.finish(|| {
        Some(CitizenChange {
            caseworker_id: caseworker_id?,
            in_person_requested: body.in_person_requested,
            target_group: target_group?,
            phone: phone?,
            email: email?,
            digital_mail: body.digital_mail,
            in_person_first: body.in_person_first,
            self_booking_exempt: body.self_booking_exempt,
            self_booking_exempt_reason: exempt_reason?,
            jobcenter_from_start: body.jobcenter_from_start,
            registered_on: registered_on?,
            first_contact_on: first_contact_on?,
            first_absence_on: first_absence_on?,
            postal_address: postal_address?,
            interpreter_language: interpreter_language?,
            step_free_access: body.step_free_access,
        })
    })
}
