//! Invite queries. `accept` takes a use and checks the limit in one UPDATE, so concurrent
//! acceptances cannot exceed `max_uses`.

use super::InviteStatus;
use crate::auth::Role;
use crate::db::{now, Db, Tx};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;

/// A new invite, as the one place invites are inserted (the invite form and the CSV
/// import) builds it.
pub struct NewInvite<'a> {
    pub event_id: i64,
    pub role: Role,
    pub label: &'a str,
    pub max_uses: i64,
    pub expires_at: i64,
    pub created_by: i64,
    /// The organizer allows its role to be held with a clashing one (see `accept`).
    pub allow_clash: bool,
}

/// Inserts an invite with a new code: 24 characters, over 140 bits, cannot be guessed.
/// Returns its id and code.
pub async fn insert(tx: &mut Tx, invite: &NewInvite<'_>) -> AppResult<(i64, String)> {
    let code = crate::links::random(24);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO invites (event_id, code, role, label, max_uses, uses, expires_at, created_by, created_at, \
         allow_clash) VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, $9) RETURNING id",
    )
    .bind(invite.event_id)
    .bind(&code)
    .bind(invite.role.code())
    .bind(invite.label)
    .bind(invite.max_uses)
    .bind(invite.expires_at)
    .bind(invite.created_by)
    .bind(now())
    .bind(i64::from(invite.allow_clash))
    .fetch_one(&mut **tx)
    .await?;
    Ok((id, code))
}

/// An invite as the `invites` table holds it (its code aside).
#[derive(sqlx::FromRow)]
pub struct Invite {
    pub id: i64,
    pub event_id: i64,
    pub role: String,
    pub revoked_at: Option<i64>,
    pub expires_at: i64,
    pub uses: i64,
    pub max_uses: i64,
    pub allow_clash: i64,
}

impl Invite {
    pub fn status(&self, now: i64) -> InviteStatus {
        InviteStatus::from_row(self.revoked_at, self.expires_at, self.uses, self.max_uses, now)
    }
}

const INVITE_COLUMNS: &str = "id, event_id, role, revoked_at, expires_at, uses, max_uses, allow_clash";

pub async fn by_code(db: &Db, code: &str) -> AppResult<Invite> {
    let row: Option<Invite> = sqlx::query_as(&format!("SELECT {INVITE_COLUMNS} FROM invites WHERE code = $1"))
        .bind(code)
        .fetch_optional(&db.pool)
        .await?;
    row.ok_or(AppError::NotFound)
}

/// Uses one of the invite's uses and grants its role. Taking the use and checking the
/// limit are one statement, so concurrent acceptances cannot exceed `max_uses`.
pub async fn accept(tx: &mut Tx, code: &str, user_id: i64) -> AppResult<i64> {
    let t = now();
    let row: Option<Invite> = sqlx::query_as(&format!("SELECT {INVITE_COLUMNS} FROM invites WHERE code = $1"))
        .bind(code)
        .fetch_optional(&mut **tx)
        .await?;
    let invite = row.ok_or(AppError::NotFound)?;
    let (invite_id, event_id, allow_clash) = (invite.id, invite.event_id, invite.allow_clash);
    let role = Role::from_code(&invite.role).ok_or_else(|| AppError::missing("invite with an unknown role"))?;
    let held: Option<Option<i64>> =
        sqlx::query_scalar("SELECT retired_at FROM event_roles WHERE event_id = $1 AND user_id = $2 AND role = $3")
            .bind(event_id)
            .bind(user_id)
            .bind(role.code())
            .fetch_optional(&mut **tx)
            .await?;
    match held {
        // A retired judge stays retired: no link brings the role back.
        Some(Some(_)) => return Err(AppError::Conflict(Msg::ErrJudgeRetired)),
        // Opening one's own link twice is harmless and uses nothing up.
        Some(None) => return Ok(event_id),
        None => {}
    }
    // Someone the organizers removed from this role cannot take it back with a link made
    // before the removal; a link made after it is the organizers' new decision.
    let removed: Option<i64> = sqlx::query_scalar(
        "SELECT invites_before FROM role_removals WHERE event_id = $1 AND user_id = $2 AND role = $3",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(role.code())
    .fetch_optional(&mut **tx)
    .await?;
    if removed.is_some_and(|before| invite_id <= before) {
        return Err(AppError::Conflict(Msg::ErrRemovedFromRole));
    }
    let taken = sqlx::query(
        "UPDATE invites SET uses = uses + 1 WHERE id = $1 AND revoked_at IS NULL \
         AND expires_at > $2 AND uses < max_uses",
    )
    .bind(invite_id)
    .bind(t)
    .execute(&mut **tx)
    .await?;
    if taken.rows_affected() != 1 {
        // Read as valid but the update found no use left: someone took it meanwhile.
        let status = invite.status(t);
        let key = if status == InviteStatus::Valid { Msg::ErrInviteUsedUp } else { status.error() };
        return Err(AppError::Conflict(key));
    }
    // A judge cannot take part or mentor in the same event (nor the reverse) unless the
    // organizer created this invite allowing it; the refusal undoes the use taken above.
    if allow_clash == 1 {
        crate::events::db::grant_allowing_clash(tx, event_id, user_id, role, None).await?;
    } else {
        crate::events::db::grant(tx, event_id, user_id, role, None).await?;
    }
    crate::db::audit(
        tx,
        Some(event_id),
        Some(user_id),
        "invite.accepted",
        None,
        Some(serde_json::json!({ "invite": invite_id, "role": role.code(), "allow_clash": allow_clash == 1 })),
    )
    .await?;
    Ok(event_id)
}

/// An invite as the organizer's list shows it, its code included.
#[derive(sqlx::FromRow)]
pub struct ListedRow {
    pub id: i64,
    pub code: String,
    pub role: String,
    pub label: String,
    pub uses: i64,
    pub max_uses: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
}

/// The event's invites, newest first.
pub async fn list(db: &Db, event_id: i64) -> Result<Vec<ListedRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT i.id, i.code, i.role, i.label, i.uses, i.max_uses, i.expires_at, i.revoked_at \
         FROM invites i WHERE i.event_id = $1 ORDER BY i.id DESC",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await
}

/// Revokes one of the event's invites; whether there was such an invite not yet revoked.
/// The event id in the WHERE clause keeps an organizer inside their own event.
pub async fn revoke(tx: &mut Tx, event_id: i64, invite_id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE invites SET revoked_at = $1 WHERE id = $2 AND event_id = $3 AND revoked_at IS NULL")
        .bind(now())
        .bind(invite_id)
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}
