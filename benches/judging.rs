//! Judging benchmarks. Run: `cargo bench --features ssr --bench judging` (prints figures,
//! asserts nothing).
//!
//! 1. Judge assignment, 1,000 projects × 150 judges, K = 3, with conflicts.
//! 2. Ranking recompute, 1,000 projects × 5,000 scores: weighted totals from the stored
//!    marks (JSON), per-judge normalization, ranking and tie-breaks.
//!
//! Score saves over HTTP are measured from outside the server by `benches/saves.rs`.

use hakam::judging::assign::{plan, Existing, Input, Judge, Project};
use hakam::judging::manage::db::ScoreRow;
use hakam::judging::manage::domain::totals;
use hakam::judging::results::{rank, Entry, Method};
use hakam::judging::rubric::Criterion;
use rand::{Rng, SeedableRng};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

mod common;
use common::time;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn criteria() -> Vec<Criterion> {
    (1..=5)
        .map(|i| Criterion {
            key: format!("c{i}"),
            name: hakam::i18n::Localized::same(format!("C{i}")),
            description: Default::default(),
            weight: i,
            min: 1,
            max: 5,
            levels: vec![],
        })
        .collect()
}

fn bench_assignment() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(5);
    let projects: Vec<Project> =
        (0..1000).map(|id| Project { id, team: 10_000 + id, track: Some(id % 5), room: None }).collect();
    let judges: Vec<Judge> = (0..150)
        .map(|id| Judge {
            id: 100_000 + id,
            active: true,
            tracks: if id % 10 == 0 { vec![id % 5] } else { vec![] },
            rooms: vec![],
        })
        .collect();
    let conflicts: HashSet<(i64, i64)> =
        (0..600).map(|_| (100_000 + rng.gen_range(0..150), 10_000 + rng.gen_range(0..1000))).collect();
    let (min, median, max, p) = time(10, || {
        plan(&Input {
            projects: &projects,
            judges: &judges,
            conflicts: &conflicts,
            existing: &[],
            k: 3,
            seed: 1,
            rebalance: false,
        })
    });
    println!(
        "judge assignment, 1000 projects x 150 judges, K=3, 600 conflicts: min {:.1} ms, median {:.1} ms, max {:.1} ms; {} seats, {} under-covered",
        ms(min), ms(median), ms(max), p.add.len(), p.under.len()
    );
    // A re-run over the full existing assignment (nothing to add).
    let existing: Vec<Existing> =
        p.add.iter().map(|&(project, judge)| Existing { project, judge, scored: true }).collect();
    let (_, median, _, _) = time(10, || {
        plan(&Input {
            projects: &projects,
            judges: &judges,
            conflicts: &conflicts,
            existing: &existing,
            k: 3,
            seed: 1,
            rebalance: false,
        })
    });
    println!("judge assignment re-run over 3000 existing seats: median {:.1} ms", ms(median));
}

fn bench_ranking() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let rubrics: HashMap<i64, Vec<Criterion>> = [(1, criteria())].into_iter().collect();
    let entries: Vec<Entry> = (0..1000).map(|id| Entry { id, track: Some(id % 6), submitted_at: id }).collect();
    let rows: Vec<ScoreRow> = (0..5000)
        .map(|i| {
            let marks: HashMap<String, i64> = (1..=5).map(|c| (format!("c{c}"), rng.gen_range(1..=5))).collect();
            ScoreRow {
                project_id: i % 1000,
                judge_id: 1_000 + (i * 7919) % 150,
                status: "scored".to_owned(),
                rubric_id: 1,
                marks: serde_json::to_string(&marks).unwrap(),
                flagged: 0,
            }
        })
        .collect();
    let (min, median, max, standings) = time(20, || {
        let t = totals(&rows, &rubrics);
        rank(&entries, &t, Method::Z, 25.0)
    });
    println!(
        "ranking recompute, 1000 projects x 5000 scores (totals from stored JSON marks + z-normalization + ranking): min {:.1} ms, median {:.1} ms, max {:.1} ms; {} ranked",
        ms(min), ms(median), ms(max), standings.iter().filter(|s| s.rank.is_some()).count()
    );
}

fn main() {
    bench_assignment();
    bench_ranking();
}
