//! Rubrics: weighted criteria, each on its own scale with a descriptor per level, and the
//! weighted total of one judge's marks. Plain functions, shared by the server (validation,
//! results) and the judge's phone (showing the levels, knowing when a score is complete).
//!
//! The weighted total puts every rubric on the same 0–100 scale, so scores given under
//! different scales, tracks or rubric versions can be compared:
//!
//! `total = 100 × Σ wᵢ·(markᵢ − minᵢ)/(maxᵢ − minᵢ) / Σ wᵢ`

use crate::error::FieldError;
use crate::i18n::{args, Lang, Localized, Msg};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many criterion rows the rubric builder offers.
pub const MAX_CRITERIA: usize = 8;
pub const MAX_WEIGHT: i64 = 100;
/// The scales an organizer can pick (lowest and highest level).
pub const SCALES: &[(i64, i64)] = &[(1, 5), (1, 10), (0, 10), (1, 3), (0, 5)];
pub const NOTES_MAX: usize = 2000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable within a rubric: `c1`…`c8`, by row.
    pub key: String,
    /// In each language the organizer wrote it in; a rubric stored before that reads its one
    /// text in every language (see `Localized`).
    pub name: Localized,
    pub description: Localized,
    pub weight: i64,
    pub min: i64,
    pub max: i64,
    /// Descriptors from the lowest level up; may be shorter than the scale.
    pub levels: Vec<Localized>,
}

impl Criterion {
    /// The descriptor of `level` as a reader of `lang` sees it, if the level has one.
    pub fn descriptor(&self, level: i64, lang: Lang) -> Option<&str> {
        let i = usize::try_from(level - self.min).ok()?;
        self.levels.get(i).map(|l| l.pick(lang)).filter(|s| !s.is_empty())
    }

    /// The language `descriptor(level, lang)` is written in (for its `lang` attribute).
    pub fn descriptor_lang(&self, level: i64, lang: Lang) -> Lang {
        usize::try_from(level - self.min).ok().and_then(|i| self.levels.get(i)).map_or(lang, |l| l.picked_lang(lang))
    }

    /// The descriptors as the builder's textareas hold them: one line per level, per language.
    pub fn levels_text(&self) -> Localized {
        let lines = |lang: Lang| {
            let text: Vec<&str> = self.levels.iter().map(|l| l.get(lang)).collect();
            text.join("\n").trim_end().to_owned()
        };
        Localized::new(lines(Lang::Ar), lines(Lang::Fr), lines(Lang::En))
    }
    pub fn range(&self) -> impl Iterator<Item = i64> {
        self.min..=self.max
    }
}

pub fn scale_code(min: i64, max: i64) -> String {
    format!("{min}-{max}")
}

#[cfg(feature = "ssr")]
fn parse_scale(raw: &str) -> Option<(i64, i64)> {
    let (a, b) = raw.trim().split_once('-')?;
    let pair = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    SCALES.contains(&pair).then_some(pair)
}

