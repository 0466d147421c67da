//! Self-help on the citizen's message pages (issue 21, item 5): "Find svar selv" searches the
//! jobcentre's or a-kasse's answers with Danish word forms, around the clock; a search without
//! an answer offers the chat (when open) and the message form. The answers are staff's
//! (`help_answers.rs`).

use domain::help::search_words;
use store::ChatOrg;

use super::PageError;
use super::context::SignedIn;
use super::form::FormState;
use crate::AppState;

/// The search as the page shows it.
pub struct HelpView {
    /// The words typed, and a mistake at the field.
    pub form: FormState,
    /// Whether a search was made (an empty one is not).
    pub searched: bool,
    /// What it found: (question, answer), best first.
    pub found: Vec<(String, String)>,
    /// "Vi fandt 2 svar på „…“." or that none was found.
    pub outcome: String,
}

/// The search of `q` in the answers of `org`, whose thread the citizen reads.
pub async fn view(
    state: &AppState,
    user: &SignedIn,
    org: &ChatOrg,
    q: Option<&str>,
) -> Result<HelpView, PageError> {
    let t = user.viewer.ctx().t;
    let typed = q.unwrap_or_default();
    let form = FormState::new([("q".to_owned(), typed.to_owned())].into());
    let mut view = HelpView {
        form,
        searched: false,
        found: Vec::new(),
        outcome: String::new(),
    };
    let words = match search_words(typed) {
        Ok(Some(words)) => words,
        Ok(None) => return Ok(view),
        Err(e) => {
            view.form = view.form.with_errors(t, &[e]);
            return Ok(view);
        }
    };
    let found = state
        .help
        .search(&state.store, &user.actor, org, words)
        .await
        .map_err(|e| user.viewer.error(e))?;
    view.searched = true;
    view.outcome = if found.is_empty() {
        t.lang.fmt("help-none", &[("words", words.into())])
    } else {
        t.lang.fmt(
            "help-found",
            &[
                ("count", catalogue::Arg::Number(found.len() as i64)),
                ("words", words.into()),
            ],
        )
    };
    view.found = found.into_iter().map(|a| (a.question, a.answer)).collect();
    Ok(view)
}
