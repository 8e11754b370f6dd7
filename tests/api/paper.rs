//! Paper score sheets against the real server and database: the printed sheets, and a sheet
//! keyed in by an organizer going through the very checks, versions, idempotency and history
//! of a phone's save.

use crate::helpers::*;
use crate::judging::{assign, assigned_to, jury, save, save_rubric, settings};
use reqwest::StatusCode;

fn paper(
    event: i64,
    judge: i64,
    project: i64,
    rubric: i64,
    save_id: &str,
    base: i64,
    marks: &[(&str, &str)],
) -> SavePaper {
    SavePaper {
        event_id: event,
        judge_id: judge,
        project_id: project,
        rubric_id: rubric,
        save_id: save_id.into(),
        base_version: base,
        sheet: ScoreSheet {
            status: String::new(),
            marks: map(marks),
            notes: "Écrit à la main".into(),
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
    let rubric = sheets[0]["rubric_id"].as_i64().unwrap();
    let url = sheets[0]["url"].as_str().unwrap().to_owned();
    assert!(
        url.ends_with(&format!("/events/{}/paper?judge={judge}&project={project}&rubric={rubric}", jury.event)),
        "{url}"
    );
    assert!(sheets[0]["qr_svg"].as_str().is_some_and(|s| s.starts_with("<svg")));

    // The form the QR code opens: a fresh key, the score's version.
    let form = app
        .send(
            &jury.organizer,
            &PaperEntry { event_id: jury.event, judge_id: judge, project_id: project, rubric_id: rubric },
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
            &PaperEntry { event_id: jury.event, judge_id: judge, project_id: project, rubric_id: rubric },
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
            &PaperEntry { event_id: jury.event, judge_id: judge, project_id: other, rubric_id: rubric },
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

    // A sheet printed under an earlier rubric is refused once the rubric changed.
    assert!(save_rubric(&app, &jury.organizer, jury.event, 0, 1).await.status.is_success());
    let form = app
        .send(
            &jury.organizer,
            &PaperEntry { event_id: jury.event, judge_id: judge, project_id: project, rubric_id: rubric },
        )
        .await
        .json();
    assert_eq!(form["rubric_changed"], true);
    let r = app
        .send(
            &jury.organizer,
            &paper(jury.event, judge, project, rubric, "paper-old-rubric", 2, &[("c1", "4"), ("c2", "7")]),
        )
        .await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrRubricChangedSincePrinted)), "{}", r.body);

    // Judging closed: refused like a phone's save.
    settings(&app, &jury.organizer, jury.event, "1", "closed", "z").await;
    let current = form["rubric_id"].as_i64().unwrap();
    let r = app
        .send(
            &jury.organizer,
            &paper(jury.event, judge, project, current, "paper-closed-1", 2, &[("c1", "4"), ("c2", "7")]),
        )
        .await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrJudgingClosed)), "{}", r.body);

    // Judges, even the sheet's own, cannot key sheets in.
    let r = app
        .send(phone, &paper(jury.event, judge, project, current, "paper-by-judge", 2, &[("c1", "4"), ("c2", "7")]))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}
