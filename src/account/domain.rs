//! Reset-link rules as plain values: how long a link lives, how long its token is, and when a
//! stored link still opens; and what a deleted account leaves behind.

/// How long a reset link works after it is issued: one hour, enough to pass the link on and
/// use it, short enough that a link left in a chat is soon worthless.
pub const RESET_TTL_SECS: i64 = 3600;

/// Letters and digits in a reset token (about 5.95 bits each: some 250 bits), far beyond
/// guessing even without the rate limit on using links.
pub const TOKEN_LEN: usize = 42;

/// The path of a reset link.
pub fn reset_path(token: &str) -> String {
    format!("/reset/{token}")
}

/// A reset link as people open it, on the configured public URL.
pub fn reset_url(public_url: &str, token: &str) -> String {
    format!("{}{}", public_url.trim_end_matches('/'), reset_path(token))
}

/// Reset links mailed to one account per hour at most, whoever asks: anyone may ask for a link
/// to be sent to any address, and each new link cancels the previous one, so more would let a
/// stranger flood a mailbox or keep cancelling the link its owner is about to use.
pub const MAILINGS_PER_HOUR: i64 = 3;

/// Whether one more link may be mailed to an account that had `sent_last_hour` this hour.
pub fn may_mail(sent_last_hour: i64) -> bool {
    sent_last_hour < MAILINGS_PER_HOUR
}

/// When a link issued at `issued_at` stops working.
pub fn expires_at(issued_at: i64) -> i64 {
    issued_at + RESET_TTL_SECS
}

/// Whether a stored link still opens at `now`: never used, and not expired.
pub fn usable(expires_at: i64, used_at: Option<i64>, now: i64) -> bool {
    used_at.is_none() && now < expires_at
}

/// Whether `token` has the shape of a reset token; anything else is refused before a lookup.
pub fn well_formed(token: &str) -> bool {
    token.len() == TOKEN_LEN && token.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The name a deleted account's row keeps, so that the scores it gave as a judge stay attached
/// to someone ("Deleted account #17" in the organizers' judges list and score exports). The
/// number is the row's id: unique, and nothing about the person.
pub fn deleted_name(user_id: i64) -> String {
    format!("Deleted account #{user_id}")
}

/// The e-mail column of a deleted account: unique (the column is), and not an address. No
/// form can ever name it (every address is parsed, and an address has an `@`), and the person's
/// real address is free for a new account.
pub fn deleted_email(user_id: i64) -> String {
    format!("deleted:{user_id}")
}

/// The password column of a deleted account: not an argon2 hash, so no password matches it
/// (the login checks it like an unknown account's), and unlike every earlier value, so the
/// sessions bound to the old one end.
pub fn deleted_password(random: &str) -> String {
    format!("deleted${random}")
}

/// Whether the confirmation typed before deleting an account is the account's own address
/// (compared as addresses are: trimmed, lower-cased). Typing it is a deliberate act that no
/// stray click or autofill makes, in any language.
pub fn confirms_deletion(typed: &str, email: &str) -> bool {
    !email.is_empty() && typed.trim().to_lowercase() == email.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_mailed_links_an_hour_at_most() {
        assert!(may_mail(0));
        assert!(may_mail(MAILINGS_PER_HOUR - 1));
        assert!(!may_mail(MAILINGS_PER_HOUR));
        assert!(!may_mail(MAILINGS_PER_HOUR + 5));
    }

    #[test]
    fn a_deleted_account_keeps_no_address_and_no_usable_password() {
        assert_eq!(deleted_name(17), "Deleted account #17");
        assert_eq!(deleted_email(17), "deleted:17");
        assert!(crate::auth::domain::Email::parse(&deleted_email(17)).is_err(), "not an address any form takes");
        let hash = deleted_password("abc");
        assert!(!hash.starts_with("$argon2") && !hash.starts_with("pass$"));
    }

    #[test]
    fn deleting_is_confirmed_by_typing_the_accounts_address() {
        assert!(confirms_deletion("  Salma@Example.MA ", "salma@example.ma"));
        assert!(!confirms_deletion("salma", "salma@example.ma"));
        assert!(!confirms_deletion("", "salma@example.ma"));
        assert!(!confirms_deletion("", ""));
    }

    #[test]
    fn a_link_works_for_an_hour_and_once() {
        let issued = 1_000_000;
        let expires = expires_at(issued);
        assert_eq!(expires, issued + 3600);
        assert!(usable(expires, None, issued));
        assert!(usable(expires, None, expires - 1));
        assert!(!usable(expires, None, expires), "expired at the hour");
        assert!(!usable(expires, Some(issued + 10), issued + 20), "used once");
    }

    #[test]
    fn links_are_built_on_the_public_url() {
        assert_eq!(reset_url("https://hakam.example/", "abc"), "https://hakam.example/reset/abc");
        assert_eq!(reset_url("http://127.0.0.1:3000", "abc"), "http://127.0.0.1:3000/reset/abc");
    }

    #[test]
    fn only_tokens_of_the_right_shape_are_looked_up() {
        assert!(well_formed(&"a".repeat(TOKEN_LEN)));
        assert!(!well_formed(&"a".repeat(TOKEN_LEN - 1)));
        assert!(!well_formed(&format!("{}/", "a".repeat(TOKEN_LEN - 1))));
        assert!(!well_formed(""));
    }
}
