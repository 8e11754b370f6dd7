//! The pitch-slot schedule's rules: a grid of equal slots from a start time, with a break after
//! every N slots, and the greedy walk that gives each judge's pending assignments a slot, in
//! the judge's walking order as far as the teams' own slots allow, without ever putting a
//! judge or a team in two places at once.

use crate::error::FieldError;
use crate::i18n::{args, Msg};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use std::collections::{HashMap, HashSet};

/// Most slots between two breaks the form takes, and the longest break (seconds).
pub const BREAK_EVERY_MAX: i64 = 100;
pub const BREAK_MAX: i64 = 2 * 60 * 60;

/// The schedule's grid: slot `t` starts at `starts_at + t × pitch`, plus one break for every
/// `break_every` slots before it (0: no breaks). Times are unix seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub starts_at: i64,
    pub pitch: i64,
    pub break_every: i64,
    pub break_len: i64,
}

impl Plan {
    /// Slot `t`'s start and end.
    pub fn slot(&self, t: i64) -> (i64, i64) {
        let breaks = if self.break_every > 0 { t / self.break_every } else { 0 };
        let start = self.starts_at + t * self.pitch + breaks * self.break_len;
        (start, start + self.pitch)
    }

    /// The first slot that starts at `at` or later.
    pub fn first_from(&self, at: i64) -> i64 {
        if at <= self.starts_at {
            return 0;
        }
        // A lower bound without breaks, then forward: a break only pushes slots later.
        let cycle = if self.break_every > 0 { self.break_every * self.pitch + self.break_len } else { self.pitch };
        let per_cycle = if self.break_every > 0 { self.break_every } else { 1 };
        let mut t = ((at - self.starts_at) / cycle) * per_cycle;
        while self.slot(t).0 < at {
            t += 1;
        }
        t
    }
}

/// An assignment waiting for a slot; a judge's come in their walking order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pending {
    pub assignment: i64,
    pub judge: i64,
    pub project: i64,
}

/// A slot that stays where it is (done, or under way): its judge and team are taken then.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kept {
    pub judge: i64,
    pub project: i64,
    pub start: i64,
    pub end: i64,
}

/// An assignment's new slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub assignment: i64,
    pub start: i64,
    pub end: i64,
}

fn overlaps(kept: &[(i64, i64)], (start, end): (i64, i64)) -> bool {
    kept.iter().any(|(s, e)| *s < end && start < *e)
}

/// Gives every pending assignment a slot of `plan` from the first one starting at `from` on.
///
/// Slot by slot, each judge with assignments left takes the first in their walking order whose
/// team is free then (not with another judge in this slot, nor in a kept slot); the judges take
/// turns being first, in an order `seed` shuffles, so the same inputs give the same schedule.
/// Every slot places at least one assignment once the kept slots are behind, so it ends.
pub fn schedule(plan: &Plan, from: i64, pending: &[Pending], kept: &[Kept], seed: u64) -> Vec<Slot> {
    let mut judges: Vec<i64> = Vec::new();
    let mut left: HashMap<i64, Vec<Pending>> = HashMap::new();
    for p in pending {
        left.entry(p.judge)
            .or_insert_with(|| {
                judges.push(p.judge);
                Vec::new()
            })
            .push(*p);
    }
    judges.sort_unstable();
    judges.shuffle(&mut rand::rngs::StdRng::seed_from_u64(seed));
    let mut judge_kept: HashMap<i64, Vec<(i64, i64)>> = HashMap::new();
    let mut team_kept: HashMap<i64, Vec<(i64, i64)>> = HashMap::new();
    for k in kept {
        judge_kept.entry(k.judge).or_default().push((k.start, k.end));
        team_kept.entry(k.project).or_default().push((k.start, k.end));
    }
    let last_kept = kept.iter().map(|k| k.end).max().unwrap_or(i64::MIN);
    let mut out = Vec::with_capacity(pending.len());
    let mut t = plan.first_from(from);
    let mut turn = 0usize;
    while out.len() < pending.len() {
        let window = plan.slot(t);
        let mut teams_now: HashSet<i64> = HashSet::new();
        let mut placed = false;
        for k in 0..judges.len() {
            let judge = judges[(turn + k) % judges.len()];
            let Some(list) = left.get_mut(&judge) else { continue };
            if list.is_empty() || judge_kept.get(&judge).is_some_and(|busy| overlaps(busy, window)) {
                continue;
            }
            let free = list.iter().position(|p| {
                !teams_now.contains(&p.project) && !team_kept.get(&p.project).is_some_and(|busy| overlaps(busy, window))
            });
            if let Some(i) = free {
                let p = list.remove(i);
                teams_now.insert(p.project);
                out.push(Slot { assignment: p.assignment, start: window.0, end: window.1 });
                placed = true;
            }
        }
        // Nothing placed after the kept slots are over cannot happen (the first judge with
        // assignments left always finds a free team then); stop rather than loop if it did.
        if !placed && window.0 >= last_kept {
            break;
        }
        t += 1;
        turn = turn.wrapping_add(1);
    }
    out
}

