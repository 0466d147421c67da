//! The notification worker: drains the outbox into e-mail, SMS, Digital Post and printed
//! letters.
//!
//! Each outbox row is claimed under a lease, turned into a notice for its citizen, and sent on
//! the channels the domain chooses ([`domain::notices::notice_channels`]). Every channel that
//! has handled a row is recorded in `deliveries` in the same commit that marks the row done —
//! one commit per claimed batch ([`Store::settle_outbox`]) — so a row retried after a crash or
//! a failure skips what already went out. A failed row is retried with a growing pause.
//! Channels that are not configured (no SMTP server, say) are recorded as skipped.
//!
//! A letter for Digital Post that cannot go there is printed instead, never lost, and "Breve"
//! says why (`domain::notices::PrintReason`): no CPR number kept, no sender CVR number, or
//! Digital Post refused it or did not answer after [`DIGITAL_POST_ATTEMPTS`] tries.

mod compose;
mod digital_post;
mod email;
pub mod memo;
mod sms;

use domain::{MeetingId, MeetingStatus, SurveyId};
use std::time::Duration;

use catalogue::Lang;
use domain::messages::{ThreadHolder, notice_still_needed};
use domain::notices::{NoticeChannel, NoticeKind, PrintReason, Reachability, notice_channels};
use jiff::SignedDuration;
use store::{Citizen, Delivery, LetterRoute, NewLetter, OutboxItem, Store, StoreError};

pub use compose::{Notice, compose, message_notice, survey_notice};
pub use digital_post::DigitalPostConfig;
pub use email::{Mailer, SmtpConfig, SmtpSecurity};
pub use sms::SmsConfig;

/// What the worker needs besides the store.
#[derive(Debug, Clone, Default)]
pub struct NotifyConfig {
    pub smtp: Option<SmtpConfig>,
    pub sms: Option<SmsConfig>,
    /// Letters to those who receive digital mail go here; without it they get e-mail and SMS
    /// (and a printed letter when neither reaches them).
    pub digital_post: Option<DigitalPostConfig>,
    /// For links in notices.
    pub public_url: String,
}

pub struct Notifier {
    store: Store,
    mailer: Option<email::Mailer>,
    sms: Option<sms::SmsSender>,
    digital_post: Option<digital_post::DigitalPostSender>,
    public_url: String,
}

/// Rows handled per claim.
const BATCH: u32 = 50;

/// Tries at delivering a letter to Digital Post before it is printed instead: with the
/// outbox's growing pause (2, 4, 8, 16 minutes) half an hour, so a letter printed that day
/// still goes out with the day's post.
pub const DIGITAL_POST_ATTEMPTS: i64 = 5;

impl Notifier {
    pub fn new(store: Store, config: NotifyConfig) -> Result<Self, String> {
        Ok(Self {
            mailer: config.smtp.as_ref().map(email::Mailer::new).transpose()?,
            sms: config.sms.map(sms::SmsSender::new).transpose()?,
            digital_post: config
                .digital_post
                .map(digital_post::DigitalPostSender::new)
                .transpose()?,
            store,
            public_url: config.public_url,
        })
    }

    /// Handles what is due now, if it is this worker's turn (on PostgreSQL one instance's
    /// background worker drains at a time: `store/src/outbox_turn.rs`); returns how many rows
    /// were completed.
    pub async fn drain_once(&self) -> Result<usize, StoreError> {
        let Some(turn) = self.store.outbox_turn().await? else {
            return Ok(0);
        };
        let drained = self.drain().await;
        // Given back on an error too: the next round, here or elsewhere, tries again.
        turn.done().await?;
        drained
    }

