//! Accounts and sessions: sign up, log in, log out, and the shared authorization gate.

#[cfg(feature = "ssr")]
pub mod bootstrap;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod gate;
#[cfg(feature = "ssr")]
pub mod limits;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod throttle;

use crate::error::AppError;
use crate::i18n::{use_lang, Msg};
use crate::ui::{action_error, Field, FormError, Notice, PasswordUse, PersonFields, Submit};
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
    /// Whether the account signs in with a password of its own (pass-only judges do not, and
    /// have no account page).
    pub has_password: bool,
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
    pub fn label(self) -> Msg {
        match self {
            Role::Organizer => Msg::RoleOrganizer,
            Role::Mentor => Msg::RoleMentor,
            Role::Judge => Msg::RoleJudge,
            Role::Participant => Msg::RoleParticipant,
        }
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::domain::{safe_next, DisplayName, Email, Password};
    use super::gate::{self, fingerprint, SESSION_EPOCH, SESSION_FINGERPRINT, SESSION_PASS, SESSION_USER};
    use super::{db, password, SessionUser};
    use crate::error::{AppError, AppResult, FieldError};
    use crate::i18n::{args, Msg};
    use tower_sessions::Session;

    fn hash_failed(e: password::HashError) -> AppError {
        tracing::error!(error = %e, "password hashing failed");
        AppError::Internal
    }

    /// Every password permit is taken: refuse at once rather than queue (see `password`).
    fn busy() -> AppError {
        tracing::warn!("password hashing at capacity: request refused with 503");
        AppError::Busy(1)
    }

    /// Starts an authenticated session under a fresh id, so an id planted before login
    /// (session fixation) is worthless afterwards. The session is bound to the account's
    /// password hash and session `epoch` (see `gate`): it ends when either changes.
    pub async fn open_session(session: &Session, user: &SessionUser, hash: &str, epoch: i64) -> AppResult<()> {
        session.cycle_id().await?;
        // A login after a judge pass on the same phone is a full account session again.
        session.remove_value(SESSION_PASS).await?;
        session.insert(SESSION_USER, user.id).await?;
        session.insert(SESSION_FINGERPRINT, fingerprint(hash)).await?;
        session.insert(SESSION_EPOCH, epoch).await?;
        Ok(())
    }

    /// Starts a session that a judge pass opened: the gate lets it reach that pass's event
    /// as a judge, and nothing else, while the pass stays live.
    pub async fn open_pass_session(session: &Session, account: &db::Account, pass_id: i64) -> AppResult<()> {
        open_session(session, &account.user, &account.hash, account.epoch).await?;
        session.insert(SESSION_PASS, pass_id).await?;
        Ok(())
    }

    /// A validated sign-up whose password is already hashed, ready to insert.
    pub struct NewAccount {
        name: DisplayName,
        email: Email,
        pub hash: String,
    }

    impl NewAccount {
        pub fn email(&self) -> &str {
            self.email.as_str()
        }
    }

    /// Checks every sign-up field at once (lengths first, before anything is hashed or
    /// stored) and hashes the password, outside any transaction: hashing is slow and must not
    /// hold the database's write lock. The hash is computed whether or not the address is
    /// taken, so "taken" comes after the same work as a success.
    pub async fn prepare_account(display_name: &str, email: &str, password: String) -> AppResult<NewAccount> {
        let hasher = gate::state()?.hasher.clone();
        let mut errors = Vec::new();
        let name = DisplayName::parse(display_name).map_err(|k| errors.push(FieldError::new("display_name", k)));
        let email = Email::parse(email).map_err(|k| errors.push(FieldError::new("email", k)));
        let password = Password::parse_new(password).map_err(|k| {
            errors.push(match k {
                Msg::ErrPasswordTooShort => {
                    FieldError::with("password", args::ErrPasswordTooShort { count: Password::MIN })
                }
                other => FieldError::new("password", other),
            })
        });
        let (Ok(name), Ok(email), Ok(password)) = (name, email, password) else {
            return Err(AppError::Invalid(errors));
        };
        let permit = hasher.try_permit().ok_or_else(busy)?;
        let hash = hasher.hash(permit, password).await.map_err(hash_failed)?;
        Ok(NewAccount { name, email, hash })
    }

    /// Inserts the account inside the caller's transaction, so it can be one step of a larger
    /// action (signing up through an invite creates the account and the role together).
    pub async fn insert_account(tx: &mut crate::db::Tx, account: &NewAccount) -> AppResult<SessionUser> {
        let created = db::create_user(tx, account.email.as_str(), account.name.as_str(), &account.hash).await?;
        let user = match created {
            db::NewUser::Created(user) => user,
            db::NewUser::EmailTaken => return Err(AppError::field("email", Msg::ErrEmailTaken)),
        };
        crate::db::audit(tx, None, Some(user.id), "account.created", None, None).await?;
        Ok(user)
    }

    /// The client's address: the socket's peer, or behind `HAKAM_TRUSTED_PROXY_HOPS` proxies
    /// the `X-Forwarded-For` entry the outermost trusted proxy added (`limits::client_ip`).
    pub async fn client_address() -> String {
        let hops = gate::state().map(|s| s.config.trusted_proxy_hops).unwrap_or(0);
        let peer = match leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>().await {
            Ok(axum::extract::ConnectInfo(addr)) => Some(addr.ip()),
            Err(_) => None,
        };
        let headers = if hops > 0 { leptos_axum::extract::<http::HeaderMap>().await.ok() } else { None };
        let forwarded =
            headers.iter().flat_map(|h| h.get_all("x-forwarded-for").iter()).filter_map(|v| v.to_str().ok());
        match super::limits::client_ip(forwarded, hops, peer) {
            Some(ip) => ip.to_string(),
            None => "unknown".to_owned(),
        }
    }

    /// Refuses (429 with `Retry-After`) a client that created too many accounts, accepted too
    /// many invites or joined as judge too often lately (`HAKAM_JOINS_PER_MINUTE`, per
    /// instance: see `limits`).
    pub async fn limit_joins() -> AppResult<()> {
        let state = gate::state()?;
        let client = client_address().await;
        state.joins.take(&client).map_err(|wait| {
            tracing::warn!(%client, "sign-up, invite or pass join rate-limited");
            AppError::RateLimited(wait)
        })
    }

    fn device_cookie_name(secure: bool) -> &'static str {
        if secure {
            "__Host-hakam_device"
        } else {
            "hakam_device"
        }
    }

    /// This browser's device token, if it sent one of the right shape.
    async fn device_token(secure: bool) -> Option<String> {
        let headers = leptos_axum::extract::<http::HeaderMap>().await.ok()?;
        let prefix = format!("{}=", device_cookie_name(secure));
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .find_map(|c| c.trim().strip_prefix(prefix.as_str()).map(str::to_owned))
            .filter(|t| t.len() == 32 && t.bytes().all(|b| b.is_ascii_alphanumeric()))
    }

    /// Marks this browser as one that knew the account's password (a long-lived, random,
    /// `HttpOnly` cookie whose hash is stored): its attempts skip the per-account slowdown.
    async fn remember_device(state: &crate::state::AppState, account: &str, token: Option<String>) -> AppResult<()> {
        let secure = state.config.secure_cookies();
        let token = token.unwrap_or_else(|| crate::links::random(32));
        db::remember_device(&state.db, &crate::links::digest(&token), account).await?;
        let cookie = format!(
            "{}={token}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}",
            device_cookie_name(secure),
            db::DEVICE_TTL_SECS,
            if secure { "; Secure" } else { "" }
        );
        match (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&cookie)) {
            (Some(response), Ok(value)) => response.append_header(http::header::SET_COOKIE, value),
            _ => tracing::warn!("device cookie not set: no response to set it on"),
        }
        Ok(())
    }

    /// Signs a new account's browser in as a known device of it (it just proved the password).
    pub async fn remember_signup_device(account: &str) -> AppResult<()> {
        let state = gate::state()?;
        let token = device_token(state.config.secure_cookies()).await;
        remember_device(&state, account, token).await
    }

    /// Logs in, throttled as `auth::throttle` describes. The attempt is reserved before the
    /// password is checked; an unknown email costs one verification like a known one and
    /// gets the same answer.
    pub async fn log_in(session: &Session, email: &str, password: String) -> AppResult<SessionUser> {
        let state = gate::state()?;
        let account = email.trim().to_lowercase();
        // Length caps first: nothing oversized is stored, counted or hashed.
        let mut errors = Vec::new();
        if account.is_empty() {
            errors.push(FieldError::new("email", Msg::ErrRequired));
        } else if account.len() > Email::MAX_BYTES {
            errors.push(FieldError::new("email", Msg::ErrTooLong));
        }
        if password.len() > 4 * Password::MAX || password.chars().count() > Password::MAX {
            errors.push(FieldError::new("password", Msg::ErrTooLong));
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let client = LoginClient::of(&state, &account).await?;
        let permit = state.hasher.try_permit().ok_or_else(busy)?;
        client.reserve(&state, &account).await?;
        let found = db::user_by_email(&state.db, &account).await?;
        let stored = found.as_ref().map(|a| a.hash.clone());
        let ok = state.hasher.verify(permit, Password::offered(password), stored).await.map_err(hash_failed)?;
        match found {
            Some(found) if ok => {
                db::attempt_succeeded(&state.db, &account, &client.key).await?;
                remember_device(&state, &account, client.device).await?;
                open_session(session, &found.user, &found.hash, found.epoch).await?;
                Ok(found.user)
            }
            // The reservation stays: it is this failure's record.
            _ => Err(AppError::Invalid(vec![FieldError::new("password", Msg::ErrBadCredentials)])),
        }
    }

    /// Who is making a password attempt on an account, as the login throttle counts them: a
    /// browser that signed in to the account before (its device cookie), else the address.
    struct LoginClient {
        key: String,
        trusted: bool,
        address: String,
        device: Option<String>,
    }

    impl LoginClient {
        async fn of(state: &crate::state::AppState, account: &str) -> AppResult<LoginClient> {
            let address = client_address().await;
            let device = device_token(state.config.secure_cookies()).await;
            let device_hash = device.as_deref().map(crate::links::digest);
            let trusted = match &device_hash {
                Some(hash) => db::device_known(&state.db, hash, account).await?,
                None => false,
            };
            let key = match &device_hash {
                Some(hash) if trusted => format!("device:{hash}"),
                _ => format!("ip:{address}"),
            };
            Ok(LoginClient { key, trusted, address, device })
        }

        /// Reserves one attempt under the login throttle, or refuses with 429.
        async fn reserve(&self, state: &crate::state::AppState, account: &str) -> AppResult<()> {
            let limits = &state.config.login;
            if let Err(wait) = db::reserve_attempt(&state.db, limits, account, &self.key, self.trusted).await? {
                tracing::warn!(address = %self.address, trusted = self.trusted, "password attempt throttled");
                return Err(AppError::RateLimited(u64::try_from(wait).unwrap_or(1)));
            }
            Ok(())
        }
    }

    /// Checks the signed-in person's current password before a change to their account
    /// (`field` names the form's input). It is a password attempt like a login, counted and
    /// slowed down by the same throttle, so a borrowed session cannot be used to guess it.
    /// Answers the account as it is now.
    pub async fn verify_current_password(user_id: i64, password: String, field: &str) -> AppResult<db::Account> {
        let state = gate::state()?;
        if password.is_empty() {
            return Err(AppError::field(field, Msg::ErrRequired));
        }
        if password.len() > 4 * Password::MAX || password.chars().count() > Password::MAX {
            return Err(AppError::field(field, Msg::ErrTooLong));
        }
        let found = db::user_by_id(&state.db, user_id).await?.ok_or(AppError::Unauthenticated)?;
        let account = found.user.email.clone();
        let client = LoginClient::of(&state, &account).await?;
        let permit = state.hasher.try_permit().ok_or_else(busy)?;
        client.reserve(&state, &account).await?;
        let stored = Some(found.hash.clone());
        let ok = state.hasher.verify(permit, Password::offered(password), stored).await.map_err(hash_failed)?;
        if !ok {
            return Err(AppError::field(field, Msg::ErrCurrentPasswordWrong));
        }
        db::attempt_succeeded(&state.db, &account, &client.key).await?;
        Ok(found)
    }

    /// A new password checked against sign-up's rules, its error on the form's `field`.
    pub fn new_password(raw: String, field: &str) -> AppResult<Password> {
        Password::parse_new(raw).map_err(|k| new_password_error(field, k))
    }

    /// Hashes a new password on a hashing thread (503 at once when hashing is at capacity).
    pub async fn hash_password(password: Password) -> AppResult<String> {
        let hasher = gate::state()?.hasher.clone();
        let permit = hasher.try_permit().ok_or_else(busy)?;
        hasher.hash(permit, password).await.map_err(hash_failed)
    }

    fn new_password_error(field: &str, key: Msg) -> AppError {
        AppError::Invalid(vec![match key {
            Msg::ErrPasswordTooShort => FieldError::with(field, args::ErrPasswordTooShort { count: Password::MIN }),
            other => FieldError::new(field, other),
        }])
    }

    pub fn redirect_to(next: Option<&str>) {
        leptos_axum::redirect(&safe_next(next));
    }
}
#[cfg(feature = "ssr")]
pub use ssr::{
    client_address, hash_password, insert_account, limit_joins, new_password, open_pass_session, open_session,
    prepare_account, remember_signup_device, verify_current_password,
};

