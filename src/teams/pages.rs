//! Team pages: the participant's team page, the board, the join-by-link page and the
//! organizer's overview. Server-rendered; every action is a plain form.

use super::*;
use crate::i18n::{args, use_lang, Lang, Msg};
use crate::ui::{
    action_error, event_id_param, loaded, Alert, Checkbox, EventIdInput, Field, FormError, Notice, Select, Submit,
    TextArea,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

fn tags(list: &[String]) -> String {
    list.join(" · ")
}

fn fit_line(lang: Lang, fit: &FitView) -> String {
    let mut parts = Vec::new();
    if !fit.needed.is_empty() {
        parts.push(lang.format(args::FitNeeded { skills: &fit.needed.join(", ") }));
    }
    if !fit.new.is_empty() {
        parts.push(lang.format(args::FitNew { skills: &fit.new.join(", ") }));
    }
    if fit.shared_language {
        parts.push(lang.t(Msg::FitLanguage).to_owned());
    }
    format!("{} {} — {}", lang.t(Msg::FitScore), fit.score, parts.join("; "))
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), my_team);
    let mentor = Resource::new(move || id.get(), crate::mentoring::my_mentor);
    let slots = Resource::new(move || id.get(), crate::slots::team_slots);
    let profile = ServerAction::<SaveProfile>::new();
    let create = ServerAction::<CreateTeam>::new();
    let join = ServerAction::<JoinTeam>::new();
    let leave = ServerAction::<LeaveTeam>::new();
    let decide = ServerAction::<DecideRequest>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let captain = ServerAction::<MakeCaptain>::new();
    let edit = ServerAction::<UpdateTeam>::new();
    let edit_errors = action_error(edit);
    let (profile_errors, create_errors, join_errors) =
        (action_error(profile), action_error(create), action_error(join));
    let (leave_errors, decide_errors, remove_errors, captain_errors) =
        (action_error(leave), action_error(decide), action_error(remove), action_error(captain));
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                let tracks = std::iter::once((String::new(), lang.t(Msg::NoTrackYet).to_owned()))
                    .chain(d.tracks.iter().map(|(id, n)| (id.to_string(), n.clone())))
                    .collect::<Vec<_>>();
                view! {
                    <section class="form-page">
                        <div class="page-head">
                            <h1 dir="auto">{lang.t(Msg::TeamTitle)} " · " {d.event_name.clone()}</h1>
                            <a href=format!("/events/{event_id}/board")>{lang.t(Msg::BoardTitle)}</a>
                        </div>
                        <p class="muted">
                            {lang
                                .format(args::TeamSizeLine {
                                    range: format!("{}–{}", d.team_min, d.team_max),
                                })}
                        </p>
                        {d.locked.then(|| view! { <p class="notice">{lang.t(Msg::ErrTeamsLocked)}</p> })}
                        {match d.team.clone() {
                            Some(team) => {
                                let is_captain = team.members.iter().any(|m| m.captain && m.user_id == d.me);
                                let me = d.me;
                                let link = team.invite_url.clone().unwrap_or_default();
                                view! {
                                    <article class="card team">
                                        <h2 dir="auto">{team.name.clone()}</h2>
                                        // When judges come to the team's table, and "you're next".
                                        {move || {
                                            slots
                                                .get()
                                                .and_then(Result::ok)
                                                .map(|data| view! { <crate::slots::TeamSlotsPanel data /> })
                                        }}
                                        {(!team.pitch.is_empty())
                                            .then(|| view! { <p dir="auto">{team.pitch.clone()}</p> })}
                                        {team
                                            .track
                                            .clone()
                                            .map(|t| {
                                                view! {
                                                    <p class="muted" dir="auto">
                                                        {lang.t(Msg::FieldTrack)}
                                                        ": "
                                                        {t}
                                                    </p>
                                                }
                                            })}
                                        {(!team.needs.is_empty())
                                            .then(|| {
                                                view! { <p>{lang.t(Msg::FieldNeeds)} ": " {tags(&team.needs)}</p> }
                                            })}
                                        <p>
                                            {lang
                                                .format(args::OpenSeats {
                                                    count: team.open_seats,
                                                })}
                                        </p>
                                        <p>
                                            <label>
                                                {lang.t(Msg::TeamInviteLink)} <input class="copy" readonly value=link />
                                            </label>
                                        </p>
                                        <FormError errors=remove_errors />
                                        <FormError errors=captain_errors />
                                        <ul class="members">
                                            {team
                                                .members
                                                .clone()
                                                .into_iter()
                                                .map(|m| {
                                                    let manage = is_captain && m.user_id != me;
                                                    view! {
                                                        <li>
                                                            <span dir="auto">{m.name.clone()}</span>
                                                            {m
                                                                .captain
                                                                .then(|| {
                                                                    view! {
                                                                        " "
                                                                        <span class="badge">{lang.t(Msg::Captain)}</span>
                                                                    }
                                                                })}
                                                            " "
                                                            <span class="muted">{tags(&m.skills)}</span>
                                                            {manage
                                                                .then(|| {
                                                                    view! {
                                                                        <ActionForm action=captain attr:class="inline">
                                                                            <input type="hidden" name="team_id" value=team.id />
                                                                            <input type="hidden" name="user_id" value=m.user_id />
                                                                            <button type="submit" class="button link">
                                                                                {lang.t(Msg::MakeCaptain)}
                                                                            </button>
                                                                        </ActionForm>
                                                                        <ActionForm action=remove attr:class="inline">
                                                                            <input type="hidden" name="team_id" value=team.id />
                                                                            <input type="hidden" name="user_id" value=m.user_id />
                                                                            <button type="submit" class="button link danger">
                                                                                {lang.t(Msg::Remove)}
                                                                            </button>
                                                                        </ActionForm>
                                                                    }
                                                                })}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                        {(!team.requests.is_empty())
                                            .then(|| {
                                                view! {
                                                    <h3>{lang.t(Msg::JoinRequestsTitle)}</h3>
                                                    <FormError errors=decide_errors />
                                                    <ul class="requests">
                                                        {team
                                                            .requests
                                                            .clone()
                                                            .into_iter()
                                                            .map(|r| {
                                                                view! {
                                                                    <li>
                                                                        <strong dir="auto">{r.name.clone()}</strong>
                                                                        " "
                                                                        <span class="muted">{tags(&r.skills)}</span>
                                                                        <p dir="auto">{r.message.clone()}</p>
                                                                        <ActionForm action=decide attr:class="inline">
                                                                            <input type="hidden" name="request_id" value=r.id />
                                                                            <input type="hidden" name="accept" value="true" />
                                                                            <button type="submit" class="button primary">
                                                                                {lang.t(Msg::Accept)}
                                                                            </button>
                                                                        </ActionForm>
                                                                        " "
                                                                        <ActionForm action=decide attr:class="inline">
                                                                            <input type="hidden" name="request_id" value=r.id />
                                                                            <input type="hidden" name="accept" value="false" />
                                                                            <button type="submit" class="button">
                                                                                {lang.t(Msg::Decline)}
                                                                            </button>
                                                                        </ActionForm>
                                                                    </li>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </ul>
                                                }
                                            })}
                                        <p>
                                            <a class="button primary" href=format!("/events/{event_id}/project")>
                                                {lang.t(Msg::ProjectTitle)}
                                            </a>
                                        </p>
                                        {move || {
                                            mentor
                                                .get()
                                                .and_then(|m| m.ok().flatten())
                                                .map(|card| view! { <crate::mentoring::MentorCardView card /> })
                                        }}
                                        {is_captain
                                            .then(|| {
                                                let selected = d.team_track.map(|t| t.to_string()).unwrap_or_default();
                                                view! {
                                                    <details>
                                                        <summary>{lang.t(Msg::EditTeam)}</summary>
                                                        <ActionForm action=edit>
                                                            <FormError errors=edit_errors />
                                                            <input type="hidden" name="team_id" value=team.id />
                                                            <Field
                                                                label=Msg::FieldTeamName
                                                                name="team_name"
                                                                errors=edit_errors
                                                                value=team.name.clone()
                                                                required=true
                                                                dir_auto=true
                                                            />
                                                            <Field
                                                                label=Msg::FieldPitch
                                                                name="pitch"
                                                                errors=edit_errors
                                                                value=team.pitch.clone()
                                                                dir_auto=true
                                                            />
                                                            <Select
                                                                label=Msg::FieldTrack
                                                                name="track_id"
                                                                errors=edit_errors
                                                                options=tracks.clone()
                                                                selected=selected
                                                            />
                                                            <Field
                                                                label=Msg::FieldNeeds
                                                                name="needs"
                                                                errors=edit_errors
                                                                value=team.needs.join(", ")
                                                                hint=Msg::HintTags
                                                                dir_auto=true
                                                            />
                                                            <Submit label=Msg::Save />
                                                        </ActionForm>
                                                    </details>
                                                }
                                            })}
                                        <ActionForm action=leave>
                                            <FormError errors=leave_errors />
                                            <EventIdInput event_id />
                                            <button type="submit" class="button danger">
                                                {lang.t(Msg::LeaveTeam)}
                                            </button>
                                        </ActionForm>
                                    </article>
                                }
                                    .into_any()
                            }
                            None => {
                                view! {
                                    <h2>{lang.t(Msg::CreateTeam)}</h2>
                                    <ActionForm action=create>
                                        <FormError errors=create_errors />
                                        <EventIdInput event_id />
                                        <Field
                                            label=Msg::FieldTeamName
                                            name="team_name"
                                            errors=create_errors
                                            required=true
                                            dir_auto=true
                                        />
                                        <Field label=Msg::FieldPitch name="pitch" errors=create_errors dir_auto=true />
                                        <Select
                                            label=Msg::FieldTrack
                                            name="track_id"
                                            errors=create_errors
                                            options=tracks.clone()
                                        />
                                        <Field
                                            label=Msg::FieldNeeds
                                            name="needs"
                                            errors=create_errors
                                            hint=Msg::HintTags
                                            dir_auto=true
                                        />
                                        <Submit label=Msg::CreateTeam />
                                    </ActionForm>
                                    <h2>{lang.t(Msg::JoinWithCode)}</h2>
                                    <ActionForm action=join>
                                        <FormError errors=join_errors />
                                        <Field label=Msg::FieldTeamCode name="code" errors=join_errors required=true />
                                        <Submit label=Msg::JoinTeam />
                                    </ActionForm>
                                }
                                    .into_any()
                            }
                        }}
                        <h2>{lang.t(Msg::ProfileTitle)}</h2>
                        <ActionForm action=profile>
                            <FormError errors=profile_errors />
                            <EventIdInput event_id />
                            {(!d.event_skills.is_empty())
                                .then(|| {
                                    view! {
                                        <p class="hint">
                                            {lang
                                                .format(args::SuggestedSkills {
                                                    skills: &d.event_skills.join(", "),
                                                })}
                                        </p>
                                    }
                                })}
                            <Field
                                label=Msg::FieldSkills
                                name="skills"
                                errors=profile_errors
                                value=d.skills.clone()
                                hint=Msg::HintTags
                                dir_auto=true
                            />
                            <Field
                                label=Msg::FieldLanguages
                                name="languages"
                                errors=profile_errors
                                value=d.languages.clone()
                                hint=Msg::HintLanguages
                            />
                            <TextArea label=Msg::FieldBio name="bio" errors=profile_errors value=d.bio.clone() rows=3 />
                            <Checkbox label=Msg::FieldLooking name="looking" checked=d.looking />
                            <Submit label=Msg::Save />
                        </ActionForm>
                    </section>
                }
                    .into_any()
            },
        )}
    }
}

#[component]
pub fn TeamFinderPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let query = use_query_map();
    let filters = Signal::derive(move || {
        query.with(|q| (q.get("skill").unwrap_or_default(), q.get("language").unwrap_or_default()))
    });
    let board =
        Resource::new(move || (id.get(), filters.get()), |(id, (skill, language))| team_board(id, skill, language));
    let request = ServerAction::<RequestJoin>::new();
    let request_errors = action_error(request);
    let sent = Signal::derive(move || matches!(request.value().get(), Some(Ok(()))));
    view! {
        <section>
            <h1>{lang.t(Msg::BoardTitle)}</h1>
            <form method="get" class="filters">
                <div class="row">
                    <div class="field">
                        <label for="f-skill">{lang.t(Msg::FilterSkill)}</label>
                        <input id="f-skill" name="skill" dir="auto" value=move || filters.get().0 />
                    </div>
                    <div class="field">
                        <label for="f-language">{lang.t(Msg::FilterLanguage)}</label>
                        <input id="f-language" name="language" value=move || filters.get().1 />
                    </div>
                </div>
                <button type="submit" class="button">
                    {lang.t(Msg::Filter)}
                </button>
            </form>
            <Notice when=sent message=Msg::RequestSent />
            <FormError errors=request_errors />
            {loaded(
                board,
                move |b| {
                    view! {
                        <h2>{lang.t(Msg::TeamsWithSeats)}</h2>
                        {b.teams.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                        <ul class="cards">
                            {b
                                .teams
                                .clone()
                                .into_iter()
                                .map(|t| {
                                    view! {
                                        <li class="card">
                                            <h3 dir="auto">{t.name.clone()}</h3>
                                            <p dir="auto">{t.pitch.clone()}</p>
                                            {(!t.needs.is_empty())
                                                .then(|| {
                                                    view! { <p>{lang.t(Msg::FieldNeeds)} ": " {tags(&t.needs)}</p> }
                                                })}
                                            <p class="muted">
                                                {lang
                                                    .format(args::OpenSeats {
                                                        count: t.open_seats,
                                                    })}
                                            </p>
                                            {t.fit.as_ref().map(|f| view! { <p class="fit">{fit_line(lang, f)}</p> })}
                                            {b
                                                .can_request
                                                .then(|| {
                                                    view! {
                                                        <ActionForm action=request>
                                                            <input type="hidden" name="team_id" value=t.id />
                                                            <label>
                                                                {lang.t(Msg::FieldMessage)}
                                                                <input name="message" dir="auto" />
                                                            </label>
                                                            <button type="submit" class="button primary">
                                                                {lang.t(Msg::AskToJoin)}
                                                            </button>
                                                        </ActionForm>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <h2>{lang.t(Msg::PeopleLooking)}</h2>
                        {b.people.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                        <ul class="cards">
                            {b
                                .people
                                .clone()
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <li class="card">
                                            <h3 dir="auto">{p.name.clone()}</h3>
                                            <p>{tags(&p.skills)}</p>
                                            <p class="muted">{tags(&p.languages)}</p>
                                            <p dir="auto">{p.bio.clone()}</p>
                                            {p.fit.as_ref().map(|f| view! { <p class="fit">{fit_line(lang, f)}</p> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                },
            )}
        </section>
    }
}

#[component]
pub fn JoinTeamPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let code = Signal::derive(move || params.with(|p| p.get("code").unwrap_or_default()));
    let info = Resource::new(move || code.get(), team_invitation);
    let join = ServerAction::<JoinTeam>::new();
    let errors = action_error(join);
    view! {
        <section class="narrow">
            <Suspense fallback=move || {
                view! { <p>{lang.t(Msg::Loading)}</p> }
            }>
                {move || {
                    info.get()
                        .map(|r| match r {
                            Err(AppError::Unauthenticated) => {
                                view! {
                                    <p>{lang.t(Msg::ErrSignInRequired)}</p>
                                    <a class="button primary" href=format!("/login?next=/join/{}", code.get())>
                                        {lang.t(Msg::LogIn)}
                                    </a>
                                    " "
                                    <a class="button" href=format!("/signup?next=/join/{}", code.get())>
                                        {lang.t(Msg::SignUp)}
                                    </a>
                                }
                                    .into_any()
                            }
                            Err(e) => crate::ui::failure(lang, &e),
                            Ok(i) => {
                                view! {
                                    <h1 dir="auto">
                                        {lang
                                            .format(args::JoinTeamHeading {
                                                team: &i.team_name,
                                            })}
                                    </h1>
                                    <p class="lead" dir="auto">
                                        {i.event_name.clone()}
                                    </p>
                                    <p>
                                        {lang
                                            .format(args::OpenSeats {
                                                count: i.open_seats,
                                            })}
                                    </p>
                                    {match i.refusal {
                                        Some(why) => view! { <Alert message=lang.t(why) /> }.into_any(),
                                        None => {
                                            view! {
                                                {i
                                                    .registers
                                                    .then(|| {
                                                        view! {
                                                            <p class="hint">{lang.t(Msg::JoinTeamRegistersYou)}</p>
                                                        }
                                                    })}
                                                <ActionForm action=join>
                                                    <FormError errors />
                                                    <input type="hidden" name="code" value=code.get() />
                                                    <Submit label=Msg::JoinTeam />
                                                </ActionForm>
                                            }
                                                .into_any()
                                        }
                                    }}
                                    <p class="hint">
                                        <a href=format!("/events/{}", i.event_id)>{lang.t(Msg::OpenEvent)}</a>
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

#[component]
pub fn OrganizerTeamsPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), teams_overview);
    let lock = ServerAction::<SetTeamLock>::new();
    let auto = ServerAction::<AutoFormTeams>::new();
    let moving = ServerAction::<MoveParticipant>::new();
    let dissolve = ServerAction::<DissolveTeam>::new();
    let rename = ServerAction::<RenameTeam>::new();
    let rename_errors = action_error(rename);
    let skills = ServerAction::<SetEventSkills>::new();
    let skills_errors = action_error(skills);
    let (lock_errors, auto_errors, move_errors, dissolve_errors) =
        (action_error(lock), action_error(auto), action_error(moving), action_error(dissolve));
    view! {
        {loaded(
            data,
            move |o| {
                let event_id = o.event_id;
                let team_options: Vec<(String, String)> = o
                    .teams
                    .iter()
                    .map(|t| (t.id.to_string(), t.name.clone()))
                    .collect();
                view! {
                    <section class="form-page">
                        <div class="page-head">
                            <h1>{lang.t(Msg::TeamsOverview)}</h1>
                            <a class="button" href=format!("/events/{event_id}/teams.csv")>
                                {lang.t(Msg::ExportCsv)}
                            </a>
                            <a href=format!("/events/{event_id}/manage")>{lang.t(Msg::ManageEvent)}</a>
                        </div>
                        <p class="muted">
                            {lang
                                .format(args::TeamSizeLine {
                                    range: format!("{}–{}", o.team_min, o.team_max),
                                })}
                        </p>
                        <ActionForm action=skills>
                            <FormError errors=skills_errors />
                            <EventIdInput event_id />
                            <Field
                                label=Msg::EventSkillsTitle
                                name="skills"
                                errors=skills_errors
                                value=o.skills.clone()
                                hint=Msg::HintEventSkills
                                dir_auto=true
                            />
                            <Submit label=Msg::Save />
                        </ActionForm>
                        <ActionForm action=lock>
                            <FormError errors=lock_errors />
                            <EventIdInput event_id />
                            <Field
                                label=Msg::FieldTeamsLockedAt
                                name="locked_at"
                                kind="datetime-local"
                                errors=lock_errors
                                value=o.locked_at.clone().unwrap_or_default()
                                hint=Msg::HintTeamsLock
                            />
                            <Submit label=Msg::Save />
                        </ActionForm>
                        <ActionForm action=auto>
                            <FormError errors=auto_errors />
                            <EventIdInput event_id />
                            <Field
                                label=Msg::FieldSeed
                                name="seed"
                                kind="number"
                                errors=auto_errors
                                value="1"
                                hint=Msg::HintSeed
                            />
                            <Submit label=Msg::AutoFormTeams />
                        </ActionForm>
                        <h2>
                            {lang
                                .format(args::TeamsCount {
                                    count: o.teams.len(),
                                })}
                        </h2>
                        <FormError errors=dissolve_errors />
                        <FormError errors=rename_errors />
                        <ul class="cards">
                            {o
                                .teams
                                .clone()
                                .into_iter()
                                .map(|t| {
                                    let short = (t.members.len() as i64) < o.team_min;
                                    view! {
                                        <li class="card" class:warning=short>
                                            <h3 dir="auto">{t.name.clone()} " (" {t.members.len()} ")"</h3>
                                            <ul>
                                                {t
                                                    .members
                                                    .iter()
                                                    .map(|m| {
                                                        view! {
                                                            <li>
                                                                <span dir="auto">{m.name.clone()}</span>
                                                                {m
                                                                    .captain
                                                                    .then(|| {
                                                                        view! {
                                                                            " "
                                                                            <span class="badge">{lang.t(Msg::Captain)}</span>
                                                                        }
                                                                    })}
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                            {short.then(|| view! { <p class="muted">{lang.t(Msg::BelowMinimum)}</p> })}
                                            {
                                                let field_id = format!("f-team-name-{}", t.id);
                                                // One labelled field per team: ids carry the team's id to stay unique.
                                                view! {
                                                    <ActionForm action=rename attr:class="inline">
                                                        <EventIdInput event_id />
                                                        <input type="hidden" name="team_id" value=t.id />
                                                        <label for=field_id
                                                            .clone()>{lang.t(Msg::FieldTeamNewName)}</label>
                                                        <input
                                                            type="text"
                                                            id=field_id
                                                            name="team_name"
                                                            value=t.name.clone()
                                                            required=true
                                                            maxlength="60"
                                                            dir="auto"
                                                        />
                                                        <button type="submit" class="button">
                                                            {lang.t(Msg::RenameTeam)}
                                                        </button>
                                                    </ActionForm>
                                                }
                                            }
                                            {t
                                                .members
                                                .is_empty()
                                                .then(|| {
                                                    view! {
                                                        <ActionForm action=dissolve attr:class="inline">
                                                            <EventIdInput event_id />
                                                            <input type="hidden" name="team_id" value=t.id />
                                                            <button type="submit" class="button link danger">
                                                                {lang.t(Msg::DissolveTeam)}
                                                            </button>
                                                        </ActionForm>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <h2>
                            {lang
                                .format(args::SolosCount {
                                    count: o.solos.len(),
                                })}
                        </h2>
                        <FormError errors=move_errors />
                        <ul class="cards">
                            {o
                                .solos
                                .clone()
                                .into_iter()
                                .map(|p| {
                                    let team_options = team_options.clone();
                                    view! {
                                        <li class="card">
                                            <strong dir="auto">{p.name.clone()}</strong>
                                            " "
                                            <span class="muted">{tags(&p.skills)}</span>
                                            {(!team_options.is_empty())
                                                .then(|| {
                                                    view! {
                                                        <ActionForm action=moving>
                                                            <EventIdInput event_id />
                                                            <input type="hidden" name="user_id" value=p.user_id />
                                                            <label>
                                                                {lang.t(Msg::MoveTo)}
                                                                <select name="team_id">
                                                                    {team_options
                                                                        .iter()
                                                                        .map(|(v, n)| {
                                                                            view! { <option value=v.clone()>{n.clone()}</option> }
                                                                        })
                                                                        .collect_view()}
                                                                </select>
                                                            </label>
                                                            <button type="submit" class="button">
                                                                {lang.t(Msg::Move)}
                                                            </button>
                                                        </ActionForm>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
                    .into_any()
            },
        )}
    }
}
