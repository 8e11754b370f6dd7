//! `GET /account/data.json`: everything Hakam keeps about the signed-in person, in one JSON
//! file they can keep (the right of access of Moroccan law 09-08, art. 7).
//!
//! What is in it: the account (name, address, when it was made), the roles held in each event,
//! the per-event profiles, teams and join requests, the projects of their teams with the edits
//! they made, the help-desk requests and mentoring sessions they took part in (with the
//! mentors' notes on their team's sessions), what they did as a mentor or a judge (scores with
//! their comments and edit history, assignments, declared conflicts), the judges' comments on
//! their team's project as far as the organizers show them to the team, the invites they
//! accepted, what they did as the audit log recorded it, and how many signed-in sessions
//! the account has.
//!
//! What is never in it: another person's e-mail address, any password hash, and any secret
//! (invite and team join codes, judge-pass and reset tokens, the session ids). Other people
//! appear only where the person already sees them, by their team's name; mentors, judges and
//! teammates are not named. Only sessions opened with the account's own login may download it:
//! a judge's phone-link session is refused, as the gate refuses it every account-wide function.

use crate::auth::gate;
use crate::db::{Backend, Db};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sqlx::FromRow;
use tower_sessions::Session;

/// The shape of the file, so a later version can change it and readers can tell.
pub const FORMAT: &str = "hakam.personal-data.v1";

#[derive(Serialize)]
pub struct PersonalData {
    pub format: &'static str,
    /// UTC unix seconds, like every time in the file.
    pub exported_at: i64,
    pub account: AccountData,
    pub roles: Vec<RoleRow>,
    pub participant_profiles: Vec<ParticipantProfileRow>,
    pub mentor_profiles: Vec<MentorProfileRow>,
    pub teams: Vec<TeamRow>,
    pub join_requests: Vec<JoinRequestRow>,
    pub projects: Vec<ProjectData>,
    /// Edits to projects the person made, including projects of teams they have left.
    pub project_edits: Vec<ProjectEditRow>,
    pub help_requests: Vec<HelpRow>,
    /// The person's people's choice votes.
    pub votes: Vec<VoteRow>,
    /// The person's certificates of participation, by the code their check page is found by.
    pub certificates: Vec<CertificateRow>,
    /// When the person checked in at an event's venue, and whether an organizer ticked them in.
    pub checkins: Vec<CheckinRow>,
    pub mentoring_sessions: Vec<SessionRow>,
    /// Teams the person mentors (assigned by the organizers or the automatic assignment).
    pub mentored_teams: Vec<MentoredRow>,
    /// Every team the person ever mentored (kept as a conflict of interest for judging).
    pub mentoring_history: Vec<MentoredOnceRow>,
    pub judging: JudgingData,
    pub invites_accepted: Vec<InviteRow>,
    /// What the person did, as the audit log recorded it (the details stay in the log).
    pub activity: Vec<ActivityRow>,
    pub sessions: SessionsData,
}

#[derive(Serialize, FromRow)]
pub struct AccountData {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub created_at: i64,
    pub is_admin: i64,
    pub can_create_events: i64,
    /// The interface language of this download (the language cookie or the browser's
    /// preference): Hakam keeps no language of its own for an account.
    #[sqlx(skip)]
    pub language: String,
}

#[derive(Serialize, FromRow)]
pub struct RoleRow {
    pub event_id: i64,
    pub event: String,
    pub role: String,
    pub granted_at: i64,
}

#[derive(Serialize, FromRow)]
pub struct ParticipantProfileRow {
    pub event_id: i64,
    pub event: String,
    pub skills: String,
    pub languages: String,
    pub bio: String,
    pub looking: i64,
    pub updated_at: i64,
}

#[derive(Serialize, FromRow)]
pub struct MentorProfileRow {
    pub event_id: i64,
    pub event: String,
    pub expertise: String,
    pub languages: String,
    pub capacity: i64,
    pub bio: String,
    pub contact: String,
    pub updated_at: i64,
}

