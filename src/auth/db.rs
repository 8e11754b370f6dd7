//! Account and login-throttling queries.

use super::SessionUser;
use crate::db::{now, Db, Tx};

/// An account as the `users` table holds it, hash included.
#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    email: String,
    display_name: String,
    is_admin: i64,
    can_create_events: i64,
    password_hash: String,
    session_epoch: i64,
}

impl AccountRow {
    fn user(&self) -> SessionUser {
        SessionUser {
            id: self.id,
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            is_admin: self.is_admin != 0,
            // Admins may always create events.
            can_create_events: self.is_admin != 0 || self.can_create_events != 0,
            has_password: !super::gate::is_pass_only(&self.password_hash),
        }
    }
}

/// An account with the state of a session's judge pass (`pass_event` is the pass's event
/// while the pass is live) and, in an event, one of its roles there.
#[derive(sqlx::FromRow)]
struct GateRow {
    #[sqlx(flatten)]
    account: AccountRow,
    role: Option<String>,
    pass_event: Option<i64>,
    /// When the event was archived (NULL where no event is read, or it is not archived).
    event_archived_at: Option<i64>,
}

/// The session epoch of a new account (see `gate`).
pub const FIRST_EPOCH: i64 = 0;

const USER_COLUMNS: &str = "id, email, display_name, is_admin, can_create_events, password_hash, session_epoch";

/// An account with what a session is bound to: its password hash and its session epoch.
pub struct Account {
    pub user: SessionUser,
    pub hash: String,
    pub epoch: i64,
}

impl From<AccountRow> for Account {
    fn from(row: AccountRow) -> Account {
        Account { user: row.user(), hash: row.password_hash, epoch: row.session_epoch }
    }
}

/// What the gate reads for one session (in one event): the user, their password hash and
/// session epoch, their roles there, and the event of the session's judge pass if that pass
/// is still live.
pub struct SessionRow {
    pub user: SessionUser,
    pub hash: String,
    pub epoch: i64,
    pub roles: Vec<String>,
    pub live_pass_event: Option<i64>,
    /// When the event read with the roles was archived (`None`: not archived, or no event read).
    pub event_archived_at: Option<i64>,
}

/// The user, their password hash, their roles in an event and the state of the session's
/// judge pass (`pass` 0 when the session is not a pass's), in one read: the gate's hot path.
/// `None` when the user or the event does not exist.
pub async fn user_with_roles(db: &Db, id: i64, event_id: i64, pass: i64) -> Result<Option<SessionRow>, sqlx::Error> {
    let rows: Vec<GateRow> = sqlx::query_as(
        "SELECT u.id, u.email, u.display_name, u.is_admin, u.can_create_events, u.password_hash, u.session_epoch, \
         r.role, p.event_id AS pass_event, e.archived_at AS event_archived_at \
         FROM users u JOIN events e ON e.id = $2 LEFT JOIN event_roles r ON r.event_id = e.id AND r.user_id = u.id AND r.retired_at IS NULL \
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
    let (user, hash, live_pass_event) = (first.account.user(), first.account.password_hash.clone(), first.pass_event);
    let (epoch, event_archived_at) = (first.account.session_epoch, first.event_archived_at);
    let roles = rows.into_iter().filter_map(|r| r.role).collect();
    Ok(Some(SessionRow { user, hash, epoch, roles, live_pass_event, event_archived_at }))
}

/// The user, their password hash and session epoch, and the event of the judge pass `pass` if
/// it is still live and theirs (`pass` 0 when the session is not a pass's); no roles.
pub async fn user_with_pass(db: &Db, id: i64, pass: i64) -> Result<Option<SessionRow>, sqlx::Error> {
    let row: Option<GateRow> = sqlx::query_as(
        "SELECT u.id, u.email, u.display_name, u.is_admin, u.can_create_events, u.password_hash, u.session_epoch, \
         NULL AS role, p.event_id AS pass_event, CAST(NULL AS BIGINT) AS event_archived_at FROM users u \
         LEFT JOIN judge_passes p ON p.id = $2 AND p.user_id = u.id AND p.revoked_at IS NULL AND p.expires_at > $3 \
         WHERE u.id = $1",
    )
    .bind(id)
    .bind(pass)
    .bind(now())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| SessionRow {
        user: r.account.user(),
        hash: r.account.password_hash,
        epoch: r.account.session_epoch,
        roles: Vec::new(),
        live_pass_event: r.pass_event,
        event_archived_at: None,
    }))
}

/// The account with this id.
pub async fn user_by_id(db: &Db, id: i64) -> Result<Option<Account>, sqlx::Error> {
    let row: Option<AccountRow> = sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(Account::from))
}

/// The account with this (already lower-cased) email address.
pub async fn user_by_email(db: &Db, email: &str) -> Result<Option<Account>, sqlx::Error> {
    let row: Option<AccountRow> = sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1"))
        .bind(email)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(Account::from))
}

/// Lets an account create events, or takes that right away; `false` for an unknown account.
pub async fn set_event_creator(tx: &mut Tx, user_id: i64, allowed: bool) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE users SET can_create_events = $1 WHERE id = $2")
        .bind(i64::from(allowed))
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub enum NewUser {
    Created(SessionUser),
    EmailTaken,
}

