//! The demo's self-help answers (issue 21, item 5): what citizens ask a jobcentre and an
//! a-kasse most, in plain Danish, so "Find svar selv" on the message pages has something to
//! find from the start. Fixed data, drawn from no generator; the law named is the law in
//! force (forvaltningsloven § 8 on bringing someone along; lov om Digital Post fra offentlige
//! afsendere § 5 on exemption).

use domain::Actor;
use domain::help::HelpText;
use domain::messages::ThreadHolder;
use store::{ChatOrg, Store, StoreError};

/// A jobcentre's answers: (question, answer).
const JOBCENTRE: [(&str, &str); 10] = [
    (
        "Hvordan booker jeg en samtale?",
        "Vælg „Book en samtale“ under Mine samtaler. Vælg en tid, der passer dig, og om I skal mødes i jobcentret, over telefon eller på video. Din første samtale holder vi i jobcentret.",
    ),
    (
        "Hvordan flytter eller aflyser jeg en samtale?",
        "Åbn samtalen under Mine samtaler, og vælg „Flyt“ eller „Aflys“. Gør det så tidligt som muligt. Er du syg, så giv besked, før samtalen begynder.",
    ),
    (
        "Hvad skal jeg have med til samtalen?",
        "Tag dit sundhedskort med. Har du et CV eller papirer om din uddannelse eller dit helbred, som du vil tale om, så tag dem også med.",
    ),
    (
        "Hvad gør jeg, hvis jeg er syg?",
        "Meld dig syg til jobcentret den første dag, du er syg, og før din samtale begynder. Ring til os, eller skriv en besked. Er du medlem af en a-kasse, så giv også den besked.",
    ),
    (
        "Hvad sker der, hvis jeg ikke kommer til min samtale?",
        "Kommer du ikke, og har du ikke en rimelig grund, skal vi fortælle det til din a-kasse eller til kommunens ydelseskontor. Det kan betyde, at du mister penge. Book en ny tid med det samme, og fortæl os, hvis du havde en god grund.",
    ),
    (
        "Hvor tit skal jeg til samtale?",
        "Det står under Kontaktforløb på din forside. Det viser, hvornår din næste samtale senest skal holdes. Du kan altid booke en samtale før.",
    ),
    (
        "Kan samtalen være over telefon eller video?",
        "Ja, de fleste samtaler kan være over telefon eller på video, hvis du ønsker det. Den første samtale holder vi i jobcentret. Du kan altid bede om at mødes i jobcentret.",
    ),
    (
        "Jeg har brug for en tolk",
        "Skriv under Mine oplysninger, hvilket sprog du har brug for en tolk på. Så bestiller vi en tolk til dine samtaler.",
    ),
    (
        "Må jeg tage en bisidder med?",
        "Ja. Du må altid tage en person med til din samtale (forvaltningslovens § 8). Skriv personens navn, når du booker, så ved vi, at I kommer to.",
    ),
    (
        "Jeg kan ikke bruge en computer. Hvordan får jeg hjælp?",
        "Ring til jobcentret, eller kom forbi. Vi kan booke dine samtaler for dig. Er du fritaget for Digital Post, sender vi dine breve på papir. Fritagelse søger du hos Borgerservice.",
    ),
];

/// An a-kasse's answers.
const FUND: [(&str, &str); 4] = [
    (
        "Hvornår får jeg mine dagpenge?",
        "Du får dagpenge, når du har udfyldt dit dagpengekort for måneden. Skriv til os, hvis du er i tvivl om din udbetaling.",
    ),
    (
        "Hvordan booker jeg en samtale med a-kassen?",
        "Vælg „Book en samtale“ under Mine samtaler, og vælg a-kassen. Vælg en tid, der passer dig.",
    ),
    (
        "Hvad gør jeg, hvis jeg er syg?",
        "Meld dig syg til jobcentret, og giv os besked. Mens du er syg, kan du ikke få dagpenge, men du kan måske få sygedagpenge fra kommunen.",
    ),
    (
        "Hvad skal jeg have med til samtalen med a-kassen?",
        "Tag dit sundhedskort og dit CV med. Har du fået et job eller et tilbud, så tag papirerne med.",
    ),
];

pub async fn seed(
    store: &Store,
    system: &Actor,
    municipalities: &[&str],
    funds: &[&str],
) -> Result<(), StoreError> {
    let orgs = municipalities
        .iter()
        .map(|c| (ThreadHolder::Jobcenter, *c, &JOBCENTRE[..]))
        .chain(funds.iter().map(|c| (ThreadHolder::AKasse, *c, &FUND[..])));
    for (holder, code, answers) in orgs {
        let org = ChatOrg {
            holder,
            code: code.to_owned(),
        };
        for (question, answer) in answers {
            let text = HelpText::parse(question, answer)
                .map_err(|_| crate::demo::invalid(question, domain::Invalid::TooLong { max: 0 }))?;
            store.save_help_answer(system, &org, None, &text).await?;
        }
    }
    Ok(())
}
