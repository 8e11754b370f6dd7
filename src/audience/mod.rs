//! People's choice: the audience votes for its favourite projects. Each participant, and each
//! visitor holding a one-time ticket if the organizer allows it, chooses one project (or up
//! to `votes_each`), never their own team's, and may change their mind until the vote closes.
//! Organizers watch the tally live; the public sees it only once the organizer publishes the
//! results, revealed with them on the board (`board`), as the reveal's last step.
//!
//! Ballot stuffing is held off by the keys (one ballot per account or ticket, one slot per
//! vote, never a project twice), tickets that one browser uses once (`audience_tickets`),
//! the per-client limit on using tickets (the one sign-ups and joins share), and the
//! organizer's view of tickets used in bulk, which can void them and their votes before
//! publishing.
//!
//! `domain` holds the rules, `db` the rows, `api` the server functions, `pages` the voter's
//! page, the ticket's page and the organizer's console.

#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
mod pages;

pub use pages::{AudienceConsolePage, BallotPage, PrintTicketsPage, TicketPage};

use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// A project on a voter's ballot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BallotProject {
    pub project_id: i64,
    pub title: String,
    pub tagline: String,
    pub team: String,
    pub table: String,
    /// The voter's own team's project: shown, not votable.
    pub own: bool,
    pub chosen: bool,
}

/// What a voter sees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BallotData {
    pub event_id: i64,
    pub event_name: String,
    /// `off`, `open` or `closed`.
    pub state: String,
    pub votes_each: i64,
    /// How many of them the voter has used.
    pub used: i64,
    /// The ticket's number when the voter votes with a ticket.
    pub ticket: Option<i64>,
    pub projects: Vec<BallotProject>,
}

/// One line of the organizer's live tally.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TallyRow {
    pub project_id: i64,
    pub title: String,
    pub team: String,
    pub votes: i64,
    pub rank: usize,
}

/// Tickets used together, as the organizer sees them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BulkRow {
    /// From one browser (`true`) or one address.
    pub one_browser: bool,
    pub tickets: Vec<i64>,
    pub first: String,
    pub minutes: i64,
}

/// A ticket just made, shown to the organizer who made it, to print.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FreshTicket {
    pub number: i64,
    pub url: String,
    pub qr_svg: String,
}

/// A print run's tickets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrintRun {
    pub event_id: i64,
    pub event_name: String,
    pub tickets: Vec<FreshTicket>,
}

/// The organizer's console of the vote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsoleData {
    pub event_id: i64,
    pub event_name: String,
    pub state: String,
    pub votes_each: i64,
    pub tickets: bool,
    pub version: i64,
    pub voters: i64,
    pub votes: i64,
    pub tally: Vec<TallyRow>,
    pub tickets_made: i64,
    pub tickets_used: i64,
    pub tickets_void: i64,
    pub bulk: Vec<BulkRow>,
    /// How many tickets the last print run made in this organizer's session holds.
    pub printed: usize,
    /// Whether the people's choice is published with the results.
    pub published: bool,
}

mod api;
pub use api::*;
