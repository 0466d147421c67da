use crate::fonts::Face;
use crate::layout::{Slot, lay_out, wrap};
use crate::{Block, printable};

#[test]
fn lines_wrap_at_the_measured_width_and_long_words_break() {
    let size = 11.0;
    let width = Face::Regular.width("en to tre", size) + 0.5;
    assert_eq!(
        wrap("en to tre fire fem seks", Face::Regular, size, width),
        vec!["en to tre", "fire fem", "seks"]
    );
    // Wider letters take more room: "WWW" is wider than "iii".
    assert!(Face::Regular.width("WWW", size) > Face::Regular.width("iii", size) * 2.0);
    let narrow = Face::Regular.width("abcd", size) + 0.5;
    assert_eq!(
        wrap("abcdefghij", Face::Regular, size, narrow),
        vec!["abcd", "efgh", "ij"]
    );
}

#[test]
fn names_from_every_register_print_and_what_cannot_print_is_a_question_mark() {
    assert!(printable("Łukasz Nguyễn, Şahin, Søren Ærø, Олена Шевченко"));
    // A character outside the fonts (a CJK ideograph) is not printable, and is set as "?".
    assert!(!printable("王"));
    assert_eq!(wrap("Li 王", Face::Regular, 11.0, 400.0), vec!["Li ?"]);
}

#[test]
fn a_long_document_breaks_over_pages_and_a_heading_keeps_its_first_line() {
    let many: Vec<Block> = (0..120)
        .map(|i| Block::text(format!("Linje {i}")))
        .collect();
    let laid = lay_out(&many);
    assert_eq!(laid.pages.len(), 3, "120 lines of 11 pt need three pages");
    let mut blocks: Vec<Block> = (0..43).map(|i| Block::text(format!("Linje {i}"))).collect();
    blocks.push(Block::subheading("Afsnit"));
    blocks.push(Block::text("Første linje i afsnittet"));
    let laid = lay_out(&blocks);
    let page_of = |slot| {
        laid.pages
            .iter()
            .position(|p| p.iter().any(|l| l.slot == slot))
            .expect("placed")
    };
    assert_eq!(page_of(Slot::Block(43)), page_of(Slot::Block(44)));
}

#[test]
fn an_empty_table_cell_still_holds_its_column() {
    let laid = lay_out(&[Block::table(
        &[100.0, 100.0],
        vec!["Kanal".into(), "Antal".into()],
        vec![vec!["Telefon".into(), String::new()]],
    )]);
    let cell = laid.pages[0]
        .iter()
        .find(|l| {
            l.slot
                == (Slot::Cell {
                    block: 0,
                    row: 1,
                    col: 1,
                })
        })
        .expect("the empty cell is drawn");
    assert_eq!(cell.text, "–");
}

#[test]
fn the_address_sits_in_the_envelope_window_and_the_letter_goes_on_below_it() {
    let laid = lay_out(&[
        Block::right("Jobcenter Aalborg\nTelefon 70 10 08 51"),
        Block::Window(vec![
            "Łukasz Nguyễn".into(),
            "Vejen 3".into(),
            "9000 Aalborg".into(),
        ]),
        Block::heading("Indkaldelse"),
    ]);
    let mm = 72.0 / 25.4;
    let window: Vec<f32> = laid.pages[0]
        .iter()
        .filter(|l| l.slot == Slot::Block(1))
        .map(|l| l.y / mm)
        .collect();
    assert_eq!(window.len(), 3);
    // Every baseline inside the window (45–90 mm from the top of the page).
    assert!(
        window.iter().all(|y| (45.0..90.0).contains(y)),
        "{window:?}"
    );
    let heading = laid.pages[0]
        .iter()
        .find(|l| l.slot == Slot::Block(2))
        .expect("heading");
    assert!(heading.y / mm > 100.0, "{}", heading.y / mm);
}
