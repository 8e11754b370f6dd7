//! People's choice rules as plain functions: the standings of a vote, what a tap on a
//! project does to a ballot, the settings' bounds, and the patterns of ticket use that look
//! like ballot stuffing. Tested without a database.

use crate::error::FieldError;
use crate::i18n::{args, Msg};
use serde::{Deserialize, Serialize};

/// At most this many projects per voter.
pub const MAX_VOTES_EACH: i64 = 5;
/// At most this many tickets made at once (a print run).
pub const MAX_TICKETS_AT_ONCE: i64 = 500;
/// How many places of the standings are published with the results.
pub const PUBLISHED_PLACES: usize = 3;
/// Tickets used from one address within this many seconds are counted together...
pub const BULK_WINDOW_SECS: i64 = 10 * 60;
/// ...and shown to the organizer from this many on. A venue's Wi-Fi puts many honest
/// visitors behind one address, so the bar is higher than for one browser, which holds a
/// second ticket only when someone used several.
pub const BULK_FROM_ONE_ADDRESS: usize = 5;

/// Whether the vote is off (no people's choice), open, or closed (counted, not changing).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteState {
    Off,
    Open,
    Closed,
}

impl VoteState {
    pub const ALL: [VoteState; 3] = [VoteState::Off, VoteState::Open, VoteState::Closed];
    pub fn code(self) -> &'static str {
        match self {
            VoteState::Off => "off",
            VoteState::Open => "open",
            VoteState::Closed => "closed",
        }
    }
    pub fn from_code(code: &str) -> Option<VoteState> {
        VoteState::ALL.into_iter().find(|s| s.code() == code)
    }
    pub fn label(self) -> Msg {
        match self {
            VoteState::Off => Msg::VoteStateOff,
            VoteState::Open => Msg::VoteStateOpen,
            VoteState::Closed => Msg::VoteStateClosed,
        }
    }
}

/// One project's place in the vote. Ties share a place (1, 1, 3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    pub project: i64,
    pub title: String,
    pub team: String,
    pub votes: i64,
    pub rank: usize,
}

/// A project that can be voted for: (id, title, team).
pub type Candidate = (i64, String, String);

/// The standings of every candidate, most votes first (then by project, so the order is
/// stable); `votes` holds one project id per vote cast. Votes for projects that are no longer
/// candidates (withdrawn since) are not counted.
pub fn standings(candidates: &[Candidate], votes: &[i64]) -> Vec<Standing> {
    let mut rows: Vec<Standing> = candidates
        .iter()
        .map(|(project, title, team)| Standing {
            project: *project,
            title: title.clone(),
            team: team.clone(),
            votes: votes.iter().filter(|v| *v == project).count() as i64,
            rank: 0,
        })
        .collect();
    rows.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.project.cmp(&b.project)));
    let mut rank = 0;
    let mut last = None;
    for (i, r) in rows.iter_mut().enumerate() {
        if last != Some(r.votes) {
            rank = i + 1;
            last = Some(r.votes);
        }
        r.rank = rank;
    }
    rows
}

/// What is published: the first [`PUBLISHED_PLACES`] places, among projects that got votes.
pub fn favourites(standings: &[Standing]) -> Vec<Standing> {
    standings.iter().filter(|s| s.votes > 0 && s.rank <= PUBLISHED_PLACES).cloned().collect()
}

/// A voter's tap on a project: choose it, or take the choice back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tap {
    Choose,
    Withdraw,
}

impl Tap {
    pub fn from_code(code: &str) -> Option<Tap> {
        match code {
            "choose" => Some(Tap::Choose),
            "withdraw" => Some(Tap::Withdraw),
            _ => None,
        }
    }
}

/// What a tap does to the ballot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A new vote in this free slot.
    Add { slot: i64 },
    /// With one vote each, choosing another project moves the vote there.
    Move { slot: i64 },
    /// The vote for the project is taken back.
    Remove,
    /// Nothing to do: the project is already chosen, or was not.
    Nothing,
}

/// Decides a tap. `picks` is the ballot as (slot, project); `own` says the project is the
/// voter's own team's. Refusals name the catalogue message shown to the voter.
pub fn decide(tap: Tap, project: i64, own: bool, picks: &[(i64, i64)], votes_each: i64) -> Result<Change, Msg> {
    let chosen = picks.iter().any(|(_, p)| *p == project);
    match tap {
        Tap::Withdraw if chosen => Ok(Change::Remove),
        Tap::Withdraw => Ok(Change::Nothing),
        Tap::Choose if chosen => Ok(Change::Nothing),
        Tap::Choose if own => Err(Msg::ErrVoteOwnTeam),
        Tap::Choose => match free_slot(picks, votes_each) {
            Some(slot) => Ok(Change::Add { slot }),
            None if votes_each == 1 => Ok(Change::Move { slot: picks.first().map_or(1, |(s, _)| *s) }),
            None => Err(Msg::ErrNoVotesLeft),
        },
    }
}

/// The lowest slot from 1 to `votes_each` that the ballot does not use.
pub fn free_slot(picks: &[(i64, i64)], votes_each: i64) -> Option<i64> {
    (1..=votes_each).find(|s| !picks.iter().any(|(slot, _)| slot == s))
}