    /// Claims and handles batches until nothing is due.
    async fn drain(&self) -> Result<usize, StoreError> {
        let mut done = 0;
        loop {
            let started = std::time::Instant::now();
            let items = self.store.claim_outbox(BATCH).await?;
            if items.is_empty() {
                return Ok(done);
            }
            let mut handled = Vec::new();
            let mut finished = Vec::new();
            for item in items {
                match self.handle(&item, &mut handled).await {
                    Ok(()) => finished.push(item.id),
                    Err(e) => {
                        // 1, 2, 4 … minutes, at most six hours between attempts.
                        let minutes = 1i64 << item.attempts.clamp(0, 9);
                        tracing::warn!(outbox = %item.id, error = %e, attempt = item.attempts, "notice failed; will retry");
                        self.store
                            .fail_outbox(&item.id, &e, SignedDuration::from_mins(minutes.min(360)))
                            .await?;
                    }
                }
            }
            // What a failed row did send is recorded too, so its retry does not repeat it.
            self.store.settle_outbox(&handled, &finished).await?;
            done += finished.len();
            // On the background store (as `serve` runs it), a pause as long as the batch took:
            // under a storm of bookings, drafting their letters at full speed took a fifth of
            // what the bookings could have had (issue 22, item 6; `store/src/background.rs`).
            self.store.yield_to_requests(started.elapsed()).await;
        }
    }

