//! Danish first, English second. The UI asks for text by key; codes from the domain (refusals,
//! enumerations, audit actions) are translated here and nowhere else. Citizen-facing Danish
//! follows the plain-language guide of DESIGN.md: "du", short sentences, the action first.

use std::collections::HashMap;
use std::sync::LazyLock;

use domain::{Invalid, Role, TargetGroup, Track};
use store::AuditAction;

mod meetings;
mod messages;
pub mod plan;
mod screening;

pub use meetings::{
    channel, channel_refusal, citizen_busy, conflict, meeting_refusal, meeting_status,
};
pub use screening::track_for_citizen;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    pub fn from_code(s: &str) -> Option<Lang> {
        match s {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, offered by the switch in the header.
    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }

    pub fn pick(self, da: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}

/// Why a video room cannot be entered, and what to do instead.
pub fn room_refusal(lang: Lang, r: domain::meetings::RoomRefusal) -> &'static str {
    use domain::meetings::RoomRefusal::*;
    match r {
        NotParticipant => lang.pick("Videorummet findes ikke.", "The video room does not exist."),
        NotVideo => lang.pick(
            "Samtalen holdes ikke på video. Se samtalen for, hvordan den holdes.",
            "The meeting is not held by video. See the meeting for how it is held.",
        ),
        NotBooked => lang.pick(
            "Samtalen er aflyst eller afsluttet, så videorummet er lukket.",
            "The meeting is cancelled or finished, so the video room is closed.",
        ),
        Over => lang.pick(
            "Samtalen er slut, og videorummet er lukket.",
            "The meeting is over and the video room is closed.",
        ),
    }
}

/// What is wrong with a field, said so the reader knows what to do.
pub fn invalid_message(lang: Lang, problem: Invalid) -> &'static str {
    match problem {
        Invalid::Required => lang.pick("Udfyld feltet.", "Fill in this field."),
        Invalid::Blank => lang.pick("Udfyld feltet.", "Fill in this field."),
        Invalid::TooLong { .. } => lang.pick(
            "Teksten er for lang. Gør den kortere.",
            "The text is too long. Shorten it.",
        ),
        Invalid::UnknownField => lang.pick(
            "Feltet findes ikke. Se API-beskrivelsen for de felter, der kan ændres.",
            "There is no such field. See the API description for the fields that can be changed.",
        ),
        Invalid::TooMany { .. } => lang.pick(
            "Det giver for mange tider på én gang (højst 2.000). Vælg færre dage, kortere dage eller længere samtaler.",
            "That makes too many times at once (at most 2,000). Choose fewer days, shorter days or longer meetings.",
        ),
        Invalid::BadFormat => lang.pick(
            "Værdien har ikke den rigtige form. Se hjælpeteksten.",
            "The value is not in the right form. See the hint.",
        ),
        Invalid::Cpr => lang.pick(
            "Skriv et CPR-nummer med 10 cifre, hvor de første 6 er en rigtig fødselsdato (DDMMÅÅ).",
            "Enter a CPR number of 10 digits whose first 6 are a real date of birth (DDMMYY).",
        ),
        Invalid::Date => lang.pick(
            "Skriv en rigtig dato som ÅÅÅÅ-MM-DD.",
            "Enter a real date as YYYY-MM-DD.",
        ),
        Invalid::UnknownValue => lang.pick(
            "Vælg en af de mulige værdier.",
            "Choose one of the allowed values.",
        ),
        Invalid::UnknownOrganisation => lang.pick(
            "Den findes ikke. Vælg en kommune eller a-kasse fra listen.",
            "It does not exist. Choose a municipality or fund from the list.",
        ),
        Invalid::InFuture => lang.pick(
            "Datoen må ikke ligge i fremtiden.",
            "The date must not be in the future.",
        ),
        Invalid::Combination => lang.pick(
            "Værdien passer ikke sammen med de andre felter eller er allerede brugt.",
            "The value does not fit the other fields or is already in use.",
        ),
        Invalid::EndBeforeStart => lang.pick(
            "Sluttidspunktet skal ligge efter starttidspunktet.",
            "The end must come after the start.",
        ),
        Invalid::InPast => lang.pick(
            "Tidspunktet er passeret. Vælg et senere tidspunkt.",
            "That time has passed. Choose a later time.",
        ),
        Invalid::Empty => lang.pick("Vælg mindst én.", "Choose at least one."),
        Invalid::OutOfRange => lang.pick(
            "Tallet er uden for det tilladte område.",
            "The number is outside the allowed range.",
        ),
        Invalid::OneOrganisation => lang.pick(
            "Det kan kun vises for én kommune ad gangen. Vælg en kommune.",
            "This can only be shown for one municipality at a time. Choose a municipality.",
        ),
    }
}

