//! Invite links: an organizer hands out a link (and its QR code) that grants one role in one
//! event. Links expire, can be revoked, and carry a use limit enforced in a single UPDATE so
//! two people racing for the last use cannot both get in.

use crate::auth::Role;
use crate::error::AppError;
use crate::i18n::{args, use_lang, Msg};
use crate::ui::{action_error, Field, FormError, Select, Submit};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InviteRow {
    pub id: i64,
    pub role: Role,
    pub label: String,
    pub url: String,
    pub qr_svg: String,
    pub uses: i64,
    pub max_uses: i64,
    pub expires: String,
    pub status: InviteStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteStatus {
    Valid,
    Expired,
    Revoked,
    UsedUp,
}

impl InviteStatus {
    pub fn label(self) -> Msg {
        match self {
            InviteStatus::Valid => Msg::InviteValid,
            InviteStatus::Expired => Msg::InviteExpired,
            InviteStatus::Revoked => Msg::InviteRevoked,
            InviteStatus::UsedUp => Msg::InviteUsedUp,
        }
    }
    pub fn from_row(revoked_at: Option<i64>, expires_at: i64, uses: i64, max_uses: i64, now: i64) -> Self {
        if revoked_at.is_some() {
            InviteStatus::Revoked
        } else if expires_at <= now {
            InviteStatus::Expired
        } else if uses >= max_uses {
            InviteStatus::UsedUp
        } else {
            InviteStatus::Valid
        }
    }
    fn error(self) -> Msg {
        match self {
            InviteStatus::Valid => Msg::ErrInternal,
            InviteStatus::Expired => Msg::ErrInviteExpired,
            InviteStatus::Revoked => Msg::ErrInviteRevoked,
            InviteStatus::UsedUp => Msg::ErrInviteUsedUp,
        }
    }
}

/// What the person opening a link sees before accepting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InviteDetails {
    pub event_id: i64,
    pub event_name: String,
    pub role: Role,
    pub status: InviteStatus,
    pub signed_in_as: Option<String>,
    pub already_has_role: bool,
}