/// The settings an organizer sends, checked: the state, votes per voter and whether ticket
/// holders vote.
pub fn parse_settings(state: &str, votes_each: &str) -> Result<(VoteState, i64), Vec<FieldError>> {
    let mut errors = Vec::new();
    let state = VoteState::from_code(state);
    if state.is_none() {
        errors.push(FieldError::new("state", Msg::ErrRequired));
    }
    let votes = votes_each.trim().parse::<i64>().ok().filter(|n| (1..=MAX_VOTES_EACH).contains(n));
    if votes.is_none() {
        errors.push(FieldError::with("votes_each", args::ErrNumberRange { range: format!("1–{MAX_VOTES_EACH}") }));
    }
    match (state, votes) {
        (Some(s), Some(v)) => Ok((s, v)),
        _ => Err(errors),
    }
}

/// How many tickets to make, checked.
pub fn parse_ticket_count(count: &str) -> Result<i64, FieldError> {
    count
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=MAX_TICKETS_AT_ONCE).contains(n))
        .ok_or_else(|| FieldError::with("count", args::ErrNumberRange { range: format!("1–{MAX_TICKETS_AT_ONCE}") }))
}

/// The ticket numbers an organizer lists to void ("3, 7 12"): each a number, at least one.
pub fn parse_numbers(list: &str) -> Result<Vec<i64>, FieldError> {
    let mut out = Vec::new();
    for part in list.split(|c: char| c == ',' || c.is_whitespace()).filter(|p| !p.is_empty()) {
        let n = part
            .trim_start_matches('#')
            .parse::<i64>()
            .map_err(|_| FieldError::new("numbers", Msg::ErrTicketNumbers))?;
        if n < 1 {
            return Err(FieldError::new("numbers", Msg::ErrTicketNumbers));
        }
        if !out.contains(&n) {
            out.push(n);
        }
    }
    if out.is_empty() {
        return Err(FieldError::new("numbers", Msg::ErrRequired));
    }
    Ok(out)
}

/// One ticket used: its number, where from, and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Redemption {
    pub number: i64,
    pub browser: String,
    pub client: String,
    pub at: i64,
}

/// Whether a group of tickets came through one browser or one address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Browser,
    Address,
}

/// Tickets used together in a way that looks like one person voting many times.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bulk {
    pub source: Source,
    /// Ticket numbers, in the order they were used.
    pub tickets: Vec<i64>,
    pub first: i64,
    pub last: i64,
}

/// Groups worth the organizer's look before publishing: every browser that used two tickets
/// or more, and every run of [`BULK_FROM_ONE_ADDRESS`] or more tickets used from one address
/// within [`BULK_WINDOW_SECS`] (each such burst, not only the first). Biggest groups first.
pub fn bulk_use(redemptions: &[Redemption]) -> Vec<Bulk> {
    let mut out = Vec::new();
    for source in [Source::Browser, Source::Address] {
        let mut groups: std::collections::BTreeMap<&str, Vec<&Redemption>> = Default::default();
        for r in redemptions {
            let k = match source {
                Source::Browser => r.browser.as_str(),
                Source::Address => r.client.as_str(),
            };
            if !k.is_empty() {
                groups.entry(k).or_default().push(r);
            }
        }
        for mut group in groups.into_values() {
            group.sort_by_key(|r| (r.at, r.number));
            let runs: Vec<&[&Redemption]> = match source {
                Source::Browser if group.len() >= 2 => vec![&group[..]],
                Source::Browser => Vec::new(),
                Source::Address => bursts(&group, BULK_WINDOW_SECS, BULK_FROM_ONE_ADDRESS),
            };
            for w in runs {
                out.push(Bulk {
                    source,
                    tickets: w.iter().map(|r| r.number).collect(),
                    first: w[0].at,
                    last: w[w.len() - 1].at,
                });
            }
        }
    }
    out.sort_by(|a, b| b.tickets.len().cmp(&a.tickets.len()).then(a.first.cmp(&b.first)));
    out
}

