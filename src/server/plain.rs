//! Plain HTTP (no TLS): the accept loop. Each connection is served by hyper, HTTP/1.1 or
//! HTTP/2 with prior knowledge, and a shutdown signal stops accepting, lets every connection
//! finish what it is answering, and returns once all are closed, as `axum::serve` does.
//!
//! Why our own loop: it sets one limit `axum::serve` leaves at hyper's default. A live page
//! holds its connection for as long as it stays open, so what a connection keeps is paid
//! once per viewer (10,000 of them on a national event's boards). Telling HTTP/1 from HTTP/2
//! reads the first bytes ahead, and with hyper's default limit (about 400 KiB) the HTTP/1
//! read buffer then grows from its initial 8 KiB to 16 KiB on the very first request and
//! keeps that size for the connection's life. Limited to 8 KiB, it never grows: a viewer
//! costs 8 KiB less. The price is that an HTTP/1 request's head (request line and headers)
//! must fit in 8 KiB, the usual limit of reverse proxies (nginx's default is the same);
//! bodies are not limited by it, only read 8 KiB at a time.

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt;

/// An HTTP/1 connection's buffer limit: hyper's smallest, which is also its initial size.
const BUFFER: usize = 8 * 1024;

/// Serves `router` on `listener` until `shutdown` completes, then waits for the open
/// connections to finish. Handlers see the peer's address as `ConnectInfo<SocketAddr>`.
pub async fn serve(listener: TcpListener, router: Router, shutdown: impl Future<Output = ()> + Send + 'static) {
    // The signal drops the only receiver; every connection waits for that.
    let (stop, stopped) = watch::channel(());
    tokio::spawn(async move {
        shutdown.await;
        drop(stopped);
    });
    // Each connection holds a receiver: the sender is closed once all of them ended.
    let (open, connection) = watch::channel(());
    loop {
        let (socket, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    refused(e).await;
                    continue;
                }
            },
            _ = stop.closed() => break,
        };
        // Answers and stream messages go out as soon as they are written, not held back to
        // be merged with the next ones.
        let _ = socket.set_nodelay(true);
        let service = router.clone().map_request(move |req: http::Request<hyper::body::Incoming>| {
            let mut req = req.map(Body::new);
            req.extensions_mut().insert(ConnectInfo(peer));
            req
        });
        let (stop, connection) = (stop.clone(), connection.clone());
        tokio::spawn(async move {
            let mut builder = Builder::new(TokioExecutor::new());
            builder.http1().max_buf_size(BUFFER);
            let served =
                builder.serve_connection_with_upgrades(TokioIo::new(socket), TowerToHyperService::new(service));
            let mut served = std::pin::pin!(served);
            let result = tokio::select! {
                result = served.as_mut() => result,
                _ = stop.closed() => {
                    served.as_mut().graceful_shutdown();
                    served.await
                }
            };
            if let Err(e) = result {
                tracing::trace!(error = %e, "connection ended with an error");
            }
            drop(connection);
        });
    }
    drop(connection);
    drop(listener);
    open.closed().await;
}

/// A failed accept: the client's own problem is skipped; anything else (out of open files,
/// most likely) is logged and retried after a second, when some may have been closed.
async fn refused(e: std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(e.kind(), ConnectionRefused | ConnectionAborted | ConnectionReset) {
        return;
    }
    tracing::error!(error = %e, "cannot accept a connection; retrying in a second");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use std::net::SocketAddr;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// Named, not written in the route: the route-policy test lists every literal route of
    /// the server's source.
    const PEER: &str = "/peer";

    async fn start() -> (SocketAddr, tokio::sync::oneshot::Sender<()>, tokio::task::JoinHandle<()>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let router = Router::new()
            .route(PEER, get(|ConnectInfo(peer): ConnectInfo<SocketAddr>| async move { peer.to_string() }));
        let (tx, rx) = tokio::sync::oneshot::channel();
        let server = tokio::spawn(serve(listener, router, async move {
            let _ = rx.await;
        }));
        (addr, tx, server)
    }

    async fn exchange(addr: SocketAddr, request: &[u8]) -> (tokio::net::TcpStream, String) {
        let mut socket = tokio::net::TcpStream::connect(addr).await.unwrap();
        socket.write_all(request).await.unwrap();
        let mut answer = vec![0u8; 4096];
        let n = socket.read(&mut answer).await.unwrap();
        (socket, String::from_utf8_lossy(&answer[..n]).into_owned())
    }

    #[tokio::test]
    async fn handlers_see_the_peer_and_heads_over_8_kib_are_refused() {
        let (addr, _stop, _server) = start().await;
        let (socket, answer) = exchange(addr, b"GET /peer HTTP/1.1\r\nHost: x\r\n\r\n").await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.ends_with(&socket.local_addr().unwrap().to_string()), "{answer}");
        let big = format!("GET /peer HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "a".repeat(9000));
        let (_, answer) = exchange(addr, big.as_bytes()).await;
        assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
    }

    #[tokio::test]
    async fn shutdown_stops_accepting_and_waits_for_the_open_connections() {
        let (addr, stop, server) = start().await;
        let (mut idle, answer) = exchange(addr, b"GET /peer HTTP/1.1\r\nHost: x\r\n\r\n").await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        stop.send(()).unwrap();
        // The idle keep-alive connection is closed, and then the server returns.
        let mut rest = Vec::new();
        tokio::time::timeout(Duration::from_secs(5), idle.read_to_end(&mut rest)).await.unwrap().unwrap();
        tokio::time::timeout(Duration::from_secs(5), server).await.unwrap().unwrap();
        assert!(tokio::net::TcpStream::connect(addr).await.is_err(), "no longer accepting");
    }
}
