//! The PDFs read back with Debian's poppler tools as a screen reader and a printer would:
//! tagged, every font embedded and subset, the language and title set, the text in reading
//! order under its structure (headings, paragraphs, a table with header cells), and every
//! name printed. `scripts/test` installs `poppler-utils`.

use std::process::Command;

use pdf::{Block, Document};

/// The written PDF in a file of its own, removed when the test is done.
struct Written(std::path::PathBuf);

impl std::ops::Deref for Written {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Written {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn written(title: &str, lang: &str, blocks: &[Block]) -> Written {
    let bytes = Document {
        title,
        lang,
        blocks,
    }
    .write()
    .expect("pdf");
    let file = std::env::temp_dir().join(format!("ju-pdf-{}-{title}.pdf", std::process::id()));
    std::fs::write(&file, bytes).expect("write");
    Written(file)
}

fn tool(name: &str, args: &[&str], file: &std::path::Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(file)
        // pdftotext writes to a file unless told "-" (standard output).
        .args((name == "pdftotext").then_some("-"))
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn letter() -> Vec<Block> {
    vec![
        Block::right("Jobcenter Aalborg\nVesterbro 14, 9000 Aalborg"),
        Block::text("Łukasz Nguyễn\nŞahin Allé 3, 2. tv.\n9000 Aalborg"),
        Block::heading("Indkaldelse til samtale"),
        Block::text("Kære Łukasz Nguyễn"),
        Block::text("Du skal komme til en samtale tirsdag den 8. december kl. 9.30."),
        Block::subheading("Hvis du ikke kan komme"),
        Block::text("Ring til os på 70 10 08 51 mandag–fredag 9–15."),
        Block::table(
            &[150.0, 80.0],
            vec!["Kontaktform".into(), "Samtaler".into()],
            vec![
                vec!["Fremmøde".into(), "12".into()],
                vec!["Telefon".into(), "7".into()],
            ],
        ),
    ]
}

#[test]
fn a_letter_is_tagged_pdf_ua_with_its_language_and_title() {
    let file = written("Indkaldelse", "da", &letter());
    let info = tool("pdfinfo", &[], &file);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Title:           Indkaldelse"), "{info}");
    let meta = tool("pdfinfo", &["-meta"], &file);
    assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "{meta}");
    // The document language (dc:language in XMP; /Lang in the catalog).
    assert!(meta.contains("<rdf:li>da</rdf:li>"), "{meta}");
}

#[test]
fn every_font_is_embedded_and_subset_and_every_name_reads_back() {
    let file = written("Navne", "da", &letter());
    let fonts = tool("pdffonts", &[], &file);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "regular and bold: {fonts}");
    for row in rows {
        // Columns: name, type, encoding, emb, sub, uni, object.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
    }
    let text = tool("pdftotext", &["-layout"], &file);
    assert!(text.contains("Łukasz Nguyễn"), "{text}");
    assert!(text.contains("Şahin Allé"), "{text}");
    assert!(text.contains("mandag–fredag 9–15"), "{text}");
}

#[test]
fn the_structure_reads_in_order_with_headings_paragraphs_and_a_table() {
    let file = written("Struktur", "da", &letter());
    let tree = tool("pdfinfo", &["-struct-text"], &file);
    let order = [
        "H1",
        "Indkaldelse til samtale",
        "P",
        "Kære Łukasz Nguyễn",
        "H2",
        "Hvis du ikke kan komme",
        "Table",
        "THead",
        "TH",
        "Kontaktform",
        "TBody",
        "TR",
        "TH",
        "Fremmøde",
        "TD",
        "12",
    ];
    let mut at = 0;
    for want in order {
        let found = tree[at..]
            .find(want)
            .unwrap_or_else(|| panic!("{want:?} after byte {at} in:\n{tree}"));
        at += found + want.len();
    }
}

#[test]
fn ukrainian_is_set_in_its_own_script() {
    let file = written(
        "Лист",
        "uk",
        &[
            Block::heading("Запрошення на розмову"),
            Block::text("Шановна Олено Шевченко"),
        ],
    );
    let text = tool("pdftotext", &[], &file);
    assert!(text.contains("Шановна Олено Шевченко"), "{text}");
    let meta = tool("pdfinfo", &["-meta"], &file);
    assert!(meta.contains("<rdf:li>uk</rdf:li>"), "{meta}");
}
