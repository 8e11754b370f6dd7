use crate::helpers::*;
use reqwest::{Client, StatusCode};

struct Setup {
    org: Client,
    event: i64,
    team: i64,
    members: Vec<Client>,
    outsider: Client,
}

/// An event with one team of two members, and a participant of another team.
async fn setup(app: &TestApp) -> Setup {
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "هاكاثون بركان").await;
    let r = app.send(&org, &new_track(event, "Agritech")).await;
    assert!(r.status.is_success());
    let code = app.invite(&org, event, "participant", "10").await;
    let mut people = Vec::new();
    for (i, name) in ["Meryem", "Hicham", "Omar"].into_iter().enumerate() {
        people.push(app.join_with_invite(&code, name, &format!("p{i}@example.ma")).await);
    }
    app.send(&people[0], &new_team(event, "Atlas")).await;
    let (team, team_code): (i64, String) = sqlx::query_as("SELECT id, invite_code FROM teams WHERE name = 'Atlas'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(app.send(&people[1], &JoinTeam { code: team_code.clone() }).await.status.is_success());
    app.send(&people[2], &new_team(event, "Other")).await;
    let outsider = people.pop().unwrap();
    Setup { org, event, team, members: people, outsider }
}

fn project_form(event: i64, version: i64, title: &str, submit: bool) -> SaveProject {
    SaveProject {
        event_id: event,
        version,
        project: ProjectInput {
            title: title.to_owned(),
            tagline: "Les données de la province, ouvertes à tous".to_owned(),
            description: "منصة لنشر البيانات العمومية.\n<script>alert('x')</script>".to_owned(),
            repo_url: "https://github.com/atlas/open-data".to_owned(),
            technologies: "Rust, Leptos".to_owned(),
            submit: submit.then(|| "1".to_owned()),
            ..Default::default()
        },
    }
}

#[tokio::test]
async fn a_team_saves_submits_and_uploads_a_screenshot_with_history() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let r = app.send(&s.members[0], &project_form(s.event, 0, "منصة البيانات المفتوحة", false)).await;
    assert!(r.status.is_success(), "{}", r.body);
    let r = app.send(&s.members[1], &project_form(s.event, 1, "منصة البيانات المفتوحة", true)).await;
    assert!(r.status.is_success(), "{}", r.body);

    let page = app.send(&s.members[0], &ProjectPage { event_id: s.event }).await.json();
    assert_eq!(page["status"], "submitted");
    assert_eq!(page["version"], 2);
    let history = page["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["who"], "Hicham");
    assert_eq!(history[0]["changes"], serde_json::json!([["status", "draft", "submitted"]]));
    assert_eq!(history[1]["who"], "Meryem");

    // Screenshots: images only, within the size limit.
    let e = vec![("event_id", s.event.to_string())];
    let r = app.upload(&s.members[0], &e, Some(("screenshot", b"#!/bin/sh\nrm -rf /".to_vec()))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.first_invalid(), Some(Msg::ErrNotAnImage));
    let r = app.upload(&s.members[0], &e, Some(("screenshot", vec![0x89; 3 * 1024 * 1024]))).await;
    assert!(matches!(r.status, StatusCode::UNPROCESSABLE_ENTITY | StatusCode::PAYLOAD_TOO_LARGE), "{}", r.status);
    let r = app.upload(&s.members[0], &e, Some(("screenshot", png()))).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM screenshots").await, 1);
    assert!(!app.uploads.exists(), "screenshots are kept in the database, not on this instance's disk");

    let page = app.send(&s.members[1], &ProjectPage { event_id: s.event }).await.json();
    let url = page["screenshots"][0]["url"].as_str().unwrap().to_owned();
    let shot = app.get(&s.members[1], &url).await;
    assert_eq!(shot.status, StatusCode::OK);
    assert_eq!(shot.headers["content-type"], "image/png");
    assert_eq!(shot.headers["x-content-type-options"], "nosniff");
    assert!(shot.headers["content-security-policy"].to_str().unwrap().contains("sandbox"));
    assert_eq!(app.get(&s.org, &url).await.status, StatusCode::OK, "organizers see screenshots");
    assert_eq!(app.get(&s.outsider, &url).await.status, StatusCode::NOT_FOUND, "other teams do not");
    assert_eq!(app.get(&user_agent(), &url).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get(&s.members[0], "/uploads/..%2F..%2Fetc%2Fpasswd").await.status, StatusCode::NOT_FOUND);
}

