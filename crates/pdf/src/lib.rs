//! A small PDF writer: A4 pages with lines of text in Helvetica and Helvetica-Bold, wrapped to
//! the page and broken over as many pages as needed.
//!
//! Why our own: letters need only text, and the PDF base fonts with WinAnsiEncoding cover
//! Danish (æ, ø, å) without embedding a font, so a few hundred lines replace a large dependency.
//! Text outside WinAnsi is written as `?`. Every PDF has a correct cross-reference table, which
//! the tests check with poppler's `pdftotext`.

mod encode;

use std::fmt::Write;

pub use encode::{printable, win_ansi};

/// One paragraph: its text, whether bold, and its size in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub text: String,
    pub bold: bool,
    pub size: f32,
    /// Right-aligned (a sender's address).
    pub right: bool,
    /// A table row instead of text: each cell at its column's left edge (points from the
    /// margin), cut to fit its column.
    pub cells: Vec<(f32, String)>,
}

impl Block {
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: false,
            size: 11.0,
            right: false,
            cells: Vec::new(),
        }
    }

    /// A table row: `columns` are the columns' widths in points, `cells` their texts.
    pub fn row(columns: &[f32], cells: &[String], bold: bool) -> Self {
        let mut x = 0.0;
        let mut out = Vec::new();
        for (width, text) in columns.iter().zip(cells) {
            let fits = (width / (9.0 * 0.52)).max(1.0) as usize;
            out.push((x, text.chars().take(fits).collect()));
            x += width;
        }
        Self {
            text: String::new(),
            bold,
            size: 9.0,
            right: false,
            cells: out,
        }
    }

    pub fn heading(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: true,
            size: 14.0,
            right: false,
            cells: Vec::new(),
        }
    }

    pub fn right(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: false,
            size: 10.0,
            right: true,
            cells: Vec::new(),
        }
    }

    /// An empty line.
    pub fn gap() -> Self {
        Self::text("")
    }
}

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 64.0;

/// Helvetica's average advance is about half the font size; wrapping at that width keeps every
/// line inside the margins for ordinary Danish text.
fn max_chars(size: f32) -> usize {
    let usable = PAGE_W - 2.0 * MARGIN;
    // Truncation is intended: a whole number of characters per line.
    (usable / (size * 0.52)).max(10.0) as usize
}

/// Greedy word wrap; a word longer than a line is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let mut word = word.to_owned();
            while word.chars().count() > width {
                let head: String = word.chars().take(width).collect();
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                lines.push(head);
                word = word.chars().skip(width).collect();
            }
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        lines.push(line);
    }
    lines
}

/// Lays the blocks out on A4 pages and returns the PDF file.
pub fn document(title: &str, blocks: &[Block]) -> Vec<u8> {
    // Page content streams.
    let mut pages: Vec<String> = vec![String::new()];
    let mut y = PAGE_H - MARGIN;
    for b in blocks {
        let leading = b.size * 1.35;
        let font = if b.bold { "F2" } else { "F1" };
        if !b.cells.is_empty() {
            if y - leading < MARGIN {
                pages.push(String::new());
                y = PAGE_H - MARGIN;
            }
            y -= leading;
            if let Some(page) = pages.last_mut() {
                for (x, cell) in &b.cells {
                    let _ = writeln!(
                        page,
                        "BT /{font} {} Tf {:.1} {y:.1} Td ({}) Tj ET",
                        b.size,
                        MARGIN + x,
                        escape(&win_ansi(cell))
                    );
                }
            }
            continue;
        }
        for line in wrap(&b.text, max_chars(b.size)) {
            if y - leading < MARGIN {
                pages.push(String::new());
                y = PAGE_H - MARGIN;
            }
            y -= leading;
            let x = if b.right {
                PAGE_W - MARGIN - line.chars().count() as f32 * b.size * 0.5
            } else {
                MARGIN
            };
            if let Some(page) = pages.last_mut() {
                let _ = writeln!(
                    page,
                    "BT /{font} {} Tf {x:.1} {y:.1} Td ({}) Tj ET",
                    b.size,
                    escape(&win_ansi(&line))
                );
            }
        }
    }
    assemble(title, &pages)
}

/// PDF string escaping for bytes already in WinAnsi.
fn escape(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => {
                let _ = write!(out, "\\{b:03o}");
            }
        }
    }
    out
}

/// Objects: 1 catalog, 2 page tree, 3–4 fonts, 5 info, then a page and its content per page.
fn assemble(title: &str, pages: &[String]) -> Vec<u8> {
    let mut objects: Vec<String> = Vec::new();
    let page_ids: Vec<usize> = (0..pages.len()).map(|i| 6 + 2 * i).collect();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = page_ids.iter().map(|id| format!("{id} 0 R")).collect();
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    ));
    objects.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    );
    objects.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .into(),
    );
    objects.push(format!(
        "<< /Title ({}) /Producer (Jobunivers) >>",
        escape(&win_ansi(title))
    ));
    for (i, content) in pages.iter().enumerate() {
        let content_id = page_ids[i] + 1;
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {content_id} 0 R >>"
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xe6\xf8\xe5\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        let _ = writeln!(table, "{o:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_inside_the_margins_and_breaks_over_pages() {
        let lines = wrap("en to tre fire fem seks syv", 9);
        assert_eq!(lines, vec!["en to tre", "fire fem", "seks syv"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        let many: Vec<Block> = (0..120)
            .map(|i| Block::text(format!("Linje {i}")))
            .collect();
        let pdf = String::from_utf8_lossy(&document("Test", &many)).into_owned();
        assert!(
            pdf.contains("/Count 3"),
            "120 lines of 11 pt need three pages"
        );
    }

    #[test]
    fn the_cross_reference_table_points_at_each_object() {
        let pdf = document(
            "Brev",
            &[
                Block::heading("Kære Søren"),
                Block::text("Hej (med parenteser) og \\"),
            ],
        );
        // Offsets count bytes; the header's binary marker is not UTF-8, so read it as Latin-1.
        let text: String = pdf.iter().map(|&b| char::from(b)).collect();
        let start: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|s| s.lines().next())
            .and_then(|s| s.parse().ok())
            .expect("startxref");
        assert!(pdf[start..].starts_with(b"xref"));
        let table = String::from_utf8_lossy(&pdf[start..]).into_owned();
        for (i, line) in table.lines().skip(3).take(5).enumerate() {
            let offset: usize = line[..10].parse().expect("offset");
            assert!(
                pdf[offset..].starts_with(format!("{} 0 obj", i + 1).as_bytes()),
                "object {}",
                i + 1
            );
        }
        assert!(text.contains("(Hej \\(med parenteser\\) og \\\\)"));
        // "Kære Søren" in WinAnsi: æ is \346, ø is \370.
        assert!(text.contains("(K\\346re S\\370ren)"));
    }
}
