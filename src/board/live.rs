//! One rendered board per event, shared by all its viewers.
//!
//! The first viewer of an event starts a task that computes the board's frames, then waits
//! for the event's notices (a score saved, the board changed, an announcement): a burst of
//! notices within 50 ms makes one recomputation, and viewers are sent the new frame only if
//! it changed. Each viewer's stream holds just a `watch` receiver, so 5,000 viewers cost one
//! computation and 5,000 writes per change, not 5,000 page renders. A viewer that lags or
//! reconnects simply gets the latest frame: every message is a full snapshot.
//!
//! Each frame is encoded as its stream message once per computation, and every viewer's
//! stream writes those shared bytes: a change allocates no copy of the frame per viewer, and
//! an open stream holds little more than its receiver (see [`sse`]).
//!
//! The projector's first load reads the same cache (see [`Boards::current`]), so anonymous
//! reloads cost no ranking and no rendering. To never serve a frame older than a change the
//! caller could have seen, each cached computation remembers how many board notices the hub
//! had counted when it started; a read that finds newer notices waits for the refresher.

use super::db::{audience, audience_index, frames, lang_index, Frames};
use super::domain::Audience;
use crate::db::Db;
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::live::hub::{Hub, ALL_EVENTS};
use crate::live::Topic;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};
use http::{header, StatusCode};
use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{ready, Context, Poll};
use std::time::Duration;
use tokio::sync::{broadcast, watch};
use tokio_stream::{Stream, StreamExt};
use tower_sessions::Session;

/// The topics that can change a board.
const TOPICS: &[Topic] = &[Topic::Judging, Topic::Board, Topic::Announce, Topic::Resync];

/// How long a read waits for the refresher to catch up with a change before computing the
/// board itself (the refresher needs the hub's throttle, 100 ms, plus its own 50 ms).
const CATCH_UP: Duration = Duration::from_secs(2);

/// An idle stream gets a comment this often, so proxies and browsers keep it open.
const KEEP_ALIVE: Duration = Duration::from_secs(20);

/// One computation of an event's board: its frames, and each frame as the stream message
/// its viewers are sent, encoded once for all of them.
#[derive(Debug)]
pub struct Rendered {
    frames: Arc<Frames>,
    /// `[audience][language]`, as the frames are.
    messages: [[Bytes; 3]; 2],
}

impl Rendered {
    fn new(frames: Frames) -> Rendered {
        let messages = frames.html.each_ref().map(|langs| langs.each_ref().map(|html| message(html)));
        Rendered { frames: Arc::new(frames), messages }
    }

    fn message(&self, who: Audience, lang: Lang) -> &Bytes {
        &self.messages[audience_index(who)][lang_index(lang)]
    }
}

/// The stream message carrying one frame: `event: board`, then the frame as `data:` lines
/// (one per line of it, the line break kept), then a blank line. Byte for byte what axum's
/// `Event::default().event("board").data(html)` writes, which the streams used to send.
fn message(html: &str) -> Bytes {
    let mut out = Vec::with_capacity(html.len() + 32);
    out.extend_from_slice(b"event: ");
    out.extend_from_slice(Topic::Board.name().as_bytes());
    out.push(b'\n');
    if !html.is_empty() {
        out.extend_from_slice(b"data: ");
        let mut from = 0;
        for (i, byte) in html.bytes().enumerate() {
            if byte == b'\n' || byte == b'\r' {
                out.extend_from_slice(&html.as_bytes()[from..=i]);
                out.extend_from_slice(b"data: ");
                from = i + 1;
            }
        }
        out.extend_from_slice(&html.as_bytes()[from..]);
        out.push(b'\n');
    }
    out.push(b'\n');
    Bytes::from(out)
}

/// One watched event: its frames, and the hub's board-notice count when they were computed.
#[derive(Clone, Debug)]
struct Entry {
    frames: watch::Sender<Arc<Rendered>>,
    seen: watch::Sender<u64>,
}

#[derive(Clone, Debug, Default)]
pub struct Boards {
    events: Arc<Mutex<HashMap<i64, Entry>>>,
    /// The projector's QR code of each event's page: the same for every caller.
    qr: Arc<Mutex<HashMap<i64, Arc<str>>>>,
    /// How many times a board was computed (for tests and the benchmark).
    computed: Arc<std::sync::atomic::AtomicU64>,
}

