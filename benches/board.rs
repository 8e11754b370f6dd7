//! Live board benchmark. Run: `cargo bench --features ssr --bench board` (prints figures,
//! asserts nothing). `HAKAM_BENCH_VIEWERS` sets the number of viewers (default 5,000).
//!
//! The real server binary runs as its own process on SQLite, with an event of 40 submitted
//! projects and a public live board. That many projector/phone viewers hold the board's SSE
//! stream open (raw TCP clients in this process, on the same two cores as the server). A
//! judge then saves a score once a second; for every save, each viewer's arrival time of the
//! first frame showing it is measured from the moment the save was sent (so the save itself
//! counts). Memory per viewer is the server process's resident memory growth divided by the
//! number of viewers, after the frames have been delivered.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

mod common;
use common::Server;

const PROJECTS: usize = 40;
const ROUNDS: usize = 10;

/// The progress count in a frame ("Scores: 3 / 40" → 3).
fn done_in(frame: &str) -> Option<u64> {
    let at = frame.find("Scores: ")? + "Scores: ".len();
    frame[at..].split(' ').next()?.parse().ok()
}

/// One viewer: reads the stream, and records when it first sees each progress count.
async fn viewer(
    addr: String,
    event: i64,
    index: usize,
    viewers: usize,
    start: Instant,
    seen: Arc<Vec<AtomicU64>>,
    connected: Arc<AtomicU64>,
) {
    let Ok(mut socket) = tokio::net::TcpStream::connect(&addr).await else { return };
    let request =
        format!("GET /events/{event}/board/live?lang=en HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n");
    if socket.write_all(request.as_bytes()).await.is_err() {
        return;
    }
    connected.fetch_add(1, Ordering::Relaxed);
    let mut buffer = vec![0u8; 16 * 1024];
    let mut pending = String::new();
    loop {
        let Ok(n) = socket.read(&mut buffer).await else { return };
        if n == 0 {
            return;
        }
        pending.push_str(&String::from_utf8_lossy(&buffer[..n]));
        while let Some(end) = pending.find("\n\n") {
            let message: String = pending.drain(..end + 2).collect();
            if let Some(done) = done_in(&message) {
                let round = done as usize;
                if (1..=ROUNDS).contains(&round) {
                    let slot = &seen[(round - 1) * viewers + index];
                    let _ = slot.compare_exchange(
                        0,
                        start.elapsed().as_micros() as u64,
                        Ordering::Relaxed,
                        Ordering::Relaxed,
                    );
                }
            }
        }
    }
}

#[tokio::main]
async fn main() {
    let viewers: usize = std::env::var("HAKAM_BENCH_VIEWERS").ok().and_then(|v| v.parse().ok()).unwrap_or(5000);
    // Every viewer comes from 127.0.0.1: one client for the per-client stream budget.
    let server = Server::start("board", &[("HAKAM_MAX_STREAMS_PER_CLIENT", "100000")]).await;
    let addr = server.addr.clone();

    // The event: a rubric of one criterion, judging open, K = 1, one judge for everything.
    let (organizer, pool, event, phone) = server.one_judge_event(PROJECTS).await;
    let e = event.to_string();
    let board = [
        ("event_id", e.clone()),
        ("version", "1".into()),
        ("visibility", "public".into()),
        ("top_n", "10".into()),
        ("rotate_seconds", "15".into()),
    ];
    server.post(&organizer, "board/settings", &board).await;
    let projects: Vec<i64> = sqlx::query_scalar("SELECT project_id FROM judge_assignments ORDER BY project_id")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(projects.len() >= ROUNDS, "the judge has {} projects", projects.len());

    // The viewers connect, 250 at a time (the listen backlog is finite).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = server.rss_kib();
    let start = Instant::now();
    let seen: Arc<Vec<AtomicU64>> = Arc::new((0..ROUNDS * viewers).map(|_| AtomicU64::new(0)).collect());
    let connected = Arc::new(AtomicU64::new(0));
    for batch in (0..viewers).collect::<Vec<_>>().chunks(250) {
        for &i in batch {
            tokio::spawn(viewer(addr.clone(), event, i, viewers, start, seen.clone(), connected.clone()));
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while (connected.load(Ordering::Relaxed) as usize) < batch[batch.len() - 1] + 1 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
    let ramp = start.elapsed();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let with_viewers = server.rss_kib();
    let viewers_up = connected.load(Ordering::Relaxed);
    println!(
        "{viewers_up} of {viewers} viewers connected in {:.1} s; server RSS {} MiB idle, {} MiB with viewers",
        ramp.as_secs_f64(),
        idle / 1024,
        with_viewers / 1024
    );

    // One save per second; each changes the board (progress and the ranking).
    let mut sent = Vec::new();
    for (round, project) in projects.iter().enumerate().take(ROUNDS) {
        let t = start.elapsed().as_micros() as u64;
        let form = [
            ("event_id", e.clone()),
            ("project_id", project.to_string()),
            ("save_id", format!("bench-round-{round:04}")),
            ("base_version", "0".into()),
            ("status", String::new()),
            ("notes", String::new()),
            ("marks[c1]", ((round * 7) % 11).to_string()),
        ];
        let reply: serde_json::Value = server.post(&phone, "judging/save", &form).await.json().await.unwrap();
        assert_eq!(reply["applied"], true, "{reply}");
        sent.push(t);
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = server.rss_kib();

    let mut latencies = Vec::with_capacity(ROUNDS * viewers);
    let mut missed = 0;
    for (round, t0) in sent.iter().enumerate() {
        for v in 0..viewers {
            match seen[round * viewers + v].load(Ordering::Relaxed) {
                0 => missed += 1,
                t => latencies.push(t.saturating_sub(*t0)),
            }
        }
    }
    latencies.sort_unstable();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0) as f64
            / 1e3
    };
    println!(
        "score save -> visible on every viewer ({viewers} viewers x {ROUNDS} saves, {PROJECTS} projects on the board): p50 {:.0} ms, p95 {:.0} ms, p99 {:.0} ms, max {:.0} ms; {missed} deliveries missing",
        pct(0.50), pct(0.95), pct(0.99), pct(1.0)
    );
    println!(
        "server memory per viewer: {:.1} KiB after connecting, {:.1} KiB after {ROUNDS} frames delivered",
        with_viewers.saturating_sub(idle) as f64 / viewers as f64,
        after.saturating_sub(idle) as f64 / viewers as f64
    );
    drop(server);
}