pub fn target_group(lang: Lang, g: TargetGroup) -> &'static str {
    match g {
        TargetGroup::InsuredUnemployed => lang.pick("Dagpengemodtager", "Insured unemployed"),
        TargetGroup::JobReadyCashBenefit => {
            lang.pick("Jobparat kontanthjælp", "Job-ready cash benefit")
        }
        TargetGroup::ActivityReadyCashBenefit => lang.pick(
            "Aktivitetsparat kontanthjælp",
            "Activity-ready cash benefit",
        ),
        // Uddannelseshjælp was replaced by kontanthjælp on 1 July 2025 (lov nr. 1655 af 30.
        // december 2024); the wire value stays for the API, the name says what it is now.
        TargetGroup::EducationBenefit => lang.pick(
            "Kontanthjælp (tidligere uddannelseshjælp)",
            "Cash benefit (formerly education benefit)",
        ),
        TargetGroup::SicknessBenefit => lang.pick("Sygedagpenge", "Sickness benefit"),
    }
}

pub fn track(lang: Lang, t: Option<Track>) -> &'static str {
    match t {
        None => lang.pick("Ikke visiteret", "Not yet decided"),
        Some(Track::SelfService) => lang.pick("Selvbetjening", "Self-service"),
        Some(Track::Standard) => lang.pick("Standard", "Standard"),
        Some(Track::Intensive) => lang.pick("Intensiv", "Intensive"),
    }
}

/// A staff member's title: an a-kasse's caseworker is an a-kasse adviser (a-kasserådgiver), not
/// a jobcentre's "jobkonsulent" (issue 18).
pub fn staff_title(lang: Lang, r: Role, in_fund: bool) -> &'static str {
    match (r, in_fund) {
        (Role::Caseworker, true) => lang.pick("A-kasserådgiver", "Unemployment fund adviser"),
        _ => role(lang, r),
    }
}

pub fn role(lang: Lang, r: Role) -> &'static str {
    match r {
        Role::Caseworker => lang.pick("Jobkonsulent", "Caseworker"),
        Role::Manager => lang.pick("Leder", "Manager"),
        Role::Admin => lang.pick("Administrator", "Administrator"),
        Role::Citizen => lang.pick("Borger", "Citizen"),
    }
}

