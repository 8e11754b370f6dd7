//! Arabic, French and English, chosen per request.
//!
//! The catalogue is a compile-time table (`catalogue.rs`): a key that lacks one of the three
//! languages does not compile, and `tests` below catch empty, untranslated or mismatched
//! entries. Keys are a typed enum, so server errors travel as keys and are rendered in the
//! reader's language by the page, even when the form was posted without JavaScript.

mod catalogue;
#[cfg(feature = "ssr")]
pub mod request;

pub use catalogue::K;
use leptos::prelude::*;
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

    pub fn t(self, key: K) -> &'static str {
        key.text(self)
    }

    /// A catalogue entry with its `{}` placeholder filled.
    pub fn t1(self, key: K, arg: impl std::fmt::Display) -> String {
        key.text(self).replacen("{}", &arg.to_string(), 1)
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
mod tests {
    use super::*;

    fn has_arabic_letters(s: &str) -> bool {
        s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    }

    #[test]
    fn every_key_is_translated_in_every_language() {
        let mut missing = Vec::new();
        for key in K::ALL {
            for lang in Lang::ALL {
                if key.text(lang).trim().is_empty() {
                    missing.push(format!("{key:?} is empty in {}", lang.code()));
                }
            }
            // An Arabic entry without Arabic letters is an English string left in place.
            if !has_arabic_letters(key.text(Lang::Ar)) && !K::LANGUAGE_NEUTRAL.contains(key) {
                missing.push(format!("{key:?} is not translated to Arabic"));
            }
        }
        assert!(missing.is_empty(), "missing translations:\n{}", missing.join("\n"));
    }

    #[test]
    fn placeholders_match_across_languages() {
        for key in K::ALL {
            let counts: Vec<usize> = Lang::ALL.iter().map(|l| key.text(*l).matches("{}").count()).collect();
            assert!(counts.iter().all(|c| *c == counts[0]), "{key:?} placeholders differ: {counts:?}");
        }
    }

    #[test]
    fn negotiation_prefers_cookie_then_weighted_header() {
        assert_eq!(Lang::negotiate(Some("ar"), Some("fr-FR,fr;q=0.9")), Lang::Ar);
        assert_eq!(Lang::negotiate(Some("xx"), Some("fr-FR,fr;q=0.9,en;q=0.8")), Lang::Fr);
        assert_eq!(Lang::negotiate(None, Some("de-DE,en;q=0.5,ar;q=0.7")), Lang::Ar);
        assert_eq!(Lang::negotiate(None, Some("de-DE")), Lang::En);
        assert_eq!(Lang::negotiate(None, Some("ar;q=0,fr;q=0.1")), Lang::Fr);
        assert_eq!(Lang::negotiate(None, None), Lang::En);
    }
}
