//! The one authorization gate. Every server function starts here: it resolves who is calling
//! and what they may do, and anything not explicitly allowed is refused.
//!
//! - [`public`]: anyone, signed in or not (the caller may still be known).
//! - [`signed_in`]: any account.
//! - [`admin`]: the platform admin.
//! - [`event`]: someone holding one of the listed roles in that event, to read it; the
//!   platform admin gets no implicit access to events (organizers own their events' data).
//! - [`event_write`]: the same, to change it: an archived event is read-only, so this entry
//!   also refuses every call on one (409, `ErrEventArchived`) after the role check. Every
//!   server function that writes to an event enters here; [`ensure_writable`] is the same
//!   check for the few that let an account gain a role in an event it holds none in yet
//!   (invites, team links, joining). Unarchiving and deleting an archived event are the only
//!   writes that go through [`event`], since they act on archived events alone.
//!
//! A session opened by a judge's phone link (a *pass session*) reaches one event only: the
//! gate admits it to [`event`] for the pass's event with the judge role alone (whatever else
//! the account holds), and only while the pass is unrevoked and unexpired; [`signed_in`] and
//! [`admin`] refuse it (403), and so does [`event`] for any other event. [`public`] still
//! knows who it is (the header shows the judge's name), but [`Caller::account`] and
//! [`Caller::roles_in`] apply the same limits for the public functions that look further.
//! Plain routes use [`identify`] and [`Identity::roles_in`].
//!
//! A role is held while its `event_roles` row exists and is not retired: removing a role
//! (`events::people`) deletes the row and retiring a judge marks it, and both gate paths
//! ([`event`] and [`roles_in_event`]) read the row on every request, so the person loses the
//! role at their next request.
//!
//! Every session ends when its account's password changes (the session keeps a fingerprint
//! of the hash) or when the account moves to a later *session epoch* ("sign out everywhere",
//! a password change or a reset link used): both live in the `users` row the gate reads
//! anyway, so ending a person's sessions is one update that every instance sees at once.

use super::{Role, SessionUser};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use leptos::prelude::*;
use tower_sessions::Session;

pub const SESSION_USER: &str = "uid";
pub const SESSION_FINGERPRINT: &str = "pwfp";
/// The account's session epoch when this session was opened (absent in sessions opened
/// before epochs existed, which read as 0, every account's first epoch).
pub const SESSION_EPOCH: &str = "epoch";
pub const SESSION_SEEN: &str = "seen";
/// The id of the judge pass that opened this session, if one did.
pub const SESSION_PASS: &str = "jpass";

/// How far a session reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// A session opened with the account's own login: everything the account may do.
    Account,
    /// A session opened by a judge pass: the judge role in this one event, nothing else.
    Pass { event_id: i64 },
}

/// The verified owner of a session and how far the session reaches.
#[derive(Clone, Debug)]
pub struct Identity {
    pub user: SessionUser,
    pub reach: Reach,
}

impl Identity {
    /// The caller's roles in an event as far as this session reaches (`NotFound` if there is
    /// no such event).
    pub async fn roles_in(&self, db: &Db, event_id: i64) -> AppResult<Vec<Role>> {
        Ok(scoped(self.reach, event_id, roles_in_event(db, event_id, self.user.id).await?))
    }
}

/// The roles a session may use in `event_id`: all of them for an account session; for a pass
/// session only the judge role, and only in the pass's own event.
pub fn scoped(reach: Reach, event_id: i64, roles: Vec<Role>) -> Vec<Role> {
    match reach {
        Reach::Account => roles,
        Reach::Pass { event_id: e } if e == event_id => roles.into_iter().filter(|r| *r == Role::Judge).collect(),
        Reach::Pass { .. } => Vec::new(),
    }
}

/// What a session stored when it was opened: the fingerprint of the account's password hash,
/// the account's session epoch, and the judge pass that opened it, if one did.
#[derive(Clone, Copy, Debug)]
pub struct Opened<'a> {
    pub fingerprint: &'a str,
    pub epoch: i64,
    pub pass: Option<i64>,
}

/// What the database holds now for the session's account: its password hash, its session
/// epoch, and the event of the session's pass if that pass is still unrevoked, unexpired and
/// the account's.
#[derive(Clone, Copy, Debug)]
pub struct Current<'a> {
    pub hash: &'a str,
    pub epoch: i64,
    pub live_pass_event: Option<i64>,
}

