//! A mentor's day at the venue, on one page (`/events/{id}/my-day`): the help request they
//! hold and how long before it goes back to the queue, requests that went back from them,
//! how many teams are waiting, their sessions in time order, and the teams they mentor, with
//! how (which is also why they do not judge them).

mod api;
#[cfg(feature = "ssr")]
mod db;
#[cfg(feature = "ssr")]
pub mod domain;
mod pages;

pub use api::*;
pub use pages::MyDayPage;

use crate::mentoring::MentorshipSource;
use serde::{Deserialize, Serialize};

/// The request the mentor holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeldRequest {
    pub id: i64,
    pub topic: String,
    pub team: String,
    pub location: String,
    pub held_minutes: i64,
    /// Minutes before it goes back to the queue by itself (0: at the next look).
    pub left_minutes: i64,
}

/// One of the mentor's session slots.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DaySession {
    /// When, in the event's time zone.
    pub when: String,
    pub location: String,
    /// The team that booked it, if any.
    pub team: Option<String>,
    /// Over already.
    pub past: bool,
}

/// A team the mentor mentors or has mentored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayTeam {
    pub name: String,
    /// Where its project sits, when the organizers placed it.
    pub table: String,
    /// Assigned to the mentor now.
    pub assigned: bool,
    /// How the mentor first mentored it (what keeps them from judging it).
    pub source: Option<MentorshipSource>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentorDay {
    pub event_id: i64,
    pub event_name: String,
    pub holding: Option<HeldRequest>,
    /// Requests that went back to the queue from this mentor in the last hour, still
    /// unanswered: (topic, team).
    pub expired: Vec<(String, String)>,
    pub claim_minutes: i64,
    /// Open requests waiting for a mentor.
    pub waiting: i64,
    pub sessions: Vec<DaySession>,
    pub teams: Vec<DayTeam>,
}
