//! The account page, the reset-link page and the "forgot your password?" page. Plain forms
//! that work without script, each error next to its field and in the reader's language.

use super::{ChangePassword, DeleteAccount, EmailResetLink, SignOutEverywhere, UpdateProfile};
use crate::i18n::{args, use_lang, Msg};
use crate::ui::{action_error, loaded, Field, FormError, Notice, PasswordUse, PersonFields, Submit};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `?done=…` after a form succeeded: which notice to show (fixed texts only, so a crafted
/// link can show nothing of its own).
fn done_param() -> Signal<String> {
    let query = use_query_map();
    Signal::derive(move || query.with(|q| q.get("done")).unwrap_or_default())
}

fn done_is(done: Signal<String>, what: &'static str) -> Signal<bool> {
    Signal::derive(move || done.get() == what)
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let lang = use_lang();
    let details = Resource::new(|| (), |_| super::my_account());
    let profile = ServerAction::<UpdateProfile>::new();
    let password = ServerAction::<ChangePassword>::new();
    let everywhere = ServerAction::<SignOutEverywhere>::new();
    let delete = ServerAction::<DeleteAccount>::new();
    let (profile_errors, password_errors, everywhere_errors, delete_errors) =
        (action_error(profile), action_error(password), action_error(everywhere), action_error(delete));
    let done = done_param();
    view! {
        <section class="narrow">
            <h1>{lang.t(Msg::AccountTitle)}</h1>
            <Notice when=done_is(done, "profile") message=Msg::AccountProfileSaved />
            <Notice when=done_is(done, "password") message=Msg::AccountPasswordChanged />
            {loaded(
                details,
                move |me| {
                    view! {
                        <h2 id="account-profile">{lang.t(Msg::AccountProfileTitle)}</h2>
                        <ActionForm action=profile attr:aria-labelledby="account-profile">
                            <FormError errors=profile_errors />
                            <PersonFields
                                errors=profile_errors
                                password=PasswordUse::Current
                                display_name=me.display_name
                                email=me.email
                            />
                            <Submit label=Msg::AccountSaveProfile />
                        </ActionForm>
                        <h2 id="account-password">{lang.t(Msg::AccountPasswordTitle)}</h2>
                        <ActionForm action=password attr:aria-labelledby="account-password">
                            <FormError errors=password_errors />
                            <Field
                                label=Msg::FieldCurrentPassword
                                name="current_password"
                                kind="password"
                                errors=password_errors
                                autocomplete="current-password"
                                required=true
                            />
                            <Field
                                label=Msg::FieldNewPassword
                                name="new_password"
                                kind="password"
                                errors=password_errors
                                autocomplete="new-password"
                                required=true
                                hint=Msg::HintNewPassword
                            />
                            <Submit label=Msg::AccountChangePassword />
                        </ActionForm>
                        <h2 id="account-sessions">{lang.t(Msg::AccountSessionsTitle)}</h2>
                        <p>{lang.t(Msg::AccountSessionsIntro)}</p>
                        <ActionForm action=everywhere attr:aria-labelledby="account-sessions">
                            <FormError errors=everywhere_errors />
                            <button type="submit" class="button danger">
                                {lang.t(Msg::AccountSignOutEverywhere)}
                            </button>
                        </ActionForm>
                        <h2 id="account-data">{lang.t(Msg::AccountDataTitle)}</h2>
                        <p>{lang.t(Msg::AccountDataIntro)}</p>
                        <p>
                            // A plain link: the file is an attachment, the page stays.
                            <a class="button" href="/account/data.json" download="">
                                {lang.t(Msg::AccountDataDownload)}
                            </a>
                        </p>
                        <p>
                            <a href="/privacy">{lang.t(Msg::AccountPrivacyLink)}</a>
                        </p>
                        <h2 id="account-delete">{lang.t(Msg::AccountDeleteTitle)}</h2>
                        <p>{lang.t(Msg::AccountDeleteIntro)}</p>
                        <p>{lang.t(Msg::AccountDeleteKeeps)}</p>
                        <p class="hint">{lang.t(Msg::AccountDeleteLimits)}</p>
                        <ActionForm action=delete attr:aria-labelledby="account-delete">
                            <FormError errors=delete_errors />
                            <Field
                                label=Msg::FieldDeleteConfirm
                                name="confirm"
                                kind="email"
                                errors=delete_errors
                                autocomplete="off"
                                required=true
                            />
                            <Field
                                label=Msg::FieldCurrentPassword
                                name="account_password"
                                kind="password"
                                errors=delete_errors
                                autocomplete="current-password"
                                required=true
                            />
                            <button type="submit" class="button danger">
                                {lang.t(Msg::AccountDeleteSubmit)}
                            </button>
                        </ActionForm>
                    }
                },
            )}
        </section>
    }
}

/// `/privacy`: the privacy notice Moroccan law 09-08 asks for, in the reader's language: who is
/// responsible, what is stored and why, who sees it, for how long (this server's session and
/// backup settings), and how to use one's rights here (the account page's links). Public.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let lang = use_lang();
    let facts = Resource::new(|| (), |_| super::privacy_notice());
    let items = move |keys: &[Msg]| keys.iter().map(|k| view! { <li>{lang.t(*k)}</li> }).collect_view();
    view! {
        <section class="narrow privacy">
            <h1>{lang.t(Msg::PrivacyTitle)}</h1>
            <p>{lang.t(Msg::PrivacyIntro)}</p>
            {loaded(
                facts,
                move |facts| {
                    let contact = match facts.contact {
                        Some(contact) => {
                            view! {
                                <p>
                                    <strong>{lang.t(Msg::PrivacyControllerContact)}</strong>
                                    " "
                                    <span class="contact" dir="auto">
                                        {contact}
                                    </span>
                                </p>
                            }
                                .into_any()
                        }
                        None => view! { <p>{lang.t(Msg::PrivacyControllerUnset)}</p> }.into_any(),
                    };
                    let backups_every = match facts.backup_every_minutes {
                        Some(minutes) => {
                            lang.format(args::PrivacyRetentionBackupsEvery {
                                minutes,
                            })
                        }
                        None => lang.t(Msg::PrivacyRetentionBackupsOff).to_owned(),
                    };
                    view! {
                        <h2>{lang.t(Msg::PrivacyControllerTitle)}</h2>
                        <p>{lang.t(Msg::PrivacyControllerBody)}</p>
                        {contact}
                        <h2>{lang.t(Msg::PrivacyStoredTitle)}</h2>
                        <ul>
                            {items(
                                &[
                                    Msg::PrivacyStoredAccount,
                                    Msg::PrivacyStoredRoles,
                                    Msg::PrivacyStoredTeams,
                                    Msg::PrivacyStoredProjects,
                                    Msg::PrivacyStoredMentoring,
                                    Msg::PrivacyStoredJudging,
                                    Msg::PrivacyStoredSessions,
                                    Msg::PrivacyStoredLogs,
                                    Msg::PrivacyStoredBackups,
                                ],
                            )}
                        </ul>
                        <h2>{lang.t(Msg::PrivacyWhoTitle)}</h2>
                        <ul>
                            {items(
                                &[
                                    Msg::PrivacyWhoYou,
                                    Msg::PrivacyWhoOrganizers,
                                    Msg::PrivacyWhoPeople,
                                    Msg::PrivacyWhoPublic,
                                    Msg::PrivacyWhoAdmin,
                                ],
                            )}
                        </ul>
                        <h2>{lang.t(Msg::PrivacyRetentionTitle)}</h2>
                        <ul>
                            {items(&[Msg::PrivacyRetentionEvents, Msg::PrivacyRetentionAccount])}
                            <li>
                                {lang
                                    .format(args::PrivacyRetentionSessions {
                                        minutes: facts.session_idle_minutes,
                                    })}
                            </li>
                            <li>
                                {backups_every} " "
                                {lang
                                    .format(args::PrivacyRetentionBackupsKeep {
                                        count: facts.backup_keep,
                                    })}
                            </li> {items(&[Msg::PrivacyRetentionLogs])}
                        </ul>
                        <h2>{lang.t(Msg::PrivacyRightsTitle)}</h2>
                        <p>{lang.t(Msg::PrivacyRightsIntro)}</p>
                        <ul>
                            {items(
                                &[
                                    Msg::PrivacyRightAccess,
                                    Msg::PrivacyRightRectification,
                                    Msg::PrivacyRightOpposition,
                                    Msg::PrivacyRightDeletion,
                                ],
                            )}
                        </ul>
                        <p>
                            <a href="/account">{lang.t(Msg::PrivacyAccountLink)}</a>
                        </p>
                        <p>{lang.t(Msg::PrivacyRightsContact)}</p>
                    }
                },
            )}
        </section>
    }
}

