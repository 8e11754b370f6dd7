//! The scoring desk: the page a judge scores with on a phone.
//!
//! The server renders it whole: the project the address names (`?p=`) as a plain form, and
//! every other assigned project inside a `<template>`, inert until shown. Without any script
//! every criterion is a radio group posting to the save function, and links move between
//! projects with a page load. The page's script (`client`, in the desk's bundle only) then
//! moves between projects with no network, keeps each tap on the phone at once and sends
//! it in order (`state`), and shows where each score stands. It is written without the
//! reactive framework: the page is already there, so the script only changes what a tap
//! or an answer changes, and the phone downloads a fraction of an island's code.
//!
//! Where the browser allows a service worker (https, localhost), the desk page and its files
//! are kept on the phone too (see `offline`), so the desk reopens with no network at all. The
//! marks the server confirmed are then those of the page as last fetched, and the phone keeps
//! every confirmation received since (`state::Known`), so a desk reopened offline shows the
//! judge's marks as last known and builds new saves on their latest versions.

#[cfg(feature = "desk")]
pub mod client;
pub mod state;

use super::rubric::Criterion;
use super::score::{DeskData, DeskItem, ScoreStatus};
use crate::i18n::{args, Lang, Msg};
use crate::ui::EventIdInput;
use leptos::prelude::*;
pub use state::{Local, Rules, Sync, KNOWN_KEY_PREFIX, QUEUE_KEY_PREFIX};

/// Where a number goes in the texts the page gives the script (`data-pending`, the progress).
pub const NUMBER_SLOT: &str = "{n}";

/// The judge's score on the page, as the server holds it.
pub fn initial(item: &DeskItem) -> Local {
    let Some(m) = &item.mine else { return Local::empty() };
    let absent = m.status == ScoreStatus::Absent.code();
    let rules = rules(item);
    Local {
        absent,
        // Marks from an older rubric are kept only where they still fit; an absent team has none.
        marks: m.marks.iter().filter(|(k, v)| !absent && rules.fits(k, **v)).map(|(k, v)| (k.clone(), *v)).collect(),
        notes: m.notes.clone(),
        feedback: m.feedback.clone(),
        flagged: m.flagged,
        version: m.version,
        sync: if m.outdated { Sync::Failed(String::new()) } else { Sync::Saved },
    }
}

/// The levels the project's rubric offers, as the script reads them back from the form.
pub fn rules(item: &DeskItem) -> Rules {
    Rules {
        project_id: item.project_id,
        outdated: item.mine.as_ref().is_some_and(|m| m.outdated),
        levels: item.criteria.iter().map(|c| (c.key.clone(), (c.min, c.max))).collect(),
    }
}

/// The status line's text. A refusal shows the server's reason; an empty one means the score
/// was given under an earlier rubric.
pub fn sync_text(lang: Lang, s: &Sync) -> String {
    match s {
        Sync::Empty => lang.t(Msg::DeskNotScored).to_owned(),
        Sync::Saved => lang.t(Msg::DeskSaved).to_owned(),
        Sync::Waiting => lang.t(Msg::DeskWaiting).to_owned(),
        Sync::Stale(_) => lang.t(Msg::DeskStale).to_owned(),
        Sync::Failed(msg) if msg.is_empty() => lang.t(Msg::DeskRubricChanged).to_owned(),
        Sync::Failed(msg) => msg.clone(),
    }
}

