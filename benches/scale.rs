//! Scale-out benchmarks: instances of the real server binary, each its own process, sharing
//! one PostgreSQL database (local server, trust auth; `HAKAM_BENCH_PG_URL` names another).
//! Run: `cargo bench --features ssr --bench scale` (prints figures and checks its results).
//!
//! 1. **Two instances**: judges' phones split across both, each saving back to back for
//!    `HAKAM_BENCH_SECONDS` (default 10), one board viewer on each instance. Every save must
//!    be visible on both boards: when the run is over, each viewer's last frame must show as
//!    many finished scores as the database holds and be the very frame a third instance,
//!    started afterwards, computes from the database. Total and per-instance saves/s.
//! 2. **National**: 1,000 judges (K = 5), 2,000 projects, 10,000 board viewers split across
//!    the two instances; every judge saves once every 5 s (200 saves/s offered, first saves
//!    spread evenly over the period) for `HAKAM_BENCH_SECONDS` (default 40, so each judge
//!    scores 8 of its 10 projects), while an organizer on each instance opens the judging
//!    console and downloads the scores and ranking CSVs, one request a second. Reported: save
//!    latency from its scheduled send time; board update after commit on every viewer;
//!    server memory per viewer and CPU time, per instance.
//!
//! Board update after commit: a save is committed before it is acknowledged, and each first
//! score of a project raises the board's progress count by one. So once the n-th of them is
//! acknowledged, at least n are committed, and the update is the time from that
//! acknowledgement to the first frame on the viewer counting n or more. It is never shorter
//! than the true delay (that frame shows this save and every save acknowledged before it).
//! Only first scores move the count: saves beyond a judge's projects are edits, counted in
//! the save latency only.
//!
//! Both scenarios end with the database's own checks: every acknowledged save is stored
//! once, under its key, with the version it was acknowledged with; no save is stored that
//! was not acknowledged (nothing failed, so nothing half-applied can hide); each score's
//! version is the number of its applied saves and it holds the marks of the last one; the
//! applied history rows add up to the sum of score versions.
//!
//! Environment:
//! - `HAKAM_BENCH_SCENARIO`: `two`, `national` or `all` (default).
//! - `HAKAM_BENCH_SCALE`: a fraction of the national size for debug runs (default 1; 0.02
//!   gives 20 judges, 40 projects and 200 viewers); the two-instance run has 100 judges × scale.
//! - `HAKAM_BENCH_SECONDS`: how long the saves run.
//! - `HAKAM_BENCH_ORGANIZERS=0`: the national run without its organizers (to tell what their
//!   pages cost the saves and the boards).
//!
//! Open files: each viewer is a socket in this process and one in a server. The benchmark
//! raises its soft limit (`ulimit -n`) to the hard one, and the servers it starts inherit it;
//! the national run needs about 12,000 here and 6,000 per instance, so the hard limit must be
//! at least 16,384 (`ulimit -Hn`; raise it in /etc/security/limits.conf or with
//! `prlimit`, or run from a shell where `ulimit -n 16384` succeeded). The benchmark stops
//! with a message if it is lower.

use memchr::memmem;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::watch;

mod common;
use common::{judge_phone, percentiles, submitted_projects, Server, Store};

/// What both instances are started with: the viewers and phones all come from 127.0.0.1,
/// one "client" for the per-client limits.
const SERVER_ENV: &[(&str, &str)] =
    &[("HAKAM_MAX_STREAMS_PER_CLIENT", "100000"), ("HAKAM_JOINS_PER_MINUTE", "1000000")];

fn env_f64(name: &str) -> Option<f64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Raises this process's soft open-files limit to the hard one; the hard limit.
fn raise_open_files() -> u64 {
    use rustix::process::{getrlimit, setrlimit, Resource};
    let limit = getrlimit(Resource::Nofile);
    let hard = limit.maximum.unwrap_or(u64::MAX);
    let raised = rustix::process::Rlimit { current: Some(hard), maximum: limit.maximum };
    if let Err(e) = setrlimit(Resource::Nofile, raised) {
        println!("open files: soft limit not raised ({e})");
    }
    let now = getrlimit(Resource::Nofile);
    println!(
        "open files: soft limit {} (hard {}), inherited by the servers",
        now.current.map_or("unlimited".into(), |n| n.to_string()),
        now.maximum.map_or("unlimited".into(), |n| n.to_string())
    );
    now.current.unwrap_or(u64::MAX)
}

/// User plus system CPU time of a process so far, in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    static TICKS: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    let ticks = *TICKS.get_or_init(|| {
        std::process::Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
            .unwrap_or(100.0)
    });
    let path = if pid == 0 { "/proc/self/stat".to_owned() } else { format!("/proc/{pid}/stat") };
    let Ok(stat) = std::fs::read_to_string(path) else { return 0.0 };
    // Fields after the command name (which may hold spaces): state is the 3rd field,
    // utime the 14th and stime the 15th.
    let Some((_, rest)) = stat.rsplit_once(')') else { return 0.0 };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (field(11) + field(12)) / ticks
}

// ---------------------------------------------------------------------------------------
// Board viewers: raw TCP clients of the board's SSE stream.

