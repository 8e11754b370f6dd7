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
    /// `HAKAM_PUBLIC_URL`, default `http://{addr}` (`https://` with `tls`); when `addr` is
    /// `0.0.0.0` or `[::]`, the machine's best address on the local network instead
    /// (`lan::default_public_url`). An `https://` URL turns on Secure cookies named with the
    /// `__Host-` prefix and HSTS, and is the origin trusted for mutating requests.
    pub public_url: String,
    /// `HAKAM_TLS_CERT` and `HAKAM_TLS_KEY` (both or neither): PEM files of the certificate
    /// chain and its private key, for Hakam to serve https itself (`server::tls`). They are
    /// read at `serve`, which stops naming the variable whose file is missing or bad.
    pub tls: Option<TlsFiles>,
    /// `HAKAM_SESSION_IDLE_MINUTES`, default 720 (12 h): sessions expire after this inactivity.
    pub session_idle: Duration,
    /// How logins are slowed down (README, "Logins, floods and lockouts").
    pub login: LoginLimits,
    /// `HAKAM_HASH_CONCURRENCY`, default half the cores (at least one): password hashes
    /// computed at once; a request finding them all busy is answered 503 at once.
    pub hash_concurrency: usize,
    /// `HAKAM_JOINS_PER_MINUTE`, default 60: sign-ups, invite acceptances and judge-pass
    /// joins per client address per minute (a hall shares one address, so it is generous).
    pub joins_per_minute: u32,
    /// `HAKAM_TRUSTED_PROXY_HOPS`, default 0: how many reverse proxies in front of Hakam
    /// append to `X-Forwarded-For`; 0 ignores the header. (`HAKAM_TRUST_FORWARDED_FOR=true`,
    /// the older switch, counts as 1.)
    pub trusted_proxy_hops: usize,
    /// `HAKAM_ADMIN_EMAIL`: only this account may claim the admin set-up link printed at
    /// start (and the link is printed until it is an admin). It makes no one admin by itself.
    pub admin_email: Option<String>,
    /// `HAKAM_DEMO`, default false: load the demo event when the database has no events.
    pub demo: bool,
    /// `HAKAM_DB_MAX_CONNECTIONS`, default 16 (PostgreSQL) or 8 (SQLite).
    pub max_connections: u32,
    /// `HAKAM_UPLOAD_DIR`, default `data/uploads`: where screenshots were stored before they
    /// moved into the database; files still there are read into it once, at start.
    pub upload_dir: PathBuf,
    /// `HAKAM_MAX_STREAMS_PER_CLIENT`, default 500: live streams (open pages) one client
    /// address may hold; a hall behind one router shares an address.
    pub max_streams_per_client: usize,
    /// `HAKAM_HELP_SWEEP_SECONDS`, default 30: how often help requests held past their
    /// event's claim limit are handed back to the queue (`mentoring::help::sweep`).
    pub help_sweep: Duration,
    /// Scheduled backups (README, "Backups").
    pub backups: Backups,
    /// `HAKAM_SMTP_URL` and `HAKAM_SMTP_FROM`: a mail server through which people can ask
    /// for their own reset link; unset, only the admin or the operator issues them.
    pub mail: Option<Mail>,
    /// `HAKAM_PRIVACY_CONTACT`: who is responsible for the personal data (the organizing
    /// association) and how to reach them, shown on the privacy notice (`/privacy`) when set.
    /// Free text, at most [`PRIVACY_CONTACT_MAX`] characters.
    pub privacy_contact: Option<String>,
}

/// The mail server that sends reset links.
#[derive(Clone)]
pub struct Mail {
    /// `HAKAM_SMTP_URL`: `smtps://user:password@host:465` (TLS),
    /// `smtp://user:password@host:587?tls=required` (STARTTLS), or `smtp://host:25` (no
    /// encryption: only for a relay on the same machine or network).
    pub url: String,
    /// `HAKAM_SMTP_FROM`, e.g. `Hakam <no-reply@example.org>`: the sender of the messages.
    pub from: String,
}

// The URL may hold the mail account's password: never print it.
impl std::fmt::Debug for Mail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mail").field("url", &crate::db::redact(&self.url)).field("from", &self.from).finish()
    }
}

/// The longest `HAKAM_PRIVACY_CONTACT`: a name, a postal address, an e-mail and a phone.
pub const PRIVACY_CONTACT_MAX: usize = 500;

/// Reads `HAKAM_PRIVACY_CONTACT`: trimmed, bounded, without control characters other than line
/// breaks (the notice shows it as written, line by line).
pub fn privacy_contact(raw: Option<String>) -> Result<Option<String>, ConfigError> {
    let Some(value) = raw.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let invalid = |reason: &str| ConfigError::Invalid {
        name: "HAKAM_PRIVACY_CONTACT",
        value: value.chars().take(80).collect(),
        reason: reason.to_owned(),
    };
    if value.chars().count() > PRIVACY_CONTACT_MAX {
        return Err(invalid(&format!("at most {PRIVACY_CONTACT_MAX} characters")));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
        return Err(invalid("control characters are not allowed"));
    }
    Ok(Some(value))
}

