//! What a participation certificate says besides taking part: the distinctions the
//! participant's project won in the published results.

use crate::audience::domain::Standing;
use crate::board::domain::Row;
use serde::{Deserialize, Serialize};

/// A distinction a project won.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Distinction {
    /// First, second or third place overall.
    Place(usize),
    /// First place in its track.
    TrackWinner(String),
    /// First place in the people's choice.
    PeoplesChoice,
}

/// The distinctions of `project` in the published results (`row`, its line of them) and the
/// people's choice published with them: the first three places overall, a track's first
/// place, the people's first place.
pub fn distinctions(project: i64, row: Option<&Row>, favourites: &[Standing]) -> Vec<Distinction> {
    let mut out = Vec::new();
    if let Some(r) = row.filter(|r| r.project == project) {
        if let Some(place) = r.rank.filter(|p| (1..=3).contains(p)) {
            out.push(Distinction::Place(place));
        }
        if !r.track.is_empty() && r.track_rank == Some(1) {
            out.push(Distinction::TrackWinner(r.track.clone()));
        }
    }
    if favourites.iter().any(|s| s.project == project && s.rank == 1) {
        out.push(Distinction::PeoplesChoice);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(project: i64, rank: usize, track: &str, track_rank: usize) -> Row {
        Row {
            project,
            title: format!("P{project}"),
            team: String::new(),
            track: track.into(),
            score: Some(1.0),
            rank: Some(rank),
            track_rank: Some(track_rank),
        }
    }

    fn standing(project: i64, rank: usize) -> Standing {
        Standing { project, title: String::new(), team: String::new(), votes: 3, rank }
    }

    #[test]
    fn the_first_three_places_a_track_win_and_the_peoples_first_place_count() {
        assert_eq!(
            distinctions(7, Some(&row(7, 2, "Agri", 1)), &[standing(7, 1)]),
            vec![Distinction::Place(2), Distinction::TrackWinner("Agri".into()), Distinction::PeoplesChoice]
        );
        assert_eq!(distinctions(7, Some(&row(7, 4, "Agri", 2)), &[standing(7, 2)]), vec![]);
        // Without tracks, first place is not also a track's.
        assert_eq!(distinctions(7, Some(&row(7, 1, "", 1)), &[]), vec![Distinction::Place(1)]);
        // Another project's line says nothing of this one; a project not ranked has none.
        assert_eq!(distinctions(7, Some(&row(8, 1, "Agri", 1)), &[standing(8, 1)]), vec![]);
        assert_eq!(distinctions(7, None, &[]), vec![]);
    }
}
