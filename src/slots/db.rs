//! The plan and the assignments' slots, as stored.

use super::domain::Plan;
use crate::db::{now, Db, Tx};

#[derive(sqlx::FromRow)]
pub struct PlanRow {
    pub starts_at: i64,
    pub pitch_seconds: i64,
    pub break_every: i64,
    pub break_seconds: i64,
}

impl PlanRow {
    pub fn plan(&self) -> Plan {
        Plan {
            starts_at: self.starts_at,
            pitch: self.pitch_seconds,
            break_every: self.break_every,
            break_len: self.break_seconds,
        }
    }
}

const PLAN: &str = "SELECT starts_at, pitch_seconds, break_every, break_seconds FROM pitch_plans WHERE event_id = $1";

/// The event's plan, if slots were ever made.
pub async fn plan(db: &Db, event_id: i64) -> Result<Option<PlanRow>, sqlx::Error> {
    sqlx::query_as(PLAN).bind(event_id).fetch_optional(&db.pool).await
}

/// The same, inside a write.
pub async fn plan_in(tx: &mut Tx, event_id: i64) -> Result<Option<PlanRow>, sqlx::Error> {
    sqlx::query_as(PLAN).bind(event_id).fetch_optional(&mut **tx).await
}

pub async fn save_plan(tx: &mut Tx, event_id: i64, plan: &Plan) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO pitch_plans (event_id, starts_at, pitch_seconds, break_every, break_seconds, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO UPDATE SET starts_at = excluded.starts_at, \
         pitch_seconds = excluded.pitch_seconds, break_every = excluded.break_every, \
         break_seconds = excluded.break_seconds, updated_at = excluded.updated_at",
    )
    .bind(event_id)
    .bind(plan.starts_at)
    .bind(plan.pitch)
    .bind(plan.break_every)
    .bind(plan.break_len)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// An assignment with what the schedule needs of it: its judge, its project's team and
/// place, its slot and whether the judge is done with it (scored or marked the team absent).
#[derive(sqlx::FromRow, Clone, Debug)]
pub struct LineRow {
    pub id: i64,
    pub judge_id: i64,
    pub judge: String,
    pub project_id: i64,
    pub title: String,
    pub team_id: i64,
    pub team: String,
    pub room: Option<String>,
    pub room_position: Option<i64>,
    pub table_label: String,
    pub slot_start: Option<i64>,
    pub slot_end: Option<i64>,
    /// The judge's score's status (`draft`, `scored`, `absent`), if any.
    pub status: Option<String>,
    /// How many judges marked the project's team absent.
    pub absent_marks: i64,
}

impl LineRow {
    pub fn done(&self) -> bool {
        matches!(self.status.as_deref(), Some("scored") | Some("absent"))
    }
    pub fn slot(&self) -> Option<(i64, i64)> {
        self.slot_start.zip(self.slot_end)
    }
    pub fn spot(&self) -> crate::rooms::domain::Spot {
        crate::rooms::domain::Spot { room: self.room_position.zip(self.room.clone()), table: self.table_label.clone() }
    }
}

const LINES: &str =
    "SELECT a.id, a.judge_id, u.display_name AS judge, a.project_id, p.title, p.team_id, t.name AS team, \
     r.name AS room, r.position AS room_position, p.table_label, a.slot_start, a.slot_end, s.status, \
     (SELECT COUNT(*) FROM scores x WHERE x.project_id = a.project_id AND x.status = 'absent') AS absent_marks \
     FROM judge_assignments a JOIN users u ON u.id = a.judge_id JOIN projects p ON p.id = a.project_id \
     JOIN teams t ON t.id = p.team_id LEFT JOIN rooms r ON r.id = p.room_id \
     LEFT JOIN scores s ON s.project_id = a.project_id AND s.judge_id = a.judge_id \
     WHERE a.event_id = $1";

/// Every assignment of the event.
pub async fn lines(db: &Db, event_id: i64) -> Result<Vec<LineRow>, sqlx::Error> {
    sqlx::query_as(LINES).bind(event_id).fetch_all(&db.pool).await
}

/// The same, inside a write: what the schedule is made from.
pub async fn lines_in(tx: &mut Tx, event_id: i64) -> Result<Vec<LineRow>, sqlx::Error> {
    sqlx::query_as(LINES).bind(event_id).fetch_all(&mut **tx).await
}

/// The assignments of the judges who see one of `team_id`'s projects: the team's slots and
/// the lines of slots they stand in.
pub async fn lines_of_team(db: &Db, event_id: i64, team_id: i64) -> Result<Vec<LineRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{LINES} AND a.judge_id IN (SELECT b.judge_id FROM judge_assignments b JOIN projects q ON q.id = b.project_id \
         WHERE q.team_id = $2 AND b.event_id = $1)"
    ))
    .bind(event_id)
    .bind(team_id)
    .fetch_all(&db.pool)
    .await
}

/// Sets (or clears) the slot of an assignment the judge is not done with. A score saved
/// since the schedule was read (the score writer takes no event lock) keeps its slot: the
/// statement checks again when it runs.
pub async fn set_slot(tx: &mut Tx, assignment_id: i64, slot: Option<(i64, i64)>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE judge_assignments SET slot_start = $1, slot_end = $2 WHERE id = $3 AND NOT EXISTS \
         (SELECT 1 FROM scores s WHERE s.project_id = judge_assignments.project_id \
         AND s.judge_id = judge_assignments.judge_id AND s.status <> 'draft')",
    )
    .bind(slot.map(|s| s.0))
    .bind(slot.map(|s| s.1))
    .bind(assignment_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