#[server(prefix = "/api", endpoint = "auth/signup")]
pub async fn signup(
    display_name: String,
    email: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    let caller = gate::public().await?;
    ssr::limit_joins().await?;
    let account = ssr::prepare_account(&display_name, &email, password).await?;
    let mut tx = caller.db().begin_write().await?;
    let user = ssr::insert_account(&mut tx, &account).await?;
    tx.commit().await?;
    ssr::remember_signup_device(account.email()).await?;
    ssr::open_session(&caller.session, &user, &account.hash, db::FIRST_EPOCH).await?;
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
    clear_this_device();
    leptos_axum::redirect("/");
    Ok(())
}

/// The forms after which the site's storage on the device is cleared (`clear_this_device`):
/// the page asks before sending one while the judge desk still holds saves not sent.
pub const DEVICE_CLEARING: [&str; 3] = ["/api/auth/logout", "/api/account/sign-out-everywhere", "/api/account/delete"];

/// Tells the browser to delete what the site keeps on this device once its session ends
/// (signing out, everywhere, or deleting the account): the judge desk's kept page and files,
/// its worker, and its saves not sent yet (the page asks first when there are some, see
/// `ui::enhance`). Nothing of this person then stays for the next one. Browsers apply it on
/// https and localhost, where such things are kept. `"storage"` alone: it covers the worker
/// and its caches, and `"cache"` (the HTTP cache) makes Chromium stall the answer.
#[cfg(feature = "ssr")]
pub fn clear_this_device() {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            axum::http::HeaderName::from_static("clear-site-data"),
            axum::http::HeaderValue::from_static("\"storage\""),
        );
    }
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
            <h1>{lang.t(Msg::SignUpTitle)}</h1>
            <ActionForm action=action>
                <FormError errors />
                <input type="hidden" name="next" value=move || next.get() />
                <PersonFields errors password=PasswordUse::New />
                <Submit label=Msg::SignUp />
            </ActionForm>
            <p>{lang.t(Msg::SignupPrivacyNote)} " " <a href="/privacy">{lang.t(Msg::PrivacyTitle)}</a></p>
            <p>
                {lang.t(Msg::HaveAccount)} " "
                <a href=move || format!("/login?next={}", urlencode(&next.get()))>{lang.t(Msg::LogIn)}</a>
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
    let query = use_query_map();
    let done = move |what: &'static str| Signal::derive(move || query.with(|q| q.get("done")).as_deref() == Some(what));
    view! {
        <section class="narrow">
            <h1>{lang.t(Msg::LogInTitle)}</h1>
            <Notice when=done("reset") message=Msg::ResetDone />
            <Notice when=done("signed-out") message=Msg::SignedOutEverywhere />
            <Notice when=done("deleted") message=Msg::AccountDeleted />
            <ActionForm action=action>
                <FormError errors />
                <input type="hidden" name="next" value=move || next.get() />
                <Field label=Msg::FieldEmail name="email" kind="email" errors autocomplete="username" required=true />
                <Field
                    label=Msg::FieldPassword
                    name="password"
                    kind="password"
                    errors
                    autocomplete="current-password"
                    required=true
                />
                <Submit label=Msg::LogIn />
            </ActionForm>
            <p>
                <a href="/forgot">{lang.t(Msg::ForgotPasswordLink)}</a>
            </p>
            <p>
                {lang.t(Msg::NoAccount)} " "
                <a href=move || format!("/signup?next={}", urlencode(&next.get()))>{lang.t(Msg::SignUp)}</a>
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
            <button type="submit" class="button link">
                {lang.t(Msg::LogOut)}
            </button>
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

#[cfg(all(test, feature = "ssr"))]
mod device_tests {
    use leptos::server_fn::ServerFn;

    #[test]
    fn the_forms_that_clear_the_device_are_the_sign_out_functions() {
        let paths = [super::Logout::PATH, crate::account::SignOutEverywhere::PATH, crate::account::DeleteAccount::PATH];
        assert_eq!(super::DEVICE_CLEARING, paths);
    }
}
