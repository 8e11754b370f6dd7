//! Events: the public page, creation, and the organizer's settings (details, schedule,
//! tracks, co-organizers). Invites live in `crate::invites`.

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;

use crate::auth::{use_current_user, Role};
use crate::error::AppError;
use crate::i18n::{args, use_lang, Msg};
use crate::invites::InvitesPanel;
use crate::ui::event_id_param;
use crate::ui::{action_error, Field, FormError, Notice, Submit, TextArea};
use leptos::prelude::*;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: i64,
    pub name: String,
    pub venue: String,
    pub starts: String,
    pub timezone: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Track {
    pub id: i64,
    pub name: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventPageData {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub venue: String,
    pub timezone: String,
    pub team_min: i64,
    pub team_max: i64,
    /// (label, time in the event's timezone), in schedule order.
    pub schedule: Vec<(Msg, String)>,
    pub tracks: Vec<Track>,
    pub my_roles: Vec<Role>,
    pub registration_open: bool,
}

/// The organizer's form: values as the inputs want them, plus the version being edited.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventFormData {
    pub id: i64,
    pub version: i64,
    pub fields: Vec<(String, String)>,
    pub tracks: Vec<Track>,
    /// (name, email, role)
    pub people: Vec<(String, String, Role)>,
}

