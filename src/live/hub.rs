//! One broadcast channel per server instance. Notices carry only the event and the topic;
//! pages fetch the current state themselves.
//!
//! With PostgreSQL, instances sharing the database forward notices to each other through
//! LISTEN/NOTIFY on the `hakam_live` channel: a notice published on one instance is
//! broadcast locally at once and sent to the others, coalesced (the same event and topic
//! at most once per 100 ms, since every score save publishes one). When the listening
//! connection drops, every open page is told to resync, as notices may have been missed.

use super::Topic;
use axum::extract::{Path, Query};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::{broadcast, mpsc};
use tower_sessions::Session;

/// A notice for every event (used for "resync").
pub const ALL_EVENTS: i64 = -1;

const CHANNEL: &str = "hakam_live";

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Notice {
    pub event_id: i64,
    pub topic: Topic,
}

/// How many notices of each event and topic this instance has published or received, so a
/// cache can tell whether it has seen every change made so far (see `board::live`), and when
/// the last one came, in the order of all notices (`mark`), so a page can tell whether one
/// came after its render began (see `Hub::since`).
#[derive(Clone, Debug, Default)]
pub struct Counts(std::sync::Arc<std::sync::Mutex<Tally>>);

#[derive(Debug, Default)]
struct Tally {
    /// Notices so far, all events and topics.
    seq: u64,
    /// Per event and topic: how many, and the `seq` of the last one.
    each: std::collections::HashMap<(i64, Topic), (u64, u64)>,
}

impl Tally {
    /// Sum of the counts, and the latest `seq`, of the notices concerning `event_id` on one of
    /// `topics` (those sent to every event included).
    fn of(&self, event_id: i64, topics: &[Topic]) -> (u64, u64) {
        self.each
            .iter()
            .filter(|((event, topic), _)| (*event == event_id || *event == ALL_EVENTS) && topics.contains(topic))
            .fold((0, 0), |(n, last), (_, (count, at))| (n + count, last.max(*at)))
    }
}

impl Counts {
    fn tally(&self) -> std::sync::MutexGuard<'_, Tally> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn bump(&self, n: &Notice) {
        let mut tally = self.tally();
        tally.seq += 1;
        let seq = tally.seq;
        let entry = tally.each.entry((n.event_id, n.topic)).or_default();
        entry.0 += 1;
        entry.1 = seq;
    }

    /// The notices so far that concern `event_id` on one of `topics` (those sent to every
    /// event included). It only grows.
    pub fn of(&self, event_id: i64, topics: &[Topic]) -> u64 {
        self.tally().of(event_id, topics).0
    }

    /// Where the notices of all events stand now: taken when a request begins.
    pub fn mark(&self) -> u64 {
        self.tally().seq
    }
}

/// Where the notices stood when the request being rendered began (`Counts::mark`), provided
/// to its render before any data is read.
#[derive(Clone, Copy, Debug)]
pub struct RequestMark(pub u64);

#[derive(Clone, Debug)]
pub struct Hub {
    tx: broadcast::Sender<Notice>,
    /// This instance, among those sharing a database.
    instance: u64,
    /// Counted when published here or received from another instance, before delivery.
    pub counts: Counts,
    /// Notices to broadcast on this instance, through the throttle (see [`throttle`]).
    local: Option<mpsc::UnboundedSender<Notice>>,
    /// Notices to forward to other instances (PostgreSQL only).
    outbox: Option<mpsc::UnboundedSender<Notice>>,
}

impl Default for Hub {
    fn default() -> Self {
        // Notices are tiny; a slow page that misses some just reloads its region.
        let (tx, _) = broadcast::channel(1024);
        Hub { tx, instance: rand::random(), counts: Counts::default(), local: None, outbox: None }
    }
}

/// The shortest time between two broadcasts of the same event and topic.
pub const THROTTLE: Duration = Duration::from_millis(100);

/// Broadcasts notices locally at most once per [`THROTTLE`] per event and topic: the first
/// of a burst goes out at once, the rest are merged into one sent when the period ends. Two
/// hundred judges saving ten times a second would otherwise push 2,000 messages a second to
/// every open page of the event.
async fn throttle(tx: broadcast::Sender<Notice>, mut rx: mpsc::UnboundedReceiver<Notice>) {
    use std::collections::{HashMap, HashSet};
    use tokio::time::Instant;
    let mut last: HashMap<Notice, Instant> = HashMap::new();
    let mut held: HashSet<Notice> = HashSet::new();
    let mut tick = tokio::time::interval(THROTTLE);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            notice = rx.recv() => {
                let Some(n) = notice else { break };
                let now = Instant::now();
                if last.get(&n).is_some_and(|t| now.duration_since(*t) < THROTTLE) {
                    held.insert(n);
                } else {
                    // No receivers is fine: nobody is watching.
                    let _ = tx.send(n.clone());
                    last.insert(n, now);
                }
            }
            _ = tick.tick() => {
                let now = Instant::now();
                for n in held.drain() {
                    let _ = tx.send(n.clone());
                    last.insert(n, now);
                }
                last.retain(|_, t| now.duration_since(*t) < THROTTLE * 10);
            }
        }
    }
}

