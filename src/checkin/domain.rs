//! Check-in rules: what the list's buttons mean, the venue's code, and how many are here.
//! Plain functions, tested without a database.

use super::Summary;

/// The list's "present" / "not present" buttons.
pub fn parse_presence(input: &str) -> Option<bool> {
    match input.trim() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// Whether a scanned code is the venue's current one (none made yet matches nothing).
pub fn code_matches(current: Option<&str>, scanned: &str) -> bool {
    current.is_some_and(|c| !c.is_empty() && c == scanned.trim())
}

/// How many teams and people are here, from each participant's (team, present): a team is
/// present when one of its members is.
pub fn summarize(people: &[(Option<i64>, bool)]) -> Summary {
    let mut teams: Vec<i64> = people.iter().filter_map(|(t, _)| *t).collect();
    teams.sort_unstable();
    teams.dedup();
    let mut present: Vec<i64> = people.iter().filter(|(_, p)| *p).filter_map(|(t, _)| *t).collect();
    present.sort_unstable();
    present.dedup();
    Summary {
        teams: teams.len() as i64,
        teams_present: present.len() as i64,
        people: people.len() as i64,
        people_present: people.iter().filter(|(_, p)| *p).count() as i64,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_team_is_here_when_one_member_is() {
        let people = [(Some(1), false), (Some(1), true), (Some(2), false), (Some(2), false), (None, true)];
        let s = super::summarize(&people);
        assert_eq!((s.teams, s.teams_present, s.people, s.people_present), (2, 1, 5, 2));
        assert_eq!(super::summarize(&[]), super::Summary::default());
    }

    #[test]
    fn the_venue_code_and_the_buttons() {
        assert!(super::code_matches(Some("k3y"), " k3y "));
        assert!(!super::code_matches(Some("k3y"), "K3Y"));
        assert!(!super::code_matches(None, ""));
        assert!(!super::code_matches(Some(""), ""));
        assert_eq!(super::parse_presence("yes"), Some(true));
        assert_eq!(super::parse_presence("no"), Some(false));
        assert_eq!(super::parse_presence("maybe"), None);
    }
}
