//! The database: one `Any` pool whose queries run unchanged on SQLite and PostgreSQL.
//!
//! Portable SQL rules used across the code: `$1`-style parameters (SQLite reads them
//! positionally), `RETURNING id`, times as UTC unix seconds in 64-bit integers, flags as
//! 0/1 integers. SQLite gets WAL, foreign keys and a busy timeout on every connection, and
//! its write transactions start with `BEGIN IMMEDIATE` so that concurrent writers queue on
//! the busy timeout instead of failing when a read lock cannot be upgraded.

use async_trait::async_trait;
use sqlx::any::{AnyPoolOptions, AnyQueryResult};
use sqlx::{Any, AnyPool, Executor, Transaction};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open the database at {url}: {source}")]
    Connect { url: String, source: sqlx::Error },
    #[error("cannot create the database folder {path}: {source}")]
    Folder { path: String, source: std::io::Error },
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("session store setup failed: {0}")]
    Sessions(sqlx::Error),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// SQLite has one writer at a time. Writers wait for their turn here, in order, instead
    /// of in SQLite's busy handler, which sleeps in growing steps (up to 100 ms) and would
    /// make tail latency under many concurrent saves jump.
    write_turn: Arc<tokio::sync::Mutex<()>>,
}

/// A write transaction; on SQLite it also holds the process's write turn until it ends.
/// It dereferences to the connection, so queries run on `&mut *tx` as on a sqlx transaction.
pub struct Tx {
    inner: Transaction<'static, Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.inner.commit().await
    }
    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.inner.rollback().await
    }
}

impl std::ops::Deref for Tx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.inner
    }
}

/// Current time as UTC unix seconds, the unit of every stored timestamp.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or_default()
}

/// Milliseconds since the epoch: what the pitch timer counts in.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or_default()
}

// mmap: pages are read from the mapped file instead of one read() call each, which matters
// when every write invalidates the other connections' page caches.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
     PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 268435456;";

impl Db {
    pub async fn connect(url: &str, max_connections: u32) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres") { Backend::Postgres } else { Backend::Sqlite };
        let url = match backend {
            Backend::Sqlite => sqlite_url(url)?,
            Backend::Postgres => url.to_owned(),
        };
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(15))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(sqlx::raw_sql(SQLITE_PRAGMAS)).await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(|source| DbError::Connect { url: redact(&url), source })?;
        Ok(Db { pool, backend, write_turn: Arc::default() })
    }

    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&self.pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&self.pool).await?,
        }
        Ok(())
    }

    /// The embedded migrations of this backend.
    fn migrator(&self) -> sqlx::migrate::Migrator {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite"),
            Backend::Postgres => sqlx::migrate!("./migrations/postgres"),
        }
    }

    /// How the database's schema compares with this build's migrations, without changing it.
    pub async fn migration_status(&self) -> Result<MigrationStatus, sqlx::Error> {
        let exists = match self.backend {
            Backend::Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
            Backend::Postgres => "SELECT COUNT(*) FROM pg_tables WHERE tablename = '_sqlx_migrations'",
        };
        let (tables,): (i64,) = sqlx::query_as(exists).fetch_one(&self.pool).await?;
        // `success` is a boolean, which the Any driver cannot read from SQLite: as 0/1 instead.
        let applied: Vec<(i64, i64)> = if tables > 0 {
            sqlx::query_as(
                "SELECT version, CAST(CASE WHEN success THEN 1 ELSE 0 END AS BIGINT) FROM _sqlx_migrations ORDER BY version",
            )
            .fetch_all(&self.pool)
            .await?
        } else {
            Vec::new()
        };
        let known: Vec<(i64, String)> = self
            .migrator()
            .iter()
            .filter(|m| m.migration_type.is_up_migration())
            .map(|m| (m.version, m.description.to_string()))
            .collect();
        Ok(MigrationStatus {
            applied: applied.iter().filter(|(_, ok)| *ok == 1).count(),
            pending: known
                .iter()
                .filter(|(v, _)| !applied.iter().any(|(a, ok)| a == v && *ok == 1))
                .map(|(v, d)| format!("{v} {d}"))
                .collect(),
            unknown: applied.iter().filter(|(a, _)| !known.iter().any(|(v, _)| v == a)).map(|(a, _)| *a).collect(),
        })
    }

    /// A transaction that will write. On SQLite it waits for the process's write turn, then
    /// takes the database's write lock up front (`BEGIN IMMEDIATE`).
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => {
                let turn = self.write_turn.clone().lock_owned().await;
                let inner = self.pool.begin_with("BEGIN IMMEDIATE").await?;
                Ok(Tx { inner, _turn: Some(turn) })
            }
            Backend::Postgres => Ok(Tx { inner: self.pool.begin().await?, _turn: None }),
        }
    }

    /// The session store, in the same database as everything else.
    pub async fn session_store(&self, url: &str) -> Result<Sessions, DbError> {
        match self.backend {
            Backend::Sqlite => {
                let options = sqlx::sqlite::SqliteConnectOptions::from_str(&sqlite_url(url)?)
                    .map_err(DbError::Sessions)?
                    .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                    .busy_timeout(Duration::from_secs(10))
                    .synchronous(sqlx::sqlite::SqliteSynchronous::Normal);
                let pool = sqlx::sqlite::SqlitePoolOptions::new()
                    .max_connections(4)
                    .connect_with(options)
                    .await
                    .map_err(DbError::Sessions)?;
                let store = SqliteStore::new(pool);
                store.migrate().await.map_err(DbError::Sessions)?;
                Ok(Sessions::Sqlite(store))
            }
            Backend::Postgres => {
                let pool = sqlx::postgres::PgPoolOptions::new()
                    .max_connections(4)
                    .connect(url)
                    .await
                    .map_err(DbError::Sessions)?;
                let store = PostgresStore::new(pool);
                store.migrate().await.map_err(DbError::Sessions)?;
                Ok(Sessions::Postgres(store))
            }
        }
    }
}

