//! GET /events/{id}/export.zip: the whole event in one file, for organizers to keep once the
//! event is over: every CSV the dashboard offers, exactly as downloaded one by one, and every
//! screenshot, filed by team. Downloading it records the time (`events.exported_at`): an
//! archived event is deleted only after a full export taken since it was archived.

use axum::body::Body;
use axum::extract::{Path, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::io::Write;
use tower_sessions::Session;
use zip::write::SimpleFileOptions;

/// The largest CSV read into the archive; far above any event's (a 500-team event's scores
/// are a few MiB).
const CSV_LIMIT: usize = 64 * 1024 * 1024;

/// A name safe as one path segment in any unzip tool: letters and digits of any script,
/// spaces and `-_.`; anything else (slashes, `..`, control characters) becomes `_`.
pub fn safe_segment(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_') { c } else { '_' })
        .take(80)
        .collect();
    if cleaned.trim_matches(['_', ' ']).is_empty() {
        "_".to_owned()
    } else {
        cleaned
    }
}

pub async fn export_zip(db: crate::db::Db, session: Session, Path(event_id): Path<i64>) -> Response {
    if let Err(res) = crate::projects::files::organizer_only(&db, &session, event_id).await {
        return res;
    }
    let by = |by: &str| Query(crate::judging::manage::export::By { by: by.to_owned() });
    let path = || Path(event_id);
    // Each CSV comes from the same handler as its own download (which checks the organizer
    // again), so the archive can never differ from what the dashboard's buttons give.
    let csvs: Vec<(&str, Response)> = vec![
        ("teams.csv", crate::projects::files::export_teams_csv(db.clone(), session.clone(), path()).await),
        (
            "submissions.csv",
            crate::projects::files::export_csv(db.clone(), session.clone(), path(), Query(Default::default())).await,
        ),
        (
            "scores-by-judge.csv",
            crate::judging::manage::export::scores_csv(db.clone(), session.clone(), path(), by("judge")).await,
        ),
        ("ranking.csv", crate::judging::manage::export::ranking_csv(db.clone(), session.clone(), path()).await),
        ("mentoring-sessions.csv", crate::dashboard::export::sessions_csv(db.clone(), session.clone(), path()).await),
    ];
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, res) in csvs {
        if res.status() != StatusCode::OK {
            tracing::error!(status = %res.status(), name, event_id, "a CSV of the event archive failed");
            return res;
        }
        match axum::body::to_bytes(res.into_body(), CSV_LIMIT).await {
            Ok(bytes) => files.push((name.to_owned(), bytes.to_vec())),
            Err(e) => return crate::error::internal_response("a CSV of the event archive not read", e),
        }
    }
    /// A screenshot with the team it belongs to.
    #[derive(sqlx::FromRow)]
    struct Shot {
        team: String,
        team_id: i64,
        file_name: String,
        data: Option<Vec<u8>>,
    }
    let shots: Result<Vec<Shot>, _> = sqlx::query_as(
        "SELECT t.name AS team, t.id AS team_id, s.file_name, s.data FROM screenshots s \
         JOIN projects p ON p.id = s.project_id JOIN teams t ON t.id = p.team_id \
         WHERE p.event_id = $1 ORDER BY t.name, s.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await;
    let shots = match shots {
        Ok(shots) => shots,
        Err(e) => return crate::error::internal_response("screenshots of the event archive not read", e),
    };
    for s in shots {
        if let Some(data) = s.data {
            // The team's id keeps two teams whose names clean up alike apart.
            files.push((format!("screenshots/{}-{}/{}", s.team_id, safe_segment(&s.team), s.file_name), data));
        }
    }
    let zipped = tokio::task::spawn_blocking(move || write_zip(files)).await;
    let bytes = match zipped {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(e)) => return crate::error::internal_response("event archive not written", e),
        Err(e) => return crate::error::internal_response("event archive task failed", e),
    };
    // Deleting an archived event requires a full export taken since it was archived: this is
    // that export (the organizer was checked above, and every part of it was read).
    if let Err(e) = crate::events::db::mark_exported(&db, event_id).await {
        return crate::error::internal_response("event export time not recorded", e);
    }
    (
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"event-{event_id}.zip\"")),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        Body::from(bytes),
    )
        .into_response()
}

/// Screenshots are compressed images already: stored as they are; CSVs are deflated.
fn write_zip(files: Vec<(String, Vec<u8>)>) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in files {
        let method =
            if name.ends_with(".csv") { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
        zip.start_file(name, SimpleFileOptions::default().compression_method(method))?;
        zip.write_all(&data)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::safe_segment;

    #[test]
    fn team_names_become_safe_path_segments() {
        assert_eq!(safe_segment("فريق الأطلس"), "فريق الأطلس");
        assert_eq!(safe_segment("Équipe n°1"), "Équipe n_1");
        assert_eq!(safe_segment("../../etc"), "______etc");
        assert_eq!(safe_segment("a/b\\c"), "a_b_c");
        assert_eq!(safe_segment(".."), "_");
        assert_eq!(safe_segment("  "), "_");
    }
}
