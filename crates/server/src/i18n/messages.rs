//! Texts of the message threads and the inbox.

pub(super) static TEXTS: &[(&str, &str, &str)] = &[
    ("messages.mark_read", "Markér som læst", "Mark as read"),
    ("nav.messages", "Beskeder", "Messages"),
    ("nav.inbox", "Indbakke", "Inbox"),
    (
        "messages.with_jobcenter",
        "Beskeder med jobcentret",
        "Messages with the jobcentre",
    ),
    (
        "messages.with_fund",
        "Beskeder med din a-kasse",
        "Messages with your unemployment fund",
    ),
    ("messages.with", "Beskeder med", "Messages with"),
    (
        "messages.to_fund",
        "Skriv til din a-kasse i stedet",
        "Write to your unemployment fund instead",
    ),
    (
        "messages.to_jobcenter",
        "Skriv til jobcentret i stedet",
        "Write to the jobcentre instead",
    ),
    (
        "messages.intro_citizen",
        "Her kan du skrive til os, og se hvad vi har skrevet til dig. Vi svarer inden for to arbejdsdage. Vi sender dig en e-mail eller sms, når du har fået svar.",
        "Here you can write to us and read what we have written to you. We answer within two working days, and send you an e-mail or text message when you have an answer.",
    ),
    ("messages.thread", "Samtalen", "The conversation"),
    (
        "messages.none",
        "Der er ingen beskeder endnu.",
        "There are no messages yet.",
    ),
    ("messages.you", "Dig", "You"),
    ("messages.read", "Læst", "Read"),
    ("messages.body", "Din besked", "Your message"),
    (
        "messages.body_hint",
        "Højst 10.000 tegn.",
        "At most 10,000 characters.",
    ),
    ("messages.send", "Send besked", "Send message"),
    (
        "messages.rate_limited",
        "Du har sendt mange beskeder på kort tid. Vent et minut, og prøv igen. Din tekst er ikke sendt.",
        "You have sent many messages in a short time. Wait a minute and try again. Your text has not been sent.",
    ),
    (
        "messages.no_thread",
        "Borgeren har ingen beskeder endnu.",
        "The citizen has no messages yet.",
    ),
    (
        "messages.waiting_for_us",
        "Borgeren venter på svar fra os siden",
        "The citizen has waited for our answer since",
    ),
    (
        "messages.waiting_for_citizen",
        "Vi har svaret; sidste svar",
        "We have answered; last answer",
    ),
    ("messages.assigned_to", "Tildelt", "Assigned to"),
    ("messages.assign_me", "Tildel til mig", "Assign to me"),
    (
        "messages.back_to_citizen",
        "Tilbage til borgeren",
        "Back to the citizen",
    ),
    (
        "messages.write",
        "Skriv til jobcentret",
        "Write to the jobcentre",
    ),
    (
        "messages.open",
        "Læs og skriv beskeder",
        "Read and write messages",
    ),
    ("messages.unread", "nye beskeder", "new messages"),
    (
        "inbox.title",
        "Indbakke: beskeder der venter på svar",
        "Inbox: messages waiting for an answer",
    ),
    (
        "inbox.intro",
        "Borgere der venter på svar fra jer, ældste først. Tag en besked ved at tildele den til dig selv.",
        "Citizens waiting for your answer, oldest first. Take one by assigning it to yourself.",
    ),
    ("inbox.count", "venter på svar", "waiting for an answer"),
    (
        "inbox.none",
        "Ingen venter på svar.",
        "Nobody is waiting for an answer.",
    ),
    ("inbox.waiting_since", "Venter siden", "Waiting since"),
    ("inbox.assigned", "Tildelt", "Assigned to"),
    ("inbox.action", "Handling", "Action"),
    ("inbox.unread", "Ny", "New"),
    ("inbox.nobody", "Ingen", "Nobody"),
    ("inbox.mine", "tildelt dig", "assigned to you"),
];

