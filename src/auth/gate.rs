//! The one authorization gate. Every server function starts here: it resolves who is calling
//! and what they may do, and anything not explicitly allowed is refused.
//!
//! - [`public`]: anyone, signed in or not (the caller may still be known).
//! - [`signed_in`]: any account.
//! - [`admin`]: the platform admin.
//! - [`event`]: someone holding one of the listed roles in that event; the platform admin
//!   gets no implicit access to events (organizers own their events' data).

use super::{Role, SessionUser};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::server::AppState;
use leptos::prelude::*;
use tower_sessions::Session;

pub const SESSION_USER: &str = "uid";
pub const SESSION_FINGERPRINT: &str = "pwfp";
pub const SESSION_SEEN: &str = "seen";

/// What a gate hands to the server function: the state and the verified caller.
pub struct Caller {
    pub state: AppState,
    pub session: Session,
    pub user: Option<SessionUser>,
}

pub struct Authed {
    pub state: AppState,
    pub session: Session,
    pub user: SessionUser,
}

pub struct EventAccess {
    pub state: AppState,
    pub user: SessionUser,
    pub event_id: i64,
    pub roles: Vec<Role>,
}

impl Authed {
    pub fn db(&self) -> &Db {
        &self.state.db
    }
}
impl EventAccess {
    pub fn db(&self) -> &Db {
        &self.state.db
    }
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}
impl Caller {
    pub fn db(&self) -> &Db {
        &self.state.db
    }
}

pub fn state() -> AppResult<AppState> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the server-function context");
        AppError::Internal
    })
}

async fn session() -> AppResult<Session> {
    leptos_axum::extract::<Session>().await.map_err(|e| {
        tracing::error!(error = %e, "session layer missing");
        AppError::Internal
    })
}

/// A short digest of the password hash kept in the session: changing the password changes
/// it, which ends every other session of that account.
pub fn fingerprint(password_hash: &str) -> String {
    password_hash.chars().rev().take(16).collect()
}

/// Loads the signed-in user of this session, if any, dropping sessions whose account is gone
/// or whose password has changed since they were opened.
pub async fn current_user(db: &Db, session: &Session) -> AppResult<Option<SessionUser>> {
    let Some(uid) = session.get::<i64>(SESSION_USER).await? else {
        return Ok(None);
    };
    let fp = session.get::<String>(SESSION_FINGERPRINT).await?.unwrap_or_default();
    let row = super::db::user_by_id(db, uid).await?;
    accept(session, row, &fp).await
}

/// Keeps the session if the account still exists with the password it was opened with.
async fn accept(session: &Session, row: Option<(SessionUser, String)>, fp: &str) -> AppResult<Option<SessionUser>> {
    match row {
        Some((user, hash)) if fingerprint(&hash) == fp => {
            // The store only extends a session's expiry when the session is saved, and it is
            // saved only when modified: marking activity every 15 minutes keeps an active
            // judge or organizer signed in for the whole event, at one write per quarter hour.
            let t = crate::db::now();
            if t - session.get::<i64>(SESSION_SEEN).await?.unwrap_or(0) > 900 {
                session.insert(SESSION_SEEN, t).await?;
            }
            Ok(Some(user))
        }
        _ => {
            session.flush().await?;
            Ok(None)
        }
    }
}

pub async fn public() -> AppResult<Caller> {
    let state = state()?;
    let session = session().await?;
    let user = current_user(&state.db, &session).await?;
    Ok(Caller { state, session, user })
}

pub async fn signed_in() -> AppResult<Authed> {
    let Caller { state, session, user } = public().await?;
    let Some(user) = user else {
        return Err(AppError::Unauthenticated);
    };
    Ok(Authed { state, session, user })
}

pub async fn admin() -> AppResult<Authed> {
    let authed = signed_in().await?;
    if !authed.user.is_admin {
        return Err(AppError::Forbidden);
    }
    Ok(authed)
}

/// The caller must hold one of `allowed` in `event_id`. Unknown events are `NotFound`.
pub async fn event(event_id: i64, allowed: &[Role]) -> AppResult<EventAccess> {
    let state = state()?;
    let session = session().await?;
    // Hot path (every save of every judge): the account and its roles in one read.
    let fast = match session.get::<i64>(SESSION_USER).await? {
        Some(uid) => super::db::user_with_roles(&state.db, uid, event_id).await?,
        None => return Err(AppError::Unauthenticated),
    };
    let (user, roles) = match fast {
        Some((user, hash, roles)) => {
            let fp = session.get::<String>(SESSION_FINGERPRINT).await?.unwrap_or_default();
            let user = accept(&session, Some((user, hash)), &fp).await?.ok_or(AppError::Unauthenticated)?;
            (user, roles.iter().filter_map(|r| Role::from_code(r)).collect())
        }
        // No row: the account is gone or the event does not exist; the slow path tells which.
        None => {
            let user = current_user(&state.db, &session).await?.ok_or(AppError::Unauthenticated)?;
            let roles = roles_in_event(&state.db, event_id, user.id).await?;
            (user, roles)
        }
    };
    if !roles.iter().any(|r| allowed.contains(r)) {
        return Err(AppError::Forbidden);
    }
    Ok(EventAccess { state, user, event_id, roles })
}

/// The caller's roles in an event (empty if none); `NotFound` if the event does not exist.
pub async fn roles_in_event(db: &Db, event_id: i64, user_id: i64) -> AppResult<Vec<Role>> {
    // One row per role, or a single row with a NULL role when the caller holds none;
    // no row at all means there is no such event.
    let rows: Vec<(Option<String>,)> = sqlx::query_as(
        "SELECT r.role FROM events e LEFT JOIN event_roles r \
           ON r.event_id = e.id AND r.user_id = $2 WHERE e.id = $1",
    )
    .bind(event_id)
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    if rows.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(rows.iter().filter_map(|(r,)| r.as_deref().and_then(Role::from_code)).collect())
}
