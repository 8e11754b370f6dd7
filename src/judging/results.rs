//! Results: from each judge's weighted totals (0–100) to per-project scores, an overall
//! ranking and per-track rankings, with a disagreement flag. Plain data in, plain data out.
//!
//! **Raw mean**: the mean of the project's judge totals.
//!
//! **Normalized (per-judge z-score)**: a lenient or harsh judge shifts every project they
//! score, so each judge's totals are standardized over the projects that judge scored,
//! `z = (total − mean_judge) / sd_judge` (population standard deviation; `z = 0` when a
//! judge gave every project the same total), and put back on the event's scale,
//! `μ + σ·z`, where μ and σ are the mean and population standard deviation of all totals
//! in the event. A judge who scored fewer than 3 projects has too few scores to
//! standardize: their raw totals are used. A project's normalized score is the mean of
//! these values over its judges.
//!
//! **Ties** are broken, in order, by: the other method's score, more judges, the earlier
//! submission, the lower project id; so a ranking never depends on database order.
//! Scores are compared after rounding to 1e-6 so that float noise cannot split a tie.
//!
//! **Disagreement**: the spread (highest minus lowest judge total) above the event's
//! threshold flags the project for re-review.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;

/// Below this many scored projects a judge's totals are used raw.
pub const MIN_FOR_Z: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    Raw,
    Z,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Method::Raw => "raw",
            Method::Z => "z",
        }
    }
    pub fn from_code(code: &str) -> Option<Method> {
        match code {
            "raw" => Some(Method::Raw),
            "z" => Some(Method::Z),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Total {
    pub project: i64,
    pub judge: i64,
    pub total: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    pub track: Option<i64>,
    pub submitted_at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    pub project: i64,
    pub track: Option<i64>,
    pub judges: usize,
    pub raw: Option<f64>,
    pub normalized: Option<f64>,
    /// The score of the event's chosen method.
    pub score: Option<f64>,
    pub spread: f64,
    pub disagreement: bool,
    /// 1-based; `None` for projects nobody scored.
    pub rank: Option<usize>,
    pub track_rank: Option<usize>,
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

fn population_sd(values: &[f64], m: f64) -> f64 {
    (values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / values.len() as f64).sqrt()
}

/// Each score's value on the event scale after per-judge standardization (see module).
pub fn normalized_values(totals: &[Total]) -> Vec<f64> {
    if totals.is_empty() {
        return Vec::new();
    }
    let all: Vec<f64> = totals.iter().map(|t| t.total).collect();
    let (mu, sigma) = {
        let m = mean(&all);
        (m, population_sd(&all, m))
    };
    let mut by_judge: HashMap<i64, Vec<f64>> = HashMap::new();
    for t in totals {
        by_judge.entry(t.judge).or_default().push(t.total);
    }
    let stats: HashMap<i64, Option<(f64, f64)>> = by_judge
        .into_iter()
        .map(|(judge, values)| {
            let s = (values.len() >= MIN_FOR_Z).then(|| {
                let m = mean(&values);
                (m, population_sd(&values, m))
            });
            (judge, s)
        })
        .collect();
    totals
        .iter()
        .map(|t| match stats.get(&t.judge).copied().flatten() {
            Some((m, sd)) => {
                let z = if sd > 0.0 { (t.total - m) / sd } else { 0.0 };
                mu + sigma * z
            }
            None => t.total,
        })
        .collect()
}

fn key(v: Option<f64>) -> i64 {
    // Rounded to 1e-6 (see module); unscored sorts last.
    v.map(|x| (x * 1e6).round() as i64).unwrap_or(i64::MIN)
}

pub fn rank(entries: &[Entry], totals: &[Total], method: Method, threshold: f64) -> Vec<Standing> {
    let normalized = normalized_values(totals);
    let mut raw_by: HashMap<i64, Vec<f64>> = HashMap::new();
    let mut norm_by: HashMap<i64, Vec<f64>> = HashMap::new();
    for (t, n) in totals.iter().zip(&normalized) {
        raw_by.entry(t.project).or_default().push(t.total);
        norm_by.entry(t.project).or_default().push(*n);
    }
    let mut standings: Vec<(Standing, i64)> = entries
        .iter()
        .map(|e| {
            let raw_values = raw_by.get(&e.id).map(Vec::as_slice).unwrap_or(&[]);
            let raw = (!raw_values.is_empty()).then(|| mean(raw_values));
            let normalized = norm_by.get(&e.id).filter(|v| !v.is_empty()).map(|v| mean(v));
            let spread = raw_values.iter().cloned().fold(f64::NEG_INFINITY, f64::max)
                - raw_values.iter().cloned().fold(f64::INFINITY, f64::min);
            let spread = if raw_values.len() > 1 { spread } else { 0.0 };
            let score = match method {
                Method::Raw => raw,
                Method::Z => normalized,
            };
            let standing = Standing {
                project: e.id,
                track: e.track,
                judges: raw_values.len(),
                raw,
                normalized,
                score,
                spread,
                disagreement: spread > threshold,
                rank: None,
                track_rank: None,
            };
            (standing, e.submitted_at)
        })
        .collect();
    standings.sort_by(|(a, a_at), (b, b_at)| compare(a, *a_at, b, *b_at, method));
    let mut per_track: HashMap<Option<i64>, usize> = HashMap::new();
    let mut next = 0;
    for (s, _) in standings.iter_mut() {
        if s.score.is_none() {
            continue;
        }
        next += 1;
        s.rank = Some(next);
        let n = per_track.entry(s.track).or_default();
        *n += 1;
        s.track_rank = Some(*n);
    }
    standings.into_iter().map(|(s, _)| s).collect()
}

fn compare(a: &Standing, a_at: i64, b: &Standing, b_at: i64, method: Method) -> Ordering {
    let other = |s: &Standing| match method {
        Method::Raw => s.normalized,
        Method::Z => s.raw,
    };
    key(b.score)
        .cmp(&key(a.score))
        .then_with(|| key(other(b)).cmp(&key(other(a))))
        .then_with(|| b.judges.cmp(&a.judges))
        .then_with(|| a_at.cmp(&b_at))
        .then_with(|| a.project.cmp(&b.project))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(project: i64, judge: i64, total: f64) -> Total {
        Total { project, judge, total }
    }
    fn e(id: i64, at: i64) -> Entry {
        Entry { id, track: None, submitted_at: at }
    }
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Worked by hand. Judge A (lenient) gives projects 1, 2, 3: 90, 80, 70 (mean 80,
    /// sd √(200/3) = 8.16497). Judge B (harsh) gives 1, 2, 3: 60, 40, 50 (mean 50,
    /// sd 8.16497). All six totals: mean μ = 65, sd σ = √((625+225+25+25+625+225)/6)
    /// = √(1750/6) = 17.07825.
    /// z(A,1) = 1.22474, z(A,2) = 0, z(A,3) = −1.22474; z(B,1) = 1.22474, z(B,2) = −1.22474,
    /// z(B,3) = 0. Normalized: project 1 = 65 + σ·1.22474 = 85.91650 (both judges);
    /// project 2 = 65 + σ·(0 − 1.22474)/2 = 54.54175; project 3 = 65 + σ·(−1.22474 + 0)/2
    /// = 54.54175. Raw: 75, 60, 60.
    #[test]
    fn z_normalization_worked_example() {
        let totals = [t(1, 1, 90.0), t(2, 1, 80.0), t(3, 1, 70.0), t(1, 2, 60.0), t(2, 2, 40.0), t(3, 2, 50.0)];
        let entries = [e(1, 10), e(2, 20), e(3, 30)];
        let r = rank(&entries, &totals, Method::Z, 100.0);
        let sigma = (1750.0f64 / 6.0).sqrt();
        let z = 1.5f64.sqrt(); // (90-80)/sqrt(200/3) = sqrt(1.5)
        assert!(close(r[0].normalized.unwrap(), 65.0 + sigma * z), "{:?}", r[0]);
        assert!((r[0].normalized.unwrap() - 85.9165).abs() < 1e-4, "{}", r[0].normalized.unwrap());
        assert!(close(r[0].raw.unwrap(), 75.0));
        // Projects 2 and 3 tie on normalized (54.54175) and on raw (60): more judges also tie,
        // so the earlier submission (project 2) ranks first.
        assert_eq!(r.iter().map(|s| s.project).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(close(r[1].normalized.unwrap(), r[2].normalized.unwrap()));
        assert!(close(r[1].normalized.unwrap(), 65.0 - sigma * z / 2.0));
        assert_eq!(r.iter().map(|s| s.rank).collect::<Vec<_>>(), [Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn normalization_undoes_a_harsh_judge() {
        // Two judges rank the same three projects alike, B 30 points harsher: after
        // standardization each project gets the same value from both judges.
        let totals = [t(1, 1, 90.0), t(2, 1, 70.0), t(3, 1, 50.0), t(1, 2, 60.0), t(2, 2, 40.0), t(3, 2, 20.0)];
        let n = normalized_values(&totals);
        assert!(close(n[0], n[3]) && close(n[1], n[4]) && close(n[2], n[5]), "{n:?}");
    }

    #[test]
    fn judges_with_fewer_than_three_scores_stay_raw() {
        let totals = [t(1, 1, 90.0), t(2, 1, 10.0), t(1, 2, 30.0), t(2, 2, 20.0), t(3, 2, 10.0)];
        let n = normalized_values(&totals);
        assert_eq!(&n[..2], &[90.0, 10.0], "judge 1 scored 2 projects: raw");
        assert_ne!(n[2], 30.0, "judge 2 scored 3: standardized");
    }

    #[test]
    fn identical_totals_give_zero_z_not_nan() {
        let totals = [t(1, 1, 50.0), t(2, 1, 50.0), t(3, 1, 50.0)];
        assert!(normalized_values(&totals).iter().all(|v| close(*v, 50.0)));
    }

    #[test]
    fn tie_breaks_in_documented_order() {
        // Same raw score 70 for all.
        // Project 4: 2 judges; projects 5 and 6: 1 judge, 6 submitted earlier; 7 unscored.
        let totals = [t(4, 1, 70.0), t(4, 2, 70.0), t(5, 1, 70.0), t(6, 2, 70.0)];
        let entries = [e(7, 1), e(5, 50), e(6, 40), e(4, 60)];
        let r = rank(&entries, &totals, Method::Raw, 30.0);
        assert_eq!(r.iter().map(|s| s.project).collect::<Vec<_>>(), [4, 6, 5, 7]);
        assert_eq!(r[3].rank, None);
        // Same everything: lower id wins.
        let r = rank(&[e(9, 5), e(8, 5)], &[t(9, 1, 50.0), t(8, 2, 50.0)], Method::Raw, 30.0);
        assert_eq!(r.iter().map(|s| s.project).collect::<Vec<_>>(), [8, 9]);
    }

    #[test]
    fn per_track_ranks_and_disagreement() {
        let entries = [
            Entry { id: 1, track: Some(1), submitted_at: 0 },
            Entry { id: 2, track: Some(2), submitted_at: 0 },
            Entry { id: 3, track: Some(1), submitted_at: 0 },
        ];
        let totals = [t(1, 1, 90.0), t(1, 2, 40.0), t(2, 1, 80.0), t(3, 1, 60.0), t(3, 2, 55.0)];
        let r = rank(&entries, &totals, Method::Raw, 25.0);
        let by: HashMap<i64, &Standing> = r.iter().map(|s| (s.project, s)).collect();
        assert_eq!((by[&2].rank, by[&2].track_rank), (Some(1), Some(1)));
        assert_eq!((by[&1].rank, by[&1].track_rank), (Some(2), Some(1)));
        assert_eq!((by[&3].rank, by[&3].track_rank), (Some(3), Some(2)));
        assert!(by[&1].disagreement && close(by[&1].spread, 50.0));
        assert!(!by[&3].disagreement && !by[&2].disagreement);
    }
}
