//! One broadcast channel per server instance. Notices carry only the event and the topic;
//! pages fetch the current state themselves.
//!
//! Several instances sharing PostgreSQL do not yet forward notices to each other (a
//! viewer sees changes made through its own instance only); LISTEN/NOTIFY is the planned
//! bridge.

use axum::extract::Path;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast;
use tower_sessions::Session;

#[derive(Clone, Debug)]
pub struct Notice {
    pub event_id: i64,
    pub topic: &'static str,
}

#[derive(Clone, Debug)]
pub struct Hub {
    tx: broadcast::Sender<Notice>,
}

impl Default for Hub {
    fn default() -> Self {
        // Notices are tiny; a slow page that misses some just reloads its region.
        let (tx, _) = broadcast::channel(1024);
        Hub { tx }
    }
}

impl Hub {
    pub fn publish(&self, event_id: i64, topic: &'static str) {
        // No receivers is fine: nobody is watching.
        let _ = self.tx.send(Notice { event_id, topic });
    }

    /// GET /events/{id}/live: a stream of `event: <topic>` messages for one event, for
    /// anyone holding a role in it.
    pub async fn stream(self, db: crate::db::Db, session: Session, Path(event_id): Path<i64>) -> Response {
        let Ok(Some(user)) = crate::auth::gate::current_user(&db, &session).await else {
            return StatusCode::UNAUTHORIZED.into_response();
        };
        match crate::auth::gate::roles_in_event(&db, event_id, user.id).await {
            Ok(roles) if !roles.is_empty() => {}
            Ok(_) => return StatusCode::FORBIDDEN.into_response(),
            Err(_) => return StatusCode::NOT_FOUND.into_response(),
        }
        let mut rx = self.tx.subscribe();
        let stream = async_stream(move |yielder| async move {
            // A first message tells a reconnecting page to refresh what it may have missed.
            // Every message carries data: browsers do not dispatch events whose data is empty.
            yielder.send(Event::default().event("hello").data("hello")).await;
            loop {
                match rx.recv().await {
                    Ok(n) if n.event_id == event_id => yielder.send(Event::default().event(n.topic).data(n.topic)).await,
                    Ok(_) => {}
                    Err(broadcast::error::RecvError::Lagged(_)) => yielder.send(Event::default().event("resync").data("resync")).await,
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });
        Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(20))).into_response()
    }
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
