//! Paper score sheets against the real server and database: the printed sheets, and a sheet
//! keyed in by an organizer going through the very checks, versions, idempotency and history
//! of a phone's save.

use crate::helpers::*;
use crate::judging::{assign, assigned_to, jury, save, save_rubric, settings};
use reqwest::StatusCode;

/// The sheet a post names: its rubric's id and fingerprint, as printed.
type Printed<'a> = (i64, &'a str);

fn paper(
    event: i64,
    judge: i64,
    project: i64,
    rubric: Printed,
    save_id: &str,
    base: i64,
    marks: &[(&str, &str)],
) -> SavePaper {
    SavePaper {
        event_id: event,
        judge_id: judge,
        project_id: project,
        rubric_id: rubric.0,
        mark: rubric.1.to_owned(),
        save_id: save_id.into(),
        base_version: base,
        sheet: ScoreSheet {
            status: String::new(),
            marks: map(marks),
            notes: "Écrit à la main".into(),
            feedback: String::new(),
            flagged: None,
            back: None,
        },
    }
}

fn done(r: &Reply, what: &str) {
    assert!(r.status.is_success() || r.status.is_redirection(), "{what}: {} {}", r.status, r.body);
}

#[tokio::test]
async fn a_keyed_in_sheet_is_a_phone_save_with_the_organizer_in_its_history() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 2, "1").await;
    assign(&app, &jury, "3").await;
    let (judge, phone) = (&jury.judges[0].0, &jury.judges[0].1);
    let judge = *judge;
    let mine = assigned_to(&app, judge).await;
    let project = mine[0];
    let other = jury.projects.iter().map(|p| p.0).find(|p| !mine.contains(p)).expect("a project of the other judge");

    // The judge's sheets: one per assigned project, each naming judge, project and rubric.
    let r = app.send(&jury.organizer, &ScoreSheets { event_id: jury.event, judge_id: judge }).await;
    done(&r, "sheets");
    let sheets = r.json()["printed"][0]["sheets"].as_array().cloned().unwrap_or_default();
    assert_eq!(sheets.len(), mine.len(), "{}", r.body);
    let rubric_id = sheets[0]["rubric_id"].as_i64().unwrap();
    let mark = sheets[0]["mark"].as_str().unwrap().to_owned();
    let rubric: Printed = (rubric_id, &mark);
    let url = sheets[0]["url"].as_str().unwrap().to_owned();
    assert!(
        url.ends_with(&format!(
            "/events/{}/paper?judge={judge}&project={project}&rubric={rubric_id}&mark={mark}",
            jury.event
        )),
        "{url}"
    );
    assert!(sheets[0]["qr_svg"].as_str().is_some_and(|s| s.starts_with("<svg")));

    // The form the QR code opens: a fresh key, the score's version.
    let form = app
        .send(
            &jury.organizer,
            &PaperEntry { event_id: jury.event, judge_id: judge, project_id: project, rubric_id, mark: mark.clone() },
        )
        .await;
    done(&form, "entry form");
    let form = form.json();
    assert_eq!(form["version"], 0);
    let key = form["save_id"].as_str().unwrap().to_owned();

    // A level off the scale is refused as on a phone, and nothing is written.
    let bad = app
        .send(&jury.organizer, &paper(jury.event, judge, project, rubric, &key, 0, &[("c1", "9"), ("c2", "5")]))
        .await;
    let phone_bad = save(&app, phone, jury.event, project, "phone-bad-1", 0, &[("c1", "9"), ("c2", "5")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert_eq!(bad.field_errors(), phone_bad.field_errors(), "the same checks as a phone's save");
    assert_eq!(app.count("SELECT COUNT(*) FROM scores").await, 0);

    // Keyed in: the judge's score, version 1, its history naming the organizer.
    let good = paper(jury.event, judge, project, rubric, &key, 0, &[("c1", "4"), ("c2", "7")]);
    done(&app.send(&jury.organizer, &good).await, "keyed in");
    let (status, version, marks): (String, i64, String) =
        sqlx::query_as("SELECT status, version, marks FROM scores WHERE project_id = $1 AND judge_id = $2")
            .bind(project)
            .bind(judge)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!((status.as_str(), version), ("scored", 1));
    assert!(marks.contains("\"c1\":4"), "{marks}");
    let organizer = app.user_id("organizer@example.ma").await;
    let by: Option<i64> = sqlx::query_scalar("SELECT entered_by FROM score_saves WHERE save_id = $1")
        .bind(&key)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(by, Some(organizer));
    let log = app.send(&jury.organizer, &AuditLog { event_id: jury.event }).await;
    assert!(log.body.contains("\"entered_by\":\"Salma Benali\""), "{}", log.body);

    // Sent again (a double tap, a retried post): applied once.
    done(&app.send(&jury.organizer, &good).await, "replayed");
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM score_saves WHERE judge_id = {judge}")).await, 1);
    assert_eq!(
        app.count(&format!("SELECT version FROM scores WHERE judge_id = {judge} AND project_id = {project}")).await,
        1
    );

    // The judge sees it on the desk as their own score.
    let desk = app.send(phone, &JudgeDesk { event_id: jury.event }).await.json();
    let item = desk["items"].as_array().unwrap().iter().find(|i| i["project_id"] == project).cloned().unwrap();
    assert_eq!(item["mine"]["version"], 1);

    // A form opened before the phone saved again is refused, not applied over it.
    let form = app
        .send(
            &jury.organizer,
            &PaperEntry { event_id: jury.event, judge_id: judge, project_id: project, rubric_id, mark: mark.clone() },
        )
        .await
        .json();
    let late_key = form["save_id"].as_str().unwrap().to_owned();
    let r = save(&app, phone, jury.event, project, "phone-after-paper", 1, &[("c1", "5"), ("c2", "7")]).await;
    assert_eq!(r.json()["applied"], true, "{}", r.body);
    let late = app
        .send(&jury.organizer, &paper(jury.event, judge, project, rubric, &late_key, 1, &[("c1", "1"), ("c2", "1")]))
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.body);
    assert_eq!(late.error(), Some(AppError::Conflict(Msg::ErrPaperScoreChanged)));
    assert_eq!(
        app.count(&format!("SELECT version FROM scores WHERE judge_id = {judge} AND project_id = {project}")).await,
        2
    );

    // Only assigned pairs: another judge's project is not this judge's sheet.
    let r = app
        .send(
            &jury.organizer,
            &PaperEntry { event_id: jury.event, judge_id: judge, project_id: other, rubric_id, mark: mark.clone() },
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app
        .send(
            &jury.organizer,
            &paper(jury.event, judge, other, rubric, "paper-other-1", 0, &[("c1", "4"), ("c2", "7")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);

    // A sheet printed under an earlier rubric: its form posts what was printed, and is
    // refused until the organizer chooses the rubric in force.
    assert!(save_rubric(&app, &jury.organizer, jury.event, 0, 1).await.status.is_success());
    let form = app
        .send(
            &jury.organizer,
            &PaperEntry { event_id: jury.event, judge_id: judge, project_id: project, rubric_id, mark: mark.clone() },
        )
        .await
        .json();
    assert_eq!(form["rubric_changed"], true);
    let posted: Printed = (form["rubric_id"].as_i64().unwrap(), form["mark"].as_str().unwrap());
    assert_eq!(posted, rubric, "the form posts the printed rubric");
    let r = app
        .send(
            &jury.organizer,
            &paper(jury.event, judge, project, posted, "paper-old-rubric", 2, &[("c1", "4"), ("c2", "7")]),
        )
        .await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrRubricChangedSincePrinted)), "{}", r.body);
    let current = form["current"].as_str().unwrap().to_owned();
    let query = |key: &str| {
        current.split(['?', '&']).find_map(|kv| kv.strip_prefix(&format!("{key}="))).unwrap_or_default().to_owned()
    };
    let (new_id, new_mark) = (query("rubric").parse::<i64>().unwrap(), query("mark"));
    assert_ne!(new_id, rubric_id);
    let now: Printed = (new_id, &new_mark);
    let form = app
        .send(
            &jury.organizer,
            &PaperEntry {
                event_id: jury.event,
                judge_id: judge,
                project_id: project,
                rubric_id: new_id,
                mark: new_mark.clone(),
            },
        )
        .await
        .json();
    assert_eq!(form["rubric_changed"], false);

    // Judging closed: refused like a phone's save.
    settings(&app, &jury.organizer, jury.event, "1", "closed", "z").await;
    let r = app
        .send(
            &jury.organizer,
            &paper(jury.event, judge, project, now, "paper-closed-1", 2, &[("c1", "4"), ("c2", "7")]),
        )
        .await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrJudgingClosed)), "{}", r.body);

    // Judges, even the sheet's own, cannot key sheets in.
    let r = app
        .send(phone, &paper(jury.event, judge, project, now, "paper-by-judge", 2, &[("c1", "4"), ("c2", "7")]))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_sheet_printed_before_the_rubric_was_edited_in_place_is_refused() {
    let app = spawn_app().await;
    let jury = jury(&app, 1, 1, "1").await;
    assign(&app, &jury, "3").await;
    let judge = jury.judges[0].0;
    let project = jury.projects[0].0;
    let sheets = app.send(&jury.organizer, &ScoreSheets { event_id: jury.event, judge_id: judge }).await.json();
    let sheet = &sheets["printed"][0]["sheets"][0];
    let printed: Printed = (sheet["rubric_id"].as_i64().unwrap(), sheet["mark"].as_str().unwrap());
    // Nobody scored under the rubric yet: saving it edits it in place, same id and version.
    let version: i64 = sqlx::query_scalar("SELECT version FROM rubrics WHERE id = $1")
        .bind(printed.0)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let r = app
        .send(
            &jury.organizer,
            &SaveRubric {
                event_id: jury.event,
                scope: 0,
                version,
                fields: map(&[("name_1_fr", "Impact social"), ("weight_1", "2"), ("scale_1", "1-5")]),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM rubrics").await, 1, "edited in place");
    let r = app
        .send(&jury.organizer, &paper(jury.event, judge, project, printed, "paper-before-edit", 0, &[("c1", "4")]))
        .await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrRubricChangedSincePrinted)), "{}", r.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM score_saves").await, 0);
}
