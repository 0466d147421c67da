//! The contact plan walked on real calendars with the real rule files of `rules/`.

use jiff::Timestamp;
use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::*;
use crate::{MeetingStatus, TargetGroup, Track, is_working_day};

const LAB_2024: &str = include_str!("../../../../rules/lab-2024-01-01.toml");
const LAB_2026: &str = include_str!("../../../../rules/lab-2026-07-01.toml");

pub(super) fn book() -> RuleBook {
    RuleBook::from_files(&[
        ("lab-2026-07-01.toml".into(), LAB_2026.into()),
        ("lab-2024-01-01.toml".into(), LAB_2024.into()),
    ])
    .expect("the repository's rule files are valid")
}

fn insured(since: Date) -> PlanCitizen {
    PlanCitizen {
        target_group: TargetGroup::InsuredUnemployed,
        starts: StartDates::new(since),
        exempt: Exemptions::default(),
        jobcenter_from_start: false,
    }
}

/// 10:00 Copenhagen time on `day`.
fn at(day: Date) -> Timestamp {
    day.at(10, 0, 0, 0)
        .to_zoned(crate::clock_text::copenhagen())
        .expect("zoned")
        .timestamp()
}

fn meeting(id: &str, day: Date, status: MeetingStatus, holder: Holder) -> PlanMeeting {
    PlanMeeting::new(id.into(), at(day), status, holder, false)
}

type Row = (
    ConversationKind,
    Holder,
    Date,
    Date,
    ItemStatus,
    &'static str,
);

fn rows<'a>(
    plan: &ContactPlan<'a>,
) -> Vec<(ConversationKind, Holder, Date, Date, ItemStatus, &'a str)> {
    plan.items
        .iter()
        .map(|i| {
            (
                i.kind,
                i.holder,
                i.due_from,
                i.due_by,
                i.status,
                i.rules_version,
            )
        })
        .collect()
}

use ConversationKind::{
    FirstConversation as First, JobConversation as Job, SixteenMonthConversation as SixteenMonths,
};
use Holder::{Municipality as Jc, UnemploymentFund as Ak};
use ItemStatus::{Done, Due, Overdue, Planned};

#[test]
fn insured_unemployed_under_the_2024_rules() {
    let book = book();
    // Monday 3 March 2025; today 1 April 2025, nothing held yet.
    let plan = contact_plan(&book, insured(date(2025, 3, 3)), &[], date(2025, 4, 1));
    let v24 = "lab-2024-01-01";
    let v26 = "lab-2026-07-01";
    let expected: Vec<Row> = vec![
        (First, Ak, date(2025, 3, 3), date(2025, 3, 17), Overdue, v24),
        (Job, Ak, date(2025, 3, 3), date(2025, 6, 3), Due, v24),
        (Job, Ak, date(2025, 3, 3), date(2025, 6, 3), Due, v24),
        (Job, Jc, date(2025, 6, 3), date(2025, 9, 3), Due, v24),
        (Job, Jc, date(2025, 6, 3), date(2025, 9, 3), Due, v24),
        (Job, Jc, date(2025, 6, 3), date(2025, 9, 3), Due, v24),
        // At the latest at 16 months (LAB § 32, stk. 2), after the first six: due after
        // 1 July 2026, so it follows the 2026 rules.
        (
            SixteenMonths,
            Jc,
            date(2025, 9, 3),
            date(2026, 7, 3),
            Due,
            v26,
        ),
    ];
    assert_eq!(rows(&plan), expected);
    assert_eq!(plan.rules_version, v24);
}

#[test]
fn a_course_crossing_1_july_2026_follows_the_law_in_force_on_each_deadline() {
    let book = book();
    let since = date(2026, 5, 4);
    let plan = contact_plan(&book, insured(since), &[], date(2026, 11, 23));
    let (v24, v26) = ("lab-2024-01-01", "lab-2026-07-01");
    let expected: Vec<Row> = vec![
        (First, Ak, since, date(2026, 5, 18), Overdue, v24),
        // Two a-kasse conversations in the first three months, no longer three.
        (Job, Ak, since, date(2026, 8, 4), Overdue, v26),
        // Two with the municipality by six months, no longer three.
        (Job, Jc, date(2026, 8, 4), date(2026, 11, 4), Overdue, v26),
        (Job, Jc, date(2026, 8, 4), date(2026, 11, 4), Overdue, v26),
        // 4 September 2027 is a Saturday: the deadline is the Monday after.
        (
            SixteenMonths,
            Jc,
            date(2026, 11, 4),
            date(2027, 9, 6),
            Due,
            v26,
        ),
    ];
    assert_eq!(rows(&plan), expected);
    assert_eq!(plan.rules_version, v26);
}

#[test]
fn other_target_groups_have_a_first_conversation_within_a_week_and_four_in_six_months() {
    let book = book();
    for group in [
        TargetGroup::JobReadyCashBenefit,
        TargetGroup::ActivityReadyCashBenefit,
        TargetGroup::EducationBenefit,
    ] {
        for since in [date(2025, 2, 3), date(2026, 9, 7)] {
            let citizen = PlanCitizen {
                target_group: group,
                starts: StartDates::new(since),
                exempt: Exemptions::default(),
                jobcenter_from_start: false,
            };
            let plan = contact_plan(&book, citizen, &[], since);
            let kinds: Vec<_> = plan.items.iter().map(|i| (i.kind, i.holder)).collect();
            assert_eq!(
                kinds,
                vec![(First, Jc), (Job, Jc), (Job, Jc), (Job, Jc)],
                "{group:?} {since}"
            );
            assert_eq!(
                plan.items[0].due_by,
                since.saturating_add(jiff::ToSpan::weeks(1))
            );
        }
    }
}

