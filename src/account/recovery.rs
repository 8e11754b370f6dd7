//! Issuing and using reset links, and the operator's `hakam reset-link EMAIL` command.
//!
//! Who may issue a link is decided by the callers: the platform admin's server function
//! (`admin::IssueResetLink`), the operator's command, which runs on the server with its
//! database, and the person's own request from `/forgot` (`account::EmailResetLink`), whose
//! link goes only to the account's own address. Nothing an event organizer can call reaches
//! [`issue`].

use super::{db, domain, IssuedResetLink};
use crate::db::{audit, now, Db};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;

/// Who asked for a reset link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Issuer {
    /// The platform admin with this id, on the admin page.
    Admin(i64),
    /// The operator, with `hakam reset-link` on the server.
    Command,
    /// Someone on `/forgot`, for a link sent to the account's own address.
    Mail,
}

/// Issues a reset link for `user_id`, retiring the account's earlier ones. Only the token's
/// digest is stored; the plain link exists in the answer alone. Pass-only judges have no
/// password to reset (409).
pub async fn issue(db: &Db, user_id: i64, issuer: Issuer, public_url: &str) -> AppResult<IssuedResetLink> {
    let by = match issuer {
        Issuer::Admin(id) => Some(id),
        Issuer::Command | Issuer::Mail => None,
    };
    let token = crate::links::random(domain::TOKEN_LEN);
    let created_at = now();
    let expires_at = domain::expires_at(created_at);
    let mut tx = db.begin_write().await?;
    let Some(target) = db::reset_target(&mut tx, user_id).await? else {
        return Err(AppError::NotFound);
    };
    if crate::auth::gate::is_pass_only(&target.password_hash) {
        return Err(AppError::Conflict(Msg::ErrResetPassOnly));
    }
    db::insert_reset(&mut tx, user_id, &crate::links::digest(&token), by, created_at, expires_at).await?;
    let by_whom = match issuer {
        Issuer::Admin(_) => "admin",
        Issuer::Command => "command",
        Issuer::Mail => "email",
    };
    if issuer == Issuer::Mail {
        // Counted inside the write transaction: on SQLite writers queue, so two requests at
        // once cannot both slip under the limit (on PostgreSQL, at most one extra can).
        if !domain::may_mail(db::mailings_since(&mut tx, user_id, created_at - 3600).await?) {
            return Err(AppError::RateLimited(3600));
        }
        db::record_mailing(&mut tx, user_id, created_at).await?;
    }
    audit(
        &mut tx,
        None,
        by,
        "account.reset_link_issued",
        None,
        Some(serde_json::json!({ "user": user_id, "by": by_whom, "expires_at": expires_at })),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(user = user_id, by = by_whom, "password reset link issued");
    Ok(IssuedResetLink { user_id, url: domain::reset_url(public_url, &token), expires_at })
}

#[derive(Debug, thiserror::Error)]
pub enum ResetLinkError {
    #[error("no account has the email {0}")]
    NoSuchAccount(String),
    #[error("{0} is a judge's phone-link account: it has no password to reset (the organizer renews its link)")]
    PassOnly(String),
    #[error("the link could not be issued: {0}")]
    Failed(AppError),
    #[error(transparent)]
    Db(#[from] crate::db::DbError),
    #[error(transparent)]
    Query(#[from] sqlx::Error),
}

/// `hakam reset-link EMAIL`: issues a reset link for the account with this address, built on
/// the configured public URL.
pub async fn reset_link_for_email(db: &Db, public_url: &str, email: &str) -> Result<IssuedResetLink, ResetLinkError> {
    let email = email.trim().to_lowercase();
    let Some(account) = crate::auth::db::user_by_email(db, &email).await? else {
        return Err(ResetLinkError::NoSuchAccount(email));
    };
    match issue(db, account.user.id, Issuer::Command, public_url).await {
        Ok(link) => Ok(link),
        Err(AppError::Conflict(Msg::ErrResetPassOnly)) => Err(ResetLinkError::PassOnly(email)),
        Err(e) => Err(ResetLinkError::Failed(e)),
    }
}

/// The `reset-link` subcommand: connects to the configured database, issues the link and
/// prints it with its expiry. Nothing is sent to anyone: the operator passes the link on.
pub async fn reset_link_cli(config: &crate::config::Config, email: &str) -> std::process::ExitCode {
    let outcome: Result<IssuedResetLink, ResetLinkError> = async {
        let db = Db::connect(&config.database_url, 1).await?;
        db.migrate().await?;
        let link = reset_link_for_email(&db, &config.public_url, email).await;
        db.pool.close().await;
        link
    }
    .await;
    match outcome {
        Ok(link) => {
            let minutes = domain::RESET_TTL_SECS / 60;
            println!("{}", link.url);
            eprintln!(
                "One-time password reset link for {}: it works once, for {minutes} minutes, and stops working if \
                 another link is issued or the password changes. Using it signs the account out everywhere.",
                email.trim().to_lowercase()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("hakam: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
