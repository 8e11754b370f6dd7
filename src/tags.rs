//! Tags as people type them (skills, languages, expertise, technologies): one way to read
//! them for every feature, and the one stored form (comma-separated, as typed: "ESP32, Rust,
//! SMS" stays "ESP32, Rust, SMS"). Two tags are the same tag whatever their case: a second
//! "rust" after "Rust" is dropped, and matching (filters, team fit, mentor matching, help
//! requests) compares [`key`]s.

use crate::error::FieldError;
use crate::i18n::Msg;
use std::collections::BTreeSet;

/// At most this many tags in one field.
pub const MAX_TAGS: usize = 20;
/// At most this many characters in one tag.
pub const TAG_LEN: usize = 40;

/// "Rust, data  science ,UX،rust" → trimmed, inner spaces collapsed, in the order typed with
/// the case typed, each tag once (the first way it was written wins). Commas (Latin or
/// Arabic), semicolons and new lines separate tags.
pub fn parse(raw: &str, max_tags: usize, max_len: usize) -> Result<Vec<String>, Msg> {
    let mut seen = BTreeSet::new();
    let tags: Vec<String> = raw
        .split([',', '،', ';', '\n'])
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty() && seen.insert(key(t)))
        .collect();
    if tags.len() > max_tags {
        return Err(Msg::ErrTooManyTags);
    }
    if tags.iter().any(|t| t.chars().count() > max_len || t.chars().any(char::is_control)) {
        return Err(Msg::ErrTagTooLong);
    }
    Ok(tags)
}

/// What two tags are compared by: "ESP32" and "esp32" are one tag.
pub fn key(tag: &str) -> String {
    tag.trim().to_lowercase()
}

/// The stored form back into tags, as keys, for matching.
pub fn keys(stored: &str) -> Vec<String> {
    split(stored).iter().map(|t| key(t)).collect()
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
    fn tags_keep_what_people_typed_and_match_whatever_the_case() {
        let v = |s: &[&str]| s.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(parse("ESP32, Rust, SMS", 10, 30).unwrap(), v(&["ESP32", "Rust", "SMS"]));
        assert_eq!(parse("Rust, data  science ,UX،rust", 10, 30).unwrap(), v(&["Rust", "data science", "UX"]));
        assert_eq!(parse("a,b,c", 2, 30), Err(Msg::ErrTooManyTags));
        // Repeats in another case count once against the limit.
        assert_eq!(parse("a,A,b", 2, 30).unwrap(), v(&["a", "b"]));
        assert_eq!(parse(&"x".repeat(41), 20, 40), Err(Msg::ErrTagTooLong));
        let mut errors = Vec::new();
        let stored = field(&mut errors, "skills", "Python; SQL\nrust");
        assert!(errors.is_empty());
        assert_eq!(stored, "Python,SQL,rust");
        assert_eq!(split(&stored), v(&["Python", "SQL", "rust"]));
        assert_eq!(keys(&stored), v(&["python", "sql", "rust"]));
        assert_eq!(key(" ESP32 "), key("esp32"));
        assert!(split("").is_empty());
    }
}
