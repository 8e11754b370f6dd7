//! The event's people as its organizers manage them: who holds which role, and removing a
//! role. The rules are in `domain`; what a removal hands back is decided here:
//!
//! - **Organizer**: the role goes; never the event's last organizer (themself included).
//! - **Mentor**: the role goes, and what the mentor held is handed back, none of it deleted:
//!   their slots not yet ended (and free ones) are withdrawn, a team's standing booking of one
//!   is cancelled and kept with its notes (as when a team cancels; the sessions export shows
//!   it "cancelled"), the help requests they were handling go back to the queue as "open",
//!   and the teams they followed are left without a mentor (the mentorship log keeps them, so
//!   the conflict of interest for judging stays). Sessions that took place stay as they were.
//! - **Judge who has not scored**: the role goes, their judge passes are revoked (a phone
//!   signed in with one is signed out at its next request), and their assignments go back to
//!   the pool: the projects show as short of judges and the next assignment run fills them.
//! - **Judge who has scored** (any score: a draft, marks, an absence): refused with
//!   `ErrJudgeHasScored`; [`retire_judge`] retires them instead. The role row stays, marked
//!   retired, so every score keeps its author and the results and the audit log still name
//!   them; the gate no longer admits the role, their passes are revoked, they get no new
//!   assignments, and the assignments they had not completed (none or a draft) are released.
//! - **Participant**: not removed here. A participant's place is their team's: leaving,
//!   removal by the captain, the organizers' moves and dissolutions have their own rules.
//!
//! A removal is remembered (`role_removals`): an invite made before it cannot grant the same
//! role back to that person, so a still-valid link does not undo it; an invite the organizers
//! make afterwards can. Every removal and retirement is in the audit log with what it handed
//! back.

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;
mod pages;

pub use pages::{PeopleTable, RemoveButton};

use crate::auth::Role;
use serde::{Deserialize, Serialize};

/// Someone holding a role in the event, as the organizer's people table lists them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// A judge retired after scoring: named in the results and the audit, without access.
    pub retired: bool,
    /// The person has a score in the event: as a judge, retired rather than removed.
    pub scored: bool,
}

/// What removing or retiring a role changed, as the answer and the audit line say it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RoleChange {
    pub user_id: i64,
    pub role: Option<Role>,
    /// The judge was retired (kept, without access) rather than removed.
    pub retired: bool,
    /// Judge passes revoked.
    pub passes_revoked: u64,
    /// Projects whose assignment of this judge went back to the pool.
    pub assignments_released: Vec<i64>,
    /// Mentor slots withdrawn.
    pub slots_withdrawn: u64,
    /// Teams whose booking of one of those slots was cancelled.
    pub bookings_cancelled: Vec<i64>,
    /// Help requests handed back to the queue.
    pub help_released: Vec<i64>,
    /// Teams left without a mentor.
    pub teams_unassigned: Vec<i64>,
}

mod api;
pub use api::*;