/// The progress count in a frame ("Scores: 3 / 40" → 3), isolation marks or not.
fn done_in(message: &[u8]) -> Option<u32> {
    let at = memmem::find(message, b"Scores: ")? + b"Scores: ".len();
    let digits: Vec<u8> = message[at..]
        .iter()
        .copied()
        .skip_while(|b| !b.is_ascii_digit() && *b != b'/')
        .take_while(|b| b.is_ascii_digit())
        .collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

/// What a viewer saw: each time its progress count went up, the new count and the time
/// (µs since the benchmark's clock started); how many frames and bytes (as sent, headers
/// and chunk framing included); and, if asked, the last frame.
#[derive(Default)]
struct Seen {
    rises: Vec<(u32, u64)>,
    frames: u64,
    bytes: u64,
    last: Option<Vec<u8>>,
}

/// Whether the viewers ask for the stream gzip-compressed, as browsers do
/// (`HAKAM_BENCH_GZIP=0`: plain, to compare).
fn viewers_accept_gzip() -> bool {
    std::env::var("HAKAM_BENCH_GZIP").as_deref() != Ok("0")
}

/// One message of a stream, inflated: whether it is a frame, its progress count, its text.
struct Message {
    board: bool,
    done: Option<u32>,
    text: Vec<u8>,
}

impl Message {
    /// The message's text is kept only when asked (a viewer keeping its last frame, or a
    /// piece shared by every viewer): a plain viewer would otherwise copy every frame.
    fn read(text: &[u8], keep: bool) -> Message {
        let board = memmem::find(text, b"event: board").is_some();
        let done = if board { done_in(text) } else { None };
        Message { board, done, text: if keep { text.to_vec() } else { Vec::new() } }
    }
}

/// The gzip header the server sends with a stream's first piece.
const GZIP_HEADER_LEN: usize = 10;

/// Each piece of a gzip stream is one message deflated on its own, and every viewer of a
/// frame gets the same bytes: the benchmark inflates each distinct piece once for all its
/// viewers. A browser inflates its own; 10,000 inflations of each frame in this process
/// would only measure the benchmark, on the two cores it shares with the servers.
#[derive(Clone, Default)]
struct Pieces(Arc<std::sync::RwLock<HashMap<Vec<u8>, Arc<Message>>>>);

impl Pieces {
    fn inflate(&self, piece: &[u8]) -> Arc<Message> {
        if let Some(m) = self.0.read().unwrap_or_else(|e| e.into_inner()).get(piece) {
            return m.clone();
        }
        let mut out = Vec::with_capacity(piece.len() * 16 + 64);
        let mut inflate = flate2::Decompress::new(false);
        inflate.decompress_vec(piece, &mut out, flate2::FlushDecompress::Sync).expect("a piece inflates on its own");
        let message = Arc::new(Message::read(&out, true));
        self.0.write().unwrap_or_else(|e| e.into_inner()).insert(piece.to_vec(), message.clone());
        message
    }
}

/// One viewer: holds the stream until `stop`, counting the frames it gets. It reads the
/// HTTP/1.1 response itself: the head, then each chunk (one message, or one deflated piece).
#[allow(clippy::too_many_arguments)]
async fn viewer(
    addr: String,
    event: i64,
    clock: Instant,
    keep_last: bool,
    ready: Arc<AtomicU64>,
    counts: Arc<Vec<std::sync::atomic::AtomicU32>>,
    index: usize,
    pieces: Pieces,
    mut stop: watch::Receiver<bool>,
) -> Seen {
    let mut seen = Seen::default();
    let Ok(mut socket) = tokio::net::TcpStream::connect(&addr).await else { return seen };
    let encoding = if viewers_accept_gzip() { "Accept-Encoding: gzip, deflate, br\r\n" } else { "" };
    let request = format!(
        "GET /events/{event}/board/live?lang=en HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n{encoding}\r\n"
    );
    if socket.write_all(request.as_bytes()).await.is_err() {
        return seen;
    }
    let mut pending: Vec<u8> = Vec::with_capacity(8 * 1024);
    let mut chunk = vec![0u8; 16 * 1024];
    // None until the response's head is read; then whether the body is gzip.
    let mut gzip: Option<bool> = None;
    let mut first_piece = true;
    // A plain stream's text not yet cut into messages.
    let mut text: Vec<u8> = Vec::new();
    let mut last_count = None;
    'read: loop {
        let n = tokio::select! {
            r = socket.read(&mut chunk) => match r { Ok(0) | Err(_) => break, Ok(n) => n },
            _ = stop.changed() => break,
        };
        let at = clock.elapsed().as_micros() as u64;
        seen.bytes += n as u64;
        pending.extend_from_slice(&chunk[..n]);
        let mut used = 0;
        if gzip.is_none() {
            let Some(end) = memmem::find(&pending, b"\r\n\r\n") else { continue };
            let head = String::from_utf8_lossy(&pending[..end]).to_ascii_lowercase();
            assert!(head.contains("transfer-encoding: chunked"), "a chunked stream: {head}");
            gzip = Some(head.contains("content-encoding: gzip"));
            used = end + 4;
        }
        let mut messages: Vec<Arc<Message>> = Vec::new();
        // Each whole chunk: a hexadecimal size line, the data, CRLF.
        loop {
            let rest = &pending[used..];
            let Some(line) = memmem::find(rest, b"\r\n") else { break };
            let size = std::str::from_utf8(&rest[..line])
                .ok()
                .and_then(|h| usize::from_str_radix(h.split(';').next().unwrap_or("").trim(), 16).ok())
                .expect("a chunk size");
            if size == 0 {
                break 'read;
            }
            if rest.len() < line + 2 + size + 2 {
                break;
            }
            let data = &rest[line + 2..line + 2 + size];
            if gzip == Some(true) {
                let data = if first_piece { &data[GZIP_HEADER_LEN..] } else { data };
                first_piece = false;
                messages.push(pieces.inflate(data));
            } else {
                text.extend_from_slice(data);
                while let Some(end) = memmem::find(&text, b"\n\n") {
                    messages.push(Arc::new(Message::read(&text[..end + 2], keep_last)));
                    text.drain(..end + 2);
                }
            }
            used += line + 2 + size + 2;
        }
        pending.drain(..used);
        for message in messages.into_iter().filter(|m| m.board) {
            seen.frames += 1;
            if seen.frames == 1 {
                ready.fetch_add(1, Ordering::Relaxed);
            }
            if let Some(done) = message.done {
                if last_count.is_none_or(|c| done > c) {
                    seen.rises.push((done, at));
                    last_count = Some(done);
                    counts[index].store(done, Ordering::Relaxed);
                }
            }
            if keep_last {
                let start = memmem::find(&message.text, b"event: board").unwrap_or(0);
                seen.last = Some(message.text[start..].to_vec());
            }
        }
    }
    seen
}