/// `HAKAM_BACKUP_EVERY` turns scheduled backups on; the other two say where and how many.
#[derive(Clone, Debug)]
pub struct Backups {
    /// `HAKAM_BACKUP_EVERY`, e.g. `15m` or `1h` (at least `1m`); unset: none are taken.
    pub every: Option<Duration>,
    /// `HAKAM_BACKUP_DIR`, default `data/backups`.
    pub dir: PathBuf,
    /// `HAKAM_BACKUP_KEEP`, default 24: the newest this many scheduled backups are kept.
    pub keep: usize,
}

impl Default for Backups {
    fn default() -> Self {
        Backups { every: None, dir: PathBuf::from("data/backups"), keep: 24 }
    }
}

/// Where the certificate chain and its private key are (PEM files).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// The login throttle's numbers; see `auth::throttle` for how they combine.
#[derive(Clone, Debug)]
pub struct LoginLimits {
    /// `HAKAM_LOGIN_FREE_ATTEMPTS`, default 5: failures one client may make on one account
    /// (in 24 h) before each further attempt must wait.
    pub free_attempts: u32,
    /// `HAKAM_LOGIN_MAX_DELAY_SECONDS`, default 900: the longest wait between two attempts of
    /// one client on one account (the wait doubles from 1 s up to this).
    pub max_delay_secs: i64,
    /// `HAKAM_LOGIN_ACCOUNT_PER_MINUTE`, default 10: attempts per minute on one account from
    /// all browsers that never signed in to it, together.
    pub account_per_minute: u32,
    /// `HAKAM_LOGIN_ADDRESS_PER_HOUR`, default 300: failed attempts per hour from one client
    /// address over all accounts (browsers that signed in before are not counted).
    pub address_per_hour: u32,
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits { free_attempts: 5, max_delay_secs: 900, account_per_minute: 10, address_per_hour: 300 }
    }
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
        Some(value) => {
            value.trim().parse().map_err(|e: T::Err| ConfigError::Invalid { name, reason: e.to_string(), value })
        }
    }
}

fn parse_bool(name: &'static str) -> Result<bool, ConfigError> {
    match var(name).as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("0") | Some("false") | Some("no") | Some("off") => Ok(false),
        Some("1") | Some("true") | Some("yes") | Some("on") => Ok(true),
        Some(other) => {
            Err(ConfigError::Invalid { name, value: other.to_owned(), reason: "expected true/false".into() })
        }
    }
}

