//! Accounts and sessions: sign up, log in, log out, and the shared authorization gate.

pub mod domain;
#[cfg(feature = "ssr")]
pub mod gate;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod db;

use crate::error::AppError;
use crate::i18n::{use_lang, K};
use crate::ui::{action_error, Field, FormError, Submit};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// The signed-in account as the pages see it. Holds no secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub is_admin: bool,
    pub can_create_events: bool,
}

/// A person's role in one event. A person may hold different roles in different events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Organizer,
    Mentor,
    Judge,
    Participant,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Organizer, Role::Mentor, Role::Judge, Role::Participant];
    pub fn code(self) -> &'static str {
        match self {
            Role::Organizer => "organizer",
            Role::Mentor => "mentor",
            Role::Judge => "judge",
            Role::Participant => "participant",
        }
    }
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
    pub fn label(self) -> K {
        match self {
            Role::Organizer => K::RoleOrganizer,
            Role::Mentor => K::RoleMentor,
            Role::Judge => K::RoleJudge,
            Role::Participant => K::RoleParticipant,
        }
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::domain::{safe_next, DisplayName, Email, Password};
    use super::gate::{self, fingerprint, SESSION_FINGERPRINT, SESSION_USER};
    use super::{db, password, SessionUser};
    use crate::error::{AppError, AppResult, FieldError};
    use crate::i18n::K;
    use tower_sessions::Session;

    fn hash_failed(e: password::HashError) -> AppError {
        tracing::error!(error = %e, "password hashing failed");
        AppError::Internal
    }

    /// Starts an authenticated session under a fresh id, so an id planted before login
    /// (session fixation) is worthless afterwards.
    pub async fn open_session(session: &Session, user: &SessionUser, hash: &str) -> AppResult<()> {
        session.cycle_id().await?;
        session.insert(SESSION_USER, user.id).await?;
        session.insert(SESSION_FINGERPRINT, fingerprint(hash)).await?;
        Ok(())
    }

    /// A validated sign-up whose password is already hashed, ready to insert.
    pub struct NewAccount {
        name: DisplayName,
        email: Email,
        pub hash: String,
    }

    /// Checks every sign-up field at once and hashes the password (outside any transaction:
    /// hashing is slow and must not hold the database's write lock).
    pub async fn prepare_account(display_name: &str, email: &str, password: String) -> AppResult<NewAccount> {
        let mut errors = Vec::new();
        let name = DisplayName::parse(display_name).map_err(|k| errors.push(FieldError::new("display_name", k)));
        let email = Email::parse(email).map_err(|k| errors.push(FieldError::new("email", k)));
        let password = Password::parse_new(password).map_err(|k| {
            errors.push(match k {
                K::ErrPasswordTooShort => FieldError::with_arg("password", k, Password::MIN),
                other => FieldError::new("password", other),
            })
        });
        let (Ok(name), Ok(email), Ok(password)) = (name, email, password) else {
            return Err(AppError::Invalid(errors));
        };
        let hash = password::hash(password).await.map_err(hash_failed)?;
        Ok(NewAccount { name, email, hash })
    }

    /// Inserts the account inside the caller's transaction, so it can be one step of a larger
    /// action (signing up through an invite creates the account and the role together).
    pub async fn insert_account(tx: &mut crate::db::Tx, account: &NewAccount) -> AppResult<SessionUser> {
        let admin_email = gate::state()?.config.admin_email.clone();
        let created = db::create_user(tx, account.email.as_str(), account.name.as_str(), &account.hash, admin_email.as_deref()).await?;
        let user = match created {
            db::NewUser::Created(user) => user,
            db::NewUser::EmailTaken => return Err(AppError::field("email", K::ErrEmailTaken)),
        };
        crate::db::audit(tx, None, Some(user.id), "account.created", None, None).await?;
        Ok(user)
    }

    pub async fn client_address(trust_forwarded_for: bool) -> String {
        if trust_forwarded_for {
            if let Ok(headers) = leptos_axum::extract::<http::HeaderMap>().await {
                if let Some(first) = headers
                    .get("x-forwarded-for")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.split(',').next())
                {
                    return first.trim().to_owned();
                }
            }
        }
        match leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>().await {
            Ok(axum::extract::ConnectInfo(addr)) => addr.ip().to_string(),
            Err(_) => "unknown".to_owned(),
        }
    }

    pub async fn log_in(session: &Session, email: &str, password: String) -> AppResult<SessionUser> {
        let state = gate::state()?;
        let account = email.trim().to_lowercase();
        let client = client_address(state.config.trust_forwarded_for).await;
        let (by_account, by_client) = db::recent_failures(&state.db, &account, &client).await?;
        if by_account >= i64::from(state.config.max_failures_per_account)
            || by_client >= i64::from(state.config.max_failures_per_client)
        {
            tracing::warn!(%client, "login throttled");
            return Err(AppError::TooManyAttempts);
        }
        let found = db::user_by_email(&state.db, &account).await?;
        let stored = found.as_ref().map(|(_, hash)| hash.clone());
        let ok = password::verify(Password::offered(password), stored).await.map_err(hash_failed)?;
        match found {
            Some((user, hash)) if ok => {
                db::clear_failures(&state.db, &account).await?;
                open_session(session, &user, &hash).await?;
                Ok(user)
            }
            _ => {
                db::record_failure(&state.db, &account, &client).await?;
                Err(AppError::Invalid(vec![FieldError::new("password", K::ErrBadCredentials)]))
            }
        }
    }

    pub fn redirect_to(next: Option<&str>) {
        leptos_axum::redirect(&safe_next(next));
    }
}
#[cfg(feature = "ssr")]
pub use ssr::{insert_account, open_session, prepare_account};