    /// Drains every `every` until the process stops.
    pub async fn run(self, every: Duration) {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(e) = self.drain_once().await {
                tracing::warn!(error = %e, "outbox drain failed; will retry");
            }
        }
    }

    /// Sends what `item` announces; each channel that handled it is added to `handled`.
    async fn handle(&self, item: &OutboxItem, handled: &mut Vec<Delivery>) -> Result<(), String> {
        let Some(kind) = NoticeKind::from_outbox(&item.kind) else {
            tracing::warn!(kind = %item.kind, "unknown outbox kind; skipped");
            return Ok(());
        };
        match kind {
            NoticeKind::NewMessage => return self.handle_message(item, handled).await,
            NoticeKind::SurveyInvited => return self.handle_survey(item, handled).await,
            _ => {}
        }
        // What the store wrote always parses; a row that does not is reported, not guessed at.
        let meeting_id =
            MeetingId::try_from(item.subject_id.as_str()).map_err(|e| e.to_string())?;
        let n = match self.store.meeting_notice(&meeting_id).await {
            Ok(n) => n,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(e.to_string()),
        };
        if kind == NoticeKind::Reminder && n.meeting.status != MeetingStatus::Booked {
            return Ok(());
        }
        let notice = |lang| compose(lang, kind, &n, &self.public_url);
        self.send(item, kind, &notice, &n.citizen, handled).await
    }

    /// A new message: told at most once per thread per 30 minutes (decided when it was
    /// written), and not at all if the citizen has read it by now.
    async fn handle_message(
        &self,
        item: &OutboxItem,
        handled: &mut Vec<Delivery>,
    ) -> Result<(), String> {
        let n = match self.store.message_notice(&item.subject_id).await {
            Ok(n) => n,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(e.to_string()),
        };
        if !notice_still_needed(n.sent_at, n.citizen_read_at) {
            handled.push(delivery(
                item,
                "none",
                "skipped",
                "read before the notice was due",
                n.citizen.id.as_str(),
            ));
            return Ok(());
        }
        let path = match n.holder {
            ThreadHolder::Jobcenter => "/borger/beskeder",
            ThreadHolder::AKasse => "/borger/beskeder?med=a_kasse",
        };
        let notice = |lang| {
            message_notice(
                lang,
                &n.citizen.name,
                &n.organisation_name,
                path,
                &self.public_url,
            )
        };
        self.send(item, NoticeKind::NewMessage, &notice, &n.citizen, handled)
            .await
    }

    /// The invitation to answer a survey: digitally, or on paper with a code and the phone.
    async fn handle_survey(
        &self,
        item: &OutboxItem,
        handled: &mut Vec<Delivery>,
    ) -> Result<(), String> {
        let survey_id = SurveyId::try_from(item.subject_id.as_str()).map_err(|e| e.to_string())?;
        let n = match self.store.survey_notice(&survey_id).await {
            Ok(found) => found,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(e.to_string()),
        };
        let notice = |lang: Lang| survey_notice(lang, &n, &self.public_url);
        self.send(
            item,
            NoticeKind::SurveyInvited,
            &notice,
            &n.citizen,
            handled,
        )
        .await
    }

    /// Sends a notice on each channel the domain chooses for its kind and this citizen that is
    /// not yet handled for this outbox row; with no channel at all, records that it was skipped.
    /// `compose` writes the notice in a language: the citizen's, and for a paper letter in a
    /// script the PDF's fonts lack, the first fallback language they print (`on_paper`).
    async fn send(
        &self,
        item: &OutboxItem,
        kind: NoticeKind,
        compose: &(dyn Fn(Lang) -> Notice + Sync),
        citizen: &Citizen,
        handled: &mut Vec<Delivery>,
    ) -> Result<(), String> {
        let lang = language(citizen);
        let notice = &compose(lang);
        let channels = notice_channels(kind, reachability(citizen, self.digital_post.is_some()));
        if channels.is_empty() {
            handled.push(delivery(
                item,
                "none",
                "skipped",
                "no channel reaches the citizen for this notice",
                citizen.id.as_str(),
            ));
            return Ok(());
        }
        for channel in channels {
            let name = channel.as_str();
            if item.delivered.iter().any(|done| done == name) {
                continue;
            }
            let reference = format!("{}.{name}", item.id);
            let (status, detail) = match channel {
                NoticeChannel::Email => match (&self.mailer, &citizen.email) {
                    (Some(mailer), Some(to)) => {
                        mailer.send(to.as_str(), notice, &reference).await?;
                        ("sent", to.to_string())
                    }
                    _ => ("skipped", "smtp not configured".to_owned()),
                },
                NoticeChannel::Sms => match (&self.sms, &citizen.phone) {
                    (Some(sender), Some(to)) => {
                        sender.send(to.as_str(), &notice.sms, &reference).await?;
                        ("sent", to.to_string())
                    }
                    _ => ("skipped", "sms gateway not configured".to_owned()),
                },
                NoticeChannel::Letter | NoticeChannel::DigitalPost => {
                    // Kept in the batch's commit, with its delivery: to print, or as delivered.
                    let (paper, paper_lang) = on_paper(lang, notice, compose);
                    let mut letter = NewLetter {
                        municipality: citizen.municipality.to_string(),
                        recipient: citizen.name.clone(),
                        subject: paper.subject,
                        body: paper.letter_body,
                        language: paper_lang.code().to_owned(),
                        // No address: kept as "mangler adresse" until one is given.
                        address: citizen.postal_address.as_ref().map(|a| a.lines().to_vec()),
                        sender: paper.sender,
                        route: LetterRoute::Print,
                    };
                    let detail = if channel == NoticeChannel::DigitalPost {
                        letter.route = self.to_digital_post(item, citizen, &letter).await?;
                        match &letter.route {
                            LetterRoute::PrintInstead(why) => {
                                format!("printed instead: {}", why.as_str())
                            }
                            _ => memo::message_uuid(&item.id),
                        }
                    } else {
                        "to print".to_owned()
                    };
                    let mut kept = delivery(item, name, "sent", &detail, citizen.id.as_str());
                    kept.letter = Some(letter);
                    handled.push(kept);
                    continue;
                }
            };
            handled.push(delivery(item, name, status, &detail, citizen.id.as_str()));
        }
        Ok(())
    }
}

