//! The screening model: readable rules from the answers to a recommended track, whether the
//! first meeting should be in person, and whether the citizen should book through staff. Every
//! rule that fires adds a reason with a stable code and a sentence a citizen can read.
//!
//! The model never looks at age, gender, origin or citizenship: it is given only the answers.
//! Two properties are tested for every combination of answers: more obstacles never give a
//! lighter track, and less digital comfort never takes away an in-person first meeting.
//! `docs/screening.md` states each rule and why.

use super::answers::{Answers, DigitalComfort, OwnAssessment, YesNoUnsure};
use crate::Track;

/// Why: a stable code for programs and a plain Danish sentence for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason {
    pub code: &'static str,
    pub text: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    pub track: Track,
    pub in_person_first: bool,
    pub self_booking_exempt: bool,
    pub reasons: Vec<Reason>,
}

const fn reason(code: &'static str, text: &'static str) -> Reason {
    Reason { code, text }
}

pub const READY: Reason = reason(
    "ready_for_self_service",
    "Du har arbejdet det meste af det seneste år, forventer at komme i job inden for et år og har ingen forhindringer. Du kan selv klare meget på nettet, og vi følger med.",
);
pub const HEALTH: Reason = reason(
    "health_limits_work",
    "Du har svaret, at dit helbred begrænser dit arbejde. Derfor får du mere støtte fra en jobkonsulent.",
);
pub const OBSTACLES: Reason = reason(
    "other_obstacles",
    "Du har svaret, at andre ting i dit liv gør det svært at arbejde lige nu. Derfor får du mere støtte fra en jobkonsulent.",
);
pub const SEVERAL: Reason = reason(
    "several_obstacles",
    "Flere af dine svar viser, at vejen til job kan være lang. Derfor får du tæt kontakt med en jobkonsulent.",
);
pub const LITTLE_WORK: Reason = reason(
    "little_recent_work",
    "Du har arbejdet under seks måneder det seneste år. Vi hjælper dig med at finde vej tilbage til arbejde.",
);
pub const UNSURE: Reason = reason(
    "unsure_answers",
    "Du er usikker på nogle af spørgsmålene. En jobkonsulent taler med dig om dem.",
);
pub const NO_EDUCATION: Reason = reason(
    "no_education",
    "Du har ikke en uddannelse efter folkeskolen. Vi kan tale om uddannelse som vej til job.",
);
// NO_EDUCATION is given with a standard or intensive track; it never decides the track.
pub const LONG_WAY: Reason = reason(
    "expects_long_way",
    "Du forventer, at der går mere end et år, før du er i job, eller du ved det ikke. Vi hjælper dig med en plan.",
);
pub const INTERPRETER: Reason = reason(
    "needs_interpreter",
    "Du har brug for tolk. Din første samtale holdes ved personligt fremmøde, så tolkningen bliver god.",
);
pub const WANTS_IN_PERSON: Reason = reason(
    "wants_in_person",
    "Du vil gerne mødes personligt. Dine samtaler holdes ved fremmøde, så længe du ønsker det.",
);
pub const LOW_DIGITAL: Reason = reason(
    "low_digital_comfort",
    "Du er ikke så vant til digitale løsninger. Din første samtale holdes ved personligt fremmøde.",
);
pub const NO_DIGITAL: Reason = reason(
    "no_digital_comfort",
    "Du bruger ikke digitale løsninger. Jobcentret booker dine samtaler for dig, og den første holdes ved fremmøde.",
);
pub const INTENSIVE_IN_PERSON: Reason = reason(
    "intensive_in_person",
    "Når du får tæt kontakt, holdes den første samtale ved personligt fremmøde.",
);

/// Every reason the model can give, to turn stored codes back into sentences.
pub const ALL_REASONS: &[Reason] = &[
    READY,
    HEALTH,
    OBSTACLES,
    SEVERAL,
    LITTLE_WORK,
    UNSURE,
    NO_EDUCATION,
    LONG_WAY,
    INTERPRETER,
    WANTS_IN_PERSON,
    LOW_DIGITAL,
    NO_DIGITAL,
    INTENSIVE_IN_PERSON,
];

pub fn reason_by_code(code: &str) -> Option<Reason> {
    ALL_REASONS.iter().copied().find(|r| r.code == code)
}

/// "Yes" weighs two, "unsure" one: how much an answer points away from a light track.
fn weight(a: YesNoUnsure) -> u8 {
    match a {
        YesNoUnsure::No => 0,
        YesNoUnsure::Unsure => 1,
        YesNoUnsure::Yes => 2,
    }
}

/// The recommendation for a set of answers, with every reason that applies, in the order the
/// rules are read in `docs/screening.md`.
pub fn recommend(a: &Answers) -> Recommendation {
    let mut reasons = Vec::new();
    let heavy = u8::from(a.health_limits_work == YesNoUnsure::Yes)
        + u8::from(a.other_obstacles == YesNoUnsure::Yes);
    let long_way = matches!(
        a.own_assessment,
        OwnAssessment::Long | OwnAssessment::Unsure
    );
    let little_work = a.worked_months_last_12 < 6;
    // The obstacle score: health and other obstacles (yes 2, unsure 1), a long or unknown way to
    // work, little recent work, needing an interpreter. Education is not in it: it is a topic for
    // the conversation, not a reason to be followed more closely.
    let score = weight(a.health_limits_work)
        + weight(a.other_obstacles)
        + u8::from(long_way)
        + u8::from(little_work)
        + u8::from(a.needs_interpreter);
    let digital_ok = matches!(
        a.digital_comfort,
        DigitalComfort::High | DigitalComfort::Some
    );

    let track = if score == 0 && digital_ok {
        reasons.push(READY);
        Track::SelfService
    } else if heavy == 2 || score >= 4 {
        Track::Intensive
    } else {
        Track::Standard
    };
    if track != Track::SelfService {
        if a.health_limits_work == YesNoUnsure::Yes {
            reasons.push(HEALTH);
        }
        if a.other_obstacles == YesNoUnsure::Yes {
            reasons.push(OBSTACLES);
        }
        if track == Track::Intensive && heavy < 2 {
            reasons.push(SEVERAL);
        }
        if little_work {
            reasons.push(LITTLE_WORK);
        }
        if long_way {
            reasons.push(LONG_WAY);
        }
        if a.education == super::answers::Education::None {
            reasons.push(NO_EDUCATION);
        }
        if a.health_limits_work == YesNoUnsure::Unsure || a.other_obstacles == YesNoUnsure::Unsure {
            reasons.push(UNSURE);
        }
    }

    // The wish to meet in person is the citizen's right, not the model's judgement: it is kept
    // as their `in_person_requested` and covers every meeting, so it does not set the flag here.
    if a.wants_in_person {
        reasons.push(WANTS_IN_PERSON);
    }
    let mut in_person_first = false;
    if a.needs_interpreter {
        reasons.push(INTERPRETER);
        in_person_first = true;
    }
    match a.digital_comfort {
        DigitalComfort::None => {
            reasons.push(NO_DIGITAL);
            in_person_first = true;
        }
        DigitalComfort::Low => {
            reasons.push(LOW_DIGITAL);
            in_person_first = true;
        }
        DigitalComfort::High | DigitalComfort::Some => {}
    }
    if track == Track::Intensive && !in_person_first {
        reasons.push(INTENSIVE_IN_PERSON);
        in_person_first = true;
    }
    Recommendation {
        track,
        in_person_first,
        self_booking_exempt: a.digital_comfort == DigitalComfort::None,
        reasons,
    }
}