/// The bytes a client receives for `path` on the server at `base`, with the status.
async fn fetch_bytes(client: &Client, base: &str, path: &str) -> (StatusCode, Vec<u8>) {
    let r = client.get(format!("{base}{path}")).send().await.unwrap();
    (r.status(), r.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn a_screenshot_uploaded_on_one_instance_is_served_by_another_on_postgres() {
    // Several instances share a database only with PostgreSQL: this runs on it in every run.
    let app = spawn_app_on("postgres").await;
    let second = spawn_instance(&app).await;
    let s = setup(&app).await;
    assert!(app.send(&s.members[0], &project_form(s.event, 0, "Atlas", false)).await.status.is_success());
    let e = vec![("event_id", s.event.to_string())];
    assert!(app.upload(&s.members[0], &e, Some(("screenshot", png()))).await.status.is_success());
    let page = app.send(&s.members[1], &ProjectPage { event_id: s.event }).await.json();
    let url = page["screenshots"][0]["url"].as_str().unwrap().to_owned();
    assert_eq!(fetch_bytes(&s.members[1], &second, &url).await, (StatusCode::OK, png()));
    assert_eq!(fetch_bytes(&s.org, &second, &url).await, (StatusCode::OK, png()));
    assert_eq!(fetch_bytes(&s.outsider, &second, &url).await.0, StatusCode::NOT_FOUND);
    // Removed through one instance, it is gone from the other.
    let id: i64 = sqlx::query_scalar("SELECT id FROM screenshots").fetch_one(&app.state.db.pool).await.unwrap();
    let r = app.send(&s.members[0], &RemoveScreenshot { event_id: s.event, screenshot_id: id }).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(fetch_bytes(&s.members[1], &second, &url).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn screenshots_from_the_old_upload_folder_move_into_the_database_once() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    assert!(app.send(&s.members[0], &project_form(s.event, 0, "Atlas", false)).await.status.is_success());
    let e = vec![("event_id", s.event.to_string())];
    for _ in 0..2 {
        assert!(app.upload(&s.members[0], &e, Some(("screenshot", png()))).await.status.is_success());
    }
    // As an earlier version left them: rows without data, files in the upload folder (one lost).
    let files: Vec<String> = sqlx::query_scalar("SELECT file_name FROM screenshots ORDER BY id")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE screenshots SET data = NULL").execute(&app.state.db.pool).await.unwrap();
    let old = std::env::temp_dir().join(format!("hakam-old-uploads-{}", unique()));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(old.join(&files[0]), png()).unwrap();

    let adopted = hakam::projects::files::adopt_old_uploads(&app.state.db, &old).await.unwrap();
    assert_eq!(adopted, 1);
    assert_eq!(fetch_bytes(&s.members[0], &app.base, &format!("/uploads/{}", files[0])).await, (StatusCode::OK, png()));
    assert_eq!(
        fetch_bytes(&s.members[0], &app.base, &format!("/uploads/{}", files[1])).await.0,
        StatusCode::NOT_FOUND,
        "a file that was lost stays not found"
    );
    // A second start finds nothing more to move, and the folder is left as it was.
    assert_eq!(hakam::projects::files::adopt_old_uploads(&app.state.db, &old).await.unwrap(), 0);
    assert!(old.join(&files[0]).exists());
    let _ = std::fs::remove_dir_all(&old);
}

#[tokio::test]
async fn the_event_archive_holds_every_csv_as_downloaded_and_every_screenshot() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    assert!(app.send(&s.members[0], &project_form(s.event, 0, "Atlas", true)).await.status.is_success());
    let e = vec![("event_id", s.event.to_string())];
    assert!(app.upload(&s.members[0], &e, Some(("screenshot", png()))).await.status.is_success());
    let file: String =
        sqlx::query_scalar("SELECT file_name FROM screenshots").fetch_one(&app.state.db.pool).await.unwrap();

    let path = format!("/events/{}/export.zip", s.event);
    let (status, bytes) = fetch_bytes(&s.org, &app.base, &path).await;
    assert_eq!(status, StatusCode::OK);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "mentoring-sessions.csv".to_owned(),
            "ranking.csv".to_owned(),
            "scores-by-judge.csv".to_owned(),
            format!("screenshots/{}-Atlas/{file}", s.team),
            "submissions.csv".to_owned(),
            "teams.csv".to_owned(),
        ]
    );
    let read = |zip: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str| {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name(name).unwrap(), &mut out).unwrap();
        out
    };
    assert_eq!(read(&mut zip, &format!("screenshots/{}-Atlas/{file}", s.team)), png());
    for (inside, alone) in [("teams.csv", "teams.csv"), ("submissions.csv", "submissions.csv")] {
        let (_, downloaded) = fetch_bytes(&s.org, &app.base, &format!("/events/{}/{alone}", s.event)).await;
        assert_eq!(read(&mut zip, inside), downloaded, "{inside} is the dashboard's own download");
    }
    let teams = String::from_utf8(read(&mut zip, "teams.csv")).unwrap();
    assert!(teams.contains("Atlas") && teams.contains("Meryem"), "{teams}");

    // Participants, their team included, get no archive of the event.
    assert_eq!(fetch_bytes(&s.members[0], &app.base, &path).await.0, StatusCode::FORBIDDEN);
    assert_eq!(fetch_bytes(&user_agent(), &app.base, &path).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_teammates_stale_save_is_refused_and_names_who_changed_it() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    assert!(app.send(&s.members[0], &project_form(s.event, 0, "Atlas v1", false)).await.status.is_success());
    // Both open version 1; Meryem saves first.
    assert!(app.send(&s.members[0], &project_form(s.event, 1, "Atlas — Meryem", false)).await.status.is_success());
    let r = app.send(&s.members[1], &project_form(s.event, 1, "Atlas — Hicham", false)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.error(), Some(AppError::ConflictWith(Msg::ErrProjectChangedBy, "Meryem".into())));
    let title: String = sqlx::query_scalar("SELECT title FROM projects").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(title, "Atlas — Meryem");
}

