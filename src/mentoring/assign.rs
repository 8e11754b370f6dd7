//! Automatic mentor assignment: every team gets a mentor who speaks one of its languages and
//! whose expertise covers its track or declared needs, with loads balanced within each
//! mentor's capacity. Each match says why it was made; each team left without a mentor says
//! why. Plain data in, plain data out; deterministic for a given seed.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use std::collections::{BTreeSet, HashMap};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mentor {
    pub id: i64,
    pub expertise: Vec<String>,
    pub languages: Vec<String>,
    pub capacity: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Team {
    pub id: i64,
    /// The team's track, as a tag comparable with expertise (e.g. "agritech").
    pub track: Option<String>,
    pub needs: Vec<String>,
    pub languages: Vec<String>,
    /// The mentor already assigned, kept unless rebalancing.
    pub current: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub team_id: i64,
    pub mentor_id: i64,
    /// Skills of the team (track or needs) that the mentor covers.
    pub skills: Vec<String>,
    /// A language they share, if the team declared any.
    pub language: Option<String>,
    /// True when this is an existing assignment that was kept.
    pub kept: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Uncovered {
    /// No mentor speaks any of the team's languages.
    NoSharedLanguage,
    /// Mentors speak the team's language, but none covers its track or needs.
    NoMatchingExpertise,
    /// Suitable mentors exist, but all are at capacity.
    NoCapacityLeft,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assignment {
    pub matches: Vec<Match>,
    pub uncovered: Vec<(i64, Uncovered)>,
}

fn wanted(team: &Team) -> BTreeSet<&str> {
    team.needs.iter().map(String::as_str).chain(team.track.as_deref()).collect()
}

fn shared_language<'a>(team: &'a Team, mentor: &Mentor) -> Option<Option<&'a str>> {
    if team.languages.is_empty() {
        return Some(None);
    }
    team.languages.iter().find(|l| mentor.languages.contains(l)).map(|l| Some(l.as_str()))
}

fn covered(team: &Team, mentor: &Mentor) -> Vec<String> {
    let wanted = wanted(team);
    let mut skills: Vec<String> = mentor.expertise.iter().filter(|e| wanted.contains(e.as_str())).cloned().collect();
    skills.sort();
    skills.dedup();
    skills
}