/// `/reset/{token}`: choose a new password with a reset link. Opening the page changes
/// nothing; whether the link still works is told when the form is sent.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let token = Signal::derive(move || params.with(|p| p.get("token").unwrap_or_default()));
    let action = ServerAction::<super::ResetPassword>::new();
    let errors = action_error(action);
    view! {
        <section class="narrow">
            <h1>{lang.t(Msg::ResetTitle)}</h1>
            <p>{lang.t(Msg::ResetIntro)}</p>
            <ActionForm action=action>
                <FormError errors />
                <input type="hidden" name="token" value=move || token.get() />
                <Field
                    label=Msg::FieldNewPassword
                    name="new_password"
                    kind="password"
                    errors
                    autocomplete="new-password"
                    required=true
                    hint=Msg::HintPassword
                />
                <Submit label=Msg::ResetSubmit />
            </ActionForm>
            <p>
                <a href="/forgot">{lang.t(Msg::ResetAskAgain)}</a>
            </p>
        </section>
    }
}

/// Whether this server can e-mail reset links. Read from the server's state while the page
/// renders there (the page is not an island, so the browser never renders it).
fn can_mail() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::state::AppState>().is_some_and(|s| s.mailer.is_some())
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

/// `/forgot`: with a mail server, a form that sends a reset link to the account's own address;
/// in any case, whom to ask for one.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let lang = use_lang();
    let done = done_param();
    let mail = can_mail();
    let action = ServerAction::<EmailResetLink>::new();
    let errors = action_error(action);
    view! {
        <section class="narrow">
            <h1>{lang.t(Msg::ForgotTitle)}</h1>
            <Notice when=done_is(done, "sent") message=Msg::ForgotMailSent />
            {mail
                .then(|| {
                    view! {
                        <p>{lang.t(Msg::ForgotIntroMail)}</p>
                        <ActionForm action=action>
                            <FormError errors />
                            <Field
                                label=Msg::FieldEmail
                                name="email"
                                kind="email"
                                errors
                                autocomplete="email"
                                required=true
                            />
                            <Submit label=Msg::ForgotMailSubmit />
                        </ActionForm>
                    }
                })}
            <p>{lang.t(if mail { Msg::ForgotAskToo } else { Msg::ForgotIntro })}</p>
            <ul>
                <li>{lang.t(Msg::ForgotAskAdmin)}</li>
                <li>{lang.t(Msg::ForgotAskOrganizer)}</li>
            </ul>
            <p>{lang.t(Msg::ForgotJudges)}</p>
            <p>
                <a href="/login">{lang.t(Msg::LogIn)}</a>
            </p>
        </section>
    }
}