#[derive(Serialize, FromRow)]
pub struct TeamRow {
    pub team_id: i64,
    pub event_id: i64,
    pub event: String,
    pub name: String,
    pub pitch: String,
    pub needs: String,
    pub is_captain: i64,
    pub member_count: i64,
    pub joined_at: i64,
}

#[derive(Serialize, FromRow)]
pub struct JoinRequestRow {
    pub event: String,
    pub team: String,
    pub message: String,
    pub status: String,
    pub created_at: i64,
    pub decided_at: Option<i64>,
}

#[derive(Serialize, FromRow)]
pub struct ProjectRow {
    pub project_id: i64,
    pub event: String,
    pub team: String,
    pub title: String,
    pub tagline: String,
    pub description: String,
    pub repo_url: String,
    pub demo_url: String,
    pub video_url: String,
    pub technologies: String,
    pub status: String,
    pub submitted_at: Option<i64>,
    pub updated_at: i64,
}

#[derive(Serialize)]
pub struct ProjectData {
    #[serde(flatten)]
    pub project: ProjectRow,
    pub screenshots: Vec<ScreenshotRow>,
}

#[derive(Serialize, FromRow)]
pub struct ScreenshotRow {
    #[sqlx(skip)]
    pub url: String,
    pub file_name: String,
    pub content_type: String,
    pub bytes: i64,
    pub uploaded_by_me: i64,
    pub created_at: i64,
    #[serde(skip)]
    pub project_id: i64,
}

#[derive(Serialize, FromRow)]
pub struct ProjectEditRow {
    pub project_id: i64,
    pub event: String,
    pub title: String,
    pub at: i64,
    /// What the edit changed, as the project's history keeps it.
    pub changes: String,
}

#[derive(Serialize, FromRow)]
pub struct VoteRow {
    pub event: String,
    pub project_id: i64,
    pub title: String,
    pub cast_at: i64,
}

#[derive(Serialize, FromRow)]
pub struct CertificateRow {
    pub event: String,
    pub code: String,
    pub created_at: i64,
}

#[derive(Serialize, FromRow)]
pub struct CheckinRow {
    pub event: String,
    pub checked_at: i64,
    pub by_organizer: i64,
}

#[derive(Serialize, FromRow)]
pub struct HelpRow {
    pub event: String,
    pub team: String,
    pub topic: String,
    pub skill: String,
    pub location: String,
    pub description: String,
    pub status: String,
    pub created_at: i64,
    pub claimed_at: Option<i64>,
    pub resolved_at: Option<i64>,
    pub raised_by_me: i64,
    pub claimed_by_me: i64,
}

#[derive(Serialize, FromRow)]
pub struct SessionRow {
    pub event: String,
    /// `mentor` for a session the person offered, `team` for one their team booked.
    pub as_role: String,
    pub team: Option<String>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub location: String,
    /// `None` for a slot the person offered that no team booked.
    pub booked_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    /// The mentor's notes on the session.
    pub notes: Option<String>,
    pub attended: Option<i64>,
}

#[derive(Serialize, FromRow)]
pub struct MentoredRow {
    pub event: String,
    pub team: String,
    pub skills: String,
    pub language: String,
    pub assigned_at: i64,
}

#[derive(Serialize, FromRow)]
pub struct MentoredOnceRow {
    pub event: String,
    pub team: String,
    pub first_at: i64,
}

#[derive(Serialize, Default)]
pub struct JudgingData {
    pub judge_settings: Vec<JudgeProfileRow>,
    pub assignments: Vec<AssignmentRow>,
    pub conflicts_declared: Vec<ConflictRow>,
    /// The scores and comments the person gave.
    pub scores_given: Vec<ScoreRow>,
    /// Every save of those scores, applied or refused as stale.
    pub score_history: Vec<ScoreSaveRow>,
    /// The judges' comments on their team's project, once the organizers publish the results
    /// and show comments to teams (judges are not named).
    pub comments_on_my_team: Vec<CommentRow>,
}

#[derive(Serialize, FromRow)]
pub struct JudgeProfileRow {
    pub event: String,
    pub tracks: String,
    pub active: i64,
}

#[derive(Serialize, FromRow)]
pub struct AssignmentRow {
    pub event: String,
    pub project_id: i64,
    pub title: String,
    pub assigned_at: i64,
}