#[server(prefix = "/api", endpoint = "auth/signup")]
pub async fn signup(
    display_name: String,
    email: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    let caller = gate::public().await?;
    let account = ssr::prepare_account(&display_name, &email, password).await?;
    let mut tx = caller.db().begin_write().await?;
    let user = ssr::insert_account(&mut tx, &account).await?;
    tx.commit().await?;
    ssr::open_session(&caller.session, &user, &account.hash).await?;
    ssr::redirect_to(next.as_deref());
    Ok(())
}

#[server(prefix = "/api", endpoint = "auth/login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    let caller = gate::public().await?;
    ssr::log_in(&caller.session, &email, password).await?;
    ssr::redirect_to(next.as_deref());
    Ok(())
}

#[server(prefix = "/api", endpoint = "auth/logout")]
pub async fn logout() -> Result<(), AppError> {
    // Anyone may log out; for an anonymous caller it only drops an empty session.
    let caller = gate::public().await?;
    // `flush`, not `delete`: the gate may have just marked the session as seen, and a
    // modified session that is only deleted from the store is saved back by the session
    // layer after this function returns, leaving the caller signed in.
    caller.session.flush().await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Who is signed in, for the header. Public: answers `None` to anonymous callers.
#[server(prefix = "/api", endpoint = "auth/me")]
pub async fn current_user() -> Result<Option<SessionUser>, AppError> {
    Ok(gate::public().await?.user)
}

fn next_param() -> Signal<String> {
    let query = use_query_map();
    Signal::derive(move || query.with(|q| q.get("next")).unwrap_or_default())
}

#[component]
pub fn SignupPage() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<Signup>::new();
    let errors = action_error(action);
    let next = next_param();
    view! {
        <section class="narrow">
            <h1>{lang.t(K::SignUpTitle)}</h1>
            <ActionForm action=action>
                <FormError errors/>
                <input type="hidden" name="next" value=move || next.get()/>
                <Field label=K::FieldDisplayName name="display_name" errors autocomplete="name" required=true dir_auto=true/>
                <Field label=K::FieldEmail name="email" kind="email" errors autocomplete="email" required=true/>
                <Field label=K::FieldPassword name="password" kind="password" errors autocomplete="new-password" required=true hint=K::HintPassword/>
                <Submit label=K::SignUp pending=action.pending()/>
            </ActionForm>
            <p>
                {lang.t(K::HaveAccount)} " "
                <a href=move || format!("/login?next={}", urlencode(&next.get()))>{lang.t(K::LogIn)}</a>
            </p>
        </section>
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<Login>::new();
    let errors = action_error(action);
    let next = next_param();
    view! {
        <section class="narrow">
            <h1>{lang.t(K::LogInTitle)}</h1>
            <ActionForm action=action>
                <FormError errors/>
                <input type="hidden" name="next" value=move || next.get()/>
                <Field label=K::FieldEmail name="email" kind="email" errors autocomplete="username" required=true/>
                <Field label=K::FieldPassword name="password" kind="password" errors autocomplete="current-password" required=true/>
                <Submit label=K::LogIn pending=action.pending()/>
            </ActionForm>
            <p>
                {lang.t(K::NoAccount)} " "
                <a href=move || format!("/signup?next={}", urlencode(&next.get()))>{lang.t(K::SignUp)}</a>
            </p>
        </section>
    }
}

#[component]
pub fn LogoutButton() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<Logout>::new();
    view! {
        <ActionForm action=action attr:class="inline">
            <button type="submit" class="button link">{lang.t(K::LogOut)}</button>
        </ActionForm>
    }
}

/// Percent-encodes a value for a query string.
pub fn urlencode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Used by pages that need the caller, e.g. to offer "log in" or "join".
pub fn use_current_user() -> Resource<Result<Option<SessionUser>, AppError>> {
    use_context::<Resource<Result<Option<SessionUser>, AppError>>>()
        .unwrap_or_else(|| Resource::new(|| (), |_| current_user()))
}
