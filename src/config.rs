//! Typed configuration from environment variables. Every variable has a documented default
//! (README, "Configuration"); a bad value stops start-up with a message naming the variable.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name}={value:?} is not valid: {reason}")]
    Invalid { name: &'static str, value: String, reason: String },
}

#[derive(Clone, Debug)]
pub struct Config {
    /// `HAKAM_ADDR`, default `127.0.0.1:3000`.
    pub addr: SocketAddr,
    /// `DATABASE_URL`, default `sqlite://data/hakam.db`; `postgres://…` selects PostgreSQL.
    pub database_url: String,
    /// `HAKAM_SITE_ROOT`, default `target/site`: the compiled JS/WASM/CSS and public assets.
    pub site_root: PathBuf,
    /// `HAKAM_PUBLIC_URL`, default `http://{addr}`; an `https://` URL turns on Secure cookies
    /// named with the `__Host-` prefix, and is the origin trusted for mutating requests.
    pub public_url: String,
    /// `HAKAM_SESSION_IDLE_MINUTES`, default 720 (12 h): sessions expire after this inactivity.
    pub session_idle: Duration,
    /// `HAKAM_LOGIN_MAX_FAILURES_PER_ACCOUNT`, default 100 per hour.
    pub max_failures_per_account: u32,
    /// `HAKAM_LOGIN_MAX_FAILURES_PER_CLIENT`, default 300 per hour. A hall shares one address
    /// behind its router, so this is looser than the per-account limit.
    pub max_failures_per_client: u32,
    /// `HAKAM_TRUST_FORWARDED_FOR`, default false: take the client address from
    /// `X-Forwarded-For` (only behind a reverse proxy that sets it).
    pub trust_forwarded_for: bool,
    /// `HAKAM_ADMIN_EMAIL`: this account is the platform admin (in addition to the first
    /// account ever created).
    pub admin_email: Option<String>,
    /// `HAKAM_DEMO`, default false: load the demo event when the database has no events.
    pub demo: bool,
    /// `HAKAM_DB_MAX_CONNECTIONS`, default 16 (PostgreSQL) or 8 (SQLite).
    pub max_connections: u32,
    /// `HAKAM_UPLOAD_DIR`, default `data/uploads`: where screenshots are stored.
    pub upload_dir: PathBuf,
    /// `HAKAM_MAX_STREAMS_PER_CLIENT`, default 500: live streams (open pages) one client
    /// address may hold; a hall behind one router shares an address.
    pub max_streams_per_client: usize,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parse<T: std::str::FromStr>(name: &'static str, default: T) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        None => Ok(default),
        Some(value) => value.trim().parse().map_err(|e: T::Err| ConfigError::Invalid {
            name,
            reason: e.to_string(),
            value,
        }),
    }
}

fn parse_bool(name: &'static str) -> Result<bool, ConfigError> {
    match var(name).as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("0") | Some("false") | Some("no") | Some("off") => Ok(false),
        Some("1") | Some("true") | Some("yes") | Some("on") => Ok(true),
        Some(other) => Err(ConfigError::Invalid {
            name,
            value: other.to_owned(),
            reason: "expected true/false".into(),
        }),
    }
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        let addr: SocketAddr = parse("HAKAM_ADDR", SocketAddr::from(([127, 0, 0, 1], 3000)))?;
        let database_url =
            var("DATABASE_URL").unwrap_or_else(|| "sqlite://data/hakam.db".to_owned());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError::Invalid {
                name: "DATABASE_URL",
                value: database_url,
                reason: "expected sqlite://path or postgres://…".into(),
            });
        }
        let public_url = var("HAKAM_PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError::Invalid {
                name: "HAKAM_PUBLIC_URL",
                value: public_url,
                reason: "expected an http:// or https:// URL".into(),
            });
        }
        let idle_minutes: u64 = parse("HAKAM_SESSION_IDLE_MINUTES", 720)?;
        let is_pg = database_url.starts_with("postgres");
        Ok(Config {
            addr,
            site_root: PathBuf::from(var("HAKAM_SITE_ROOT").unwrap_or_else(|| "target/site".into())),
            public_url,
            session_idle: Duration::from_secs(idle_minutes.max(1) * 60),
            max_failures_per_account: parse("HAKAM_LOGIN_MAX_FAILURES_PER_ACCOUNT", 100)?,
            max_failures_per_client: parse("HAKAM_LOGIN_MAX_FAILURES_PER_CLIENT", 300)?,
            trust_forwarded_for: parse_bool("HAKAM_TRUST_FORWARDED_FOR")?,
            admin_email: var("HAKAM_ADMIN_EMAIL").map(|e| e.trim().to_lowercase()),
            demo: parse_bool("HAKAM_DEMO")?,
            max_connections: parse("HAKAM_DB_MAX_CONNECTIONS", if is_pg { 16 } else { 8 })?,
            upload_dir: PathBuf::from(var("HAKAM_UPLOAD_DIR").unwrap_or_else(|| "data/uploads".into())),
            max_streams_per_client: parse("HAKAM_MAX_STREAMS_PER_CLIENT", 500)?,
            database_url,
        })
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// A configuration for tests: the given database, an ephemeral port chosen by the caller.
    pub fn for_tests(database_url: String, addr: SocketAddr, upload_dir: PathBuf) -> Self {
        Config {
            upload_dir,
            addr,
            database_url,
            site_root: PathBuf::from("target/site"),
            public_url: format!("http://{addr}"),
            session_idle: Duration::from_secs(3600),
            max_failures_per_account: 100,
            max_failures_per_client: 300,
            trust_forwarded_for: false,
            admin_email: None,
            demo: false,
            max_connections: 8,
            max_streams_per_client: 500,
        }
    }
}
