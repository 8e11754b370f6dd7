//! What the benchmarks share: timing a closure over several runs, the server binary run as
//! its own process, and the judged event they start from.

// Each benchmark uses its own part of this module.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// Runs `f` `runs` times; returns the fastest, median and slowest run and the last result.
pub fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(std::hint::black_box(f()));
        times.push(start.elapsed());
    }
    times.sort();
    (times[0], times[runs / 2], times[runs - 1], last.expect("at least one run"))
}

/// Latency percentiles of a set of samples, for printing.
pub fn percentiles(mut samples: Vec<Duration>) -> String {
    if samples.is_empty() {
        return "no samples".into();
    }
    samples.sort_unstable();
    let pct = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)].as_secs_f64() * 1e3;
    format!(
        "n {}, p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        samples.len(),
        pct(0.50),
        pct(0.95),
        pct(0.99),
        pct(1.0)
    )
}

/// A browser: keeps its cookies and does not follow redirects.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// The client address the benchmarks' own calls come from. Only a server started with
/// `HAKAM_TRUSTED_PROXY_HOPS=1` reads it; the others ignore the header.
pub const OWN_ADDRESS: &str = "192.0.2.1";

/// Posts a form to a server function.
pub async fn post(c: &reqwest::Client, base: &str, path: &str, form: &[(&str, String)]) -> reqwest::Response {
    c.post(format!("{base}/api/{path}")).header("x-forwarded-for", OWN_ADDRESS).form(form).send().await.unwrap()
}

/// Which database a benchmark's server runs on: `HAKAM_BENCH_DB=postgres` (with
/// `HAKAM_BENCH_PG_URL`, an admin URL, default the local server) or SQLite, the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    Sqlite,
    Postgres,
}

impl Store {
    pub fn from_env() -> Store {
        match std::env::var("HAKAM_BENCH_DB").as_deref() {
            Ok("postgres") | Ok("pg") => Store::Postgres,
            _ => Store::Sqlite,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Store::Sqlite => "SQLite",
            Store::Postgres => "PostgreSQL",
        }
    }
}

