//! The organizer's judging setup: settings, the rubric builder, judges and their phone
//! sign-in links, assignment runs, coverage, results and exports. Every function here is
//! organizer-only: results and other judges' scores never reach a judge.
//!
//! `api` holds the server functions, `db` the queries (and the results as the board and the
//! dashboard read them), `domain` the plain rules, `passes` the pass links shown once and
//! `export` the CSV downloads.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod passes;

pub use api::*;

use super::rubric::Criterion;
use super::Settings;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeRow {
    pub user_id: i64,
    pub name: String,
    pub active: bool,
    /// The track the judge is limited to, if any.
    pub track: Option<i64>,
    /// The rooms of the venue the judge stays in; empty: every room.
    pub rooms: Vec<i64>,
    /// The account has a password of its own: the judge signs in with it, never with a pass.
    pub own_login: bool,
    /// The judge's current (unrevoked) pass, if any.
    pub pass: Option<PassState>,
    /// A link issued or re-shown just now, shown on this page view only (only its digest is
    /// stored).
    pub fresh: Option<FreshLink>,
    pub assigned: i64,
    pub done: i64,
    pub declared_conflicts: i64,
    /// Teams the judge mentored (assigned, at the help desk, in a session): they do not judge
    /// them.
    pub mentored: Vec<(String, crate::mentoring::MentorshipSource)>,
    /// Retired after scoring: kept with their scores, without access (see `events::people`).
    pub retired: bool,
    /// Has a score in the event: retired rather than removed.
    pub scored: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PassState {
    /// When the pass expires, in the event's time zone.
    pub expires: String,
    pub expired: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FreshLink {
    pub url: String,
    pub qr_svg: String,
}

/// A pass link as issued: the answer of add, renew and show-link, the one moment the plain
/// link exists (the console also shows it once, see `passes::reveal_once`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IssuedPass {
    pub user_id: i64,
    pub url: String,
    pub expires_at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoverageRow {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub team: String,
    pub track: String,
    pub table_label: String,
    pub judges: Vec<CoverageJudge>,
    pub under: bool,
    pub flagged: bool,
    /// Judges who came to the table and found the team absent.
    pub absent_marks: i64,
    /// Enough judges found the team absent to call the organizer (`domain::absent_flagged`).
    pub absent_flagged: bool,
    /// Whether a member of the team checked in at the venue; `None` while nobody at the
    /// event has (check-in not in use).
    pub checked_in: Option<bool>,
}

/// One of a project's judges as the console lists them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CoverageJudge {
    pub name: String,
    /// Scored the project, or found the team absent.
    pub done: bool,
    pub absent: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsoleData {
    pub event_id: i64,
    pub event_name: String,
    pub settings: Settings,
    pub tracks: Vec<(i64, String)>,
    /// The venue's rooms in walking order (`rooms`).
    pub rooms: Vec<(i64, String)>,
    pub judges: Vec<JudgeRow>,
    pub coverage: Vec<CoverageRow>,
    pub has_rubric: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RubricData {
    pub event_id: i64,
    pub scope: i64,
    pub tracks: Vec<(i64, String)>,
    /// The version shown (0 when there is none yet).
    pub version: i64,
    /// True when a score was given under this version: saving creates a new version.
    pub locked: bool,
    /// The track has no rubric of its own and uses the event-wide one.
    pub inherited: bool,
    pub criteria: Vec<Criterion>,
    /// Projects with scores given under an earlier version: their judges must re-score.
    pub affected: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub team: String,
    pub track: String,
    pub rank: Option<usize>,
    pub track_rank: Option<usize>,
    pub judges: usize,
    pub raw: Option<f64>,
    pub normalized: Option<f64>,
    pub spread: f64,
    pub disagreement: bool,
    pub flags: i64,
    pub absent: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsData {
    pub event_id: i64,
    pub method: crate::judging::results::Method,
    pub threshold: i64,
    pub rows: Vec<ResultRow>,
    /// Scores given under an older rubric version (still counted, on the 0–100 scale).
    pub outdated: i64,
}

/// Most days a pass can be extended by at once.
pub const MAX_EXTEND_DAYS: i64 = 30;
