//! What a viewer of the live board sees, as a plain function of the board's state: the
//! organizer's visibility choice, the snapshot frozen for the public, the published results
//! and how far their reveal has gone. Rendering is a plain function too, so the server renders
//! a frame once and pushes the same bytes to every viewer of that language.
//!
//! Rules:
//! - Published results are for everyone, whatever the visibility: publication is the
//!   organizer's decision to make them public. A reveal shows only published results, one
//!   step at a time: the ranking from last to first, or each track's winner in turn.
//! - Before publication the board is visible only to the audience the organizer chose:
//!   `public` (anyone, judges included), `organizers`, or nobody (`hidden`).
//! - While frozen, the board shows the snapshot taken at the freeze, for organizers as well:
//!   the projector in the hall must not move during deliberation, whoever is signed in on
//!   it. The live truth stays on the organizers' results page.

use crate::audience::domain::Standing;
use crate::i18n::{args, Lang, Msg};
use crate::ui::escape_html;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Visibility {
    Hidden,
    Organizers,
    Public,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [Visibility::Hidden, Visibility::Organizers, Visibility::Public];
    pub fn code(self) -> &'static str {
        match self {
            Visibility::Hidden => "hidden",
            Visibility::Organizers => "organizers",
            Visibility::Public => "public",
        }
    }
    pub fn from_code(code: &str) -> Option<Visibility> {
        Visibility::ALL.into_iter().find(|v| v.code() == code)
    }
    pub fn label(self) -> Msg {
        match self {
            Visibility::Hidden => Msg::VisibilityHidden,
            Visibility::Organizers => Msg::VisibilityOrganizers,
            Visibility::Public => Msg::VisibilityPublic,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RevealMode {
    /// Everything at once on publication.
    All,
    /// The ranking from last to first, one project per step.
    Ranking,
    /// Each track's winner, one track per step (tracks in name order).
    Tracks,
}

impl RevealMode {
    pub const ALL: [RevealMode; 3] = [RevealMode::All, RevealMode::Ranking, RevealMode::Tracks];
    pub fn code(self) -> &'static str {
        match self {
            RevealMode::All => "all",
            RevealMode::Ranking => "ranking",
            RevealMode::Tracks => "tracks",
        }
    }
    pub fn from_code(code: &str) -> Option<RevealMode> {
        RevealMode::ALL.into_iter().find(|v| v.code() == code)
    }
    pub fn label(self) -> Msg {
        match self {
            RevealMode::All => Msg::RevealAll,
            RevealMode::Ranking => Msg::RevealRanking,
            RevealMode::Tracks => Msg::RevealTracks,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Audience {
    Public,
    Organizers,
}

/// One project on the board. Only what the public may read: no judge, no spread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub project: i64,
    pub title: String,
    pub team: String,
    pub track: String,
    pub score: Option<f64>,
    pub rank: Option<usize>,
    pub track_rank: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub visibility: Visibility,
    pub frozen: Option<Vec<Row>>,
    pub published: Option<Vec<Row>>,
    pub mode: RevealMode,
    pub step: usize,
    /// The people's choice published with the results (`audience`), if the event held one.
    pub favourites: Option<Vec<Standing>>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: i64,
    pub assigned: i64,
}

impl Progress {
    pub fn percent(self) -> i64 {
        if self.assigned <= 0 {
            0
        } else {
            (self.done.clamp(0, self.assigned) * 100) / self.assigned
        }
    }
}

/// One line of a reveal: the position is always shown, the project only once revealed.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub label: String,
    pub rank: Option<usize>,
    pub row: Option<Row>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Frame {
    /// Nothing to show this audience yet (only the progress bar and announcements).
    Hidden,
    Live {
        rows: Vec<Row>,
        frozen: bool,
    },
    Reveal {
        slots: Vec<Slot>,
        step: usize,
        steps: usize,
        /// The people's choice is still to come (its step is the reveal's last).
        favourite_veiled: bool,
    },
    Final {
        rows: Vec<Row>,
        favourites: Vec<Standing>,
    },
}

/// The rows with their team names left out (for a board judges see while names are hidden
/// from them).
pub fn without_teams(rows: &[Row]) -> Vec<Row> {
    rows.iter().map(|r| Row { team: String::new(), ..r.clone() }).collect()
}

/// The rows with each track named as `name` says (a reader's language: rows carry the
/// track's first-written name, which is also what a frozen board stored).
pub fn renamed(rows: &[Row], name: &impl Fn(&str) -> String) -> Vec<Row> {
    rows.iter().map(|r| Row { track: name(&r.track), ..r.clone() }).collect()
}

impl State {
    /// The state with its frozen and published rows' tracks named as `name` says.
    pub fn renamed(&self, name: &impl Fn(&str) -> String) -> State {
        State {
            frozen: self.frozen.as_deref().map(|rows| renamed(rows, name)),
            published: self.published.as_deref().map(|rows| renamed(rows, name)),
            ..self.clone()
        }
    }
}

/// Ranked rows, best first; unscored projects are not on the board.
pub fn ranked(rows: &[Row]) -> Vec<Row> {
    let mut out: Vec<Row> = rows.iter().filter(|r| r.rank.is_some()).cloned().collect();
    out.sort_by_key(|r| (r.rank, r.project));
    out
}

/// Track names that have at least one ranked project, in name order.
pub fn tracks(rows: &[Row]) -> Vec<String> {
    let mut t: Vec<String> =
        rows.iter().filter(|r| r.rank.is_some() && !r.track.is_empty()).map(|r| r.track.clone()).collect();
    t.sort();
    t.dedup();
    t
}

/// How many steps a reveal of these results takes.
pub fn steps(published: &[Row], mode: RevealMode) -> usize {
    match mode {
        RevealMode::All => 0,
        RevealMode::Ranking => ranked(published).len(),
        RevealMode::Tracks => tracks(published).len(),
    }
}

impl State {
    /// The people's choice published, if it has any place to show.
    pub fn favourites(&self) -> &[Standing] {
        self.favourites.as_deref().unwrap_or_default()
    }

    /// How many steps the reveal of the published results takes: the jury's (`steps`), and
    /// one more for the people's choice when there is one to reveal.
    pub fn reveal_steps(&self) -> usize {
        match &self.published {
            Some(published) => {
                let extra = self.mode != RevealMode::All && !self.favourites().is_empty();
                steps(published, self.mode) + usize::from(extra)
            }
            None => 0,
        }
    }
}

/// What `audience` sees, given the board's state and the live standings.
pub fn frame(state: &State, live: &[Row], audience: Audience) -> Frame {
    if let Some(published) = &state.published {
        let total = state.reveal_steps();
        if state.step >= total {
            return Frame::Final { rows: ranked(published), favourites: state.favourites().to_vec() };
        }
        // The jury's places come first; the people's choice is the last step.
        let jury = steps(published, state.mode);
        let step = state.step.min(jury);
        let slots = match state.mode {
            RevealMode::All => Vec::new(),
            RevealMode::Ranking => {
                let rows = ranked(published);
                let n = rows.len();
                // Revealed from the bottom: step k shows the last k positions.
                rows.into_iter()
                    .enumerate()
                    .map(|(i, r)| Slot { label: String::new(), rank: r.rank, row: (i + step >= n).then_some(r) })
                    .collect()
            }
            RevealMode::Tracks => tracks(published)
                .into_iter()
                .enumerate()
                .map(|(i, track)| {
                    let winner = published
                        .iter()
                        .filter(|r| r.track == track && r.track_rank == Some(1))
                        .min_by_key(|r| r.project)
                        .cloned();
                    Slot { label: track, rank: Some(1), row: winner.filter(|_| i < step) }
                })
                .collect(),
        };
        return Frame::Reveal { slots, step: state.step, steps: total, favourite_veiled: total > jury };
    }
    let visible = matches!(
        (state.visibility, audience),
        (Visibility::Public, _) | (Visibility::Organizers, Audience::Organizers)
    );
    if !visible {
        return Frame::Hidden;
    }
    match &state.frozen {
        Some(snapshot) => Frame::Live { rows: ranked(snapshot), frozen: true },
        None => Frame::Live { rows: ranked(live), frozen: false },
    }
}

fn score(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1}")).unwrap_or_else(|| "–".into())
}

fn row_html(out: &mut String, r: &Row, rank: Option<usize>) {
    use std::fmt::Write;
    let _ = write!(
        out,
        "<li class=\"pj-row\" data-key=\"p{}\"><span class=\"pj-rank\">{}</span><span class=\"pj-title\" dir=\"auto\">{}</span>\
         <span class=\"pj-team\" dir=\"auto\">{}</span><span class=\"pj-score\">{}</span></li>",
        r.project,
        rank.map(|n| n.to_string()).unwrap_or_default(),
        escape_html(&r.title),
        escape_html(&r.team),
        score(r.score),
    );
}

/// How many rows the scrolling band under the top rows holds at most. The band scrolls
/// through in 40 s, so a longer one could not be read from the hall anyway; and every row
/// is sent to every viewer at every change: a national event's 2,000 projects made each
/// frame about a megabyte, times 10,000 viewers. The rest are counted in one line, and the
/// ranking page (which renders with no band) lists them all.
pub const BAND_ROWS: usize = 40;

/// A list of rows: the first `top_n` large, then up to [`BAND_ROWS`] in a scrolling band,
/// then how many more there are.
fn ranking_html(out: &mut String, rows: &[Row], top_n: usize, per_track: bool, lang: Lang) {
    let rank = |r: &Row| if per_track { r.track_rank } else { r.rank };
    let (top, rest) = rows.split_at(top_n.min(rows.len()));
    out.push_str("<ol class=\"pj-top\">");
    for r in top {
        row_html(out, r, rank(r));
    }
    out.push_str("</ol>");
    if !rest.is_empty() {
        let (band, more) = rest.split_at(BAND_ROWS.min(rest.len()));
        out.push_str("<div class=\"pj-rest\"><ol class=\"pj-scroll\">");
        for r in band {
            row_html(out, r, rank(r));
        }
        out.push_str("</ol></div>");
        if !more.is_empty() {
            use std::fmt::Write;
            let _ = write!(
                out,
                "<p class=\"pj-more\">{}</p>",
                escape_html(&lang.format(args::BoardMore { count: more.len() }))
            );
        }
    }
}

/// The board's HTML for one audience and language: the same bytes go to every such viewer.
/// `announcement` is the latest announcement in the viewer's language, if any.
pub fn render(frame: &Frame, progress: Progress, announcement: Option<&str>, lang: Lang, top_n: usize) -> String {
    render_with_stage(frame, progress, announcement, None, lang, top_n)
}

/// The board with the project pitching on stage and its countdown above it (`stage`).
pub fn render_with_stage(
    frame: &Frame,
    progress: Progress,
    announcement: Option<&str>,
    stage: Option<&crate::stage::StageNow>,
    lang: Lang,
    top_n: usize,
) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(4096);
    let state = match frame {
        Frame::Hidden => "hidden",
        Frame::Live { frozen: true, .. } => "frozen",
        Frame::Live { .. } => "live",
        Frame::Reveal { .. } => "reveal",
        Frame::Final { .. } => "final",
    };
    let pct = progress.percent();
    let _ = write!(
        out,
        "<div class=\"pj-frame\" data-state=\"{state}\"><div class=\"pj-progress\"><span class=\"pj-progress-label\">{}</span>\
         <progress class=\"pj-bar\" max=\"100\" value=\"{pct}\" aria-label=\"{}\"></progress>\
         <span class=\"pj-progress-count\">{}</span></div>",
        escape_html(lang.t(Msg::JudgingProgress)),
        escape_html(lang.t(Msg::JudgingProgress)),
        escape_html(&lang.format(args::ScoresDoneOf { progress: format!("{} / {}", progress.done, progress.assigned) })),
    );
    if let Some(text) = announcement.filter(|t| !t.trim().is_empty()) {
        let _ = write!(out, "<p class=\"pj-announce\" role=\"status\" dir=\"auto\">{}</p>", escape_html(text));
    }
    if let Some(s) = stage {
        let _ = write!(
            out,
            "<div class=\"pj-stage\"><span class=\"pj-stage-label\">{}</span><span class=\"pj-stage-project\" dir=\"auto\">\
             <span class=\"code\">{}</span> {}</span>{}</div>",
            escape_html(lang.t(Msg::OnStage)),
            escape_html(&s.code),
            escape_html(&s.title),
            s.countdown_html(),
        );
    }
    let badge = |out: &mut String, key: Msg| {
        let _ = write!(out, "<p class=\"pj-badge pj-badge-{state}\">{}</p>", escape_html(lang.t(key)));
    };
    match frame {
        Frame::Hidden => badge(&mut out, Msg::BoardNotShown),
        Frame::Live { rows, frozen } => {
            badge(&mut out, if *frozen { Msg::BoardFrozen } else { Msg::BoardLive });
            pages_html(&mut out, rows, lang, top_n);
        }
        Frame::Final { rows, favourites } => {
            badge(&mut out, Msg::BoardFinal);
            favourites_html(&mut out, favourites, lang);
            pages_html(&mut out, rows, lang, top_n);
        }
        Frame::Reveal { slots, step, steps, favourite_veiled } => {
            let _ = write!(
                out,
                "<p class=\"pj-badge pj-badge-reveal\">{}</p><section class=\"pj-page\"><ol class=\"pj-top pj-reveal\">",
                escape_html(&lang.format(args::RevealStepOf { progress: format!("{step} / {steps}") })),
            );
            for (i, s) in slots.iter().enumerate() {
                match &s.row {
                    Some(r) if s.label.is_empty() => row_html(&mut out, r, s.rank),
                    Some(r) => {
                        let _ = write!(
                            out,
                            "<li class=\"pj-row\" data-key=\"p{}\"><span class=\"pj-rank pj-track-name\" dir=\"auto\">{}</span><span class=\"pj-title\" dir=\"auto\">{}</span>\
                             <span class=\"pj-team\" dir=\"auto\">{}</span><span class=\"pj-score\">{}</span></li>",
                            r.project,
                            escape_html(&s.label),
                            escape_html(&r.title),
                            escape_html(&r.team),
                            score(r.score),
                        );
                    }
                    None => {
                        let label = if s.label.is_empty() {
                            s.rank.map(|n| n.to_string()).unwrap_or_default()
                        } else {
                            escape_html(&s.label)
                        };
                        let _ = write!(
                            out,
                            "<li class=\"pj-row pj-veiled\" data-key=\"s{i}\"><span class=\"pj-rank\" dir=\"auto\">{label}</span><span class=\"pj-title\">?</span></li>"
                        );
                    }
                }
            }
            out.push_str("</ol></section>");
            if *favourite_veiled {
                let _ = write!(
                    out,
                    "<section class=\"pj-fav\"><h2>{}</h2><ol class=\"pj-top\"><li class=\"pj-row pj-veiled\" data-key=\"fav\">\
                     <span class=\"pj-rank\">1</span><span class=\"pj-title\">?</span></li></ol></section>",
                    escape_html(lang.t(Msg::PeoplesChoice)),
                );
            }
        }
    }
    out.push_str("</div>");
    out
}

/// The people's choice: its places, each with its votes.
fn favourites_html(out: &mut String, favourites: &[Standing], lang: Lang) {
    use std::fmt::Write;
    if favourites.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"pj-fav\"><h2>{}</h2><ol class=\"pj-top\">",
        escape_html(lang.t(Msg::PeoplesChoice))
    );
    for f in favourites {
        let _ = write!(
            out,
            "<li class=\"pj-row\" data-key=\"f{}\"><span class=\"pj-rank\">{}</span><span class=\"pj-title\" dir=\"auto\">{}</span>\
             <span class=\"pj-team\" dir=\"auto\">{}</span><span class=\"pj-score\">{}</span></li>",
            f.project,
            f.rank,
            escape_html(&f.title),
            escape_html(&f.team),
            escape_html(&lang.format(args::VoteCount { count: f.votes })),
        );
    }
    out.push_str("</ol></section>");
}

