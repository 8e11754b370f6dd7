//! Invite pages: the organizer's invites panel (on the event's manage page) and the page a
//! link opens, where someone accepts it signed in, signs up, or joins as a judge.

use super::*;
use crate::i18n::{args, use_lang};
use crate::ui::{
    action_error, loaded, Alert, EventIdInput, Field, FormError, PasswordUse, PersonFields, Select, Submit,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn InvitesPanel(event_id: i64) -> impl IntoView {
    let lang = use_lang();
    let create = ServerAction::<CreateInvite>::new();
    let revoke = ServerAction::<RevokeInvite>::new();
    let invites = Resource::new(|| (), move |_| list_invites(event_id));
    let errors = action_error(create);
    let revoke_errors = action_error(revoke);
    let roles = Role::ALL.iter().map(|r| (r.code().to_owned(), lang.t(r.label()).to_owned())).collect::<Vec<_>>();
    view! {
        <h2 id="invites">{lang.t(Msg::InvitesTitle)}</h2>
        <p class="hint">{lang.t(Msg::HintInvites)}</p>
        <ActionForm action=create>
            <FormError errors />
            <EventIdInput event_id />
            <div class="grid-2">
                <Select label=Msg::FieldRole name="role" errors options=roles selected=DEFAULT_ROLE.code() />
                <Field label=Msg::FieldInviteLabel name="label" errors dir_auto=true hint=Msg::HintInviteLabel />
                <Field
                    label=Msg::FieldMaxUses
                    name="max_uses"
                    kind="number"
                    errors
                    value=DEFAULT_MAX_USES.to_string()
                    min="1".to_string()
                    max=MAX_USES_LIMIT.to_string()
                    hint=Msg::HintMaxUses
                    required=true
                />
                <Field
                    label=Msg::FieldValidDays
                    name="valid_days"
                    kind="number"
                    errors
                    value="14"
                    min="1".to_string()
                    required=true
                />
            </div>
            <div class="field checkbox">
                <input
                    type="checkbox"
                    id="f-allow_clash"
                    name="allow_clash"
                    value="on"
                    aria-describedby="f-allow_clash-hint"
                />
                <label for="f-allow_clash">{lang.t(Msg::FieldAllowClash)}</label>
                <p class="hint" id="f-allow_clash-hint">
                    {lang.t(Msg::HintAllowClash)}
                </p>
            </div>
            <Submit label=Msg::CreateInvite />
        </ActionForm>
        <FormError errors=revoke_errors />
        {loaded(
            invites,
            move |list| {
                view! {
                    <ul class="invites">
                        {list
                            .into_iter()
                            .map(|i| {
                                let active = i.status == InviteStatus::Valid;
                                view! {
                                    <li class="invite card" class:inactive=!active>
                                        <div class="qr" aria-hidden="true" inner_html=i.qr_svg></div>
                                        <div>
                                            <p>
                                                <strong>{lang.t(i.role.label())}</strong>
                                                " "
                                                <span dir="auto">{i.label}</span>
                                            </p>
                                            <p>
                                                <label>
                                                    {lang.t(Msg::InviteLink)}
                                                    <input class="copy" readonly value=i.url.clone() />
                                                </label>
                                            </p>
                                            <p class="muted">
                                                {lang.t(i.status.label())} " · " {i.uses} "/" {i.max_uses} " · "
                                                {lang.t(Msg::InviteExpires)} " " <time>{i.expires}</time>
                                            </p>
                                            {active
                                                .then(|| {
                                                    view! {
                                                        <ActionForm action=revoke attr:class="inline">
                                                            <EventIdInput event_id />
                                                            <input type="hidden" name="invite_id" value=i.id />
                                                            <button type="submit" class="button link danger">
                                                                {lang.t(Msg::Revoke)}
                                                            </button>
                                                        </ActionForm>
                                                    }
                                                })}
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            },
        )}
    }
}

#[component]
pub fn InvitePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let code = Signal::derive(move || params.with(|p| p.get("code").unwrap_or_default()));
    let info = Resource::new(move || code.get(), invite_info);
    let accept = ServerAction::<AcceptInvite>::new();
    let signup = ServerAction::<SignupAndAccept>::new();
    let accept_errors = action_error(accept);
    let signup_errors = action_error(signup);
    view! {
        <section class="narrow">
            <Suspense fallback=move || {
                view! { <p>{lang.t(Msg::Loading)}</p> }
            }>
                {move || {
                    info.get()
                        .map(|r| match r {
                            Err(AppError::NotFound) => {
                                crate::ui::refuse(&AppError::NotFound);
                                view! { <h1>{lang.t(Msg::ErrInviteUnknown)}</h1> }.into_any()
                            }
                            Err(e) => crate::ui::failure(lang, &e),
                            Ok(info) => {
                                let code = code.get();
                                let heading = lang
                                    .format(args::InviteHeading {
                                        role: lang.t(info.role.label()),
                                    });
                                let login = format!("/login?next=/invite/{code}");
                                view! {
                                    <h1>{heading}</h1>
                                    <p class="lead" dir="auto">
                                        {info.event_name.clone()}
                                    </p>
                                    {match (info.status, info.already_has_role, info.signed_in_as.clone()) {
                                        (_, true, _) => {
                                            view! {
                                                <p class="notice">{lang.t(Msg::InviteAlreadyAccepted)}</p>
                                                <a class="button primary" href=format!("/events/{}", info.event_id)>
                                                    {lang.t(Msg::OpenEvent)}
                                                </a>
                                            }
                                                .into_any()
                                        }
                                        (status, _, _) if status != InviteStatus::Valid => {
                                            view! { <Alert message=lang.t(status.error()) /> }.into_any()
                                        }
                                        (_, _, Some(name)) => {
                                            view! {
                                                <p>{lang.format(args::SignedInAs { name: &name })}</p>
                                                <ActionForm action=accept>
                                                    <FormError errors=accept_errors />
                                                    <input type="hidden" name="code" value=code.clone() />
                                                    <Submit label=Msg::AcceptInvite />
                                                </ActionForm>
                                            }
                                                .into_any()
                                        }
                                        (_, _, None) if info.role == Role::Judge => {
                                            view! {
                                                <crate::judging::JoinAsJudgeForm code=code.clone() />
                                                <details>
                                                    <summary>{lang.t(Msg::JudgeWithAccount)}</summary>
                                                    <p>
                                                        <a href=login.clone()>{lang.t(Msg::LogIn)}</a>
                                                    </p>
                                                </details>
                                            }
                                                .into_any()
                                        }
                                        (_, _, None) => {
                                            view! {
                                                <ActionForm action=signup>
                                                    <FormError errors=signup_errors />
                                                    <input type="hidden" name="code" value=code.clone() />
                                                    <PersonFields errors=signup_errors password=PasswordUse::New />
                                                    <Submit label=Msg::SignUpAndAccept />
                                                </ActionForm>
                                                <p>
                                                    {lang.t(Msg::SignupPrivacyNote)} " "
                                                    <a href="/privacy">{lang.t(Msg::PrivacyTitle)}</a>
                                                </p>
                                                <p>
                                                    {lang.t(Msg::HaveAccount)} " "
                                                    <a href=login>{lang.t(Msg::LogIn)}</a>
                                                </p>
                                            }
                                                .into_any()
                                        }
                                    }}
                                }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </section>
    }
}