/// The first slot of `plan` from `from` on when neither the judge nor the team is taken
/// (`busy`: the judge's and the team's other slots): where a slot is moved to.
pub fn first_free(plan: &Plan, from: i64, busy: &[(i64, i64)]) -> (i64, i64) {
    let mut t = plan.first_from(from);
    loop {
        let window = plan.slot(t);
        if !overlaps(busy, window) {
            return window;
        }
        t += 1;
    }
}

/// The plan as the form sends it: the start (already read in the event's time zone), the
/// pitch length ("7" or "6:30", as the stage's timer takes it), a break every N slots (empty
/// or 0: none) and its length in minutes.
pub fn check_plan(
    starts_at: Option<i64>,
    pitch: &str,
    break_every: &str,
    break_minutes: &str,
) -> Result<Plan, Vec<FieldError>> {
    let mut errors = Vec::new();
    if starts_at.is_none() {
        errors.push(FieldError::new("starts_at", Msg::ErrDateTime));
    }
    let pitch = crate::stage::domain::parse_length(pitch).map_err(|e| FieldError::new("pitch", e.msg));
    let number = |field: &'static str, text: &str, max: i64| -> Result<i64, FieldError> {
        match text.trim() {
            "" => Ok(0),
            t => t
                .parse::<i64>()
                .ok()
                .filter(|n| (0..=max).contains(n))
                .ok_or_else(|| FieldError::with(field, args::ErrNumberRange { range: format!("0–{max}") })),
        }
    };
    let every = number("break_every", break_every, BREAK_EVERY_MAX);
    let minutes = number("break_minutes", break_minutes, BREAK_MAX / 60);
    match (starts_at, pitch, every, minutes) {
        (Some(starts_at), Ok(pitch), Ok(break_every), Ok(minutes)) if errors.is_empty() => {
            Ok(Plan { starts_at, pitch, break_every, break_len: if break_every > 0 { minutes * 60 } else { 0 } })
        }
        (_, pitch, every, minutes) => {
            errors.extend([pitch.err(), every.err(), minutes.err()].into_iter().flatten());
            Err(errors)
        }
    }
}

/// A slot's window as people read it, in the event's time zone: "14:20–14:27".
pub fn window_text((start, end): (i64, i64), tz: chrono_tz::Tz) -> String {
    use chrono::TimeZone;
    let hm = |ts: i64| tz.timestamp_opt(ts, 0).single().map(|d| d.format("%H:%M").to_string()).unwrap_or_default();
    format!("{}–{}", hm(start), hm(end))
}

/// What a team is told of one of its slots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Judged (or marked absent).
    Done,
    /// The judge's next slot, and the judge is on the way: their previous slot is done, or
    /// this one is about to begin (within one pitch) or has begun.
    Next,
    /// Later: the team is told the time.
    Later,
}

/// A judge's slot as the team's page weighs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JudgeSlot {
    pub assignment: i64,
    pub start: i64,
    pub end: i64,
    pub done: bool,
}

