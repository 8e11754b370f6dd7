//! Rooms and projects' places, as stored.

use crate::db::{Db, Tx};

#[derive(sqlx::FromRow)]
pub struct RoomRow {
    pub id: i64,
    pub name: String,
    pub position: i64,
    pub capacity: Option<i64>,
    pub placed: i64,
    /// 1 when the room has a floor plan.
    pub has_plan: i64,
}

/// The event's rooms in walking order, with how many projects each holds.
pub async fn rooms(db: &Db, event_id: i64) -> Result<Vec<RoomRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.id, r.name, r.position, r.capacity, \
         (SELECT COUNT(*) FROM projects p WHERE p.room_id = r.id AND p.status = 'submitted') AS placed, \
         CASE WHEN r.plan_data IS NULL THEN 0 ELSE 1 END AS has_plan \
         FROM rooms r WHERE r.event_id = $1 ORDER BY r.position, r.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await
}

/// A submitted project and its place.
#[derive(sqlx::FromRow)]
pub struct PlaceRow {
    pub id: i64,
    pub title: String,
    pub team: String,
    pub track: String,
    pub track_id: Option<i64>,
    pub room_id: Option<i64>,
    pub table_label: String,
}

/// The event's submitted projects with their places, by track (in the order the tracks were
/// made; those without a track last), then id: the order automatic placement keeps. Track
/// ids rather than names, which the two databases collate differently.
/// Tracks are named in `lang`.
pub async fn projects(db: &Db, event_id: i64, lang: crate::i18n::Lang) -> Result<Vec<PlaceRow>, sqlx::Error> {
    let track = crate::i18n::Localized::sql("tr.name", lang);
    sqlx::query_as(&format!(
        "SELECT p.id, p.title, t.name AS team, COALESCE({track}, '') AS track, p.track_id, p.room_id, p.table_label \
         FROM projects p JOIN teams t ON t.id = p.team_id LEFT JOIN tracks tr ON tr.id = p.track_id \
         WHERE p.event_id = $1 AND p.status = 'submitted' \
         ORDER BY CASE WHEN p.track_id IS NULL THEN 1 ELSE 0 END, p.track_id, p.id"
    ))
    .bind(event_id)
    .fetch_all(&db.pool)
    .await
}

/// Whether another room of the event has this name.
pub async fn name_taken(tx: &mut Tx, event_id: i64, name: &str, except: i64) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rooms WHERE event_id = $1 AND name = $2 AND id <> $3")
        .bind(event_id)
        .bind(name)
        .bind(except)
        .fetch_one(&mut **tx)
        .await?;
    Ok(n > 0)
}

/// Adds a room after the event's last one; returns its id.
pub async fn insert(tx: &mut Tx, event_id: i64, name: &str, capacity: Option<i64>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO rooms (event_id, name, position, capacity) \
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM rooms WHERE event_id = $1), $3) RETURNING id",
    )
    .bind(event_id)
    .bind(name)
    .bind(capacity)
    .fetch_one(&mut **tx)
    .await
}

/// A room as it was before a change, for the audit log; `None` when the event has no such room.
#[derive(sqlx::FromRow, serde::Serialize)]
pub struct Before {
    pub name: String,
    pub capacity: Option<i64>,
}

pub async fn before(tx: &mut Tx, event_id: i64, room_id: i64) -> Result<Option<Before>, sqlx::Error> {
    sqlx::query_as("SELECT name, capacity FROM rooms WHERE id = $1 AND event_id = $2")
        .bind(room_id)
        .bind(event_id)
        .fetch_optional(&mut **tx)
        .await
}

