//! Certificate codes and what a certificate reads from the event.

use crate::db::{now, Db, Tx};
use crate::error::{AppError, AppResult};

/// Gives every participant of the event without a certificate code one (at publication).
pub async fn issue_all(tx: &mut Tx, event_id: i64) -> AppResult<()> {
    let missing: Vec<i64> = sqlx::query_scalar(
        "SELECT r.user_id FROM event_roles r WHERE r.event_id = $1 AND r.role = 'participant' \
         AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.event_id = r.event_id AND c.user_id = r.user_id)",
    )
    .bind(event_id)
    .fetch_all(&mut **tx)
    .await?;
    for user_id in missing {
        sqlx::query("INSERT INTO certificates (code, event_id, user_id, created_at) VALUES ($1, $2, $3, $4)")
            .bind(crate::links::random(20))
            .bind(event_id)
            .bind(user_id)
            .bind(now())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The participant's certificate code: the one given at publication, else made now (a
/// participant who joined since). Of two first asks at once, one code is kept and both read
/// it. An archived event is only read: a participant it gave no code has no certificate.
pub async fn code_for(db: &Db, event_id: i64, user_id: i64) -> AppResult<String> {
    let read = || {
        sqlx::query_scalar::<_, String>("SELECT code FROM certificates WHERE event_id = $1 AND user_id = $2")
            .bind(event_id)
            .bind(user_id)
            .fetch_optional(&db.pool)
    };
    if let Some(code) = read().await? {
        return Ok(code);
    }
    crate::auth::gate::ensure_writable(db, event_id).await?;
    sqlx::query(
        "INSERT INTO certificates (code, event_id, user_id, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (event_id, user_id) DO NOTHING",
    )
    .bind(crate::links::random(20))
    .bind(event_id)
    .bind(user_id)
    .bind(now())
    .execute(&db.pool)
    .await?;
    read().await?.ok_or(AppError::NotFound)
}

/// Whose certificate a code is: (event, participant).
pub async fn by_code(db: &Db, code: &str) -> AppResult<Option<(i64, i64)>> {
    Ok(sqlx::query_as("SELECT event_id, user_id FROM certificates WHERE code = $1")
        .bind(code)
        .fetch_optional(&db.pool)
        .await?)
}

/// A participant of the event as their certificate names them.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct HolderRow {
    pub user_id: i64,
    pub name: String,
    pub team: Option<String>,
    pub project_id: Option<i64>,
    pub project: Option<String>,
}

const HOLDERS: &str =
    "SELECT u.id AS user_id, u.display_name AS name, t.name AS team, p.id AS project_id, p.title AS project \
     FROM event_roles r JOIN users u ON u.id = r.user_id \
     LEFT JOIN team_members m ON m.event_id = r.event_id AND m.user_id = r.user_id \
     LEFT JOIN teams t ON t.id = m.team_id \
     LEFT JOIN projects p ON p.team_id = t.id AND p.status = 'submitted' \
     WHERE r.event_id = $1 AND r.role = 'participant' AND u.deleted_at IS NULL";

/// Every participant of the event (a participant whose role was removed has none), by name.
pub async fn holders(db: &Db, event_id: i64) -> AppResult<Vec<HolderRow>> {
    Ok(sqlx::query_as(&format!("{HOLDERS} ORDER BY u.display_name, u.id")).bind(event_id).fetch_all(&db.pool).await?)
}

/// One participant of the event, if they are one.
pub async fn holder(db: &Db, event_id: i64, user_id: i64) -> AppResult<Option<HolderRow>> {
    Ok(sqlx::query_as(&format!("{HOLDERS} AND u.id = $2"))
        .bind(event_id)
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await?)
}
