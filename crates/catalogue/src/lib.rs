//! Every word Jobunivers shows or sends — pages, errors, notices, letters, PDFs, calendar
//! entries — lives in Fluent files under `locales/<lang>/`, one file per area. Code asks by key:
//! `lang.text("nav-home")` for a fixed text, `lang.fmt("conflict-citizen-busy", &[("when",
//! when.into())])` for one with values. Grammar (plurals, weekday and month names) is written
//! in the `.ftl` files with Fluent selectors, so a translator changes words without Rust.
//!
//! `tests/keys.rs` fails when code or a template uses a key that a language lacks, or a
//! language has a key nothing uses. See docs/conventions.md for where words go.

mod bundles;
pub mod dates;
mod lang;
pub mod meetings;

pub use bundles::{Arg, FILES, keys};
pub use lang::Lang;

impl Lang {
    /// The fixed text for `key`. Every such text is formatted once at start and kept, so a
    /// page pays a hash lookup per word. An unknown key shows itself (and `tests/keys.rs`
    /// keeps that from happening).
    pub fn text(self, key: &str) -> &'static str {
        bundles::text(self, key)
    }

    /// The text for `key` with values filled in: `{ $name }` in the file, `("name", value)`
    /// here. Numbers select plural forms by the language's own rules.
    pub fn fmt(self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        bundles::fmt(self, key, args)
    }
}
