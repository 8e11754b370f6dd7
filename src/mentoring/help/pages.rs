//! The help page: a team asks for help, mentors claim and resolve, organizers watch the
//! figures. Server-rendered; every action is a plain form.

use super::*;
use leptos::prelude::*;

/// The help page. Its list is a live region: it refreshes by itself when the queue changes.
#[component]
pub fn HelpQueuePage() -> impl IntoView {
    use crate::i18n::{args, use_lang, Msg};
    use crate::live::LiveRegion;
    use crate::ui::{action_error, loaded, EventIdInput, Field, FormError, Submit};
    let lang = use_lang();
    let query = leptos_router::hooks::use_query_map();
    let id = crate::ui::event_id_param();
    let all = Signal::derive(move || query.with(|q| q.get("all").is_some()));
    let data = Resource::new(move || (id.get(), all.get()), |(id, all)| help_page(id, all));
    let raise = ServerAction::<RaiseHelp>::new();
    let claim = ServerAction::<ClaimHelp>::new();
    let release = ServerAction::<ReleaseHelp>::new();
    let resolve = ServerAction::<ResolveHelp>::new();
    let cancel = ServerAction::<CancelHelp>::new();
    let hand = ServerAction::<HandHelp>::new();
    let settings = ServerAction::<SaveHelpSettings>::new();
    let raise_errors = action_error(raise);
    let settings_errors = action_error(settings);
    let errors =
        [action_error(claim), action_error(release), action_error(resolve), action_error(cancel), action_error(hand)];
    let status = move |s: &str| match s {
        "open" => lang.t(Msg::HelpOpen),
        "claimed" => lang.t(Msg::HelpClaimed),
        "resolved" => lang.t(Msg::HelpResolved),
        _ => lang.t(Msg::HelpCancelled),
    };
    view! {
        {loaded(
            data,
            move |p| {
                let event_id = p.event_id;
                let mentors = p.mentors.clone();
                let mentor_options: Vec<(i64, String)> = p.mentors.iter().map(|m| (m.id, m.name.clone())).collect();
                view! {
                    <section class="form-page">
                        <h1>{lang.t(Msg::HelpTitle)}</h1>
                        <LiveRegion event_id topic=crate::live::Topic::Help target="live-help".to_string() />
                        {p
                            .has_team
                            .then(|| {
                                view! {
                                    <details open=p.mine.is_empty()>
                                        <summary>{lang.t(Msg::AskForHelp)}</summary>
                                        <ActionForm action=raise>
                                            <FormError errors=raise_errors />
                                            <EventIdInput event_id />
                                            <Field
                                                label=Msg::FieldHelpTopic
                                                name="topic"
                                                errors=raise_errors
                                                required=true
                                                dir_auto=true
                                            />
                                            <Field
                                                label=Msg::FieldHelpSkill
                                                name="skill"
                                                errors=raise_errors
                                                dir_auto=true
                                            />
                                            <Field
                                                label=Msg::FieldHelpLocation
                                                name="location"
                                                errors=raise_errors
                                                dir_auto=true
                                            />
                                            <Field
                                                label=Msg::FieldDescription
                                                name="description"
                                                errors=raise_errors
                                                dir_auto=true
                                            />
                                            <Submit label=Msg::AskForHelp />
                                        </ActionForm>
                                    </details>
                                }
                            })}
                        {errors.into_iter().map(|e| view! { <FormError errors=e /> }).collect_view()}
                        <div id="live-help" aria-live="polite">
                            {(!p.mine.is_empty())
                                .then(|| {
                                    view! {
                                        <h2>{lang.t(Msg::OurRequests)}</h2>
                                        <ul class="cards help">
                                            {p
                                                .mine
                                                .clone()
                                                .into_iter()
                                                .map(|h| {
                                                    view! {
                                                        <li class="card">
                                                            <p>
                                                                <strong dir="auto">{h.topic.clone()}</strong>
                                                                " · "
                                                                {status(&h.status)}
                                                            </p>
                                                            {h
                                                                .position
                                                                .map(|position| {
                                                                    view! {
                                                                        <p class="notice help-place">
                                                                            <strong>
                                                                                {lang.format(args::HelpPosition { position })}
                                                                            </strong>
                                                                            " "
                                                                            {match h.estimate_minutes {
                                                                                Some(minutes) => lang.format(args::HelpEstimate { minutes }),
                                                                                None => lang.t(Msg::HelpNoEstimate).to_string(),
                                                                            }}
                                                                        </p>
                                                                    }
                                                                })}
                                                            {h
                                                                .mentor
                                                                .clone()
                                                                .filter(|_| h.status == "claimed")
                                                                .map(|m| {
                                                                    view! {
                                                                        <p class="notice">
                                                                            {lang.format(args::MentorComing { name: &m })}
                                                                        </p>
                                                                    }
                                                                })}
                                                            {matches!(h.status.as_str(), "open" | "claimed")
                                                                .then(|| {
                                                                    view! {
                                                                        <ActionForm action=resolve attr:class="inline">
                                                                            <input type="hidden" name="request_id" value=h.id />
                                                                            <button type="submit" class="button">
                                                                                {lang.t(Msg::Resolved)}
                                                                            </button>
                                                                        </ActionForm>
                                                                        " "
                                                                        <ActionForm action=cancel attr:class="inline">
                                                                            <input type="hidden" name="request_id" value=h.id />
                                                                            <button type="submit" class="button link danger">
                                                                                {lang.t(Msg::Withdraw)}
                                                                            </button>
                                                                        </ActionForm>
                                                                    }
                                                                })}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                })}
                            {p
                                .expired
                                .clone()
                                .into_iter()
                                .map(|h| {
                                    view! {
                                        <p class="form-error help-expired" role="alert">
                                            {lang
                                                .format(args::HelpExpired {
                                                    topic: &h.topic,
                                                    team: &h.team,
                                                    minutes: p.claim_minutes,
                                                })}
                                        </p>
                                    }
                                })
                                .collect_view()}
                            {(p.is_mentor || p.is_organizer)
                                .then(|| {
                                    view! {
                                        <h2>{lang.t(Msg::HelpQueue)}</h2>
                                        <p class="hint">
                                            {lang
                                                .format(args::HelpClaimLimit {
                                                    minutes: p.claim_minutes,
                                                })}
                                        </p>
                                        {p
                                            .is_mentor
                                            .then(|| {
                                                view! {
                                                    <p>
                                                        {if p.filtered {
                                                            view! {
                                                                <a href=format!(
                                                                    "/events/{event_id}/help?all=1",
                                                                )>{lang.t(Msg::ShowAllRequests)}</a>
                                                            }
                                                                .into_any()
                                                        } else {
                                                            view! {
                                                                <a href=format!(
                                                                    "/events/{event_id}/help",
                                                                )>{lang.t(Msg::ShowMySkills)}</a>
                                                            }
                                                                .into_any()
                                                        }}
                                                    </p>
                                                }
                                            })}
                                        {p
                                            .queue
                                            .is_empty()
                                            .then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                                        <ul class="cards help">
                                            {p
                                                .queue
                                                .clone()
                                                .into_iter()
                                                .map(|h| {
                                                    let options = mentor_options.clone();
                                                    view! {
                                                        <li class="card" class:mine=h.claimed_by_me>
                                                            <p>
                                                                <strong dir="auto">{h.topic.clone()}</strong>
                                                                " · "
                                                                <span dir="auto">{h.team.clone()}</span>
                                                            </p>
                                                            <p class="muted" dir="auto">
                                                                {h.skill.clone()}
                                                                " · "
                                                                {h.location.clone()}
                                                                " · "
                                                                {lang
                                                                    .format(args::WaitingMinutes {
                                                                        minutes: h.waiting_minutes,
                                                                    })}
                                                            </p>
                                                            {(!h.description.is_empty())
                                                                .then(|| {
                                                                    view! { <p dir="auto">{h.description.clone()}</p> }
                                                                })}
                                                            <p>
                                                                {status(&h.status)}
                                                                {h.mentor.clone().map(|m| format!(" · {m}"))}
                                                                {h
                                                                    .position
                                                                    .map(|position| {
                                                                        format!(
                                                                            " · {}",
                                                                            lang.format(args::HelpPosition { position }),
                                                                        )
                                                                    })}
                                                            </p>
                                                            {p
                                                                .is_organizer
                                                                .then(|| {
                                                                    let select_id = format!("hand-{}", h.id);
                                                                    view! {
                                                                        <ActionForm action=hand attr:class="inline hand-form">
                                                                            <input type="hidden" name="request_id" value=h.id />
                                                                            <label for=select_id
                                                                                .clone()>{lang.t(Msg::FieldHandTo)}</label>
                                                                            " "
                                                                            <select id=select_id name="mentor_id">
                                                                                {options
                                                                                    .into_iter()
                                                                                    .map(|(id, name)| {
                                                                                        view! { <option value=id>{name}</option> }
                                                                                    })
                                                                                    .collect_view()}
                                                                            </select>
                                                                            " "
                                                                            <button type="submit" class="button">
                                                                                {lang.t(Msg::HandRequest)}
                                                                            </button>
                                                                        </ActionForm>
                                                                    }
                                                                })}
                                                            {(p.is_mentor && h.status == "open")
                                                                .then(|| {
                                                                    view! {
                                                                        <ActionForm action=claim attr:class="inline">
                                                                            <input type="hidden" name="request_id" value=h.id />
                                                                            <button type="submit" class="button primary">
                                                                                {lang.t(Msg::ClaimRequest)}
                                                                            </button>
                                                                        </ActionForm>
                                                                    }
                                                                })}
                                                            {h
                                                                .claimed_by_me
                                                                .then(|| {
                                                                    view! {
                                                                        <ActionForm action=resolve attr:class="inline">
                                                                            <input type="hidden" name="request_id" value=h.id />
                                                                            <button type="submit" class="button primary">
                                                                                {lang.t(Msg::Resolved)}
                                                                            </button>
                                                                        </ActionForm>
                                                                        " "
                                                                        <ActionForm action=release attr:class="inline">
                                                                            <input type="hidden" name="request_id" value=h.id />
                                                                            <button type="submit" class="button">
                                                                                {lang.t(Msg::Release)}
                                                                            </button>
                                                                        </ActionForm>
                                                                    }
                                                                })}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                })}
                            {p
                                .stats
                                .clone()
                                .map(|s| {
                                    view! {
                                        <h2>{lang.t(Msg::HelpStatsTitle)}</h2>
                                        <dl class="schedule">
                                            <dt>{lang.t(Msg::HelpOpen)}</dt>
                                            <dd>{s.open}</dd>
                                            <dt>{lang.t(Msg::MedianWait)}</dt>
                                            <dd>
                                                {s
                                                    .median_wait_minutes
                                                    .map(|m| lang.format(args::Minutes { minutes: m }))
                                                    .unwrap_or_else(|| "—".into())}
                                            </dd>
                                            <dt>{lang.t(Msg::MedianResolve)}</dt>
                                            <dd>
                                                {s
                                                    .median_resolve_minutes
                                                    .map(|m| lang.format(args::Minutes { minutes: m }))
                                                    .unwrap_or_else(|| "—".into())}
                                            </dd>
                                        </dl>
                                        <ul>
                                            {s
                                                .per_mentor
                                                .into_iter()
                                                .map(|(m, n)| {
                                                    view! {
                                                        <li>
                                                            <span dir="auto">{m}</span>
                                                            ": "
                                                            {n}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                        <h2>{lang.t(Msg::MentorsLoad)}</h2>
                                        <ul class="mentor-loads">
                                            {mentors
                                                .clone()
                                                .into_iter()
                                                .map(|m| {
                                                    let state = match (&m.holding, m.idle_minutes) {
                                                        (Some(what), _) => lang.format(args::MentorBusy { what }),
                                                        (None, Some(minutes)) => {
                                                            lang.format(args::MentorIdle { minutes })
                                                        }
                                                        (None, None) => lang.t(Msg::MentorIdleNever).to_string(),
                                                    };
                                                    view! {
                                                        <li class:busy=m.holding.is_some()>
                                                            <strong dir="auto">{m.name}</strong>
                                                            " · "
                                                            <span dir="auto">{state}</span>
                                                            " · "
                                                            {lang
                                                                .format(args::ResolvedLastHour {
                                                                    count: m.resolved_last_hour,
                                                                })}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                })}
                        </div>
                        {p
                            .is_organizer
                            .then(|| {
                                view! {
                                    <details>
                                        <summary>{lang.t(Msg::HelpSettings)}</summary>
                                        <ActionForm action=settings>
                                            <FormError errors=settings_errors />
                                            <EventIdInput event_id />
                                            <Field
                                                label=Msg::FieldClaimMinutes
                                                name="claim_minutes"
                                                kind="number"
                                                errors=settings_errors
                                                value=p.claim_minutes.to_string()
                                                min="5".to_string()
                                                max="240".to_string()
                                            />
                                            <Submit label=Msg::Save />
                                        </ActionForm>
                                    </details>
                                }
                            })}
                    </section>
                }
                    .into_any()
            },
        )}
    }
}
