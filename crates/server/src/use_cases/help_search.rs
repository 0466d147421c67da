//! Self-help search (issue 21, item 5): a citizen's words against their jobcentre's or
//! a-kasse's answers, from an index kept in memory per organisation and rebuilt when the
//! organisation's answer revision moves (`store::help`). A search that finds nothing is noted
//! for the manager's report.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use domain::Actor;
use domain::help::SHOWN;
use domain::messages::ThreadHolder;
use search::{Answer, AnswerIndex, SearchError};
use store::{ChatOrg, HelpAnswer, Store, StoreError};

/// What a search could not do.
#[derive(Debug, thiserror::Error)]
pub enum HelpError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Building or reading the index: our defect, never the citizen's words.
    #[error(transparent)]
    Index(#[from] SearchError),
    /// The thread building the index stopped (a panic in it).
    #[error("building the help index: {0}")]
    Build(#[from] tokio::task::JoinError),
}

/// One organisation's index and the answers it was built from.
struct Built {
    revision: i64,
    index: AnswerIndex,
    answers: HashMap<String, HelpAnswer>,
}

/// The indexes this instance has built, one per organisation searched.
#[derive(Default)]
pub struct HelpIndexes {
    built: Mutex<HashMap<(ThreadHolder, String), Arc<Built>>>,
}

impl HelpIndexes {
    /// The organisation's index at its stored revision: the one built before if still
    /// current, else a new one (a few milliseconds for a few thousand answers, off the async
    /// threads). Two searches racing to rebuild both build and the last to finish is kept; an
    /// older one kept so is rebuilt at the next search, as its revision is not the stored one.
    async fn current(&self, store: &Store, org: &ChatOrg) -> Result<Arc<Built>, HelpError> {
        let key = (org.holder, org.code.clone());
        let revision = store.help_revision(org).await?;
        if let Some(built) = self.lock().get(&key).filter(|b| b.revision == revision) {
            return Ok(built.clone());
        }
        let stored = store.help_answers(org).await?;
        let built = tokio::task::spawn_blocking(move || -> Result<Built, SearchError> {
            let index = AnswerIndex::build(stored.answers.iter().map(|a| Answer {
                id: a.id.as_str(),
                question: &a.question,
                body: &a.answer,
            }))?;
            Ok(Built {
                revision: stored.revision,
                index,
                answers: stored
                    .answers
                    .into_iter()
                    .map(|a| (a.id.to_string(), a))
                    .collect(),
            })
        })
        .await??;
        let built = Arc::new(built);
        self.lock().insert(key, built.clone());
        Ok(built)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(ThreadHolder, String), Arc<Built>>> {
        // A panic while holding the map leaves it whole (inserts are single calls).
        self.built
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The answers matching `words` best (at most [`SHOWN`]); none found by a citizen is noted
    /// as a miss.
    pub async fn search(
        &self,
        store: &Store,
        actor: &Actor,
        org: &ChatOrg,
        words: &str,
    ) -> Result<Vec<HelpAnswer>, HelpError> {
        let built = self.current(store, org).await?;
        let found: Vec<HelpAnswer> = built
            .index
            .search(words, SHOWN)?
            .iter()
            .filter_map(|id| built.answers.get(id).cloned())
            .collect();
        if found.is_empty() {
            store.record_help_miss(actor, org, words).await?;
        }
        Ok(found)
    }
}
