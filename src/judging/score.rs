//! The judge's side: the phone sign-in link, conflicts of interest, the scoring desk and
//! the score save.
//!
//! **A save is idempotent and never overwrites newer work.** The phone sends each save with
//! a fresh key (`save_id`) and the version of the score it was editing (`base_version`).
//! Inside one transaction, serialized per judge (on PostgreSQL by touching the judge's `users`
//! row; SQLite writers already take turns):
//! - a key already seen gets the answer it got the first time (a replay after a lost
//!   acknowledgement changes nothing);
//! - a save whose base is not the current version is recorded as `stale` and not applied
//!   (another phone, or a later save from this one, got there first);
//! - otherwise the score is written, its version goes up, and the key is recorded with the
//!   outcome, in the same commit: an acknowledged save is durable exactly once.

use super::rubric::Criterion;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
use {
    super::db,
    super::rubric,
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::error::FieldError,
    crate::i18n::Msg,
    serde_json::json,
};

/// Where one judge's score of one project stands. Stored (and sent) as its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScoreStatus {
    /// Some criteria marked (an autosave).
    Draft,
    /// Every criterion marked: it counts in the results.
    Scored,
    /// The team was not at its table: done, with no marks.
    Absent,
}

impl ScoreStatus {
    pub fn code(self) -> &'static str {
        match self {
            ScoreStatus::Draft => "draft",
            ScoreStatus::Scored => "scored",
            ScoreStatus::Absent => "absent",
        }
    }

    /// A stored code; `None` for anything else (there is no score then).
    pub fn from_code(code: &str) -> Option<ScoreStatus> {
        [ScoreStatus::Draft, ScoreStatus::Scored, ScoreStatus::Absent].into_iter().find(|s| s.code() == code)
    }
}

