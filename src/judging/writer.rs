//! The score writer: applies judges' saves exactly once, in order, with their history (the
//! `score_saves` rows that are both the idempotency log and the audit of each edit).
//!
//! **Group commit, set-based.** Saves wait in one queue; a writer takes every save waiting
//! at that moment (up to [`BATCH`]) and applies them in one transaction with a constant
//! number of statements, however many saves the batch holds:
//! 1. on PostgreSQL, a transaction-scoped advisory lock per judge of the batch, taken in
//!    ascending order (no deadlock between writers or instances) and writing no row;
//! 2. one read of everything the saves depend on: the assignment (which also proves the
//!    project is in the event), the judge's role and the event's archive state as they are
//!    now (the gate read them before the save queued), whether judging is open, the
//!    project's rubric, the current score and any earlier answer to the same key;
//! 3. the rubrics the batch needs;
//! 4. one insert of every history row and one upsert of every changed score.
//!
//! Each save is then answered after the commit. The reads happen inside the transaction,
//! after the locks, so a save is checked against the state it is applied to. On SQLite there
//! is one writer (SQLite has one anyway); on PostgreSQL two, so one batch is built while the
//! other commits, and the locks keep instances sharing the database in step.

use super::rubric::{self, Criterion};
use super::score::{SaveAck, ScoreStatus};
use crate::db::{Backend, Db, Tx};
use crate::error::{AppError, AppResult, FieldError};
use crate::i18n::Msg;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// One save as the phone sent it, its own fields checked (key, notes, marks as numbers);
/// what depends on the database (assignment, rubric, versions) is checked by the writer.
pub struct Save {
    pub judge: i64,
    pub event_id: i64,
    pub project_id: i64,
    pub save_id: String,
    pub base_version: i64,
    /// "Team absent": done, with no marks.
    pub absent: bool,
    pub marks: BTreeMap<String, i64>,
    /// Private notes, for the organizers.
    pub notes: String,
    /// Feedback for the team, shown to it (without the judge's name) if the organizer
    /// allows once results are published.
    pub feedback: String,
    pub flagged: i64,
    pub at: i64,
    /// The organizer who keyed this save in from the judge's paper sheet; `None` for the
    /// judge's own saves. Kept in the history row.
    pub entered_by: Option<i64>,
    /// The rubric the save was made under, when it must still be the one in force (a paper
    /// sheet printed under it): its id and fingerprint (`rubric::fingerprint`). A phone's
    /// save takes the rubric in force.
    pub rubric: Option<(i64, String)>,
    /// Problems already found in the fields; answered only once the save is known to be
    /// the judge's to make (an unassigned project is a 404 whatever its fields hold).
    pub errors: Vec<FieldError>,
}

/// The most saves one transaction applies. Each save binds 12 values into the largest
/// statements, well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
pub const BATCH: usize = 256;

/// Namespace of the writer's advisory locks (the first key; the judge's id is the second).
const LOCK_CLASS: i32 = 0x4841; // "HA"

/// What the batch read returns for one save.
#[derive(sqlx::FromRow, Debug)]
struct Facts {
    i: i64,
    assignment: Option<i64>,
    /// The judge's unretired judge role in the event.
    judge_role: Option<i64>,
    archived_at: Option<i64>,
    judging_opens: Option<i64>,
    judging_closes: Option<i64>,
    state: Option<String>,
    rubric_id: Option<i64>,
    score_version: Option<i64>,
    score_status: Option<String>,
    seen_outcome: Option<String>,
    seen_version: Option<i64>,
    seen_project: Option<i64>,
}

/// A history row to insert.
struct Record {
    judge: i64,
    save_id: String,
    project_id: i64,
    outcome: &'static str,
    version: i64,
    status: &'static str,
    marks: String,
    notes: String,
    feedback: String,
    flagged: i64,
    at: i64,
    entered_by: Option<i64>,
}

/// A score's new state (the last applied save of the batch for that judge and project).
#[derive(Clone)]
struct Written {
    event_id: i64,
    rubric_id: i64,
    status: &'static str,
    marks: String,
    notes: String,
    feedback: String,
    flagged: i64,
    version: i64,
    at: i64,
}

/// Where a judge's score of a project stands while the batch is worked through.
#[derive(Clone)]
struct Current {
    version: i64,
    status: String,
}

/// A key answered earlier (in the database or earlier in this batch).
#[derive(Clone)]
struct Seen {
    project_id: i64,
    outcome: &'static str,
    version: i64,
}