#[test]
fn a_deadline_on_a_holiday_moves_to_the_next_working_day() {
    let book = book();
    // Saturday 21 March 2026 + 2 weeks = Saturday 4 April; Sunday 5 April is Easter Day and
    // Monday 6 April 2. påskedag, so the a-kasse has until Tuesday 7 April.
    let plan = contact_plan(&book, insured(date(2026, 3, 21)), &[], date(2026, 3, 21));
    assert_eq!(plan.items[0].kind, First);
    assert_eq!(plan.items[0].due_by, date(2026, 4, 7));
}

#[test]
fn held_meetings_fill_the_earliest_open_item_and_booked_ones_plan_the_next() {
    let book = book();
    let since = date(2025, 3, 3);
    let meetings = [
        meeting("held", date(2025, 3, 10), MeetingStatus::Held, Ak),
        meeting("no-show", date(2025, 3, 20), MeetingStatus::NoShow, Ak),
        meeting("cancelled", date(2025, 3, 24), MeetingStatus::Cancelled, Ak),
        meeting("booked", date(2025, 4, 7), MeetingStatus::Booked, Ak),
        // A jobcenter meeting in the first month fits none of the a-kasse's items.
        meeting("jobcenter", date(2025, 3, 12), MeetingStatus::Held, Jc),
    ];
    let plan = contact_plan(&book, insured(since), &meetings, date(2025, 4, 1));
    let filled: Vec<_> = plan
        .items
        .iter()
        .map(|i| (i.status, i.meeting.map(|m| m.id.as_str())))
        .collect();
    assert_eq!(
        filled[..4],
        [
            (Done, Some("held")),
            (Planned, Some("booked")),
            (Due, None),
            (Due, None)
        ]
    );
    assert_eq!(
        plan.next_open().map(|i| (i.kind, i.holder)),
        Some((Job, Ak))
    );
}

#[test]
fn a_late_meeting_still_deals_with_the_overdue_conversation() {
    let book = book();
    let since = date(2025, 3, 3);
    let meetings = [meeting("late", date(2025, 3, 25), MeetingStatus::Held, Ak)];
    let plan = contact_plan(&book, insured(since), &meetings, date(2025, 4, 1));
    assert_eq!(plan.items[0].status, Done);
    assert!(plan.items[0].late());
    assert!(plan.items.iter().all(|i| i.status != Overdue));
}

#[test]
fn a_joint_meeting_counts_for_the_a_kasse_too() {
    let book = book();
    let joint = [PlanMeeting::new(
        "joint".into(),
        at(date(2025, 3, 5)),
        MeetingStatus::Held,
        Jc,
        true,
    )];
    let plan = contact_plan(&book, insured(date(2025, 3, 3)), &joint, date(2025, 3, 6));
    assert_eq!((plan.items[0].holder, plan.items[0].status), (Ak, Done));
}

#[test]
fn exemption_leaves_out_exemptible_conversations_only_under_the_2026_rules() {
    let book = book();
    let by = |fund, municipality| {
        move |since| PlanCitizen {
            exempt: Exemptions { fund, municipality },
            jobcenter_from_start: false,
            ..insured(since)
        }
    };
    let both = by(true, true);
    let plan = contact_plan(&book, both(date(2026, 9, 7)), &[], date(2026, 9, 7));
    let kinds: Vec<_> = plan.items.iter().map(|i| i.kind).collect();
    // Everyone still has a first conversation, and the one at 16 months stays.
    assert_eq!(kinds, vec![First, SixteenMonths]);
    assert_eq!(plan.exempted, 3);
    // Each organisation exempts from its own conversations only: the a-kasse's exemption
    // leaves the municipality's two, the municipality's leaves the a-kasse's one.
    let holders = |plan: &ContactPlan<'_>| -> Vec<(ConversationKind, Holder)> {
        plan.items.iter().map(|i| (i.kind, i.holder)).collect()
    };
    let fund = contact_plan(
        &book,
        by(true, false)(date(2026, 9, 7)),
        &[],
        date(2026, 9, 7),
    );
    assert_eq!(
        holders(&fund),
        vec![(First, Ak), (Job, Jc), (Job, Jc), (SixteenMonths, Jc)]
    );
    assert_eq!(fund.exempted, 1);
    let town = contact_plan(
        &book,
        by(false, true)(date(2026, 9, 7)),
        &[],
        date(2026, 9, 7),
    );
    assert_eq!(
        holders(&town),
        vec![(First, Ak), (Job, Ak), (SixteenMonths, Jc)]
    );
    assert_eq!(town.exempted, 2);
    // The 2024 rules allowed no exemption: a course wholly under them keeps all seven.
    let old = contact_plan(&book, both(date(2024, 2, 5)), &[], date(2024, 2, 5));
    assert_eq!(old.items.len(), 7);
}

// --- rule files that must be refused, with the file and the line ---

fn refuse(files: &[(&str, &str)]) -> RuleError {
    let owned: Vec<(String, String)> = files
        .iter()
        .map(|(n, t)| ((*n).into(), (*t).into()))
        .collect();
    RuleBook::from_files(&owned).expect_err("must be refused")
}