#[derive(Serialize, FromRow)]
pub struct ConflictRow {
    pub event: String,
    pub team: String,
    pub created_at: i64,
}

#[derive(Serialize, FromRow)]
pub struct ScoreRow {
    pub event: String,
    pub project_id: i64,
    pub title: String,
    pub status: String,
    /// Criterion → level, as JSON.
    pub marks: String,
    pub notes: String,
    pub feedback: String,
    pub flagged: i64,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Serialize, FromRow)]
pub struct ScoreSaveRow {
    pub project_id: i64,
    pub outcome: String,
    pub version: i64,
    pub status: String,
    pub marks: String,
    pub notes: String,
    pub feedback: String,
    pub flagged: i64,
    pub at: i64,
}

#[derive(Serialize, FromRow)]
pub struct CommentRow {
    pub event: String,
    pub title: String,
    /// The judge's feedback to the team.
    pub feedback: String,
}

#[derive(Serialize, FromRow)]
pub struct InviteRow {
    pub invite_id: i64,
    pub event: String,
    pub role: String,
    pub label: String,
    #[sqlx(skip)]
    pub accepted_at: i64,
}

#[derive(Serialize, FromRow)]
pub struct ActivityRow {
    pub action: String,
    pub event_id: Option<i64>,
    pub at: i64,
}

#[derive(Serialize)]
pub struct SessionsData {
    /// Browsers and devices signed in to the account right now (this one included).
    pub signed_in: usize,
    /// How long a session lasts without activity.
    pub idle_minutes: u64,
}

/// The route: the signed-in person's data as an attachment, or 401 / 403.
pub async fn data_json(db: Db, session: Session, idle: std::time::Duration, headers: HeaderMap) -> Response {
    let who = match gate::identify(&db, &session).await {
        Ok(Some(who)) => who,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(e) => return crate::error::internal_response("session not read for a data download", e),
    };
    // A judge's phone link reaches one event's judging, never the account (as `signed_in`).
    if who.reach != gate::Reach::Account {
        return StatusCode::FORBIDDEN.into_response();
    }
    let language = crate::i18n::request::lang_of(&headers).code().to_owned();
    let data = match collect(&db, who.user.id, language, idle).await {
        Ok(Some(data)) => data,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(e) => return crate::error::internal_response("personal data not read", e),
    };
    let body = match serde_json::to_vec_pretty(&data) {
        Ok(body) => body,
        Err(e) => return crate::error::internal_response("personal data not written", e),
    };
    tracing::info!(user = who.user.id, "personal data downloaded");
    (
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"hakam-my-data-{}.json\"", who.user.id)),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

async fn list<T>(db: &Db, sql: &str, user_id: i64) -> Result<Vec<T>, sqlx::Error>
where
    T: for<'r> FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    sqlx::query_as(sql).bind(user_id).fetch_all(&db.pool).await
}

