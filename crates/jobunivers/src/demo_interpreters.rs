//! The demo's interpreter providers (issue 19 item 4): each jobcentre books from two, one
//! that comes in person, by phone or by video and one by phone and video only, so a booking
//! with an interpreter finds one, and a language neither offers (Thai in person) is refused
//! by name. Fixed data, drawn from no generator.

use domain::{Actor, InterpreterLanguage, InterpreterMode, MunicipalityCode};
use store::{NewInterpreterProvider, Store, StoreError};

use crate::demo::invalid;

/// (name, phone, languages, modes).
const PROVIDERS: [(&str, &str, &[&str], &[&str]); 2] = [
    (
        "Tolkeservice Nord",
        "+4570203040",
        &["ar", "so", "ti", "fa", "ku", "tr", "uk", "ru", "pl", "ro"],
        &["in_person", "phone", "video"],
    ),
    (
        "Videotolk Danmark",
        "+4570304050",
        &["ar", "en", "es", "de", "fr", "ps", "ur", "vi", "th", "uk"],
        &["phone", "video"],
    ),
];

const MUNICIPALITIES: [&str; 3] = ["0851", "0751", "0101"];

pub async fn seed(store: &Store, system: &Actor) -> Result<(), StoreError> {
    for code in MUNICIPALITIES {
        let municipality = MunicipalityCode::try_from(code).map_err(|e| invalid(code, e))?;
        for (name, phone, languages, modes) in PROVIDERS {
            let new = NewInterpreterProvider {
                name: domain::OrgName::try_from(name).map_err(|e| invalid(name, e))?,
                phone: Some(domain::PhoneNumber::try_from(phone).map_err(|e| invalid(phone, e))?),
                languages: languages
                    .iter()
                    .map(|l| InterpreterLanguage::try_from(*l).map_err(|e| invalid(l, e)))
                    .collect::<Result<_, _>>()?,
                modes: modes
                    .iter()
                    .map(|m| InterpreterMode::try_from(*m).map_err(|e| invalid(m, e)))
                    .collect::<Result<_, _>>()?,
            };
            store
                .create_interpreter_provider(system, &municipality, &new)
                .await?;
        }
    }
    Ok(())
}
