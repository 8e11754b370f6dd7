//! Team rules: names, sizes, how well a person complements a team, and automatic formation
//! of teams from the participants still on their own. Plain data in, plain data out.

use crate::i18n::Msg;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamName(String);

impl TeamName {
    pub const MAX: usize = 60;
    pub fn parse(raw: &str) -> Result<TeamName, Msg> {
        crate::auth::domain::parse_name(raw, Self::MAX).map(TeamName)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a team's link does for the account that follows it, by the roles it holds in the
/// team's event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkEntry {
    /// A participant already: they take a seat.
    Seat,
    /// Someone with no role in the event: they become a participant and take a seat, in one
    /// step, so a team link works for a newcomer who has never opened the event page.
    SignUpAndSeat,
}

/// Why a team link does not let someone in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkRefusal {
    /// They hold another role in the event (organizer, mentor, judge): a team link only ever
    /// makes participants, and staff who also compete are made so on purpose by an organizer.
    Staff,
    /// A newcomer, but the event's registration is not open.
    RegistrationClosed,
}

/// Decides what following a team link does: a link grants the participant role and nothing
/// else, and only while registration is open. (The seat itself, the team size and the team
/// lock are checked where the seat is taken.)
pub fn link_entry(roles: &[crate::auth::Role], registration_open: bool) -> Result<LinkEntry, LinkRefusal> {
    use crate::auth::Role;
    if roles.contains(&Role::Participant) {
        Ok(LinkEntry::Seat)
    } else if !roles.is_empty() {
        Err(LinkRefusal::Staff)
    } else if registration_open {
        Ok(LinkEntry::SignUpAndSeat)
    } else {
        Err(LinkRefusal::RegistrationClosed)
    }
}

/// A seat can be taken while the team is below the event's maximum.
pub fn has_open_seat(members: i64, max: i64) -> bool {
    members < max
}

/// Why a person fits a team, so the board can explain its suggestions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fit {
    pub score: u32,
    /// Skills the team asked for that the person has.
    pub needed: Vec<String>,
    /// Skills the person brings that nobody in the team has.
    pub new: Vec<String>,
    /// Whether they share a language with the team.
    pub shared_language: bool,
}

/// Score = 3 per needed skill covered + 1 per other new skill, and +2 for a shared language
/// (or when either side declared none). Zero when the person adds nothing.
pub fn fit(
    team_skills: &[String],
    team_needs: &[String],
    team_languages: &[String],
    skills: &[String],
    languages: &[String],
) -> Fit {
    let has: BTreeSet<&String> = team_skills.iter().collect();
    let needs: BTreeSet<&String> = team_needs.iter().filter(|n| !has.contains(n)).collect();
    let mut needed = Vec::new();
    let mut new = Vec::new();
    for s in skills {
        if needs.contains(s) {
            needed.push(s.clone());
        } else if !has.contains(s) {
            new.push(s.clone());
        }
    }
    let shared_language =
        team_languages.is_empty() || languages.is_empty() || languages.iter().any(|l| team_languages.contains(l));
    let mut score = 3 * needed.len() as u32 + new.len() as u32;
    if score > 0 && shared_language {
        score += 2;
    }
    Fit { score, needed, new, shared_language }
}

/// A participant still without a team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Solo {
    pub user_id: i64,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
}

/// A team that may take more members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenTeam {
    pub team_id: i64,
    pub members: i64,
    pub skills: Vec<String>,
    pub needs: Vec<String>,
    pub languages: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Formation {
    /// People added to existing teams: (team_id, user_id).
    pub joins: Vec<(i64, i64)>,
    /// New teams, each a list of user ids.
    pub new_teams: Vec<Vec<i64>>,
    /// People who could not be placed without breaking the size limits.
    pub unplaced: Vec<i64>,
}

