//! Rule sets: the contact schedule the law requires, as data with effective dates.
//!
//! Each file under `rules/` is one version of the law (e.g. `lab-2024-01-01.toml`). Because the
//! law keeps changing, a citizen's plan follows the rule set in force on each due date, and a
//! new law is a new file, not a new build. Files are checked when the server starts: a mistake
//! stops it with the file, the line and what is wrong, rather than planning wrong conversations.

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use super::offset::Offset;
use crate::TargetGroup;
use crate::enums::wire_enum;

// The variants' snake_case names are their wire names: serde and `as_str` must agree.
wire_enum! {
    /// Who holds a conversation: the a-kasse or the jobcenter.
    Holder {
        UnemploymentFund = "unemployment_fund",
        Municipality = "municipality",
    }
}

impl Holder {
    /// The holder whose conversations a staff member's organisation holds; `None` for citizens
    /// and administrators, who hold none.
    pub fn of(actor: &crate::Actor) -> Option<Holder> {
        match actor {
            crate::Actor::Staff { organisation, .. } => Some(Holder::of_organisation(organisation)),
            _ => None,
        }
    }

    /// The holder whose conversations an organisation holds.
    pub fn of_organisation(organisation: &crate::Organisation) -> Holder {
        match organisation {
            crate::Organisation::Municipality(_) => Holder::Municipality,
            crate::Organisation::Fund(_) => Holder::UnemploymentFund,
        }
    }
}

wire_enum! {
    /// The course an insured unemployed person follows. Most start with the a-kasse
    /// (`standard`); a person under 25 without a vocational qualification and without children
    /// is sent to the jobcenter from the start (LAB § 27, stk. 3), with six jobcenter
    /// conversations in six months and none with the a-kasse (§ 31, stk. 1, 3. pkt., stk. 4).
    Course {
        Standard = "standard",
        JobcenterFromStart = "jobcenter_from_start",
    }
}

wire_enum! {
    /// The day a rule line's windows are counted from. The law counts different periods from
    /// different days (LAB § 9, stk. 2; § 31, stk. 4 and 5; sygedagpengeloven § 13 b).
    CountedFrom {
        /// The start of unemployment: for the insured, placement in a benefit period (§ 9,
        /// stk. 2, nr. 1).
        UnemployedSince = "unemployed_since",
        /// Registration as a job seeker: the a-kasse's first conversation (§ 31, stk. 4).
        RegisteredOn = "registered_on",
        /// The first contact with the municipality about help: the cash-benefit groups
        /// (§ 6, nr. 2-5; § 9, stk. 2, nr. 2; § 31, stk. 5).
        FirstContactOn = "first_contact_on",
        /// The first day of absence through sickness (sygedagpengeloven § 13 b).
        FirstAbsenceOn = "first_absence_on",
    }
}

impl CountedFrom {
    /// The days a citizen keeps besides `unemployed_since`, in this order everywhere (store
    /// columns, API fields, `[registered_on, first_contact_on, first_absence_on]`); each one's
    /// wire name is its field name.
    pub const CITIZEN_DAYS: [CountedFrom; 3] = [
        CountedFrom::RegisteredOn,
        CountedFrom::FirstContactOn,
        CountedFrom::FirstAbsenceOn,
    ];

    /// The first of `given` (in [`Self::CITIZEN_DAYS`] order) that a citizen of `group` does
    /// not have, by its field name: a day that would be stored and never counted.
    pub fn misplaced<T>(group: TargetGroup, given: &[Option<T>; 3]) -> Option<&'static str> {
        Self::CITIZEN_DAYS
            .iter()
            .zip(given)
            .find(|(day, value)| value.is_some() && !day.applies_to(group))
            .map(|(day, _)| day.as_str())
    }

    /// Whether the day exists for a target group: a line counting from a day a citizen of the
    /// group does not have would plan from a made-up date.
    pub fn applies_to(self, group: TargetGroup) -> bool {
        match self {
            CountedFrom::UnemployedSince => group != TargetGroup::SicknessBenefit,
            CountedFrom::RegisteredOn => group == TargetGroup::InsuredUnemployed,
            CountedFrom::FirstContactOn => group.is_cash_benefit(),
            CountedFrom::FirstAbsenceOn => group == TargetGroup::SicknessBenefit,
        }
    }
}

wire_enum! {
    /// What kind of conversation the law asks for. The UI words each kind for citizens.
    ConversationKind {
        /// The first conversation, soon after registration.
        FirstConversation = "first_conversation",
        /// An individual job conversation (jobsamtale).
        JobConversation = "job_conversation",
        /// The conversation after 16 months of unemployment.
        SixteenMonthConversation = "sixteen_month_conversation",
    }
}

