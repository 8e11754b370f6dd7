//! The first platform admin, made explicitly and race-free. No account becomes admin by
//! being first or by registering an address. Two sanctioned paths:
//!
//! - **The set-up link.** On a database without an admin (or, with `HAKAM_ADMIN_EMAIL`, while
//!   that account is not an admin), the server prints a one-time link at start. Its random
//!   token is stored hashed in the single `admin_bootstrap` row; whoever opens it signed in
//!   (and, with `HAKAM_ADMIN_EMAIL`, only that account) becomes admin. The claim is one
//!   `UPDATE … WHERE claimed_by IS NULL` on that row, so of two concurrent claims exactly one
//!   wins on SQLite and PostgreSQL alike. Each start replaces an unclaimed token: the link
//!   printed last is the one that works.
//! - **`hakam admin <email>`**, run by the operator on the server ([`make_admin`]): the named
//!   account, which must exist, becomes admin, and the set-up link stops working.

use crate::auth::SessionUser;
use crate::db::{audit, now, Db};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;

/// A set-up link's secret.
pub fn random_token() -> String {
    crate::links::random(32)
}

/// The path of the set-up link for a token.
pub fn setup_path(token: &str) -> String {
    format!("/admin/setup/{token}")
}

/// At start: if a set-up link is needed, stores a new token (hashed) and returns it.
pub async fn prepare_link(db: &Db, admin_email: Option<&str>) -> Result<Option<String>, sqlx::Error> {
    let (admins,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE is_admin = 1").fetch_one(&db.pool).await?;
    let needed = match admin_email {
        _ if admins == 0 => true,
        None => false,
        Some(email) => {
            let (named,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = $1 AND is_admin = 1")
                .bind(email)
                .fetch_one(&db.pool)
                .await?;
            named == 0
        }
    };
    if !needed {
        return Ok(None);
    }
    let token = random_token();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO admin_bootstrap (id, token_hash, created_at, claimed_by, claimed_at) VALUES (1, $1, $2, NULL, NULL) \
         ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at, claimed_by = NULL, claimed_at = NULL",
    )
    .bind(crate::links::digest(&token))
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(token))
}

/// What to tell the operator at start, when a set-up link was prepared.
pub fn announce(public_url: &str, token: &str, admin_email: Option<&str>) {
    let link = format!("{public_url}{}", setup_path(token));
    match admin_email {
        Some(email) => tracing::warn!(
            "No platform admin yet for {email}. Sign up or log in as {email}, then open this one-time link: {link} \
             (or run `hakam admin {email}` on the server)."
        ),
        None => tracing::warn!(
            "No platform admin yet. Sign up or log in with the account that will run Hakam, then open this one-time link: {link} \
             (or run `hakam admin <email>` on the server)."
        ),
    }
}

/// The signed-in `user` claims the set-up link `token`.
pub async fn claim(db: &Db, token: &str, user: &SessionUser, admin_email: Option<&str>) -> AppResult<()> {
    if admin_email.is_some_and(|email| email != user.email) {
        return Err(AppError::Conflict(Msg::ErrAdminSetupOtherAccount));
    }
    let t = now();
    let mut tx = db.begin_write().await?;
    let won = sqlx::query(
        "UPDATE admin_bootstrap SET claimed_by = $1, claimed_at = $2, token_hash = NULL \
         WHERE id = 1 AND token_hash = $3 AND claimed_by IS NULL",
    )
    .bind(user.id)
    .bind(t)
    .bind(crate::links::digest(token.trim()))
    .execute(&mut *tx)
    .await?;
    if won.rows_affected() == 0 {
        return Err(AppError::Conflict(Msg::ErrAdminSetupUsed));
    }
    sqlx::query("UPDATE users SET is_admin = 1, can_create_events = 1 WHERE id = $1")
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        None,
        Some(user.id),
        "admin.claimed",
        None,
        Some(serde_json::json!({ "user": user.id, "by": "link" })),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(user = user.id, "platform admin set up through the one-time link");
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum MakeAdminError {
    #[error("no account has the email {0}: sign up first, then run this again")]
    NoSuchAccount(String),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// `hakam admin <email>`: makes an existing account a platform admin and retires any set-up
/// link. Returns the account's id.
pub async fn make_admin(db: &Db, email: &str) -> Result<i64, MakeAdminError> {
    let email = email.trim().to_lowercase();
    let t = now();
    let mut tx = db.begin_write().await?;
    let id: Option<(i64,)> =
        // A deleted account's placeholder can never be made admin again.
        sqlx::query_as(
            "UPDATE users SET is_admin = 1, can_create_events = 1 WHERE email = $1 AND deleted_at IS NULL RETURNING id",
        )
            .bind(&email)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((id,)) = id else {
        return Err(MakeAdminError::NoSuchAccount(email));
    };
    sqlx::query(
        "INSERT INTO admin_bootstrap (id, token_hash, created_at, claimed_by, claimed_at) VALUES (1, NULL, $1, $2, $1) \
         ON CONFLICT (id) DO UPDATE SET token_hash = NULL, \
         claimed_by = COALESCE(admin_bootstrap.claimed_by, excluded.claimed_by), claimed_at = COALESCE(admin_bootstrap.claimed_at, excluded.claimed_at)",
    )
    .bind(t)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit(&mut tx, None, Some(id), "admin.claimed", None, Some(serde_json::json!({ "user": id, "by": "command" })))
        .await?;
    tx.commit().await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    #[test]
    fn setup_tokens_are_32_characters() {
        assert_eq!(super::random_token().len(), 32);
    }
}