/// Places solo participants: first into existing teams below the minimum, then into new
/// teams whose sizes are as even as the limits allow. Each seat goes to the person who
/// complements that team best; ties are broken by a shuffle drawn from `seed`, so a run is
/// reproducible and a different seed gives a different, equally valid draw.
pub fn auto_form(solos: &[Solo], teams: &[OpenTeam], min: i64, max: i64, seed: u64) -> Formation {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut pool: Vec<Solo> = solos.to_vec();
    pool.sort_by_key(|s| s.user_id);
    pool.shuffle(&mut rng);
    let mut out = Formation::default();
    let (min, max) = (min.max(1), max.max(1));

    // Existing teams below the minimum come first: they cannot compete otherwise.
    let mut short: Vec<OpenTeam> = teams.iter().filter(|t| t.members < min).cloned().collect();
    short.sort_by_key(|t| (t.members, t.team_id));
    for mut team in short {
        while team.members < min && !pool.is_empty() {
            let pick = best(&pool, &team.skills, &team.needs, &team.languages);
            let solo = pool.remove(pick);
            team.skills.extend(solo.skills.iter().cloned());
            team.languages.extend(solo.languages.iter().cloned());
            team.members += 1;
            out.joins.push((team.team_id, solo.user_id));
        }
    }

    let n = pool.len() as i64;
    if n == 0 {
        return out;
    }
    // As few teams as the maximum allows, then as many full-minimum teams as people allow.
    let mut count = (n + max - 1) / max;
    if count * min > n {
        count = n / min;
    }
    if count == 0 {
        out.unplaced = pool.iter().map(|s| s.user_id).collect();
        return out;
    }
    let placed = (count * max).min(n);
    let base = placed / count;
    let extra = placed % count;
    let sizes: Vec<i64> = (0..count).map(|i| base + i64::from(i < extra)).collect();

    // Seed each team with the person holding the rarest skills, then fill seat by seat.
    let mut rarity: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &pool {
        for k in &s.skills {
            *rarity.entry(k.as_str()).or_default() += 1;
        }
    }
    let rare_score = |s: &Solo| -> usize { s.skills.iter().map(|k| pool.len() / rarity[k.as_str()].max(1)).sum() };
    let mut seeds: Vec<usize> = (0..pool.len()).collect();
    seeds.sort_by_key(|&i| std::cmp::Reverse(rare_score(&pool[i])));
    let seed_ids: Vec<i64> = seeds.iter().take(sizes.len()).map(|&i| pool[i].user_id).collect();
    let mut teams: Vec<(Vec<i64>, Vec<String>, Vec<String>)> = Vec::new();
    for id in seed_ids {
        let pos = pool.iter().position(|s| s.user_id == id).unwrap_or(0);
        let solo = pool.remove(pos);
        teams.push((vec![solo.user_id], solo.skills, solo.languages));
    }
    // Round-robin over teams so sizes stay even while each pick is the best complement.
    loop {
        let mut progressed = false;
        for (i, team) in teams.iter_mut().enumerate() {
            if pool.is_empty() || team.0.len() as i64 >= sizes[i] {
                continue;
            }
            let pick = best(&pool, &team.1, &[], &team.2);
            let solo = pool.remove(pick);
            team.0.push(solo.user_id);
            team.1.extend(solo.skills);
            team.2.extend(solo.languages);
            progressed = true;
        }
        if !progressed {
            break;
        }
    }
    out.new_teams = teams.into_iter().map(|t| t.0).collect();
    out.unplaced = pool.iter().map(|s| s.user_id).collect();
    out
}

/// Index of the person in `pool` who fits best; earlier in the (shuffled) pool wins ties.
fn best(pool: &[Solo], skills: &[String], needs: &[String], languages: &[String]) -> usize {
    let mut best = (0usize, 0u32);
    for (i, s) in pool.iter().enumerate() {
        let score = fit(skills, needs, languages, &s.skills, &s.languages).score;
        if score > best.1 {
            best = (i, score);
        }
    }
    best.0
}

