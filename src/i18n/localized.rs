//! Event content written by organizers in Arabic, French and English: an event's
//! description, its tracks, rubric criteria and their level descriptors, announcements.
//!
//! Each reader sees the text in their language; where the organizer left that language
//! empty, the first one written (in the order the forms offer them: Arabic, French, English).
//! The interface's own texts are in the Fluent files; this is only for what organizers type.

use super::Lang;
use serde::{Deserialize, Serialize};

/// One text in the three languages; an empty string is "not written in this language".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Localized {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ar: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fr: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Localized {
    /// The same text in every language: how content written before it could be localized
    /// reads (a rubric criterion stored as a plain string).
    pub fn same(text: impl Into<String>) -> Localized {
        let text = text.into();
        Localized { ar: text.clone(), fr: text.clone(), en: text }
    }

    pub fn new(ar: impl Into<String>, fr: impl Into<String>, en: impl Into<String>) -> Localized {
        Localized { ar: ar.into(), fr: fr.into(), en: en.into() }
    }

    /// The text written in `lang` exactly, possibly empty (what a form shows for that input).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ar => &self.ar,
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// What a reader of `lang` sees: their language, else the first one written.
    pub fn pick(&self, lang: Lang) -> &str {
        let own = self.get(lang);
        if own.trim().is_empty() {
            self.first()
        } else {
            own
        }
    }

    /// The language `pick(lang)` takes its text from: the reader's, or the first written.
    /// Pages put it in the `lang` attribute of what shows the text, so a screen reader reads
    /// a French fallback with a French voice on an Arabic page.
    pub fn picked_lang(&self, lang: Lang) -> Lang {
        if !self.get(lang).trim().is_empty() {
            return lang;
        }
        Lang::ALL.into_iter().find(|l| !self.get(*l).trim().is_empty()).unwrap_or(lang)
    }

    /// The first language written (Arabic, French, English), or empty. Stored beside the
    /// three languages for what shows one text only: CSV exports, a project's change history.
    pub fn first(&self) -> &str {
        Lang::ALL.into_iter().map(|l| self.get(l)).find(|t| !t.trim().is_empty()).unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.first().is_empty()
    }

    /// Applies `f` to each language's text.
    pub fn map(&self, mut f: impl FnMut(&str) -> String) -> Localized {
        Localized { ar: f(&self.ar), fr: f(&self.fr), en: f(&self.en) }
    }
}

/// Stored JSON (rubric criteria) may hold a plain string written before content could be
/// localized: it reads as that text in every language.
impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Plain(String),
            Languages {
                #[serde(default)]
                ar: String,
                #[serde(default)]
                fr: String,
                #[serde(default)]
                en: String,
            },
        }
        Ok(match Stored::deserialize(deserializer)? {
            Stored::Plain(text) => Localized::same(text),
            Stored::Languages { ar, fr, en } => Localized { ar, fr, en },
        })
    }
}

#[cfg(feature = "ssr")]
impl Localized {
    /// Reads a form's three inputs `{field}_ar`, `{field}_fr`, `{field}_en`: each is trimmed
    /// and bounded on its own (errors name that input); `required` asks for at least one
    /// language and reports on the first input.
    pub fn parse(
        errors: &mut Vec<crate::error::FieldError>,
        field: &str,
        raw: [&str; 3],
        max: usize,
        required: bool,
    ) -> Localized {
        // `raw` is in `Lang::ALL` order.
        let [ar, fr, en] = [0, 1, 2]
            .map(|i| crate::events::domain::text(errors, &input_name(field, Lang::ALL[i]), raw[i], max, false));
        let text = Localized { ar, fr, en };
        if required && text.is_empty() {
            errors.push(crate::error::FieldError::new(&input_name(field, Lang::Ar), super::Msg::ErrRequired));
        }
        text
    }

    /// An SQL expression for a localized column stored as `{column}_ar`, `_fr`, `_en` beside
    /// the first-written `{column}`: the reader's language, else the first written. `column`
    /// is one of our own names (with its table alias), never user input.
    pub fn sql(column: &str, lang: Lang) -> String {
        let own = lang.code();
        format!(
            "COALESCE(NULLIF({column}_{own}, ''), NULLIF({column}_ar, ''), NULLIF({column}_fr, ''), \
             NULLIF({column}_en, ''), {column})"
        )
    }
}

/// The name of a localized text's input for one language (`description_fr`).
pub fn input_name(field: &str, lang: Lang) -> String {
    format!("{field}_{}", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_see_their_language_else_the_first_written() {
        let t = Localized::new("", "Agriculture", "Farming");
        assert_eq!(t.pick(Lang::En), "Farming");
        assert_eq!(t.pick(Lang::Fr), "Agriculture");
        assert_eq!(t.pick(Lang::Ar), "Agriculture", "Arabic left empty: the first written");
        assert_eq!(t.first(), "Agriculture");
        assert_eq!(t.picked_lang(Lang::Ar), Lang::Fr, "the fallback is marked as French");
        assert_eq!(t.picked_lang(Lang::En), Lang::En);
        assert_eq!(Localized::default().picked_lang(Lang::Ar), Lang::Ar);
        let only_ar = Localized::new("الفلاحة", "  ", "");
        assert_eq!(only_ar.pick(Lang::Fr), "الفلاحة", "blank counts as not written");
        assert!(Localized::default().is_empty());
        assert_eq!(Localized::default().pick(Lang::En), "");
    }

    #[test]
    fn stored_plain_strings_read_in_every_language_and_empty_languages_are_not_stored() {
        let old: Localized = serde_json::from_str("\"Impact\"").unwrap();
        assert_eq!(old, Localized::same("Impact"));
        let new: Localized = serde_json::from_str(r#"{"fr":"Impact","ar":"الأثر"}"#).unwrap();
        assert_eq!(new, Localized::new("الأثر", "Impact", ""));
        assert_eq!(serde_json::to_string(&new).unwrap(), r#"{"ar":"الأثر","fr":"Impact"}"#);
        let levels: Vec<Localized> = serde_json::from_str(r#"["Faible", {"en":"Strong"}]"#).unwrap();
        assert_eq!(levels, [Localized::same("Faible"), Localized::new("", "", "Strong")]);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn each_language_is_checked_on_its_own_input() {
        let mut errors = Vec::new();
        let t = Localized::parse(&mut errors, "description", [" نص ", &"x".repeat(11), ""], 10, false);
        assert_eq!(t.ar, "نص");
        assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["description_fr"]);
        let mut errors = Vec::new();
        Localized::parse(&mut errors, "track_name", ["", " ", ""], 10, true);
        assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["track_name_ar"]);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_sql_expression_prefers_the_readers_column() {
        let sql = Localized::sql("tr.name", Lang::Fr);
        assert!(sql.starts_with("COALESCE(NULLIF(tr.name_fr, ''), NULLIF(tr.name_ar, '')"), "{sql}");
        assert!(sql.ends_with(", tr.name)"), "{sql}");
    }
}