#[tokio::test]
async fn bad_fields_are_refused_per_field_and_html_is_kept_as_text() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let mut form = project_form(s.event, 0, "", false);
    form.project.repo_url = "javascript:alert(1)".into();
    form.project.video_url = "youtube".into();
    form.project.track_id = "424242".into();
    let r = app.send(&s.members[0], &form).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut fields = r.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["repo_url", "title", "track_id", "video_url"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM projects").await, 0);

    let mut form = project_form(s.event, 0, "<b>Atlas</b>", false);
    form.project.description = "</textarea><script>alert('x')</script>".into();
    assert!(app.send(&s.members[0], &form).await.status.is_success());
    let html = app.get(&s.members[0], &format!("/events/{}/project", s.event)).await.body;
    assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;"), "markup in text fields is shown as text");
    assert!(html.contains("&lt;b&gt;Atlas&lt;/b&gt;"));
    let i = html.find("<script>alert").map(|i| html[i.saturating_sub(300)..(i + 60).min(html.len())].to_owned());
    assert!(i.is_none(), "{i:?}");
}

#[tokio::test]
async fn the_deadline_is_enforced_on_the_server_and_extensions_are_logged() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    assert!(app.send(&s.members[0], &project_form(s.event, 0, "Atlas", false)).await.status.is_success());
    // The deadline passes.
    let past = chrono::Utc::now().timestamp() - 60;
    sqlx::query("UPDATE events SET submission_deadline = $1 WHERE id = $2")
        .bind(past)
        .bind(s.event)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let r = app.send(&s.members[0], &project_form(s.event, 1, "Atlas (late edit)", true)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let err = r.error();
    assert!(
        matches!(&err, Some(AppError::ConflictWith(Msg::ErrDeadlinePassed, when)) if when.ends_with("(Africa/Casablanca)")),
        "{err:?}"
    );
    let r = app.upload(&s.members[0], &[("event_id", s.event.to_string())], Some(("screenshot", png()))).await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    // The organizer extends this team's deadline by a day; the edit goes through.
    let until = (chrono::Utc::now() + chrono::Duration::days(1)).format("%Y-%m-%dT%H:%M").to_string();
    let r = app.send(&s.org, &ExtendDeadline { event_id: s.event, team_id: s.team, until }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let r = app.send(&s.members[0], &project_form(s.event, 1, "Atlas (late edit)", true)).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'project.deadline_extended'").await, 1);

    let list = app
        .send(&s.org, &ListSubmissions { event_id: s.event, track: String::new(), status: "late".into() })
        .await
        .json();
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 2, "the extended submission and the team that never submitted: {list}");
}