/// Names for `count` new teams, numbered upwards from `first` by `name_of`, skipping every
/// number whose name is taken (compared without regard to case or surrounding spaces). A
/// participant may well have called their team "Team 4"; auto-formation then names its
/// teams around it instead of failing on the unique name.
pub fn free_names(name_of: impl Fn(i64) -> String, taken: &[String], first: i64, count: usize) -> Vec<String> {
    let key = |n: &str| n.trim().to_lowercase();
    let mut used: BTreeSet<String> = taken.iter().map(|n| key(n)).collect();
    let mut out = Vec::with_capacity(count);
    let mut n = first.max(1);
    while out.len() < count {
        let name = name_of(n);
        if used.insert(key(&name)) {
            out.push(name);
        }
        n += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_link_makes_participants_only_and_only_while_registration_is_open() {
        use crate::auth::Role::*;
        assert_eq!(link_entry(&[Participant], false), Ok(LinkEntry::Seat));
        assert_eq!(link_entry(&[Participant, Mentor], true), Ok(LinkEntry::Seat));
        assert_eq!(link_entry(&[], true), Ok(LinkEntry::SignUpAndSeat));
        assert_eq!(link_entry(&[], false), Err(LinkRefusal::RegistrationClosed));
        for staff in [Organizer, Mentor, Judge] {
            assert_eq!(link_entry(&[staff], true), Err(LinkRefusal::Staff), "{staff:?}");
        }
    }

    #[test]
    fn new_team_names_go_around_names_already_taken() {
        let name = |n: i64| format!("Team {n}");
        assert_eq!(free_names(name, &v(&["Alpha"]), 2, 2), v(&["Team 2", "Team 3"]));
        // A participant took the next number (in another case): it is skipped, not clashed.
        assert_eq!(free_names(name, &v(&["team 3", "Team 5", "Alpha"]), 3, 3), v(&["Team 4", "Team 6", "Team 7"]));
        assert!(free_names(name, &[], 1, 0).is_empty());
    }

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn solo(id: i64, skills: &[&str]) -> Solo {
        Solo { user_id: id, skills: v(skills), languages: v(&["ar"]) }
    }

    #[test]
    fn team_names_are_trimmed_and_bounded() {
        assert_eq!(TeamName::parse("  فريق   الأطلس ").unwrap().as_str(), "فريق الأطلس");
        assert_eq!(TeamName::parse(" "), Err(Msg::ErrRequired));
        assert_eq!(TeamName::parse(&"x".repeat(61)), Err(Msg::ErrTooLong));
    }

    #[test]
    fn fit_rewards_needed_skills_then_new_ones_and_explains_itself() {
        let f = fit(
            &v(&["rust"]),
            &v(&["design", "data"]),
            &v(&["fr"]),
            &v(&["design", "marketing", "rust"]),
            &v(&["fr", "ar"]),
        );
        assert_eq!(f.needed, v(&["design"]));
        assert_eq!(f.new, v(&["marketing"]));
        assert!(f.shared_language);
        assert_eq!(f.score, 3 + 1 + 2);
        let nothing_new = fit(&v(&["rust"]), &[], &[], &v(&["rust"]), &[]);
        assert_eq!(nothing_new.score, 0);
    }

    #[test]
    fn seats_close_at_the_maximum() {
        assert!(has_open_seat(3, 4));
        assert!(!has_open_seat(4, 4));
    }

    #[test]
    fn auto_formation_respects_sizes_and_places_everyone_it_can() {
        let solos: Vec<Solo> =
            (1..=11).map(|i| solo(i, &[["design", "data", "web", "mobile"][i as usize % 4]])).collect();
        let f = auto_form(&solos, &[], 3, 4, 7);
        let sizes: Vec<usize> = f.new_teams.iter().map(Vec::len).collect();
        assert_eq!(sizes.iter().sum::<usize>(), 11);
        assert!(sizes.iter().all(|s| (3..=4).contains(s)), "{sizes:?}");
        assert!(f.unplaced.is_empty());
        // Skills spread out: no team of four is made of one skill.
        for team in &f.new_teams {
            let skills: BTreeSet<_> = team.iter().map(|id| solos[*id as usize - 1].skills[0].clone()).collect();
            assert!(skills.len() >= 2, "{team:?}");
        }
    }

    #[test]
    fn auto_formation_fills_short_teams_first_and_reports_leftovers() {
        let solos = vec![solo(1, &["design"]), solo(2, &["data"]), solo(3, &["web"])];
        let short =
            OpenTeam { team_id: 9, members: 1, skills: v(&["web"]), needs: v(&["data"]), languages: v(&["ar"]) };
        let f = auto_form(&solos, &[short], 3, 5, 1);
        assert_eq!(f.joins.len(), 2);
        assert_eq!(f.joins[0], (9, 2), "the needed skill is picked first");
        assert!(f.new_teams.is_empty());
        assert_eq!(f.unplaced.len(), 1, "one person cannot make a team of three alone");
    }

    #[test]
    fn auto_formation_is_reproducible_for_a_seed() {
        let solos: Vec<Solo> = (1..=20).map(|i| solo(i, &[["a", "b", "c", "d", "e"][i as usize % 5]])).collect();
        let a = auto_form(&solos, &[], 2, 5, 42);
        assert_eq!(a, auto_form(&solos, &[], 2, 5, 42));
        let draws: BTreeSet<_> = (0..10).map(|seed| auto_form(&solos, &[], 2, 5, seed).new_teams).collect();
        assert!(draws.len() > 1, "different seeds give different draws");
    }
}
