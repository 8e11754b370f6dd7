//! The invites server functions. Each starts at the authorization gate; accepting takes one
//! use of the link and grants its role in the same transaction.

use super::*;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    crate::auth::gate,
    crate::db::{audit, now},
    serde_json::json,
};

#[server(prefix = "/api", endpoint = "invites/create")]
pub async fn create_invite(
    event_id: i64,
    role: String,
    label: String,
    max_uses: String,
    valid_days: String,
    allow_clash: Option<String>,
) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let (role, label, max_uses, days) = domain::parse_new(&role, &label, &max_uses, &valid_days)?;
    // The organizer's explicit say-so that this invite's role may be held together with a
    // clashing one (judge with participant or mentor) by whoever accepts it.
    let allow_clash = allow_clash.is_some_and(|v| !v.is_empty() && v != "off");
    let mut tx = access.db().begin_write().await?;
    let invite = db::NewInvite {
        event_id,
        role,
        label: &label,
        max_uses,
        expires_at: now() + days * 86_400,
        created_by: access.user.id,
        allow_clash,
    };
    let (id, _) = db::insert(&mut tx, &invite).await?;
    audit(
        &mut tx, Some(event_id), Some(access.user.id), "invite.created", None,
        Some(json!({ "invite": id, "role": role.code(), "max_uses": max_uses, "days": days, "allow_clash": allow_clash })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "invites/list")]
pub async fn list_invites(event_id: i64) -> Result<Vec<InviteRow>, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let rows = db::list(access.db(), event_id).await?;
    let tz = crate::events::db::timezone(access.db(), event_id).await?;
    let t = now();
    let base = &access.state.config.public_url;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let url = format!("{base}/invite/{}", r.code);
            Some(InviteRow {
                id: r.id,
                role: Role::from_code(&r.role)?,
                label: r.label,
                qr_svg: crate::links::qr_svg(&url),
                url,
                uses: r.uses,
                max_uses: r.max_uses,
                expires: crate::i18n::dates::for_reader(r.expires_at, tz),
                status: InviteStatus::from_row(r.revoked_at, r.expires_at, r.uses, r.max_uses, t),
            })
        })
        .collect())
}

#[server(prefix = "/api", endpoint = "invites/revoke")]
pub async fn revoke_invite(event_id: i64, invite_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    if !db::revoke(&mut tx, event_id, invite_id).await? {
        return Err(AppError::NotFound);
    }
    audit(&mut tx, Some(event_id), Some(access.user.id), "invite.revoked", None, Some(json!({ "invite": invite_id })))
        .await?;
    tx.commit().await?;
    Ok(())
}

/// What an invite is for. Public: the code itself is the secret.
#[server(prefix = "/api", endpoint = "invites/info")]
pub async fn invite_info(code: String) -> Result<InviteDetails, AppError> {
    let caller = gate::public().await?;
    let invite = db::by_code(caller.db(), code.trim()).await?;
    let event_id = invite.event_id;
    let role = Role::from_code(&invite.role).ok_or_else(|| AppError::missing("invite with an unknown role"))?;
    let event_name =
        crate::events::db::name(caller.db(), event_id).await?.ok_or_else(|| AppError::missing("invite of no event"))?;
    // A judge's pass session cannot accept invites: the page offers a new account instead.
    let already_has_role = match caller.account() {
        Some(u) => gate::roles_in_event(caller.db(), event_id, u.id).await?.contains(&role),
        None => false,
    };
    Ok(InviteDetails {
        event_id,
        event_name,
        role,
        status: invite.status(now()),
        signed_in_as: caller.account().map(|u| u.display_name.clone()),
        already_has_role,
    })
}

/// Accepts an invite as the signed-in account.
#[server(prefix = "/api", endpoint = "invites/accept")]
pub async fn accept_invite(code: String) -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    crate::auth::limit_joins().await?;
    // An archived event takes no one in: refused before the invite's use is taken.
    gate::ensure_writable(authed.db(), db::by_code(authed.db(), code.trim()).await?.event_id).await?;
    let mut tx = authed.db().begin_write().await?;
    let event_id = db::accept(&mut tx, code.trim(), authed.user.id).await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{event_id}"));
    Ok(())
}

/// Creates an account and accepts the invite in one step, for people arriving by QR code.
/// Public: the invite is checked before the account is created.
#[server(prefix = "/api", endpoint = "invites/signup-accept")]
pub async fn signup_and_accept(
    code: String,
    display_name: String,
    email: String,
    password: String,
) -> Result<(), AppError> {
    let caller = gate::public().await?;
    crate::auth::limit_joins().await?;
    let invite = db::by_code(caller.db(), code.trim()).await?;
    let status = invite.status(now());
    if status != InviteStatus::Valid {
        return Err(AppError::Conflict(status.error()));
    }
    // An archived event takes no one in, and no account is made for it.
    gate::ensure_writable(caller.db(), invite.event_id).await?;
    let account = crate::auth::prepare_account(&display_name, &email, password).await?;
    // The account and the role are one transaction: if the last use of the link is taken
    // meanwhile, no account is left behind.
    let mut tx = caller.db().begin_write().await?;
    let user = crate::auth::insert_account(&mut tx, &account).await?;
    let event_id = db::accept(&mut tx, code.trim(), user.id).await?;
    tx.commit().await?;
    crate::auth::remember_signup_device(account.email()).await?;
    crate::auth::open_session(&caller.session, &user, &account.hash, crate::auth::db::FIRST_EPOCH).await?;
    leptos_axum::redirect(&format!("/events/{event_id}"));
    Ok(())
}
