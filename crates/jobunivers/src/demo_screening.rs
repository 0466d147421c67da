//! The demo's screenings and decisions: most citizens have answered (entered by their
//! caseworker), and their caseworker has decided, usually as recommended and sometimes not, with
//! a reason, so the managers' monitoring shows something real.

use domain::screening::{
    Answers, DigitalComfort, Education, OwnAssessment, YesNoUnsure, recommend,
};
use domain::{Actor, Role, Track};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;
use store::{Store, StoreError};

fn pick<T: Copy>(rng: &mut ChaCha12Rng, options: &[(T, u32)]) -> T {
    let total: u32 = options.iter().map(|(_, w)| w).sum();
    let mut n = rng.random_range(0..total.max(1));
    for (v, w) in options {
        if n < *w {
            return *v;
        }
        n -= w;
    }
    options[0].0
}

fn answers(rng: &mut ChaCha12Rng) -> Answers {
    use YesNoUnsure::*;
    Answers {
        worked_months_last_12: rng.random_range(0..=12),
        education: pick(
            rng,
            &[
                (Education::None, 2),
                (Education::UpperSecondary, 3),
                (Education::Vocational, 4),
                (Education::Higher, 3),
            ],
        ),
        health_limits_work: pick(rng, &[(No, 7), (Unsure, 2), (Yes, 2)]),
        other_obstacles: pick(rng, &[(No, 7), (Unsure, 2), (Yes, 2)]),
        digital_comfort: pick(
            rng,
            &[
                (DigitalComfort::High, 5),
                (DigitalComfort::Some, 4),
                (DigitalComfort::Low, 2),
                (DigitalComfort::None, 1),
            ],
        ),
        needs_interpreter: rng.random_bool(0.06),
        own_assessment: pick(
            rng,
            &[
                (OwnAssessment::Soon, 4),
                (OwnAssessment::Months, 4),
                (OwnAssessment::Long, 2),
                (OwnAssessment::Unsure, 2),
            ],
        ),
        wants_in_person: rng.random_bool(0.1),
    }
}

const OVERRIDE_REASONS: &[&str] = &[
    "Borgeren ønsker tættere kontakt i starten",
    "Lang ledighed tidligere; vi følger tæt op",
    "Borgeren har allerede en aftale om job",
];

/// Screens and decides for about two thirds of each caseworker's citizens (first page of their
/// municipality's list), leaving out those with a demo login. Returns (screenings, decisions).
pub async fn seed(store: &Store, system: &Actor) -> Result<(usize, usize), StoreError> {
    let mut rng = ChaCha12Rng::seed_from_u64(5);
    let (mut screened, mut decided) = (0, 0);
    // The citizens one can sign in as are left unscreened, so the demo shows the questions.
    let signed_in: std::collections::HashSet<String> = store
        .demo_logins()
        .await?
        .into_iter()
        .filter(|l| l.kind == "citizen")
        .map(|l| l.name)
        .collect();
    let staff = store.staff_list(system).await?;
    for member in staff
        .iter()
        .filter(|m| m.role == Role::Caseworker && m.municipality().is_some())
    {
        let actor = member.actor()?;
        let query = store::CitizenQuery {
            per_page: 200,
            page: 1,
            ..Default::default()
        };
        for summary in store.list_citizens(&actor, &query).await?.items {
            let c = store.citizen(&actor, &summary.id).await?;
            if c.caseworker_id.as_ref().map(|id| id.as_str()) != Some(member.id.as_str())
                || signed_in.contains(&c.name)
                || !rng.random_bool(0.67)
            {
                continue;
            }
            let a = answers(&mut rng);
            store.submit_screening(&actor, &c.id, &a).await?;
            screened += 1;
            if rng.random_bool(0.85) {
                let recommended = recommend(&a).track;
                let (track, reason) = if rng.random_bool(0.88) {
                    (recommended, None)
                } else {
                    let other = if recommended == Track::Intensive {
                        Track::Standard
                    } else {
                        Track::Intensive
                    };
                    (
                        other,
                        Some(OVERRIDE_REASONS[rng.random_range(0..OVERRIDE_REASONS.len())]),
                    )
                };
                store
                    .decide_visitation(&actor, &c.id, track, reason)
                    .await?;
                decided += 1;
            }
        }
    }
    Ok((screened, decided))
}