/// The bursts among time-ordered redemptions: every use that is one of `at_least`
/// consecutive uses spanning at most `window` seconds belongs to a burst, and touching or
/// overlapping such runs are one burst (a long dense run is listed whole, however long).
fn bursts<'a, 'r>(sorted: &'a [&'r Redemption], window: i64, at_least: usize) -> Vec<&'a [&'r Redemption]> {
    let n = sorted.len();
    let mut dense = vec![false; n];
    for end in at_least.max(1) - 1..n {
        let start = end + 1 - at_least.max(1);
        if sorted[end].at - sorted[start].at <= window {
            dense[start..=end].iter_mut().for_each(|d| *d = true);
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if dense[i] {
            let j = (i..n).find(|&k| !dense[k]).unwrap_or(n);
            out.push(&sorted[i..j]);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: i64) -> Candidate {
        (id, format!("P{id}"), format!("T{id}"))
    }

    #[test]
    fn standings_count_votes_and_share_places_on_ties() {
        let s = standings(&[c(1), c(2), c(3), c(4)], &[2, 3, 2, 3, 1, 99]);
        let got: Vec<(i64, i64, usize)> = s.iter().map(|r| (r.project, r.votes, r.rank)).collect();
        // The vote for 99 (no longer a candidate) is not counted.
        assert_eq!(got, vec![(2, 2, 1), (3, 2, 1), (1, 1, 3), (4, 0, 4)]);
        let f = favourites(&s);
        assert_eq!(f.iter().map(|r| r.project).collect::<Vec<_>>(), vec![2, 3, 1]);
    }

    #[test]
    fn projects_without_votes_are_never_published() {
        let s = standings(&[c(1), c(2)], &[]);
        assert!(favourites(&s).is_empty());
        let s = standings(&[c(1), c(2), c(3), c(4), c(5)], &[1, 2, 3, 4, 5, 5]);
        // 5 first, then four tied second: all of them are within three places.
        assert_eq!(favourites(&s).len(), 5);
    }

    #[test]
    fn a_tap_adds_moves_or_refuses() {
        // One vote each: choosing another project moves the vote.
        assert_eq!(decide(Tap::Choose, 7, false, &[], 1), Ok(Change::Add { slot: 1 }));
        assert_eq!(decide(Tap::Choose, 8, false, &[(1, 7)], 1), Ok(Change::Move { slot: 1 }));
        assert_eq!(decide(Tap::Choose, 7, false, &[(1, 7)], 1), Ok(Change::Nothing));
        // Three each: the first free slot, then no more.
        assert_eq!(decide(Tap::Choose, 9, false, &[(2, 7)], 3), Ok(Change::Add { slot: 1 }));
        assert_eq!(decide(Tap::Choose, 9, false, &[(1, 7), (2, 8), (3, 6)], 3), Err(Msg::ErrNoVotesLeft));
        // Never one's own team.
        assert_eq!(decide(Tap::Choose, 7, true, &[], 3), Err(Msg::ErrVoteOwnTeam));
        // Taking back.
        assert_eq!(decide(Tap::Withdraw, 7, false, &[(1, 7)], 3), Ok(Change::Remove));
        assert_eq!(decide(Tap::Withdraw, 7, false, &[(1, 8)], 3), Ok(Change::Nothing));
    }

    #[test]
    fn settings_are_bounded() {
        assert_eq!(parse_settings("open", "3"), Ok((VoteState::Open, 3)));
        let e = parse_settings("maybe", "9").unwrap_err();
        assert_eq!(e.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec!["state", "votes_each"]);
        assert!(parse_ticket_count("0").is_err());
        assert!(parse_ticket_count("501").is_err());
        assert_eq!(parse_ticket_count(" 40 "), Ok(40));
        assert_eq!(parse_numbers("#3, 7 12 7"), Ok(vec![3, 7, 12]));
        assert!(parse_numbers("3, x").is_err());
        assert!(parse_numbers("  ").is_err());
        assert!(parse_numbers("0").is_err());
    }

    fn r(number: i64, browser: &str, client: &str, at: i64) -> Redemption {
        Redemption { number, browser: browser.into(), client: client.into(), at }
    }

    #[test]
    fn one_browser_using_two_tickets_is_shown() {
        let b = bulk_use(&[r(1, "b1", "a1", 0), r(2, "b2", "a1", 10), r(3, "b1", "a2", 5000)]);
        assert_eq!(b, vec![Bulk { source: Source::Browser, tickets: vec![1, 3], first: 0, last: 5000 }]);
    }

    #[test]
    fn many_tickets_from_one_address_in_a_short_time_are_shown() {
        // Five within ten minutes from one address (each in its own browser), then two later.
        let mut all: Vec<Redemption> = (1..=5).map(|n| r(n, &format!("b{n}"), "venue", n * 60)).collect();
        all.push(r(6, "b6", "venue", 3000));
        all.push(r(7, "b7", "venue", 6000));
        // Four from another address: under the bar.
        all.extend((8..=11).map(|n| r(n, &format!("b{n}"), "home", n)));
        let b = bulk_use(&all);
        assert_eq!(b, vec![Bulk { source: Source::Address, tickets: vec![1, 2, 3, 4, 5], first: 60, last: 300 }]);
        // A second burst from the same address is listed too, not hidden behind the first.
        let mut two = all.clone();
        two.extend((20..=24).map(|n| r(n, &format!("b{n}"), "venue", 9000 + n)));
        let b = bulk_use(&two);
        assert_eq!(b.len(), 2, "{b:?}");
        assert_eq!(b[1].tickets, vec![20, 21, 22, 23, 24]);
        // Twelve a minute apart are one burst, listed whole.
        let long: Vec<Redemption> = (1..=12).map(|n| r(n, &format!("b{n}"), "hall", n * 60)).collect();
        let b = bulk_use(&long);
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].tickets, (1..=12).collect::<Vec<_>>());
        // The same five spread over an hour are not.
        let spread: Vec<Redemption> = (1..=5).map(|n| r(n, &format!("b{n}"), "venue", n * 900)).collect();
        assert!(bulk_use(&spread).is_empty());
    }
}