pub const MAX_USES_LIMIT: i64 = 1000;
pub const VALID_DAYS_LIMIT: i64 = 90;

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::db::{now, Db, Tx};
    use crate::error::{AppResult, FieldError};

    /// A new invite, as the one place invites are inserted (the invite form and the CSV
    /// import) builds it.
    pub struct NewInvite<'a> {
        pub event_id: i64,
        pub role: Role,
        pub label: &'a str,
        pub max_uses: i64,
        pub expires_at: i64,
        pub created_by: i64,
        /// The organizer allows its role to be held with a clashing one (see `accept`).
        pub allow_clash: bool,
    }

    /// Inserts an invite with a new code: 24 characters, over 140 bits, cannot be guessed.
    /// Returns its id and code.
    pub async fn insert(tx: &mut Tx, invite: &NewInvite<'_>) -> AppResult<(i64, String)> {
        let code = crate::links::random(24);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO invites (event_id, code, role, label, max_uses, uses, expires_at, created_by, created_at, \
             allow_clash) VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, $9) RETURNING id",
        )
        .bind(invite.event_id)
        .bind(&code)
        .bind(invite.role.code())
        .bind(invite.label)
        .bind(invite.max_uses)
        .bind(invite.expires_at)
        .bind(invite.created_by)
        .bind(now())
        .bind(i64::from(invite.allow_clash))
        .fetch_one(&mut **tx)
        .await?;
        Ok((id, code))
    }

    pub fn parse_new(
        role: &str,
        label: &str,
        max_uses: &str,
        valid_days: &str,
    ) -> Result<(Role, String, i64, i64), AppError> {
        let mut errors = Vec::new();
        let role = Role::from_code(role);
        if role.is_none() {
            errors.push(FieldError::new("role", Msg::ErrRequired));
        }
        let label = crate::events::domain::text(&mut errors, "label", label, 80, false);
        let max_uses = match max_uses.trim().parse::<i64>() {
            Ok(n) if (1..=MAX_USES_LIMIT).contains(&n) => n,
            _ => {
                errors
                    .push(FieldError::with("max_uses", args::ErrNumberRange { range: format!("1–{MAX_USES_LIMIT}") }));
                0
            }
        };
        let days = match valid_days.trim().parse::<i64>() {
            Ok(n) if (1..=VALID_DAYS_LIMIT).contains(&n) => n,
            _ => {
                errors.push(FieldError::with(
                    "valid_days",
                    args::ErrNumberRange { range: format!("1–{VALID_DAYS_LIMIT}") },
                ));
                0
            }
        };
        match role {
            Some(role) if errors.is_empty() => Ok((role, label, max_uses, days)),
            _ => Err(AppError::Invalid(errors)),
        }
    }

    /// An invite as the `invites` table holds it (its code aside).
    #[derive(sqlx::FromRow)]
    pub struct Invite {
        pub id: i64,
        pub event_id: i64,
        pub role: String,
        pub revoked_at: Option<i64>,
        pub expires_at: i64,
        pub uses: i64,
        pub max_uses: i64,
        pub allow_clash: i64,
    }

    impl Invite {
        pub fn status(&self, now: i64) -> InviteStatus {
            InviteStatus::from_row(self.revoked_at, self.expires_at, self.uses, self.max_uses, now)
        }
    }

    const INVITE_COLUMNS: &str = "id, event_id, role, revoked_at, expires_at, uses, max_uses, allow_clash";

    pub async fn by_code(db: &Db, code: &str) -> AppResult<Invite> {
        let row: Option<Invite> = sqlx::query_as(&format!("SELECT {INVITE_COLUMNS} FROM invites WHERE code = $1"))
            .bind(code)
            .fetch_optional(&db.pool)
            .await?;
        row.ok_or(AppError::NotFound)
    }

    /// Uses one of the invite's uses and grants its role. Taking the use and checking the
    /// limit are one statement, so concurrent acceptances cannot exceed `max_uses`.
    pub async fn accept(tx: &mut Tx, code: &str, user_id: i64) -> AppResult<i64> {
        let t = now();
        let row: Option<Invite> = sqlx::query_as(&format!("SELECT {INVITE_COLUMNS} FROM invites WHERE code = $1"))
            .bind(code)
            .fetch_optional(&mut **tx)
            .await?;
        let invite = row.ok_or(AppError::NotFound)?;
        let (invite_id, event_id, allow_clash) = (invite.id, invite.event_id, invite.allow_clash);
        let role = Role::from_code(&invite.role).ok_or_else(|| AppError::missing("invite with an unknown role"))?;
        let held: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM event_roles WHERE event_id = $1 AND user_id = $2 AND role = $3")
                .bind(event_id)
                .bind(user_id)
                .bind(role.code())
                .fetch_optional(&mut **tx)
                .await?;
        if held.is_some() {
            // Opening one's own link twice is harmless and uses nothing up.
            return Ok(event_id);
        }
        let taken = sqlx::query(
            "UPDATE invites SET uses = uses + 1 WHERE id = $1 AND revoked_at IS NULL \
             AND expires_at > $2 AND uses < max_uses",
        )
        .bind(invite_id)
        .bind(t)
        .execute(&mut **tx)
        .await?;
        if taken.rows_affected() != 1 {
            // Read as valid but the update found no use left: someone took it meanwhile.
            let status = invite.status(t);
            let key = if status == InviteStatus::Valid { Msg::ErrInviteUsedUp } else { status.error() };
            return Err(AppError::Conflict(key));
        }
        // A judge cannot take part or mentor in the same event (nor the reverse) unless the
        // organizer created this invite allowing it; the refusal undoes the use taken above.
        if allow_clash == 1 {
            crate::events::db::grant_allowing_clash(tx, event_id, user_id, role, None).await?;
        } else {
            crate::events::db::grant(tx, event_id, user_id, role, None).await?;
        }
        crate::db::audit(
            tx,
            Some(event_id),
            Some(user_id),
            "invite.accepted",
            None,
            Some(serde_json::json!({ "invite": invite_id, "role": role.code(), "allow_clash": allow_clash == 1 })),
        )
        .await?;
        Ok(event_id)
    }
}

#[server(prefix = "/api", endpoint = "invites/create")]
pub async fn create_invite(
    event_id: i64,
    role: String,
    label: String,
    max_uses: String,
    valid_days: String,
    allow_clash: Option<String>,
) -> Result<(), AppError> {
    let access = crate::auth::gate::event(event_id, &[Role::Organizer]).await?;
    let (role, label, max_uses, days) = ssr::parse_new(&role, &label, &max_uses, &valid_days)?;
    // The organizer's explicit say-so that this invite's role may be held together with a
    // clashing one (judge with participant or mentor) by whoever accepts it.
    let allow_clash = allow_clash.is_some_and(|v| !v.is_empty() && v != "off");
    let mut tx = access.db().begin_write().await?;
    let invite = ssr::NewInvite {
        event_id,
        role,
        label: &label,
        max_uses,
        expires_at: crate::db::now() + days * 86_400,
        created_by: access.user.id,
        allow_clash,
    };
    let (id, _) = ssr::insert(&mut tx, &invite).await?;
    crate::db::audit(
        &mut tx, Some(event_id), Some(access.user.id), "invite.created", None,
        Some(serde_json::json!({ "invite": id, "role": role.code(), "max_uses": max_uses, "days": days, "allow_clash": allow_clash })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "invites/list")]
pub async fn list_invites(event_id: i64) -> Result<Vec<InviteRow>, AppError> {
    let access = crate::auth::gate::event(event_id, &[Role::Organizer]).await?;
    #[derive(sqlx::FromRow)]
    struct Listed {
        id: i64,
        code: String,
        role: String,
        label: String,
        uses: i64,
        max_uses: i64,
        expires_at: i64,
        revoked_at: Option<i64>,
    }
    let rows: Vec<Listed> = sqlx::query_as(
        "SELECT i.id, i.code, i.role, i.label, i.uses, i.max_uses, i.expires_at, i.revoked_at \
         FROM invites i WHERE i.event_id = $1 ORDER BY i.id DESC",
    )
    .bind(event_id)
    .fetch_all(&access.db().pool)
    .await?;
    let tz = crate::events::db::timezone(access.db(), event_id).await?;
    let now = crate::db::now();
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
                status: InviteStatus::from_row(r.revoked_at, r.expires_at, r.uses, r.max_uses, now),
            })
        })
        .collect())
}

