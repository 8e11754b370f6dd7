//! Judge passes: a pass-only account's sign-in link for one event. Only the token's digest
//! is stored; the plain link exists in the answer that issued it (see `manage::passes` for
//! how the organizer is shown it once). Used by the organizer's judge list, the join-as-judge
//! form, the demo and the import.

use crate::auth::Role;
use crate::db::{now, Tx};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::links::random;

/// The stored "password" of a phone-only judge account: not an argon2 hash, so no
/// password ever matches it (see `gate::is_pass_only`).
pub fn pass_hash() -> String {
    format!("pass${}", random(32))
}

/// A new pass secret: 40 letters and digits from the thread's CSPRNG (about 238 bits).
/// Only its digest is stored.
pub fn new_token() -> String {
    random(40)
}

/// What `judge_passes.token_hash` holds for a token as typed or pasted.
pub fn token_hash(token: &str) -> String {
    crate::links::digest(token.trim())
}

pub const DAY: i64 = 86_400;

/// A new pass's expiry: a day after judging closes (the event's `judging_closes`), and
/// never less than a day from now, so a pass issued late is not born expired.
pub async fn default_expiry(tx: &mut Tx, event_id: i64) -> AppResult<i64> {
    let closes: Option<i64> = sqlx::query_scalar("SELECT judging_closes FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(closes.ok_or(AppError::NotFound)?.max(now()) + DAY)
}

/// A pass just issued or re-shown: its plain link exists only in this answer.
pub struct Issued {
    pub pass_id: i64,
    pub token: String,
    pub expires_at: i64,
}

/// Issues a pass for a pass-only account (no other account ever gets one: an account with
/// a password judges through its own login). The plain token is returned, never stored.
pub async fn insert_pass(tx: &mut Tx, event_id: i64, user_id: i64, by: Option<i64>) -> AppResult<Issued> {
    let token = new_token();
    let expires_at = default_expiry(tx, event_id).await?;
    // The account check is part of the insert itself, so no caller can skip it.
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO judge_passes (token_hash, event_id, user_id, created_by, created_at, expires_at) \
         SELECT $1, $2, u.id, $4, $5, $6 FROM users u WHERE u.id = $3 AND u.password_hash LIKE 'pass$%' RETURNING id",
    )
    .bind(token_hash(&token))
    .bind(event_id)
    .bind(user_id)
    .bind(by)
    .bind(now())
    .bind(expires_at)
    .fetch_optional(&mut **tx)
    .await?;
    let pass_id = id.ok_or(AppError::Conflict(Msg::ErrPassOwnLogin))?;
    Ok(Issued { pass_id, token, expires_at })
}

/// A password-less account that signs in only through a judge link.
pub async fn create_pass_user(tx: &mut Tx, name: &str) -> AppResult<i64> {
    let email = format!("judge-{}@pass.invalid", random(16).to_lowercase());
    match crate::auth::db::create_user(tx, &email, name, &pass_hash()).await? {
        crate::auth::db::NewUser::Created(user) => Ok(user.id),
        crate::auth::db::NewUser::EmailTaken => Err(AppError::missing("random judge pass address already taken")),
    }
}

/// A judge account that exists only for one event and signs in with its link.
pub async fn create_pass_judge(tx: &mut Tx, event_id: i64, name: &str, by: Option<i64>) -> AppResult<(i64, Issued)> {
    let user_id = create_pass_user(tx, name).await?;
    crate::events::db::grant(tx, event_id, user_id, Role::Judge, by).await?;
    let issued = insert_pass(tx, event_id, user_id, by).await?;
    Ok((user_id, issued))
}

/// Signs this phone in through pass `pass_id`: a session that reaches the pass's event
/// as a judge only (see `gate`).
pub async fn sign_in_with_pass(
    session: &tower_sessions::Session,
    db: &crate::db::Db,
    user_id: i64,
    pass_id: i64,
) -> AppResult<()> {
    let account = crate::auth::db::user_by_id(db, user_id).await?.ok_or(AppError::NotFound)?;
    crate::auth::open_pass_session(session, &account, pass_id).await
}
