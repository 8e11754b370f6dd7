//! Backups and restores: taken while judges save, restored into an empty database only unless
//! forced, scheduled, and the command line that runs them.

use crate::helpers::*;
use crate::judging::{assign, jury};
use hakam::backup::{self, BackupError};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A folder for this test's backup files, removed when dropped.
struct Folder(PathBuf);

impl Folder {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("hakam-backups-{}", unique()));
        std::fs::create_dir_all(&dir).unwrap();
        Folder(dir)
    }
    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn ext() -> &'static str {
    if backend() == "postgres" {
        "dump"
    } else {
        "db"
    }
}

/// One acknowledged save: (judge, save id, version, when the answer arrived).
type Ack = (i64, String, i64, Instant);

#[tokio::test]
async fn a_backup_taken_while_judges_save_holds_every_save_acknowledged_before_it() {
    let app = spawn_app().await;
    let jury = jury(&app, 10, 6, "3").await;
    assign(&app, &jury, "4").await;
    // A screenshot, to see it travel inside the backup.
    let project = jury.projects[0].0;
    sqlx::query(
        "INSERT INTO screenshots (project_id, file_name, content_type, bytes, data, created_at) \
         VALUES ($1, 'shot0000000000000000.png', 'image/png', $2, $3, 0)",
    )
    .bind(project)
    .bind(png().len() as i64)
    .bind(png())
    .execute(&app.state.db.pool)
    .await
    .unwrap();

    // Every judge saves over and over until told to stop.
    let acks: Arc<Mutex<Vec<Ack>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for (judge, phone) in jury.judges.clone() {
        let projects = crate::judging::assigned_to(&app, judge).await;
        let (acks, stop, base, event) = (acks.clone(), stop.clone(), app.base.clone(), jury.event);
        tasks.push(tokio::spawn(async move {
            let mut versions = std::collections::HashMap::<i64, i64>::new();
            for n in 0u64.. {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let project = projects[n as usize % projects.len()];
                let save_id = format!("b{judge:04}-{n:06}");
                let level = (1 + n % 5).to_string();
                let args = SaveScore {
                    event_id: event,
                    project_id: project,
                    save_id: save_id.clone(),
                    base_version: versions.get(&project).copied().unwrap_or(0),
                    sheet: ScoreSheet {
                        status: String::new(),
                        marks: map(&[("c1", level.as_str()), ("c2", "5")]),
                        notes: String::new(),
                        feedback: String::new(),
                        flagged: None,
                        back: None,
                    },
                };
                let r = Call::of(&args).request(&phone, &base).send().await.expect("save sent");
                assert!(r.status().is_success(), "{}", r.status());
                let body: serde_json::Value = r.json().await.unwrap();
                assert_eq!(body["applied"], true, "{body}");
                let version = body["version"].as_i64().unwrap();
                versions.insert(project, version);
                acks.lock().unwrap().push((judge, save_id, version, Instant::now()));
            }
        }));
    }
    let acked = |n: usize| {
        let acks = acks.clone();
        async move {
            let started = Instant::now();
            while acks.lock().unwrap().len() < n && started.elapsed() < Duration::from_secs(90) {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    };
    acked(60).await;
    let folder = Folder::new();
    let file = folder.file(&format!("during-load.{}", ext()));
    let began = Instant::now();
    let taken = backup::take(&app.state.db, &app.state.config.database_url, &file).await.expect("backup taken");
    let ended = Instant::now();
    let after = acks.lock().unwrap().len();
    acked(after + 30).await;
    stop.store(true, Ordering::SeqCst);
    for t in tasks {
        t.await.unwrap();
    }
    let acks = acks.lock().unwrap().clone();
    assert!(taken.bytes > 0 && file.is_file() && !file.with_extension(format!("{}.partial", ext())).exists());
    let before: Vec<&Ack> = acks.iter().filter(|a| a.3 < began).collect();
    let during = acks.iter().filter(|a| a.3 >= began && a.3 <= ended).count();
    println!(
        "{} saves acknowledged before the backup, {during} while it ran ({:?}), {} after",
        before.len(),
        ended - began,
        acks.len() - before.len() - during
    );
    assert!(acks.len() > before.len() + during, "judges went on saving after the backup");

    // Restored into an empty database, the copy is whole and current and holds every save
    // acknowledged before the backup began, with the version the judge was told.
    let restored = fresh_database().await;
    let r = backup::restore(&restored.url, &file, false).await.expect("restored into an empty database");
    assert!(r.kept.is_none());
    if backend() == "sqlite" {
        backup::check_sqlite(hakam::db::sqlite_file(&restored.url).unwrap().as_path()).await.expect("integrity");
    }
    let db = hakam::db::Db::connect(&restored.url, 2).await.unwrap();
    let status = db.migration_status().await.unwrap();
    assert!(status.pending.is_empty() && status.unknown.is_empty(), "{status:?}");
    for (judge, save_id, version, _) in &before {
        let row: Option<(String, i64)> =
            sqlx::query_as("SELECT outcome, version FROM score_saves WHERE judge_id = $1 AND save_id = $2")
                .bind(judge)
                .bind(save_id)
                .fetch_optional(&db.pool)
                .await
                .unwrap();
        assert_eq!(row, Some(("applied".to_owned(), *version)), "save {save_id} acknowledged before the backup");
    }
    let shot: (Vec<u8>,) = sqlx::query_as("SELECT data FROM screenshots WHERE project_id = $1")
        .bind(project)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(shot.0, png(), "screenshots travel inside the backup");
    let sessions = if backend() == "postgres" {
        "SELECT COUNT(*) FROM tower_sessions.session"
    } else {
        "SELECT COUNT(*) FROM tower_sessions"
    };
    let (left,): (i64,) = sqlx::query_as(sessions).fetch_one(&db.pool).await.unwrap();
    assert_eq!(left, 0, "no sign-in session is copied into a backup");
    db.pool.close().await;

    // And Hakam serves from it.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = hakam::config::Config::for_tests(restored.url.clone(), addr, folder.file("uploads"));
    hakam::server::spawn(config, listener).await.expect("a server starts on the restored database");
    let health = user_agent().get(format!("http://{addr}/healthz")).send().await.unwrap();
    assert!(health.status().is_success());
}

/// The events and accounts in the database at `url`.
async fn holdings(url: &str) -> (i64, i64) {
    let db = hakam::db::Db::connect(url, 1).await.unwrap();
    let counts = sqlx::query_as("SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM users)")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    db.pool.close().await;
    counts
}

#[tokio::test]
async fn a_restore_refuses_a_database_with_data_unless_forced_and_then_keeps_it() {
    let app = spawn_app().await;
    let organizer = user_agent();
    app.signup_admin(&organizer, "Salma", "salma@example.ma").await;
    app.create_event(&organizer, "Hackathon Oujda").await;
    let folder = Folder::new();
    let first = folder.file(&format!("one.{}", ext()));
    backup::take(&app.state.db, &app.state.config.database_url, &first).await.unwrap();
    // The same name twice is refused: a backup is never overwritten.
    let again = backup::take(&app.state.db, &app.state.config.database_url, &first).await;
    assert!(matches!(again, Err(BackupError::Exists(_))), "{again:?}");

    app.create_event(&organizer, "Hackathon Nador").await;
    let second = folder.file(&format!("two.{}", ext()));
    backup::take(&app.state.db, &app.state.config.database_url, &second).await.unwrap();

    let target = fresh_database().await;
    backup::restore(&target.url, &first, false).await.expect("an empty database takes a restore");
    assert_eq!(holdings(&target.url).await, (1, 1));

    // Now it holds data: refused, and left as it was.
    let refused = backup::restore(&target.url, &second, false).await;
    assert!(
        matches!(&refused, Err(BackupError::NotEmpty { holds, .. }) if holds == "1 events, 1 accounts"),
        "{refused:?}"
    );
    assert_eq!(holdings(&target.url).await, (1, 1));

    // Something that is not a backup is refused before anything is touched, forced or not.
    let junk = folder.file("notes.txt");
    std::fs::write(&junk, "judging notes, not a database").unwrap();
    let refused = backup::restore(&target.url, &junk, true).await;
    assert!(matches!(refused, Err(BackupError::NotABackup { .. })), "{refused:?}");
    assert_eq!(holdings(&target.url).await, (1, 1));

    // Forced: replaced, and what it held is kept where the operator is told.
    let r = backup::restore(&target.url, &second, true).await.expect("forced restore");
    assert_eq!(holdings(&target.url).await, (2, 1));
    let kept = r.kept.expect("the replaced database is kept");
    assert!(kept.is_file() && std::fs::metadata(&kept).unwrap().len() > 0, "{}", kept.display());
    let back = fresh_database().await;
    backup::restore(&back.url, &kept, false).await.expect("what was kept restores");
    assert_eq!(holdings(&back.url).await, (1, 1));
}

#[tokio::test]
async fn scheduled_backups_keep_the_newest_and_leave_other_files_alone() {
    let folder = Folder::new();
    let dir = folder.file("scheduled");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("hakam-keep-me.txt"), "not a scheduled backup").unwrap();
    let app = spawn_app_with(|c| {
        // Faster than HAKAM_BACKUP_EVERY accepts, to see several within a test.
        c.backups = hakam::config::Backups { every: Some(Duration::from_millis(1100)), dir: dir.clone(), keep: 2 };
    })
    .await;
    let organizer = user_agent();
    app.signup_admin(&organizer, "Salma", "salma@example.ma").await;
    let scheduled = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| backup::domain::is_scheduled(n, ext()))
            .collect();
        names.sort();
        names
    };
    let started = Instant::now();
    // Names have one-second resolution: four ticks make at least three distinct names.
    while started.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(500)).await;
        if started.elapsed() > Duration::from_secs(6) && scheduled(&dir).len() == 2 {
            break;
        }
    }
    let names = scheduled(&dir);
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(dir.join("hakam-keep-me.txt").exists(), "other files are never removed");
    let target = fresh_database().await;
    backup::restore(&target.url, &dir.join(names.last().unwrap()), false).await.expect("a scheduled backup restores");
    assert_eq!(holdings(&target.url).await.1, 1);
}