/// Viewers of one event spread over `servers` (viewer i on server i % n), connected 250 at
/// a time (the listen backlog is finite), each counted once its first frame arrived.
struct Viewers {
    tasks: Vec<(usize, tokio::task::JoinHandle<Seen>)>,
    stop: watch::Sender<bool>,
    ready: Arc<AtomicU64>,
    /// Each viewer's latest progress count.
    counts: Arc<Vec<std::sync::atomic::AtomicU32>>,
}

impl Viewers {
    async fn connect(servers: &[&Server], event: i64, n: usize, clock: Instant, keep_last: bool) -> Viewers {
        let (stop, stopped) = watch::channel(false);
        let ready = Arc::new(AtomicU64::new(0));
        let counts: Arc<Vec<_>> = Arc::new((0..n).map(|_| std::sync::atomic::AtomicU32::new(0)).collect());
        let pieces = Pieces::default();
        let mut tasks = Vec::with_capacity(n);
        for batch in (0..n).collect::<Vec<_>>().chunks(250) {
            for &i in batch {
                let on = i % servers.len();
                let task = tokio::spawn(viewer(
                    servers[on].addr.clone(),
                    event,
                    clock,
                    keep_last,
                    ready.clone(),
                    counts.clone(),
                    i,
                    pieces.clone(),
                    stopped.clone(),
                ));
                tasks.push((on, task));
            }
            let deadline = Instant::now() + Duration::from_secs(20);
            while (ready.load(Ordering::Relaxed) as usize) < batch[batch.len() - 1] + 1 && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
        Viewers { tasks, stop, ready, counts }
    }

    /// Waits until every viewer counts `done` finished scores, at most `limit`; how long.
    async fn settle(&self, done: u32, limit: Duration) -> Duration {
        let start = Instant::now();
        while start.elapsed() < limit && self.counts.iter().any(|c| c.load(Ordering::Relaxed) < done) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        start.elapsed()
    }

    /// Ends every stream; what each viewer saw, with the server it watched.
    async fn finish(self) -> Vec<(usize, Seen)> {
        let _ = self.stop.send(true);
        let mut all = Vec::with_capacity(self.tasks.len());
        for (on, task) in self.tasks {
            all.push((on, task.await.unwrap_or_default()));
        }
        all
    }
}

// ---------------------------------------------------------------------------------------
// The event and the judges' phones.

struct Phone {
    judge: i64,
    client: reqwest::Client,
    /// Which instance this phone talks to.
    on: usize,
    projects: Vec<i64>,
}

struct Event {
    organizer: reqwest::Client,
    pool: sqlx::AnyPool,
    id: i64,
    phones: Vec<Phone>,
}

/// An event with a one-criterion rubric (0–10), judging open with `k` judges per project,
/// `projects` submitted projects, a public live board, and `judges` judges whose phones
/// opened their pass on the instance they will use (judge j on server j % n).
async fn judged_event(servers: &[&Server], judges: usize, projects: usize, k: usize) -> Event {
    let first = servers[0];
    let (organizer, pool, id) = first.impact_event(k).await;
    let e = id.to_string();
    let board = [
        ("event_id", e.clone()),
        ("version", "1".into()),
        ("visibility", "public".into()),
        ("top_n", "10".into()),
        ("rotate_seconds", "15".into()),
    ];
    assert!(first.post(&organizer, "board/settings", &board).await.status().is_success());
    submitted_projects(&pool, id, projects).await;

    // The judges, 16 at a time.
    let started = Instant::now();
    let mut made: Vec<(usize, i64, reqwest::Client)> = Vec::with_capacity(judges);
    for batch in (0..judges).collect::<Vec<_>>().chunks(16) {
        let mut set = tokio::task::JoinSet::new();
        for &j in batch {
            let on = j % servers.len();
            let (organizer, base) = (organizer.clone(), servers[on].base.clone());
            set.spawn(async move {
                let (judge, phone) = judge_phone(&organizer, &base, id, &format!("Juge {j}")).await;
                (on, judge, phone)
            });
        }
        while let Some(done) = set.join_next().await {
            made.push(done.unwrap());
        }
    }
    let assigned = first.post(&organizer, "judging/assign", &[("event_id", e), ("seed", "1".into())]).await;
    assert!(assigned.status().is_success(), "assignment: {}", assigned.status());
    let rows: Vec<(i64, i64)> =
        sqlx::query_as("SELECT judge_id, project_id FROM judge_assignments WHERE event_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&pool)
            .await
            .unwrap();
    let mut by_judge: HashMap<i64, Vec<i64>> = HashMap::new();
    for (judge, project) in rows {
        by_judge.entry(judge).or_default().push(project);
    }
    let phones: Vec<Phone> = made
        .into_iter()
        .map(|(on, judge, client)| Phone { judge, client, on, projects: by_judge.remove(&judge).unwrap_or_default() })
        .collect();
    println!(
        "  event: {projects} projects, {judges} judges (K = {k}, {} seats), set up in {:.1} s",
        phones.iter().map(|p| p.projects.len()).sum::<usize>(),
        started.elapsed().as_secs_f64()
    );
    Event { organizer, pool, id, phones }
}

/// One acknowledged save.
#[derive(Clone, Debug)]
struct Ack {
    judge: i64,
    save_id: String,
    version: i64,
    /// The first score of this project by this judge (it raises the progress count).
    first: bool,
    /// Sent (scheduled, for paced runs) and acknowledged, in µs of the benchmark's clock.
    sent: u64,
    acked: u64,
    on: usize,
}

/// What one phone did.
#[derive(Default)]
struct PhoneRun {
    acks: Vec<Ack>,
    /// Latency of each acknowledged save, from its (scheduled) send time.
    latencies: Vec<Duration>,
    failures: Vec<String>,
}

/// Sends `saves` saves from one phone: back to back, or one every `period` from `offset`
/// after `t0`. Projects are scored in turn; once all are scored, they are edited from the
/// version the last acknowledgement gave.
#[allow(clippy::too_many_arguments)]
async fn phone_run(
    phone: Arc<Phone>,
    base: String,
    event: i64,
    saves: usize,
    pace: Option<(tokio::time::Instant, Duration, Duration)>,
    until: Option<Instant>,
    clock: Instant,
    tag: &'static str,
) -> PhoneRun {
    let mut run = PhoneRun::default();
    let mut versions: HashMap<i64, i64> = HashMap::new();
    if phone.projects.is_empty() {
        return run;
    }
    for n in 0..saves {
        let scheduled = match pace {
            Some((t0, offset, period)) => {
                let at = t0 + offset + period * n as u32;
                tokio::time::sleep_until(at).await;
                at.into_std()
            }
            None => Instant::now(),
        };
        if until.is_some_and(|u| Instant::now() >= u) {
            break;
        }
        let project = phone.projects[n % phone.projects.len()];
        let base_version = versions.get(&project).copied().unwrap_or(0);
        let save_id = format!("{tag}-{}-{n:05}", phone.judge);
        let mark = (phone.judge as usize * 7 + n * 3) % 11;
        let form = [
            ("event_id", event.to_string()),
            ("project_id", project.to_string()),
            ("save_id", save_id.clone()),
            ("base_version", base_version.to_string()),
            ("status", String::new()),
            ("notes", String::new()),
            ("marks[c1]", mark.to_string()),
        ];
        let sent = scheduled.duration_since(clock).as_micros() as u64;
        let reply = phone.client.post(format!("{base}/api/judging/save")).form(&form).send().await;
        let body = match reply {
            Ok(r) if r.status().is_success() => r.json::<serde_json::Value>().await.map_err(|e| e.to_string()),
            Ok(r) => Err(format!("status {}", r.status())),
            Err(e) => Err(e.to_string()),
        };
        let acked = clock.elapsed().as_micros() as u64;
        match body {
            Ok(ack) if ack["applied"] == true => {
                let version = ack["version"].as_i64().unwrap_or(-1);
                versions.insert(project, version);
                run.latencies.push(Duration::from_micros(acked.saturating_sub(sent)));
                run.acks.push(Ack {
                    judge: phone.judge,
                    save_id,
                    version,
                    first: base_version == 0,
                    sent,
                    acked,
                    on: phone.on,
                });
            }
            Ok(ack) => run.failures.push(format!("{save_id} not applied: {ack}")),
            Err(e) => run.failures.push(format!("{save_id}: {e}")),
        }
    }
    run
}

/// Every phone's run together.
#[allow(clippy::too_many_arguments)]
async fn run_phones(
    phones: &[Arc<Phone>],
    servers: &[&Server],
    event: i64,
    saves: usize,
    pace: Option<Duration>,
    until: Option<Instant>,
    clock: Instant,
    tag: &'static str,
) -> PhoneRun {
    let t0 = tokio::time::Instant::now() + Duration::from_millis(200);
    let mut tasks = Vec::new();
    for (j, phone) in phones.iter().enumerate() {
        // Spread the first saves evenly over one period, as a hall's phones are.
        let pace = pace.map(|p| (t0, p.mul_f64(j as f64 / phones.len() as f64), p));
        let base = servers[phone.on].base.clone();
        tasks.push(tokio::spawn(phone_run(phone.clone(), base, event, saves, pace, until, clock, tag)));
    }
    let mut all = PhoneRun::default();
    for t in tasks {
        let run = t.await.unwrap();
        all.acks.extend(run.acks);
        all.latencies.extend(run.latencies);
        all.failures.extend(run.failures);
    }
    all
}

// ---------------------------------------------------------------------------------------
// The database's own checks.

/// Checks what the database holds against the acknowledgements; panics on any breach.
async fn self_checks(pool: &sqlx::AnyPool, event: i64, acks: &[Ack], failures: usize) {
    let rows: Vec<(i64, String, i64, String, i64, String)> = sqlx::query_as(
        "SELECT s.judge_id, s.save_id, s.project_id, s.outcome, s.version, s.marks FROM score_saves s \
         JOIN projects p ON p.id = s.project_id WHERE p.event_id = $1",
    )
    .bind(event)
    .fetch_all(pool)
    .await
    .unwrap();
    let mut stored: HashMap<(i64, &str), Vec<(&str, i64)>> = HashMap::new();
    for (judge, save_id, _, outcome, version, _) in &rows {
        stored.entry((*judge, save_id.as_str())).or_default().push((outcome.as_str(), *version));
    }
    let mut problems = Vec::new();
    for a in acks {
        match stored.get(&(a.judge, a.save_id.as_str())).map(Vec::as_slice) {
            Some([("applied", v)]) if *v == a.version => {}
            other => problems.push(format!("acknowledged save {} of judge {} stored as {other:?}", a.save_id, a.judge)),
        }
    }
    let unacknowledged = rows.len().saturating_sub(acks.len());
    if unacknowledged > 0 {
        problems.push(format!("{unacknowledged} saves stored that were never acknowledged ({failures} saves failed)"));
    }
    // Each score: its version counts its applied saves, and it holds the last one's marks.
    let scores: Vec<(i64, i64, i64, String)> =
        sqlx::query_as("SELECT judge_id, project_id, version, marks FROM scores WHERE event_id = $1")
            .bind(event)
            .fetch_all(pool)
            .await
            .unwrap();
    let mut applied: HashMap<(i64, i64), (i64, i64, &str)> = HashMap::new();
    for (judge, _, project, outcome, version, marks) in &rows {
        if outcome == "applied" {
            let e = applied.entry((*judge, *project)).or_insert((0, 0, ""));
            e.0 += 1;
            if *version > e.1 {
                e.1 = *version;
                e.2 = marks.as_str();
            }
        }
    }
    for (judge, project, version, marks) in &scores {
        match applied.get(&(*judge, *project)) {
            Some((count, _, last)) if count == version && last == marks => {}
            other => problems.push(format!(
                "score of judge {judge} on project {project}: version {version}, marks {marks}; applied saves {other:?}"
            )),
        }
    }
    let history: i64 = applied.values().map(|(count, _, _)| count).sum();
    let versions: i64 = scores.iter().map(|s| s.2).sum();
    if history != versions {
        problems.push(format!("{history} applied history rows, but score versions add up to {versions}"));
    }
    if applied.len() != scores.len() {
        problems.push(format!("{} scores have applied saves, {} scores exist", applied.len(), scores.len()));
    }
    assert!(problems.is_empty(), "self-checks failed ({}):\n{}", problems.len(), problems.join("\n"));
    println!(
        "  self-checks: {} acknowledged saves each stored once under its key with its version; none stored unacknowledged; \
         {} scores each at the version of its {history} applied saves (sum of versions {versions}) with the last one's marks",
        acks.len(),
        scores.len()
    );
}

/// Finished scores (what the board's progress counts).
async fn scored(pool: &sqlx::AnyPool, event: i64) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM judge_assignments a JOIN scores s ON s.project_id = a.project_id \
         AND s.judge_id = a.judge_id WHERE a.event_id = $1 AND s.status IN ('scored', 'absent')",
    )
    .bind(event)
    .fetch_one(pool)
    .await
    .unwrap()
}

