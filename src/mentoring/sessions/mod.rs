//! Mentoring sessions: mentors offer time slots, teams book them, both can cancel, the mentor
//! keeps notes and marks attendance, organizers see the schedule.
//!
//! Notes and attendance belong to the booking (`mentor_bookings`), not the slot: a team that
//! cancels takes nothing of its session with it to the next team, and its booking keeps the
//! mentor's notes as history (in the organizers' sessions export).
//!
//! When organizers remove a mentor (`events::people`), the mentor's slots not yet ended (and
//! free ones) are withdrawn (`withdrawn_at`): no longer listed, bookable or counted against the
//! mentor's new slots, and a standing booking of one is cancelled and kept, as history.
//!
//! Races are settled in the database: a slot is booked by `UPDATE … WHERE team_id IS NULL`
//! (one team wins), and a team's bookings are serialized by first touching its `teams` row,
//! so two bookings of overlapping slots by one team cannot both pass the overlap check.

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;
mod pages;

pub use pages::SessionsPage;

use crate::error::AppError;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlotView {
    pub id: i64,
    pub mentor: String,
    pub day: String,
    pub starts: String,
    pub ends: String,
    pub location: String,
    pub team: Option<String>,
    /// The caller's own team holds it.
    pub mine: bool,
    /// Notes are shown only to the mentor, the booking team and organizers.
    pub notes: Option<String>,
    pub attended: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    pub event_id: i64,
    pub timezone: String,
    pub slots: Vec<SlotView>,
    pub is_mentor: bool,
    pub has_team: bool,
    pub is_organizer: bool,
    pub me: String,
}

pub const NOTES_MAX: usize = 4000;
pub const SLOT_MAX_MINUTES: i64 = 240;

mod api;
pub use api::*;
