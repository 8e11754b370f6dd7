//! Paper score sheets: when a judge cannot use a phone, the organizer prints the judge's
//! sheets (one page per assigned project: the rubric's criteria and levels to circle, and a
//! QR code naming the judge, the project and the rubric version), and later keys a filled
//! sheet in. The QR code opens the entry form on any organizer's phone; the entry goes
//! through the very path of a phone's save (`writer`: the same checks, versions and
//! idempotency), and its history row names the organizer who keyed it in.
//!
//! `api` holds the server functions, `pages` the printable sheets and the entry form.

mod api;
mod pages;

pub use api::*;
pub use pages::{PaperEntryPage, ScoreSheetsPage};

use super::rubric::Criterion;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One printed page: a judge's sheet for one project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaperSheet {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    /// Only when team names are shown to judges.
    pub team: Option<String>,
    pub table: String,
    pub rubric_id: i64,
    pub rubric_version: i64,
    /// The rubric's fingerprint (see `rubric_mark`).
    pub mark: String,
    pub criteria: Vec<Criterion>,
    /// The entry form's address, also in the QR code.
    pub url: String,
    pub qr_svg: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeSheets {
    pub judge_id: i64,
    pub name: String,
    pub sheets: Vec<PaperSheet>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetsData {
    pub event_id: i64,
    pub event_name: String,
    /// Every judge with assignments (to choose whose sheets to print).
    pub judges: Vec<(i64, String)>,
    /// The sheets asked for: one judge's, or every judge's.
    pub printed: Vec<JudgeSheets>,
}

/// What the entry form shows: the sheet's judge and project, the rubric in force, and the
/// score the server holds now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaperForm {
    pub event_id: i64,
    pub judge_id: i64,
    pub judge: String,
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub table: String,
    /// The rubric the sheet was printed under (posted with the entry, which is refused if it
    /// is no longer the one in force).
    pub rubric_id: i64,
    pub mark: String,
    /// The version of the rubric in force, whose criteria the form shows.
    pub rubric_version: i64,
    /// The sheet was printed under another rubric, or before the rubric was edited.
    pub rubric_changed: bool,
    /// The form's address for keying the sheet in against the rubric in force.
    pub current: String,
    pub criteria: Vec<Criterion>,
    /// The score's version now (the entry is based on it) and what it holds.
    pub version: i64,
    pub status: Option<String>,
    pub marks: BTreeMap<String, i64>,
    pub notes: String,
    pub feedback: String,
    /// A fresh key for this form: sending it twice applies it once.
    pub save_id: String,
    pub open: bool,
}
