//! The desk's script in the browser: reads the page the server rendered, keeps the judge's
//! taps on the phone and sends them (`state::Queue`), and shows each project from the page's
//! `<template>` with no network.
//!
//! Every control and status the judge sees is painted from the phone's state of *that*
//! project when it is shown, so nothing a tap left in the page survives a move to another
//! project, and nothing is shown that the desk has not taken.

use super::state::{
    adopt_known, mark_absent, EarlyEdits, Known, Local, Pending, Queue, Rules, Sync, KNOWN_KEY_PREFIX, QUEUE_KEY_PREFIX,
};
use super::NUMBER_SLOT;
use crate::error::{ShownError, SHOWN_ERRORS};
use crate::judging::score::ScoreStatus;
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// One project on the desk: its rubric's levels and its markup (in the page or set aside).
struct Project {
    rules: Rules,
    article: Element,
}

struct Desk {
    event_id: i64,
    judge_id: i64,
    open: bool,
    root: Element,
    projects: Vec<Project>,
    queue: Queue,
    current: usize,
    /// The notes and the feedback last put into the shown project's text boxes, to tell
    /// what was typed since.
    painted: Option<(String, String)>,
    pumping: bool,
}

thread_local! {
    static DESK: RefCell<Option<Desk>> = const { RefCell::new(None) };
}

/// Runs `f` on the desk, if there is one and nothing else is using it (an event raised
/// while the desk paints itself is ignored rather than nested).
fn with<R>(f: impl FnOnce(&mut Desk) -> R) -> Option<R> {
    DESK.with(|d| d.try_borrow_mut().ok()?.as_mut().map(f))
}