#[server(prefix = "/api", endpoint = "invites/revoke")]
pub async fn revoke_invite(event_id: i64, invite_id: i64) -> Result<(), AppError> {
    let access = crate::auth::gate::event(event_id, &[Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    let done = sqlx::query("UPDATE invites SET revoked_at = $1 WHERE id = $2 AND event_id = $3 AND revoked_at IS NULL")
        .bind(crate::db::now())
        .bind(invite_id)
        .bind(event_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    crate::db::audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "invite.revoked",
        None,
        Some(serde_json::json!({ "invite": invite_id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What an invite is for. Public: the code itself is the secret.
#[server(prefix = "/api", endpoint = "invites/info")]
pub async fn invite_info(code: String) -> Result<InviteDetails, AppError> {
    let caller = crate::auth::gate::public().await?;
    let invite = ssr::by_code(caller.db(), code.trim()).await?;
    let event_id = invite.event_id;
    let role = Role::from_code(&invite.role).ok_or_else(|| AppError::missing("invite with an unknown role"))?;
    let event_name: String =
        sqlx::query_scalar("SELECT name FROM events WHERE id = $1").bind(event_id).fetch_one(&caller.db().pool).await?;
    // A judge's pass session cannot accept invites: the page offers a new account instead.
    let already_has_role = match caller.account() {
        Some(u) => crate::auth::gate::roles_in_event(caller.db(), event_id, u.id).await?.contains(&role),
        None => false,
    };
    Ok(InviteDetails {
        event_id,
        event_name,
        role,
        status: invite.status(crate::db::now()),
        signed_in_as: caller.account().map(|u| u.display_name.clone()),
        already_has_role,
    })
}

/// Accepts an invite as the signed-in account.
#[server(prefix = "/api", endpoint = "invites/accept")]
pub async fn accept_invite(code: String) -> Result<(), AppError> {
    let authed = crate::auth::gate::signed_in().await?;
    crate::auth::limit_joins().await?;
    let mut tx = authed.db().begin_write().await?;
    let event_id = ssr::accept(&mut tx, code.trim(), authed.user.id).await?;
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
    let caller = crate::auth::gate::public().await?;
    crate::auth::limit_joins().await?;
    let status = ssr::by_code(caller.db(), code.trim()).await?.status(crate::db::now());
    if status != InviteStatus::Valid {
        return Err(AppError::Conflict(status.error()));
    }
    let account = crate::auth::prepare_account(&display_name, &email, password).await?;
    // The account and the role are one transaction: if the last use of the link is taken
    // meanwhile, no account is left behind.
    let mut tx = caller.db().begin_write().await?;
    let user = crate::auth::insert_account(&mut tx, &account).await?;
    let event_id = ssr::accept(&mut tx, code.trim(), user.id).await?;
    tx.commit().await?;
    crate::auth::remember_signup_device(account.email()).await?;
    crate::auth::open_session(&caller.session, &user, &account.hash).await?;
    leptos_axum::redirect(&format!("/events/{event_id}"));
    Ok(())
}

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
            <FormError errors/>
            <input type="hidden" name="event_id" value=event_id/>
            <div class="grid-2">
                <Select label=Msg::FieldRole name="role" errors options=roles selected="judge"/>
                <Field label=Msg::FieldInviteLabel name="label" errors dir_auto=true hint=Msg::HintInviteLabel/>
                <Field label=Msg::FieldMaxUses name="max_uses" kind="number" errors value="1" min="1".to_string() required=true/>
                <Field label=Msg::FieldValidDays name="valid_days" kind="number" errors value="14" min="1".to_string() required=true/>
            </div>
            <div class="field checkbox">
                <input type="checkbox" id="f-allow_clash" name="allow_clash" value="on" aria-describedby="f-allow_clash-hint"/>
                <label for="f-allow_clash">{lang.t(Msg::FieldAllowClash)}</label>
                <p class="hint" id="f-allow_clash-hint">{lang.t(Msg::HintAllowClash)}</p>
            </div>
            <Submit label=Msg::CreateInvite pending=create.pending()/>
        </ActionForm>
        <FormError errors=revoke_errors/>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || invites.get().map(|r| match r {
                Err(e) => crate::ui::failure(lang, &e),
                Ok(list) => view! {
                    <ul class="invites">
                        {list.into_iter().map(|i| {
                            let active = i.status == InviteStatus::Valid;
                            view! {
                                <li class="invite card" class:inactive=!active>
                                    <div class="qr" aria-hidden="true" inner_html=i.qr_svg></div>
                                    <div>
                                        <p><strong>{lang.t(i.role.label())}</strong> " " <span dir="auto">{i.label}</span></p>
                                        <p><label>{lang.t(Msg::InviteLink)} <input class="copy" readonly value=i.url.clone()/></label></p>
                                        <p class="muted">
                                            {lang.t(i.status.label())} " · " {i.uses} "/" {i.max_uses} " · "
                                            {lang.t(Msg::InviteExpires)} " " <time>{i.expires}</time>
                                        </p>
                                        {active.then(|| view! {
                                            <ActionForm action=revoke attr:class="inline">
                                                <input type="hidden" name="event_id" value=event_id/>
                                                <input type="hidden" name="invite_id" value=i.id/>
                                                <button type="submit" class="button link danger">{lang.t(Msg::Revoke)}</button>
                                            </ActionForm>
                                        })}
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            })}
        </Suspense>
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
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || info.get().map(|r| match r {
                    Err(AppError::NotFound) => {
                        crate::ui::refuse(&AppError::NotFound);
                        view! { <h1>{lang.t(Msg::ErrInviteUnknown)}</h1> }.into_any()
                    }
                    Err(e) => crate::ui::failure(lang, &e),
                    Ok(info) => {
                        let code = code.get();
                        let heading = lang.format(args::InviteHeading { role: lang.t(info.role.label()) });
                        let login = format!("/login?next=/invite/{code}");
                        view! {
                            <h1>{heading}</h1>
                            <p class="lead" dir="auto">{info.event_name.clone()}</p>
                            {match (info.status, info.already_has_role, info.signed_in_as.clone()) {
                                (_, true, _) => view! {
                                    <p class="notice">{lang.t(Msg::InviteAlreadyAccepted)}</p>
                                    <a class="button primary" href=format!("/events/{}", info.event_id)>{lang.t(Msg::OpenEvent)}</a>
                                }.into_any(),
                                (status, _, _) if status != InviteStatus::Valid => view! {
                                    <p class="form-error" role="alert">{lang.t(status.error())}</p>
                                }.into_any(),
                                (_, _, Some(name)) => view! {
                                    <p>{lang.format(args::SignedInAs { name: &name })}</p>
                                    <ActionForm action=accept>
                                        <FormError errors=accept_errors/>
                                        <input type="hidden" name="code" value=code.clone()/>
                                        <Submit label=Msg::AcceptInvite pending=accept.pending()/>
                                    </ActionForm>
                                }.into_any(),
                                (_, _, None) if info.role == Role::Judge => view! {
                                    <crate::judging::JoinAsJudgeForm code=code.clone()/>
                                    <details>
                                        <summary>{lang.t(Msg::JudgeWithAccount)}</summary>
                                        <p><a href=login.clone()>{lang.t(Msg::LogIn)}</a></p>
                                    </details>
                                }.into_any(),
                                (_, _, None) => view! {
                                    <ActionForm action=signup>
                                        <FormError errors=signup_errors/>
                                        <input type="hidden" name="code" value=code.clone()/>
                                        <Field label=Msg::FieldDisplayName name="display_name" errors=signup_errors autocomplete="name" required=true dir_auto=true/>
                                        <Field label=Msg::FieldEmail name="email" kind="email" errors=signup_errors autocomplete="email" required=true/>
                                        <Field label=Msg::FieldPassword name="password" kind="password" errors=signup_errors autocomplete="new-password" required=true hint=Msg::HintPassword/>
                                        <Submit label=Msg::SignUpAndAccept pending=signup.pending()/>
                                    </ActionForm>
                                    <p>{lang.t(Msg::HaveAccount)} " " <a href=login>{lang.t(Msg::LogIn)}</a></p>
                                }.into_any(),
                            }}
                        }.into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}
