//! The contact plan (kontaktforløb): the conversations the law requires, as data with effective
//! dates ([`RuleBook`]); a citizen's plan from it ([`contact_plan`]); and the worklist reasons
//! that make sure nobody falls through ([`work_reasons`]).

mod book;
#[cfg(test)]
mod cases;
mod expiry;
mod law_cases;
mod offset;
pub mod paging;
mod plan;
mod quotas;
mod rules;
mod sources;
#[cfg(test)]
mod tests;
mod worklist;

pub use book::RuleBook;
pub use expiry::reasons_hold_until;
pub use law_cases::{LawCase, NextBooking, load_dir, plan_rows};
pub use offset::{Offset, Unit};
pub use paging::Paging;
pub use plan::{
    ContactPlan, Exemptions, ItemStatus, PlanCitizen, PlanItem, PlanMeeting, StartDates,
    contact_plan, may_start_at_jobcenter,
};
pub use quotas::{CONTACT_TARGET, EXEMPTION_CAP, QuotaCase, QuotaRow, quota_row};
pub use rules::{
    ConversationKind, ConversationRule, CountedFrom, Course, Holder, RuleError, RuleSet,
    parse_rule_set,
};
pub use sources::{ChannelRuleSource, LEGAL_CHANNEL_RULES};
pub use worklist::{
    CaseFacts, DUE_SOON_DAYS, INACTIVE_AFTER, WorkItem, WorkReason, sort_worklist, work_reasons,
};