/// Reads everything about `user_id` (`None` if there is no such account).
pub async fn collect(
    db: &Db,
    user_id: i64,
    language: String,
    idle: std::time::Duration,
) -> Result<Option<PersonalData>, sqlx::Error> {
    let account: Option<AccountData> = sqlx::query_as(
        "SELECT id, display_name, email, created_at, is_admin, can_create_events FROM users \
         WHERE id = $1 AND deleted_at IS NULL",
    )
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(mut account) = account else { return Ok(None) };
    account.language = language;

    let roles = list(
        db,
        "SELECT r.event_id, e.name AS event, r.role, r.granted_at FROM event_roles r JOIN events e ON e.id = r.event_id \
         WHERE r.user_id = $1 ORDER BY r.event_id, r.role",
        user_id,
    )
    .await?;
    let participant_profiles = list(
        db,
        "SELECT p.event_id, e.name AS event, p.skills, p.languages, p.bio, p.looking, p.updated_at \
         FROM profiles p JOIN events e ON e.id = p.event_id WHERE p.user_id = $1 ORDER BY p.event_id",
        user_id,
    )
    .await?;
    let mentor_profiles = list(
        db,
        "SELECT p.event_id, e.name AS event, p.expertise, p.languages, p.capacity, p.bio, p.contact, p.updated_at \
         FROM mentor_profiles p JOIN events e ON e.id = p.event_id WHERE p.user_id = $1 ORDER BY p.event_id",
        user_id,
    )
    .await?;
    let teams = list(
        db,
        "SELECT t.id AS team_id, t.event_id, e.name AS event, t.name, t.pitch, t.needs, \
         CAST(CASE WHEN t.captain_id = m.user_id THEN 1 ELSE 0 END AS BIGINT) AS is_captain, t.member_count, m.joined_at \
         FROM team_members m JOIN teams t ON t.id = m.team_id JOIN events e ON e.id = t.event_id \
         WHERE m.user_id = $1 ORDER BY t.event_id",
        user_id,
    )
    .await?;
    let join_requests = list(
        db,
        "SELECT e.name AS event, t.name AS team, j.message, j.status, j.created_at, j.decided_at \
         FROM join_requests j JOIN teams t ON t.id = j.team_id JOIN events e ON e.id = t.event_id \
         WHERE j.user_id = $1 ORDER BY j.id",
        user_id,
    )
    .await?;
    let project_rows: Vec<ProjectRow> = list(
        db,
        "SELECT p.id AS project_id, e.name AS event, t.name AS team, p.title, p.tagline, p.description, p.repo_url, \
         p.demo_url, p.video_url, p.technologies, p.status, p.submitted_at, p.updated_at \
         FROM projects p JOIN teams t ON t.id = p.team_id JOIN events e ON e.id = p.event_id \
         JOIN team_members m ON m.team_id = t.id WHERE m.user_id = $1 ORDER BY p.id",
        user_id,
    )
    .await?;
    let mut shots: Vec<ScreenshotRow> = list(
        db,
        "SELECT s.project_id, s.file_name, s.content_type, s.bytes, \
         CAST(CASE WHEN s.uploaded_by = $1 THEN 1 ELSE 0 END AS BIGINT) AS uploaded_by_me, s.created_at \
         FROM screenshots s JOIN projects p ON p.id = s.project_id JOIN team_members m ON m.team_id = p.team_id \
         WHERE m.user_id = $1 ORDER BY s.id",
        user_id,
    )
    .await?;
    for s in &mut shots {
        // Served to the team's members, who are the ones downloading this.
        s.url = format!("/uploads/{}", s.file_name);
    }
    let projects = project_rows
        .into_iter()
        .map(|project| {
            let (mine, rest): (Vec<_>, Vec<_>) = shots.drain(..).partition(|s| s.project_id == project.project_id);
            shots = rest;
            ProjectData { project, screenshots: mine }
        })
        .collect();
    let project_edits = list(
        db,
        "SELECT h.project_id, e.name AS event, p.title, h.at, h.changes FROM project_history h \
         JOIN projects p ON p.id = h.project_id JOIN events e ON e.id = p.event_id WHERE h.user_id = $1 ORDER BY h.id",
        user_id,
    )
    .await?;
    let help_requests = list(
        db,
        "SELECT e.name AS event, t.name AS team, h.topic, h.skill, h.location, h.description, h.status, h.created_at, \
         h.claimed_at, h.resolved_at, CAST(CASE WHEN h.created_by = $1 THEN 1 ELSE 0 END AS BIGINT) AS raised_by_me, \
         CAST(CASE WHEN h.claimed_by = $1 THEN 1 ELSE 0 END AS BIGINT) AS claimed_by_me \
         FROM help_requests h JOIN teams t ON t.id = h.team_id JOIN events e ON e.id = h.event_id \
         WHERE h.created_by = $1 OR h.claimed_by = $1 \
         OR h.team_id IN (SELECT team_id FROM team_members WHERE user_id = $1) ORDER BY h.id",
        user_id,
    )
    .await?;
    let votes = list(
        db,
        "SELECT e.name AS event, v.project_id, p.title, v.cast_at FROM audience_votes v \
         JOIN projects p ON p.id = v.project_id JOIN events e ON e.id = v.event_id WHERE v.user_id = $1 ORDER BY v.cast_at",
        user_id,
    )
    .await?;
    let certificates = list(
        db,
        "SELECT e.name AS event, c.code, c.created_at FROM certificates c JOIN events e ON e.id = c.event_id \
         WHERE c.user_id = $1 ORDER BY c.created_at",
        user_id,
    )
    .await?;
    let checkins = list(
        db,
        "SELECT e.name AS event, c.checked_at, CASE WHEN c.checked_by IS NULL THEN 0 ELSE 1 END AS by_organizer \
         FROM checkins c JOIN events e ON e.id = c.event_id WHERE c.user_id = $1 ORDER BY c.checked_at",
        user_id,
    )
    .await?;
    let mentoring_sessions = list(
        db,
        "SELECT e.name AS event, CASE WHEN s.mentor_id = $1 THEN 'mentor' ELSE 'team' END AS as_role, t.name AS team, \
         s.starts_at, s.ends_at, s.location, b.booked_at, b.cancelled_at, b.notes, b.attended \
         FROM mentor_slots s LEFT JOIN mentor_bookings b ON b.slot_id = s.id JOIN events e ON e.id = s.event_id \
         LEFT JOIN teams t ON t.id = b.team_id \
         WHERE s.mentor_id = $1 OR b.booked_by = $1 \
         OR b.team_id IN (SELECT team_id FROM team_members WHERE user_id = $1) ORDER BY s.starts_at, s.id, b.id",
        user_id,
    )
    .await?;
    let mentored_teams = list(
        db,
        "SELECT e.name AS event, t.name AS team, a.skills, a.language, a.assigned_at FROM mentor_assignments a \
         JOIN teams t ON t.id = a.team_id JOIN events e ON e.id = a.event_id WHERE a.mentor_id = $1 ORDER BY a.team_id",
        user_id,
    )
    .await?;
    let mentoring_history = list(
        db,
        "SELECT e.name AS event, t.name AS team, l.first_at FROM mentorship_log l JOIN teams t ON t.id = l.team_id \
         JOIN events e ON e.id = t.event_id WHERE l.mentor_id = $1 ORDER BY l.first_at, l.team_id",
        user_id,
    )
    .await?;
    let judging = JudgingData {
        judge_settings: list(
            db,
            "SELECT e.name AS event, j.tracks, j.active FROM judge_profiles j JOIN events e ON e.id = j.event_id \
             WHERE j.user_id = $1 ORDER BY j.event_id",
            user_id,
        )
        .await?,
        assignments: list(
            db,
            "SELECT e.name AS event, a.project_id, p.title, a.assigned_at FROM judge_assignments a \
             JOIN projects p ON p.id = a.project_id JOIN events e ON e.id = a.event_id WHERE a.judge_id = $1 ORDER BY a.id",
            user_id,
        )
        .await?,
        conflicts_declared: list(
            db,
            "SELECT e.name AS event, t.name AS team, c.created_at FROM judge_conflicts c \
             JOIN teams t ON t.id = c.team_id JOIN events e ON e.id = c.event_id WHERE c.judge_id = $1 ORDER BY c.team_id",
            user_id,
        )
        .await?,
        scores_given: list(
            db,
            "SELECT e.name AS event, s.project_id, p.title, s.status, s.marks, s.notes, s.feedback, s.flagged, s.version, \
             s.created_at, s.updated_at FROM scores s JOIN projects p ON p.id = s.project_id \
             JOIN events e ON e.id = s.event_id WHERE s.judge_id = $1 ORDER BY s.id",
            user_id,
        )
        .await?,
        score_history: list(
            db,
            "SELECT project_id, outcome, version, status, marks, notes, feedback, flagged, at FROM score_saves \
             WHERE judge_id = $1 ORDER BY at, project_id",
            user_id,
        )
        .await?,
        // As the team's results page shows them: published results, feedback shown to teams.
        comments_on_my_team: list(
            db,
            "SELECT e.name AS event, p.title, s.feedback FROM scores s JOIN projects p ON p.id = s.project_id \
             JOIN events e ON e.id = s.event_id JOIN boards b ON b.event_id = s.event_id \
             JOIN team_members m ON m.team_id = p.team_id \
             WHERE m.user_id = $1 AND b.published IS NOT NULL AND b.show_comments = 1 \
             AND s.status = 'scored' AND s.feedback <> '' ORDER BY s.feedback",
            user_id,
        )
        .await?,
    };
    let invites_accepted = invites_accepted(db, user_id).await?;
    let activity =
        list(db, "SELECT action, event_id, at FROM audit_log WHERE actor_id = $1 ORDER BY id", user_id).await?;
    let sessions =
        SessionsData { signed_in: signed_in_sessions(db, user_id).await?, idle_minutes: idle.as_secs() / 60 };
    Ok(Some(PersonalData {
        format: FORMAT,
        exported_at: crate::db::now(),
        account,
        roles,
        participant_profiles,
        mentor_profiles,
        teams,
        join_requests,
        projects,
        project_edits,
        help_requests,
        votes,
        certificates,
        checkins,
        mentoring_sessions,
        mentored_teams,
        mentoring_history,
        judging,
        invites_accepted,
        activity,
        sessions,
    }))
}

