//! The contact report's counts: meetings in a period by outcome, with their survey answers,
//! grouped by channel, target group, municipality, month or team. Whole months and whole Copenhagen
//! days come from the counts kept for them (`report_days.rs`), the parts of days at the ends of
//! the period from the meetings themselves; all count the same way ([`COUNTS`]). Surveys are joined to their
//! meeting, so a survey counts in the period of the meeting it was about.

use std::collections::BTreeMap;

use domain::access::ReportReach;
use domain::clock_text::day_start;
use domain::contact_report::{ContactCounts, GroupBy, months, split_days, split_months};
use domain::survey_release::{self, SurveyCell};
use domain::{Actor, FieldError, Invalid, MunicipalityCode, Organisation};
use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError, clock};

/// The counts of [`ContactCounts`] that come from answers, over surveys `v`.
macro_rules! answer_counts {
    () => {
        "SUM(CASE WHEN v.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS answered, \
         SUM(CASE WHEN v.satisfaction >= 4 THEN 1 ELSE 0 END) AS satisfied, \
         SUM(CASE WHEN v.channel_fit >= 4 THEN 1 ELSE 0 END) AS channel_fit, \
         SUM(CASE WHEN v.personal IN ('same', 'more') THEN 1 ELSE 0 END) AS personal, \
         SUM(CASE WHEN v.helpful >= 4 THEN 1 ELSE 0 END) AS helpful, \
         SUM(CASE WHEN v.more_remote >= 4 THEN 1 ELSE 0 END) AS wants_remote, \
         SUM(CASE WHEN v.answered_at IS NOT NULL AND v.answered_by = 'phone' THEN 1 ELSE 0 END) AS answered_phone, \
         SUM(CASE WHEN v.answered_at IS NOT NULL AND v.answered_by = 'paper' THEN 1 ELSE 0 END) AS answered_paper"
    };
}

/// The counts of [`ContactCounts`] over meetings `m` with their surveys `v`, named as the
/// columns of `report_days`.
pub(crate) const COUNTS: &str = concat!(
    "COUNT(*) AS meetings, \
     SUM(CASE WHEN m.status = 'held' THEN 1 ELSE 0 END) AS held, \
     SUM(CASE WHEN m.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled, \
     SUM(CASE WHEN m.status = 'cancelled' AND m.cancelled_late = 1 THEN 1 ELSE 0 END) AS cancelled_late, \
     SUM(CASE WHEN m.status = 'no_show' THEN 1 ELSE 0 END) AS no_show, \
     SUM(CASE WHEN m.booked_by_role = 'citizen' THEN 1 ELSE 0 END) AS citizen_booked, ",
    answer_counts!()
);

/// The same counts over the answered surveys of chats `v` (issue 21), which are no meetings:
/// answers only. They are counted with the meetings' in every grouping, so each block of
/// `domain::survey_release` holds the same answers however a report groups it.
pub(crate) const CHAT_ANSWER_COUNTS: &str = concat!(
    "CAST(0 AS BIGINT) AS meetings, CAST(0 AS BIGINT) AS held, CAST(0 AS BIGINT) AS cancelled, \
     CAST(0 AS BIGINT) AS cancelled_late, CAST(0 AS BIGINT) AS no_show, \
     CAST(0 AS BIGINT) AS citizen_booked, ",
    answer_counts!()
);

/// The count columns of `report_days` and `report_months`, in the order of [`COUNTS`].
pub(crate) const COLUMNS: &str = "meetings, held, cancelled, cancelled_late, no_show, \
     citizen_booked, answered, satisfied, channel_fit, personal, helpful, wants_remote, \
     answered_phone, answered_paper";