/// One line of the schedule: `count` conversations of `kind` held by `holder`, each in the
/// window [start + from, start + by], the start being the citizen's day named by `counted_from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationRule {
    pub target_group: TargetGroup,
    pub kind: ConversationKind,
    pub holder: Holder,
    pub count: u8,
    pub from: Offset,
    pub by: Offset,
    /// Which of the citizen's days the window counts from.
    pub counted_from: CountedFrom,
    /// Under a law that allows it, staff may exempt a citizen from this conversation.
    pub exemptible: bool,
    /// The a-kasse takes part (a joint conversation), as at 16 months (LAB § 32, stk. 2): only a
    /// meeting with an adviser of the a-kasse fills it.
    pub with_fund: bool,
    /// Only for citizens on this course; `None`: for every course.
    pub course: Option<Course>,
    /// The paragraph this line comes from, shown to staff beside the item.
    pub source: String,
}

/// One version of the law: in force from `effective_from` up to (not including)
/// `effective_until`, or from then on when that is absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    pub version: String,
    pub effective_from: Date,
    pub effective_until: Option<Date>,
    pub source: String,
    /// A deadline that falls on a Saturday, Sunday or public holiday moves to the next working
    /// day, as Danish administrative law reads deadlines.
    pub deadlines_on_working_days: bool,
    /// Whether staff may exempt citizens from the exemptible conversations.
    pub exemptions_allowed: bool,
    pub rules: Vec<ConversationRule>,
    /// Where the law makes each channel rule, in this version.
    pub channel_rules: Vec<super::sources::ChannelRuleSource>,
}

impl RuleSet {
    pub fn rules_for(&self, group: TargetGroup) -> impl Iterator<Item = &ConversationRule> {
        self.rules.iter().filter(move |r| r.target_group == group)
    }

    /// The lines for a citizen of `group` on `course`.
    pub fn rules_on(
        &self,
        group: TargetGroup,
        course: Course,
    ) -> impl Iterator<Item = &ConversationRule> {
        self.rules_for(group)
            .filter(move |r| r.course.is_none_or(|c| c == course))
    }
}

/// Why a rule file was refused: where, and what is wrong. `line` is 0 when the trouble is the
/// file or folder as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.message),
            line => write!(f, "{}:{line}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for RuleError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRuleSet {
    version: Spanned<String>,
    effective_from: Spanned<String>,
    effective_until: Option<Spanned<String>>,
    source: String,
    #[serde(default)]
    deadlines_on_working_days: bool,
    #[serde(default)]
    exemptions_allowed: bool,
    #[serde(default, rename = "conversation")]
    conversations: Vec<RawRule>,
    #[serde(default, rename = "channel_rule")]
    channel_rules: Vec<super::sources::RawChannelRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    target_groups: Vec<Spanned<String>>,
    kind: Spanned<String>,
    holder: Spanned<String>,
    count: Spanned<u8>,
    from: Spanned<String>,
    by: Spanned<String>,
    counted_from: Option<Spanned<String>>,
    #[serde(default)]
    exemptible: bool,
    #[serde(default)]
    with_fund: bool,
    course: Option<Spanned<String>>,
    source: Spanned<String>,
}

