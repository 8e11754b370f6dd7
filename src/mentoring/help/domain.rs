//! Help desk rules: the figures of a set of requests, the wait a team can expect, each
//! mentor's load and the claim limit. Plain functions over plain data, tested without a
//! database.

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

/// The shortest and longest time a mentor may hold a request before it goes back to the queue.
pub const CLAIM_MINUTES: std::ops::RangeInclusive<i64> = 5..=240;

/// Reads the organizer's claim limit ("20"), in minutes within [`CLAIM_MINUTES`].
pub fn parse_claim_minutes(input: &str) -> Option<i64> {
    input.trim().parse::<i64>().ok().filter(|m| CLAIM_MINUTES.contains(m))
}

/// Whether mentor `me` is still told that a request went back to the queue from them: it
/// expired from them within the last hour and is still waiting (or held by someone else).
pub fn told_of_expiry(
    expired_from: Option<i64>,
    expired_at: Option<i64>,
    status: &str,
    claimed_by: Option<i64>,
    me: i64,
    now: i64,
) -> bool {
    expired_from == Some(me)
        && expired_at.is_some_and(|at| at > now - 3600)
        && (status == "open" || (status == "claimed" && claimed_by != Some(me)))
}

/// Minutes until a mentor reaches the request at `position` in the queue (1: next), from the
/// last hour's help desk: the median time a mentor spent on a request (from taking it to its
/// resolution), times the requests to go through, shared among the mentors who resolved
/// requests in that hour. `None` when nobody resolved a request taken by a mentor in the last
/// hour: there is nothing honest to go by.
pub fn estimate_minutes(position: i64, requests: &[HelpSample], now: i64) -> Option<i64> {
    let recent: Vec<&HelpSample> = requests
        .iter()
        .filter(|r| r.status == "resolved" && r.claimed_at.is_some() && r.resolved_at.is_some_and(|d| d > now - 3600))
        .collect();
    let handling = median(recent.iter().filter_map(|r| Some((r.resolved_at? - r.claimed_at?).max(0))).collect())?;
    let mut mentors: Vec<&str> = recent.iter().filter_map(|r| r.mentor).collect();
    mentors.sort_unstable();
    mentors.dedup();
    let seconds = position.max(1) * handling / (mentors.len().max(1) as i64);
    Some(((seconds + 59) / 60).max(1))
}

/// One mentor's part in the help desk, for the load figures.
pub struct Activity {
    pub mentor: i64,
    pub status: String,
    pub claimed_at: Option<i64>,
    pub resolved_at: Option<i64>,
}

/// A mentor's load: whether they hold a request, how many they resolved in the last hour,
/// and, when they hold none, for how many minutes since their last resolution (`None`: they
/// have not resolved one yet).
#[derive(Debug, PartialEq, Eq)]
pub struct Load {
    pub mentor: i64,
    pub busy: bool,
    pub resolved_last_hour: i64,
    pub idle_minutes: Option<i64>,
}

