//! A letter as a MeMo message, the public message format for Digital Post (namespace
//! `https://DigitalPost.dk/MeMo-1`, `memoVersion` 1.1, as sent through KOMBIT's
//! Serviceplatformen SF1601 "KombiPostAfsend"): a header naming the sender by CVR number and the
//! recipient by CPR number, and a body whose main document is the letter's accessible PDF.
//!
//! Written by an auto-escaping template (`templates/memo.xml`), never by string formatting.
//! The schema (XSD) could not be obtained here; `tests` check the elements, their order and
//! the limits the specification names.

use askama::Template;
use base64::Engine;
use domain::{Cpr, Cvr};
use jiff::Timestamp;
use sha2::{Digest, Sha256};

/// MeMo's limit on a message's label (its subject in the citizen's inbox).
pub const MAX_LABEL: usize = 256;

/// One Digital Post message. Holds the CPR number in full, so it has no `Debug`.
#[derive(Template)]
#[template(path = "memo.xml")]
pub struct Memo {
    message_uuid: String,
    label: String,
    sender_cvr: String,
    sender_label: String,
    recipient_cpr: String,
    recipient_label: String,
    created: String,
    filename: String,
    language: String,
    content: String,
}

/// What a message is built from.
pub struct MemoLetter<'a> {
    /// The outbox row the letter answers: the message's UUID is derived from it, so a retry
    /// sends the same UUID and Digital Post can tell it has the message already.
    pub outbox_id: &'a str,
    pub subject: &'a str,
    pub reference: &'a str,
    pub sender_cvr: &'a Cvr,
    pub sender_name: &'a str,
    pub recipient: &'a Cpr,
    pub recipient_name: &'a str,
    pub created: Timestamp,
    /// ISO 639-1, two letters.
    pub language: &'a str,
    pub pdf: &'a [u8],
}

impl Memo {
    pub fn new(l: &MemoLetter<'_>) -> Memo {
        Memo {
            message_uuid: message_uuid(l.outbox_id),
            label: cut(l.subject, MAX_LABEL),
            sender_cvr: l.sender_cvr.as_str().to_owned(),
            sender_label: cut(l.sender_name, MAX_LABEL),
            recipient_cpr: l.recipient.expose(),
            recipient_label: cut(l.recipient_name, MAX_LABEL),
            created: l.created.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            filename: format!("brev-{}.pdf", l.reference),
            language: l.language.chars().take(2).collect(),
            content: base64::engine::general_purpose::STANDARD.encode(l.pdf),
        }
    }

    pub fn message_uuid(&self) -> &str {
        &self.message_uuid
    }
}

/// A UUID (version 4 layout, RFC 9562) derived from the outbox row: the same row always gives
/// the same UUID, so a message sent again after a lost answer is the same message.
pub fn message_uuid(outbox_id: &str) -> String {
    let digest = Sha256::digest(format!("jobunivers:memo:{outbox_id}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = hex_string(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

fn hex_string(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// At most `max` characters, cut at a character, never inside one.
fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memo(subject: &str, name: &str) -> String {
        let cvr = Cvr::try_from("12345678").expect("cvr");
        let cpr = Cpr::try_from("0101901234").expect("cpr");
        Memo::new(&MemoLetter {
            outbox_id: "01j0000000000000007k2mq9xd",
            subject,
            reference: "7K2M-Q9XD",
            sender_cvr: &cvr,
            sender_name: "Jobcenter Aalborg",
            recipient: &cpr,
            recipient_name: name,
            created: Timestamp::UNIX_EPOCH,
            language: "da",
            pdf: b"%PDF-1.7",
        })
        .render()
        .expect("render")
    }

    #[test]
    fn text_is_escaped_and_a_long_label_is_cut_at_a_character() {
        let subject = format!("Møde <i morgen> & \"i dag\" {}", "æ".repeat(300));
        let xml = memo(&subject, "Anna & <Bo>");
        let doc = roxmltree::Document::parse(&xml).expect("well-formed");
        let labels: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name(("https://DigitalPost.dk/MeMo-1", "label")))
            .filter_map(|n| n.text())
            .collect();
        // The message's, the sender's and the recipient's, each read back as written.
        assert_eq!(labels.len(), 3);
        assert_eq!(labels[0].chars().count(), MAX_LABEL);
        assert!(labels[0].starts_with("Møde <i morgen> & \"i dag\""));
        assert_eq!(labels[2], "Anna & <Bo>");
        assert!(!xml.contains("<Bo>"), "{xml}");
        assert!(xml.contains("<memo:createdDateTime>1970-01-01T00:00:00Z<"));
    }

    #[test]
    fn the_same_outbox_row_is_always_the_same_message() {
        let a = message_uuid("01j0000000000000007k2mq9xd");
        assert_eq!(a, message_uuid("01j0000000000000007k2mq9xd"));
        assert_ne!(a, message_uuid("01j0000000000000007k2mq9xe"));
        // 8-4-4-4-12 hex, version 4, RFC variant.
        let groups: Vec<usize> = a.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"), "{a}");
    }
}
