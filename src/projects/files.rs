//! Screenshot uploads and downloads, and the submissions query behind the list and its CSV.
//!
//! Uploads are read as a stream with a hard size cap, recognised as images by their bytes,
//! and stored in the database under a random name with the extension of the detected type:
//! every instance sharing the database serves them, and a backup of it holds them. They are
//! served only to the team and the event's organizers, with the stored content type,
//! `nosniff` and a sandboxing CSP, so an upload can never run as a page or a script.

use super::domain::{self, sniff_image};
use super::{ssr, ProjectStatus, SubmissionRow, SCREENSHOT_FIELD};
use crate::auth::{gate, Role};
use crate::db::{now, Db};
use crate::error::{AppError, AppResult, FieldError};
use crate::i18n::{args, Msg};
use axum::body::Body;
use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos::server_fn::codec::MultipartData;
use tower_sessions::Session;

pub async fn upload(data: MultipartData) -> AppResult<()> {
    // Anonymous callers are refused before their body is read.
    gate::signed_in().await?;
    let mut multipart = data.into_inner().ok_or_else(|| AppError::missing("multipart body missing on the server"))?;
    let mut event_id: Option<i64> = None;
    let mut file: Option<Vec<u8>> = None;
    while let Some(mut field) = multipart.next_field().await.map_err(|_| AppError::field("form", Msg::ErrBadRequest))? {
        match field.name() {
            Some("event_id") => {
                let text = field.text().await.map_err(|_| AppError::field("form", Msg::ErrBadRequest))?;
                event_id = text.trim().parse().ok();
            }
            Some(name) if name == SCREENSHOT_FIELD => {
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|_| {
                    AppError::Invalid(vec![FieldError::with(
                        SCREENSHOT_FIELD,
                        args::ErrUploadTooLarge { size: "2 MB" },
                    )])
                })? {
                    if bytes.len() + chunk.len() > domain::SCREENSHOT_MAX_BYTES {
                        return Err(AppError::Invalid(vec![FieldError::with(
                            SCREENSHOT_FIELD,
                            args::ErrUploadTooLarge { size: "2 MB" },
                        )]));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                file = Some(bytes);
            }
            _ => {}
        }
    }
    let event_id = event_id.ok_or_else(|| AppError::field("form", Msg::ErrBadRequest))?;
    let ctx = ssr::my_team_write(event_id).await?;
    ctx.ensure_open()?;
    let bytes = file.filter(|b| !b.is_empty()).ok_or_else(|| AppError::field(SCREENSHOT_FIELD, Msg::ErrRequired))?;
    let (content_type, ext) =
        sniff_image(&bytes).ok_or_else(|| AppError::field(SCREENSHOT_FIELD, Msg::ErrNotAnImage))?;
    let db = ctx.access.db();
    let project: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM projects WHERE team_id = $1").bind(ctx.team_id).fetch_optional(&db.pool).await?;
    let (project_id,) = project.ok_or_else(|| AppError::field(SCREENSHOT_FIELD, Msg::ErrSaveProjectFirst))?;
    let name = format!("{}.{ext}", crate::links::random(20));
    let mut tx = db.begin_write().await?;
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM screenshots WHERE project_id = $1")
        .bind(project_id)
        .fetch_one(&mut *tx)
        .await?;
    if count >= domain::MAX_SCREENSHOTS {
        return Err(AppError::Invalid(vec![FieldError::with(
            SCREENSHOT_FIELD,
            args::ErrTooManyScreenshots { count: domain::MAX_SCREENSHOTS },
        )]));
    }
    sqlx::query(
        "INSERT INTO screenshots (project_id, file_name, content_type, bytes, data, uploaded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(project_id)
    .bind(&name)
    .bind(content_type)
    .bind(bytes.len() as i64)
    .bind(bytes)
    .bind(ctx.access.user.id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Moves screenshots uploaded before they were kept in the database from the old upload
/// folder into it, once, at start. A file that is missing is logged and its row left as is
/// (served as not found); the files themselves are left in place for the operator to remove.
pub async fn adopt_old_uploads(db: &Db, dir: &std::path::Path) -> Result<usize, sqlx::Error> {
    let waiting: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, file_name FROM screenshots WHERE data IS NULL ORDER BY id")
            .fetch_all(&db.pool)
            .await?;
    let mut adopted = 0;
    for (id, file) in waiting {
        let bytes = match tokio::fs::read(dir.join(&file)).await {
            Ok(bytes) => bytes,
            Err(e) => {
                tracing::warn!(error = %e, file, dir = %dir.display(), "old screenshot file not found; it stays missing");
                continue;
            }
        };
        let mut tx = db.begin_write().await?;
        sqlx::query("UPDATE screenshots SET bytes = $1, data = $2 WHERE id = $3 AND data IS NULL")
            .bind(bytes.len() as i64)
            .bind(bytes)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        adopted += 1;
    }
    if adopted > 0 {
        tracing::info!(
            adopted,
            dir = %dir.display(),
            "screenshots moved into the database; the folder is no longer used and can be removed"
        );
    }
    Ok(adopted)
}

/// GET /uploads/{file}: a screenshot, for its team and the event's organizers.
pub async fn serve_upload(db: Db, session: Session, Path(file): Path<String>) -> Response {
    let denied = || StatusCode::NOT_FOUND.into_response();
    // Names are ours (alphanumeric + extension); anything else is not a stored file.
    if !file.chars().all(|c| c.is_ascii_alphanumeric() || c == '.') || file.starts_with('.') {
        return denied();
    }
    let Ok(Some(who)) = gate::identify(&db, &session).await else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let user = &who.user;
    /// Who may see a stored screenshot: its project's team and event.
    #[derive(sqlx::FromRow)]
    struct Owner {
        content_type: String,
        team_id: i64,
        event_id: i64,
    }
    let owner: Result<Option<Owner>, _> = sqlx::query_as(
        "SELECT s.content_type, p.team_id, p.event_id FROM screenshots s JOIN projects p ON p.id = s.project_id \
         WHERE s.file_name = $1",
    )
    .bind(&file)
    .fetch_optional(&db.pool)
    .await;
    let Owner { content_type, team_id, event_id } = match owner {
        Ok(Some(owner)) => owner,
        Ok(None) => return denied(),
        Err(e) => return crate::error::internal_response("screenshot owner not read", e),
    };
    let member: Option<(i64,)> = sqlx::query_as("SELECT team_id FROM team_members WHERE team_id = $1 AND user_id = $2")
        .bind(team_id)
        .bind(user.id)
        .fetch_optional(&db.pool)
        .await
        .ok()
        .flatten();
    let organizer = who.roles_in(&db, event_id).await.map(|r| r.contains(&Role::Organizer)).unwrap_or(false);
    if member.is_none() && !organizer {
        return denied();
    }
    // Read only once the caller may see it: a refused request never loads the bytes.
    let data: Result<Option<(Option<Vec<u8>>,)>, _> =
        sqlx::query_as("SELECT data FROM screenshots WHERE file_name = $1").bind(&file).fetch_optional(&db.pool).await;
    let bytes = match data {
        Ok(Some((Some(bytes),))) => bytes,
        // Removed meanwhile, or an old file that was missing when the server moved uploads in.
        Ok(_) => return denied(),
        Err(e) => return crate::error::internal_response("screenshot not read", e),
    };
    inert_image(&content_type, bytes, "private, max-age=3600")
}

/// An uploaded image as served: its stored content type, never sniffed (`nosniff`), and a
/// sandboxing CSP, so it can never run as a page or a script, whatever its bytes hold.
pub(crate) fn inert_image(content_type: &str, bytes: Vec<u8>, cache: &'static str) -> Response {
    let mut res = Response::new(Body::from(bytes));
    let headers = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    res
}

#[derive(serde::Deserialize, Default)]
pub struct Filters {
    #[serde(default)]
    pub track: String,
    #[serde(default)]
    pub status: String,
}

/// Submissions of an event; `track` is a track's name in any of its languages, `status` is "",
/// "draft", "submitted" or "late" (submitted after the event's deadline thanks to an
/// extension, or still a draft once it has passed). `time` writes the times and `lang` names
/// the tracks: for the reader on the page; machine-readable times and the first-written
/// track name (`None`) in the CSV export.
pub async fn submissions(
    db: &Db,
    event_id: i64,
    track: &str,
    status: &str,
    time: fn(i64, chrono_tz::Tz) -> String,
    lang: Option<crate::i18n::Lang>,
) -> AppResult<Vec<SubmissionRow>> {
    let (tz, deadline): (String, i64) =
        sqlx::query_as("SELECT timezone, submission_deadline FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_one(&db.pool)
            .await?;
    let tz = crate::events::domain::parse_timezone(&tz).unwrap_or(chrono_tz::UTC);
    /// A team and its project, if it has one.
    #[derive(sqlx::FromRow)]
    struct Submission {
        team_id: i64,
        team_name: String,
        title: Option<String>,
        track_ar: Option<String>,
        track_fr: Option<String>,
        track_en: Option<String>,
        status: Option<String>,
        submitted_at: Option<i64>,
        updated_at: Option<i64>,
        repo_url: Option<String>,
        demo_url: Option<String>,
        deadline_extended_to: Option<i64>,
    }
    let rows: Vec<Submission> = sqlx::query_as(
        "SELECT t.id AS team_id, t.name AS team_name, p.title, tr.name_ar AS track_ar, tr.name_fr AS track_fr, \
         tr.name_en AS track_en, p.status, p.submitted_at, \
         p.updated_at, p.repo_url, p.demo_url, t.deadline_extended_to \
         FROM teams t LEFT JOIN projects p ON p.team_id = t.id LEFT JOIN tracks tr ON tr.id = p.track_id \
         WHERE t.event_id = $1 ORDER BY t.name",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let now = now();
    let wanted = track.trim();
    Ok(rows
        .into_iter()
        .filter(|r| {
            wanted.is_empty() || [&r.track_ar, &r.track_fr, &r.track_en].iter().any(|n| n.as_deref() == Some(wanted))
        })
        .map(|r| {
            let names = crate::i18n::Localized::new(
                r.track_ar.unwrap_or_default(),
                r.track_fr.unwrap_or_default(),
                r.track_en.unwrap_or_default(),
            );
            let track = match lang {
                Some(lang) => names.pick(lang),
                None => names.first(),
            };
            let status = r.status.as_deref().map(ProjectStatus::from_code);
            let late = match r.submitted_at {
                Some(at) => at > deadline,
                None => now > domain::effective_deadline(deadline, r.deadline_extended_to),
            };
            SubmissionRow {
                team_id: r.team_id,
                team_name: r.team_name,
                title: r.title.unwrap_or_default(),
                track: track.to_owned(),
                status,
                late,
                updated: r.updated_at.map(|t| time(t, tz)).unwrap_or_default(),
                repo_url: r.repo_url.unwrap_or_default(),
                demo_url: r.demo_url.unwrap_or_default(),
                extended_to: r.deadline_extended_to.map(|t| time(t, tz)),
            }
        })
        .filter(|r| match status {
            "" => true,
            "late" => r.late,
            s => r.status.map_or("none", ProjectStatus::code) == s,
        })
        .collect())
}

/// GET /events/{id}/submissions.csv?track=&status=: the filtered list, for organizers.
pub async fn export_csv(db: Db, session: Session, Path(event_id): Path<i64>, Query(f): Query<Filters>) -> Response {
    if let Err(res) = organizer_only(&db, &session, event_id).await {
        return res;
    }
    let rows = match submissions(&db, event_id, &f.track, &f.status, crate::events::domain::utc_to_display, None).await
    {
        Ok(rows) => rows,
        Err(e) => return crate::error::internal_response("submissions export not read", e),
    };
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                r.team_name,
                r.title,
                r.track,
                r.status.map_or("none", ProjectStatus::code).to_owned(),
                r.late.to_string(),
                r.updated,
                r.repo_url,
                r.demo_url,
                r.extended_to.unwrap_or_default(),
            ]
        })
        .collect();
    csv_response(
        &format!("submissions-{event_id}.csv"),
        &["team", "title", "track", "status", "late", "updated", "repository", "demo", "extended_to"],
        rows,
    )
}

/// Checks the session belongs to an organizer of the event; the response to send if not.
pub(crate) async fn organizer_only(db: &Db, session: &Session, event_id: i64) -> Result<(), Response> {
    let Ok(Some(who)) = gate::identify(db, session).await else {
        return Err(StatusCode::UNAUTHORIZED.into_response());
    };
    match who.roles_in(db, event_id).await {
        Ok(roles) if roles.contains(&Role::Organizer) => Ok(()),
        Ok(_) => Err(StatusCode::FORBIDDEN.into_response()),
        Err(AppError::NotFound) => Err(StatusCode::NOT_FOUND.into_response()),
        Err(e) => Err(crate::error::internal_response("roles not read for an export", e)),
    }
}

/// Serializes rows as a CSV download named `file`.
pub(crate) fn csv_response(file: &str, header: &[&str], rows: Vec<Vec<String>>) -> Response {
    let mut out = csv::Writer::from_writer(Vec::new());
    let _ = out.write_record(header);
    for row in rows {
        let _ = out.write_record(row.iter().map(|v| cell(v)));
    }
    let bytes = match out.into_inner() {
        Ok(bytes) => bytes,
        Err(e) => return crate::error::internal_response("CSV not written", e),
    };
    // A UTF-8 byte-order mark so spreadsheet programs read Arabic and French correctly.
    let mut body = "\u{feff}".as_bytes().to_vec();
    body.extend(bytes);
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\"")),
        ],
        body,
    )
        .into_response()
}