/// What someone did with the citizen's data, as the citizen reads it in their access log.
pub fn audit_action(lang: Lang, a: AuditAction) -> &'static str {
    match a {
        AuditAction::CitizenRead => lang.pick("Så dine oplysninger", "Viewed your details"),
        AuditAction::CitizenListed => lang.pick(
            "Så dit navn i en liste over borgere",
            "Saw your name in a list of citizens",
        ),
        AuditAction::CitizenCreated => {
            lang.pick("Oprettede dig i Jobunivers", "Registered you in Jobunivers")
        }
        AuditAction::CitizenUpdated => {
            lang.pick("Ændrede dine oplysninger", "Changed your details")
        }
        AuditAction::AccessLogRead => lang.pick("Så denne oversigt", "Viewed this overview"),
        AuditAction::AvailableSlotsRead => lang.pick(
            "Så hvilke tider du kan booke",
            "Viewed which times you can book",
        ),
        AuditAction::MeetingsRead => lang.pick("Så dine samtaler", "Viewed your meetings"),
        AuditAction::MeetingBooked => {
            lang.pick("Bookede en samtale for dig", "Booked a meeting for you")
        }
        AuditAction::MeetingMoved => {
            lang.pick("Flyttede en af dine samtaler", "Moved one of your meetings")
        }
        AuditAction::MeetingCancelled => lang.pick(
            "Aflyste en af dine samtaler",
            "Cancelled one of your meetings",
        ),
        AuditAction::MeetingOutcome => lang.pick(
            "Registrerede om en samtale blev holdt",
            "Recorded whether a meeting took place",
        ),
        AuditAction::NoticeSent => lang.pick(
            "Sendte dig en e-mail, en sms eller et brev",
            "Sent you an e-mail, a text message or a letter",
        ),
        AuditAction::LetterPrinted => {
            lang.pick("Udskrev et brev til dig", "Printed a letter to you")
        }
        AuditAction::LetterListed => lang.pick(
            "Så dit navn på listen over breve, der skal udskrives",
            "Saw your name on the list of letters to print",
        ),
        AuditAction::LetterRead => lang.pick("Åbnede et brev til dig", "Opened a letter to you"),
        AuditAction::ScreeningSubmitted => lang.pick(
            "Udfyldte spørgsmålene om din situation for dig",
            "Answered the questions about your situation for you",
        ),
        AuditAction::ScreeningRead => lang.pick(
            "Så dine svar om din situation",
            "Viewed your answers about your situation",
        ),
        AuditAction::VisitationRead => lang.pick(
            "Så beslutningen om din støtte",
            "Viewed the decision on your support",
        ),
        AuditAction::VisitationDecided => lang.pick(
            "Besluttede hvor meget støtte du får",
            "Decided how much support you get",
        ),
        AuditAction::ContactPlanRead => {
            lang.pick("Så din plan for samtaler", "Viewed your plan of meetings")
        }
        AuditAction::ExemptionDecided => lang.pick(
            "Ændrede hvor mange samtaler du skal have",
            "Changed how many meetings you must have",
        ),
        AuditAction::WorklistListed => lang.pick(
            "Så dit navn på en liste over borgere der skal følges op på",
            "Saw your name on a list of citizens to follow up",
        ),
        AuditAction::MessagesRead => lang.pick("Så dine beskeder", "Read your messages"),
        AuditAction::MessageWritten => {
            lang.pick("Skrev en besked til dig", "Wrote a message to you")
        }
        AuditAction::InboxListed => lang.pick(
            "Så at du venter på svar på en besked",
            "Saw that you are waiting for an answer to a message",
        ),
        AuditAction::TransferRequested => lang.pick(
            "Bad om at overtage din sag, fordi du er flyttet til kommunen",
            "Asked to take over your case because you moved to the municipality",
        ),
        AuditAction::TransferAccepted => lang.pick(
            "Flyttede din sag til den kommune, du er flyttet til",
            "Moved your case to the municipality you moved to",
        ),
        AuditAction::TransferDeclined => lang.pick(
            "Afviste at flytte din sag til en anden kommune",
            "Declined to move your case to another municipality",
        ),
        AuditAction::VideoJoined => lang.pick(
            "Deltog i et videomøde med dig",
            "Took part in a video meeting with you",
        ),
    }
}

