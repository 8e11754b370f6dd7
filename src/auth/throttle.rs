//! How login attempts are slowed down: stop guessing without letting a stranger lock the
//! owner out of their account. Plain functions over counts, so the numbers can be checked
//! without a database; `auth::db::reserve_attempt` loads the counts and applies them.
//!
//! A *client* is a browser that signed in to the account before (it carries a device cookie,
//! "trusted"), else the client address. Three rules:
//!
//! 1. **Per (account, client) back-off.** The first `free_attempts` failures in 24 h cost
//!    nothing; after that each attempt must wait 1 s, 2 s, 4 s … after the previous failure,
//!    up to `max_delay_secs`. A right password from that client clears its failures.
//! 2. **Per-account slowdown for strangers.** Attempts on one account from all untrusted
//!    clients together are limited to `account_per_minute`, so many addresses cannot guess
//!    fast either. Trusted browsers skip this rule: a flood from elsewhere never keeps the
//!    owner out of an account they signed in to from that browser before.
//! 3. **Per-address cap.** Untrusted failures from one address over all accounts are limited
//!    to `address_per_hour` (password spraying).
//!
//! There is no hard lock: the right password from the owner's own browser always gets in
//! once that browser's own back-off (which strangers cannot raise) allows an attempt.

use crate::config::LoginLimits;

/// How long failures count towards a client's back-off on an account.
pub const PAIR_WINDOW_SECS: i64 = 24 * 3600;
pub const ACCOUNT_WINDOW_SECS: i64 = 60;
pub const ADDRESS_WINDOW_SECS: i64 = 3600;

/// What the store knows about recent attempts when a new one arrives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recent {
    /// This client's failures on this account in the last 24 h, and when the last one was.
    pub pair_failures: u32,
    pub pair_last: i64,
    /// Untrusted attempts on this account in the last minute, and the oldest one's time.
    pub account_attempts: u32,
    pub account_oldest: i64,
    /// Untrusted failures from this address in the last hour, and the oldest one's time.
    pub address_failures: u32,
    pub address_oldest: i64,
}

/// The wait a client owes after `failures` failures on one account (0 while still free).
pub fn backoff_secs(limits: &LoginLimits, failures: u32) -> i64 {
    if failures < limits.free_attempts {
        return 0;
    }
    let doublings = (failures - limits.free_attempts).min(40);
    (1i64 << doublings).min(limits.max_delay_secs)
}

/// `Ok` if an attempt may be made now, else the seconds to wait (at least 1).
pub fn decide(limits: &LoginLimits, recent: &Recent, trusted: bool, now: i64) -> Result<(), i64> {
    let mut wait = 0i64;
    let backoff = backoff_secs(limits, recent.pair_failures);
    if backoff > 0 {
        wait = wait.max(recent.pair_last + backoff - now);
    }
    if !trusted {
        if recent.account_attempts >= limits.account_per_minute {
            wait = wait.max(recent.account_oldest + ACCOUNT_WINDOW_SECS - now);
        }
        if recent.address_failures >= limits.address_per_hour {
            wait = wait.max(recent.address_oldest + ADDRESS_WINDOW_SECS - now);
        }
    }
    if wait > 0 {
        Err(wait)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> LoginLimits {
        LoginLimits { free_attempts: 5, max_delay_secs: 900, account_per_minute: 10, address_per_hour: 300 }
    }

    #[test]
    fn backoff_is_free_then_doubles_up_to_the_cap() {
        let l = limits();
        let waits: Vec<i64> = (0..17).map(|n| backoff_secs(&l, n)).collect();
        assert_eq!(waits, [0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
        assert_eq!(backoff_secs(&l, u32::MAX), 900);
    }

    #[test]
    fn a_client_waits_after_its_free_attempts() {
        let l = limits();
        let now = 10_000;
        let four = Recent { pair_failures: 4, pair_last: now, ..Default::default() };
        assert_eq!(decide(&l, &four, false, now), Ok(()));
        // Eight failures: 8 s after the last one.
        let eight = Recent { pair_failures: 8, pair_last: now - 3, ..Default::default() };
        assert_eq!(decide(&l, &eight, false, now), Err(5));
        assert_eq!(decide(&l, &eight, false, now + 5), Ok(()));
        // The back-off holds for trusted browsers too (a stolen device cookie gains nothing).
        assert_eq!(decide(&l, &eight, true, now), Err(5));
    }

    #[test]
    fn strangers_together_are_slowed_but_a_trusted_browser_is_not() {
        let l = limits();
        let now = 10_000;
        let flooded = Recent { account_attempts: 10, account_oldest: now - 20, ..Default::default() };
        assert_eq!(decide(&l, &flooded, false, now), Err(40));
        assert_eq!(decide(&l, &flooded, true, now), Ok(()));
        let sprayed = Recent { address_failures: 300, address_oldest: now - 3000, ..Default::default() };
        assert_eq!(decide(&l, &sprayed, false, now), Err(600));
        assert_eq!(decide(&l, &sprayed, true, now), Ok(()));
    }

    #[test]
    fn the_longest_wait_wins() {
        let l = limits();
        let now = 10_000;
        let both = Recent {
            pair_failures: 6,
            pair_last: now,
            account_attempts: 10,
            account_oldest: now - 50,
            ..Default::default()
        };
        assert_eq!(decide(&l, &both, false, now), Err(10));
    }
}
