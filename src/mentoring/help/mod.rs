//! The live help queue: a team raises a request (topic, skill, where they sit); mentors see
//! open requests (filtered to their expertise unless they ask for all), claim one at a time,
//! then resolve or release it; the team sees who is coming, or its place in the queue and the
//! wait to expect. A claim nobody resolves or releases within the event's limit goes back to
//! the queue by itself (`sweep`), and its mentor is told. Organizers hand a request to a
//! mentor and see each mentor's load. A mentor who resolved a team's request has mentored it
//! (`crate::mentoring::record_mentorship`). Every change is pushed to open pages through the
//! live channel.
//!
//! "One claimed request per mentor" holds under concurrency: a claim first touches the
//! mentor's `users` row, which serializes that mentor's claims, and takes the request with
//! `UPDATE … WHERE status = 'open'`, so of two mentors racing for one request exactly one
//! wins.

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;
mod pages;
#[cfg(feature = "ssr")]
pub mod sweep;

/// The organizer's dashboard computes its help figures with these too.
#[cfg(feature = "ssr")]
pub use domain::{help_stats, HelpSample};
pub use pages::HelpQueuePage;

use crate::error::AppError;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelpItem {
    pub id: i64,
    pub team: String,
    pub topic: String,
    pub skill: String,
    pub location: String,
    pub description: String,
    pub status: String,
    pub waiting_minutes: i64,
    /// The mentor on the way, once claimed.
    pub mentor: Option<String>,
    pub claimed_by_me: bool,
    /// An open request's place in the queue (1: next).
    pub position: Option<i64>,
    /// Minutes until a mentor is expected, from the last hour's help (see
    /// `domain::estimate_minutes`); `None` when there is nothing to go by.
    pub estimate_minutes: Option<i64>,
}

/// A mentor of the event as the organizer sees their help-desk load.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskLoad {
    pub id: i64,
    pub name: String,
    /// The request they hold: its topic and team.
    pub holding: Option<String>,
    pub resolved_last_hour: i64,
    /// Minutes since their last resolution, when they hold nothing (`None`: none yet, or busy).
    pub idle_minutes: Option<i64>,
}

/// The help desk in figures, for the help page and the organizer's dashboard alike (one
/// computation, so both show the same median for the same requests).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HelpStats {
    pub open: i64,
    pub claimed: i64,
    pub resolved: i64,
    /// Median minutes from a request to a mentor taking it.
    pub median_wait_minutes: Option<i64>,
    /// Median minutes from a request to its resolution.
    pub median_resolve_minutes: Option<i64>,
    /// Minutes the oldest open request has been waiting.
    pub oldest_open_minutes: Option<i64>,
    /// (mentor, resolved count), in the order mentors first resolved one.
    pub per_mentor: Vec<(String, i64)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelpData {
    pub event_id: i64,
    pub is_mentor: bool,
    pub is_organizer: bool,
    pub has_team: bool,
    /// Open and claimed requests, as the caller may see them.
    pub queue: Vec<HelpItem>,
    /// The caller's team's own requests.
    pub mine: Vec<HelpItem>,
    pub stats: Option<HelpStats>,
    pub filtered: bool,
    /// Minutes a mentor may hold a request before it goes back to the queue.
    pub claim_minutes: i64,
    /// For a mentor: requests that went back to the queue from them in the last hour, still
    /// waiting for someone.
    pub expired: Vec<HelpItem>,
    /// For organizers: every mentor's load, idle ones first.
    pub mentors: Vec<DeskLoad>,
}

mod api;
pub use api::*;
