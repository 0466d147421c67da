//! A municipality's interpreter providers (issue 19 item 4), and the interpreter a booking
//! takes from them. Which provider is decided by `domain::provider_for`: the first, in the
//! order they were added, that offers the language in the way asked for.

use domain::{
    Actor, Interpreter, InterpreterLanguage, InterpreterMode, MunicipalityCode, Organisation, Role,
};
use rand::RngCore;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::ids::new_id;
use crate::{Store, StoreError};

/// A provider as the municipality keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterpreterProvider {
    pub id: String,
    pub municipality: MunicipalityCode,
    pub name: String,
    pub phone: Option<String>,
    pub languages: Vec<InterpreterLanguage>,
    pub modes: Vec<InterpreterMode>,
}

/// A provider to add; the parts are parsed by the caller.
#[derive(Debug, Clone)]
pub struct NewInterpreterProvider {
    pub name: domain::OrgName,
    pub phone: Option<domain::PhoneNumber>,
    pub languages: Vec<InterpreterLanguage>,
    pub modes: Vec<InterpreterMode>,
}

/// The interpreter a meeting carries, with whom it is booked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingInterpreter {
    pub language: InterpreterLanguage,
    pub mode: InterpreterMode,
    pub provider_name: String,
    pub provider_phone: Option<String>,
    /// The secret in the interpreter's link to a video meeting's room; `None` otherwise.
    pub token: Option<String>,
}

fn codes<T: Copy>(text: &str, parse: impl Fn(&str) -> Result<T, domain::Invalid>) -> Vec<T> {
    // A code no longer known (a language taken off the list) is left out, not an error.
    text.split(',').filter_map(|c| parse(c).ok()).collect()
}

fn from_row(row: &AnyRow) -> Result<InterpreterProvider, StoreError> {
    Ok(InterpreterProvider {
        id: row.try_get("id")?,
        municipality: crate::ids::typed("municipality", row.try_get("municipality")?)?,
        name: row.try_get("name")?,
        phone: row.try_get("phone")?,
        languages: codes(row.try_get("languages")?, |c| {
            InterpreterLanguage::try_from(c)
        }),
        modes: codes(row.try_get("modes")?, |c| InterpreterMode::try_from(c)),
    })
}

const COLUMNS: &str = "id, municipality, name, phone, languages, modes";

impl Store {
    /// The municipality's providers, oldest first (the order a booking tries them in). Staff
    /// of the municipality and administrators; others `NotFound`.
    pub async fn interpreter_providers(
        &self,
        actor: &Actor,
        municipality: &MunicipalityCode,
    ) -> Result<Vec<InterpreterProvider>, StoreError> {
        match actor {
            Actor::Admin { .. } => {}
            Actor::Staff {
                organisation: Organisation::Municipality(m),
                ..
            } if m == municipality => {}
            _ => return Err(StoreError::NotFound),
        }
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM interpreter_providers WHERE municipality = $1 \
             ORDER BY created_at, id"
        ))
        .bind(municipality.as_str())
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter().map(from_row).collect()
    }

    /// Adds a provider: the municipality's managers, or an administrator.
    pub async fn create_interpreter_provider(
        &self,
        actor: &Actor,
        municipality: &MunicipalityCode,
        new: &NewInterpreterProvider,
    ) -> Result<InterpreterProvider, StoreError> {
        match actor {
            Actor::Admin { .. } => {}
            Actor::Staff {
                role: Role::Manager,
                organisation: Organisation::Municipality(m),
                ..
            } if m == municipality => {}
            Actor::Staff {
                organisation: Organisation::Municipality(m),
                ..
            } if m == municipality => return Err(StoreError::Forbidden),
            _ => return Err(StoreError::NotFound),
        }
        let join = |items: Vec<&str>| items.join(",");
        let id = new_id();
        sqlx::query(
            "INSERT INTO interpreter_providers (id, municipality, name, phone, languages, modes, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(municipality.as_str())
        .bind(new.name.as_str())
        .bind(new.phone.as_ref().map(|p| p.as_str().to_owned()))
        .bind(join(new.languages.iter().map(|l| l.code()).collect()))
        .bind(join(new.modes.iter().map(|m| m.as_str()).collect()))
        .bind(self.now_micros())
        .execute(&self.inner.write)
        .await?;
        Ok(InterpreterProvider {
            id,
            municipality: municipality.clone(),
            name: new.name.as_str().to_owned(),
            phone: new.phone.as_ref().map(|p| p.as_str().to_owned()),
            languages: new.languages.clone(),
            modes: new.modes.clone(),
        })
    }
}

/// Books `wanted` from the municipality's providers inside the booking's transaction: the
/// provider's id and, for a video interpreter, the secret of their link. No provider offering
/// it is 422 under `interpreter.language` or `interpreter.mode`.
pub(crate) async fn book(
    tx: &mut Transaction<'_, Any>,
    municipality: &str,
    wanted: Interpreter,
) -> Result<(String, Option<String>), StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM interpreter_providers WHERE municipality = $1 ORDER BY created_at, id"
    ))
    .bind(municipality)
    .fetch_all(&mut **tx)
    .await?;
    let providers = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    let offers = providers
        .iter()
        .map(|p| (p.languages.as_slice(), p.modes.as_slice()));
    let chosen = domain::provider_for(offers, wanted)
        .map_err(|field| StoreError::invalid(field, domain::Invalid::UnknownValue))?;
    let token = (wanted.mode == InterpreterMode::Video).then(|| {
        let mut bytes = [0u8; 16];
        rand::rng().fill_bytes(&mut bytes);
        hex::encode(bytes)
    });
    Ok((providers[chosen].id.clone(), token))
}