#[test]
fn a_gap_between_rule_sets_names_the_file_and_line() {
    let early = LAB_2024.replace(
        "effective_until = \"2026-07-01\"",
        "effective_until = \"2026-06-01\"",
    );
    let e = refuse(&[("a.toml", &early), ("b.toml", LAB_2026)]);
    assert_eq!(e.file, "a.toml");
    assert_eq!(
        LAB_2024.lines().nth(e.line - 1).map(str::trim_start),
        Some("effective_until = \"2026-07-01\"")
    );
    assert!(e.message.contains("gap"), "{e}");
}

#[test]
fn an_overlap_between_rule_sets_is_refused() {
    let late = LAB_2024.replace(
        "effective_until = \"2026-07-01\"",
        "effective_until = \"2026-08-01\"",
    );
    let e = refuse(&[("a.toml", &late), ("b.toml", LAB_2026)]);
    assert!(e.message.contains("overlaps b.toml"), "{e}");
    let open = LAB_2024.replace("effective_until = \"2026-07-01\"\n", "");
    assert!(
        refuse(&[("a.toml", &open), ("b.toml", LAB_2026)])
            .message
            .contains("overlaps")
    );
}

#[test]
fn an_unknown_target_group_is_refused_at_its_line() {
    let bad = LAB_2026.replacen("\"education_benefit\"", "\"early_retirement\"", 1);
    let e = refuse(&[("b.toml", &bad)]);
    assert_eq!(e.file, "b.toml");
    assert!(
        e.message
            .contains("unknown target group \"early_retirement\""),
        "{e}"
    );
    assert!(
        bad.lines()
            .nth(e.line - 1)
            .is_some_and(|l| l.contains("early_retirement")),
        "{e}"
    );
}

#[test]
fn other_mistakes_are_refused_with_their_line() {
    let cases = [
        (
            LAB_2026.replacen("by = \"2 weeks\"", "by = \"2 fortnights\"", 1),
            "fortnights",
        ),
        (LAB_2026.replacen("count = 2", "count = 0", 1), "count"),
        (
            LAB_2026.replacen("from = \"3 months\"", "from = \"7 months\"", 1),
            "closes before it opens",
        ),
        (
            LAB_2026.replacen("kind = \"job_conversation\"", "kind = \"coffee\"", 1),
            "unknown kind",
        ),
        (
            LAB_2026.replacen("exemptible = true", "exemptable = true", 1),
            "exemptable",
        ),
        (
            LAB_2026.replacen(
                "effective_from = \"2026-07-01\"",
                "effective_from = \"1. juli\"",
                1,
            ),
            "not a date",
        ),
        (
            LAB_2026
                .replace(
                    "target_groups = [\"sickness_benefit\"]",
                    "target_groups = [\"education_benefit\"]",
                )
                .replace(
                    "counted_from = \"first_absence_on\"",
                    "counted_from = \"first_contact_on\"",
                ),
            "no conversations for target group sickness_benefit",
        ),
        // A sickness line counted from anything but the first day of absence, or a line
        // counting from a day its group does not have, would plan from a made-up date.
        (
            LAB_2026.replace(
                "counted_from = \"first_absence_on\"",
                "counted_from = \"unemployed_since\"",
            ),
            "sickness benefit counts from first_absence_on",
        ),
        (
            LAB_2026.replacen(
                "counted_from = \"first_contact_on\"",
                "counted_from = \"registered_on\"",
                1,
            ),
            "cannot count from registered_on",
        ),
        (
            LAB_2026.replacen(
                "counted_from = \"registered_on\"",
                "counted_from = \"yesterday\"",
                1,
            ),
            "unknown counted_from",
        ),
        // Every rule names its paragraph; every channel rule the law makes is sourced.
        (
            LAB_2026.replacen("source = \"LAB § 31", "source = \"  \" # \"", 1),
            "source is blank",
        ),
        (
            LAB_2026.replacen("source = \"LAB § 31", "source = \"LAB paragraf 31", 1),
            "names no paragraph",
        ),
        (
            LAB_2026.replace("rule = \"in_person_requested\"", "rule = \"always_video\""),
            "unknown channel rule",
        ),
        (
            LAB_2026.replace(
                "rule = \"attendance_required\"",
                "rule = \"in_person_requested\"",
            ),
            "given twice",
        ),
        (
            LAB_2026
                .split("[[channel_rule]]")
                .next()
                .unwrap_or_default()
                .to_owned(),
            "no [[channel_rule]] for first_meeting_in_person",
        ),
    ];
    for (text, needle) in cases {
        let e = refuse(&[("b.toml", &text)]);
        assert!(e.message.contains(needle), "{needle}: {e}");
        assert!(e.line >= 1, "{e}");
    }
    assert!(refuse(&[]).message.contains("no rule files"));
}

// --- properties over many citizens, calendars and meetings ---

fn arb_date() -> impl Strategy<Value = Date> {
    (0i64..(365 * 4)).prop_map(|d| date(2024, 1, 1).saturating_add(jiff::ToSpan::days(d)))
}

fn arb_group() -> impl Strategy<Value = TargetGroup> {
    prop::sample::select(TargetGroup::ALL.to_vec())
}

fn arb_meetings(since: Date) -> impl Strategy<Value = Vec<PlanMeeting>> {
    let one = (
        0i64..600,
        prop::sample::select(MeetingStatus::ALL.to_vec()),
        any::<bool>(),
        any::<bool>(),
    );
    prop::collection::vec(one, 0..12).prop_map(move |ms| {
        ms.into_iter()
            .enumerate()
            .map(|(n, (d, status, fund, joint))| {
                let day = since.saturating_add(jiff::ToSpan::days(d));
                let holder = if fund { Ak } else { Jc };
                PlanMeeting::new(format!("m{n}"), at(day), status, holder, joint)
            })
            .collect()
    })
}

