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
//! A viewer whose browser accepts gzip (all do) gets the stream gzip-compressed, and the
//! compression too is done once per frame, not once per viewer: each frame's message is
//! deflated on its own, with a fresh dictionary and ending on a byte boundary (a sync
//! flush), so the same compressed bytes continue any viewer's stream (see [`Packed`]). A
//! board's frame compresses about tenfold, and at a national event the frames sent are
//! what the machine spends its time on: 10,000 viewers times every change.
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
const TOPICS: &[Topic] = &[Topic::Judging, Topic::Board, Topic::Announce, Topic::Stage, Topic::Resync];

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
    /// The same messages, each deflated on its own.
    packed: [[Packed; 3]; 2],
}

impl Rendered {
    fn new(frames: Frames) -> Rendered {
        let messages = frames.html.each_ref().map(|langs| langs.each_ref().map(|html| message(html)));
        let packed = messages.each_ref().map(|langs| langs.each_ref().map(|m| Packed::new(m)));
        Rendered { frames: Arc::new(frames), messages, packed }
    }

    fn message(&self, who: Audience, lang: Lang) -> &Bytes {
        &self.messages[audience_index(who)][lang_index(lang)]
    }

    fn packed(&self, who: Audience, lang: Lang) -> &Packed {
        &self.packed[audience_index(who)][lang_index(lang)]
    }
}

/// One stream message deflated on its own: a fresh dictionary, no final block, and a sync
/// flush at the end so it stops on a byte boundary. Such pieces laid end to end make one
/// valid deflate stream, so every gzip viewer's stream is the gzip header followed by the
/// shared pieces of whatever it is sent. The checksum and length of the plain message let
/// each stream finish its gzip trailer without reading the message again.
#[derive(Clone, Debug)]
struct Packed {
    deflated: Bytes,
    crc: crc32fast::Hasher,
    len: u64,
}

impl Packed {
    fn new(plain: &[u8]) -> Packed {
        use std::io::Write;
        let mut encoder = flate2::write::DeflateEncoder::new(
            Vec::with_capacity(plain.len() / 4 + 64),
            flate2::Compression::default(),
        );
        // Writing to and flushing into a Vec cannot fail.
        let _ = encoder.write_all(plain);
        let _ = encoder.flush();
        // Taken before the encoder is dropped: dropping it writes the final block into the
        // emptied buffer, which nobody reads.
        let deflated = Bytes::from(std::mem::take(encoder.get_mut()));
        let mut crc = crc32fast::Hasher::new();
        crc.update(plain);
        Packed { deflated, crc, len: plain.len() as u64 }
    }

    /// The keep-alive comment, deflated once.
    fn comment() -> &'static Packed {
        static COMMENT: std::sync::OnceLock<Packed> = std::sync::OnceLock::new();
        COMMENT.get_or_init(|| Packed::new(KEEP_ALIVE_COMMENT))
    }
}

/// A gzip header: deflate, no name, no time, unknown system.
const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

/// A final, empty block with fixed codes: it ends the deflate stream after the last piece.
const FINAL_BLOCK: [u8; 2] = [0x03, 0x00];

/// What a stream sends when nothing else went out for a while.
const KEEP_ALIVE_COMMENT: &[u8] = b":\n\n";

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
    headers: http::HeaderMap,
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
    sse(rx, who, lang, accepts_gzip(&headers))
}

/// Whether the request's `Accept-Encoding` admits gzip (named, or `*`, with a weight above 0).
fn accepts_gzip(headers: &http::HeaderMap) -> bool {
    headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
        |item| {
            let mut parts = item.split(';').map(str::trim);
            let coding = parts.next().unwrap_or_default();
            let zero = parts
                .any(|p| p.strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()).is_some_and(|q| q <= 0.0));
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !zero
        },
    )
}

/// The stream: the current frame at once, then each new one, as a response body that holds
/// the receiver and a keep-alive timer and sends the shared bytes of each frame (plain, or
/// the frame's deflated piece when `gzip`). The headers are those of axum's `Sse`.
fn sse(rx: watch::Receiver<Arc<Rendered>>, who: Audience, lang: Lang, gzip: bool) -> Response {
    let pieces = KeepAlive::new(tokio_stream::wrappers::WatchStream::new(rx), KEEP_ALIVE);
    let body = if gzip {
        Body::from_stream(Gzip::new(pieces, who, lang))
    } else {
        Body::from_stream(pieces.map(move |piece| {
            Ok::<_, Infallible>(match piece {
                Piece::Frame(r) => r.message(who, lang).clone(),
                Piece::Comment => Bytes::from_static(KEEP_ALIVE_COMMENT),
            })
        }))
    };
    let mut response = (
        [
            (header::CONTENT_TYPE, "text/event-stream"),
            (header::CACHE_CONTROL, "no-cache"),
            (header::VARY, "accept-encoding"),
        ],
        body,
    )
        .into_response();
    if gzip {
        response.headers_mut().insert(header::CONTENT_ENCODING, http::HeaderValue::from_static("gzip"));
    }
    response
}

