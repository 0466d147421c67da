//! The notification worker against a real SMTP server (Python's aiosmtpd, started here) and a
//! real HTTP receiver standing in for the SMS gateway, on SQLite and PostgreSQL; Digital Post
//! against a receiver of its own (`digital_post.rs`).

mod digital_post;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::routing::post;
use domain::Channel;
use jiff::SignedDuration;
use serde_json::Value;
use store::testing::{World, fresh_store, slot_in, world};
use store::{AuditAction, CitizenChange, NewMeeting, Store};
use store::{Backend, backend_tests};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use workers::notify::{Notifier, NotifyConfig, SmsConfig, SmtpConfig, SmtpSecurity};

struct SmtpSink {
    _child: Child,
    dir: PathBuf,
    port: u16,
}

impl SmtpSink {
    async fn start() -> SmtpSink {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("ju-smtp-{port}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp_sink.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(port.to_string())
            .arg(&dir)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("python3 with aiosmtpd (pip install aiosmtpd)");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .await
            .expect("ready line");
        assert_eq!(line.trim(), "ready", "smtp sink did not start");
        SmtpSink {
            _child: child,
            dir,
            port,
        }
    }

    /// The messages received so far, as text.
    fn messages(&self) -> Vec<String> {
        let mut names: Vec<_> = std::fs::read_dir(&self.dir)
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("read"))
            .collect()
    }
}

