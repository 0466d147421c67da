//! Texts of availability and meetings: channel and status names, the reasons a channel or a
//! change is refused, and the page texts of booking, "Mine samtaler" and the staff calendar.

use domain::meetings::{ChannelRefusal, MeetingRefusal};
use domain::{Channel, MeetingStatus};

use super::Lang;

pub fn channel(lang: Lang, c: Channel) -> &'static str {
    match c {
        Channel::InPerson => lang.pick("Fremmøde", "In person"),
        Channel::Phone => lang.pick("Telefon", "Phone"),
        Channel::Video => lang.pick("Video", "Video"),
    }
}

pub fn meeting_status(lang: Lang, s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Booked => lang.pick("Booket", "Booked"),
        MeetingStatus::Cancelled => lang.pick("Aflyst", "Cancelled"),
        MeetingStatus::Held => lang.pick("Afholdt", "Held"),
        MeetingStatus::NoShow => lang.pick("Udeblevet", "Did not attend"),
    }
}

/// Why a channel cannot be used, said to the citizen with what to do instead.
pub fn channel_refusal(lang: Lang, r: ChannelRefusal) -> &'static str {
    match r {
        ChannelRefusal::NotOffered => lang.pick(
            "Tiden tilbydes ikke med den kontaktform. Vælg en anden kontaktform eller en anden tid.",
            "This time is not offered with that channel. Choose another channel or time.",
        ),
        ChannelRefusal::FirstMeetingInPerson => lang.pick(
            "Din første samtale skal efter loven holdes ved personligt fremmøde. Vælg fremmøde. De næste samtaler kan du holde over telefon eller video.",
            "By law, your first meeting is held in person. Choose in person. Later meetings can be by phone or video.",
        ),
        ChannelRefusal::InPersonRequested => lang.pick(
            "Du har bedt om at mødes personligt, så samtalen holdes ved fremmøde. Du kan ændre dit ønske under dine oplysninger.",
            "You have asked to meet in person, so the meeting is held in person. You can change this in your details.",
        ),
        ChannelRefusal::AttendanceRequired => lang.pick(
            "Jobcentret har indkaldt dig til personligt fremmøde til denne samtale.",
            "The jobcentre has called you in to attend this meeting in person.",
        ),
        ChannelRefusal::InPersonFirst => lang.pick(
            "Din første samtale med både jobcentret og a-kassen holdes ved personligt fremmøde. De næste kan du holde over telefon eller video.",
            "Your first meeting with both the jobcentre and the a-kasse is held in person. Later ones can be by phone or video.",
        ),
        ChannelRefusal::NoPhoneNumber => lang.pick(
            "Vi har ikke dit telefonnummer. Skriv det under dine oplysninger for at vælge telefon.",
            "We do not have your phone number. Add it in your details to choose phone.",
        ),
    }
}

/// Why a change to a meeting was refused.
pub fn meeting_refusal(lang: Lang, r: MeetingRefusal) -> &'static str {
    match r {
        MeetingRefusal::SelfBookingNotAllowed => lang.pick(
            "Du kan ikke selv booke samtaler. Jobcentret booker for dig – ring eller skriv, hvis du har brug for en tid.",
            "You cannot book meetings yourself. The jobcentre books for you – call or write if you need a time.",
        ),
        MeetingRefusal::NotBooked => lang.pick(
            "Samtalen er ikke længere booket (den er aflyst eller afsluttet).",
            "The meeting is no longer booked (it was cancelled or has ended).",
        ),
        MeetingRefusal::AlreadyStarted => lang.pick(
            "Samtalen er begyndt og kan ikke længere flyttes eller aflyses. Kontakt jobcentret.",
            "The meeting has begun and can no longer be moved or cancelled. Contact the jobcentre.",
        ),
        MeetingRefusal::NotStarted => lang.pick(
            "Udfaldet kan først registreres, når samtalen er begyndt.",
            "The outcome can only be recorded once the meeting has begun.",
        ),
        MeetingRefusal::InPast => lang.pick(
            "Tiden er passeret. Vælg en senere tid.",
            "That time has passed. Choose a later time.",
        ),
    }
}

