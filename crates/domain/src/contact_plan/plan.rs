//! A citizen's contact plan (kontaktforløb): which conversations the law requires, by when, and
//! how far each has come.
//!
//! The plan is computed, never stored: from the start of unemployment, the rule book and the
//! citizen's meetings. Each item comes from the rule set in force on its due date, so a course
//! that crosses a change of law follows the old law before it and the new one after.

use jiff::Timestamp;
use jiff::civil::Date;

use super::book::RuleBook;
use super::rules::{ConversationKind, CountedFrom, Course, Holder};
use crate::clock_text::local_date;
use crate::enums::wire_enum;
use crate::{MeetingStatus, TargetGroup, add_working_days, is_working_day};

wire_enum! {
    /// How far a required conversation has come.
    ItemStatus {
        /// A held meeting fills it.
        Done = "done",
        /// A booked meeting will fill it.
        Planned = "planned",
        /// Not yet booked; the deadline has not passed.
        Due = "due",
        /// Not held and not booked, and the deadline has passed.
        Overdue = "overdue",
    }
}

/// The days a citizen's periods are counted from; a rule line names which
/// ([`CountedFrom`]). A day not on record is the start of unemployment: the only day the first
/// round of Jobunivers kept, so older cases plan as they did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartDates {
    pub unemployed_since: Date,
    /// Registration as a job seeker (LAB § 31, stk. 4).
    pub registered_on: Option<Date>,
    /// The first contact with the municipality about help (LAB § 9, stk. 2, nr. 2; § 31, stk. 5).
    pub first_contact_on: Option<Date>,
    /// The first day of absence through sickness (sygedagpengeloven § 13 b).
    pub first_absence_on: Option<Date>,
}

impl StartDates {
    /// Only the start of unemployment is known.
    pub fn new(unemployed_since: Date) -> Self {
        Self {
            unemployed_since,
            registered_on: None,
            first_contact_on: None,
            first_absence_on: None,
        }
    }

    pub fn of(&self, from: CountedFrom) -> Date {
        let day = match from {
            CountedFrom::UnemployedSince => None,
            CountedFrom::RegisteredOn => self.registered_on,
            CountedFrom::FirstContactOn => self.first_contact_on,
            CountedFrom::FirstAbsenceOn => self.first_absence_on,
        };
        day.unwrap_or(self.unemployed_since)
    }
}

/// Which organisations have exempted the citizen from their own exemptible conversations
/// (2026 rules). The a-kasse exempts from its conversations, the municipality from its; neither
/// can remove the other's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Exemptions {
    pub fund: bool,
    pub municipality: bool,
}

impl Exemptions {
    /// Exempted by `holder` from `holder`'s conversations.
    pub fn covers(self, holder: Holder) -> bool {
        match holder {
            Holder::UnemploymentFund => self.fund,
            Holder::Municipality => self.municipality,
        }
    }
}

/// What the plan needs to know of the citizen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanCitizen {
    pub target_group: TargetGroup,
    pub starts: StartDates,
    /// Who has exempted the citizen from their exemptible conversations (2026 rules).
    pub exempt: Exemptions,
    /// Sent to the jobcenter from the start (LAB § 27, stk. 3): the `jobcenter_from_start`
    /// course of the rule files.
    pub jobcenter_from_start: bool,
}

/// Whether a citizen may be sent to the jobcenter from the start (LAB § 27, stk. 3): insured
/// unemployed and under 25 on `today`. The other two conditions, no vocational qualification and
/// no children, are facts the caseworker confirms by deciding it.
pub fn may_start_at_jobcenter(group: TargetGroup, born: Date, today: Date) -> bool {
    group == TargetGroup::InsuredUnemployed
        && born
            .checked_add(jiff::Span::new().years(25))
            .is_ok_and(|d| d > today)
}

impl PlanCitizen {
    pub fn course(&self) -> Course {
        if self.jobcenter_from_start {
            Course::JobcenterFromStart
        } else {
            Course::Standard
        }
    }
}

/// A meeting as the plan sees it. Cancelled meetings and no-shows fill nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanMeeting {
    pub id: String,
    pub start: Timestamp,
    /// The Copenhagen date of `start`: deadlines are dates where people live.
    pub date: Date,
    pub status: MeetingStatus,
    /// The organisation of the staff member whose meeting it is.
    pub holder: Holder,
    /// A joint conversation (the a-kasse takes part in a jobcenter meeting) counts for either.
    pub joint: bool,
    /// Held by phone or video rather than in person (the first job conversation may not be,
    /// LAB § 33, stk. 1).
    pub remote: bool,
}