pub async fn update(tx: &mut Tx, room_id: i64, name: &str, capacity: Option<i64>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE rooms SET name = $1, capacity = $2 WHERE id = $3")
        .bind(name)
        .bind(capacity)
        .bind(room_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Removes a room; its projects keep their tables, without a room.
pub async fn delete(tx: &mut Tx, event_id: i64, room_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE projects SET room_id = NULL WHERE room_id = $1 AND event_id = $2")
        .bind(room_id)
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM rooms WHERE id = $1 AND event_id = $2")
        .bind(room_id)
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A submitted project's place before a change; `None` when the event has no such project.
pub async fn place_of(
    tx: &mut Tx,
    event_id: i64,
    project_id: i64,
) -> Result<Option<(Option<i64>, String)>, sqlx::Error> {
    sqlx::query_as("SELECT room_id, table_label FROM projects WHERE id = $1 AND event_id = $2 AND status = 'submitted'")
        .bind(project_id)
        .bind(event_id)
        .fetch_optional(&mut **tx)
        .await
}

pub async fn set_place(tx: &mut Tx, project_id: i64, room_id: Option<i64>, table: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE projects SET room_id = $1, table_label = $2 WHERE id = $3")
        .bind(room_id)
        .bind(table)
        .bind(project_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The rooms as automatic placement starts from, read in the write: their ids in walking
/// order, capacities, and the tables their submitted projects already use.
pub async fn space(tx: &mut Tx, event_id: i64) -> Result<Vec<(i64, Option<i64>, Vec<String>)>, sqlx::Error> {
    let rooms: Vec<(i64, Option<i64>)> =
        sqlx::query_as("SELECT id, capacity FROM rooms WHERE event_id = $1 ORDER BY position, id")
            .bind(event_id)
            .fetch_all(&mut **tx)
            .await?;
    let used: Vec<(i64, String)> = sqlx::query_as(
        "SELECT room_id, table_label FROM projects WHERE event_id = $1 AND status = 'submitted' AND room_id IS NOT NULL",
    )
    .bind(event_id)
    .fetch_all(&mut **tx)
    .await?;
    // Grouped once: a scan of every placement per room grows as rooms × projects.
    let mut by_room: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for (room, table) in used {
        by_room.entry(room).or_default().push(table);
    }
    Ok(rooms.into_iter().map(|(id, capacity)| (id, capacity, by_room.remove(&id).unwrap_or_default())).collect())
}

/// The rooms as a pasted list of places is checked against, read in the write: names,
/// capacities and the submitted projects each holds, with their tables.
pub async fn list_rooms(tx: &mut Tx, event_id: i64) -> Result<Vec<super::domain::ListRoom>, sqlx::Error> {
    let rooms: Vec<(i64, String, Option<i64>)> =
        sqlx::query_as("SELECT id, name, capacity FROM rooms WHERE event_id = $1 ORDER BY position, id")
            .bind(event_id)
            .fetch_all(&mut **tx)
            .await?;
    let placed: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT room_id, id, table_label FROM projects WHERE event_id = $1 AND status = 'submitted' \
         AND room_id IS NOT NULL",
    )
    .bind(event_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut by_room: std::collections::HashMap<i64, Vec<(i64, String)>> = std::collections::HashMap::new();
    for (room, project, table) in placed {
        by_room.entry(room).or_default().push((project, table));
    }
    Ok(rooms
        .into_iter()
        .map(|(id, name, capacity)| super::domain::ListRoom {
            id,
            name,
            capacity,
            projects: by_room.remove(&id).unwrap_or_default(),
        })
        .collect())
}

/// The event's submitted projects and their places now, read in the write.
pub async fn submitted(tx: &mut Tx, event_id: i64) -> Result<Vec<(i64, Option<i64>, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, room_id, table_label FROM projects WHERE event_id = $1 AND status = 'submitted'")
        .bind(event_id)
        .fetch_all(&mut **tx)
        .await
}

/// The submitted projects without a room (all of them when `every`), in placing order, with
/// their tracks, read in the write.
pub async fn to_place(tx: &mut Tx, event_id: i64, every: bool) -> Result<Vec<(i64, Option<i64>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.track_id FROM projects p \
         WHERE p.event_id = $1 AND p.status = 'submitted' AND (p.room_id IS NULL OR $2 = 1) \
         ORDER BY CASE WHEN p.track_id IS NULL THEN 1 ELSE 0 END, p.track_id, p.id",
    )
    .bind(event_id)
    .bind(i64::from(every))
    .fetch_all(&mut **tx)
    .await
}

/// Sets a room's floor plan (its content type and bytes), or takes it away.
pub async fn set_plan(tx: &mut Tx, room_id: i64, plan: Option<(&str, &[u8])>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE rooms SET plan_type = $1, plan_data = $2 WHERE id = $3")
        .bind(plan.map(|p| p.0))
        .bind(plan.map(|p| p.1.to_vec()))
        .bind(room_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A room's floor plan: its content type and bytes, if the room is the event's and has one.
#[derive(sqlx::FromRow)]
pub struct PlanRow {
    pub plan_type: Option<String>,
    pub plan_data: Option<Vec<u8>>,
}

pub async fn plan(db: &Db, event_id: i64, room_id: i64) -> Result<Option<PlanRow>, sqlx::Error> {
    sqlx::query_as("SELECT plan_type, plan_data FROM rooms WHERE id = $1 AND event_id = $2")
        .bind(room_id)
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await
}
