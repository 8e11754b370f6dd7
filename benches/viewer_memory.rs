//! Where a board viewer's memory goes. Run: `cargo bench --features ssr --bench viewer_memory`.
//!
//! The server runs in this process on SQLite with a counting allocator: every allocation is
//! counted by its size. After a warm-up (the board computed, its refresher started), N viewers
//! (`HAKAM_BENCH_VIEWERS`, default 1,000) open the board's stream on plain blocking sockets,
//! which take nothing from the heap, and each reads its first frame. The heap that stays
//! allocated, divided by N, is what one open stream costs the server, listed by allocation
//! size. `HAKAM_BENCH_TRACE=16384-16384` prints where the first two allocations of a size in
//! that range (in bytes) are made, with their backtraces.
//!
//! This is the heap only: the process's resident memory (what `board` reports) adds the
//! allocator's own overhead and fragmentation.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

mod common;
use common::{client, event_form, latest_event, post, signup};

/// Live allocations by size, in steps of 16 bytes up to 64 KiB (the last counts the rest).
static LIVE: [AtomicI64; 64 * 1024 / 16 + 1] = [const { AtomicI64::new(0) }; 64 * 1024 / 16 + 1];
static LIVE_BYTES: AtomicI64 = AtomicI64::new(0);
static TRACE: [AtomicI64; 2] = [AtomicI64::new(-1), AtomicI64::new(-1)];
static TRACED: AtomicI64 = AtomicI64::new(0);
thread_local! {
    /// Set while a backtrace is taken: its own allocations are not traced.
    static TRACING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

struct Counting;

fn slot(size: usize) -> &'static AtomicI64 {
    &LIVE[(size / 16).min(LIVE.len() - 1)]
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the layout is the caller's, passed on unchanged.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            slot(layout.size()).fetch_add(1, Ordering::Relaxed);
            LIVE_BYTES.fetch_add(layout.size() as i64, Ordering::Relaxed);
            let size = layout.size() as i64;
            let traced = size >= TRACE[0].load(Ordering::Relaxed) && size <= TRACE[1].load(Ordering::Relaxed);
            if traced && TRACED.load(Ordering::Relaxed) < 2 && !TRACING.with(|t| t.replace(true)) {
                TRACED.fetch_add(1, Ordering::Relaxed);
                eprintln!("allocation of {size} bytes:\n{}", std::backtrace::Backtrace::force_capture());
                TRACING.with(|t| t.set(false));
            }
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        // SAFETY: `p` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(p, layout) };
        slot(layout.size()).fetch_sub(1, Ordering::Relaxed);
        LIVE_BYTES.fetch_sub(layout.size() as i64, Ordering::Relaxed);
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

fn snapshot() -> Vec<i64> {
    LIVE.iter().map(|n| n.load(Ordering::Relaxed)).collect()
}

/// `n` viewers of the event's board, each having read its first frame.
fn viewers(addr: std::net::SocketAddr, event: i64, n: usize) -> Vec<std::net::TcpStream> {
    let mut open = Vec::with_capacity(n);
    let mut buffer = vec![0u8; 64 * 1024];
    for _ in 0..n {
        let mut socket = std::net::TcpStream::connect(addr).unwrap();
        write!(
            socket,
            "GET /events/{event}/board/live?lang=en HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut got = 0;
        loop {
            got += socket.read(&mut buffer[got..]).unwrap();
            let read = &buffer[..got];
            if let Some(at) = read.windows(12).position(|w| w == b"event: board") {
                if read[at..].windows(2).any(|w| w == b"\n\n") {
                    break;
                }
            }
        }
        open.push(socket);
    }
    open
}

#[tokio::main]
async fn main() {
    let n: usize = std::env::var("HAKAM_BENCH_VIEWERS").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let dir = std::env::temp_dir().join(format!("hakam-viewer-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/bench.db", dir.display());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut config = hakam::config::Config::for_tests(url, addr, dir.join("uploads"));
    config.max_streams_per_client = usize::MAX;
    let state = hakam::server::spawn(config, listener).await.expect("server");
    let base = format!("http://{addr}");
    let organizer = client();
    post(&organizer, &base, "auth/signup", &signup("O", "o@example.ma")).await;
    hakam::auth::bootstrap::make_admin(&state.db, "o@example.ma").await.expect("the organizer becomes admin");
    post(&organizer, &base, "events/create", &event_form()).await;
    let event = latest_event(&state.db.pool).await;
    let board = [
        ("event_id", event.to_string()),
        ("version", "1".into()),
        ("visibility", "public".into()),
        ("top_n", "10".into()),
        ("rotate_seconds", "15".into()),
    ];
    post(&organizer, &base, "board/settings", &board).await;

    let warm = tokio::task::spawn_blocking(move || viewers(addr, event, 20)).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    if let Some((min, max)) = std::env::var("HAKAM_BENCH_TRACE").ok().as_deref().and_then(|r| r.split_once('-')) {
        TRACE[0].store(min.parse().unwrap(), Ordering::Relaxed);
        TRACE[1].store(max.parse().unwrap(), Ordering::Relaxed);
    }
    let (before, bytes_before) = (snapshot(), LIVE_BYTES.load(Ordering::Relaxed));
    let open = tokio::task::spawn_blocking(move || viewers(addr, event, n)).await.unwrap();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (after, bytes_after) = (snapshot(), LIVE_BYTES.load(Ordering::Relaxed));

    println!(
        "server heap per open board stream: {:.1} KiB ({n} viewers); by allocation size:",
        (bytes_after - bytes_before) as f64 / n as f64 / 1024.0
    );
    let mut sizes: Vec<(usize, f64)> = before
        .iter()
        .zip(&after)
        .enumerate()
        .map(|(i, (b, a))| (i * 16, (a - b) as f64 / n as f64))
        .filter(|(_, per)| per.abs() >= 0.05)
        .collect();
    sizes.sort_by(|a, b| (b.1 * b.0 as f64).abs().total_cmp(&(a.1 * a.0 as f64).abs()));
    for (size, per) in sizes.iter().take(20) {
        println!("  {size:>6}-{:<6} bytes: {per:.2} per viewer", size + 15);
    }
    drop(open);
    drop(warm);
    let _ = std::fs::remove_dir_all(&dir);
}