/// `instance event topic`, the payload of a NOTIFY.
pub fn encode(instance: u64, n: &Notice) -> String {
    format!("{instance} {} {}", n.event_id, n.topic.name())
}

/// The notice in a NOTIFY payload and the instance that sent it; `None` if malformed or
/// for an unknown topic.
pub fn decode(payload: &str) -> Option<(u64, Notice)> {
    let mut parts = payload.split(' ');
    let instance = parts.next()?.parse().ok()?;
    let event_id = parts.next()?.parse().ok()?;
    let topic = Topic::from_name(parts.next()?)?;
    parts.next().is_none().then_some((instance, Notice { event_id, topic }))
}

impl Hub {
    /// The hub of one instance; with PostgreSQL it also joins the other instances.
    pub fn start(db: &crate::db::Db, database_url: &str) -> Hub {
        let mut hub = Hub::default();
        let (local, pending) = mpsc::unbounded_channel();
        hub.local = Some(local);
        tokio::spawn(throttle(hub.tx.clone(), pending));
        if db.backend != crate::db::Backend::Postgres {
            return hub;
        }
        let instance = hub.instance;
        let (outbox, mut pending) = mpsc::unbounded_channel::<Notice>();
        hub.outbox = Some(outbox);
        let pool = db.pool.clone();
        tokio::spawn(async move {
            while let Some(first) = pending.recv().await {
                // Coalesce what arrives within 100 ms into one NOTIFY per event and topic.
                let mut batch = std::collections::HashSet::from([first]);
                tokio::time::sleep(Duration::from_millis(100)).await;
                while let Ok(n) = pending.try_recv() {
                    batch.insert(n);
                }
                for n in batch {
                    let sent = sqlx::query("SELECT pg_notify($1, $2)")
                        .bind(CHANNEL)
                        .bind(encode(instance, &n))
                        .execute(&pool)
                        .await;
                    if let Err(e) = sent {
                        tracing::warn!(error = %e, "live notice not forwarded to other instances");
                    }
                }
            }
        });
        let (tx, url, counts) = (hub.tx.clone(), database_url.to_owned(), hub.counts.clone());
        tokio::spawn(async move {
            loop {
                let mut listener = match sqlx::postgres::PgListener::connect(&url).await {
                    Ok(l) => l,
                    Err(e) => {
                        tracing::warn!(error = %e, "live listener cannot connect; retrying");
                        tokio::time::sleep(Duration::from_secs(2)).await;
                        continue;
                    }
                };
                if let Err(e) = listener.listen(CHANNEL).await {
                    tracing::warn!(error = %e, "live listener cannot listen; retrying");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                    continue;
                }
                loop {
                    match listener.try_recv().await {
                        Ok(Some(n)) => {
                            if let Some((from, notice)) = decode(n.payload()) {
                                if from != instance {
                                    counts.bump(&notice);
                                    let _ = tx.send(notice);
                                }
                            }
                        }
                        // The connection dropped: notices may have been lost meanwhile.
                        Ok(None) | Err(_) => {
                            let resync = Notice { event_id: ALL_EVENTS, topic: Topic::Resync };
                            counts.bump(&resync);
                            let _ = tx.send(resync);
                            break;
                        }
                    }
                }
            }
        });
        hub
    }

    /// Every notice of this instance (and, with PostgreSQL, of the others).
    pub fn subscribe(&self) -> broadcast::Receiver<Notice> {
        self.tx.subscribe()
    }

    pub fn publish(&self, event_id: i64, topic: Topic) {
        let notice = Notice { event_id, topic };
        self.counts.bump(&notice);
        if let Some(outbox) = &self.outbox {
            let _ = outbox.send(notice.clone());
        }
        match &self.local {
            Some(local) => {
                let _ = local.send(notice);
            }
            // No receivers is fine: nobody is watching.
            None => {
                let _ = self.tx.send(notice);
            }
        }
    }

    /// What a page's live region on `topic` was rendered with, for its stream to say
    /// "current" when nothing of that topic changed since (`?topic=…&since=…`), sparing the
    /// page a refresh. `mark` is where all notices stood when the request began, before its
    /// data was read: if one of the region's came after, the data may predate it and there is
    /// no token (the page refreshes, as it always did). The token counts only that event's
    /// notices of the topic: nothing a viewer of the page could not learn from its stream.
    /// Another instance's token never matches.
    pub fn since(&self, event_id: i64, topic: Topic, mark: u64) -> Option<String> {
        let (count, last) = self.counts.tally().of(event_id, &[topic, Topic::Resync]);
        (last <= mark).then(|| format!("{:x}.{count}", self.instance))
    }

