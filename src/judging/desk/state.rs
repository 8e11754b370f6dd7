//! What the desk keeps on the phone and how a save goes from a tap to the server's answer:
//! plain rules, unit-tested here and driven in the browser by `client`.
//!
//! Each tap is kept at once as a pending save with a fresh idempotency key and the score
//! version it was made on, then sent in order. The server answers a replay with its first
//! answer and refuses a save made on an outdated version (see `score`), so a replay never
//! duplicates or overwrites newer work; the judge then chooses between their version and
//! the saved one.

use std::collections::{BTreeMap, HashMap};

/// The phone's storage keys of a judge's saves not sent yet (`…{event}-{judge}`, a JSON list)
/// and of the scores the server confirmed (`Known`). Signing out deletes both; the page asks
/// first while the former hold any save (see `ui::enhance`).
pub const QUEUE_KEY_PREFIX: &str = "hakam-desk-";
pub const KNOWN_KEY_PREFIX: &str = "hakam-desk-known-";

/// Where a project's score stands on this phone.
#[derive(Clone, Debug, PartialEq)]
pub enum Sync {
    /// Nothing entered yet.
    Empty,
    Saved,
    /// Kept on the phone, waiting to be sent.
    Waiting,
    /// Another phone saved a newer version (its version number).
    Stale(i64),
    /// Refused by the server (its reason), kept on the phone until retried; with no reason,
    /// the score was given under an earlier rubric and is to be given again.
    Failed(String),
}

impl Sync {
    /// The name the page's style sheet and tests know the state by (`data-sync`).
    pub fn code(&self) -> &'static str {
        match self {
            Sync::Empty => "empty",
            Sync::Saved => "saved",
            Sync::Waiting => "waiting",
            Sync::Stale(_) => "stale",
            Sync::Failed(_) => "failed",
        }
    }
}

/// One project's score as the judge sees it on this phone.
#[derive(Clone, Debug, PartialEq)]
pub struct Local {
    pub absent: bool,
    pub marks: BTreeMap<String, i64>,
    pub notes: String,
    pub feedback: String,
    pub flagged: bool,
    /// The last version the server confirmed.
    pub version: i64,
    pub sync: Sync,
}

impl Local {
    pub fn empty() -> Local {
        Local {
            absent: false,
            marks: BTreeMap::new(),
            notes: String::new(),
            feedback: String::new(),
            flagged: false,
            version: 0,
            sync: Sync::Empty,
        }
    }
}

/// A save kept on the phone until the server acknowledges it.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub project_id: i64,
    pub save_id: String,
    pub base: i64,
    pub absent: bool,
    pub marks: BTreeMap<String, i64>,
    pub notes: String,
    pub feedback: String,
    pub flagged: bool,
    pub in_flight: bool,
    pub blocked: bool,
}

/// A score the server confirmed to this phone, kept until a page fetched later includes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Known {
    pub version: i64,
    pub absent: bool,
    pub marks: BTreeMap<String, i64>,
    pub notes: String,
    pub feedback: String,
    pub flagged: bool,
}

impl Known {
    pub fn of(save: &Pending, version: i64) -> Known {
        Known {
            version,
            absent: save.absent,
            marks: save.marks.clone(),
            notes: save.notes.clone(),
            feedback: save.feedback.clone(),
            flagged: save.flagged,
        }
    }
}

/// What the desk knows of one project's rubric: the levels each criterion offers, and
/// whether the judge's score on the page was given under an earlier rubric.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rules {
    pub project_id: i64,
    pub outdated: bool,
    /// Criterion key → (lowest, highest) level.
    pub levels: BTreeMap<String, (i64, i64)>,
}

impl Rules {
    pub fn fits(&self, key: &str, level: i64) -> bool {
        self.levels.get(key).is_some_and(|(min, max)| (*min..=*max).contains(&level))
    }

    /// A score counts as done when the team was absent or every criterion has a mark.
    pub fn complete(&self, l: &Local) -> bool {
        l.absent || (!self.levels.is_empty() && self.levels.keys().all(|k| l.marks.contains_key(k)))
    }
}

/// "Absent" stores no marks (the server keeps none for an absent team), so the desk shows
/// none either; scoring a level again makes the team present.
pub fn mark_absent(s: &mut Local, absent: bool) {
    s.absent = absent;
    if absent {
        s.marks.clear();
    }
}

