//! Platform administration: who may create events.

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
    }
    let rows: Vec<Account> =
        sqlx::query_as("SELECT id, display_name, email, is_admin, can_create_events FROM users ORDER BY id LIMIT 1000")
            .fetch_all(&authed.db().pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|a| UserRow {
            id: a.id,
            display_name: a.display_name,
            email: a.email,
            is_admin: a.is_admin != 0,
            // Admins may always create events.
            can_create_events: a.is_admin != 0 || a.can_create_events != 0,
        })
        .collect())
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
    let users = Resource::new(|| (), |_| list_users());
    let errors = action_error(set);
    view! {
        <section>
            <h1>{lang.t(Msg::AdminTitle)}</h1>
            <FormError errors />
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
