//! Project submissions: a team's project page (fields, draft or submitted, screenshots),
//! its edit history, the server-enforced deadline with per-team extensions, and the
//! organizers' list with filters and CSV export.

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;
#[cfg(feature = "ssr")]
pub mod files;
mod pages;

pub use pages::{ProjectPage, SubmissionDetailPage, SubmissionsPage};

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

/// Where a team's project stands. Stored (and sent) as its code: "draft" or "submitted".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProjectStatus {
    #[default]
    Draft,
    Submitted,
}

impl ProjectStatus {
    pub fn code(self) -> &'static str {
        match self {
            ProjectStatus::Draft => "draft",
            ProjectStatus::Submitted => "submitted",
        }
    }

    /// The status stored in the database; anything unknown reads as a draft, which can only
    /// ask the team to submit again, never hand in a project it did not submit.
    pub fn from_code(code: &str) -> ProjectStatus {
        if code == "submitted" {
            ProjectStatus::Submitted
        } else {
            ProjectStatus::Draft
        }
    }
}

/// The project form as typed: one struct for the form's fields, whose names are the inputs'.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectInput {
    pub title: String,
    pub tagline: String,
    pub description: String,
    /// A track id of the event, or empty for none.
    pub track_id: String,
    pub repo_url: String,
    pub demo_url: String,
    pub video_url: String,
    pub technologies: String,
    /// Present when the "submit" button was pressed; a plain save keeps the status.
    pub submit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub who: String,
    pub at: String,
    /// (field, before, after)
    pub changes: Vec<(String, String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Screenshot {
    pub id: i64,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectPageData {
    pub event_id: i64,
    pub team_id: i64,
    pub team_name: String,
    pub deadline: String,
    pub open: bool,
    /// 0 when the project has never been saved.
    pub version: i64,
    pub status: ProjectStatus,
    pub title: String,
    pub tagline: String,
    pub description: String,
    pub track_id: Option<i64>,
    pub repo_url: String,
    pub demo_url: String,
    pub video_url: String,
    pub technologies: String,
    pub screenshots: Vec<Screenshot>,
    pub history: Vec<HistoryEntry>,
    pub tracks: Vec<(i64, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubmissionRow {
    pub team_id: i64,
    pub team_name: String,
    pub title: String,
    pub track: String,
    /// None when the team has no project yet.
    pub status: Option<ProjectStatus>,
    pub late: bool,
    pub updated: String,
    pub repo_url: String,
    pub demo_url: String,
    pub extended_to: Option<String>,
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::auth::gate::{self, EventAccess};
    use crate::auth::Role;
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::i18n::{args, Msg};

    pub struct TeamContext {
        pub access: EventAccess,
        pub team_id: i64,
        pub team_name: String,
        pub tz: chrono_tz::Tz,
        pub deadline: i64,
        pub extension: Option<i64>,
    }

    /// The caller must be a participant of the event and a member of a team in it, to read.
    pub async fn my_team(event_id: i64) -> AppResult<TeamContext> {
        team_context(gate::event(event_id, &[Role::Participant]).await?).await
    }

    /// The same, to change the team's project: refused once the event is archived.
    pub async fn my_team_write(event_id: i64) -> AppResult<TeamContext> {
        team_context(gate::event_write(event_id, &[Role::Participant]).await?).await
    }

    async fn team_context(access: EventAccess) -> AppResult<TeamContext> {
        let event_id = access.event_id;
        let team = crate::teams::db::team_of_user(access.db(), event_id, access.user.id)
            .await?
            .ok_or(AppError::Conflict(Msg::ErrNeedTeam))?;
        let (tz, deadline, extension): (String, i64, Option<i64>) = sqlx::query_as(
            "SELECT e.timezone, e.submission_deadline, t.deadline_extended_to FROM events e \
             JOIN teams t ON t.event_id = e.id WHERE t.id = $1",
        )
        .bind(team.id)
        .fetch_one(&access.db().pool)
        .await?;
        Ok(TeamContext {
            tz: crate::events::domain::parse_timezone(&tz).unwrap_or(chrono_tz::UTC),
            access,
            team_id: team.id,
            team_name: team.name,
            deadline,
            extension,
        })
    }

    impl TeamContext {
        pub fn deadline_text(&self) -> String {
            let at = super::domain::effective_deadline(self.deadline, self.extension);
            format!("{} ({})", crate::i18n::dates::for_reader(at, self.tz), self.tz.name())
        }
        /// Refuses any change after the team's deadline, naming it.
        pub fn ensure_open(&self) -> AppResult<()> {
            if super::domain::may_edit(crate::db::now(), self.deadline, self.extension) {
                Ok(())
            } else {
                Err(AppError::conflict_with(args::ErrDeadlinePassed { deadline: self.deadline_text() }))
            }
        }
    }

    pub use super::db::{project_of_team, track_name, ProjectRow};

    pub async fn page_data(
        db: &Db,
        event_id: i64,
        ctx_team: (i64, String),
        tz: chrono_tz::Tz,
        deadline_text: String,
        open: bool,
    ) -> AppResult<ProjectPageData> {
        let (team_id, team_name) = ctx_team;
        let project = project_of_team(db, team_id).await?;
        let tracks = crate::events::db::track_names(db, event_id, crate::i18n::request::request_lang()).await?;
        let (screenshots, history) = match &project {
            None => (Vec::new(), Vec::new()),
            Some(p) => {
                let shots: Vec<(i64, String)> =
                    sqlx::query_as("SELECT id, file_name FROM screenshots WHERE project_id = $1 ORDER BY id")
                        .bind(p.id)
                        .fetch_all(&db.pool)
                        .await?;
                let history: Vec<(Option<String>, i64, String)> = sqlx::query_as(
                    "SELECT u.display_name, h.at, h.changes FROM project_history h LEFT JOIN users u ON u.id = h.user_id \
                     WHERE h.project_id = $1 ORDER BY h.at DESC, h.id DESC LIMIT 100",
                )
                .bind(p.id)
                .fetch_all(&db.pool)
                .await?;
                (
                    shots.into_iter().map(|(id, f)| Screenshot { id, url: format!("/uploads/{f}") }).collect(),
                    history
                        .into_iter()
                        .map(|(who, at, changes)| HistoryEntry {
                            who: who.unwrap_or_default(),
                            at: crate::i18n::dates::for_reader(at, tz),
                            changes: serde_json::from_str(&changes).unwrap_or_default(),
                        })
                        .collect(),
                )
            }
        };
        // The form shows the track a save would store (`domain::project_track`): the
        // project's own, else its team's until judging reaches the project.
        let team_track: Option<i64> =
            sqlx::query_scalar("SELECT track_id FROM teams WHERE id = $1").bind(team_id).fetch_one(&db.pool).await?;
        let reached: i64 = match &project {
            Some(p) => {
                sqlx::query_scalar(&format!("SELECT {} FROM projects p WHERE p.id = $1", super::db::JUDGING_REACHED))
                    .bind(p.id)
                    .fetch_one(&db.pool)
                    .await?
            }
            None => 0,
        };
        let shown_track =
            super::domain::project_track(project.as_ref().and_then(|p| p.track_id), team_track, reached > 0);
        let p = project.unwrap_or(ProjectRow {
            id: 0,
            title: String::new(),
            tagline: String::new(),
            description: String::new(),
            track_id: None,
            repo_url: String::new(),
            demo_url: String::new(),
            video_url: String::new(),
            technologies: String::new(),
            status: "draft".into(),
            version: 0,
            updated_by: None,
        });
        Ok(ProjectPageData {
            event_id,
            team_id,
            team_name,
            deadline: deadline_text,
            open,
            version: p.version,
            status: ProjectStatus::from_code(&p.status),
            title: p.title,
            tagline: p.tagline,
            description: p.description,
            track_id: shown_track,
            repo_url: p.repo_url,
            demo_url: p.demo_url,
            video_url: p.video_url,
            technologies: p.technologies,
            screenshots,
            history,
            tracks,
        })
    }
}

mod api;
pub use api::*;

/// The form field for uploads, shared by the page and the server function.
pub const SCREENSHOT_FIELD: &str = "screenshot";

/// Uploads one screenshot for the caller's team project (multipart: `event_id`, `screenshot`).
#[server(prefix = "/api", endpoint = "projects/upload", input = MultipartFormData)]
pub async fn upload_screenshot(data: MultipartData) -> Result<(), AppError> {
    files::upload(data).await
}