/// Takes the writer's lock on each of these judges for the rest of the transaction
/// (PostgreSQL; SQLite's writers take turns anyway). Changes to a judge's judging that a save
/// in flight must not slip past (removing or retiring the judge) take it too, before they
/// read anything.
pub async fn lock_judges(tx: &mut Tx, backend: Backend, mut judges: Vec<i64>) -> Result<(), sqlx::Error> {
    if backend != Backend::Postgres || judges.is_empty() {
        return Ok(());
    }
    // Ascending order, so two writers never wait on each other in a cycle. The judge's id as
    // a 32-bit key: ids beyond it would only make two judges share a lock.
    judges.sort_unstable();
    judges.dedup();
    let values = placeholders(backend, judges.len(), 1, 0);
    let sql =
        format!("SELECT COUNT(pg_advisory_xact_lock({LOCK_CLASS}, CAST(j AS INTEGER))) FROM (VALUES {values}) v(j)");
    let mut q = sqlx::query_scalar::<_, i64>(&sql).persistent(cached(judges.len()));
    for j in &judges {
        q = q.bind(*j);
    }
    q.fetch_one(&mut **tx).await?;
    Ok(())
}

/// Applies a batch inside the caller's write transaction: one answer per save, in order.
/// The outer error is the database's (the transaction must not commit); an inner one is
/// that save's own refusal, which writes nothing.
pub async fn apply_batch(
    tx: &mut Tx,
    backend: Backend,
    saves: &[Save],
) -> Result<Vec<AppResult<SaveAck>>, sqlx::Error> {
    if saves.is_empty() {
        return Ok(Vec::new());
    }
    let judges: Vec<i64> = saves.iter().map(|s| s.judge).collect();
    lock_judges(tx, backend, judges).await?;

    // 2. Everything the saves depend on, in one read.
    const RUBRIC: &str = "(SELECT r.id FROM rubrics r WHERE r.event_id = a.event_id \
         AND (r.scope = COALESCE(p.track_id, 0) OR r.scope = 0) \
         ORDER BY CASE WHEN r.scope = 0 THEN 1 ELSE 0 END, r.version DESC LIMIT 1)";
    let sql = format!(
        "WITH q (i, judge_id, project_id, event_id, save_id) AS (VALUES {}) \
         SELECT q.i AS i, a.id AS assignment, er.user_id AS judge_role, e.archived_at, e.judging_opens, e.judging_closes, st.state, {RUBRIC} AS rubric_id, \
         s.version AS score_version, s.status AS score_status, \
         k.outcome AS seen_outcome, k.version AS seen_version, k.project_id AS seen_project \
         FROM q \
         LEFT JOIN judge_assignments a ON a.event_id = q.event_id AND a.project_id = q.project_id AND a.judge_id = q.judge_id \
         LEFT JOIN projects p ON p.id = a.project_id \
         LEFT JOIN events e ON e.id = a.event_id \
         LEFT JOIN judging_settings st ON st.event_id = a.event_id \
         LEFT JOIN event_roles er ON er.event_id = q.event_id AND er.user_id = q.judge_id \
           AND er.role = 'judge' AND er.retired_at IS NULL \
         LEFT JOIN scores s ON s.project_id = q.project_id AND s.judge_id = q.judge_id \
         LEFT JOIN score_saves k ON k.judge_id = q.judge_id AND k.save_id = q.save_id",
        placeholders(backend, saves.len(), 5, 0)
    );
    let mut q = sqlx::query_as::<_, Facts>(&sql).persistent(cached(saves.len()));
    for (i, s) in saves.iter().enumerate() {
        q = q.bind(i as i64).bind(s.judge).bind(s.project_id).bind(s.event_id).bind(s.save_id.as_str());
    }
    let mut facts: Vec<Option<Facts>> = (0..saves.len()).map(|_| None).collect();
    for f in q.fetch_all(&mut **tx).await? {
        if let Some(slot) = usize::try_from(f.i).ok().and_then(|i| facts.get_mut(i)) {
            *slot = Some(f);
        }
    }

    // 3. The rubrics the batch needs, each read and parsed once.
    let mut rubric_ids: Vec<i64> = facts.iter().flatten().filter_map(|f| f.rubric_id).collect();
    rubric_ids.sort_unstable();
    rubric_ids.dedup();
    let mut rubrics: HashMap<i64, Arc<Vec<Criterion>>> = HashMap::new();
    if !rubric_ids.is_empty() {
        let sql = format!(
            "SELECT id, criteria FROM rubrics WHERE id IN ({})",
            placeholders(backend, rubric_ids.len(), 1, 0).replace(['(', ')'], "")
        );
        let mut q = sqlx::query_as::<_, (i64, String)>(&sql).persistent(cached(rubric_ids.len()));
        for id in &rubric_ids {
            q = q.bind(*id);
        }
        for (id, criteria) in q.fetch_all(&mut **tx).await? {
            match super::db::parse_criteria(&criteria) {
                Ok(c) => {
                    rubrics.insert(id, Arc::new(c));
                }
                // Logged by the parser; the saves under it are answered with a 500.
                Err(_) => continue,
            }
        }
    }

    // Each save in order, against the state the earlier saves of the batch left.
    let t = crate::db::now();
    let mut currents: HashMap<(i64, i64), Current> = HashMap::new();
    let mut seen: HashMap<(i64, String), Seen> = HashMap::new();
    let mut records: Vec<Record> = Vec::new();
    let mut written: BTreeMap<(i64, i64), Written> = BTreeMap::new();
    let mut answers = Vec::with_capacity(saves.len());
    for (s, f) in saves.iter().zip(facts) {
        answers.push(decide(s, f, &rubrics, t, &mut currents, &mut seen, &mut records, &mut written));
    }

    // 4. The history rows, then the scores' new states, one statement each.
    if !records.is_empty() {
        let sql = format!(
            "INSERT INTO score_saves (judge_id, save_id, project_id, outcome, version, status, marks, notes, feedback, flagged, \
             at, entered_by) VALUES {}",
            placeholders(backend, records.len(), 12, 0)
        );
        let mut q = sqlx::query(&sql).persistent(cached(records.len()));
        for r in &records {
            q = q
                .bind(r.judge)
                .bind(r.save_id.as_str())
                .bind(r.project_id)
                .bind(r.outcome)
                .bind(r.version)
                .bind(r.status)
                .bind(r.marks.as_str())
                .bind(r.notes.as_str())
                .bind(r.feedback.as_str())
                .bind(r.flagged)
                .bind(r.at)
                .bind(r.entered_by);
        }
        q.execute(&mut **tx).await?;
    }
    if !written.is_empty() {
        let sql = format!(
            "INSERT INTO scores (event_id, project_id, judge_id, rubric_id, status, marks, notes, feedback, flagged, version, \
             created_at, updated_at) VALUES {} ON CONFLICT (project_id, judge_id) DO UPDATE SET rubric_id = excluded.rubric_id, \
             status = excluded.status, marks = excluded.marks, notes = excluded.notes, feedback = excluded.feedback, \
             flagged = excluded.flagged, version = excluded.version, updated_at = excluded.updated_at",
            placeholders(backend, written.len(), 12, 0)
        );
        let mut q = sqlx::query(&sql).persistent(cached(written.len()));
        for ((project_id, judge), w) in &written {
            q = q
                .bind(w.event_id)
                .bind(*project_id)
                .bind(*judge)
                .bind(w.rubric_id)
                .bind(w.status)
                .bind(w.marks.as_str())
                .bind(w.notes.as_str())
                .bind(w.feedback.as_str())
                .bind(w.flagged)
                .bind(w.version)
                .bind(w.at)
                .bind(w.at);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(answers)
}

/// One save's answer, given what the database held and what the batch did before it; what
/// it writes goes into `records` and `written`.
#[allow(clippy::too_many_arguments)]
fn decide(
    s: &Save,
    f: Option<Facts>,
    rubrics: &HashMap<i64, Arc<Vec<Criterion>>>,
    t: i64,
    currents: &mut HashMap<(i64, i64), Current>,
    seen: &mut HashMap<(i64, String), Seen>,
    records: &mut Vec<Record>,
    written: &mut BTreeMap<(i64, i64), Written>,
) -> AppResult<SaveAck> {
    let f = f.ok_or(AppError::NotFound)?;
    if f.assignment.is_none() {
        return Err(AppError::NotFound);
    }
    // The gate admitted the save; these catch a change that committed since (the judge
    // removed or retired, the event archived) before the save reached its transaction.
    if f.judge_role.is_none() {
        return Err(AppError::Forbidden);
    }
    if f.archived_at.is_some() {
        return Err(AppError::Conflict(Msg::ErrEventArchived));
    }
    let state = f.state.as_deref().unwrap_or("scheduled");
    if !super::open_now(state, f.judging_opens.unwrap_or(0), f.judging_closes.unwrap_or(0), t) {
        return Err(AppError::Conflict(Msg::ErrJudgingClosed));
    }
    let Some(rubric_id) = f.rubric_id else {
        return Err(AppError::Conflict(Msg::ErrNoRubric));
    };
    let criteria = rubrics.get(&rubric_id).ok_or(AppError::Internal)?;
    // A sheet printed under another rubric, or before this one was edited in place, is
    // refused here, where the save is applied; a key answered before keeps its answer.
    let replayed = f.seen_outcome.is_some() || seen.contains_key(&(s.judge, s.save_id.clone()));
    if let Some((id, mark)) = s.rubric.as_ref().filter(|_| !replayed) {
        if *id != rubric_id || *mark != rubric::fingerprint(criteria) {
            return Err(AppError::Conflict(Msg::ErrRubricChangedSincePrinted));
        }
    }
    // Marks are checked against the rubric whatever the status: an "absent" save is no way
    // around validation, and stores no marks at all (nor copies any into the history).
    let mut errors = s.errors.clone();
    let completeness = match rubric::check_marks(criteria, &s.marks) {
        Ok(c) => c,
        Err(e) => {
            errors.extend(e);
            rubric::Completeness::Partial
        }
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let (status, marks) = match (s.absent, completeness) {
        (true, _) => (ScoreStatus::Absent, BTreeMap::new()),
        (false, rubric::Completeness::Complete) => (ScoreStatus::Scored, s.marks.clone()),
        (false, rubric::Completeness::Partial) => (ScoreStatus::Draft, s.marks.clone()),
    };
    let marks = serde_json::to_string(&marks).map_err(|e| AppError::internal("marks not serialized", e))?;

    let score_key = (s.project_id, s.judge);
    let current = currents
        .entry(score_key)
        .or_insert_with(|| Current {
            version: f.score_version.unwrap_or(0),
            status: f.score_status.clone().unwrap_or_default(),
        })
        .clone();
    // A key seen before (stored, or earlier in this batch) gets the answer it got then.
    let key = (s.judge, s.save_id.clone());
    let earlier = seen.get(&key).cloned().or_else(|| match (&f.seen_outcome, f.seen_version, f.seen_project) {
        (Some(outcome), Some(version), Some(project_id)) => {
            Some(Seen { project_id, outcome: if outcome == "applied" { "applied" } else { "stale" }, version })
        }
        _ => None,
    });
    if let Some(earlier) = earlier {
        if earlier.project_id != s.project_id {
            return Err(AppError::field("save_id", Msg::ErrBadRequest));
        }
        return Ok(SaveAck {
            project_id: s.project_id,
            version: earlier.version,
            applied: earlier.outcome == "applied",
            status: current.status,
        });
    }
    let (outcome, version) =
        if s.base_version != current.version { ("stale", current.version) } else { ("applied", current.version + 1) };
    seen.insert(key, Seen { project_id: s.project_id, outcome, version });
    records.push(Record {
        judge: s.judge,
        save_id: s.save_id.clone(),
        project_id: s.project_id,
        outcome,
        version,
        status: status.code(),
        marks: marks.clone(),
        notes: s.notes.clone(),
        feedback: s.feedback.clone(),
        flagged: s.flagged,
        at: s.at,
        entered_by: s.entered_by,
    });
    if outcome == "stale" {
        return Ok(SaveAck { project_id: s.project_id, version, applied: false, status: current.status });
    }
    currents.insert(score_key, Current { version, status: status.code().to_owned() });
    written.insert(
        score_key,
        Written {
            event_id: s.event_id,
            rubric_id,
            status: status.code(),
            marks,
            notes: s.notes.clone(),
            feedback: s.feedback.clone(),
            flagged: s.flagged,
            version,
            at: s.at,
        },
    );
    Ok(SaveAck { project_id: s.project_id, version, applied: true, status: status.code().to_owned() })
}

/// Whether a statement of `rows` rows is kept prepared on its connection. Small batches,
/// the usual shape when the hall is calm, then cost one round trip each; larger ones vary in
/// size and would only push other statements out of the connection's cache.
fn cached(rows: usize) -> bool {
    rows <= 8
}

/// `($1, $2, $3), ($4, $5, $6)` for `rows` rows of `width` values, numbered from `from + 1`;
/// on SQLite `(?, ?, ?), (?, ?, ?)`, bound in the same order.
///
/// SQLite takes `$1` as a parameter *named* "$1": the parser looks each new name up among
/// the statement's earlier ones, and binding looks each index's name up again, both by
/// walking a list, so a statement with n of them costs O(n²). A group of 256 saves has
/// 2,816 in one statement, and that lookup was a third of SQLite's time in the saves
/// benchmark. Anonymous `?` parameters are numbered by position and looked up by none.
fn placeholders(backend: Backend, rows: usize, width: usize, from: usize) -> String {
    let mut out = String::with_capacity(rows * width * 5);
    for r in 0..rows {
        if r > 0 {
            out.push_str(", ");
        }
        out.push('(');
        for c in 0..width {
            if c > 0 {
                out.push_str(", ");
            }
            match backend {
                Backend::Sqlite => out.push('?'),
                Backend::Postgres => {
                    out.push('$');
                    out.push_str(&(from + r * width + c + 1).to_string());
                }
            }
        }
        out.push(')');
    }
    out
}

struct Job {
    save: Save,
    reply: tokio::sync::oneshot::Sender<AppResult<SaveAck>>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Job")
    }
}

/// Where saves are applied (see the module comment).
#[derive(Clone, Debug)]
pub struct Writer {
    queue: tokio::sync::mpsc::Sender<Job>,
}

impl Writer {
    pub fn start(db: &Db) -> Writer {
        let (queue, jobs) = tokio::sync::mpsc::channel::<Job>(4 * BATCH);
        let jobs = Arc::new(tokio::sync::Mutex::new(jobs));
        let writers = match db.backend {
            Backend::Sqlite => 1,
            Backend::Postgres => 2,
        };
        for _ in 0..writers {
            let (db, jobs) = (db.clone(), jobs.clone());
            tokio::spawn(async move {
                let mut batch = Vec::with_capacity(BATCH);
                loop {
                    // Only the taking is shared: a writer lets go of the queue before it applies.
                    let taken = jobs.lock().await.recv_many(&mut batch, BATCH).await;
                    if taken == 0 {
                        break;
                    }
                    run_batch(&db, &mut batch).await;
                }
            });
        }
        Writer { queue }
    }

    /// Applies one save; answered once its transaction has committed. The save runs in the
    /// writer's task, so a caller that goes away (a phone losing its connection) cannot
    /// interrupt it half-way.
    pub async fn save(&self, save: Save) -> AppResult<SaveAck> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.queue.send(Job { save, reply }).await.map_err(|e| AppError::internal("score writer stopped", e))?;
        answer.await.map_err(|e| AppError::internal("score writer dropped a save", e))?
    }
}

async fn run_batch(db: &Db, batch: &mut Vec<Job>) {
    let saves: Vec<Save> = batch.iter_mut().map(|j| take_save(&mut j.save)).collect();
    match apply_committed(db, &saves).await {
        Ok(answers) => {
            for (job, answer) in batch.drain(..).zip(answers) {
                let _ = job.reply.send(answer);
            }
        }
        // One failing save must not fail the others: apply them one by one.
        Err(e) => {
            tracing::warn!(error = %e, saves = saves.len(), "score batch failed; applying one by one");
            for (job, save) in batch.drain(..).zip(saves) {
                let one = apply_committed(db, std::slice::from_ref(&save)).await;
                let answer = match one {
                    Ok(mut answers) => answers.pop().unwrap_or(Err(AppError::Internal)),
                    Err(e) => Err(AppError::from(e)),
                };
                let _ = job.reply.send(answer);
            }
        }
    }
}

/// Applies `saves` in one transaction and commits it.
async fn apply_committed(db: &Db, saves: &[Save]) -> Result<Vec<AppResult<SaveAck>>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let answers = apply_batch(&mut tx, db.backend, saves).await?;
    tx.commit().await?;
    Ok(answers)
}