/// One judge's sheet for one project, as the desk posts it (`marks[c1]=4`, ...).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoreSheet {
    /// `absent` for "team absent"; anything else lets the marks decide.
    pub status: String,
    pub marks: Option<BTreeMap<String, String>>,
    pub notes: String,
    /// Present (and not "off") when the judge flags the project for the organizers.
    pub flagged: Option<String>,
    /// Where a form posted without JavaScript returns to (only the desk itself is allowed).
    pub back: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyScore {
    pub status: String,
    pub marks: BTreeMap<String, i64>,
    pub notes: String,
    pub flagged: bool,
    pub version: i64,
    /// Given under an earlier rubric version: the judge is asked to score again.
    pub outdated: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskItem {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub tagline: String,
    pub description: String,
    /// `None` when the event hides team names from judges.
    pub team: Option<String>,
    pub track: String,
    pub table_label: String,
    pub links: Vec<String>,
    pub criteria: Vec<Criterion>,
    pub mine: Option<MyScore>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskData {
    pub event_id: i64,
    pub event_name: String,
    pub judge_id: i64,
    pub open: bool,
    pub items: Vec<DeskItem>,
}

/// The server's answer to one save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveAck {
    pub project_id: i64,
    /// The score's version after this save (or the newer version that made it stale).
    pub version: i64,
    pub applied: bool,
    pub status: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictTeam {
    pub team_id: i64,
    pub name: String,
    pub members: Vec<String>,
    pub declared: bool,
    /// Set when the conflict is automatic (own team, mentored team).
    pub automatic: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictData {
    pub event_id: i64,
    pub teams: Vec<ConflictTeam>,
}

/// A save key as the phone makes them: 8–64 letters, digits, `-` or `_`.
pub fn valid_save_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::db::{Db, Tx};
    use crate::error::AppResult;
    use crate::links::random;

    /// The stored "password" of a phone-only judge account: not an argon2 hash, so no
    /// password ever matches it (see `gate::is_pass_only`).
    pub fn pass_hash() -> String {
        format!("pass${}", random(32))
    }

    /// A new pass secret: 40 letters and digits from the thread's CSPRNG (about 238 bits).
    /// Only its digest is stored.
    pub fn new_token() -> String {
        random(40)
    }

    /// What `judge_passes.token_hash` holds for a token as typed or pasted.
    pub fn token_hash(token: &str) -> String {
        crate::links::digest(token.trim())
    }

    pub const DAY: i64 = 86_400;

    /// A new pass's expiry: a day after judging closes (the event's `judging_closes`), and
    /// never less than a day from now, so a pass issued late is not born expired.
    pub async fn default_expiry(tx: &mut Tx, event_id: i64) -> AppResult<i64> {
        let closes: Option<i64> = sqlx::query_scalar("SELECT judging_closes FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_optional(&mut **tx)
            .await?;
        Ok(closes.ok_or(AppError::NotFound)?.max(now()) + DAY)
    }

    /// A pass just issued or re-shown: its plain link exists only in this answer.
    pub struct Issued {
        pub pass_id: i64,
        pub token: String,
        pub expires_at: i64,
    }

    /// Issues a pass for a pass-only account (no other account ever gets one: an account with
    /// a password judges through its own login). The plain token is returned, never stored.
    pub async fn insert_pass(tx: &mut Tx, event_id: i64, user_id: i64, by: Option<i64>) -> AppResult<Issued> {
        let token = new_token();
        let expires_at = default_expiry(tx, event_id).await?;
        // The account check is part of the insert itself, so no caller can skip it.
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO judge_passes (token_hash, event_id, user_id, created_by, created_at, expires_at) \
             SELECT $1, $2, u.id, $4, $5, $6 FROM users u WHERE u.id = $3 AND u.password_hash LIKE 'pass$%' RETURNING id",
        )
        .bind(token_hash(&token))
        .bind(event_id)
        .bind(user_id)
        .bind(by)
        .bind(now())
        .bind(expires_at)
        .fetch_optional(&mut **tx)
        .await?;
        let pass_id = id.ok_or(AppError::Conflict(Msg::ErrPassOwnLogin))?;
        Ok(Issued { pass_id, token, expires_at })
    }

    /// A password-less account that signs in only through a judge link.
    pub async fn create_pass_user(tx: &mut Tx, name: &str) -> AppResult<i64> {
        let email = format!("judge-{}@pass.invalid", random(16).to_lowercase());
        match crate::auth::db::create_user(tx, &email, name, &pass_hash()).await? {
            crate::auth::db::NewUser::Created(user) => Ok(user.id),
            crate::auth::db::NewUser::EmailTaken => Err(AppError::missing("random judge pass address already taken")),
        }
    }

    /// A judge account that exists only for one event and signs in with its link.
    pub async fn create_pass_judge(
        tx: &mut Tx,
        event_id: i64,
        name: &str,
        by: Option<i64>,
    ) -> AppResult<(i64, Issued)> {
        let user_id = create_pass_user(tx, name).await?;
        crate::events::db::grant(tx, event_id, user_id, Role::Judge, by).await?;
        let issued = insert_pass(tx, event_id, user_id, by).await?;
        Ok((user_id, issued))
    }

    /// One save, validated, ready to apply.
    pub struct Save {
        pub judge: i64,
        pub event_id: i64,
        pub project_id: i64,
        pub save_id: String,
        pub base_version: i64,
        pub rubric_id: i64,
        pub status: ScoreStatus,
        pub marks_json: String,
        pub notes: String,
        pub flagged: i64,
        pub at: i64,
    }

    /// Applies one save inside the caller's write transaction (see the module comment). The
    /// outer error is the database's; the inner one is the request's.
    pub async fn apply(tx: &mut Tx, s: &Save) -> Result<AppResult<SaveAck>, sqlx::Error> {
        // The current score and this key's earlier answer, if any, in one read.
        #[derive(sqlx::FromRow)]
        struct Current {
            score_id: Option<i64>,
            score_version: Option<i64>,
            score_status: Option<String>,
            seen_outcome: Option<String>,
            seen_version: Option<i64>,
            seen_project: Option<i64>,
        }
        let Current { score_id, score_version, score_status, seen_outcome, seen_version, seen_project } =
            sqlx::query_as(
                "SELECT s.id AS score_id, s.version AS score_version, s.status AS score_status, \
                 k.outcome AS seen_outcome, k.version AS seen_version, k.project_id AS seen_project \
                 FROM (SELECT 1 AS one) q \
                 LEFT JOIN scores s ON s.project_id = $1 AND s.judge_id = $2 \
                 LEFT JOIN score_saves k ON k.judge_id = $2 AND k.save_id = $3",
            )
            .bind(s.project_id)
            .bind(s.judge)
            .bind(&s.save_id)
            .fetch_one(&mut **tx)
            .await?;
        let current_status = score_status.unwrap_or_default();
        if let (Some(outcome), Some(version), Some(seen_project)) = (seen_outcome, seen_version, seen_project) {
            if seen_project != s.project_id {
                return Ok(Err(AppError::field("save_id", Msg::ErrBadRequest)));
            }
            return Ok(Ok(SaveAck {
                project_id: s.project_id,
                version,
                applied: outcome == "applied",
                status: current_status,
            }));
        }
        let current_version = score_version.unwrap_or(0);
        if s.base_version != current_version {
            record(tx, s, "stale", current_version).await?;
            return Ok(Ok(SaveAck {
                project_id: s.project_id,
                version: current_version,
                applied: false,
                status: current_status,
            }));
        }
        let version = current_version + 1;
        match score_id {
            Some(id) => {
                sqlx::query(
                    "UPDATE scores SET rubric_id = $1, status = $2, marks = $3, notes = $4, flagged = $5, version = $6, updated_at = $7 WHERE id = $8",
                )
                .bind(s.rubric_id)
                .bind(s.status.code())
                .bind(&s.marks_json)
                .bind(&s.notes)
                .bind(s.flagged)
                .bind(version)
                .bind(s.at)
                .bind(id)
                .execute(&mut **tx)
                .await?;
            }
            None => {
                sqlx::query(
                    "INSERT INTO scores (event_id, project_id, judge_id, rubric_id, status, marks, notes, flagged, version, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9)",
                )
                .bind(s.event_id)
                .bind(s.project_id)
                .bind(s.judge)
                .bind(s.rubric_id)
                .bind(s.status.code())
                .bind(&s.marks_json)
                .bind(&s.notes)
                .bind(s.flagged)
                .bind(s.at)
                .execute(&mut **tx)
                .await?;
            }
        }
        // The history row is the audit record of this edit (see the migration).
        record(tx, s, "applied", version).await?;
        Ok(Ok(SaveAck { project_id: s.project_id, version, applied: true, status: s.status.code().to_owned() }))
    }

    /// Records a save under its key, with what it carried: the idempotency log and the
    /// score's edit history in one row.
    async fn record(tx: &mut Tx, s: &Save, outcome: &str, version: i64) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO score_saves (judge_id, save_id, project_id, outcome, version, status, marks, notes, flagged, at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(s.judge)
        .bind(&s.save_id)
        .bind(s.project_id)
        .bind(outcome)
        .bind(version)
        .bind(s.status.code())
        .bind(&s.marks_json)
        .bind(&s.notes)
        .bind(s.flagged)
        .bind(s.at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    struct Job {
        save: Save,
        reply: tokio::sync::oneshot::Sender<AppResult<SaveAck>>,
    }

    /// Where saves are applied. On SQLite one writer task commits the saves waiting at that
    /// moment in one transaction (group commit): SQLite has a single writer anyway, and a
    /// transaction per save spends its time handing the write lock from request to request.
    /// Each save is answered only after its transaction commits. On PostgreSQL every save
    /// is its own transaction, serialized per judge by locking the judge's row.
    #[derive(Clone, Debug)]
    pub struct Writer {
        queue: Option<tokio::sync::mpsc::Sender<Job>>,
    }

    impl std::fmt::Debug for Job {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("Job")
        }
    }

    const BATCH: usize = 256;

    impl Writer {
        pub fn start(db: &Db) -> Writer {
            if db.backend != crate::db::Backend::Sqlite {
                return Writer { queue: None };
            }
            let (queue, mut jobs) = tokio::sync::mpsc::channel::<Job>(4 * BATCH);
            let db = db.clone();
            tokio::spawn(async move {
                let mut batch = Vec::with_capacity(BATCH);
                while jobs.recv_many(&mut batch, BATCH).await > 0 {
                    run_batch(&db, &mut batch).await;
                }
            });
            Writer { queue: Some(queue) }
        }

        pub async fn save(&self, db: &Db, save: Save) -> AppResult<SaveAck> {
            match &self.queue {
                Some(queue) => {
                    let (reply, answer) = tokio::sync::oneshot::channel();
                    queue.send(Job { save, reply }).await.map_err(|e| AppError::internal("score writer stopped", e))?;
                    answer.await.map_err(|e| AppError::internal("score writer dropped a save", e))?
                }
                None => {
                    let mut tx = db.begin_write().await?;
                    sqlx::query("UPDATE users SET created_at = created_at WHERE id = $1")
                        .bind(save.judge)
                        .execute(&mut *tx)
                        .await?;
                    let outcome = apply(&mut tx, &save).await?;
                    if outcome.is_ok() {
                        tx.commit().await?;
                    }
                    outcome
                }
            }
        }
    }

    async fn run_batch(db: &Db, batch: &mut Vec<Job>) {
        let together = async {
            let mut tx = db.begin_write().await?;
            let mut answers = Vec::with_capacity(batch.len());
            for job in batch.iter() {
                answers.push(apply(&mut tx, &job.save).await?);
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(answers)
        }
        .await;
        match together {
            Ok(answers) => {
                for (job, answer) in batch.drain(..).zip(answers) {
                    let _ = job.reply.send(answer);
                }
            }
            // One failing save must not fail the others: apply them one by one.
            Err(e) => {
                tracing::warn!(error = %e, saves = batch.len(), "score batch failed; applying one by one");
                for job in batch.drain(..) {
                    let one = async {
                        let mut tx = db.begin_write().await?;
                        let answer = apply(&mut tx, &job.save).await?;
                        tx.commit().await?;
                        Ok::<_, sqlx::Error>(answer)
                    }
                    .await;
                    let _ = job.reply.send(one.unwrap_or_else(|e| Err(AppError::from(e))));
                }
            }
        }
    }

    /// Signs this phone in through pass `pass_id`: a session that reaches the pass's event
    /// as a judge only (see `gate`).
    pub async fn sign_in_with_pass(
        session: &tower_sessions::Session,
        db: &crate::db::Db,
        user_id: i64,
        pass_id: i64,
    ) -> AppResult<()> {
        let (user, hash) = crate::auth::db::user_by_id(db, user_id).await?.ok_or(AppError::NotFound)?;
        crate::auth::open_pass_session(session, &user, &hash, pass_id).await
    }
}

/// Opens a judge's personal link: signs this phone in to that one event's judging and goes
/// to the scoring desk. Public: the token is the secret; a revoked, replaced or expired
/// token opens nothing.
#[server(prefix = "/api", endpoint = "judging/pass/open")]
pub async fn open_pass(token: String) -> Result<(), AppError> {
    let caller = gate::public().await?;
    #[derive(sqlx::FromRow)]
    struct Pass {
        id: i64,
        event_id: i64,
        user_id: i64,
        expires_at: i64,
    }
    let row: Option<Pass> = sqlx::query_as(
        "SELECT p.id, p.event_id, p.user_id, p.expires_at FROM judge_passes p JOIN users u ON u.id = p.user_id \
         WHERE p.token_hash = $1 AND p.revoked_at IS NULL AND u.password_hash LIKE 'pass$%'",
    )
    .bind(ssr::token_hash(&token))
    .fetch_optional(&caller.db().pool)
    .await?;
    let pass = row.ok_or(AppError::Conflict(Msg::ErrPassInvalid))?;
    if pass.expires_at <= now() {
        return Err(AppError::Conflict(Msg::ErrPassExpired));
    }
    ssr::sign_in_with_pass(&caller.session, caller.db(), pass.user_id, pass.id).await?;
    leptos_axum::redirect(&format!("/events/{}/judge", pass.event_id));
    Ok(())
}

/// Joins as a judge through a judge invite with just a name: the phone is signed in to this
/// one event, no password. Public: the invite is checked in the same transaction.
#[server(prefix = "/api", endpoint = "judging/pass/join")]
pub async fn join_as_judge(code: String, display_name: String) -> Result<(), AppError> {
    let caller = gate::public().await?;
    crate::auth::limit_joins().await?;
    let name =
        crate::auth::domain::DisplayName::parse(&display_name).map_err(|k| AppError::field("display_name", k))?;
    let role: Option<(String, i64)> = sqlx::query_as("SELECT role, event_id FROM invites WHERE code = $1")
        .bind(code.trim())
        .fetch_optional(&caller.db().pool)
        .await?;
    let (role, event_id) = role.ok_or(AppError::NotFound)?;
    if role != Role::Judge.code() {
        return Err(AppError::Forbidden);
    }
    let mut tx = caller.db().begin_write().await?;
    let user_id = ssr::create_pass_user(&mut tx, name.as_str()).await?;
    // Takes one use of the invite (race-free) and grants the judge role.
    crate::invites::db::accept(&mut tx, code.trim(), user_id).await?;
    // The pass exists only to sign this phone in: its token is never shown.
    let pass = ssr::insert_pass(&mut tx, event_id, user_id, None).await?;
    audit(&mut tx, Some(event_id), Some(user_id), "judge.joined", None, Some(json!({ "judge": user_id }))).await?;
    tx.commit().await?;
    ssr::sign_in_with_pass(&caller.session, caller.db(), user_id, pass.pass_id).await?;
    leptos_axum::redirect(&format!("/events/{event_id}/judge"));
    Ok(())
}

/// The judge's desk: their assigned projects in order, the rubric of each, and the judge's
/// own scores, nothing of anyone else's.
#[server(prefix = "/api", endpoint = "judging/desk")]
pub async fn judge_desk(event_id: i64) -> Result<DeskData, AppError> {
    let access = gate::event(event_id, &[Role::Judge]).await?;
    let db = access.db();
    let me = access.user.id;
    let settings = db::settings(db, event_id).await?;
    let event_name: String =
        sqlx::query_scalar("SELECT name FROM events WHERE id = $1").bind(event_id).fetch_one(&db.pool).await?;
    #[derive(sqlx::FromRow)]
    struct Assigned {
        id: i64,
        title: String,
        tagline: String,
        description: String,
        team: String,
        track: String,
        track_id: Option<i64>,
        table_label: String,
        repo_url: String,
        demo_url: String,
    }
    #[derive(sqlx::FromRow)]
    struct Mine {
        project_id: i64,
        status: String,
        rubric_id: i64,
        marks: String,
        notes: String,
        flagged: i64,
        version: i64,
    }
    let rows: Vec<Assigned> = sqlx::query_as(
        "SELECT p.id, p.title, p.tagline, p.description, t.name AS team, COALESCE(tr.name, '') AS track, p.track_id, \
         p.table_label, p.repo_url, p.demo_url \
         FROM judge_assignments a JOIN projects p ON p.id = a.project_id JOIN teams t ON t.id = p.team_id \
         LEFT JOIN tracks tr ON tr.id = p.track_id \
         WHERE a.event_id = $1 AND a.judge_id = $2 ORDER BY p.table_label, p.id",
    )
    .bind(event_id)
    .bind(me)
    .fetch_all(&db.pool)
    .await?;
    let mine: Vec<Mine> = sqlx::query_as(
        "SELECT project_id, status, rubric_id, marks, notes, flagged, version FROM scores WHERE event_id = $1 AND judge_id = $2",
    )
    .bind(event_id)
    .bind(me)
    .fetch_all(&db.pool)
    .await?;
    let mut rubrics: std::collections::HashMap<Option<i64>, Option<(i64, Vec<Criterion>)>> = Default::default();
    let mut items = Vec::with_capacity(rows.len());
    for p in rows {
        if let std::collections::hash_map::Entry::Vacant(slot) = rubrics.entry(p.track_id) {
            slot.insert(db::rubric_for(db, event_id, p.track_id).await?.map(|r| (r.id, r.criteria)));
        }
        let (rubric_id, criteria) = rubrics.get(&p.track_id).cloned().flatten().unwrap_or((0, Vec::new()));
        let score = mine.iter().find(|s| s.project_id == p.id).map(|s| MyScore {
            status: s.status.clone(),
            marks: serde_json::from_str(&s.marks).unwrap_or_default(),
            notes: s.notes.clone(),
            flagged: s.flagged == 1,
            version: s.version,
            outdated: s.rubric_id != rubric_id && s.status != ScoreStatus::Absent.code(),
        });
        items.push(DeskItem {
            project_id: p.id,
            code: super::project_code(p.id),
            title: p.title,
            tagline: p.tagline,
            description: p.description,
            team: (!settings.hide_names).then_some(p.team),
            track: p.track,
            table_label: p.table_label,
            links: [p.repo_url, p.demo_url].into_iter().filter(|l| !l.is_empty()).collect(),
            criteria,
            mine: score,
        });
    }
    Ok(DeskData { event_id, event_name, judge_id: me, open: settings.open_now, items })
}

/// Saves one judge's score of one project (see the module comment for the guarantees).
/// `status` is `absent` for "team absent", anything else lets the marks decide: every
/// criterion marked is a complete score, fewer is an autosaved draft.
#[server(prefix = "/api", endpoint = "judging/save")]
pub async fn save_score(
    event_id: i64,
    project_id: i64,
    save_id: String,
    base_version: i64,
    // Flattened, so the desk's form and its offline queue post the fields under their own names.
    #[server(flatten)] sheet: ScoreSheet,
) -> Result<SaveAck, AppError> {
    let ScoreSheet { status, marks, notes, flagged, back } = sheet;
    let access = gate::event(event_id, &[Role::Judge]).await?;
    let db = access.db();
    let me = access.user.id;
    if !valid_save_id(&save_id) {
        return Err(AppError::field("save_id", Msg::ErrBadRequest));
    }
    // The assignment (which also proves the project is in this event), whether judging is
    // open, and the project's rubric (its track's, else the event's), in one read.
    const RUBRIC: &str =
        "FROM rubrics r WHERE r.event_id = a.event_id AND (r.scope = COALESCE(p.track_id, 0) OR r.scope = 0) \
                          ORDER BY CASE WHEN r.scope = 0 THEN 1 ELSE 0 END, r.version DESC LIMIT 1";
    #[derive(sqlx::FromRow)]
    struct Assignment {
        judging_opens: i64,
        judging_closes: i64,
        state: Option<String>,
        rubric_id: Option<i64>,
        criteria: Option<String>,
    }
    let row: Option<Assignment> = sqlx::query_as(&format!(
        "SELECT e.judging_opens, e.judging_closes, s.state, (SELECT r.id {RUBRIC}) AS rubric_id, \
         (SELECT r.criteria {RUBRIC}) AS criteria \
         FROM judge_assignments a JOIN projects p ON p.id = a.project_id JOIN events e ON e.id = a.event_id \
         LEFT JOIN judging_settings s ON s.event_id = a.event_id \
         WHERE a.event_id = $1 AND a.project_id = $2 AND a.judge_id = $3"
    ))
    .bind(event_id)
    .bind(project_id)
    .bind(me)
    .fetch_optional(&db.pool)
    .await?;
    let row = row.ok_or(AppError::NotFound)?;
    if !super::open_now(row.state.as_deref().unwrap_or("scheduled"), row.judging_opens, row.judging_closes, now()) {
        return Err(AppError::Conflict(Msg::ErrJudgingClosed));
    }
    let (Some(rubric_id), Some(criteria)) = (row.rubric_id, row.criteria) else {
        return Err(AppError::Conflict(Msg::ErrNoRubric));
    };
    let criteria = db::parse_criteria(&criteria)?;
    let mut errors: Vec<FieldError> = Vec::new();
    let notes = crate::events::domain::text(&mut errors, "notes", &notes, rubric::NOTES_MAX, false);
    let raw_marks = marks.unwrap_or_default();
    // No rubric has more criteria than the builder offers: a longer list is refused before
    // its keys are even read (each would otherwise become a stored key and an error line).
    if raw_marks.len() > rubric::MAX_CRITERIA {
        return Err(AppError::field("marks", Msg::ErrTooManyMarks));
    }
    let marks = match rubric::parse_marks(&raw_marks) {
        Ok(m) => m,
        Err(e) => {
            errors.extend(e);
            BTreeMap::new()
        }
    };
    // Marks are checked against the rubric whatever the status: an "absent" save is no way
    // around validation, and stores no marks at all (nor copies any into the history).
    let completeness = match rubric::check_marks(&criteria, &marks) {
        Ok(c) => c,
        Err(e) => {
            errors.extend(e);
            rubric::Completeness::Partial
        }
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let (status, marks) = match (status == ScoreStatus::Absent.code(), completeness) {
        (true, _) => (ScoreStatus::Absent, BTreeMap::new()),
        (false, rubric::Completeness::Complete) => (ScoreStatus::Scored, marks),
        (false, rubric::Completeness::Partial) => (ScoreStatus::Draft, marks),
    };
    let marks_json = serde_json::to_string(&marks).map_err(|e| AppError::internal("marks not serialized", e))?;
    let flagged = i64::from(flagged.is_some_and(|f| !f.is_empty() && f != "off"));
    let t = now();

    let save = ssr::Save {
        judge: me,
        event_id,
        project_id,
        save_id,
        base_version,
        rubric_id,
        status,
        marks_json,
        notes,
        flagged,
        at: t,
    };
    let ack = access.state.scores.save(db, save).await?;
    if ack.applied {
        access.state.live.publish(event_id, crate::live::Topic::Judging);
    }
    // A form posted without JavaScript comes back to the desk, on the same project.
    if let Some(back) = back.filter(|b| b.starts_with(&format!("/events/{event_id}/judge"))) {
        leptos_axum::redirect(&back);
    }
    Ok(ack)
}

/// The teams of the event, for declaring conflicts of interest. Shows names (a judge needs
/// them to recognise a conflict), but no project content or scores.
#[server(prefix = "/api", endpoint = "judging/conflicts")]
pub async fn judge_conflicts(event_id: i64) -> Result<ConflictData, AppError> {
    let access = gate::event(event_id, &[Role::Judge]).await?;
    let db = access.db();
    let me = access.user.id;
    let teams: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM teams WHERE event_id = $1 ORDER BY name")
        .bind(event_id)
        .fetch_all(&db.pool)
        .await?;
    let members: Vec<(i64, String)> = sqlx::query_as(
        "SELECT m.team_id, u.display_name FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.event_id = $1 ORDER BY u.display_name",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let declared: Vec<(i64,)> =
        sqlx::query_as("SELECT team_id FROM judge_conflicts WHERE event_id = $1 AND judge_id = $2")
            .bind(event_id)
            .bind(me)
            .fetch_all(&db.pool)
            .await?;
    let all = db::conflicts(db, event_id).await?;
    Ok(ConflictData {
        event_id,
        teams: teams
            .into_iter()
            .map(|(team_id, name)| {
                let is_declared = declared.iter().any(|(t,)| *t == team_id);
                ConflictTeam {
                    team_id,
                    name,
                    members: members.iter().filter(|m| m.0 == team_id).map(|m| m.1.clone()).collect(),
                    declared: is_declared,
                    automatic: !is_declared && all.contains(&(me, team_id)),
                }
            })
            .collect(),
    })
}

/// Replaces the judge's declared conflicts. Nothing on the judge's desk changes at once:
/// withdrawing the conflicted team's project there and then would tell a judge who does not
/// see team names which project is that team's (declare one team, watch which project goes).
/// The organizer's next assignment run withdraws unscored conflicted assignments and refills
/// them (`assign::plan`), together with every other change of that run.
#[server(prefix = "/api", endpoint = "judging/conflicts/save")]
pub async fn save_conflicts(event_id: i64, teams: Option<BTreeMap<String, String>>) -> Result<(), AppError> {
    let access = gate::event(event_id, &[Role::Judge]).await?;
    let me = access.user.id;
    let wanted: Vec<i64> = teams.unwrap_or_default().keys().filter_map(|k| k.parse().ok()).collect();
    let known: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM teams WHERE event_id = $1").bind(event_id).fetch_all(&access.db().pool).await?;
    if wanted.iter().any(|w| !known.iter().any(|(k,)| k == w)) {
        return Err(AppError::field("teams", Msg::ErrBadRequest));
    }
    let mut tx = access.db().begin_write().await?;
    sqlx::query("DELETE FROM judge_conflicts WHERE event_id = $1 AND judge_id = $2")
        .bind(event_id)
        .bind(me)
        .execute(&mut *tx)
        .await?;
    let t = now();
    for team in &wanted {
        sqlx::query("INSERT INTO judge_conflicts (event_id, judge_id, team_id, created_at) VALUES ($1, $2, $3, $4)")
            .bind(event_id)
            .bind(me)
            .bind(team)
            .bind(t)
            .execute(&mut *tx)
            .await?;
    }
    audit(&mut tx, Some(event_id), Some(me), "judge.conflicts", None, Some(json!({ "teams": wanted }))).await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Judging);
    leptos_axum::redirect(&format!("/events/{event_id}/judge"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::ScoreStatus;

    #[test]
    fn score_statuses_keep_their_stored_codes() {
        for s in [ScoreStatus::Draft, ScoreStatus::Scored, ScoreStatus::Absent] {
            assert_eq!(ScoreStatus::from_code(s.code()), Some(s));
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.code()));
        }
        assert_eq!(ScoreStatus::from_code("Scored"), None);
        assert_eq!(ScoreStatus::from_code(""), None);
    }
}