/// Creates an account. No account is ever made an admin here, whether it is the first one
/// or has the address of `HAKAM_ADMIN_EMAIL`: admins come only from the set-up link or the
/// `hakam admin` command (`auth::bootstrap`).
pub async fn create_user(
    tx: &mut Tx,
    email: &str,
    display_name: &str,
    password_hash: &str,
) -> Result<NewUser, sqlx::Error> {
    let taken: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM users WHERE email = $1").bind(email).fetch_optional(&mut **tx).await?;
    if taken.is_some() {
        return Ok(NewUser::EmailTaken);
    }
    let inserted = sqlx::query_as::<_, (i64,)>(
        "INSERT INTO users (email, display_name, password_hash, is_admin, can_create_events, created_at) \
         VALUES ($1, $2, $3, 0, 0, $4) RETURNING id",
    )
    .bind(email)
    .bind(display_name)
    .bind(password_hash)
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
        is_admin: false,
        can_create_events: false,
        has_password: !super::gate::is_pass_only(password_hash),
    }))
}

/// Takes a row lock on `key` until the transaction ends (SQLite's writer is already alone).
async fn lock(tx: &mut Tx, key: &str, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO login_locks (key, at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET at = excluded.at")
        .bind(key)
        .bind(at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn count_since(tx: &mut Tx, sql: &str, a: &str, since: i64) -> Result<(u32, i64), sqlx::Error> {
    let (count, edge): (i64, i64) = sqlx::query_as(sql).bind(a).bind(since).fetch_one(&mut **tx).await?;
    Ok((u32::try_from(count).unwrap_or(u32::MAX), edge))
}

/// Reserves a login attempt before its password is checked: under a lock on the account
/// (and the address), the recent attempts are counted and, if the throttle allows one more,
/// it is written as a failure. `Ok(Err(seconds))` when the client must wait. The caller
/// deletes the reservation if the password was right ([`attempt_succeeded`]), so 500
/// guesses sent at once are counted one after the other, never all against an empty count.
pub async fn reserve_attempt(
    db: &Db,
    limits: &crate::config::LoginLimits,
    account: &str,
    client: &str,
    trusted: bool,
) -> Result<Result<i64, i64>, sqlx::Error> {
    use super::throttle::{decide, Recent, ACCOUNT_WINDOW_SECS, ADDRESS_WINDOW_SECS, PAIR_WINDOW_SECS};
    let t = now();
    let mut tx = db.begin_write().await?;
    // Always account first, then address: two attempts never wait on each other in a cycle.
    lock(&mut tx, &format!("account:{account}"), t).await?;
    if !trusted {
        lock(&mut tx, client, t).await?;
    }
    let (pair_failures, pair_last): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(MAX(at), 0) FROM login_failures WHERE account = $1 AND client = $2 AND at > $3",
    )
    .bind(account)
    .bind(client)
    .bind(t - PAIR_WINDOW_SECS)
    .fetch_one(&mut *tx)
    .await?;
    let mut recent =
        Recent { pair_failures: u32::try_from(pair_failures).unwrap_or(u32::MAX), pair_last, ..Default::default() };
    if !trusted {
        (recent.account_attempts, recent.account_oldest) = count_since(
            &mut tx,
            "SELECT COUNT(*), COALESCE(MIN(at), 0) FROM login_failures WHERE account = $1 AND trusted = 0 AND at > $2",
            account,
            t - ACCOUNT_WINDOW_SECS,
        )
        .await?;
        (recent.address_failures, recent.address_oldest) = count_since(
            &mut tx,
            "SELECT COUNT(*), COALESCE(MIN(at), 0) FROM login_failures WHERE client = $1 AND trusted = 0 AND at > $2",
            client,
            t - ADDRESS_WINDOW_SECS,
        )
        .await?;
    }
    if let Err(wait) = decide(limits, &recent, trusted, t) {
        tx.rollback().await?;
        return Ok(Err(wait));
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO login_failures (account, client, trusted, at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(account)
    .bind(client)
    .bind(i64::from(trusted))
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    // Old rows are useless to the throttle; trimming now and then keeps the tables small.
    if id % 256 == 0 {
        sqlx::query("DELETE FROM login_failures WHERE at < $1")
            .bind(t - 2 * PAIR_WINDOW_SECS)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM login_locks WHERE at < $1").bind(t - PAIR_WINDOW_SECS).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM login_devices WHERE used_at < $1").bind(t - DEVICE_TTL_SECS).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(Ok(id))
}

/// The password was right: this client's failures on this account (the reservation among
/// them) are forgotten. Other clients' failures stay.
pub async fn attempt_succeeded(db: &Db, account: &str, client: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM login_failures WHERE account = $1 AND client = $2")
        .bind(account)
        .bind(client)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// How long a browser stays trusted for an account after its last sign-in.
pub const DEVICE_TTL_SECS: i64 = 90 * 86_400;

/// Whether this browser's device token signed in to this account recently.
pub async fn device_known(db: &Db, token_hash: &str, account: &str) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM login_devices WHERE token_hash = $1 AND account = $2 AND used_at > $3")
            .bind(token_hash)
            .bind(account)
            .bind(now() - DEVICE_TTL_SECS)
            .fetch_one(&db.pool)
            .await?;
    Ok(n > 0)
}

pub async fn remember_device(db: &Db, token_hash: &str, account: &str) -> Result<(), sqlx::Error> {
    let t = now();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO login_devices (token_hash, account, created_at, used_at) VALUES ($1, $2, $3, $3) \
         ON CONFLICT (token_hash, account) DO UPDATE SET used_at = excluded.used_at",
    )
    .bind(token_hash)
    .bind(account)
    .bind(t)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}
