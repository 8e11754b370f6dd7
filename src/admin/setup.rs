//! The one-time admin set-up link, `/admin/setup/{token}`, printed by the server at start on
//! a database without an admin (`auth::bootstrap` says why and how it stays race-free).

use crate::auth::use_current_user;
use crate::error::AppError;
use crate::i18n::{args, use_lang, Msg};
use crate::ui::{action_error, FormError, Submit};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The signed-in account claims the set-up link and becomes the platform admin.
#[server(prefix = "/api", endpoint = "admin/setup")]
pub async fn claim_admin(token: String) -> Result<(), AppError> {
    let authed = crate::auth::gate::signed_in().await?;
    crate::auth::limit_joins().await?;
    let admin_email = authed.state.config.admin_email.clone();
    crate::auth::bootstrap::claim(authed.db(), &token, &authed.user, admin_email.as_deref()).await?;
    leptos_axum::redirect("/admin");
    Ok(())
}

#[component]
pub fn AdminSetupPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let token = Signal::derive(move || params.with(|p| p.get("token").unwrap_or_default()));
    let user = use_current_user();
    let claim = ServerAction::<ClaimAdmin>::new();
    let errors = action_error(claim);
    view! {
        <section class="narrow">
            <h1>{lang.t(Msg::AdminSetupTitle)}</h1>
            <p>{lang.t(Msg::AdminSetupIntro)}</p>
            <Suspense fallback=move || {
                view! { <p>{lang.t(Msg::Loading)}</p> }
            }>
                {move || {
                    user.get()
                        .map(|r| match r {
                            Ok(Some(me)) => {
                                view! {
                                    <p>
                                        {lang
                                            .format(args::SignedInAs {
                                                name: &me.display_name,
                                            })} " (" {me.email.clone()} ")"
                                    </p>
                                    <ActionForm action=claim>
                                        <FormError errors />
                                        <input type="hidden" name="token" value=token.get() />
                                        <Submit label=Msg::AdminSetupClaim />
                                    </ActionForm>
                                }
                                    .into_any()
                            }
                            _ => {
                                let next = crate::auth::urlencode(&format!("/admin/setup/{}", token.get()));
                                view! {
                                    <p>{lang.t(Msg::AdminSetupSignIn)}</p>
                                    <p>
                                        <a class="button primary" href=format!("/login?next={next}")>
                                            {lang.t(Msg::LogIn)}
                                        </a>
                                        " "
                                        <a class="button" href=format!("/signup?next={next}")>
                                            {lang.t(Msg::SignUp)}
                                        </a>
                                    </p>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </section>
    }
}
