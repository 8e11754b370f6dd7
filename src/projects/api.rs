//! Project server functions. Members of a team edit its project until the deadline;
//! organizers list, inspect, extend and export.

use super::*;

#[cfg(feature = "ssr")]
use {
    super::domain::{self, ProjectFields},
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::i18n::{args, Msg},
    serde_json::json,
};

/// The caller's team project, with its screenshots and history. Team members only.
#[server(prefix = "/api", endpoint = "projects/page")]
pub async fn project_page(event_id: i64) -> Result<ProjectPageData, AppError> {
    let ctx = ssr::my_team(event_id).await?;
    let open = ctx.ensure_open().is_ok();
    ssr::page_data(ctx.access.db(), event_id, (ctx.team_id, ctx.team_name.clone()), ctx.tz, ctx.deadline_text(), open)
        .await
}

/// Saves the project as a draft, or submits it when `submit` is present. `version` is the
/// one the form was loaded with: if a teammate saved meanwhile, nothing is overwritten.
#[server(prefix = "/api", endpoint = "projects/save")]
pub async fn save_project(
    event_id: i64,
    version: i64,
    // Flattened, so the form posts its fields under their own names.
    #[server(flatten)] project: ProjectInput,
) -> Result<(), AppError> {
    let ctx = ssr::my_team_write(event_id).await?;
    ctx.ensure_open()?;
    let parsed = project.parse();
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    let track_id = crate::events::db::track_of_event(ctx.access.db(), event_id, &project.track_id, &mut errors).await?;
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let p = parsed.map_err(AppError::Invalid)?;
    let user = ctx.access.user.id;
    let mut tx = ctx.access.db().begin_write().await?;
    let current: Option<ssr::ProjectRow> =
        sqlx::query_as(&format!("SELECT {} FROM projects WHERE team_id = $1", super::db::PROJECT_COLUMNS))
            .bind(ctx.team_id)
            .fetch_optional(&mut *tx)
            .await?;
    let team_track: Option<i64> =
        sqlx::query_scalar("SELECT track_id FROM teams WHERE id = $1").bind(ctx.team_id).fetch_one(&mut *tx).await?;
    let in_judging = match &current {
        Some(c) => super::db::in_judging(&mut tx, c.id).await?,
        None => false,
    };
    let track_id = domain::project_track(track_id, team_track, in_judging);
    let status = if project.submit.is_some() {
        ProjectStatus::Submitted
    } else {
        current.as_ref().map_or(ProjectStatus::Draft, |c| ProjectStatus::from_code(&c.status))
    };
    if status == ProjectStatus::Submitted {
        // A team below the event's minimum size cannot hand in a project.
        let (members, min): (i64, i64) = sqlx::query_as(
            "SELECT t.member_count, e.team_min FROM teams t JOIN events e ON e.id = t.event_id WHERE t.id = $1",
        )
        .bind(ctx.team_id)
        .fetch_one(&mut *tx)
        .await?;
        if members < min {
            return Err(AppError::conflict_with(args::ErrTeamTooSmall { count: min }));
        }
    }
    let track = ssr::track_name(&mut tx, track_id).await?;
    let after = ProjectFields {
        title: p.title.clone(),
        tagline: p.tagline.clone(),
        description: p.description.clone(),
        track,
        repo_url: p.repo_url.clone(),
        demo_url: p.demo_url.clone(),
        video_url: p.video_url.clone(),
        technologies: p.technologies.clone(),
        status: status.code().to_owned(),
    };
    let t = now();
    let (project_id, before) = match current {
        None => {
            if version != 0 {
                return Err(AppError::Conflict(Msg::ErrChangedMeanwhile));
            }
            let new = super::db::NewProject {
                team_id: ctx.team_id,
                event_id,
                title: &p.title,
                tagline: &p.tagline,
                description: &p.description,
                track_id,
                repo_url: &p.repo_url,
                demo_url: &p.demo_url,
                video_url: &p.video_url,
                technologies: &p.technologies,
                status,
                table_label: "",
                by: Some(user),
            };
            let id = super::db::insert_project(&mut tx, &new).await.map_err(|e| match e {
                // A teammate created the project at the same instant.
                sqlx::Error::Database(d) if d.is_unique_violation() => AppError::Conflict(Msg::ErrChangedMeanwhile),
                other => other.into(),
            })?;
            (id, ProjectFields::default())
        }
        Some(c) => {
            if c.version != version {
                // Name whoever saved last, so the person knows whom to talk to.
                let by: Option<String> = match c.updated_by {
                    Some(uid) => {
                        sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1")
                            .bind(uid)
                            .fetch_optional(&mut *tx)
                            .await?
                    }
                    None => None,
                };
                return Err(AppError::conflict_with(args::ErrProjectChangedBy { name: by.unwrap_or_default() }));
            }
            let before_track = ssr::track_name(&mut tx, c.track_id).await?;
            let before = ProjectFields {
                title: c.title,
                tagline: c.tagline,
                description: c.description,
                track: before_track,
                repo_url: c.repo_url,
                demo_url: c.demo_url,
                video_url: c.video_url,
                technologies: c.technologies,
                status: c.status,
            };
            let done = sqlx::query(
                "UPDATE projects SET title = $1, tagline = $2, description = $3, track_id = $4, repo_url = $5, \
                 demo_url = $6, video_url = $7, technologies = $8, status = $9, \
                 submitted_at = CASE WHEN $9 = 'submitted' AND submitted_at IS NULL THEN $10 ELSE submitted_at END, \
                 version = version + 1, updated_at = $10, updated_by = $11 WHERE id = $12 AND version = $13",
            )
            .bind(&p.title)
            .bind(&p.tagline)
            .bind(&p.description)
            .bind(track_id)
            .bind(&p.repo_url)
            .bind(&p.demo_url)
            .bind(&p.video_url)
            .bind(&p.technologies)
            .bind(status.code())
            .bind(t)
            .bind(user)
            .bind(c.id)
            .bind(version)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(AppError::Conflict(Msg::ErrChangedMeanwhile));
            }
            (c.id, before)
        }
    };
    let changes = domain::changes(&before, &after);
    if !changes.is_empty() {
        sqlx::query("INSERT INTO project_history (project_id, user_id, at, changes) VALUES ($1, $2, $3, $4)")
            .bind(project_id)
            .bind(user)
            .bind(t)
            .bind(serde_json::to_string(&changes).unwrap_or_default())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{event_id}/project?saved=1"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "projects/remove-screenshot")]
pub async fn remove_screenshot(event_id: i64, screenshot_id: i64) -> Result<(), AppError> {
    let ctx = ssr::my_team_write(event_id).await?;
    ctx.ensure_open()?;
    let mut tx = ctx.access.db().begin_write().await?;
    // Scoped to the caller's own team in the statement itself.
    let removed = sqlx::query(
        "DELETE FROM screenshots WHERE id = $1 AND project_id IN (SELECT id FROM projects WHERE team_id = $2)",
    )
    .bind(screenshot_id)
    .bind(ctx.team_id)
    .execute(&mut *tx)
    .await?;
    if removed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// Every team's project in an event, filtered by track and status. Organizers only.
#[server(prefix = "/api", endpoint = "projects/list")]
pub async fn list_submissions(event_id: i64, track: String, status: String) -> Result<Vec<SubmissionRow>, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let lang = crate::i18n::request::request_lang();
    files::submissions(access.db(), event_id, &track, &status, crate::i18n::dates::for_reader, Some(lang)).await
}

/// Gives one team more time to submit. Organizers only; recorded in the audit log.
#[server(prefix = "/api", endpoint = "projects/extend")]
pub async fn extend_deadline(event_id: i64, team_id: i64, until: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let tz = crate::events::db::timezone(access.db(), event_id).await?;
    let until = crate::events::domain::optional_local(&until, tz, "until")?;
    let mut tx = access.db().begin_write().await?;
    let before: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT deadline_extended_to FROM teams WHERE id = $1 AND event_id = $2")
            .bind(team_id)
            .bind(event_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((before,)) = before else {
        return Err(AppError::NotFound);
    };
    sqlx::query("UPDATE teams SET deadline_extended_to = $1 WHERE id = $2")
        .bind(until)
        .bind(team_id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "project.deadline_extended",
        Some(json!({ "team": team_id, "until": before })),
        Some(json!({ "team": team_id, "until": until })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One team's project as organizers see it, with its history. Organizers only.
#[server(prefix = "/api", endpoint = "projects/detail")]
pub async fn project_detail(event_id: i64, team_id: i64) -> Result<ProjectPageData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    #[derive(sqlx::FromRow)]
    struct TeamDeadline {
        name: String,
        timezone: String,
        submission_deadline: i64,
        deadline_extended_to: Option<i64>,
    }
    let row: Option<TeamDeadline> = sqlx::query_as(
        "SELECT t.name, e.timezone, e.submission_deadline, t.deadline_extended_to FROM teams t \
         JOIN events e ON e.id = t.event_id WHERE t.id = $1 AND t.event_id = $2",
    )
    .bind(team_id)
    .bind(event_id)
    .fetch_optional(&access.db().pool)
    .await?;
    let TeamDeadline { name, timezone: tz, submission_deadline: deadline, deadline_extended_to: ext } =
        row.ok_or(AppError::NotFound)?;
    let tz = crate::events::domain::parse_timezone(&tz).unwrap_or(chrono_tz::UTC);
    let at = domain::effective_deadline(deadline, ext);
    let text = format!("{} ({})", crate::i18n::dates::for_reader(at, tz), tz.name());
    ssr::page_data(access.db(), event_id, (team_id, name), tz, text, domain::may_edit(now(), deadline, ext)).await
}
