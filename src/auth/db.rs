//! Account and login-throttling queries.

use super::SessionUser;
use crate::db::{now, Db, Tx};

type UserRow = (i64, String, String, i64, i64, String);

fn to_user((id, email, display_name, is_admin, can_create_events, _): &UserRow) -> SessionUser {
    SessionUser {
        id: *id,
        email: email.clone(),
        display_name: display_name.clone(),
        is_admin: *is_admin != 0,
        can_create_events: *is_admin != 0 || *can_create_events != 0,
    }
}

const USER_COLUMNS: &str = "id, email, display_name, is_admin, can_create_events, password_hash";

/// What the gate reads for one session in one event: the user, their password hash, their
/// roles there, and the event of the session's judge pass if that pass is still live.
pub struct SessionRow {
    pub user: SessionUser,
    pub hash: String,
    pub roles: Vec<String>,
    pub live_pass_event: Option<i64>,
}

/// The user, their password hash, their roles in an event and the state of the session's
/// judge pass (`pass` 0 when the session is not a pass's), in one read: the gate's hot path.
/// `None` when the user or the event does not exist.
pub async fn user_with_roles(db: &Db, id: i64, event_id: i64, pass: i64) -> Result<Option<SessionRow>, sqlx::Error> {
    let rows: Vec<(i64, String, String, i64, i64, String, Option<String>, Option<i64>)> = sqlx::query_as(
        "SELECT u.id, u.email, u.display_name, u.is_admin, u.can_create_events, u.password_hash, r.role, p.event_id \
         FROM users u JOIN events e ON e.id = $2 LEFT JOIN event_roles r ON r.event_id = e.id AND r.user_id = u.id \
         LEFT JOIN judge_passes p ON p.id = $3 AND p.user_id = u.id AND p.revoked_at IS NULL AND p.expires_at > $4 \
         WHERE u.id = $1",
    )
    .bind(id)
    .bind(event_id)
    .bind(pass)
    .bind(now())
    .fetch_all(&db.pool)
    .await?;
    let Some(first) = rows.first() else { return Ok(None) };
    let row: UserRow = (first.0, first.1.clone(), first.2.clone(), first.3, first.4, first.5.clone());
    let live_pass_event = first.7;
    let roles = rows.into_iter().filter_map(|r| r.6).collect();
    Ok(Some(SessionRow { user: to_user(&row), hash: row.5.clone(), roles, live_pass_event }))
}

/// The user, their password hash, and the event of the judge pass `pass` if it is still live
/// and theirs (`pass` 0 when the session is not a pass's).
pub async fn user_with_pass(db: &Db, id: i64, pass: i64) -> Result<Option<(SessionUser, String, Option<i64>)>, sqlx::Error> {
    let row: Option<(i64, String, String, i64, i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT u.id, u.email, u.display_name, u.is_admin, u.can_create_events, u.password_hash, p.event_id FROM users u \
         LEFT JOIN judge_passes p ON p.id = $2 AND p.user_id = u.id AND p.revoked_at IS NULL AND p.expires_at > $3 \
         WHERE u.id = $1",
    )
    .bind(id)
    .bind(pass)
    .bind(now())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(id, email, name, admin, create, hash, pass_event)| {
        let user = to_user(&(id, email, name, admin, create, String::new()));
        (user, hash, pass_event)
    }))
}

/// The user and their password hash.
pub async fn user_by_id(db: &Db, id: i64) -> Result<Option<(SessionUser, String)>, sqlx::Error> {
    let row: Option<UserRow> =
        sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|r| (to_user(&r), r.5)))
}

pub async fn user_by_email(db: &Db, email: &str) -> Result<Option<(SessionUser, String)>, sqlx::Error> {
    let row: Option<UserRow> =
        sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1"))
            .bind(email)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|r| (to_user(&r), r.5)))
}

pub enum NewUser {
    Created(SessionUser),
    EmailTaken,
}

/// Creates an account. The very first account, or the one named by `HAKAM_ADMIN_EMAIL`,
/// is the platform admin.
pub async fn create_user(
    tx: &mut Tx,
    email: &str,
    display_name: &str,
    password_hash: &str,
    admin_email: Option<&str>,
) -> Result<NewUser, sqlx::Error> {
    let taken: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(&mut **tx)
        .await?;
    if taken.is_some() {
        return Ok(NewUser::EmailTaken);
    }
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(&mut **tx).await?;
    let admin = i64::from(count == 0 || admin_email == Some(email));
    let inserted = sqlx::query_as::<_, (i64,)>(
        "INSERT INTO users (email, display_name, password_hash, is_admin, can_create_events, created_at) \
         VALUES ($1, $2, $3, $4, $4, $5) RETURNING id",
    )
    .bind(email)
    .bind(display_name)
    .bind(password_hash)
    .bind(admin)
    .bind(now())
    .fetch_one(&mut **tx)
    .await;
    let id = match inserted {
        Ok((id,)) => id,
        // Two sign-ups with one email at the same instant: the loser hears "taken".
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Ok(NewUser::EmailTaken),
        Err(e) => return Err(e),
    };
    Ok(NewUser::Created(SessionUser {
        id,
        email: email.to_owned(),
        display_name: display_name.to_owned(),
        is_admin: admin != 0,
        can_create_events: admin != 0,
    }))
}

pub const WINDOW_SECS: i64 = 3600;

/// Failed logins in the last hour for this account and for this client address.
pub async fn recent_failures(db: &Db, account: &str, client: &str) -> Result<(i64, i64), sqlx::Error> {
    let since = now() - WINDOW_SECS;
    let (by_account,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM login_failures WHERE account = $1 AND at > $2")
            .bind(account)
            .bind(since)
            .fetch_one(&db.pool)
            .await?;
    let (by_client,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM login_failures WHERE client = $1 AND at > $2")
            .bind(client)
            .bind(since)
            .fetch_one(&db.pool)
            .await?;
    Ok((by_account, by_client))
}

pub async fn record_failure(db: &Db, account: &str, client: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("INSERT INTO login_failures (account, client, at) VALUES ($1, $2, $3)")
        .bind(account)
        .bind(client)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    // Old rows are useless to the throttle; trimming here keeps the table small.
    sqlx::query("DELETE FROM login_failures WHERE at < $1")
        .bind(now() - 2 * WINDOW_SECS)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

pub async fn clear_failures(db: &Db, account: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE account = $1")
        .bind(account)
        .execute(&db.pool)
        .await?;
    Ok(())
}