impl Notifier {
    /// Delivers `letter` to the citizen's Digital Post: `DigitalPost` when it is there,
    /// `PrintInstead` when it cannot be (and will not be by trying again), `Err` to try again
    /// later. The PDF is the one "Breve" would print, with the outbox row's reference.
    async fn to_digital_post(
        &self,
        item: &OutboxItem,
        citizen: &Citizen,
        letter: &NewLetter,
    ) -> Result<LetterRoute, String> {
        let Some(sender) = &self.digital_post else {
            return Err("digital post is not configured".to_owned());
        };
        let parties = self
            .store
            .digital_post_parties(&citizen.id)
            .await
            .map_err(|e| e.to_string())?;
        let Some(cpr) = &parties.recipient else {
            return Ok(LetterRoute::PrintInstead(PrintReason::NoCpr));
        };
        let Some(cvr) = &parties.sender_cvr else {
            return Ok(LetterRoute::PrintInstead(PrintReason::NoSenderCvr));
        };
        let id = domain::LetterId::try_from(item.id.as_str()).map_err(|e| e.to_string())?;
        let reference = id.reference();
        let created = self.store.now();
        let as_sent = store::Letter {
            id,
            citizen_id: citizen.id.clone(),
            recipient: letter.recipient.clone(),
            subject: letter.subject.clone(),
            body: letter.body.clone(),
            created_at: created,
            printed_at: None,
            language: letter.language.clone(),
            address: letter.address.clone(),
            sender: Some(letter.sender.clone()),
            digital_post_at: None,
            fallback: None,
        };
        let pdf = crate::letter_pdf(&as_sent, &letter.sender).map_err(|e| e.to_string())?;
        let memo = memo::Memo::new(&memo::MemoLetter {
            outbox_id: &item.id,
            subject: &letter.subject,
            reference: &reference,
            sender_cvr: cvr,
            sender_name: &parties.sender_name,
            recipient: cpr,
            recipient_name: &letter.recipient,
            created,
            language: &letter.language,
            pdf: &pdf,
        });
        let xml = askama::Template::render(&memo).map_err(|e| e.to_string())?;
        match sender.deliver(memo.message_uuid(), xml).await {
            Ok(()) => Ok(LetterRoute::DigitalPost),
            Err(digital_post::Undelivered::Refused(why)) => {
                tracing::warn!(outbox = %item.id, error = %why, "digital post refused the letter; printed instead");
                Ok(LetterRoute::PrintInstead(PrintReason::NotDelivered))
            }
            Err(digital_post::Undelivered::Retry(why))
                if item.attempts >= DIGITAL_POST_ATTEMPTS =>
            {
                tracing::warn!(outbox = %item.id, error = %why, "digital post did not take the letter after every try; printed instead");
                Ok(LetterRoute::PrintInstead(PrintReason::NotDelivered))
            }
            Err(digital_post::Undelivered::Retry(why)) => Err(why),
        }
    }
}

fn delivery(
    item: &OutboxItem,
    channel: &str,
    status: &str,
    detail: &str,
    citizen_id: &str,
) -> Delivery {
    Delivery {
        outbox_id: item.id.clone(),
        channel: channel.to_owned(),
        status: status.to_owned(),
        detail: detail.to_owned(),
        citizen_id: citizen_id.to_owned(),
        letter: None,
    }
}

fn reachability(c: &Citizen, digital_post: bool) -> Reachability {
    Reachability {
        email: c.email.is_some(),
        phone: c.phone.is_some(),
        digital_mail: c.digital_mail,
        digital_post,
    }
}

/// The notice as it can be printed: in the citizen's language where the PDF's fonts have its
/// script (Latin, Cyrillic and Greek; so every language we write today), else in the first
/// fallback language they do print.
fn on_paper(
    lang: Lang,
    notice: &Notice,
    compose: &(dyn Fn(Lang) -> Notice + Sync),
) -> (Notice, Lang) {
    let printable = |n: &Notice| pdf::printable(&n.subject) && pdf::printable(&n.letter_body);
    if printable(notice) {
        return (notice.clone(), lang);
    }
    let mut at = lang.fallback();
    while let Some(l) = at {
        let other = compose(l);
        if printable(&other) {
            return (other, l);
        }
        at = l.fallback();
    }
    (compose(Lang::Da), Lang::Da)
}

/// The language the citizen chose on the pages; Danish when the stored code is unknown.
fn language(c: &Citizen) -> Lang {
    Lang::from_code(&c.language).unwrap_or_default()
}
