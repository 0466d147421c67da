//! The catalogue and the code agree: every key the code or a template asks for exists in every
//! language that must have it, every key in the files is asked for somewhere, and a translation
//! uses the same `$values` as the Danish text. Run by `cargo test -p catalogue`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use catalogue::{FILES, Lang};
use regex_lite::Regex;

/// Files a citizen reads from, which every citizen language must translate in full. Staff
/// files (staff, reports) are Danish and English only.
const CITIZEN_FILES: &[&str] = &[
    "common",
    "citizen",
    "meetings",
    "messages",
    "screening",
    "plan",
    "notices",
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if path.is_dir() {
            if name != "target" && name != "node_modules" && !name.starts_with('.') {
                sources(&path, out);
            }
        } else if name.ends_with(".rs") || name.ends_with(".html") {
            // This test names keys in its own examples.
            // The store and the domain hold no words (they return codes), and their column
            // names look like keys.
            let wordless = ["crates/store/", "crates/domain/"]
                .iter()
                .any(|d| path.to_string_lossy().contains(d));
            if !path.ends_with("catalogue/tests/keys.rs") && !wordless {
                out.push((path.clone(), std::fs::read_to_string(&path).expect("read")));
            }
        }
    }
}

/// Keys per (language, file), and each message's `$variables`.
fn catalogue() -> BTreeMap<(String, String), BTreeMap<String, BTreeSet<String>>> {
    let message = Regex::new(r"(?m)^([a-zA-Z][a-zA-Z0-9_-]*) =").expect("re");
    let variable = Regex::new(r"\{ *\$([a-zA-Z][a-zA-Z0-9_-]*)").expect("re");
    let mut out = BTreeMap::new();
    for (lang, file, source) in FILES {
        let mut keys: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let starts: Vec<_> = message.captures_iter(source).collect();
        for (i, m) in starts.iter().enumerate() {
            let from = m.get(0).map_or(0, |g| g.start());
            let to = starts
                .get(i + 1)
                .and_then(|n| n.get(0))
                .map_or(source.len(), |g| g.start());
            let vars = variable
                .captures_iter(&source[from..to])
                .map(|c| c[1].to_owned())
                .collect();
            let key = m[1].to_owned();
            assert!(
                keys.insert(key.clone(), vars).is_none(),
                "{lang}/{file}.ftl has {key} twice"
            );
        }
        out.insert((lang.to_string(), file.to_string()), keys);
    }
    out
}

fn variables<'a>(
    all: &'a BTreeMap<(String, String), BTreeMap<String, BTreeSet<String>>>,
    lang: &str,
    key: &str,
) -> Option<&'a BTreeSet<String>> {
    all.iter()
        .filter(|((l, _), _)| l == lang)
        .find_map(|(_, keys)| keys.get(key))
}

