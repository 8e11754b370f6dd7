//! The live board against the real server and database: who sees what before and after
//! publication, freeze, the stepped reveal, the push channel and its resync, teams' own
//! results, announcements and the CSV import.

use crate::helpers::*;
use crate::judging::{assign, jury, save, Jury};
use reqwest::{Client, StatusCode};
use std::time::Duration;

pub async fn board_settings(app: &TestApp, jury: &Jury, visibility: &str, comments: bool) {
    team_view(app, jury, visibility, true, false, comments).await;
}

/// The board's settings with what teams see of their own result: their place, their average
/// marks per criterion, the judges' feedback.
pub async fn team_view(app: &TestApp, jury: &Jury, visibility: &str, rank: bool, marks: bool, feedback: bool) {
    let version: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version), 1) FROM boards WHERE event_id = $1")
        .bind(jury.event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let on = |b: bool| b.then(|| "on".to_string());
    let form = SaveBoardSettings {
        event_id: jury.event,
        version,
        visibility: visibility.into(),
        team_view: TeamViewInput { show_comments: on(feedback), show_rank: on(rank), show_marks: on(marks) },
        top_n: "10".into(),
        rotate_seconds: "15".into(),
    };
    let r = app.send(&jury.organizer, &form).await;
    assert!(r.status.is_success(), "board settings: {} {}", r.status, r.body);
}

async fn projector(app: &TestApp, client: &Client, event: i64) -> String {
    let r = app.send(client, &ProjectorData { event_id: event }).await;
    assert!(r.status.is_success(), "projector: {} {}", r.status, r.body);
    r.json()["html"].as_str().unwrap_or_default().to_owned()
}

async fn ranking(app: &TestApp, client: &Client, event: i64) -> serde_json::Value {
    let r = app.send(client, &PublicRanking { event_id: event }).await;
    assert!(r.status.is_success(), "ranking: {} {}", r.status, r.body);
    r.json()
}

/// Every judge scores every project assigned to them; project i gets impact `4 - i % 3`.
pub async fn score_all(app: &TestApp, jury: &Jury) {
    for (judge, phone) in &jury.judges {
        for project in crate::judging::assigned_to(app, *judge).await {
            let i = jury.projects.iter().position(|p| p.0 == project).unwrap_or(0);
            let impact = (5 - i.min(4)).to_string();
            let r = save(
                app,
                phone,
                jury.event,
                project,
                &format!("score-all-{judge}-{project}"),
                0,
                &[("c1", impact.as_str()), ("c2", "5")],
            )
            .await;
            assert_eq!(r.json()["applied"], true, "{}", r.body);
        }
    }
}

/// A participant account in the event (not in a team).
async fn participant(app: &TestApp, jury: &Jury, email: &str) -> Client {
    let code = app.invite(&jury.organizer, jury.event, "participant", "1").await;
    app.join_with_invite(&code, "Participante", email).await
}