impl Boards {
    /// A receiver of the event's frames, starting the event's refresher if needed.
    pub async fn subscribe(&self, db: &Db, hub: &Hub, event_id: i64) -> AppResult<watch::Receiver<Arc<Rendered>>> {
        Ok(self.entry(db, hub, event_id).await?.0)
    }

    async fn entry(
        &self,
        db: &Db,
        hub: &Hub,
        event_id: i64,
    ) -> AppResult<(watch::Receiver<Arc<Rendered>>, watch::Receiver<u64>)> {
        if let Some(rx) = self.existing(event_id) {
            return Ok(rx);
        }
        // Subscribe to notices before computing, so a change made meanwhile is not missed.
        let notices = hub.subscribe();
        let seen = hub.counts.of(event_id, TOPICS);
        let first = self.compute(db, event_id).await?;
        let mut events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entry) = events.get(&event_id) {
            return Ok((entry.frames.subscribe(), entry.seen.subscribe()));
        }
        let entry = Entry { frames: watch::channel(Arc::new(Rendered::new(first))).0, seen: watch::channel(seen).0 };
        let rx = (entry.frames.subscribe(), entry.seen.subscribe());
        events.insert(event_id, entry.clone());
        tokio::spawn(refresh(self.clone(), db.clone(), hub.clone(), notices, entry, event_id));
        Ok(rx)
    }

    fn existing(&self, event_id: i64) -> Option<(watch::Receiver<Arc<Rendered>>, watch::Receiver<u64>)> {
        self.events
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&event_id)
            .map(|e| (e.frames.subscribe(), e.seen.subscribe()))
    }

    /// The event's frames as of now: from the cache, once it has caught up with every board
    /// notice counted before this call (a change the caller made or saw is in it).
    pub async fn current(&self, db: &Db, hub: &Hub, event_id: i64) -> AppResult<Arc<Frames>> {
        let wanted = hub.counts.of(event_id, TOPICS);
        let (frames, mut seen) = self.entry(db, hub, event_id).await?;
        let caught_up = matches!(tokio::time::timeout(CATCH_UP, seen.wait_for(|s| *s >= wanted)).await, Ok(Ok(_)));
        if caught_up {
            let current = frames.borrow().frames.clone();
            return Ok(current);
        }
        // The refresher is slow or gone: compute this once rather than show an old board.
        tracing::warn!(event_id, "board cache behind; computed directly");
        Ok(Arc::new(self.compute(db, event_id).await?))
    }

    async fn compute(&self, db: &Db, event_id: i64) -> AppResult<Frames> {
        self.computed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        frames(db, event_id).await
    }

    /// How many times any board was computed since start.
    pub fn computations(&self) -> u64 {
        self.computed.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The QR code of a URL that depends only on the event, computed once per event.
    pub fn qr(&self, event_id: i64, url: &str) -> Arc<str> {
        let mut codes = self.qr.lock().unwrap_or_else(|e| e.into_inner());
        codes.entry(event_id).or_insert_with(|| crate::links::qr_svg(url).into()).clone()
    }

    /// Ends the event's refresher when nobody watches; true if it did.
    fn retire_if_unwatched(&self, event_id: i64) -> bool {
        let mut events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        match events.get(&event_id) {
            Some(entry) if entry.frames.receiver_count() == 0 && entry.seen.receiver_count() == 0 => {
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

async fn refresh(
    boards: Boards,
    db: Db,
    hub: Hub,
    mut notices: broadcast::Receiver<crate::live::hub::Notice>,
    entry: Entry,
    event_id: i64,
) {
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
        // Counted before reading: every change counted so far is committed, so it is in
        // what the read below finds.
        let seen = hub.counts.of(event_id, TOPICS);
        match boards.compute(&db, event_id).await {
            Ok(fresh) => {
                entry.frames.send_if_modified(|current| {
                    if *current.frames == fresh {
                        return false;
                    }
                    *current = Arc::new(Rendered::new(fresh));
                    true
                });
                entry.seen.send_if_modified(|s| {
                    let newer = seen > *s;
                    *s = (*s).max(seen);
                    newer
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
pub async fn stream(
    state: crate::state::AppState,
    session: Session,
    Path(event_id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Response {
    // A judge's pass session sees what the public sees (judges are never organizers here).
    let user = match crate::auth::gate::identify(&state.db, &session).await {
        Ok(who) => who.filter(|w| w.reach == crate::auth::gate::Reach::Account).map(|w| w.user.id),
        Err(e) => return crate::error::internal_response("board stream: session not read", e),
    };
    let who = match audience(&state.db, event_id, user).await {
        Ok(a) => a,
        Err(crate::error::AppError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return crate::error::internal_response("board stream: audience not read", e),
    };
    let lang = Lang::from_code(&q.lang).unwrap_or_default();
    let rx = match state.boards.subscribe(&state.db, &state.live, event_id).await {
        Ok(rx) => rx,
        Err(e) => return crate::error::internal_response("board stream: frames not computed", e),
    };
    sse(rx, who, lang)
}

/// The stream: the current frame at once, then each new one, as a response body that holds
/// the receiver and a keep-alive timer and sends the shared message bytes of each frame.
/// The headers are those of axum's `Sse`.
fn sse(rx: watch::Receiver<Arc<Rendered>>, who: Audience, lang: Lang) -> Response {
    let messages =
        tokio_stream::wrappers::WatchStream::new(rx).map(move |r| Ok::<_, Infallible>(r.message(who, lang).clone()));
    let body = Body::from_stream(KeepAlive::new(messages, KEEP_ALIVE));
    ([(header::CONTENT_TYPE, "text/event-stream"), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

/// Sends a comment (`:`) when nothing went out for `every`, as axum's SSE keep-alive does:
/// the timer restarts at every message.
struct KeepAlive<S> {
    inner: S,
    timer: Pin<Box<tokio::time::Sleep>>,
    every: Duration,
}

impl<S> KeepAlive<S> {
    fn new(inner: S, every: Duration) -> Self {
        KeepAlive { inner, timer: Box::pin(tokio::time::sleep(every)), every }
    }
}

impl<S: Stream<Item = Result<Bytes, Infallible>> + Unpin> Stream for KeepAlive<S> {
    type Item = Result<Bytes, Infallible>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_next(cx) {
            Poll::Ready(Some(message)) => {
                this.timer.as_mut().reset(tokio::time::Instant::now() + this.every);
                Poll::Ready(Some(message))
            }
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => {
                ready!(this.timer.as_mut().poll(cx));
                this.timer.as_mut().reset(tokio::time::Instant::now() + this.every);
                Poll::Ready(Some(Ok(Bytes::from_static(b":\n\n"))))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::response::sse::{Event, Sse};

    /// What axum's SSE body writes for one `event: board` message with this data.
    async fn axum_message(data: &str) -> Bytes {
        let event = Event::default().event(Topic::Board.name()).data(data);
        let response = Sse::new(tokio_stream::once(Ok::<_, Infallible>(event))).into_response();
        axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap()
    }

    #[tokio::test]
    async fn a_message_is_what_axum_writes_for_the_same_frame() {
        for html in ["<div>1</div>", "", "a\nb", "a\r\nb", "a\rb\n", "\n", "<p>é ع</p>\n<p>x</p>"] {
            assert_eq!(message(html), axum_message(html).await, "{html:?}");
        }
    }

    #[tokio::test]
    async fn an_idle_stream_gets_a_comment_and_the_timer_restarts_at_each_message() {
        let every = Duration::from_millis(300);
        let (tx, rx) = watch::channel(Bytes::from_static(b"first"));
        let messages = tokio_stream::wrappers::WatchStream::new(rx).map(Ok::<_, Infallible>);
        let mut stream = KeepAlive::new(messages, every);
        assert_eq!(stream.next().await, Some(Ok(Bytes::from_static(b"first"))));
        tokio::time::sleep(every * 2 / 3).await;
        tx.send(Bytes::from_static(b"second")).unwrap();
        assert_eq!(stream.next().await, Some(Ok(Bytes::from_static(b"second"))));
        let second = std::time::Instant::now();
        assert_eq!(stream.next().await, Some(Ok(Bytes::from_static(b":\n\n"))));
        let idle = second.elapsed();
        assert!(
            idle >= every - Duration::from_millis(5) && idle < every * 2,
            "a comment {idle:?} after the last message"
        );
        drop(tx);
        assert_eq!(stream.next().await, None, "the stream ends with its event's frames");
    }
}