fn elements(parent: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = parent.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn element(parent: &Element, selector: &str) -> Option<Element> {
    parent.query_selector(selector).ok().flatten()
}

fn number(e: &Element, name: &str) -> Option<i64> {
    e.get_attribute(name)?.parse().ok()
}

/// A level radio's criterion key (`marks[key]`) and level.
fn level_of(radio: &HtmlInputElement) -> Option<(String, i64)> {
    let name = radio.name();
    let key = name.strip_prefix("marks[")?.strip_suffix(']')?;
    Some((key.to_owned(), radio.value().parse().ok()?))
}

fn radios(article: &Element) -> Vec<HtmlInputElement> {
    elements(article, "input.level-input").into_iter().filter_map(|e| e.dyn_into().ok()).collect()
}

fn notes_box(article: &Element) -> Option<HtmlTextAreaElement> {
    element(article, "textarea[name=notes]")?.dyn_into().ok()
}

fn feedback_box(article: &Element) -> Option<HtmlTextAreaElement> {
    element(article, "textarea[name=feedback]")?.dyn_into().ok()
}

fn flag_box(article: &Element) -> Option<HtmlInputElement> {
    element(article, "input[name=flagged]")?.dyn_into().ok()
}

/// The project's rubric, as its radios offer it.
fn read_rules(article: &Element) -> Rules {
    let mut levels: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for (key, level) in radios(article).iter().filter_map(level_of) {
        let range = levels.entry(key).or_insert((level, level));
        range.0 = range.0.min(level);
        range.1 = range.1.max(level);
    }
    Rules {
        project_id: number(article, "data-project").unwrap_or_default(),
        outdated: article.has_attribute("data-outdated"),
        levels,
    }
}

/// The judge's score as the server rendered it (`checked`, the textarea's text: the
/// controls' defaults, whatever was tapped since).
fn read_local(article: &Element) -> Local {
    let sync = element(article, ".desk-sync").and_then(|p| p.get_attribute("data-sync"));
    Local {
        absent: article.has_attribute("data-absent"),
        marks: radios(article).iter().filter(|r| r.default_checked()).filter_map(level_of).collect(),
        notes: notes_box(article).and_then(|t| t.default_value().ok()).unwrap_or_default(),
        feedback: feedback_box(article).and_then(|t| t.default_value().ok()).unwrap_or_default(),
        flagged: flag_box(article).is_some_and(|f| f.default_checked()),
        version: number(article, "data-version").unwrap_or_default(),
        sync: match sync.as_deref() {
            Some("saved") => Sync::Saved,
            Some("failed") => Sync::Failed(String::new()),
            _ => Sync::Empty,
        },
    }
}

/// The controls that differ from what the server rendered: taps made before the script
/// started.
fn early_edits(article: &Element) -> Option<EarlyEdits> {
    let mut edits = EarlyEdits { project_id: number(article, "data-project")?, ..Default::default() };
    edits.marks = radios(article).iter().filter(|r| r.checked() && !r.default_checked()).filter_map(level_of).collect();
    if let Some(notes) = notes_box(article) {
        if notes.default_value().is_ok_and(|d| d != notes.value()) {
            edits.notes = Some(notes.value());
        }
    }
    if let Some(feedback) = feedback_box(article) {
        if feedback.default_value().is_ok_and(|d| d != feedback.value()) {
            edits.feedback = Some(feedback.value());
        }
    }
    if let Some(flag) = flag_box(article) {
        if flag.checked() != flag.default_checked() {
            edits.flagged = Some(flag.checked());
        }
    }
    (!edits.is_empty()).then_some(edits)
}

pub fn start(document: &Document) {
    let Some(root) = document.query_selector(".desk").ok().flatten() else { return };
    let Some(shown) = element(&root, ".desk-shown") else { return };
    let live = element(&shown, ".desk-project");
    // Read before anything is painted over them.
    let early = live.as_ref().and_then(early_edits);
    let mut articles: Vec<Element> = live.iter().cloned().collect();
    if let Some(kept) =
        element(&root, "template.desk-projects").and_then(|t| t.dyn_into::<web_sys::HtmlTemplateElement>().ok())
    {
        let children = kept.content().children();
        articles.extend((0..children.length()).filter_map(|i| children.item(i)));
    }
    articles.sort_by_key(|a| number(a, "data-index").unwrap_or_default());
    let projects: Vec<Project> =
        articles.into_iter().map(|article| Project { rules: read_rules(&article), article }).collect();
    let queue =
        Queue::new(projects.iter().map(|p| (p.rules.project_id, read_local(&p.article))).collect::<HashMap<_, _>>());
    let current = live.as_ref().and_then(|a| number(a, "data-index")).unwrap_or_default() as usize;
    let mut desk = Desk {
        event_id: number(&root, "data-event").unwrap_or_default(),
        judge_id: number(&root, "data-judge").unwrap_or_default(),
        open: root.get_attribute("data-open").as_deref() == Some("true"),
        root,
        projects,
        queue,
        current,
        painted: None,
        pumping: false,
    };
    desk.take_over(early);
    // A page kept for offline use was rendered at whichever project it was fetched on; the
    // address says where the judge was.
    let at = position_in_address().filter(|p| *p < desk.projects.len()).unwrap_or(desk.current);
    let root = desk.root.clone();
    DESK.with(|d| *d.borrow_mut() = Some(desk));
    with(|d| {
        d.show(at, false);
        for i in 0..d.projects.len() {
            let pid = d.projects[i].rules.project_id;
            d.paint_status(pid);
        }
        d.paint_totals();
    });
    listen(&root);
    let _ = root.set_attribute("data-ready", "true");
    pump();
}

impl Desk {
    /// Builds the phone's state over the page's: confirmations kept since the page was
    /// fetched, saves not sent yet, then taps made on the page before now (the newest).
    fn take_over(&mut self, early: Option<EarlyEdits>) {
        let rules: Vec<Rules> = self.projects.iter().map(|p| p.rules.clone()).collect();
        let known = self.load_known();
        if !known.is_empty() {
            let still = adopt_known(&mut self.queue.local, known, &rules);
            self.save_known(&still);
        }
        self.queue.restore(self.load_queue());
        if let Some(e) = early.filter(|_| self.open) {
            if let Some(r) = rules.iter().find(|r| r.project_id == e.project_id) {
                self.queue.apply_early(r, e, new_save_id());
            }
        }
        self.persist();
    }

    fn index_of(&self, project_id: i64) -> Option<usize> {
        self.projects.iter().position(|p| p.rules.project_id == project_id)
    }

    fn text(&self, name: &str) -> String {
        self.root.get_attribute(name).unwrap_or_default()
    }

    /// Puts project `i` in the page, its controls showing the phone's state of it. When the
    /// judge asked for it (`moved`), the address names it and its title takes the focus.
    fn show(&mut self, i: usize, moved: bool) {
        self.keep_typed_notes();
        let Some(project) = self.projects.get(i) else { return };
        let article = project.article.clone();
        let pid = project.rules.project_id;
        if let Some(shown) = element(&self.root, ".desk-shown") {
            shown.replace_children_with_node_1(&article);
        }
        self.current = i;
        self.paint_controls(pid);
        self.paint_status(pid);
        for link in elements(&self.root, ".desk-list a[data-go]") {
            let _ = match number(&link, "data-go") == Some(i as i64) {
                true => link.set_attribute("aria-current", "true"),
                false => link.remove_attribute("aria-current"),
            };
        }
        if moved {
            remember_position(i);
            self.focus_title();
        }
    }

    fn focus_title(&self) {
        let Some(shown) = self.projects.get(self.current) else { return };
        if let Some(title) = element(&shown.article, "h2").and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
            let _ = title.focus();
        }
    }

    /// Notes or feedback typed into the project shown and not yet taken (a textarea reports
    /// its change only when it loses focus, which taking it out of the page does not always do).
    fn keep_typed_notes(&mut self) {
        let Some(shown) = self.projects.get(self.current) else { return };
        let pid = shown.rules.project_id;
        let (Some(notes), Some(feedback)) = (notes_box(&shown.article), feedback_box(&shown.article)) else { return };
        let typed = (notes.value(), feedback.value());
        if self.open && self.painted.as_ref().is_some_and(|painted| *painted != typed) {
            self.painted = Some(typed.clone());
            self.queue.edit(pid, new_save_id(), |s| {
                s.notes = typed.0;
                s.feedback = typed.1;
            });
            self.changed(pid);
        }
    }

    fn paint_controls(&mut self, project_id: i64) {
        let (Some(i), Some(state)) = (self.index_of(project_id), self.queue.local.get(&project_id)) else { return };
        if i == self.current {
            self.painted = Some((state.notes.clone(), state.feedback.clone()));
        }
        let article = &self.projects[i].article;
        for radio in radios(article) {
            let on = level_of(&radio).is_some_and(|(k, v)| state.marks.get(&k) == Some(&v));
            radio.set_checked(on);
        }
        if let Some(notes) = notes_box(article) {
            notes.set_value(&state.notes);
        }
        if let Some(feedback) = feedback_box(article) {
            feedback.set_value(&state.feedback);
        }
        if let Some(flag) = flag_box(article) {
            flag.set_checked(state.flagged);
        }
    }

    /// The project's status line, with what the judge can do about it, and its entry in the
    /// list of projects.
    fn paint_status(&self, project_id: i64) {
        let (Some(i), Some(state)) = (self.index_of(project_id), self.queue.local.get(&project_id)) else { return };
        let project = &self.projects[i];
        if let Some(line) = element(&project.article, ".desk-sync") {
            let _ = line.set_attribute("data-sync", state.sync.code());
            // The desk names each state's text by the state's code (`data-saved`, …).
            let text = match &state.sync {
                Sync::Failed(m) if m.is_empty() => self.text("data-rubric"),
                Sync::Failed(m) => m.clone(),
                other => self.text(&format!("data-{}", other.code())),
            };
            line.set_text_content(Some(&text));
            let document = line.owner_document();
            let add = |tag: &str, text: String, attrs: &[(&str, &str)]| {
                let Some(e) = document.as_ref().and_then(|d| d.create_element(tag).ok()) else { return };
                e.set_text_content(Some(&text));
                for (name, value) in attrs {
                    let _ = e.set_attribute(name, value);
                }
                let _ = line.append_with_str_1(" ");
                let _ = line.append_with_node_1(&e);
            };
            const BUTTON: [(&str, &str); 2] = [("type", "button"), ("class", "button link")];
            match &state.sync {
                Sync::Stale(version) => {
                    let version = version.to_string();
                    let [t, c] = BUTTON;
                    add("button", self.text("data-keep"), &[t, c, ("data-act", "keep"), ("data-version", &version)]);
                    // The saved version: the page loaded again from the server.
                    let href = format!("?p={i}");
                    add("a", self.text("data-use"), &[c, ("href", &href), ("rel", "external")]);
                }
                Sync::Failed(m) if !m.is_empty() => {
                    let [t, c] = BUTTON;
                    add("button", self.text("data-retry"), &[t, c, ("data-act", "retry")]);
                }
                _ => {}
            }
        }
        if let Some(entry) = element(&self.root, &format!(".desk-list [data-project=\"{project_id}\"]")) {
            let text = match &state.sync {
                Sync::Waiting | Sync::Stale(_) => self.text(&format!("data-{}", state.sync.code())),
                _ if project.rules.complete(state) => self.text("data-done"),
                _ => self.text("data-empty"),
            };
            entry.set_text_content(Some(&text));
        }
    }

    /// How many projects are done, and how many saves wait to be sent.
    fn paint_totals(&self) {
        let done = self
            .projects
            .iter()
            .filter(|p| self.queue.local.get(&p.rules.project_id).is_some_and(|s| p.rules.complete(s)))
            .count();
        if let Some(e) = element(&self.root, ".desk-done") {
            e.set_text_content(Some(&format!("{done} / {}", self.projects.len())));
        }
        if let Some(bar) = element(&self.root, ".desk-progress progress") {
            let _ = bar.set_attribute("value", &done.to_string());
        }
        if let Some(e) = element(&self.root, ".desk-pending") {
            let n = self.queue.pending.len();
            let text = match n {
                0 => String::new(),
                n => self.text("data-pending").replace(NUMBER_SLOT, &n.to_string()),
            };
            e.set_text_content(Some(&text));
            let _ = e.set_attribute("data-pending", &n.to_string());
        }
    }

    /// After the queue changed for a project: keep it, show it, send it.
    fn changed(&self, project_id: i64) {
        self.persist();
        self.paint_status(project_id);
        self.paint_totals();
    }

    fn key(&self) -> String {
        format!("{QUEUE_KEY_PREFIX}{}-{}", self.event_id, self.judge_id)
    }

    fn known_key(&self) -> String {
        format!("{KNOWN_KEY_PREFIX}{}-{}", self.event_id, self.judge_id)
    }

    fn persist(&self) {
        let list = js_sys::Array::new();
        for p in self.queue.kept() {
            list.push(&pending_to_js(p));
        }
        if let (Some(s), Some(json)) = (crate::ui::enhance::client::local_storage(), stringify(&list)) {
            // A full storage shows on the page: the waiting count stays up.
            let _ = s.set_item(&self.key(), &json);
        }
    }

    fn load_queue(&self) -> Vec<Pending> {
        let Some(list) = crate::ui::enhance::client::local_storage()
            .and_then(|s| s.get_item(&self.key()).ok().flatten())
            .and_then(|j| parse(&j))
        else {
            return Vec::new();
        };
        js_sys::Array::from(&list).iter().filter_map(|v| pending_from_js(&v)).collect()
    }

    fn load_known(&self) -> BTreeMap<i64, Known> {
        let Some(map) = crate::ui::enhance::client::local_storage()
            .and_then(|s| s.get_item(&self.known_key()).ok().flatten())
            .and_then(|j| parse(&j))
        else {
            return BTreeMap::new();
        };
        let Ok(keys) = Reflect::own_keys(&map) else { return BTreeMap::new() };
        keys.iter()
            .filter_map(|k| {
                let pid = k.as_string()?.parse().ok()?;
                let v = Reflect::get(&map, &k).ok()?;
                Some((
                    pid,
                    Known {
                        version: int(&v, "version")?,
                        absent: flag(&v, "absent"),
                        marks: marks_from_js(&v),
                        notes: text(&v, "notes"),
                        feedback: text(&v, "feedback"),
                        flagged: flag(&v, "flagged"),
                    },
                ))
            })
            .collect()
    }

    fn save_known(&self, known: &BTreeMap<i64, Known>) {
        let Some(s) = crate::ui::enhance::client::local_storage() else { return };
        if known.is_empty() {
            let _ = s.remove_item(&self.known_key());
            return;
        }
        let map = Object::new();
        for (pid, k) in known {
            let o = Object::new();
            set(&o, "version", num(k.version));
            set(&o, "absent", k.absent.into());
            set(&o, "marks", marks_to_js(&k.marks));
            set(&o, "notes", k.notes.as_str().into());
            set(&o, "feedback", k.feedback.as_str().into());
            set(&o, "flagged", k.flagged.into());
            set(&map, &pid.to_string(), o.into());
        }
        if let Some(json) = stringify(&map) {
            let _ = s.set_item(&self.known_key(), &json);
        }
    }

    /// Keeps what the server just confirmed, for a desk reopened from a kept page.
    fn confirmed(&self, project_id: i64, known: Known) {
        let mut all = self.load_known();
        all.insert(project_id, known);
        self.save_known(&all);
    }
}

