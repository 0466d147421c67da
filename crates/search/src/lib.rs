//! Self-help search (issue 21, item 5): the short answers an organisation keeps (rights and
//! duties, booking, what to bring, the contact schedule, where to get help), searched with
//! Danish word forms: "bookede" finds "booke", "samtaler" finds "samtalen".
//!
//! An [`AnswerIndex`] is built in memory from all of one organisation's answers and replaced
//! whole when they change (the server keeps one per organisation,
//! `server::use_cases::help_search`): a few thousand short texts index in milliseconds, so
//! there is no index on disk to keep in step with the database, on either backend or across
//! instances.
//!
//! The citizen's words are never read as query syntax (`:`, `"`, `AND`, `-` mean nothing): they
//! are split and stemmed by the same analyser as the answers and any of them may match, the
//! question's words counting double.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};
use tantivy::{Index, IndexReader, TantivyDocument, Term};

/// The analyser's name in the index.
const DANISH: &str = "da";

/// A word in the question weighs this much more than one in the answer.
const QUESTION_BOOST: f32 = 2.0;

/// What the index could not do; a bug or out of memory, never the citizen's words.
#[derive(Debug, thiserror::Error)]
#[error("self-help search: {0}")]
pub struct SearchError(#[from] tantivy::TantivyError);

/// One answer to index.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    pub id: &'a str,
    pub question: &'a str,
    pub body: &'a str,
}

/// One organisation's answers, searchable.
pub struct AnswerIndex {
    reader: IndexReader,
    analyser: TextAnalyzer,
    id: Field,
    question: Field,
    body: Field,
}

impl std::fmt::Debug for AnswerIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnswerIndex")
            .field("answers", &self.reader.searcher().num_docs())
            .finish()
    }
}

/// Danish as the index reads it: words split at anything not a letter or digit, cut at 40
/// characters, lower-cased, common words ("og", "jeg", "at") dropped, and stemmed with
/// Snowball's Danish stemmer.
pub fn danish() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser);
    match StopWordFilter::new(Language::Danish) {
        Some(stop) => builder
            .filter(stop)
            .filter(Stemmer::new(Language::Danish))
            .build(),
        None => builder.filter(Stemmer::new(Language::Danish)).build(),
    }
}

/// The stems of `text` as the index keeps them ("Hvordan bookede jeg?" → `["hvordan", "book"]`).
pub fn stems(text: &str) -> Vec<String> {
    let mut analyser = danish();
    let mut stream = analyser.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// `words` with every past tense of a weak verb ("bookede", "ringede", "meldedes") as its
/// infinitive ("booke", "ringe", "melde"). Snowball's Danish stemmer takes only the last "e" off
/// these ("bookede" → "booked", "booke" → "book"), so a citizen writing what they did would not
/// find an answer about doing it. The search looks for both forms (either may match), so a word
/// that merely ends so ("forberede") still finds what it found before.
pub fn past_tense_as_infinitive(words: &str) -> String {
    words
        .split_inclusive(|c: char| !c.is_alphanumeric())
        .map(|piece| {
            let word_end = piece
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(piece.len(), |(at, _)| at);
            let (word, rest) = piece.split_at(word_end);
            let lower = word.to_lowercase();
            let stem = lower
                .strip_suffix("edes")
                .or_else(|| lower.strip_suffix("ede"))
                .filter(|s| s.chars().count() >= 3);
            match stem {
                Some(s) => format!("{s}e{rest}"),
                None => piece.to_owned(),
            }
        })
        .collect()
}

impl AnswerIndex {
    /// An index of `answers`.
    pub fn build<'a>(answers: impl IntoIterator<Item = Answer<'a>>) -> Result<Self, SearchError> {
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(DANISH)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING | STORED);
        let question = schema.add_text_field("question", text.clone());
        let body = schema.add_text_field("body", text);
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(DANISH, danish());
        // One thread and tantivy's smallest budget: the answers are a few megabytes at most.
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 15_000_000)?;
        for a in answers {
            let mut doc = TantivyDocument::default();
            doc.add_text(id, a.id);
            doc.add_text(question, a.question);
            doc.add_text(body, a.body);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let reader = index.reader()?;
        Ok(Self {
            reader,
            analyser: danish(),
            id,
            question,
            body,
        })
    }

    /// The ids of the `limit` answers that match `words` best, best first; none when no word
    /// of it (after stemming) is in any answer.
    pub fn search(&self, words: &str, limit: usize) -> Result<Vec<String>, SearchError> {
        // The stems of the words as written and with past tenses as infinitives, once each.
        let mut analyser = self.analyser.clone();
        let mut wanted: Vec<String> = Vec::new();
        for text in [words.to_owned(), past_tense_as_infinitive(words)] {
            let mut stream = analyser.token_stream(&text);
            while stream.advance() {
                let stem = &stream.token().text;
                if !wanted.contains(stem) {
                    wanted.push(stem.clone());
                }
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for stem in &wanted {
            for (field, boost) in [(self.question, QUESTION_BOOST), (self.body, 1.0)] {
                let term = TermQuery::new(
                    Term::from_field_text(field, stem),
                    IndexRecordOption::WithFreqs,
                );
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(term), boost)),
                ));
            }
        }
        if clauses.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let top = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(limit).order_by_score(),
        )?;
        let mut ids = Vec::with_capacity(top.len());
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(id) = doc.get_first(self.id).and_then(|v| v.as_str()) {
                ids.push(id.to_owned());
            }
        }
        Ok(ids)
    }
}

#[cfg(test)]
mod tests;