/// What the judge changed on the server-rendered form before the desk's script started.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EarlyEdits {
    pub project_id: i64,
    pub marks: Vec<(String, i64)>,
    pub notes: Option<String>,
    pub feedback: Option<String>,
    pub flagged: Option<bool>,
}

impl EarlyEdits {
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.notes.is_none() && self.feedback.is_none() && self.flagged.is_none()
    }
}

/// Shows each confirmation newer than the page's copy in its place, and returns the
/// confirmations still newer than the page (those the page already has are dropped). Like
/// the page's own marks, only marks the project's rubric still offers are shown, and a
/// project whose score the page says is under an older rubric is left as the page has it:
/// the judge is asked to score it again.
pub fn adopt_known(
    local: &mut HashMap<i64, Local>,
    known: BTreeMap<i64, Known>,
    rules: &[Rules],
) -> BTreeMap<i64, Known> {
    known
        .into_iter()
        .filter(|(pid, k)| {
            let Some(r) = rules.iter().find(|r| r.project_id == *pid) else { return false };
            if r.outdated {
                return false;
            }
            let Some(s) = local.get_mut(pid).filter(|s| k.version > s.version) else { return false };
            s.absent = k.absent;
            s.marks = k.marks.iter().filter(|(key, v)| r.fits(key, **v)).map(|(key, v)| (key.clone(), *v)).collect();
            s.notes = k.notes.clone();
            s.feedback = k.feedback.clone();
            s.flagged = k.flagged;
            s.version = k.version;
            s.sync = Sync::Saved;
            true
        })
        .collect()
}

/// Every project's score on this phone and the saves not acknowledged yet, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Queue {
    pub local: HashMap<i64, Local>,
    pub pending: Vec<Pending>,
    /// Saves kept on the phone for projects this desk does not show (an assignment changed
    /// since they were made): neither sent nor dropped, since they exist nowhere else; the
    /// desk that shows their project again sends them.
    pub elsewhere: Vec<Pending>,
}

impl Queue {
    pub fn new(local: HashMap<i64, Local>) -> Queue {
        Queue { local, pending: Vec::new(), elsewhere: Vec::new() }
    }

    /// Every save the phone keeps, in order: this desk's, then the others.
    pub fn kept(&self) -> impl Iterator<Item = &Pending> {
        self.pending.iter().chain(&self.elsewhere)
    }

    pub fn set_sync(&mut self, project_id: i64, sync: Sync) {
        if let Some(s) = self.local.get_mut(&project_id) {
            s.sync = sync;
        }
    }

    /// Changes a project's score on the phone and keeps the result as its next save.
    pub fn edit(&mut self, project_id: i64, save_id: String, change: impl FnOnce(&mut Local)) {
        let Some(s) = self.local.get_mut(&project_id) else { return };
        change(s);
        self.enqueue(project_id, save_id);
    }

    /// Keeps the project's current state as the next save to send. A save not yet sent is
    /// replaced (it was made on the same version); one in flight stays, and the new one is
    /// rebased when its answer arrives.
    pub fn enqueue(&mut self, project_id: i64, save_id: String) {
        let Some(state) = self.local.get(&project_id).cloned() else { return };
        let waiting = self.pending.iter().position(|p| p.project_id == project_id && !p.in_flight);
        let base = match waiting {
            Some(i) => self.pending[i].base,
            None => self.pending.iter().find(|p| p.project_id == project_id).map(|p| p.base).unwrap_or(state.version),
        };
        let save = Pending {
            project_id,
            save_id,
            base,
            absent: state.absent,
            marks: state.marks,
            notes: state.notes,
            feedback: state.feedback,
            flagged: state.flagged,
            in_flight: false,
            blocked: false,
        };
        match waiting {
            Some(i) => self.pending[i] = save,
            None => self.pending.push(save),
        }
        self.set_sync(project_id, Sync::Waiting);
    }

    /// The judge keeps their version over a newer one saved elsewhere: it is saved again on
    /// top of that version.
    pub fn keep_mine(&mut self, project_id: i64, server_version: i64, save_id: String) {
        if let Some(s) = self.local.get_mut(&project_id) {
            s.version = server_version;
        }
        self.pending.retain(|p| p.project_id != project_id || p.in_flight);
        self.enqueue(project_id, save_id);
    }

