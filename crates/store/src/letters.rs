//! Letters: on paper for citizens without digital mail, written by the notification worker, then
//! printed and posted by the jobcenter from its "Breve til udskrivning" list; and the same
//! letters delivered to Digital Post, kept so that their reference is found when the citizen
//! calls. A letter's id is its outbox row's, so the reference is known before it is sent and
//! the same on every attempt (and on the printed letter if Digital Post fails).

use domain::notices::PrintReason;
use domain::{Actor, CitizenId, LetterId, Organisation};
use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::ids::typed;
use crate::{Store, StoreError, clock};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub id: LetterId,
    pub citizen_id: CitizenId,
    /// Name as the envelope shows it.
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: Timestamp,
    pub printed_at: Option<Timestamp>,
    /// The language the letter is written in (a BCP 47 code), for its date line.
    pub language: String,
    /// The address lines under the name in the envelope's window; `None`: the citizen had no
    /// postal address when it was written ("mangler adresse": it cannot be printed until one
    /// is given, which fills in every waiting letter).
    pub address: Option<Vec<String>>,
    /// The sender's lines (organisation, phone and hours) as they were; `None` on letters
    /// written before senders were kept.
    pub sender: Option<Vec<String>>,
    /// Delivered to the citizen's Digital Post at this time (then also `printed_at`: nothing
    /// is left to print).
    pub digital_post_at: Option<Timestamp>,
    /// Why it is printed although the citizen receives Digital Post, shown on "Breve".
    pub fallback: Option<PrintReason>,
}

fn lines(text: Option<String>) -> Option<Vec<String>> {
    text.map(|t| t.lines().map(str::to_owned).collect())
}

fn from_row(r: &AnyRow) -> Result<Letter, StoreError> {
    Ok(Letter {
        id: typed("id", r.try_get("id")?)?,
        citizen_id: typed("citizen_id", r.try_get("citizen_id")?)?,
        recipient: r.try_get("recipient")?,
        subject: r.try_get("subject")?,
        body: r.try_get("body")?,
        created_at: clock::from_micros(r.try_get("created_at")?),
        printed_at: r
            .try_get::<Option<i64>, _>("printed_at")?
            .map(clock::from_micros),
        language: r.try_get("language")?,
        address: lines(r.try_get("recipient_address")?),
        sender: lines(r.try_get("sender")?),
        digital_post_at: r
            .try_get::<Option<i64>, _>("digital_post_at")?
            .map(clock::from_micros),
        fallback: r
            .try_get::<Option<String>, _>("fallback")?
            .map(|code| PrintReason::from_code(&code)),
    })
}

const COLUMNS: &str = "id, citizen_id, recipient, subject, body, created_at, printed_at, language, \
                       recipient_address, sender, digital_post_at, fallback";

/// Letters belong to the jobcenter of the citizen's municipality; only its staff (and
/// administrators) see them.
fn municipality_of(actor: &Actor) -> Result<Option<&str>, StoreError> {
    match actor {
        Actor::Admin { .. } => Ok(None),
        Actor::Staff {
            organisation: Organisation::Municipality(m),
            ..
        } => Ok(Some(m.as_str())),
        _ => Err(StoreError::Forbidden),
    }
}

/// A letter to keep for printing, written with its delivery (`Store::settle_outbox`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLetter {
    pub municipality: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// The language it is written in (the citizen's, a BCP 47 code).
    pub language: String,
    /// The citizen's address lines, if they have one.
    pub address: Option<Vec<String>>,
    /// Organisation, phone and hours, one per line.
    pub sender: Vec<String>,
    /// How it went out: printed by the jobcentre, or delivered to Digital Post.
    pub route: LetterRoute,
}

/// How a letter reaches the citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterRoute {
    /// Waits on "Breve" to be printed and posted.
    Print,
    /// Waits on "Breve" to be printed because Digital Post could not take it (why).
    PrintInstead(PrintReason),
    /// Delivered to the citizen's Digital Post.
    DigitalPost,
}

/// The columns [`insert`] writes, in its binds' order.
const INSERT_COLUMNS: [&str; 14] = [
    "id",
    "outbox_id",
    "citizen_id",
    "municipality",
    "recipient",
    "subject",
    "body",
    "created_at",
    "language",
    "recipient_address",
    "sender",
    "printed_at",
    "digital_post_at",
    "fallback",
];

