use super::*;

fn index() -> AnswerIndex {
    let answers = [
        Answer {
            id: "book",
            question: "Hvordan booker jeg en samtale?",
            body: "Du kan booke en samtale under Mine møder. Vælg en tid, der passer dig.",
        },
        Answer {
            id: "bring",
            question: "Hvad skal jeg have med til samtalen?",
            body: "Tag dit sygesygesikringskort og dit CV med.",
        },
        Answer {
            id: "ill",
            question: "Hvad gør jeg, hvis jeg er syg?",
            body: "Meld dig syg til jobcentret, før samtalen begynder.",
        },
        Answer {
            id: "cv",
            question: "Skal jeg have et CV?",
            body: "Ja, læg det på Jobnet.",
        },
    ];
    AnswerIndex::build(answers).expect("index")
}

#[test]
fn a_danish_word_form_finds_the_answer() {
    let index = index();
    assert_eq!(index.search("bookede", 5).expect("search"), ["book"]);
    assert_eq!(
        index.search("Booking af samtaler", 5).expect("search")[0],
        "book"
    );
    assert_eq!(index.search("syge", 5).expect("search"), ["ill"]);
}

#[test]
fn the_question_counts_more_than_the_answer() {
    // "CV" is in the answer of "bring" and in the question of "cv".
    let found = index().search("cv", 5).expect("search");
    assert_eq!(found, ["cv", "bring"]);
}

#[test]
fn query_syntax_is_just_words() {
    let index = index();
    for words in ["syg:", "\"syg", "(syg", "syg^3", "question:syg"] {
        assert_eq!(
            index.search(words, 5).expect("no syntax error"),
            ["ill"],
            "{words}"
        );
    }
    // "-book" does not exclude: it is one more word.
    assert_eq!(index.search("syg -book", 5).expect("search").len(), 2);
    assert!(index.search("* ?", 5).expect("search").is_empty());
}

#[test]
fn nothing_matching_is_no_answer() {
    let index = index();
    assert!(index.search("pension", 5).expect("search").is_empty());
    assert!(
        index.search("og jeg at", 5).expect("search").is_empty(),
        "stop words only"
    );
    assert!(index.search("", 5).expect("search").is_empty());
}

#[test]
fn the_past_tense_is_also_searched_as_the_infinitive() {
    assert_eq!(
        past_tense_as_infinitive("Jeg bookede, ringede."),
        "Jeg booke, ringe."
    );
    assert_eq!(past_tense_as_infinitive("meldedes"), "melde");
    assert_eq!(
        past_tense_as_infinitive("bede hede"),
        "bede hede",
        "too short to be a past tense"
    );
    assert_eq!(stems(&past_tense_as_infinitive("bookede")), stems("booke"));
}

#[test]
fn stems_are_shared_by_word_forms() {
    assert_eq!(stems("booker"), stems("booke"));
    assert_eq!(stems("Samtaler"), stems("samtalerne"));
    assert!(stems("jeg og at").is_empty());
}
