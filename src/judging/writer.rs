//! The score writer: applies a judge's saves exactly once, in order, with their history
//! (the `score_saves` rows that are both the idempotency log and the audit of each edit).

use super::score::{SaveAck, ScoreStatus};
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;

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
    let Current { score_id, score_version, score_status, seen_outcome, seen_version, seen_project } = sqlx::query_as(
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