/// The overall page, then one page per track (the projector rotates through them).
fn pages_html(out: &mut String, rows: &[Row], lang: Lang, top_n: usize) {
    use std::fmt::Write;
    if rows.is_empty() {
        let _ = write!(out, "<p class=\"pj-empty\">{}</p>", escape_html(lang.t(Msg::BoardEmpty)));
        return;
    }
    let _ =
        write!(out, "<section class=\"pj-page\" data-page=\"0\"><h2>{}</h2>", escape_html(lang.t(Msg::OverallRanking)));
    ranking_html(out, rows, top_n, false, lang);
    out.push_str("</section>");
    for (i, track) in tracks(rows).iter().enumerate() {
        let mut in_track: Vec<Row> = rows.iter().filter(|r| &r.track == track).cloned().collect();
        in_track.sort_by_key(|r| (r.track_rank, r.project));
        let _ = write!(
            out,
            "<section class=\"pj-page\" data-page=\"{}\" hidden><h2 dir=\"auto\">{}</h2>",
            i + 1,
            escape_html(track)
        );
        ranking_html(out, &in_track, top_n, true, lang);
        out.push_str("</section>");
    }
}

/// The average of each criterion's marks over the judges' sheets that mark it, with how many
/// did; criteria nobody marked are left out.
pub fn averages<'c>(
    criteria: &'c [crate::judging::rubric::Criterion],
    sheets: &[std::collections::BTreeMap<String, i64>],
) -> Vec<(&'c crate::judging::rubric::Criterion, f64, usize)> {
    criteria
        .iter()
        .filter_map(|c| {
            let marks: Vec<i64> = sheets.iter().filter_map(|s| s.get(&c.key).copied()).collect();
            (!marks.is_empty()).then(|| (c, marks.iter().sum::<i64>() as f64 / marks.len() as f64, marks.len()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(project: i64, rank: usize, track: &str, track_rank: usize) -> Row {
        Row {
            project,
            title: format!("Project {project}"),
            team: format!("Team {project}"),
            track: track.into(),
            score: Some(100.0 - rank as f64),
            rank: Some(rank),
            track_rank: Some(track_rank),
        }
    }

    fn five() -> Vec<Row> {
        vec![
            row(1, 1, "Health", 1),
            row(2, 2, "Water", 1),
            row(3, 3, "Health", 2),
            row(4, 4, "Water", 2),
            row(5, 5, "Health", 3),
        ]
    }

    fn state(visibility: Visibility) -> State {
        State { visibility, frozen: None, published: None, mode: RevealMode::All, step: 0, favourites: None }
    }

    #[test]
    fn visibility_decides_who_sees_the_live_board_before_publication() {
        let live = five();
        assert_eq!(frame(&state(Visibility::Hidden), &live, Audience::Public), Frame::Hidden);
        assert_eq!(frame(&state(Visibility::Hidden), &live, Audience::Organizers), Frame::Hidden);
        assert_eq!(frame(&state(Visibility::Organizers), &live, Audience::Public), Frame::Hidden);
        assert!(matches!(
            frame(&state(Visibility::Organizers), &live, Audience::Organizers),
            Frame::Live { frozen: false, .. }
        ));
        assert!(matches!(
            frame(&state(Visibility::Public), &live, Audience::Public),
            Frame::Live { frozen: false, .. }
        ));
    }

    #[test]
    fn a_frozen_board_shows_the_snapshot_not_the_live_standings() {
        let mut s = state(Visibility::Public);
        s.frozen = Some(vec![row(9, 1, "", 1)]);
        match frame(&s, &five(), Audience::Public) {
            Frame::Live { rows, frozen: true } => {
                assert_eq!(rows.iter().map(|r| r.project).collect::<Vec<_>>(), vec![9])
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_ranking_reveal_goes_from_last_to_first_and_only_shows_published_results() {
        let mut s = state(Visibility::Hidden);
        s.published = Some(five());
        s.mode = RevealMode::Ranking;
        s.step = 2;
        // The live standings differ from the published ones: they must not leak.
        let live = vec![row(42, 1, "", 1)];
        match frame(&s, &live, Audience::Public) {
            Frame::Reveal { slots, step: 2, steps: 5, .. } => {
                let shown: Vec<Option<i64>> = slots.iter().map(|s| s.row.as_ref().map(|r| r.project)).collect();
                assert_eq!(shown, vec![None, None, None, Some(4), Some(5)]);
            }
            other => panic!("unexpected {other:?}"),
        }
        s.step = 5;
        assert!(matches!(frame(&s, &live, Audience::Public), Frame::Final { .. }));
    }

    #[test]
    fn a_track_reveal_names_each_winner_in_turn() {
        let mut s = state(Visibility::Public);
        s.published = Some(five());
        s.mode = RevealMode::Tracks;
        s.step = 1;
        match frame(&s, &[], Audience::Public) {
            Frame::Reveal { slots, steps: 2, .. } => {
                assert_eq!(slots[0].label, "Health");
                assert_eq!(slots[0].row.as_ref().map(|r| r.project), Some(1));
                assert_eq!(slots[1].label, "Water");
                assert_eq!(slots[1].row, None);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn publication_all_at_once_is_final_for_everyone() {
        let mut s = state(Visibility::Hidden);
        s.published = Some(five());
        assert!(matches!(frame(&s, &[], Audience::Public), Frame::Final { rows, .. } if rows.len() == 5));
    }

    #[test]
    fn rendering_escapes_text_and_hides_veiled_titles() {
        let mut rows = five();
        rows[4].title = "<script>alert(1)</script>".into();
        let mut s = state(Visibility::Public);
        s.published = Some(rows);
        s.mode = RevealMode::Ranking;
        s.step = 1;
        let html = render(
            &frame(&s, &[], Audience::Public),
            Progress { done: 3, assigned: 4 },
            Some("Lunch <now>"),
            Lang::En,
            10,
        );
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("Lunch &lt;now&gt;"));
        assert!(!html.contains("Project 1<"), "a veiled project leaked: {html}");
        assert!(html.contains("<progress class=\"pj-bar\" max=\"100\" value=\"75\""));
    }

    #[test]
    fn hidden_boards_render_no_project() {
        let html = render(
            &frame(&state(Visibility::Hidden), &five(), Audience::Public),
            Progress::default(),
            None,
            Lang::Ar,
            10,
        );
        assert!(!html.contains("Project"));
        assert!(html.contains("data-state=\"hidden\""));
    }

    #[test]
    fn top_n_and_rotating_track_pages() {
        let html = render(&Frame::Live { rows: five(), frozen: false }, Progress::default(), None, Lang::Fr, 3);
        assert_eq!(html.matches("class=\"pj-page\"").count(), 3, "overall + 2 tracks");
        assert_eq!(html.matches("pj-rest").count(), 1, "only the overall page has more than 3 rows");
    }

    #[test]
    fn a_long_ranking_sends_a_bounded_band_and_counts_the_rest() {
        let rows: Vec<Row> = (1..=2000).map(|i| row(i as i64, i, "", 0)).collect();
        let html = render(&Frame::Live { rows: rows.clone(), frozen: false }, Progress::default(), None, Lang::En, 10);
        assert_eq!(html.matches("class=\"pj-row\"").count(), 10 + BAND_ROWS);
        assert!(html.contains(">Project 50<") && !html.contains(">Project 51<"), "the band ends at rank 50");
        let more = 2000 - 10 - BAND_ROWS;
        assert!(
            html.contains(&format!("<p class=\"pj-more\">{}</p>", Lang::En.format(args::BoardMore { count: more })))
        );
        assert!(html.len() < 20_000, "a 2,000-project frame is {} bytes", html.len());
        // The ranking page renders with no band: every row, no "more" line.
        let all =
            render(&Frame::Final { rows, favourites: Vec::new() }, Progress::default(), None, Lang::En, usize::MAX);
        assert_eq!(all.matches("class=\"pj-row\"").count(), 2000);
        assert!(!all.contains("pj-more"));
    }

    #[test]
    fn each_language_names_the_tracks_in_that_language() {
        let arabic = |t: &str| if t == "Health" { "الصحة".to_owned() } else { t.to_owned() };
        let state = State {
            visibility: Visibility::Public,
            frozen: None,
            published: Some(five()),
            mode: RevealMode::Tracks,
            step: 1,
            favourites: None,
        };
        let renamed_state = state.renamed(&arabic);
        assert!(renamed_state.published.as_ref().unwrap().iter().any(|r| r.track == "الصحة"));
        let html = render(
            &Frame::Live { rows: renamed(&five(), &arabic), frozen: false },
            Progress::default(),
            None,
            Lang::Ar,
            3,
        );
        assert!(html.contains("الصحة") && !html.contains(">Health<"), "{html}");
    }

    #[test]
    fn progress_is_bounded() {
        assert_eq!(Progress { done: 0, assigned: 0 }.percent(), 0);
        assert_eq!(Progress { done: 7, assigned: 5 }.percent(), 100);
        assert_eq!(Progress { done: 1, assigned: 3 }.percent(), 33);
    }

    #[test]
    fn the_peoples_choice_is_the_reveals_last_step() {
        let fav = Standing { project: 4, title: "Project 4".into(), team: "Team 4".into(), votes: 12, rank: 1 };
        let mut s = State {
            visibility: Visibility::Hidden,
            frozen: None,
            published: Some(five()),
            mode: RevealMode::Ranking,
            step: 5,
            favourites: Some(vec![fav.clone()]),
        };
        // Five jury places, then the people's choice.
        assert_eq!(s.reveal_steps(), 6);
        match frame(&s, &[], Audience::Public) {
            Frame::Reveal { slots, favourite_veiled: true, steps: 6, .. } => {
                assert!(slots.iter().all(|slot| slot.row.is_some()), "every jury place is shown");
                let html = render(&frame(&s, &[], Audience::Public), Progress::default(), None, Lang::En, 10);
                assert!(html.contains("pj-fav") && !html.contains("12 votes"), "{html}");
            }
            other => panic!("{other:?}"),
        }
        s.step = 6;
        let last = frame(&s, &[], Audience::Public);
        assert!(matches!(&last, Frame::Final { favourites, .. } if favourites == &vec![fav.clone()]));
        let html = render(&last, Progress::default(), None, Lang::En, 10);
        assert!(html.contains("12 votes") && html.contains("Project 4"), "{html}");
        // Everything at once: no step of its own, shown on publication.
        s.mode = RevealMode::All;
        s.step = 0;
        assert_eq!(s.reveal_steps(), 0);
        assert!(matches!(frame(&s, &[], Audience::Public), Frame::Final { favourites, .. } if favourites.len() == 1));
        // No votes, no step.
        s.mode = RevealMode::Ranking;
        s.favourites = Some(Vec::new());
        assert_eq!(s.reveal_steps(), 5);
    }

    #[test]
    fn the_project_on_stage_shows_above_the_board_with_its_countdown() {
        let stage = crate::stage::StageNow {
            project_id: 7,
            code: "P007".into(),
            title: "<Water>".into(),
            ends_at: Some(90_000),
            left_ms: 60_000,
            now_ms: 30_000,
        };
        let frame = Frame::Hidden;
        let html = render_with_stage(&frame, Progress::default(), None, Some(&stage), Lang::En, 10);
        assert!(html.contains("P007") && html.contains("&lt;Water&gt;") && !html.contains("<Water>"));
        assert!(html.contains("data-clock-ends=\"90000\"") && html.contains(">1:00<"));
        assert!(!render(&frame, Progress::default(), None, Lang::En, 10).contains("pj-stage"));
    }

    #[test]
    fn a_team_sees_each_criterion_averaged_over_the_judges_who_marked_it() {
        let criterion = |key: &str| crate::judging::rubric::Criterion {
            key: key.into(),
            name: crate::i18n::Localized::new("", "", key),
            description: crate::i18n::Localized::new("", "", ""),
            weight: 1,
            min: 0,
            max: 10,
            levels: Vec::new(),
        };
        let criteria = [criterion("c1"), criterion("c2"), criterion("c3")];
        let sheet = |marks: &[(&str, i64)]| marks.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let sheets =
            vec![sheet(&[("c1", 7), ("c2", 4)]), sheet(&[("c1", 8), ("c2", 5)]), sheet(&[("c1", 9), ("gone", 1)])];
        let got: Vec<(&str, f64, usize)> =
            averages(&criteria, &sheets).into_iter().map(|(c, a, n)| (c.key.as_str(), a, n)).collect();
        assert_eq!(got, vec![("c1", 8.0, 3), ("c2", 4.5, 2)]);
        assert!(averages(&criteria, &[]).is_empty());
    }
}
