//! The law cases of `rules/cases/*.toml`, read: a citizen, what happened (meetings held or
//! booked) and what the law expects — the plan item by item, and which channels the next booking
//! may use. The domain runs them against the plan (`cases.rs`); the store runs the same files
//! through both databases, so reading a case back from storage is held to the law too. See
//! `rules/cases/README.md` for the format.

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

use super::plan::{ContactPlan, Exemptions, PlanCitizen, PlanMeeting, StartDates};
use super::rules::Holder;
use crate::{MeetingStatus, TargetGroup};

/// One case, parsed.
#[derive(Debug, Clone)]
pub struct LawCase {
    /// The file's path, for messages.
    pub name: String,
    /// The day the plan is read.
    pub today: Date,
    pub citizen: PlanCitizen,
    /// The municipality's stricter rule (first conversation with each holder in person).
    pub in_person_first: bool,
    /// The citizen has asked to meet in person (LAB § 33, stk. 1, 2. pkt.).
    pub in_person_requested: bool,
    /// Each at 10:00 Copenhagen time on its day, with ids `m0`, `m1`, ….
    pub meetings: Vec<PlanMeeting>,
    /// Every plan item as `[kind, holder, due_by, status]`, in the plan's order.
    pub expected: Vec<[String; 4]>,
    pub next_booking: Option<NextBooking>,
}

/// The channels the law allows for a booking at `start` with `holder`, out of all three.
#[derive(Debug, Clone)]
pub struct NextBooking {
    pub start: Timestamp,
    pub holder: Holder,
    /// Staff require attendance in person for it (LAB § 33, stk. 2).
    pub attendance_required: bool,
    pub channels: Vec<String>,
}

/// A plan as the case files write it: `[kind, holder, due_by, status]` per item.
pub fn plan_rows(plan: &ContactPlan<'_>) -> Vec<[String; 4]> {
    plan.items
        .iter()
        .map(|i| {
            [
                i.kind.as_str().to_owned(),
                i.holder.as_str().to_owned(),
                i.due_by.to_string(),
                i.status.as_str().to_owned(),
            ]
        })
        .collect()
}

/// Every `*.toml` in `dir`, by file name; a case that cannot be read is an error naming it.
pub fn load_dir(dir: &Path) -> Result<Vec<LawCase>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
            let raw: RawCase = toml::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
            raw.parse(name)
        })
        .collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    /// What the case shows, and the paragraph it comes from; read by people.
    #[expect(dead_code, reason = "read by people, not by the runner")]
    source: String,
    today: String,
    citizen: RawCitizen,
    #[serde(default, rename = "meeting")]
    meetings: Vec<RawMeeting>,
    #[serde(default, rename = "expect")]
    items: Vec<RawItem>,
    next_booking: Option<RawNextBooking>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCitizen {
    target_group: String,
    unemployed_since: String,
    registered_on: Option<String>,
    first_contact_on: Option<String>,
    first_absence_on: Option<String>,
    #[serde(default)]
    jobcenter_from_start: bool,
    #[serde(default)]
    in_person_first: bool,
    #[serde(default)]
    in_person_requested: bool,
    /// The organisations that exempted the citizen from their own exemptible conversations.
    #[serde(default)]
    exempted_by: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeeting {
    date: String,
    holder: String,
    status: String,
    #[serde(default)]
    joint: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    kind: String,
    holder: String,
    due_by: String,
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNextBooking {
    date: String,
    holder: String,
    #[serde(default)]
    attendance_required: bool,
    channels: Vec<String>,
}

impl RawCase {
    fn parse(self, name: String) -> Result<LawCase, String> {
        let bad = |what: &str, value: &str| format!("{name}: {what} \"{value}\"");
        let day = |s: &str| s.parse::<Date>().map_err(|_| bad("not a date", s));
        let opt_day = |s: &Option<String>| s.as_deref().map(day).transpose();
        let at = |d: Date| {
            d.at(10, 0, 0, 0)
                .to_zoned(crate::clock_text::copenhagen())
                .map(|z| z.timestamp())
                .map_err(|e| format!("{name}: {e}"))
        };
        let holder = |s: &str| Holder::try_from(s).map_err(|_| bad("unknown holder", s));
        let c = &self.citizen;
        let mut exempt = Exemptions::default();
        for h in &c.exempted_by {
            match holder(h)? {
                Holder::UnemploymentFund => exempt.fund = true,
                Holder::Municipality => exempt.municipality = true,
            }
        }
        let citizen = PlanCitizen {
            target_group: TargetGroup::try_from(c.target_group.as_str())
                .map_err(|_| bad("unknown target group", &c.target_group))?,
            starts: StartDates {
                unemployed_since: day(&c.unemployed_since)?,
                registered_on: opt_day(&c.registered_on)?,
                first_contact_on: opt_day(&c.first_contact_on)?,
                first_absence_on: opt_day(&c.first_absence_on)?,
            },
            exempt,
            jobcenter_from_start: c.jobcenter_from_start,
        };
        let mut meetings = Vec::new();
        for (n, m) in self.meetings.iter().enumerate() {
            let status = MeetingStatus::try_from(m.status.as_str())
                .map_err(|_| bad("unknown status", &m.status))?;
            meetings.push(PlanMeeting::new(
                format!("m{n}"),
                at(day(&m.date)?)?,
                status,
                holder(&m.holder)?,
                m.joint,
            ));
        }
        let next_booking = match &self.next_booking {
            None => None,
            Some(n) => Some(NextBooking {
                start: at(day(&n.date)?)?,
                holder: holder(&n.holder)?,
                attendance_required: n.attendance_required,
                channels: n.channels.clone(),
            }),
        };
        Ok(LawCase {
            today: day(&self.today)?,
            citizen,
            in_person_first: c.in_person_first,
            in_person_requested: c.in_person_requested,
            meetings,
            expected: self
                .items
                .into_iter()
                .map(|i| [i.kind, i.holder, i.due_by, i.status])
                .collect(),
            next_booking,
            name,
        })
    }
}
