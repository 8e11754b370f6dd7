//! The plain rules of the organizer's judging setup: weighted totals of stored scores, the
//! results table, the console's coverage tallies and the settings forms' checks.

use super::db::{AssignedRow, ProjectRow, ScoreRow};
use super::{CoverageJudge, ResultRow, MAX_EXTEND_DAYS};
use crate::error::FieldError;
use crate::i18n::{args, Msg};
use crate::judging::rubric::{self, Criterion};
use crate::judging::score::ScoreStatus;
use crate::judging::{project_code, results, MAX_JUDGES_PER_PROJECT};
use std::collections::{BTreeMap, HashMap};

/// The track ids a judge is limited to, as saved in their profile (comma-separated).
pub fn track_ids(tracks: &str) -> Vec<i64> {
    tracks.split(',').filter(|t| !t.is_empty()).filter_map(|t| t.parse().ok()).collect()
}

/// The weighted totals of every complete score, computed with the rubric version each
/// score was given under.
pub fn totals(scores: &[ScoreRow], rubrics: &HashMap<i64, Vec<Criterion>>) -> Vec<results::Total> {
    scores
        .iter()
        .filter(|s| s.status == ScoreStatus::Scored.code())
        .filter_map(|s| {
            let criteria = rubrics.get(&s.rubric_id)?;
            let marks: BTreeMap<String, i64> = serde_json::from_str(&s.marks).ok()?;
            let total = rubric::weighted_total(criteria, &marks)?;
            Some(results::Total { project: s.project_id, judge: s.judge_id, total })
        })
        .collect()
}

/// How many complete scores were given under another rubric than their project's current
/// one (`latest`: the newest rubric id of each scope, 0 = event-wide).
pub fn outdated(scores: &[ScoreRow], projects: &[ProjectRow], latest: &HashMap<i64, i64>) -> i64 {
    let by_id: HashMap<i64, &ProjectRow> = projects.iter().map(|p| (p.id, p)).collect();
    let current_for = |track: Option<i64>| latest.get(&track.unwrap_or(0)).or_else(|| latest.get(&0)).copied();
    scores
        .iter()
        .filter(|s| s.status == ScoreStatus::Scored.code())
        .filter(|s| by_id.get(&s.project_id).is_some_and(|p| current_for(p.track_id) != Some(s.rubric_id)))
        .count() as i64
}

/// The results table: each ranked project with its flags and absences.
pub fn result_rows(standings: Vec<results::Standing>, projects: &[ProjectRow], scores: &[ScoreRow]) -> Vec<ResultRow> {
    let by_id: HashMap<i64, &ProjectRow> = projects.iter().map(|p| (p.id, p)).collect();
    // (flags, absent) per project, in one pass over the scores.
    let mut marks: HashMap<i64, (i64, i64)> = HashMap::new();
    for r in scores {
        let entry = marks.entry(r.project_id).or_default();
        entry.0 += i64::from(r.flagged == 1);
        entry.1 += i64::from(r.status == ScoreStatus::Absent.code());
    }
    standings
        .into_iter()
        .filter_map(|s| {
            let p = by_id.get(&s.project)?;
            let (flags, absent) = marks.get(&s.project).copied().unwrap_or_default();
            Some(ResultRow {
                project_id: p.id,
                code: project_code(p.id),
                title: p.title.clone(),
                team: p.team.clone(),
                track: p.track.clone(),
                rank: s.rank,
                track_rank: s.track_rank,
                judges: s.judges,
                raw: s.raw,
                normalized: s.normalized,
                spread: s.spread,
                disagreement: s.disagreement,
                flags,
                absent,
            })
        })
        .collect()
}

/// The assignments grouped once by judge and by project (not rescanned per row).
#[derive(Debug, Default, PartialEq)]
pub struct Tally {
    /// judge → (assigned, done)
    pub per_judge: HashMap<i64, (i64, i64)>,
    pub per_project: HashMap<i64, ProjectTally>,
}

/// A project's judges, whether any flagged it, and how many found the team absent.
#[derive(Debug, Default, PartialEq)]
pub struct ProjectTally {
    pub judges: Vec<CoverageJudge>,
    pub flagged: bool,
    pub absent_marks: i64,
}

/// How many judges must find a team absent before its project is flagged for the organizer.
/// One judge may have come while the team was away from its table for a minute; two
/// different judges (a judge has one score a project) rarely both do.
pub const ABSENT_MARKS_TO_FLAG: i64 = 2;

/// Whether a project's absent marks call for the organizer: find the team, move its slot or
/// take it out of judging.
pub fn absent_flagged(absent_marks: i64) -> bool {
    absent_marks >= ABSENT_MARKS_TO_FLAG
}