/// Texts of the video room.
pub(super) static VIDEO: &[(&str, &str, &str)] = &[
    ("video.title", "Videosamtale", "Video meeting"),
    ("video.with", "med", "with"),
    ("video.the_citizen", "borgeren", "the citizen"),
    ("video.meeting_link", "Se samtalen", "See the meeting"),
    (
        "video.needs_js",
        "Video i browseren kræver JavaScript. Slå JavaScript til, eller ring til jobcentret, så finder vi en anden måde at holde samtalen på.",
        "Video in the browser needs JavaScript. Turn JavaScript on, or call the jobcentre and we will find another way to hold the meeting.",
    ),
    (
        "video.check_title",
        "Tjek kamera og mikrofon",
        "Check camera and microphone",
    ),
    (
        "video.check_intro",
        "Du skal ikke installere noget. Giv browseren lov til at bruge kamera og mikrofon, og se at du kan se dig selv.",
        "There is nothing to install. Let the browser use your camera and microphone, and check that you can see yourself.",
    ),
    (
        "video.checking",
        "Vi tjekker kamera og mikrofon …",
        "Checking camera and microphone …",
    ),
    (
        "video.ok",
        "Kamera og mikrofon virker.",
        "Camera and microphone work.",
    ),
    (
        "video.failed",
        "Vi kan ikke bruge dit kamera eller din mikrofon. Tjek at browseren har lov, eller ring til jobcentret.",
        "We cannot use your camera or microphone. Check that the browser is allowed to, or call the jobcentre.",
    ),
    ("video.you", "Dit eget billede", "Your own picture"),
    (
        "video.enter_waiting",
        "Gå ind i venterummet",
        "Enter the waiting room",
    ),
    ("video.open_room", "Åbn rummet", "Open the room"),
    ("video.waiting_room", "Venterummet", "Waiting room"),
    (
        "video.waiting_text",
        "Du venter på, at din jobkonsulent lukker dig ind. Bliv på siden.",
        "You are waiting for your caseworker to let you in. Stay on this page.",
    ),
    (
        "video.waiting_list",
        "Venter på at komme ind",
        "Waiting to come in",
    ),
    ("video.admit", "Luk ind:", "Let in:"),
    ("video.call", "Samtalen", "The meeting"),
    ("video.leave", "Forlad samtalen", "Leave the meeting"),
    (
        "video.left",
        "Du har forladt samtalen.",
        "You have left the meeting.",
    ),
    (
        "video.lost",
        "Forbindelsen til samtalen blev afbrudt. Genindlæs siden for at komme ind igen.",
        "The connection was lost. Reload the page to enter again.",
    ),
];

/// Texts of the survey after a meeting.
pub(super) static SURVEY: &[(&str, &str, &str)] = &[
    (
        "survey.title",
        "Hvordan gik din samtale?",
        "How did your meeting go?",
    ),
    ("survey.about", "Om din samtale", "About your meeting"),
    (
        "survey.intro",
        "Det tager to minutter. Dine svar er anonyme: din jobkonsulent ser dem aldrig, og vi viser kun tal for grupper på mindst fem personer.",
        "It takes two minutes. Your answers are anonymous: your caseworker never sees them, and we only show figures for groups of at least five people.",
    ),
    ("survey.send", "Send svar", "Send answers"),
    (
        "survey.closed",
        "Spørgeskemaet er lukket, fordi samtalen er mere end 30 dage gammel. Tak fordi du ville svare.",
        "The survey is closed because the meeting is more than 30 days ago. Thank you for wanting to answer.",
    ),
    (
        "survey.thanks",
        "Tak for dit svar. Det hjælper os med at gøre samtalerne bedre.",
        "Thank you for answering. It helps us make the meetings better.",
    ),
    ("survey.back", "Tilbage til din side", "Back to your page"),
    (
        "survey.waiting",
        "Fortæl os, hvordan din samtale gik",
        "Tell us how your meeting went",
    ),
    ("survey.q.satisfaction", "Tilfredshed", "Satisfaction"),
    ("survey.q.channel_fit", "Kontaktformen", "The way you met"),
    ("survey.q.personal", "Personlig", "Personal"),
    ("survey.q.helpful", "Hjalp samtalen", "Did it help"),
    (
        "survey.q.more_remote",
        "Telefon eller video",
        "Phone or video",
    ),
    ("survey.q.callback", "Ring mig op", "Call me"),
    ("survey.q.comment", "Kommentar", "Comment"),
];