/// A request that collides with what is already there (by its stable code).
pub fn conflict(lang: Lang, code: &str) -> &'static str {
    match code {
        "slot_taken" => lang.pick(
            "Tiden er lige blevet booket af en anden. Vælg en anden tid.",
            "That time was just booked by someone else. Choose another time.",
        ),
        "overlap" => lang.pick(
            "Tiden overlapper en af dine andre tider. Vælg et andet tidsrum.",
            "The time overlaps one of your other times. Choose another period.",
        ),
        "adviser_unavailable" => lang.pick(
            "A-kassen har ingen ledig rådgiver på det tidspunkt. Vælg en anden tid eller book uden a-kassen.",
            "The unemployment fund has no adviser free at that time. Choose another time or book without the fund.",
        ),
        "already_answered" => lang.pick(
            "Du har allerede svaret på dette spørgeskema. Tak for dit svar.",
            "You have already answered this survey. Thank you.",
        ),
        "registered_elsewhere" => lang.pick(
            "CPR-nummeret er registreret i en anden kommune. Er borgeren flyttet hertil, så bed om at få sagen flyttet.",
            "The CPR number is registered in another municipality. If the citizen has moved here, ask for the case to be moved.",
        ),
        "transfer_pending" => lang.pick(
            "I har allerede bedt om at få sagen flyttet. Den kommune, der har sagen, svarer.",
            "You have already asked for the case. The municipality holding it will answer.",
        ),
        "transfer_decided" => lang.pick(
            "Der er allerede svaret på anmodningen.",
            "The request has already been answered.",
        ),
        "survey_closed" => lang.pick(
            "Spørgeskemaet er lukket, fordi samtalen er mere end 30 dage gammel. Tak fordi du ville svare.",
            "The survey is closed because the meeting is more than 30 days ago. Thank you for wanting to answer.",
        ),
        _ => lang.pick("Handlingen passer ikke med den nuværende tilstand.", "The action conflicts with the current state."),
    }
}

/// The refusal of a booking that would put the citizen in two meetings at once: the other
/// meeting's time only, as the reader may not be allowed to see what it is.
pub fn citizen_busy(lang: Lang, start: jiff::Timestamp, end: jiff::Timestamp) -> String {
    let when = crate::time_fmt::when(start, end, lang);
    match lang {
        Lang::En => {
            format!("There is already a meeting at that time ({when}). Choose another time.")
        }
        _ => format!("Der er allerede en samtale på det tidspunkt ({when}). Vælg en anden tid."),
    }
}