    /// Sends a refused save again (or the project's state, if nothing of it is kept).
    pub fn retry(&mut self, project_id: i64, save_id: String) {
        if self.pending.iter().any(|p| p.project_id == project_id) {
            self.pending.iter_mut().filter(|p| p.project_id == project_id).for_each(|p| p.blocked = false);
            self.set_sync(project_id, Sync::Waiting);
        } else {
            self.enqueue(project_id, save_id);
        }
    }

    /// Takes back saves left pending by an earlier visit and shows them in place of the
    /// page's copy: they are newer. Saves of projects not on this desk are set aside.
    pub fn restore(&mut self, saved: Vec<Pending>) {
        let (mut saved, elsewhere): (Vec<Pending>, Vec<Pending>) =
            saved.into_iter().partition(|p| self.local.contains_key(&p.project_id));
        self.elsewhere = elsewhere;
        for p in saved.iter_mut() {
            p.in_flight = false;
            p.blocked = false;
            if let Some(s) = self.local.get_mut(&p.project_id) {
                s.absent = p.absent;
                s.marks = p.marks.clone();
                s.notes = p.notes.clone();
                s.feedback = p.feedback.clone();
                s.flagged = p.flagged;
                s.sync = Sync::Waiting;
            }
        }
        self.pending = saved;
    }

    /// Takes over taps made before the desk started, on top of what the server and the
    /// phone hold, and queues them like any tap: the judge saw them selected. Only levels
    /// the rubric offers are taken (the markup could have been edited).
    pub fn apply_early(&mut self, rules: &Rules, edits: EarlyEdits, save_id: String) {
        let marks: Vec<(String, i64)> = edits.marks.into_iter().filter(|(k, v)| rules.fits(k, *v)).collect();
        if marks.is_empty() && edits.notes.is_none() && edits.feedback.is_none() && edits.flagged.is_none() {
            return;
        }
        self.edit(edits.project_id, save_id, |s| {
            if !marks.is_empty() {
                s.absent = false;
            }
            s.marks.extend(marks);
            if let Some(n) = edits.notes {
                s.notes = n;
            }
            if let Some(f) = edits.feedback {
                s.feedback = f;
            }
            if let Some(f) = edits.flagged {
                s.flagged = f;
            }
        });
    }

    /// The next save to send, marked as in flight; none while one is (saves go one at a time,
    /// in order) or when the rest wait for the judge.
    pub fn next_to_send(&mut self) -> Option<Pending> {
        if self.pending.iter().any(|p| p.in_flight) {
            return None;
        }
        let p = self.pending.iter_mut().find(|p| !p.blocked)?;
        p.in_flight = true;
        Some(p.clone())
    }

    /// The server applied `save` as `version`: a later edit of the same project now builds
    /// on that version. Returns what the phone keeps as confirmed.
    pub fn applied(&mut self, save: &Pending, version: i64) -> Known {
        self.pending.retain(|p| p.save_id != save.save_id);
        for p in self.pending.iter_mut().filter(|p| p.project_id == save.project_id && p.base == save.base) {
            p.base = version;
        }
        let still_pending = self.pending.iter().any(|p| p.project_id == save.project_id);
        if let Some(s) = self.local.get_mut(&save.project_id) {
            s.version = version;
            s.sync = if still_pending { Sync::Waiting } else { Sync::Saved };
        }
        Known::of(save, version)
    }

    /// The server holds a newer version saved elsewhere: the judge chooses.
    pub fn stale(&mut self, save: &Pending, version: i64) {
        self.pending.retain(|p| p.project_id != save.project_id);
        self.set_sync(save.project_id, Sync::Stale(version));
    }

    /// The server was not reached: everything stays, to be sent again.
    pub fn unreachable(&mut self) {
        self.pending.iter_mut().for_each(|p| p.in_flight = false);
    }