/// Assigns one mentor per team. With `rebalance` false, existing assignments are kept (when
/// their mentor still exists) and count towards loads; with it true, everyone is reassigned.
///
/// Teams with the fewest suitable mentors are placed first, so scarce experts go where
/// nobody else could help. Each team takes the suitable mentor covering the most of its
/// skills; among equals, the one with the lowest load relative to capacity; remaining ties
/// follow a shuffle drawn from `seed`.
pub fn assign(teams: &[Team], mentors: &[Mentor], seed: u64, rebalance: bool) -> Assignment {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut order: Vec<usize> = (0..mentors.len()).collect();
    order.shuffle(&mut rng);
    // Tie-break rank of each mentor, drawn once from the seed.
    let rank: HashMap<i64, usize> = order.iter().enumerate().map(|(r, &i)| (mentors[i].id, r)).collect();
    let by_id: HashMap<i64, &Mentor> = mentors.iter().map(|m| (m.id, m)).collect();
    let mut load: HashMap<i64, u32> = HashMap::new();
    let mut out = Assignment::default();

    let mut open: Vec<&Team> = Vec::new();
    for team in teams {
        match team.current.and_then(|id| by_id.get(&id)) {
            Some(mentor) if !rebalance => {
                *load.entry(mentor.id).or_default() += 1;
                out.matches.push(Match {
                    team_id: team.id,
                    mentor_id: mentor.id,
                    skills: covered(team, mentor),
                    language: shared_language(team, mentor).flatten().map(str::to_owned),
                    kept: true,
                });
            }
            _ => open.push(team),
        }
    }

    // Suitable mentors per team, ignoring capacity: (team, [(mentor index, skills, language)]).
    type Candidate<'a> = (usize, Vec<String>, Option<&'a str>);
    let candidates: Vec<(&Team, Vec<Candidate>)> = open
        .into_iter()
        .map(|team| {
            let list = mentors
                .iter()
                .enumerate()
                .filter_map(|(i, m)| {
                    let language = shared_language(team, m)?;
                    let skills = covered(team, m);
                    (!skills.is_empty()).then_some((i, skills, language))
                })
                .collect();
            (team, list)
        })
        .collect();
    let mut team_order: Vec<usize> = (0..candidates.len()).collect();
    team_order.shuffle(&mut rng);
    team_order.sort_by_key(|&i| candidates[i].1.len());

    for i in team_order {
        let (team, list) = &candidates[i];
        if list.is_empty() {
            let speaks = mentors.iter().any(|m| shared_language(team, m).is_some());
            out.uncovered
                .push((team.id, if speaks { Uncovered::NoMatchingExpertise } else { Uncovered::NoSharedLanguage }));
            continue;
        }
        let best = list
            .iter()
            .filter(|(m, _, _)| load.get(&mentors[*m].id).copied().unwrap_or(0) < mentors[*m].capacity)
            .min_by(|a, b| {
                let (ma, mb) = (&mentors[a.0], &mentors[b.0]);
                let ratio = |m: &Mentor| {
                    let l = u64::from(load.get(&m.id).copied().unwrap_or(0));
                    // Compare load/capacity without floats: l_a * cap_b vs l_b * cap_a.
                    (l, u64::from(m.capacity.max(1)))
                };
                let ((la, ca), (lb, cb)) = (ratio(ma), ratio(mb));
                b.1.len().cmp(&a.1.len()).then((la * cb).cmp(&(lb * ca))).then(rank[&ma.id].cmp(&rank[&mb.id]))
            });
        match best {
            Some((m, skills, language)) => {
                let mentor = &mentors[*m];
                *load.entry(mentor.id).or_default() += 1;
                out.matches.push(Match {
                    team_id: team.id,
                    mentor_id: mentor.id,
                    skills: skills.clone(),
                    language: language.map(str::to_owned),
                    kept: false,
                });
            }
            None => out.uncovered.push((team.id, Uncovered::NoCapacityLeft)),
        }
    }
    out.matches.sort_by_key(|m| m.team_id);
    out.uncovered.sort_by_key(|u| u.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }
    fn mentor(id: i64, expertise: &[&str], languages: &[&str], capacity: u32) -> Mentor {
        Mentor { id, expertise: v(expertise), languages: v(languages), capacity }
    }
    fn team(id: i64, track: &str, needs: &[&str], languages: &[&str]) -> Team {
        Team { id, track: Some(track.into()), needs: v(needs), languages: v(languages), current: None }
    }

    #[test]
    fn matches_expertise_and_language_and_explains_them() {
        let mentors = [mentor(1, &["agritech", "iot"], &["ar"], 2), mentor(2, &["data"], &["fr"], 2)];
        let teams = [team(10, "agritech", &["iot"], &["ar", "fr"]), team(11, "data", &[], &["fr"])];
        let a = assign(&teams, &mentors, 1, false);
        assert_eq!(a.matches.len(), 2);
        assert_eq!(
            a.matches[0],
            Match {
                team_id: 10,
                mentor_id: 1,
                skills: v(&["agritech", "iot"]),
                language: Some("ar".into()),
                kept: false
            }
        );
        assert_eq!(a.matches[1].mentor_id, 2);
        assert!(a.uncovered.is_empty());
    }

    #[test]
    fn uncovered_teams_say_why() {
        let mentors = [mentor(1, &["data"], &["fr"], 1)];
        let teams = [
            team(10, "data", &[], &["fr"]),
            team(11, "data", &[], &["fr"]),
            team(12, "agritech", &[], &["fr"]),
            team(13, "data", &[], &["en"]),
        ];
        let a = assign(&teams, &mentors, 3, false);
        assert_eq!(a.matches.len(), 1);
        let reasons: Vec<_> = a.uncovered.iter().map(|u| u.1).collect();
        assert!(reasons.contains(&Uncovered::NoCapacityLeft));
        assert!(a.uncovered.contains(&(12, Uncovered::NoMatchingExpertise)));
        assert!(a.uncovered.contains(&(13, Uncovered::NoSharedLanguage)));
    }

    #[test]
    fn loads_are_balanced_within_capacity() {
        let mentors = [mentor(1, &["web"], &["ar"], 10), mentor(2, &["web"], &["ar"], 10)];
        let teams: Vec<Team> = (0..8).map(|i| team(i, "web", &[], &["ar"])).collect();
        let a = assign(&teams, &mentors, 9, false);
        let ones = a.matches.iter().filter(|m| m.mentor_id == 1).count();
        assert_eq!((ones, 8 - ones), (4, 4));
        let small = [mentor(1, &["web"], &["ar"], 1), mentor(2, &["web"], &["ar"], 3)];
        let a = assign(&teams[..4], &small, 9, false);
        assert_eq!(a.matches.iter().filter(|m| m.mentor_id == 1).count(), 1, "capacity is a hard limit");
    }

    #[test]
    fn scarce_experts_go_where_nobody_else_can_help() {
        // Mentor 1 knows both; mentor 2 only web. The agritech team must get mentor 1.
        let mentors = [mentor(1, &["web", "agritech"], &["ar"], 1), mentor(2, &["web"], &["ar"], 1)];
        let teams = [team(10, "web", &[], &["ar"]), team(11, "agritech", &[], &["ar"])];
        for seed in 0..20 {
            let a = assign(&teams, &mentors, seed, false);
            assert_eq!(a.matches.len(), 2, "seed {seed}");
            assert!(a.matches.contains(&Match {
                team_id: 11,
                mentor_id: 1,
                skills: v(&["agritech"]),
                language: Some("ar".into()),
                kept: false
            }));
        }
    }

    #[test]
    fn existing_assignments_are_kept_unless_rebalancing_and_runs_are_reproducible() {
        let mentors = [mentor(1, &["web"], &["ar"], 5), mentor(2, &["web"], &["ar"], 5)];
        let mut teams: Vec<Team> = (0..6).map(|i| team(i, "web", &[], &["ar"])).collect();
        for t in teams.iter_mut().take(3) {
            t.current = Some(1);
        }
        let a = assign(&teams, &mentors, 5, false);
        assert!(a.matches.iter().filter(|m| m.team_id < 3).all(|m| m.mentor_id == 1 && m.kept));
        assert!(a.matches.iter().filter(|m| m.team_id >= 3).all(|m| m.mentor_id == 2), "new teams balance the load");
        let b = assign(&teams, &mentors, 5, true);
        assert!(b.matches.iter().all(|m| !m.kept));
        assert_eq!(b, assign(&teams, &mentors, 5, true));
    }
}