/// Parses one rule file. `file` names it in errors.
pub fn parse_rule_set(file: &str, text: &str) -> Result<RuleSet, RuleError> {
    let at = |offset: usize, message: String| RuleError {
        file: file.to_owned(),
        line: line_of(text, offset),
        message,
    };
    let raw: RawRuleSet = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        at(offset, e.message().trim().to_owned())
    })?;
    let date = |field: &Spanned<String>| {
        Date::strptime("%Y-%m-%d", field.get_ref().trim()).map_err(|_| {
            at(
                field.span().start,
                format!("\"{}\" is not a date (YYYY-MM-DD)", field.get_ref()),
            )
        })
    };
    let effective_from = date(&raw.effective_from)?;
    let effective_until = raw.effective_until.as_ref().map(date).transpose()?;
    if let (Some(until), Some(span)) = (effective_until, raw.effective_until.as_ref())
        && until <= effective_from
    {
        return Err(at(
            span.span().start,
            "effective_until is not after effective_from".into(),
        ));
    }
    let version = raw.version.get_ref().trim().to_owned();
    if version.is_empty() {
        return Err(at(raw.version.span().start, "version is blank".into()));
    }
    let mut rules = Vec::new();
    for r in &raw.conversations {
        let kind = ConversationKind::try_from(r.kind.get_ref().as_str()).map_err(|_| {
            at(
                r.kind.span().start,
                format!(
                    "unknown kind \"{}\"; use one of {}",
                    r.kind.get_ref(),
                    names(ConversationKind::ALL.iter().map(|k| k.as_str()))
                ),
            )
        })?;
        let holder = Holder::try_from(r.holder.get_ref().as_str()).map_err(|_| {
            at(
                r.holder.span().start,
                format!(
                    "unknown holder \"{}\"; use unemployment_fund or municipality",
                    r.holder.get_ref()
                ),
            )
        })?;
        let offset = |field: &Spanned<String>| {
            Offset::try_from(field.get_ref().as_str()).map_err(|m| at(field.span().start, m))
        };
        let course = match &r.course {
            None => None,
            Some(c) => Some(Course::try_from(c.get_ref().as_str()).map_err(|_| {
                at(
                    c.span().start,
                    format!(
                        "unknown course \"{}\"; use standard or jobcenter_from_start",
                        c.get_ref()
                    ),
                )
            })?),
        };
        let counted_from = match &r.counted_from {
            None => CountedFrom::UnemployedSince,
            Some(c) => CountedFrom::try_from(c.get_ref().as_str()).map_err(|_| {
                at(
                    c.span().start,
                    format!(
                        "unknown counted_from \"{}\"; use one of {}",
                        c.get_ref(),
                        names(CountedFrom::ALL.iter().map(|k| k.as_str()))
                    ),
                )
            })?,
        };
        if let Some(problem) = super::sources::source_problem(r.source.get_ref()) {
            return Err(at(r.source.span().start, problem.to_owned()));
        }
        let (from, by) = (offset(&r.from)?, offset(&r.by)?);
        // Checked on a sample of start dates, since "3 months" and "90 days" differ by date.
        if (0..366).any(|d| {
            let start = effective_from.saturating_add(jiff::Span::new().days(d));
            from.after(start) > by.after(start)
        }) {
            return Err(at(
                r.by.span().start,
                "the window closes before it opens (by is before from)".into(),
            ));
        }
        if !(1..=20).contains(r.count.get_ref()) {
            return Err(at(
                r.count.span().start,
                "count must be between 1 and 20".into(),
            ));
        }
        if r.target_groups.is_empty() {
            return Err(at(r.kind.span().start, "target_groups is empty".into()));
        }
        for g in &r.target_groups {
            let target_group = TargetGroup::try_from(g.get_ref().as_str()).map_err(|_| {
                at(
                    g.span().start,
                    format!(
                        "unknown target group \"{}\"; use one of {}",
                        g.get_ref(),
                        names(TargetGroup::ALL.iter().map(|t| t.as_str()))
                    ),
                )
            })?;
            if !counted_from.applies_to(target_group) {
                let span = r.counted_from.as_ref().map_or(r.kind.span(), |c| c.span());
                return Err(at(
                    span.start,
                    format!(
                        "target group {} cannot count from {}; {}",
                        target_group.as_str(),
                        counted_from.as_str(),
                        match target_group {
                            TargetGroup::SicknessBenefit =>
                                "sickness benefit counts from first_absence_on (sygedagpengeloven § 13 b)",
                            _ =>
                                "registered_on is for insured_unemployed, first_contact_on for the cash-benefit groups",
                        }
                    ),
                ));
            }
            rules.push(ConversationRule {
                target_group,
                kind,
                holder,
                count: *r.count.get_ref(),
                from,
                by,
                counted_from,
                exemptible: r.exemptible,
                with_fund: r.with_fund,
                course,
                source: r.source.get_ref().trim().to_owned(),
            });
        }
    }
    if let Some(missing) = TargetGroup::ALL
        .iter()
        .find(|g| !rules.iter().any(|r| r.target_group == **g))
    {
        return Err(at(
            0,
            format!(
                "no conversations for target group {}: every target group needs its schedule",
                missing.as_str()
            ),
        ));
    }
    let channel_rules = super::sources::channel_rules(&raw.channel_rules, at)?;
    Ok(RuleSet {
        channel_rules,
        version,
        effective_from,
        effective_until,
        source: raw.source.trim().to_owned(),
        deadlines_on_working_days: raw.deadlines_on_working_days,
        exemptions_allowed: raw.exemptions_allowed,
        rules,
    })
}

fn names<'a>(all: impl Iterator<Item = &'a str>) -> String {
    all.collect::<Vec<_>>().join(", ")
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}