/// The same counts summed over kept counts `d` (cast back: PostgreSQL sums BIGINT as NUMERIC).
pub(crate) const SUMS: &str = "CAST(SUM(d.meetings) AS BIGINT) AS meetings, CAST(SUM(d.held) AS BIGINT) AS held, \
     CAST(SUM(d.cancelled) AS BIGINT) AS cancelled, CAST(SUM(d.cancelled_late) AS BIGINT) AS cancelled_late, \
     CAST(SUM(d.no_show) AS BIGINT) AS no_show, CAST(SUM(d.citizen_booked) AS BIGINT) AS citizen_booked, \
     CAST(SUM(d.answered) AS BIGINT) AS answered, CAST(SUM(d.satisfied) AS BIGINT) AS satisfied, \
     CAST(SUM(d.channel_fit) AS BIGINT) AS channel_fit, CAST(SUM(d.personal) AS BIGINT) AS personal, \
     CAST(SUM(d.helpful) AS BIGINT) AS helpful, CAST(SUM(d.wants_remote) AS BIGINT) AS wants_remote, \
     CAST(SUM(d.answered_phone) AS BIGINT) AS answered_phone, \
     CAST(SUM(d.answered_paper) AS BIGINT) AS answered_paper";

/// A team's key on staff `s`: an a-kasse adviser without a team counts under their a-kasse
/// (`fund:3F`). Meetings group by who held them, answers after chats by who took the chat.
/// Kept as `team` in the counts kept per day (migration 0036).
pub(crate) const TEAM_KEY: &str = "COALESCE(s.team, 'fund:' || s.unemployment_fund, '')";

/// The key of chat's row among the channels (issue 21): written contact, beside the
/// meetings' `in_person`, `phone` and `video`.
pub const CHAT_CHANNEL: &str = "chat";

/// What [`Store::contact_report`] answers.
#[derive(Debug, Clone, PartialEq)]
pub struct ReleasedReport {
    /// Per group: exact meeting counts, and the released answers.
    pub rows: Vec<(String, ContactCounts)>,
    /// The whole months, [first, end), whose answers are counted; `None`: no answers shown.
    pub answer_months: Option<(jiff::civil::Date, jiff::civil::Date)>,
}

/// Whose meetings a report counts: a municipality's citizens', those an a-kasse's staff held,
/// or all. Made only by [`Store::report_scope`], which decides what the actor may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportScope(Scope);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Scope {
    All,
    Municipality(String),
    Fund(String),
}

impl ReportScope {
    /// The organisation whose chats the report counts, as the `chats` table names it (thread
    /// holder and code); empty for all.
    pub(crate) fn chat_org(&self) -> (&'static str, &str) {
        match &self.0 {
            Scope::All => ("", ""),
            Scope::Municipality(m) => ("jobcenter", m),
            Scope::Fund(f) => ("a_kasse", f),
        }
    }

    /// The condition on `chats` whose contacts the report counts — as with meetings, a
    /// municipality's citizens', those an a-kasse held, or all — and the value of its `$3`.
    pub(crate) fn on_chats(&self) -> (&'static str, String) {
        match &self.0 {
            Scope::All => ("$3 = ''", String::new()),
            Scope::Municipality(m) => (
                "citizen_id IN (SELECT id FROM citizens WHERE municipality = $3)",
                m.clone(),
            ),
            Scope::Fund(f) => ("holder = 'a_kasse' AND org_code = $3", f.clone()),
        }
    }

    /// The municipality reported on, if one.
    pub fn municipality(&self) -> Option<&str> {
        match &self.0 {
            Scope::Municipality(m) => Some(m),
            _ => None,
        }
    }
}

impl Scope {
    /// The value of `$3` in the conditions below.
    fn value(&self) -> String {
        match self {
            Scope::All => String::new(),
            Scope::Municipality(v) | Scope::Fund(v) => v.clone(),
        }
    }

