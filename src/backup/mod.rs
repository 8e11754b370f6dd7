//! Backups and restores, taken while the server runs and judges save.
//!
//! - **SQLite**: `VACUUM INTO` writes a consistent copy of the database as of one moment (it
//!   reads inside one transaction, and WAL lets writers go on meanwhile). The copy is written
//!   under a `.partial` name, checked (`PRAGMA integrity_check`), and only then given its name,
//!   so a file with the final name is always a whole, checked backup.
//! - **PostgreSQL**: `pg_dump`'s custom format, which is one consistent snapshot too; it is
//!   checked by `pg_restore --list` before it is named. The PostgreSQL client tools must be on
//!   PATH (Debian: `postgresql-client`).
//!
//! Screenshots live in the database, so a backup holds them. Sign-in sessions are left out:
//! a backup file must not be a bag of live session cookies, and a restored database signs
//! everyone out.
//!
//! A restore goes into an empty database only, unless forced; forced, it first keeps the
//! database it replaces (SQLite: the file moved aside; PostgreSQL: a dump of it beside the
//! restored file), so nothing is lost by a mistyped command. Restore with the server stopped.

pub mod domain;

use crate::db::{Backend, Db, DbError};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::process::Command;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; choose a new file name")]
    Exists(PathBuf),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Open(#[from] DbError),
    #[error("{tool} not found on PATH: install PostgreSQL's client tools (Debian: apt install postgresql-client)")]
    MissingTool { tool: &'static str },
    #[error("{tool} failed ({status}): {stderr}")]
    Tool { tool: &'static str, status: String, stderr: String },
    #[error("{path} is not a usable Hakam backup: {why}")]
    NotABackup { path: PathBuf, why: String },
    #[error(
        "the database {target} already holds {holds}; restore into an empty database, or add --force \
         to replace it (the current one is kept first)"
    )]
    NotEmpty { target: String, holds: String },
    #[error("this database URL names no file: {0}")]
    NoFile(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io { path: path.to_owned(), source }
}

/// A backup written and checked.
#[derive(Debug)]
pub struct Taken {
    pub path: PathBuf,
    pub bytes: u64,
}

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    /// Where the database that was replaced was kept, when `--force` replaced one.
    pub kept: Option<PathBuf>,
}

/// The file extension of a backup of `backend`.
pub fn extension(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "db",
        Backend::Postgres => "dump",
    }
}

fn partial(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// Writes a consistent backup of the running database `db` (opened from `database_url`) to
/// `to`, which must not exist yet.
pub async fn take(db: &Db, database_url: &str, to: &Path) -> Result<Taken, BackupError> {
    if to.exists() {
        return Err(BackupError::Exists(to.to_owned()));
    }
    if let Some(parent) = to.parent().filter(|p| !p.as_os_str().is_empty()) {
        tokio::fs::create_dir_all(parent).await.map_err(io(parent))?;
    }
    let part = partial(to);
    match tokio::fs::remove_file(&part).await {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&part)(e)),
        _ => {}
    }
    let written = match db.backend {
        Backend::Sqlite => sqlite_backup(db, &part).await,
        Backend::Postgres => pg_backup(database_url, &part).await,
    };
    if let Err(e) = written {
        let _ = tokio::fs::remove_file(&part).await;
        return Err(e);
    }
    tokio::fs::rename(&part, to).await.map_err(io(to))?;
    let bytes = tokio::fs::metadata(to).await.map_err(io(to))?.len();
    Ok(Taken { path: to.to_owned(), bytes })
}

async fn sqlite_backup(db: &Db, part: &Path) -> Result<(), BackupError> {
    let target = part.to_str().ok_or_else(|| BackupError::NoFile(part.display().to_string()))?;
    sqlx::query("VACUUM INTO $1").bind(target).execute(&db.pool).await?;
    // Sessions out, then the freed pages rewritten, so no session id survives in the file.
    let mut copy = SqliteConnectOptions::new().filename(part).connect().await?;
    if sqlite_has_table(&mut copy, "tower_sessions").await? {
        sqlx::query("DELETE FROM tower_sessions").execute(&mut copy).await?;
        sqlx::query("VACUUM").execute(&mut copy).await?;
    }
    copy.close().await?;
    check_sqlite(part).await.map(|_| ())
}

async fn sqlite_has_table(conn: &mut sqlx::SqliteConnection, table: &str) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1")
        .bind(table)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

