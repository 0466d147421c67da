//! The rule book: every version of the law, one after the other with no gap and no overlap, so
//! that exactly one rule set is in force on any date.

use jiff::civil::Date;

use super::rules::{RuleError, RuleSet, parse_rule_set};

#[derive(Clone, PartialEq, Eq)]
pub struct RuleBook {
    /// Ordered by `effective_from`; each ends where the next begins, the last is open-ended.
    sets: Vec<RuleSet>,
    /// Every rule as text, made once here: the store compares it at every worklist view.
    fingerprint: String,
}

impl RuleBook {
    /// Parses and checks rule files given as (file name, contents). Refuses an empty book, two
    /// files with one version, a gap or an overlap between consecutive files, and a last file
    /// that ends (dates after it would have no rules).
    pub fn from_files(files: &[(String, String)]) -> Result<Self, RuleError> {
        let mut parsed = Vec::with_capacity(files.len());
        for (name, text) in files {
            parsed.push((name.as_str(), text.as_str(), parse_rule_set(name, text)?));
        }
        if parsed.is_empty() {
            return Err(RuleError {
                file: "rules/".into(),
                line: 0,
                message: "no rule files (*.toml) found".into(),
            });
        }
        parsed.sort_by_key(|(_, _, set)| set.effective_from);
        let error = |file: &str, text: &str, key: &str, message: String| RuleError {
            file: file.to_owned(),
            line: key_line(text, key),
            message,
        };
        for pair in parsed.windows(2) {
            let [(file, text, set), (next_file, next_text, next)] = pair else {
                continue;
            };
            if set.version == next.version {
                return Err(error(
                    next_file,
                    next_text,
                    "version",
                    format!("version {} is also used by {file}", next.version),
                ));
            }
            match set.effective_until {
                None => {
                    return Err(error(
                        file,
                        text,
                        "effective_from",
                        format!(
                            "overlaps {next_file}: this rule set has no effective_until, but {} takes over on {}",
                            next.version, next.effective_from
                        ),
                    ));
                }
                Some(until) if until > next.effective_from => {
                    return Err(error(
                        file,
                        text,
                        "effective_until",
                        format!(
                            "overlaps {next_file}: in force until {until}, but {} takes over on {}",
                            next.version, next.effective_from
                        ),
                    ));
                }
                Some(until) if until < next.effective_from => {
                    return Err(error(
                        file,
                        text,
                        "effective_until",
                        format!(
                            "gap before {next_file}: no rules from {until} until {}",
                            next.effective_from
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        if let Some((file, text, last)) = parsed.last()
            && let Some(until) = last.effective_until
        {
            return Err(error(
                file,
                text,
                "effective_until",
                format!("gap after {until}: the newest rule set must have no effective_until"),
            ));
        }
        let sets: Vec<RuleSet> = parsed.into_iter().map(|(_, _, set)| set).collect();
        Ok(Self {
            fingerprint: format!("{sets:?}"),
            sets,
        })
    }

    /// Every rule of the book as text: two books with the same fingerprint plan alike. What a
    /// kept decision was made with (the store's kept worklist decides again on another book).
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    pub fn sets(&self) -> &[RuleSet] {
        &self.sets
    }

    /// The rule set in force on `date`. Before the oldest file, the oldest applies: the book
    /// starts where our records start.
    pub fn in_force(&self, date: Date) -> &RuleSet {
        self.sets
            .iter()
            .rev()
            .find(|s| s.effective_from <= date)
            .or_else(|| self.sets.first())
            .expect("a rule book is never empty")
    }
}

/// The versions only: the configuration is logged at start-up, and every rule would drown it.
impl std::fmt::Debug for RuleBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleBook")
            .field(
                "versions",
                &self
                    .sets
                    .iter()
                    .map(|s| s.version.as_str())
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl RuleBook {
    /// Whether `holder` may exempt a citizen of `group` on `date`: the law in force allows it
    /// and has conversations of that holder for the group that can be exempted. Each
    /// organisation exempts only from its own conversations (the a-kasse within its 25 %).
    pub fn may_exempt(&self, group: crate::TargetGroup, holder: super::Holder, date: Date) -> bool {
        let set = self.in_force(date);
        set.exemptions_allowed
            && set
                .rules_for(group)
                .any(|r| r.exemptible && r.holder == holder)
    }
}

/// The line where `key = …` is written, or 1.
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(key) && l.contains('='))
        .map_or(1, |i| i + 1)
}