/// Moves a save out of its job (the job keeps only its reply).
fn take_save(s: &mut Save) -> Save {
    Save {
        judge: s.judge,
        event_id: s.event_id,
        project_id: s.project_id,
        save_id: std::mem::take(&mut s.save_id),
        base_version: s.base_version,
        absent: s.absent,
        marks: std::mem::take(&mut s.marks),
        notes: std::mem::take(&mut s.notes),
        feedback: std::mem::take(&mut s.feedback),
        flagged: s.flagged,
        at: s.at,
        entered_by: s.entered_by,
        rubric: s.rubric.take(),
        errors: std::mem::take(&mut s.errors),
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;
    use crate::db::Backend::{Postgres, Sqlite};

    #[test]
    fn placeholders_number_rows_of_values_in_order() {
        assert_eq!(placeholders(Postgres, 1, 1, 0), "($1)");
        assert_eq!(placeholders(Postgres, 2, 3, 0), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(placeholders(Postgres, 2, 2, 4), "($5, $6), ($7, $8)");
        assert_eq!(placeholders(Postgres, 0, 3, 0), "");
    }

    #[test]
    fn sqlite_gets_anonymous_placeholders_in_the_same_order() {
        assert_eq!(placeholders(Sqlite, 2, 3, 0), "(?, ?, ?), (?, ?, ?)");
        assert_eq!(placeholders(Sqlite, 1, 2, 4), "(?, ?)");
        assert_eq!(placeholders(Sqlite, 0, 3, 0), "");
    }
}
