//! The plain rules of rooms and tables: the order judges walk (rooms in their order, then
//! tables by number), where the next project is from this one, automatic placement, and the
//! room form's checks.

use super::NextSpot;
use crate::error::FieldError;
use crate::i18n::args;
use std::cmp::Ordering;

/// The most tables a room may hold.
pub const MAX_CAPACITY: i64 = 1000;
/// The longest room name.
pub const MAX_NAME: usize = 60;

/// A table label read for sorting: the letters before its first number, the number, and the
/// rest, so that "2" comes before "10" and "A9" before "A10" (a plain text sort puts "10"
/// first). Labels without a number sort by their text, after numbered ones of the same prefix.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TableKey {
    prefix: String,
    unnumbered: bool,
    number: Option<u64>,
    rest: String,
}

pub fn table_key(label: &str) -> TableKey {
    let label = label.trim();
    let start = label.find(|c: char| c.is_ascii_digit()).unwrap_or(label.len());
    let digits = label[start..].find(|c: char| !c.is_ascii_digit()).map_or(label.len(), |n| start + n);
    let number = label[start..digits].parse().ok();
    TableKey {
        prefix: label[..start].to_lowercase(),
        unnumbered: number.is_none(),
        number,
        rest: label[digits..].to_lowercase(),
    }
}

/// The number of a table label, when it is a plain number ("14", "T14" is not).
pub fn table_number(label: &str) -> Option<i64> {
    label.trim().parse().ok()
}

/// Where a project sits: its room's place in the walk (`None`: no room yet) and its table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spot {
    pub room: Option<(i64, String)>,
    pub table: String,
}

/// The order a judge walks the hall in: rooms in their order, then tables by number; projects
/// not yet placed come last, by table label; the project id settles the rest.
pub fn walking_order(a: (&Spot, i64), b: (&Spot, i64)) -> Ordering {
    let room = |s: &Spot| s.room.as_ref().map_or((1, 0), |(position, _)| (0, *position));
    room(a.0)
        .cmp(&room(b.0))
        .then_with(|| table_key(&a.0.table).cmp(&table_key(&b.0.table)))
        .then_with(|| a.1.cmp(&b.1))
}

/// Where the judge goes after `from` (see `NextSpot`).
pub fn next_spot(from: &Spot, to: &Spot) -> NextSpot {
    let same_room = from.room.is_some() && from.room == to.room;
    let ahead = match (same_room, table_number(&from.table), table_number(&to.table)) {
        (true, Some(a), Some(b)) if b > a => Some(b - a),
        _ => None,
    };
    let room = if same_room { None } else { to.room.as_ref().map(|r| r.1.clone()) };
    NextSpot { room, table: to.table.clone(), ahead }
}

/// A room as automatic placement sees it: its free tables (`None`: no limit) and the first
/// table number free: after the highest numbered table already used there, so a number set
/// by hand (say "9" in a room of four tables) is never given twice; the numbers then go on
/// past the room's count, which is a count of tables, not their last number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomSpace {
    pub id: i64,
    pub free: Option<i64>,
    pub next_table: i64,
}

/// A project placed: its room and table number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    pub project: i64,
    pub room: i64,
    pub table: i64,
}

/// The rooms cannot hold the projects: how many need a table and how many are free.
#[derive(Debug, PartialEq, Eq)]
pub struct Shortfall {
    pub projects: i64,
    pub free: i64,
}

