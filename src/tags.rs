//! Tags as people type them (skills, languages, expertise, technologies): one way to read
//! them for every feature, and the one stored form (lower-case, comma-separated, sorted).

use crate::error::FieldError;
use crate::i18n::Msg;
use std::collections::BTreeSet;

/// At most this many tags in one field.
pub const MAX_TAGS: usize = 20;
/// At most this many characters in one tag.
pub const TAG_LEN: usize = 40;

/// "Rust, data science ,UX" → trimmed, lower-cased, unique, sorted. Commas (Latin or Arabic),
/// semicolons and new lines separate tags.
pub fn parse(raw: &str, max_tags: usize, max_len: usize) -> Result<Vec<String>, Msg> {
    let tags: BTreeSet<String> = raw
        .split([',', '،', ';', '\n'])
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    if tags.len() > max_tags {
        return Err(Msg::ErrTooManyTags);
    }
    if tags.iter().any(|t| t.chars().count() > max_len || t.chars().any(char::is_control)) {
        return Err(Msg::ErrTagTooLong);
    }
    Ok(tags.into_iter().collect())
}

/// A form field of tags, in the stored form; a problem is added to `errors` under `field`.
pub fn field(errors: &mut Vec<FieldError>, field: &str, raw: &str) -> String {
    match parse(raw, MAX_TAGS, TAG_LEN) {
        Ok(tags) => tags.join(","),
        Err(k) => {
            errors.push(FieldError::new(field, k));
            String::new()
        }
    }
}

/// The stored form back into tags.
pub fn split(stored: &str) -> Vec<String> {
    stored.split(',').filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalized_and_stored_in_one_form() {
        let v = |s: &[&str]| s.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(parse("Rust, data  science ,UX،rust", 10, 30).unwrap(), v(&["data science", "rust", "ux"]));
        assert_eq!(parse("a,b,c", 2, 30), Err(Msg::ErrTooManyTags));
        assert_eq!(parse(&"x".repeat(41), 20, 40), Err(Msg::ErrTagTooLong));
        let mut errors = Vec::new();
        let stored = field(&mut errors, "skills", "Python; SQL\nrust");
        assert!(errors.is_empty());
        assert_eq!(stored, "python,rust,sql");
        assert_eq!(split(&stored), v(&["python", "rust", "sql"]));
        assert!(split("").is_empty());
    }
}
