//! The team's project page and the organizers' submissions list.

use super::*;
use crate::i18n::{args, use_lang, Lang, Msg};
use crate::ui::{
    action_error, event_id_param, loaded, Alert, EventIdInput, Field, FormError, Notice, Select, Submit, TextArea,
};
use leptos_router::hooks::{use_params_map, use_query_map};

fn status_label(lang: Lang, status: Option<ProjectStatus>) -> &'static str {
    match status {
        Some(ProjectStatus::Submitted) => lang.t(Msg::StatusSubmitted),
        Some(ProjectStatus::Draft) => lang.t(Msg::StatusDraft),
        None => lang.t(Msg::StatusNone),
    }
}

fn field_label(lang: Lang, field: &str) -> &'static str {
    match field {
        "title" => lang.t(Msg::FieldTitle),
        "tagline" => lang.t(Msg::FieldTagline),
        "description" => lang.t(Msg::FieldDescription),
        "track" => lang.t(Msg::FieldTrack),
        "repo_url" => lang.t(Msg::FieldRepoUrl),
        "demo_url" => lang.t(Msg::FieldDemoUrl),
        "video_url" => lang.t(Msg::FieldVideoUrl),
        "technologies" => lang.t(Msg::FieldTechnologies),
        _ => lang.t(Msg::FieldStatus),
    }
}

/// A value of the history as people read it: a stored code (a status) through the catalogue,
/// an empty value as a dash, anything else (titles, track names, links) as it was written.
fn change_value(lang: Lang, field: &str, value: &str) -> String {
    match (field, value) {
        (_, "") => "—".to_owned(),
        ("status", code) => status_label(lang, Some(ProjectStatus::from_code(code))).to_owned(),
        (_, text) => text.chars().take(80).collect(),
    }
}

/// Shows a link only for http(s) URLs (the server accepts nothing else anyway).
fn safe_link(url: &str) -> Option<String> {
    (url.starts_with("https://") || url.starts_with("http://")).then(|| url.to_owned())
}