/// What a stream sends next: a frame, or a keep-alive comment.
enum Piece {
    Frame(Arc<Rendered>),
    Comment,
}

/// Yields a comment when nothing went out for `every`, as axum's SSE keep-alive does: the
/// timer restarts at every frame.
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

impl<S: Stream<Item = Arc<Rendered>> + Unpin> Stream for KeepAlive<S> {
    type Item = Piece;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_next(cx) {
            Poll::Ready(Some(frame)) => {
                this.timer.as_mut().reset(tokio::time::Instant::now() + this.every);
                Poll::Ready(Some(Piece::Frame(frame)))
            }
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => {
                ready!(this.timer.as_mut().poll(cx));
                this.timer.as_mut().reset(tokio::time::Instant::now() + this.every);
                Poll::Ready(Some(Piece::Comment))
            }
        }
    }
}

/// A gzip stream of shared pieces: the header with the first, then each piece as it is, and
/// when the frames end, the final block and the trailer (the checksum combined from the
/// pieces' own, so no message is read twice). Per viewer it holds a checksum and a length.
struct Gzip<S> {
    inner: S,
    who: Audience,
    lang: Lang,
    started: bool,
    ended: bool,
    crc: crc32fast::Hasher,
    len: u64,
}

impl<S> Gzip<S> {
    fn new(inner: S, who: Audience, lang: Lang) -> Self {
        Gzip { inner, who, lang, started: false, ended: false, crc: crc32fast::Hasher::new(), len: 0 }
    }
}

impl<S: Stream<Item = Piece> + Unpin> Stream for Gzip<S> {
    type Item = Result<Bytes, Infallible>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.ended {
            return Poll::Ready(None);
        }
        let piece = ready!(Pin::new(&mut this.inner).poll_next(cx));
        let packed = match &piece {
            Some(Piece::Frame(r)) => r.packed(this.who, this.lang),
            Some(Piece::Comment) => Packed::comment(),
            None => {
                this.ended = true;
                let mut tail = Vec::with_capacity(GZIP_HEADER.len() + 10);
                if !this.started {
                    tail.extend_from_slice(&GZIP_HEADER);
                }
                tail.extend_from_slice(&FINAL_BLOCK);
                tail.extend_from_slice(&this.crc.clone().finalize().to_le_bytes());
                // ISIZE is the length modulo 2^32.
                tail.extend_from_slice(&(this.len as u32).to_le_bytes());
                return Poll::Ready(Some(Ok(Bytes::from(tail))));
            }
        };
        this.crc.combine(&packed.crc);
        this.len += packed.len;
        let bytes = packed.deflated.clone();
        if this.started {
            return Poll::Ready(Some(Ok(bytes)));
        }
        // The header goes with the first piece, so each message stays one write.
        this.started = true;
        let mut first = Vec::with_capacity(GZIP_HEADER.len() + bytes.len());
        first.extend_from_slice(&GZIP_HEADER);
        first.extend_from_slice(&bytes);
        Poll::Ready(Some(Ok(Bytes::from(first))))
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

    /// A computation whose six frames each say `text` and their audience and language.
    fn rendered(text: &str) -> Arc<Rendered> {
        let html = [0, 1].map(|a| {
            [0, 1, 2].map(|l| format!("<div data-a=\"{a}\" data-l=\"{l}\">{text}</div>\n<p>{}</p>", text.repeat(40)))
        });
        Arc::new(Rendered::new(Frames { event_name: "E".into(), html, rotate_seconds: 15 }))
    }

    /// What a plain stream sends for these pieces.
    fn plain(pieces: &[Piece], who: Audience, lang: Lang) -> Vec<u8> {
        pieces
            .iter()
            .flat_map(|p| match p {
                Piece::Frame(r) => r.message(who, lang).to_vec(),
                Piece::Comment => KEEP_ALIVE_COMMENT.to_vec(),
            })
            .collect()
    }

    fn pieces() -> Vec<Piece> {
        vec![
            Piece::Frame(rendered("first")),
            Piece::Comment,
            Piece::Frame(rendered("second ع")),
            Piece::Frame(rendered("")),
        ]
    }