// ---------------------------------------------------------------------------------------
// Scenario 1: two instances.

async fn two_instances(scale: f64) {
    let seconds = env_f64("HAKAM_BENCH_SECONDS").unwrap_or(10.0);
    let judges = ((100.0 * scale).round() as usize).max(4);
    let projects = judges * 2;
    println!(
        "two instances on one PostgreSQL database: {judges} judges back to back for {seconds} s, one viewer on each"
    );
    let a = Server::start_on("scale2", Store::Postgres, SERVER_ENV).await;
    let b = a.another(SERVER_ENV).await;
    let servers = [&a, &b];
    let event = judged_event(&servers, judges, projects, 3).await;
    let clock = Instant::now();
    let viewers = Viewers::connect(&servers, event.id, 2, clock, true).await;
    assert_eq!(viewers.ready.load(Ordering::Relaxed), 2, "both viewers have their first frame");

    let phones: Vec<Arc<Phone>> = event.phones.into_iter().map(Arc::new).collect();
    let cpu = [cpu_seconds(a.pid()), cpu_seconds(b.pid())];
    let start = Instant::now();
    let until = start + Duration::from_secs_f64(seconds);
    let run = run_phones(&phones, &servers, event.id, usize::MAX, None, Some(until), clock, "two").await;
    let elapsed = start.elapsed().as_secs_f64();
    let cpu = [cpu_seconds(a.pid()) - cpu[0], cpu_seconds(b.pid()) - cpu[1]];
    // The boards' last notices: the hub's throttle (100 ms), the forwarding batch (100 ms) and
    // the refresher's own 50 ms, with room to spare.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let seen = viewers.finish().await;

    println!("  {:.0} saves/s in all ({} saves in {elapsed:.1} s)", run.acks.len() as f64 / elapsed, run.acks.len());
    for (i, server) in servers.iter().enumerate() {
        let latencies: Vec<Duration> =
            run.acks.iter().zip(&run.latencies).filter(|(ack, _)| ack.on == i).map(|(_, l)| *l).collect();
        println!(
            "  instance {} (pid {}): {:.0} saves/s; latency {}; CPU {:.1} s ({:.0}% of a core)",
            i + 1,
            server.pid(),
            latencies.len() as f64 / elapsed,
            percentiles(latencies),
            cpu[i],
            cpu[i] / elapsed * 100.0
        );
    }
    assert!(run.failures.is_empty(), "{} saves failed, first: {:?}", run.failures.len(), run.failures.first());

    // Every save on both boards: each last frame counts every finished score, and is what a
    // third instance started now computes straight from the database.
    let done = scored(&event.pool, event.id).await;
    let c = a.another(SERVER_ENV).await;
    let reference = Viewers::connect(&[&c], event.id, 1, clock, true).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let reference = reference.finish().await.remove(0).1.last.expect("the third instance's first frame");
    for (on, viewer) in &seen {
        let last = viewer.last.as_deref().expect("a frame");
        let count = done_in(last);
        assert_eq!(
            count,
            Some(done as u32),
            "instance {}'s board counts {count:?} scores, the database {done}",
            on + 1
        );
        if last != reference.as_slice() {
            let at = last.iter().zip(&reference).position(|(x, y)| x != y).unwrap_or(last.len().min(reference.len()));
            let around =
                |f: &[u8]| String::from_utf8_lossy(&f[at.saturating_sub(150)..(at + 150).min(f.len())]).into_owned();
            panic!(
                "instance {}'s last frame differs from the board computed afresh from the database at byte {at}:\n{}\nfresh:\n{}",
                on + 1,
                around(last),
                around(&reference)
            );
        }
        println!(
            "  viewer on instance {}: {} frames; the last counts {done} scores, the same frame a fresh instance computes",
            on + 1,
            viewer.frames
        );
    }
    drop(c);
    self_checks(&event.pool, event.id, &run.acks, run.failures.len()).await;
}