fn arb_case() -> impl Strategy<Value = (PlanCitizen, Vec<PlanMeeting>, Date)> {
    (arb_group(), arb_date(), any::<bool>(), 0i64..700).prop_flat_map(
        |(group, since, exempt, t)| {
            let citizen = PlanCitizen {
                target_group: group,
                starts: StartDates::new(since),
                exempt: Exemptions {
                    fund: exempt,
                    municipality: exempt,
                },
                jobcenter_from_start: false,
            };
            let today = since.saturating_add(jiff::ToSpan::days(t));
            arb_meetings(since).prop_map(move |ms| (citizen, ms, today))
        },
    )
}

proptest! {
    #[test]
    fn every_item_follows_the_law_in_force_on_its_deadline((citizen, meetings, today) in arb_case()) {
        let book = book();
        let plan = contact_plan(&book, citizen, &meetings, today);
        for item in &plan.items {
            prop_assert_eq!(item.rules_version, book.in_force(item.due_by).version.as_str());
            prop_assert!(item.due_from <= item.due_by);
            prop_assert!(is_working_day(item.due_by), "{} is no working day", item.due_by);
        }
    }

    #[test]
    fn a_meeting_fills_at_most_one_item_and_only_if_held_or_booked((citizen, meetings, today) in arb_case()) {
        let book = book();
        let plan = contact_plan(&book, citizen, &meetings, today);
        let mut used: Vec<&str> = plan.items.iter().filter_map(|i| i.meeting.map(|m| m.id.as_str())).collect();
        let n = used.len();
        used.sort_unstable();
        used.dedup();
        prop_assert_eq!(used.len(), n);
        for item in &plan.items {
            match (item.status, item.meeting.map(|m| m.status)) {
                (Done, Some(MeetingStatus::Held)) | (Planned, Some(MeetingStatus::Booked)) => {}
                (Due | Overdue, None) => {}
                other => prop_assert!(false, "inconsistent item {:?}", other),
            }
            prop_assert_eq!(item.status == Overdue, item.meeting.is_none() && today > item.due_by);
        }
    }

    #[test]
    fn holding_one_more_meeting_never_makes_the_plan_worse(
        (citizen, mut meetings, today) in arb_case(),
        day in 0i64..600,
        fund in any::<bool>(),
    ) {
        let book = book();
        let count = |ms: &[PlanMeeting]| {
            let plan = contact_plan(&book, citizen, ms, today);
            let done = plan.items.iter().filter(|i| i.status == Done).count();
            let overdue = plan.items.iter().filter(|i| i.status == Overdue).count();
            (done, overdue, plan.items.len())
        };
        let before = count(&meetings);
        let day = citizen.starts.unemployed_since.saturating_add(jiff::ToSpan::days(day));
        meetings.push(PlanMeeting::new("extra".into(), at(day), MeetingStatus::Held, if fund { Ak } else { Jc }, false));
        let after = count(&meetings);
        prop_assert!(after.0 >= before.0 && after.1 <= before.1, "{:?} -> {:?}", before, after);
        prop_assert_eq!(after.2, before.2);
    }

    #[test]
    fn an_overdue_conversation_stays_overdue_until_a_meeting_deals_with_it(
        (citizen, meetings, today) in arb_case(),
        later in 0i64..400,
    ) {
        let book = book();
        let later_day = today.saturating_add(jiff::ToSpan::days(later));
        let now = contact_plan(&book, citizen, &meetings, today);
        let then = contact_plan(&book, citizen, &meetings, later_day);
        for (a, b) in now.items.iter().zip(&then.items) {
            if a.status == Overdue {
                prop_assert_eq!(b.status, Overdue);
            }
        }
    }

    #[test]
    fn a_course_wholly_under_one_law_has_exactly_the_conversations_it_asks(
        group in arb_group(),
        days in 0i64..380,
        new_law in any::<bool>(),
    ) {
        let book = book();
        // Starts from which every deadline (the last at 17 months) falls under one rule set.
        let (since, version) = if new_law {
            (date(2026, 7, 1).saturating_add(jiff::ToSpan::days(days)), "lab-2026-07-01")
        } else {
            (date(2024, 1, 1).saturating_add(jiff::ToSpan::days(days)), "lab-2024-01-01")
        };
        let citizen = PlanCitizen { target_group: group, starts: StartDates::new(since), exempt: Exemptions::default(), jobcenter_from_start: false };
        let plan = contact_plan(&book, citizen, &[], since);
        let set = book.sets().iter().find(|s| s.version == version).expect("rule set");
        let asked: usize = set
            .rules_on(group, Course::Standard)
            .map(|r| usize::from(r.count))
            .sum();
        prop_assert_eq!(plan.items.len(), asked);
        prop_assert!(plan.items.iter().all(|i| i.status == Due && i.rules_version == version));
    }
}

// --- the worklist's reasons ---

fn facts<'a>(plan: &'a ContactPlan<'a>, meetings: &'a [PlanMeeting]) -> CaseFacts<'a> {
    CaseFacts {
        plan,
        meetings,
        track: Some(Track::Standard),
        latest_screening: None,
        latest_visitation: None,
        last_activity: None,
        registered_at: at(date(2025, 3, 3)),
        assigned: true,
        unanswered_since: None,
        callback_requested: None,
        absence_reported: None,
        letter_address_missing: None,
        self_books: false,
        // These cases are the a-kasse's first months: its worklist.
        holder: Ak,
    }
}