/// Places `projects` ((id, track), in the order to place them: by track, then id) at tables
/// in walking order: rooms in their order, tables numbered on from each room's `next_table`.
/// A track stays together: when it does not fit in what is left of a room but fits whole in
/// the next one, it starts there; a track larger than any room continues into the next.
/// Refused whole, placing nothing, when the rooms have too few free tables.
pub fn place(rooms: &[RoomSpace], projects: &[(i64, Option<i64>)]) -> Result<Vec<Placement>, Shortfall> {
    let unlimited = rooms.iter().any(|r| r.free.is_none());
    let free: i64 = rooms.iter().filter_map(|r| r.free).sum();
    if rooms.is_empty() || (!unlimited && free < projects.len() as i64) {
        return Err(Shortfall { projects: projects.len() as i64, free });
    }
    let mut rooms: Vec<RoomSpace> = rooms.to_vec();
    let fits = |r: &RoomSpace, n: i64| r.free.is_none_or(|f| f >= n);
    // Whether the rooms from `from` on can hold `n` projects.
    let room_for = |rooms: &[RoomSpace], from: usize, n: i64| {
        let rest = rooms.get(from..).unwrap_or_default();
        rest.iter().any(|r| r.free.is_none()) || rest.iter().filter_map(|r| r.free).sum::<i64>() >= n
    };
    let mut at = 0;
    let mut left = projects.len() as i64;
    let mut out = Vec::with_capacity(projects.len());
    for group in projects.chunk_by(|a, b| a.1 == b.1) {
        let n = group.len() as i64;
        // Moving on leaves this room's free tables behind: only when what follows still holds
        // every project left.
        if !fits(&rooms[at], n) && rooms.get(at + 1).is_some_and(|next| fits(next, n)) && room_for(&rooms, at + 1, left)
        {
            at += 1;
        }
        for (project, _) in group {
            while rooms.get(at).is_some_and(|r| !fits(r, 1)) {
                at += 1;
            }
            let Some(room) = rooms.get_mut(at) else {
                return Err(Shortfall { projects: projects.len() as i64, free });
            };
            out.push(Placement { project: *project, room: room.id, table: room.next_table });
            room.next_table += 1;
            room.free = room.free.map(|f| f - 1);
            left -= 1;
        }
    }
    Ok(out)
}