/// Opens a SQLite backup read-only and checks it is whole and is Hakam's; what it holds.
pub async fn check_sqlite(path: &Path) -> Result<String, BackupError> {
    let not = |why: String| BackupError::NotABackup { path: path.to_owned(), why };
    if !path.is_file() {
        return Err(not("no such file".into()));
    }
    let mut conn =
        SqliteConnectOptions::new().filename(path).read_only(true).connect().await.map_err(|e| not(e.to_string()))?;
    let verdict: Result<(String,), _> = sqlx::query_as("PRAGMA integrity_check").fetch_one(&mut conn).await;
    match verdict {
        Ok((v,)) if v == "ok" => {}
        Ok((v,)) => return Err(not(format!("integrity check: {v}"))),
        Err(e) => return Err(not(e.to_string())),
    }
    if !sqlite_has_table(&mut conn, "_sqlx_migrations").await? || !sqlite_has_table(&mut conn, "events").await? {
        return Err(not("it holds no Hakam tables".into()));
    }
    let holds = holdings(&mut conn).await?;
    conn.close().await?;
    Ok(holds)
}

/// "3 events, 120 accounts", or "" when the database holds neither.
async fn holdings<'c, E>(conn: E) -> Result<String, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Sqlite>,
{
    let (events, users): (i64, i64) =
        sqlx::query_as("SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM users)").fetch_one(conn).await?;
    Ok(describe(events, users))
}

fn describe(events: i64, users: i64) -> String {
    if events == 0 && users == 0 {
        String::new()
    } else {
        format!("{events} events, {users} accounts")
    }
}

async fn run_tool(tool: &'static str, args: &[&std::ffi::OsStr]) -> Result<(), BackupError> {
    let out = Command::new(tool).args(args).output().await.map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => BackupError::MissingTool { tool },
        _ => BackupError::Tool { tool, status: "did not start".into(), stderr: e.to_string() },
    })?;
    if out.status.success() {
        Ok(())
    } else {
        Err(BackupError::Tool {
            tool,
            status: out.status.to_string(),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        })
    }
}

async fn pg_backup(database_url: &str, part: &Path) -> Result<(), BackupError> {
    let file = format!("--file={}", part.display());
    let db = format!("--dbname={database_url}");
    run_tool(
        "pg_dump",
        &[
            "--format=custom".as_ref(),
            "--no-owner".as_ref(),
            "--no-privileges".as_ref(),
            // The table's definition, not its rows: see the module's note on sessions.
            "--exclude-table-data=tower_sessions.session".as_ref(),
            file.as_ref(),
            db.as_ref(),
        ],
    )
    .await?;
    check_pg_dump(part).await
}

async fn check_pg_dump(path: &Path) -> Result<(), BackupError> {
    if !path.is_file() {
        return Err(BackupError::NotABackup { path: path.to_owned(), why: "no such file".into() });
    }
    run_tool("pg_restore", &["--list".as_ref(), path.as_os_str()]).await.map_err(|e| match e {
        BackupError::Tool { stderr, .. } => BackupError::NotABackup { path: path.to_owned(), why: stderr },
        other => other,
    })
}

/// Restores the backup `from` into the database of `database_url`, which must hold no data
/// unless `force` (then what it held is kept first, see the module's note). The server must
/// be stopped; the next start applies any migration newer than the backup.
pub async fn restore(database_url: &str, from: &Path, force: bool) -> Result<Restored, BackupError> {
    if database_url.starts_with("postgres") {
        pg_restore(database_url, from, force).await
    } else {
        sqlite_restore(database_url, from, force).await
    }
}

