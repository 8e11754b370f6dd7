//! The scoring desk: the island a judge scores with on a phone.
//!
//! It holds every assigned project, so moving between them needs no network. Each tap is
//! kept locally at once (`localStorage`) as a pending save with a fresh idempotency key and
//! the score version it was made on, then sent in order; a failed send stays pending and is
//! replayed when the connection returns (`online` event, and a backoff timer). The server
//! answers a replay with the first answer and refuses a save made on an outdated version
//! (see `score`), so a replay never duplicates or overwrites newer work; the judge then
//! chooses between their version and the saved one.
//!
//! Where the browser allows a service worker (https, localhost), the desk page and its files
//! are kept on the phone too (see `offline`), so the desk reopens with no network at all. The
//! marks the server confirmed are then those of the page as last fetched, and the phone keeps
//! every confirmation received since (`Known`), so a desk reopened offline shows the judge's
//! marks as last known and builds new saves on their latest versions.
//!
//! Rendered on the server first, the same markup is a plain form: without WASM every
//! criterion is a radio group posting to the save function, and links move between
//! projects.

use super::rubric::Criterion;
#[cfg(feature = "hydrate")]
use super::score::SaveAck;
use super::score::{DeskData, DeskItem, ScoreStatus};
use crate::i18n::{args, Lang, Msg};
use crate::ui::EventIdInput;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The phone's storage keys of a judge's saves not sent yet (`…{event}-{judge}`, a JSON list)
/// and of the scores the server confirmed (`Known`). Signing out deletes both; the page asks
/// first while the former hold any save (see `ui::enhance`).
pub const QUEUE_KEY_PREFIX: &str = "hakam-desk-";
pub const KNOWN_KEY_PREFIX: &str = "hakam-desk-known-";

/// Where a project's score stands on this phone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Sync {
    /// Nothing entered yet.
    Empty,
    Saved,
    /// Kept on the phone, waiting to be sent.
    Waiting,
    /// Another phone saved a newer version (its version number).
    Stale(i64),
    /// Refused by the server; kept on the phone until retried.
    Failed(String),
}

/// One project's score as the judge sees it on this phone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Local {
    pub absent: bool,
    pub marks: BTreeMap<String, i64>,
    pub notes: String,
    pub flagged: bool,
    /// The last version the server confirmed.
    pub version: i64,
    pub sync: Sync,
}

/// A save kept on the phone until the server acknowledges it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub project_id: i64,
    pub save_id: String,
    pub base: i64,
    pub absent: bool,
    pub marks: BTreeMap<String, i64>,
    pub notes: String,
    pub flagged: bool,
    #[serde(default)]
    pub in_flight: bool,
    #[serde(default)]
    pub blocked: bool,
}

pub fn complete(criteria: &[Criterion], l: &Local) -> bool {
    l.absent || (!criteria.is_empty() && criteria.iter().all(|c| l.marks.contains_key(&c.key)))
}

fn initial(item: &DeskItem) -> Local {
    match &item.mine {
        Some(m) => Local {
            absent: m.status == ScoreStatus::Absent.code(),
            // Marks from an older rubric are kept only where they still fit; an absent team
            // has none.
            marks: m
                .marks
                .iter()
                .filter(|(k, v)| {
                    m.status != ScoreStatus::Absent.code()
                        && item.criteria.iter().any(|c| &c.key == *k && (c.min..=c.max).contains(*v))
                })
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            notes: m.notes.clone(),
            flagged: m.flagged,
            version: m.version,
            sync: if m.outdated { Sync::Failed(String::new()) } else { Sync::Saved },
        },
        None => Local {
            absent: false,
            marks: BTreeMap::new(),
            notes: String::new(),
            flagged: false,
            version: 0,
            sync: Sync::Empty,
        },
    }
}

fn sync_text(lang: Lang, s: &Sync, outdated: bool) -> String {
    match s {
        Sync::Empty => lang.t(Msg::DeskNotScored).to_owned(),
        Sync::Saved => lang.t(Msg::DeskSaved).to_owned(),
        Sync::Waiting => lang.t(Msg::DeskWaiting).to_owned(),
        Sync::Stale(_) => lang.t(Msg::DeskStale).to_owned(),
        Sync::Failed(msg) if msg.is_empty() && outdated => lang.t(Msg::DeskRubricChanged).to_owned(),
        Sync::Failed(msg) => msg.clone(),
    }
}