impl PlanMeeting {
    pub fn new(
        id: String,
        start: Timestamp,
        status: MeetingStatus,
        holder: Holder,
        joint: bool,
    ) -> Self {
        Self {
            id,
            start,
            date: local_date(start),
            status,
            holder,
            joint,
            remote: false,
        }
    }

    /// The same meeting, held by phone or video.
    pub fn by_phone_or_video(mut self, remote: bool) -> Self {
        self.remote = remote;
        self
    }

    fn held_by(&self, holder: Holder) -> bool {
        self.holder == holder || self.joint
    }
}

/// One required conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem<'a> {
    pub kind: ConversationKind,
    pub holder: Holder,
    pub due_from: Date,
    pub due_by: Date,
    pub status: ItemStatus,
    /// The held or booked meeting that fills it.
    pub meeting: Option<&'a PlanMeeting>,
    /// The rule set in force on `due_by`, which this item follows.
    pub rules_version: &'a str,
    /// The paragraph the item comes from.
    pub source: &'a str,
    /// Only a joint conversation (the a-kasse takes part) fills it.
    pub with_fund: bool,
}

impl PlanItem<'_> {
    /// Filled, but by a meeting after the deadline.
    pub fn late(&self) -> bool {
        self.meeting.is_some_and(|m| m.date > self.due_by)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactPlan<'a> {
    /// The rule set in force on the day the plan was computed.
    pub rules_version: &'a str,
    /// Earliest deadline first.
    pub items: Vec<PlanItem<'a>>,
    /// How many conversations the citizen's exemption left out.
    pub exempted: usize,
}

impl<'a> ContactPlan<'a> {
    /// The first item still to be booked: what "book the next conversation" is for.
    pub fn next_open(&self) -> Option<&PlanItem<'a>> {
        self.items
            .iter()
            .find(|i| matches!(i.status, ItemStatus::Due | ItemStatus::Overdue))
    }
}

/// Computes the plan on `today` (a Copenhagen date).
///
/// Held meetings fill items first, each the earliest open item (by deadline) that it fits: the
/// same holder (or a joint meeting; only a joint one where the a-kasse must take part) and on or
/// after the day the item's window opens. A meeting
/// after the deadline still fills it, late, so an overdue conversation is dealt with once it is
/// held. Booked meetings then fill what is left the same way, as planned.
pub fn contact_plan<'a>(
    book: &'a RuleBook,
    citizen: PlanCitizen,
    meetings: &'a [PlanMeeting],
    today: Date,
) -> ContactPlan<'a> {
    let mut items = Vec::new();
    let mut exempted = 0;
    for set in book.sets() {
        for rule in set.rules_on(citizen.target_group, citizen.course()) {
            let since = citizen.starts.of(rule.counted_from);
            let mut due_by = rule.by.after(since);
            if set.deadlines_on_working_days && !is_working_day(due_by) {
                due_by = add_working_days(due_by, 0);
            }
            // Each item follows the law in force on its deadline.
            if !std::ptr::eq(book.in_force(due_by), set) {
                continue;
            }
            if citizen.exempt.covers(rule.holder) && set.exemptions_allowed && rule.exemptible {
                exempted += usize::from(rule.count);
                continue;
            }
            for _ in 0..rule.count {
                items.push(PlanItem {
                    kind: rule.kind,
                    holder: rule.holder,
                    due_from: rule.from.after(since),
                    due_by,
                    status: ItemStatus::Due,
                    meeting: None,
                    rules_version: &set.version,
                    source: &rule.source,
                    with_fund: rule.with_fund,
                });
            }
        }
    }
    items.sort_by_key(|i| (i.due_by, i.due_from, i.kind, i.holder));

    let mut by_start: Vec<&PlanMeeting> = meetings.iter().collect();
    by_start.sort_by_key(|m| m.start);
    for (status, filled) in [
        (MeetingStatus::Held, ItemStatus::Done),
        (MeetingStatus::Booked, ItemStatus::Planned),
    ] {
        for meeting in by_start.iter().filter(|m| m.status == status) {
            let open = items.iter_mut().find(|i| {
                i.meeting.is_none()
                    && meeting.held_by(i.holder)
                    && (!i.with_fund || meeting.joint)
                    && i.due_from <= meeting.date
            });
            if let Some(item) = open {
                item.meeting = Some(*meeting);
                item.status = filled;
            }
        }
    }
    for item in items.iter_mut().filter(|i| i.meeting.is_none()) {
        item.status = if today > item.due_by {
            ItemStatus::Overdue
        } else {
            ItemStatus::Due
        };
    }
    ContactPlan {
        rules_version: &book.in_force(today).version,
        items,
        exempted,
    }
}
