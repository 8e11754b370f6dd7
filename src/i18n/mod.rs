//! Arabic, French and English, chosen per request.
//!
//! Translators edit one Fluent file per language (`locales/*.ftl`). build.rs checks them at
//! compile time (each file parses, every message exists in every language, with the same
//! variables) and generates `Msg`, one key per message, and `args`, one struct per message
//! with variables. Keys are a typed enum, so server errors travel as keys and are rendered in
//! the reader's language by the page, even when the form was posted without JavaScript.
//!
//! - `lang.t(Msg::LogIn)`: a message without variables, a `&'static str`.
//! - `lang.format(args::ImportConfirm { count: rows.len() })`: a message with variables; a
//!   wrong or missing field name does not compile. Plural forms follow CLDR.
//!
//! The server renders with fluent-bundle (`server`); the browser (islands) renders the same
//! files from tables compiled by build.rs (`pattern`), so no Fluent runtime goes to WASM.

#[cfg(feature = "ssr")]
pub mod dates;
mod localized;
mod messages;
mod pattern;
#[cfg(feature = "ssr")]
pub mod request;
#[cfg(feature = "ssr")]
mod server;

use leptos::prelude::*;
pub use localized::{input_name, Localized};
pub use messages::{args, Msg};
#[cfg(feature = "ssr")]
use messages::{lang_index, SERVER_SOURCES};
pub use pattern::{Count, Message, OneValue, Plural, Value, Var};
use serde::{Deserialize, Serialize};

/// Name of the cookie that keeps the reader's language choice.
pub const LANG_COOKIE: &str = "hakam_lang";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    Ar,
    Fr,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.get(..2)?.to_ascii_lowercase().as_str() {
            "ar" => Some(Lang::Ar),
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The language's own name, as shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// Whether inserted values get bidi isolation marks (see `server::build` for why Arabic
    /// only).
    pub fn isolates(self) -> bool {
        matches!(self, Lang::Ar)
    }

    /// A message without variables. (One with variables gives its outline: use `format`.)
    // Inlined in the browser's build: a key known at compile time then keeps only its own
    // texts in the WASM (see `Msg::text`).
    #[cfg_attr(feature = "hydrate", inline(always))]
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self)
    }

    /// A message with its arguments: `lang.format(args::ImportConfirm { count: 3 })`.
    // Inlined in the browser's build, like `t`.
    #[cfg_attr(feature = "hydrate", inline(always))]
    pub fn format(self, message: impl Message) -> String {
        self.render(message.msg(), &message.values())
    }

    /// Like `format`, without the bidi isolation marks: for text that is stored rather than
    /// shown (a generated team name).
    pub fn format_plain(self, message: impl Message) -> String {
        self.format(message).replace([pattern::FSI, pattern::PDI], "")
    }

    /// A message whose one value arrived as text, as errors carry it (`FieldError::arg`,
    /// `AppError::ConflictWith`). A message without variables ignores the text.
    pub fn format_arg(self, msg: Msg, arg: &str) -> String {
        let values: Vec<Value<'_>> = msg.vars().first().map(|var| Value::from_wire(arg, *var)).into_iter().collect();
        self.render(msg, &values)
    }

    // Inlined in the browser's build, like `t`.
    #[cfg_attr(feature = "hydrate", inline(always))]
    fn render(self, msg: Msg, values: &[Value<'_>]) -> String {
        if msg.vars().is_empty() {
            return msg.text(self).to_owned();
        }
        #[cfg(feature = "ssr")]
        if let Some(text) = server::format(self, msg, values) {
            return text;
        }
        self.render_compiled(msg, values)
    }

    /// The browser's rendering (and the server's fallback): the tables build.rs compiled.
    // Inlined in the browser's build, like `t`.
    #[cfg_attr(feature = "hydrate", inline(always))]
    fn render_compiled(self, msg: Msg, values: &[Value<'_>]) -> String {
        let mut out = String::new();
        pattern::render(self, msg.pattern(self), msg.vars(), values, &mut out);
        out
    }

    /// Picks the language from the cookie first, then from `Accept-Language`.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
        if let Some(lang) = cookie.and_then(Lang::from_code) {
            return lang;
        }
        accept_language
            .and_then(|header| {
                header
                    .split(',')
                    .filter_map(|part| {
                        let mut pieces = part.trim().split(';');
                        let tag = pieces.next()?.trim();
                        let q = pieces
                            .find_map(|p| p.trim().strip_prefix("q="))
                            .map(|q| q.parse::<f32>().unwrap_or(0.0))
                            .unwrap_or(1.0);
                        Some((Lang::from_code(tag)?, q))
                    })
                    .filter(|(_, q)| *q > 0.0)
                    // Stable max keeps the header's order among equal weights.
                    .fold(None::<(Lang, f32)>, |best, (lang, q)| match best {
                        Some((_, bq)) if bq >= q => best,
                        _ => Some((lang, q)),
                    })
            })
            .map(|(lang, _)| lang)
            .unwrap_or_default()
    }
}

/// The reader's language, provided once at the root of the app.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

#[cfg(test)]
mod tests;
