//! The pitch-slot pages: the organizer's schedule (`/events/{id}/slots`) and the panel of a
//! team's slots on its team page, kept current over the live channel.

use super::*;
use crate::i18n::{args, use_lang, Lang, Msg};
use crate::ui::{action_error, event_id_param, loaded, Checkbox, EventIdInput, Field, FormError, Submit};
use leptos::prelude::*;

fn state_text(lang: Lang, state: SlotState) -> &'static str {
    lang.t(match state {
        SlotState::None => Msg::SlotNone,
        SlotState::Later => Msg::SlotLater,
        SlotState::Now => Msg::SlotNow,
        SlotState::Late => Msg::SlotLate,
        SlotState::Scored => Msg::SlotScored,
        SlotState::Absent => Msg::SlotAbsent,
    })
}

/// The organizer's schedule: the plan, and every slot by time with a way to move one later.
#[component]
pub fn SlotsPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), slots_console);
    let generate = ServerAction::<GenerateSlots>::new();
    let moved = ServerAction::<MoveSlot>::new();
    let clear = ServerAction::<ClearSlots>::new();
    let generate_errors = action_error(generate);
    let errors = [action_error(moved), action_error(clear)];
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                let make = if d.has_plan { Msg::SlotsMakeAgain } else { Msg::SlotsMake };
                view! {
                    <section class="form-page wide slots-page">
                        <div class="page-head">
                            <h1 dir="auto">{lang.t(Msg::SlotsTitle)} ": " {d.event_name.clone()}</h1>
                            <a href=format!("/events/{event_id}/judging")>{lang.t(Msg::JudgingTitle)}</a>
                            <a href=format!("/events/{event_id}/rooms")>{lang.t(Msg::RoomsTitle)}</a>
                        </div>
                        <p class="hint">{lang.t(Msg::SlotsHint)}</p>
                        {errors.into_iter().map(|e| view! { <FormError errors=e /> }).collect_view()}
                        <ActionForm action=generate attr:class="card slots-plan">
                            <FormError errors=generate_errors />
                            <EventIdInput event_id />
                            <Field
                                label=Msg::FieldSlotsStart
                                name="starts_at"
                                kind="datetime-local"
                                value=d.plan.starts_at.clone()
                                errors=generate_errors
                                required=true
                            />
                            <Field
                                label=Msg::FieldSlotLength
                                name="pitch"
                                value=d.plan.pitch.clone()
                                errors=generate_errors
                                hint=Msg::HintSlotLength
                                required=true
                            />
                            <Field
                                label=Msg::FieldBreakEvery
                                name="break_every"
                                kind="number"
                                value=d.plan.break_every.clone()
                                errors=generate_errors
                                hint=Msg::HintBreakEvery
                                min="0".to_string()
                            />
                            <Field
                                label=Msg::FieldBreakMinutes
                                name="break_minutes"
                                kind="number"
                                value=d.plan.break_minutes.clone()
                                errors=generate_errors
                                min="0".to_string()
                            />
                            <Checkbox label=Msg::FieldPresentOnly name="present_only" hint=Msg::HintSlotsPresentOnly />
                            <Submit label=make />
                        </ActionForm>
                        {d
                            .has_plan
                            .then(|| {
                                view! {
                                    <ActionForm action=clear attr:class="inline">
                                        <EventIdInput event_id />
                                        <button type="submit" class="button link danger">
                                            {lang.t(Msg::SlotsClear)}
                                        </button>
                                    </ActionForm>
                                }
                            })}
                        {(d.has_plan && d.unscheduled > 0)
                            .then(|| {
                                view! {
                                    <p class="notice" role="status">
                                        {lang
                                            .format(args::SlotsUnscheduled {
                                                count: d.unscheduled,
                                            })}
                                    </p>
                                }
                            })}
                        <crate::live::LiveRegion
                            event_id
                            topic=crate::live::Topic::Slots
                            target="slots-lines".to_string()
                        />
                        <div id="slots-lines" class="table-scroll">
                            {d.lines.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                            <table class="people slots">
                                <thead>
                                    <tr>
                                        <th>{lang.t(Msg::SlotTime)}</th>
                                        <th>{lang.t(Msg::RoleJudge)}</th>
                                        <th>{lang.t(Msg::ProjectCode)}</th>
                                        <th>{lang.t(Msg::FieldRoom)} " · " {lang.t(Msg::TableLabel)}</th>
                                        <th>{lang.t(Msg::SlotStateHead)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {d
                                        .lines
                                        .clone()
                                        .into_iter()
                                        .map(|l| {
                                            let movable = matches!(
                                                l.state,
                                                SlotState::Later | SlotState::Now | SlotState::Late
                                            );
                                            let absent = (l.absent_marks > 0 && movable)
                                                .then(|| {
                                                    view! {
                                                        " "
                                                        <span class="badge warn">
                                                            {lang
                                                                .format(args::SlotTeamAbsent {
                                                                    count: l.absent_marks,
                                                                })}
                                                        </span>
                                                    }
                                                });
                                            view! {
                                                <tr data-state=format!("{:?}", l.state).to_lowercase()>
                                                    <td dir="ltr">{l.time.clone()}</td>
                                                    <td dir="auto">{l.judge.clone()}</td>
                                                    <td>
                                                        <span class="tag">{l.code.clone()}</span>
                                                        " "
                                                        <span dir="auto">{l.title.clone()}</span>
                                                        " "
                                                        <span class="muted" dir="auto">
                                                            {l.team.clone()}
                                                        </span>
                                                    </td>
                                                    <td dir="auto">
                                                        {crate::rooms::place_text(lang, &l.room, &l.table_label)}
                                                    </td>
                                                    <td>
                                                        {state_text(lang, l.state)} {absent}
                                                        {movable
                                                            .then(|| {
                                                                view! {
                                                                    <ActionForm action=moved attr:class="inline">
                                                                        <EventIdInput event_id />
                                                                        <input
                                                                            type="hidden"
                                                                            name="assignment_id"
                                                                            value=l.assignment_id
                                                                        />
                                                                        <button
                                                                            type="submit"
                                                                            class="button link"
                                                                            aria-label=format!("{} {}", lang.t(Msg::SlotMove), l.code)
                                                                        >
                                                                            {lang.t(Msg::SlotMove)}
                                                                        </button>
                                                                    </ActionForm>
                                                                }
                                                            })}
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </section>
                }
            },
        )}
    }
}

/// A team's slots on its page: "judge at your table at 14:20", and "you're next" once the
/// judge is on the way, refreshed whenever a judge finishes a slot or the schedule changes.
/// Once the event schedules slots, the page listens for them even before the team has one;
/// until then, nothing at all. The region is swapped only when its content changed, so a
/// screen reader announces a real change, never the same list again.
#[component]
pub fn TeamSlotsPanel(data: TeamSlotsView) -> impl IntoView {
    let lang = use_lang();
    let event_id = data.event_id;
    view! {
        {Some(data)
            .filter(|d| d.has_plan || !d.slots.is_empty())
            .map(|d| {
                let next = d.slots.iter().find(|s| s.standing == TeamStanding::Next).cloned();
                view! {
                    <section class="team-slots">
                        <crate::live::LiveRegion
                            event_id
                            topic=crate::live::Topic::Slots
                            target="team-slots".to_string()
                        />
                        <div id="team-slots" aria-live="polite">
                            {(!d.slots.is_empty()).then(|| view! { <h3>{lang.t(Msg::TeamSlotsTitle)}</h3> })}
                            {next
                                .map(|s| {
                                    let place = crate::rooms::place_text(lang, &s.room, &s.table_label)
                                        .unwrap_or_default();
                                    view! {
                                        <p class="notice slot-next">
                                            <strong>{lang.t(Msg::TeamSlotNext)}</strong>
                                            " "
                                            <span dir="auto">{place}</span>
                                            " · "
                                            <span dir="ltr">{s.time.clone()}</span>
                                        </p>
                                    }
                                })}
                            <ul class="slot-list">
                                {d
                                    .slots
                                    .iter()
                                    .map(|s| {
                                        let line = lang
                                            .format(args::TeamSlotLine {
                                                time: s.time.clone(),
                                            });
                                        let state = match s.standing {
                                            TeamStanding::Done => Some(Msg::SlotScored),
                                            TeamStanding::Absent => Some(Msg::SlotAbsent),
                                            _ => None,
                                        };
                                        view! {
                                            <li data-standing=format!("{:?}", s.standing).to_lowercase()>
                                                <span dir="auto">{line}</span>
                                                {crate::rooms::place_text(lang, &s.room, &s.table_label)
                                                    .map(|p| {
                                                        view! {
                                                            " · "
                                                            <span dir="auto">{p}</span>
                                                        }
                                                    })}
                                                {state
                                                    .map(|m| {
                                                        view! {
                                                            " · "
                                                            <span class="muted">{lang.t(m)}</span>
                                                        }
                                                    })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    </section>
                }
            })}
    }
}
