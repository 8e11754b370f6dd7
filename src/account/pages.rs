//! The account page, the reset-link page and the "forgot your password?" page. Plain forms
//! that work without script, each error next to its field and in the reader's language.

use super::{ChangePassword, EmailResetLink, SignOutEverywhere, UpdateProfile};
use crate::i18n::{use_lang, Msg};
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
    let (profile_errors, password_errors, everywhere_errors) =
        (action_error(profile), action_error(password), action_error(everywhere));
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