/// An assignment is done once the judge scored the project or marked the team absent.
pub fn tally(assigned: &[AssignedRow]) -> Tally {
    let done = |s: &Option<String>| {
        matches!(s.as_deref().and_then(ScoreStatus::from_code), Some(ScoreStatus::Scored | ScoreStatus::Absent))
    };
    let mut tally = Tally::default();
    for a in assigned {
        let j = tally.per_judge.entry(a.judge_id).or_default();
        j.0 += 1;
        j.1 += i64::from(done(&a.status));
        let absent = a.status.as_deref() == Some(ScoreStatus::Absent.code());
        let p = tally.per_project.entry(a.project_id).or_default();
        p.judges.push(CoverageJudge { name: a.display_name.clone(), done: done(&a.status), absent });
        p.flagged |= a.flagged == Some(1);
        p.absent_marks += i64::from(absent);
    }
    tally
}

/// The judging settings form, checked: (judges per project, disagreement threshold).
pub fn check_settings(
    judges_per_project: &str,
    disagreement: &str,
    method: &str,
    state: &str,
) -> Result<(i64, i64), Vec<FieldError>> {
    let mut errors = Vec::new();
    let k = match judges_per_project.trim().parse::<i64>() {
        Ok(k) if (1..=MAX_JUDGES_PER_PROJECT).contains(&k) => k,
        _ => {
            errors.push(FieldError::with(
                "judges_per_project",
                args::ErrNumberRange { range: format!("1–{MAX_JUDGES_PER_PROJECT}") },
            ));
            0
        }
    };
    let threshold = match disagreement.trim().parse::<i64>() {
        Ok(t) if (1..=100).contains(&t) => t,
        _ => {
            errors.push(FieldError::with("disagreement", args::ErrNumberRange { range: "1–100" }));
            0
        }
    };
    if results::Method::from_code(method).is_none() {
        errors.push(FieldError::new("method", Msg::ErrRequired));
    }
    if !matches!(state, "scheduled" | "open" | "closed") {
        errors.push(FieldError::new("state", Msg::ErrRequired));
    }
    if errors.is_empty() {
        Ok((k, threshold))
    } else {
        Err(errors)
    }
}