/// The invites the person accepted. Acceptances are kept in the audit log (the invite's id in
/// its details), not in a table of their own.
async fn invites_accepted(db: &Db, user_id: i64) -> Result<Vec<InviteRow>, sqlx::Error> {
    #[derive(FromRow)]
    struct Accepted {
        after_json: Option<String>,
        at: i64,
    }
    let accepted: Vec<Accepted> = list(
        db,
        "SELECT after_json, at FROM audit_log WHERE actor_id = $1 AND action = 'invite.accepted' ORDER BY id",
        user_id,
    )
    .await?;
    let mut out = Vec::new();
    for a in accepted {
        let details: serde_json::Value =
            a.after_json.as_deref().and_then(|j| serde_json::from_str(j).ok()).unwrap_or_default();
        let Some(invite_id) = details.get("invite").and_then(|v| v.as_i64()) else { continue };
        let row: Option<InviteRow> = sqlx::query_as(
            "SELECT i.id AS invite_id, e.name AS event, i.role, i.label FROM invites i \
             JOIN events e ON e.id = i.event_id WHERE i.id = $1",
        )
        .bind(invite_id)
        .fetch_optional(&db.pool)
        .await?;
        out.extend(row.map(|row| InviteRow { accepted_at: a.at, ..row }));
    }
    Ok(out)
}