// ---------------------------------------------------------------------------------------
// Scenario 2: a national-size event.

/// Latency histogram in milliseconds (for the millions of viewer × save samples).
struct Histogram {
    buckets: Vec<u64>,
    count: u64,
}

impl Histogram {
    fn new() -> Histogram {
        Histogram { buckets: vec![0; 120_001], count: 0 }
    }

    fn add_us(&mut self, us: u64) {
        let i = ((us / 1000) as usize).min(self.buckets.len() - 1);
        self.buckets[i] += 1;
        self.count += 1;
    }

    fn merge(&mut self, other: &Histogram) {
        for (a, b) in self.buckets.iter_mut().zip(&other.buckets) {
            *a += b;
        }
        self.count += other.count;
    }

    /// The bucket (ms) under which a fraction `p` of the samples falls.
    fn pct(&self, p: f64) -> u64 {
        let wanted = ((self.count as f64) * p).ceil().max(1.0) as u64;
        let mut sum = 0;
        for (i, n) in self.buckets.iter().enumerate() {
            sum += n;
            if sum >= wanted {
                return i as u64 + 1;
            }
        }
        self.buckets.len() as u64
    }

    fn summary(&self) -> String {
        format!(
            "n {}, p50 < {} ms, p95 < {} ms, p99 < {} ms, max < {} ms",
            self.count,
            self.pct(0.50),
            self.pct(0.95),
            self.pct(0.99),
            self.pct(1.0)
        )
    }
}