async fn sqlite_restore(database_url: &str, from: &Path, force: bool) -> Result<Restored, BackupError> {
    let target = crate::db::sqlite_file(database_url).ok_or_else(|| BackupError::NoFile(database_url.to_owned()))?;
    check_sqlite(from).await?;
    let companions = |path: &Path| -> Vec<PathBuf> {
        ["", "-wal", "-shm"]
            .iter()
            .map(|suffix| {
                let mut name = path.as_os_str().to_owned();
                name.push(suffix);
                PathBuf::from(name)
            })
            .collect()
    };
    let mut kept = None;
    if target.exists() {
        let mut conn = SqliteConnectOptions::new().filename(&target).read_only(true).connect().await?;
        let holds = if sqlite_has_table(&mut conn, "events").await? && sqlite_has_table(&mut conn, "users").await? {
            holdings(&mut conn).await?
        } else {
            String::new()
        };
        conn.close().await?;
        if !holds.is_empty() && !force {
            return Err(BackupError::NotEmpty { target: target.display().to_string(), holds });
        }
        let aside = {
            let mut name = target.as_os_str().to_owned();
            name.push(format!(".before-restore-{}", crate::db::now()));
            PathBuf::from(name)
        };
        for (file, moved) in companions(&target).into_iter().zip(companions(&aside)) {
            if !file.exists() {
                continue;
            }
            if holds.is_empty() {
                // An empty database (created by a start, never used): nothing to keep.
                tokio::fs::remove_file(&file).await.map_err(io(&file))?;
            } else {
                tokio::fs::rename(&file, &moved).await.map_err(io(&file))?;
            }
        }
        if !holds.is_empty() {
            kept = Some(aside);
        }
    } else if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        tokio::fs::create_dir_all(parent).await.map_err(io(parent))?;
    }
    let part = partial(&target);
    tokio::fs::copy(from, &part).await.map_err(io(from))?;
    tokio::fs::rename(&part, &target).await.map_err(io(&target))?;
    Ok(Restored { kept })
}

async fn pg_restore(database_url: &str, from: &Path, force: bool) -> Result<Restored, BackupError> {
    check_pg_dump(from).await?;
    let db = Db::connect(database_url, 2).await?;
    let (has_tables,): (bool,) =
        sqlx::query_as("SELECT to_regclass('public.events') IS NOT NULL").fetch_one(&db.pool).await?;
    let holds = if has_tables {
        let (events, users): (i64, i64) =
            sqlx::query_as("SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM users)")
                .fetch_one(&db.pool)
                .await?;
        describe(events, users)
    } else {
        String::new()
    };
    if !holds.is_empty() && !force {
        db.pool.close().await;
        return Err(BackupError::NotEmpty { target: crate::db::redact(database_url), holds });
    }
    let mut kept = None;
    if !holds.is_empty() {
        let name = format!("before-restore-{}.dump", crate::db::now());
        let aside = from.parent().map(|p| p.join(&name)).unwrap_or_else(|| PathBuf::from(name));
        take(&db, database_url, &aside).await?;
        kept = Some(aside);
    }
    // Anything a start has created (the tables, the session store's schema) is replaced, in one
    // transaction: a failed restore leaves the database as it was.
    let (has_sessions,): (bool,) =
        sqlx::query_as("SELECT to_regclass('tower_sessions.session') IS NOT NULL").fetch_one(&db.pool).await?;
    db.pool.close().await;
    let url = format!("--dbname={database_url}");
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["--no-owner".as_ref(), "--no-privileges".as_ref(), "--single-transaction".as_ref()];
    if has_tables || has_sessions {
        args.extend(["--clean".as_ref(), "--if-exists".as_ref()] as [&std::ffi::OsStr; 2]);
    }
    args.extend([url.as_ref(), from.as_os_str()] as [&std::ffi::OsStr; 2]);
    run_tool("pg_restore", &args).await?;
    Ok(Restored { kept })
}

/// Takes a backup into `dir` every `every`, keeping the newest `keep`; runs until aborted.
/// With several instances on one PostgreSQL database, set it on one of them only.
pub fn schedule(
    db: Db,
    database_url: String,
    dir: PathBuf,
    every: Duration,
    keep: usize,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let ext = extension(db.backend);
        let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let path = dir.join(domain::file_name(crate::db::now(), ext));
            match take(&db, &database_url, &path).await {
                Ok(t) => tracing::info!(path = %t.path.display(), bytes = t.bytes, "scheduled backup written"),
                Err(e) => {
                    tracing::error!(error = %e, path = %path.display(), "scheduled backup failed");
                    continue;
                }
            }
            if let Err(e) = prune(&dir, ext, keep).await {
                tracing::warn!(error = %e, dir = %dir.display(), "old backups not removed");
            }
        }
    })
}

async fn prune(dir: &Path, ext: &str, keep: usize) -> Result<(), BackupError> {
    let mut names = Vec::new();
    let mut entries = tokio::fs::read_dir(dir).await.map_err(io(dir))?;
    while let Some(entry) = entries.next_entry().await.map_err(io(dir))? {
        if let Some(name) = entry.file_name().to_str() {
            names.push(name.to_owned());
        }
    }
    for name in domain::to_prune(&names, ext, keep) {
        let path = dir.join(&name);
        tokio::fs::remove_file(&path).await.map_err(io(&path))?;
    }
    Ok(())
}
