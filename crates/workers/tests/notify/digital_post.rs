//! Digital Post (issue 19 item 3): a call-in goes to the citizen's Digital Post as a MeMo
//! message with the letter's PDF; failures are retried with the same message UUID and then
//! printed, visibly; what cannot be addressed is printed at once, saying why.

use std::sync::{Arc, Mutex};

use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use base64::Engine;
use domain::Channel;
use domain::notices::PrintReason;
use jiff::SignedDuration;
use store::testing::{forget_sealed_cpr, fresh_store, world};
use store::{AuditAction, Backend, Store, backend_tests};
use workers::notify::{DIGITAL_POST_ATTEMPTS, DigitalPostConfig, Notifier, NotifyConfig};

use super::{book, digital_contact};

const MEMO: &str = "https://DigitalPost.dk/MeMo-1";

/// What the receiver got: each request's idempotency key and body.
#[derive(Default)]
struct Received {
    requests: Vec<(String, String)>,
}

impl Received {
    /// Distinct messages, by UUID: what the citizen would see in their inbox.
    fn messages(&self) -> Vec<&(String, String)> {
        let mut seen = std::collections::HashSet::new();
        self.requests
            .iter()
            .filter(|(key, _)| seen.insert(key.clone()))
            .collect()
    }
}

/// A stand-in for the municipality's Digital Post gateway: it answers `fail_first` requests
/// with `failure`, then 200, and keeps every request (a retry of a message it already has is
/// recorded, and is told apart by its UUID, as a real gateway with idempotency keys would).
async fn receiver(
    fail_first: usize,
    failure: StatusCode,
) -> (DigitalPostConfig, Arc<Mutex<Received>>) {
    let got: Arc<Mutex<Received>> = Arc::default();
    let keep = got.clone();
    let app = axum::Router::new().route(
        "/memo",
        post(move |headers: HeaderMap, body: String| {
            let keep = keep.clone();
            async move {
                let key = headers
                    .get("idempotency-key")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                let auth_ok = headers
                    .get("authorization")
                    .is_some_and(|v| v == "Bearer dp-secret");
                let mut got = keep.lock().expect("lock");
                got.requests.push((key, body));
                if !auth_ok {
                    StatusCode::UNAUTHORIZED
                } else if got.requests.len() <= fail_first {
                    failure
                } else {
                    StatusCode::OK
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/memo", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (
        DigitalPostConfig {
            url,
            token: Some("dp-secret".into()),
        },
        got,
    )
}

/// Only Digital Post configured: what goes out is its messages (and letters to print).
fn notifier(store: &Store, digital_post: DigitalPostConfig) -> Notifier {
    Notifier::new(
        store.clone(),
        NotifyConfig {
            digital_post: Some(digital_post),
            public_url: "https://jobunivers.example".into(),
            ..Default::default()
        },
    )
    .expect("notifier")
}

/// The text of the element `name` in MeMo's namespace, at `path` below the root.
fn text<'a>(doc: &'a roxmltree::Document<'_>, path: &[&str]) -> &'a str {
    let mut node = doc.root_element();
    for name in path {
        node = node
            .children()
            .find(|c| c.has_tag_name((MEMO, *name)))
            .unwrap_or_else(|| panic!("no {name} in {path:?}"));
    }
    node.text().unwrap_or_default()
}

/// The element names under `path`, in order.
fn children(doc: &roxmltree::Document<'_>, path: &[&str]) -> Vec<String> {
    let mut node = doc.root_element();
    for name in path {
        node = node
            .children()
            .find(|c| c.has_tag_name((MEMO, *name)))
            .expect("element");
    }
    node.children()
        .filter(|c| c.is_element())
        .map(|c| c.tag_name().name().to_owned())
        .collect()
}

fn pdf_text(pdf: &[u8]) -> String {
    let file =
        std::env::temp_dir().join(format!("ju-memo-{}-{}.pdf", std::process::id(), pdf.len()));
    std::fs::write(&file, pdf).expect("write");
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

backend_tests!(a_call_in_goes_to_digital_post_as_memo_with_the_letter_as_pdf);
async fn a_call_in_goes_to_digital_post_as_memo_with_the_letter_as_pdf(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let (config, got) = receiver(0, StatusCode::OK).await;
    book(&store, &w, digital_contact(), Channel::InPerson, None).await;
    let n = notifier(&store, config);
    n.drain_once().await.expect("drain");

    let xml = {
        let got = got.lock().expect("lock");
        assert_eq!(got.requests.len(), 1, "one call-in, one message");
        got.requests[0].1.clone()
    };
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name((MEMO, "Message")));
    assert_eq!(root.attribute("memoVersion"), Some("1.1"));
    // The elements the specification names, in its order.
    assert_eq!(children(&doc, &[]), ["MessageHeader", "MessageBody"]);
    assert_eq!(
        children(&doc, &["MessageHeader"]),
        [
            "messageType",
            "messageUUID",
            "label",
            "mandatory",
            "legalNotification",
            "Sender",
            "Recipient"
        ]
    );
    assert_eq!(text(&doc, &["MessageHeader", "messageType"]), "DIGITALPOST");
    let uuid = text(&doc, &["MessageHeader", "messageUUID"]);
    assert_eq!(uuid.len(), 36);
    assert_eq!(&uuid[14..15], "4", "a version-4 UUID: {uuid}");
    assert_eq!(
        got.lock().expect("lock").requests[0].0,
        uuid,
        "idempotency key"
    );
    let label = text(&doc, &["MessageHeader", "label"]);
    assert!(!label.is_empty() && label.chars().count() <= 256, "{label}");
    assert_eq!(
        text(&doc, &["MessageHeader", "Sender", "senderID"]),
        "12345678"
    );
    assert_eq!(text(&doc, &["MessageHeader", "Sender", "idType"]), "CVR");
    assert_eq!(text(&doc, &["MessageHeader", "Sender", "label"]), "Aalborg");
    assert_eq!(
        text(&doc, &["MessageHeader", "Recipient", "recipientID"]),
        "0101901234"
    );
    assert_eq!(text(&doc, &["MessageHeader", "Recipient", "idType"]), "CPR");
    let created = text(&doc, &["MessageBody", "createdDateTime"]);
    assert!(
        created.ends_with('Z') && created.parse::<jiff::Timestamp>().is_ok(),
        "{created}"
    );
    let file = ["MessageBody", "MainDocument", "File"];
    assert_eq!(
        children(&doc, &file),
        ["encodingFormat", "filename", "language", "content"]
    );
    assert_eq!(
        text(&doc, &[&file[..], &["encodingFormat"]].concat()),
        "application/pdf"
    );
    assert_eq!(text(&doc, &[&file[..], &["language"]].concat()), "da");
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(text(&doc, &[&file[..], &["content"]].concat()))
        .expect("base64");
    assert!(pdf.starts_with(b"%PDF"));

    // The letter is kept as sent, with the reference its PDF gives, so a caller quoting it is
    // found on "Breve"; nothing waits to be printed.
    assert!(
        store
            .letters(&w.caseworker, false)
            .await
            .expect("waiting")
            .is_empty()
    );
    let sent = store.letters(&w.caseworker, true).await.expect("sent");
    assert_eq!(sent.len(), 1);
    assert!(sent[0].digital_post_at.is_some());
    assert_eq!(label, sent[0].subject);
    let words = pdf_text(&pdf);
    assert!(words.contains(&sent[0].id.reference()), "{words}");
    assert!(words.contains("Søren Ærø"), "{words}");
    assert!(text(&doc, &[&file[..], &["filename"]].concat()).contains(&sent[0].id.reference()));

    // The citizen sees that their number was used for it; drained again, nothing is re-sent.
    let log = store
        .access_log(&w.citizen_actor, &w.citizen.id, 100)
        .await
        .expect("log");
    assert!(
        log.iter()
            .any(|e| e.action == AuditAction::DigitalPostAddressed && e.actor_name == "Jobunivers")
    );
    n.drain_once().await.expect("again");
    assert_eq!(got.lock().expect("lock").requests.len(), 1);
}

backend_tests!(a_failing_digital_post_is_retried_as_the_same_message_then_printed);
async fn a_failing_digital_post_is_retried_as_the_same_message_then_printed(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let (config, got) = receiver(usize::MAX, StatusCode::SERVICE_UNAVAILABLE).await;
    book(&store, &w, digital_contact(), Channel::InPerson, None).await;
    let n = notifier(&store, config);
    for _ in 0..DIGITAL_POST_ATTEMPTS {
        n.drain_once().await.expect("drain");
        // Past the longest pause between two tries (16 minutes), but before the reminder.
        store.advance_clock(SignedDuration::from_mins(20));
    }
    let tries = got.lock().expect("lock").requests.len();
    assert_eq!(tries, usize::try_from(DIGITAL_POST_ATTEMPTS).expect("few"));
    assert_eq!(
        got.lock().expect("lock").messages().len(),
        1,
        "every try is the same message"
    );
    // Then printed, and "Breve" says why.
    let waiting = store.letters(&w.caseworker, false).await.expect("waiting");
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].fallback, Some(PrintReason::NotDelivered));
    assert!(waiting[0].digital_post_at.is_none());
    n.drain_once().await.expect("drain");
    assert_eq!(got.lock().expect("lock").requests.len(), tries, "given up");
}

backend_tests!(a_message_whose_answer_was_lost_is_sent_again_as_the_same_message);
async fn a_message_whose_answer_was_lost_is_sent_again_as_the_same_message(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    // The gateway takes the message but the answer is a 502 (say, a proxy timing out).
    let (config, got) = receiver(1, StatusCode::BAD_GATEWAY).await;
    book(&store, &w, digital_contact(), Channel::InPerson, None).await;
    let n = notifier(&store, config);
    n.drain_once().await.expect("drain");
    store.advance_clock(SignedDuration::from_mins(3));
    n.drain_once().await.expect("drain");
    {
        let got = got.lock().expect("lock");
        assert_eq!(got.requests.len(), 2);
        assert_eq!(got.messages().len(), 1, "one message in the inbox, not two");
    }
    let sent = store.letters(&w.caseworker, true).await.expect("sent");
    assert_eq!(sent.len(), 1);
    assert!(sent[0].digital_post_at.is_some());
}

backend_tests!(what_digital_post_cannot_take_is_printed_at_once_saying_why);
async fn what_digital_post_cannot_take_is_printed_at_once_saying_why(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    // Refused for good (a 4xx): no retry.
    let (config, got) = receiver(usize::MAX, StatusCode::UNPROCESSABLE_ENTITY).await;
    let meeting = book(&store, &w, digital_contact(), Channel::InPerson, None).await;
    let n = notifier(&store, config.clone());
    n.drain_once().await.expect("drain");
    assert_eq!(got.lock().expect("lock").requests.len(), 1);
    let waiting = store.letters(&w.caseworker, false).await.expect("waiting");
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].fallback, Some(PrintReason::NotDelivered));

    // No CPR number kept: printed without asking Digital Post, and nothing unsealed.
    let (config, got) = receiver(0, StatusCode::OK).await;
    forget_sealed_cpr(&store, w.citizen.id.as_str()).await;
    store
        .cancel_meeting(&w.caseworker, &meeting.id, "Sygdom hos medarbejderen")
        .await
        .expect("cancel");
    notifier(&store, config).drain_once().await.expect("drain");
    assert!(got.lock().expect("lock").requests.is_empty());
    let waiting = store.letters(&w.caseworker, false).await.expect("waiting");
    assert_eq!(waiting.len(), 2);
    assert!(
        waiting
            .iter()
            .any(|l| l.fallback == Some(PrintReason::NoCpr)),
        "{waiting:?}"
    );
}

