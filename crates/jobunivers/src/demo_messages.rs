//! The demo's written conversations: in each municipality a few citizens have written to the
//! jobcenter; some are answered, two have waited longer than two working days (so the inbox and
//! the worklist show them) and one wrote yesterday. Citizens who can sign in to the demo
//! (the first created) start with no messages, so trying it out begins with an empty thread.

use domain::messages::ThreadHolder;
use domain::{Actor, Role};
use jiff::{SignedDuration, Timestamp};
use store::{BulkMessage, BulkThread, CitizenQuery, Store, StoreError};

const QUESTIONS: [&str; 6] = [
    "Hej. Jeg har fået tilbudt et vikariat på tre uger fra næste mandag. Skal jeg gøre noget i forhold til min samtale?",
    "Jeg kan ikke finde ud af at lægge mit CV ind. Kan I hjælpe mig?",
    "Min søn er syg, så jeg kan ikke komme ind på torsdag. Kan samtalen blive over telefon i stedet?",
    "Hvornår skal jeg have min næste samtale?",
    "Jeg vil gerne høre om muligheden for et kursus i truckkørsel.",
    "Jeg har været til jobsamtale hos et rengøringsfirma, og de vil gerne have mig i praktik først. Hvordan gør vi det?",
];

const ANSWERS: [&str; 3] = [
    "Tak for din besked. Det lyder godt! Skriv til mig, når du kender datoerne, så flytter vi samtalen.",
    "Ja, det kan sagtens være over telefon. Jeg ringer til dig torsdag kl. 10.",
    "Du kan se din næste samtale under \"Mine samtaler\". Skriv endelig, hvis tiden ikke passer dig.",
];

/// Citizens skipped in each municipality: those with demo logins are created first.
const SKIP: usize = 10;

fn ago(now: Timestamp, hours: i64) -> Timestamp {
    now.checked_sub(SignedDuration::from_hours(hours))
        .unwrap_or(now)
}

/// Writes the threads; returns how many.
pub async fn seed(store: &Store, system: &Actor) -> Result<usize, StoreError> {
    let now = store.now();
    let staff = store.staff_list(system).await?;
    let mut threads = Vec::new();
    for manager in staff
        .iter()
        .filter(|m| m.role == Role::Manager && m.municipality().is_some())
    {
        let actor = manager.actor()?;
        let query = CitizenQuery {
            per_page: 200,
            page: 1,
            ..Default::default()
        };
        let mut citizens = store.list_citizens(&actor, &query).await?.items;
        // Ids sort by creation time.
        citizens.sort_by(|a, b| a.id.cmp(&b.id));
        let answerer = staff
            .iter()
            .find(|s| s.role == Role::Caseworker && s.municipality() == manager.municipality());
        let Some(answerer) = answerer else { continue };
        for (i, citizen) in citizens.iter().skip(SKIP).take(7).enumerate() {
            let from_citizen = |text: &str, at| BulkMessage {
                author_id: citizen.id.to_string(),
                author_name: citizen.name.clone(),
                author_role: Role::Citizen,
                body: text.to_owned(),
                at,
            };
            let from_staff = |text: &str, at| BulkMessage {
                author_id: answerer.id.to_string(),
                author_name: answerer.name.clone(),
                author_role: Role::Caseworker,
                body: text.to_owned(),
                at,
            };
            let question = QUESTIONS[i % QUESTIONS.len()];
            let answer = ANSWERS[i % ANSWERS.len()];
            let messages = match i {
                // Waiting four and six days: past two working days, on the worklist.
                0 => vec![from_citizen(question, ago(now, 24 * 4 + 3))],
                1 => vec![from_citizen(question, ago(now, 24 * 6 + 5))],
                // Wrote yesterday: in the inbox, not yet late.
                2 => vec![from_citizen(question, ago(now, 20))],
                // Staff wrote first; the citizen has not read it yet.
                6 => vec![from_staff(
                    "Hej. Husk at opdatere dit CV på Jobnet inden vores næste samtale.",
                    ago(now, 30),
                )],
                // Answered.
                _ => vec![
                    from_citizen(question, ago(now, 24 * 9 + 2)),
                    from_staff(answer, ago(now, 24 * 8 + 6)),
                ],
            };
            threads.push(BulkThread {
                citizen_id: citizen.id.to_string(),
                holder: ThreadHolder::Jobcenter,
                messages,
            });
        }
    }
    store.bulk_insert_threads(&threads).await?;
    Ok(threads.len())
}