#[tokio::test]
async fn each_audience_sees_the_board_only_as_the_organizer_chose() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 2, "2").await;
    assign(&app, &jury, "7").await;
    score_all(&app, &jury).await;
    let anonymous = user_agent();
    let member = participant(&app, &jury, "participante@example.ma").await;
    let judge = &jury.judges[0].1;
    let sees = |html: &str| html.contains("Projet 0");

    // Hidden (the default): nobody, not even the organizers' projector, shows projects.
    for who in [&anonymous, &member, judge, &jury.organizer] {
        assert!(!sees(&projector(&app, who, jury.event).await));
    }
    board_settings(&app, &jury, "organizers", false).await;
    assert!(sees(&projector(&app, &jury.organizer, jury.event).await));
    for who in [&anonymous, &member, judge] {
        assert!(!sees(&projector(&app, who, jury.event).await), "organizers-only board leaked");
    }
    board_settings(&app, &jury, "public", false).await;
    for who in [&anonymous, &member, judge, &jury.organizer] {
        assert!(sees(&projector(&app, who, jury.event).await));
    }

    // The results page shows nothing before publication, then everything to everyone,
    // whatever the live board's visibility.
    board_settings(&app, &jury, "hidden", false).await;
    let before = ranking(&app, &anonymous, jury.event).await;
    assert_eq!(before["published"], false);
    assert!(!sees(before["html"].as_str().unwrap()));
    let r = app
        .send(
            &jury.organizer,
            &PublishResults { event_id: jury.event, action: "publish".into(), reveal_mode: "all".into() },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    for who in [&anonymous, &member, judge] {
        let after = ranking(&app, who, jury.event).await;
        assert_eq!(after["published"], true);
        assert!(sees(after["html"].as_str().unwrap()));
        assert!(sees(&projector(&app, who, jury.event).await), "published results are public");
    }
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'results.publish' AND event_id = {}",
            jury.event
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn a_frozen_board_hides_further_changes_from_the_public() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    assign(&app, &jury, "1").await;
    board_settings(&app, &jury, "public", false).await;
    let phone = &jury.judges[0].1;
    let (first, second) = (jury.projects[0].0, jury.projects[1].0);
    assert_eq!(
        save(&app, phone, jury.event, first, "freeze-0001", 0, &[("c1", "3"), ("c2", "5")]).await.json()["applied"],
        true
    );
    let anonymous = user_agent();
    assert!(projector(&app, &anonymous, jury.event).await.contains("Projet 0"));

    let r = app.send(&jury.organizer, &FreezeBoard { event_id: jury.event, frozen: "on".into() }).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(
        save(&app, phone, jury.event, second, "freeze-0002", 0, &[("c1", "5"), ("c2", "9")]).await.json()["applied"],
        true
    );
    let frozen = projector(&app, &anonymous, jury.event).await;
    assert!(frozen.contains("data-state=\"frozen\""), "{frozen}");
    assert!(!frozen.contains("Projet 1"), "a score saved after the freeze reached the public board");
    // A second freeze keeps the first snapshot.
    app.send(&jury.organizer, &FreezeBoard { event_id: jury.event, frozen: "on".into() }).await;
    assert!(!projector(&app, &anonymous, jury.event).await.contains("Projet 1"));

    app.send(&jury.organizer, &FreezeBoard { event_id: jury.event, frozen: "off".into() }).await;
    let live = projector(&app, &anonymous, jury.event).await;
    assert!(live.contains("data-state=\"live\"") && live.contains("Projet 1"), "{live}");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('board.freeze', 'board.unfreeze') AND event_id = {}",
            jury.event
        ))
        .await,
        2
    );
}