#[cfg(feature = "ssr")]
/// Reads the builder's rows (`name_1_ar`, `name_1_fr`, `name_1_en`, `description_1_…`,
/// `weight_1`, `scale_1`, `levels_1_…`, …): the texts in up to three languages. Rows whose
/// name is empty in every language are skipped; at least one criterion is required.
pub fn parse_form(fields: &BTreeMap<String, String>) -> Result<Vec<Criterion>, Vec<FieldError>> {
    let get = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
    let languages = |name: &str| Lang::ALL.map(|l| get(&crate::i18n::input_name(name, l)));
    let mut errors = Vec::new();
    let mut criteria = Vec::new();
    for i in 1..=MAX_CRITERIA {
        let name_field = format!("name_{i}");
        if languages(&name_field).iter().all(|n| n.trim().is_empty()) {
            continue;
        }
        let name = Localized::parse(&mut errors, &name_field, languages(&name_field), 80, false);
        let description_field = format!("description_{i}");
        let description = Localized::parse(&mut errors, &description_field, languages(&description_field), 400, false);
        let weight = match get(&format!("weight_{i}")).trim().parse::<i64>() {
            Ok(w) if (1..=MAX_WEIGHT).contains(&w) => w,
            _ => {
                errors.push(FieldError::with(
                    &format!("weight_{i}"),
                    args::ErrNumberRange { range: format!("1–{MAX_WEIGHT}") },
                ));
                1
            }
        };
        let (min, max) = match parse_scale(get(&format!("scale_{i}"))) {
            Some(pair) => pair,
            None => {
                errors.push(FieldError::new(&format!("scale_{i}"), Msg::ErrRequired));
                (1, 5)
            }
        };
        let levels_field = format!("levels_{i}");
        let texts = Localized::parse(&mut errors, &levels_field, languages(&levels_field), 1200, false);
        // Each language's lines, trailing blank levels dropped; checked on that language's box.
        let lines = Lang::ALL.map(|l| {
            let lines: Vec<&str> = texts.get(l).lines().map(str::trim).collect();
            let kept = lines.iter().rposition(|l| !l.is_empty()).map_or(0, |last| last + 1);
            let lines = lines[..kept].to_vec();
            let input = crate::i18n::input_name(&levels_field, l);
            if lines.len() as i64 > max - min + 1 {
                errors.push(FieldError::with(&input, args::ErrTooManyLevels { count: max - min + 1 }));
            } else if lines.iter().any(|l| l.chars().count() > 120) {
                errors.push(FieldError::with(&input, args::ErrTooLongMax { count: 120 }));
            }
            lines
        });
        let count = lines.iter().map(Vec::len).max().unwrap_or(0);
        let level = |l: usize, j: usize| lines[l].get(j).copied().unwrap_or("").to_owned();
        let levels = (0..count).map(|j| Localized::new(level(0, j), level(1, j), level(2, j))).collect();
        criteria.push(Criterion { key: format!("c{i}"), name, description, weight, min, max, levels });
    }
    if criteria.is_empty() {
        errors.push(FieldError::new("name_1_ar", Msg::ErrRubricEmpty));
    }
    if errors.is_empty() {
        Ok(criteria)
    } else {
        Err(errors)
    }
}

/// How far a set of marks gets, judged against a rubric.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    /// Every criterion has a mark.
    Complete,
    /// Some criteria are still unmarked (an autosaved draft).
    Partial,
}