fn reasons(items: &[WorkItem]) -> Vec<WorkReason> {
    items.iter().map(|w| w.reason).collect()
}

#[test]
fn a_citizen_who_books_themself_and_did_not_has_missed_the_booking_deadline() {
    let book = book();
    let plan = contact_plan(&book, insured(date(2025, 3, 3)), &[], date(2025, 3, 18));
    let self_booker = CaseFacts {
        self_books: true,
        ..facts(&plan, &[])
    };
    let items = work_reasons(&self_booker, at(date(2025, 3, 18)));
    assert_eq!(reasons(&items), vec![WorkReason::BookingOverdue]);
    assert_eq!(items[0].since.to_string(), "2025-03-17T23:00:00Z");
    // Booked, it is dealt with, as any overdue conversation.
    let booked = [meeting("b", date(2025, 3, 20), MeetingStatus::Booked, Ak)];
    let plan = contact_plan(&book, insured(date(2025, 3, 3)), &booked, date(2025, 3, 18));
    let self_booker = CaseFacts {
        self_books: true,
        ..facts(&plan, &booked)
    };
    assert!(work_reasons(&self_booker, at(date(2025, 3, 18))).is_empty());
}

#[test]
fn an_overdue_conversation_is_on_the_worklist_from_the_day_after_its_deadline() {
    let book = book();
    let plan = contact_plan(&book, insured(date(2025, 3, 3)), &[], date(2025, 3, 18));
    let items = work_reasons(&facts(&plan, &[]), at(date(2025, 3, 18)));
    assert_eq!(reasons(&items), vec![WorkReason::Overdue]);
    assert_eq!(items[0].since.to_string(), "2025-03-17T23:00:00Z");
    // Booking the conversation deals with it.
    let booked = [meeting("b", date(2025, 3, 20), MeetingStatus::Booked, Ak)];
    let plan = contact_plan(&book, insured(date(2025, 3, 3)), &booked, date(2025, 3, 18));
    assert!(work_reasons(&facts(&plan, &booked), at(date(2025, 3, 18))).is_empty());
}

#[test]
fn a_conversation_due_within_a_week_and_not_booked_is_due_soon() {
    let book = book();
    let plan = contact_plan(&book, insured(date(2025, 3, 3)), &[], date(2025, 3, 9));
    assert!(work_reasons(&facts(&plan, &[]), at(date(2025, 3, 9))).is_empty());
    let plan = contact_plan(&book, insured(date(2025, 3, 3)), &[], date(2025, 3, 10));
    let items = work_reasons(&facts(&plan, &[]), at(date(2025, 3, 10)));
    assert_eq!(reasons(&items), vec![WorkReason::DueSoon]);
    assert_eq!(
        crate::clock_text::local_date(items[0].since),
        date(2025, 3, 10)
    );
}

#[test]
fn a_no_show_waits_until_a_new_meeting_is_booked() {
    let book = book();
    let since = date(2025, 3, 3);
    let mut ms = vec![
        meeting("first", date(2025, 3, 5), MeetingStatus::Held, Ak),
        meeting("missed", date(2025, 3, 20), MeetingStatus::NoShow, Ak),
    ];
    let plan = contact_plan(&book, insured(since), &ms, date(2025, 3, 21));
    assert_eq!(
        reasons(&work_reasons(&facts(&plan, &ms), at(date(2025, 3, 21)))),
        vec![WorkReason::NoShow]
    );
    ms.push(meeting(
        "again",
        date(2025, 3, 27),
        MeetingStatus::Booked,
        Ak,
    ));
    let plan = contact_plan(&book, insured(since), &ms, date(2025, 3, 21));
    assert!(work_reasons(&facts(&plan, &ms), at(date(2025, 3, 21))).is_empty());
}

#[test]
fn each_organisation_sees_its_own_overdue_conversations_and_no_shows() {
    let book = book();
    let since = date(2025, 3, 3);
    // The a-kasse's first conversation (due 17 March) was missed at the a-kasse.
    let ms = [meeting(
        "missed",
        date(2025, 3, 10),
        MeetingStatus::NoShow,
        Ak,
    )];
    let plan = contact_plan(&book, insured(since), &ms, date(2025, 3, 18));
    let mut f = facts(&plan, &ms);
    assert_eq!(
        reasons(&work_reasons(&f, at(date(2025, 3, 18)))),
        vec![WorkReason::Overdue, WorkReason::NoShow]
    );
    // Nothing of it is the jobcenter's to act on.
    f.holder = Jc;
    assert!(work_reasons(&f, at(date(2025, 3, 18))).is_empty());
    // From three months the jobcenter's conversations are due; the a-kasse's two are overdue
    // on its own list only.
    let plan = contact_plan(&book, insured(since), &ms, date(2025, 8, 28));
    let mut f = facts(&plan, &ms);
    f.holder = Jc;
    assert_eq!(
        reasons(&work_reasons(&f, at(date(2025, 8, 28)))),
        vec![WorkReason::DueSoon]
    );
}