#[tokio::test]
async fn a_reveal_goes_from_last_to_first_and_a_retried_step_changes_nothing() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 1, "1").await;
    assign(&app, &jury, "1").await;
    score_all(&app, &jury).await;
    let anonymous = user_agent();

    // No reveal before publication.
    let r = app.send(&jury.organizer, &StepReveal { event_id: jury.event, direction: "next".into(), from: 0 }).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = app
        .send(
            &jury.organizer,
            &PublishResults { event_id: jury.event, action: "publish".into(), reveal_mode: "ranking".into() },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let veiled = ranking(&app, &anonymous, jury.event).await;
    for i in 0..3 {
        assert!(!veiled["html"].as_str().unwrap().contains(&format!("Projet {i}")), "nothing is revealed at step 0");
    }

    // Project 2 has the lowest impact, so it comes first; the same tap sent twice moves once.
    for _ in 0..2 {
        let r =
            app.send(&jury.organizer, &StepReveal { event_id: jury.event, direction: "next".into(), from: 0 }).await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let step: i64 = sqlx::query_scalar("SELECT reveal_step FROM boards WHERE event_id = $1")
        .bind(jury.event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(step, 1);
    let html = projector(&app, &anonymous, jury.event).await;
    assert!(html.contains("Projet 2") && !html.contains("Projet 1") && !html.contains("Projet 0"), "{html}");

    let r = app.send(&jury.organizer, &StepReveal { event_id: jury.event, direction: "end".into(), from: 1 }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let done = ranking(&app, &anonymous, jury.event).await;
    let html = done["html"].as_str().unwrap();
    assert!(html.contains("data-state=\"final\""));
    let (p0, p2) = (html.find("Projet 0").unwrap(), html.find("Projet 2").unwrap());
    assert!(p0 < p2, "the winner is listed first");
}

/// Reads SSE messages until one of type `board` arrives; returns its data.
async fn next_board(stream: &mut reqwest::Response, buffer: &mut String) -> String {
    read_board(stream, buffer, |chunk| String::from_utf8_lossy(chunk).into_owned()).await
}

/// Reads the stream's chunks, each turned into text by `decode`, until a `board` message is
/// whole in `buffer`; returns its data.
async fn read_board(
    stream: &mut reqwest::Response,
    buffer: &mut String,
    mut decode: impl FnMut(&[u8]) -> String,
) -> String {
    loop {
        if let Some(found) = next_board_in(buffer) {
            return found;
        }
        // Generous: on a loaded 2-core machine a cross-instance notification can take seconds.
        let chunk = tokio::time::timeout(Duration::from_secs(10), stream.chunk())
            .await
            .expect("a board message within 10 s")
            .unwrap()
            .expect("stream open");
        buffer.push_str(&decode(&chunk));
    }
}

#[tokio::test]
async fn the_board_is_pushed_to_viewers_and_a_reconnecting_viewer_resyncs() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    assign(&app, &jury, "1").await;
    board_settings(&app, &jury, "public", false).await;
    let viewer = user_agent();
    let url = format!("{}/events/{}/board/live?lang=fr", app.base, jury.event);
    let mut stream = viewer.get(&url).send().await.unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    let mut buffer = String::new();
    let first = next_board(&mut stream, &mut buffer).await;
    assert!(first.contains("data-state=\"live\"") && !first.contains("Projet 0"), "{first}");

    let phone = &jury.judges[0].1;
    assert_eq!(
        save(&app, phone, jury.event, jury.projects[0].0, "push-0001", 0, &[("c1", "4"), ("c2", "5")]).await.json()
            ["applied"],
        true
    );
    let pushed = next_board(&mut stream, &mut buffer).await;
    assert!(pushed.contains("Projet 0"), "the new standings are pushed: {pushed}");
    assert!(pushed.contains("Avancement du jury"), "in the viewer's language");

    // The viewer drops off; a score is saved meanwhile; on reconnecting, the first message is
    // the full current board, so nothing missed stays missing.
    drop(stream);
    assert_eq!(
        save(&app, phone, jury.event, jury.projects[1].0, "push-0002", 0, &[("c1", "5"), ("c2", "9")]).await.json()
            ["applied"],
        true
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut again = viewer.get(&url).send().await.unwrap();
    let mut buffer = String::new();
    let resync = next_board(&mut again, &mut buffer).await;
    assert!(resync.contains("Projet 0") && resync.contains("Projet 1"), "{resync}");

    // Unknown events are refused.
    let r = viewer.get(format!("{}/events/999999/board/live", app.base)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

/// A gzip stream inflated as a browser does, piece by piece as they come.
struct Inflating {
    inflate: flate2::Decompress,
    header_left: usize,
}

impl Inflating {
    fn new() -> Inflating {
        Inflating { inflate: flate2::Decompress::new(false), header_left: 10 }
    }

    /// One chunk's text: every message in it comes out whole, none cut.
    fn text(&mut self, chunk: &[u8]) -> String {
        let skip = self.header_left.min(chunk.len());
        self.header_left -= skip;
        let mut input = &chunk[skip..];
        let mut out = Vec::with_capacity(input.len() * 8 + 1024);
        while !input.is_empty() {
            out.reserve(input.len() * 8 + 1024);
            let before = self.inflate.total_in();
            self.inflate.decompress_vec(input, &mut out, flate2::FlushDecompress::Sync).unwrap();
            input = &input[(self.inflate.total_in() - before) as usize..];
        }
        String::from_utf8(out).expect("whole messages, never a cut character")
    }
}

/// Takes the first whole `board` message out of `buffer` (and anything before it).
fn next_board_in(buffer: &mut String) -> Option<String> {
    while let Some(end) = buffer.find("\n\n") {
        let message: String = buffer.drain(..end + 2).collect();
        if message.contains("event: board") {
            return Some(
                message
                    .lines()
                    .filter_map(|l| l.strip_prefix("data: ").or_else(|| l.strip_prefix("data:")))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
    }
    None
}

#[tokio::test]
async fn a_viewer_accepting_gzip_gets_the_same_board_compressed() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    assign(&app, &jury, "1").await;
    board_settings(&app, &jury, "public", false).await;
    let url = format!("{}/events/{}/board/live?lang=ar", app.base, jury.event);
    let mut plain = user_agent().get(&url).send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none(), "no gzip unless asked for");
    let mut packed = user_agent().get(&url).header("accept-encoding", "gzip, br").send().await.unwrap();
    assert_eq!(packed.status(), StatusCode::OK);
    assert_eq!(packed.headers()["content-encoding"], "gzip");
    assert_eq!(packed.headers()["content-type"], "text/event-stream");
    assert_eq!(packed.headers()["vary"], "accept-encoding");
    let (mut buffer, mut inflated_buffer, mut reader) = (String::new(), String::new(), Inflating::new());
    assert!(next_board(&mut plain, &mut buffer).await.contains("data-state=\"live\""));
    let first = read_board(&mut packed, &mut inflated_buffer, |c| reader.text(c)).await;
    assert!(first.contains("data-state=\"live\""), "the frame, inflated: {first}");

    let phone = &jury.judges[0].1;
    let r = save(&app, phone, jury.event, jury.projects[0].0, "gzip-0001", 0, &[("c1", "4"), ("c2", "5")]).await;
    assert_eq!(r.json()["applied"], true);
    // Either stream may get a frame computed for an earlier change first.
    let mut pushed = String::new();
    while !pushed.contains("Projet 0") {
        pushed = next_board(&mut plain, &mut buffer).await;
    }
    let mut inflated = String::new();
    while !inflated.contains("Projet 0") {
        inflated = read_board(&mut packed, &mut inflated_buffer, |c| reader.text(c)).await;
    }
    assert_eq!(inflated, pushed, "the change reaches both viewers as the same frame");
    assert!(pushed.contains("dir=\"rtl\"") || pushed.contains("التنقيطات"), "in Arabic: {pushed}");
}

#[tokio::test]
async fn the_board_crosses_instances_on_postgres() {
    // Several instances share a database only with PostgreSQL: this runs on it in every run.
    let app = spawn_app_on("postgres").await;
    let second = spawn_instance(&app).await;
    let jury = jury(&app, 1, 1, "1").await;
    assign(&app, &jury, "1").await;
    board_settings(&app, &jury, "public", false).await;
    let mut stream = user_agent().get(format!("{second}/events/{}/board/live", jury.event)).send().await.unwrap();
    let mut buffer = String::new();
    assert!(!next_board(&mut stream, &mut buffer).await.contains("Projet 0"));
    assert_eq!(
        save(&app, &jury.judges[0].1, jury.event, jury.projects[0].0, "cross-b001", 0, &[("c1", "4"), ("c2", "5")])
            .await
            .json()["applied"],
        true
    );
    // The board may be recomputed for an earlier change first; the score must show within
    // seconds, not necessarily in the very next message.
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let mut board = String::new();
    while !board.contains("Projet 0") && std::time::Instant::now() < deadline {
        board = next_board(&mut stream, &mut buffer).await;
    }
    assert!(board.contains("Projet 0"), "the score saved on one instance moves the board on the other");
}

#[tokio::test]
async fn a_team_sees_what_the_organizer_shows_it_its_place_its_marks_and_the_judges_feedback_never_their_notes() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 2, "2").await;
    // One participant with a real account leads a team whose project is submitted.
    let member = participant(&app, &jury, "captain@example.ma").await;
    let r = app.send(&member, &new_team(jury.event, "Atlas")).await;
    assert!(r.status.is_success(), "{}", r.body);
    let team: i64 =
        sqlx::query_scalar("SELECT id FROM teams WHERE name = 'Atlas'").fetch_one(&app.state.db.pool).await.unwrap();
    let project: i64 = sqlx::query_scalar(
        "INSERT INTO projects (team_id, event_id, title, status, submitted_at, updated_at) VALUES ($1, $2, 'Irrigation', 'submitted', 1, 1) RETURNING id",
    )
    .bind(team)
    .bind(jury.event)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assign(&app, &jury, "3").await;
    score_all(&app, &jury).await;

    // Before publication: nothing.
    assert!(ranking(&app, &member, jury.event).await["mine"].is_null());
    board_settings(&app, &jury, "hidden", true).await;
    app.send(
        &jury.organizer,
        &PublishResults { event_id: jury.event, action: "publish".into(), reveal_mode: "all".into() },
    )
    .await;
    let page = ranking(&app, &member, jury.event).await;
    let mine = &page["mine"];
    assert_eq!(mine["team"], "Atlas");
    assert_eq!(mine["of"], 3);
    assert!(mine["rank"].as_u64().is_some());
    let feedback = mine["feedback"].as_array().unwrap();
    assert_eq!(feedback.len(), 2, "{page}");
    assert!(feedback.iter().all(|c| c == "Démo claire"));
    assert!(!page.to_string().contains("Juge"), "no judge is named");
    assert!(!page.to_string().contains("Bonne démo"), "the judges' private notes are never shown to the team");
    assert!(mine["marks"].as_array().unwrap().is_empty(), "marks only when the organizer shows them");

    // Marks per criterion, and no place: each criterion's average over the judges' scores.
    team_view(&app, &jury, "hidden", false, true, true).await;
    let mine = ranking(&app, &member, jury.event).await["mine"].clone();
    assert!(mine["rank"].is_null() && mine["track_rank"].is_null(), "{mine}");
    let given: Vec<String> = sqlx::query_scalar("SELECT marks FROM scores WHERE project_id = $1 AND status = 'scored'")
        .bind(project)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let given: Vec<serde_json::Value> = given.iter().map(|m| serde_json::from_str(m).unwrap()).collect();
    assert_eq!(given.len(), 2);
    let marks = mine["marks"].as_array().unwrap();
    assert_eq!(marks.len(), 2, "one line per criterion: {mine}");
    for (line, key) in marks.iter().zip(["c1", "c2"]) {
        let mean = given.iter().map(|g| g[key].as_i64().unwrap() as f64).sum::<f64>() / 2.0;
        assert_eq!(line["average"], format!("{mean:.1}"), "{key}: {line}");
        assert_eq!(line["judges"], 2);
        assert!(line["name"].as_str().is_some_and(|n| !n.is_empty()) && line["max"].as_i64() > line["min"].as_i64());
    }

    // Feedback stays with the judges when the organizer does not share it.
    board_settings(&app, &jury, "hidden", false).await;
    assert!(ranking(&app, &member, jury.event).await["mine"]["feedback"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn announcements_reach_members_and_the_projector() {
    let app = spawn_app().await;
    let jury = jury(&app, 1, 1, "1").await;
    let member = participant(&app, &jury, "p@example.ma").await;
    let mut live = member.get(format!("{}/events/{}/live", app.base, jury.event)).send().await.unwrap();
    let hello = tokio::time::timeout(Duration::from_secs(5), live.chunk()).await.unwrap().unwrap().unwrap();
    assert!(String::from_utf8_lossy(&hello).contains("hello"));

    let r = app
        .send(
            &jury.organizer,
            &PostAnnouncement {
                event_id: jury.event,
                body_ar: String::new(),
                body_fr: String::new(),
                body_en: "  ".into(),
                public: None,
            },
        )
        .await;
    assert_eq!(r.invalid_fields(), vec!["body_en"], "{}", r.body);
    // Ticked for the projector (announcements are for members only unless made public).
    let announcement = PostAnnouncement {
        event_id: jury.event,
        body_ar: "الغداء في القاعة 2".into(),
        body_fr: "Déjeuner en salle 2".into(),
        body_en: String::new(),
        public: Some("on".into()),
    };
    let r = app.send(&jury.organizer, &announcement).await;
    assert!(r.status.is_success(), "{}", r.body);
    let pushed = tokio::time::timeout(Duration::from_secs(5), live.chunk()).await.expect("pushed").unwrap().unwrap();
    assert!(String::from_utf8_lossy(&pushed).contains("event: announce"));

    let list = app.send(&member, &EventAnnouncements { event_id: jury.event }).await.json();
    assert_eq!(list["member"], true);
    // English readers get the first language it was written in.
    assert_eq!(list["items"][0][1], "الغداء في القاعة 2");
    assert!(projector(&app, &user_agent(), jury.event).await.contains("الغداء في القاعة 2"));
    let outsider = app.send(&user_agent(), &EventAnnouncements { event_id: jury.event }).await.json();
    assert_eq!(outsider["items"].as_array().unwrap().len(), 0, "not for people outside the event");

    let id: i64 = sqlx::query_scalar("SELECT id FROM announcements").fetch_one(&app.state.db.pool).await.unwrap();
    assert!(app
        .send(&jury.organizer, &RetireAnnouncement { event_id: jury.event, announcement_id: id })
        .await
        .status
        .is_success());
    assert_eq!(
        app.send(&member, &EventAnnouncements { event_id: jury.event }).await.json()["items"].as_array().unwrap().len(),
        0
    );
}

#[tokio::test]
async fn a_csv_import_is_previewed_and_written_only_when_every_row_is_valid() {
    let app = spawn_app().await;
    let jury = jury(&app, 0, 0, "1").await;
    let invites = || app.count("SELECT COUNT(*) FROM invites");
    let before = invites().await;
    let stage = |csv: &'static str, kind: &'static str| {
        let organizer = jury.organizer.clone();
        let app = &app;
        async move {
            let r = app
                .send(
                    &organizer,
                    &StageImport { event_id: jury.event, kind: kind.to_string(), csv_text: csv.to_string() },
                )
                .await;
            assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
            sqlx::query_scalar::<_, i64>("SELECT MAX(id) FROM imports").fetch_one(&app.state.db.pool).await.unwrap()
        }
    };

    let bad =
        stage("name,email\nAmina,amina@example.ma\nYoussef,not-an-email\nAmina Bis,AMINA@example.ma\n", "participants")
            .await;
    let preview = app.send(&jury.organizer, &ImportBatch { event_id: jury.event, batch: Some(bad) }).await.json();
    let lines: Vec<u64> = preview["problems"].as_array().unwrap().iter().map(|p| p[0].as_u64().unwrap()).collect();
    assert_eq!(lines, vec![3, 4], "{preview}");
    assert_eq!(preview["rows"].as_array().unwrap().len(), 1);
    let r = app.send(&jury.organizer, &CommitImport { event_id: jury.event, batch: bad }).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(invites().await, before, "nothing is written while a row has a problem");

    let good =
        stage("name;email;skills\nAmina;amina@example.ma;design|data\nيوسف;youssef@example.ma;\n", "participants")
            .await;
    assert!(app.send(&jury.organizer, &CommitImport { event_id: jury.event, batch: good }).await.status.is_success());
    assert_eq!(invites().await, before + 2);
    let done = app.send(&jury.organizer, &ImportBatch { event_id: jury.event, batch: Some(good) }).await.json();
    assert_eq!(done["committed"], true);
    let link = done["created"][1]["link"].as_str().unwrap().to_owned();
    assert!(link.contains("/invite/"), "{done}");
    // A second click imports nothing more.
    assert_eq!(
        app.send(&jury.organizer, &CommitImport { event_id: jury.event, batch: good }).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(invites().await, before + 2);
    // The link works: the person signs up with it and joins as a participant.
    let code = link.rsplit('/').next().unwrap();
    app.join_with_invite(code, "يوسف", "youssef@example.ma").await;

    // Judges get phone sign-in links; projects become teams with submitted projects.
    let judges = stage("name\nJuge Import\n", "judges").await;
    assert!(app.send(&jury.organizer, &CommitImport { event_id: jury.event, batch: judges }).await.status.is_success());
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM event_roles WHERE role = 'judge' AND event_id = {}", jury.event))
            .await,
        1
    );
    let projects =
        stage("team,title,repo_url\nAtlas,Irrigation,https://example.ma/atlas\nRif,Tourisme,\n", "projects").await;
    assert!(app
        .send(&jury.organizer, &CommitImport { event_id: jury.event, batch: projects })
        .await
        .status
        .is_success());
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM projects WHERE status = 'submitted' AND event_id = {}", jury.event))
            .await,
        2
    );
    let teams = app.send(&jury.organizer, &ImportBatch { event_id: jury.event, batch: Some(projects) }).await.json();
    assert!(teams["created"][0]["link"].as_str().unwrap().contains("/join/"), "{teams}");
    // Importing a team name already taken is a per-row problem.
    let again = stage("team,title\natlas,Encore\n", "projects").await;
    let preview = app.send(&jury.organizer, &ImportBatch { event_id: jury.event, batch: Some(again) }).await.json();
    assert_eq!(preview["problems"][0][1], "team", "{preview}");
}

#[tokio::test]
async fn the_dashboard_counts_the_event_and_charts_each_judge() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 2, "2").await;
    assign(&app, &jury, "5").await;
    score_all(&app, &jury).await;
    let r = app.send(&jury.organizer, &Dashboard { event_id: jury.event }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let d = r.json();
    assert_eq!(d["counts"]["submissions"], 3);
    assert_eq!(d["counts"]["judges"], 2);
    assert_eq!(d["counts"]["participants"], 3);
    assert_eq!(d["covered"], 3);
    assert_eq!(d["done"], 6);
    assert_eq!(d["assigned"], 6);
    let svg = d["calibration_svg"].as_str().unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("Juge 0") && svg.contains("Juge 1"), "{svg}");
    assert_eq!(svg.matches("<circle").count(), 12, "each of the 6 scores, raw and normalized");
    // The join QR code to project: the event's page at the public URL.
    assert_eq!(d["join_url"], format!("{}/events/{}", app.state.config.public_url, jury.event));
    assert!(
        d["join_qr_svg"].as_str().unwrap().starts_with("<?xml") || d["join_qr_svg"].as_str().unwrap().contains("<svg")
    );

    // The mentoring sessions export is for the organizers only.
    let csv = jury.organizer.get(format!("{}/events/{}/sessions.csv", app.base, jury.event)).send().await.unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.text().await.unwrap().contains("mentor,starts,ends"));
    let judge = &jury.judges[0].1;
    assert_eq!(
        judge.get(format!("{}/events/{}/sessions.csv", app.base, jury.event)).send().await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn with_names_hidden_from_judges_the_board_they_see_has_no_team_names() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 2, "2").await;
    assign(&app, &jury, "7").await;
    score_all(&app, &jury).await;
    board_settings(&app, &jury, "public", false).await;
    let team: String = sqlx::query_scalar("SELECT name FROM teams WHERE id = $1")
        .bind(jury.projects[0].1)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let judge = &jury.judges[0].1;
    let anonymous = user_agent();
    assert!(projector(&app, judge, jury.event).await.contains(&team), "names shown by default");

    let version: i64 =
        sqlx::query_scalar("SELECT version FROM judging_settings").fetch_one(&app.state.db.pool).await.unwrap();
    let r = app
        .send(
            &jury.organizer,
            &SaveJudgingSettings {
                event_id: jury.event,
                version,
                judges_per_project: "2".into(),
                hide_names: Some("on".into()),
                method: "z".into(),
                disagreement: "25".into(),
                state: "open".into(),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    // Judges see the public board, signed in or not (and on the hall's projector): it shows
    // projects by title only. Organizers keep the names.
    for who in [judge, &anonymous] {
        let html = projector(&app, who, jury.event).await;
        assert!(html.contains("Projet 0"), "the project is on the board: {html}");
        assert!(!html.contains(&team), "no team name on the board judges see: {html}");
    }
    assert!(projector(&app, &jury.organizer, jury.event).await.contains(&team));
    // Frozen, the snapshot is shown the same way.
    let r = app.send(&jury.organizer, &FreezeBoard { event_id: jury.event, frozen: "on".into() }).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert!(!projector(&app, judge, jury.event).await.contains(&team), "no team name in the frozen board");

    // Published results are public, names included: judging is over.
    let r = app
        .send(
            &jury.organizer,
            &PublishResults { event_id: jury.event, action: "publish".into(), reveal_mode: "all".into() },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    assert!(projector(&app, judge, jury.event).await.contains(&team));
}