    /// Whether a region on `topic` rendered with `token` has seen every notice of its topic.
    fn current(&self, event_id: i64, topic: Topic, token: &str) -> bool {
        let (count, _) = self.counts.tally().of(event_id, &[topic, Topic::Resync]);
        token == format!("{:x}.{count}", self.instance)
    }

    /// GET /events/{id}/live: a stream of `event: <topic>` messages for one event, for
    /// anyone holding a role in it.
    pub async fn stream(
        self,
        db: crate::db::Db,
        session: Session,
        Path(event_id): Path<i64>,
        Query(q): Query<SinceQuery>,
    ) -> Response {
        let Ok(Some(who)) = crate::auth::gate::identify(&db, &session).await else {
            return StatusCode::UNAUTHORIZED.into_response();
        };
        match who.roles_in(&db, event_id).await {
            Ok(roles) if !roles.is_empty() => {}
            Ok(_) => return StatusCode::FORBIDDEN.into_response(),
            Err(_) => return StatusCode::NOT_FOUND.into_response(),
        }
        let mut rx = self.tx.subscribe();
        // Compared once subscribed: a notice counted after this comparison is also received.
        let topic = q.topic.as_deref().and_then(Topic::from_name);
        let current = matches!((topic, &q.since), (Some(t), Some(since)) if self.current(event_id, t, since));
        let stream = async_stream(move |yielder| async move {
            // A first message tells a (re)connecting page whether to refresh what it may have
            // missed: "current" when nothing changed since the page's render.
            // Every message carries data: browsers do not dispatch events whose data is empty.
            yielder.send(Event::default().event("hello").data(if current { "current" } else { "hello" })).await;
            loop {
                match rx.recv().await {
                    Ok(n) if n.event_id == event_id || n.event_id == ALL_EVENTS => {
                        yielder.send(Event::default().event(n.topic.name()).data(n.topic.name())).await
                    }
                    Ok(_) => {}
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        yielder.send(Event::default().event(Topic::Resync.name()).data(Topic::Resync.name())).await
                    }
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });
        Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(20))).into_response()
    }
}

#[derive(serde::Deserialize)]
pub struct SinceQuery {
    topic: Option<String>,
    since: Option<String>,
}

/// A small channel-backed stream, so the SSE body can be written as a loop.
struct Yielder(tokio::sync::mpsc::Sender<Result<Event, Infallible>>);

impl Yielder {
    async fn send(&self, e: Event) {
        let _ = self.0.send(Ok(e)).await;
    }
}

fn async_stream<F, Fut>(f: F) -> tokio_stream::wrappers::ReceiverStream<Result<Event, Infallible>>
where
    F: FnOnce(Yielder) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel(16);
    tokio::spawn(f(Yielder(tx)));
    tokio_stream::wrappers::ReceiverStream::new(rx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_burst_of_notices_is_broadcast_once_at_once_and_once_at_the_end() {
        let (tx, mut seen) = broadcast::channel(64);
        let (local, pending) = mpsc::unbounded_channel();
        tokio::spawn(throttle(tx, pending));
        for _ in 0..50 {
            local.send(Notice { event_id: 1, topic: Topic::Judging }).unwrap();
        }
        local.send(Notice { event_id: 2, topic: Topic::Judging }).unwrap();
        let first = tokio::time::timeout(Duration::from_millis(50), seen.recv()).await.unwrap().unwrap();
        assert_eq!(first.event_id, 1, "the first of a burst goes out at once");
        let other = tokio::time::timeout(Duration::from_millis(50), seen.recv()).await.unwrap().unwrap();
        assert_eq!(other.event_id, 2, "other events are not held back");
        let trailing = tokio::time::timeout(Duration::from_millis(500), seen.recv()).await.unwrap().unwrap();
        assert_eq!(trailing.event_id, 1, "the rest of the burst is merged into one");
        assert!(tokio::time::timeout(Duration::from_millis(300), seen.recv()).await.is_err(), "and nothing more");
    }

    #[test]
    fn notify_payloads_round_trip_and_unknown_topics_are_dropped() {
        let n = Notice { event_id: 42, topic: Topic::Judging };
        assert_eq!(decode(&encode(7, &n)), Some((7, n)));
        assert_eq!(decode("7 42 drop-tables"), None);
        assert_eq!(decode("7 42 judging extra"), None);
        assert_eq!(decode("x 42 judging"), None);
        for topic in Topic::ALL {
            assert_eq!(Topic::from_name(topic.name()), Some(topic));
            assert_eq!(serde_json::to_string(&topic).unwrap(), format!("\"{}\"", topic.name()));
        }
    }
}
