//! Texts of the message threads and the inbox.

pub(super) static TEXTS: &[(&str, &str, &str)] = &[
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
