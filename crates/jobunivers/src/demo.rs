//! The demo world: three municipalities, two a-kasser, about ten caseworkers and a manager per
//! municipality, and a few hundred citizens with Danish names across all target groups. Seeded
//! once, deterministically (a fixed random seed), so every newcomer sees the same demo.

use domain::{
    Actor, Cpr, FundCode, Login, MunicipalityCode, OrgName, Organisation, PersonName, Role,
    TargetGroup,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;
use store::{CitizenChange, NewCitizen, NewStaff, Store, StoreError};

const MUNICIPALITIES: [(&str, &str, &str); 3] = [
    ("0851", "Aalborg", "aalborg"),
    ("0751", "Aarhus", "aarhus"),
    ("0101", "København", "kbh"),
];
const FUNDS: [(&str, &str); 2] = [("3F", "3F A-kasse"), ("HK", "HK A-kasse")];
const CASEWORKERS_PER_MUNICIPALITY: usize = 10;
const CITIZENS_PER_MUNICIPALITY: usize = 100;
/// Citizens per municipality who get a login (`borger.aalborg1` …), for trying the citizen side.
const CITIZEN_LOGINS_PER_MUNICIPALITY: usize = 5;

const FIRST_NAMES: [&str; 40] = [
    "Anne",
    "Mette",
    "Hanne",
    "Kirsten",
    "Susanne",
    "Lene",
    "Marianne",
    "Camilla",
    "Louise",
    "Sofie",
    "Ida",
    "Emma",
    "Freja",
    "Maja",
    "Aisha",
    "Fatima",
    "Zeynep",
    "Agnieszka",
    "Åse",
    "Birgitte",
    "Peter",
    "Jens",
    "Lars",
    "Michael",
    "Henrik",
    "Søren",
    "Thomas",
    "Jesper",
    "Mads",
    "Rasmus",
    "Frederik",
    "Mikkel",
    "Oliver",
    "William",
    "Mohammed",
    "Ali",
    "Piotr",
    "Jørgen",
    "Bjørn",
    "Kasper",
];
const LAST_NAMES: [&str; 30] = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Østergaard",
    "Kjær",
    "Lund",
    "Holm",
    "Yilmaz",
    "Hussein",
    "Kowalski",
    "Dahl",
    "Bruun",
    "Frandsen",
];

pub(crate) fn invalid(what: &str, e: domain::Invalid) -> StoreError {
    tracing::error!(what, error = %e, "demo data refused by the domain");
    StoreError::Corrupt { column: "demo" }
}

fn name(rng: &mut ChaCha12Rng) -> String {
    let first = FIRST_NAMES[rng.random_range(0..FIRST_NAMES.len())];
    let last = LAST_NAMES[rng.random_range(0..LAST_NAMES.len())];
    if rng.random_bool(0.2) {
        let middle = LAST_NAMES[rng.random_range(0..LAST_NAMES.len())];
        format!("{first} {middle} {last}")
    } else {
        format!("{first} {last}")
    }
}

/// A CPR number for someone born between 1962 and 2004 whose seventh digit fits the century.
fn cpr(rng: &mut ChaCha12Rng, used: &mut std::collections::HashSet<String>) -> String {
    loop {
        let year = rng.random_range(1962..=2004);
        let month = rng.random_range(1..=12);
        let day = rng.random_range(1..=28);
        let seventh = if year >= 2000 {
            4
        } else {
            rng.random_range(0..=3)
        };
        let rest = rng.random_range(0..1000);
        let s = format!("{day:02}{month:02}{:02}{seventh}{rest:03}", year % 100);
        if used.insert(s.clone()) {
            return s;
        }
    }
}

/// A demo organisation's switchboard: a made-up number in the 70 10 range (its code's digits,
/// or its letters' positions) and an address under the reserved `.example` domain, so nobody
/// real is called or written to.
fn contact(code: &str, hours: &str) -> Result<store::OrgContact, StoreError> {
    let digits: u32 = code
        .bytes()
        .map(|b| u32::from(b % 100))
        .fold(0, |n, d| (n * 31 + d) % 10_000);
    let phone = format!("+457010{digits:04}");
    let email = format!("kontakt@{}.example", code.to_lowercase());
    let dpo = format!("databeskyttelse@{}.example", code.to_lowercase());
    Ok(store::OrgContact {
        phone: Some(domain::PhoneNumber::try_from(phone.as_str()).map_err(|e| invalid(&phone, e))?),
        phone_hours: Some(hours.to_owned()),
        email: Some(
            domain::EmailAddress::try_from(email.as_str()).map_err(|e| invalid(&email, e))?,
        ),
        dpo_email: Some(
            domain::EmailAddress::try_from(dpo.as_str()).map_err(|e| invalid(&dpo, e))?,
        ),
        // No CVR: a made-up one could be a real company's. The demo sends no Digital Post.
        cvr: None,
    })
}