// An island only where its bundle is built (see `app::BUNDLES`); in the other bundles a
// plain component, which no page of theirs renders, so none of its code is shipped there.
#[cfg_attr(any(feature = "ssr", feature = "desk-island"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "desk-island")), component)]
pub fn ScoreDesk(data: DeskData, start: usize, lang: Lang) -> impl IntoView {
    // Taps made on the server-rendered form before this island started: read before
    // hydration, which sets every control to the island's state.
    #[cfg(feature = "hydrate")]
    let early = client::early_edits();
    let items = StoredValue::new(data.items.clone());
    let count = data.items.len();
    let event_id = data.event_id;
    let open = data.open;
    let current = RwSignal::new(start.min(count.saturating_sub(1)));
    let local = RwSignal::new(data.items.iter().map(|i| (i.project_id, initial(i))).collect::<HashMap<i64, Local>>());
    let queue = Queue::new(event_id, data.judge_id, local);

    // Set once the island runs in the browser: until then the page is a plain form.
    let ready = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        let q = queue;
        let early = StoredValue::new(early);
        Effect::new(move |_| {
            q.restore(&items.get_value());
            // Applied after the saves kept on the phone: the taps are newer.
            if let Some(e) = early.try_update_value(Option::take).flatten() {
                if open {
                    q.apply_early(e, &items.get_value());
                }
            }
            q.install_online_listener();
            // A page kept for offline use was rendered at whichever project it was fetched
            // on; the address says where the judge was.
            if let Some(p) = client::position_in_address().filter(|p| *p < count) {
                current.set(p);
            }
            q.pump();
            ready.set(true);
        });
    }

    let done = move || {
        local.with(|l| {
            items.with_value(|items| {
                items.iter().filter(|i| l.get(&i.project_id).is_some_and(|s| complete(&i.criteria, s))).count()
            })
        })
    };
    let go = move |i: usize| {
        current.set(i);
        #[cfg(feature = "hydrate")]
        client::remember_position(i);
    };

    let q = queue;
    // One project's view. Every control shows the phone's state of *this* project (the
    // server's copy, or the save queued on top of it) through `prop:`, so nothing a tap left
    // in the DOM survives; and the view is keyed by project below, so moving to another
    // project builds fresh controls instead of patching the previous project's.
    let project = move |idx: usize| {
        let Some(item) = items.with_value(|v| v.get(idx).cloned()) else {
            return ().into_any();
        };
        let pid = item.project_id;
        let state = local.with_untracked(|l| l.get(&pid).cloned()).unwrap_or_else(|| initial(&item));
        let outdated = item.mine.as_ref().is_some_and(|m| m.outdated);
        let edit = move |f: &dyn Fn(&mut Local)| {
            local.update(|l| {
                if let Some(s) = l.get_mut(&pid) {
                    f(s);
                }
            });
            q.enqueue(pid);
        };
        // Memos: a save acknowledged for another project must not touch these controls
        // (a notes field being typed into would lose its text).
        let notes_now = Memo::new(move |_| local.with(|l| l.get(&pid).map(|s| s.notes.clone()).unwrap_or_default()));
        let flagged_now = Memo::new(move |_| local.with(|l| l.get(&pid).is_some_and(|s| s.flagged)));
        let next = (idx + 1 < count).then_some(idx + 1);
        let prev = idx.checked_sub(1);
        let back = format!("/events/{event_id}/judge?p={idx}");
        let save_id = format!("form-{pid}-v{}", state.version);
        let status_line = move || {
            local
                .with(|l| l.get(&pid).map(|s| (sync_text(lang, &s.sync, outdated), s.sync.clone())))
                .unwrap_or((String::new(), Sync::Empty))
        };
        let status_view = view! {
            <p
                class="desk-sync"
                role="status"
                aria-live="polite"
                data-sync=move || match status_line().1 {
                    Sync::Saved => "saved",
                    Sync::Waiting => "waiting",
                    Sync::Empty => "empty",
                    Sync::Stale(_) => "stale",
                    Sync::Failed(_) => "failed",
                }
            >
                {move || status_line().0}
                {move || match status_line().1 {
                    Sync::Stale(v) => {
                        view! {
                            " "
                            <button type="button" class="button link" on:click=move |_| q.keep_mine(pid, v)>
                                {lang.t(Msg::DeskKeepMine)}
                            </button>
                            " "
                            <a class="button link" href=format!("/events/{event_id}/judge?p={idx}") rel="external">
                                {lang.t(Msg::DeskUseSaved)}
                            </a>
                        }
                            .into_any()
                    }
                    Sync::Failed(m) if !m.is_empty() => {
                        view! {
                            " "
                            <button type="button" class="button link" on:click=move |_| q.retry(pid)>
                                {lang.t(Msg::DeskRetry)}
                            </button>
                        }
                            .into_any()
                    }
                    _ => ().into_any(),
                }}
            </p>
            // Shown by the style sheet only while the page is still a plain form and a
            // control differs from what the server rendered: the status above describes
            // the server's copy, not that tap.
            <p class="desk-unsent" role="status">
                {lang.t(Msg::DeskNotSentYet)}
            </p>
        }
        .into_any();
        // `autocomplete="off"`: the browser must not restore an earlier visit's taps into
        // the form on reload (they would look like new taps, see `client::early_edits`).
        let form_view = view! {
            <form
                method="post"
                action="/api/judging/save"
                data-local="desk"
                class="desk-form"
                autocomplete="off"
                on:submit=move |ev| {
                    ev.prevent_default();
                    #[cfg(feature = "hydrate")]
                    {
                        let absent = client::submitter_value(&ev).as_deref() == Some(ScoreStatus::Absent.code());
                        edit(&|s: &mut Local| mark_absent(s, absent));
                    }
                    if let Some(n) = next {
                        go(n)
                    }
                }
            >
                <EventIdInput event_id />
                <input type="hidden" name="project_id" value=pid />
                <input type="hidden" name="save_id" value=save_id />
                <input type="hidden" name="base_version" value=state.version />
                <input type="hidden" name="back" value=back />
                <fieldset disabled=!open class="desk-fields">
                    {item
                        .criteria
                        .iter()
                        .map(|c| {
                            let key = c.key.clone();
                            let chosen = state.marks.get(&key).copied();
                            let chosen_now = {
                                let key = key.clone();
                                Memo::new(move |_| local.with(|l| l.get(&pid).and_then(|s| s.marks.get(&key).copied())))
                            };
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
                                    <div class="levels">
                                        {c
                                            .range()
                                            .map(|level| {
                                                let key = key.clone();
                                                let id = format!("m-{pid}-{key}-{level}");
                                                let descriptor = c
                                                    .descriptor(level, lang)
                                                    .map(|d| (d.to_owned(), c.descriptor_lang(level, lang).code()));
                                                // `checked` is the server's mark (the page before the
                                                // island starts); `prop:checked` the phone's, after.
                                                view! {
                                                    <input
                                                        type="radio"
                                                        class="level-input"
                                                        id=id.clone()
                                                        name=format!("marks[{key}]")
                                                        value=level
                                                        checked=chosen == Some(level)
                                                        prop:checked=move || chosen_now.get() == Some(level)
                                                        on:change=move |_| edit(
                                                            &|s: &mut Local| {
                                                                s.marks.insert(key.clone(), level);
                                                                s.absent = false;
                                                            },
                                                        )
                                                    />
                                                    <label class="level" for=id>
                                                        <span class="level-n">{level}</span>
                                                        {descriptor
                                                            .map(|(d, d_lang)| {
                                                                view! {
                                                                    <span class="level-d" lang=d_lang dir="auto">
                                                                        {d}
                                                                    </span>
                                                                }
                                                            })}
                                                    </label>
                                                }
                                            })
                                            .collect_view()}
                                    </div>
                                </fieldset>
                            }
                                .into_any()
                        })
                        .collect_view()}
                    <div class="field">
                        <label for=format!("notes-{pid}")>{lang.t(Msg::DeskNotes)}</label>
                        <textarea
                            id=format!("notes-{pid}")
                            name="notes"
                            rows="3"
                            maxlength="2000"
                            dir="auto"
                            inner_html=crate::ui::escape_html(&state.notes)
                            prop:value=move || notes_now.get()
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                edit(&|s: &mut Local| s.notes = v.clone())
                            }
                        ></textarea>
                    </div>
                    <div class="field checkbox">
                        <input
                            type="checkbox"
                            id=format!("flag-{pid}")
                            name="flagged"
                            value="on"
                            checked=state.flagged
                            prop:checked=move || flagged_now.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                edit(&|s: &mut Local| s.flagged = on)
                            }
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
        }
        .into_any();
        let nav_view = view! {
            <nav class="desk-nav" aria-label=lang.t(Msg::DeskProjects)>
                {prev
                    .map(|p| {
                        view! {
                            <a
                                class="button"
                                href=format!("?p={p}")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    go(p)
                                }
                            >
                                {lang.t(Msg::DeskPrevious)}
                            </a>
                        }
                    })}
                {next
                    .map(|n| {
                        view! {
                            <a
                                class="button"
                                href=format!("?p={n}")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    go(n)
                                }
                            >
                                {lang.t(Msg::DeskSkip)}
                            </a>
                        }
                    })}
            </nav>
        }
        .into_any();
        view! {
            <article class="desk-project" aria-labelledby="desk-title" data-project=pid>
                <p class="desk-code">
                    <span class="tag">{item.code.clone()}</span>
                    {(!item.table_label.is_empty())
                        .then(|| {
                            view! {
                                " "
                                <span class="tag">
                                    {lang
                                        .format(args::DeskTable {
                                            table: &item.table_label,
                                        })}
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
                <h2 id="desk-title" dir="auto">
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
                {status_view}
                {form_view}
                {nav_view}
            </article>
        }
        .into_any()
    };
    let shown = move || (count > 0).then(|| current.get());
    let key = move |i: &usize| items.with_value(|v| v.get(*i).map(|it| it.project_id));

    view! {
        <div class="desk" data-ready=move || ready.get().to_string()>
            {(!open)
                .then(|| {
                    view! {
                        <p class="notice" role="status">
                            {lang.t(Msg::DeskClosed)}
                        </p>
                    }
                })}
            <div class="desk-progress">
                <span>
                    {move || {
                        lang.format(args::DeskProgress {
                            progress: format!("{} / {count}", done()),
                        })
                    }}
                </span>
                <progress max=count value=done aria-hidden="true"></progress>
                <span class="desk-pending" data-pending=move || queue.pending_count()>
                    {move || {
                        let n = queue.pending_count();
                        (n > 0).then(|| lang.format(args::DeskPendingCount { count: n }))
                    }}
                </span>
            </div>
            {(count == 0).then(|| view! { <p class="notice">{lang.t(Msg::DeskNothingAssigned)}</p> })}
            <For each=shown key=key children=project />
            <details class="desk-list">
                <summary>{lang.t(Msg::DeskAllProjects)}</summary>
                <ol>
                    {move || {
                        items
                            .with_value(|v| {
                                v.iter()
                                    .enumerate()
                                    .map(|(i, it)| {
                                        let pid = it.project_id;
                                        let criteria = it.criteria.clone();
                                        let state = move || {
                                            local
                                                .with(|l| l.get(&pid).map(|s| (complete(&criteria, s), s.sync.clone())))
                                        };
                                        view! {
                                            <li>
                                                <a
                                                    href=format!("?p={i}")
                                                    aria-current=move || (current.get() == i).then_some("true")
                                                    on:click=move |ev| {
                                                        ev.prevent_default();
                                                        go(i)
                                                    }
                                                >
                                                    {it.code.clone()}
                                                    " "
                                                    <span dir="auto">{it.title.clone()}</span>
                                                </a>
                                                " "
                                                <span class="muted" data-project=pid>
                                                    {move || match state() {
                                                        Some((_, Sync::Waiting)) => lang.t(Msg::DeskWaiting),
                                                        Some((_, Sync::Stale(_))) => lang.t(Msg::DeskStale),
                                                        Some((true, _)) => lang.t(Msg::DeskDone),
                                                        _ => lang.t(Msg::DeskNotScored),
                                                    }}
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </ol>
            </details>
        </div>
    }
}

/// "Absent" stores no marks (the server keeps none for an absent team), so the desk shows
/// none either; scoring a level again makes the team present.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn mark_absent(s: &mut Local, absent: bool) {
    s.absent = absent;
    if absent {
        s.marks.clear();
    }
}

/// What the judge changed on the server-rendered form before the island started.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub struct EarlyEdits {
    pub project_id: i64,
    pub marks: Vec<(String, i64)>,
    pub notes: Option<String>,
    pub flagged: Option<bool>,
}

impl EarlyEdits {
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.notes.is_none() && self.flagged.is_none()
    }
}

/// A score the server confirmed to this phone, kept until a page fetched later includes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Known {
    pub version: i64,
    pub absent: bool,
    pub marks: BTreeMap<String, i64>,
    pub notes: String,
    pub flagged: bool,
}

impl Known {
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn of(save: &Pending, version: i64) -> Known {
        Known {
            version,
            absent: save.absent,
            marks: save.marks.clone(),
            notes: save.notes.clone(),
            flagged: save.flagged,
        }
    }
}

/// Shows each confirmation newer than the page's copy in its place, and returns the
/// confirmations still newer than the page (those the page already has are dropped). Like
/// the page's own marks (`initial`), only marks the project's rubric still offers are shown,
/// and a project whose score the page says is under an older rubric is left as the page has
/// it: the judge is asked to score it again.
pub fn adopt_known(
    local: &mut HashMap<i64, Local>,
    known: BTreeMap<i64, Known>,
    items: &[DeskItem],
) -> BTreeMap<i64, Known> {
    known
        .into_iter()
        .filter(|(pid, k)| {
            let Some(item) = items.iter().find(|i| i.project_id == *pid) else { return false };
            if item.mine.as_ref().is_some_and(|m| m.outdated) {
                return false;
            }
            let Some(s) = local.get_mut(pid).filter(|s| k.version > s.version) else { return false };
            let fits = |(key, v): &(&String, &i64)| {
                item.criteria.iter().any(|c| &c.key == *key && (c.min..=c.max).contains(*v))
            };
            s.absent = k.absent;
            s.marks = k.marks.iter().filter(fits).map(|(key, v)| (key.clone(), *v)).collect();
            s.notes = k.notes.clone();
            s.flagged = k.flagged;
            s.version = k.version;
            s.sync = Sync::Saved;
            true
        })
        .collect()
}

/// The phone's queue of pending saves.
#[derive(Clone, Copy)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
struct Queue {
    event_id: i64,
    judge_id: i64,
    local: RwSignal<HashMap<i64, Local>>,
    pending: RwSignal<Vec<Pending>>,
    pumping: StoredValue<bool>,
}

impl Queue {
    fn new(event_id: i64, judge_id: i64, local: RwSignal<HashMap<i64, Local>>) -> Queue {
        Queue { event_id, judge_id, local, pending: RwSignal::new(Vec::new()), pumping: StoredValue::new(false) }
    }

    fn pending_count(&self) -> usize {
        self.pending.with(|p| p.len())
    }

    fn set_sync(&self, project_id: i64, sync: Sync) {
        self.local.update(|l| {
            if let Some(s) = l.get_mut(&project_id) {
                s.sync = sync;
            }
        });
    }

    /// Keeps the project's current state as the next save to send. A save not yet sent
    /// is replaced (it was made on the same version); one in flight stays, and the new one
    /// is rebased when its answer arrives.
    fn enqueue(&self, project_id: i64) {
        let Some(state) = self.local.with_untracked(|l| l.get(&project_id).cloned()) else { return };
        self.pending.update(|queue| {
            let waiting = queue.iter().position(|p| p.project_id == project_id && !p.in_flight);
            let base = match waiting {
                Some(i) => queue[i].base,
                None => queue.iter().find(|p| p.project_id == project_id).map(|p| p.base).unwrap_or(state.version),
            };
            let save = Pending {
                project_id,
                save_id: new_save_id(),
                base,
                absent: state.absent,
                marks: state.marks.clone(),
                notes: state.notes.clone(),
                flagged: state.flagged,
                in_flight: false,
                blocked: false,
            };
            match waiting {
                Some(i) => queue[i] = save,
                None => queue.push(save),
            }
        });
        self.set_sync(project_id, Sync::Waiting);
        self.persist();
        self.pump();
    }

    fn keep_mine(&self, project_id: i64, server_version: i64) {
        self.local.update(|l| {
            if let Some(s) = l.get_mut(&project_id) {
                s.version = server_version;
            }
        });
        self.pending.update(|q| q.retain(|p| p.project_id != project_id || p.in_flight));
        self.enqueue(project_id);
    }

    fn retry(&self, project_id: i64) {
        let had = self.pending.with_untracked(|q| q.iter().any(|p| p.project_id == project_id));
        if had {
            self.pending
                .update(|q| q.iter_mut().filter(|p| p.project_id == project_id).for_each(|p| p.blocked = false));
            self.set_sync(project_id, Sync::Waiting);
            self.pump();
        } else {
            self.enqueue(project_id);
        }
    }

    #[cfg(not(feature = "hydrate"))]
    fn persist(&self) {}
    #[cfg(not(feature = "hydrate"))]
    fn pump(&self) {}
}

#[cfg(not(feature = "hydrate"))]
fn new_save_id() -> String {
    String::new()
}

#[cfg(feature = "hydrate")]
fn new_save_id() -> String {
    // Not a secret: keys are per judge; time plus 52 random bits never repeat on one phone.
    let r = (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64;
    format!("s{:x}-{r:x}", js_sys::Date::now() as u64)
}

#[cfg(feature = "hydrate")]
mod client {
    use super::*;
    use crate::error::{ShownError, SHOWN_ERRORS};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn submitter_value(ev: &web_sys::SubmitEvent) -> Option<String> {
        ev.submitter().and_then(|s| s.dyn_into::<web_sys::HtmlButtonElement>().ok()).map(|b| b.value())
    }

    /// The controls of the server-rendered form that differ from what the server rendered
    /// (`defaultChecked` / `defaultValue` are the markup's): taps made before the island
    /// started. Must run before hydration, which sets every control to the island's state.
    pub fn early_edits() -> Option<EarlyEdits> {
        let form = web_sys::window()?.document()?.query_selector("form[data-local=desk]").ok()??;
        let input = |selector: &str| {
            form.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        };
        let project_id = input("input[name=project_id]")?.value().parse().ok()?;
        let mut edits = EarlyEdits { project_id, ..Default::default() };
        if let Ok(radios) = form.query_selector_all("input.level-input") {
            for i in 0..radios.length() {
                let Some(r) = radios.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                    continue;
                };
                if r.checked() && !r.default_checked() {
                    let name = r.name();
                    let key = name.strip_prefix("marks[").and_then(|k| k.strip_suffix(']'));
                    if let (Some(key), Ok(level)) = (key, r.value().parse::<i64>()) {
                        edits.marks.push((key.to_owned(), level));
                    }
                }
            }
        }
        if let Some(notes) = form
            .query_selector("textarea[name=notes]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            if notes.default_value().is_ok_and(|d| d != notes.value()) {
                edits.notes = Some(notes.value());
            }
        }
        if let Some(flag) = input("input[name=flagged]") {
            if flag.checked() != flag.default_checked() {
                edits.flagged = Some(flag.checked());
            }
        }
        (!edits.is_empty()).then_some(edits)
    }

    /// The project the address names (`?p=`), if any.
    pub fn position_in_address() -> Option<usize> {
        let search = web_sys::window()?.location().search().ok()?;
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
        params.get("p")?.parse().ok()
    }

    /// Keeps the project in the address, so a reload reopens it.
    pub fn remember_position(i: usize) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("?p={i}")));
        }
    }

    /// Why a save was not taken.
    enum Refusal {
        /// The server was not reached, or failed on its side: try again later.
        Unreachable,
        /// The server refused this save; the judge is shown why.
        Refused(ShownError),
    }

    /// Posts one save to the save function as a form, the way the page's plain form does.
    /// (A hand-written fetch keeps the server-function client out of the WASM.)
    async fn send(event_id: i64, save: &Pending) -> Result<SaveAck, Refusal> {
        let network = |_| Refusal::Unreachable;
        let body = web_sys::UrlSearchParams::new().map_err(network)?;
        body.append("event_id", &event_id.to_string());
        body.append("project_id", &save.project_id.to_string());
        body.append("save_id", &save.save_id);
        body.append("base_version", &save.base.to_string());
        body.append("status", if save.absent { ScoreStatus::Absent.code() } else { "" });
        body.append("notes", &save.notes);
        if save.flagged {
            body.append("flagged", "on");
        }
        for (k, v) in &save.marks {
            body.append(&format!("marks[{k}]"), &v.to_string());
        }
        let headers = web_sys::Headers::new().map_err(network)?;
        headers.set("Accept", "application/json").map_err(network)?;
        headers.set("Content-Type", "application/x-www-form-urlencoded").map_err(network)?;
        headers.set(SHOWN_ERRORS, "1").map_err(network)?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(&body);
        let window = web_sys::window().ok_or(Refusal::Unreachable)?;
        let response: web_sys::Response =
            wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init("/api/judging/save", &init))
                .await
                .map_err(network)?
                .dyn_into()
                .map_err(network)?;
        let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(network)?)
            .await
            .map_err(network)?
            .as_string()
            .unwrap_or_default();
        if response.ok() {
            return serde_json::from_str::<SaveAck>(&text).map_err(|_| Refusal::Unreachable);
        }
        // The server's own refusal names its reason. Anything else (a server error, too many
        // requests, a timeout, or a page that is not ours: a venue's captive portal, a proxy)
        // is tried again later, as when the network is down.
        match crate::ui::enhance::client::shown_error(&text) {
            Some(shown) if !matches!(response.status(), 408 | 429) && response.status() < 500 => {
                Err(Refusal::Refused(shown))
            }
            _ => Err(Refusal::Unreachable),
        }
    }

    impl Queue {
        fn key(&self) -> String {
            format!("{QUEUE_KEY_PREFIX}{}-{}", self.event_id, self.judge_id)
        }

        fn known_key(&self) -> String {
            format!("{KNOWN_KEY_PREFIX}{}-{}", self.event_id, self.judge_id)
        }

        fn load_known(&self) -> BTreeMap<i64, Known> {
            storage()
                .and_then(|s| s.get_item(&self.known_key()).ok().flatten())
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default()
        }

        fn save_known(&self, known: &BTreeMap<i64, Known>) {
            if let Some(s) = storage() {
                let _ = match known.is_empty() {
                    true => s.remove_item(&self.known_key()),
                    false => s.set_item(&self.known_key(), &serde_json::to_string(known).unwrap_or_default()),
                };
            }
        }

        /// Keeps what the server just confirmed, for a desk reopened from a kept page.
        fn confirmed(&self, save: &Pending, version: i64) {
            let mut known = self.load_known();
            known.insert(save.project_id, Known::of(save, version));
            self.save_known(&known);
        }

        pub(super) fn persist(&self) {
            let json = self.pending.with_untracked(|q| serde_json::to_string(q).unwrap_or_default());
            if let Some(s) = storage() {
                // A full storage is reported on the page by the waiting count staying up.
                let _ = s.set_item(&self.key(), &json);
            }
        }

        /// Loads saves left pending by an earlier visit and shows them in place of the
        /// server's copy: they are newer.
        pub(super) fn restore(&self, items: &[DeskItem]) {
            let known = self.load_known();
            if !known.is_empty() {
                let mut still = BTreeMap::new();
                self.local.update(|l| still = adopt_known(l, known, items));
                self.save_known(&still);
            }
            let Some(json) = storage().and_then(|s| s.get_item(&self.key()).ok().flatten()) else { return };
            let Ok(mut saved) = serde_json::from_str::<Vec<Pending>>(&json) else { return };
            saved.retain(|p| items.iter().any(|i| i.project_id == p.project_id));
            for p in saved.iter_mut() {
                p.in_flight = false;
                p.blocked = false;
            }
            self.local.update(|l| {
                for p in &saved {
                    if let Some(s) = l.get_mut(&p.project_id) {
                        s.absent = p.absent;
                        s.marks = p.marks.clone();
                        s.notes = p.notes.clone();
                        s.flagged = p.flagged;
                        s.sync = Sync::Waiting;
                    }
                }
            });
            self.pending.set(saved);
        }

        /// Takes over taps made before the island started, on top of what the server and
        /// the phone hold, and queues them like any tap: the judge saw them selected.
        pub(super) fn apply_early(&self, edits: EarlyEdits, items: &[DeskItem]) {
            let Some(item) = items.iter().find(|i| i.project_id == edits.project_id) else { return };
            // Only levels the rubric offers (the markup could have been edited).
            let fits = |k: &str, v: i64| item.criteria.iter().any(|c| c.key == k && (c.min..=c.max).contains(&v));
            let marks: Vec<(String, i64)> = edits.marks.into_iter().filter(|(k, v)| fits(k, *v)).collect();
            if marks.is_empty() && edits.notes.is_none() && edits.flagged.is_none() {
                return;
            }
            self.local.update(|l| {
                if let Some(s) = l.get_mut(&edits.project_id) {
                    if !marks.is_empty() {
                        s.absent = false;
                    }
                    s.marks.extend(marks);
                    if let Some(n) = edits.notes {
                        s.notes = n;
                    }
                    if let Some(f) = edits.flagged {
                        s.flagged = f;
                    }
                }
            });
            self.enqueue(edits.project_id);
        }

        pub(super) fn install_online_listener(&self) {
            let q = *self;
            let handler = Closure::<dyn Fn()>::new(move || q.pump());
            if let Some(w) = web_sys::window() {
                let _ = w.add_event_listener_with_callback("online", handler.as_ref().unchecked_ref());
            }
            handler.forget();
        }

        pub(super) fn pump(&self) {
            if self.pumping.get_value() {
                return;
            }
            self.pumping.set_value(true);
            let q = *self;
            leptos::task::spawn_local(async move {
                let retry = q.drain().await;
                q.pumping.set_value(false);
                if retry {
                    let again = q;
                    set_timeout(move || again.pump(), std::time::Duration::from_secs(3));
                }
            });
        }

        /// Sends pending saves one at a time; true when the network failed and a retry is due.
        async fn drain(&self) -> bool {
            loop {
                let next = self
                    .pending
                    .with_untracked(|q| q.iter().position(|p| !p.blocked && !p.in_flight).map(|i| q[i].clone()));
                let Some(save) = next else { return false };
                self.pending.update(|q| {
                    if let Some(p) = q.iter_mut().find(|p| p.save_id == save.save_id) {
                        p.in_flight = true;
                    }
                });
                let result = send(self.event_id, &save).await;
                match result {
                    Ok(ack) if ack.applied => {
                        self.confirmed(&save, ack.version);
                        self.pending.update(|q| {
                            q.retain(|p| p.save_id != save.save_id);
                            // A later edit made on top of this save now builds on its version.
                            for p in q.iter_mut().filter(|p| p.project_id == save.project_id && p.base == save.base) {
                                p.base = ack.version;
                            }
                        });
                        let still_pending =
                            self.pending.with_untracked(|q| q.iter().any(|p| p.project_id == save.project_id));
                        self.local.update(|l| {
                            if let Some(s) = l.get_mut(&save.project_id) {
                                s.version = ack.version;
                                s.sync = if still_pending { Sync::Waiting } else { Sync::Saved };
                            }
                        });
                    }
                    Ok(ack) => {
                        self.pending.update(|q| q.retain(|p| p.project_id != save.project_id));
                        self.set_sync(save.project_id, Sync::Stale(ack.version));
                    }
                    Err(Refusal::Unreachable) => {
                        self.pending.update(|q| q.iter_mut().for_each(|p| p.in_flight = false));
                        self.persist();
                        return true;
                    }
                    Err(Refusal::Refused(e)) => {
                        self.pending.update(|q| {
                            q.iter_mut().filter(|p| p.project_id == save.project_id).for_each(|p| {
                                p.in_flight = false;
                                p.blocked = true;
                            })
                        });
                        let msg = match e.fields.is_empty() {
                            true => e.summary,
                            false => e.fields.into_iter().map(|(_, text)| text).collect::<Vec<_>>().join(" "),
                        };
                        self.set_sync(save.project_id, Sync::Failed(msg));
                    }
                }
                self.persist();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(version: i64, mark: i64) -> Local {
        Local {
            absent: false,
            marks: BTreeMap::from([("impact".to_owned(), mark)]),
            notes: String::new(),
            flagged: false,
            version,
            sync: Sync::Saved,
        }
    }

    fn known(version: i64, mark: i64) -> Known {
        Known {
            version,
            absent: false,
            marks: BTreeMap::from([("impact".to_owned(), mark)]),
            notes: "kept".into(),
            flagged: true,
        }
    }

    fn item(project_id: i64, outdated: bool) -> DeskItem {
        let criterion = Criterion {
            key: "impact".into(),
            name: Default::default(),
            description: Default::default(),
            weight: 1,
            min: 0,
            max: 5,
            levels: Vec::new(),
        };
        DeskItem {
            project_id,
            code: String::new(),
            title: String::new(),
            tagline: String::new(),
            description: String::new(),
            team: None,
            track: String::new(),
            table_label: String::new(),
            links: Vec::new(),
            criteria: vec![criterion],
            mine: Some(crate::judging::score::MyScore {
                status: String::new(),
                marks: BTreeMap::new(),
                notes: String::new(),
                flagged: false,
                version: 1,
                outdated,
            }),
        }
    }

    #[test]
    fn a_kept_page_shows_the_confirmations_newer_than_itself_and_forgets_the_rest() {
        // The page was fetched when project 1 was at version 2 and project 2 at version 5;
        // the phone was since told of version 3 of project 1 and version 4 of project 2.
        let items = [item(1, false), item(2, false)];
        let mut page = HashMap::from([(1, local(2, 1)), (2, local(5, 2))]);
        let kept = BTreeMap::from([(1, known(3, 4)), (2, known(4, 3)), (9, known(1, 1))]);
        let still = adopt_known(&mut page, kept, &items);
        assert_eq!(page[&1].version, 3);
        assert_eq!(page[&1].marks["impact"], 4);
        assert!(page[&1].flagged && page[&1].notes == "kept");
        // The page is newer for project 2: its copy stays.
        assert_eq!(page[&2], local(5, 2));
        // Kept: only what the page does not have yet (project 9 is not on this desk).
        assert_eq!(still.keys().copied().collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn a_confirmation_shows_only_marks_the_rubric_offers_and_never_over_an_outdated_score() {
        let items = [item(1, false), item(2, true)];
        let mut page = HashMap::from([(1, local(2, 1)), (2, local(2, 1))]);
        let mut stray = known(3, 4);
        stray.marks.insert("gone".into(), 2);
        stray.marks.insert("impact".into(), 9);
        let kept = BTreeMap::from([(1, stray), (2, known(3, 4))]);
        let still = adopt_known(&mut page, kept, &items);
        // Out of range (9 on 0-5) and unknown criteria are not shown.
        assert!(page[&1].marks.is_empty(), "{:?}", page[&1].marks);
        assert_eq!(page[&1].version, 3);
        // The outdated one stays as the page has it, and the confirmation is dropped.
        assert_eq!(page[&2], local(2, 1));
        assert_eq!(still.keys().copied().collect::<Vec<_>>(), vec![1]);
    }
}
