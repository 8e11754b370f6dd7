//! The organizer's stage console at /events/{id}/stage, made for a phone held beside the
//! stage: the project on stage with its countdown and the timer's buttons, "next", the
//! line-up, and the pitch length. Plain forms: it works with no script, and with it the
//! countdown ticks and the part that changes stays current for every organizer.

use super::*;
use crate::i18n::{args, use_lang, Msg};
use crate::live::{Countdown, LiveRegion, ServerClock, Topic};
use crate::ui::{action_error, event_id_param, loaded, EventIdInput, Field, FormError, Submit};
use leptos::prelude::*;

#[component]
pub fn StageConsolePage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), stage_console);
    let put = ServerAction::<PutOnStage>::new();
    let tap = ServerAction::<TapClock>::new();
    let length = ServerAction::<SavePitchLength>::new();
    let (put_errors, tap_errors, length_errors) = (action_error(put), action_error(tap), action_error(length));
    view! {
        {loaded(
            data,
            move |c| {
                let event_id = c.event_id;
                let on_stage_id = c.on_stage.as_ref().map(|s| s.project_id);
                let now = view! {
                    {match c.on_stage.clone() {
                        Some(s) => {
                            view! {
                                <p class="stage-label">{lang.t(Msg::OnStage)}</p>
                                <p class="stage-project" dir="auto">
                                    <span class="code">{s.code.clone()}</span>
                                    " "
                                    {s.title.clone()}
                                </p>
                                <p class="stage-clock">
                                    <Countdown ends_at=s.ends_at left_ms=s.left_ms now_ms=s.now_ms />
                                </p>
                                <FormError errors=tap_errors />
                                <ActionForm action=tap attr:class="stage-taps">
                                    <EventIdInput event_id />
                                    {if c.running {
                                        view! {
                                            <button type="submit" name="tap" value="pause" class="button primary">
                                                {lang.t(Msg::PauseTimer)}
                                            </button>
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            <button type="submit" name="tap" value="start" class="button primary">
                                                {lang.t(Msg::StartTimer)}
                                            </button>
                                        }
                                            .into_any()
                                    }}
                                    <button type="submit" name="tap" value="reset" class="button">
                                        {lang.t(Msg::ResetTimer)}
                                    </button>
                                </ActionForm>
                            }
                                .into_any()
                        }
                        None => view! { <p class="notice">{lang.t(Msg::NobodyOnStage)}</p> }.into_any(),
                    }}
                    <FormError errors=put_errors />
                    <div class="stage-moves">
                        {c
                            .next
                            .clone()
                            .map(|n| {
                                view! {
                                    <ActionForm action=put attr:class="inline">
                                        <EventIdInput event_id />
                                        <input type="hidden" name="project_id" value=n.project_id />
                                        <button type="submit" class="button primary">
                                            {lang
                                                .format(args::NextOnStage {
                                                    project: format!("{} {}", n.code, n.title),
                                                })}
                                        </button>
                                    </ActionForm>
                                }
                            })}
                        {on_stage_id
                            .map(|_| {
                                view! {
                                    <ActionForm action=put attr:class="inline">
                                        <EventIdInput event_id />
                                        <input type="hidden" name="project_id" value="0" />
                                        <button type="submit" class="button">
                                            {lang.t(Msg::ClearStage)}
                                        </button>
                                    </ActionForm>
                                }
                            })}
                    </div>
                    <h2>{lang.t(Msg::Lineup)}</h2>
                    {c.lineup.is_empty().then(|| view! { <p class="notice">{lang.t(Msg::NoProjectsToPitch)}</p> })}
                    <ol class="lineup">
                        {c
                            .lineup
                            .clone()
                            .into_iter()
                            .map(|p| {
                                let here = on_stage_id == Some(p.project_id);
                                let pid = p.project_id;
                                view! {
                                    <li aria-current=here.then_some("true")>
                                        <span class="code">{p.code}</span>
                                        <span class="lineup-title" dir="auto">
                                            {p.title}
                                        </span>
                                        {(!p.table.is_empty())
                                            .then(|| {
                                                view! {
                                                    <span class="hint" dir="auto">
                                                        {lang.format(args::DeskTable { table: p.table })}
                                                    </span>
                                                }
                                            })}
                                        {match (here, p.pitched) {
                                            (true, _) => {
                                                view! {
                                                    <span class="badge" data-open="true">
                                                        {lang.t(Msg::OnStage)}
                                                    </span>
                                                }
                                                    .into_any()
                                            }
                                            (false, true) => {
                                                view! { <span class="badge">{lang.t(Msg::Pitched)}</span> }.into_any()
                                            }
                                            (false, false) => ().into_any(),
                                        }}
                                        {(!here)
                                            .then(|| {
                                                view! {
                                                    <ActionForm action=put attr:class="inline">
                                                        <EventIdInput event_id />
                                                        <input type="hidden" name="project_id" value=pid />
                                                        <button type="submit" class="button">
                                                            {lang.t(Msg::PutOnStage)}
                                                        </button>
                                                    </ActionForm>
                                                }
                                            })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                };
                view! {
                    <section class="form-page wide stage">
                        <div class="page-head">
                            <h1 dir="auto">{lang.t(Msg::StageTitle)} ": " {c.event_name.clone()}</h1>
                            <a href=format!("/events/{event_id}/projector") target="_blank">
                                {lang.t(Msg::OpenProjector)}
                            </a>
                            <a href=format!("/events/{event_id}/judging")>{lang.t(Msg::JudgingTitle)}</a>
                        </div>
                        <p class="hint">{lang.t(Msg::StageIntro)}</p>
                        <ServerClock now_ms=c.now_ms />
                        <LiveRegion event_id topic=Topic::Stage target="stage-now".to_string() />
                        <div id="stage-now" class="stage-now" aria-live="polite">
                            {now}
                        </div>
                        <h2>{lang.t(Msg::PitchLength)}</h2>
                        <ActionForm action=length>
                            <FormError errors=length_errors />
                            <EventIdInput event_id />
                            <Field
                                label=Msg::FieldPitchLength
                                name="length"
                                errors=length_errors
                                value=c.length.clone()
                                hint=Msg::HintPitchLength
                                required=true
                            />
                            <Submit label=Msg::Save />
                        </ActionForm>
                    </section>
                }
                    .into_any()
            },
        )}
    }
}