/// How many unexpired sessions of the account the gate would still admit: the session store
/// keeps opaque records with no index by account, so each unexpired record is read (a
/// download is rare; a hall's sessions are a few thousand at most).
pub async fn signed_in_sessions(db: &Db, user_id: i64) -> Result<usize, sqlx::Error> {
    let bound: Option<(String, i64)> =
        sqlx::query_as("SELECT password_hash, session_epoch FROM users WHERE id = $1 AND deleted_at IS NULL")
            .bind(user_id)
            .fetch_optional(&db.pool)
            .await?;
    let Some((hash, epoch)) = bound else { return Ok(0) };
    let sql = match db.backend {
        Backend::Sqlite => "SELECT data FROM tower_sessions WHERE expiry_date > $1",
        Backend::Postgres => "SELECT data FROM tower_sessions.session WHERE expiry_date > to_timestamp($1)",
    };
    let rows: Vec<(Vec<u8>,)> = sqlx::query_as(sql).bind(crate::db::now()).fetch_all(&db.pool).await?;
    let fingerprint = gate::fingerprint(&hash);
    Ok(rows
        .iter()
        .filter_map(|(data,)| rmp_serde::from_slice::<tower_sessions::session::Record>(data).ok())
        .filter(|r| {
            let value = |key: &str| r.data.get(key);
            value(gate::SESSION_USER).and_then(|v| v.as_i64()) == Some(user_id)
                && value(gate::SESSION_FINGERPRINT).and_then(|v| v.as_str()) == Some(fingerprint.as_str())
                && value(gate::SESSION_EPOCH).and_then(|v| v.as_i64()).unwrap_or(0) == epoch
                && value(gate::SESSION_PASS).is_none()
        })
        .count())
}