/// Every mentor's load, idle mentors first (the longest idle first, then those who have not
/// helped yet), then busy ones: who the organizer can send next.
pub fn loads(mentors: &[i64], requests: &[Activity], now: i64) -> Vec<Load> {
    let mut out: Vec<Load> = mentors
        .iter()
        .map(|&mentor| {
            let theirs = || requests.iter().filter(move |r| r.mentor == mentor);
            let busy = theirs().any(|r| r.status == "claimed");
            let last = theirs().filter(|r| r.status == "resolved").filter_map(|r| r.resolved_at).max();
            Load {
                mentor,
                busy,
                resolved_last_hour: theirs()
                    .filter(|r| r.status == "resolved" && r.resolved_at.is_some_and(|d| d > now - 3600))
                    .count() as i64,
                idle_minutes: if busy { None } else { last.map(|at| (now - at).max(0) / 60) },
            }
        })
        .collect();
    out.sort_by_key(|l| (l.busy, l.idle_minutes.is_none(), std::cmp::Reverse(l.idle_minutes.unwrap_or(0))));
    out
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
    fn the_wait_is_estimated_from_the_last_hour_of_help() {
        let now = 10_000_000;
        let min = |m: i64| now - m * 60;
        let sample = |claimed: i64, resolved: i64, mentor| super::HelpSample {
            status: "resolved",
            created_at: min(claimed + 5),
            claimed_at: Some(min(claimed)),
            resolved_at: Some(min(resolved)),
            mentor: Some(mentor),
        };
        // Two mentors, handling times 10, 6 and 20 minutes: median 10 minutes.
        let recent = [sample(50, 40, "Salma"), sample(30, 24, "Yassine"), sample(25, 5, "Salma")];
        // Third in the queue: three requests of 10 minutes shared by two mentors.
        assert_eq!(super::estimate_minutes(3, &recent, now), Some(15));
        assert_eq!(super::estimate_minutes(1, &recent, now), Some(5));
        // Help resolved over an hour ago, or by the team without a mentor, tells nothing.
        let old = [sample(90, 70, "Salma")];
        assert_eq!(super::estimate_minutes(1, &old, now), None);
        let by_team = [super::HelpSample { claimed_at: None, ..sample(20, 10, "Salma") }];
        assert_eq!(super::estimate_minutes(1, &by_team, now), None);
        // A handling time under a minute still promises no wait shorter than a minute.
        assert_eq!(super::estimate_minutes(1, &[sample(1, 1, "Salma")], now), Some(1));
    }

    #[test]
    fn idle_mentors_come_first_and_busy_ones_last() {
        let now = 10_000_000;
        let act = |mentor, status: &str, resolved_ago: Option<i64>| super::Activity {
            mentor,
            status: status.to_owned(),
            claimed_at: Some(now - 7200),
            resolved_at: resolved_ago.map(|m| now - m * 60),
        };
        let requests = [
            act(1, "claimed", None),
            act(1, "resolved", Some(10)),
            act(2, "resolved", Some(30)),
            act(2, "resolved", Some(90)),
            act(3, "resolved", Some(5)),
        ];
        let loads = super::loads(&[1, 2, 3, 4], &requests, now);
        let order: Vec<(i64, bool, i64, Option<i64>)> =
            loads.iter().map(|l| (l.mentor, l.busy, l.resolved_last_hour, l.idle_minutes)).collect();
        assert_eq!(order, [(2, false, 1, Some(30)), (3, false, 1, Some(5)), (4, false, 0, None), (1, true, 1, None)]);
    }

    #[test]
    fn a_mentor_is_told_of_an_expired_claim_until_someone_answers_it() {
        let now = 10_000_000;
        let told = |from, at: i64, status, by| super::told_of_expiry(from, Some(now - at), status, by, 7, now);
        assert!(told(Some(7), 60, "open", None));
        assert!(told(Some(7), 60, "claimed", Some(8)), "someone else took it: still worth knowing");
        assert!(!told(Some(7), 60, "claimed", Some(7)), "taken again by the mentor");
        assert!(!told(Some(7), 60, "resolved", None));
        assert!(!told(Some(8), 60, "open", None), "another mentor's");
        assert!(!told(Some(7), 3600, "open", None), "over an hour ago");
        assert!(!super::told_of_expiry(None, None, "open", None, 7, now));
    }

    #[test]
    fn the_claim_limit_is_whole_minutes_within_bounds() {
        assert_eq!(super::parse_claim_minutes(" 20 "), Some(20));
        assert_eq!(super::parse_claim_minutes("5"), Some(5));
        assert_eq!(super::parse_claim_minutes("240"), Some(240));
        for bad in ["4", "241", "", "20.5", "vingt", "-20"] {
            assert_eq!(super::parse_claim_minutes(bad), None, "{bad}");
        }
    }

    #[test]
    fn median_of_minutes() {
        assert_eq!(super::median(vec![]), None);
        assert_eq!(super::median(vec![7, 1, 3]), Some(3));
        assert_eq!(super::median(vec![4, 1, 3, 10]), Some(3));
    }
}
