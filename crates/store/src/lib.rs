//! Persistence for Jobunivers. One set of SQL queries runs on two backends through sqlx's `Any`
//! driver: SQLite, embedded, for one-file installs and the demo; PostgreSQL for production and
//! scale-out. `docs/adr/0001-data-access.md` says why.
//!
//! Every call that touches a citizen's data takes the acting [`domain::Actor`]: the store decides
//! visibility with [`domain::citizen_visibility`] and writes the audit entry itself, so neither
//! tenant scoping nor the audit log can be forgotten by a caller.

mod audit;
mod availability_notices;
mod background;
mod booking;
mod bulk;
mod bulk_threads;
mod call_in_events;
mod case_files;
mod case_transfers;
mod chat;
mod citizen_language;
mod citizen_reads;
mod citizens;
mod clock;
mod connect;
mod contact_plan;
mod contact_report;
mod cpr_key;
mod digital_post;
mod direct_reads;
mod error;
mod events;
mod free_times;
mod gauges;
mod group_commit;
mod help;
mod ids;
mod interpreters;
mod lease;
mod letters;
mod locations;
mod meetings;
mod messages;
mod org_contact;
mod orgs;
mod outbox;
mod outbox_turn;
mod plan_census;
mod quotas;
mod report_days;
mod screening;
mod sessions;
mod slots;
mod sql;
mod staff;
mod surveys;
#[cfg(feature = "testing")]
pub mod testing;
mod video;
mod visitation;
mod worklist;
mod worklist_marks;
mod worklist_state;
mod worklist_statistics;

pub use audit::{AccessLogEntry, AuditAction};
pub use availability_notices::{AvailabilityNotice, Withdrawal};
pub use booking::{AbsenceDecision, NewMeeting};
pub use bulk::{BulkCitizen, BulkMeeting, bulk_id};
pub use bulk_threads::{BulkMessage, BulkSurvey, BulkThread};
pub use call_in_events::{
    CallInEvent, CallInEventKind, CallInFacts, FactsLocation, MAX_PAGE as MAX_EXPORT_PAGE,
};
pub use case_transfers::IncomingTransfer;
pub use chat::{Chat, ChatOrg, ChatState, DUTY_STALE, QueuedChat, StaffChats, Started};
pub use citizens::{Citizen, CitizenChange, CitizenQuery, CitizenSummary, NewCitizen, Page};
pub use clock::from_micros;
pub use connect::{Backend, MeetingSettings, Store, StoreOptions};
pub use contact_plan::{Exemption, MAX_EXEMPTION_REASON, PlanInputs};
pub use contact_report::{CHAT_CHANNEL, ReleasedReport, ReportScope};
pub use cpr_key::CprKey;
pub use digital_post::DigitalPostParties;
pub use error::StoreError;
pub use events::{ThreadChange, ThreadEvent, ThreadKey};
pub use free_times::{ChannelOffer, FreeTime, Offer, TimeChoice};
pub use gauges::Gauges;
pub use help::{HelpAnswer, HelpAnswers};
pub use interpreters::{InterpreterProvider, MeetingInterpreter, NewInterpreterProvider};
pub use letters::{Letter, LetterRoute, NewLetter};
pub use locations::Location;
pub use meetings::{Absence, CallIn, Cancellation, Meeting, StaffCalendar};
pub use messages::inbox::InboxEntry;
pub use messages::notice::MessageNotice;
pub use messages::{Conversation, Message, Thread, ThreadView};
pub use org_contact::{MAX_PHONE_HOURS, OrgContact, OrgContactCard};
pub use orgs::Org;
pub use outbox::{Delivery, MeetingNotice, OutboxItem, system_actor};
pub use outbox_turn::OutboxTurn;
pub use plan_census::PlanCensus;
pub use quotas::QuotaFacts;
pub use screening::Screening;
pub use sessions::sign_in::SignInAttempt;
pub use sessions::{DemoLogin, NewSession};
pub use slots::{NewSlot, Slot};
pub use staff::{NewStaff, StaffMember};
pub use surveys::{
    PendingSurvey, SurveyNotice, SurveyStatus, Surveyed, normalise_code, shown_code,
};
pub use visitation::Visitation;
pub use worklist::{CaseworkerLoad, Worklist, WorklistEntry, WorklistQuery};
