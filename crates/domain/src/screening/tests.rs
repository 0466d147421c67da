//! A test per rule, the three rules API.md requires, and the two properties over every
//! combination of answers (13 × 4 × 3 × 3 × 4 × 2 × 4 × 2 = 59,904 of them).

use super::answers::{Answers, DigitalComfort, Education, OwnAssessment, YesNoUnsure};
use super::model::*;
use crate::Track;

fn ready() -> Answers {
    Answers {
        worked_months_last_12: 9,
        education: Education::Vocational,
        health_limits_work: YesNoUnsure::No,
        other_obstacles: YesNoUnsure::No,
        digital_comfort: DigitalComfort::Some,
        needs_interpreter: false,
        own_assessment: OwnAssessment::Months,
        wants_in_person: false,
    }
}

fn codes(r: &Recommendation) -> Vec<&'static str> {
    r.reasons.iter().map(|r| r.code).collect()
}

#[test]
fn ready_citizens_are_recommended_self_service_whatever_their_education() {
    for education in Education::ALL {
        let r = recommend(&Answers {
            education: *education,
            ..ready()
        });
        assert_eq!(
            (r.track, r.in_person_first, r.self_booking_exempt),
            (Track::SelfService, false, false)
        );
        assert_eq!(codes(&r), vec!["ready_for_self_service"]);
    }
}

#[test]
fn health_limits_or_other_obstacles_never_give_self_service() {
    let health = recommend(&Answers {
        health_limits_work: YesNoUnsure::Yes,
        ..ready()
    });
    assert_eq!(health.track, Track::Standard);
    assert_eq!(codes(&health), vec!["health_limits_work"]);
    let other = recommend(&Answers {
        other_obstacles: YesNoUnsure::Yes,
        ..ready()
    });
    assert_eq!(codes(&other), vec!["other_obstacles"]);
    let both = recommend(&Answers {
        health_limits_work: YesNoUnsure::Yes,
        other_obstacles: YesNoUnsure::Yes,
        ..ready()
    });
    assert_eq!(both.track, Track::Intensive);
    assert!(both.in_person_first, "intensive starts in person");
    assert_eq!(
        codes(&both),
        vec![
            "health_limits_work",
            "other_obstacles",
            "intensive_in_person"
        ]
    );
}

#[test]
fn no_digital_comfort_means_in_person_first_and_booking_through_staff() {
    let r = recommend(&Answers {
        digital_comfort: DigitalComfort::None,
        ..ready()
    });
    assert_eq!(
        (r.track, r.in_person_first, r.self_booking_exempt),
        (Track::Standard, true, true)
    );
    assert_eq!(codes(&r), vec!["no_digital_comfort"]);
    let low = recommend(&Answers {
        digital_comfort: DigitalComfort::Low,
        ..ready()
    });
    assert_eq!(
        (low.in_person_first, low.self_booking_exempt),
        (true, false)
    );
    assert_eq!(codes(&low), vec!["low_digital_comfort"]);
}

#[test]
fn several_lighter_obstacles_add_up_to_close_contact() {
    let r = recommend(&Answers {
        worked_months_last_12: 2,
        own_assessment: OwnAssessment::Unsure,
        health_limits_work: YesNoUnsure::Unsure,
        needs_interpreter: true,
        ..ready()
    });
    assert_eq!(r.track, Track::Intensive);
    assert_eq!(
        codes(&r),
        vec![
            "several_obstacles",
            "little_recent_work",
            "expects_long_way",
            "unsure_answers",
            "needs_interpreter"
        ]
    );
    assert!(r.in_person_first);
}

#[test]
fn one_light_obstacle_gives_the_standard_track_with_its_reason() {
    let r = recommend(&Answers {
        worked_months_last_12: 3,
        ..ready()
    });
    assert_eq!(
        (r.track, codes(&r)),
        (Track::Standard, vec!["little_recent_work"])
    );
    let r = recommend(&Answers {
        own_assessment: OwnAssessment::Long,
        education: Education::None,
        ..ready()
    });
    assert_eq!(
        (r.track, codes(&r)),
        (Track::Standard, vec!["expects_long_way", "no_education"])
    );
}

#[test]
fn the_wish_to_meet_in_person_is_a_reason_but_not_the_models_flag() {
    let r = recommend(&Answers {
        wants_in_person: true,
        ..ready()
    });
    assert_eq!((r.track, r.in_person_first), (Track::SelfService, false));
    assert_eq!(codes(&r), vec!["ready_for_self_service", "wants_in_person"]);
}

