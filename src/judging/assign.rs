//! Judge assignment: every submitted project gets `k` judges, no judge sees a project they
//! are conflicted on (their own team, a team they mentored, a declared conflict), loads
//! stay balanced, and a judge limited to some tracks, or some rooms of the venue, only gets
//! projects of those tracks placed in those rooms.
//!
//! Re-running keeps what was already done: assignments with a score are never removed,
//! other existing assignments are kept unless the judge became unavailable or conflicted
//! (or `rebalance` is asked), and only the missing seats are filled. Projects are filled
//! most-constrained first (fewest eligible judges), each seat going to the least-loaded
//! eligible judge; ties are broken by a random order drawn from `seed`, so a run is
//! reproducible.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    pub id: i64,
    pub team: i64,
    pub track: Option<i64>,
    /// The room the project is placed in, if any.
    pub room: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judge {
    pub id: i64,
    /// False once the judge dropped out: keeps their scores, gets nothing new.
    pub active: bool,
    /// Track ids the judge is limited to; empty means every track.
    pub tracks: Vec<i64>,
    /// Room ids the judge stays in; empty means every room. A project not placed in a room
    /// is not theirs then.
    pub rooms: Vec<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Existing {
    pub project: i64,
    pub judge: i64,
    /// A score (or draft) exists: never removed.
    pub scored: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub keep: Vec<(i64, i64)>,
    pub add: Vec<(i64, i64)>,
    pub remove: Vec<(i64, i64)>,
    /// Projects left with fewer than `k` judges: (project, judges it has).
    pub under: Vec<(i64, usize)>,
}

pub struct Input<'a> {
    pub projects: &'a [Project],
    pub judges: &'a [Judge],
    /// (judge, team) pairs that must never meet.
    pub conflicts: &'a HashSet<(i64, i64)>,
    pub existing: &'a [Existing],
    pub k: usize,
    pub seed: u64,
    pub rebalance: bool,
}

fn eligible(judge: &Judge, project: &Project, conflicts: &HashSet<(i64, i64)>) -> bool {
    judge.active
        && !conflicts.contains(&(judge.id, project.team))
        && (judge.tracks.is_empty() || project.track.is_some_and(|t| judge.tracks.contains(&t)))
        && (judge.rooms.is_empty() || project.room.is_some_and(|r| judge.rooms.contains(&r)))
}

pub fn plan(input: &Input<'_>) -> Plan {
    let mut rng = rand::rngs::StdRng::seed_from_u64(input.seed);
    let projects: HashMap<i64, &Project> = input.projects.iter().map(|p| (p.id, p)).collect();
    let judges: HashMap<i64, &Judge> = input.judges.iter().map(|j| (j.id, j)).collect();

    let mut out = Plan::default();
    let mut on: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut load: HashMap<i64, usize> = input.judges.iter().map(|j| (j.id, 0)).collect();
    for e in input.existing {
        let still_fits = match (projects.get(&e.project), judges.get(&e.judge)) {
            (Some(p), Some(j)) => eligible(j, p, input.conflicts),
            _ => false,
        };
        if e.scored || (still_fits && !input.rebalance) {
            out.keep.push((e.project, e.judge));
            on.entry(e.project).or_default().push(e.judge);
            *load.entry(e.judge).or_default() += 1;
        } else {
            out.remove.push((e.project, e.judge));
        }
    }

    // A random rank per judge settles equal loads without favouring low ids.
    let mut order: Vec<i64> = input.judges.iter().map(|j| j.id).collect();
    order.shuffle(&mut rng);
    let rank: HashMap<i64, usize> = order.iter().enumerate().map(|(i, id)| (*id, i)).collect();

    let mut queue: Vec<(&Project, Vec<&Judge>)> = input
        .projects
        .iter()
        .map(|p| (p, input.judges.iter().filter(|j| eligible(j, p, input.conflicts)).collect()))
        .collect();
    queue.shuffle(&mut rng);
    queue.sort_by_key(|(_, candidates)| candidates.len());

    for (project, candidates) in queue {
        let current = on.entry(project.id).or_default();
        while current.len() < input.k {
            let pick = candidates.iter().filter(|j| !current.contains(&j.id)).min_by_key(|j| {
                (load.get(&j.id).copied().unwrap_or(0), rank.get(&j.id).copied().unwrap_or(usize::MAX))
            });
            let Some(judge) = pick else { break };
            current.push(judge.id);
            *load.entry(judge.id).or_default() += 1;
            out.add.push((project.id, judge.id));
        }
        if current.len() < input.k {
            out.under.push((project.id, current.len()));
        }
    }
    out.under.sort_unstable();
    out
}