/// Page texts: (key, Danish, English).
pub(super) static TEXTS: &[(&str, &str, &str)] = &[
    (
        "meetings.exempt_it_skills",
        "Det er, fordi det er meget svært for dig at bruge it.",
        "That is because using IT is very hard for you.",
    ),
    (
        "meetings.exempt_language",
        "Det er, fordi det er svært for dig at læse og skrive dansk.",
        "That is because reading and writing Danish is hard for you.",
    ),
    (
        "meetings.exempt_disability",
        "Det er, fordi et handicap gør det svært for dig at booke selv.",
        "That is because a disability makes it hard for you to book yourself.",
    ),
    (
        "meetings.exempt_interpreter",
        "Det er, fordi dine samtaler skal have tolk eller holdes et særligt sted.",
        "That is because your meetings need an interpreter or a special place.",
    ),
    (
        "calendar.feed_renew_intro",
        "Har andre fået adressen, eller har du mistet en telefon med kalenderen? Lav en ny adresse. Den gamle holder straks op med at virke, og du skal abonnere igen med den nye.",
        "Has someone else got the address, or have you lost a phone with the calendar? Make a new address. The old one stops working at once, and you subscribe again with the new one.",
    ),
    (
        "calendar.feed_renew",
        "Lav en ny adresse",
        "Make a new address",
    ),
    (
        "calendar.feed_renewed",
        "Kalenderen har fået en ny adresse. Den gamle virker ikke længere.",
        "The calendar has a new address. The old one no longer works.",
    ),
    ("nav.transfers", "Flytninger", "Moves"),
    (
        "transfer.title",
        "Flytninger: borgere, der er flyttet",
        "Moves: citizens who moved",
    ),
    (
        "transfer.list_intro",
        "En anden kommune beder om sagen, fordi borgeren er flyttet dertil. Flyt sagen, når flytningen er bekræftet; så får den nye kommune sagen uden jobkonsulent.",
        "Another municipality asks for the case because the citizen moved there. Move the case once the move is confirmed; the new municipality gets it without a caseworker.",
    ),
    (
        "transfer.none",
        "Ingen kommuner venter på svar.",
        "No municipality is waiting for an answer.",
    ),
    ("transfer.to", "Flyttet til", "Moved to"),
    ("transfer.reason", "Begrundelse", "Reason"),
    (
        "transfer.reason_hint",
        "Fx: Flyttet hertil 1. december",
        "E.g. Moved here on 1 December",
    ),
    ("transfer.requested", "Anmodet", "Asked"),
    ("transfer.accept", "Flyt sagen", "Move the case"),
    ("transfer.decline", "Afvis", "Decline"),
    (
        "transfer.reason_missing",
        "Skriv hvorfor sagen skal flyttes, fx at borgeren er flyttet hertil.",
        "Write why the case should move, e.g. that the citizen moved here.",
    ),
    (
        "transfer.not_registered",
        "CPR-nummeret er ikke registreret nogen steder. Opret borgeren i stedet.",
        "The CPR number is not registered anywhere. Register the citizen instead.",
    ),
    (
        "transfer.ask_title",
        "Bed om at få sagen flyttet",
        "Ask for the case to be moved",
    ),
    (
        "transfer.ask_intro",
        "Er borgeren flyttet til jeres kommune, kan I bede den kommune, der har sagen, om at flytte den. I får ikke at vide, hvilken kommune det er, før sagen er jeres.",
        "If the citizen has moved to your municipality, you can ask the municipality holding the case to move it. You are not told which municipality it is until the case is yours.",
    ),
    ("transfer.ask", "Send anmodningen", "Send the request"),
    (
        "transfer.sent",
        "Anmodningen er sendt. Den kommune, der har sagen, svarer. Borgeren står på jeres liste, når sagen er flyttet.",
        "The request is sent. The municipality holding the case will answer. The citizen appears on your list once the case has moved.",
    ),
    (
        "form.registered_elsewhere",
        "CPR-nummeret er registreret i en anden kommune. Er borgeren flyttet hertil, så bed om at få sagen flyttet nedenfor.",
        "The CPR number is registered in another municipality. If the citizen has moved here, ask for the case below.",
    ),
    ("meetings.title", "Mine samtaler", "My meetings"),
    ("meetings.book", "Book en samtale", "Book a meeting"),
    (
        "meetings.book_fund",
        "Book samtale med din a-kasse",
        "Book a meeting with your unemployment fund",
    ),
    (
        "meetings.staff_books",
        "Jobcentret booker dine samtaler for dig. Ring eller skriv til jobcentret, hvis du har brug for en tid.",
        "The jobcentre books your meetings for you. Call or write to the jobcentre if you need a time.",
    ),
    (
        "meetings.upcoming",
        "Kommende samtaler",
        "Upcoming meetings",
    ),
    (
        "meetings.none_upcoming",
        "Du har ingen kommende samtaler.",
        "You have no upcoming meetings.",
    ),
    (
        "meetings.change_or_cancel",
        "Flyt eller aflys",
        "Move or cancel",
    ),
    ("meetings.past", "Tidligere samtaler", "Earlier meetings"),
    (
        "meetings.none_past",
        "Du har ingen tidligere samtaler.",
        "You have no earlier meetings.",
    ),
    ("meeting.title", "Samtale", "Meeting"),
    ("meeting.when", "Tid", "Time"),
    ("meeting.channel", "Kontaktform", "Channel"),
    ("meeting.with", "Med", "With"),
    (
        "meeting.and_fund",
        "og fra a-kassen",
        "and from the unemployment fund",
    ),
    ("meeting.status", "Status", "Status"),
    ("meeting.purpose", "Emne", "Topic"),
    ("meeting.location", "Sted", "Place"),
    ("meeting.cancelled", "Aflyst", "Cancelled"),
    (
        "meeting.called_in",
        "Du er indkaldt til at møde personligt op. Jobcentrets begrundelse:",
        "You are called in to attend in person. The jobcentre's reason:",
    ),
    (
        "meeting.will_be_called",
        "Din jobkonsulent ringer til dig på tidspunktet.",
        "Your caseworker will call you at the time.",
    ),
    (
        "meeting.call_citizen",
        "Ring til borgeren:",
        "Call the citizen:",
    ),
    (
        "meeting.join_video",
        "Gå til videosamtalen",
        "Join the video meeting",
    ),
    (
        "meeting.back",
        "Tilbage til mine samtaler",
        "Back to my meetings",
    ),
    (
        "meeting.back_to_citizen",
        "Tilbage til borgeren",
        "Back to the citizen",
    ),
    (
        "meeting.refused",
        "Det kunne ikke lade sig gøre",
        "That was not possible",
    ),
    (
        "meeting.add_to_calendar",
        "Tilføj til kalender",
        "Add to calendar",
    ),
    ("meeting.move_heading", "Flyt samtalen", "Move the meeting"),
    ("meeting.move", "Vælg en anden tid", "Choose another time"),
    (
        "meeting.cancel_heading",
        "Aflys samtalen",
        "Cancel the meeting",
    ),
    (
        "meeting.cancel_reason",
        "Hvorfor aflyser du?",
        "Why are you cancelling?",
    ),
    (
        "meeting.cancel_hint",
        "Skriv kort hvorfor, fx sygdom eller job. Aflyser du sent, kan jobcentret kontakte dig.",
        "Say briefly why, e.g. illness or work. If you cancel late, the jobcentre may contact you.",
    ),
    ("meeting.cancel", "Aflys samtalen", "Cancel the meeting"),
    (
        "meeting.outcome_heading",
        "Registrér udfald",
        "Record the outcome",
    ),
    (
        "meeting.outcome_question",
        "Blev samtalen holdt?",
        "Did the meeting take place?",
    ),
    (
        "meeting.outcome_held",
        "Ja, samtalen blev holdt",
        "Yes, the meeting took place",
    ),
    (
        "meeting.outcome_no_show",
        "Nej, borgeren udeblev",
        "No, the citizen did not attend",
    ),
    ("meeting.outcome_save", "Gem udfald", "Save outcome"),
    ("book.title", "Book en samtale", "Book a meeting"),
    ("book.move_title", "Flyt samtalen", "Move the meeting"),
    ("book.for_citizen", "Samtale med", "Meeting with"),
    ("book.step1", "Vælg en tid", "Choose a time"),
    (
        "book.step1_fund",
        "Vælg en tid hos din a-kasse",
        "Choose a time with your unemployment fund",
    ),
    (
        "book.with_whom",
        "Hvem skal du tale med?",
        "Who do you want to talk to?",
    ),
    ("book.with_jobcenter", "Jobcentret", "The jobcentre"),
    ("book.with_fund", "Din a-kasse", "Your unemployment fund"),
    (
        "book.step2",
        "Vælg hvordan samtalen skal foregå",
        "Choose how the meeting is held",
    ),
    ("book.chosen_time", "Du har valgt", "You have chosen"),
    (
        "book.other_time",
        "Vælg en anden tid",
        "Choose another time",
    ),
    (
        "book.channel_question",
        "Hvordan vil du holde samtalen?",
        "How do you want to hold the meeting?",
    ),
    (
        "book.fund_question",
        "Skal din a-kasse være med til samtalen?",
        "Should your unemployment fund take part in the meeting?",
    ),
    (
        "book.fund_staff",
        "Fælles samtale med borgerens a-kasse",
        "Joint meeting with the citizen's unemployment fund",
    ),
    (
        "book.fund_hint",
        "En rådgiver fra a-kassen deltager, hvis der er en ledig på tidspunktet.",
        "An adviser from the fund takes part if one is free at that time.",
    ),
    (
        "book.purpose",
        "Emne for samtalen (valgfrit)",
        "Topic of the meeting (optional)",
    ),
    (
        "book.attendance",
        "Kræv personligt fremmøde (indkaldelse)",
        "Require attendance in person (call-in)",
    ),
    (
        "book.attendance_reason",
        "Begrundelse for fremmøde",
        "Reason for attendance in person",
    ),
    (
        "book.attendance_hint",
        "Borgeren ser begrundelsen. Kontaktformen skal være fremmøde.",
        "The citizen sees the reason. The channel must be in person.",
    ),
    ("book.submit", "Book samtalen", "Book the meeting"),
    (
        "book.submit_move",
        "Flyt samtalen hertil",
        "Move the meeting here",
    ),
    (
        "book.no_times",
        "Der er ingen ledige tider i perioden. Se de næste dage nedenfor.",
        "There are no free times in this period. See the next days below.",
    ),
    ("book.later", "Vis senere tider", "Show later times"),
    ("calendar.title", "Min kalender", "My calendar"),
    ("calendar.weeks", "Skift uge", "Change week"),
    ("calendar.prev", "Forrige uge", "Previous week"),
    ("calendar.this_week", "Denne uge", "This week"),
    ("calendar.next", "Næste uge", "Next week"),
    ("calendar.nothing", "Ingen tider.", "No times."),
    ("calendar.remove", "Fjern", "Remove"),
    (
        "calendar.add_single",
        "Tilføj en enkelt tid",
        "Add a single time",
    ),
    (
        "calendar.add_weekly",
        "Tilføj faste ugentlige tider",
        "Add weekly times",
    ),
    (
        "calendar.weekly_intro",
        "Tiderne deles op i samtaler af den valgte længde. Helligdage springes over.",
        "The times are split into meetings of the chosen length. Public holidays are left out.",
    ),
    ("calendar.weekdays", "Ugedage", "Weekdays"),
    ("calendar.channels", "Kontaktformer", "Channels"),
    ("calendar.add", "Opret tider", "Create times"),
    ("calendar.date", "Dato", "Date"),
    (
        "calendar.date_hint",
        "Skriv datoen som ÅÅÅÅ-MM-DD.",
        "Enter the date as YYYY-MM-DD.",
    ),
    ("calendar.from", "Fra kl.", "From"),
    ("calendar.to", "Til kl.", "To"),
    ("calendar.location", "Mødested", "Meeting place"),
    (
        "calendar.location_hint",
        "Skal udfyldes, når fremmøde er valgt.",
        "Required when in person is chosen.",
    ),
    (
        "calendar.slot_minutes",
        "Minutter pr. samtale",
        "Minutes per meeting",
    ),
    ("calendar.first_day", "Første dag", "First day"),
    ("calendar.last_day", "Sidste dag", "Last day"),
    (
        "calendar.last_day_hint",
        "Højst et halvt år frem.",
        "At most half a year ahead.",
    ),
    ("calendar.feed", "Abonnér i Outlook", "Subscribe in Outlook"),
    (
        "calendar.feed_intro",
        "Tilføj denne private adresse som internetkalender. Den viser dine samtaler uden borgernes navne. Del den ikke.",
        "Add this private address as an internet calendar. It shows your meetings without citizens' names. Do not share it.",
    ),
    ("nav.meetings_of_citizen", "Samtaler", "Meetings"),
    (
        "staff.no_meetings",
        "Borgeren har ingen samtaler endnu.",
        "The citizen has no meetings yet.",
    ),
    ("field.phone", "Telefon", "Phone"),
    ("nav.meetings", "Mine samtaler", "My meetings"),
    ("nav.calendar", "Min kalender", "My calendar"),
    ("letters.title", "Breve til udskrivning", "Letters to print"),
    (
        "letters.intro",
        "Borgere uden digital post får besked med brev. Hent brevet som PDF, udskriv og send det, og markér det som udskrevet.",
        "Citizens without digital mail are told by letter. Download the letter as PDF, print and post it, and mark it as printed.",
    ),
    (
        "letters.none",
        "Der er ingen breve at udskrive.",
        "There are no letters to print.",
    ),
    ("letters.recipient", "Modtager", "Recipient"),
    ("letters.subject", "Emne", "Subject"),
    ("letters.created", "Oprettet", "Created"),
    ("letters.actions", "Handlinger", "Actions"),
    ("letters.pdf", "Hent PDF", "Download PDF"),
    ("letters.mark", "Markér som udskrevet", "Mark as printed"),
    ("letters.printed", "Senest udskrevne", "Recently printed"),
    ("letters.printed_at", "Udskrevet", "Printed"),
    ("nav.letters", "Breve", "Letters"),
];
