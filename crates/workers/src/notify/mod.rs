//! The notification worker: drains the outbox into e-mail, SMS and printed letters.
//!
//! Each outbox row is claimed under a lease, turned into a notice for its citizen, and sent on
//! the channels the domain chooses ([`domain::notices::notice_channels`]). Every channel that
//! has handled a row is recorded in `deliveries` before the row is done, so a row retried after
//! a crash or a failure skips what already went out. A failed row is retried with a growing
//! pause. Channels that are not configured (no SMTP server, say) are recorded as skipped.

mod compose;
mod email;
mod sms;

use std::time::Duration;

use domain::MeetingStatus;
use domain::messages::{ThreadHolder, notice_still_needed};
use domain::notices::{NoticeChannel, NoticeKind, Reachability, notice_channels};
use jiff::SignedDuration;
use store::{Citizen, OutboxItem, Store, StoreError};

pub use compose::{Notice, compose, message_notice, survey_notice};
pub use email::SmtpConfig;
pub use sms::SmsConfig;

/// What the worker needs besides the store.
#[derive(Debug, Clone, Default)]
pub struct NotifyConfig {
    pub smtp: Option<SmtpConfig>,
    pub sms: Option<SmsConfig>,
    /// For links in notices.
    pub public_url: String,
}

pub struct Notifier {
    store: Store,
    mailer: Option<email::Mailer>,
    sms: Option<sms::SmsSender>,
    public_url: String,
}

/// Rows handled per claim.
const BATCH: u32 = 50;

impl Notifier {
    pub fn new(store: Store, config: NotifyConfig) -> Result<Self, String> {
        Ok(Self {
            mailer: config.smtp.as_ref().map(email::Mailer::new).transpose()?,
            sms: config.sms.map(sms::SmsSender::new).transpose()?,
            store,
            public_url: config.public_url,
        })
    }

    /// Handles what is due now; returns how many rows were completed.
    pub async fn drain_once(&self) -> Result<usize, StoreError> {
        let mut done = 0;
        loop {
            let items = self.store.claim_outbox(BATCH).await?;
            if items.is_empty() {
                return Ok(done);
            }
            for item in items {
                match self.handle(&item).await {
                    Ok(()) => {
                        self.store.complete_outbox(&item.id).await?;
                        done += 1;
                    }
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

    async fn handle(&self, item: &OutboxItem) -> Result<(), String> {
        let Some(kind) = NoticeKind::from_outbox(&item.kind) else {
            tracing::warn!(kind = %item.kind, "unknown outbox kind; skipped");
            return Ok(());
        };
        match kind {
            NoticeKind::NewMessage => return self.handle_message(item).await,
            NoticeKind::SurveyInvited => return self.handle_survey(item).await,
            _ => {}
        }
        let n = match self.store.meeting_notice(&item.subject_id).await {
            Ok(n) => n,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(e.to_string()),
        };
        if kind == NoticeKind::Reminder && n.meeting.status != MeetingStatus::Booked {
            return Ok(());
        }
        let notice = compose(kind, &n, &self.public_url);
        self.send(item, kind, &notice, &n.citizen).await
    }

    /// A new message: told at most once per thread per 30 minutes (decided when it was
    /// written), and not at all if the citizen has read it by now.
    async fn handle_message(&self, item: &OutboxItem) -> Result<(), String> {
        let n = match self.store.message_notice(&item.subject_id).await {
            Ok(n) => n,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(e.to_string()),
        };
        if !notice_still_needed(n.sent_at, n.citizen_read_at) {
            return self
                .record(
                    item,
                    "none",
                    "skipped",
                    "read before the notice was due",
                    &n.citizen.id,
                )
                .await;
        }
        let path = match n.holder {
            ThreadHolder::Jobcenter => "/borger/beskeder",
            ThreadHolder::AKasse => "/borger/beskeder?med=a_kasse",
        };
        let notice = message_notice(
            &n.citizen.name,
            &n.organisation_name,
            path,
            &self.public_url,
        );
        self.send(item, NoticeKind::NewMessage, &notice, &n.citizen)
            .await
    }

    /// The invitation to answer a survey, digitally only.
    async fn handle_survey(&self, item: &OutboxItem) -> Result<(), String> {
        let (citizen, municipality) = match self.store.survey_notice(&item.subject_id).await {
            Ok(found) => found,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(e.to_string()),
        };
        let jobcenter = format!("Jobcenter {municipality}");
        let notice = survey_notice(&citizen.name, &jobcenter, &self.public_url);
        self.send(item, NoticeKind::SurveyInvited, &notice, &citizen)
            .await
    }

    /// Sends a notice on each channel the domain chooses for its kind and this citizen that is
    /// not yet handled for this outbox row; with no channel at all, records that it was skipped.
    async fn send(
        &self,
        item: &OutboxItem,
        kind: NoticeKind,
        notice: &Notice,
        citizen: &Citizen,
    ) -> Result<(), String> {
        let channels = notice_channels(kind, reachability(citizen));
        if channels.is_empty() {
            return self
                .record(
                    item,
                    "none",
                    "skipped",
                    "no channel reaches the citizen for this notice",
                    &citizen.id,
                )
                .await;
        }
        for channel in channels {
            let name = channel.as_str();
            if self
                .store
                .delivered(&item.id, name)
                .await
                .map_err(|e| e.to_string())?
            {
                continue;
            }
            let reference = format!("{}.{name}", item.id);
            let (status, detail) = match channel {
                NoticeChannel::Email => match (&self.mailer, &citizen.email) {
                    (Some(mailer), Some(to)) => {
                        mailer.send(to, notice, &reference).await?;
                        ("sent", to.clone())
                    }
                    _ => ("skipped", "smtp not configured".to_owned()),
                },
                NoticeChannel::Sms => match (&self.sms, &citizen.phone) {
                    (Some(sender), Some(to)) => {
                        sender.send(to, &notice.sms, &reference).await?;
                        ("sent", to.clone())
                    }
                    _ => ("skipped", "sms gateway not configured".to_owned()),
                },
                NoticeChannel::Letter => {
                    self.store
                        .create_letter(
                            &item.id,
                            &citizen.id,
                            &citizen.municipality,
                            &citizen.name,
                            &notice.subject,
                            &notice.body,
                        )
                        .await
                        .map_err(|e| e.to_string())?;
                    ("sent", "to print".to_owned())
                }
            };
            self.record(item, name, status, &detail, &citizen.id)
                .await?;
        }
        Ok(())
    }

    async fn record(
        &self,
        item: &OutboxItem,
        channel: &str,
        status: &str,
        detail: &str,
        citizen_id: &str,
    ) -> Result<(), String> {
        self.store
            .record_delivery(&item.id, channel, status, detail, citizen_id)
            .await
            .map_err(|e| e.to_string())
    }
}

fn reachability(c: &Citizen) -> Reachability {
    Reachability {
        email: c.email.is_some(),
        phone: c.phone.is_some(),
        digital_mail: c.digital_mail,
    }
}