#[tokio::test]
async fn organizers_filter_and_export_submissions_as_csv() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    assert!(app.send(&s.members[0], &project_form(s.event, 0, "=منصة البيانات", true)).await.status.is_success());
    let list = app
        .send(&s.org, &ListSubmissions { event_id: s.event, track: String::new(), status: "submitted".into() })
        .await
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["team_name"], "Atlas");

    let csv = app.get(&s.org, &format!("/events/{}/submissions.csv?status=submitted", s.event)).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    let body = csv.body.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines.len(), 2, "{body}");
    assert!(lines[1].starts_with("Atlas,'=منصة البيانات,"), "formulas are defused: {}", lines[1]);
    assert_eq!(
        app.get(&s.members[0], &format!("/events/{}/submissions.csv", s.event)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&user_agent(), &format!("/events/{}/submissions.csv", s.event)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn participants_without_a_team_cannot_submit() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let code = app.invite(&s.org, s.event, "participant", "1").await;
    let solo = app.join_with_invite(&code, "Solo", "solo@example.ma").await;
    let r = app.send(&solo, &project_form(s.event, 0, "Mine", false)).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrNeedTeam)));
    // A team below the minimum size (2) may keep a draft but not submit it.
    assert!(app.send(&s.outsider, &project_form(s.event, 0, "Alone", false)).await.status.is_success());
    let r = app.send(&s.outsider, &project_form(s.event, 1, "Alone", true)).await;
    assert_eq!(r.error(), Some(AppError::ConflictWith(Msg::ErrTeamTooSmall, "2".into())));
    // Another team's screenshot cannot be removed by id.
    assert!(app.send(&s.members[0], &project_form(s.event, 0, "Atlas", false)).await.status.is_success());
    app.upload(&s.members[0], &[("event_id", s.event.to_string())], Some(("screenshot", png()))).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM screenshots").fetch_one(&app.state.db.pool).await.unwrap();
    let r = app.send(&s.outsider, &RemoveScreenshot { event_id: s.event, screenshot_id: id }).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM screenshots").await, 1);
}