/// The whole days a pass is extended by: 1 to `MAX_EXTEND_DAYS`.
pub fn extend_days(days: &str) -> Result<i64, FieldError> {
    match days.trim().parse::<i64>() {
        Ok(d) if (1..=MAX_EXTEND_DAYS).contains(&d) => Ok(d),
        _ => Err(FieldError::with("days", args::ErrNumberRange { range: format!("1–{MAX_EXTEND_DAYS}") })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion(key: &str, weight: i64) -> Criterion {
        Criterion {
            key: key.into(),
            name: crate::i18n::Localized::same(key.to_uppercase()),
            description: crate::i18n::Localized::default(),
            weight,
            min: 1,
            max: 5,
            levels: vec![],
        }
    }

    fn score(project_id: i64, judge_id: i64, status: &str, rubric_id: i64, marks: &str) -> ScoreRow {
        ScoreRow { project_id, judge_id, status: status.into(), rubric_id, marks: marks.into(), flagged: 0 }
    }

    fn project(id: i64, track_id: Option<i64>) -> ProjectRow {
        ProjectRow {
            id,
            title: format!("Project {id}"),
            team: format!("Team {id}"),
            track: String::new(),
            table_label: String::new(),
            track_id,
            team_id: id,
            submitted_at: 0,
        }
    }

    #[test]
    fn track_ids_skip_empty_and_unreadable_entries() {
        assert_eq!(track_ids(""), Vec::<i64>::new());
        assert_eq!(track_ids("4"), vec![4]);
        assert_eq!(track_ids("4,,x,9"), vec![4, 9]);
    }

    #[test]
    fn totals_use_each_scores_own_rubric_and_skip_incomplete_ones() {
        // Rubric 1: one criterion; rubric 2: two of equal weight.
        let rubrics = HashMap::from([(1, vec![criterion("a", 1)]), (2, vec![criterion("a", 1), criterion("b", 1)])]);
        let scores = [
            score(10, 1, "scored", 1, r#"{"a":5}"#),
            score(10, 2, "scored", 2, r#"{"a":1,"b":5}"#),
            score(11, 1, "draft", 1, r#"{"a":5}"#),
            score(11, 2, "scored", 9, r#"{"a":5}"#),
            score(12, 1, "scored", 1, "not json"),
        ];
        let totals = totals(&scores, &rubrics);
        assert_eq!(totals.len(), 2);
        // 5 on a 1–5 scale is 100; 1 and 5 with equal weights are 0 and 100, so 50.
        assert_eq!((totals[0].project, totals[0].judge, totals[0].total), (10, 1, 100.0));
        assert_eq!((totals[1].project, totals[1].judge, totals[1].total), (10, 2, 50.0));
    }

    #[test]
    fn outdated_counts_complete_scores_under_an_older_rubric_of_their_scope() {
        // Event-wide rubric 3 is current; track 7 has its own, rubric 5.
        let latest = HashMap::from([(0, 3), (7, 5)]);
        let projects = [project(1, None), project(2, Some(7)), project(3, Some(8))];
        let scores = [
            score(1, 1, "scored", 3, "{}"),
            score(1, 2, "scored", 2, "{}"),
            score(2, 1, "scored", 3, "{}"),
            score(2, 2, "scored", 5, "{}"),
            score(3, 1, "scored", 3, "{}"),
            score(3, 2, "draft", 1, "{}"),
            score(99, 1, "scored", 1, "{}"),
        ];
        // Project 1 under rubric 2, project 2 under the event-wide rubric: two outdated.
        assert_eq!(outdated(&scores, &projects, &latest), 2);
    }

    #[test]
    fn result_rows_count_flags_and_absences_and_skip_unknown_projects() {
        let standing = |project| results::Standing {
            project,
            track: None,
            judges: 2,
            raw: Some(60.0),
            normalized: None,
            score: Some(60.0),
            spread: 10.0,
            disagreement: false,
            rank: Some(1),
            track_rank: None,
        };
        let mut flagged = score(1, 1, "scored", 1, "{}");
        flagged.flagged = 1;
        let scores = [flagged, score(1, 2, "absent", 1, "{}"), score(1, 3, "absent", 1, "{}")];
        let rows = result_rows(vec![standing(1), standing(42)], &[project(1, None)], &scores);
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].code.as_str(), rows[0].flags, rows[0].absent), ("P001", 1, 2));
        assert_eq!(rows[0].team, "Team 1");
    }

    #[test]
    fn tally_counts_done_assignments_per_judge_and_flags_per_project() {
        let row = |project_id, judge_id, status: Option<&str>, flagged| AssignedRow {
            project_id,
            judge_id,
            display_name: format!("J{judge_id}"),
            status: status.map(str::to_owned),
            flagged,
        };
        let t = tally(&[
            row(1, 1, Some("scored"), Some(0)),
            row(1, 2, Some("draft"), Some(1)),
            row(2, 1, Some("absent"), None),
            row(2, 2, None, None),
        ]);
        assert_eq!(t.per_judge[&1], (2, 2));
        assert_eq!(t.per_judge[&2], (2, 0));
        let judge = |name: &str, done, absent| CoverageJudge { name: name.into(), done, absent };
        assert_eq!(
            t.per_project[&1],
            ProjectTally {
                judges: vec![judge("J1", true, false), judge("J2", false, false)],
                flagged: true,
                absent_marks: 0
            }
        );
        assert_eq!(
            t.per_project[&2],
            ProjectTally {
                judges: vec![judge("J1", true, true), judge("J2", false, false)],
                flagged: false,
                absent_marks: 1
            }
        );
        assert!(!absent_flagged(t.per_project[&2].absent_marks));
    }

    #[test]
    fn two_judges_finding_a_team_absent_flag_its_project() {
        let row = |judge_id, status: &str| AssignedRow {
            project_id: 7,
            judge_id,
            display_name: format!("J{judge_id}"),
            status: Some(status.to_owned()),
            flagged: None,
        };
        let t = tally(&[row(1, "absent"), row(2, "scored"), row(3, "absent")]);
        assert_eq!(t.per_project[&7].absent_marks, 2);
        assert!(absent_flagged(t.per_project[&7].absent_marks));
        // A draft is not an absence.
        let t = tally(&[row(1, "absent"), row(2, "draft")]);
        assert!(!absent_flagged(t.per_project[&7].absent_marks));
    }

    #[test]
    fn settings_are_checked_field_by_field() {
        assert_eq!(check_settings(" 3 ", "25", "z", "scheduled"), Ok((3, 25)));
        let fields = |r: Result<(i64, i64), Vec<FieldError>>| -> Vec<String> {
            r.unwrap_err().into_iter().map(|e| e.field).collect()
        };
        assert_eq!(
            fields(check_settings("0", "101", "median", "paused")),
            ["judges_per_project", "disagreement", "method", "state"]
        );
        assert_eq!(
            fields(check_settings(&(MAX_JUDGES_PER_PROJECT + 1).to_string(), "1", "z", "open")),
            ["judges_per_project"]
        );
    }

    #[test]
    fn a_pass_is_extended_by_one_to_thirty_whole_days() {
        assert_eq!(extend_days(" 1"), Ok(1));
        assert_eq!(extend_days("30"), Ok(MAX_EXTEND_DAYS));
        for bad in ["0", "31", "1.5", "", "-2"] {
            assert_eq!(extend_days(bad).unwrap_err().field, "days");
        }
    }
}
