//! The board's pages: the projector, the organizer's controls (made for a phone: the reveal is
//! stepped from one), the public results page, and the announcements bar of event pages.

use super::api::*;
use super::domain::{RevealMode, Visibility};
use super::island::ProjectorScreen;
use crate::i18n::{args, use_lang, Lang, Msg};
use crate::live::LiveRegion;
use crate::ui::{
    action_error, event_id_param, loaded, Checkbox, EventIdInput, Field, FormError, Select, Submit, TextArea,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

/// Full screen, large type, for a projector seen from the back of the hall. `?theme=dark` or
/// `?theme=light` forces a theme; otherwise it follows the device.
#[component]
pub fn ProjectorPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let query = use_query_map();
    let theme = query.with_untracked(|q| match q.get("theme").as_deref() {
        Some("dark") => "pj-dark",
        Some("light") => "pj-light",
        _ => "pj-auto",
    });
    let data = Resource::new(move || id.get(), projector_data);
    view! {
        {loaded(
            data,
            move |d| {
                view! {
                    <div class=format!("projector {theme}")>
                        <header class="pj-head">
                            <h1 dir="auto">{d.event_name.clone()}</h1>
                            <ProjectorScreen
                                event_id=d.event_id
                                lang=lang.code().to_string()
                                rotate_seconds=d.rotate_seconds
                                fullscreen=lang.t(Msg::FullScreen).to_string()
                            />
                        </header>
                        <crate::live::ServerClock now_ms=d.now_ms />
                        <div id="pj-board" class="pj-board" aria-live="polite" inner_html=d.html.clone()></div>
                        <figure class="pj-qr">
                            <div inner_html=d.qr_svg.clone()></div>
                            // A break opportunity after each slash: a long address wraps
                            // between its parts, never inside one.
                            <figcaption>
                                {d
                                    .event_url
                                    .split_inclusive('/')
                                    .map(|part| {
                                        view! {
                                            {part.to_owned()}
                                            <wbr />
                                        }
                                    })
                                    .collect_view()}
                            </figcaption>
                        </figure>
                    </div>
                }
                    .into_any()
            },
        )}
    }
}

