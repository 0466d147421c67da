//! The identity providers for production sign-in (`docs/sign-in.md`): one for citizens
//! (MitID through a broker), one for staff (the organisation's directory). Each is configured
//! by a `[citizen_oidc]` / `[staff_oidc]` table in the file or `JOBUNIVERS_CITIZEN_OIDC_*` /
//! `JOBUNIVERS_STAFF_OIDC_*` variables; the client secret only from the environment.

use serde::Deserialize;
use server::sign_in::{Audience, OidcConfig};

use crate::config::{ConfigError, Env};

/// A provider's table in the config file.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcFile {
    issuer: Option<String>,
    client_id: Option<String>,
    scopes: Option<String>,
    claim: Option<String>,
    acr: Option<String>,
}

/// Loopback is the one place a provider may be reached without TLS (a test provider).
fn is_loopback(url: &str) -> bool {
    ["http://127.0.0.1:", "http://localhost:", "http://[::1]:"]
        .iter()
        .any(|p| url.starts_with(p))
}

fn provider(
    env: Env<'_>,
    audience: Audience,
    file: Option<&OidcFile>,
) -> Result<Option<OidcConfig>, ConfigError> {
    let prefix = match audience {
        Audience::Citizen => "JOBUNIVERS_CITIZEN_OIDC",
        Audience::Staff => "JOBUNIVERS_STAFF_OIDC",
    };
    let file = file.cloned().unwrap_or_default();
    let var =
        |name: &str, from_file: Option<String>| env(&format!("{prefix}_{name}")).or(from_file);
    let Some(issuer) = var("ISSUER", file.issuer) else {
        return Ok(None);
    };
    if !issuer.starts_with("https://") && !is_loopback(&issuer) {
        return Err(ConfigError::Invalid(format!(
            "{prefix}_ISSUER must be an https:// address"
        )));
    }
    let required = |name: &str, value: Option<String>| {
        value.ok_or_else(|| {
            ConfigError::Invalid(format!(
                "{prefix}_{name} is required when {prefix}_ISSUER is set"
            ))
        })
    };
    let client_id = required("CLIENT_ID", var("CLIENT_ID", file.client_id))?;
    let client_secret = required("CLIENT_SECRET", env(&format!("{prefix}_CLIENT_SECRET")))?;
    let mut scopes = var("SCOPES", file.scopes).unwrap_or_else(|| "openid".into());
    if !scopes.split_whitespace().any(|s| s == "openid") {
        scopes = format!("openid {scopes}");
    }
    let claim = var("CLAIM", file.claim).unwrap_or_else(|| {
        match audience {
            Audience::Citizen => "cprNumberIdentifier",
            Audience::Staff => "preferred_username",
        }
        .into()
    });
    Ok(Some(OidcConfig {
        audience,
        issuer,
        client_id,
        client_secret,
        scopes,
        claim,
        acr: var("ACR", file.acr),
    }))
}

/// Both providers, each only when its issuer is set.
pub fn providers(
    env: Env<'_>,
    citizen: Option<&OidcFile>,
    staff: Option<&OidcFile>,
) -> Result<Vec<OidcConfig>, ConfigError> {
    Ok([
        provider(env, Audience::Citizen, citizen)?,
        provider(env, Audience::Staff, staff)?,
    ]
    .into_iter()
    .flatten()
    .collect())
}
