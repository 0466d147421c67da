//! Texts of the contact plan and the worklist. Citizens read their plan as sentences with the
//! action first ("Du skal have en samtale med din a-kasse inden 14. marts"); staff read codes
//! as short labels.

use domain::clock_text::{clock, day_month, local_date, long_date};
use domain::contact_plan::{ConversationKind, Holder, ItemStatus, PlanItem, WorkReason};
use jiff::civil::Date;

use super::Lang;

/// A worklist reason as staff read it.
pub fn work_reason(lang: Lang, r: WorkReason) -> &'static str {
    match r {
        WorkReason::FirstMeetingRemote => lang.pick(
            "Første samtale er booket som telefon eller video – skal holdes ved fremmøde",
            "First conversation booked by phone or video – must be in person",
        ),
        WorkReason::Overdue => lang.pick("Samtale overskredet", "Conversation overdue"),
        WorkReason::NoShow => lang.pick("Udeblevet, ikke fulgt op", "No-show not followed up"),
        WorkReason::DueSoon => lang.pick(
            "Samtale inden 7 dage, ikke booket",
            "Conversation due within 7 days, not booked",
        ),
        WorkReason::CallbackRequested => {
            lang.pick("Ønsker at blive ringet op", "Asks to be called")
        }
        WorkReason::UnansweredMessage => lang.pick("Ubesvaret besked", "Unanswered message"),
        WorkReason::AwaitingVisitation => lang.pick(
            "Ny screening afventer visitation",
            "New screening awaits visitation",
        ),
        WorkReason::Inactive => lang.pick(
            "Inaktiv i selvbetjening i 30 dage",
            "Inactive in self-service for 30 days",
        ),
        WorkReason::Unassigned => lang.pick("Ingen jobkonsulent", "No caseworker"),
    }
}

pub fn kind(lang: Lang, k: ConversationKind) -> &'static str {
    match k {
        ConversationKind::FirstConversation => lang.pick("Første samtale", "First conversation"),
        ConversationKind::JobConversation => lang.pick("Jobsamtale", "Job conversation"),
        ConversationKind::SixteenMonthConversation => lang.pick(
            "Samtale med jobcentret og a-kassen (senest efter 16 måneder)",
            "Conversation with the jobcentre and the a-kasse (within 16 months)",
        ),
    }
}

pub fn holder(lang: Lang, h: Holder) -> &'static str {
    match h {
        Holder::UnemploymentFund => lang.pick("A-kasse", "Unemployment fund"),
        Holder::Municipality => lang.pick("Jobcenter", "Jobcentre"),
    }
}

pub fn item_status(lang: Lang, s: ItemStatus) -> &'static str {
    match s {
        ItemStatus::Done => lang.pick("Holdt", "Held"),
        ItemStatus::Planned => lang.pick("Booket", "Booked"),
        ItemStatus::Due => lang.pick("Skal bookes", "To be booked"),
        ItemStatus::Overdue => lang.pick("Overskredet", "Overdue"),
    }
}

/// One item of the plan as a sentence for the citizen, on `today`.
pub fn for_citizen(lang: Lang, item: &PlanItem<'_>, today: Date) -> String {
    let en = lang == Lang::En;
    let date = |d: Date| day_month(d, today.year(), en);
    let with = match (item.holder, en) {
        (Holder::UnemploymentFund, false) => "din a-kasse",
        (Holder::Municipality, false) => "jobcentret",
        (Holder::UnemploymentFund, true) => "your unemployment fund",
        (Holder::Municipality, true) => "the jobcentre",
    };
    let what = match (item.kind, en) {
        (ConversationKind::FirstConversation, false) => "din første samtale",
        (_, false) => "en samtale",
        (ConversationKind::FirstConversation, true) => "your first meeting",
        (_, true) => "a meeting",
    };
    match (item.status, item.meeting, en) {
        (ItemStatus::Done, Some(m), false) => {
            format!("Du havde {what} med {with} {}.", date(m.date))
        }
        (ItemStatus::Done, Some(m), true) => {
            format!("You had {what} with {with} on {}.", date(m.date))
        }
        (ItemStatus::Planned, Some(m), false) => {
            format!("Du har {what} med {with} {}.", when_start(m.start, false))
        }
        (ItemStatus::Planned, Some(m), true) => {
            format!(
                "You have {what} with {with} on {}.",
                when_start(m.start, true)
            )
        }
        (ItemStatus::Overdue, _, false) => format!(
            "Book {what} med {with} nu. Fristen var {}.",
            date(item.due_by)
        ),
        (ItemStatus::Overdue, _, true) => {
            format!(
                "Book {what} with {with} now. The deadline was {}.",
                date(item.due_by)
            )
        }
        (_, _, false) if item.due_from > today => format!(
            "Du skal have {what} med {with} mellem {} og {}.",
            date(item.due_from),
            date(item.due_by)
        ),
        (_, _, true) if item.due_from > today => format!(
            "You must have {what} with {with} between {} and {}.",
            date(item.due_from),
            date(item.due_by)
        ),
        (_, _, false) => format!(
            "Du skal have {what} med {with} inden {}.",
            date(item.due_by)
        ),
        (_, _, true) => format!("You must have {what} with {with} by {}.", date(item.due_by)),
    }
}

/// `mandag 2. marts 2026 kl. 09:00`: when a booked meeting starts.
fn when_start(start: jiff::Timestamp, english: bool) -> String {
    let at = if english { "at" } else { "kl." };
    format!(
        "{} {at} {}",
        long_date(local_date(start), english),
        clock(start)
    )
}