/// GET /events/{id}/teams.csv: every team member and every participant still alone.
pub async fn export_teams_csv(db: Db, session: Session, Path(event_id): Path<i64>) -> Response {
    if let Err(res) = organizer_only(&db, &session, event_id).await {
        return res;
    }
    /// A participant with their team, if any (`member` is their id when they have one).
    #[derive(sqlx::FromRow)]
    struct Participant {
        team: Option<String>,
        display_name: String,
        email: String,
        captain_id: Option<i64>,
        member: Option<i64>,
        skills: String,
    }
    let rows: Result<Vec<Participant>, _> = sqlx::query_as(
        "SELECT t.name AS team, u.display_name, u.email, t.captain_id, m.user_id AS member, \
         COALESCE(p.skills, '') AS skills FROM event_roles r JOIN users u ON u.id = r.user_id \
         LEFT JOIN team_members m ON m.event_id = r.event_id AND m.user_id = r.user_id \
         LEFT JOIN teams t ON t.id = m.team_id \
         LEFT JOIN profiles p ON p.event_id = r.event_id AND p.user_id = r.user_id \
         WHERE r.event_id = $1 AND r.role = 'participant' ORDER BY t.name, u.display_name",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await;
    let rows = match rows {
        Ok(rows) => rows,
        Err(e) => return crate::error::internal_response("teams export not read", e),
    };
    let rows = rows
        .into_iter()
        .map(|p| {
            let is_captain = p.captain_id.is_some() && p.captain_id == p.member;
            vec![
                p.team.unwrap_or_default(),
                p.display_name,
                p.email,
                is_captain.to_string(),
                p.skills.replace(',', ", "),
            ]
        })
        .collect();
    csv_response(&format!("teams-{event_id}.csv"), &["team", "name", "email", "captain", "skills"], rows)
}

/// A CSV cell that a spreadsheet will not run as a formula.
pub fn cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_defused() {
        assert_eq!(super::cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(super::cell("فريق الأطلس"), "فريق الأطلس");
    }
}