    /// The condition on kept counts `d` (`report_days`, `report_months`).
    fn on_days(&self) -> &'static str {
        match self {
            Scope::All => "$3 = ''",
            Scope::Municipality(_) => "d.municipality = $3",
            Scope::Fund(_) => "d.fund = $3",
        }
    }

    /// The condition on meetings `m` of citizens `c`.
    fn on_meetings(&self) -> &'static str {
        match self {
            Scope::All => "$3 = ''",
            Scope::Municipality(_) => "c.municipality = $3",
            Scope::Fund(_) => "m.staff_id IN (SELECT id FROM staff WHERE unemployment_fund = $3)",
        }
    }

    /// Whether [`Self::on_meetings`] reads the citizens `c`.
    fn on_meetings_reads_citizens(&self) -> bool {
        matches!(self, Scope::Municipality(_))
    }

    /// The organisation whose block an answer is in (`domain::survey_release`), on kept
    /// counts `d`: the a-kasse for its own report, else the municipality.
    fn unit_on_days(&self) -> &'static str {
        match self {
            Scope::Fund(_) => "d.fund",
            _ => "d.municipality",
        }
    }

    /// The same on meetings `m` of citizens `c`.
    fn unit_on_meetings(&self) -> &'static str {
        match self {
            Scope::Fund(_) => "$3",
            _ => "c.municipality",
        }
    }

    /// Whether [`Self::unit_on_meetings`] reads the citizens `c`.
    fn unit_on_meetings_reads_citizens(&self) -> bool {
        !matches!(self, Scope::Fund(_))
    }

    /// The same on `surveys v`, which carry their meeting's (or chat's) municipality.
    fn unit_on_surveys(&self) -> &'static str {
        match self {
            Scope::Fund(_) => "$3",
            _ => "v.municipality",
        }
    }

    /// The condition on `surveys v`, which carry their meeting's municipality and staff.
    fn on_surveys(&self) -> &'static str {
        match self {
            Scope::All => "$3 = ''",
            Scope::Municipality(_) => "v.municipality = $3",
            Scope::Fund(_) => "v.staff_id IN (SELECT id FROM staff WHERE unemployment_fund = $3)",
        }
    }
}

/// The column of kept counts `d` a grouping reads (`period`: their day or month column).
fn kept_key(group_by: GroupBy, period: &str) -> String {
    match group_by {
        GroupBy::Channel => "d.channel".to_owned(),
        GroupBy::TargetGroup => "d.target_group".to_owned(),
        GroupBy::Municipality => "d.municipality".to_owned(),
        GroupBy::Month => format!("substr({period}, 1, 7)"),
        GroupBy::Team => "d.team".to_owned(),
    }
}

/// Whether a count from the meetings keeps each organisation's part apart (the blocks of
/// `domain::survey_release`) or folds them into one.
#[derive(Debug, Clone, Copy)]
enum Units {
    Kept,
    Folded,
}

/// Which kept counts to read.
#[derive(Debug, Clone, Copy)]
enum Kept {
    Days,
    Months,
}

/// Rows of (unit `u`, key `k`, counts).
fn units(rows: &[AnyRow]) -> Result<Vec<(String, String, ContactCounts)>, StoreError> {
    rows.iter()
        .map(|r| Ok((r.try_get("u")?, r.try_get("k")?, counts(r)?)))
        .collect()
}

fn counts(r: &AnyRow) -> Result<ContactCounts, StoreError> {
    let n = |c: &str| -> Result<u64, StoreError> {
        let v: Option<i64> = r.try_get(c)?;
        Ok(u64::try_from(v.unwrap_or(0)).unwrap_or(0))
    };
    Ok(ContactCounts {
        meetings: n("meetings")?,
        held: n("held")?,
        cancelled: n("cancelled")?,
        cancelled_late: n("cancelled_late")?,
        no_show: n("no_show")?,
        citizen_booked: n("citizen_booked")?,
        answered: n("answered")?,
        satisfied: n("satisfied")?,
        channel_fit: n("channel_fit")?,
        personal: n("personal")?,
        helpful: n("helpful")?,
        wants_remote: n("wants_remote")?,
        answered_phone: n("answered_phone")?,
        answered_paper: n("answered_paper")?,
    })
}

impl Store {
    /// What `actor` may report on: a manager their own municipality or a-kasse; an administrator
    /// every municipality, or the one named. A manager naming another municipality, and anyone
    /// else: `Forbidden`; an unknown municipality: `NotFound`.
    pub async fn report_scope(
        &self,
        actor: &Actor,
        municipality: Option<&MunicipalityCode>,
    ) -> Result<ReportScope, StoreError> {
        let own = match domain::access::report_reach(actor).ok_or(StoreError::Forbidden)? {
            ReportReach::All => Scope::All,
            ReportReach::Own(Organisation::Municipality(m)) => {
                Scope::Municipality(m.as_str().to_owned())
            }
            ReportReach::Own(Organisation::Fund(f)) => Scope::Fund(f.as_str().to_owned()),
        };
        let Some(code) = municipality else {
            return Ok(ReportScope(own));
        };
        let asked = Scope::Municipality(code.as_str().to_owned());
        match own {
            Scope::All => {
                let known = self.municipalities().await?;
                if !known.iter().any(|m| m.code == code.as_str()) {
                    return Err(StoreError::NotFound);
                }
                Ok(ReportScope(asked))
            }
            own if own == asked => Ok(ReportScope(own)),
            _ => Err(StoreError::Forbidden),
        }
    }