backend_tests!(a_municipality_without_a_cvr_number_prints_and_says_so);
async fn a_municipality_without_a_cvr_number_prints_and_says_so(backend: Backend) {
    let store = fresh_store(backend).await;
    let w = world(&store).await;
    let (config, got) = receiver(0, StatusCode::OK).await;
    // The world's Aarhus has no CVR number; its citizen is booked by its caseworker.
    let citizen = store
        .create_citizen(
            &w.other_municipality,
            &store::testing::cash_benefit_citizen("0202851234", "Łukasz Nguyễn", "0751"),
        )
        .await
        .expect("citizen");
    let slot = store
        .create_slots(
            &w.other_municipality,
            &[store::testing::slot_in(
                &store,
                72,
                30,
                &[Channel::InPerson],
            )],
        )
        .await
        .expect("slot")
        .remove(0);
    store
        .book_meeting(
            &w.other_municipality,
            &store::NewMeeting {
                citizen_id: citizen.id.clone(),
                ..super::in_person(&w, &slot.id)
            },
        )
        .await
        .expect("book");
    notifier(&store, config).drain_once().await.expect("drain");
    assert!(got.lock().expect("lock").requests.is_empty());
    let waiting = store
        .letters(&w.other_municipality, false)
        .await
        .expect("waiting");
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].fallback, Some(PrintReason::NoSenderCvr));
    assert_eq!(waiting[0].recipient, "Łukasz Nguyễn");
}