/// The track a team picked is its project's unless the team chose another for the project,
/// from the first save on, and the project follows the team when the team changes track.
#[tokio::test]
async fn a_project_takes_and_follows_its_teams_track() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let r = app.send(&s.org, &new_track(s.event, "Santé")).await;
    assert!(r.status.is_success(), "{}", r.body);
    let track = |name: &'static str| {
        let pool = app.state.db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT id FROM tracks WHERE name = $1")
                .bind(name)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let (agritech, sante) = (track("Agritech").await, track("Santé").await);
    let update = |track_id: i64| UpdateTeam {
        team_id: s.team,
        team_name: "Atlas".into(),
        pitch: String::new(),
        track_id: track_id.to_string(),
        needs: String::new(),
    };
    let project_track = || {
        let pool = app.state.db.pool.clone();
        let team = s.team;
        async move {
            sqlx::query_scalar::<_, Option<i64>>("SELECT track_id FROM projects WHERE team_id = $1")
                .bind(team)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let captain = &s.members[0];
    assert!(app.send(captain, &update(agritech)).await.status.is_success());

    // The form of a project not saved yet shows the team's track; left alone, it is kept.
    let page = app.send(captain, &ProjectPage { event_id: s.event }).await.json();
    assert_eq!(page["track_id"], agritech);
    let r = app.send(captain, &project_form(s.event, 0, "Saqia", true)).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    assert_eq!(project_track().await, Some(agritech), "submitted in the team's track");

    // The team changes track: the project follows, and its history says so.
    assert!(app.send(captain, &update(sante)).await.status.is_success());
    assert_eq!(project_track().await, Some(sante));
    let page = app.send(captain, &ProjectPage { event_id: s.event }).await.json();
    assert_eq!(page["history"][0]["changes"], serde_json::json!([["track", "Agritech", "Santé"]]));

    // A project the team put in another track on purpose stays there.
    let version = page["version"].as_i64().unwrap();
    let mut form = project_form(s.event, version, "Saqia", true);
    form.project.track_id = agritech.to_string();
    let r = app.send(captain, &form).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    assert!(app.send(captain, &update(sante)).await.status.is_success());
    let r = app.send(captain, &UpdateTeam { track_id: String::new(), ..update(sante) }).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(project_track().await, Some(agritech), "a chosen track is kept");
}

/// The history shows statuses (and every other stored code) in the reader's language.
#[test]
fn the_project_history_shows_no_raw_codes() {
    on_big_stack(project_history_in_arabic_and_french);
}

async fn project_history_in_arabic_and_french() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let r = app.send(&s.members[0], &project_form(s.event, 0, "Saqia", false)).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let r = app.send(&s.members[0], &project_form(s.event, 1, "Saqia", true)).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    for (lang, submitted) in [("ar", "مُقدَّم"), ("fr", "Soumis")] {
        app.get(&s.members[0], &format!("/lang/{lang}?next=/")).await;
        let html = app.get(&s.members[0], &format!("/events/{}/project", s.event)).await.body;
        let start = html.find(r#"<ol class="history""#).expect("the history is shown");
        let history = &html[start..start + html[start..].find("</ol>").unwrap()];
        for code in ["submitted", "draft", "status:", "title:"] {
            assert!(!history.contains(code), "{lang}: raw {code:?} in {history}");
        }
        assert!(history.contains(submitted), "{lang}: {history}");
    }
    // The organizer's view of the project shows the same history.
    app.get(&s.org, "/lang/ar?next=/").await;
    let html = app.get(&s.org, &format!("/events/{}/submissions/{}", s.event, s.team)).await.body;
    let start = html.find(r#"<ol class="history""#).expect("the organizer sees the history");
    let history = &html[start..start + html[start..].find("</ol>").unwrap()];
    assert!(!history.contains("submitted") && !history.contains("draft") && history.contains("مُقدَّم"), "{history}");
}

/// A project judging has reached keeps its track when its team changes track: its track picks
/// the rubric its scores were given against.
#[tokio::test]
async fn a_project_in_judging_keeps_its_track_when_the_team_changes_track() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let r = app.send(&s.members[0], &project_form(s.event, 0, "Saqia", true)).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let project: i64 = sqlx::query_scalar("SELECT id FROM projects WHERE team_id = $1")
        .bind(s.team)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    // Judging reaches the project: a rubric, a judge, an assignment run.
    assert!(crate::judging::save_rubric(&app, &s.org, s.event, 0, 0).await.status.is_success());
    crate::judging::settings(&app, &s.org, s.event, "1", "open", "raw").await;
    crate::judging::add_judge(&app, &s.org, s.event, "Nadia El Idrissi").await;
    let r = app
        .send(&s.org, &RunAssignment { event_id: s.event, seed: "1".into(), rebalance: None, present_only: None })
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM judge_assignments WHERE project_id = {project}")).await, 1);
    let track: i64 = sqlx::query_scalar("SELECT id FROM tracks WHERE event_id = $1")
        .bind(s.event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let r = app
        .send(
            &s.members[0],
            &UpdateTeam {
                team_id: s.team,
                team_name: "Atlas".into(),
                pitch: String::new(),
                track_id: track.to_string(),
                needs: String::new(),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let kept: Option<i64> = sqlx::query_scalar("SELECT track_id FROM projects WHERE id = $1")
        .bind(project)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(kept, None);
}
