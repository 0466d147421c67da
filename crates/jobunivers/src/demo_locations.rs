//! The demo's places to meet: each jobcentre and each a-kasse office has an address with the
//! way in and step-free access, so call-ins and their letters show what a real one would.
//! Fixed data, drawn from no generator, so the rest of the demo world stays what it was.

use domain::{Actor, FundCode, MunicipalityCode, NewLocation, Organisation, Postcode};
use store::{Store, StoreError};

use crate::demo::invalid;

/// (organisation, name, street, postcode, town, directions, step-free).
const LOCATIONS: [(&str, &str, &str, &str, &str, &str, bool); 5] = [
    (
        "0851",
        "Jobcenter Aalborg",
        "Kjellerups Torv 5",
        "9000",
        "Aalborg",
        "Indgang fra torvet. Tag en kø-seddel i stueetagen.",
        true,
    ),
    (
        "0751",
        "Jobcenter Aarhus",
        "Værkmestergade 2",
        "8000",
        "Aarhus C",
        "Indgang ved cykelparkeringen, 1. sal. Elevator til højre.",
        true,
    ),
    (
        "0101",
        "Jobcenter København",
        "Kalvebod Brygge 45",
        "1560",
        "København V",
        "Hovedindgangen mod havnen. Meld dig i receptionen.",
        true,
    ),
    (
        "3F",
        "3F A-kasse, Aalborg",
        "Gammel Kæret 20",
        "9000",
        "Aalborg",
        "Tre trin ved indgangen; ring på klokken, så kommer vi ud.",
        false,
    ),
    (
        "HK",
        "HK A-kasse, Aarhus",
        "Sønder Allé 2",
        "8000",
        "Aarhus C",
        "2. sal. Elevator fra gården.",
        true,
    ),
];

pub async fn seed(store: &Store, system: &Actor) -> Result<(), StoreError> {
    for (org, name, street, postcode, town, directions, step_free) in LOCATIONS {
        // Municipality codes are four digits; the rest are a-kasser.
        let organisation = match MunicipalityCode::try_from(org) {
            Ok(m) => Organisation::Municipality(m),
            Err(_) => Organisation::Fund(FundCode::try_from(org).map_err(|e| invalid(org, e))?),
        };
        let new = NewLocation {
            name: name.to_owned(),
            street: street.to_owned(),
            postcode: Postcode::try_from(postcode).map_err(|e| invalid(postcode, e))?,
            town: town.to_owned(),
            directions: Some(directions.to_owned()),
            step_free,
        };
        store.create_location(system, &organisation, &new).await?;
    }
    Ok(())
}