/// Every combination of answers.
fn all_answers() -> impl Iterator<Item = Answers> {
    let mut out = Vec::new();
    for worked in 0..=12u8 {
        for education in Education::ALL {
            for health in YesNoUnsure::ALL {
                for other in YesNoUnsure::ALL {
                    for digital in DigitalComfort::ALL {
                        for interpreter in [false, true] {
                            for own in OwnAssessment::ALL {
                                for in_person in [false, true] {
                                    out.push(Answers {
                                        worked_months_last_12: worked,
                                        education: *education,
                                        health_limits_work: *health,
                                        other_obstacles: *other,
                                        digital_comfort: *digital,
                                        needs_interpreter: interpreter,
                                        own_assessment: *own,
                                        wants_in_person: in_person,
                                    });
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    out.into_iter()
}

fn weight(t: Track) -> u8 {
    match t {
        Track::SelfService => 0,
        Track::Standard => 1,
        Track::Intensive => 2,
    }
}

/// One more obstacle, in each way an answer can get worse.
fn worse(a: &Answers) -> Vec<Answers> {
    let mut out = Vec::new();
    if a.worked_months_last_12 > 0 {
        out.push(Answers {
            worked_months_last_12: a.worked_months_last_12 - 1,
            ..*a
        });
    }
    let next = |v: YesNoUnsure| match v {
        YesNoUnsure::No => Some(YesNoUnsure::Unsure),
        YesNoUnsure::Unsure => Some(YesNoUnsure::Yes),
        YesNoUnsure::Yes => None,
    };
    if let Some(h) = next(a.health_limits_work) {
        out.push(Answers {
            health_limits_work: h,
            ..*a
        });
    }
    if let Some(o) = next(a.other_obstacles) {
        out.push(Answers {
            other_obstacles: o,
            ..*a
        });
    }
    if !a.needs_interpreter {
        out.push(Answers {
            needs_interpreter: true,
            ..*a
        });
    }
    match a.own_assessment {
        OwnAssessment::Soon => out.push(Answers {
            own_assessment: OwnAssessment::Months,
            ..*a
        }),
        OwnAssessment::Months => out.push(Answers {
            own_assessment: OwnAssessment::Long,
            ..*a
        }),
        _ => {}
    }
    if a.education != Education::None {
        out.push(Answers {
            education: Education::None,
            ..*a
        });
    }
    out
}

#[test]
fn more_obstacles_never_give_a_lighter_track() {
    for a in all_answers() {
        let base = weight(recommend(&a).track);
        for b in worse(&a) {
            assert!(weight(recommend(&b).track) >= base, "{a:?} -> {b:?}");
        }
    }
}

#[test]
fn less_digital_comfort_never_takes_away_an_in_person_first_meeting() {
    for a in all_answers() {
        let r = recommend(&a);
        let less = match a.digital_comfort {
            DigitalComfort::High => DigitalComfort::Some,
            DigitalComfort::Some => DigitalComfort::Low,
            DigitalComfort::Low => DigitalComfort::None,
            DigitalComfort::None => continue,
        };
        let b = recommend(&Answers {
            digital_comfort: less,
            ..a
        });
        assert!(!r.in_person_first || b.in_person_first, "{a:?}");
        assert!(!r.self_booking_exempt || b.self_booking_exempt, "{a:?}");
    }
}

#[test]
fn every_recommendation_says_why() {
    for a in all_answers() {
        let r = recommend(&a);
        assert!(!r.reasons.is_empty(), "{a:?}");
        assert!(
            r.reasons
                .iter()
                .all(|x| !x.text.is_empty() && !x.code.is_empty())
        );
    }
}

#[test]
fn missing_and_out_of_range_answers_are_each_named() {
    use super::answers::RawAnswers;
    use crate::Invalid;
    let raw = RawAnswers {
        worked_months_last_12: Some(13),
        education: Some("phd".into()),
        health_limits_work: Some("no".into()),
        other_obstacles: None,
        digital_comfort: Some("some".into()),
        needs_interpreter: Some(false),
        own_assessment: Some("soon".into()),
        wants_in_person: None,
    };
    let errors = Answers::try_from(&raw).expect_err("refused");
    let named: Vec<(&str, Invalid)> = errors
        .iter()
        .map(|e| (e.field.as_ref(), e.problem))
        .collect();
    assert_eq!(
        named,
        vec![
            ("worked_months_last_12", Invalid::OutOfRange),
            ("education", Invalid::UnknownValue),
            ("other_obstacles", Invalid::Required),
            ("wants_in_person", Invalid::Required),
        ]
    );
    let ok = RawAnswers {
        worked_months_last_12: Some(12),
        education: Some("higher".into()),
        other_obstacles: Some("unsure".into()),
        wants_in_person: Some(true),
        ..raw
    };
    assert_eq!(
        Answers::try_from(&ok).map(|a| a.worked_months_last_12),
        Ok(12)
    );
}