/// The organizer's board controls at /events/{id}/show.
#[component]
pub fn BoardControlPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let settings = ServerAction::<SaveBoardSettings>::new();
    let freeze = ServerAction::<FreezeBoard>::new();
    let publish = ServerAction::<PublishResults>::new();
    let reveal = ServerAction::<StepReveal>::new();
    let announce = ServerAction::<PostAnnouncement>::new();
    let retire = ServerAction::<RetireAnnouncement>::new();
    let data = Resource::new(move || id.get(), board_console);
    let (settings_errors, freeze_errors, publish_errors, reveal_errors) =
        (action_error(settings), action_error(freeze), action_error(publish), action_error(reveal));
    let (announce_errors, retire_errors) = (action_error(announce), action_error(retire));
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                let published = d.published_at.is_some();
                let head = view! {
                    <div class="page-head">
                        <h1 dir="auto">{lang.t(Msg::LeaderboardTitle)} ": " {d.event_name.clone()}</h1>
                        <a href=format!("/events/{event_id}/projector") target="_blank">
                            {lang.t(Msg::OpenProjector)}
                        </a>
                        <a href=format!("/events/{event_id}/ranking")>{lang.t(Msg::PublicResults)}</a>
                        <a href=format!("/events/{event_id}/dashboard")>{lang.t(Msg::DashboardTitle)}</a>
                    </div>
                    <p class="hint">
                        {lang
                            .format(args::ScoresDoneOf {
                                progress: format!("{} / {}", d.progress.done, d.progress.assigned),
                            })}
                    </p>
                };
                let reveal_box = view! {
                    <h2>{lang.t(Msg::PublishTitle)}</h2>
                    {published
                        .then(|| {
                            view! {
                                <p>
                                    <a href=format!(
                                        "/events/{event_id}/certificates",
                                    )>{lang.t(Msg::AllCertificates)}</a>
                                </p>
                            }
                        })}
                    <FormError errors=publish_errors />
                    {match d.published_at.clone() {
                        Some(at) => {
                            view! {
                                <p class="badge" data-open="true">
                                    {lang.format(args::PublishedAt { time: at })}
                                </p>
                                {(d.steps > 0)
                                    .then(|| {
                                        view! {
                                            <div class="reveal-steps" role="group" aria-label=lang.t(Msg::RevealTitle)>
                                                <p class="reveal-count" aria-live="polite">
                                                    {lang
                                                        .format(args::RevealStepOf {
                                                            progress: format!("{} / {}", d.reveal_step, d.steps),
                                                        })}
                                                </p>
                                                <FormError errors=reveal_errors />
                                                <ActionForm action=reveal attr:class="inline">
                                                    <EventIdInput event_id />
                                                    <input type="hidden" name="from" value=d.reveal_step />
                                                    <button
                                                        type="submit"
                                                        name="direction"
                                                        value="back"
                                                        class="button"
                                                        disabled={d.reveal_step == 0}
                                                    >
                                                        {lang.t(Msg::RevealBack)}
                                                    </button>
                                                    <button
                                                        type="submit"
                                                        name="direction"
                                                        value="next"
                                                        class="button primary big"
                                                        disabled={d.reveal_step >= d.steps}
                                                    >
                                                        {lang.t(Msg::RevealNext)}
                                                    </button>
                                                    <button
                                                        type="submit"
                                                        name="direction"
                                                        value="end"
                                                        class="button"
                                                        disabled={d.reveal_step >= d.steps}
                                                    >
                                                        {lang.t(Msg::RevealEnd)}
                                                    </button>
                                                </ActionForm>
                                            </div>
                                        }
                                    })}
                                <ActionForm action=publish attr:class="inline">
                                    <EventIdInput event_id />
                                    <input type="hidden" name="action" value="withdraw" />
                                    <input type="hidden" name="reveal_mode" value="" />
                                    <button type="submit" class="button link">
                                        {lang.t(Msg::WithdrawResults)}
                                    </button>
                                </ActionForm>
                            }
                                .into_any()
                        }
                        None => ().into_any(),
                    }}
                    <ActionForm action=publish>
                        <EventIdInput event_id />
                        <input type="hidden" name="action" value="publish" />
                        <p class="hint">{lang.t(Msg::HintPublish)}</p>
                        <Select
                            label=Msg::FieldRevealMode
                            name="reveal_mode"
                            errors=publish_errors
                            selected=d.reveal_mode.clone()
                            options=RevealMode::ALL
                                .iter()
                                .map(|m| (m.code().to_string(), lang.t(m.label()).to_string()))
                                .collect()
                        />
                        <Submit label=if published { Msg::Republish } else { Msg::PublishResults } />
                    </ActionForm>
                };
                let freeze_box = view! {
                    <h2>{lang.t(Msg::FreezeTitle)}</h2>
                    <p class="hint">{lang.t(Msg::HintFreeze)}</p>
                    <FormError errors=freeze_errors />
                    {d
                        .frozen_at
                        .clone()
                        .map(|at| {
                            view! {
                                <p class="badge" data-open="false">
                                    {lang.format(args::FrozenSince { time: at })}
                                </p>
                            }
                        })}
                    <ActionForm action=freeze>
                        <EventIdInput event_id />
                        <input type="hidden" name="frozen" value=if d.frozen_at.is_some() { "off" } else { "on" } />
                        <Submit label=if d.frozen_at.is_some() { Msg::Unfreeze } else { Msg::Freeze } />
                    </ActionForm>
                };
                let settings_box = view! {
                    <h2>{lang.t(Msg::BoardSettings)}</h2>
                    <ActionForm action=settings>
                        <FormError errors=settings_errors />
                        <EventIdInput event_id />
                        <input type="hidden" name="version" value=d.version />
                        <Select
                            label=Msg::FieldVisibility
                            name="visibility"
                            errors=settings_errors
                            selected=d.visibility.clone()
                            options=Visibility::ALL
                                .iter()
                                .map(|v| (v.code().to_string(), lang.t(v.label()).to_string()))
                                .collect()
                        />
                        <div class="grid-2">
                            <Field
                                label=Msg::FieldTopN
                                name="top_n"
                                kind="number"
                                errors=settings_errors
                                value=d.top_n.to_string()
                                min="3".to_string()
                                max="50".to_string()
                            />
                            <Field
                                label=Msg::FieldRotateSeconds
                                name="rotate_seconds"
                                kind="number"
                                errors=settings_errors
                                value=d.rotate_seconds.to_string()
                                min="5".to_string()
                                max="300".to_string()
                            />
                        </div>
                        <fieldset class="team-view">
                            <legend>{lang.t(Msg::TeamsSeeAfterPublication)}</legend>
                            <Checkbox label=Msg::FieldShowRank name="show_rank" checked=d.show_rank />
                            <Checkbox label=Msg::FieldShowMarks name="show_marks" checked=d.show_marks />
                            <Checkbox label=Msg::FieldShowComments name="show_comments" checked=d.show_comments />
                        </fieldset>
                        <Submit label=Msg::Save />
                    </ActionForm>
                };
                let announce_box = view! {
                    <h2>{lang.t(Msg::AnnouncementsTitle)}</h2>
                    <ActionForm action=announce>
                        <FormError errors=announce_errors />
                        <EventIdInput event_id />
                        <TextArea label=Msg::AnnouncementAr name="body_ar" errors=announce_errors rows=2 />
                        <TextArea label=Msg::AnnouncementFr name="body_fr" errors=announce_errors rows=2 />
                        <TextArea label=Msg::AnnouncementEn name="body_en" errors=announce_errors rows=2 />
                        <Checkbox label=Msg::AnnouncementPublic name="public" />
                        <Submit label=Msg::PostAnnouncement />
                    </ActionForm>
                    <FormError errors=retire_errors />
                    <ul class="announcements-list">
                        {d
                            .announcements
                            .into_iter()
                            .map(|a| {
                                view! {
                                    <li class="card">
                                        <time>{a.at.clone()}</time>
                                        " · "
                                        <span class="badge" data-open=a.public.to_string()>
                                            {lang
                                                .t(
                                                    if a.public {
                                                        Msg::AnnouncementIsPublic
                                                    } else {
                                                        Msg::AnnouncementMembersOnly
                                                    },
                                                )}
                                        </span>
                                        {Lang::ALL
                                            .into_iter()
                                            .map(|l| (l, a.body.get(l).to_owned()))
                                            .filter(|(_, b)| !b.is_empty())
                                            .map(|(l, b)| {
                                                view! {
                                                    <p lang=l.code() dir=l.dir()>
                                                        {b}
                                                    </p>
                                                }
                                            })
                                            .collect_view()}
                                        <ActionForm action=retire attr:class="inline">
                                            <EventIdInput event_id />
                                            <input type="hidden" name="announcement_id" value=a.id />
                                            <button type="submit" class="button link">
                                                {lang.t(Msg::RetireAnnouncement)}
                                            </button>
                                        </ActionForm>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                };
                view! {
                    <section class="form-page">
                        {head} {reveal_box.into_any()} {freeze_box.into_any()} {settings_box.into_any()}
                        {announce_box.into_any()}
                    </section>
                }
                    .into_any()
            },
        )}
    }
}

