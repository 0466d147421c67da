//! The laid-out lines drawn with krilla, each as a tagged span, and the structure tree, outline
//! and metadata PDF/UA-1 asks for.

use std::collections::HashMap;
use std::num::NonZeroU16;

use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::tagging::{
    ContentTag, Identifier, Node, SpanTag, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::TextDirection;
use krilla::{Document as Pdf, SerializeSettings};

use crate::layout::{Laid, Line, MARGIN, PAGE_H, PAGE_W, Slot};
use crate::{Block, Document, PdfError};

pub fn render(doc: &Document, laid: &Laid) -> Result<Vec<u8>, PdfError> {
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| PdfError::Krilla(format!("{e:?}")))?;
    let mut pdf = Pdf::new_with(SerializeSettings {
        configuration,
        compress_content_streams: true,
        ..SerializeSettings::default()
    });
    let size = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(PdfError::Font)?;
    let mut spans: HashMap<Slot, Vec<Identifier>> = HashMap::new();
    for lines in &laid.pages {
        let mut page = pdf.start_page_with(size.clone());
        let mut surface = page.surface();
        for line in lines {
            let id = draw(&mut surface, line)?;
            spans.entry(line.slot).or_default().push(id);
        }
        surface.finish();
        page.finish();
    }

    let mut tree = TagTree::new().with_lang(Some(doc.lang.to_owned()));
    for (i, block) in doc.blocks.iter().enumerate() {
        if let Some(group) = structure(i, block, &mut spans) {
            tree.push(group);
        }
    }
    pdf.set_tag_tree(tree);
    pdf.set_outline(outline(doc.blocks, laid));
    pdf.set_metadata(
        Metadata::new()
            .title(doc.title.to_owned())
            .language(doc.lang.to_owned())
            .creator("Jobunivers".to_owned()),
    );
    pdf.finish().map_err(|e| PdfError::Krilla(format!("{e:?}")))
}

/// One line as a span: the reader's text is exactly the line's characters.
fn draw(surface: &mut Surface, line: &Line) -> Result<Identifier, PdfError> {
    let font = line.face.font().ok_or(PdfError::Font)?;
    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
    surface.draw_text(
        Point::from_xy(line.x, line.y),
        font,
        line.size,
        &line.text,
        false,
        TextDirection::Auto,
    );
    surface.end_tagged();
    Ok(id)
}

/// The block's structure element with its lines under it; `None` for a gap.
fn structure(
    i: usize,
    block: &Block,
    spans: &mut HashMap<Slot, Vec<Identifier>>,
) -> Option<TagGroup> {
    let mut take = |slot| -> Vec<Node> {
        spans
            .remove(&slot)
            .unwrap_or_default()
            .into_iter()
            .map(Node::from)
            .collect()
    };
    let tag: TagKind = match block {
        Block::Gap => return None,
        Block::Heading { level, text } => {
            let level = NonZeroU16::new(u16::from(*level).max(1))?;
            Tag::Hn(level, Some(text.clone())).into()
        }
        Block::Paragraph { .. } | Block::Window(_) => Tag::P.into(),
        Block::Table(table) => {
            let cell =
                |row: usize, col: usize, tag: TagKind, take: &mut dyn FnMut(Slot) -> Vec<Node>| {
                    TagGroup::with_children(tag, take(Slot::Cell { block: i, row, col }))
                };
            let columns = table.widths.len();
            let mut head = TagGroup::new(Tag::TR);
            for col in 0..columns {
                head.push(cell(
                    0,
                    col,
                    Tag::TH(TableHeaderScope::Column).into(),
                    &mut take,
                ));
            }
            let mut body = TagGroup::new(Tag::TBody);
            for row in 1..=table.rows.len() {
                let mut tr = TagGroup::new(Tag::TR);
                for col in 0..columns {
                    // The first cell names the row (a channel, a month): a row header.
                    let tag = if col == 0 {
                        Tag::TH(TableHeaderScope::Row).into()
                    } else {
                        Tag::TD.into()
                    };
                    tr.push(cell(row, col, tag, &mut take));
                }
                body.push(tr);
            }
            let head = TagGroup::with_children(Tag::THead, vec![head.into()]);
            return Some(TagGroup::with_children(
                Tag::Table,
                vec![head.into(), body.into()],
            ));
        }
    };
    Some(TagGroup::with_children(tag, take(Slot::Block(i))))
}

/// The outline (bookmarks) PDF/UA asks for: the title, with the sections under it.
fn outline(blocks: &[Block], laid: &Laid) -> Outline {
    let mut outline = Outline::new();
    let mut current: Option<OutlineNode> = None;
    for &(i, page, top) in &laid.headings {
        let Some(Block::Heading { level, text }) = blocks.get(i) else {
            continue;
        };
        let node = OutlineNode::new(
            text.clone(),
            XyzDestination::new(page, Point::from_xy(MARGIN, top)),
        );
        match (level, current.as_mut()) {
            (2.., Some(parent)) => parent.push_child(node),
            _ => {
                if let Some(done) = current.replace(node) {
                    outline.push_child(done);
                }
            }
        }
    }
    if let Some(done) = current {
        outline.push_child(done);
    }
    outline
}