    #[tokio::test]
    async fn an_idle_stream_gets_a_comment_and_the_timer_restarts_at_each_message() {
        let every = Duration::from_millis(300);
        let (first, second) = (rendered("first"), rendered("second"));
        let (tx, rx) = watch::channel(first.clone());
        let mut stream = KeepAlive::new(tokio_stream::wrappers::WatchStream::new(rx), every);
        assert!(matches!(stream.next().await, Some(Piece::Frame(r)) if Arc::ptr_eq(&r, &first)));
        tokio::time::sleep(every * 2 / 3).await;
        tx.send(second.clone()).unwrap();
        assert!(matches!(stream.next().await, Some(Piece::Frame(r)) if Arc::ptr_eq(&r, &second)));
        let at = std::time::Instant::now();
        assert!(matches!(stream.next().await, Some(Piece::Comment)));
        let idle = at.elapsed();
        assert!(
            idle >= every - Duration::from_millis(5) && idle < every * 2,
            "a comment {idle:?} after the last message"
        );
        drop(tx);
        assert!(stream.next().await.is_none(), "the stream ends with its event's frames");
    }

    #[tokio::test]
    async fn a_gzip_stream_of_shared_pieces_is_one_valid_gzip_member_of_the_plain_stream() {
        use std::io::Read;
        for (who, lang) in [(Audience::Public, Lang::Ar), (Audience::Organizers, Lang::Fr)] {
            let sent: Vec<Bytes> =
                Gzip::new(tokio_stream::iter(pieces()), who, lang).map(|b| b.unwrap()).collect().await;
            assert_eq!(sent.len(), pieces().len() + 1, "one write per piece, then the trailer");
            let whole: Vec<u8> = sent.concat();
            let mut out = Vec::new();
            // GzDecoder checks the trailer's checksum and length.
            flate2::read::GzDecoder::new(&whole[..]).read_to_end(&mut out).expect("a valid gzip stream");
            assert_eq!(out, plain(&pieces(), who, lang));
        }
    }

    #[tokio::test]
    async fn a_viewer_reads_each_message_as_soon_as_its_piece_arrives() {
        // A browser inflates the stream as it comes, long before any trailer: after each piece,
        // everything sent so far must come out whole.
        let (who, lang) = (Audience::Public, Lang::En);
        let sent: Vec<Bytes> = Gzip::new(tokio_stream::iter(pieces()), who, lang).map(|b| b.unwrap()).collect().await;
        let mut inflate = flate2::Decompress::new(false);
        let mut out = Vec::with_capacity(1 << 16);
        for (k, piece) in sent[..pieces().len()].iter().enumerate() {
            let input = if k == 0 { &piece[GZIP_HEADER.len()..] } else { &piece[..] };
            assert!(k > 0 || piece.starts_with(&GZIP_HEADER), "the header comes with the first piece");
            inflate.decompress_vec(input, &mut out, flate2::FlushDecompress::Sync).unwrap();
            assert_eq!(out, plain(&pieces()[..=k], who, lang), "after piece {k}");
        }
    }

    #[test]
    fn a_frame_compresses_and_is_compressed_once_for_all_its_viewers() {
        let r = rendered("Project with a long enough title");
        let (message, packed) = (r.message(Audience::Public, Lang::En), r.packed(Audience::Public, Lang::En));
        assert!(packed.deflated.len() * 5 < message.len(), "{} → {}", message.len(), packed.deflated.len());
    }

    #[tokio::test]
    async fn every_gzip_viewer_of_a_frame_is_sent_the_very_same_bytes() {
        let (first, second) = (rendered("first"), rendered("second"));
        let mut sent = Vec::new();
        for _viewer in 0..2 {
            let pieces = tokio_stream::iter(vec![Piece::Frame(first.clone()), Piece::Frame(second.clone())]);
            let out: Vec<Bytes> = Gzip::new(pieces, Audience::Public, Lang::En).map(|b| b.unwrap()).collect().await;
            sent.push(out);
        }
        let shared = &second.packed(Audience::Public, Lang::En).deflated;
        for out in &sent {
            // The first write carries the header too; every later one is the shared piece itself.
            assert_eq!(out[1].as_ptr(), shared.as_ptr(), "no copy per viewer");
        }
    }

    #[test]
    fn gzip_is_used_when_the_request_admits_it() {
        let with = |value: &str| {
            let mut headers = http::HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, value.parse().unwrap());
            accepts_gzip(&headers)
        };
        assert!(with("gzip, deflate, br, zstd"));
        assert!(with("br;q=1.0, GZIP;q=0.5"));
        assert!(with("*"));
        assert!(!with("gzip;q=0, br"));
        assert!(!with("identity"));
        assert!(!with("br"));
        assert!(!accepts_gzip(&http::HeaderMap::new()));
    }
}