/// Checks marks against the rubric: every key known, every level within its scale.
pub fn check_marks(criteria: &[Criterion], marks: &BTreeMap<String, i64>) -> Result<Completeness, Vec<FieldError>> {
    let mut errors = Vec::new();
    for (key, level) in marks {
        match criteria.iter().find(|c| &c.key == key) {
            None => errors.push(FieldError::new(key, Msg::ErrUnknownCriterion)),
            Some(c) if !(c.min..=c.max).contains(level) => {
                errors.push(FieldError::with(key, args::ErrNumberRange { range: format!("{}–{}", c.min, c.max) }))
            }
            Some(_) => {}
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(if criteria.iter().all(|c| marks.contains_key(&c.key)) { Completeness::Complete } else { Completeness::Partial })
}

/// The weighted total on 0–100 (see the module comment); `None` unless every criterion is
/// marked.
pub fn weighted_total(criteria: &[Criterion], marks: &BTreeMap<String, i64>) -> Option<f64> {
    let mut sum = 0.0;
    let mut weights = 0.0;
    for c in criteria {
        let mark = *marks.get(&c.key)?;
        let span = (c.max - c.min) as f64;
        let fraction = if span > 0.0 { (mark - c.min) as f64 / span } else { 1.0 };
        sum += c.weight as f64 * fraction.clamp(0.0, 1.0);
        weights += c.weight as f64;
    }
    (weights > 0.0).then(|| 100.0 * sum / weights)
}

/// Parses marks sent by a form (`marks[c1]=4`); empty values mean "not marked yet".
pub fn parse_marks(raw: &BTreeMap<String, String>) -> Result<BTreeMap<String, i64>, Vec<FieldError>> {
    let mut marks = BTreeMap::new();
    let mut errors = Vec::new();
    for (key, value) in raw {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match value.parse::<i64>() {
            Ok(level) => {
                marks.insert(key.clone(), level);
            }
            Err(_) => errors.push(FieldError::new(key, Msg::ErrNotANumber)),
        }
    }
    if errors.is_empty() {
        Ok(marks)
    } else {
        Err(errors)
    }
}

/// A rubric's fingerprint, as printed on paper sheets: a rubric no one has scored under yet
/// is edited in place (same id and version), so the id alone would not tell a sheet printed
/// before such an edit. Eight hex digits of the criteria's SHA-256.
#[cfg(feature = "ssr")]
pub fn fingerprint(criteria: &[Criterion]) -> String {
    use sha2::Digest;
    let text = serde_json::to_string(criteria).unwrap_or_default();
    sha2::Sha256::digest(text.as_bytes()).iter().take(4).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crit(key: &str, weight: i64, min: i64, max: i64) -> Criterion {
        Criterion {
            key: key.into(),
            name: Localized::same(key),
            description: Localized::default(),
            weight,
            min,
            max,
            levels: vec![],
        }
    }

    fn marks(pairs: &[(&str, i64)]) -> BTreeMap<String, i64> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn weighted_total_by_hand() {
        // Impact weight 3 on 1–5, marked 4 → 3/4 = 0.75; execution weight 1 on 0–10, marked 5
        // → 0.5. Total = 100 × (3×0.75 + 1×0.5) / 4 = 68.75.
        let rubric = [crit("c1", 3, 1, 5), crit("c2", 1, 0, 10)];
        let total = weighted_total(&rubric, &marks(&[("c1", 4), ("c2", 5)])).unwrap();
        assert!((total - 68.75).abs() < 1e-9, "{total}");
        assert_eq!(weighted_total(&rubric, &marks(&[("c1", 5), ("c2", 10)])), Some(100.0));
        assert_eq!(weighted_total(&rubric, &marks(&[("c1", 1), ("c2", 0)])), Some(0.0));
        assert_eq!(weighted_total(&rubric, &marks(&[("c1", 4)])), None, "incomplete marks have no total");
    }

    #[test]
    fn marks_are_checked_against_the_scale() {
        let rubric = [crit("c1", 1, 1, 5), crit("c2", 1, 1, 5)];
        assert_eq!(check_marks(&rubric, &marks(&[("c1", 5), ("c2", 1)])), Ok(Completeness::Complete));
        assert_eq!(check_marks(&rubric, &marks(&[("c1", 3)])), Ok(Completeness::Partial));
        let errors = check_marks(&rubric, &marks(&[("c1", 6), ("c9", 1)])).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["c1", "c9"]);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn builder_rows_parse_and_report_per_field() {
        let mut form = BTreeMap::new();
        form.insert("name_1_fr".into(), "Impact".into());
        form.insert("name_1_ar".into(), "الأثر".into());
        form.insert("weight_1".into(), "3".into());
        form.insert("scale_1".into(), "1-5".into());
        form.insert("levels_1_fr".into(), "Aucun\nUn peu\n\nFort\n\n".into());
        form.insert("levels_1_en".into(), "None".into());
        form.insert("name_3_en".into(), "Demo".into());
        form.insert("weight_3".into(), "0".into());
        form.insert("scale_3".into(), "2-7".into());
        let errors = parse_form(&form).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["weight_3", "scale_3"]);

        form.insert("weight_3".into(), "1".into());
        form.insert("scale_3".into(), "0-10".into());
        let rubric = parse_form(&form).unwrap();
        assert_eq!(rubric.len(), 2);
        assert_eq!(rubric[1].key, "c3", "keys follow the row, not the count");
        assert_eq!(rubric[0].name, Localized::new("الأثر", "Impact", ""));
        assert_eq!(rubric[0].levels.len(), 4, "trailing blank levels dropped");
        assert_eq!(rubric[0].levels[0], Localized::new("", "Aucun", "None"));
        assert_eq!(rubric[0].descriptor(4, Lang::En), Some("Fort"), "English left empty: the first written");
        assert_eq!(rubric[0].descriptor(1, Lang::En), Some("None"));
        assert_eq!(rubric[0].descriptor_lang(4, Lang::En), Lang::Fr);
        assert_eq!(rubric[0].descriptor(3, Lang::Fr), None);
        assert_eq!(rubric[0].levels_text().fr, "Aucun\nUn peu\n\nFort");

        assert_eq!(parse_form(&BTreeMap::new()).unwrap_err()[0].msg, Msg::ErrRubricEmpty);
        form.insert("levels_1_ar".into(), "a\nb\nc\nd\ne\nf".into());
        assert_eq!(parse_form(&form).unwrap_err()[0].field, "levels_1_ar", "six levels on a five-level scale");
    }

    #[test]
    fn a_rubric_stored_before_languages_reads_in_every_language() {
        let old = r#"[{"key":"c1","name":"Impact","description":"","weight":2,"min":1,"max":3,"levels":["Faible","","Fort"]}]"#;
        let rubric: Vec<Criterion> = serde_json::from_str(old).unwrap();
        assert_eq!(rubric[0].name.pick(Lang::Ar), "Impact");
        assert_eq!(rubric[0].descriptor(3, Lang::En), Some("Fort"));
        assert_eq!(rubric[0].descriptor(2, Lang::En), None);
    }
}