/// Whether a session is still admitted, from what it stored and what the database holds now.
/// `None` ends the session: the password changed, the account moved to a later epoch ("sign
/// out everywhere", a password change or reset), or the pass that opened it is no longer live.
pub fn admit(opened: &Opened, now: &Current) -> Option<Reach> {
    if fingerprint(now.hash) != opened.fingerprint || opened.epoch != now.epoch {
        return None;
    }
    match (opened.pass, now.live_pass_event) {
        (Some(_), Some(event_id)) => Some(Reach::Pass { event_id }),
        // The pass was revoked, renewed (a new pass has a new id) or has expired.
        (Some(_), None) => None,
        // A pass-only account has no login of its own: a session of it that no pass vouches
        // for (one opened before passes were scoped) is not admitted.
        (None, _) if is_pass_only(now.hash) => None,
        (None, _) => Some(Reach::Account),
    }
}

/// Accounts made for judges who sign in only with a phone link: their stored "password" is
/// not an argon2 hash but `pass$…`, which no password matches.
pub fn is_pass_only(password_hash: &str) -> bool {
    password_hash.starts_with("pass$")
}

/// What a gate hands to the server function: the state and the verified caller.
pub struct Caller {
    pub state: AppState,
    pub session: Session,
    pub user: Option<SessionUser>,
    /// The event of the judge pass that opened this session, if one did.
    pub pass_event: Option<i64>,
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
    /// Whether the event is archived (read-only): always false through [`event_write`].
    pub archived: bool,
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
    /// The caller as an account that may act as itself: `None` for anonymous callers and for
    /// pass sessions (which reach one event's judging only).
    pub fn account(&self) -> Option<&SessionUser> {
        self.user.as_ref().filter(|_| self.pass_event.is_none())
    }
    /// The caller's roles in an event as far as the session reaches; empty when anonymous.
    pub async fn roles_in(&self, event_id: i64) -> AppResult<Vec<Role>> {
        let Some(user) = &self.user else { return Ok(Vec::new()) };
        let reach = self.pass_event.map_or(Reach::Account, |event_id| Reach::Pass { event_id });
        Ok(scoped(reach, event_id, roles_in_event(self.db(), event_id, user.id).await?))
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
/// or whose password has changed since they were opened, and pass sessions whose pass is no
/// longer live. Use [`identify`] where it matters how far the session reaches.
pub async fn current_user(db: &Db, session: &Session) -> AppResult<Option<SessionUser>> {
    Ok(identify(db, session).await?.map(|who| who.user))
}

/// The verified owner of this session and how far it reaches.
pub async fn identify(db: &Db, session: &Session) -> AppResult<Option<Identity>> {
    let Some(uid) = session.get::<i64>(SESSION_USER).await? else {
        return Ok(None);
    };
    let pass = session.get::<i64>(SESSION_PASS).await?;
    let row = super::db::user_with_pass(db, uid, pass.unwrap_or(0)).await?;
    accept(session, row, pass).await
}

/// Keeps the session if the account still exists with the password and the session epoch it
/// was opened with and, for a pass session, the pass is still live; otherwise ends it.
async fn accept(
    session: &Session,
    row: Option<super::db::SessionRow>,
    pass: Option<i64>,
) -> AppResult<Option<Identity>> {
    let fp = session.get::<String>(SESSION_FINGERPRINT).await?.unwrap_or_default();
    let epoch = session.get::<i64>(SESSION_EPOCH).await?.unwrap_or(0);
    let opened = Opened { fingerprint: &fp, epoch, pass };
    let admitted = row.and_then(|row| {
        let now = Current { hash: &row.hash, epoch: row.epoch, live_pass_event: row.live_pass_event };
        admit(&opened, &now).map(|reach| Identity { user: row.user, reach })
    });
    match admitted {
        Some(who) => {
            // The store only extends a session's expiry when the session is saved, and it is
            // saved only when modified: marking activity every 15 minutes keeps an active
            // judge or organizer signed in for the whole event, at one write per quarter hour.
            let t = crate::db::now();
            if t - session.get::<i64>(SESSION_SEEN).await?.unwrap_or(0) > 900 {
                session.insert(SESSION_SEEN, t).await?;
            }
            Ok(Some(who))
        }
        None => {
            session.flush().await?;
            Ok(None)
        }
    }
}

pub async fn public() -> AppResult<Caller> {
    let state = state()?;
    let session = session().await?;
    let who = identify(&state.db, &session).await?;
    let pass_event = who.as_ref().and_then(|w| match w.reach {
        Reach::Pass { event_id } => Some(event_id),
        Reach::Account => None,
    });
    Ok(Caller { state, session, user: who.map(|w| w.user), pass_event })
}

/// Any account signed in with its own login. A pass session is refused: it reaches one
/// event's judging, never account-wide functions.
pub async fn signed_in() -> AppResult<Authed> {
    let Caller { state, session, user, pass_event } = public().await?;
    let Some(user) = user else {
        return Err(AppError::Unauthenticated);
    };
    if pass_event.is_some() {
        return Err(AppError::Forbidden);
    }
    Ok(Authed { state, session, user })
}

pub async fn admin() -> AppResult<Authed> {
    let authed = signed_in().await?;
    if !authed.user.is_admin {
        return Err(AppError::Forbidden);
    }
    Ok(authed)
}

/// What a call means to do with an event: read it, or change it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intent {
    Read,
    Write,
}

/// Whether a call of this intent may go on in an event archived at `archived_at` (`None`
/// when the event is not archived): an archived event is read-only.
pub fn admit_intent(intent: Intent, archived_at: Option<i64>) -> AppResult<()> {
    match (intent, archived_at) {
        (Intent::Write, Some(_)) => Err(AppError::Conflict(crate::i18n::Msg::ErrEventArchived)),
        _ => Ok(()),
    }
}

/// The caller must hold one of `allowed` in `event_id`, to read it (archived events
/// included). Unknown events are `NotFound`.
pub async fn event(event_id: i64, allowed: &[Role]) -> AppResult<EventAccess> {
    enter(event_id, allowed, Intent::Read).await
}

/// The caller must hold one of `allowed` in `event_id`, to change it: refused with
/// `ErrEventArchived` (409) once the event is archived, after the role check (so a caller
/// without a role there learns no more than a 403). Unknown events are `NotFound`.
pub async fn event_write(event_id: i64, allowed: &[Role]) -> AppResult<EventAccess> {
    enter(event_id, allowed, Intent::Write).await
}

/// For writes that hold no role to check yet (accepting an invite, following a team link,
/// joining, a judge's open link): refuses with `ErrEventArchived` when the event is archived,
/// `NotFound` when there is no such event. Call it before anything is written.
pub async fn ensure_writable(db: &Db, event_id: i64) -> AppResult<()> {
    admit_intent(Intent::Write, archived_at(db, event_id).await?)
}

/// When the event was archived (`None`: it is not); `NotFound` if there is no such event.
pub async fn archived_at(db: &Db, event_id: i64) -> AppResult<Option<i64>> {
    let row: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT archived_at FROM events WHERE id = $1").bind(event_id).fetch_optional(&db.pool).await?;
    row.map(|(at,)| at).ok_or(AppError::NotFound)
}

async fn enter(event_id: i64, allowed: &[Role], intent: Intent) -> AppResult<EventAccess> {
    let state = state()?;
    let session = session().await?;
    let Some(uid) = session.get::<i64>(SESSION_USER).await? else {
        return Err(AppError::Unauthenticated);
    };
    let pass = session.get::<i64>(SESSION_PASS).await?;
    // Hot path (every save of every judge): the account, its roles, its pass and whether the
    // event is archived in one read.
    let fast = super::db::user_with_roles(&state.db, uid, event_id, pass.unwrap_or(0)).await?;
    let (who, roles, archived) = match fast {
        Some(row) => {
            let roles: Vec<Role> = row.roles.iter().filter_map(|r| Role::from_code(r)).collect();
            let archived = row.event_archived_at;
            let who = accept(&session, Some(row), pass).await?;
            (who.ok_or(AppError::Unauthenticated)?, roles, archived)
        }
        // No row: the account is gone or the event does not exist; the slow path tells which.
        None => {
            let who = identify(&state.db, &session).await?.ok_or(AppError::Unauthenticated)?;
            let roles = roles_in_event(&state.db, event_id, who.user.id).await?;
            let archived = archived_at(&state.db, event_id).await?;
            (who, roles, archived)
        }
    };
    let roles = scoped(who.reach, event_id, roles);
    if !roles.iter().any(|r| allowed.contains(r)) {
        return Err(AppError::Forbidden);
    }
    admit_intent(intent, archived)?;
    Ok(EventAccess { state, user: who.user, event_id, roles, archived: archived.is_some() })
}

/// The caller's roles in an event (empty if none); `NotFound` if the event does not exist.
pub async fn roles_in_event(db: &Db, event_id: i64, user_id: i64) -> AppResult<Vec<Role>> {
    // One row per role, or a single row with a NULL role when the caller holds none;
    // no row at all means there is no such event. A retired judge's role is held no more.
    let rows: Vec<(Option<String>,)> = sqlx::query_as(
        "SELECT r.role FROM events e LEFT JOIN event_roles r \
           ON r.event_id = e.id AND r.user_id = $2 AND r.retired_at IS NULL WHERE e.id = $1",
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

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWORD: &str = "$argon2id$v=19$m=19456,t=2,p=1$salt$hash0123456789abcdef";
    const PASS_ONLY: &str = "pass$abcdefghijklmnopqrstuvwxyz012345";

    fn opened(fingerprint: &str, epoch: i64, pass: Option<i64>) -> Opened<'_> {
        Opened { fingerprint, epoch, pass }
    }

    fn current(hash: &str, epoch: i64, live_pass_event: Option<i64>) -> Current<'_> {
        Current { hash, epoch, live_pass_event }
    }