// --- The page's events: one listener each on the desk, for every project shown in it.

fn listen(root: &Element) {
    let on = |name: &str, f: fn(Event)| {
        let handler = Closure::<dyn Fn(Event)>::new(f);
        let _ = root.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
        // The listeners live as long as the page.
        handler.forget();
    };
    on("change", changed);
    on("submit", submitted);
    on("click", clicked);
    let online = Closure::<dyn Fn()>::new(pump);
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    }
    online.forget();
}

fn target(ev: &Event) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()
}

fn project_of(e: &Element) -> Option<i64> {
    number(&e.closest(".desk-project").ok()??, "data-project")
}

/// A level, the notes, the feedback or the flag changed: kept and sent.
fn changed(ev: Event) {
    let Some(control) = target(&ev) else { return };
    let Some(pid) = project_of(&control) else { return };
    let mut typed = false;
    let change: Box<dyn FnOnce(&mut Local)> = if let Some(radio) = control.dyn_ref::<HtmlInputElement>() {
        match (radio.type_().as_str(), level_of(radio)) {
            ("radio", Some((key, level))) => Box::new(move |s: &mut Local| {
                s.marks.insert(key, level);
                s.absent = false;
            }),
            ("checkbox", _) => {
                let on = radio.checked();
                Box::new(move |s: &mut Local| s.flagged = on)
            }
            _ => return,
        }
    } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        let text = area.value();
        let feedback = area.name() == "feedback";
        typed = true;
        Box::new(move |s: &mut Local| if feedback { s.feedback = text } else { s.notes = text })
    } else {
        return;
    };
    with(|d| {
        d.queue.edit(pid, new_save_id(), change);
        if typed && d.index_of(pid) == Some(d.current) {
            // What the boxes were last known to hold: this box's text is taken now; text typed
            // in the other and not reported yet still differs, and is taken with the next save.
            if let Some(s) = d.queue.local.get(&pid) {
                d.painted = Some((s.notes.clone(), s.feedback.clone()));
            }
        }
        d.changed(pid);
    });
    pump();
}

