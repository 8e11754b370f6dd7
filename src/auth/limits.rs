//! Who the client is (its address, behind trusted proxies) and the per-client rate limit on
//! actions that create accounts or roles: sign-up, invite acceptance and judge-pass joins.
//!
//! The rate limit is kept in memory, per server instance: with several instances behind a
//! load balancer each one allows the configured rate. That is enough for its purpose (a
//! script cannot create thousands of accounts or passes a minute), costs no database write
//! per request, and keeps working while a flood is being refused.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The client address from `X-Forwarded-For`, given the socket's peer address and how many
/// proxies in front of Hakam append to that header.
///
/// Each proxy appends the address it received the request from, so with `hops` trusted
/// proxies the client is the `hops`-th entry from the right; everything to its left was
/// written by the client and is ignored. With 0 hops, a missing or unreadable header, or
/// fewer entries than hops (the request did not come through every proxy), the peer address
/// is the answer.
pub fn client_ip<'a>(
    forwarded_for: impl IntoIterator<Item = &'a str>,
    hops: usize,
    peer: Option<IpAddr>,
) -> Option<IpAddr> {
    if hops == 0 {
        return peer;
    }
    // Several header lines are one list, in order (RFC 9110, 5.3).
    let entries: Vec<&str> = forwarded_for.into_iter().flat_map(|line| line.split(',')).map(str::trim).collect();
    if entries.len() < hops {
        return peer;
    }
    parse_hop(entries[entries.len() - hops]).or(peer)
}

/// One `X-Forwarded-For` entry: an address, possibly with a port (`1.2.3.4:80`, `[::1]:80`).
fn parse_hop(entry: &str) -> Option<IpAddr> {
    entry.parse::<IpAddr>().ok().or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// A token bucket per key (kept as its "theoretical arrival time", GCRA): `per_minute`
/// actions a minute, with bursts of that many.
#[derive(Clone, Debug)]
pub struct RateLimiter {
    interval: Duration,
    burst: Duration,
    buckets: Arc<Mutex<HashMap<String, Instant>>>,
}

/// Past this many keys, buckets that have refilled are dropped (they equal a new bucket).
const PRUNE_AT: usize = 10_000;

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        let per_minute = per_minute.max(1);
        let interval = Duration::from_secs(60) / per_minute;
        RateLimiter { interval, burst: interval * (per_minute - 1), buckets: Default::default() }
    }

    /// Takes one action for `key`: `Ok`, or the whole seconds to wait for the next one.
    pub fn take(&self, key: &str) -> Result<(), u64> {
        self.take_at(key, Instant::now())
    }

    /// Whether `key` has used up its budget, without taking from it: `Some` whole seconds to
    /// wait until its next action would be let through.
    pub fn limited(&self, key: &str) -> Option<u64> {
        self.limited_at(key, Instant::now())
    }

    fn limited_at(&self, key: &str, now: Instant) -> Option<u64> {
        let buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let ahead = buckets.get(key).copied().unwrap_or(now).max(now) - now;
        (ahead > self.burst).then(|| {
            let wait = ahead - self.burst;
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }

    fn take_at(&self, key: &str, now: Instant) -> Result<(), u64> {
        let mut buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.len() >= PRUNE_AT {
            buckets.retain(|_, tat| *tat > now);
        }
        let tat = buckets.get(key).copied().unwrap_or(now).max(now);
        let ahead = tat - now;
        if ahead > self.burst {
            let wait = ahead - self.burst;
            return Err(wait.as_secs() + u64::from(wait.subsec_nanos() > 0));
        }
        buckets.insert(key.to_owned(), tat + self.interval);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn the_header_is_ignored_without_trusted_proxies() {
        assert_eq!(client_ip(["6.6.6.6"], 0, ip("10.0.0.1")), ip("10.0.0.1"));
    }

    #[test]
    fn the_client_is_the_entry_the_trusted_proxy_added() {
        let peer = ip("10.0.0.1");
        // The client wrote "6.6.6.6" itself; the proxy appended the address it saw.
        assert_eq!(client_ip(["6.6.6.6, 203.0.113.7"], 1, peer), ip("203.0.113.7"));
        assert_eq!(client_ip(["203.0.113.7"], 1, peer), ip("203.0.113.7"));
        // Two proxies: a CDN then a local proxy, each appending.
        assert_eq!(client_ip(["6.6.6.6, 203.0.113.7, 198.51.100.2"], 2, peer), ip("203.0.113.7"));
        // Several header lines are one list.
        assert_eq!(client_ip(["6.6.6.6", "203.0.113.7"], 1, peer), ip("203.0.113.7"));
        // Ports and IPv6.
        assert_eq!(client_ip(["203.0.113.7:4711"], 1, peer), ip("203.0.113.7"));
        assert_eq!(client_ip(["[2001:db8::1]:443"], 1, peer), ip("2001:db8::1"));
        assert_eq!(client_ip(["2001:db8::1"], 1, peer), ip("2001:db8::1"));
    }

    #[test]
    fn missing_short_or_garbled_headers_fall_back_to_the_peer() {
        let peer = ip("10.0.0.1");
        assert_eq!(client_ip([], 1, peer), peer);
        assert_eq!(client_ip(["203.0.113.7"], 2, peer), peer);
        assert_eq!(client_ip(["6.6.6.6, not-an-address"], 1, peer), peer);
        assert_eq!(client_ip(["6.6.6.6, "], 1, peer), peer);
    }

    #[test]
    fn buckets_allow_a_burst_then_the_rate() {
        let limiter = RateLimiter::new(3);
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.take_at("a", t0), Ok(()));
        }
        // One action per 20 s after the burst.
        assert_eq!(limiter.take_at("a", t0), Err(20));
        assert_eq!(limiter.take_at("b", t0), Ok(()), "another client has its own bucket");
        assert_eq!(limiter.take_at("a", t0 + Duration::from_secs(10)), Err(10));
        assert_eq!(limiter.take_at("a", t0 + Duration::from_secs(20)), Ok(()));
    }

    #[test]
    fn a_peek_tells_a_used_up_budget_without_taking_from_it() {
        let limiter = RateLimiter::new(2);
        let t = Instant::now();
        assert_eq!(limiter.limited_at("a", t), None);
        assert!(limiter.take_at("a", t).is_ok());
        assert_eq!(limiter.limited_at("a", t), None, "a peek takes nothing");
        assert!(limiter.take_at("a", t).is_ok());
        assert!(limiter.limited_at("a", t).is_some());
        assert!(limiter.take_at("a", t).is_err());
        assert_eq!(limiter.limited_at("b", t), None, "per key");
        assert_eq!(limiter.limited_at("a", t + Duration::from_secs(30)), None, "refilled");
    }
}
