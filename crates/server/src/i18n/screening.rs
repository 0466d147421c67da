//! Texts of the screening questionnaire, the recommendation and the visitation. Towards
//! citizens no staff words ("visitation", "indsats", "målgruppe"): the questions are "spørgsmål
//! om din situation" and the track is described by what it means for them.

use domain::Track;

use super::Lang;

/// The track as the citizen reads it.
pub fn track_for_citizen(lang: Lang, t: Track) -> &'static str {
    match t {
        Track::SelfService => lang.text("track-citizen-self-service"),
        Track::Standard => lang.text("track-citizen-standard"),
        Track::Intensive => lang.text("track-citizen-intensive"),
    }
}