/// The organizer's loop on one instance: the judging console, then the scores and ranking
/// CSVs, one request a second, until `stop`.
async fn organizer_loop(
    organizer: reqwest::Client,
    base: String,
    event: i64,
    stop: watch::Receiver<bool>,
) -> HashMap<&'static str, (Vec<Duration>, usize)> {
    let pages: [(&str, String); 3] = [
        ("judging console", format!("{base}/events/{event}/judging")),
        ("scores.csv", format!("{base}/events/{event}/scores.csv")),
        ("ranking.csv", format!("{base}/events/{event}/ranking.csv")),
    ];
    let mut out: HashMap<&'static str, (Vec<Duration>, usize)> = HashMap::new();
    let mut i = 0;
    while !*stop.borrow() {
        let (name, url) = &pages[i % pages.len()];
        let t = Instant::now();
        let ok = match organizer.get(url).header("accept", "text/html").send().await {
            Ok(r) => r.status().is_success() && r.bytes().await.is_ok(),
            Err(_) => false,
        };
        let entry = out.entry(name).or_default();
        if ok {
            entry.0.push(t.elapsed());
        } else {
            entry.1 += 1;
        }
        i += 1;
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    out
}

async fn national(scale: f64, open_files: u64) {
    let judges = ((1000.0 * scale).round() as usize).max(5);
    let projects = ((2000.0 * scale).round() as usize).max(2);
    let viewers_n = ((10_000.0 * scale).round() as usize).max(2);
    let period = Duration::from_secs(5);
    let seconds = env_f64("HAKAM_BENCH_SECONDS").unwrap_or(40.0);
    let saves = ((seconds / period.as_secs_f64()).round() as usize).max(1);
    println!(
        "national event, two instances on one PostgreSQL database: {judges} judges (K = 5), {projects} projects, \
         {viewers_n} viewers, a save every {} s per judge ({:.0} saves/s offered) for {seconds} s, organizers \
         opening the console and CSV exports",
        period.as_secs(),
        judges as f64 / period.as_secs_f64()
    );
    let needed = (viewers_n + judges + 1000) as u64;
    assert!(
        open_files >= needed,
        "this run needs about {needed} open files here; the soft limit is {open_files} (see the benchmark's docs)"
    );
    let a = Server::start_on("national", Store::Postgres, SERVER_ENV).await;
    let b = a.another(SERVER_ENV).await;
    let servers = [&a, &b];
    let event = judged_event(&servers, judges, projects, 5).await;
    let per_judge = event.phones.iter().map(|p| p.projects.len()).max().unwrap_or(0);
    if saves > per_judge {
        println!("  ({saves} saves per judge, {per_judge} projects each: the later saves are edits)");
    }

    tokio::time::sleep(Duration::from_secs(1)).await;
    let idle = [a.rss_kib(), b.rss_kib()];
    let clock = Instant::now();
    let viewers = Viewers::connect(&servers, event.id, viewers_n, clock, false).await;
    let ready = viewers.ready.load(Ordering::Relaxed) as usize;
    println!(
        "  {ready} of {viewers_n} viewers had their first frame after {:.1} s; server RSS idle {} and {} MiB",
        clock.elapsed().as_secs_f64(),
        idle[0] / 1024,
        idle[1] / 1024
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    let connected = [a.rss_kib(), b.rss_kib()];

    let (stop_organizers, stopped) = watch::channel(false);
    let with_organizers = std::env::var("HAKAM_BENCH_ORGANIZERS").as_deref() != Ok("0");
    let organizers: Vec<_> = servers
        .iter()
        .filter(|_| with_organizers)
        .map(|s| tokio::spawn(organizer_loop(event.organizer.clone(), s.base.clone(), event.id, stopped.clone())))
        .collect();
    let phones: Vec<Arc<Phone>> = event.phones.into_iter().map(Arc::new).collect();
    let cpu = [cpu_seconds(a.pid()), cpu_seconds(b.pid()), cpu_seconds(0)];
    let start = Instant::now();
    let run = run_phones(&phones, &servers, event.id, saves, Some(period), None, clock, "nat").await;
    let saving = start.elapsed().as_secs_f64();
    // The last boards: every viewer must come to count every first score (a viewer that
    // does not within 30 s has deliveries missing).
    let firsts_acked = run.acks.iter().filter(|a| a.first).count() as u32;
    let settled = viewers.settle(firsts_acked, Duration::from_secs(30)).await;
    println!("  every board caught up {:.1} s after the last save", settled.as_secs_f64());
    let elapsed = start.elapsed().as_secs_f64();
    let cpu = [cpu_seconds(a.pid()) - cpu[0], cpu_seconds(b.pid()) - cpu[1], cpu_seconds(0) - cpu[2]];
    let after = [a.rss_kib(), b.rss_kib()];
    let _ = stop_organizers.send(true);
    let mut organizer = HashMap::<&str, (Vec<Duration>, usize)>::new();
    for o in organizers {
        for (name, (lat, failed)) in o.await.unwrap() {
            let e = organizer.entry(name).or_default();
            e.0.extend(lat);
            e.1 += failed;
        }
    }
    let seen = viewers.finish().await;

    // Saves.
    println!(
        "  saves: {} acknowledged, {} failed, {:.0} saves/s; latency from the scheduled send: {}",
        run.acks.len(),
        run.failures.len(),
        run.acks.len() as f64 / saving,
        percentiles(run.latencies.clone())
    );
    for i in 0..2 {
        let lat: Vec<Duration> =
            run.acks.iter().zip(&run.latencies).filter(|(ack, _)| ack.on == i).map(|(_, l)| *l).collect();
        println!("    instance {}: {}", i + 1, percentiles(lat));
    }

    // Board updates: the n-th first score acknowledged, against each viewer's count rising to n.
    let mut firsts: Vec<&Ack> = run.acks.iter().filter(|a| a.first).collect();
    firsts.sort_by_key(|a| a.acked);
    let mut by_instance = [Histogram::new(), Histogram::new()];
    let mut from_sent = Histogram::new();
    let mut missing = [0u64; 2];
    let mut frames = [0u64; 2];
    let mut bytes = [0u64; 2];
    let mut watching = [0usize; 2];
    for (on, viewer) in &seen {
        frames[*on] += viewer.frames;
        bytes[*on] += viewer.bytes;
        watching[*on] += 1;
        let mut rise = 0;
        for (n, ack) in firsts.iter().enumerate() {
            let n = n as u32 + 1;
            while rise < viewer.rises.len() && viewer.rises[rise].0 < n {
                rise += 1;
            }
            match viewer.rises.get(rise) {
                Some(&(_, at)) => {
                    by_instance[*on].add_us(at.saturating_sub(ack.acked));
                    from_sent.add_us(at.saturating_sub(ack.sent));
                }
                None => missing[*on] += 1,
            }
        }
    }
    let mut all = Histogram::new();
    all.merge(&by_instance[0]);
    all.merge(&by_instance[1]);
    println!(
        "  board update after commit, {} first scores x {} viewers: {}; {} deliveries missing",
        firsts.len(),
        seen.len(),
        all.summary(),
        missing[0] + missing[1]
    );
    println!("    (from the save's scheduled send: {})", from_sent.summary());
    for i in 0..2 {
        println!(
            "    instance {}: {} viewers, {:.0} frames and {:.0} KiB received each ({}); {}; {} missing",
            i + 1,
            watching[i],
            frames[i] as f64 / watching[i].max(1) as f64,
            bytes[i] as f64 / 1024.0 / watching[i].max(1) as f64,
            if viewers_accept_gzip() { "gzip" } else { "plain" },
            by_instance[i].summary(),
            missing[i]
        );
    }

    // Memory and CPU per instance.
    for (i, server) in servers.iter().enumerate() {
        let n = watching[i].max(1) as f64;
        println!(
            "  instance {} (pid {}): memory per viewer {:.1} KiB connected, {:.1} KiB after the run (RSS {} -> {} -> {} MiB); \
             CPU {:.1} s in {elapsed:.0} s ({:.0}% of a core)",
            i + 1,
            server.pid(),
            connected[i].saturating_sub(idle[i]) as f64 / n,
            after[i].saturating_sub(idle[i]) as f64 / n,
            idle[i] / 1024,
            connected[i] / 1024,
            after[i] / 1024,
            cpu[i],
            cpu[i] / elapsed * 100.0
        );
    }
    println!(
        "  load generator (this process, same machine): CPU {:.1} s ({:.0}% of a core)",
        cpu[2],
        cpu[2] / elapsed * 100.0
    );
    let mut names: Vec<_> = organizer.keys().copied().collect();
    names.sort();
    for name in names {
        let (lat, failed) = organizer.remove(name).unwrap_or_default();
        println!("  organizer, {name}: {}; {failed} failed", percentiles(lat));
    }
    let p99_save = {
        let mut l = run.latencies.clone();
        l.sort();
        l.get(((l.len() as f64 * 0.99) as usize).min(l.len().saturating_sub(1))).copied().unwrap_or_default()
    };
    println!(
        "  goals: save p99 {:.0} ms (<= 100 ms: {}), board update p99 < {} ms on every viewer (<= 1 s: {})",
        ms(p99_save),
        if ms(p99_save) <= 100.0 { "met" } else { "NOT met" },
        all.pct(0.99),
        if all.pct(0.99) <= 1000 && missing == [0, 0] { "met" } else { "NOT met" }
    );
    assert!(run.failures.is_empty(), "{} saves failed, first: {:?}", run.failures.len(), run.failures.first());
    assert_eq!(ready, viewers_n, "every viewer connected");
    self_checks(&event.pool, event.id, &run.acks, run.failures.len()).await;
}

#[tokio::main]
async fn main() {
    let scale = env_f64("HAKAM_BENCH_SCALE").unwrap_or(1.0);
    let scenario = std::env::var("HAKAM_BENCH_SCENARIO").unwrap_or_else(|_| "all".into());
    let open_files = raise_open_files();
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("machine load (1, 5, 15 min): {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    }
    if matches!(scenario.as_str(), "all" | "two") {
        two_instances(scale).await;
    }
    if matches!(scenario.as_str(), "all" | "national") {
        national(scale, open_files).await;
    }
}
