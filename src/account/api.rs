//! The account's server functions. Every one but [`reset_password`] is for the signed-in
//! person alone, on their own account (`gate::signed_in`, which refuses judges' pass
//! sessions); the reset link is its own authority, so using one is public.

use super::AccountDetails;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::auth::gate;

/// The signed-in person's name and address, for the account page.
#[server(prefix = "/api", endpoint = "account/page")]
pub async fn my_account() -> Result<AccountDetails, AppError> {
    let authed = gate::signed_in().await?;
    Ok(AccountDetails { display_name: authed.user.display_name, email: authed.user.email })
}

/// Saves the signed-in person's name and e-mail address. A new address must be free (compared
/// lower-cased, as at sign-up) and needs the current password; a name alone does not.
#[server(prefix = "/api", endpoint = "account/profile")]
pub async fn update_profile(display_name: String, email: String, password: String) -> Result<(), AppError> {
    use crate::auth::domain::{DisplayName, Email};
    use crate::error::FieldError;
    let authed = gate::signed_in().await?;
    let mut errors = Vec::new();
    let name = DisplayName::parse(&display_name).map_err(|k| errors.push(FieldError::new("display_name", k)));
    let address = Email::parse(&email).map_err(|k| errors.push(FieldError::new("email", k)));
    let (Ok(name), Ok(address)) = (name, address) else {
        return Err(AppError::Invalid(errors));
    };
    let old_email = authed.user.email.clone();
    let moving = address.as_str() != old_email;
    if moving {
        // Checked before anything is written, and before the address is looked up, so a
        // borrowed session learns nothing without the password.
        crate::auth::verify_current_password(authed.user.id, password, "password").await?;
    }
    let mut tx = authed.db().begin_write().await?;
    if let super::db::ProfileSaved::EmailTaken =
        super::db::save_profile(&mut tx, authed.user.id, name.as_str(), address.as_str()).await?
    {
        return Err(AppError::field("email", crate::i18n::Msg::ErrEmailTaken));
    }
    if moving {
        super::db::forget_devices(&mut tx, &old_email).await?;
    }
    let detail = if moving {
        serde_json::json!({ "user": authed.user.id, "email_from": old_email, "email_to": address.as_str() })
    } else {
        serde_json::json!({ "user": authed.user.id })
    };
    crate::db::audit(&mut tx, None, Some(authed.user.id), "account.profile_updated", None, Some(detail)).await?;
    tx.commit().await?;
    if moving {
        crate::auth::remember_signup_device(address.as_str()).await?;
    }
    leptos_axum::redirect("/account?done=profile");
    Ok(())
}

/// Changes the signed-in person's password: the current one is required, the new one follows
/// sign-up's rules. Every other session of the account ends; this one stays, under a fresh id.
#[server(prefix = "/api", endpoint = "account/password")]
pub async fn change_password(current_password: String, new_password: String) -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    // The new password's rules first: a too-short one costs no attempt and no hash.
    let new_password = crate::auth::new_password(new_password, "new_password")?;
    let account = crate::auth::verify_current_password(authed.user.id, current_password, "current_password").await?;
    let new_hash = crate::auth::hash_password(new_password).await?;
    let mut tx = authed.db().begin_write().await?;
    let Some(epoch) = super::db::change_password(&mut tx, authed.user.id, &account.hash, &new_hash).await? else {
        return Err(AppError::Conflict(crate::i18n::Msg::ErrPasswordChangedMeanwhile));
    };
    crate::db::audit(
        &mut tx,
        None,
        Some(authed.user.id),
        "account.password_changed",
        None,
        Some(serde_json::json!({ "user": authed.user.id })),
    )
    .await?;
    tx.commit().await?;
    crate::auth::open_session(&authed.session, &account.user, &new_hash, epoch).await?;
    leptos_axum::redirect("/account?done=password");
    Ok(())
}

