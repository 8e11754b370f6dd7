//! Check-in at the venue: participants mark themselves present by scanning the venue's code
//! (`/events/{id}/checkin/{code}`, shown large on the organizer's screen or printed), or an
//! organizer ticks them on the list (`/events/{id}/checkin`). A team is present when one of
//! its members is. The list shows who is here, the judging assignment can be limited to
//! teams present, and the list is exported (`checkins.csv`).

mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;
#[cfg(feature = "ssr")]
pub mod export;
mod pages;

pub use api::*;
pub use pages::{CheckinConsolePage, CheckinPage};

use serde::{Deserialize, Serialize};

/// One participant on the check-in list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonPresence {
    pub user_id: i64,
    pub name: String,
    pub present: bool,
    /// When they were checked in, in the event's time zone.
    pub at: Option<String>,
    /// Ticked by an organizer rather than by scanning the code.
    pub by_organizer: bool,
}

/// A team and its members on the list; participants without a team form the last group, with
/// no name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamPresence {
    pub team_id: Option<i64>,
    pub name: String,
    pub present: bool,
    pub members: Vec<PersonPresence>,
}

/// How many are here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub teams: i64,
    pub teams_present: i64,
    pub people: i64,
    pub people_present: i64,
}

/// The organizer's check-in list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckinBoard {
    pub event_id: i64,
    pub event_name: String,
    /// The venue's check-in address and its QR code, once a code was made.
    pub url: Option<String>,
    pub qr_svg: Option<String>,
    pub groups: Vec<TeamPresence>,
    pub summary: Summary,
}

/// What a participant who scanned the venue's code sees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckinStatus {
    pub event_id: i64,
    pub event_name: String,
    /// The code scanned is the venue's current one.
    pub code_ok: bool,
    pub present: bool,
    pub at: Option<String>,
}
