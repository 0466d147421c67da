//! Loading the contact schedule's rule files (`rules/*.toml`) at start-up. A mistake stops the
//! server with the file and line, so it never plans conversations from a broken rule.

use std::path::Path;

use domain::contact_plan::{RuleBook, RuleError};

/// Reads every `*.toml` in `dir` and checks them as one rule book.
pub fn load_rules(dir: &Path) -> Result<RuleBook, RuleError> {
    let unreadable = |what: String| RuleError {
        file: dir.display().to_string(),
        line: 0,
        message: what,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| {
        unreadable(format!(
            "cannot read the rules folder (set JOBUNIVERS_RULES_DIR): {e}"
        ))
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| RuleError {
            file: path.display().to_string(),
            line: 0,
            message: format!("cannot read: {e}"),
        })?;
        files.push((path.display().to_string(), text));
    }
    RuleBook::from_files(&files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repository_rules_load_and_a_broken_file_is_named() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
        let book = load_rules(&repo).expect("the repository's rules");
        assert_eq!(book.sets().len(), 2);

        let dir = std::env::temp_dir().join(format!("ju-rules-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        for set in ["lab-2024-01-01.toml", "lab-2026-07-01.toml"] {
            std::fs::copy(repo.join(set), dir.join(set)).expect("copy");
        }
        let broken = std::fs::read_to_string(dir.join("lab-2026-07-01.toml"))
            .expect("read")
            .replacen("holder = \"municipality\"", "holder = \"the state\"", 1);
        std::fs::write(dir.join("lab-2026-07-01.toml"), broken).expect("write");
        let e = load_rules(&dir).expect_err("refused");
        assert!(e.to_string().contains("lab-2026-07-01.toml:"), "{e}");
        assert!(e.message.contains("the state"), "{e}");
        let missing = load_rules(&dir.join("nowhere")).expect_err("no folder");
        assert!(missing.message.contains("rules folder"), "{missing}");
    }
}
