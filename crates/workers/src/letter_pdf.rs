//! A letter as a PDF: what the jobcentre prints from "Breve" and what goes to the citizen's
//! Digital Post as its main document — one layout, so both say the same.

use catalogue::Lang;
use catalogue::dates::long_date;
use domain::clock_text::local_date;
use store::Letter;

/// The letter as the citizen gets it, dated and tagged in the language it is written in: the
/// sender's lines at the top right, the name and address in the envelope's window, the date
/// and the reference, the subject as its heading, then the body.
pub fn letter_pdf(l: &Letter, sender: &[String]) -> Result<Vec<u8>, pdf::PdfError> {
    use pdf::Block;
    let lang = Lang::from_code(&l.language).unwrap_or_default();
    let mut window = vec![l.recipient.clone()];
    window.extend(l.address.iter().flatten().cloned());
    let mut blocks = vec![
        Block::right(sender.join("\n")),
        Block::Window(window),
        Block::right(long_date(lang, local_date(l.created_at))),
        Block::right(lang.fmt(
            "notice-letter-reference",
            &[("reference", (&l.id.reference()).into())],
        )),
        Block::gap(),
        Block::heading(l.subject.clone()),
        Block::gap(),
    ];
    // Each paragraph of the body is a paragraph of the document (a blank line between them).
    blocks.extend(
        l.body
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .flat_map(|p| [Block::text(p.trim().to_owned()), Block::gap()]),
    );
    pdf::Document {
        title: &l.subject,
        lang: lang.code(),
        blocks: &blocks,
    }
    .write()
}
