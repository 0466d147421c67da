//! Jobunivers' letters and reports as accessible PDFs: A4 pages of headings, paragraphs and
//! tables, written by `krilla` as PDF/UA-1.
//!
//! Why a library and not our own writer any more: letters are the only channel for citizens
//! without digital access, and the committee report is a public document, so both must read
//! aloud in order, in the right language, with every name printed (issue 19). PDF/UA needs a
//! structure tree, embedded and subset fonts with text mappings, the language, the title and
//! an outline; krilla writes all of it and refuses to write a file that breaks the standard.
//!
//! How it fits together: [`Block`]s are laid out on pages (`layout`), each drawn line is tagged
//! as a span and hung under its block's structure element (`render`): a heading under `H1`/`H2`,
//! a paragraph under `P`, a table as `Table` → `THead`/`TBody` → `TR` → `TH`/`TD`.

mod fonts;
mod layout;
mod render;

pub use fonts::covers as printable;

/// One piece of a document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading: level 1 is the document's title, level 2 a section.
    Heading { level: u8, text: String },
    /// A paragraph; a line break in `text` starts a new line within it.
    Paragraph { text: String, style: Style },
    /// A table with a header row; the first cell of each body row names the row.
    Table(Table),
    /// The recipient's name and address, placed on the first page where a window envelope
    /// shows them (`layout::WINDOW_TOP`); what follows starts below the window.
    Window(Vec<String>),
    /// Vertical space between blocks.
    Gap,
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Body,
    /// Bold, for what the reader must not miss.
    Strong,
    /// Right-aligned and smaller: a sender's name and address, the date.
    Sender,
}

/// A table: each column's width in points, the header row and the body rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub widths: Vec<f32>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Block {
    pub fn text(text: impl Into<String>) -> Self {
        Self::Paragraph {
            text: text.into(),
            style: Style::Body,
        }
    }

    pub fn strong(text: impl Into<String>) -> Self {
        Self::Paragraph {
            text: text.into(),
            style: Style::Strong,
        }
    }

    pub fn right(text: impl Into<String>) -> Self {
        Self::Paragraph {
            text: text.into(),
            style: Style::Sender,
        }
    }

    /// The document's title (level 1).
    pub fn heading(text: impl Into<String>) -> Self {
        Self::Heading {
            level: 1,
            text: text.into(),
        }
    }

    /// A section's heading (level 2).
    pub fn subheading(text: impl Into<String>) -> Self {
        Self::Heading {
            level: 2,
            text: text.into(),
        }
    }

    pub fn table(widths: &[f32], header: Vec<String>, rows: Vec<Vec<String>>) -> Self {
        Self::Table(Table {
            widths: widths.to_vec(),
            header,
            rows,
        })
    }

    /// An empty line.
    pub fn gap() -> Self {
        Self::Gap
    }
}

/// A document to write: its title (shown by readers instead of the file name), its language
/// as a BCP 47 tag ("da", "en", "uk") and its blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Document<'a> {
    pub title: &'a str,
    pub lang: &'a str,
    pub blocks: &'a [Block],
}

/// Writing a PDF failed: a defect in what we asked krilla for (the standard's checks are
/// krilla's), never the reader's input — characters the fonts lack are printed as `?`.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font could not be read")]
    Font,
    #[error("krilla refused the document: {0}")]
    Krilla(String),
}

impl Document<'_> {
    /// The PDF file.
    pub fn write(&self) -> Result<Vec<u8>, PdfError> {
        let laid = layout::lay_out(self.blocks);
        render::render(self, &laid)
    }
}

#[cfg(test)]
mod tests;
