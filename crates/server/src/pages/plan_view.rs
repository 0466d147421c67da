//! The contact plan as pages show it: a table for staff, sentences for the citizen. Both come
//! from the same computed plan, so they never disagree.

use domain::contact_plan::{ItemStatus, RuleBook, contact_plan};
use jiff::civil::Date;

use crate::i18n::{Lang, plan as texts};

/// One required conversation, in words.
pub struct PlanRow {
    pub kind: &'static str,
    pub holder: &'static str,
    /// `3. juni – 3. september`.
    pub window: String,
    pub status: &'static str,
    /// `data-status` in the page, and the overdue emphasis.
    pub state: ItemStatus,
    pub late: bool,
    pub meeting_id: Option<String>,
    /// The sentence the citizen reads.
    pub sentence: String,
    pub rules_version: String,
    pub source: String,
}

pub struct PlanView {
    pub rules_version: String,
    pub rows: Vec<PlanRow>,
    /// Whether any conversation is still to be booked: offers "book the next conversation".
    pub has_open: bool,
    /// The next conversation to book is the a-kasse's: the citizen's button books with it.
    pub next_with_fund: bool,
    pub exempted: usize,
    /// The exemptions that stand, each with the text key naming whose conversations.
    pub exemptions: Vec<(&'static str, store::Exemption)>,
    /// The reader's organisation has made a decision (so it may lift it).
    pub own_decision: bool,
    /// The law in force lets the reader's organisation exempt this citizen from its own
    /// conversations.
    pub exemption_possible: bool,
    /// The citizen books themself and has missed the deadline of one of the reader's
    /// conversations (worklist `booking_overdue`): staff may tell the a-kasse.
    pub booking_overdue: bool,
    /// A notice about a missed booking stands (set by the page, which asks the store).
    pub booking_overdue_told: bool,
}

impl PlanRow {
    pub fn is_overdue(&self) -> bool {
        self.state == ItemStatus::Overdue
    }
}

impl PlanView {
    /// The plan as read by `reader`'s organisation (staff), or by the citizen (`None`).
    pub fn new(
        book: &RuleBook,
        inputs: &store::PlanInputs,
        today: Date,
        lang: Lang,
        reader: Option<domain::contact_plan::Holder>,
    ) -> Self {
        let plan = contact_plan(book, inputs.plan_citizen(), &inputs.meetings, today);
        let date = |d: Date| catalogue::dates::day_month(lang, d, today.year());
        Self {
            rules_version: plan.rules_version.to_owned(),
            has_open: plan.next_open().is_some(),
            next_with_fund: plan
                .next_open()
                .is_some_and(|i| i.holder == domain::contact_plan::Holder::UnemploymentFund),
            rows: plan
                .items
                .iter()
                .map(|i| PlanRow {
                    kind: texts::kind(lang, i.kind),
                    holder: texts::holder(lang, i.holder),
                    window: format!("{} – {}", date(i.due_from), date(i.due_by)),
                    status: texts::item_status(lang, i.status),
                    state: i.status,
                    late: i.late(),
                    meeting_id: i.meeting.map(|m| m.id.clone()),
                    sentence: texts::for_citizen(lang, i, today),
                    rules_version: i.rules_version.to_owned(),
                    source: i.source.to_owned(),
                })
                .collect(),
            exempted: plan.exempted,
            exemptions: inputs
                .exemptions
                .iter()
                .filter(|e| e.exempt)
                .map(|e| {
                    let key = match e.holder {
                        domain::contact_plan::Holder::UnemploymentFund => "plan-exempt-by-fund",
                        domain::contact_plan::Holder::Municipality => "plan-exempt-by-municipality",
                    };
                    (key, e.clone())
                })
                .collect(),
            own_decision: reader.is_some_and(|h| inputs.exemptions.iter().any(|e| e.holder == h)),
            exemption_possible: reader
                .is_some_and(|h| book.may_exempt(inputs.citizen.target_group, h, today)),
            booking_overdue: reader.is_some_and(|h| {
                crate::use_cases::booking_overdue::missed_deadline(&plan, &inputs.citizen, h)
                    .is_some()
            }),
            booking_overdue_told: false,
        }
    }

    /// The first conversation still to be booked (overdue or due), for "Book din næste samtale".
    pub fn next_to_book(&self) -> Option<&PlanRow> {
        self.for_citizen()
            .into_iter()
            .find(|r| matches!(r.state, ItemStatus::Due | ItemStatus::Overdue))
    }

    /// The citizen's list: what is ahead and what is overdue first, then what is done.
    pub fn for_citizen(&self) -> Vec<&PlanRow> {
        let open = |r: &&PlanRow| r.state != ItemStatus::Done;
        let mut rows: Vec<&PlanRow> = self.rows.iter().filter(open).collect();
        rows.extend(self.rows.iter().filter(|r| !open(r)));
        rows
    }
}
