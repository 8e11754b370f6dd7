//! Platform administration: who may create events, and password reset links for people who
//! cannot sign in (the admin is the one person on the platform who may issue them).

pub mod setup;

use crate::error::AppError;
use crate::i18n::{use_lang, Msg};
use crate::ui::{action_error, loaded, FormError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub is_admin: bool,
    pub can_create_events: bool,
    /// A pass-only judge: signs in with a phone link, has no password to reset.
    pub pass_only: bool,
    /// A deleted account's placeholder (kept for the scores it gave): nothing to reset.
    pub deleted: bool,
    /// A reset link this admin just issued for the account, shown on this view only.
    pub reset_link: Option<crate::account::IssuedResetLink>,
}

#[server(prefix = "/api", endpoint = "admin/users")]
pub async fn list_users() -> Result<Vec<UserRow>, AppError> {
    let authed = crate::auth::gate::admin().await?;
    #[derive(sqlx::FromRow)]
    struct Account {
        id: i64,
        display_name: String,
        email: String,
        is_admin: i64,
        can_create_events: i64,
        password_hash: String,
        deleted_at: Option<i64>,
    }
    let rows: Vec<Account> = sqlx::query_as(
        "SELECT id, display_name, email, is_admin, can_create_events, password_hash, deleted_at FROM users \
         ORDER BY id LIMIT 1000",
    )
    .fetch_all(&authed.db().pool)
    .await?;
    let mut fresh = ssr::take_reset_links().await?;
    Ok(rows
        .into_iter()
        .map(|a| UserRow {
            id: a.id,
            display_name: a.display_name,
            email: a.email,
            is_admin: a.is_admin != 0,
            // Admins may always create events.
            can_create_events: a.is_admin != 0 || a.can_create_events != 0,
            pass_only: crate::auth::gate::is_pass_only(&a.password_hash),
            deleted: a.deleted_at.is_some(),
            reset_link: fresh.remove(&a.id),
        })
        .collect())
}

/// Issues a one-time password reset link for an account (admin only): the person who forgot
/// their password gets it from the admin, by whatever channel they trust. Earlier links of the
/// account stop working. The link is in this answer and on the admin's next page view, once.
#[server(prefix = "/api", endpoint = "admin/reset-link")]
pub async fn issue_reset_link(user_id: i64) -> Result<crate::account::IssuedResetLink, AppError> {
    let authed = crate::auth::gate::admin().await?;
    let public_url = authed.state.config.public_url.clone();
    let link = crate::account::recovery::issue(
        authed.db(),
        user_id,
        crate::account::recovery::Issuer::Admin(authed.user.id),
        &public_url,
    )
    .await?;
    ssr::reveal_once(&authed.session, &link).await?;
    Ok(link)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::account::IssuedResetLink;
    use crate::error::{AppError, AppResult};
    use std::collections::HashMap;
    use tower_sessions::Session;

    /// Reset links issued in this admin session and not shown yet.
    const SESSION_FRESH_RESETS: &str = "fresh_resets";

    /// Keeps a just-issued link for the admin page's next view (a form posted without script
    /// comes back to the page, not to the answer), in the admin's own session.
    pub async fn reveal_once(session: &Session, link: &IssuedResetLink) -> AppResult<()> {
        let mut fresh: Vec<IssuedResetLink> = session.get(SESSION_FRESH_RESETS).await?.unwrap_or_default();
        fresh.retain(|l| l.user_id != link.user_id);
        fresh.push(link.clone());
        session.insert(SESSION_FRESH_RESETS, fresh).await?;
        Ok(())
    }

    /// Takes the links waiting to be shown, by account.
    pub async fn take_reset_links() -> AppResult<HashMap<i64, IssuedResetLink>> {
        let session =
            leptos_axum::extract::<Session>().await.map_err(|e| AppError::internal("session layer missing", e))?;
        let Some(fresh) = session.remove::<Vec<IssuedResetLink>>(SESSION_FRESH_RESETS).await? else {
            return Ok(HashMap::new());
        };
        Ok(fresh.into_iter().map(|l| (l.user_id, l)).collect())
    }
}