    #[test]
    fn an_account_session_reaches_the_account_while_its_password_is_unchanged() {
        let fp = fingerprint(PASSWORD);
        assert_eq!(admit(&opened(&fp, 0, None), &current(PASSWORD, 0, None)), Some(Reach::Account));
        assert_eq!(admit(&opened("stale-fingerprint", 0, None), &current(PASSWORD, 0, None)), None);
    }

    #[test]
    fn a_session_ends_when_its_account_moves_to_a_later_epoch() {
        let fp = fingerprint(PASSWORD);
        // "Sign out everywhere", a password change or a reset: epoch 3 becomes 4.
        assert_eq!(admit(&opened(&fp, 3, None), &current(PASSWORD, 3, None)), Some(Reach::Account));
        assert_eq!(admit(&opened(&fp, 3, None), &current(PASSWORD, 4, None)), None);
        // A session that claims a later epoch than the account's was not opened by this server.
        assert_eq!(admit(&opened(&fp, 5, None), &current(PASSWORD, 4, None)), None);
        // Pass sessions end with their account's epoch too.
        let pass_fp = fingerprint(PASS_ONLY);
        assert_eq!(admit(&opened(&pass_fp, 0, Some(7)), &current(PASS_ONLY, 1, Some(3))), None);
    }

    #[test]
    fn a_pass_session_reaches_its_event_only_while_the_pass_is_live() {
        let fp = fingerprint(PASS_ONLY);
        assert_eq!(admit(&opened(&fp, 0, Some(7)), &current(PASS_ONLY, 0, Some(3))), Some(Reach::Pass { event_id: 3 }));
        // Revoked, renewed or expired: the database no longer vouches for pass 7.
        assert_eq!(admit(&opened(&fp, 0, Some(7)), &current(PASS_ONLY, 0, None)), None);
        // Even a password account's session is refused once the pass it came from is dead.
        assert_eq!(admit(&opened(&fingerprint(PASSWORD), 0, Some(7)), &current(PASSWORD, 0, None)), None);
    }

