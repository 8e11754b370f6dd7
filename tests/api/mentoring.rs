use crate::helpers::*;
use reqwest::{Client, StatusCode};

async fn join(app: &TestApp, code: &str, name: &str, email: &str) -> Client {
    let c = user_agent();
    let r = app.call(&c, "invites/signup-accept", &[("code", code), ("display_name", name), ("email", email), ("password", "correct horse battery")]).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    c
}

#[tokio::test]
async fn mentors_are_assigned_by_expertise_and_language_and_teams_see_them() {
    let app = spawn_app().await;
    let org = user_agent();
    app.signup(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "Hackathon Berkane").await;
    let e = event.to_string();
    for track in ["Agritech", "Big data"] {
        app.call(&org, "events/add-track", &[("event_id", e.as_str()), ("track_name", track), ("track_description", "")]).await;
    }
    let tracks: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM tracks ORDER BY id").fetch_all(&app.state.db.pool).await.unwrap();
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let youssef = join(&app, &mentor_code, "يوسف العلوي", "youssef@example.ma").await;
    let nadia = join(&app, &mentor_code, "Nadia Berrada", "nadia@example.ma").await;
    for (c, expertise, languages) in [(&youssef, "Agritech, IoT", "ar"), (&nadia, "big data, python", "fr, en")] {
        let r = app.call(c, "mentoring/save-profile", &[("event_id", e.as_str()), ("expertise", expertise), ("languages", languages), ("capacity", "2"), ("bio", ""), ("contact", "Table 3")]).await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let r = app.call(&nadia, "mentoring/save-profile", &[("event_id", e.as_str()), ("expertise", ""), ("languages", ""), ("capacity", "500"), ("bio", ""), ("contact", "")]).await;
    assert_eq!(r.invalid_fields(), ["capacity"]);

    // Two teams: agritech in Arabic, big data in French.
    let code = app.invite(&org, event, "participant", "10").await;
    let p1 = join(&app, &code, "Meryem", "p1@example.ma").await;
    let p2 = join(&app, &code, "Omar", "p2@example.ma").await;
    for (c, team, track, lang) in [(&p1, "Atlas", &tracks[0].0, "ar"), (&p2, "Données", &tracks[1].0, "fr")] {
        app.call(c, "teams/save-profile", &[("event_id", e.clone()), ("skills", "web".into()), ("languages", lang.into()), ("bio", String::new())]).await;
        let r = app.call(c, "teams/create", &[("event_id", e.clone()), ("team_name", team.into()), ("pitch", String::new()), ("track_id", track.to_string()), ("needs", String::new())]).await;
        assert!(r.status.is_success(), "{}", r.body);
    }

    let r = app.call(&org, "mentoring/auto-assign", &[("event_id", e.as_str()), ("seed", "1")]).await;
    assert!(r.status.is_success(), "{}", r.body);
    let overview = app.call(&org, "mentoring/overview", &[("event_id", e.as_str())]).await.json();
    let rows = overview["rows"].as_array().unwrap();
    let atlas = rows.iter().find(|r| r["team_name"] == "Atlas").unwrap();
    assert_eq!(atlas["mentor_name"], "يوسف العلوي");
    assert_eq!(atlas["skills"], serde_json::json!(["agritech"]));
    assert_eq!(atlas["language"], "ar");
    let data = rows.iter().find(|r| r["team_name"] == "Données").unwrap();
    assert_eq!(data["mentor_name"], "Nadia Berrada");

    let card = app.call(&p1, "mentoring/my-mentor", &[("event_id", e.as_str())]).await.json();
    assert_eq!(card["name"], "يوسف العلوي");
    assert_eq!(card["contact"], "Table 3");
    let profile = app.call(&youssef, "mentoring/profile", &[("event_id", e.as_str())]).await.json();
    assert_eq!(profile["teams"], serde_json::json!(["Atlas"]));

    // A manual swap; a non-mentor cannot be assigned; the mentorship stays on record.
    let atlas_id = atlas["team_id"].as_i64().unwrap().to_string();
    let nadia_id = app.user_id("nadia@example.ma").await.to_string();
    let r = app.call(&org, "mentoring/assign", &[("event_id", e.as_str()), ("team_id", atlas_id.as_str()), ("mentor_id", nadia_id.as_str())]).await;
    assert!(r.status.is_success(), "{}", r.body);
    let p1_id = app.user_id("p1@example.ma").await.to_string();
    let r = app.call(&org, "mentoring/assign", &[("event_id", e.as_str()), ("team_id", atlas_id.as_str()), ("mentor_id", p1_id.as_str())]).await;
    assert_eq!(r.invalid_fields(), ["mentor_id"]);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM mentorship_log WHERE team_id = {atlas_id}")).await, 2, "both mentors are on record as conflicts");
    // Re-running keeps the manual choice.
    app.call(&org, "mentoring/auto-assign", &[("event_id", e.as_str()), ("seed", "2")]).await;
    let card = app.call(&p1, "mentoring/my-mentor", &[("event_id", e.as_str())]).await.json();
    assert_eq!(card["name"], "Nadia Berrada");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'mentoring.%'").await, 3);
    let r = app.call(&p2, "mentoring/overview", &[("event_id", e.as_str())]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}
