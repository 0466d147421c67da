//! The law cases of `rules/cases/*.toml`, run against the real rule files: a citizen, what
//! happened (meetings held or booked), and what the law expects — the plan, item by item, and
//! which channels the next booking may use. A new case is a new file, no code. See
//! `rules/cases/README.md` for the format.

use std::path::Path;

use jiff::civil::Date;
use serde::Deserialize;

use super::*;
use crate::meetings::{ChannelFacts, EarlierMeetings, Proposed, usable_channels};
use crate::{Channel, MeetingStatus, TargetGroup};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case shows, and the paragraph it comes from.
    #[expect(dead_code, reason = "read by people, not by the runner")]
    source: String,
    today: String,
    citizen: CaseCitizen,
    #[serde(default, rename = "meeting")]
    meetings: Vec<CaseMeeting>,
    #[serde(default, rename = "expect")]
    items: Vec<CaseItem>,
    next_booking: Option<NextBooking>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseCitizen {
    target_group: String,
    unemployed_since: String,
    /// Registration as a job seeker (LAB § 31, stk. 4); absent: `unemployed_since`.
    registered_on: Option<String>,
    /// First contact with the municipality (LAB § 9, stk. 2, nr. 2); absent: `unemployed_since`.
    first_contact_on: Option<String>,
    /// First day of absence (sygedagpengeloven § 13 b); absent: `unemployed_since`.
    first_absence_on: Option<String>,
    #[serde(default)]
    jobcenter_from_start: bool,
    #[serde(default)]
    in_person_first: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseMeeting {
    date: String,
    holder: String,
    status: String,
    #[serde(default)]
    joint: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseItem {
    kind: String,
    holder: String,
    due_by: String,
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NextBooking {
    date: String,
    holder: String,
    /// Usable of in person, phone and video (a phone number is on file).
    channels: Vec<String>,
}

fn day(s: &str) -> Date {
    s.parse().expect("a date (YYYY-MM-DD)")
}

/// 10:00 Copenhagen time on `d`.
fn at(d: Date) -> jiff::Timestamp {
    d.at(10, 0, 0, 0)
        .to_zoned(crate::clock_text::copenhagen())
        .expect("zoned")
        .timestamp()
}

fn run(name: &str, case: &Case, book: &RuleBook) {
    let citizen = PlanCitizen {
        target_group: TargetGroup::try_from(case.citizen.target_group.as_str()).expect(name),
        starts: StartDates {
            unemployed_since: day(&case.citizen.unemployed_since),
            registered_on: case.citizen.registered_on.as_deref().map(day),
            first_contact_on: case.citizen.first_contact_on.as_deref().map(day),
            first_absence_on: case.citizen.first_absence_on.as_deref().map(day),
        },
        exempt: false,
        jobcenter_from_start: case.citizen.jobcenter_from_start,
    };
    let meetings: Vec<PlanMeeting> = case
        .meetings
        .iter()
        .enumerate()
        .map(|(n, m)| {
            PlanMeeting::new(
                format!("m{n}"),
                at(day(&m.date)),
                MeetingStatus::try_from(m.status.as_str()).expect(name),
                Holder::try_from(m.holder.as_str()).expect(name),
                m.joint,
            )
        })
        .collect();
    let plan = contact_plan(book, citizen, &meetings, day(&case.today));
    let got: Vec<(String, String, String, String)> = plan
        .items
        .iter()
        .map(|i| {
            (
                i.kind.as_str().to_owned(),
                i.holder.as_str().to_owned(),
                i.due_by.to_string(),
                i.status.as_str().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String, String)> = case
        .items
        .iter()
        .map(|i| {
            (
                i.kind.clone(),
                i.holder.clone(),
                i.due_by.clone(),
                i.status.clone(),
            )
        })
        .collect();
    assert_eq!(got, expected, "{name}: the plan");

    if let Some(next) = &case.next_booking {
        let earliest = |holder: Option<Holder>| {
            meetings
                .iter()
                .filter(|m| matches!(m.status, MeetingStatus::Held | MeetingStatus::Booked))
                .filter(|m| {
                    holder
                        .is_none_or(|h| m.holder == h || (m.joint && h == Holder::UnemploymentFund))
                })
                .map(|m| m.start)
                .min()
        };
        let facts = ChannelFacts {
            in_person_first: case.citizen.in_person_first,
            earlier: EarlierMeetings {
                any: earliest(None),
                with_municipality: earliest(Some(Holder::Municipality)),
                with_fund: earliest(Some(Holder::UnemploymentFund)),
            },
            has_phone: true,
            ..Default::default()
        };
        let proposed = Proposed {
            start: at(day(&next.date)),
            holder: Holder::try_from(next.holder.as_str()).expect(name),
            offered: Channel::ALL,
        };
        let usable: Vec<&str> = usable_channels(&facts, &proposed)
            .into_iter()
            .map(Channel::as_str)
            .collect();
        assert_eq!(usable, next.channels, "{name}: the next booking's channels");
    }
}

#[test]
fn every_law_case_holds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules/cases");
    let book = super::tests::book();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("rules/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    names.sort();
    assert!(names.len() >= 6, "the law cases are there");
    for path in names {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).expect(&name);
        let case: Case = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        run(&name, &case, &book);
    }
}
