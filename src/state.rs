//! What every request can reach: the database, the configuration and the running services.
//! It sits beside the database layer, below the features and the gate; the HTTP server
//! (`server`) builds it at start and hands it to every request.

use crate::config::Config;
use crate::db::Db;
use leptos::prelude::LeptosOptions;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub leptos: LeptosOptions,
    pub live: crate::live::hub::Hub,
    /// Applies score saves (group commit on SQLite, see `judging::score`).
    pub scores: crate::judging::writer::Writer,
    /// The rendered live boards, one per watched event.
    pub boards: crate::board::live::Boards,
    /// The password-hashing limiter (`auth::password`).
    pub hasher: crate::auth::password::Hasher,
    /// Sign-ups, invite acceptances and pass joins per client address (`auth::limits`).
    pub joins: crate::auth::limits::RateLimiter,
    /// The token of the admin set-up link printed at this start, if one was needed.
    pub admin_setup: Option<Arc<str>>,
    /// Open live streams per client address.
    pub streams: Streams,
    /// The mail server for reset links people ask for themselves, if one is configured.
    pub mailer: Option<crate::account::mail::Mailer>,
}

/// Open live streams per client address.
#[derive(Clone, Debug, Default)]
pub struct Streams {
    open: Arc<Mutex<HashMap<String, usize>>>,
}

/// One open stream; dropping it (the client went away) frees its place.
#[derive(Debug)]
pub struct StreamPermit {
    streams: Streams,
    client: String,
}

impl Drop for StreamPermit {
    fn drop(&mut self) {
        let mut open = self.streams.open.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = open.get_mut(&self.client) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.client);
            }
        }
    }
}

impl Streams {
    /// A place for one more stream of `client`, unless it already holds `max`.
    pub fn acquire(&self, client: &str, max: usize) -> Option<StreamPermit> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let n = open.entry(client.to_owned()).or_default();
        if *n >= max {
            return None;
        }
        *n += 1;
        Some(StreamPermit { streams: self.clone(), client: client.to_owned() })
    }

    /// Streams open right now, all clients together.
    pub fn open(&self) -> usize {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).values().sum()
    }
}