/// "Save and next" or "Absent": the state as shown is saved (absent: with no marks), and
/// the next project opens.
fn submitted(ev: Event) {
    let Some(form) = target(&ev).filter(|f| f.has_attribute("data-local")) else { return };
    ev.prevent_default();
    let Some(pid) = project_of(&form) else { return };
    let absent = ev
        .dyn_ref::<web_sys::SubmitEvent>()
        .and_then(|s| s.submitter())
        .and_then(|b| b.dyn_into::<web_sys::HtmlButtonElement>().ok())
        .is_some_and(|b| b.value() == ScoreStatus::Absent.code());
    with(|d| {
        d.keep_typed_notes();
        d.queue.edit(pid, new_save_id(), |s| mark_absent(s, absent));
        d.changed(pid);
        match d.index_of(pid).map(|i| i + 1).filter(|n| *n < d.projects.len()) {
            Some(next) => d.show(next, true),
            None => d.paint_controls(pid),
        }
    });
    pump();
}

/// Moving between projects, and the choices a status line offers.
fn clicked(ev: Event) {
    let Some(clicked) = target(&ev) else { return };
    if let Some(go) = clicked.closest("[data-go]").ok().flatten().and_then(|l| number(&l, "data-go")) {
        ev.prevent_default();
        with(|d| d.show(go as usize, true));
        // Notes typed on the project left were queued on the way.
        pump();
        return;
    }
    let Some(button) = clicked.closest("[data-act]").ok().flatten() else { return };
    let Some(pid) = project_of(&button) else { return };
    let act = button.get_attribute("data-act").unwrap_or_default();
    with(|d| {
        // Notes typed and not yet reported (a tap on a button need not take the focus from
        // the text box) go with this save instead of being painted over.
        d.keep_typed_notes();
        match act.as_str() {
            "keep" => d.queue.keep_mine(pid, number(&button, "data-version").unwrap_or_default(), new_save_id()),
            "retry" => d.queue.retry(pid, new_save_id()),
            _ => return,
        }
        d.paint_controls(pid);
        d.changed(pid);
        // The button pressed is gone with the status it belonged to: the focus goes back to
        // the project, not to the top of the page.
        d.focus_title();
    });
    pump();
}