#[test]
fn a_remote_meeting_left_as_the_first_is_on_the_holders_worklist() {
    let book = book();
    let since = date(2025, 3, 3);
    // The in-person first conversation was cancelled; a video meeting booked after it is now
    // the citizen's first (LAB § 33, stk. 1 wants it in person).
    let ms = [
        meeting("first", date(2025, 3, 10), MeetingStatus::Cancelled, Jc),
        meeting("video", date(2025, 3, 24), MeetingStatus::Booked, Jc).by_phone_or_video(true),
    ];
    let plan = contact_plan(&book, insured(since), &ms, date(2025, 3, 12));
    let mut f = facts(&plan, &ms);
    f.holder = Jc;
    let items = work_reasons(&f, at(date(2025, 3, 12)));
    assert_eq!(items[0].reason, WorkReason::FirstMeetingRemote);
    assert_eq!(items[0].since, at(date(2025, 3, 24)));
    // Not the a-kasse's to act on; and not once an in-person meeting comes first again.
    f.holder = Ak;
    assert!(
        !reasons(&work_reasons(&f, at(date(2025, 3, 12))))
            .contains(&WorkReason::FirstMeetingRemote)
    );
    let ms = [
        meeting("again", date(2025, 3, 17), MeetingStatus::Booked, Jc),
        meeting("video", date(2025, 3, 24), MeetingStatus::Booked, Jc).by_phone_or_video(true),
    ];
    let plan = contact_plan(&book, insured(since), &ms, date(2025, 3, 12));
    let mut f = facts(&plan, &ms);
    f.holder = Jc;
    assert!(
        !reasons(&work_reasons(&f, at(date(2025, 3, 12))))
            .contains(&WorkReason::FirstMeetingRemote)
    );
}

#[test]
fn screening_inactivity_and_assignment_reasons() {
    let book = book();
    let since = date(2025, 3, 3);
    let held = [meeting("first", date(2025, 3, 5), MeetingStatus::Held, Ak)];
    let plan = contact_plan(&book, insured(since), &held, date(2025, 3, 6));
    let now = at(date(2025, 4, 20));
    let screened = at(date(2025, 4, 1));
    let mut f = facts(&plan, &held);
    f.latest_screening = Some(screened);
    f.track = Some(Track::SelfService);
    f.last_activity = Some(at(date(2025, 3, 10)));
    f.assigned = false;
    // Visitation, self-service and assignment are the jobcenter's, not on the a-kasse's list.
    assert!(work_reasons(&f, now).is_empty());
    f.holder = Jc;
    let items = work_reasons(&f, now);
    assert_eq!(
        reasons(&items),
        vec![
            WorkReason::AwaitingVisitation,
            WorkReason::Inactive,
            WorkReason::Unassigned
        ]
    );
    // A decision after the screening, a recent sign-in and a caseworker clear all three.
    f.latest_visitation = Some(at(date(2025, 4, 2)));
    f.last_activity = Some(at(date(2025, 4, 19)));
    f.assigned = true;
    assert!(work_reasons(&f, now).is_empty());
}

#[test]
fn a_message_unanswered_for_two_working_days_is_on_the_worklist() {
    let book = book();
    let since = date(2025, 3, 3);
    let held = [meeting("first", date(2025, 3, 5), MeetingStatus::Held, Ak)];
    let plan = contact_plan(&book, insured(since), &held, date(2025, 3, 6));
    let mut f = facts(&plan, &held);
    // Written Friday 7 March 2025; Monday and Tuesday are the two working days.
    let written = "2025-03-07T14:00:00Z".parse().expect("time");
    f.unanswered_since = Some(written);
    assert!(work_reasons(&f, at(date(2025, 3, 11))).is_empty());
    let items = work_reasons(&f, at(date(2025, 3, 12)));
    assert_eq!(reasons(&items), vec![WorkReason::UnansweredMessage]);
    assert_eq!(items[0].since, written, "since the citizen wrote");
}

#[test]
fn a_request_to_be_called_stays_until_a_meeting_is_booked_after_it() {
    let book = book();
    let since = date(2025, 3, 3);
    let mut ms = vec![meeting("first", date(2025, 3, 5), MeetingStatus::Held, Ak)];
    let plan = contact_plan(&book, insured(since), &ms, date(2025, 3, 6));
    let asked = at(date(2025, 3, 6));
    let mut f = facts(&plan, &ms);
    f.callback_requested = Some(asked);
    let items = work_reasons(&f, at(date(2025, 3, 7)));
    assert_eq!(reasons(&items), vec![WorkReason::CallbackRequested]);
    assert_eq!(items[0].since, asked);
    ms.push(meeting(
        "call",
        date(2025, 3, 10),
        MeetingStatus::Booked,
        Ak,
    ));
    let plan = contact_plan(&book, insured(since), &ms, date(2025, 3, 7));
    let mut f = facts(&plan, &ms);
    f.callback_requested = Some(asked);
    assert!(work_reasons(&f, at(date(2025, 3, 7))).is_empty());
}

#[test]
fn a_reported_absence_waits_first_on_the_list_until_staff_decide() {
    let book = book();
    let since = date(2025, 3, 3);
    let ms = vec![meeting("first", date(2025, 3, 5), MeetingStatus::Held, Ak)];
    let plan = contact_plan(&book, insured(since), &ms, date(2025, 3, 6));
    let reported = at(date(2025, 3, 6));
    let mut f = facts(&plan, &ms);
    f.absence_reported = Some(reported);
    let items = work_reasons(&f, at(date(2025, 3, 7)));
    assert_eq!(reasons(&items), vec![WorkReason::AbsenceReported]);
    assert_eq!(items[0].since, reported);
    // Decided: gone.
    f.absence_reported = None;
    assert!(work_reasons(&f, at(date(2025, 3, 7))).is_empty());
}

