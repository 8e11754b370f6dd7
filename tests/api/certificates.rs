//! Certificates of participation against the real server and database: ready only once the
//! results are out in full, naming the distinctions the published results gave, the same
//! code every time, checkable by anyone holding the code, gone with the participant.

use crate::board::score_all;
use crate::helpers::*;
use crate::judging::{assign, jury};
use reqwest::StatusCode;

fn done(r: &Reply, what: &str) {
    assert!(r.status.is_success() || r.status.is_redirection(), "{what}: {} {}", r.status, r.body);
}

async fn publish(app: &TestApp, org: &reqwest::Client, event: i64, action: &str, mode: &str) {
    let r = app.send(org, &PublishResults { event_id: event, action: action.into(), reveal_mode: mode.into() }).await;
    done(&r, action);
}

#[tokio::test]
async fn a_certificate_names_the_published_distinctions_keeps_its_code_and_anyone_can_check_it() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 2, "2").await;
    assign(&app, &jury, "5").await;
    score_all(&app, &jury).await;
    let event = jury.event;
    let org = &jury.organizer;
    let invite = app.invite(org, event, "participant", "1").await;
    let member = app.join_with_invite(&invite, "Yasmine Idrissi", "yasmine@example.ma").await;
    let me = app.user_id("yasmine@example.ma").await;
    let (project, team) = jury.projects[0];
    sqlx::query("INSERT INTO team_members (team_id, event_id, user_id, joined_at) VALUES ($1, $2, $3, 0)")
        .bind(team)
        .bind(event)
        .bind(me)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let mine = MyCertificate { event_id: event };

    // Not before the results are out, nor while they are still being revealed.
    let r = app.send(&member, &mine).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrCertificatesNotYet)), "{}", r.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM certificates").await, 0, "no code made for a refused ask");
    // Publishing gives every participant a code, while the event can still be written.
    publish(&app, org, event, "publish", "ranking").await;
    let participants =
        app.count(&format!("SELECT COUNT(*) FROM event_roles WHERE event_id = {event} AND role = 'participant'")).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM certificates").await, participants);
    assert_eq!(app.send(&member, &mine).await.status, StatusCode::CONFLICT, "the reveal has begun, not ended");
    publish(&app, org, event, "withdraw", "ranking").await;
    publish(&app, org, event, "publish", "all").await;

    // The participant's own: their name, team, project and the distinction the results gave.
    let r = app.send(&member, &mine).await;
    done(&r, "certificate");
    let c = r.json();
    assert_eq!(c["name"], "Yasmine Idrissi");
    assert_eq!(c["event_name"], "Hackathon Berkane");
    let title: String = sqlx::query_scalar("SELECT title FROM projects WHERE id = $1")
        .bind(project)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(c["project"].as_str(), Some(title.as_str()));
    assert!(c["team"].as_str().is_some_and(|t| !t.is_empty()));
    let published: String = sqlx::query_scalar("SELECT published FROM boards WHERE event_id = $1")
        .bind(event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let published: serde_json::Value = serde_json::from_str(&published).unwrap();
    let rank =
        published.as_array().unwrap().iter().find(|r| r["project"] == project).unwrap()["rank"].as_u64().unwrap();
    let expected = ["First place", "Second place", "Third place"][rank as usize - 1];
    assert_eq!(c["distinctions"], serde_json::json!([expected]), "three projects, each placed: {c}");
    let code = c["code"].as_str().unwrap().to_owned();
    assert!(code.len() >= 20, "a code no one guesses: {code}");
    assert!(c["url"].as_str().unwrap().ends_with(&format!("/certificates/{code}")));
    assert!(c["qr_svg"].as_str().unwrap().starts_with("<svg"));
    // The same certificate every time.
    assert_eq!(app.send(&member, &mine).await.json()["code"], code.as_str());

    // Anyone holding the code checks it; an unknown code is unknown.
    let anonymous = user_agent();
    let r = app.send(&anonymous, &VerifyCertificate { code: code.clone() }).await;
    done(&r, "check");
    assert_eq!((r.json()["name"].as_str(), r.json()["code"].as_str()), (Some("Yasmine Idrissi"), Some(code.as_str())));
    assert_eq!(app.send(&anonymous, &VerifyCertificate { code: "x".repeat(20) }).await.status, StatusCode::NOT_FOUND);
    let page = app.get(&anonymous, &format!("/certificates/{code}")).await;
    assert!(page.body.contains("This certificate is genuine") && page.body.contains("Yasmine Idrissi"));

    // Only participants have one; the organizer prints everyone's, the same codes.
    assert_eq!(app.send(&anonymous, &mine).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.send(&jury.judges[0].1, &mine).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.send(&member, &AllCertificates { event_id: event }).await.status, StatusCode::FORBIDDEN);
    let all = app.send(org, &AllCertificates { event_id: event }).await;
    done(&all, "all");
    let all = all.json();
    let certificates = all["certificates"].as_array().unwrap();
    assert_eq!(certificates.len() as i64, participants);
    assert!(certificates.iter().any(|c| c["code"] == code.as_str() && c["name"] == "Yasmine Idrissi"));

    // An archived event is only read: the certificates given at publication still show.
    sqlx::query("UPDATE events SET archived_at = 1 WHERE id = $1")
        .bind(event)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(app.send(&member, &mine).await.json()["code"], code.as_str(), "shown from an archived event");
    sqlx::query("UPDATE events SET archived_at = NULL WHERE id = $1")
        .bind(event)
        .execute(&app.state.db.pool)
        .await
        .unwrap();

    // Results withdrawn: the certificate still certifies taking part, with no distinction.
    publish(&app, org, event, "withdraw", "all").await;
    let r = app.send(&anonymous, &VerifyCertificate { code: code.clone() }).await;
    assert_eq!(r.json()["distinctions"], serde_json::json!([]), "{}", r.body);

    // A participant removed from the event no longer has a certificate to show.
    sqlx::query("DELETE FROM event_roles WHERE event_id = $1 AND user_id = $2")
        .bind(event)
        .bind(me)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(app.send(&anonymous, &VerifyCertificate { code }).await.status, StatusCode::NOT_FOUND);
}