/// Page texts by key: (key, Danish, English).
static TEXTS: &[(&str, &str, &str)] = &[
    ("app.name", "Jobunivers", "Jobunivers"),
    (
        "app.tagline",
        "Samtaler med jobcenter og a-kasse",
        "Conversations with jobcentre and unemployment fund",
    ),
    ("nav.skip", "Gå til sidens indhold", "Skip to content"),
    ("nav.home", "Forside", "Home"),
    ("nav.signout", "Log ud", "Sign out"),
    ("nav.admin", "Administration", "Administration"),
    ("nav.language", "Sprog", "Language"),
    ("nav.signed_in_as", "Logget ind som", "Signed in as"),
    (
        "footer.about",
        "Jobunivers samler jobcenter, a-kasse og borger i ét system.",
        "Jobunivers brings jobcentre, unemployment funds and citizens together in one system.",
    ),
    ("signin.title", "Log ind", "Sign in"),
    (
        "signin.demo_intro",
        "Dette er en demo. Vælg en bruger for at logge ind. Der er ingen adgangskoder.",
        "This is a demo. Choose a user to sign in. There are no passwords.",
    ),
    ("signin.citizens", "Borgere", "Citizens"),
    ("signin.staff", "Medarbejdere", "Staff"),
    ("signin.as", "Log ind som", "Sign in as"),
    (
        "signin.unknown",
        "Brugeren findes ikke. Vælg en bruger fra listen.",
        "The user does not exist. Choose a user from the list.",
    ),
    (
        "signin.with_mitid",
        "Log ind med MitID",
        "Sign in with MitID",
    ),
    (
        "signin.with_staff",
        "Log ind som medarbejder",
        "Sign in as staff",
    ),
    (
        "signin.intro",
        "Borgere logger ind med MitID. Medarbejdere i jobcentre og a-kasser logger ind med deres arbejdskonto.",
        "Citizens sign in with MitID. Staff at jobcentres and unemployment funds sign in with their work account.",
    ),
    (
        "signin.none_configured",
        "Log ind er ikke sat op endnu. Kontakt driften.",
        "Sign-in has not been set up yet. Contact operations.",
    ),
    (
        "signin.cancelled",
        "Du afbrød log ind. Prøv igen, når du er klar.",
        "You cancelled signing in. Try again when you are ready.",
    ),
    (
        "signin.expired",
        "Log ind tog for lang tid eller blev startet i et andet vindue. Prøv igen.",
        "Signing in took too long or was started in another window. Please try again.",
    ),
    (
        "signin.unavailable",
        "Vi kan ikke komme i kontakt med log ind-tjenesten lige nu. Prøv igen om lidt.",
        "We cannot reach the sign-in service right now. Please try again in a little while.",
    ),
    (
        "signin.busy",
        "Rigtig mange logger ind lige nu. Vent et minut, og prøv igen.",
        "A great many people are signing in right now. Wait a minute and try again.",
    ),
    (
        "signin.refused",
        "Vi kunne ikke bekræfte dit log ind. Prøv igen. Sker det igen, så kontakt jobcentret.",
        "We could not confirm your sign-in. Please try again. If it happens again, contact the jobcentre.",
    ),
    (
        "signin.not_citizen",
        "Vi kan ikke finde dig i Jobunivers. Du bliver oprettet, når du melder dig ledig hos jobcentret eller din a-kasse. Kontakt dit jobcenter, hvis du mener, det er en fejl.",
        "We cannot find you in Jobunivers. You are registered when you sign up as unemployed with the jobcentre or your unemployment fund. Contact your jobcentre if you think this is a mistake.",
    ),
    (
        "signin.not_staff",
        "Din bruger har ikke adgang til Jobunivers. Bed din administrator om at oprette dig.",
        "Your user has no access to Jobunivers. Ask your administrator to create you.",
    ),
    ("citizen.title", "Dine oplysninger", "Your details"),
    (
        "citizen.intro",
        "Her kan du se, hvad jobcentret har registreret om dig.",
        "Here you can see what the jobcentre has registered about you.",
    ),
    (
        "citizen.access_log_link",
        "Se hvem der har set dine oplysninger",
        "See who has looked at your details",
    ),
    ("field.name", "Navn", "Name"),
    ("field.cpr", "CPR-nummer", "CPR number"),
    ("field.municipality", "Kommune", "Municipality"),
    ("field.fund", "A-kasse", "Unemployment fund"),
    ("field.team", "Team (valgfrit)", "Team (optional)"),
    (
        "hint.team",
        "Fx \"Team Unge\". Rapporterne kan opdeles efter team.",
        "E.g. \"Team Young\". Reports can be grouped by team.",
    ),
    ("field.target_group", "Målgruppe", "Target group"),
    ("field.your_benefit", "Din ydelse", "Your benefit"),
    ("field.unemployed_since", "Ledig siden", "Unemployed since"),
    (
        "field.registered_on",
        "Tilmeldt som jobsøgende",
        "Registered as a job seeker",
    ),
    (
        "field.first_contact_on",
        "Første henvendelse til kommunen",
        "First contact with the municipality",
    ),
    (
        "field.first_absence_on",
        "Første fraværsdag",
        "First day of absence",
    ),
    (
        "hint.registered_on",
        "Kun for dagpengemodtagere. A-kassens første samtale skal holdes senest 2 uger efter denne dag. Tom: samme dag som ledig siden. Skriv datoen som ÅÅÅÅ-MM-DD.",
        "Only for people on unemployment benefit. The fund's first conversation is due 2 weeks after this day. Empty: the same day as unemployed since. Write the date as YYYY-MM-DD.",
    ),
    (
        "hint.first_contact_on",
        "Kun for kontanthjælp. Den første samtale skal holdes senest 1 uge efter denne dag. Tom: samme dag som ledig siden. Skriv datoen som ÅÅÅÅ-MM-DD.",
        "Only for cash benefit. The first conversation is due 1 week after this day. Empty: the same day as unemployed since. Write the date as YYYY-MM-DD.",
    ),
    (
        "hint.first_absence_on",
        "Kun for sygedagpenge. Opfølgningen regnes fra denne dag. Tom: samme dag som ledig siden. Skriv datoen som ÅÅÅÅ-MM-DD.",
        "Only for sickness benefit. Follow-up counts from this day. Empty: the same day as unemployed since. Write the date as YYYY-MM-DD.",
    ),
    ("field.track", "Indsats", "Track"),
    ("field.caseworker", "Jobkonsulent", "Caseworker"),
    (
        "field.in_person",
        "Ønsker fremmøde",
        "Wants to meet in person",
    ),
    ("field.login", "Brugernavn", "Login"),
    ("field.role", "Rolle", "Role"),
    ("field.code", "Kode", "Code"),
    ("field.none", "Ingen", "None"),
    ("field.yes", "Ja", "Yes"),
    ("field.no", "Nej", "No"),
    (
        "access_log.title",
        "Hvem har set dine oplysninger",
        "Who has looked at your details",
    ),
    (
        "access_log.intro",
        "Her står alle gange, en medarbejder har set eller ændret dine oplysninger. Det nyeste står øverst.",
        "Every time a member of staff viewed or changed your details is listed here, newest first.",
    ),
    ("access_log.when", "Hvornår", "When"),
    ("access_log.who", "Hvem", "Who"),
    ("access_log.role", "Rolle", "Role"),
    ("access_log.what", "Hvad", "What"),
    (
        "access_log.empty",
        "Ingen har set dine oplysninger endnu.",
        "No one has looked at your details yet.",
    ),
    (
        "access_log.questions",
        "Har du spørgsmål til listen? Skriv til dit jobcenter.",
        "Questions about the list? Write to your jobcentre.",
    ),
    ("staff.title", "Borgere", "Citizens"),
    ("staff.search", "Søg på navn", "Search by name"),
    ("staff.filter_group", "Målgruppe", "Target group"),
    ("staff.all_groups", "Alle målgrupper", "All target groups"),
    ("staff.search_button", "Søg", "Search"),
    ("staff.count", "borgere fundet", "citizens found"),
    (
        "staff.none_found",
        "Ingen borgere passer på søgningen.",
        "No citizens match the search.",
    ),
    ("staff.new_citizen", "Opret borger", "Register citizen"),
    ("staff.page", "Side", "Page"),
    ("staff.of", "af", "of"),
    ("staff.previous", "Forrige", "Previous"),
    ("staff.next", "Næste", "Next"),
    ("staff.pagination", "Sider", "Pages"),
    ("staff.citizen_title", "Borger", "Citizen"),
    ("staff.back", "Tilbage til listen", "Back to the list"),
    ("admin.title", "Administration", "Administration"),
    (
        "admin.intro",
        "Opret kommuner, a-kasser, medarbejdere og borgere.",
        "Create municipalities, funds, staff and citizens.",
    ),
    (
        "admin.new_municipality",
        "Opret kommune",
        "Create municipality",
    ),
    (
        "admin.new_fund",
        "Opret a-kasse",
        "Create unemployment fund",
    ),
    (
        "admin.new_staff",
        "Opret medarbejder",
        "Create staff member",
    ),
    ("admin.municipalities", "Kommuner", "Municipalities"),
    ("admin.funds", "A-kasser", "Unemployment funds"),
    ("admin.staff", "Medarbejdere", "Staff"),
    ("form.create", "Opret", "Create"),
    ("form.cancel", "Annuller", "Cancel"),
    ("form.choose", "Vælg", "Choose"),
    ("form.optional", "(valgfrit)", "(optional)"),
    (
        "form.error_summary",
        "Der er fejl i formularen",
        "There are errors in the form",
    ),
    ("form.created", "Oprettet", "Created"),
    (
        "form.exists",
        "Findes allerede. Vælg en anden værdi.",
        "Already exists. Choose another value.",
    ),
    (
        "form.forbidden",
        "Du har ikke lov til at oprette her.",
        "You may not create this here.",
    ),
    (
        "hint.municipality_code",
        "Kommunenummer med 4 cifre, fx 0851 for Aalborg.",
        "Four-digit municipality code, e.g. 0851 for Aalborg.",
    ),
    (
        "hint.fund_code",
        "Kort kode med bogstaver, tal og bindestreg, fx 3F.",
        "Short code of letters, digits and hyphens, e.g. 3F.",
    ),
    (
        "hint.login",
        "Små bogstaver, tal, punktum og bindestreg.",
        "Lower-case letters, digits, dots and hyphens.",
    ),
    (
        "hint.cpr",
        "10 cifre, fx 010190-1234.",
        "10 digits, e.g. 010190-1234.",
    ),
    (
        "hint.date",
        "Skriv datoen som ÅÅÅÅ-MM-DD.",
        "Write the date as YYYY-MM-DD.",
    ),
    (
        "hint.staff_org",
        "Jobkonsulenter og ledere hører til én kommune eller én a-kasse.",
        "Caseworkers and managers belong to one municipality or one fund.",
    ),
    ("error.not_found", "Siden findes ikke", "Page not found"),
    (
        "error.not_found_text",
        "Siden findes ikke, eller du har ikke adgang til den. Gå til forsiden.",
        "The page does not exist or you do not have access. Go to the home page.",
    ),
    (
        "error.forbidden",
        "Du har ikke adgang",
        "You do not have access",
    ),
    (
        "error.forbidden_text",
        "Din rolle giver ikke adgang til siden. Gå til forsiden.",
        "Your role does not give access to this page. Go to the home page.",
    ),
    (
        "error.internal",
        "Der skete en fejl hos os",
        "Something went wrong on our side",
    ),
    (
        "error.internal_text",
        "Prøv igen om lidt. Fejlen er registreret.",
        "Try again in a little while. The error has been logged.",
    ),
    (
        "error.bad_request",
        "Siden kan ikke vises sådan",
        "The page cannot be shown like that",
    ),
    (
        "error.bad_request_text",
        "Adressen mangler noget eller indeholder noget forkert. Gå tilbage og prøv igen.",
        "The address is missing something or has something wrong in it. Go back and try again.",
    ),
    (
        "error.csrf",
        "Formularen er udløbet. Gå tilbage, genindlæs siden og prøv igen.",
        "The form has expired. Go back, reload the page and try again.",
    ),
];

