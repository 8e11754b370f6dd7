//! Help desk rules: the figures of a set of requests. Plain functions over plain data,
//! tested without a database.

use super::HelpStats;

/// What the figures are computed from: one help request.
pub struct HelpSample<'a> {
    pub status: &'a str,
    pub created_at: i64,
    pub claimed_at: Option<i64>,
    pub resolved_at: Option<i64>,
    pub mentor: Option<&'a str>,
}

/// The figures of a set of requests at time `now` (seconds). Clock skew between instances
/// never makes a duration negative.
pub fn help_stats(requests: &[HelpSample], now: i64) -> HelpStats {
    let minutes = |from: i64, to: i64| (to - from).max(0) / 60;
    let count = |status: &str| requests.iter().filter(|r| r.status == status).count() as i64;
    let mut per_mentor: Vec<(String, i64)> = Vec::new();
    for r in requests.iter().filter(|r| r.status == "resolved") {
        let name = r.mentor.unwrap_or_default();
        match per_mentor.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 += 1,
            None => per_mentor.push((name.to_owned(), 1)),
        }
    }
    HelpStats {
        open: count("open"),
        claimed: count("claimed"),
        resolved: count("resolved"),
        median_wait_minutes: median(
            requests.iter().filter_map(|r| r.claimed_at.map(|c| minutes(r.created_at, c))).collect(),
        ),
        median_resolve_minutes: median(
            requests.iter().filter_map(|r| r.resolved_at.map(|d| minutes(r.created_at, d))).collect(),
        ),
        oldest_open_minutes: requests.iter().filter(|r| r.status == "open").map(|r| minutes(r.created_at, now)).max(),
        per_mentor,
    }
}

/// The median of whole minutes, or `None` for no samples.
pub fn median(mut values: Vec<i64>) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) { (values[mid - 1] + values[mid]) / 2 } else { values[mid] })
}

#[cfg(test)]
mod tests {
    #[test]
    fn help_figures_from_requests() {
        let at = |m: i64| 1_000_000 + m * 60;
        let sample = |status, created, claimed: Option<i64>, resolved: Option<i64>, mentor| super::HelpSample {
            status,
            created_at: at(created),
            claimed_at: claimed.map(at),
            resolved_at: resolved.map(at),
            mentor,
        };
        let requests = [
            sample("resolved", 0, Some(4), Some(20), Some("Salma")),
            sample("resolved", 10, Some(12), Some(15), Some("Yassine")),
            sample("resolved", 30, Some(36), Some(50), Some("Salma")),
            sample("claimed", 40, Some(50), None, Some("Yassine")),
            sample("open", 55, None, None, None),
            sample("open", 58, None, None, None),
            sample("cancelled", 5, None, None, None),
        ];
        let stats = super::help_stats(&requests, at(60));
        assert_eq!((stats.open, stats.claimed, stats.resolved), (2, 1, 3));
        // Waits 4, 2, 6, 10: the mean of the two middle ones.
        assert_eq!(stats.median_wait_minutes, Some(5));
        // Resolutions after 20, 5, 20 minutes.
        assert_eq!(stats.median_resolve_minutes, Some(20));
        assert_eq!(stats.oldest_open_minutes, Some(5));
        assert_eq!(stats.per_mentor, vec![("Salma".to_owned(), 2), ("Yassine".to_owned(), 1)]);
        // A claim stamped before its request (another instance's clock) counts as no wait.
        let skewed = [sample("claimed", 10, Some(9), None, Some("Salma"))];
        assert_eq!(super::help_stats(&skewed, at(20)).median_wait_minutes, Some(0));
    }

    #[test]
    fn median_of_minutes() {
        assert_eq!(super::median(vec![]), None);
        assert_eq!(super::median(vec![7, 1, 3]), Some(3));
        assert_eq!(super::median(vec![4, 1, 3, 10]), Some(3));
    }
}