/// Keeps a batch's letters in one statement, in the order given (the caller's lock order);
/// one per outbox row (its id), so a retry does not write one twice.
pub(crate) async fn insert(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    now: i64,
    letters: &[(&str, &str, &NewLetter)],
) -> Result<(), sqlx::Error> {
    if letters.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "{} ON CONFLICT DO NOTHING",
        crate::sql::insert_values("letters", &INSERT_COLUMNS, letters.len())
    );
    let mut query = sqlx::query(&sql);
    for (outbox_id, citizen_id, letter) in letters {
        // Delivered to Digital Post: printed by no one, so "printed" and "delivered" then.
        let delivered = (letter.route == LetterRoute::DigitalPost).then_some(now);
        query = query
            .bind(*outbox_id)
            .bind(*outbox_id)
            .bind(*citizen_id)
            .bind(&letter.municipality)
            .bind(&letter.recipient)
            .bind(&letter.subject)
            .bind(&letter.body)
            .bind(now)
            .bind(&letter.language)
            .bind(letter.address.as_ref().map(|a| a.join("\n")))
            .bind(letter.sender.join("\n"))
            .bind(delivered)
            .bind(delivered)
            .bind(match &letter.route {
                LetterRoute::PrintInstead(why) => Some(why.as_str()),
                LetterRoute::Print | LetterRoute::DigitalPost => None,
            });
    }
    // Its text varies with the batch's size: not kept prepared (a background write, `outbox.rs`).
    query.persistent(false).execute(&mut **tx).await?;
    Ok(())
}

impl Store {
    /// Letters waiting to be printed (or, with `printed`, the last 100 printed), oldest first.
    pub async fn letters(&self, actor: &Actor, printed: bool) -> Result<Vec<Letter>, StoreError> {
        let municipality = municipality_of(actor)?;
        let printed_sql = if printed {
            "printed_at IS NOT NULL"
        } else {
            "printed_at IS NULL"
        };
        let order = if printed {
            "printed_at DESC"
        } else {
            "created_at"
        };
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM letters WHERE ($1 = '' OR municipality = $1) AND {printed_sql} ORDER BY {order} LIMIT 100"
        ))
        .bind(municipality.unwrap_or(""))
        .fetch_all(&self.inner.read)
        .await?;
        let letters: Vec<Letter> = rows.iter().map(from_row).collect::<Result<_, _>>()?;
        // The list shows each recipient's name and what the letter is about: a read of their
        // data, which they see in their access log.
        self.log_reads(
            letters
                .iter()
                .map(|l| {
                    AuditEntry::new(
                        self.now_micros(),
                        actor,
                        &l.citizen_id,
                        AuditAction::LetterListed,
                    )
                })
                .collect(),
        )
        .await?;
        Ok(letters)
    }

    /// One letter, to print it; the read is logged for the citizen as a read (printing is
    /// logged when it is marked printed).
    pub async fn letter(&self, actor: &Actor, id: &LetterId) -> Result<Letter, StoreError> {
        let letter = self.load_letter(actor, id.as_str()).await?;
        self.log_reads(vec![AuditEntry::new(
            self.now_micros(),
            actor,
            &letter.citizen_id,
            AuditAction::LetterRead,
        )])
        .await?;
        Ok(letter)
    }

    async fn load_letter(&self, actor: &Actor, id: &str) -> Result<Letter, StoreError> {
        let municipality = municipality_of(actor)?;
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM letters WHERE id = $1 AND ($2 = '' OR municipality = $2)"
        ))
        .bind(id)
        .bind(municipality.unwrap_or(""))
        .fetch_optional(&self.inner.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        from_row(&row)
    }

    /// Marks a letter printed (and so, posted). A letter without an address cannot have been
    /// posted: 409 `address_missing` until the citizen's address is given.
    pub async fn mark_printed(&self, actor: &Actor, id: &LetterId) -> Result<(), StoreError> {
        let letter = self.load_letter(actor, id.as_str()).await?;
        if letter.address.is_none() {
            return Err(StoreError::Conflict("address_missing"));
        }
        let mut tx = self.inner.write.begin().await?;
        sqlx::query("UPDATE letters SET printed_at = $1, printed_by = $2 WHERE id = $3 AND printed_at IS NULL")
            .bind(self.now_micros())
            .bind(actor.id())
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?;
        audit::insert(
            &mut tx,
            &[AuditEntry::new(
                self.now_micros(),
                actor,
                &letter.citizen_id,
                AuditAction::LetterPrinted,
            )],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A citizen's new address goes on every letter of theirs still waiting without one, in the
/// transaction that changes the address.
pub(crate) async fn address_waiting(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    citizen_id: &str,
    address: &domain::PostalAddress,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE letters SET recipient_address = $1 \
         WHERE citizen_id = $2 AND printed_at IS NULL AND recipient_address IS NULL",
    )
    .bind(address.lines().join("\n"))
    .bind(citizen_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
