//! Account queries: profile, password and session epoch, reset links, and how long login
//! records are kept.

use crate::db::Tx;

/// Deletes what the login throttle keeps about people once it is of no more use, as the
/// privacy notice promises: failed sign-ins after two days (the throttle looks one day back),
/// row locks after a day, and browsers recognized for an address 90 days after their last
/// sign-in. Logins trim these now and then too, but a quiet server would keep them forever.
pub async fn forget_expired(db: &crate::db::Db, now: i64) -> Result<(), sqlx::Error> {
    use crate::auth::throttle::PAIR_WINDOW_SECS;
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM login_failures WHERE at < $1").bind(now - 2 * PAIR_WINDOW_SECS).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM login_locks WHERE at < $1").bind(now - PAIR_WINDOW_SECS).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM login_devices WHERE used_at < $1")
        .bind(now - crate::auth::db::DEVICE_TTL_SECS)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Whether another account already uses this (lower-cased) address.
pub async fn email_taken_by_other(tx: &mut Tx, email: &str, user_id: i64) -> Result<bool, sqlx::Error> {
    let other: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1 AND id <> $2")
        .bind(email)
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(other.is_some())
}

pub enum ProfileSaved {
    Saved,
    EmailTaken,
}

/// Saves a name and (lower-cased) e-mail address. Two accounts taking one address at the same
/// instant: the unique index refuses the second, which hears "taken".
pub async fn save_profile(tx: &mut Tx, user_id: i64, name: &str, email: &str) -> Result<ProfileSaved, sqlx::Error> {
    if email_taken_by_other(tx, email, user_id).await? {
        return Ok(ProfileSaved::EmailTaken);
    }
    let saved = sqlx::query("UPDATE users SET display_name = $1, email = $2 WHERE id = $3")
        .bind(name)
        .bind(email)
        .bind(user_id)
        .execute(&mut **tx)
        .await;
    match saved {
        Ok(_) => Ok(ProfileSaved::Saved),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(ProfileSaved::EmailTaken),
        Err(e) => Err(e),
    }
}

/// The browsers remembered for an address no longer vouch for it once the account has moved
/// to another address (the browser that made the change is remembered for the new one).
pub async fn forget_devices(tx: &mut Tx, account: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_devices WHERE account = $1").bind(account).execute(&mut **tx).await?;
    Ok(())
}

/// Replaces the password if it is still `old_hash` (not changed meanwhile), moves the account
/// to its next session epoch and retires its reset links. The new epoch, or `None` when the
/// password had changed meanwhile.
pub async fn change_password(
    tx: &mut Tx,
    user_id: i64,
    old_hash: &str,
    new_hash: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let epoch: Option<(i64,)> = sqlx::query_as(
        "UPDATE users SET password_hash = $1, session_epoch = session_epoch + 1 \
         WHERE id = $2 AND password_hash = $3 RETURNING session_epoch",
    )
    .bind(new_hash)
    .bind(user_id)
    .bind(old_hash)
    .fetch_optional(&mut **tx)
    .await?;
    if epoch.is_some() {
        forget_resets(tx, user_id).await?;
    }
    Ok(epoch.map(|(e,)| e))
}

/// Moves the account to its next session epoch: every session opened before ends.
pub async fn next_epoch(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Deletes every reset link of the account, used or not.
pub async fn forget_resets(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM password_resets WHERE user_id = $1").bind(user_id).execute(&mut **tx).await?;
    Ok(())
}

/// The account a reset link may be issued for: its address, and whether it has a password
/// (pass-only judges do not). A deleted account's placeholder is none.
#[derive(sqlx::FromRow)]
pub struct ResetTarget {
    pub email: String,
    pub password_hash: String,
}

pub async fn reset_target(tx: &mut Tx, user_id: i64) -> Result<Option<ResetTarget>, sqlx::Error> {
    sqlx::query_as("SELECT email, password_hash FROM users WHERE id = $1 AND deleted_at IS NULL")
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await
}

/// Stores a new reset link (its token's digest) after deleting the account's others: only the
/// newest link works.
pub async fn insert_reset(
    tx: &mut Tx,
    user_id: i64,
    token_hash: &str,
    by: Option<i64>,
    created_at: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    forget_resets(tx, user_id).await?;
    sqlx::query(
        "INSERT INTO password_resets (token_hash, user_id, created_by, created_at, expires_at, used_at) \
         VALUES ($1, $2, $3, $4, $5, NULL)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(by)
    .bind(created_at)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Whether a link with this digest would open now (checked before a password is hashed).
pub async fn reset_open(db: &crate::db::Db, token_hash: &str, now: i64) -> Result<bool, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Link {
        expires_at: i64,
        used_at: Option<i64>,
    }
    let link: Option<Link> = sqlx::query_as("SELECT expires_at, used_at FROM password_resets WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_optional(&db.pool)
        .await?;
    Ok(link.is_some_and(|l| super::domain::usable(l.expires_at, l.used_at, now)))
}

/// Uses a reset link: marks it used if it is still open, in one statement (of two uses at
/// once exactly one wins), and answers its account.
pub async fn take_reset(tx: &mut Tx, token_hash: &str, now: i64) -> Result<Option<i64>, sqlx::Error> {
    let taken: Option<(i64,)> = sqlx::query_as(
        "UPDATE password_resets SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(taken.map(|(id,)| id))
}

/// Sets the password a reset link chose, moves the account to its next session epoch (every
/// session ends) and retires its other links.
pub async fn reset_password(tx: &mut Tx, user_id: i64, new_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1, session_epoch = session_epoch + 1 WHERE id = $2")
        .bind(new_hash)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// How many reset links were mailed to this account since `since` (any instance).
pub async fn mailings_since(tx: &mut Tx, user_id: i64, since: i64) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM reset_mailings WHERE user_id = $1 AND at > $2")
        .bind(user_id)
        .bind(since)
        .fetch_one(&mut **tx)
        .await?;
    Ok(n)
}

pub async fn record_mailing(tx: &mut Tx, user_id: i64, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO reset_mailings (user_id, at) VALUES ($1, $2)")
        .bind(user_id)
        .bind(at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
