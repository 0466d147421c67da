//! Blocks onto A4 pages: every line of text placed, and tied to the block (or table cell) it
//! belongs to, so `render` can hang it in the structure tree in reading order.

use crate::fonts::{Face, printable_text};
use crate::{Block, Style, Table};

pub const PAGE_W: f32 = 595.0;
pub const PAGE_H: f32 = 842.0;
pub const MARGIN: f32 = 64.0;
const USABLE: f32 = PAGE_W - 2.0 * MARGIN;
/// The envelope's window, from the top of the page: DIN 5008 form B puts the address field
/// 45–90 mm down and 20–105 mm in (the common C5/C65 window envelope); the address is set from
/// 50 mm so five lines stay inside it, at the page margin (22.6 mm).
pub const WINDOW_TOP: f32 = 50.0 * MM;
/// Where the letter goes on below the window.
const WINDOW_BOTTOM: f32 = 100.0 * MM;
const MM: f32 = 72.0 / 25.4;
/// Room between a table's columns.
const CELL_PAD: f32 = 4.0;

/// Where a line belongs in the structure: a block, or a cell of a table block (row 0 is the
/// header row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    Block(usize),
    Cell {
        block: usize,
        row: usize,
        col: usize,
    },
}

/// One line of text at its place: `y` is the baseline, from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub x: f32,
    pub y: f32,
    pub face: Face,
    pub size: f32,
    pub text: String,
    pub slot: Slot,
}

/// The laid-out document: its pages' lines, and where each heading starts (for the outline).
#[derive(Debug, Default)]
pub struct Laid {
    pub pages: Vec<Vec<Line>>,
    /// (block index, page, top of the heading)
    pub headings: Vec<(usize, usize, f32)>,
}

struct Cursor {
    laid: Laid,
    y: f32,
}

impl Cursor {
    /// Moves down by `height`, starting a new page first when it would not fit.
    fn advance(&mut self, height: f32) -> (usize, f32) {
        if self.y + height > PAGE_H - MARGIN && self.y > MARGIN {
            self.laid.pages.push(Vec::new());
            self.y = MARGIN;
        }
        let top = self.y;
        self.y += height;
        (self.laid.pages.len() - 1, top)
    }

    fn put(&mut self, page: usize, line: Line) {
        if let Some(p) = self.laid.pages.get_mut(page) {
            p.push(line);
        }
    }
}

fn leading(size: f32) -> f32 {
    size * 1.4
}

pub fn lay_out(blocks: &[Block]) -> Laid {
    let mut c = Cursor {
        laid: Laid {
            pages: vec![Vec::new()],
            headings: Vec::new(),
        },
        y: MARGIN,
    };
    for (i, block) in blocks.iter().enumerate() {
        let slot = Slot::Block(i);
        match block {
            Block::Gap => c.y += leading(11.0) * 0.7,
            Block::Heading { level, text } => {
                let size = if *level <= 1 { 16.0 } else { 13.0 };
                // Air above a heading sets it apart from what came before (not at a page top).
                if c.y > MARGIN {
                    c.y += size * 0.5;
                }
                let mut lines = wrap(text, Face::Bold, size, USABLE);
                lines.retain(|l| !l.trim().is_empty());
                // A heading is kept with the line after it.
                let (page, top) = c.advance(leading(size) * (lines.len() as f32 + 1.0));
                c.y = top;
                c.laid.headings.push((i, page, top));
                for text in lines {
                    let (page, top) = c.advance(leading(size));
                    c.put(page, line(MARGIN, top, size, Face::Bold, text, slot));
                }
                c.y += size * 0.4;
            }
            Block::Paragraph { text, style } => {
                let (face, size) = match style {
                    Style::Body => (Face::Regular, 11.0),
                    Style::Strong => (Face::Bold, 11.0),
                    Style::Sender => (Face::Regular, 10.0),
                };
                for text in wrap(text, face, size, USABLE) {
                    let (page, top) = c.advance(leading(size));
                    // A blank line is space, with nothing to tag.
                    if text.trim().is_empty() {
                        continue;
                    }
                    let x = match style {
                        Style::Sender => PAGE_W - MARGIN - face.width(&text, size),
                        _ => MARGIN,
                    };
                    c.put(page, line(x, top, size, face, text, slot));
                }
            }
            Block::Table(table) => lay_out_table(&mut c, i, table),
            Block::Window(lines) => {
                let size = 11.0;
                let first_page = c.laid.pages.len() == 1;
                if first_page {
                    c.y = c.y.max(WINDOW_TOP);
                }
                for text in lines
                    .iter()
                    .flat_map(|l| wrap(l, Face::Regular, size, USABLE))
                {
                    let (page, top) = c.advance(leading(size));
                    c.put(page, line(MARGIN, top, size, Face::Regular, text, slot));
                }
                if first_page {
                    c.y = c.y.max(WINDOW_BOTTOM);
                }
            }
        }
    }
    c.laid
}

fn lay_out_table(c: &mut Cursor, block: usize, table: &Table) {
    let size = 9.0;
    let rows = std::iter::once(&table.header).chain(&table.rows);
    for (row, cells) in rows.enumerate() {
        let face = if row == 0 { Face::Bold } else { Face::Regular };
        // Every cell wrapped in its column; the row is as tall as its tallest cell.
        let wrapped: Vec<Vec<String>> = table
            .widths
            .iter()
            .enumerate()
            .map(|(col, w)| {
                // A cell must hold text, or the structure would lose the column: "–" for none.
                let text = cells.get(col).map_or("", String::as_str);
                let text = if text.trim().is_empty() { "–" } else { text };
                let mut lines = wrap(text, face, size, w - CELL_PAD);
                lines.retain(|l| !l.trim().is_empty());
                lines
            })
            .collect();
        let tallest = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let (page, top) = c.advance(leading(size) * tallest as f32 + 2.0);
        let mut x = MARGIN;
        for (col, (lines, w)) in wrapped.into_iter().zip(&table.widths).enumerate() {
            for (n, text) in lines.into_iter().enumerate() {
                let slot = Slot::Cell { block, row, col };
                let y = top + leading(size) * n as f32;
                c.put(page, line(x, y, size, face, text, slot));
            }
            x += w;
        }
    }
}

fn line(x: f32, top: f32, size: f32, face: Face, text: String, slot: Slot) -> Line {
    Line {
        x,
        // The baseline sits about four fifths of the font size below the line's top.
        y: top + size * 1.05,
        face,
        size,
        text,
        slot,
    }
}

/// Greedy word wrap by measured width; a word longer than a line is broken where it must be.
/// Characters the fonts lack become `?` here, once.
pub fn wrap(text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
    let fits = |s: &str| face.width(s, size) <= width;
    let mut lines = Vec::new();
    for paragraph in printable_text(text).split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let mut word = word.to_owned();
            while !fits(&word) {
                let mut head = String::new();
                for ch in word.chars() {
                    head.push(ch);
                    if !fits(&head) {
                        head.pop();
                        break;
                    }
                }
                if head.is_empty() {
                    // Not even one character fits: take it anyway rather than loop.
                    head = word.chars().take(1).collect();
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                word = word[head.len()..].to_owned();
                lines.push(head);
            }
            let candidate = if line.is_empty() {
                word.clone()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, word));
            }
        }
        lines.push(line);
    }
    lines
}