pub static TEXTS: &[(&str, &str, &str)] = &[
    ("plan.title", "Kontaktforløb", "Contact plan"),
    (
        "plan.citizen_title",
        "Dine samtaler fremover",
        "Your meetings ahead",
    ),
    (
        "plan.citizen_intro",
        "Loven siger, hvor mange samtaler du skal have, og hvornår. Her kan du se dem.",
        "The law says how many meetings you must have, and when. Here you can see them.",
    ),
    ("plan.book", "Book en samtale", "Book a meeting"),
    (
        "plan.book_next",
        "Book næste samtale",
        "Book the next conversation",
    ),
    ("plan.col_kind", "Samtale", "Conversation"),
    ("plan.col_holder", "Holdes af", "Held by"),
    ("plan.col_window", "Vindue", "Window"),
    ("plan.col_status", "Status", "Status"),
    ("plan.col_meeting", "Møde", "Meeting"),
    ("plan.late", "for sent", "late"),
    ("plan.rules", "Regler", "Rules"),
    ("plan.open_meeting", "Åbn", "Open"),
    (
        "plan.empty",
        "Ingen samtaler i planen.",
        "No conversations in the plan.",
    ),
    ("plan.exempted", "Fritaget for", "Exempted from"),
    ("plan.conversations", "samtaler", "conversations"),
    (
        "plan.exemption_title",
        "Fritagelse for samtaler",
        "Exemption from conversations",
    ),
    (
        "plan.exemption_hint",
        "Efter reglerne fra 1. juli 2026 kan a-kassen og kommunen hver fritage op til 25 % af de forsikrede ledige for deres egne samtaler. I kan kun fritage for jeres egne samtaler. Den første samtale og samtalen efter 16 måneder holdes altid.",
        "Under the rules from 1 July 2026 the fund and the municipality may each exempt up to 25 % of the insured unemployed from their own conversations. You can only exempt from your own conversations. The first conversation and the one after 16 months are always held.",
    ),
    ("plan.exempt_yes", "Fritag borgeren", "Exempt the citizen"),
    ("plan.exempt_no", "Ophæv fritagelsen", "Lift the exemption"),
    ("plan.exempt_reason", "Begrundelse", "Reason"),
    ("plan.exempt_save", "Gem", "Save"),
    ("plan.exempt_current", "Fritaget", "Exempted"),
    (
        "plan.exempt_by_fund",
        "Fritaget for a-kassens samtaler",
        "Exempted from the fund's conversations",
    ),
    (
        "plan.exempt_by_municipality",
        "Fritaget for kommunens samtaler",
        "Exempted from the municipality's conversations",
    ),
    ("worklist.title", "Arbejdsliste", "Worklist"),
    (
        "worklist.intro",
        "Borgere der kræver handling nu, det mest presserende først.",
        "Citizens who need action now, most urgent first.",
    ),
    ("worklist.reason", "Årsag", "Reason"),
    ("worklist.all_reasons", "Alle årsager", "All reasons"),
    ("worklist.track", "Indsats", "Track"),
    ("worklist.all_tracks", "Alle indsatser", "All tracks"),
    ("worklist.filter", "Vis", "Show"),
    ("worklist.since", "Siden", "Since"),
    ("worklist.citizen", "Borger", "Citizen"),
    ("worklist.count", "punkter på listen", "items on the list"),
    (
        "worklist.none",
        "Ingen borgere kræver handling lige nu.",
        "No citizen needs action right now.",
    ),
    (
        "worklist.caseworkers",
        "Jobkonsulenternes borgere",
        "The caseworkers' citizens",
    ),
    ("worklist.col_caseworker", "Jobkonsulent", "Caseworker"),
    ("worklist.col_citizens", "Borgere", "Citizens"),
    ("worklist.col_items", "Punkter", "Items"),
    (
        "worklist.summary",
        "borgere kræver handling",
        "citizens need action",
    ),
    ("worklist.open", "Se arbejdslisten", "See the worklist"),
    ("nav.worklist", "Arbejdsliste", "Worklist"),
    ("nav.quotas", "Kontaktkrav", "Contact quotas"),
    ("quotas.title", "Kontaktkrav", "Contact quotas"),
    (
        "quotas.intro",
        "Reglerne fra 1. juli 2026: a-kassen og kommunen fritager hver kun for deres egne samtaler, og hver højst 25 % af de forsikrede ledige. A-kassen skal have holdt to samtaler i de første tre måneder med mindst 75 %. Kommunen skal have holdt sine to samtaler mellem tre og seks måneder med alle, den ikke har fritaget. Tallene gælder borgere hvis periode sluttede i perioden herunder.",
        "The rules from 1 July 2026: the fund and the municipality each exempt only from their own conversations, each at most 25 % of the insured unemployed. The fund must have held two conversations in the first three months with at least 75 %. The municipality must have held its two conversations between three and six months with everyone it has not exempted. The figures cover citizens whose period ended in the period below.",
    ),
    ("quotas.by_fund", "Pr. a-kasse", "Per unemployment fund"),
    ("quotas.by_municipality", "Pr. kommune", "Per municipality"),
    ("quotas.insured", "Forsikrede ledige", "Insured unemployed"),
    ("quotas.exempted", "Fritaget", "Exempted"),
    ("quotas.exempted_share", "Andel fritaget", "Share exempted"),
    ("quotas.over_cap", "over 25 %", "over 25 %"),
    ("quotas.measured", "Målt", "Measured"),
    ("quotas.met", "To samtaler", "Two conversations"),
    (
        "quotas.met_share",
        "Andel med to samtaler",
        "Share with two conversations",
    ),
    ("quotas.below_target", "under målet", "below target"),
];