    /// The server refused the save with a reason: the project's saves wait for the judge.
    pub fn refused(&mut self, save: &Pending, reason: String) {
        self.pending.iter_mut().filter(|p| p.project_id == save.project_id).for_each(|p| {
            p.in_flight = false;
            p.blocked = true;
        });
        self.set_sync(save.project_id, Sync::Failed(reason));
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
            feedback: String::new(),
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
            feedback: "for the team".into(),
            flagged: true,
        }
    }

    fn rules(project_id: i64, outdated: bool) -> Rules {
        Rules { project_id, outdated, levels: BTreeMap::from([("impact".to_owned(), (0, 5))]) }
    }

    fn queue() -> Queue {
        Queue::new(HashMap::from([(1, local(2, 1)), (2, Local::empty())]))
    }

    #[test]
    fn a_kept_page_shows_the_confirmations_newer_than_itself_and_forgets_the_rest() {
        // The page was fetched when project 1 was at version 2 and project 2 at version 5;
        // the phone was since told of version 3 of project 1 and version 4 of project 2.
        let rules = [rules(1, false), rules(2, false)];
        let mut page = HashMap::from([(1, local(2, 1)), (2, local(5, 2))]);
        let kept = BTreeMap::from([(1, known(3, 4)), (2, known(4, 3)), (9, known(1, 1))]);
        let still = adopt_known(&mut page, kept, &rules);
        assert_eq!(page[&1].version, 3);
        assert_eq!(page[&1].marks["impact"], 4);
        assert!(page[&1].flagged && page[&1].notes == "kept" && page[&1].feedback == "for the team");
        // The page is newer for project 2: its copy stays.
        assert_eq!(page[&2], local(5, 2));
        // Kept: only what the page does not have yet (project 9 is not on this desk).
        assert_eq!(still.keys().copied().collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn a_confirmation_shows_only_marks_the_rubric_offers_and_never_over_an_outdated_score() {
        let rules = [rules(1, false), rules(2, true)];
        let mut page = HashMap::from([(1, local(2, 1)), (2, local(2, 1))]);
        let mut stray = known(3, 4);
        stray.marks.insert("gone".into(), 2);
        stray.marks.insert("impact".into(), 9);
        let kept = BTreeMap::from([(1, stray), (2, known(3, 4))]);
        let still = adopt_known(&mut page, kept, &rules);
        // Out of range (9 on 0-5) and unknown criteria are not shown.
        assert!(page[&1].marks.is_empty(), "{:?}", page[&1].marks);
        assert_eq!(page[&1].version, 3);
        // The outdated one stays as the page has it, and the confirmation is dropped.
        assert_eq!(page[&2], local(2, 1));
        assert_eq!(still.keys().copied().collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn taps_before_a_send_make_one_save_on_the_confirmed_version() {
        let mut q = queue();
        q.edit(1, "a".into(), |s| {
            s.marks.insert("impact".into(), 3);
        });
        q.edit(1, "b".into(), |s| {
            s.notes = "good".into();
            s.feedback = "Clear demo".into();
        });
        assert_eq!(q.pending.len(), 1);
        let p = &q.pending[0];
        assert_eq!((p.save_id.as_str(), p.base, p.marks["impact"], p.notes.as_str()), ("b", 2, 3, "good"));
        assert_eq!(p.feedback, "Clear demo", "the team's feedback travels with the notes, apart from them");
        assert_eq!(q.local[&1].sync, Sync::Waiting);
    }

    #[test]
    fn a_tap_while_a_save_is_in_flight_is_sent_after_it_on_its_version() {
        let mut q = queue();
        q.edit(1, "a".into(), |s| {
            s.marks.insert("impact".into(), 3);
        });
        let first = q.next_to_send().expect("a save to send");
        // One at a time.
        q.edit(1, "b".into(), |s| {
            s.marks.insert("impact".into(), 4);
        });
        assert!(q.next_to_send().is_none());
        assert_eq!(q.pending.len(), 2);
        let known = q.applied(&first, 3);
        assert_eq!((known.version, known.marks["impact"]), (3, 3));
        // Still waiting: the second save, now built on the version the first made.
        assert_eq!(q.local[&1].sync, Sync::Waiting);
        let second = q.next_to_send().expect("the second save");
        assert_eq!((second.save_id.as_str(), second.base), ("b", 3));
        q.applied(&second, 4);
        assert_eq!((q.local[&1].version, &q.local[&1].sync), (4, &Sync::Saved));
        assert!(q.pending.is_empty());
    }

    #[test]
    fn a_lost_connection_keeps_every_save_in_order() {
        let mut q = queue();
        q.edit(1, "a".into(), |s| s.flagged = true);
        q.edit(2, "b".into(), |s| mark_absent(s, true));
        let first = q.next_to_send().expect("a save");
        assert_eq!(first.save_id, "a");
        q.unreachable();
        assert!(q.pending.iter().all(|p| !p.in_flight));
        assert_eq!(q.next_to_send().map(|p| p.save_id), Some("a".into()));
    }

    #[test]
    fn a_refused_save_waits_for_the_judge_and_the_others_go_on() {
        let mut q = queue();
        q.edit(1, "a".into(), |s| s.flagged = true);
        q.edit(2, "b".into(), |s| s.notes = "x".into());
        let first = q.next_to_send().expect("a save");
        q.refused(&first, "Judging is closed".into());
        assert_eq!(q.local[&1].sync, Sync::Failed("Judging is closed".into()));
        assert_eq!(q.next_to_send().map(|p| p.save_id), Some("b".into()));
        q.unreachable();
        q.retry(1, "c".into());
        // The kept save goes again, with its own key: not a new one.
        assert_eq!(q.local[&1].sync, Sync::Waiting);
        assert_eq!(q.next_to_send().map(|p| p.save_id), Some("a".into()));
    }

    #[test]
    fn a_stale_save_is_dropped_and_keeping_mine_saves_it_on_the_newer_version() {
        let mut q = queue();
        q.edit(1, "a".into(), |s| {
            s.marks.insert("impact".into(), 5);
        });
        let save = q.next_to_send().expect("a save");
        q.stale(&save, 7);
        assert!(q.pending.is_empty());
        assert_eq!(q.local[&1].sync, Sync::Stale(7));
        q.keep_mine(1, 7, "b".into());
        assert_eq!(q.pending.len(), 1);
        assert_eq!((q.pending[0].base, q.pending[0].marks["impact"]), (7, 5));
    }

    #[test]
    fn saves_kept_by_an_earlier_visit_come_back_over_the_page_and_others_stay_kept() {
        let mut q = queue();
        let kept = |project_id: i64, save_id: &str| Pending {
            project_id,
            save_id: save_id.into(),
            base: 2,
            absent: false,
            marks: BTreeMap::from([("impact".to_owned(), 5)]),
            notes: String::new(),
            feedback: String::new(),
            flagged: false,
            in_flight: true,
            blocked: true,
        };
        q.restore(vec![kept(1, "a"), kept(9, "elsewhere")]);
        assert_eq!(q.pending.len(), 1);
        assert!(!q.pending[0].in_flight && !q.pending[0].blocked);
        assert_eq!((q.local[&1].marks["impact"], &q.local[&1].sync), (5, &Sync::Waiting));
        // A save of a project this desk does not show is kept as it is, never sent from here.
        let sent = q.next_to_send().expect("the save of project 1");
        q.applied(&sent, 3);
        assert!(q.next_to_send().is_none());
        assert_eq!(q.kept().map(|p| p.save_id.as_str()).collect::<Vec<_>>(), vec!["elsewhere"]);
    }

    #[test]
    fn early_taps_are_queued_with_only_the_levels_the_rubric_offers() {
        let mut q = queue();
        let mut absent = Local::empty();
        mark_absent(&mut absent, true);
        q.local.insert(2, absent);
        let edits = EarlyEdits {
            project_id: 2,
            marks: vec![("impact".into(), 4), ("impact".into(), 9), ("gone".into(), 1)],
            notes: None,
            feedback: None,
            flagged: None,
        };
        q.apply_early(&rules(2, false), edits, "a".into());
        let s = &q.local[&2];
        assert!(!s.absent);
        assert_eq!(s.marks, BTreeMap::from([("impact".to_owned(), 4)]));
        assert_eq!(q.pending.len(), 1);
        // Nothing the rubric offers: nothing queued.
        let stray = EarlyEdits { project_id: 1, marks: vec![("impact".into(), 6)], ..Default::default() };
        q.apply_early(&rules(1, false), stray, "b".into());
        assert_eq!(q.pending.len(), 1);
    }

    #[test]
    fn a_score_is_done_when_every_criterion_has_a_mark_or_the_team_was_absent() {
        let mut r = rules(1, false);
        r.levels.insert("execution".into(), (1, 10));
        let mut l = local(1, 3);
        assert!(!r.complete(&l));
        l.marks.insert("execution".into(), 10);
        assert!(r.complete(&l));
        mark_absent(&mut l, true);
        assert!(l.marks.is_empty() && r.complete(&l));
        assert!(!Rules::default().complete(&Local::empty()));
    }
}