/// The jobcenter's teams: caseworkers 1–4 work with the insured unemployed, 5–7 with cash
/// benefits, 8–10 with young people.
fn team(caseworker: usize) -> Result<domain::TeamName, StoreError> {
    let name = match caseworker {
        1..=4 => "Team Forsikrede",
        5..=7 => "Team Kontanthjælp",
        _ => "Team Unge",
    };
    domain::TeamName::try_from(name).map_err(|e| invalid(name, e))
}

fn target_group(rng: &mut ChaCha12Rng) -> TargetGroup {
    match rng.random_range(0..100) {
        0..45 => TargetGroup::InsuredUnemployed,
        45..65 => TargetGroup::JobReadyCashBenefit,
        65..77 => TargetGroup::ActivityReadyCashBenefit,
        77..87 => TargetGroup::EducationBenefit,
        _ => TargetGroup::SicknessBenefit,
    }
}

/// Seeds the demo world unless it is there. Returns whether it seeded now.
pub async fn seed_once(store: &Store, system: &Actor) -> Result<bool, StoreError> {
    if store
        .municipalities()
        .await?
        .iter()
        .any(|m| m.code == "0851")
    {
        return Ok(false);
    }
    let mut rng = ChaCha12Rng::seed_from_u64(2026);
    let staff = |login: &str,
                 name: &str,
                 role: Role,
                 organisation: Option<Organisation>|
     -> Result<NewStaff, StoreError> {
        Ok(NewStaff {
            login: Login::try_from(login).map_err(|e| invalid(login, e))?,
            name: PersonName::try_from(name).map_err(|e| invalid(name, e))?,
            role,
            organisation,
            team: None,
        })
    };
    store
        .create_staff(system, &staff("admin", "Administrator", Role::Admin, None)?)
        .await?;
    for (code, name) in FUNDS {
        let fund = FundCode::try_from(code).map_err(|e| invalid(code, e))?;
        store
            .create_fund(
                system,
                &fund,
                &OrgName::try_from(name).map_err(|e| invalid(name, e))?,
                &contact(code, "mandag–torsdag kl. 9–15, fredag kl. 9–13")?,
            )
            .await?;
        for i in 1..=2 {
            let login = format!("{}.raadgiver{i}", code.to_lowercase());
            let person = self::name(&mut rng);
            store
                .create_staff(
                    system,
                    &staff(
                        &login,
                        &person,
                        Role::Caseworker,
                        Some(Organisation::Fund(fund.clone())),
                    )?,
                )
                .await?;
        }
    }
    let today = jiff::Zoned::now().date();
    let mut used = std::collections::HashSet::new();
    for (code, town, slug) in MUNICIPALITIES {
        let municipality = MunicipalityCode::try_from(code).map_err(|e| invalid(code, e))?;
        store
            .create_municipality(
                system,
                &municipality,
                &OrgName::try_from(town).map_err(|e| invalid(town, e))?,
                &contact(slug, "mandag–fredag kl. 9–15")?,
            )
            .await?;
        let org = || Some(Organisation::Municipality(municipality.clone()));
        let manager_name = self::name(&mut rng);
        store
            .create_staff(
                system,
                &staff(
                    &format!("{slug}.leder"),
                    &manager_name,
                    Role::Manager,
                    org(),
                )?,
            )
            .await?;
        let mut caseworkers = Vec::new();
        for i in 1..=CASEWORKERS_PER_MUNICIPALITY {
            let person = self::name(&mut rng);
            let mut new = staff(&format!("{slug}.jk{i}"), &person, Role::Caseworker, org())?;
            new.team = Some(team(i)?);
            let member = store.create_staff(system, &new).await?;
            caseworkers.push(member.id);
        }
        for i in 0..CITIZENS_PER_MUNICIPALITY {
            let group = target_group(&mut rng);
            let fund = (group == TargetGroup::InsuredUnemployed)
                .then(|| FUNDS[rng.random_range(0..FUNDS.len())].0)
                .map(|f| FundCode::try_from(f).map_err(|e| invalid(f, e)))
                .transpose()?;
            let login = (i < CITIZEN_LOGINS_PER_MUNICIPALITY)
                .then(|| format!("borger.{slug}{}", i + 1))
                .map(|l| Login::try_from(l.as_str()).map_err(|e| invalid("login", e)))
                .transpose()?;
            let person = self::name(&mut rng);
            let cpr_text = cpr(&mut rng, &mut used);
            let since = today.saturating_sub(jiff::Span::new().days(rng.random_range(0..365)));
            let new = NewCitizen {
                cpr: Cpr::try_from(cpr_text.as_str()).map_err(|e| invalid("cpr", e))?,
                name: PersonName::try_from(person.as_str()).map_err(|e| invalid("name", e))?,
                municipality: municipality.clone(),
                target_group: group,
                unemployed_since: since,
                unemployment_fund: fund,
                login,
                // Registered as a job seeker up to a week before the benefit period began
                // (LAB § 31, stk. 4); cash benefit asked for up to three weeks after work
                // ended (§ 9, stk. 2, nr. 2). Sickness counts from `since` itself. Spread by
                // the citizen's number rather than drawn, so the rest of the demo world stays
                // what it was.
                registered_on: (group == TargetGroup::InsuredUnemployed)
                    .then(|| since.saturating_sub(jiff::Span::new().days(days(i % 8)))),
                first_contact_on: group.is_cash_benefit().then(|| {
                    since
                        .saturating_add(jiff::Span::new().days(days(i * 7 % 22)))
                        .min(today)
                }),
                first_absence_on: None,
            };
            let citizen = store.create_citizen(system, &new).await?;
            // Most citizens have a caseworker; a few wait for one (they show on the worklist).
            if rng.random_bool(0.9) {
                let change = CitizenChange {
                    caseworker_id: Some(Some(caseworkers[i % caseworkers.len()].clone())),
                    in_person_requested: Some(rng.random_bool(0.08)),
                    // Numbers made by `phone` always parse.
                    phone: Some(
                        rng.random_bool(0.85)
                            .then(|| phone(&mut rng))
                            .and_then(|p| domain::PhoneNumber::try_from(p.as_str()).ok()),
                    ),
                    digital_mail: Some(rng.random_bool(0.9)),
                    postal_address: Some(demo_address(i, town)),
                    ..Default::default()
                };
                store.update_citizen(system, &citizen.id, &change).await?;
            }
        }
    }
    crate::demo_locations::seed(store, system).await?;
    crate::demo_interpreters::seed(store, system).await?;
    let codes: Vec<&str> = MUNICIPALITIES.iter().map(|m| m.0).collect();
    let funds: Vec<&str> = FUNDS.iter().map(|f| f.0).collect();
    crate::demo_help::seed(store, system, &codes, &funds).await?;
    Ok(true)
}

