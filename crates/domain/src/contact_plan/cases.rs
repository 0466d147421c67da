//! Runs the law cases of `rules/cases/*.toml` (read by `law_cases.rs`) against the real rule
//! files: the plan item by item, and which channels the next booking may use. A new case is a
//! new file, no code. The store runs the same files through both databases.

use std::path::Path;

use super::*;
use crate::meetings::{ChannelFacts, EarlierMeetings, Proposed, usable_channels};
use crate::{Channel, MeetingStatus};

fn run(case: &LawCase, book: &RuleBook) {
    let name = &case.name;
    let plan = contact_plan(book, case.citizen, &case.meetings, case.today);
    assert_eq!(plan_rows(&plan), case.expected, "{name}: the plan");

    if let Some(next) = &case.next_booking {
        let earliest = |holder: Option<Holder>| {
            case.meetings
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
            in_person_first: case.in_person_first,
            in_person_requested: case.in_person_requested,
            attendance_required: next.attendance_required,
            earlier: EarlierMeetings {
                any: earliest(None),
                with_municipality: earliest(Some(Holder::Municipality)),
                with_fund: earliest(Some(Holder::UnemploymentFund)),
            },
            has_phone: true,
        };
        let proposed = Proposed {
            start: next.start,
            holder: next.holder,
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
    let cases = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert!(cases.len() >= 40, "the law cases are there");
    for case in &cases {
        run(case, &book);
    }
}