#[component]
pub fn ProjectPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), project_page);
    let save = ServerAction::<SaveProject>::new();
    let remove = ServerAction::<RemoveScreenshot>::new();
    let (save_errors, remove_errors) = (action_error(save), action_error(remove));
    let upload_errors = crate::ui::url_error("/api/projects/upload");
    let query = use_query_map();
    let saved = Signal::derive(move || query.with(|q| q.get("saved").is_some()));
    view! {
        <Suspense fallback=move || {
            view! { <p>{lang.t(Msg::Loading)}</p> }
        }>
            {move || {
                data.get()
                    .map(|r| match r {
                        Err(e) => {
                            crate::ui::refuse(&e);
                            view! {
                                <Alert message=e.summary(lang) />
                                <a href=format!("/events/{}/team", id.get())>{lang.t(Msg::TeamTitle)}</a>
                            }
                                .into_any()
                        }
                        Ok(p) => {
                            let event_id = p.event_id;
                            let tracks = std::iter::once((String::new(), lang.t(Msg::NoTrackYet).to_owned()))
                                .chain(p.tracks.iter().map(|(id, n)| (id.to_string(), n.clone())))
                                .collect::<Vec<_>>();
                            let selected = p.track_id.map(|t| t.to_string()).unwrap_or_default();
                            view! {
                                <section class="form-page">
                                    <h1 dir="auto">{lang.t(Msg::ProjectTitle)} " · " {p.team_name.clone()}</h1>
                                    <p class="badge">{status_label(lang, Some(p.status))}</p>
                                    <p class=if p.open {
                                        "notice"
                                    } else {
                                        "form-error"
                                    }>
                                        {if p.open {
                                            lang.format(args::DeadlineIs {
                                                deadline: &p.deadline,
                                            })
                                        } else {
                                            lang.format(args::ErrDeadlinePassed {
                                                deadline: &p.deadline,
                                            })
                                        }}
                                    </p>
                                    <Notice when=saved message=Msg::Saved />
                                    <ActionForm action=save>
                                        <FormError errors=save_errors />
                                        <EventIdInput event_id />
                                        <input type="hidden" name="version" value=p.version />
                                        <Field
                                            label=Msg::FieldTitle
                                            name="title"
                                            errors=save_errors
                                            value=p.title.clone()
                                            required=true
                                            dir_auto=true
                                        />
                                        <Field
                                            label=Msg::FieldTagline
                                            name="tagline"
                                            errors=save_errors
                                            value=p.tagline.clone()
                                            dir_auto=true
                                        />
                                        <TextArea
                                            label=Msg::FieldDescription
                                            name="description"
                                            errors=save_errors
                                            value=p.description.clone()
                                            rows=8
                                        />
                                        <Select
                                            label=Msg::FieldTrack
                                            name="track_id"
                                            errors=save_errors
                                            options=tracks
                                            selected=selected
                                        />
                                        <Field
                                            label=Msg::FieldRepoUrl
                                            name="repo_url"
                                            kind="url"
                                            errors=save_errors
                                            value=p.repo_url.clone()
                                        />
                                        <Field
                                            label=Msg::FieldDemoUrl
                                            name="demo_url"
                                            kind="url"
                                            errors=save_errors
                                            value=p.demo_url.clone()
                                        />
                                        <Field
                                            label=Msg::FieldVideoUrl
                                            name="video_url"
                                            kind="url"
                                            errors=save_errors
                                            value=p.video_url.clone()
                                        />
                                        <Field
                                            label=Msg::FieldTechnologies
                                            name="technologies"
                                            errors=save_errors
                                            value=p.technologies.clone()
                                            hint=Msg::HintTags
                                        />
                                        <div class="actions">
                                            <button type="submit" class="button">
                                                {lang.t(Msg::SaveDraft)}
                                            </button>
                                            <button type="submit" class="button primary" name="submit" value="1">
                                                {lang.t(Msg::SubmitProject)}
                                            </button>
                                        </div>
                                    </ActionForm>

                                    <h2>{lang.t(Msg::ScreenshotsTitle)}</h2>
                                    <FormError errors=remove_errors />
                                    <ul class="shots">
                                        {p
                                            .screenshots
                                            .clone()
                                            .into_iter()
                                            .map(|s| {
                                                view! {
                                                    <li>
                                                        <img
                                                            src=s.url.clone()
                                                            alt=lang.t(Msg::ScreenshotAlt)
                                                            loading="lazy"
                                                        />
                                                        {p
                                                            .open
                                                            .then(|| {
                                                                view! {
                                                                    <ActionForm action=remove attr:class="inline">
                                                                        <EventIdInput event_id />
                                                                        <input type="hidden" name="screenshot_id" value=s.id />
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
                                    {(p.open && p.version > 0)
                                        .then(|| {
                                            view! {
                                                <form
                                                    method="post"
                                                    action="/api/projects/upload"
                                                    enctype="multipart/form-data"
                                                >
                                                    <FormError errors=upload_errors />
                                                    <EventIdInput event_id />
                                                    <div class="field">
                                                        <label for="f-screenshot">{lang.t(Msg::FieldScreenshot)}</label>
                                                        <p class="hint" id="f-screenshot-hint">
                                                            {lang.t(Msg::HintScreenshot)}
                                                        </p>
                                                        <input
                                                            id="f-screenshot"
                                                            type="file"
                                                            name=SCREENSHOT_FIELD
                                                            accept="image/png,image/jpeg,image/webp,image/gif"
                                                            aria-describedby="f-screenshot-hint"
                                                        />
                                                        <p class="field-error" id="f-screenshot-error" role="alert">
                                                            {move || {
                                                                upload_errors
                                                                    .get()
                                                                    .and_then(|e| e.field_text(SCREENSHOT_FIELD, lang))
                                                            }}
                                                        </p>
                                                    </div>
                                                    <Submit label=Msg::Upload />
                                                </form>
                                            }
                                        })}

                                    <h2>{lang.t(Msg::HistoryTitle)}</h2>
                                    <HistoryList history=p.history.clone() />
                                </section>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}

#[component]
fn HistoryList(history: Vec<HistoryEntry>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ol class="history">
            {history
                .into_iter()
                .map(|h| {
                    view! {
                        <li>
                            <p>
                                <strong dir="auto">{h.who}</strong>
                                " · "
                                <time>{h.at}</time>
                            </p>
                            <ul>
                                {h
                                    .changes
                                    .into_iter()
                                    .map(|(field, before, after)| {
                                        view! {
                                            <li>
                                                {field_label(lang, &field)} ": "
                                                <del dir="auto">{change_value(lang, &field, &before)}</del> " → "
                                                <ins dir="auto">{change_value(lang, &field, &after)}</ins>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

#[component]
pub fn SubmissionsPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let query = use_query_map();
    let filters = Signal::derive(move || {
        query.with(|q| (q.get("track").unwrap_or_default(), q.get("status").unwrap_or_default()))
    });
    let rows =
        Resource::new(move || (id.get(), filters.get()), |(id, (track, status))| list_submissions(id, track, status));
    let extend = ServerAction::<ExtendDeadline>::new();
    let extend_errors = action_error(extend);
    let statuses = vec![
        (String::new(), lang.t(Msg::AllStatuses).to_owned()),
        (ProjectStatus::Submitted.code().to_owned(), lang.t(Msg::StatusSubmitted).to_owned()),
        (ProjectStatus::Draft.code().to_owned(), lang.t(Msg::StatusDraft).to_owned()),
        ("late".to_owned(), lang.t(Msg::StatusLate).to_owned()),
    ];
    view! {
        <section>
            <div class="page-head">
                <h1>{lang.t(Msg::SubmissionsTitle)}</h1>
                <a
                    class="button"
                    href=move || {
                        let (t, s) = filters.get();
                        format!(
                            "/events/{}/submissions.csv?track={}&status={}",
                            id.get(),
                            crate::auth::urlencode(&t),
                            crate::auth::urlencode(&s),
                        )
                    }
                >
                    {lang.t(Msg::ExportCsv)}
                </a>
            </div>
            <form method="get" class="filters">
                <div class="row">
                    <div class="field">
                        <label for="f-track">{lang.t(Msg::FieldTrack)}</label>
                        <input id="f-track" name="track" dir="auto" value=move || filters.get().0 />
                    </div>
                    <div class="field">
                        <label for="f-status">{lang.t(Msg::FieldStatus)}</label>
                        <select id="f-status" name="status">
                            {statuses
                                .into_iter()
                                .map(|(v, l)| {
                                    let selected = filters.get_untracked().1 == v;
                                    view! {
                                        <option value=v selected=selected>
                                            {l}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                </div>
                <button type="submit" class="button">
                    {lang.t(Msg::Filter)}
                </button>
            </form>
            <FormError errors=extend_errors />
            {loaded(
                rows,
                move |rows| {
                    view! {
                        <table class="people submissions">
                            <thead>
                                <tr>
                                    <th>{lang.t(Msg::FieldTeamName)}</th>
                                    <th>{lang.t(Msg::FieldTitle)}</th>
                                    <th>{lang.t(Msg::FieldTrack)}</th>
                                    <th>{lang.t(Msg::FieldStatus)}</th>
                                    <th>{lang.t(Msg::Updated)}</th>
                                    <th>{lang.t(Msg::Links)}</th>
                                    <th>{lang.t(Msg::ExtendDeadline)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <tr>
                                                <td dir="auto">
                                                    <a href=format!(
                                                        "/events/{}/submissions/{}",
                                                        id.get_untracked(),
                                                        r.team_id,
                                                    )>{r.team_name.clone()}</a>
                                                </td>
                                                <td dir="auto">{r.title.clone()}</td>
                                                <td dir="auto">{r.track.clone()}</td>
                                                <td>
                                                    {status_label(lang, r.status)}
                                                    {r
                                                        .late
                                                        .then(|| {
                                                            view! {
                                                                " · "
                                                                <strong>{lang.t(Msg::StatusLate)}</strong>
                                                            }
                                                        })}
                                                </td>
                                                <td>
                                                    <time>{r.updated.clone()}</time>
                                                </td>
                                                <td>
                                                    {safe_link(&r.repo_url)
                                                        .map(|u| {
                                                            view! {
                                                                <a href=u rel="noopener noreferrer nofollow">
                                                                    {lang.t(Msg::FieldRepoUrl)}
                                                                </a>
                                                                " "
                                                            }
                                                        })}
                                                    {safe_link(&r.demo_url)
                                                        .map(|u| {
                                                            view! {
                                                                <a href=u rel="noopener noreferrer nofollow">
                                                                    {lang.t(Msg::FieldDemoUrl)}
                                                                </a>
                                                            }
                                                        })}
                                                </td>
                                                <td>
                                                    <ActionForm action=extend>
                                                        <EventIdInput event_id=id.get_untracked() />
                                                        <input type="hidden" name="team_id" value=r.team_id />
                                                        <label
                                                            class="visually-hidden"
                                                            for=format!("f-until-{}", r.team_id)
                                                        >
                                                            {lang.t(Msg::ExtendDeadline)}
                                                        </label>
                                                        <input
                                                            id=format!("f-until-{}", r.team_id)
                                                            type="datetime-local"
                                                            name="until"
                                                            value=r
                                                                .extended_to
                                                                .clone()
                                                                .map(|t| t.replace(' ', "T"))
                                                                .unwrap_or_default()
                                                        />
                                                        <button type="submit" class="button">
                                                            {lang.t(Msg::Save)}
                                                        </button>
                                                    </ActionForm>
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                },
            )}
        </section>
    }
}

/// One team's project as organizers see it: every field, the screenshots and the history.
#[component]
pub fn SubmissionDetailPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let ids = Signal::derive(move || {
        params.with(|p| {
            let n = |k: &str| p.get(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
            (n("id"), n("team"))
        })
    });
    let data = Resource::new(move || ids.get(), |(event, team)| project_detail(event, team));
    view! {
        {loaded(
            data,
            move |p| {
                let track = p
                    .track_id
                    .and_then(|t| p.tracks.iter().find(|(id, _)| *id == t).map(|(_, n)| n.clone()))
                    .unwrap_or_default();
                view! {
                    <article class="form-page">
                        <p>
                            <a href=format!("/events/{}/submissions", p.event_id)>{lang.t(Msg::SubmissionsTitle)}</a>
                        </p>
                        <h1 dir="auto">{p.title.clone()}</h1>
                        <p class="muted" dir="auto">
                            {p.team_name.clone()}
                            " · "
                            {status_label(lang, Some(p.status))}
                        </p>
                        <p class="lead" dir="auto">
                            {p.tagline.clone()}
                        </p>
                        <dl class="schedule">
                            <dt>{lang.t(Msg::FieldTrack)}</dt>
                            <dd dir="auto">{track}</dd>
                            <dt>{lang.t(Msg::FieldTechnologies)}</dt>
                            <dd>{p.technologies.clone()}</dd>
                            <dt>{lang.t(Msg::FieldRepoUrl)}</dt>
                            <dd>
                                {safe_link(&p.repo_url)
                                    .map(|u| {
                                        let text = u.clone();
                                        view! {
                                            <a href=u rel="noopener noreferrer nofollow">
                                                {text}
                                            </a>
                                        }
                                    })}
                            </dd>
                            <dt>{lang.t(Msg::FieldDemoUrl)}</dt>
                            <dd>
                                {safe_link(&p.demo_url)
                                    .map(|u| {
                                        let text = u.clone();
                                        view! {
                                            <a href=u rel="noopener noreferrer nofollow">
                                                {text}
                                            </a>
                                        }
                                    })}
                            </dd>
                            <dt>{lang.t(Msg::FieldVideoUrl)}</dt>
                            <dd>
                                {safe_link(&p.video_url)
                                    .map(|u| {
                                        let text = u.clone();
                                        view! {
                                            <a href=u rel="noopener noreferrer nofollow">
                                                {text}
                                            </a>
                                        }
                                    })}
                            </dd>
                            <dt>{lang.t(Msg::SubmissionDeadline)}</dt>
                            <dd>
                                <time>{p.deadline.clone()}</time>
                            </dd>
                        </dl>
                        <p class="description" dir="auto">
                            {p.description.clone()}
                        </p>
                        <ul class="shots">
                            {p
                                .screenshots
                                .clone()
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <li>
                                            <img src=s.url alt=lang.t(Msg::ScreenshotAlt) loading="lazy" />
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <h2>{lang.t(Msg::HistoryTitle)}</h2>
                        <HistoryList history=p.history.clone() />
                    </article>
                }
                    .into_any()
            },
        )}
    }
}
