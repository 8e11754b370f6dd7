//! One rendered board per event, shared by all its viewers.
//!
//! The first viewer of an event starts a task that computes the board's frames, then waits
//! for the event's notices (a score saved, the board changed, an announcement): a burst of
//! notices within 50 ms makes one recomputation, and viewers are sent the new frame only if
//! it changed. Each viewer's stream holds just a `watch` receiver, so 5,000 viewers cost one
//! computation and 5,000 writes per change, not 5,000 page renders. A viewer that lags or
//! reconnects simply gets the latest frame: every message is a full snapshot.

use super::domain::Audience;
use super::ssr::{audience, frames, Frames};
use crate::db::Db;
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::live::hub::{Hub, ALL_EVENTS};
use axum::extract::{Path, Query};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{broadcast, watch};
use tokio_stream::StreamExt;
use tower_sessions::Session;

/// The topics that can change a board.
const TOPICS: &[&str] = &["judging", "board", "announce", "resync"];

#[derive(Clone, Debug, Default)]
pub struct Boards {
    events: Arc<Mutex<HashMap<i64, watch::Sender<Arc<Frames>>>>>,
}

impl Boards {
    /// A receiver of the event's frames, starting the event's refresher if needed.
    pub async fn subscribe(&self, db: &Db, hub: &Hub, event_id: i64) -> AppResult<watch::Receiver<Arc<Frames>>> {
        if let Some(rx) = self.existing(event_id) {
            return Ok(rx);
        }
        // Subscribe to notices before computing, so a change made meanwhile is not missed.
        let notices = hub.subscribe();
        let first = frames(db, event_id).await?;
        let mut events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tx) = events.get(&event_id) {
            return Ok(tx.subscribe());
        }
        let (tx, rx) = watch::channel(Arc::new(first));
        events.insert(event_id, tx.clone());
        tokio::spawn(refresh(self.clone(), db.clone(), notices, tx, event_id));
        Ok(rx)
    }

    fn existing(&self, event_id: i64) -> Option<watch::Receiver<Arc<Frames>>> {
        self.events.lock().unwrap_or_else(|e| e.into_inner()).get(&event_id).map(|tx| tx.subscribe())
    }

    /// Ends the event's refresher when nobody watches; true if it did.
    fn retire_if_unwatched(&self, event_id: i64) -> bool {
        let mut events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        match events.get(&event_id) {
            Some(tx) if tx.receiver_count() == 0 => {
                events.remove(&event_id);
                true
            }
            _ => false,
        }
    }

    /// How many events have a running refresher (for tests and the benchmark).
    pub fn watched_events(&self) -> usize {
        self.events.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

async fn refresh(boards: Boards, db: Db, mut notices: broadcast::Receiver<crate::live::hub::Notice>, tx: watch::Sender<Arc<Frames>>, event_id: i64) {
    loop {
        match notices.recv().await {
            Ok(n) if (n.event_id == event_id || n.event_id == ALL_EVENTS) && TOPICS.contains(&n.topic) => {}
            Ok(_) => continue,
            // Missed notices: recompute, which is what any of them would have caused.
            Err(broadcast::error::RecvError::Lagged(_)) => {}
            Err(broadcast::error::RecvError::Closed) => break,
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        while notices.try_recv().is_ok() {}
        if boards.retire_if_unwatched(event_id) {
            return;
        }
        match frames(&db, event_id).await {
            Ok(fresh) => {
                tx.send_if_modified(|current| {
                    if **current == fresh {
                        return false;
                    }
                    *current = Arc::new(fresh);
                    true
                });
            }
            Err(e) => tracing::warn!(error = %e, event_id, "board not recomputed"),
        }
    }
    boards.retire_if_unwatched(event_id);
}

#[derive(serde::Deserialize)]
pub struct LangQuery {
    #[serde(default)]
    pub lang: String,
}

/// GET /events/{id}/board/live?lang=xx: the board as `event: board` messages, each a full
/// frame of HTML for the caller's audience. Anyone may connect: the frame itself carries
/// only what the caller's audience may see.
pub async fn stream(state: crate::server::AppState, session: Session, Path(event_id): Path<i64>, Query(q): Query<LangQuery>) -> Response {
    // A judge's pass session sees what the public sees (judges are never organizers here).
    let user = match crate::auth::gate::identify(&state.db, &session).await {
        Ok(who) => who.filter(|w| w.reach == crate::auth::gate::Reach::Account).map(|w| w.user.id),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let who = match audience(&state.db, event_id, user).await {
        Ok(a) => a,
        Err(crate::error::AppError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let lang = Lang::from_code(&q.lang).unwrap_or_default();
    let rx = match state.boards.subscribe(&state.db, &state.live, event_id).await {
        Ok(rx) => rx,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    sse(rx, who, lang)
}

fn sse(rx: watch::Receiver<Arc<Frames>>, who: Audience, lang: Lang) -> Response {
    let frames = tokio_stream::wrappers::WatchStream::new(rx)
        .map(move |f| Ok::<_, Infallible>(Event::default().event("board").data(f.get(who, lang))));
    Sse::new(frames).keep_alive(KeepAlive::new().interval(Duration::from_secs(20))).into_response()
}
