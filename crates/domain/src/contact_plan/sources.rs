//! Where each rule comes from. Every conversation line and every channel rule the law makes
//! carries a `source` naming paragraph and law ("LAB § 33, stk. 1 (lov nr. 295/2023)"); a rule
//! file without one, or with one that names no paragraph, stops start-up. The channel rules are
//! enforced in code (`meetings::check_channel`); the rule files say, per version of the law,
//! where each comes from, so a change of law that moves a paragraph is a change of data.

use serde::Deserialize;
use toml::Spanned;

use crate::meetings::ChannelRefusal;

/// The channel rules the law makes (the others — a time that does not offer the channel, no
/// phone number, the municipality's stricter first meetings — are facts or local choices).
pub const LEGAL_CHANNEL_RULES: [ChannelRefusal; 3] = [
    ChannelRefusal::FirstMeetingInPerson,
    ChannelRefusal::InPersonRequested,
    ChannelRefusal::AttendanceRequired,
];

/// A channel rule of a rule file: which, and where the law says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelRuleSource {
    pub rule: ChannelRefusal,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChannelRule {
    rule: Spanned<String>,
    source: Spanned<String>,
}

/// Why a source is refused, if it is: blank, or naming no paragraph ("§ 33").
pub(super) fn source_problem(source: &str) -> Option<&'static str> {
    let s = source.trim();
    if s.is_empty() {
        return Some("source is blank: name the paragraph, stk. and law it comes from");
    }
    let names_paragraph = s
        .split('§')
        .skip(1)
        .any(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    (!names_paragraph).then_some(
        "source names no paragraph: write it as \"LAB § 31, stk. 4 (LBK nr. 280 af 1. marts 2024)\"",
    )
}

/// The channel rules of one file, each known and sourced, every legal one present. `at` makes
/// an error at a byte offset (0: the file as a whole).
pub(super) fn channel_rules<E>(
    raw: &[RawChannelRule],
    at: impl Fn(usize, String) -> E,
) -> Result<Vec<ChannelRuleSource>, E> {
    let mut out: Vec<ChannelRuleSource> = Vec::new();
    for r in raw {
        let rule = LEGAL_CHANNEL_RULES
            .into_iter()
            .find(|c| c.code() == r.rule.get_ref().trim())
            .ok_or_else(|| {
                at(
                    r.rule.span().start,
                    format!(
                        "unknown channel rule \"{}\"; the law's are {}",
                        r.rule.get_ref(),
                        LEGAL_CHANNEL_RULES.map(|c| c.code()).join(", ")
                    ),
                )
            })?;
        if let Some(problem) = source_problem(r.source.get_ref()) {
            return Err(at(r.source.span().start, problem.to_owned()));
        }
        if out.iter().any(|o| o.rule == rule) {
            return Err(at(
                r.rule.span().start,
                format!("channel rule {} is given twice", rule.code()),
            ));
        }
        out.push(ChannelRuleSource {
            rule,
            source: r.source.get_ref().trim().to_owned(),
        });
    }
    if let Some(missing) = LEGAL_CHANNEL_RULES
        .iter()
        .find(|c| !out.iter().any(|o| o.rule == **c))
    {
        return Err(at(
            0,
            format!(
                "no [[channel_rule]] for {}: every channel rule the law makes needs its source",
                missing.code()
            ),
        ));
    }
    Ok(out)
}
