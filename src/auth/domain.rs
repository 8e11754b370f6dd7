//! Account input rules: each value can only be built through `parse`, which says what is wrong
//! as a message key, so the caller can put the message next to the right field.

use crate::i18n::Msg;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// RFC 5321's limit on a forward path, in bytes.
    pub const MAX_BYTES: usize = 254;
    pub fn parse(raw: &str) -> Result<Email, Msg> {
        let email = raw.trim();
        if email.is_empty() {
            return Err(Msg::ErrRequired);
        }
        // Checked before lower-casing (which may lengthen it) and before anything else.
        if email.len() > Self::MAX_BYTES {
            return Err(Msg::ErrTooLong);
        }
        let email = email.to_lowercase();
        if email.len() > Self::MAX_BYTES {
            return Err(Msg::ErrTooLong);
        }
        let Some((local, domain)) = email.split_once('@') else {
            return Err(Msg::ErrEmailInvalid);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.chars().any(|c| c.is_whitespace() || c == '@' || c.is_control());
        if domain_ok && local_ok {
            Ok(Email(email))
        } else {
            Err(Msg::ErrEmailInvalid)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A one-line name (of a person, a team…): inner whitespace folded, required, bounded.
pub fn parse_name(raw: &str, max: usize) -> Result<String, Msg> {
    // Spaces fold away below, but a megabyte of them is refused before any work.
    if raw.len() > 4 * max + 64 {
        return Err(Msg::ErrTooLong);
    }
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(Msg::ErrRequired)
    } else if name.chars().count() > max {
        Err(Msg::ErrTooLong)
    } else if name.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        Err(Msg::ErrInvalidCharacters)
    } else {
        Ok(name)
    }
}

/// The explicit direction overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069).
/// Arabic and French names need none of them (pages lay text out with `dir="auto"`), and
/// they can make a name read as another one ("Trojan source" style spoofing).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX: usize = 80;
    pub fn parse(raw: &str) -> Result<DisplayName, Msg> {
        parse_name(raw, Self::MAX).map(DisplayName)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password as typed. Never serialized; its `Debug` does not print it.
#[derive(Clone)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password([redacted])")
    }
}

impl Password {
    pub const MIN: usize = 10;
    pub const MAX: usize = 128;
    /// Rules for a new password: long enough to resist guessing, short enough to hash quickly.
    pub fn parse_new(raw: String) -> Result<Password, Msg> {
        if raw.len() > 4 * Self::MAX {
            return Err(Msg::ErrTooLong);
        }
        let len = raw.chars().count();
        if len < Self::MIN {
            Err(Msg::ErrPasswordTooShort)
        } else if len > Self::MAX {
            Err(Msg::ErrTooLong)
        } else {
            Ok(Password(raw))
        }
    }
    /// A password offered at login: only the length cap applies.
    pub fn offered(raw: String) -> Password {
        Password(raw.chars().take(Self::MAX + 1).collect())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Where to go after signing in or switching language: only a path on this site, never
/// another origin. Browsers drop tabs and newlines from URLs and read `\` as `/`, so
/// `/\t/evil.example` or `/\\evil.example` would become `//evil.example`, another site:
/// the path must be printable ASCII (Hakam's own paths are; others arrive percent-encoded)
/// with no backslash and no empty segment (`//`) anywhere, and it must start with `/`.
pub fn safe_next(next: Option<&str>) -> String {
    const MAX: usize = 2048;
    match next {
        Some(path)
            if path.starts_with('/')
                && path.len() <= MAX
                && path.bytes().all(|b| b.is_ascii_graphic())
                && !path.contains('\\')
                && !path.contains("//") =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalized_and_checked() {
        assert_eq!(Email::parse("  Salma@Example.MA ").unwrap().as_str(), "salma@example.ma");
        assert_eq!(Email::parse(""), Err(Msg::ErrRequired));
        for bad in ["salma", "salma@", "@example.ma", "salma@example", "sa lma@example.ma", "a@b..ma", "a@.b.ma"] {
            assert_eq!(Email::parse(bad), Err(Msg::ErrEmailInvalid), "{bad}");
        }
        // 254 bytes at most, counted in bytes: 127 two-byte letters are 254 bytes, 128 too many.
        let ok = format!("{}@{}.ma", "a".repeat(64), "b".repeat(254 - 64 - 4));
        assert_eq!(ok.len(), 254);
        assert!(Email::parse(&ok).is_ok());
        assert_eq!(Email::parse(&format!("a{ok}")), Err(Msg::ErrTooLong));
        assert_eq!(Email::parse(&format!("a@{}.ma", "é".repeat(126))), Err(Msg::ErrTooLong));
        assert_eq!(Email::parse(&"x".repeat(1 << 20)), Err(Msg::ErrTooLong));
    }

    #[test]
    fn names_refuse_direction_overrides() {
        assert_eq!(DisplayName::parse("Salma \u{202e}ilA"), Err(Msg::ErrInvalidCharacters));
        assert_eq!(DisplayName::parse("\u{2067}سلمى"), Err(Msg::ErrInvalidCharacters));
        // The plain marks some keyboards insert stay allowed.
        assert!(DisplayName::parse("سلمى\u{200f} B.").is_ok());
    }

    #[test]
    fn display_names_fold_spaces_and_keep_arabic() {
        assert_eq!(DisplayName::parse("  سلمى   بنعلي ").unwrap().as_str(), "سلمى بنعلي");
        assert_eq!(DisplayName::parse("   "), Err(Msg::ErrRequired));
        assert_eq!(DisplayName::parse(&"x".repeat(81)), Err(Msg::ErrTooLong));
        assert_eq!(DisplayName::parse(&format!("a{}b", " ".repeat(1 << 20))), Err(Msg::ErrTooLong));
    }

    #[test]
    fn passwords_have_bounds_and_hide_in_debug() {
        assert_eq!(Password::parse_new("short".into()).unwrap_err(), Msg::ErrPasswordTooShort);
        assert!(Password::parse_new("long enough pass".into()).is_ok());
        assert_eq!(Password::parse_new("x".repeat(129)).unwrap_err(), Msg::ErrTooLong);
        let p = Password::offered("secret-value".into());
        assert!(!format!("{p:?}").contains("secret"));
    }

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/events/3")), "/events/3");
        assert_eq!(safe_next(Some("/events/3/judge?project=4#top")), "/events/3/judge?project=4#top");
        assert_eq!(safe_next(Some("/")), "/");
        assert_eq!(safe_next(None), "/");
        let hostile = [
            "//evil.example",
            "///evil.example",
            "https://evil.example",
            "http:evil.example",
            "javascript:alert(1)",
            "evil.example",
            "",
            " /events",
            "/\\evil",
            "\\\\evil.example",
            "/\\/evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "\t//evil.example",
            "/%09/evil.example/\u{0}",
            "/ /evil.example",
            "/\u{a0}/evil.example",
            "/\u{3000}/evil.example",
            "/\u{202e}/evil.example",
            "/\u{ff0f}evil.example",
            "/events//evil.example",
            "/./\t/evil.example",
            "/x\u{7f}",
        ];
        for next in hostile {
            assert_eq!(safe_next(Some(next)), "/", "{next:?} must not be followed");
        }
        assert_eq!(safe_next(Some(&format!("/{}", "a".repeat(3000)))), "/");
    }
}