/// One hash for every two cores (at least one): more would only queue on the CPU while
/// holding 19 MiB each, and a flood of logins keeps at most half the machine busy hashing.
pub fn default_hash_concurrency() -> usize {
    std::thread::available_parallelism().map(|n| n.get().div_ceil(2)).unwrap_or(1)
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        let addr: SocketAddr = parse("HAKAM_ADDR", SocketAddr::from(([127, 0, 0, 1], 3000)))?;
        let database_url = var("DATABASE_URL").unwrap_or_else(|| "sqlite://data/hakam.db".to_owned());
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
        let tls = match (var("HAKAM_TLS_CERT"), var("HAKAM_TLS_KEY")) {
            (Some(cert), Some(key)) => Some(TlsFiles { cert: cert.into(), key: key.into() }),
            (None, None) => None,
            (Some(_), None) => {
                return Err(ConfigError::Invalid {
                    name: "HAKAM_TLS_KEY",
                    value: String::new(),
                    reason: "HAKAM_TLS_CERT is set: set both or neither".into(),
                })
            }
            (None, Some(_)) => {
                return Err(ConfigError::Invalid {
                    name: "HAKAM_TLS_CERT",
                    value: String::new(),
                    reason: "HAKAM_TLS_KEY is set: set both or neither".into(),
                })
            }
        };
        let public_url = var("HAKAM_PUBLIC_URL")
            .unwrap_or_else(|| crate::lan::public_url_for(addr, tls.is_some()))
            .trim_end_matches('/')
            .to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError::Invalid {
                name: "HAKAM_PUBLIC_URL",
                value: public_url,
                reason: "expected an http:// or https:// URL".into(),
            });
        }
        let mail = match (var("HAKAM_SMTP_URL"), var("HAKAM_SMTP_FROM")) {
            (None, _) => None,
            (Some(url), Some(from)) => {
                if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                    return Err(ConfigError::Invalid {
                        name: "HAKAM_SMTP_URL",
                        value: crate::db::redact(&url),
                        reason: "expected smtps://… or smtp://…".into(),
                    });
                }
                Some(Mail { url, from: from.trim().to_owned() })
            }
            (Some(_), None) => {
                return Err(ConfigError::Invalid {
                    name: "HAKAM_SMTP_FROM",
                    value: String::new(),
                    reason: "HAKAM_SMTP_URL is set: say which address the messages come from".into(),
                })
            }
        };
        let idle_minutes: u64 = parse("HAKAM_SESSION_IDLE_MINUTES", 720)?;
        let is_pg = database_url.starts_with("postgres");
        Ok(Config {
            addr,
            site_root: PathBuf::from(var("HAKAM_SITE_ROOT").unwrap_or_else(|| "target/site".into())),
            public_url,
            tls,
            session_idle: Duration::from_secs(idle_minutes.max(1) * 60),
            login: LoginLimits {
                free_attempts: parse("HAKAM_LOGIN_FREE_ATTEMPTS", 5)?,
                max_delay_secs: parse::<i64>("HAKAM_LOGIN_MAX_DELAY_SECONDS", 900)?.max(1),
                account_per_minute: parse::<u32>("HAKAM_LOGIN_ACCOUNT_PER_MINUTE", 10)?.max(1),
                address_per_hour: parse::<u32>("HAKAM_LOGIN_ADDRESS_PER_HOUR", 300)?.max(1),
            },
            hash_concurrency: parse::<usize>("HAKAM_HASH_CONCURRENCY", default_hash_concurrency())?.max(1),
            joins_per_minute: parse::<u32>("HAKAM_JOINS_PER_MINUTE", 60)?.max(1),
            trusted_proxy_hops: match var("HAKAM_TRUSTED_PROXY_HOPS") {
                Some(_) => parse("HAKAM_TRUSTED_PROXY_HOPS", 0)?,
                None => usize::from(parse_bool("HAKAM_TRUST_FORWARDED_FOR")?),
            },
            admin_email: var("HAKAM_ADMIN_EMAIL").map(|e| e.trim().to_lowercase()),
            demo: parse_bool("HAKAM_DEMO")?,
            max_connections: parse("HAKAM_DB_MAX_CONNECTIONS", if is_pg { 16 } else { 8 })?,
            upload_dir: PathBuf::from(var("HAKAM_UPLOAD_DIR").unwrap_or_else(|| "data/uploads".into())),
            max_streams_per_client: parse("HAKAM_MAX_STREAMS_PER_CLIENT", 500)?,
            help_sweep: Duration::from_secs(parse::<u64>("HAKAM_HELP_SWEEP_SECONDS", 30)?.max(1)),
            backups: Backups {
                every: match var("HAKAM_BACKUP_EVERY") {
                    None => None,
                    Some(value) => {
                        Some(crate::backup::domain::parse_every(&value).map_err(|reason| ConfigError::Invalid {
                            name: "HAKAM_BACKUP_EVERY",
                            value,
                            reason,
                        })?)
                    }
                },
                dir: PathBuf::from(var("HAKAM_BACKUP_DIR").unwrap_or_else(|| "data/backups".into())),
                keep: parse::<usize>("HAKAM_BACKUP_KEEP", 24)?.max(1),
            },
            mail,
            privacy_contact: privacy_contact(var("HAKAM_PRIVACY_CONTACT"))?,
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
            tls: None,
            session_idle: Duration::from_secs(3600),
            login: LoginLimits::default(),
            hash_concurrency: default_hash_concurrency(),
            // Tests sign many people up from one address; the limit's own test lowers it.
            joins_per_minute: 100_000,
            trusted_proxy_hops: 0,
            admin_email: None,
            demo: false,
            max_connections: 8,
            max_streams_per_client: 500,
            help_sweep: Duration::from_secs(30),
            backups: Backups::default(),
            mail: None,
            privacy_contact: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_privacy_contact_is_optional_trimmed_and_bounded() {
        assert_eq!(privacy_contact(None).unwrap(), None);
        assert_eq!(privacy_contact(Some("   ".into())).unwrap(), None);
        let contact = "Association Berkane Numérique\n12 rue Al Qods, Berkane\ncontact@example.ma";
        assert_eq!(privacy_contact(Some(format!("  {contact} "))).unwrap().as_deref(), Some(contact));
        assert!(privacy_contact(Some("x".repeat(PRIVACY_CONTACT_MAX))).is_ok());
        let too_long = privacy_contact(Some("x".repeat(PRIVACY_CONTACT_MAX + 1))).unwrap_err();
        assert!(too_long.to_string().contains("HAKAM_PRIVACY_CONTACT"), "{too_long}");
        assert!(privacy_contact(Some("a\u{7}b".into())).is_err());
    }
}