/// Ends every session of the signed-in person, on every device, this one included.
#[server(prefix = "/api", endpoint = "account/sign-out-everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    let mut tx = authed.db().begin_write().await?;
    super::db::next_epoch(&mut tx, authed.user.id).await?;
    crate::db::audit(
        &mut tx,
        None,
        Some(authed.user.id),
        "account.signed_out_everywhere",
        None,
        Some(serde_json::json!({ "user": authed.user.id })),
    )
    .await?;
    tx.commit().await?;
    // `flush`, not `delete`, for the reason `auth::logout` gives.
    authed.session.flush().await?;
    crate::auth::clear_this_device();
    leptos_axum::redirect("/login?done=signed-out");
    Ok(())
}

/// Deletes the signed-in person's account, for good: the current password and the account's
/// address typed as a confirmation are required. What goes and what stays (an anonymous
/// placeholder keeping the scores given as a judge, so results do not change) is
/// `erase`'s; the last platform admin and an event's last organizer are refused (409). Every
/// session of the account ends, this one included.
#[server(prefix = "/api", endpoint = "account/delete")]
pub async fn delete_account(account_password: String, confirm: String) -> Result<(), AppError> {
    use crate::error::FieldError;
    use crate::i18n::Msg;
    let authed = gate::signed_in().await?;
    // The confirmation first: a slip costs no password attempt.
    let mut errors = Vec::new();
    if confirm.trim().is_empty() {
        errors.push(FieldError::new("confirm", Msg::ErrRequired));
    } else if !super::domain::confirms_deletion(&confirm, &authed.user.email) {
        errors.push(FieldError::new("confirm", Msg::ErrDeleteConfirmMismatch));
    }
    // Not `current_password`, the password form's field on the same page: one id per field.
    if account_password.is_empty() {
        errors.push(FieldError::new("account_password", Msg::ErrRequired));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let account = crate::auth::verify_current_password(authed.user.id, account_password, "account_password").await?;
    let mut tx = authed.db().begin_write().await?;
    let erased =
        super::erase::erase(&mut tx, authed.user.id, &account.user.email, &account.hash, account.user.is_admin).await?;
    tx.commit().await?;
    tracing::info!(user = authed.user.id, "account deleted by its owner; its sessions ended");
    for event_id in erased.help_events {
        authed.state.live.publish(event_id, crate::live::Topic::Help);
    }
    for event_id in erased.judging_events {
        authed.state.live.publish(event_id, crate::live::Topic::Judging);
    }
    // `flush`, not `delete`, for the reason `auth::logout` gives.
    authed.session.flush().await?;
    crate::auth::clear_this_device();
    leptos_axum::redirect("/login?done=deleted");
    Ok(())
}

/// What the privacy notice says that depends on this server's configuration.
#[server(prefix = "/api", endpoint = "account/privacy")]
pub async fn privacy_notice() -> Result<super::PrivacyFacts, AppError> {
    let caller = gate::public().await?;
    let config = &caller.state.config;
    Ok(super::PrivacyFacts {
        contact: config.privacy_contact.clone(),
        session_idle_minutes: config.session_idle.as_secs() / 60,
        backup_keep: config.backups.keep as u64,
        backup_every_minutes: config.backups.every.map(|every| every.as_secs() / 60),
    })
}

/// Sets a new password through a reset link. Anyone holding the link may use it, once, while
/// it lives; every session of the account ends. Uses are limited per client address like
/// sign-ups (`auth::limit_joins`), and a link that does not open costs no password hash.
#[server(prefix = "/api", endpoint = "account/reset")]
pub async fn reset_password(token: String, new_password: String) -> Result<(), AppError> {
    use super::domain;
    use crate::i18n::Msg;
    let caller = gate::public().await?;
    crate::auth::limit_joins().await?;
    let new_password = crate::auth::new_password(new_password, "new_password")?;
    let token = token.trim();
    let digest = domain::well_formed(token).then(|| crate::links::digest(token));
    let open = match &digest {
        Some(digest) => super::db::reset_open(caller.db(), digest, crate::db::now()).await?,
        None => false,
    };
    let Some(digest) = digest.filter(|_| open) else {
        tracing::info!("a reset link that does not open was used");
        return Err(AppError::Conflict(Msg::ErrResetLinkInvalid));
    };
    let new_hash = crate::auth::hash_password(new_password).await?;
    let mut tx = caller.db().begin_write().await?;
    // Claimed only now, in one statement: of two uses at once, one wins.
    let Some(user_id) = super::db::take_reset(&mut tx, &digest, crate::db::now()).await? else {
        return Err(AppError::Conflict(Msg::ErrResetLinkInvalid));
    };
    super::db::reset_password(&mut tx, user_id, &new_hash).await?;
    if let Some(target) = super::db::reset_target(&mut tx, user_id).await? {
        // The account may have been taken over: no browser keeps its trust from before.
        super::db::forget_devices(&mut tx, &target.email).await?;
    }
    crate::db::audit(
        &mut tx,
        None,
        Some(user_id),
        "account.password_reset",
        None,
        Some(serde_json::json!({ "user": user_id })),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(user = user_id, "password reset through a link; every session of the account ended");
    leptos_axum::redirect("/login?done=reset");
    Ok(())
}

/// Sends a one-time reset link to the account that uses this e-mail address, when the server
/// has a mail server. Anyone may ask (they are signed out: they forgot their password), so the
/// answer is the same whether or not such an account exists, and the message is sent after
/// the answer, so its time tells nothing either. The link goes only to the account's own
/// address; an account gets at most [`super::domain::MAILINGS_PER_HOUR`] an hour, and asks are
/// limited per client address like sign-ups.
#[server(prefix = "/api", endpoint = "account/forgot")]
pub async fn email_reset_link(email: String) -> Result<(), AppError> {
    use super::recovery::{issue, Issuer};
    use crate::i18n::{args, Msg};
    let caller = gate::public().await?;
    let state = gate::state()?;
    let Some(mailer) = state.mailer.clone() else {
        return Err(AppError::Conflict(Msg::ErrMailOff));
    };
    crate::auth::limit_joins().await?;
    let address = crate::auth::domain::Email::parse(&email).map_err(|k| AppError::field("email", k))?;
    let lang = crate::i18n::request::request_lang();
    if let Some(account) = crate::auth::db::user_by_email(caller.db(), address.as_str()).await? {
        match issue(caller.db(), account.user.id, Issuer::Mail, &state.config.public_url).await {
            Ok(link) => {
                let minutes = super::domain::RESET_TTL_SECS / 60;
                let subject = lang.t(Msg::ResetMailSubject).to_string();
                let body = format!(
                    "{}\n\n{}\n\n{}\n\n{}\n",
                    lang.format(args::ResetMailGreeting { name: &account.user.display_name }),
                    lang.format(args::ResetMailExplain { minutes }),
                    link.url,
                    lang.t(Msg::ResetMailIgnore),
                );
                let (name, to, user) = (account.user.display_name.clone(), account.user.email.clone(), account.user.id);
                tokio::spawn(async move {
                    match mailer.send(&name, &to, subject, body).await {
                        Ok(()) => tracing::info!(user, "reset link mailed at the person's request"),
                        Err(e) => tracing::error!(user, error = %e, "the reset link could not be mailed"),
                    }
                });
            }
            // Pass-only judges have no password; too many links this hour. Either way the
            // asker hears what everyone hears.
            Err(AppError::Conflict(Msg::ErrResetPassOnly)) => {
                tracing::info!(user = account.user.id, "reset link asked for a pass-only account: none sent")
            }
            Err(AppError::RateLimited(_)) => {
                tracing::warn!(user = account.user.id, "reset links mailed to this account reached the hourly limit")
            }
            Err(e) => return Err(e),
        }
    } else {
        tracing::info!("reset link asked for an address no account uses: none sent");
    }
    leptos_axum::redirect("/forgot?done=sent");
    Ok(())
}