    /// How many free-text answers about meetings in the final whole months of [from, to) touch
    /// each theme (`domain::comment_themes`), released in the blocks of
    /// `domain::survey_release` like every answer: an organisation's month in which some theme
    /// is named by one to four is left out. The comments themselves never leave the store.
    pub async fn comment_themes(
        &self,
        scope: &ReportScope,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<(&'static str, u64)>, StoreError> {
        let none = || domain::comment_themes::count_themes([]);
        let Some((first, end)) = survey_release::final_months(from, to, self.now()) else {
            return Ok(none());
        };
        let scope = &scope.0;
        let unit = scope.unit_on_surveys();
        let rows = sqlx::query(&format!(
            "SELECT v.comment, v.held_at, {unit} AS u FROM surveys v WHERE v.comment IS NOT NULL \
             AND v.held_at >= $1 AND v.held_at < $2 AND ({})",
            scope.on_surveys()
        ))
        .bind(clock::to_micros(day_start(first)))
        .bind(clock::to_micros(day_start(end)))
        .bind(scope.value())
        .fetch_all(&self.inner.read)
        .await?;
        let mut blocks: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
        for r in &rows {
            let month = domain::clock_text::local_date(clock::from_micros(r.try_get("held_at")?))
                .strftime("%Y-%m")
                .to_string();
            blocks
                .entry((month, r.try_get("u")?))
                .or_default()
                .push(r.try_get("comment")?);
        }
        let mut cells = Vec::new();
        for ((month, unit), comments) in &blocks {
            for (theme, n) in
                domain::comment_themes::count_themes(comments.iter().map(String::as_str))
            {
                cells.push(SurveyCell {
                    month: month.clone(),
                    unit: unit.clone(),
                    key: theme.to_owned(),
                    counts: ContactCounts {
                        answered: n,
                        ..Default::default()
                    },
                });
            }
        }
        let released = survey_release::released(&cells);
        Ok(none()
            .into_iter()
            .map(|(theme, _)| (theme, released.get(theme).map_or(0, |c| c.answered)))
            .collect())
    }

    /// Counts per group for meetings starting in [from, to), in the order of the groups' keys;
    /// by month, every Copenhagen month of the period, empty ones included.
    pub async fn contact_counts(
        &self,
        scope: &ReportScope,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
    ) -> Result<Vec<(String, ContactCounts)>, StoreError> {
        let rows = self.counts(&scope.0, from, to, group_by).await?.0;
        self.with_chat_row(scope, from, to, group_by, rows).await
    }

    /// By channel, chat is a row of its own after the meetings' (issue 21): the chats taken
    /// as meetings, those staff marked as conversations as held — the contacts by chat — and the
    /// answers to the surveys after them, which the counts already hold under the key
    /// [`CHAT_CHANNEL`] (released like any row's). Other groupings count meetings only; the
    /// answers after chats are in their rows as in every grouping, so no two groupings differ
    /// by them.
    async fn with_chat_row(
        &self,
        scope: &ReportScope,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
        mut rows: Vec<(String, ContactCounts)>,
    ) -> Result<Vec<(String, ContactCounts)>, StoreError> {
        if group_by != GroupBy::Channel {
            return Ok(rows);
        }
        let (taken, conversations) = self.chat_contacts(scope, from, to).await?;
        let answers = rows
            .iter()
            .position(|(key, _)| key == CHAT_CHANNEL)
            .map(|i| rows.remove(i).1)
            .unwrap_or_default();
        if taken > 0 || answers.answered > 0 {
            // After the meetings' channels, before the gathered thin cells ("Øvrige").
            let at = rows
                .iter()
                .position(|(key, _)| key == survey_release::OTHER)
                .unwrap_or(rows.len());
            rows.insert(
                at,
                (
                    CHAT_CHANNEL.to_owned(),
                    ContactCounts {
                        meetings: taken,
                        held: conversations,
                        citizen_booked: taken,
                        ..answers
                    },
                ),
            );
        }
        Ok(rows)
    }

    /// [`Store::contact_counts`], and whether the kept counts could be read (settled once here,
    /// so the answers of the same period need not settle them again).
    async fn counts(
        &self,
        scope: &Scope,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
    ) -> Result<(Vec<(String, ContactCounts)>, bool), StoreError> {
        if group_by == GroupBy::Team && *scope == Scope::All {
            // Teams are an organisation's own: one name may be a team in several.
            let refusal = FieldError::new("group_by", Invalid::OneOrganisation);
            return Err(StoreError::Invalid(vec![refusal]));
        }
        let split = split_days(from, to);
        let mut total: BTreeMap<String, ContactCounts> = BTreeMap::new();
        if let Some((first, end)) = split.days {
            let (_, ready) = self.settle(Some((first, end))).await?;
            if !ready {
                // Every day is being counted for the first time: exact from the meetings.
                return Ok((self.one_by_one(scope, from, to, group_by).await?, false));
            }
            let whole = split_months(first, end);
            let kept = whole
                .months
                .map(|m| (Kept::Months, m))
                .into_iter()
                .chain(whole.days.into_iter().map(|d| (Kept::Days, d)));
            for (table, (a, b)) in kept {
                for (key, c) in self.read_kept(scope, table, a, b, group_by).await? {
                    total.entry(key).or_default().add(&c);
                }
            }
        }
        for (start, end) in split.parts {
            for (key, c) in self.count_meetings(scope, start, end, group_by).await? {
                total.entry(key).or_default().add(&c);
            }
        }
        if group_by == GroupBy::Month {
            let rows = months(from, to)
                .into_iter()
                .map(|(label, _, _)| {
                    let c = total.get(&label).copied().unwrap_or_default();
                    (label, c)
                })
                .collect();
            return Ok((rows, true));
        }
        Ok((total.into_iter().collect(), true))
    }

    /// The contact report as it may be shown: exact meeting counts for [from, to), and the
    /// survey answers of its final whole months only, in blocks that cannot be differenced
    /// (`domain::survey_release`); with those months, [first, end), if any.
    pub async fn contact_report(
        &self,
        scope: &ReportScope,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
    ) -> Result<ReleasedReport, StoreError> {
        let (rows, ready) = self.counts(&scope.0, from, to, group_by).await?;
        let answer_months = survey_release::final_months(from, to, self.now());
        let released = match answer_months {
            Some(months) => survey_release::released(
                &self.survey_cells(&scope.0, months, group_by, ready).await?,
            ),
            None => BTreeMap::new(),
        };
        let rows = survey_release::with_released(rows, &released);
        Ok(ReleasedReport {
            rows: self.with_chat_row(scope, from, to, group_by, rows).await?,
            answer_months,
        })
    }

    /// The same counts as [`Store::contact_counts`], counted from the meetings
    /// one by one without the counts kept per day: what the report did before them, kept as the
    /// benchmark's baseline, and what it does while every day is counted for the first time.
    pub async fn contact_counts_one_by_one(
        &self,
        scope: &ReportScope,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
    ) -> Result<Vec<(String, ContactCounts)>, StoreError> {
        self.one_by_one(&scope.0, from, to, group_by).await
    }

    async fn one_by_one(
        &self,
        scope: &Scope,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
    ) -> Result<Vec<(String, ContactCounts)>, StoreError> {
        if group_by != GroupBy::Month {
            return self.count_meetings(scope, from, to, group_by).await;
        }
        let mut out = Vec::new();
        for (label, start, end) in months(from, to) {
            let mut total = ContactCounts::default();
            for (_, c) in self
                .count_meetings(scope, start, end, GroupBy::Channel)
                .await?
            {
                total.add(&c);
            }
            out.push((label, total));
        }
        Ok(out)
    }

    /// Whole days [first, end) from the counts kept per day, or whole months from those kept
    /// per month (`first` and `end` then the first days of months).
    async fn read_kept(
        &self,
        scope: &Scope,
        table: Kept,
        first: jiff::civil::Date,
        end: jiff::civil::Date,
        group_by: GroupBy,
    ) -> Result<Vec<(String, ContactCounts)>, StoreError> {
        let (from, period, bounds) = match table {
            Kept::Days => ("report_days", "d.day", [first.to_string(), end.to_string()]),
            Kept::Months => (
                "report_months",
                "d.month",
                [first, end].map(|d| d.strftime("%Y-%m").to_string()),
            ),
        };
        let key = kept_key(group_by, period);
        let sql = format!(
            "SELECT {key} AS k, {SUMS} FROM {from} d \
             WHERE {period} >= $1 AND {period} < $2 AND ({}) GROUP BY {key}",
            scope.on_days()
        );
        let [a, b] = bounds;
        // Planned for its own period each time (see `report_days::run`).
        let rows = sqlx::query(&sql)
            .persistent(false)
            .bind(a)
            .bind(b)
            .bind(scope.value())
            .fetch_all(&self.inner.read)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("k")?, counts(r)?)))
            .collect()
    }

    /// Meetings starting in [from, to), counted one by one: the parts of days at a period's ends.
    async fn count_meetings(
        &self,
        scope: &Scope,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
    ) -> Result<Vec<(String, ContactCounts)>, StoreError> {
        Ok(self
            .count_units(scope, from, to, group_by, Units::Folded)
            .await?
            .into_iter()
            .fold(BTreeMap::new(), |mut total, (_, key, c)| {
                total
                    .entry(key)
                    .or_insert_with(ContactCounts::default)
                    .add(&c);
                total
            })
            .into_iter()
            .collect())
    }

    /// As [`Self::count_meetings`], per organisation (the unit of `Scope::unit_on_meetings`)
    /// and group: (unit, key, counts) — the meetings, and the answers to surveys after chats.
    /// With [`Units::Folded`] the meetings' unit is left empty.
    async fn count_units(
        &self,
        scope: &Scope,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
        units: Units,
    ) -> Result<Vec<(String, String, ContactCounts)>, StoreError> {
        let mut units = self
            .count_meeting_units(scope, from, to, group_by, units)
            .await?;
        units.extend(self.count_chat_answers(scope, from, to, group_by).await?);
        if group_by == GroupBy::Month {
            // A part of a day lies within one month: its label is the key.
            let month = domain::clock_text::local_date(from)
                .strftime("%Y-%m")
                .to_string();
            for (_, key, _) in &mut units {
                key.clone_from(&month);
            }
        }
        Ok(units)
    }

    /// The meetings' part of [`Self::count_units`]. The citizens are joined only when the
    /// key, the scope's condition or the unit reads from them: the country's report by
    /// channel counts the part of today without them, instead of hashing a million citizens
    /// for the municipality of each of today's meetings only to fold it away (issue 22).
    async fn count_meeting_units(
        &self,
        scope: &Scope,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
        units: Units,
    ) -> Result<Vec<(String, String, ContactCounts)>, StoreError> {
        // (the key, the join it needs, whether it reads the citizen)
        let (key, staff, by_citizen) = match group_by {
            GroupBy::Channel | GroupBy::Month => ("m.channel", "", false),
            GroupBy::TargetGroup => ("c.target_group", "", true),
            GroupBy::Municipality => ("c.municipality", "", true),
            GroupBy::Team => (TEAM_KEY, "LEFT JOIN staff s ON s.id = m.staff_id", false),
        };
        let unit = match units {
            Units::Kept => Some(scope.unit_on_meetings()),
            Units::Folded => None,
        };
        let citizens = if by_citizen
            || scope.on_meetings_reads_citizens()
            || (unit.is_some() && scope.unit_on_meetings_reads_citizens())
        {
            "JOIN citizens c ON c.id = m.citizen_id"
        } else {
            ""
        };
        // PostgreSQL refuses a constant text among GROUP BY's terms, so a folded unit is not one.
        let (unit, groups) = match unit {
            Some(unit) => (unit, format!("{unit}, {key}")),
            None => ("''", key.to_owned()),
        };
        let sql = format!(
            "SELECT {unit} AS u, {key} AS k, {COUNTS} \
             FROM meetings m {citizens} \
             LEFT JOIN surveys v ON v.meeting_id = m.id {staff} \
             WHERE m.starts_at >= $1 AND m.starts_at < $2 AND ({}) GROUP BY {groups}",
            scope.on_meetings()
        );
        self.period_units(&sql, scope, from, to).await
    }

    /// Runs a count per unit and key, `sql`, over [from, to) (`$1`, `$2`) for `scope` (`$3`).
    async fn period_units(
        &self,
        sql: &str,
        scope: &Scope,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<(String, String, ContactCounts)>, StoreError> {
        // Planned for its own period each time (see `report_days::run`).
        let rows = sqlx::query(sql)
            .persistent(false)
            .bind(clock::to_micros(from))
            .bind(clock::to_micros(to))
            .bind(scope.value())
            .fetch_all(&self.inner.read)
            .await?;
        units(&rows)
    }

    /// The chats' part of [`Self::count_units`]: the answered surveys of chats asked for in
    /// [from, to), answers only, under the same keys as meetings (the citizen's target group and
    /// municipality as the survey keeps them, the team of whoever took the chat).
    async fn count_chat_answers(
        &self,
        scope: &Scope,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
    ) -> Result<Vec<(String, String, ContactCounts)>, StoreError> {
        let key = match group_by {
            GroupBy::Channel | GroupBy::Month => "v.channel",
            GroupBy::TargetGroup => "v.target_group",
            GroupBy::Municipality => "v.municipality",
            GroupBy::Team => TEAM_KEY,
        };
        let unit = scope.unit_on_surveys();
        let sql = format!(
            "SELECT {unit} AS u, {key} AS k, {CHAT_ANSWER_COUNTS} \
             FROM surveys v LEFT JOIN staff s ON s.id = v.staff_id \
             WHERE v.chat_id IS NOT NULL AND v.answered_at IS NOT NULL \
             AND v.held_at >= $1 AND v.held_at < $2 AND ({}) GROUP BY {unit}, {key}",
            scope.on_surveys()
        );
        self.period_units(&sql, scope, from, to).await
    }

    /// The survey answers of the final months [first, end) as cells of one organisation's month
    /// and one group (`domain::survey_release`): from the counts kept per month when they are
    /// `ready` (settled by the same report's [`Store::counts`], whose period holds these
    /// months), else counted from the meetings month by month.
    async fn survey_cells(
        &self,
        scope: &Scope,
        (first, end): (jiff::civil::Date, jiff::civil::Date),
        group_by: GroupBy,
        ready: bool,
    ) -> Result<Vec<SurveyCell>, StoreError> {
        let label = |d: jiff::civil::Date| d.strftime("%Y-%m").to_string();
        if ready {
            let key = kept_key(group_by, "d.month");
            let unit = scope.unit_on_days();
            let sql = format!(
                "SELECT d.month AS mo, {unit} AS u, {key} AS k, {SUMS} FROM report_months d \
                 WHERE d.month >= $1 AND d.month < $2 AND ({}) GROUP BY d.month, {unit}, {key}",
                scope.on_days()
            );
            let rows = sqlx::query(&sql)
                .persistent(false)
                .bind(label(first))
                .bind(label(end))
                .bind(scope.value())
                .fetch_all(&self.inner.read)
                .await?;
            return rows
                .iter()
                .map(|r| {
                    Ok(SurveyCell {
                        month: r.try_get("mo")?,
                        unit: r.try_get("u")?,
                        key: r.try_get("k")?,
                        counts: counts(r)?,
                    })
                })
                .collect();
        }
        let mut cells = Vec::new();
        for (month, start, stop) in months(day_start(first), day_start(end)) {
            for (unit, key, counts) in self
                .count_units(scope, start, stop, group_by, Units::Kept)
                .await?
            {
                cells.push(SurveyCell {
                    month: month.clone(),
                    unit,
                    key,
                    counts,
                });
            }
        }
        Ok(cells)
    }
}
