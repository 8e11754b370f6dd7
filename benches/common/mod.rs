//! What the benchmarks share: timing a closure over several runs.

use std::time::{Duration, Instant};

/// Runs `f` `runs` times; returns the fastest, median and slowest run and the last result.
pub fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(std::hint::black_box(f()));
        times.push(start.elapsed());
    }
    times.sort();
    (times[0], times[runs / 2], times[runs - 1], last.expect("at least one run"))
}
