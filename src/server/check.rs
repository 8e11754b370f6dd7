//! `hakam check`: whether this configuration can serve, without changing anything.

use crate::config::Config;
use crate::db::{Backend, Db};

/// One line of the report: what was checked, whether it is fine, and what was found.
#[derive(Debug)]
pub struct Line {
    pub what: &'static str,
    pub ok: bool,
    pub found: String,
}

impl Line {
    fn new(what: &'static str, ok: bool, found: impl Into<String>) -> Self {
        Line { what, ok, found: found.into() }
    }
}

/// Checks the database (reachable, migrations this build knows, none unknown), the compiled
/// site, the backup settings and the mail server, if one is set. The database is opened but never migrated or written.
pub async fn check(config: &Config) -> Vec<Line> {
    let mut report = vec![Line::new("configuration", true, "read from the environment")];
    let shown = crate::db::redact(&config.database_url);
    match Db::connect(&config.database_url, 1).await {
        Err(e) => report.push(Line::new("database", false, e.to_string())),
        Ok(db) => {
            report.push(Line::new("database", true, format!("reachable at {shown}")));
            report.push(match db.migration_status().await {
                Err(e) => Line::new("migrations", false, format!("not read: {e}")),
                Ok(s) if !s.unknown.is_empty() => Line::new(
                    "migrations",
                    false,
                    format!("the database was migrated by a newer Hakam (versions {:?}); run that version", s.unknown),
                ),
                Ok(s) if !s.pending.is_empty() => Line::new(
                    "migrations",
                    false,
                    format!(
                        "{} applied, {} to apply (the next `hakam serve` applies them): {}",
                        s.applied,
                        s.pending.len(),
                        s.pending.join(", ")
                    ),
                ),
                Ok(s) => Line::new("migrations", true, format!("{} applied, current", s.applied)),
            });
            if config.backups.every.is_some() && db.backend == Backend::Postgres {
                let found = tokio::process::Command::new("pg_dump").arg("--version").output().await;
                report.push(match found {
                    Ok(out) if out.status.success() => {
                        Line::new("pg_dump", true, String::from_utf8_lossy(&out.stdout).trim().to_owned())
                    }
                    _ => Line::new("pg_dump", false, "not on PATH; scheduled backups need it (postgresql-client)"),
                });
            }
            db.pool.close().await;
        }
    }
    let wasm = config.site_root.join("pkg").join("hakam.wasm");
    report.push(if wasm.is_file() {
        Line::new("site", true, format!("{} present", wasm.display()))
    } else {
        Line::new("site", false, format!("{} missing: build it with `scripts/build`", wasm.display()))
    });
    if config.backups.every.is_some() {
        let dir = &config.backups.dir;
        let probe = dir.join(".hakam-write-check");
        let writable = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&probe, b"")).is_ok();
        let _ = std::fs::remove_file(&probe);
        report.push(Line::new(
            "backups",
            writable,
            if writable {
                format!(
                    "every {:?} into {}, keeping {}",
                    config.backups.every.unwrap_or_default(),
                    dir.display(),
                    config.backups.keep
                )
            } else {
                format!("{} is not writable", dir.display())
            },
        ));
    }
    if let Some(mail) = &config.mail {
        let shown = crate::db::redact(&mail.url);
        report.push(match crate::account::mail::Mailer::new(mail) {
            Err(e) => Line::new("mail", false, e.to_string()),
            Ok(mailer) => match mailer.reachable().await {
                Ok(true) => Line::new("mail", true, format!("{shown} answers; reset links come from {}", mail.from)),
                Ok(false) => Line::new("mail", false, format!("{shown} does not answer")),
                Err(e) => Line::new("mail", false, format!("{shown}: {e}")),
            },
        });
    }
    report
}