/// The room form, checked: (name, capacity).
pub fn check_room(name: &str, capacity: &str) -> Result<(String, Option<i64>), Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = crate::events::domain::text(&mut errors, "name", name, MAX_NAME, true);
    let capacity = match capacity.trim() {
        "" => None,
        c => match c.parse::<i64>() {
            Ok(c) if (1..=MAX_CAPACITY).contains(&c) => Some(c),
            _ => {
                errors.push(FieldError::with("capacity", args::ErrNumberRange { range: format!("1–{MAX_CAPACITY}") }));
                None
            }
        },
    };
    if errors.is_empty() {
        Ok((name, capacity))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spot(room: Option<(i64, &str)>, table: &str) -> Spot {
        Spot { room: room.map(|(p, n)| (p, n.to_owned())), table: table.to_owned() }
    }

    #[test]
    fn tables_sort_by_their_numbers() {
        let mut labels = ["10", "2", "A10", "a9", "B1", "", "1", "Stand", "A9b", "A"];
        labels.sort_by_key(|l| table_key(l));
        assert_eq!(labels, ["1", "2", "10", "", "a9", "A9b", "A10", "A", "B1", "Stand"]);
        assert_eq!((table_number(" 14 "), table_number("T14")), (Some(14), None));
    }

    #[test]
    fn judges_walk_rooms_in_order_then_tables_and_unplaced_projects_last() {
        let (a, b) = ((1, "Salle A"), (2, "Salle B"));
        let spots = [
            (spot(None, "1"), 1),
            (spot(Some(b), "2"), 2),
            (spot(Some(a), "10"), 3),
            (spot(Some(a), "9"), 4),
            (spot(Some(b), "1"), 5),
            (spot(Some(a), "9"), 0),
        ];
        let mut order: Vec<&(Spot, i64)> = spots.iter().collect();
        order.sort_by(|x, y| walking_order((&x.0, x.1), (&y.0, y.1)));
        assert_eq!(order.iter().map(|s| s.1).collect::<Vec<_>>(), [0, 4, 3, 5, 2, 1]);
    }

    #[test]
    fn the_next_project_is_said_as_room_table_and_tables_ahead() {
        let (a, b) = ((1, "Salle A"), (2, "Salle B"));
        assert_eq!(
            next_spot(&spot(Some(a), "11"), &spot(Some(a), "14")),
            NextSpot { room: None, table: "14".into(), ahead: Some(3) }
        );
        assert_eq!(
            next_spot(&spot(Some(a), "14"), &spot(Some(b), "1")),
            NextSpot { room: Some("Salle B".into()), table: "1".into(), ahead: None }
        );
        // Labels that are not plain numbers, or a table behind: no count.
        assert_eq!(next_spot(&spot(Some(a), "T1"), &spot(Some(a), "T4")).ahead, None);
        assert_eq!(next_spot(&spot(Some(a), "9"), &spot(Some(a), "3")).ahead, None);
        // Without rooms, only the table.
        assert_eq!(
            next_spot(&spot(None, "3"), &spot(None, "7")),
            NextSpot { room: None, table: "7".into(), ahead: None }
        );
    }

    fn room(id: i64, free: Option<i64>) -> RoomSpace {
        RoomSpace { id, free, next_table: 1 }
    }

    fn placed(p: &[Placement]) -> Vec<(i64, i64, i64)> {
        p.iter().map(|p| (p.project, p.room, p.table)).collect()
    }

    #[test]
    fn placement_keeps_a_track_together_and_numbers_tables_in_walking_order() {
        // Track 1 has three projects, track 2 three, track 3 one. Room 10 holds four tables:
        // track 2 does not fit in its last one and fits whole in room 20, so it starts there.
        let projects =
            [(1, Some(1)), (2, Some(1)), (3, Some(1)), (4, Some(2)), (5, Some(2)), (6, Some(2)), (7, Some(3))];
        let p = place(&[room(10, Some(4)), room(20, Some(4))], &projects).unwrap();
        assert_eq!(placed(&p), [(1, 10, 1), (2, 10, 2), (3, 10, 3), (4, 20, 1), (5, 20, 2), (6, 20, 3), (7, 20, 4)]);
    }

    #[test]
    fn a_track_larger_than_a_room_continues_into_the_next_and_numbering_goes_on() {
        let projects = [(1, Some(1)), (2, Some(1)), (3, Some(1)), (4, None)];
        let rooms = [RoomSpace { id: 10, free: Some(2), next_table: 5 }, room(20, Some(2))];
        assert_eq!(placed(&place(&rooms, &projects).unwrap()), [(1, 10, 5), (2, 10, 6), (3, 20, 1), (4, 20, 2)]);
    }

    #[test]
    fn a_track_moves_on_only_when_the_rooms_after_still_hold_every_project_left() {
        // Tracks of 2, 3 and 1 in two rooms of 3: the track of 3 moving to the second room
        // would leave no table for the last project, so it fills the first room's last table
        // and goes on in the second.
        let projects = [(1, Some(1)), (2, Some(1)), (3, Some(2)), (4, Some(2)), (5, Some(2)), (6, None)];
        let p = place(&[room(10, Some(3)), room(20, Some(3))], &projects).unwrap();
        assert_eq!(placed(&p), [(1, 10, 1), (2, 10, 2), (3, 10, 3), (4, 20, 1), (5, 20, 2), (6, 20, 3)]);
    }

    #[test]
    fn too_few_tables_place_nothing() {
        let projects = [(1, None), (2, None), (3, None)];
        assert_eq!(place(&[room(10, Some(1)), room(20, Some(1))], &projects), Err(Shortfall { projects: 3, free: 2 }));
        assert_eq!(place(&[], &projects), Err(Shortfall { projects: 3, free: 0 }));
        assert_eq!(place(&[room(10, Some(0)), room(20, None)], &projects).unwrap().len(), 3);
    }

    #[test]
    fn the_room_form_is_checked_field_by_field() {
        assert_eq!(check_room(" Salle A ", ""), Ok(("Salle A".into(), None)));
        assert_eq!(check_room("Salle A", " 12 "), Ok(("Salle A".into(), Some(12))));
        let fields = |r: Result<(String, Option<i64>), Vec<FieldError>>| -> Vec<String> {
            r.unwrap_err().into_iter().map(|e| e.field).collect()
        };
        assert_eq!(fields(check_room("  ", "0")), ["name", "capacity"]);
        assert_eq!(fields(check_room(&"x".repeat(MAX_NAME + 1), "douze")), ["name", "capacity"]);
        assert_eq!(fields(check_room("Salle\u{7}", "3")), ["name"]);
    }
}
