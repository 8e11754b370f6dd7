//! Judging pages: the organizer's console, rubric builder and results; the judge's desk and
//! conflicts; the phone sign-in link.

use super::desk::{CriterionField, ScoreDesk};
use super::manage::*;
use super::results::Method;
use super::rubric::{scale_code, Criterion, MAX_CRITERIA, SCALES};
use super::score::*;
use crate::error::AppError;
use crate::events::people::{RemoveButton, RemoveRole, RetireJudge};
use crate::i18n::{args, use_lang, Lang, Msg};
use crate::live::LiveRegion;
use crate::ui::{
    action_error, event_id_param, loaded, Checkbox, EventIdInput, Field, FormError, LocalizedField, RetiredMark,
    Select, Submit,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

fn score_text(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1}")).unwrap_or_else(|| "–".into())
}

#[component]
pub fn JudgingPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let settings = ServerAction::<SaveJudgingSettings>::new();
    let add = ServerAction::<AddJudge>::new();
    let reset = ServerAction::<ResetPass>::new();
    let show = ServerAction::<ShowPass>::new();
    let extend = ServerAction::<ExtendPass>::new();
    let update = ServerAction::<UpdateJudge>::new();
    let run = ServerAction::<RunAssignment>::new();
    let extra = ServerAction::<AddExtraJudge>::new();
    let table = ServerAction::<SetTable>::new();
    let remove = ServerAction::<RemoveRole>::new();
    let retire = ServerAction::<RetireJudge>::new();
    let data = Resource::new(move || id.get(), judging_console);
    let (settings_errors, add_errors, judge_errors, run_errors) =
        (action_error(settings), action_error(add), action_error(update), action_error(run));
    let (reset_errors, extra_errors, table_errors) = (action_error(reset), action_error(extra), action_error(table));
    let (show_errors, extend_errors) = (action_error(show), action_error(extend));
    let (remove_errors, retire_errors) = (action_error(remove), action_error(retire));
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                let s = d.settings.clone();
                let track_options: Vec<(String, String)> = std::iter::once((
                        String::new(),
                        lang.t(Msg::AllTracks).to_owned(),
                    ))
                    .chain(d.tracks.iter().map(|(id, n)| (id.to_string(), n.clone())))
                    .collect();
                let room_options: Vec<(i64, String)> = d.rooms.clone();
                let under = d.coverage.iter().filter(|c| c.under).count();
                let absent_flagged = d.coverage.iter().filter(|c| c.absent_flagged).count();
                // Offered once the event has rooms: a judge can be kept to some of them.
                view! {
                    <section class="form-page wide">
                        <div class="page-head">
                            <h1 dir="auto">{lang.t(Msg::JudgingTitle)} ": " {d.event_name.clone()}</h1>
                            <a href=format!("/events/{event_id}/rubric")>{lang.t(Msg::RubricTitle)}</a>
                            <a href=format!("/events/{event_id}/results")>{lang.t(Msg::ResultsTitle)}</a>
                            <a href=format!("/events/{event_id}/audit")>{lang.t(Msg::AuditTitle)}</a>
                            <a href=format!("/events/{event_id}/sheets")>{lang.t(Msg::PrintScoreSheets)}</a>
                            <a href=format!("/events/{event_id}/stage")>{lang.t(Msg::StageTitle)}</a>
                            <a href=format!("/events/{event_id}/checkin")>{lang.t(Msg::CheckinTitle)}</a>
                            <a href=format!("/events/{event_id}/rooms")>{lang.t(Msg::RoomsTitle)}</a>
                            <a href=format!("/events/{event_id}/slots")>{lang.t(Msg::SlotsTitle)}</a>
                            <a href=format!("/events/{event_id}/show")>{lang.t(Msg::PublishTitle)}</a>
                            <a href=format!("/events/{event_id}/dashboard")>{lang.t(Msg::DashboardTitle)}</a>
                            <a href=format!("/events/{event_id}/manage")>{lang.t(Msg::ManageEvent)}</a>
                        </div>
                        {(!d.has_rubric)
                            .then(|| {
                                view! {
                                    <p class="notice">
                                        {lang.t(Msg::HintNoRubricYet)} " "
                                        <a href=format!("/events/{event_id}/rubric")>{lang.t(Msg::RubricTitle)}</a>
                                    </p>
                                }
                            })}
                        <p class="badge" data-open=s.open_now.to_string()>
                            {lang.t(if s.open_now { Msg::JudgingIsOpen } else { Msg::JudgingIsClosed })}
                        </p>

                        <h2>{lang.t(Msg::JudgingSettings)}</h2>
                        <ActionForm action=settings>
                            <FormError errors=settings_errors />
                            <EventIdInput event_id />
                            <input type="hidden" name="version" value=s.version />
                            <div class="grid-2">
                                <Field
                                    label=Msg::FieldJudgesPerProject
                                    name="judges_per_project"
                                    kind="number"
                                    errors=settings_errors
                                    value=s.judges_per_project.to_string()
                                    min="1".to_string()
                                    required=true
                                />
                                <Field
                                    label=Msg::FieldDisagreement
                                    name="disagreement"
                                    kind="number"
                                    errors=settings_errors
                                    value=s.disagreement.to_string()
                                    min="1".to_string()
                                    hint=Msg::HintDisagreement
                                />
                                <Select
                                    label=Msg::FieldMethod
                                    name="method"
                                    errors=settings_errors
                                    selected=s.method.clone()
                                    options=vec![
                                        (Method::Z.code().into(), lang.t(Msg::MethodZ).into()),
                                        (Method::Raw.code().into(), lang.t(Msg::MethodRaw).into()),
                                    ]
                                />
                                <Select
                                    label=Msg::FieldJudgingState
                                    name="state"
                                    errors=settings_errors
                                    selected=s.state.clone()
                                    options=vec![
                                        ("scheduled".into(), lang.t(Msg::StateScheduled).into()),
                                        ("open".into(), lang.t(Msg::StateOpen).into()),
                                        ("closed".into(), lang.t(Msg::StateClosed).into()),
                                    ]
                                />
                            </div>
                            <Checkbox label=Msg::FieldHideNames name="hide_names" checked=s.hide_names />
                            <Submit label=Msg::Save />
                        </ActionForm>

                        <h2 id="judges">{lang.t(Msg::JudgesTitle)}</h2>
                        <p class="hint">{lang.t(Msg::HintJudgePasses)}</p>
                        <ActionForm action=add>
                            <FormError errors=add_errors />
                            <EventIdInput event_id />
                            <Field
                                label=Msg::FieldDisplayName
                                name="display_name"
                                errors=add_errors
                                required=true
                                dir_auto=true
                            />
                            <Submit label=Msg::AddJudge />
                        </ActionForm>
                        <FormError errors=reset_errors />
                        <FormError errors=show_errors />
                        <FormError errors=extend_errors />
                        <FormError errors=judge_errors />
                        <FormError errors=remove_errors />
                        <FormError errors=retire_errors />
                        <ul class="judges">
                            {d
                                .judges
                                .clone()
                                .into_iter()
                                .map(|j| {
                                    let track_options = track_options.clone();
                                    let room_options = room_options.clone();
                                    let judge_rooms = j.rooms.clone();
                                    let uid = j.user_id;
                                    let live = j.pass.as_ref().is_some_and(|p| !p.expired);
                                    let (own, has_pass) = (j.own_login, j.pass.is_some());
                                    let login = if own { "own" } else { "pass" };
                                    view! {
                                        <li class="card judge" class:inactive=!j.active data-login=login>
                                            <p>
                                                <strong dir="auto">{j.name.clone()}</strong>
                                                <RetiredMark retired=j.retired />
                                                " · "
                                                <span class="progress-text">
                                                    {lang
                                                        .format(args::JudgeProgress {
                                                            progress: format!("{}/{}", j.done, j.assigned),
                                                        })}
                                                </span>
                                                {(j.declared_conflicts > 0)
                                                    .then(|| {
                                                        view! {
                                                            " · "
                                                            {lang
                                                                .format(args::DeclaredConflicts {
                                                                    count: j.declared_conflicts,
                                                                })}
                                                        }
                                                    })}
                                            </p>
                                            {(!j.mentored.is_empty())
                                                .then(|| {
                                                    view! {
                                                        <p class="hint mentored">
                                                            {lang.t(Msg::DoesNotJudgeMentored)} " "
                                                            {j
                                                                .mentored
                                                                .iter()
                                                                .map(|(team, source)| {
                                                                    format!("{team} ({})", lang.t(source.label()))
                                                                })
                                                                .collect::<Vec<_>>()
                                                                .join(", ")}
                                                        </p>
                                                    }
                                                })}
                                            <p class="pass-state">
                                                <span class="tag">
                                                    {lang
                                                        .t(
                                                            if j.own_login {
                                                                Msg::JudgeOwnLogin
                                                            } else {
                                                                Msg::JudgePassOnly
                                                            },
                                                        )}
                                                </span>
                                                " "
                                                {match (&j.pass, j.own_login) {
                                                    (Some(p), _) if p.expired => {
                                                        view! {
                                                            <span class="muted">
                                                                {lang
                                                                    .format(args::PassExpiredOn {
                                                                        date: p.expires.clone(),
                                                                    })}
                                                            </span>
                                                        }
                                                            .into_any()
                                                    }
                                                    (Some(p), _) => {
                                                        view! {
                                                            <span class="muted">
                                                                {lang
                                                                    .format(args::PassValidUntil {
                                                                        date: p.expires.clone(),
                                                                    })}
                                                            </span>
                                                        }
                                                            .into_any()
                                                    }
                                                    (None, false) => {
                                                        view! { <span class="muted">{lang.t(Msg::PassNone)}</span> }
                                                            .into_any()
                                                    }
                                                    (None, true) => ().into_any(),
                                                }}
                                            </p>
                                            {j
                                                .fresh
                                                .clone()
                                                .map(|f| {
                                                    view! {
                                                        <div class="pass-fresh notice" role="status">
                                                            <p>{lang.t(Msg::PassShownOnce)}</p>
                                                            <div
                                                                class="qr"
                                                                aria-hidden="true"
                                                                inner_html=f.qr_svg
                                                            ></div>
                                                            <p>
                                                                <label>
                                                                    {lang.t(Msg::JudgePassLink)}
                                                                    <input class="copy pass-link" readonly value=f.url />
                                                                </label>
                                                            </p>
                                                        </div>
                                                    }
                                                })}
                                            {(!j.retired)
                                                .then(move || {
                                                    view! {
                                                        <div class="row-actions">
                                                            {(!own)
                                                                .then(|| {
                                                                    view! {
                                                                        {live
                                                                            .then(|| {
                                                                                view! {
                                                                                    <ActionForm action=show attr:class="inline">
                                                                                        <EventIdInput event_id />
                                                                                        <input type="hidden" name="user_id" value=uid />
                                                                                        <button type="submit" class="button link">
                                                                                            {lang.t(Msg::ShowPass)}
                                                                                        </button>
                                                                                    </ActionForm>
                                                                                }
                                                                            })}
                                                                        {has_pass
                                                                            .then(|| {
                                                                                view! {
                                                                                    <ActionForm action=extend attr:class="inline">
                                                                                        <EventIdInput event_id />
                                                                                        <input type="hidden" name="user_id" value=uid />
                                                                                        <label for=format!(
                                                                                            "f-days-{uid}",
                                                                                        )>{lang.t(Msg::FieldExtendDays)}</label>
                                                                                        <input
                                                                                            id=format!("f-days-{uid}")
                                                                                            name="days"
                                                                                            type="number"
                                                                                            min="1"
                                                                                            max=MAX_EXTEND_DAYS.to_string()
                                                                                            size="3"
                                                                                            value="1"
                                                                                        />
                                                                                        <button type="submit" class="button link">
                                                                                            {lang.t(Msg::ExtendPass)}
                                                                                        </button>
                                                                                    </ActionForm>
                                                                                }
                                                                            })}
                                                                    }
                                                                })}
                                                            {(!own || has_pass)
                                                                .then(|| {
                                                                    view! {
                                                                        <ActionForm action=reset attr:class="inline">
                                                                            <EventIdInput event_id />
                                                                            <input type="hidden" name="user_id" value=uid />
                                                                            {(!own)
                                                                                .then(|| {
                                                                                    view! {
                                                                                        <button
                                                                                            type="submit"
                                                                                            name="action"
                                                                                            value="renew"
                                                                                            class="button link"
                                                                                        >
                                                                                            {lang.t(Msg::RenewPass)}
                                                                                        </button>
                                                                                    }
                                                                                })}
                                                                            {has_pass
                                                                                .then(|| {
                                                                                    view! {
                                                                                        <button
                                                                                            type="submit"
                                                                                            name="action"
                                                                                            value="revoke"
                                                                                            class="button link danger"
                                                                                        >
                                                                                            {lang.t(Msg::RevokePass)}
                                                                                        </button>
                                                                                    }
                                                                                })}
                                                                        </ActionForm>
                                                                    }
                                                                })} <ActionForm action=update attr:class="inline">
                                                                <EventIdInput event_id />
                                                                <input type="hidden" name="user_id" value=uid />
                                                                <span class="checkbox">
                                                                    <input
                                                                        type="checkbox"
                                                                        id=format!("f-active-{uid}")
                                                                        name="active"
                                                                        value="on"
                                                                        checked=j.active
                                                                    />
                                                                    <label for=format!(
                                                                        "f-active-{uid}",
                                                                    )>{lang.t(Msg::JudgeAvailable)}</label>
                                                                </span>
                                                                <label class="visually-hidden" for=format!("f-track-{uid}")>
                                                                    {lang.t(Msg::FieldTrack)}
                                                                </label>
                                                                <select id=format!("f-track-{uid}") name="track">
                                                                    {track_options
                                                                        .into_iter()
                                                                        .map(|(v, l)| {
                                                                            let sel = j.track.map(|t| t.to_string()).unwrap_or_default()
                                                                                == v;
                                                                            view! {
                                                                                <option value=v selected=sel>
                                                                                    {l}
                                                                                </option>
                                                                            }
                                                                        })
                                                                        .collect_view()}
                                                                </select>
                                                                // None ticked: every room.
                                                                {(!room_options.is_empty())
                                                                    .then(|| {
                                                                        view! {
                                                                            <fieldset class="judge-rooms">
                                                                                <legend>{lang.t(Msg::JudgeRooms)}</legend>
                                                                                {room_options
                                                                                    .into_iter()
                                                                                    .map(|(id, name)| {
                                                                                        let field = format!("f-room-{uid}-{id}");
                                                                                        view! {
                                                                                            <span class="checkbox">
                                                                                                <input
                                                                                                    type="checkbox"
                                                                                                    id=field.clone()
                                                                                                    name=format!("rooms[{id}]")
                                                                                                    value="on"
                                                                                                    checked=judge_rooms.contains(&id)
                                                                                                />
                                                                                                <label for=field dir="auto">
                                                                                                    {name}
                                                                                                </label>
                                                                                            </span>
                                                                                        }
                                                                                    })
                                                                                    .collect_view()}
                                                                            </fieldset>
                                                                        }
                                                                    })}
                                                                <button type="submit" class="button link">
                                                                    {lang.t(Msg::Save)}
                                                                </button>
                                                            </ActionForm>
                                                            <RemoveButton
                                                                event_id
                                                                user_id=uid
                                                                role=crate::auth::Role::Judge
                                                                retire=j.scored
                                                                remove
                                                                retire_action=retire
                                                            />
                                                        </div>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>

                        <h2 id="assignment">{lang.t(Msg::AssignmentTitle)}</h2>
                        <p class="hint">{lang.t(Msg::HintJudgeAssignment)}</p>
                        <ActionForm action=run>
                            <FormError errors=run_errors />
                            <EventIdInput event_id />
                            <Field
                                label=Msg::FieldSeed
                                name="seed"
                                kind="number"
                                errors=run_errors
                                value="1"
                                hint=Msg::HintSeedJudges
                            />
                            <Checkbox label=Msg::FieldRebalanceJudges name="rebalance" />
                            <Checkbox label=Msg::FieldPresentOnly name="present_only" hint=Msg::HintPresentOnly />
                            <Submit label=Msg::RunAssignment />
                        </ActionForm>
                        <FormError errors=extra_errors />
                        <FormError errors=table_errors />
                        <LiveRegion event_id topic=crate::live::Topic::Judging target="coverage".to_string() />
                        <div id="coverage">
                            {(under > 0)
                                .then(|| {
                                    view! {
                                        <p class="form-error" role="status">
                                            {lang.format(args::UnderCovered { count: under })}
                                        </p>
                                    }
                                })}
                            {(absent_flagged > 0)
                                .then(|| {
                                    view! {
                                        <p class="form-error" role="alert">
                                            {lang
                                                .format(args::AbsentFlagged {
                                                    count: absent_flagged,
                                                })}
                                        </p>
                                    }
                                })} <div class="table-scroll">
                                <table class="people coverage">
                                    <thead>
                                        <tr>
                                            <th>{lang.t(Msg::ProjectCode)}</th>
                                            <th>{lang.t(Msg::FieldTitle)}</th>
                                            <th>{lang.t(Msg::FieldTrack)}</th>
                                            <th>{lang.t(Msg::TableLabel)}</th>
                                            <th>{lang.t(Msg::JudgesTitle)}</th>
                                            <th></th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {d
                                            .coverage
                                            .clone()
                                            .into_iter()
                                            .map(|c| {
                                                view! {
                                                    <tr
                                                        class:under=c.under
                                                        class:flagged=c.flagged
                                                        class:absent-flagged=c.absent_flagged
                                                        data-project=c.project_id
                                                    >
                                                        <td>{c.code.clone()}</td>
                                                        <td dir="auto">
                                                            {c.title.clone()} <br />
                                                            <span class="muted">{c.team.clone()}</span>
                                                        </td>
                                                        <td dir="auto">{c.track.clone()}</td>
                                                        <td>
                                                            <ActionForm action=table attr:class="inline">
                                                                <EventIdInput event_id />
                                                                <input type="hidden" name="project_id" value=c.project_id />
                                                                <label
                                                                    class="visually-hidden"
                                                                    for=format!("f-table-{}", c.project_id)
                                                                >
                                                                    {lang.t(Msg::TableLabel)}
                                                                </label>
                                                                <input
                                                                    id=format!("f-table-{}", c.project_id)
                                                                    name="table_label"
                                                                    size="6"
                                                                    value=c.table_label.clone()
                                                                />
                                                                <button type="submit" class="button link">
                                                                    {lang.t(Msg::Save)}
                                                                </button>
                                                            </ActionForm>
                                                        </td>
                                                        <td class="judges-cell">
                                                            {c
                                                                .judges
                                                                .iter()
                                                                .map(|j| {
                                                                    view! {
                                                                        <span
                                                                            class="tag"
                                                                            class:done=j.done
                                                                            class:absent=j.absent
                                                                            dir="auto"
                                                                        >
                                                                            {j.name.clone()}
                                                                            {if j.absent {
                                                                                Some(" ✗")
                                                                            } else {
                                                                                j.done.then_some(" ✓")
                                                                            }}
                                                                        </span>
                                                                        " "
                                                                    }
                                                                })
                                                                .collect_view()}
                                                            {c
                                                                .flagged
                                                                .then(|| {
                                                                    view! { <span class="badge">{lang.t(Msg::Flagged)}</span> }
                                                                })}
                                                            {(c.absent_marks > 0)
                                                                .then(|| {
                                                                    view! {
                                                                        <span class="badge badge-absent">
                                                                            {lang
                                                                                .format(args::AbsentMarks {
                                                                                    count: c.absent_marks,
                                                                                })}
                                                                        </span>
                                                                    }
                                                                })}
                                                            {c
                                                                .checked_in
                                                                .map(|here| {
                                                                    view! {
                                                                        <span class="muted">
                                                                            " "
                                                                            {lang
                                                                                .t(
                                                                                    if here { Msg::CheckinHere } else { Msg::CheckinNotHere },
                                                                                )}
                                                                        </span>
                                                                    }
                                                                })}
                                                        </td>
                                                        <td>
                                                            <ActionForm action=extra attr:class="inline">
                                                                <EventIdInput event_id />
                                                                <input type="hidden" name="project_id" value=c.project_id />
                                                                <button type="submit" class="button link">
                                                                    {lang.t(Msg::AddExtraJudge)}
                                                                </button>
                                                            </ActionForm>
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        </div>
                    </section>
                }
                    .into_any()
            },
        )}
    }
}

/// How many criterion blocks the builder shows open: the criteria in use and one empty block
/// to write the next, or two for a rubric not written yet (a rubric rarely has one).
fn shown_rows(in_use: usize) -> usize {
    (if in_use == 0 { 2 } else { in_use + 1 }).min(MAX_CRITERIA)
}

/// The blocks from `i` on, each behind an "add a criterion" control that opens it together
/// with the next control. Plain HTML (`<details>`), so it works without script and without a
/// round trip; closed blocks are still posted, empty, and the rubric skips empty rows. A block
/// is open when a refused plain post sent back a name typed in it or in a later one.
fn more_rows(lang: Lang, i: usize, errors: Signal<Option<AppError>>) -> AnyView {
    if i > MAX_CRITERIA {
        return ().into_any();
    }
    let typed = (i..=MAX_CRITERIA).any(|j| {
        Lang::ALL.into_iter().any(|l| {
            crate::ui::echoed(&format!("fields[{}]", crate::i18n::input_name(&format!("name_{j}"), l)))
                .is_some_and(|v| !v.trim().is_empty())
        })
    });
    view! {
        <details class="add-criterion" open=typed>
            <summary class="button">{lang.t(Msg::AddCriterion)}</summary>
            {criterion_row(lang, i, None, errors)}
            {more_rows(lang, i + 1, errors)}
        </details>
    }
    .into_any()
}

fn criterion_row(lang: Lang, i: usize, c: Option<&Criterion>, errors: Signal<Option<AppError>>) -> impl IntoView {
    let field = move |name: &str| format!("{name}_{i}");
    let message = move |name: String| move || errors.get().and_then(|e| e.field_text(&name, lang));
    let scale = c.map(|c| scale_code(c.min, c.max)).unwrap_or_else(|| "1-5".into());
    let weight_id = format!("f-{}", field("weight"));
    let scale_id = format!("f-{}", field("scale"));
    view! {
        <fieldset class="card criterion-row">
            <legend>{lang.format(args::CriterionN { number: i })}</legend>
            <LocalizedField
                label=Msg::FieldCriterionName
                name=field("name")
                errors
                map="fields"
                value=c.map(|c| c.name.clone()).unwrap_or_default()
            />
            <LocalizedField
                label=Msg::FieldDescription
                name=field("description")
                errors
                map="fields"
                value=c.map(|c| c.description.clone()).unwrap_or_default()
            />
            <div class="grid-2">
                <div class="field">
                    <label for=weight_id.clone()>{lang.t(Msg::FieldWeight)}</label>
                    <input
                        id=weight_id.clone()
                        name=format!("fields[{}]", field("weight"))
                        type="number"
                        value=c.map(|c| c.weight.to_string()).unwrap_or_else(|| "1".into())
                        aria-describedby=format!("{weight_id}-error")
                    />
                    <p class="field-error" id=format!("{weight_id}-error") role="alert">
                        {message(field("weight"))}
                    </p>
                </div>
                <div class="field">
                    <label for=scale_id.clone()>{lang.t(Msg::FieldScale)}</label>
                    <select id=scale_id.clone() name=format!("fields[{}]", field("scale"))>
                        {SCALES
                            .iter()
                            .map(|(a, b)| {
                                let code = scale_code(*a, *b);
                                let sel = code == scale;
                                view! {
                                    <option value=code.clone() selected=sel>
                                        {format!("{a} – {b}")}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p class="field-error" id=format!("{scale_id}-error") role="alert">
                        {message(field("scale"))}
                    </p>
                </div>
            </div>
            <LocalizedField
                label=Msg::FieldLevels
                name=field("levels")
                errors
                map="fields"
                rows=3
                hint=Msg::HintLevels
                value=c.map(Criterion::levels_text).unwrap_or_default()
            />
        </fieldset>
    }
}

#[component]
pub fn RubricPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let query = use_query_map();
    let scope = Signal::derive(move || query.with(|q| q.get("scope").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0)));
    let save = ServerAction::<SaveRubric>::new();
    let data = Resource::new(move || (id.get(), scope.get()), |(id, scope)| load_rubric(id, scope));
    let errors = action_error(save);
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                let criteria = d.criteria.clone();
                view! {
                    <section class="form-page wide">
                        <div class="page-head">
                            <h1>{lang.t(Msg::RubricTitle)}</h1>
                            <a href=format!("/events/{event_id}/judging")>{lang.t(Msg::JudgingTitle)}</a>
                        </div>
                        <nav class="tabs" aria-label=lang.t(Msg::FieldTrack)>
                            <a href=format!("/events/{event_id}/rubric") aria-current=(d.scope == 0).then_some("page")>
                                {lang.t(Msg::RubricEventWide)}
                            </a>
                            {d
                                .tracks
                                .iter()
                                .map(|(tid, name)| {
                                    view! {
                                        <a
                                            href=format!("/events/{event_id}/rubric?scope={tid}")
                                            aria-current=(d.scope == *tid).then_some("page")
                                            dir="auto"
                                        >
                                            {name.clone()}
                                        </a>
                                    }
                                })
                                .collect_view()}
                        </nav>
                        {d.inherited.then(|| view! { <p class="notice">{lang.t(Msg::RubricInherited)}</p> })}
                        {d
                            .locked
                            .then(|| {
                                view! {
                                    <p class="notice" role="status">
                                        {lang.t(Msg::RubricLocked)}
                                    </p>
                                }
                            })}
                        {(!d.affected.is_empty())
                            .then(|| {
                                view! {
                                    <div class="form-error" role="status">
                                        <p>{lang.t(Msg::RubricAffected)}</p>
                                        <ul>
                                            {d
                                                .affected
                                                .iter()
                                                .map(|a| view! { <li dir="auto">{a.clone()}</li> })
                                                .collect_view()}
                                        </ul>
                                    </div>
                                }
                            })}
                        {(d.version > 0)
                            .then(|| {
                                view! {
                                    <p class="muted">
                                        {lang
                                            .format(args::RubricVersion {
                                                version: d.version,
                                            })}
                                    </p>
                                }
                            })}
                        <ActionForm action=save>
                            <FormError errors />
                            <EventIdInput event_id />
                            <input type="hidden" name="scope" value=d.scope />
                            <input type="hidden" name="version" value=d.version />
                            <p class="hint">{lang.t(Msg::HintContentLanguages)}</p>
                            {(1..=shown_rows(criteria.len()))
                                .map(|i| criterion_row(lang, i, criteria.get(i - 1), errors))
                                .collect_view()}
                            {more_rows(lang, shown_rows(criteria.len()) + 1, errors)}
                            <Submit label=Msg::SaveRubric />
                        </ActionForm>
                        {(!d.criteria.is_empty())
                            .then(|| {
                                view! {
                                    <h2>{lang.t(Msg::RubricPreview)}</h2>
                                    <div class="desk preview" aria-label=lang.t(Msg::RubricPreview)>
                                        {d
                                            .criteria
                                            .iter()
                                            .map(|c| view! { <CriterionField criterion=c.clone() lang scoring=None /> })
                                            .collect_view()}
                                    </div>
                                }
                            })}
                    </section>
                }
                    .into_any()
            },
        )}
    }
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let extra = ServerAction::<AddExtraJudge>::new();
    let data = Resource::new(move || id.get(), judging_results);
    let extra_errors = action_error(extra);
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                let z = d.method == Method::Z;
                let disagreements: Vec<ResultRow> = d
                    .rows
                    .iter()
                    .filter(|r| r.disagreement || r.flags > 0)
                    .cloned()
                    .collect();
                let mut tracks: Vec<String> = d
                    .rows
                    .iter()
                    .map(|r| r.track.clone())
                    .filter(|t| !t.is_empty())
                    .collect();
                tracks.sort();
                tracks.dedup();
                let table = move |rows: Vec<ResultRow>, per_track: bool| {
                    view! {
                        <div class="table-scroll">
                            <table class="people results">
                                <thead>
                                    <tr>
                                        <th>{lang.t(Msg::Rank)}</th>
                                        <th>{lang.t(Msg::ProjectCode)}</th>
                                        <th>{lang.t(Msg::FieldTitle)}</th>
                                        {(!per_track).then(|| view! { <th>{lang.t(Msg::FieldTrack)}</th> })}
                                        <th>{lang.t(Msg::JudgesTitle)}</th>
                                        <th class:chosen=!z>{lang.t(Msg::MethodRaw)}</th>
                                        <th class:chosen=z>{lang.t(Msg::MethodZ)}</th>
                                        <th>{lang.t(Msg::Spread)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {rows
                                        .into_iter()
                                        .map(|r| {
                                            view! {
                                                <tr class:flagged=r.disagreement data-project=r.project_id>
                                                    <td>
                                                        {(if per_track { r.track_rank } else { r.rank })
                                                            .map(|n| n.to_string())
                                                            .unwrap_or_else(|| "–".into())}
                                                    </td>
                                                    <td>{r.code.clone()}</td>
                                                    <td dir="auto">
                                                        {r.title.clone()} <br />
                                                        <span class="muted">{r.team.clone()}</span>
                                                    </td>
                                                    {(!per_track)
                                                        .then(|| view! { <td dir="auto">{r.track.clone()}</td> })}
                                                    <td>{r.judges}</td>
                                                    <td class:chosen=!z>{score_text(r.raw)}</td>
                                                    <td class:chosen=z>{score_text(r.normalized)}</td>
                                                    <td>{format!("{:.1}", r.spread)}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                };
                view! {
                    <section class="form-page wide">
                        <div class="page-head">
                            <h1>{lang.t(Msg::ResultsTitle)}</h1>
                            <a href=format!("/events/{event_id}/judging")>{lang.t(Msg::JudgingTitle)}</a>
                        </div>
                        <p class="hint">{lang.t(if z { Msg::ResultsExplainZ } else { Msg::ResultsExplainRaw })}</p>
                        <p class="hint">{lang.t(Msg::ResultsExplainTies)}</p>
                        <p class="exports">
                            <a class="button" href=format!("/events/{event_id}/ranking.csv") rel="external">
                                {lang.t(Msg::ExportRanking)}
                            </a>
                            <a class="button" href=format!("/events/{event_id}/scores.csv?by=judge") rel="external">
                                {lang.t(Msg::ExportScoresByJudge)}
                            </a>
                            <a class="button" href=format!("/events/{event_id}/scores.csv?by=project") rel="external">
                                {lang.t(Msg::ExportScoresByProject)}
                            </a>
                        </p>
                        {(d.outdated > 0)
                            .then(|| {
                                view! {
                                    <p class="notice">
                                        {lang
                                            .format(args::OutdatedScores {
                                                count: d.outdated,
                                            })}
                                    </p>
                                }
                            })}
                        {(!disagreements.is_empty())
                            .then(|| {
                                view! {
                                    <h2>{lang.t(Msg::ReviewTitle)}</h2>
                                    <p class="hint">
                                        {lang
                                            .format(args::HintDisagreementList {
                                                points: d.threshold,
                                            })}
                                    </p>
                                    <FormError errors=extra_errors />
                                    <ul class="review">
                                        {disagreements
                                            .into_iter()
                                            .map(|r| {
                                                view! {
                                                    <li class="card">
                                                        <strong>{r.code.clone()}</strong>
                                                        " "
                                                        <span dir="auto">{r.title.clone()}</span>
                                                        " · "
                                                        {lang
                                                            .format(args::SpreadIs {
                                                                spread: format!("{:.1}", r.spread),
                                                            })}
                                                        {(r.flags > 0)
                                                            .then(|| {
                                                                view! {
                                                                    " · "
                                                                    {lang.format(args::FlaggedBy { count: r.flags })}
                                                                }
                                                            })}
                                                        <ActionForm action=extra attr:class="inline">
                                                            <EventIdInput event_id />
                                                            <input type="hidden" name="project_id" value=r.project_id />
                                                            <button type="submit" class="button link">
                                                                {lang.t(Msg::AddExtraJudge)}
                                                            </button>
                                                        </ActionForm>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                            })}
                        <h2>{lang.t(Msg::OverallRanking)}</h2>
                        {table(d.rows.clone(), false)}
                        {tracks
                            .into_iter()
                            .map(|t| {
                                let mut rows: Vec<ResultRow> = d
                                    .rows
                                    .iter()
                                    .filter(|r| r.track == t)
                                    .cloned()
                                    .collect();
                                rows.sort_by_key(|r| r.track_rank.unwrap_or(usize::MAX));
                                view! {
                                    <h2 dir="auto">{t.clone()}</h2>
                                    {table(rows, true)}
                                }
                            })
                            .collect_view()}
                    </section>
                }
                    .into_any()
            },
        )}
    }
}

#[component]
pub fn JudgeDeskPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let query = use_query_map();
    let start = query.with_untracked(|q| q.get("p").and_then(|p| p.parse::<usize>().ok()).unwrap_or(0));
    let data = Resource::new(move || id.get(), judge_desk);
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                view! {
                    <section class="desk-page">
                        <div class="page-head">
                            <h1 dir="auto">
                                {lang.t(Msg::JudgeDeskTitle)} <span class="muted">{d.event_name.clone()}</span>
                            </h1>
                            <a href=format!("/events/{event_id}/conflicts")>{lang.t(Msg::ConflictsTitle)}</a>
                        </div>
                        <ScoreDesk data=d start lang />
                        // The desk can be added to the home screen and reopened with no
                        // network (`offline`); the manifest link carries the language because
                        // browsers fetch manifests without cookies.
                        <leptos_meta::Link
                            rel="manifest"
                            href=format!("/events/{event_id}/desk.webmanifest?lang={}", lang.code())
                        />
                        <script src="/desk-offline.js" defer></script>
                    </section>
                }
                    .into_any()
            },
        )}
    }
}

#[component]
pub fn ConflictsPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let save = ServerAction::<SaveConflicts>::new();
    let data = Resource::new(move || id.get(), judge_conflicts);
    let errors = action_error(save);
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                view! {
                    <section class="form-page">
                        <div class="page-head">
                            <h1>{lang.t(Msg::ConflictsTitle)}</h1>
                            <a href=format!("/events/{event_id}/judge")>{lang.t(Msg::JudgeDeskTitle)}</a>
                        </div>
                        <p class="hint">{lang.t(Msg::HintConflicts)}</p>
                        <ActionForm action=save>
                            <FormError errors />
                            <EventIdInput event_id />
                            <ul class="plain">
                                {d
                                    .teams
                                    .iter()
                                    .map(|t| {
                                        let fid = format!("f-team-{}", t.team_id);
                                        view! {
                                            <li class="field checkbox">
                                                <input
                                                    type="checkbox"
                                                    id=fid.clone()
                                                    name=format!("teams[{}]", t.team_id)
                                                    value="on"
                                                    checked=t.declared || t.automatic
                                                    disabled=t.automatic
                                                />
                                                <label for=fid>
                                                    <strong dir="auto">{t.name.clone()}</strong>
                                                    " "
                                                    <span class="muted" dir="auto">
                                                        {t.members.join(", ")}
                                                    </span>
                                                    {t
                                                        .automatic
                                                        .then(|| {
                                                            view! {
                                                                " · "
                                                                {lang.t(Msg::ConflictAutomatic)}
                                                            }
                                                        })}
                                                </label>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            <Submit label=Msg::Save />
                        </ActionForm>
                    </section>
                }
                    .into_any()
            },
        )}
    }
}

/// `/pass/{token}`: the judge's link. A button (not the link itself) signs in, so a link
/// preview or prefetch cannot.
#[component]
pub fn PassPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let token = params.with_untracked(|p| p.get("token").unwrap_or_default());
    let open = ServerAction::<OpenPass>::new();
    let errors = action_error(open);
    view! {
        <section class="narrow">
            <h1>{lang.t(Msg::JudgeDeskTitle)}</h1>
            <p class="lead">{lang.t(Msg::PassIntro)}</p>
            <ActionForm action=open>
                <FormError errors />
                <input type="hidden" name="token" value=token />
                <Submit label=Msg::StartScoring />
            </ActionForm>
        </section>
    }
}

/// The invite page's short path for judges: a name, and the phone is signed in.
#[component]
pub fn JoinAsJudgeForm(code: String) -> impl IntoView {
    let join = ServerAction::<JoinAsJudge>::new();
    let errors = action_error(join);
    let lang = use_lang();
    view! {
        <ActionForm action=join>
            <FormError errors />
            <p class="hint">{lang.t(Msg::HintJudgeNoPassword)}</p>
            <input type="hidden" name="code" value=code />
            <Field
                label=Msg::FieldDisplayName
                name="display_name"
                errors
                autocomplete="name"
                required=true
                dir_auto=true
            />
            <Submit label=Msg::StartScoring />
        </ActionForm>
    }
}
