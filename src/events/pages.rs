//! Event pages: the list of events, an event's public page, and the organizer's create and
//! manage forms. Server-rendered; every action is a plain form.

use super::people::PeopleTable;
use super::*;
use crate::auth::use_current_user;
use crate::i18n::{args, use_lang, Localized};
use crate::invites::InvitesPanel;
use crate::ui::{
    action_error, event_id_param, field_error, loaded, Alert, EventIdInput, Field, FormError, LocalizedField, Notice,
    Submit,
};
use leptos::prelude::*;
use leptos_router::components::A;

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
                        user.get()
                            .and_then(|u| u.ok().flatten())
                            .filter(|u| u.can_create_events)
                            .map(|_| {
                                view! {
                                    <A href="/events/new" attr:class="button primary">
                                        {lang.t(Msg::CreateEvent)}
                                    </A>
                                }
                            })
                    }}
                </Suspense>
            </div>
            <p class="lead">{lang.t(Msg::Tagline)}</p>
            <Suspense fallback=move || {
                view! { <p>{lang.t(Msg::Loading)}</p> }
            }>
                {move || {
                    events
                        .get()
                        .map(|r| match r {
                            Err(e) => crate::ui::failure(lang, &e),
                            Ok(list) if list.is_empty() => view! { <p>{lang.t(Msg::NoEvents)}</p> }.into_any(),
                            Ok(list) => {
                                view! {
                                    <ul class="cards">
                                        {list
                                            .into_iter()
                                            .map(|e| {
                                                view! {
                                                    <li class="card">
                                                        <h2>
                                                            <a href=format!("/events/{}", e.id) dir="auto">
                                                                {e.name}
                                                            </a>
                                                        </h2>
                                                        <p dir="auto">{e.venue}</p>
                                                        <p>
                                                            <time>{e.starts}</time>
                                                            " "
                                                            <span class="muted">{e.timezone}</span>
                                                        </p>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                        })
                }}
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
        {loaded(
            page,
            move |e| {
                let signed_in = user.get().and_then(|u| u.ok().flatten()).is_some();
                let is_organizer = e.my_roles.contains(&Role::Organizer);
                let roles = e.my_roles.iter().map(|r| lang.t(r.label())).collect::<Vec<_>>().join(", ");
                let can_join = signed_in && e.registration_open && !e.archived
                    && !e.my_roles.contains(&Role::Participant);
                let login_href = format!("/login?next=/events/{}", e.id);
                view! {
                    <article class="event">
                        <div class="page-head">
                            <h1 dir="auto">{e.name.clone()}</h1>
                            {is_organizer
                                .then(|| {
                                    view! {
                                        <a class="button" href=format!("/events/{}/manage", e.id)>
                                            {lang.t(Msg::ManageEvent)}
                                        </a>
                                    }
                                })}
                        </div>
                        <p class="muted" dir="auto">
                            {e.venue.clone()}
                            " · "
                            {e.timezone.clone()}
                        </p>
                        <ArchivedBanner archived=e.archived />
                        {(!roles.is_empty())
                            .then(|| view! { <p class="badge">{lang.t(Msg::YourRoles)} ": " {roles}</p> })}
                        <nav class="event-links" aria-label=lang.t(Msg::EventNavigation)>
                            {e
                                .my_roles
                                .contains(&Role::Participant)
                                .then(|| {
                                    view! {
                                        <a class="button primary" href=format!("/events/{}/team", e.id)>
                                            {lang.t(Msg::TeamTitle)}
                                        </a>
                                    }
                                })}
                            {e
                                .my_roles
                                .iter()
                                .any(|r| matches!(r, Role::Participant | Role::Mentor | Role::Organizer))
                                .then(|| {
                                    view! {
                                        <a class="button" href=format!("/events/{}/board", e.id)>
                                            {lang.t(Msg::BoardTitle)}
                                        </a>
                                    }
                                })}
                            {(!e.my_roles.iter().all(|r| *r == Role::Judge))
                                .then(|| {
                                    view! {
                                        <a class="button" href=format!("/events/{}/sessions", e.id)>
                                            {lang.t(Msg::SessionsTitle)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/help", e.id)>
                                            {lang.t(Msg::HelpTitle)}
                                        </a>
                                    }
                                })}
                            {e
                                .my_roles
                                .contains(&Role::Mentor)
                                .then(|| {
                                    view! {
                                        <a class="button primary" href=format!("/events/{}/mentor", e.id)>
                                            {lang.t(Msg::MentorProfileTitle)}
                                        </a>
                                        <a class="button primary" href=format!("/events/{}/my-day", e.id)>
                                            {lang.t(Msg::MyDayTitle)}
                                        </a>
                                    }
                                })}
                            {e
                                .my_roles
                                .contains(&Role::Judge)
                                .then(|| {
                                    view! {
                                        <a class="button primary" href=format!("/events/{}/judge", e.id)>
                                            {lang.t(Msg::JudgeDeskTitle)}
                                        </a>
                                    }
                                })}
                            {e
                                .my_roles
                                .contains(&Role::Participant)
                                .then(|| {
                                    view! {
                                        <a class="button" href=format!("/events/{}/vote", e.id)>
                                            {lang.t(Msg::PeoplesChoice)}
                                        </a>
                                    }
                                })}
                            <a class="button" href=format!("/events/{}/ranking", e.id)>
                                {lang.t(Msg::PublicResults)}
                            </a>
                            <a class="button" href=format!("/events/{}/projector", e.id)>
                                {lang.t(Msg::LeaderboardTitle)}
                            </a>
                            {is_organizer
                                .then(|| {
                                    view! {
                                        <a class="button primary" href=format!("/events/{}/dashboard", e.id)>
                                            {lang.t(Msg::DashboardTitle)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/show", e.id)>
                                            {lang.t(Msg::PublishTitle)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/judging", e.id)>
                                            {lang.t(Msg::JudgingTitle)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/results", e.id)>
                                            {lang.t(Msg::ResultsTitle)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/audience", e.id)>
                                            {lang.t(Msg::PeoplesChoice)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/stage", e.id)>
                                            {lang.t(Msg::StageTitle)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/checkin", e.id)>
                                            {lang.t(Msg::CheckinTitle)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/rooms", e.id)>
                                            {lang.t(Msg::RoomsTitle)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/slots", e.id)>
                                            {lang.t(Msg::SlotsTitle)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/mentoring", e.id)>
                                            {lang.t(Msg::MentoringTitle)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/teams", e.id)>
                                            {lang.t(Msg::TeamsOverview)}
                                        </a>
                                        <a class="button" href=format!("/events/{}/submissions", e.id)>
                                            {lang.t(Msg::SubmissionsTitle)}
                                        </a>
                                    }
                                })}
                        </nav>
                        <p class="description" lang=e.description_lang.code() dir="auto">
                            {e.description.clone()}
                        </p>
                        <FormError errors=join_errors />
                        {can_join
                            .then(|| {
                                view! {
                                    <ActionForm action=join>
                                        <EventIdInput event_id=e.id />
                                        <Submit label=Msg::JoinAsParticipant />
                                    </ActionForm>
                                }
                            })}
                        {(!signed_in)
                            .then(|| {
                                view! {
                                    <p>
                                        <a href=login_href>{lang.t(Msg::LogInToJoin)}</a>
                                    </p>
                                }
                            })}
                        <h2>{lang.t(Msg::ScheduleTitle)}</h2>
                        <dl class="schedule">
                            {e
                                .schedule
                                .iter()
                                .map(|(k, v)| {
                                    view! {
                                        <dt>{lang.t(*k)}</dt>
                                        <dd>
                                            <time>{v.clone()}</time>
                                        </dd>
                                    }
                                })
                                .collect_view()}
                        </dl>
                        <p>
                            {lang
                                .format(args::TeamSizeLine {
                                    range: format!("{}–{}", e.team_min, e.team_max),
                                })}
                        </p>
                        <h2>{lang.t(Msg::TracksTitle)}</h2>
                        <ul class="tracks">
                            {e
                                .tracks
                                .iter()
                                .map(|t| {
                                    view! {
                                        // A heading and a paragraph of their own: in a
                                        // right-to-left page two runs of mixed scripts side by
                                        // side read as one sentence.
                                        <li>
                                            <h3 class="track-name" lang=t.name_lang.code() dir="auto">
                                                {t.name.clone()}
                                            </h3>
                                            {(!t.description.is_empty())
                                                .then(|| {
                                                    view! {
                                                        <p
                                                            class="track-description"
                                                            lang=t.description_lang.code()
                                                            dir="auto"
                                                        >
                                                            {t.description.clone()}
                                                        </p>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </article>
                }
                    .into_any()
            },
        )}
    }
}

/// The time-zone field's suggestions: every zone name, Morocco's first. Only the server renders
/// this form (it is not an island), and the zone list is a server dependency.
fn timezone_suggestions() -> Vec<&'static str> {
    #[cfg(feature = "ssr")]
    return super::domain::timezone_names();
    #[cfg(not(feature = "ssr"))]
    Vec::new()
}

/// The event details form, shared by "create" and "edit".
#[component]
fn EventFields(errors: Signal<Option<AppError>>, data: Option<EventFormData>) -> impl IntoView {
    let lang = use_lang();
    let v = move |name: &str, default: &str| data.as_ref().map(|d| d.value(name)).unwrap_or_else(|| default.to_owned());
    let dt = |label: Msg, name: &'static str, value: String| {
        view! { <Field label name kind="datetime-local" errors value required=true /> }
    };
    view! {
        <fieldset>
            <legend>{lang.t(Msg::EventDetails)}</legend>
            <Field label=Msg::FieldEventName name="name" errors value=v("name", "") required=true dir_auto=true />
            <LocalizedField
                label=Msg::FieldDescription
                name="description"
                errors
                rows=4
                hint=Msg::HintContentLanguages
                value=Localized::new(v("description_ar", ""), v("description_fr", ""), v("description_en", ""))
            />
            <Field label=Msg::FieldVenue name="venue" errors value=v("venue", "") dir_auto=true />
            <Field
                label=Msg::FieldTimezone
                name="timezone"
                errors
                value=v("timezone", "Africa/Casablanca")
                hint=Msg::HintTimezone
                required=true
                suggestions=timezone_suggestions()
            />
            <div class="row">
                <Field
                    label=Msg::FieldTeamMin
                    name="team_min"
                    kind="number"
                    errors
                    value=v("team_min", "2")
                    min="1".to_string()
                    max="20".to_string()
                    required=true
                />
                <Field
                    label=Msg::FieldTeamMax
                    name="team_max"
                    kind="number"
                    errors
                    value=v("team_max", "5")
                    min="1".to_string()
                    max="20".to_string()
                    required=true
                />
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
                {move || {
                    user.get()
                        .map(|u| match u.ok().flatten() {
                            None => {
                                crate::ui::refuse(&AppError::Unauthenticated);
                                view! {
                                    <Alert message=lang.t(Msg::ErrSignInRequired) />
                                    <a href="/login?next=/events/new">{lang.t(Msg::LogIn)}</a>
                                }
                                    .into_any()
                            }
                            Some(u) if !u.can_create_events => {
                                crate::ui::refuse(&AppError::Forbidden);
                                view! { <Alert message=lang.t(Msg::ErrCannotCreateEvents) /> }.into_any()
                            }
                            Some(_) => {
                                view! {
                                    <ActionForm action=action>
                                        <FormError errors />
                                        <EventFields errors data=None />
                                        <Submit label=Msg::CreateEvent />
                                    </ActionForm>
                                }
                                    .into_any()
                            }
                        })
                }}
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
        {loaded(
            form,
            move |data| {
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
                        <ArchivedBanner archived=data.archived />
                        // First: inviting people is what an organizer comes here for, from
                        // the event's creation (which lands here) to its last days.
                        <InvitesPanel event_id />
                        <ActionForm action=update>
                            <FormError errors=update_errors />
                            <Notice when=saved message=Msg::Saved />
                            <input type="hidden" name="id" value=event_id />
                            <input type="hidden" name="version" value=data.version />
                            <EventFields errors=update_errors data=Some(data.clone()) />
                            <Submit label=Msg::Save />
                        </ActionForm>

                        <h2 id="tracks">{lang.t(Msg::TracksTitle)}</h2>
                        <FormError errors=remove_errors />
                        <ul class="tracks">
                            {tracks
                                .into_iter()
                                .map(|t| {
                                    view! {
                                        <li>
                                            <strong lang=t.name_lang.code() dir="auto">
                                                {t.name.clone()}
                                            </strong>
                                            " "
                                            <span lang=t.description_lang.code() dir="auto">
                                                {t.description.clone()}
                                            </span>
                                            <ActionForm action=remove attr:class="inline">
                                                <EventIdInput event_id />
                                                <input type="hidden" name="track_id" value=t.id />
                                                <button type="submit" class="button link danger">
                                                    {lang.t(Msg::Remove)}
                                                </button>
                                            </ActionForm>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <ActionForm action=add>
                            <FormError errors=add_errors />
                            <EventIdInput event_id />
                            <p class="hint">{lang.t(Msg::HintContentLanguages)}</p>
                            <LocalizedField label=Msg::FieldTrackName name="track_name" errors=add_errors />
                            <LocalizedField
                                label=Msg::FieldTrackDescription
                                name="track_description"
                                errors=add_errors
                            />
                            <Submit label=Msg::AddTrack />
                        </ActionForm>

                        <h2 id="people">{lang.t(Msg::PeopleTitle)}</h2>
                        <PeopleTable event_id people />
                        <ActionForm action=organizer>
                            <FormError errors=organizer_errors />
                            <EventIdInput event_id />
                            <Field
                                label=Msg::FieldOrganizerEmail
                                name="organizer_email"
                                kind="email"
                                errors=organizer_errors
                                required=true
                            />
                            <Submit label=Msg::AddOrganizer />
                        </ActionForm>

                    </section>
                }
                    .into_any()
            },
        )}
    }
}

/// The notice every page of an archived event shows: it is read-only, and still readable.
#[component]
pub fn ArchivedBanner(archived: bool) -> impl IntoView {
    let lang = use_lang();
    archived.then(|| {
        view! {
            <p class="notice archived" role="status">
                {lang.t(Msg::ArchivedBanner)}
            </p>
        }
    })
}

/// The end of an event, on its dashboard: archive it (confirmed), or once archived,
/// unarchive it or delete it (its name typed, after a full export downloaded since).
#[component]
pub fn EventEndingPanel(event_id: i64, ending: EventEnding) -> impl IntoView {
    let lang = use_lang();
    let archive = ServerAction::<ArchiveEvent>::new();
    let unarchive = ServerAction::<UnarchiveEvent>::new();
    let delete = ServerAction::<DeleteEvent>::new();
    let archive_errors = action_error(archive);
    let unarchive_errors = action_error(unarchive);
    let delete_errors = action_error(delete);
    let confirm_error = field_error(archive_errors, "confirm");
    let export = format!("/events/{event_id}/export.zip");
    if !ending.archived {
        let confirm = if ending.results_due { Msg::ArchiveConfirmEarly } else { Msg::ArchiveConfirm };
        return view! {
            <h2 id="ending">{lang.t(Msg::ArchiveTitle)}</h2>
            <p class="hint">{lang.t(Msg::ArchiveIntro)}</p>
            <ActionForm action=archive>
                <FormError errors=archive_errors />
                <EventIdInput event_id />
                // Always asked, whatever the time: archiving stops every write at once.
                <div class="field checkbox">
                    <input
                        type="checkbox"
                        id="f-confirm"
                        name="confirm"
                        value="on"
                        required=true
                        aria-describedby="f-confirm-error"
                    />
                    <label for="f-confirm">{lang.t(confirm)}</label>
                    <p class="field-error" id="f-confirm-error">
                        {move || confirm_error.get()}
                    </p>
                </div>
                <Submit label=Msg::ArchiveSubmit />
            </ActionForm>
        }
        .into_any();
    }
    view! {
        <h2 id="ending">{lang.t(Msg::ArchiveTitle)}</h2>
        <ActionForm action=unarchive>
            <FormError errors=unarchive_errors />
            <EventIdInput event_id />
            <p class="hint">{lang.t(Msg::UnarchiveHint)}</p>
            <button type="submit" class="button">
                {lang.t(Msg::UnarchiveSubmit)}
            </button>
        </ActionForm>
        <h2 id="delete">{lang.t(Msg::DeleteTitle)}</h2>
        <p>{lang.t(Msg::DeleteIntro)}</p>
        {if ending.exported_since_archived {
            view! { <p class="notice">{lang.t(Msg::DeleteExportDone)}</p> }.into_any()
        } else {
            view! {
                <p class="hint">{lang.t(Msg::DeleteExportFirst)}</p>
                <p class="exports">
                    <a class="button primary" href=export rel="external">
                        {lang.t(Msg::ExportArchive)}
                    </a>
                </p>
            }
                .into_any()
        }}
        <ActionForm action=delete>
            <FormError errors=delete_errors />
            <EventIdInput event_id />
            <Field label=Msg::FieldConfirmName name="confirm_name" errors=delete_errors required=true dir_auto=true />
            <button type="submit" class="button danger">
                {lang.t(Msg::DeleteSubmit)}
            </button>
        </ActionForm>
    }
    .into_any()
}