/// The judge to add to one project (e.g. for a disagreement re-review): the least-loaded
/// eligible judge not already on it, ties broken by id.
pub fn extra_judge(
    project: &Project,
    judges: &[Judge],
    conflicts: &HashSet<(i64, i64)>,
    existing: &[Existing],
) -> Option<i64> {
    let on: HashSet<i64> = existing.iter().filter(|e| e.project == project.id).map(|e| e.judge).collect();
    let mut load: HashMap<i64, usize> = HashMap::new();
    for e in existing {
        *load.entry(e.judge).or_default() += 1;
    }
    judges
        .iter()
        .filter(|j| !on.contains(&j.id) && eligible(j, project, conflicts))
        .min_by_key(|j| (load.get(&j.id).copied().unwrap_or(0), j.id))
        .map(|j| j.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn projects(n: i64) -> Vec<Project> {
        (1..=n)
            .map(|id| Project { id, team: 100 + id, track: Some(if id % 2 == 0 { 1 } else { 2 }), room: None })
            .collect()
    }
    fn judges(n: i64) -> Vec<Judge> {
        (1..=n).map(|id| Judge { id: 1000 + id, active: true, tracks: vec![], rooms: vec![] }).collect()
    }
    fn input<'a>(
        p: &'a [Project],
        j: &'a [Judge],
        c: &'a HashSet<(i64, i64)>,
        e: &'a [Existing],
        seed: u64,
    ) -> Input<'a> {
        Input { projects: p, judges: j, conflicts: c, existing: e, k: 3, seed, rebalance: false }
    }
    fn per_project(plan: &Plan) -> HashMap<i64, Vec<i64>> {
        let mut m: HashMap<i64, Vec<i64>> = HashMap::new();
        for (p, j) in plan.keep.iter().chain(&plan.add) {
            m.entry(*p).or_default().push(*j);
        }
        m
    }
    fn loads(plan: &Plan) -> HashMap<i64, usize> {
        let mut m = HashMap::new();
        for (_, j) in plan.keep.iter().chain(&plan.add) {
            *m.entry(*j).or_default() += 1;
        }
        m
    }

    #[test]
    fn every_project_gets_k_distinct_judges_with_balanced_loads() {
        let (p, j, c) = (projects(40), judges(9), HashSet::new());
        let plan = plan(&input(&p, &j, &c, &[], 7));
        assert!(plan.under.is_empty());
        for (_, js) in per_project(&plan) {
            let distinct: HashSet<_> = js.iter().collect();
            assert_eq!((js.len(), distinct.len()), (3, 3));
        }
        // 120 seats over 9 judges: every load is 13 or 14.
        let l = loads(&plan);
        assert_eq!(l.len(), 9);
        assert!(l.values().all(|&n| n == 13 || n == 14), "{l:?}");
    }

    #[test]
    fn conflicts_and_track_limits_are_respected() {
        let p = projects(10);
        let mut j = judges(5);
        j[0].tracks = vec![1];
        let c: HashSet<(i64, i64)> = [(1002, 101), (1002, 102), (1003, 101)].into_iter().collect();
        let plan = plan(&input(&p, &j, &c, &[], 1));
        for (project, judge) in &plan.add {
            let team = 100 + project;
            assert!(!c.contains(&(*judge, team)), "conflict {judge} on {project}");
            if *judge == 1001 {
                assert_eq!(project % 2, 0, "judge 1001 is limited to track 1");
            }
        }
        // Project 1 has only 3 eligible judges (1001 is track-limited, 1002 and 1003 conflicted):
        // 1004, 1005 → under-covered with 2.
        assert_eq!(plan.under, vec![(1, 2)]);
    }

    #[test]
    fn a_judge_limited_to_rooms_gets_only_projects_placed_there() {
        // Projects 1–6 in room 7, 7–9 in room 8, 10 not placed.
        let mut p = projects(10);
        for project in &mut p {
            project.room = match project.id {
                1..=6 => Some(7),
                7..=9 => Some(8),
                _ => None,
            };
        }
        let mut j = judges(5);
        j[0].rooms = vec![8];
        j[1].rooms = vec![7, 8];
        let plan = plan(&input(&p, &j, &HashSet::new(), &[], 3));
        let mine = |judge: i64| plan.add.iter().filter(move |(_, j)| *j == judge).map(|(p, _)| *p);
        assert!(mine(1001).count() > 0 && mine(1001).all(|p| (7..=9).contains(&p)));
        assert!(mine(1002).count() > 0 && mine(1002).all(|p| p <= 9));
        assert!(plan.under.is_empty(), "{:?}", plan.under);
    }

    #[test]
    fn deterministic_for_a_seed() {
        let (p, j, c) = (projects(30), judges(7), HashSet::new());
        let a = plan(&input(&p, &j, &c, &[], 42));
        let b = plan(&input(&p, &j, &c, &[], 42));
        assert_eq!(a, b);
        let other = plan(&input(&p, &j, &c, &[], 43));
        assert_ne!(a.add, other.add, "another seed draws another assignment");
    }

    #[test]
    fn rerun_keeps_scores_and_replaces_a_dropped_judge() {
        let (p, mut j, c) = (projects(12), judges(6), HashSet::new());
        let first = plan(&input(&p, &j, &c, &[], 3));
        // Judge 1001 scored their first project, then dropped out.
        let mine: Vec<i64> = first.add.iter().filter(|(_, jd)| *jd == 1001).map(|(p, _)| *p).collect();
        let existing: Vec<Existing> = first
            .add
            .iter()
            .map(|&(project, judge)| Existing { project, judge, scored: judge == 1001 && project == mine[0] })
            .collect();
        j[0].active = false;
        let second = plan(&input(&p, &j, &c, &existing, 3));
        assert!(second.keep.contains(&(mine[0], 1001)), "a given score is never discarded");
        for project in &mine[1..] {
            assert!(second.remove.contains(&(*project, 1001)));
        }
        assert!(second.add.iter().all(|(_, judge)| *judge != 1001));
        assert_eq!(second.add.len(), mine.len() - 1, "only the dropped seats are refilled");
        let coverage = per_project(&second);
        assert!(coverage.values().all(|js| js.len() >= 3));
        assert!(second.under.is_empty());

        // New projects arriving later are covered without touching the others.
        let more = projects(14);
        let existing2: Vec<Existing> = second
            .keep
            .iter()
            .chain(&second.add)
            .map(|&(project, judge)| Existing { project, judge, scored: judge == 1001 })
            .collect();
        let third = plan(&input(&more, &j, &c, &existing2, 3));
        assert!(third.remove.is_empty());
        assert_eq!(third.add.len(), 6);
        assert!(third.add.iter().all(|(project, _)| *project > 12));
    }

    #[test]
    fn extra_judge_is_least_loaded_and_unconflicted() {
        let p = projects(3);
        let j = judges(4);
        let existing = [
            Existing { project: 1, judge: 1001, scored: true },
            Existing { project: 2, judge: 1002, scored: true },
            Existing { project: 3, judge: 1002, scored: true },
            Existing { project: 2, judge: 1003, scored: true },
        ];
        let c: HashSet<(i64, i64)> = [(1004, 101)].into_iter().collect();
        // 1002 has 2, 1003 has 1, 1004 is conflicted with team 101: 1003.
        assert_eq!(extra_judge(&p[0], &j, &c, &existing), Some(1003));
        assert_eq!(extra_judge(&p[0], &j[..1], &c, &existing), None);
    }
}