    #[test]
    fn a_pass_only_account_is_never_reached_without_a_pass() {
        assert_eq!(admit(&opened(&fingerprint(PASS_ONLY), 0, None), &current(PASS_ONLY, 0, None)), None);
    }

    #[test]
    fn an_archived_event_is_read_only() {
        assert_eq!(admit_intent(Intent::Read, None), Ok(()));
        assert_eq!(admit_intent(Intent::Write, None), Ok(()));
        assert_eq!(admit_intent(Intent::Read, Some(1_800_000_000)), Ok(()));
        let refused = admit_intent(Intent::Write, Some(1_800_000_000)).unwrap_err();
        assert_eq!(refused, AppError::Conflict(crate::i18n::Msg::ErrEventArchived));
        assert_eq!(refused.http_status(), 409);
    }

    #[test]
    fn a_pass_session_keeps_only_the_judge_role_of_its_own_event() {
        let all = vec![Role::Organizer, Role::Judge, Role::Participant];
        assert_eq!(scoped(Reach::Pass { event_id: 3 }, 3, all.clone()), vec![Role::Judge]);
        assert_eq!(scoped(Reach::Pass { event_id: 3 }, 4, all.clone()), Vec::<Role>::new());
        assert_eq!(scoped(Reach::Account, 4, all.clone()), all);
    }
}
