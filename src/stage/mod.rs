//! The stage: finalists pitch one after another in front of the jury and the hall. The
//! organizer puts each project on stage from the line-up and runs its pitch timer; the
//! projector shows the project on stage with the time left, each judge's desk shows it with
//! a link to score it, and the console shows the same countdown. Every screen counts down
//! from the one end time the server set (`live::clock`), pushed over the live channel
//! (`Topic::Stage`), so a pause or a restart reaches them all at once.
//!
//! `domain` holds the timer's rules, `db` the rows, `api` the server functions, `pages` the
//! organizer's console; the projector (`board`) and the desk (`judging::desk`) render the
//! strip themselves from [`StageNow`].

mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
mod pages;

pub use api::*;
pub use pages::StageConsolePage;

use serde::{Deserialize, Serialize};

/// The project on stage and its timer, as every screen shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageNow {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    /// When the pitch time is up (server clock, ms), while the timer runs.
    pub ends_at: Option<i64>,
    /// Time left at `now_ms`.
    pub left_ms: i64,
    /// The server's clock when this was read.
    pub now_ms: i64,
}

impl StageNow {
    /// The countdown as HTML, for frames rendered once and sent later (the projector's):
    /// without the render time, so the page's clock is used.
    pub fn countdown_html(&self) -> String {
        crate::live::clock::countdown_html(self.ends_at, self.left_ms, None)
    }
}

/// One project of the line-up, in pitching order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineupItem {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub table: String,
    pub pitched: bool,
}

/// What the organizer's stage console shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageView {
    pub event_id: i64,
    pub event_name: String,
    /// The pitch length as the form shows it ("5", "4:30").
    pub length: String,
    pub on_stage: Option<StageNow>,
    pub running: bool,
    /// The next project of the line-up after the one on stage (the first when nobody is).
    pub next: Option<LineupItem>,
    pub lineup: Vec<LineupItem>,
    pub now_ms: i64,
}

/// The project on stage now, if any (the desk's and the projector's strip).
#[cfg(feature = "ssr")]
pub async fn now_showing(db: &crate::db::Db, event_id: i64) -> crate::error::AppResult<Option<StageNow>> {
    let Some((stage, project)) = db::on_stage(db, event_id).await? else { return Ok(None) };
    let now_ms = crate::db::now_ms();
    let clock = stage.clock();
    Ok(Some(StageNow {
        project_id: project.id,
        code: crate::judging::project_code(project.id),
        title: project.title,
        ends_at: clock.ends_at,
        left_ms: clock.left(now_ms),
        now_ms,
    }))
}