/// The schema's state against this build (`hakam check`).
#[derive(Debug)]
pub struct MigrationStatus {
    /// Migrations applied successfully.
    pub applied: usize,
    /// This build's migrations not applied yet ("version description"); the next start applies them.
    pub pending: Vec<String>,
    /// Versions applied by a newer build than this one.
    pub unknown: Vec<i64>,
}

/// The file of a `sqlite://` URL (`None` for PostgreSQL and in-memory databases).
pub fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    if !url.starts_with("sqlite:") {
        return None;
    }
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:").split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}

/// `sqlite://data/hakam.db` → the same, creating `data/` and the file when missing.
fn sqlite_url(url: &str) -> Result<String, DbError> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned();
    if path != ":memory:" {
        if let Some(parent) = std::path::Path::new(&path).parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)
                    .map_err(|source| DbError::Folder { path: parent.display().to_string(), source })?;
            }
        }
    }
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}

/// Hides a password in a database URL before it is printed.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.find(':') {
                Some(colon) => format!("{}{}:[redacted]{}", &url[..scheme + 3], &creds[..colon], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// The session store of whichever backend is configured.
#[derive(Clone, Debug)]
pub enum Sessions {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

#[async_trait]
impl SessionStore for Sessions {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.create(record).await,
            Sessions::Postgres(s) => s.create(record).await,
        }
    }
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.save(record).await,
            Sessions::Postgres(s) => s.save(record).await,
        }
    }
    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Sessions::Sqlite(s) => s.load(id).await,
            Sessions::Postgres(s) => s.load(id).await,
        }
    }
    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.delete(id).await,
            Sessions::Postgres(s) => s.delete(id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for Sessions {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.delete_expired().await,
            Sessions::Postgres(s) => s.delete_expired().await,
        }
    }
}

/// Records a sensitive action: who, what, when, and the state before and after.
pub async fn audit(
    tx: &mut Tx,
    event_id: Option<i64>,
    actor_id: Option<i64>,
    action: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<AnyQueryResult, sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (event_id, actor_id, action, before_json, after_json, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(event_id)
    .bind(actor_id)
    .bind(action)
    .bind(before.map(|v| v.to_string()))
    .bind(after.map(|v| v.to_string()))
    .bind(now())
    .execute(&mut **tx)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hidden_in_printed_urls() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:[redacted]@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("sqlite://data/x.db"), "sqlite://data/x.db");
    }
}