#[test]
fn the_worklist_puts_the_most_urgent_reason_and_the_oldest_case_first() {
    let w = |reason, day| WorkItem {
        reason,
        since: at(day),
    };
    let mut items = vec![
        w(WorkReason::Inactive, date(2025, 1, 1)),
        w(WorkReason::Overdue, date(2025, 3, 2)),
        w(WorkReason::NoShow, date(2025, 2, 1)),
        w(WorkReason::Overdue, date(2025, 3, 1)),
    ];
    sort_worklist(&mut items, |i| *i);
    assert_eq!(
        items
            .iter()
            .map(|i| (i.reason, crate::clock_text::local_date(i.since).day()))
            .collect::<Vec<_>>(),
        vec![
            (WorkReason::Overdue, 1),
            (WorkReason::Overdue, 2),
            (WorkReason::NoShow, 1),
            (WorkReason::Inactive, 1)
        ]
    );
}

#[test]
fn wire_names_in_json_are_those_of_the_rule_files() {
    for kind in ConversationKind::ALL {
        let json = serde_json::to_string(kind).expect("json");
        assert_eq!(json, format!("\"{}\"", kind.as_str()));
    }
    for status in ItemStatus::ALL {
        assert_eq!(
            serde_json::to_string(status).expect("json"),
            format!("\"{}\"", status.as_str())
        );
    }
    for reason in WorkReason::ALL {
        assert_eq!(
            serde_json::to_string(reason).expect("json"),
            format!("\"{}\"", reason.as_str())
        );
    }
    for holder in Holder::ALL {
        assert_eq!(
            serde_json::to_string(holder).expect("json"),
            format!("\"{}\"", holder.as_str())
        );
    }
}

