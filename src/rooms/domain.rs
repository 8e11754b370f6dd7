//! The plain rules of rooms and tables: the order judges walk (rooms in their order, then
//! tables by number), where the next project is from this one, automatic placement, and the
//! room form's checks.

use super::NextSpot;
use crate::error::FieldError;
use crate::i18n::{args, Msg};
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

/// One line of a pasted list of places: the project's code, its room's name (empty: no
/// room) and its table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedPlace {
    pub line: usize,
    pub code: String,
    pub room: String,
    pub table: String,
}

/// Longest table label a list may set (as the place form).
pub const TABLE_MAX: usize = 40;

fn lines_text(lines: &[usize]) -> String {
    lines.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
}

/// A list of places as pasted from a spreadsheet or a CSV file: one project a line, its code,
/// room and table, separated by tabs (a spreadsheet's copy), else semicolons (a French CSV,
/// whose values may hold commas), else commas. Blank lines and a first line of column names
/// ("code", …) are skipped. Lines without a code, with more than three values, or a table
/// label too long or holding control characters are refused together, by line number.
pub fn read_places(text: &str) -> Result<Vec<ListedPlace>, FieldError> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first.contains('\t') {
        b'\t'
    } else if first.contains(';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for (i, record) in reader.records().enumerate() {
        // The line as an editor counts it, blank lines included (the reader's own count skips
        // them): from where the record's first value starts in the text (the reader's position
        // is before the blank lines it skipped).
        let bytes = text.as_bytes();
        let line = record.as_ref().ok().and_then(|r| r.position()).map_or(i + 1, |p| {
            let mut at = (p.byte() as usize).min(bytes.len());
            while bytes.get(at).is_some_and(|b| *b == b'\n' || *b == b'\r') {
                at += 1;
            }
            bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
        });
        let Ok(record) = record else {
            bad.push(line);
            continue;
        };
        let cells: Vec<&str> = record.iter().collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if rows.is_empty() && bad.is_empty() && cells[0].eq_ignore_ascii_case("code") {
            continue;
        }
        let cell = |n: usize| cells.get(n).copied().unwrap_or("").to_owned();
        let table = cell(2);
        let unreadable = table.chars().count() > TABLE_MAX || table.chars().any(char::is_control);
        if cells[0].is_empty() || cells.len() > 3 || unreadable {
            bad.push(line);
            continue;
        }
        rows.push(ListedPlace { line, code: cell(0), room: cell(1), table });
    }
    if !bad.is_empty() {
        return Err(FieldError::with("places", args::ErrPlaceRow { lines: lines_text(&bad) }));
    }
    if rows.is_empty() {
        return Err(FieldError::new("places", Msg::ErrRequired));
    }
    Ok(rows)
}

/// A room as a list is checked against: its id, name, tables (`None`: no limit) and the
/// projects in it now, with their tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRoom {
    pub id: i64,
    pub name: String,
    pub capacity: Option<i64>,
    pub projects: Vec<(i64, String)>,
}

