//! Judging: the rubric builder, judges' single-event phone sign-in, conflicts of interest,
//! conflict-free assignment of K judges per project, blind scoring on phones that survives
//! bad Wi-Fi, and bias-normalized results.
//!
//! The rules are plain, unit-tested modules: `rubric` (criteria, weighted totals), `assign`
//! (who judges what) and `results` (normalization, ranking, tie-breaks, disagreement).
//! `paper` prints judges' score sheets and keys filled ones in through the writer,
//! `manage` holds the organizer's setup (judges and passes, rubric, assignment, results),
//! `score` the judge's server functions, `passes` the judges' sign-in links, `writer` the
//! exactly-once score saves, `db` the queries both sides share, `desk` the
//! phone's scoring page and its script, which queues saves offline, `offline` the service worker and manifest that let
//! it reopen with no network, `pages` the pages.
//!
//! Blindness is enforced by the server functions: the judge's functions return only the
//! caller's own scores, and every function that reads results or other judges' scores is
//! organizer-only.

#[cfg(feature = "ssr")]
pub mod assign;
pub mod audit;
#[cfg(feature = "ssr")]
pub mod db;
pub mod desk;
pub mod manage;
#[cfg(feature = "ssr")]
pub mod offline;
mod pages;
pub mod paper;
#[cfg(feature = "ssr")]
pub mod passes;
pub mod results;
pub mod rubric;
pub mod score;
#[cfg(feature = "ssr")]
pub mod writer;

pub use audit::AuditPage;
pub use pages::{ConflictsPage, JoinAsJudgeForm, JudgeDeskPage, JudgingPage, PassPage, ResultsPage, RubricPage};
pub use paper::{PaperEntryPage, ScoreSheetsPage};

use serde::{Deserialize, Serialize};

/// Judging state set by the organizer: `scheduled` follows the event's judging dates,
/// `open` and `closed` override them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub judges_per_project: i64,
    pub hide_names: bool,
    pub method: String,
    pub disagreement: i64,
    pub state: String,
    pub version: i64,
    /// Whether judges can save right now.
    pub open_now: bool,
}

pub const MAX_JUDGES_PER_PROJECT: i64 = 10;

/// A project's public code in judging: blind-friendly and stable.
pub fn project_code(project_id: i64) -> String {
    format!("P{project_id:03}")
}

/// Whether judges may save: the organizer's override, else the event's judging dates.
pub fn open_now(state: &str, opens: i64, closes: i64, t: i64) -> bool {
    match state {
        "open" => true,
        "closed" => false,
        _ => opens <= t && t < closes,
    }
}