fn pg_admin_url() -> String {
    std::env::var("HAKAM_BENCH_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// The server binary on a fresh database (SQLite in a directory of its own, or a PostgreSQL
/// database of its own), as its own process; stopped (and its directory or database
/// removed) when dropped, even by a panic. [`Server::another`] starts a second instance on
/// the same database, as a scaled-out deployment runs.
pub struct Server {
    child: std::process::Child,
    pub addr: String,
    pub base: String,
    pub db_url: String,
    pub store: Store,
    dir: std::path::PathBuf,
    /// The PostgreSQL database to drop, held by the first instance only.
    pg_database: Option<String>,
    /// Whether this instance removes the directory and database (the first one does).
    owner: bool,
}

impl Server {
    /// Starts the binary on SQLite with `env` on top of the benchmark settings, and waits
    /// until it answers `/healthz`.
    pub async fn start(name: &str, env: &[(&str, &str)]) -> Server {
        Server::start_on(name, Store::Sqlite, env).await
    }

    /// Starts the binary on a fresh database of `store`.
    pub async fn start_on(name: &str, store: Store, env: &[(&str, &str)]) -> Server {
        let dir = std::env::temp_dir().join(format!("hakam-{name}-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (db_url, pg_database) = match store {
            Store::Sqlite => (format!("sqlite://{}/bench.db", dir.display()), None),
            Store::Postgres => {
                use sqlx::Connection;
                let admin = pg_admin_url();
                let database = format!("hakam_bench_{name}_{}", std::process::id());
                let mut conn = sqlx::PgConnection::connect(&admin).await.expect("PostgreSQL reachable");
                let _ =
                    sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)")).execute(&mut conn).await;
                sqlx::query(&format!("CREATE DATABASE {database}")).execute(&mut conn).await.expect("create database");
                let base = admin.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(admin.clone());
                (format!("{base}/{database}"), Some(database))
            }
        };
        Server::launch(dir, db_url, store, pg_database, true, env).await
    }

    /// A second instance of the server on this one's database (PostgreSQL: instances share
    /// it and forward live notices to each other), with `env` on top.
    pub async fn another(&self, env: &[(&str, &str)]) -> Server {
        Server::launch(self.dir.clone(), self.db_url.clone(), self.store, None, false, env).await
    }

    async fn launch(
        dir: std::path::PathBuf,
        db_url: String,
        store: Store,
        pg_database: Option<String>,
        owner: bool,
        env: &[(&str, &str)],
    ) -> Server {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let addr = format!("127.0.0.1:{port}");
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_hakam"));
        command
            .env("DATABASE_URL", &db_url)
            .env("HAKAM_ADDR", &addr)
            .env("HAKAM_UPLOAD_DIR", dir.join("uploads"))
            .env("HAKAM_DEMO", "0")
            .env("RUST_LOG", "warn")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        for (k, v) in env {
            command.env(k, v);
        }
        if let Some(log) = output_file(env) {
            command.stdout(log.try_clone().expect("server log file shared")).stderr(log);
        }
        let child = command.spawn().expect("server binary starts");
        let server = Server { child, base: format!("http://{addr}"), addr, db_url, store, dir, pg_database, owner };
        let probe = reqwest::Client::new();
        for _ in 0..600 {
            if probe.get(format!("{}/healthz", server.base)).send().await.is_ok_and(|r| r.status().is_success()) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        server
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The server's resident memory, in KiB.
    pub fn rss_kib(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .ok()
            .and_then(|s| {
                s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .unwrap_or(0)
    }

    pub async fn post(&self, c: &reqwest::Client, path: &str, form: &[(&str, String)]) -> reqwest::Response {
        post(c, &self.base, path, form).await
    }

    /// A direct connection to the server's database, for what no page does in bulk.
    pub async fn pool(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(&self.db_url).await.unwrap()
    }

    /// Signs up the organizer and makes them an administrator with the `hakam admin`
    /// command, as an operator would.
    pub async fn organizer(&self) -> reqwest::Client {
        let organizer = client();
        self.post(&organizer, "auth/signup", &signup("O", "o@example.ma")).await;
        let made = std::process::Command::new(env!("CARGO_BIN_EXE_hakam"))
            .args(["admin", "o@example.ma"])
            .env("DATABASE_URL", &self.db_url)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("hakam admin runs");
        assert!(made.success(), "hakam admin o@example.ma failed");
        organizer
    }
}

impl Server {
    /// The organizer's new event with a one-criterion rubric (0–10) and judging open with `k`
    /// judges per project and raw totals: the organizer, the database and the event.
    pub async fn impact_event(&self, k: usize) -> (reqwest::Client, sqlx::AnyPool, i64) {
        let organizer = self.organizer().await;
        self.post(&organizer, "events/create", &event_form()).await;
        let pool = self.pool().await;
        let event = latest_event(&pool).await;
        let rubric = [
            ("event_id", event.to_string()),
            ("scope", "0".into()),
            ("version", "0".into()),
            ("fields[name_1_fr]", "Impact".into()),
            ("fields[weight_1]", "1".into()),
            ("fields[scale_1]", "0-10".into()),
        ];
        assert!(self.post(&organizer, "judging/rubric/save", &rubric).await.status().is_success());
        assert!(self
            .post(&organizer, "judging/settings/save", &open_judging(event, k, "raw"))
            .await
            .status()
            .is_success());
        (organizer, pool, event)
    }

    /// The organizer's event with a one-criterion rubric (0–10), judging open with one judge
    /// per project and raw totals, `projects` submitted projects, and one judge with all of
    /// them: the organizer, the database, the event and the judge's phone.
    pub async fn one_judge_event(&self, projects: usize) -> (reqwest::Client, sqlx::AnyPool, i64, reqwest::Client) {
        let (organizer, pool, event) = self.impact_event(1).await;
        let e = event.to_string();
        submitted_projects(&pool, event, projects).await;
        let (_, phone) = judge_phone(&organizer, &self.base, event, "Juge").await;
        self.post(&organizer, "judging/assign", &[("event_id", e), ("seed", "1".into())]).await;
        (organizer, pool, event, phone)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if !self.owner {
            return;
        }
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some(database) = self.pg_database.take() {
            // Drop may run inside the benchmark's runtime, which cannot block on itself.
            let _ = std::thread::spawn(move || {
                let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
                rt.block_on(async move {
                    use sqlx::Connection;
                    if let Ok(mut conn) = sqlx::PgConnection::connect(&pg_admin_url()).await {
                        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
                            .execute(&mut conn)
                            .await;
                    }
                });
            })
            .join();
        }
    }
}

/// A sign-up form.
pub fn signup(name: &str, email: &str) -> Vec<(&'static str, String)> {
    vec![("display_name", name.into()), ("email", email.into()), ("password", "correct horse battery".into())]
}

/// The event every benchmark judges: registration open now, judging from day 7.
pub fn event_form() -> Vec<(&'static str, String)> {
    let day = |d: i64| (chrono::Utc::now() + chrono::Duration::days(d)).format("%Y-%m-%dT%H:%M").to_string();
    vec![
        ("name", "Bench".into()),
        ("description_fr", "".into()),
        ("venue", "Oujda".into()),
        ("timezone", "Africa/Casablanca".into()),
        ("starts_at", day(5)),
        ("ends_at", day(8)),
        ("team_min", "1".into()),
        ("team_max", "5".into()),
        ("registration_opens", day(-1)),
        ("registration_closes", day(5)),
        ("hacking_starts", day(5)),
        ("submission_deadline", day(7)),
        ("judging_opens", day(7)),
        ("judging_closes", day(8)),
        ("results_at", day(8)),
    ]
}

/// The newest event's id.
pub async fn latest_event(pool: &sqlx::AnyPool) -> i64 {
    sqlx::query_scalar("SELECT MAX(id) FROM events").fetch_one(pool).await.unwrap()
}

/// The judging settings form: `k` judges per project, open now.
pub fn open_judging(event: i64, k: usize, method: &str) -> Vec<(&'static str, String)> {
    vec![
        ("event_id", event.to_string()),
        ("version", "1".into()),
        ("judges_per_project", k.to_string()),
        ("method", method.into()),
        ("disagreement", "25".into()),
        ("state", "open".into()),
    ]
}

/// `n` submitted projects of a team each, written straight to the database in one
/// transaction (no page makes a thousand teams).
pub async fn submitted_projects(pool: &sqlx::AnyPool, event: i64, n: usize) {
    let mut tx = pool.begin().await.unwrap();
    for i in 0..n {
        let team: i64 = sqlx::query_scalar(
            "INSERT INTO teams (event_id, name, invite_code, member_count, created_at) \
             VALUES ($1, $2, $3, 0, 0) RETURNING id",
        )
        .bind(event)
        .bind(format!("Équipe {i}"))
        .bind(format!("code{i}"))
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO projects (team_id, event_id, title, status, submitted_at, updated_at) \
             VALUES ($1, $2, $3, 'submitted', $4, $4)",
        )
        .bind(team)
        .bind(event)
        .bind(format!("Projet numéro {i}"))
        .bind(i as i64)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

/// Adds a judge and opens their pass on a phone of its own; the judge's user id and phone.
/// The plain link exists only in the answer (the table keeps its digest).
pub async fn judge_phone(c: &reqwest::Client, base: &str, event: i64, name: &str) -> (i64, reqwest::Client) {
    let added: serde_json::Value =
        post(c, base, "judging/judges/add", &[("event_id", event.to_string()), ("display_name", name.into())])
            .await
            .json()
            .await
            .unwrap();
    let token = added["url"].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
    let phone = client();
    post(&phone, base, "judging/pass/open", &[("token", token)]).await;
    (added["user_id"].as_i64().unwrap(), phone)
}

/// An entry of a server's `env` naming a file its output (the log, on standard output, and
/// standard error) is appended to, instead of being thrown away (the server ignores the
/// variable itself).
pub const OUTPUT_TO: &str = "HAKAM_BENCH_OUTPUT";

fn output_file(env: &[(&str, &str)]) -> Option<std::fs::File> {
    let (_, path) = env.iter().find(|(k, _)| *k == OUTPUT_TO)?;
    Some(std::fs::OpenOptions::new().create(true).append(true).open(path).expect("server log file opens"))
}

/// The `env` of a server that logs every SQL statement it runs (sqlx logs each at debug on
/// the `sqlx::query` target) to `log`, for counting statements per request.
pub fn statement_log_env(log: &str) -> Vec<(&'static str, String)> {
    vec![("RUST_LOG", "warn,sqlx::query=debug".into()), ("NO_COLOR", "1".into()), (OUTPUT_TO, log.to_owned())]
}

/// The statements a server started with [`statement_log_env`] logged since `from` (a byte
/// offset of its log); the log's new length. One statement is one `sqlx::query` event line
/// (the log writes a statement's line breaks as `\n`). A new pool connection's set-up
/// (SQLite's `PRAGMA`s) is not a statement of the request that happened to open it.
pub fn statements_since(log: &str, from: u64) -> (usize, u64) {
    let text = std::fs::read(log).unwrap_or_default();
    let new = &text[(from as usize).min(text.len())..];
    let count = String::from_utf8_lossy(new).lines().filter(|l| is_statement(l)).count();
    (count, text.len() as u64)
}

/// Whether a log line is a statement a request ran (see [`statements_since`]).
pub fn is_statement(line: &str) -> bool {
    line.contains("sqlx::query") && !line.contains("summary=\"PRAGMA")
}