/// The text of a message as the citizen reads it: lettre sends mostly-ASCII text as
/// quoted-printable and other scripts (Ukrainian) as base64.
fn readable(mail: &str) -> String {
    if let Some((head, body)) = mail
        .split_once("\r\n\r\n")
        .or_else(|| mail.split_once("\n\n"))
        && head.contains("Content-Transfer-Encoding: base64")
    {
        use base64::Engine;
        let compact: String = body.split_whitespace().collect();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(compact.trim_end_matches('.'))
            .expect("base64 body");
        return format!("{head}\n\n{}", String::from_utf8_lossy(&decoded));
    }
    let joined = mail.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'=', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// An HTTP receiver that keeps every SMS request body.
async fn sms_receiver() -> (String, Arc<Mutex<Vec<Value>>>) {
    let got: Arc<Mutex<Vec<Value>>> = Arc::default();
    let keep = got.clone();
    let app = axum::Router::new().route(
        "/sms",
        post(move |Json(body): Json<Value>| {
            let keep = keep.clone();
            async move {
                keep.lock().expect("lock").push(body);
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/sms", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, got)
}

/// E-mail and a phone number on file: a citizen reached digitally.
fn digital_contact() -> CitizenChange {
    CitizenChange {
        email: Some(Some(
            domain::EmailAddress::try_from("soeren@example.dk").expect("email"),
        )),
        phone: Some(Some(
            domain::PhoneNumber::try_from("+4512345678").expect("phone"),
        )),
        ..Default::default()
    }
}

/// Gives the world's citizen `contact`, and has their caseworker book them a meeting three days
/// ahead on `channel` after their first conversation (the outbox then holds its invitation and reminder).
async fn book(
    store: &Store,
    w: &World,
    contact: CitizenChange,
    channel: Channel,
    attendance_reason: Option<&str>,
) -> store::Meeting {
    store
        .update_citizen(&w.caseworker, &w.citizen.id, &contact)
        .await
        .expect("contact");
    // A month ago the first conversation, in person as the law requires (LAB § 33, stk. 1).
    store::testing::first_conversation_held(store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let slot = slot_ahead(store, w, 72, channel).await;
    let req = NewMeeting {
        channel,
        attendance_reason: attendance_reason.map(str::to_owned),
        ..in_person(w, &slot.id)
    };
    store.book_meeting(&w.caseworker, &req).await.expect("book")
}

/// A 30-minute slot of the world's caseworker `hours` ahead, offering `channel`.
async fn slot_ahead(store: &Store, w: &World, hours: i64, channel: Channel) -> store::Slot {
    store
        .create_slots(&w.caseworker, &[slot_in(store, hours, 30, &[channel])])
        .await
        .expect("slot")
        .remove(0)
}

fn notifier(store: &Store, smtp_port: u16, sms_url: &str) -> Notifier {
    Notifier::new(
        store.clone(),
        NotifyConfig {
            smtp: Some(SmtpConfig {
                host: "127.0.0.1".into(),
                port: smtp_port,
                from: "Jobcenter <noreply@jobunivers.dk>".into(),
                security: SmtpSecurity::None,
                credentials: None,
            }),
            sms: Some(SmsConfig {
                url: sms_url.to_owned(),
                token: Some("secret".into()),
            }),
            digital_post: None,
            public_url: "https://jobunivers.example".into(),
        },
    )
    .expect("notifier")
}

backend_tests!(invitations_and_reminders_go_out_once_by_email_and_sms);
async fn invitations_and_reminders_go_out_once_by_email_and_sms(backend: Backend) {
    let smtp = SmtpSink::start().await;
    let store = fresh_store(backend).await;
    let (sms_url, sms) = sms_receiver().await;
    let w = world(&store).await;
    let meeting = book(&store, &w, digital_contact(), Channel::Video, None).await;
    let before = smtp.messages().len();

    let n = notifier(&store, smtp.port, &sms_url);
    assert_eq!(
        n.drain_once().await.expect("drain"),
        1,
        "{backend:?}: the invitation; the reminder is not due"
    );
    let mails = smtp.messages();
    assert_eq!(mails.len(), before + 1);
    let mail = readable(&mails[before]);
    assert!(mail.contains("To: soeren@example.dk"), "{mail}");
    assert!(
        mail.contains(&format!("/moeder/{}/video", meeting.id)),
        "the video link is in the invitation: {mail}"
    );
    {
        let got = sms.lock().expect("lock");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0]["to"], "+4512345678");
        assert!(
            got[0]["text"]
                .as_str()
                .expect("text")
                .contains("Du har en samtale")
        );
    }
    // Nothing is sent twice: not on another drain.
    assert_eq!(n.drain_once().await.expect("drain"), 0);
    assert_eq!(smtp.messages().len(), before + 1);

    // A day before: the reminder.
    store.advance_clock(SignedDuration::from_hours(49));
    assert_eq!(n.drain_once().await.expect("drain"), 1);
    let mails = smtp.messages();
    assert_eq!(mails.len(), before + 2, "{backend:?}");
    assert!(
        mails[before + 1].contains("Subject: Husk din samtale")
            || mails[before + 1].contains("Husk"),
        "{}",
        mails[before + 1]
    );
    assert_eq!(sms.lock().expect("lock").len(), 2);
    assert_eq!(store.pending_outbox().await.expect("pending"), 0);

    // The citizen can see that Jobunivers sent them notices.
    let log = store
        .access_log(&w.citizen_actor, &w.citizen.id, 50)
        .await
        .expect("log");
    assert_eq!(
        log.iter()
            .filter(|e| e.action == store::AuditAction::NoticeSent)
            .count(),
        4
    );
}

backend_tests!(a_citizen_who_reads_ukrainian_gets_notices_in_ukrainian);
async fn a_citizen_who_reads_ukrainian_gets_notices_in_ukrainian(backend: Backend) {
    let smtp = SmtpSink::start().await;
    let store = fresh_store(backend).await;
    let (sms_url, sms) = sms_receiver().await;
    let w = world(&store).await;
    // Only the citizen chooses their language; staff cannot choose it for them.
    assert!(matches!(
        store.set_own_language(&w.caseworker, "uk").await,
        Err(store::StoreError::Forbidden)
    ));
    store
        .set_own_language(&w.citizen_actor, "uk")
        .await
        .expect("language");
    book(&store, &w, digital_contact(), Channel::Phone, None).await;
    let before = smtp.messages().len();
    let n = notifier(&store, smtp.port, &sms_url);
    assert_eq!(n.drain_once().await.expect("drain"), 1, "{backend:?}");

    let text = sms.lock().expect("lock")[0]["text"]
        .as_str()
        .expect("text")
        .to_owned();
    assert!(text.contains("У вас зустріч"), "{backend:?}: {text}");
    assert!(text.contains("Ми вам зателефонуємо."), "{text}");
    assert!(!text.contains("samtale"), "no Danish left: {text}");
    let mail = readable(&smtp.messages()[before]);
    assert!(mail.contains("Шановний(-а)"), "{mail}");
    assert!(mail.contains("З повагою"), "{mail}");
}

backend_tests!(a_failing_gateway_is_retried_without_resending_what_went_out);
async fn a_failing_gateway_is_retried_without_resending_what_went_out(backend: Backend) {
    let smtp = SmtpSink::start().await;
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    book(&store, &w, digital_contact(), Channel::Video, None).await;
    let before = smtp.messages().len();

    // The SMS gateway is down: e-mail goes out, the row waits for a retry.
    let down = format!("http://127.0.0.1:{}/sms", free_port());
    assert_eq!(
        notifier(&store, smtp.port, &down)
            .drain_once()
            .await
            .expect("drain"),
        0
    );
    assert_eq!(smtp.messages().len(), before + 1);
    assert_eq!(
        store.pending_outbox().await.expect("pending"),
        2,
        "{backend:?}"
    );

    // Later, with the gateway up: only the SMS is sent.
    let (sms_url, sms) = sms_receiver().await;
    store.advance_clock(SignedDuration::from_mins(2));
    assert_eq!(
        notifier(&store, smtp.port, &sms_url)
            .drain_once()
            .await
            .expect("drain"),
        1
    );
    assert_eq!(
        smtp.messages().len(),
        before + 1,
        "the e-mail is not sent again"
    );
    assert_eq!(sms.lock().expect("lock").len(), 1);
}

backend_tests!(a_paper_letter_to_a_ukrainian_reader_is_written_in_ukrainian);
/// The PDF embeds a font with Cyrillic (issue 19), so a citizen who reads Ukrainian gets the
/// letter in Ukrainian (before, it fell back to English, which the base fonts printed).
async fn a_paper_letter_to_a_ukrainian_reader_is_written_in_ukrainian(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    store
        .set_own_language(&w.citizen_actor, "uk")
        .await
        .expect("language");
    let paper = CitizenChange {
        digital_mail: Some(false),
        ..Default::default()
    };
    book(&store, &w, paper, Channel::InPerson, None).await;
    drain_without_gateways(&store).await;
    let letters = store.letters(&w.caseworker, false).await.expect("letters");
    assert_eq!(letters.len(), 1, "{backend:?}");
    assert_eq!(letters[0].language, "uk", "{backend:?}");
    assert!(pdf::printable(&letters[0].body), "{}", letters[0].body);
    assert!(
        letters[0].body.starts_with("Шановний(-а) "),
        "{}",
        letters[0].body
    );
}

backend_tests!(citizens_without_digital_mail_get_a_letter_to_print);
async fn citizens_without_digital_mail_get_a_letter_to_print(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let paper = on_paper();
    book(
        &store,
        &w,
        paper,
        Channel::InPerson,
        Some("Underskrift af jobplan"),
    )
    .await;
    drain_without_gateways(&store).await;
    let letters = store.letters(&w.caseworker, false).await.expect("letters");
    assert_eq!(letters.len(), 1, "{backend:?}");
    assert!(
        letters[0]
            .body
            .contains("Mød op: Jobcenter Aalborg, Kjellerups Torv 5."),
        "{}",
        letters[0].body
    );
    assert!(letters[0].body.contains("Underskrift af jobplan"));
    assert!(
        store
            .letters(&w.other_municipality, false)
            .await
            .expect("other")
            .is_empty(),
        "Aarhus does not print Aalborg's letters"
    );
    store
        .letter(&w.caseworker, &letters[0].id)
        .await
        .expect("opened");
    store
        .mark_printed(&w.caseworker, &letters[0].id)
        .await
        .expect("printed");
    assert!(
        store
            .letters(&w.caseworker, false)
            .await
            .expect("letters")
            .is_empty()
    );
    // The citizen sees what was done with their letter, as what it was: listed (once,
    // while it waited), opened, printed.
    let log = store
        .access_log(&w.citizen_actor, &w.citizen.id, 100)
        .await
        .expect("log");
    let count = |a: AuditAction| log.iter().filter(|e| e.action == a).count();
    assert_eq!(count(AuditAction::LetterListed), 1, "{backend:?}");
    assert_eq!(count(AuditAction::LetterRead), 1, "{backend:?}");
    assert_eq!(count(AuditAction::LetterPrinted), 1, "{backend:?}");
}

backend_tests!(a_call_in_letter_gives_the_full_address_the_way_in_and_the_rebooking_rule);
async fn a_call_in_letter_gives_the_full_address_the_way_in_and_the_rebooking_rule(
    backend: Backend,
) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let paper = CitizenChange {
        digital_mail: Some(false),
        ..Default::default()
    };
    store
        .update_citizen(&w.caseworker, &w.citizen.id, &paper)
        .await
        .expect("paper");
    let aalborg = domain::Organisation::Municipality(
        domain::MunicipalityCode::try_from("0851").expect("code"),
    );
    let place = domain::NewLocation {
        name: "Jobcenter Aalborg".into(),
        street: "Vesterbro 14".into(),
        postcode: domain::Postcode::try_from("9000").expect("postcode"),
        town: "Aalborg".into(),
        directions: Some("Indgang fra gården, 2. sal".into()),
        step_free: false,
    };
    let location = store
        .create_location(&w.admin, &aalborg, &place)
        .await
        .expect("location");
    let slot = slot_ahead(&store, &w, 72, Channel::InPerson).await;
    let req = NewMeeting {
        citizen_id: w.citizen.id.clone(),
        slot_id: slot.id.clone(),
        channel: Channel::InPerson,
        purpose: Some("Jobsamtale".into()),
        attendance_reason: None,
        with_fund: false,
        call_in: Some(domain::meetings::CallInRequest {
            location_id: Some(location.id.clone()),
            ..Default::default()
        }),
        interpreter: None,
        companion: None,
    };
    store
        .book_meeting(&w.caseworker, &req)
        .await
        .expect("call-in");
    let n = Notifier::new(store.clone(), NotifyConfig::default()).expect("notifier");
    n.drain_once().await.expect("drain");
    let letters = store.letters(&w.caseworker, false).await.expect("letters");
    let body = &letters[0].body;
    for line in [
        "Mød op: Jobcenter Aalborg, Vesterbro 14, 9000 Aalborg.",
        "Sådan finder du os: Indgang fra gården, 2. sal",
        "Der er trin ved indgangen. Ring til os, hvis du har brug for hjælp til at komme ind.",
        "Du kan ikke selv flytte tiden. Kontakt os, hvis du ikke kan komme.",
    ] {
        assert!(body.contains(line), "{backend:?}: {line} not in {body}");
    }
}

/// Writes a message as `actor` in the world citizen's jobcenter thread.
async fn write(store: &Store, actor: &domain::Actor, citizen_id: &domain::CitizenId, text: &str) {
    let body = domain::messages::MessageBody::try_from(text).expect("body");
    store
        .post_message(actor, citizen_id, None, &body)
        .await
        .expect("message");
}

backend_tests!(new_messages_are_told_at_most_every_half_hour_and_not_when_read);
async fn new_messages_are_told_at_most_every_half_hour_and_not_when_read(backend: Backend) {
    let smtp = SmtpSink::start().await;
    let store = fresh_store(backend).await;
    let (sms_url, sms) = sms_receiver().await;
    let w = world(&store).await;
    let citizen = w.citizen.id.clone();
    store
        .update_citizen(&w.caseworker, &citizen, &digital_contact())
        .await
        .expect("contact");
    let n = notifier(&store, smtp.port, &sms_url);
    let before = smtp.messages().len();

    // Two answers in a row: one notice, and not before five minutes have passed.
    write(&store, &w.caseworker, &citizen, "Fortroligt: dit helbred").await;
    write(&store, &w.caseworker, &citizen, "Og en ting mere").await;
    assert_eq!(
        n.drain_once().await.expect("drain"),
        0,
        "{backend:?}: not yet"
    );
    store.advance_clock(SignedDuration::from_mins(6));
    assert_eq!(n.drain_once().await.expect("drain"), 1, "{backend:?}");
    let mails = smtp.messages();
    assert_eq!(
        mails.len(),
        before + 1,
        "{backend:?}: one e-mail for two messages"
    );
    let mail = readable(&mails[before]);
    assert!(
        mail.contains("Du har en ny besked fra Jobcenter Aalborg"),
        "{mail}"
    );
    assert!(mail.contains("/borger/beskeder"), "{mail}");
    assert!(
        !mail.contains("helbred"),
        "the text never leaves Jobunivers: {mail}"
    );
    assert_eq!(sms.lock().expect("lock").len(), 1);

    // Half an hour later a new message is told again, unless the citizen reads it first.
    store.advance_clock(SignedDuration::from_mins(31));
    write(&store, &w.caseworker, &citizen, "Har du set min besked?").await;
    store
        .mark_conversation_read(&w.citizen_actor, &citizen, None)
        .await
        .expect("the citizen reads it");
    store.advance_clock(SignedDuration::from_mins(6));
    assert_eq!(
        n.drain_once().await.expect("drain"),
        1,
        "{backend:?}: handled"
    );
    assert_eq!(
        smtp.messages().len(),
        before + 1,
        "{backend:?}: read, so no e-mail"
    );
    assert_eq!(sms.lock().expect("lock").len(), 1);

    // The citizen's own messages are never announced to themself.
    store.advance_clock(SignedDuration::from_mins(31));
    write(&store, &w.citizen_actor, &citizen, "Tak for svaret").await;
    assert_eq!(
        store.pending_outbox().await.expect("pending"),
        0,
        "{backend:?}"
    );
}

backend_tests!(a_letter_has_the_address_for_the_window_and_says_what_to_do_by_phone);
/// Issue 19: a letter a person without the web can act on — their address for the envelope's
/// window, the jobcentre's phone and hours instead of a web address, the right to bring
/// someone, what happens if they do not come — in plain Danish (LIX under 40).
async fn a_letter_has_the_address_for_the_window_and_says_what_to_do_by_phone(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let paper = CitizenChange {
        digital_mail: Some(false),
        postal_address: Some(
            domain::PostalAddress::parse("Şahin Allé 3, 2. tv.", "9000", "Aalborg").ok(),
        ),
        ..Default::default()
    };
    let meeting = book(&store, &w, paper, Channel::InPerson, None).await;
    drain_without_gateways(&store).await;
    let letters = store.letters(&w.caseworker, false).await.expect("letters");
    assert_eq!(letters.len(), 1, "{backend:?}");
    let l = &letters[0];
    // The time as it is spoken, "tirsdag den 8. december 2026 kl. 9.30", Copenhagen time,
    // and how long in its own sentence.
    let local = meeting
        .start
        .to_zoned(jiff::tz::TimeZone::get("Europe/Copenhagen").expect("tz"));
    let (day, clock) = (
        format!(" den {}. ", local.day()),
        format!(
            "{} kl. {}.{:02}.",
            local.year(),
            local.hour(),
            local.minute()
        ),
    );
    assert!(
        l.body.contains(&day) && l.body.contains(&clock),
        "{day}…{clock}: {}",
        l.body
    );
    assert!(l.body.contains("Samtalen varer 30 minutter."), "{}", l.body);
    assert_eq!(
        l.address.as_deref(),
        Some(&["Şahin Allé 3, 2. tv.".to_owned(), "9000 Aalborg".to_owned()][..])
    );
    assert_eq!(
        l.sender.as_deref(),
        Some(
            &[
                "Jobcenter Aalborg".to_owned(),
                "Telefon 70 10 08 51".to_owned(),
                "mandag–fredag kl. 9–15".to_owned()
            ][..]
        )
    );
    let body = &l.body;
    assert!(
        body.contains("Ring til os på 70 10 08 51 (mandag–fredag kl. 9–15)."),
        "{body}"
    );
    assert!(
        !body.contains("https://"),
        "no web address on paper: {body}"
    );
    assert!(body.contains("Du må gerne tage en person med"), "{body}");
    assert!(body.contains("Kommer du ikke"), "{body}");
    let lix = lix(body);
    assert!(lix < 40.0, "LIX {lix:.1}: {body}");
}

backend_tests!(a_letter_without_an_address_waits_until_one_is_given);
/// A letter is never printed without an address: it waits ("mangler adresse"), cannot be
/// marked printed, and gets the address when staff give one.
async fn a_letter_without_an_address_waits_until_one_is_given(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let paper = CitizenChange {
        digital_mail: Some(false),
        // Assigned, so the letter shows on this caseworker's worklist.
        caseworker_id: Some(Some(
            domain::StaffId::try_from(w.caseworker.id()).expect("id"),
        )),
        ..Default::default()
    };
    book(&store, &w, paper, Channel::InPerson, None).await;
    let n = Notifier::new(store.clone(), NotifyConfig::default()).expect("notifier");
    n.drain_once().await.expect("drain");
    let letters = store.letters(&w.caseworker, false).await.expect("letters");
    assert_eq!(letters[0].address, None, "{backend:?}");
    // … and on the caseworker's worklist, until the address is given.
    let rules = store::testing::rule_book();
    let missing = store::WorklistQuery {
        reason: Some(domain::contact_plan::WorkReason::LetterAddressMissing),
        ..Default::default()
    };
    let listed = store
        .worklist(&w.caseworker, &rules, &missing)
        .await
        .expect("worklist")
        .entries;
    assert_eq!(listed.len(), 1, "{backend:?}");
    assert_eq!(listed[0].citizen_id, w.citizen.id);
    let refused = store.mark_printed(&w.caseworker, &letters[0].id).await;
    assert!(
        matches!(refused, Err(store::StoreError::Conflict("address_missing"))),
        "{refused:?}"
    );
    let address = CitizenChange {
        postal_address: Some(domain::PostalAddress::parse("Vestergade 1", "9000", "Aalborg").ok()),
        ..Default::default()
    };
    store
        .update_citizen(&w.caseworker, &w.citizen.id, &address)
        .await
        .expect("address");
    let letters = store.letters(&w.caseworker, false).await.expect("letters");
    assert_eq!(
        letters[0].address.as_deref(),
        Some(&["Vestergade 1".to_owned(), "9000 Aalborg".to_owned()][..])
    );
    let listed = store
        .worklist(&w.caseworker, &rules, &missing)
        .await
        .expect("worklist")
        .entries;
    assert!(listed.is_empty(), "gone with the address: {listed:?}");
    store
        .mark_printed(&w.caseworker, &letters[0].id)
        .await
        .expect("printed now");
}

/// A citizen without digital mail, with an address for the envelope's window.
fn on_paper() -> CitizenChange {
    CitizenChange {
        digital_mail: Some(false),
        postal_address: Some(domain::PostalAddress::parse("Vestergade 1", "9000", "Aalborg").ok()),
        ..Default::default()
    }
}

/// The world's citizen booked by staff in `slot`, in person, with nothing more.
fn in_person(w: &World, slot: &domain::SlotId) -> NewMeeting {
    NewMeeting::plain(w.citizen.id.clone(), slot.clone(), Channel::InPerson)
}

/// A notification worker on `store` with no e-mail or SMS gateway configured: what it sends
/// is letters.
fn without_gateways(store: Store) -> Notifier {
    Notifier::new(
        store,
        NotifyConfig {
            public_url: "https://jobunivers.example".into(),
            ..Default::default()
        },
    )
    .expect("notifier")
}

/// Drains the outbox with no e-mail or SMS gateway configured: what is left is the letters.
async fn drain_without_gateways(store: &Store) {
    without_gateways(store.clone())
        .drain_once()
        .await
        .expect("drain");
}

/// LIX (Björnsson's readability index): words per sentence plus the share of words longer
/// than six letters, in per cent. Under 40 is easy text.
fn lix(text: &str) -> f64 {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let sentences = text
        .split(['.', '!', '?', ':'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let long = words.iter().filter(|w| w.chars().count() > 6).count();
    words.len() as f64 / sentences as f64 + 100.0 * long as f64 / words.len().max(1) as f64
}

backend_tests!(a_letter_says_which_interpreter_is_booked_and_who_comes_along);
/// Issue 19 item 4: the letter tells the citizen an interpreter is booked, in which language
/// and how they take part, and names the companion they said they bring — still plain Danish.
async fn a_letter_says_which_interpreter_is_booked_and_who_comes_along(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let aalborg = domain::MunicipalityCode::try_from("0851").expect("code");
    let provider = store::NewInterpreterProvider {
        name: domain::OrgName::try_from("Tolkeservice Nord").expect("name"),
        phone: None,
        languages: vec![domain::InterpreterLanguage::try_from("ti").expect("ti")],
        modes: vec![domain::InterpreterMode::InPerson],
    };
    store
        .create_interpreter_provider(&w.admin, &aalborg, &provider)
        .await
        .expect("provider");
    let paper = on_paper();
    store
        .update_citizen(&w.caseworker, &w.citizen.id, &paper)
        .await
        .expect("paper");
    store::testing::first_conversation_held(&store, w.citizen.id.as_str(), w.caseworker.id()).await;
    let slot = slot_ahead(&store, &w, 72, Channel::InPerson).await;
    let req = NewMeeting {
        interpreter: Some(domain::Interpreter {
            language: domain::InterpreterLanguage::try_from("ti").expect("ti"),
            mode: domain::InterpreterMode::InPerson,
        }),
        companion: Some("Hans Hansen".into()),
        ..in_person(&w, &slot.id)
    };
    store.book_meeting(&w.caseworker, &req).await.expect("book");
    drain_without_gateways(&store).await;
    let letters = store.letters(&w.caseworker, false).await.expect("letters");
    let body = &letters[0].body;
    assert!(
        body.contains(
            "Vi har bestilt en tolk til samtalen. Sprog: Tigrinya. Tolken er med i lokalet."
        ),
        "{body}"
    );
    assert!(
        body.contains("Du har sagt, at Hans Hansen kommer med dig."),
        "{body}"
    );
    assert!(
        !body.contains("Har du brug for en tolk"),
        "no call for an interpreter already booked: {body}"
    );
    let lix = lix(body);
    assert!(lix < 40.0, "LIX {lix:.1}: {body}");
}

backend_tests!(a_survey_reaches_the_non_digital_on_paper_and_is_answered_by_code_or_by_phone);
/// Issue 19 item 5: a citizen without digital mail gets the survey on paper with a code to
/// type without signing in; staff of their jobcentre type in answers given by phone; the
/// report counts each way; nobody answers twice, and another municipality cannot record.
async fn a_survey_reaches_the_non_digital_on_paper_and_is_answered_by_code_or_by_phone(
    backend: Backend,
) {
    use domain::surveys::{AnswerWay, SurveyAnswers};
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let paper = on_paper();
    let first = book(&store, &w, paper, Channel::InPerson, None).await;
    let slot = slot_ahead(&store, &w, 96, Channel::InPerson).await;
    let req = in_person(&w, &slot.id);
    let second = store.book_meeting(&w.caseworker, &req).await.expect("book");
    drain_without_gateways(&store).await;
    store.advance_clock(SignedDuration::from_hours(100));
    for m in [&first, &second] {
        store
            .record_outcome(&w.caseworker, &m.id, domain::Outcome::Held, None)
            .await
            .expect("held");
    }
    drain_without_gateways(&store).await;
    let letters = store.letters(&w.caseworker, false).await.expect("letters");
    let survey_letters: Vec<_> = letters
        .iter()
        .filter(|l| l.body.contains("/spoergeskema"))
        .collect();
    assert_eq!(survey_letters.len(), 2, "{backend:?}");
    let body = &survey_letters[0].body;
    let at = body.find("skriv koden ").expect("a code") + "skriv koden ".len();
    let code: String = body[at..].chars().take(14).collect();
    assert_eq!(code.len(), 14, "{body}");
    assert_eq!(code.matches('-').count(), 2, "three groups of four: {code}");
    assert!(body.contains("Ring") || body.contains("ringe"), "{body}");
    let lix = lix(body);
    assert!(lix < 40.0, "LIX {lix:.1}: {body}");

    let answers = SurveyAnswers::parse(
        &[
            ("satisfaction", "5"),
            ("channel_fit", "4"),
            ("personal", "same"),
            ("helpful", "4"),
            ("more_remote", "2"),
            ("callback", "no"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect(),
    )
    .expect("answers");
    // Typed as a person might: small letters, no hyphen.
    let typed = code.replace('-', " ").to_lowercase();
    let (opened, answered) = store.survey_by_code(&typed).await.expect("by code");
    assert!(!answered);
    store
        .answer_survey_by_code(&typed, &answers)
        .await
        .expect("answered on paper");
    assert!(matches!(
        store.answer_survey_by_code(&code, &answers).await,
        Err(store::StoreError::Conflict("already_answered"))
    ));
    assert!(matches!(
        store.survey_by_code("ZZZZZZZZ").await,
        Err(store::StoreError::NotFound)
    ));

    let surveys = store
        .citizen_surveys(&w.caseworker, &w.citizen.id)
        .await
        .expect("surveys");
    let other = surveys
        .iter()
        .find(|s| s.survey.id != opened.id)
        .expect("the second survey");
    assert!(matches!(
        store
            .record_survey_answer(
                &w.other_municipality,
                &other.survey.id,
                &answers,
                AnswerWay::Phone
            )
            .await,
        Err(store::StoreError::NotFound)
    ));
    store
        .record_survey_answer(&w.caseworker, &other.survey.id, &answers, AnswerWay::Phone)
        .await
        .expect("recorded from the phone");
    let ways: Vec<_> = store
        .citizen_surveys(&w.caseworker, &w.citizen.id)
        .await
        .expect("surveys")
        .into_iter()
        .filter_map(|s| s.answered_by)
        .collect();
    assert_eq!(ways.len(), 2);
    assert!(ways.contains(&AnswerWay::Paper) && ways.contains(&AnswerWay::Phone));
    // The citizen sees who typed their answers in.
    let log = store
        .access_log(&w.citizen_actor, &w.citizen.id, 100)
        .await
        .expect("log");
    assert!(log.iter().any(|e| e.action == AuditAction::SurveyRecorded));

    // The report counts each way.
    let scope = store.report_scope(&w.admin, None).await.expect("scope");
    let from = first
        .start
        .checked_sub(SignedDuration::from_hours(48))
        .expect("t");
    let to = second
        .end
        .checked_add(SignedDuration::from_hours(48))
        .expect("t");
    let counts = store
        .contact_counts(&scope, from, to, domain::contact_report::GroupBy::Channel)
        .await
        .expect("report");
    let total = counts.iter().fold(
        domain::contact_report::ContactCounts::default(),
        |mut t, (_, c)| {
            t.add(c);
            t
        },
    );
    assert_eq!(
        (total.answered, total.answered_phone, total.answered_paper),
        (2, 1, 1),
        "{backend:?}"
    );
}

backend_tests!(a_citizen_without_digital_mail_is_told_of_a_no_show_by_letter);
/// Issue 19 item 1: what a no-show means reaches a citizen without digital mail on paper —
/// who has been told, that it can cost money, the number to call today, and to give a good
/// reason — in plain Danish.
async fn a_citizen_without_digital_mail_is_told_of_a_no_show_by_letter(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let paper = on_paper();
    let meeting = book(&store, &w, paper, Channel::InPerson, None).await;
    drain_without_gateways(&store).await;
    store.advance_clock(SignedDuration::from_hours(73));
    store
        .record_outcome(&w.caseworker, &meeting.id, domain::Outcome::NoShow, None)
        .await
        .expect("no-show");
    drain_without_gateways(&store).await;
    let letters = store.letters(&w.caseworker, false).await.expect("letters");
    let told = letters
        .iter()
        .find(|l| l.subject == "Du kom ikke til din samtale")
        .expect("a no-show letter");
    let body = &told.body;
    assert!(
        body.contains("Det kan betyde, at du mister penge."),
        "{body}"
    );
    assert!(
        body.contains("Ring til os i dag på 70 10 08 51 (mandag–fredag kl. 9–15)."),
        "{body}"
    );
    let lix = lix(body);
    assert!(lix < 40.0, "LIX {lix:.1}: {body}");
}

/// PostgreSQL: the notification worker as `serve` runs it, on the background store
/// (`store/src/background.rs`), drafts its notices on connections of its own while requests
/// hold every pooled connection; on the requests' store it waits for them. Under a storm of
/// bookings the worker drafting their letters on the requests' connections, without a pause,
/// took about a fifth of the bookings a second (issue 22, item 6).
#[tokio::test]
async fn the_outbox_drains_on_its_own_connections_while_requests_hold_theirs() {
    let store = fresh_store(Backend::Postgres).await;
    let w = world(&store).await;
    book(&store, &w, on_paper(), Channel::InPerson, None).await;
    let held = store::testing::hold_every_request_connection(&store).await;
    let on_requests = without_gateways(store.clone());
    let waited =
        tokio::time::timeout(std::time::Duration::from_secs(1), on_requests.drain_once()).await;
    assert!(waited.is_err(), "on the requests' store it waits for them");
    let in_background = without_gateways(store.background());
    let done = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        in_background.drain_once(),
    )
    .await
    .expect("the background store does not wait for the requests' connections")
    .expect("drained");
    assert!(done >= 1, "the booking's invitation, at least: {done}");
    drop(held);
    let letters = store.letters(&w.caseworker, false).await.expect("letters");
    assert!(
        !letters.is_empty(),
        "the citizen on paper got the invitation as a letter"
    );
}

/// PostgreSQL: one instance's notification worker drafts at a time (`store/src/outbox_turn.rs`);
/// the others stand by while it holds the outbox's lease, its pauses included. When each
/// drafted in its own pauses, beside its own bookings, three instances under a storm booked 81 %
/// of what one did; with one drafting at a time, 91 % (issue 22, item 1).
#[tokio::test]
async fn a_notification_worker_stands_by_while_another_instance_drains_the_outbox() {
    let store = fresh_store(Backend::Postgres).await;
    let w = world(&store).await;
    book(&store, &w, on_paper(), Channel::InPerson, None).await;
    let worker = without_gateways(store.background());
    let wait = std::time::Duration::from_secs(10);
    let other = store::testing::outbox_lease(&store).await;
    let first = tokio::time::timeout(wait, worker.drain_once()).await;
    assert_eq!(
        first.ok().and_then(Result::ok),
        Some(0),
        "left to the other"
    );
    assert!(
        store
            .letters(&w.caseworker, false)
            .await
            .expect("letters")
            .is_empty(),
        "no letter drafted while the other instance drains"
    );
    other.let_go().await;
    let next = tokio::time::timeout(wait, worker.drain_once()).await;
    assert!(
        next.ok().and_then(Result::ok).is_some_and(|n| n >= 1),
        "the invitation, once the other instance let go"
    );
    assert!(
        !store
            .letters(&w.caseworker, false)
            .await
            .expect("letters")
            .is_empty(),
        "the citizen on paper got the invitation as a letter"
    );
    // It gave its own lease back: another instance takes it at once.
    store::testing::outbox_lease(&store).await.let_go().await;
}