#[component]
pub fn ScoreDesk(data: DeskData, start: usize, lang: Lang) -> impl IntoView {
    let count = data.items.len();
    let current = start.min(count.saturating_sub(1));
    let event_id = data.event_id;
    let open = data.open;
    let now_ms = data.now_ms;
    let states: Vec<Local> = data.items.iter().map(initial).collect();
    let done = data.items.iter().zip(&states).filter(|(i, s)| rules(i).complete(s)).count();
    // "Done: {n}", split where the count goes, so the script changes only the count.
    let progress = lang.format_arg(Msg::DeskProgress, NUMBER_SLOT);
    let (before, after) = progress.split_once(NUMBER_SLOT).unwrap_or((progress.as_str(), ""));
    let project = |idx: usize| {
        let item = &data.items[idx];
        view! { <DeskProject item=item.clone() state=states[idx].clone() idx count event_id open now_ms lang /> }
    };
    view! {
        <div
            class="desk"
            data-ready="false"
            data-event=event_id
            data-judge=data.judge_id
            data-open=open.to_string()
            // Each state's text under its code (`Sync::code`), as the script reads them.
            data-empty=lang.t(Msg::DeskNotScored)
            data-saved=lang.t(Msg::DeskSaved)
            data-waiting=lang.t(Msg::DeskWaiting)
            data-stale=lang.t(Msg::DeskStale)
            data-rubric=lang.t(Msg::DeskRubricChanged)
            data-done=lang.t(Msg::DeskDone)
            data-keep=lang.t(Msg::DeskKeepMine)
            data-use=lang.t(Msg::DeskUseSaved)
            data-retry=lang.t(Msg::DeskRetry)
            data-pending=lang.format_arg(Msg::DeskPendingCount, NUMBER_SLOT)
        >
            {(!open)
                .then(|| {
                    view! {
                        <p class="notice" role="status">
                            {lang.t(Msg::DeskClosed)}
                        </p>
                    }
                })}
            // The stage's strip, kept current over the live channel (the desk page is
            // fetched again and only the strip swapped in), with the countdown ticking.
            <crate::live::ServerClock now_ms=data.now_ms />
            <crate::live::LiveRegion event_id topic=crate::live::Topic::Stage target="desk-stage".to_string() />
            <div id="desk-stage" aria-live="polite">
                {data
                    .stage
                    .clone()
                    .map(|s| {
                        let idx = data.items.iter().position(|i| i.project_id == s.project_id);
                        view! { <StageStrip stage=s idx lang /> }
                    })}
            </div>
            <div class="desk-progress">
                <span>
                    {before.to_owned()} <span class="desk-done">{format!("{done} / {count}")}</span> {after.to_owned()}
                </span>
                <progress max=count value=done aria-hidden="true"></progress>
                <span class="desk-pending" data-pending="0"></span>
            </div>
            {(count == 0).then(|| view! { <p class="notice">{lang.t(Msg::DeskNothingAssigned)}</p> })}
            <div class="desk-shown">{(count > 0).then(|| project(current))}</div>
            // The other projects, inert until the script shows one (or a link loads its page).
            <template class="desk-projects">
                {(0..count).filter(|i| *i != current).map(project).collect_view()}
            </template>
            <details class="desk-list">
                <summary>{lang.t(Msg::DeskAllProjects)}</summary>
                <ol>
                    {data
                        .items
                        .iter()
                        .zip(&states)
                        .enumerate()
                        .map(|(i, (it, state))| {
                            let status = match rules(it).complete(state) {
                                true => lang.t(Msg::DeskDone),
                                false => lang.t(Msg::DeskNotScored),
                            };
                            view! {
                                <li>
                                    <a href=format!("?p={i}") data-go=i aria-current=(i == current).then_some("true")>
                                        {it.code.clone()}
                                        " "
                                        <span dir="auto">{it.title.clone()}</span>
                                    </a>
                                    " "
                                    <span class="muted" data-project=it.project_id>
                                        {status}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </details>
        </div>
    }
}

/// One project: what it is, where its score stands, and its form.
#[component]
fn DeskProject(
    item: DeskItem,
    state: Local,
    idx: usize,
    count: usize,
    event_id: i64,
    open: bool,
    now_ms: i64,
    lang: Lang,
) -> impl IntoView {
    let pid = item.project_id;
    let next = (idx + 1 < count).then_some(idx + 1);
    let prev = idx.checked_sub(1);
    let outdated = item.mine.as_ref().is_some_and(|m| m.outdated);
    let nav = move |to: usize, text: Msg| {
        view! {
            <a class="button" href=format!("?p={to}") data-go=to>
                {lang.t(text)}
            </a>
        }
    };
    view! {
        <article
            class="desk-project"
            aria-labelledby="desk-title"
            data-project=pid
            data-index=idx
            data-version=state.version
            data-outdated=outdated.then_some("")
            data-absent=state.absent.then_some("")
        >
            <p class="desk-code">
                <span class="tag">{item.code.clone()}</span>
                {crate::rooms::place_text(lang, &item.room, &item.table_label)
                    .map(|place| {
                        view! {
                            " "
                            <span class="tag" dir="auto">
                                {place}
                            </span>
                        }
                    })}
                {(!item.track.is_empty())
                    .then(|| {
                        view! {
                            " "
                            <span class="muted" dir="auto">
                                {item.track.clone()}
                            </span>
                        }
                    })}
            </p>
            {item
                .next
                .as_ref()
                .and_then(|n| crate::rooms::next_text(lang, n))
                .map(|next| {
                    view! {
                        <p class="desk-next hint" dir="auto">
                            {next}
                        </p>
                    }
                })}
            // The judge's slot with this team: the stage's countdown, to the slot's start until
            // it begins, then to its end (the page's script switches, and the words with it).
            {item
                .slot
                .clone()
                .map(|slot| {
                    let before = now_ms < slot.starts_ms;
                    let left = if before { slot.starts_ms - now_ms } else { slot.ends_ms - now_ms };
                    view! {
                        <p class="desk-slot">
                            <span>
                                {lang
                                    .format(args::DeskSlot {
                                        time: slot.time.clone(),
                                    })}
                            </span>
                            " · "
                            <span
                                class="clock"
                                dir="ltr"
                                role="timer"
                                data-clock-starts=slot.starts_ms
                                data-clock-ends=slot.ends_ms
                                data-clock-now=now_ms
                                data-phase=if before { "before" } else { "during" }
                                data-over=(left <= -1000).then_some("true")
                            >
                                {crate::live::clock::format_left(left)}
                            </span>
                            " "
                            <span class="slot-before">{lang.t(Msg::DeskSlotBefore)}</span>
                            <span class="slot-during">{lang.t(Msg::DeskSlotLeft)}</span>
                        </p>
                    }
                })}
            // Focused when the script shows the project, so a screen reader announces it.
            <h2 id="desk-title" dir="auto" tabindex="-1">
                {item.title.clone()}
            </h2>
            {item
                .team
                .clone()
                .map(|t| {
                    view! {
                        <p class="muted" dir="auto">
                            {t}
                        </p>
                    }
                })}
            <details class="desk-about">
                <summary>{lang.t(Msg::DeskAbout)}</summary>
                <p dir="auto">
                    <strong>{item.tagline.clone()}</strong>
                </p>
                <p dir="auto" class="prewrap">
                    {item.description.clone()}
                </p>
                <ul>
                    {item
                        .links
                        .iter()
                        .map(|l| {
                            view! {
                                <li>
                                    <a href=l.clone() rel="noopener noreferrer" target="_blank">
                                        {l.clone()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
            <p class="desk-sync" role="status" aria-live="polite" data-sync=state.sync.code()>
                {sync_text(lang, &state.sync)}
            </p>
            // Shown by the style sheet only while the page is still a plain form and a control
            // differs from what the server rendered: the status above describes the server's
            // copy, not that tap.
            <p class="desk-unsent" role="status">
                {lang.t(Msg::DeskNotSentYet)}
            </p>
            // `autocomplete="off"`: the browser must not restore an earlier visit's taps into
            // the form on reload (they would look like new taps, see `client::early_edits`).
            <form method="post" action="/api/judging/save" data-local="desk" class="desk-form" autocomplete="off">
                <EventIdInput event_id />
                <input type="hidden" name="project_id" value=pid />
                <input type="hidden" name="save_id" value=format!("form-{pid}-v{}", state.version) />
                <input type="hidden" name="base_version" value=state.version />
                <input type="hidden" name="back" value=format!("/events/{event_id}/judge?p={idx}") />
                <fieldset disabled=!open class="desk-fields">
                    {item
                        .criteria
                        .iter()
                        .map(|c| {
                            let chosen = state.marks.get(&c.key).copied();
                            view! { <CriterionField criterion=c.clone() lang scoring=Some((pid, chosen)) /> }
                        })
                        .collect_view()}
                    // Two boxes, said apart: what the team will read, and what only the
                    // organizers read.
                    <DeskText
                        pid
                        name="feedback"
                        label=Msg::DeskFeedback
                        hint=Msg::HintDeskFeedback
                        rows="3"
                        text=state.feedback.clone()
                        lang
                    />
                    <DeskText
                        pid
                        name="notes"
                        label=Msg::DeskNotes
                        hint=Msg::HintDeskNotes
                        rows="2"
                        text=state.notes.clone()
                        lang
                    />
                    <div class="field checkbox">
                        <input
                            type="checkbox"
                            id=format!("flag-{pid}")
                            name="flagged"
                            value="on"
                            checked=state.flagged
                        />
                        <label for=format!("flag-{pid}")>{lang.t(Msg::DeskFlag)}</label>
                    </div>
                    <div class="desk-actions">
                        <button type="submit" name="status" value="" class="button primary">
                            {lang.t(Msg::DeskSaveNext)}
                        </button>
                        <button type="submit" name="status" value=ScoreStatus::Absent.code() class="button">
                            {lang.t(Msg::DeskAbsent)}
                        </button>
                    </div>
                </fieldset>
            </form>
            <nav class="desk-nav" aria-label=lang.t(Msg::DeskProjects)>
                {prev.map(|p| nav(p, Msg::DeskPrevious))}
                {next.map(|n| nav(n, Msg::DeskSkip))}
            </nav>
        </article>
    }
}

/// One criterion as the judge sees it: its name, weight, description and levels. Scoring
/// (`Some((project, the mark the server holds))`), each level is a radio button of the
/// project's form; without (the organizer's preview of the rubric), the levels are shown only.
/// One of the desk's two text boxes, its hint saying who reads it (the team, or only the
/// organizers).
#[component]
fn DeskText(
    pid: i64,
    name: &'static str,
    label: Msg,
    hint: Msg,
    rows: &'static str,
    text: String,
    lang: Lang,
) -> impl IntoView {
    let id = format!("{name}-{pid}");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{lang.t(label)}</label>
            <p class="hint" id=hint_id.clone()>
                {lang.t(hint)}
            </p>
            // The text as markup: a text child would carry the renderer's markers into the value.
            <textarea
                id=id
                name=name
                rows=rows
                maxlength="2000"
                dir="auto"
                aria-describedby=hint_id
                inner_html=crate::ui::escape_html(&text)
            ></textarea>
        </div>
    }
}

#[component]
pub fn CriterionField(criterion: Criterion, lang: Lang, scoring: Option<(i64, Option<i64>)>) -> impl IntoView {
    let c = criterion;
    let key = c.key.clone();
    let levels = c
        .range()
        .map(|level| {
            let descriptor = c.descriptor(level, lang).map(|d| {
                view! {
                    <span class="level-d" lang=c.descriptor_lang(level, lang).code() dir="auto">
                        {d.to_owned()}
                    </span>
                }
            });
            let face = view! {
                <span class="level-n">{level}</span>
                {descriptor}
            };
            match scoring {
                Some((pid, chosen)) => {
                    let id = format!("m-{pid}-{key}-{level}");
                    view! {
                        <input
                            type="radio"
                            class="level-input"
                            id=id.clone()
                            name=format!("marks[{key}]")
                            value=level
                            checked=chosen == Some(level)
                        />
                        <label class="level" for=id>
                            {face}
                        </label>
                    }
                    .into_any()
                }
                None => view! { <span class="level">{face}</span> }.into_any(),
            }
        })
        .collect_view();
    view! {
        <fieldset class="criterion">
            <legend dir="auto">
                <span lang=c.name.picked_lang(lang).code()>{c.name.pick(lang).to_owned()}</span>
                " "
                <span class="muted">
                    {lang
                        .format(args::DeskWeight {
                            weight: c.weight,
                        })}
                </span>
            </legend>
            {(!c.description.is_empty())
                .then(|| {
                    view! {
                        <p class="hint" lang=c.description.picked_lang(lang).code() dir="auto">
                            {c.description.pick(lang).to_owned()}
                        </p>
                    }
                })}
            <div class="levels">{levels}</div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_texts_given_to_the_script_hold_the_number_slot() {
        for lang in Lang::ALL {
            for msg in [Msg::DeskPendingCount, Msg::DeskProgress] {
                let text = lang.format_arg(msg, NUMBER_SLOT);
                assert!(text.contains(NUMBER_SLOT), "{lang:?} {msg:?}: {text}");
            }
        }
    }
}

/// The project on stage with its countdown, and the way to its score when it is one of the
/// judge's (`idx` in the desk's list).
#[component]
fn StageStrip(stage: crate::stage::StageNow, idx: Option<usize>, lang: Lang) -> impl IntoView {
    view! {
        <div class="desk-stage">
            <span class="stage-label">{lang.t(Msg::OnStage)}</span>
            <span class="stage-project" dir="auto">
                <span class="code">{stage.code.clone()}</span>
                " "
                {stage.title.clone()}
            </span>
            <crate::live::Countdown ends_at=stage.ends_at left_ms=stage.left_ms now_ms=stage.now_ms />
            {match idx {
                Some(i) => {
                    view! {
                        <a href=format!("?p={i}") data-go=i class="button">
                            {lang.t(Msg::ScoreThisPitch)}
                        </a>
                    }
                        .into_any()
                }
                None => view! { <span class="hint">{lang.t(Msg::PitchNotYours)}</span> }.into_any(),
            }}
        </div>
    }
}
