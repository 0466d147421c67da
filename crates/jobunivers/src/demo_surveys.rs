//! The demo's survey answers, drawn so the reports resemble the seeds' surveys: about four in
//! five satisfied, the channel fitting for nine in ten by phone and eight in ten by video, some
//! finding video or phone less personal, two in three wanting more of it, and a few asking to
//! be called. About six in ten answer.

use domain::surveys::SurveyAnswers;
use domain::{Channel, TargetGroup};
use jiff::SignedDuration;
use rand::Rng;
use rand_chacha::ChaCha12Rng;
use store::{BulkMeeting, BulkSurvey};

const COMMENTS: [&str; 5] = [
    "Rart at slippe for transporten.",
    "Jeg savnede at møde min jobkonsulent.",
    "Det var svært at høre ordentligt i starten.",
    "Godt at samtalen kunne holdes hjemmefra.",
    "Min jobkonsulent havde god tid.",
];

/// A step of a five-step scale: the top two with probability `top`, else one of the rest.
fn step(rng: &mut ChaCha12Rng, top: f64) -> u8 {
    if rng.random_bool(top) {
        rng.random_range(4..=5)
    } else {
        rng.random_range(1..=3)
    }
}

/// The survey of a held meeting, answered (six in ten) some hours after it, but never after
/// `now`.
pub fn survey(
    rng: &mut ChaCha12Rng,
    held: &BulkMeeting,
    municipality: &str,
    target_group: TargetGroup,
    now: jiff::Timestamp,
) -> BulkSurvey {
    let answer = rng.random_bool(0.6).then(|| {
        let fit = match held.channel {
            Channel::Phone => 0.90,
            Channel::Video => 0.79,
            Channel::InPerson => 0.93,
        };
        let remote = held.channel != Channel::InPerson;
        let personal = if remote && rng.random_bool(0.3) {
            "less"
        } else if rng.random_bool(0.1) {
            "more"
        } else {
            "same"
        };
        let at = held
            .start
            .checked_add(SignedDuration::from_hours(rng.random_range(2..48)))
            .unwrap_or(held.start)
            .min(now);
        let answers = SurveyAnswers {
            satisfaction: step(rng, 0.81),
            channel_fit: step(rng, fit),
            personal,
            helpful: step(rng, 0.7),
            more_remote: step(rng, 0.66),
            callback: rng.random_bool(0.04),
            comment: rng
                .random_bool(0.2)
                .then(|| COMMENTS[rng.random_range(0..COMMENTS.len())].to_owned()),
        };
        (at, answers)
    });
    BulkSurvey {
        meeting_id: held.id.clone(),
        citizen_id: held.citizen_id.clone(),
        municipality: municipality.to_owned(),
        channel: held.channel,
        target_group,
        staff_id: held.staff_id.clone(),
        booked_by_citizen: held.booked_by_citizen,
        held_at: held.start,
        answer,
    }
}
