//! Loading the `.ftl` files into one Fluent bundle per language, once per process. The files
//! are compiled into the binary, so a deployment cannot lose them and a broken file fails the
//! first test, not a citizen's page.

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::Lang;

macro_rules! files {
    ($($lang:literal / $name:literal),* $(,)?) => {
        /// Every catalogue file: (language code, area, contents).
        pub const FILES: &[(&str, &str, &str)] = &[
            $(($lang, $name, include_str!(concat!("../locales/", $lang, "/", $name, ".ftl"))),)*
        ];
    };
}

files!(
    "da" / "common",
    "da" / "citizen",
    "da" / "meetings",
    "da" / "messages",
    "da" / "screening",
    "da" / "plan",
    "da" / "staff",
    "da" / "reports",
    "da" / "problems",
    "da" / "notices",
    "en" / "common",
    "en" / "citizen",
    "en" / "meetings",
    "en" / "messages",
    "en" / "screening",
    "en" / "plan",
    "en" / "staff",
    "en" / "reports",
    "en" / "problems",
    "en" / "notices",
    "uk" / "common",
    "uk" / "citizen",
    "uk" / "meetings",
    "uk" / "messages",
    "uk" / "screening",
    "uk" / "plan",
    "uk" / "notices",
);

/// A value for a `{ $name }` in a text.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(s)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i64, i32, i16, u32, u64, usize);

struct Language {
    bundle: FluentBundle<FluentResource>,
    /// Texts without values, formatted once.
    plain: HashMap<&'static str, &'static str>,
}

static LANGUAGES: LazyLock<[Language; 3]> = LazyLock::new(|| Lang::ALL.map(load));

fn load(lang: Lang) -> Language {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No bidi isolation marks around values: every language today runs left to right, and
    // the marks would end up in e-mail subjects and SMS as invisible characters.
    bundle.set_use_isolating(false);
    let mut ids = Vec::new();
    for (_, _, source) in FILES.iter().filter(|(code, _, _)| *code == lang.code()) {
        // A syntax error keeps the rest of the file; tests/keys.rs fails on it.
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        ids.extend(message_ids(&resource));
        // Duplicates across files are reported by tests/keys.rs; the first one wins here.
        let _ = bundle.add_resource(resource);
    }
    let mut plain = HashMap::new();
    for id in ids {
        let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let value = bundle.format_pattern(pattern, None, &mut errors);
        if errors.is_empty() {
            let value: &'static str = Box::leak(value.into_owned().into_boxed_str());
            plain.insert(&*Box::leak(id.into_boxed_str()), value);
        }
    }
    Language { bundle, plain }
}

pub(crate) fn text(lang: Lang, key: &str) -> &'static str {
    let mut at = Some(lang);
    while let Some(l) = at {
        if let Some(t) = LANGUAGES[l.index()].plain.get(key) {
            return t;
        }
        at = l.fallback();
    }
    // Unknown: the key itself, leaked once per distinct key (tests keep the set empty).
    static UNKNOWN: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut unknown = UNKNOWN.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(k) = unknown.iter().find(|k| **k == key) {
        return k;
    }
    let k: &'static str = Box::leak(key.to_owned().into_boxed_str());
    unknown.push(k);
    k
}

pub(crate) fn fmt(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Text(s) => FluentValue::from(*s),
            Arg::Number(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    let mut at = Some(lang);
    while let Some(l) = at {
        let bundle = &LANGUAGES[l.index()].bundle;
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
        at = l.fallback();
    }
    key.to_owned()
}

fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Every message id of one language, for the key test.
pub fn keys(lang: Lang) -> Vec<String> {
    FILES
        .iter()
        .filter(|(code, _, _)| *code == lang.code())
        .flat_map(|(_, _, source)| {
            let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
            message_ids(&resource)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_choose_the_plural_form_of_each_language() {
        let times = |lang: Lang, n: i64| lang.fmt("calendar-times-created", &[("count", n.into())]);
        assert_eq!(times(Lang::Da, 1), "1 tid er oprettet.");
        assert_eq!(times(Lang::Da, 12), "12 tider er oprettet.");
        assert_eq!(times(Lang::En, 1), "1 time was created.");
        // A staff text asked for in Ukrainian comes in English, the fallback.
        assert_eq!(times(Lang::Uk, 2), "2 times were created.");
    }

    #[test]
    fn fixed_texts_are_kept_and_unknown_keys_show_themselves() {
        assert_eq!(Lang::Da.text("nav-home"), "Forside");
        assert_eq!(Lang::Uk.text("nav-home"), "Головна");
        assert_eq!(Lang::Da.text("no such key"), "no such key");
        // The same &'static str every time: formatted once.
        assert!(std::ptr::eq(
            Lang::En.text("nav-home"),
            Lang::En.text("nav-home")
        ));
    }
}