/// Every table of page texts; each area of the product keeps its own.
const TABLES: &[&[(&str, &str, &str)]] = &[
    TEXTS,
    meetings::TEXTS,
    messages::TEXTS,
    messages::VIDEO,
    messages::SURVEY,
    messages::REPORT,
    screening::TEXTS,
    plan::TEXTS,
];

static INDEX: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> = LazyLock::new(|| {
    TABLES
        .iter()
        .flat_map(|table| table.iter())
        .map(|(k, da, en)| (*k, (*da, *en)))
        .collect()
});

/// The page-text lookup handed to templates as `t`.
#[derive(Debug, Clone, Copy)]
pub struct Texts {
    pub lang: Lang,
}

impl Texts {
    /// The text for `key`; an unknown key shows itself, and a test keeps that from happening.
    pub fn get<'a>(&self, key: &'a str) -> &'a str {
        match INDEX.get(key) {
            Some((da, en)) => self.lang.pick(da, en),
            None => key,
        }
    }

    pub fn target_group(&self, g: &TargetGroup) -> &'static str {
        target_group(self.lang, *g)
    }

    pub fn track(&self, t: &Option<Track>) -> &'static str {
        track(self.lang, *t)
    }

    pub fn track_name(&self, t: &Track) -> &'static str {
        track(self.lang, Some(*t))
    }

    pub fn role(&self, r: &Role) -> &'static str {
        role(self.lang, *r)
    }

    pub fn invalid(&self, problem: &Invalid) -> &'static str {
        invalid_message(self.lang, *problem)
    }

    pub fn pick(&self, da: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(da, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_key_used_by_a_template_exists_in_both_languages() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        let mut missing = Vec::new();
        for entry in std::fs::read_dir(dir).expect("templates") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
            for piece in text.split("t.get(\"").skip(1) {
                let key = piece.split('"').next().unwrap_or_default();
                if !INDEX.contains_key(key) {
                    missing.push(key.to_owned());
                }
            }
        }
        assert!(missing.is_empty(), "missing text keys: {missing:?}");
        let all: Vec<_> = TABLES.iter().flat_map(|t| t.iter()).collect();
        assert!(
            all.iter()
                .all(|(_, da, en)| !da.is_empty() && !en.is_empty())
        );
        assert_eq!(INDEX.len(), all.len(), "duplicate keys");
    }
}
