//! The live leaderboard: the projector view, visibility, freeze and reveal, publication and
//! the public results page; and the organizers' announcements, which travel with it.
//!
//! `domain` decides what each audience sees and renders it (plain, unit-tested); `live`
//! keeps one rendered frame per event, audience and language, recomputed when a notice
//! arrives and pushed over SSE to every viewer; `db` its rows; `api` holds the server functions; `island`
//! the projector's script; `pages` the pages.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
mod island;
#[cfg(feature = "ssr")]
pub mod live;
mod pages;

pub use pages::{AnnouncementBar, BoardControlPage, ProjectorPage, RankingPage};