#[test]
fn only_a_conversation_with_the_a_kasse_taking_part_fills_the_one_at_16_months() {
    let book = book();
    let since = date(2025, 3, 3);
    let at = |d: Date| {
        d.at(10, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .expect("zoned")
            .timestamp()
    };
    let sixteen = |meetings: &[PlanMeeting]| {
        let plan = contact_plan(&book, insured(since), meetings, date(2026, 8, 1));
        plan.items
            .iter()
            .find(|i| i.kind == SixteenMonths)
            .map(|i| i.status)
            .expect("item")
    };
    // Every earlier conversation held; then one in month 12 by the jobcenter alone.
    let mut held: Vec<PlanMeeting> = [
        (date(2025, 3, 10), Ak),
        (date(2025, 4, 10), Ak),
        (date(2025, 5, 12), Ak),
        (date(2025, 6, 10), Jc),
        (date(2025, 7, 10), Jc),
        (date(2025, 8, 11), Jc),
    ]
    .iter()
    .enumerate()
    .map(|(n, (d, h))| PlanMeeting::new(format!("m{n}"), at(*d), MeetingStatus::Held, *h, false))
    .collect();
    held.push(PlanMeeting::new(
        "alone".into(),
        at(date(2026, 3, 2)),
        MeetingStatus::Held,
        Jc,
        false,
    ));
    assert_eq!(
        sixteen(&held),
        Overdue,
        "the jobcenter alone does not fill it"
    );
    held.push(PlanMeeting::new(
        "joint".into(),
        at(date(2026, 3, 9)),
        MeetingStatus::Held,
        Jc,
        true,
    ));
    assert_eq!(sixteen(&held), Done);
}

#[test]
fn under_25_sent_to_the_jobcenter_from_the_start_has_six_jobcenter_conversations_and_no_a_kasse() {
    let book = book();
    let since = date(2025, 3, 3);
    let young = PlanCitizen {
        jobcenter_from_start: true,
        ..insured(since)
    };
    let plan = contact_plan(&book, young, &[], date(2025, 3, 4));
    let holders: Vec<(ConversationKind, Holder)> =
        plan.items.iter().map(|i| (i.kind, i.holder)).collect();
    let mut expected = vec![(Job, Jc); 6];
    expected.push((SixteenMonths, Jc));
    assert_eq!(
        holders, expected,
        "LAB § 31, stk. 1, 3. pkt.: six with the jobcenter"
    );
    assert!(plan.items[..6].iter().all(|i| i.due_by == date(2025, 9, 3)));
    // Who may be sent there: insured and under 25 (the rest the caseworker confirms).
    let today = date(2026, 12, 1);
    assert!(may_start_at_jobcenter(
        TargetGroup::InsuredUnemployed,
        date(2002, 12, 2),
        today
    ));
    assert!(!may_start_at_jobcenter(
        TargetGroup::InsuredUnemployed,
        date(2001, 12, 1),
        today
    ));
    assert!(!may_start_at_jobcenter(
        TargetGroup::JobReadyCashBenefit,
        date(2005, 1, 1),
        today
    ));
}

#[test]
fn sickness_benefit_follows_the_sickness_benefit_act_from_the_first_day_of_absence() {
    let book = book();
    // First day of absence Monday 2 March 2026: the eighth week ends Sunday 26 April, so the
    // first follow-up is due the next working day, Monday 27 April (sygedagpengeloven § 13 b).
    let since = date(2026, 3, 2);
    let sick = PlanCitizen {
        target_group: TargetGroup::SicknessBenefit,
        starts: StartDates::new(since),
        exempt: Exemptions::default(),
        jobcenter_from_start: false,
    };
    let plan = contact_plan(&book, sick, &[], since);
    let kinds: Vec<_> = plan.items.iter().map(|i| (i.kind, i.holder)).collect();
    assert_eq!(kinds, vec![(First, Jc), (Job, Jc), (Job, Jc), (Job, Jc)]);
    assert_eq!(plan.items[0].due_by, date(2026, 4, 27));
    assert!(plan.items[0].source.contains("§ 13 b"));
    assert_eq!(plan.items[3].due_by, date(2026, 9, 2));
}

#[test]
fn a_letter_without_an_address_is_on_the_jobcentres_list_only() {
    let book = book();
    let plan = contact_plan(&book, insured(date(2025, 3, 3)), &[], date(2025, 3, 4));
    let waiting = at(date(2025, 3, 4));
    let jobcentre = CaseFacts {
        letter_address_missing: Some(waiting),
        holder: Holder::Municipality,
        ..facts(&plan, &[])
    };
    let items = work_reasons(&jobcentre, at(date(2025, 3, 4)));
    assert!(
        items
            .iter()
            .any(|i| i.reason == WorkReason::LetterAddressMissing && i.since == waiting),
        "{items:?}"
    );
    let fund = CaseFacts {
        letter_address_missing: Some(waiting),
        ..facts(&plan, &[])
    };
    assert!(
        !reasons(&work_reasons(&fund, at(date(2025, 3, 4))))
            .contains(&WorkReason::LetterAddressMissing)
    );
}

// --- how long the worklist's decision holds (the kept worklist, issue 22) ---

/// Facts of an arbitrary case on `holder`'s list, with a message waiting and self-service.
fn arb_facts() -> impl Strategy<
    Value = (
        PlanCitizen,
        Vec<PlanMeeting>,
        Date,
        bool,
        Option<i64>,
        Option<i64>,
        u32,
    ),
> {
    (
        arb_case(),
        any::<bool>(),
        prop::option::of(0i64..40),
        prop::option::of(0i64..60),
        0u32..24 * 60,
    )
        .prop_map(|((c, ms, today), fund, waiting, active, minute)| {
            (c, ms, today, fund, waiting, active, minute)
        })
}

proptest! {
    #[test]
    fn a_decision_holds_unchanged_until_the_instant_it_names(
        (citizen, meetings, today, fund, waiting, active, minute) in arb_facts(),
        probes in prop::collection::vec(0u64..=1_000_000, 1..6),
    ) {
        let book = book();
        let now = today
            .at(0, 0, 0, 0)
            .to_zoned(crate::clock_text::copenhagen())
            .expect("zoned")
            .timestamp()
            .saturating_add(jiff::SignedDuration::from_mins(i64::from(minute)))
            .expect("in range");
        let days_back = |d: i64| now.saturating_sub(jiff::SignedDuration::from_hours(24 * d)).expect("in range");
        let decide = |at: Timestamp| {
            let plan = contact_plan(&book, citizen, &meetings, crate::clock_text::local_date(at));
            let facts = CaseFacts {
                track: Some(Track::SelfService),
                last_activity: active.map(days_back),
                unanswered_since: waiting.map(days_back),
                holder: if fund { Ak } else { Jc },
                ..facts(&plan, &meetings)
            };
            (work_reasons(&facts, at), reasons_hold_until(&facts, at))
        };
        let (reasons, until) = decide(now);
        // Probe up to 90 days ahead, or up to the named instant, and the microsecond before it.
        let horizon = until.unwrap_or_else(|| now.saturating_add(jiff::SignedDuration::from_hours(24 * 90)).expect("in range"));
        prop_assert!(horizon > now);
        let span = horizon.duration_since(now).as_micros();
        let mut at: Vec<Timestamp> = probes
            .iter()
            .map(|p| now.saturating_add(jiff::SignedDuration::from_micros(
                i64::try_from(span * i128::from(*p) / 1_000_001).expect("fits"),
            )).expect("in range"))
            .collect();
        at.push(horizon.saturating_sub(jiff::SignedDuration::from_micros(1)).expect("in range"));
        for t in at {
            prop_assert_eq!(&decide(t).0, &reasons, "at {} (decided at {}, holds until {:?})", t, now, until);
        }
    }
}

#[test]
fn an_unbooked_conversation_is_decided_again_at_midnight_across_the_clock_change() {
    // Insured from 15 March 2025: the first conversation is due within two weeks, by Saturday
    // 29 March, moved to the working day after: Monday 31 March. Decided on Saturday in winter
    // time, "due soon" holds until it is overdue on Tuesday 1 April at 00:00 in Copenhagen —
    // summer time since Sunday, so 22:00 UTC, not 23:00.
    let book = book();
    let since = date(2025, 3, 15);
    let now = at(date(2025, 3, 29));
    let plan = contact_plan(&book, insured(since), &[], date(2025, 3, 29));
    let until = reasons_hold_until(&facts(&plan, &[]), now).expect("an instant");
    assert_eq!(until.to_string(), "2025-03-31T22:00:00Z");
    let just_before = until
        .saturating_sub(jiff::SignedDuration::from_micros(1))
        .expect("range");
    let plan_before = contact_plan(
        &book,
        insured(since),
        &[],
        crate::clock_text::local_date(just_before),
    );
    assert_eq!(
        reasons(&work_reasons(&facts(&plan_before, &[]), just_before)),
        vec![WorkReason::DueSoon]
    );
    let plan_after = contact_plan(
        &book,
        insured(since),
        &[],
        crate::clock_text::local_date(until),
    );
    assert_eq!(
        reasons(&work_reasons(&facts(&plan_after, &[]), until)),
        vec![WorkReason::Overdue]
    );
}