// --- Sending.

fn pump() {
    let idle = with(|d| !std::mem::replace(&mut d.pumping, true)).unwrap_or(false);
    if !idle {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let retry = drain().await;
        with(|d| d.pumping = false);
        if retry {
            let again = Closure::once_into_js(pump);
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), 3000);
            }
        }
    });
}

/// Sends pending saves one at a time; true when the server was not reached and a retry is due.
async fn drain() -> bool {
    loop {
        let Some((event_id, save)) = with(|d| Some((d.event_id, d.queue.next_to_send()?))).flatten() else {
            return false;
        };
        let result = send(event_id, &save).await;
        let retry = with(|d| {
            let retry = match result {
                Ok(ack) if ack.applied => {
                    let known = d.queue.applied(&save, ack.version);
                    d.confirmed(save.project_id, known);
                    false
                }
                Ok(ack) => {
                    d.queue.stale(&save, ack.version);
                    false
                }
                Err(Refusal::Unreachable) => {
                    d.queue.unreachable();
                    true
                }
                Err(Refusal::Refused(e)) => {
                    let reason = match e.fields.is_empty() {
                        true => e.summary,
                        false => e.fields.into_iter().map(|(_, text)| text).collect::<Vec<_>>().join(" "),
                    };
                    d.queue.refused(&save, reason);
                    false
                }
            };
            d.changed(save.project_id);
            retry
        });
        if retry != Some(false) {
            return retry.unwrap_or(false);
        }
    }
}