/// The messages that `key`'s text names, as `{ other-key }`.
fn references(lang: &str, key: &str) -> Vec<String> {
    let reference = Regex::new(r"\{ *([a-z][a-z0-9-]*) *\}").expect("re");
    let start = format!("{key} =");
    FILES
        .iter()
        .filter(|(l, _, _)| *l == lang)
        .flat_map(|(_, _, source)| {
            let mut lines = source.lines().skip_while(|l| !l.starts_with(&start));
            let first = lines.next().map(str::to_owned);
            let rest = lines.take_while(|l| l.is_empty() || l.starts_with(' '));
            first
                .into_iter()
                .chain(rest.map(str::to_owned))
                .collect::<Vec<_>>()
        })
        .flat_map(|line| {
            reference
                .captures_iter(&line)
                .map(|c| c[1].to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_file_parses_and_every_key_is_known_once_per_language() {
    for lang in Lang::ALL {
        let listed = FILES
            .iter()
            .filter(|(code, _, _)| *code == lang.code())
            .count();
        let dir = workspace()
            .join("crates/catalogue/locales")
            .join(lang.code());
        let on_disk = std::fs::read_dir(&dir).expect("locales dir").count();
        assert_eq!(
            listed, on_disk,
            "every file in {dir:?} is listed in bundles.rs"
        );
        let keys = catalogue::keys(lang);
        let unique: BTreeSet<_> = keys.iter().collect();
        assert_eq!(
            unique.len(),
            keys.len(),
            "a key is in two {} files",
            lang.code()
        );
    }
    for (lang, file, source) in FILES {
        let parsed = fluent_bundle::FluentResource::try_new((*source).to_owned());
        assert!(
            parsed.is_ok(),
            "{lang}/{file}.ftl: {:?}",
            parsed.err().map(|e| e.1)
        );
    }
}

#[test]
fn translations_have_the_danish_keys_and_values() {
    let all = catalogue();
    // A message's values include those of the messages it names (`{ date-month }`), so a
    // translation may inline what Danish names, and the other way round.
    let effective = |lang: &str, key: &str| -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut todo = vec![key.to_owned()];
        let mut seen = BTreeSet::new();
        while let Some(k) = todo.pop() {
            if !seen.insert(k.clone()) {
                continue;
            }
            if let Some(vars) = variables(&all, lang, &k) {
                out.extend(vars.iter().cloned());
            }
            todo.extend(references(lang, &k));
        }
        out
    };
    let mut problems = Vec::new();
    for ((lang, file), keys) in &all {
        let Some(danish) = all.get(&("da".to_owned(), file.clone())) else {
            problems.push(format!("{lang}/{file}.ftl has no Danish file"));
            continue;
        };
        for (key, vars) in danish {
            match keys.get(key) {
                None => problems.push(format!("{lang}/{file}.ftl lacks {key}")),
                Some(v) if v != vars => {
                    let (theirs, ours) = (effective(lang, key), effective("da", key));
                    if !vars.is_subset(&theirs) || !v.is_subset(&ours) {
                        problems.push(format!(
                            "{lang}/{file}.ftl {key} uses {v:?}, Danish {vars:?}"
                        ))
                    }
                }
                Some(_) => {}
            }
        }
        for key in keys.keys().filter(|k| !danish.contains_key(*k)) {
            problems.push(format!("{lang}/{file}.ftl has {key}, which Danish lacks"));
        }
    }
    for file in all.keys().filter(|(l, _)| l == "da").map(|(_, f)| f) {
        if !all.contains_key(&("en".to_owned(), file.clone())) {
            problems.push(format!("en/{file}.ftl is missing"));
        }
    }
    for lang in Lang::ALL.iter().filter(|l| !Lang::STAFF.contains(l)) {
        for file in CITIZEN_FILES {
            if !all.contains_key(&(lang.code().to_owned(), (*file).to_owned())) {
                problems.push(format!("{}/{file}.ftl is missing", lang.code()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn code_and_catalogue_name_the_same_keys() {
    let all = catalogue();
    let danish: BTreeMap<&str, &BTreeSet<String>> = all
        .iter()
        .filter(|((l, _), _)| l == "da")
        .flat_map(|(_, keys)| keys.iter().map(|(k, v)| (k.as_str(), v)))
        .collect();
    let prefixes: BTreeSet<&str> = danish.keys().filter_map(|k| k.split('-').next()).collect();
    let mut files = Vec::new();
    sources(&workspace().join("crates"), &mut files);
    let call = Regex::new(r#"\.(text|fmt)\(\s*"([a-z0-9]+(?:-[a-z0-9]+)+)""#).expect("re");
    let literal = Regex::new(r#""([a-z][a-z0-9]*(?:-[a-z0-9]+)+)""#).expect("re");
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    for (path, text) in &files {
        for c in call.captures_iter(text) {
            let key = &c[2];
            used.insert(key.to_owned());
            match danish.get(key) {
                None => problems.push(format!("{}: no key {key}", path.display())),
                Some(vars) if &c[1] == "text" && !vars.is_empty() => problems.push(format!(
                    "{}: {key} takes {vars:?}; ask with .fmt",
                    path.display()
                )),
                Some(_) => {}
            }
        }
        // Keys handed around before they are looked up (tables of labels, macro arguments):
        // any literal that starts like a key must be one.
        let rust = path.extension().is_some_and(|e| e == "rs");
        for c in literal.captures_iter(text) {
            let key = &c[1];
            used.insert(key.to_owned());
            let area = key.split('-').next().unwrap_or_default();
            if rust && prefixes.contains(area) && !danish.contains_key(key) {
                problems.push(format!(
                    "{}: {key} looks like a key but is none",
                    path.display()
                ));
            }
        }
    }
    // Messages that only other messages use (the month names inside a date).
    let reference = Regex::new(r"\{ *([a-z][a-z0-9-]*) *\}").expect("re");
    for (_, _, source) in FILES {
        for c in reference.captures_iter(source) {
            used.insert(c[1].to_owned());
        }
    }
    for key in danish.keys().filter(|k| !used.contains(**k)) {
        problems.push(format!("{key} is in the catalogue but nothing uses it"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
