//! Starts the real server on a random port against a fresh database: a temporary SQLite file,
//! or (with HAKAM_TEST_BACKEND=postgres) a uniquely named PostgreSQL database dropped afterwards.

use hakam::config::Config;
use reqwest::{redirect::Policy, Client, StatusCode};
use serde_json::Value;
use std::sync::atomic::{AtomicU32, Ordering};

pub struct TestApp {
    pub base: String,
    pub state: hakam::server::AppState,
    pub uploads: std::path::PathBuf,
    _db: FreshDb,
}

enum Cleanup {
    Sqlite(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

/// A new, empty database of the backend under test, removed when dropped.
pub struct FreshDb {
    pub url: String,
    cleanup: Option<Cleanup>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique() -> String {
    format!(
        "{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos()
    )
}

pub fn backend() -> String {
    std::env::var("HAKAM_TEST_BACKEND").unwrap_or_else(|_| "sqlite".into())
}

pub async fn fresh_database() -> FreshDb {
    fresh_database_of(&backend()).await
}

/// A new, empty database of `backend` ("sqlite" or "postgres"), whichever is under test.
pub async fn fresh_database_of(backend: &str) -> FreshDb {
    match backend {
        "postgres" => {
            let admin_url = std::env::var("HAKAM_TEST_PG_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
            let name = format!("hakam_test_{}", unique());
            use sqlx::Connection;
            let mut conn = sqlx::PgConnection::connect(&admin_url).await.expect("PostgreSQL reachable");
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.expect("create db");
            let base = admin_url.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(admin_url.clone());
            FreshDb { url: format!("{base}/{name}"), cleanup: Some(Cleanup::Postgres { admin_url, name }) }
        }
        _ => {
            let dir = std::env::temp_dir().join(format!("hakam-test-{}", unique()));
            std::fs::create_dir_all(&dir).unwrap();
            FreshDb { url: format!("sqlite://{}/hakam.db", dir.display()), cleanup: Some(Cleanup::Sqlite(dir)) }
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_on_with(&backend(), adjust).await
}

/// A server on a fresh database of `backend`, whatever backend the run is for: for what only
/// one of them can do (several instances share a database only with PostgreSQL).
pub async fn spawn_app_on(backend: &str) -> TestApp {
    spawn_app_on_with(backend, |_| {}).await
}

async fn spawn_app_on_with(backend: &str, adjust: impl FnOnce(&mut Config)) -> TestApp {
    let db = fresh_database_of(backend).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let uploads = std::env::temp_dir().join(format!("hakam-uploads-{}", unique()));
    let mut config = Config::for_tests(db.url.clone(), addr, uploads.clone());
    adjust(&mut config);
    let state = hakam::server::spawn(config, listener).await.expect("server starts");
    TestApp { base: format!("http://{addr}"), state, uploads, _db: db }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.uploads);
    }
}

impl Drop for FreshDb {
    fn drop(&mut self) {
        match self.cleanup.take() {
            Some(Cleanup::Sqlite(dir)) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Some(Cleanup::Postgres { admin_url, name }) => {
                // Drop cannot await; a helper thread with its own runtime drops the database.
                let _ = std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                    rt.block_on(async move {
                        use sqlx::Connection;
                        if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&mut conn)
                                .await;
                        }
                    });
                })
                .join();
            }
            None => {}
        }
    }
}

/// A browser-like user: its own cookie jar; redirects are not followed so tests see them.
pub fn user_agent() -> Client {
    Client::builder().cookie_store(true).redirect(Policy::none()).build().unwrap()
}

pub struct Reply {
    pub status: StatusCode,
    pub body: String,
    pub headers: reqwest::header::HeaderMap,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
    /// The fields named in an `Invalid` error, for asserting per-field messages.
    pub fn invalid_fields(&self) -> Vec<String> {
        self.json()["Invalid"]
            .as_array()
            .map(|a| a.iter().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    }
}

impl TestApp {
    /// Calls a server function as a form post, the way `<ActionForm>` does.
    pub async fn call<F: serde::Serialize + ?Sized>(&self, client: &Client, endpoint: &str, form: &F) -> Reply {
        let res = client.post(format!("{}/api/{endpoint}", self.base)).form(form).send().await.expect("request sent");
        let status = res.status();
        let headers = res.headers().clone();
        Reply { status, body: res.text().await.unwrap_or_default(), headers }
    }