/// The public results at /events/{id}/ranking: published results only, as far as revealed.
#[component]
pub fn RankingPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), public_ranking);
    view! {
        {loaded(
            data,
            move |d| {
                view! {
                    <section class="form-page wide ranking-page">
                        <h1 dir="auto">{lang.t(Msg::PublicResults)} ": " {d.event_name.clone()}</h1>
                        {d
                            .mine
                            .clone()
                            .map(|m| {
                                view! {
                                    <div class="card my-result">
                                        <h2 dir="auto">{m.team.clone()}</h2>
                                        <p class="big">
                                            {m
                                                .rank
                                                .map(|r| {
                                                    lang.format(args::YourRank {
                                                        rank: format!("{r} / {}", m.of),
                                                    })
                                                })
                                                .unwrap_or_default()}
                                        </p>
                                        {(!m.track.is_empty() && m.track_rank.is_some())
                                            .then(|| {
                                                view! {
                                                    <p dir="auto">
                                                        {m.track.clone()} ": "
                                                        {m.track_rank.map(|r| r.to_string()).unwrap_or_default()}
                                                    </p>
                                                }
                                            })}
                                        {(!m.marks.is_empty())
                                            .then(|| {
                                                view! {
                                                    <h3>{lang.t(Msg::YourMarks)}</h3>
                                                    <table class="tally my-marks">
                                                        <thead>
                                                            <tr>
                                                                <th scope="col">{lang.t(Msg::Criterion)}</th>
                                                                <th scope="col">{lang.t(Msg::AverageMark)}</th>
                                                                <th scope="col">{lang.t(Msg::MarkScale)}</th>
                                                            </tr>
                                                        </thead>
                                                        <tbody>
                                                            {m
                                                                .marks
                                                                .iter()
                                                                .map(|c| {
                                                                    view! {
                                                                        <tr>
                                                                            <th scope="row" dir="auto">
                                                                                {c.name.clone()}
                                                                            </th>
                                                                            <td>
                                                                                <meter
                                                                                    min=c.min
                                                                                    max=c.max
                                                                                    value=c.average.clone()
                                                                                    aria-hidden="true"
                                                                                ></meter>
                                                                                " "
                                                                                {c.average.clone()}
                                                                            </td>
                                                                            <td dir="ltr">{format!("{}–{}", c.min, c.max)}</td>
                                                                        </tr>
                                                                    }
                                                                })
                                                                .collect_view()}
                                                        </tbody>
                                                    </table>
                                                }
                                            })}
                                        {(!m.feedback.is_empty())
                                            .then(|| {
                                                view! {
                                                    <h3>{lang.t(Msg::JudgesComments)}</h3>
                                                    <ul class="comments">
                                                        {m
                                                            .feedback
                                                            .iter()
                                                            .map(|c| view! { <li dir="auto">{c.clone()}</li> })
                                                            .collect_view()}
                                                    </ul>
                                                }
                                            })}
                                    </div>
                                }
                            })}
                        {d
                            .certificate
                            .then(|| {
                                view! {
                                    <p>
                                        <a class="button primary" href=format!("/events/{}/certificate", d.event_id)>
                                            {lang.t(Msg::MyCertificate)}
                                        </a>
                                    </p>
                                }
                            })}
                        {if d.published {
                            view! { <div class="ranking-board" inner_html=d.html.clone()></div> }.into_any()
                        } else {
                            view! { <p class="notice">{lang.t(Msg::ResultsNotPublished)}</p> }.into_any()
                        }}
                        <LiveRegion event_id=d.event_id topic=crate::live::Topic::Board target="main".to_string() />
                    </section>
                }
                    .into_any()
            },
        )}
    }
}