/// Texts of the contact report.
pub(super) static REPORT: &[(&str, &str, &str)] = &[
    ("nav.reports", "Rapporter", "Reports"),
    (
        "report.title",
        "Kontakter og tilfredshed",
        "Contacts and satisfaction",
    ),
    (
        "report.intro",
        "Samtaler i perioden efter udfald, og hvad borgerne svarede bagefter. Andele af svar vises kun for grupper med mindst fem svar, så ingen kan genkendes.",
        "Meetings in the period by outcome, and what citizens answered afterwards. Shares of answers are shown only for groups of at least five answers, so nobody can be recognised.",
    ),
    (
        "report.answers_months",
        "Svarene er talt for hele måneder, der ikke længere kan ændre sig (30 dage efter månedens udgang), og kun for en kommunes måned, hvor alle grupper har mindst fem svar. Svar fra:",
        "Answers are counted for whole months that can no longer change (30 days after the month ends), and only for a municipality's month in which every group has at least five answers. Answers from:",
    ),
    (
        "report.answers_none",
        "Perioden rummer ingen hel måned, der sluttede for mindst 30 dage siden. Derfor vises ingen svar endnu.",
        "The period holds no whole month that ended at least 30 days ago, so no answers are shown yet.",
    ),
    (
        "report.other",
        "Øvrige (svar fra små grupper, samlet)",
        "Others (answers of small groups, together)",
    ),
    ("report.group_by", "Opdel efter", "Group by"),
    ("report.municipality", "Kommune", "Municipality"),
    ("report.by_team", "Team", "Team"),
    ("report.team", "Team", "Team"),
    ("report.no_team", "Uden team", "No team"),
    (
        "report.all_municipalities",
        "Alle kommuner",
        "All municipalities",
    ),
    ("report.by_channel", "Kontaktform", "Channel"),
    ("report.by_target_group", "Målgruppe", "Target group"),
    ("report.by_municipality", "Kommune", "Municipality"),
    ("report.by_month", "Måned (udvikling)", "Month (trend)"),
    (
        "report.none",
        "Der er ingen samtaler i perioden.",
        "There are no meetings in the period.",
    ),
    (
        "report.chart",
        "Andel tilfredse (de to øverste svar af fem)",
        "Share satisfied (the top two of five answers)",
    ),
    (
        "report.table",
        "Samtaler og svar i perioden",
        "Meetings and answers in the period",
    ),
    ("report.group", "Gruppe", "Group"),
    ("report.meetings", "Samtaler", "Meetings"),
    ("report.held", "Holdt", "Held"),
    ("report.cancelled", "Aflyst", "Cancelled"),
    (
        "report.cancelled_late",
        "Heraf sent aflyst",
        "Of which late",
    ),
    ("report.no_show", "Udeblevet", "No-show"),
    ("report.answered", "Svar", "Answers"),
    ("report.satisfied", "Tilfredse", "Satisfied"),
    (
        "report.channel_fit",
        "Kontaktformen passede",
        "Channel fitted",
    ),
    ("report.personal", "Lige så personlig", "As personal"),
    ("report.helpful", "Hjalp", "Helped"),
    (
        "report.wants_remote",
        "Vil have mere telefon/video",
        "Want more phone/video",
    ),
    (
        "report.citizen_booked",
        "Booket af borgeren",
        "Booked by the citizen",
    ),
    ("report.too_few", "færre end 5", "fewer than 5"),
    (
        "report.pdf",
        "Hent orientering til Beskæftigelsesudvalget (PDF)",
        "Download the report to the employment committee (PDF)",
    ),
    (
        "report.csv",
        "Hent tabellen som CSV",
        "Download the table as CSV",
    ),
];
