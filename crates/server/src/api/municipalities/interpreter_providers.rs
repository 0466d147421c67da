//! `GET/POST /municipalities/{code}/interpreter-providers`: the interpreter providers a
//! municipality books from (issue 19 item 4) — who, their phone, the languages and the ways
//! they take part. A booking with `interpreter` takes the first that offers it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::{InterpreterLanguage, InterpreterMode, Invalid, MunicipalityCode};
use serde::{Deserialize, Serialize};
use store::{InterpreterProvider, NewInterpreterProvider};
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, StaffActor};
use crate::validate::Fields;

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProvider {
    #[schema(required = true, example = "Tolkeservice Nord")]
    pub name: Option<String>,
    #[schema(example = "+4570203040")]
    pub phone: Option<String>,
    /// ISO 639-1 codes, at least one (the languages `interpreter_language` takes).
    #[serde(default)]
    #[schema(example = json!(["ar", "ti"]))]
    pub languages: Vec<String>,
    /// `in_person`, `phone`, `video`; at least one.
    #[serde(default)]
    #[schema(example = json!(["in_person", "video"]))]
    pub modes: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProviderJson {
    pub id: String,
    pub municipality: String,
    pub name: String,
    pub phone: Option<String>,
    pub languages: Vec<String>,
    #[schema(value_type = Vec<String>)]
    pub modes: Vec<InterpreterMode>,
}

impl From<InterpreterProvider> for ProviderJson {
    fn from(p: InterpreterProvider) -> Self {
        Self {
            id: p.id,
            municipality: p.municipality.as_str().to_owned(),
            name: p.name,
            phone: p.phone,
            languages: p.languages.iter().map(|l| l.code().to_owned()).collect(),
            modes: p.modes,
        }
    }
}

/// Each item parsed; an empty list or any bad item refuses the field by name.
fn list<'a, T>(
    f: &mut Fields,
    field: &'static str,
    raw: &'a [String],
    parse: impl Fn(&'a str) -> Result<T, Invalid>,
) -> Option<Vec<T>> {
    if raw.is_empty() {
        f.refuse(field, Invalid::Empty);
        return None;
    }
    let parsed: Result<Vec<T>, Invalid> = raw.iter().map(|s| parse(s.as_str())).collect();
    f.check(field, parsed)
}

/// The municipality's providers, in the order a booking tries them. Its staff and
/// administrators (another municipality: 404).
#[utoipa::path(
    get, path = "/municipalities/{code}/interpreter-providers", tag = "organisations",
    params(("code" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, body = Vec<ProviderJson>),
        (status = 404, body = crate::error::Problem),
    )
)]
pub async fn list_handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(code): ApiPath<MunicipalityCode>,
) -> Result<Json<Vec<ProviderJson>>, ApiError> {
    let providers = state.store.interpreter_providers(&actor, &code).await?;
    Ok(Json(providers.into_iter().map(Into::into).collect()))
}

/// Adds a provider: the municipality's managers or administrators (its caseworkers: 403).
#[utoipa::path(
    post, path = "/municipalities/{code}/interpreter-providers", tag = "organisations",
    params(("code" = String, Path)),
    request_body = CreateProvider,
    security(("bearer" = [])),
    responses(
        (status = 201, body = ProviderJson),
        (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
    )
)]
pub async fn create_handler(
    State(state): State<AppState>,
    StaffActor(actor): StaffActor,
    ApiPath(code): ApiPath<MunicipalityCode>,
    ApiJson(body): ApiJson<CreateProvider>,
) -> Result<(StatusCode, Json<ProviderJson>), ApiError> {
    let mut f = Fields::default();
    let name = f.required("name", body.name.as_deref(), domain::OrgName::try_from);
    let phone = f.optional(
        "phone",
        body.phone.as_deref(),
        domain::PhoneNumber::try_from,
    );
    let languages = list(
        &mut f,
        "languages",
        &body.languages,
        InterpreterLanguage::try_from,
    );
    let modes = list(&mut f, "modes", &body.modes, InterpreterMode::try_from);
    let new = f.finish(|| {
        Some(NewInterpreterProvider {
            name: name?,
            phone: phone?,
            languages: languages?,
            modes: modes?,
        })
    })?;
    let provider = state
        .store
        .create_interpreter_provider(&actor, &code, &new)
        .await?;
    Ok((StatusCode::CREATED, Json(provider.into())))
}