/// The server's answer to a save it took.
struct Ack {
    version: i64,
    applied: bool,
}

/// Why a save was not taken.
enum Refusal {
    /// The server was not reached, or failed on its side: try again later.
    Unreachable,
    /// The server refused this save; the judge is shown why.
    Refused(ShownError),
}

/// Posts one save to the save function as a form, the way the page's plain form does.
async fn send(event_id: i64, save: &Pending) -> Result<Ack, Refusal> {
    let network = |_| Refusal::Unreachable;
    let body = web_sys::UrlSearchParams::new().map_err(network)?;
    body.append("event_id", &event_id.to_string());
    body.append("project_id", &save.project_id.to_string());
    body.append("save_id", &save.save_id);
    body.append("base_version", &save.base.to_string());
    body.append("status", if save.absent { ScoreStatus::Absent.code() } else { "" });
    body.append("notes", &save.notes);
    body.append("feedback", &save.feedback);
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
        // Anything but the save function's answer (a portal's page served as 200) is a
        // save not taken yet.
        let ack = parse(&text).ok_or(Refusal::Unreachable)?;
        return Ok(Ack {
            version: int(&ack, "version").ok_or(Refusal::Unreachable)?,
            applied: Reflect::get(&ack, &"applied".into())
                .ok()
                .and_then(|v| v.as_bool())
                .ok_or(Refusal::Unreachable)?,
        });
    }
    // The server's own refusal names its reason. Anything else (a server error, too many
    // requests, a timeout, or a page that is not ours: a venue's captive portal, a proxy) is
    // tried again later, as when the network is down.
    match crate::ui::enhance::client::shown_error(&text) {
        Some(shown) if !matches!(response.status(), 408 | 429) && response.status() < 500 => {
            Err(Refusal::Refused(shown))
        }
        _ => Err(Refusal::Unreachable),
    }
}

