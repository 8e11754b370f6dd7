//! Pitch slots for demo-style judging: the organizer makes a schedule (`/events/{id}/slots`)
//! that gives each assignment a time window, no judge or team in two places at once, with a
//! break every N pitches; made again after changes, it leaves the slots already judged (and
//! the one under way) where they are. The judge's desk shows each project's slot with its
//! countdown (the stage's timer mechanism), and a team's page its slots and, pushed over the
//! live channel, "you're next" once the judge is done with the slot before.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;
mod pages;

pub use api::*;
pub use pages::{SlotsPage, TeamSlotsPanel};

use serde::{Deserialize, Serialize};

/// The plan's form as last saved (or its defaults).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanForm {
    /// A `datetime-local` value in the event's time zone.
    pub starts_at: String,
    /// Minutes ("7") or minutes and seconds ("6:30").
    pub pitch: String,
    pub break_every: String,
    pub break_minutes: String,
}

/// Where one slot stands, as the console shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SlotState {
    /// Not given a slot yet (assigned after the schedule was made).
    None,
    Later,
    Now,
    /// Its time is past and the judge has not scored it.
    Late,
    Scored,
    /// The judge marked the team absent.
    Absent,
}

/// One assignment's slot on the organizer's console.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlotLine {
    pub assignment_id: i64,
    pub judge: String,
    pub code: String,
    pub title: String,
    pub team: String,
    pub room: String,
    pub table_label: String,
    /// "14:20–14:27" in the event's time zone; empty without a slot.
    pub time: String,
    pub state: SlotState,
    /// How many judges marked the team absent (two or more: the judging console flags it).
    pub absent_marks: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlotsData {
    pub event_id: i64,
    pub event_name: String,
    pub has_plan: bool,
    pub plan: PlanForm,
    /// By time, then judge; those without a slot last.
    pub lines: Vec<SlotLine>,
    pub unscheduled: i64,
}

/// Where one of a team's slots stands for the team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TeamStanding {
    Done,
    /// The judge came and marked the team absent: it should see the organizer.
    Absent,
    /// The judge is on the way: their slot before is done, or this one is about to begin.
    Next,
    Later,
}

/// One of the team's slots (the judge is not named).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamSlot {
    /// "14:20–14:27" in the event's time zone.
    pub time: String,
    pub room: String,
    pub table_label: String,
    pub standing: TeamStanding,
    /// The slot's end, ms since the epoch (the countdown of the slot under way).
    pub ends_ms: i64,
    pub starts_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamSlotsView {
    pub event_id: i64,
    /// The event schedules pitch slots: the team's page listens for them even before it has
    /// one (made again once the team checks in, say).
    pub has_plan: bool,
    /// In time order; empty when the team has none (or no team).
    pub slots: Vec<TeamSlot>,
    pub now_ms: i64,
}

/// A judge's slot for one project on the desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskSlot {
    /// "14:20–14:27" in the event's time zone.
    pub time: String,
    /// Its start and end, ms since the epoch: the countdown runs to the start until the slot
    /// begins, then to its end.
    pub starts_ms: i64,
    pub ends_ms: i64,
}