/// Where `assignment` stands in its judge's line of slots (`line`, any order) at `now`.
pub fn standing(line: &[JudgeSlot], assignment: i64, now: i64) -> Standing {
    let mut line: Vec<&JudgeSlot> = line.iter().collect();
    line.sort_by_key(|s| (s.start, s.assignment));
    let Some(i) = line.iter().position(|s| s.assignment == assignment) else { return Standing::Later };
    let me = line[i];
    if me.done {
        return Standing::Done;
    }
    // The judge's first slot not done is theirs to walk to next.
    if line[..i].iter().any(|s| !s.done) {
        return Standing::Later;
    }
    let previous_done = i > 0;
    if previous_done || now >= me.start - (me.end - me.start) {
        Standing::Next
    } else {
        Standing::Later
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_796_000_000;

    fn plan(break_every: i64) -> Plan {
        Plan { starts_at: T0, pitch: 420, break_every, break_len: 600 }
    }

    /// `judges` judges, `projects` projects, each project seen by `k` judges (round-robin),
    /// each judge's list in project order (the walking order of tables 1, 2, 3…).
    fn event(judges: i64, projects: i64, k: i64) -> Vec<Pending> {
        let mut pending: Vec<Pending> = (0..projects)
            .flat_map(|p| (0..k).map(move |i| (p, (p * k + i) % judges)))
            .enumerate()
            .map(|(a, (project, judge))| Pending { assignment: a as i64, judge, project })
            .collect();
        pending.sort_by_key(|p| (p.judge, p.project));
        pending
    }

    fn check_no_double_booking(pending: &[Pending], slots: &[Slot], kept: &[Kept]) {
        assert_eq!(slots.len(), pending.len(), "every assignment has a slot");
        let by_id: HashMap<i64, Pending> = pending.iter().map(|p| (p.assignment, *p)).collect();
        let mut seen_judge: Vec<(i64, i64, i64)> = kept.iter().map(|k| (k.judge, k.start, k.end)).collect();
        let mut seen_team: Vec<(i64, i64, i64)> = kept.iter().map(|k| (k.project, k.start, k.end)).collect();
        for s in slots {
            let p = by_id[&s.assignment];
            for (who, list) in [(p.judge, &mut seen_judge), (p.project, &mut seen_team)] {
                assert!(
                    !list.iter().any(|(w, a, b)| *w == who && *a < s.end && s.start < *b),
                    "{who} booked twice at {}",
                    s.start
                );
                list.push((who, s.start, s.end));
            }
        }
    }

    #[test]
    fn the_grid_takes_a_break_after_every_n_slots() {
        let p = plan(3);
        assert_eq!(p.slot(0), (T0, T0 + 420));
        assert_eq!(p.slot(2), (T0 + 840, T0 + 1260));
        // Slot 3 comes after the ten-minute break.
        assert_eq!(p.slot(3).0, T0 + 3 * 420 + 600);
        assert_eq!(p.slot(6).0, T0 + 6 * 420 + 1200);
        assert_eq!(plan(0).slot(6).0, T0 + 6 * 420);
        for at in [T0 - 50, T0, T0 + 1, T0 + 1260, T0 + 1261, T0 + 1900, T0 + 5000] {
            let t = p.first_from(at);
            assert!(p.slot(t).0 >= at && (t == 0 || p.slot(t - 1).0 < at), "{at}: {t}");
        }
    }

    #[test]
    fn nobody_is_booked_twice_and_breaks_are_kept() {
        let pending = event(6, 30, 3);
        let p = plan(4);
        let slots = schedule(&p, T0, &pending, &[], 7);
        check_no_double_booking(&pending, &slots, &[]);
        // Every slot is one of the grid's: none falls in a break.
        let grid: HashSet<(i64, i64)> = (0..200).map(|t| p.slot(t)).collect();
        assert!(slots.iter().all(|s| grid.contains(&(s.start, s.end))));
        // Fifteen projects a judge at most: the schedule is not much longer than that.
        let last = slots.iter().map(|s| s.end).max().unwrap();
        assert!(last <= p.slot(17).1, "{}", (last - T0) / 420);
    }

    #[test]
    fn a_judge_walks_their_tables_in_order_when_teams_are_free() {
        // One judge, nobody else: the walking order exactly.
        let pending: Vec<Pending> = [5, 3, 9]
            .iter()
            .enumerate()
            .map(|(a, p)| Pending { assignment: a as i64, judge: 1, project: *p })
            .collect();
        let slots = schedule(&plan(0), T0, &pending, &[], 1);
        assert_eq!(slots.iter().map(|s| s.assignment).collect::<Vec<_>>(), vec![0, 1, 2]);
        assert_eq!(slots[2].start, T0 + 2 * 420);
    }

    #[test]
    fn the_same_seed_gives_the_same_schedule() {
        let pending = event(10, 50, 3);
        let a = schedule(&plan(5), T0, &pending, &[], 42);
        assert_eq!(a, schedule(&plan(5), T0, &pending, &[], 42));
        check_no_double_booking(&pending, &a, &[]);
    }

    #[test]
    fn scheduling_again_leaves_kept_slots_alone_and_books_around_them() {
        let pending = event(4, 12, 2);
        let p = plan(0);
        let first = schedule(&p, T0, &pending, &[], 3);
        // The first three slots are done; an hour later the rest is scheduled again.
        let by_id: HashMap<i64, Pending> = pending.iter().map(|p| (p.assignment, *p)).collect();
        let done: Vec<&Slot> = first.iter().filter(|s| s.start == T0).collect();
        let kept: Vec<Kept> = done
            .iter()
            .map(|s| Kept {
                judge: by_id[&s.assignment].judge,
                project: by_id[&s.assignment].project,
                start: s.start,
                end: s.end,
            })
            .collect();
        let rest: Vec<Pending> =
            pending.iter().filter(|p| !done.iter().any(|s| s.assignment == p.assignment)).copied().collect();
        let now = T0 + 3600 + 1;
        let again = schedule(&p, now, &rest, &kept, 3);
        check_no_double_booking(&rest, &again, &kept);
        assert!(again.iter().all(|s| s.start >= now));
        // A kept slot under way blocks its judge and team until it ends.
        let under_way = Kept { judge: 0, project: 0, start: T0 - 100, end: T0 + 300 };
        let only = [Pending { assignment: 1, judge: 0, project: 5 }, Pending { assignment: 2, judge: 1, project: 0 }];
        let slots = schedule(&p, T0, &only, &[under_way], 0);
        assert!(slots.iter().all(|s| s.start >= T0 + 420), "{slots:?}");
    }

    #[test]
    fn a_moved_slot_goes_to_the_first_time_both_are_free() {
        let p = plan(2);
        assert_eq!(first_free(&p, T0, &[]), p.slot(0));
        let busy = [p.slot(0), p.slot(1), (p.slot(2).0, p.slot(2).0 + 10)];
        assert_eq!(first_free(&p, T0, &busy), p.slot(3));
    }

    #[test]
    fn a_team_is_next_once_the_judge_is_done_with_the_slot_before() {
        let line = [
            JudgeSlot { assignment: 1, start: T0, end: T0 + 420, done: false },
            JudgeSlot { assignment: 2, start: T0 + 420, end: T0 + 840, done: false },
        ];
        // Before the day: the first team is told the time, then "next" one pitch before.
        assert_eq!(standing(&line, 1, T0 - 3600), Standing::Later);
        assert_eq!(standing(&line, 1, T0 - 420), Standing::Next);
        assert_eq!(standing(&line, 2, T0), Standing::Later);
        let line = [JudgeSlot { done: true, ..line[0] }, line[1]];
        assert_eq!(standing(&line, 1, T0), Standing::Done);
        assert_eq!(standing(&line, 2, T0), Standing::Next);
        assert_eq!(standing(&line, 9, T0), Standing::Later);
    }

    #[test]
    fn a_window_reads_in_the_event_time_zone() {
        // 2026-12-04 08:00 UTC is 09:00 in Casablanca (UTC+1).
        let at = 1_796_371_200;
        assert_eq!(window_text((at, at + 420), chrono_tz::Africa::Casablanca), "09:00–09:07");
    }

    #[test]
    fn the_form_is_checked_field_by_field() {
        assert_eq!(
            check_plan(Some(T0), "7", "4", "10"),
            Ok(Plan { starts_at: T0, pitch: 420, break_every: 4, break_len: 600 })
        );
        assert_eq!(check_plan(Some(T0), "6:30", "", "10").map(|p| (p.pitch, p.break_len)), Ok((390, 0)));
        let errors = check_plan(None, "x", "-1", "1000").unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["starts_at", "pitch", "break_every", "break_minutes"]);
    }
}