// --- The phone's storage, as JSON read and written by the browser (a JSON library would
// weigh more than the desk's whole script). The shapes are those earlier versions wrote.

fn parse(json: &str) -> Option<JsValue> {
    js_sys::JSON::parse(json).ok().filter(|v| v.is_object())
}

fn stringify(v: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(v).ok()?.as_string()
}

fn set(o: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(o, &key.into(), &value);
}

/// A number as JSON writes it: an `i64` would become a BigInt, which `JSON.stringify` refuses.
fn num(n: i64) -> JsValue {
    JsValue::from_f64(n as f64)
}

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn int(o: &JsValue, key: &str) -> Option<i64> {
    get(o, key).as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)
}

fn text(o: &JsValue, key: &str) -> String {
    get(o, key).as_string().unwrap_or_default()
}

fn flag(o: &JsValue, key: &str) -> bool {
    get(o, key).as_bool().unwrap_or(false)
}

fn marks_to_js(marks: &BTreeMap<String, i64>) -> JsValue {
    let o = Object::new();
    for (k, v) in marks {
        set(&o, k, num(*v));
    }
    o.into()
}

fn marks_from_js(o: &JsValue) -> BTreeMap<String, i64> {
    let marks = get(o, "marks");
    let Ok(keys) = Reflect::own_keys(&marks) else { return BTreeMap::new() };
    keys.iter().filter_map(|k| Some((k.as_string()?, int(&marks, &k.as_string()?)?))).collect()
}

fn pending_to_js(p: &Pending) -> JsValue {
    let o = Object::new();
    set(&o, "project_id", num(p.project_id));
    set(&o, "save_id", p.save_id.as_str().into());
    set(&o, "base", num(p.base));
    set(&o, "absent", p.absent.into());
    set(&o, "marks", marks_to_js(&p.marks));
    set(&o, "notes", p.notes.as_str().into());
    set(&o, "feedback", p.feedback.as_str().into());
    set(&o, "flagged", p.flagged.into());
    set(&o, "in_flight", p.in_flight.into());
    set(&o, "blocked", p.blocked.into());
    o.into()
}

fn pending_from_js(o: &JsValue) -> Option<Pending> {
    Some(Pending {
        project_id: int(o, "project_id")?,
        save_id: get(o, "save_id").as_string()?,
        base: int(o, "base")?,
        absent: flag(o, "absent"),
        marks: marks_from_js(o),
        notes: text(o, "notes"),
        feedback: text(o, "feedback"),
        flagged: flag(o, "flagged"),
        in_flight: flag(o, "in_flight"),
        blocked: flag(o, "blocked"),
    })
}

// --- The address.

/// The project the address names (`?p=`), if any.
fn position_in_address() -> Option<usize> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("p")?.parse().ok()
}

/// Keeps the project in the address, so a reload reopens it.
fn remember_position(i: usize) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("?p={i}")));
    }
}

fn new_save_id() -> String {
    // Not a secret: keys are per judge; time plus 52 random bits never repeat on one phone.
    let r = (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64;
    format!("s{:x}-{r:x}", js_sys::Date::now() as u64)
}
