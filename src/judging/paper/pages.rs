//! The printable score sheets and the entry form a sheet's QR code opens.

use super::*;
use crate::i18n::{args, use_lang, Msg};
use crate::judging::desk::CriterionField;
use crate::judging::score::ScoreStatus;
use crate::ui::{action_error, event_id_param, loaded, EventIdInput, FormError, Hidden, Submit, TextArea};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn query_id(name: &'static str) -> Signal<i64> {
    let query = use_query_map();
    Signal::derive(move || query.with(|q| q.get(name).and_then(|v| v.parse().ok()).unwrap_or(0)))
}

/// The sheets to print: one page per project, the levels to circle, room for notes, the
/// judge's signature, and the QR code that opens the entry form. Printed from the browser
/// (`@media print` keeps only the pages).
#[component]
pub fn ScoreSheetsPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let judge = query_id("judge");
    let data = Resource::new(move || (id.get(), judge.get()), |(id, judge)| score_sheets(id, judge));
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                let chosen = judge.get_untracked();
                view! {
                    <section class="form-page wide sheets-page">
                        <div class="page-head no-print">
                            <h1 dir="auto">{lang.t(Msg::PaperSheetsTitle)} ": " {d.event_name.clone()}</h1>
                            <a href=format!("/events/{event_id}/judging")>{lang.t(Msg::JudgingTitle)}</a>
                        </div>
                        <p class="hint no-print">{lang.t(Msg::PaperSheetsIntro)}</p>
                        <form method="get" class="no-print inline">
                            <label for="f-judge">{lang.t(Msg::PaperSheetsFor)}</label>
                            <select id="f-judge" name="judge">
                                <option value="0" selected=chosen == 0>
                                    {lang.t(Msg::AllJudges)}
                                </option>
                                {d
                                    .judges
                                    .iter()
                                    .map(|(j, name)| {
                                        view! {
                                            <option value=*j selected=chosen == *j>
                                                {name.clone()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                            <button type="submit" class="button">
                                {lang.t(Msg::ShowSheets)}
                            </button>
                        </form>
                        {d.printed.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NoSheets)}</p> })}
                        {d
                            .printed
                            .into_iter()
                            .map(|j| {
                                let judge_name = j.name.clone();
                                let event_name = d.event_name.clone();
                                j.sheets
                                    .into_iter()
                                    .map(|s| {
                                        view! {
                                            <article class="paper-sheet">
                                                <header class="sheet-head">
                                                    <div>
                                                        <p class="muted" dir="auto">
                                                            {event_name.clone()}
                                                        </p>
                                                        <h2 dir="auto">{s.code.clone()} " · " {s.title.clone()}</h2>
                                                        <p dir="auto">
                                                            {s
                                                                .team
                                                                .clone()
                                                                .map(|t| {
                                                                    view! {
                                                                        {t}
                                                                        " · "
                                                                    }
                                                                })}
                                                            {(!s.table.is_empty())
                                                                .then(|| {
                                                                    lang.format(args::DeskTable { table: &s.table })
                                                                })}
                                                        </p>
                                                        <p>
                                                            {lang
                                                                .format(args::SheetJudge {
                                                                    name: &judge_name,
                                                                })} " · "
                                                            {lang
                                                                .format(args::SheetRubricVersion {
                                                                    version: s.rubric_version,
                                                                })}
                                                        </p>
                                                    </div>
                                                    <div
                                                        class="qr"
                                                        aria-hidden="true"
                                                        inner_html=s.qr_svg.clone()
                                                    ></div>
                                                </header>
                                                <p class="hint">{lang.t(Msg::SheetCircleHint)}</p>
                                                {s
                                                    .criteria
                                                    .iter()
                                                    .cloned()
                                                    .map(|c| view! { <CriterionField criterion=c lang scoring=None /> })
                                                    .collect_view()}
                                                <div class="sheet-box">
                                                    <p>{lang.t(Msg::DeskFeedback)}</p>
                                                </div>
                                                <div class="sheet-box sheet-box-small">
                                                    <p>{lang.t(Msg::DeskNotes)}</p>
                                                </div>
                                                <p class="sheet-absent">"☐ " {lang.t(Msg::DeskAbsent)}</p>
                                                <p class="sheet-sign">{lang.t(Msg::SheetSignature)}</p>
                                                <p class="sheet-url mono no-screen">{s.url.clone()}</p>
                                                <p class="no-print">
                                                    <a href=entry_path(
                                                        event_id,
                                                        j.judge_id,
                                                        s.project_id,
                                                        s.rubric_id,
                                                        &s.mark,
                                                    )>{lang.t(Msg::EnterThisSheet)}</a>
                                                </p>
                                            </article>
                                        }
                                    })
                                    .collect_view()
                            })
                            .collect_view()}
                    </section>
                }
            },
        )}
    }
}

/// What names a sheet's score in both of the entry form's posts.
#[derive(Clone, Copy)]
struct Keys {
    event_id: i64,
    judge_id: i64,
    project_id: i64,
    rubric_id: i64,
    base_version: i64,
}