/// The current announcements on every page of an event, kept live for its members.
#[component]
pub fn AnnouncementBar() -> impl IntoView {
    let location = use_location();
    let event = Memo::new(move |_| {
        let path = location.pathname.get();
        let mut parts = path.trim_start_matches('/').split('/');
        match (parts.next(), parts.next().and_then(|id| id.parse::<i64>().ok()), parts.next()) {
            // The projector shows announcements itself.
            (Some("events"), Some(id), next) if next != Some("projector") => Some(id),
            _ => None,
        }
    });
    let data = Resource::new(
        move || event.get(),
        |id| async move {
            match id {
                Some(id) => event_announcements(id).await.map(|a| Some((id, a))),
                None => Ok(None),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || {
                data.get()
                    .and_then(|r| r.ok().flatten())
                    .filter(|(_, a)| a.member)
                    .map(|(id, a)| {
                        view! {
                            <div id="announcements" class="announcements" role="status">
                                {a
                                    .items
                                    .into_iter()
                                    .map(|(_, text)| {
                                        view! {
                                            <p class="announcement" dir="auto">
                                                {text}
                                            </p>
                                        }
                                    })
                                    .collect_view()}
                                <LiveRegion
                                    event_id=id
                                    topic=crate::live::Topic::Announce
                                    target="announcements".to_string()
                                />
                            </div>
                        }
                    })
            }}
        </Suspense>
    }
}