/// A made-up address in the municipality's main town, spread by the citizen's number (no
/// draw, so the rest of the demo world stays what it was); one in 25 has none, so "Mangler
/// adresse" shows on the letters page.
fn demo_address(i: usize, town: &str) -> Option<domain::PostalAddress> {
    const STREETS: [&str; 6] = [
        "Vestergade",
        "Søndergade",
        "Bøgevej",
        "Æblehaven",
        "Kirkestræde",
        "Ørnevej",
    ];
    let (postcode, town) = match town {
        "Aalborg" => ("9000", "Aalborg"),
        "Aarhus" => ("8000", "Aarhus C"),
        _ => ("2300", "København S"),
    };
    let street = format!(
        "{} {}, {}. tv.",
        STREETS[i % STREETS.len()],
        i % 90 + 1,
        i % 4 + 1
    );
    (i % 25 != 3)
        .then(|| domain::PostalAddress::parse(&street, postcode, town).ok())
        .flatten()
}

/// A Danish mobile number in E.164 form.
fn phone(rng: &mut ChaCha12Rng) -> String {
    format!(
        "+45{}{:07}",
        rng.random_range(2..=9),
        rng.random_range(0..10_000_000)
    )
}

/// What the newcomer needs: where to go and who to be.
pub async fn print_welcome(store: &Store, url: &str, seeded: bool) -> Result<(), StoreError> {
    let system = Actor::Admin {
        id: domain::StaffId::system(),
        name: "Jobunivers".into(),
    };
    let staff = store.staff_list(&system).await?;
    println!();
    println!("Jobunivers kører i demo-tilstand: {url}");
    if seeded {
        println!("Demodata er oprettet.");
    }
    println!("Log ind i browseren på {url}/logind, eller over API'et:");
    println!(
        "  curl -X POST {url}/api/v1/dev/session -H 'content-type: application/json' -d '{{\"login\":\"admin\"}}'"
    );
    println!();
    println!("Demo-brugere (ingen adgangskoder):");
    println!("  admin                 administrator, alle organisationer");
    for s in staff.iter().filter(|s| {
        s.login.ends_with(".leder") || s.login.ends_with(".jk1") || s.login.ends_with("raadgiver1")
    }) {
        let org = s.municipality().or(s.unemployment_fund()).unwrap_or("-");
        println!("  {:<21} {} ({}, {org})", s.login, s.name, s.role.as_str());
    }
    for (_, _, slug) in MUNICIPALITIES {
        println!(
            "  borger.{slug}1 … borger.{slug}{CITIZEN_LOGINS_PER_MUNICIPALITY}   borgere i {slug}"
        );
    }
    println!();
    Ok(())
}

/// A small count of days as jiff takes it.
fn days(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(0)
}
