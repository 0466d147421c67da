//! The two faces every PDF is set in, DejaVu Sans and DejaVu Sans Bold (`fonts/LICENSE`).
//!
//! Why DejaVu: it covers Latin with every diacritic a Danish register holds (Łukasz, Şahin,
//! Nguyễn), Cyrillic (letters in Ukrainian) and Greek, under a licence that lets us ship and
//! embed it; krilla embeds only the glyphs a document uses, so a letter stays small.

use std::sync::LazyLock;

use krilla::text::Font;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

impl Face {
    fn bytes(self) -> &'static [u8] {
        match self {
            Self::Regular => REGULAR,
            Self::Bold => BOLD,
        }
    }

    /// The face for krilla, parsed once per process.
    pub fn font(self) -> Option<Font> {
        static FONTS: LazyLock<Option<(Font, Font)>> =
            LazyLock::new(|| Some((Font::new(REGULAR.into(), 0)?, Font::new(BOLD.into(), 0)?)));
        FONTS.as_ref().map(|(regular, bold)| match self {
            Self::Regular => regular.clone(),
            Self::Bold => bold.clone(),
        })
    }

    /// How wide `text` is set at `size` points (advance widths; DejaVu's kerning is small
    /// enough that wrapping by advances keeps lines inside the margins).
    pub fn width(self, text: &str, size: f32) -> f32 {
        let Ok(font) = FontRef::new(self.bytes()) else {
            return 0.0;
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .filter_map(|c| charmap.map(c))
            .filter_map(|g| metrics.advance_width(g))
            .sum()
    }
}

/// Whether the fonts have a glyph for every character of `text` (both faces cover the same
/// characters); line breaks are the layout's own.
pub fn covers(text: &str) -> bool {
    let Ok(font) = FontRef::new(REGULAR) else {
        return false;
    };
    text.chars().all(|c| has_glyph(&font, c))
}

/// `text` with every character the fonts lack replaced by `?`, so a PDF never shows an empty
/// box where a letter should be (and PDF/UA's rule that every glyph maps to text holds).
pub fn printable_text(text: &str) -> String {
    let Ok(font) = FontRef::new(REGULAR) else {
        return text.to_owned();
    };
    text.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if has_glyph(&font, c) => c,
            _ => '?',
        })
        .collect()
}

fn has_glyph(font: &FontRef, c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t') || font.charmap().map(c).is_some_and(|g| g.to_u32() != 0)
}