/// The listed places, each project's code read among the event's submitted projects
/// (`projects`) and its room by name (letter case aside), checked whole: every code known,
/// every room known, no project listed twice, no room's table given twice (in the list, or
/// to a project the list leaves where it is), and no room holding more projects than its
/// tables once the list is applied. Returns (project, room, table) in the
/// list's order; the first kind of problem found is reported with all its line numbers.
pub fn check_places(
    rows: &[ListedPlace],
    projects: &[i64],
    rooms: &[ListRoom],
) -> Result<Vec<(i64, Option<i64>, String)>, FieldError> {
    use std::collections::{HashMap, HashSet};
    let code_of = |code: &str| -> Option<i64> {
        let digits = code.strip_prefix(['P', 'p'])?;
        let id: i64 = digits.parse().ok()?;
        projects.contains(&id).then_some(id)
    };
    let room_of = |name: &str| -> Option<Option<i64>> {
        if name.is_empty() {
            return Some(None);
        }
        let lower = name.to_lowercase();
        let matches: Vec<&ListRoom> = rooms.iter().filter(|r| r.name.to_lowercase() == lower).collect();
        match matches.as_slice() {
            [one] => Some(Some(one.id)),
            _ => rooms.iter().find(|r| r.name == name).map(|r| Some(r.id)),
        }
    };
    let unknown: Vec<usize> = rows.iter().filter(|r| code_of(&r.code).is_none()).map(|r| r.line).collect();
    if !unknown.is_empty() {
        return Err(FieldError::with("places", args::ErrPlaceCode { lines: lines_text(&unknown) }));
    }
    let unknown: Vec<usize> = rows.iter().filter(|r| room_of(&r.room).is_none()).map(|r| r.line).collect();
    if !unknown.is_empty() {
        return Err(FieldError::with("places", args::ErrPlaceRoom { lines: lines_text(&unknown) }));
    }
    let places: Vec<(usize, i64, Option<i64>, String)> =
        rows.iter().filter_map(|r| Some((r.line, code_of(&r.code)?, room_of(&r.room)?, r.table.clone()))).collect();
    let moving: HashSet<i64> = places.iter().map(|p| p.1).collect();
    // The tables of the projects the list leaves where they are are taken already.
    let mut seen_table: HashSet<(Option<i64>, String)> = rooms
        .iter()
        .flat_map(|r| r.projects.iter().map(move |(p, t)| (r.id, *p, t)))
        .filter(|(_, p, t)| !moving.contains(p) && !t.is_empty())
        .map(|(room, _, t)| (Some(room), t.to_lowercase()))
        .collect();
    let mut seen_project = HashSet::new();
    let twice: Vec<usize> = places
        .iter()
        .filter(|(_, project, room, table)| {
            let table_twice = room.is_some() && !table.is_empty() && !seen_table.insert((*room, table.to_lowercase()));
            !seen_project.insert(*project) || table_twice
        })
        .map(|p| p.0)
        .collect();
    if !twice.is_empty() {
        return Err(FieldError::with("places", args::ErrPlaceTwice { lines: lines_text(&twice) }));
    }
    // Each room's projects once the list is applied: those it holds now that the list does
    // not move, and those the list puts there.
    let listed: HashMap<i64, Option<i64>> = places.iter().map(|p| (p.1, p.2)).collect();
    for room in rooms {
        let Some(capacity) = room.capacity else { continue };
        let staying = room.projects.iter().filter(|(p, _)| !listed.contains_key(p)).count();
        let coming = listed.values().filter(|r| **r == Some(room.id)).count();
        if (staying + coming) as i64 > capacity {
            return Err(FieldError::with("places", args::ErrPlaceFull { room: room.name.clone() }));
        }
    }
    Ok(places.into_iter().map(|(_, project, room, table)| (project, room, table)).collect())
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

    fn listed(text: &str) -> Vec<(usize, String, String, String)> {
        read_places(text).unwrap().into_iter().map(|r| (r.line, r.code, r.room, r.table)).collect()
    }

    #[test]
    fn a_pasted_list_reads_from_a_spreadsheet_or_a_csv_file() {
        let row = |line: usize, code: &str, room: &str, table: &str| (line, code.into(), room.into(), table.into());
        assert_eq!(
            listed("code,room,table\nP007, Salle B ,14\n\nP9,,\n"),
            [row(2, "P007", "Salle B", "14"), row(4, "P9", "", "")]
        );
        assert_eq!(listed("P007\tSalle B\t14"), [row(1, "P007", "Salle B", "14")]);
        assert_eq!(listed("P007;Salle B, étage 1;14"), [row(1, "P007", "Salle B, étage 1", "14")]);
        assert_eq!(listed("\"P007\",\"Salle \"\"B\"\"\",3"), [row(1, "P007", "Salle \"B\"", "3")]);
        let bad = read_places("P1,A,1\n,A,2\nP3,A,3,extra\nP4,A,").unwrap_err();
        assert_eq!((bad.field.as_str(), bad.msg, bad.arg.as_deref()), ("places", Msg::ErrPlaceRow, Some("2, 3")));
        let long = format!("P1,A,{}", "9".repeat(TABLE_MAX + 1));
        assert_eq!(read_places(&long).unwrap_err().msg, Msg::ErrPlaceRow);
        assert_eq!(read_places(" \n").unwrap_err().msg, Msg::ErrRequired);
    }

    #[test]
    fn a_list_is_checked_whole_against_the_event() {
        let rooms = [
            ListRoom {
                id: 1,
                name: "Salle A".into(),
                capacity: Some(2),
                projects: vec![(10, "1".into()), (11, "2".into())],
            },
            ListRoom { id: 2, name: "Salle B".into(), capacity: None, projects: vec![] },
        ];
        let projects = [10, 11, 12];
        let rows = |text: &str| read_places(text).unwrap();
        let check = |text: &str| check_places(&rows(text), &projects, &rooms);
        // Project 10 leaves A for B, so 12 fits in A; room names in any letter case.
        assert_eq!(
            check("P010,salle b,1\nP12,Salle A,3"),
            Ok(vec![(10, Some(2), "1".into()), (12, Some(1), "3".into())])
        );
        assert_eq!(check("P11,,"), Ok(vec![(11, None, String::new())]));
        let err = |text: &str| check(text).map_err(|e| (e.msg, e.arg.unwrap_or_default())).unwrap_err();
        assert_eq!(err("P10,A,1\nP99,Salle A,1\nX1,Salle A,2"), (Msg::ErrPlaceCode, "2, 3".into()));
        assert_eq!(err("P10,Salle C,1\nP11,Salle A,1"), (Msg::ErrPlaceRoom, "1".into()));
        assert_eq!(err("P10,Salle B,1\nP11,Salle B,1\nP10,Salle B,2"), (Msg::ErrPlaceTwice, "2, 3".into()));
        // A is full (10 and 11 stay): a third project does not fit.
        assert_eq!(err("P12,Salle A,3"), (Msg::ErrPlaceFull, "Salle A".into()));
        // Table 2 of A is 11's, which stays; table 1 is free once 10 leaves it.
        assert_eq!(err("P10,Salle B,1\nP12,Salle A,2"), (Msg::ErrPlaceTwice, "2".into()));
        assert!(check("P10,Salle B,1\nP12,Salle A,1").is_ok());
        // Control characters in a table label (a quoted cell may hold a line break).
        assert_eq!(read_places("P10,Salle A,\"1\n2\"").unwrap_err().msg, Msg::ErrPlaceRow);
    }
}
