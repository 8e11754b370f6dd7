//! Rooms and tables at the venue: the organizer names the rooms in the order judges walk them
//! (with how many tables each holds) and places projects at tables, by hand or automatically
//! (by track, each track kept together, tables numbered in walking order). Judges' desks list
//! their projects in that order and say where the next one is; the map (`/events/{id}/rooms/map`)
//! prints each room's tables with the projects' codes.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;
mod pages;
#[cfg(feature = "ssr")]
pub mod plan;

pub use api::*;
pub use pages::{RoomMapPage, RoomsPage};

use serde::{Deserialize, Serialize};

/// A room on the organizer's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Room {
    pub id: i64,
    pub name: String,
    /// Tables it holds; `None`: no limit.
    pub capacity: Option<i64>,
    /// Projects placed in it.
    pub placed: i64,
    /// Its floor plan's address, when it has one.
    pub plan: Option<String>,
}

/// The form field of a floor plan's file, shared by the page and the server function.
pub const PLAN_FIELD: &str = "plan";

/// Where a room's floor plan is served.
pub fn plan_url(event_id: i64, room_id: i64) -> String {
    format!("/events/{event_id}/rooms/{room_id}/plan")
}

/// A submitted project and where it sits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlacedProject {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub team: String,
    pub track: String,
    pub room_id: Option<i64>,
    pub table_label: String,
}

/// The organizer's rooms page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoomsData {
    pub event_id: i64,
    pub event_name: String,
    pub rooms: Vec<Room>,
    pub projects: Vec<PlacedProject>,
}

/// One table on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapTable {
    pub table_label: String,
    pub code: String,
    pub title: String,
    /// `None` when the event hides team names from judges (the map is put up in the hall).
    pub team: Option<String>,
}

/// A room's tables in walking order; the room without a name holds the projects not placed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapRoom {
    pub name: Option<String>,
    /// The room's floor plan's address, when it has one.
    pub plan: Option<String>,
    pub tables: Vec<MapTable>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapData {
    pub event_id: i64,
    pub event_name: String,
    pub rooms: Vec<MapRoom>,
}

/// Where a judge goes after the project in front of them: the next project's room (named
/// only when it is another room), its table, and how many tables further along the same room
/// it is (when both tables are plain numbers).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextSpot {
    pub room: Option<String>,
    pub table: String,
    pub ahead: Option<i64>,
}

/// Where a project sits, as people say it: "Salle B, table 14", "Table 14" without a room,
/// the room alone without a table; `None` when it has neither.
pub fn place_text(lang: crate::i18n::Lang, room: &str, table: &str) -> Option<String> {
    use crate::i18n::args;
    match (room.is_empty(), table.is_empty()) {
        (true, true) => None,
        (true, false) => Some(lang.format(args::DeskTable { table })),
        (false, true) => Some(room.to_owned()),
        (false, false) => Some(lang.format(args::DeskRoomTable { room, table })),
    }
}

/// The desk's line about the next project: "Next: table 14 · 3 tables ahead", or with its
/// room when it is in another one; `None` when the next project has no place yet.
pub fn next_text(lang: crate::i18n::Lang, next: &NextSpot) -> Option<String> {
    use crate::i18n::args;
    let place = place_text(lang, next.room.as_deref().unwrap_or(""), &next.table)?;
    let mut text = lang.format(args::DeskNext { place });
    if let Some(count) = next.ahead {
        text.push_str(" · ");
        text.push_str(&lang.format(args::DeskTablesAhead { count }));
    }
    Some(text)
}