    /// Calls a multipart server function (file uploads), as a browser form with a file does.
    pub async fn call_multipart(
        &self,
        client: &Client,
        endpoint: &str,
        fields: &[(&str, String)],
        file: Option<(&str, Vec<u8>)>,
    ) -> Reply {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.to_string(), v.clone());
        }
        if let Some((name, bytes)) = file {
            form = form.part(name.to_string(), reqwest::multipart::Part::bytes(bytes).file_name("shot.png"));
        }
        let res =
            client.post(format!("{}/api/{endpoint}", self.base)).multipart(form).send().await.expect("request sent");
        let status = res.status();
        let headers = res.headers().clone();
        Reply { status, body: res.text().await.unwrap_or_default(), headers }
    }

    pub async fn get(&self, client: &Client, path: &str) -> Reply {
        let res = client.get(format!("{}{path}", self.base)).send().await.expect("request sent");
        let status = res.status();
        let headers = res.headers().clone();
        Reply { status, body: res.text().await.unwrap_or_default(), headers }
    }

    pub async fn signup(&self, client: &Client, name: &str, email: &str) -> Reply {
        self.call(
            client,
            "auth/signup",
            &[("display_name", name), ("email", email), ("password", "correct horse battery")],
        )
        .await
    }

    /// Signs up the platform admin (who may create events and let others do so). Tests get
    /// their admin only through this, so how an admin comes to be is decided in one place:
    /// the account signs up like anyone, then is promoted by what `hakam admin <email>` runs.
    pub async fn signup_admin(&self, client: &Client, name: &str, email: &str) -> Reply {
        let reply = self.signup(client, name, email).await;
        assert_eq!(self.me(client).await["is_admin"], false, "{email} became admin by signing up");
        hakam::auth::bootstrap::make_admin(&self.state.db, email)
            .await
            .expect("the admin command promotes the account");
        assert_eq!(self.me(client).await["is_admin"], true, "{email} should be the platform admin");
        reply
    }

    pub async fn login(&self, client: &Client, email: &str, password: &str) -> Reply {
        self.call(client, "auth/login", &[("email", email), ("password", password)]).await
    }

    pub async fn me(&self, client: &Client) -> Value {
        self.call(client, "auth/me", &NONE).await.json()
    }

    /// Creates a valid event and returns its id; the client must be allowed to create events.
    pub async fn create_event(&self, client: &Client, name: &str) -> i64 {
        let reply = self.call(client, "events/create", &event_form(name)).await;
        assert!(
            reply.status.is_success() || reply.status.is_redirection(),
            "create_event: {} {}",
            reply.status,
            reply.body
        );
        self.latest_event_id().await
    }

    pub async fn latest_event_id(&self) -> i64 {
        sqlx::query_scalar::<_, i64>("SELECT MAX(id) FROM events").fetch_one(&self.state.db.pool).await.unwrap()
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar::<_, i64>(sql).fetch_one(&self.state.db.pool).await.unwrap()
    }

    /// Creates an invite and returns its code.
    pub async fn invite(&self, organizer: &Client, event_id: i64, role: &str, max_uses: &str) -> String {
        let id = event_id.to_string();
        let reply = self
            .call(
                organizer,
                "invites/create",
                &[
                    ("event_id", id.as_str()),
                    ("role", role),
                    ("label", "Jury"),
                    ("max_uses", max_uses),
                    ("valid_days", "7"),
                ],
            )
            .await;
        assert!(reply.status.is_success(), "invite: {} {}", reply.status, reply.body);
        sqlx::query_scalar::<_, String>("SELECT code FROM invites WHERE event_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(event_id)
            .fetch_one(&self.state.db.pool)
            .await
            .unwrap()
    }

    pub async fn user_id(&self, email: &str) -> i64 {
        sqlx::query_scalar::<_, i64>("SELECT id FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(&self.state.db.pool)
            .await
            .unwrap()
    }
}

/// A valid event whose registration is open now (dates in 2020–2099 around the present).
pub fn event_form(name: &str) -> Vec<(&'static str, String)> {
    let fmt = |offset_days: i64| {
        let t = chrono::Utc::now() + chrono::Duration::days(offset_days);
        t.format("%Y-%m-%dT%H:%M").to_string()
    };
    vec![
        ("name", name.to_owned()),
        ("description", "Le numérique au service du citoyen — الرقمي في خدمة المواطن".to_owned()),
        ("venue", "Berkane".to_owned()),
        ("timezone", "Africa/Casablanca".to_owned()),
        ("starts_at", fmt(5)),
        ("ends_at", fmt(8)),
        ("team_min", "2".to_owned()),
        ("team_max", "5".to_owned()),
        ("registration_opens", fmt(-1)),
        ("registration_closes", fmt(5)),
        ("hacking_starts", fmt(5)),
        ("submission_deadline", fmt(7)),
        ("judging_opens", fmt(7)),
        ("judging_closes", fmt(8)),
        ("results_at", fmt(8)),
    ]
}

/// An empty form, for server functions without arguments.
pub const NONE: [(&str, &str); 0] = [];

/// Runs the futures concurrently on this task and returns their outputs in order: enough to
/// make requests race against the server without another dependency.
pub async fn join_all<F: std::future::Future>(futures: impl Iterator<Item = F>) -> Vec<F::Output> {
    let mut pinned: Vec<_> = futures.map(Box::pin).collect();
    let mut done: Vec<Option<F::Output>> = (0..pinned.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in pinned.iter_mut().enumerate() {
            if done[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => done[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    done.into_iter().map(|d| d.expect("completed")).collect()
}

/// Another server instance on the same database as `app`, as PostgreSQL deployments run
/// several; returns its base URL. It runs until the test ends.
pub async fn spawn_instance(app: &TestApp) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = Config::for_tests(app.state.config.database_url.clone(), addr, app.uploads.clone());
    hakam::server::spawn(config, listener).await.expect("second instance starts");
    format!("http://{addr}")
}
