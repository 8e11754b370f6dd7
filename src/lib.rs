//! Hakam: hackathon judging and team mentoring.
#![recursion_limit = "256"]
//!
//! Feature folders hold their pages, server functions and (server-only) queries together;
//! shared layers are `auth` (sessions and the one authorization gate), `i18n`, `ui`, `tags` and
//! `error`.

pub mod account;
pub mod admin;
pub mod app;
pub mod audience;
pub mod auth;
pub mod board;
pub mod certificates;
pub mod checkin;
pub mod dashboard;
pub mod error;
pub mod events;
pub mod i18n;
pub mod invites;
pub mod judging;
pub mod live;
pub mod mentoring;
pub mod projects;
pub mod rooms;
pub mod slots;
pub mod stage;
pub mod tags;
pub mod teams;
pub mod ui;
#[cfg(feature = "web")]
pub mod web;

#[cfg(feature = "ssr")]
pub mod backup;
#[cfg(feature = "ssr")]
pub mod config;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod lan;
#[cfg(feature = "ssr")]
pub mod links;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod state;

/// Hakam renders every page on the server and ships WASM only for its behaviours (see README,
/// "Page weight"): forms are plain HTML forms that work before and without WASM, which
/// `web` upgrades in place once it arrives; the desk and the projector add their islands.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
