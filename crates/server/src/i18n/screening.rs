//! Texts of the screening questionnaire, the recommendation and the visitation. Towards
//! citizens no staff words ("visitation", "indsats", "målgruppe"): the questions are "spørgsmål
//! om din situation" and the track is described by what it means for them.

use domain::Track;

use super::Lang;

/// The track as the citizen reads it.
pub fn track_for_citizen(lang: Lang, t: Track) -> &'static str {
    match t {
        Track::SelfService => lang.pick(
            "Du klarer meget selv på nettet, og vi følger med.",
            "You manage much yourself online, and we keep an eye on things.",
        ),
        Track::Standard => lang.pick(
            "Du har almindelig kontakt med en jobkonsulent.",
            "You have regular contact with a caseworker.",
        ),
        Track::Intensive => lang.pick(
            "Du har tæt kontakt med en jobkonsulent.",
            "You have close contact with a caseworker.",
        ),
    }
}

/// Page texts: (key, Danish, English).
pub(super) static TEXTS: &[(&str, &str, &str)] = &[
    (
        "screening.title",
        "Spørgsmål om din situation",
        "Questions about your situation",
    ),
    (
        "screening.intro",
        "Dine svar hjælper os med at give dig den rigtige støtte. En jobkonsulent ser dine svar og beslutter sammen med dig. Vi bruger aldrig din alder, dit køn eller din baggrund.",
        "Your answers help us give you the right support. A caseworker sees your answers and decides with you. We never use your age, gender or background.",
    ),
    (
        "screening.on_behalf",
        "Du udfylder spørgsmålene for",
        "You are answering the questions for",
    ),
    (
        "screening.how",
        "Sådan bruger vi svarene",
        "How we use the answers",
    ),
    (
        "screening.q.worked",
        "Hvor mange af de seneste 12 måneder har du haft lønnet arbejde?",
        "How many of the last 12 months have you had paid work?",
    ),
    (
        "screening.q.worked_hint",
        "Skriv et tal fra 0 til 12.",
        "Enter a number from 0 to 12.",
    ),
    (
        "screening.q.education",
        "Hvad er din højeste uddannelse?",
        "What is your highest education?",
    ),
    (
        "screening.q.health",
        "Begrænser dit helbred, hvilket arbejde du kan have?",
        "Does your health limit what work you can do?",
    ),
    (
        "screening.q.obstacles",
        "Er der andet i dit liv, der gør det svært at arbejde lige nu? Fx omsorg for familie, bolig, gæld eller misbrug.",
        "Is there anything else in your life that makes work hard right now? For example caring for family, housing, debt or addiction.",
    ),
    (
        "screening.q.digital",
        "Hvor godt klarer du dig med selvbetjening på nettet, telefon og video?",
        "How well do you manage self-service online, phone and video?",
    ),
    (
        "screening.q.interpreter",
        "Har du brug for tolk?",
        "Do you need an interpreter?",
    ),
    (
        "screening.q.own",
        "Hvornår tror du, at du er i arbejde?",
        "When do you think you will be in work?",
    ),
    (
        "screening.q.in_person",
        "Vil du helst mødes personligt med jobcentret?",
        "Would you rather meet the jobcentre in person?",
    ),
    (
        "screening.a.none_edu",
        "Ingen uddannelse efter folkeskolen",
        "None after primary school",
    ),
    (
        "screening.a.upper_secondary",
        "Gymnasial uddannelse",
        "Upper secondary",
    ),
    ("screening.a.vocational", "Erhvervsuddannelse", "Vocational"),
    (
        "screening.a.higher",
        "Videregående uddannelse",
        "Higher education",
    ),
    ("screening.a.yes", "Ja", "Yes"),
    ("screening.a.no", "Nej", "No"),
    ("screening.a.unsure", "Ved ikke", "Not sure"),
    ("screening.a.high", "Godt", "Well"),
    ("screening.a.some", "Nogenlunde", "Fairly well"),
    ("screening.a.low", "Dårligt", "Poorly"),
    ("screening.a.none", "Jeg bruger det ikke", "I do not use it"),
    ("screening.a.soon", "Inden for 3 måneder", "Within 3 months"),
    ("screening.a.months", "Inden for et år", "Within a year"),
    (
        "screening.a.long",
        "Om mere end et år",
        "In more than a year",
    ),
    ("screening.a.dont_know", "Ved ikke", "Do not know"),
    ("screening.submit", "Send svarene", "Send the answers"),
    (
        "screening.result_title",
        "Tak for dine svar",
        "Thank you for your answers",
    ),
    ("screening.suggestion", "Vores forslag", "Our suggestion"),
    ("screening.why", "Derfor", "Why"),
    (
        "screening.first_in_person",
        "Din første samtale holdes ved personligt fremmøde.",
        "Your first meeting is held in person.",
    ),
    (
        "screening.staff_books",
        "Jobcentret booker dine samtaler for dig.",
        "The jobcentre books your meetings for you.",
    ),
    (
        "screening.decides",
        "En jobkonsulent ser dine svar og forslaget og beslutter. Du kan se beslutningen og skrive din egen vurdering på din forside.",
        "A caseworker looks at your answers and the suggestion and decides. You can see the decision and add your own view on your home page.",
    ),
    ("support.title", "Din støtte", "Your support"),
    (
        "support.none",
        "Jobcentret har endnu ikke besluttet, hvilken støtte du får.",
        "The jobcentre has not yet decided what support you get.",
    ),
    (
        "support.answer",
        "Svar på spørgsmål om din situation",
        "Answer questions about your situation",
    ),
    ("support.decided_by", "Besluttet af", "Decided by"),
    (
        "support.reason",
        "Jobcentrets begrundelse",
        "The jobcentre's reason",
    ),
    ("support.own_view", "Din egen vurdering", "Your own view"),
    (
        "support.own_view_hint",
        "Skriv, hvad du selv mener om beslutningen. Din jobkonsulent kan se det.",
        "Write what you think of the decision. Your caseworker can see it.",
    ),
    ("support.save_view", "Gem din vurdering", "Save your view"),
    (
        "visitation.title",
        "Screening og visitation",
        "Screening and track decision",
    ),
    (
        "visitation.no_screening",
        "Borgeren har ikke svaret på screeningen endnu.",
        "The citizen has not answered the screening yet.",
    ),
    (
        "visitation.fill_in",
        "Udfyld screeningen for borgeren",
        "Fill in the screening for the citizen",
    ),
    ("visitation.answers", "Seneste svar", "Latest answers"),
    (
        "visitation.recommended",
        "Anbefalet indsats",
        "Recommended track",
    ),
    ("visitation.decide", "Beslut indsats", "Decide the track"),
    ("visitation.track", "Indsats", "Track"),
    ("visitation.reason", "Begrundelse", "Reason"),
    (
        "visitation.reason_hint",
        "Skal udfyldes, når du afviger fra anbefalingen.",
        "Required when you differ from the recommendation.",
    ),
    ("visitation.save", "Gem beslutning", "Save decision"),
    (
        "visitation.history",
        "Tidligere beslutninger",
        "Earlier decisions",
    ),
    (
        "visitation.citizen_view",
        "Borgerens egen vurdering",
        "The citizen's own view",
    ),
    ("visitation.by", "Udfyldt af", "Answered by"),
    (
        "monitoring.title",
        "Screening og visitation: opfølgning",
        "Screening and decisions: monitoring",
    ),
    (
        "monitoring.intro",
        "Her ses, hvor ofte jobkonsulenterne beslutter noget andet end modellens anbefaling, og hvordan indsatserne fordeler sig. Store forskelle mellem grupper kan pege på skævhed i modellen eller i praksis.",
        "How often caseworkers decide differently from the model's recommendation, and how tracks are spread. Large differences between groups may point to bias in the model or in practice.",
    ),
    ("monitoring.from", "Fra dato", "From date"),
    ("monitoring.to", "Til og med dato", "To date (included)"),
    ("monitoring.show", "Vis", "Show"),
    (
        "monitoring.none",
        "Der er ingen beslutninger i perioden.",
        "There are no decisions in the period.",
    ),
    ("monitoring.group", "Gruppe", "Group"),
    ("monitoring.decisions", "Beslutninger", "Decisions"),
    ("monitoring.overrides", "Afvigelser", "Overrides"),
    ("monitoring.rate", "Andel afvigelser", "Override rate"),
    ("monitoring.without", "Uden screening", "Without screening"),
    (
        "monitoring.by_group",
        "Afvigelser fra anbefalingen efter målgruppe",
        "Overrides by target group",
    ),
    (
        "monitoring.by_municipality",
        "Afvigelser fra anbefalingen efter kommune",
        "Overrides by municipality",
    ),
    (
        "monitoring.by_month",
        "Besluttede indsatser pr. måned",
        "Decided tracks per month",
    ),
    ("monitoring.month", "Måned", "Month"),
    ("monitoring.self_service", "Selvbetjening", "Self-service"),
    ("monitoring.standard", "Standard", "Standard"),
    ("monitoring.intensive", "Intensiv", "Intensive"),
    (
        "monitoring.matrix",
        "Anbefaling og beslutning",
        "Recommendation and decision",
    ),
    ("monitoring.recommended", "Anbefalet", "Recommended"),
    ("monitoring.decided", "Besluttet", "Decided"),
    ("nav.monitoring", "Visitation", "Decisions"),
    ("monitoring.policy", "Første samtale", "First meeting"),
    (
        "monitoring.policy_question",
        "Efter loven holdes borgerens første samtale altid ved personligt fremmøde (LAB § 33, stk. 1). Skal også den første samtale med hver af jobcentret og a-kassen holdes ved fremmøde?",
        "By law a citizen's first meeting is always held in person (LAB § 33(1)). Should the first meeting with each of the jobcentre and the a-kasse be in person too?",
    ),
    (
        "monitoring.policy_screening",
        "Når screeningen siger det (standard)",
        "When the screening says so (default)",
    ),
    (
        "monitoring.policy_everyone",
        "Altid, for alle borgere",
        "Always, for every citizen",
    ),
    (
        "selfbooking.title",
        "Booking af samtaler",
        "Booking meetings",
    ),
    (
        "selfbooking.question",
        "Hvem booker borgerens samtaler? Fritagelse kun af de grunde, bekendtgørelsen nævner (BEK 1216/2023 § 45)",
        "Who books the citizen's meetings? Exemption only for the reasons of the executive order (BEK 1216/2023 § 45)",
    ),
    (
        "selfbooking.self",
        "Borgeren booker selv",
        "The citizen books",
    ),
    (
        "selfbooking.it_skills",
        "Vi booker: meget ringe it-kundskaber",
        "We book: very poor IT skills",
    ),
    (
        "selfbooking.language",
        "Vi booker: betydelige sproglige barrierer",
        "We book: significant language barriers",
    ),
    (
        "selfbooking.disability",
        "Vi booker: betydelig fysisk, kognitiv eller psykisk funktionsnedsættelse",
        "We book: a significant physical, cognitive or mental disability",
    ),
    (
        "selfbooking.interpreter",
        "Vi booker: samtalen kræver tolk eller særlige lokaler",
        "We book: the meeting needs an interpreter or special premises",
    ),
    ("selfbooking.save", "Gem", "Save"),
    ("monitoring.policy_save", "Gem indstilling", "Save setting"),
];
