//! A mentor's day: how long a held request has left. Plain functions, tested without a
//! database.

/// Minutes a request claimed at `claimed_at` has been held at `now`, and minutes left before
/// a `limit`-minute claim goes back to the queue (never below zero).
pub fn held(claimed_at: i64, limit_minutes: i64, now: i64) -> (i64, i64) {
    let held = (now - claimed_at).max(0) / 60;
    let left = (claimed_at + limit_minutes * 60 - now).max(0);
    // Rounded up: "1 minute left" until the very last second.
    (held, (left + 59) / 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_held_request_counts_down_to_its_limit() {
        let t = 1_000_000;
        assert_eq!(super::held(t, 20, t), (0, 20));
        assert_eq!(super::held(t, 20, t + 5 * 60 + 30), (5, 15));
        assert_eq!(super::held(t, 20, t + 19 * 60 + 59), (19, 1));
        assert_eq!(super::held(t, 20, t + 20 * 60), (20, 0));
        assert_eq!(super::held(t, 20, t + 45 * 60), (45, 0));
        // A claim stamped ahead of this instance's clock has been held no time at all.
        assert_eq!(super::held(t + 90, 20, t), (0, 22));
    }
}
