//! What the free-text answers are about, counted for the committee report: each comment is
//! matched against a few plain themes by their words (lower-cased, Danish). Only counts leave
//! the system, never a comment, and a theme named by fewer than five is not shown.

/// (theme as the committee reads it, words that name it).
pub const THEMES: &[(&str, &[&str])] = &[
    (
        "Sparet transport og tid",
        &["transport", "bus", "køre", "tog", "rejse", "tid"],
    ),
    (
        "Savnede det personlige møde",
        &["savne", "personlig", "upersonlig", "møde op", "ansigt"],
    ),
    (
        "Teknik, lyd og forbindelse",
        &["høre", "lyd", "forbindelse", "teknik", "kamera", "netværk"],
    ),
    ("Godt at kunne være hjemme", &["hjemme", "hjemmefra"]),
    (
        "Jobkonsulentens tid og hjælp",
        &["god tid", "hjælp", "lyttede", "forstod"],
    ),
];

/// The themes a comment touches (each at most once).
pub fn themes_of(comment: &str) -> Vec<&'static str> {
    let text = comment.to_lowercase();
    THEMES
        .iter()
        .filter(|(_, words)| words.iter().any(|w| text.contains(w)))
        .map(|(theme, _)| *theme)
        .collect()
}

/// Every theme with how many comments touch it, in the order above.
pub fn count_themes<'a>(comments: impl IntoIterator<Item = &'a str>) -> Vec<(&'static str, u64)> {
    let mut counts: Vec<(&'static str, u64)> = THEMES.iter().map(|(t, _)| (*t, 0)).collect();
    for c in comments {
        for theme in themes_of(c) {
            if let Some(entry) = counts.iter_mut().find(|(t, _)| *t == theme) {
                entry.1 += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_counted_by_theme_once_each() {
        let counts = count_themes([
            "Rart at slippe for transporten og bussen.",
            "Jeg savnede at møde min jobkonsulent.",
            "Det var svært at høre ordentligt.",
            "Godt at samtalen kunne holdes hjemmefra.",
        ]);
        let n = |t: &str| counts.iter().find(|(x, _)| *x == t).map(|(_, n)| *n);
        assert_eq!(
            n("Sparet transport og tid"),
            Some(1),
            "two words, one comment"
        );
        assert_eq!(n("Savnede det personlige møde"), Some(1));
        assert_eq!(n("Teknik, lyd og forbindelse"), Some(1));
        assert_eq!(n("Godt at kunne være hjemme"), Some(1));
        assert_eq!(themes_of("Alt var fint"), Vec::<&str>::new());
    }
}