/// Lets a user create events, or takes that right away. Admin only.
#[server(prefix = "/api", endpoint = "admin/set-creator")]
pub async fn set_event_creator(user_id: i64, allowed: bool) -> Result<(), AppError> {
    let authed = crate::auth::gate::admin().await?;
    let mut tx = authed.db().begin_write().await?;
    if !crate::auth::db::set_event_creator(&mut tx, user_id, allowed).await? {
        return Err(AppError::NotFound);
    }
    crate::db::audit(
        &mut tx,
        None,
        Some(authed.user.id),
        "user.event_creator",
        None,
        Some(serde_json::json!({ "user": user_id, "allowed": allowed })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[component]
pub fn AdminPage() -> impl IntoView {
    let lang = use_lang();
    let set = ServerAction::<SetEventCreator>::new();
    let reset = ServerAction::<IssueResetLink>::new();
    let users = Resource::new(|| (), |_| list_users());
    let errors = action_error(set);
    let reset_errors = action_error(reset);
    view! {
        <section>
            <h1>{lang.t(Msg::AdminTitle)}</h1>
            <FormError errors />
            <FormError errors=reset_errors />
            <p class="hint">{lang.t(Msg::AdminResetIntro)}</p>
            {loaded(
                users,
                move |list| {
                    view! {
                        <table class="people">
                            <thead>
                                <tr>
                                    <th>{lang.t(Msg::FieldDisplayName)}</th>
                                    <th>{lang.t(Msg::FieldEmail)}</th>
                                    <th>{lang.t(Msg::CanCreateEvents)}</th>
                                    <th>{lang.t(Msg::AdminResetColumn)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list
                                    .into_iter()
                                    .map(|u| {
                                        view! {
                                            <tr>
                                                <td dir="auto">{u.display_name}</td>
                                                <td>{u.email}</td>
                                                <td>
                                                    {if u.is_admin {
                                                        view! { <span>{lang.t(Msg::RoleAdmin)}</span> }.into_any()
                                                    } else {
                                                        view! {
                                                            <ActionForm action=set attr:class="inline">
                                                                <input type="hidden" name="user_id" value=u.id />
                                                                <input
                                                                    type="hidden"
                                                                    name="allowed"
                                                                    value=(!u.can_create_events).to_string()
                                                                />
                                                                <button type="submit" class="button">
                                                                    {lang
                                                                        .t(
                                                                            if u.can_create_events { Msg::Revoke } else { Msg::Allow },
                                                                        )}
                                                                </button>
                                                            </ActionForm>
                                                        }
                                                            .into_any()
                                                    }}
                                                </td>
                                                <td>
                                                    // A deleted account's placeholder has no way back in.
                                                    {if u.deleted {
                                                        view! { <span>"—"</span> }.into_any()
                                                    } else {
                                                        reset_cell(lang, reset, u.id, u.pass_only, u.reset_link)
                                                    }}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                },
            )}
        </section>
    }
}

/// An account's reset-link cell: the button, or the link just issued (once) with its expiry.
fn reset_cell(
    lang: crate::i18n::Lang,
    reset: ServerAction<IssueResetLink>,
    user_id: i64,
    pass_only: bool,
    link: Option<crate::account::IssuedResetLink>,
) -> AnyView {
    if pass_only {
        return view! { <span>{lang.t(Msg::AdminResetPassOnly)}</span> }.into_any();
    }
    let issued = link.map(|link| {
        let id = format!("reset-link-{user_id}");
        let minutes = crate::account::domain::RESET_TTL_SECS / 60;
        view! {
            <div class="field">
                <label for=id.clone()>{lang.t(Msg::AdminResetLinkLabel)}</label>
                <input id=id.clone() type="text" readonly=true value=link.url dir="ltr" />
                <p class="hint">
                    {lang
                        .format(crate::i18n::args::AdminResetLinkHint {
                            minutes,
                        })}
                </p>
            </div>
        }
    });
    view! {
        {issued}
        <ActionForm action=reset attr:class="inline">
            <input type="hidden" name="user_id" value=user_id />
            <button type="submit" class="button">
                {lang.t(Msg::AdminResetIssue)}
            </button>
        </ActionForm>
    }
    .into_any()
}