impl EventFormData {
    fn value(&self, name: &str) -> String {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::domain::{self, RawEvent};
    use super::*;
    use crate::db::now;
    use crate::error::AppResult;

    pub fn tz(name: &str) -> chrono_tz::Tz {
        domain::parse_timezone(name).unwrap_or(chrono_tz::UTC)
    }

    /// Gathers the form's fields (the server functions receive them one by one).
    #[allow(clippy::too_many_arguments)]
    pub fn raw(
        name: String,
        description: String,
        venue: String,
        timezone: String,
        starts_at: String,
        ends_at: String,
        team_min: String,
        team_max: String,
        registration_opens: String,
        registration_closes: String,
        hacking_starts: String,
        submission_deadline: String,
        judging_opens: String,
        judging_closes: String,
        results_at: String,
    ) -> RawEvent {
        RawEvent {
            name,
            description,
            venue,
            timezone,
            starts_at,
            ends_at,
            team_min,
            team_max,
            registration_opens,
            registration_closes,
            hacking_starts,
            submission_deadline,
            judging_opens,
            judging_closes,
            results_at,
        }
    }

    pub fn tracks(rows: Vec<(i64, String, String)>) -> Vec<Track> {
        rows.into_iter().map(|(id, name, description)| Track { id, name, description }).collect()
    }

    pub async fn form_data(db: &crate::db::Db, id: i64) -> AppResult<EventFormData> {
        let row = db::event(db, id).await?.ok_or(AppError::NotFound)?;
        let e = row.input();
        let z = tz(&e.timezone);
        let t = |ts| domain::utc_to_local_input(ts, z);
        let fields = vec![
            ("name", e.name.clone()),
            ("description", e.description.clone()),
            ("venue", e.venue.clone()),
            ("timezone", e.timezone.clone()),
            ("starts_at", t(e.starts_at)),
            ("ends_at", t(e.ends_at)),
            ("team_min", e.team_min.to_string()),
            ("team_max", e.team_max.to_string()),
            ("registration_opens", t(e.registration_opens)),
            ("registration_closes", t(e.registration_closes)),
            ("hacking_starts", t(e.hacking_starts)),
            ("submission_deadline", t(e.submission_deadline)),
            ("judging_opens", t(e.judging_opens)),
            ("judging_closes", t(e.judging_closes)),
            ("results_at", t(e.results_at)),
        ];
        let people =
            db::people(db, id).await?.into_iter().filter_map(|(n, m, r)| Some((n, m, Role::from_code(&r)?))).collect();
        Ok(EventFormData {
            id,
            version: row.version,
            fields: fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
            tracks: tracks(db::tracks(db, id).await?),
            people,
        })
    }

    pub fn summary(row: &db::EventRow) -> EventSummary {
        EventSummary {
            id: row.id,
            name: row.input.name.clone(),
            venue: row.input.venue.clone(),
            starts: crate::i18n::dates::for_reader(row.input.starts_at, tz(&row.input.timezone)),
            timezone: row.input.timezone.clone(),
        }
    }

    pub async fn page(caller: &crate::auth::gate::Caller, id: i64) -> AppResult<EventPageData> {
        let db = caller.db();
        let row = db::event(db, id).await?.ok_or(AppError::NotFound)?;
        let e = row.input();
        let z = tz(&e.timezone);
        let d = |ts| crate::i18n::dates::for_reader(ts, z);
        let my_roles = caller.roles_in(id).await?;
        Ok(EventPageData {
            id,
            schedule: vec![
                (Msg::FieldStartsAt, d(e.starts_at)),
                (Msg::FieldRegistrationOpens, d(e.registration_opens)),
                (Msg::FieldRegistrationCloses, d(e.registration_closes)),
                (Msg::FieldHackingStarts, d(e.hacking_starts)),
                (Msg::FieldSubmissionDeadline, d(e.submission_deadline)),
                (Msg::FieldJudgingOpens, d(e.judging_opens)),
                (Msg::FieldJudgingCloses, d(e.judging_closes)),
                (Msg::FieldResultsAt, d(e.results_at)),
                (Msg::FieldEndsAt, d(e.ends_at)),
            ],
            registration_open: domain::registration_open(e.registration_opens, e.registration_closes, now()),
            tracks: tracks(db::tracks(db, id).await?),
            name: e.name,
            description: e.description,
            venue: e.venue,
            timezone: e.timezone,
            team_min: e.team_min,
            team_max: e.team_max,
            my_roles,
        })
    }
}

/// Every event's public card. Public.
#[server(prefix = "/api", endpoint = "events/list")]
pub async fn list_events() -> Result<Vec<EventSummary>, AppError> {
    let caller = crate::auth::gate::public().await?;
    Ok(db::list(caller.db()).await?.iter().map(ssr::summary).collect())
}

/// An event's public page, with the caller's roles in it. Public.
#[server(prefix = "/api", endpoint = "events/page")]
pub async fn event_page(id: i64) -> Result<EventPageData, AppError> {
    let caller = crate::auth::gate::public().await?;
    ssr::page(&caller, id).await
}

#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api", endpoint = "events/create")]
pub async fn create_event(
    name: String,
    description: String,
    venue: String,
    timezone: String,
    starts_at: String,
    ends_at: String,
    team_min: String,
    team_max: String,
    registration_opens: String,
    registration_closes: String,
    hacking_starts: String,
    submission_deadline: String,
    judging_opens: String,
    judging_closes: String,
    results_at: String,
) -> Result<i64, AppError> {
    let authed = crate::auth::gate::signed_in().await?;
    if !authed.user.can_create_events {
        return Err(AppError::Forbidden);
    }
    let input = ssr::raw(
        name,
        description,
        venue,
        timezone,
        starts_at,
        ends_at,
        team_min,
        team_max,
        registration_opens,
        registration_closes,
        hacking_starts,
        submission_deadline,
        judging_opens,
        judging_closes,
        results_at,
    )
    .parse()
    .map_err(AppError::Invalid)?;
    let mut tx = authed.db().begin_write().await?;
    let id = db::insert(&mut tx, &input, authed.user.id).await?;
    crate::db::audit(&mut tx, Some(id), Some(authed.user.id), "event.created", None, serde_json::to_value(&input).ok())
        .await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{id}/manage"));
    Ok(id)
}

/// The organizer's editable view of an event. Organizers only.
#[server(prefix = "/api", endpoint = "events/form")]
pub async fn event_form(id: i64) -> Result<EventFormData, AppError> {
    let access = crate::auth::gate::event(id, &[Role::Organizer]).await?;
    ssr::form_data(access.db(), id).await
}

#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api", endpoint = "events/update")]
pub async fn update_event(
    id: i64,
    version: i64,
    name: String,
    description: String,
    venue: String,
    timezone: String,
    starts_at: String,
    ends_at: String,
    team_min: String,
    team_max: String,
    registration_opens: String,
    registration_closes: String,
    hacking_starts: String,
    submission_deadline: String,
    judging_opens: String,
    judging_closes: String,
    results_at: String,
) -> Result<(), AppError> {
    let access = crate::auth::gate::event(id, &[Role::Organizer]).await?;
    let input = ssr::raw(
        name,
        description,
        venue,
        timezone,
        starts_at,
        ends_at,
        team_min,
        team_max,
        registration_opens,
        registration_closes,
        hacking_starts,
        submission_deadline,
        judging_opens,
        judging_closes,
        results_at,
    )
    .parse()
    .map_err(AppError::Invalid)?;
    let mut tx = access.db().begin_write().await?;
    let before = db::event(access.db(), id).await?.map(|r| r.input());
    if !db::update(&mut tx, id, version, &input).await? {
        // Someone saved after this form was loaded: refuse rather than overwrite their work.
        return Err(AppError::Conflict(Msg::ErrChangedMeanwhile));
    }
    crate::db::audit(
        &mut tx,
        Some(id),
        Some(access.user.id),
        "event.updated",
        before.and_then(|b| serde_json::to_value(&b).ok()),
        serde_json::to_value(&input).ok(),
    )
    .await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{id}/manage?saved=1"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "events/add-track")]
pub async fn add_track(event_id: i64, track_name: String, track_description: String) -> Result<(), AppError> {
    let access = crate::auth::gate::event(event_id, &[Role::Organizer]).await?;
    let mut errors = Vec::new();
    let name = domain::text(&mut errors, "track_name", &track_name, domain::TRACK_NAME_MAX, true);
    let description =
        domain::text(&mut errors, "track_description", &track_description, domain::TRACK_DESCRIPTION_MAX, false);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    if db::insert_track(&mut tx, event_id, &name, &description).await?.is_none() {
        return Err(AppError::field("track_name", Msg::ErrTrackExists));
    }
    crate::db::audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "track.added",
        None,
        Some(serde_json::json!({ "name": name })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "events/remove-track")]
pub async fn remove_track(event_id: i64, track_id: i64) -> Result<(), AppError> {
    let access = crate::auth::gate::event(event_id, &[Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    // The event id in the WHERE clause keeps an organizer inside their own event.
    let removed: Option<(String,)> =
        sqlx::query_as("DELETE FROM tracks WHERE id = $1 AND event_id = $2 RETURNING name")
            .bind(track_id)
            .bind(event_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((name,)) = removed else {
        return Err(AppError::NotFound);
    };
    crate::db::audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "track.removed",
        Some(serde_json::json!({ "name": name })),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Makes an existing account a co-organizer. Organizers only.
#[server(prefix = "/api", endpoint = "events/add-organizer")]
pub async fn add_organizer(event_id: i64, organizer_email: String) -> Result<(), AppError> {
    let access = crate::auth::gate::event(event_id, &[Role::Organizer]).await?;
    let email =
        crate::auth::domain::Email::parse(&organizer_email).map_err(|k| AppError::field("organizer_email", k))?;
    let Some((user, _)) = crate::auth::db::user_by_email(access.db(), email.as_str()).await? else {
        return Err(AppError::field("organizer_email", Msg::ErrNoSuchAccount));
    };
    let mut tx = access.db().begin_write().await?;
    if db::grant(&mut tx, event_id, user.id, Role::Organizer, Some(access.user.id)).await? {
        crate::db::audit(
            &mut tx,
            Some(event_id),
            Some(access.user.id),
            "role.granted",
            None,
            Some(serde_json::json!({ "user": user.id, "role": "organizer" })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Joins an event as a participant while its registration is open. Any account.
#[server(prefix = "/api", endpoint = "events/join")]
pub async fn join_event(event_id: i64) -> Result<(), AppError> {
    let authed = crate::auth::gate::signed_in().await?;
    let row = db::event(authed.db(), event_id).await?.ok_or(AppError::NotFound)?;
    if !domain::registration_open(row.input.registration_opens, row.input.registration_closes, crate::db::now()) {
        return Err(AppError::Conflict(Msg::ErrRegistrationClosed));
    }
    let mut tx = authed.db().begin_write().await?;
    if db::grant(&mut tx, event_id, authed.user.id, Role::Participant, None).await? {
        crate::db::audit(&mut tx, Some(event_id), Some(authed.user.id), "event.joined", None, None).await?;
    }
    tx.commit().await?;
    Ok(())
}

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let events = Resource::new(|| (), |_| list_events());
    let user = use_current_user();
    view! {
        <section>
            <div class="page-head">
                <h1>{lang.t(Msg::EventsTitle)}</h1>
                <Suspense fallback=|| ()>
                    {move || {
                        user.get().and_then(|u| u.ok().flatten()).filter(|u| u.can_create_events).map(|_| {
                            view! { <A href="/events/new" attr:class="button primary">{lang.t(Msg::CreateEvent)}</A> }
                        })
                    }}
                </Suspense>
            </div>
            <p class="lead">{lang.t(Msg::Tagline)}</p>
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || events.get().map(|r| match r {
                    Err(e) => crate::ui::failure(lang, &e),
                    Ok(list) if list.is_empty() => view! { <p>{lang.t(Msg::NoEvents)}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="cards">
                            {list.into_iter().map(|e| view! {
                                <li class="card">
                                    <h2><a href=format!("/events/{}", e.id) dir="auto">{e.name}</a></h2>
                                    <p dir="auto">{e.venue}</p>
                                    <p><time>{e.starts}</time> " " <span class="muted">{e.timezone}</span></p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn EventPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let join = ServerAction::<JoinEvent>::new();
    let page = Resource::new(move || id.get(), event_page);
    let user = use_current_user();
    let join_errors = action_error(join);
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || page.get().map(|r| match r {
                Err(e) => crate::ui::failure(lang, &e),
                Ok(e) => {
                    let signed_in = user.get().and_then(|u| u.ok().flatten()).is_some();
                    let is_organizer = e.my_roles.contains(&Role::Organizer);
                    let roles = e.my_roles.iter().map(|r| lang.t(r.label())).collect::<Vec<_>>().join(", ");
                    let can_join = signed_in && e.registration_open && !e.my_roles.contains(&Role::Participant);
                    let login_href = format!("/login?next=/events/{}", e.id);
                    view! {
                        <article class="event">
                            <div class="page-head">
                                <h1 dir="auto">{e.name.clone()}</h1>
                                {is_organizer.then(|| view! {
                                    <a class="button" href=format!("/events/{}/manage", e.id)>{lang.t(Msg::ManageEvent)}</a>
                                })}
                            </div>
                            <p class="muted" dir="auto">{e.venue.clone()} " · " {e.timezone.clone()}</p>
                            {(!roles.is_empty()).then(|| view! { <p class="badge">{lang.t(Msg::YourRoles)} ": " {roles}</p> })}
                            <nav class="event-links" aria-label=lang.t(Msg::EventNavigation)>
                                {e.my_roles.contains(&Role::Participant).then(|| view! {
                                    <a class="button primary" href=format!("/events/{}/team", e.id)>{lang.t(Msg::TeamTitle)}</a>
                                })}
                                {e.my_roles.iter().any(|r| matches!(r, Role::Participant | Role::Mentor | Role::Organizer)).then(|| view! {
                                    <a class="button" href=format!("/events/{}/board", e.id)>{lang.t(Msg::BoardTitle)}</a>
                                })}
                                {(!e.my_roles.iter().all(|r| *r == Role::Judge)).then(|| view! {
                                    <a class="button" href=format!("/events/{}/sessions", e.id)>{lang.t(Msg::SessionsTitle)}</a>
                                    <a class="button" href=format!("/events/{}/help", e.id)>{lang.t(Msg::HelpTitle)}</a>
                                })}
                                {e.my_roles.contains(&Role::Mentor).then(|| view! {
                                    <a class="button primary" href=format!("/events/{}/mentor", e.id)>{lang.t(Msg::MentorProfileTitle)}</a>
                                })}
                                {e.my_roles.contains(&Role::Judge).then(|| view! {
                                    <a class="button primary" href=format!("/events/{}/judge", e.id)>{lang.t(Msg::JudgeDeskTitle)}</a>
                                })}
                                <a class="button" href=format!("/events/{}/ranking", e.id)>{lang.t(Msg::PublicResults)}</a>
                                <a class="button" href=format!("/events/{}/projector", e.id)>{lang.t(Msg::LeaderboardTitle)}</a>
                                {is_organizer.then(|| view! {
                                    <a class="button primary" href=format!("/events/{}/dashboard", e.id)>{lang.t(Msg::DashboardTitle)}</a>
                                    <a class="button" href=format!("/events/{}/show", e.id)>{lang.t(Msg::PublishTitle)}</a>
                                    <a class="button" href=format!("/events/{}/judging", e.id)>{lang.t(Msg::JudgingTitle)}</a>
                                    <a class="button" href=format!("/events/{}/results", e.id)>{lang.t(Msg::ResultsTitle)}</a>
                                    <a class="button" href=format!("/events/{}/mentoring", e.id)>{lang.t(Msg::MentoringTitle)}</a>
                                    <a class="button" href=format!("/events/{}/teams", e.id)>{lang.t(Msg::TeamsOverview)}</a>
                                    <a class="button" href=format!("/events/{}/submissions", e.id)>{lang.t(Msg::SubmissionsTitle)}</a>
                                })}
                            </nav>
                            <p class="description" dir="auto">{e.description.clone()}</p>
                            <FormError errors=join_errors/>
                            {can_join.then(|| view! {
                                <ActionForm action=join>
                                    <input type="hidden" name="event_id" value=e.id/>
                                    <Submit label=Msg::JoinAsParticipant pending=join.pending()/>
                                </ActionForm>
                            })}
                            {(!signed_in).then(|| view! { <p><a href=login_href>{lang.t(Msg::LogInToJoin)}</a></p> })}
                            <h2>{lang.t(Msg::ScheduleTitle)}</h2>
                            <dl class="schedule">
                                {e.schedule.iter().map(|(k, v)| view! { <dt>{lang.t(*k)}</dt><dd><time>{v.clone()}</time></dd> }).collect_view()}
                            </dl>
                            <p>{lang.format(args::TeamSizeLine { range: format!("{}–{}", e.team_min, e.team_max) })}</p>
                            <h2>{lang.t(Msg::TracksTitle)}</h2>
                            <ul class="tracks">
                                {e.tracks.iter().map(|t| view! {
                                    <li><strong dir="auto">{t.name.clone()}</strong> <span dir="auto">{t.description.clone()}</span></li>
                                }).collect_view()}
                            </ul>
                        </article>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}

/// The time-zone field's suggestions: every zone name, Morocco's first. Only the server renders
/// this form (it is not an island), and the zone list is a server dependency.
fn timezone_suggestions() -> Vec<&'static str> {
    #[cfg(feature = "ssr")]
    return domain::timezone_names();
    #[cfg(not(feature = "ssr"))]
    Vec::new()
}

/// The event details form, shared by "create" and "edit".
#[component]
fn EventFields(errors: Signal<Option<AppError>>, data: Option<EventFormData>) -> impl IntoView {
    let lang = use_lang();
    let v = move |name: &str, default: &str| data.as_ref().map(|d| d.value(name)).unwrap_or_else(|| default.to_owned());
    let dt = |label: Msg, name: &'static str, value: String| {
        view! { <Field label name kind="datetime-local" errors value required=true/> }
    };
    view! {
        <fieldset>
            <legend>{lang.t(Msg::EventDetails)}</legend>
            <Field label=Msg::FieldEventName name="name" errors value=v("name", "") required=true dir_auto=true/>
            <TextArea label=Msg::FieldDescription name="description" errors value=v("description", "")/>
            <Field label=Msg::FieldVenue name="venue" errors value=v("venue", "") dir_auto=true/>
            <Field label=Msg::FieldTimezone name="timezone" errors value=v("timezone", "Africa/Casablanca") hint=Msg::HintTimezone required=true suggestions=timezone_suggestions()/>
            <div class="row">
                <Field label=Msg::FieldTeamMin name="team_min" kind="number" errors value=v("team_min", "2") min="1".to_string() max="20".to_string() required=true/>
                <Field label=Msg::FieldTeamMax name="team_max" kind="number" errors value=v("team_max", "5") min="1".to_string() max="20".to_string() required=true/>
            </div>
        </fieldset>
        <fieldset>
            <legend>{lang.t(Msg::ScheduleTitle)}</legend>
            <p class="hint">{lang.t(Msg::HintScheduleTimezone)}</p>
            <div class="grid-2">
                {dt(Msg::FieldStartsAt, "starts_at", v("starts_at", ""))}
                {dt(Msg::FieldEndsAt, "ends_at", v("ends_at", ""))}
                {dt(Msg::FieldRegistrationOpens, "registration_opens", v("registration_opens", ""))}
                {dt(Msg::FieldRegistrationCloses, "registration_closes", v("registration_closes", ""))}
                {dt(Msg::FieldHackingStarts, "hacking_starts", v("hacking_starts", ""))}
                {dt(Msg::FieldSubmissionDeadline, "submission_deadline", v("submission_deadline", ""))}
                {dt(Msg::FieldJudgingOpens, "judging_opens", v("judging_opens", ""))}
                {dt(Msg::FieldJudgingCloses, "judging_closes", v("judging_closes", ""))}
                {dt(Msg::FieldResultsAt, "results_at", v("results_at", ""))}
            </div>
        </fieldset>
    }
}

#[component]
pub fn NewEventPage() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<CreateEvent>::new();
    let errors = action_error(action);
    let user = use_current_user();
    view! {
        <section class="form-page">
            <h1>{lang.t(Msg::CreateEvent)}</h1>
            <Suspense fallback=|| ()>
                {move || user.get().map(|u| match u.ok().flatten() {
                    None => {
                        crate::ui::refuse(&AppError::Unauthenticated);
                        view! {
                            <p class="form-error" role="alert">{lang.t(Msg::ErrSignInRequired)}</p>
                            <a href="/login?next=/events/new">{lang.t(Msg::LogIn)}</a>
                        }.into_any()
                    }
                    Some(u) if !u.can_create_events => {
                        crate::ui::refuse(&AppError::Forbidden);
                        view! { <p class="form-error" role="alert">{lang.t(Msg::ErrCannotCreateEvents)}</p> }.into_any()
                    }
                    Some(_) => view! {
                        <ActionForm action=action>
                            <FormError errors/>
                            <EventFields errors data=None/>
                            <Submit label=Msg::CreateEvent pending=action.pending()/>
                        </ActionForm>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn ManageEventPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let update = ServerAction::<UpdateEvent>::new();
    let add = ServerAction::<AddTrack>::new();
    let remove = ServerAction::<RemoveTrack>::new();
    let organizer = ServerAction::<AddOrganizer>::new();
    let form = Resource::new(move || id.get(), event_form);
    // After a save the server sends the browser back here with `?saved=1`.
    let query = leptos_router::hooks::use_query_map();
    let saved = Signal::derive(move || query.with(|q| q.get("saved").is_some()));
    let update_errors = action_error(update);
    let add_errors = action_error(add);
    let remove_errors = action_error(remove);
    let organizer_errors = action_error(organizer);
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || form.get().map(|r| match r {
                Err(e) => crate::ui::failure(lang, &e),
                Ok(data) => {
                    let event_id = data.id;
                    let tracks = data.tracks.clone();
                    let people = data.people.clone();
                    view! {
                        <section class="form-page">
                            <div class="page-head">
                                <h1 dir="auto">{lang.t(Msg::ManageEvent)} ": " {data.value("name")}</h1>
                                <a href=format!("/events/{event_id}")>{lang.t(Msg::ViewPublicPage)}</a>
                                <a href=format!("/events/{event_id}/teams")>{lang.t(Msg::TeamsOverview)}</a>
                                <a href=format!("/events/{event_id}/submissions")>{lang.t(Msg::SubmissionsTitle)}</a>
                                <a href=format!("/events/{event_id}/judging")>{lang.t(Msg::JudgingTitle)}</a>
                                <a href=format!("/events/{event_id}/dashboard")>{lang.t(Msg::DashboardTitle)}</a>
                                <a href=format!("/events/{event_id}/import")>{lang.t(Msg::ImportTitle)}</a>
                            </div>
                            <ActionForm action=update>
                                <FormError errors=update_errors/>
                                <Notice when=saved message=Msg::Saved/>
                                <input type="hidden" name="id" value=event_id/>
                                <input type="hidden" name="version" value=data.version/>
                                <EventFields errors=update_errors data=Some(data.clone())/>
                                <Submit label=Msg::Save pending=update.pending()/>
                            </ActionForm>

                            <h2 id="tracks">{lang.t(Msg::TracksTitle)}</h2>
                            <FormError errors=remove_errors/>
                            <ul class="tracks">
                                {tracks.into_iter().map(|t| view! {
                                    <li>
                                        <strong dir="auto">{t.name.clone()}</strong> " " <span dir="auto">{t.description.clone()}</span>
                                        <ActionForm action=remove attr:class="inline">
                                            <input type="hidden" name="event_id" value=event_id/>
                                            <input type="hidden" name="track_id" value=t.id/>
                                            <button type="submit" class="button link danger">{lang.t(Msg::Remove)}</button>
                                        </ActionForm>
                                    </li>
                                }).collect_view()}
                            </ul>
                            <ActionForm action=add>
                                <FormError errors=add_errors/>
                                <input type="hidden" name="event_id" value=event_id/>
                                <Field label=Msg::FieldTrackName name="track_name" errors=add_errors dir_auto=true required=true/>
                                <Field label=Msg::FieldTrackDescription name="track_description" errors=add_errors dir_auto=true/>
                                <Submit label=Msg::AddTrack pending=add.pending()/>
                            </ActionForm>

                            <h2>{lang.t(Msg::PeopleTitle)}</h2>
                            <table class="people">
                                <thead><tr><th>{lang.t(Msg::FieldDisplayName)}</th><th>{lang.t(Msg::FieldEmail)}</th><th>{lang.t(Msg::RoleTitle)}</th></tr></thead>
                                <tbody>
                                    {people.into_iter().map(|(n, m, r)| view! {
                                        <tr><td dir="auto">{n}</td><td>{m}</td><td>{lang.t(r.label())}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <ActionForm action=organizer>
                                <FormError errors=organizer_errors/>
                                <input type="hidden" name="event_id" value=event_id/>
                                <Field label=Msg::FieldOrganizerEmail name="organizer_email" kind="email" errors=organizer_errors required=true/>
                                <Submit label=Msg::AddOrganizer pending=organizer.pending()/>
                            </ActionForm>

                            <InvitesPanel event_id/>
                        </section>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}