/// The hidden fields of an entry post: the sheet's keys, the post's own key and its status.
#[component]
fn SheetKeys(keys: Keys, mark: String, save_id: String, status: &'static str) -> impl IntoView {
    view! {
        <EventIdInput event_id=keys.event_id />
        <Hidden name="judge_id" value=keys.judge_id.to_string() />
        <Hidden name="project_id" value=keys.project_id.to_string() />
        <Hidden name="rubric_id" value=keys.rubric_id.to_string() />
        <Hidden name="mark" value=mark />
        <Hidden name="save_id" value=save_id />
        <Hidden name="base_version" value=keys.base_version.to_string() />
        <Hidden name="status" value=status />
    }
}

/// The form a sheet's QR code opens: the organizer taps the levels the judge circled.
#[component]
pub fn PaperEntryPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let (judge, project, rubric, saved) =
        (query_id("judge"), query_id("project"), query_id("rubric"), query_id("saved"));
    let query = use_query_map();
    let mark = Signal::derive(move || query.with(|q| q.get("mark").unwrap_or_default()));
    let data = Resource::new(
        move || (id.get(), judge.get(), project.get(), rubric.get(), mark.get()),
        |(id, judge, project, rubric, mark)| paper_entry(id, judge, project, rubric, mark),
    );
    let save = ServerAction::<SavePaper>::new();
    let errors = action_error(save);
    view! {
        {loaded(
            data,
            move |e| {
                let event_id = e.event_id;
                let saved_version = saved.get_untracked();
                let (judge_id, project_id) = (e.judge_id, e.project_id);
                let keys = Keys {
                    event_id,
                    judge_id,
                    project_id,
                    rubric_id: e.rubric_id,
                    base_version: e.version,
                };
                let (notes, absent_notes) = (e.notes.clone(), e.notes.clone());
                let (feedback, absent_feedback) = (e.feedback.clone(), e.feedback.clone());
                let (save_id, absent_id) = (e.save_id.clone(), format!("{}a", e.save_id));
                let (current, absent_mark) = (e.current.clone(), e.mark.clone());
                let changed = e.rubric_changed;
                let fields = e
                    .criteria
                    .iter()
                    .cloned()
                    .map(|c| {
                        let chosen = e.marks.get(&c.key).copied();
                        // A sheet printed under another rubric is not keyed in from here: the form
                        // against the rubric in force is one link away, a choice made knowingly.
                        view! { <CriterionField criterion=c lang scoring=Some((project_id, chosen)) /> }
                    })
                    .collect_view();
                view! {
                    <section class="form-page paper-entry">
                        <h1 dir="auto">{lang.t(Msg::PaperEntryTitle)}</h1>
                        <p dir="auto">
                            <strong>{e.code.clone()} " · " {e.title.clone()}</strong>
                            {(!e.table.is_empty())
                                .then(|| {
                                    view! {
                                        " · "
                                        {lang.format(args::DeskTable { table: &e.table })}
                                    }
                                })}
                        </p>
                        <p>{lang.format(args::SheetJudge { name: &e.judge })}</p>
                        {(saved_version > 0 && saved_version == e.version)
                            .then(|| {
                                view! {
                                    <p class="notice" role="status">
                                        {lang
                                            .format(args::PaperSaved {
                                                version: e.version,
                                            })}
                                    </p>
                                }
                            })}
                        {e
                            .rubric_changed
                            .then(|| {
                                view! {
                                    <p class="form-error" role="alert">
                                        {lang.t(Msg::ErrRubricChangedSincePrinted)}
                                        " "
                                        <a href=current.clone()>{lang.t(Msg::KeyInAgainstCurrentRubric)}</a>
                                    </p>
                                }
                            })}
                        {(!e.open).then(|| view! { <p class="notice">{lang.t(Msg::JudgingIsClosed)}</p> })}
                        {e
                            .status
                            .as_ref()
                            .map(|s| {
                                let shown = match ScoreStatus::from_code(s) {
                                    Some(ScoreStatus::Absent) => lang.t(Msg::DeskAbsent).to_owned(),
                                    Some(ScoreStatus::Scored) => lang.t(Msg::PaperHeldScored).to_owned(),
                                    _ => lang.t(Msg::PaperHeldDraft).to_owned(),
                                };
                                view! { <p class="muted">{shown}</p> }
                            })}
                        {(!changed)
                            .then(move || {
                                view! {
                                    <ActionForm action=save>
                                        <FormError errors />
                                        <SheetKeys keys mark=e.mark.clone() save_id status="" />
                                        {fields}
                                        <TextArea label=Msg::DeskFeedback name="feedback" errors value=feedback />
                                        <TextArea label=Msg::DeskNotes name="notes" errors value=notes />
                                        <Submit label=Msg::SavePaperSheet />
                                    </ActionForm>
                                    <ActionForm action=save attr:class="inline">
                                        <SheetKeys keys mark=absent_mark save_id=absent_id status="absent" />
                                        <Hidden name="notes" value=absent_notes />
                                        <Hidden name="feedback" value=absent_feedback />
                                        <button type="submit" class="button">
                                            {lang.t(Msg::DeskAbsent)}
                                        </button>
                                    </ActionForm>
                                }
                            })}
                        <p>
                            <a href=format!(
                                "/events/{event_id}/sheets?judge={judge_id}",
                            )>{lang.t(Msg::PaperSheetsTitle)}</a>
                        </p>
                    </section>
                }
            },
        )}
    }
}