/// Runs the `hakam` binary with `env` on top of a clean environment of ours.
fn hakam(args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hakam"));
    cmd.args(args).env("RUST_LOG", "warn");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("hakam runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

#[tokio::test]
async fn the_command_line_checks_backs_up_and_restores() {
    let folder = Folder::new();
    let site = folder.file("site");
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(site.join("pkg/hakam.wasm"), b"\0asm").unwrap();
    let site = site.display().to_string();
    let db = fresh_database().await;
    let env = [("DATABASE_URL", db.url.as_str()), ("HAKAM_SITE_ROOT", site.as_str())];

    let (ok, help) = hakam(&["--help"], &[]);
    assert!(ok);
    for command in ["serve", "admin", "backup", "restore", "check"] {
        assert!(help.contains(command), "--help names {command}: {help}");
    }
    let (ok, out) = hakam(&["check"], &[("HAKAM_BACKUP_EVERY", "10s"), ("DATABASE_URL", db.url.as_str())]);
    assert!(!ok && out.contains("HAKAM_BACKUP_EVERY"), "{out}");

    // A database no server has started on yet: every migration is still to apply.
    let (ok, out) = hakam(&["check"], &env);
    assert!(!ok && out.contains("to apply"), "{out}");
    // Once a server has run, everything is current.
    let app_db = hakam::db::Db::connect(&db.url, 1).await.unwrap();
    app_db.migrate().await.unwrap();
    sqlx::query(
        "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ('a@example.ma', 'A', '!', 0)",
    )
    .execute(&app_db.pool)
    .await
    .unwrap();
    let (ok, out) = hakam(&["check"], &env);
    assert!(ok && out.contains("current"), "{out}");
    let (ok, out) = hakam(&["check"], &[env[0], ("HAKAM_SITE_ROOT", "/nonexistent")]);
    assert!(!ok && out.contains("hakam.wasm missing"), "{out}");

    let file = folder.file(&format!("cli.{}", ext()));
    let file_arg = file.display().to_string();
    let (ok, out) = hakam(&["backup", &file_arg], &env);
    assert!(ok && out.contains("checked"), "{out}");
    let (ok, out) = hakam(&["backup", &file_arg], &env);
    assert!(!ok && out.contains("already exists"), "{out}");

    let empty = fresh_database().await;
    let target = [("DATABASE_URL", empty.url.as_str())];
    let (ok, out) = hakam(&["restore", &file_arg], &target);
    assert!(ok, "{out}");
    let (ok, out) = hakam(&["restore", &file_arg], &target);
    assert!(!ok && out.contains("--force"), "{out}");
    let (ok, out) = hakam(&["restore", "--force", &file_arg], &target);
    assert!(ok && out.contains("kept at"), "{out}");
    assert_eq!(holdings(&empty.url).await, (0, 1));
    app_db.pool.close().await;
}
