use crate::helpers::*;
use reqwest::{Client, StatusCode};

/// An organizer's event with `max` seats per team and `n` participants (signed in clients).
async fn event_with_participants(app: &TestApp, max: &str, n: usize) -> (Client, i64, Vec<Client>) {
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let form = CreateEvent {
        event: EventInput { team_min: "2".into(), team_max: max.into(), ..event_input("Hackathon Berkane") },
    };
    let r = app.send(&org, &form).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let event = app.latest_event_id().await;
    let code = app.invite(&org, event, "participant", "100").await;
    let mut people = Vec::new();
    for i in 0..n {
        people.push(app.join_with_invite(&code, &format!("Participant {i}"), &format!("p{i}@example.ma")).await);
    }
    (org, event, people)
}

async fn create_team(app: &TestApp, c: &Client, event: i64, name: &str) -> (i64, String) {
    let r = app
        .send(
            c,
            &CreateTeam {
                event_id: event,
                team_name: name.to_string(),
                pitch: "Des données ouvertes pour la province".into(),
                track_id: String::new(),
                needs: "design, data".into(),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let row: (i64, String) = sqlx::query_as("SELECT id, invite_code FROM teams WHERE name = $1")
        .bind(name)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    row
}

#[tokio::test]
async fn the_last_seat_goes_to_exactly_one_of_many_racers() {
    let app = spawn_app().await;
    let (_, event, people) = event_with_participants(&app, "2", 7).await;
    let (team, code) = create_team(&app, &people[0], event, "فريق الأطلس").await;
    let join = JoinTeam { code };
    let calls = people[1..].iter().map(|c| app.send(c, &join));
    let results = join_all(calls).await;
    let won = results.iter().filter(|r| r.status.is_success()).count();
    let full = results.iter().filter(|r| r.error() == Some(AppError::Conflict(Msg::ErrTeamFull))).count();
    assert_eq!((won, full), (1, 5), "{:?}", results.iter().map(|r| (r.status, r.body.clone())).collect::<Vec<_>>());
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM team_members WHERE team_id = {team}")).await, 2);
    assert_eq!(app.count(&format!("SELECT member_count FROM teams WHERE id = {team}")).await, 2);
}

#[tokio::test]
async fn forming_a_team_by_code_and_by_request_with_captaincy_handover() {
    let app = spawn_app().await;
    let (_, event, people) = event_with_participants(&app, "4", 4).await;
    let (team, code) = create_team(&app, &people[0], event, "Atlas").await;

    // One team per participant per event.
    let r = app.send(&people[0], &new_team(event, "Second")).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrAlreadyInTeam)));
    let r = app
        .send(
            &people[1],
            &CreateTeam {
                event_id: event,
                team_name: "atlas ".into(),
                pitch: String::new(),
                track_id: "424242".into(),
                needs: String::new(),
            },
        )
        .await;
    assert_eq!(r.invalid_fields(), ["track_id"]);

    assert!(app.send(&people[1], &JoinTeam { code: code.clone() }).await.status.is_success());
    let again = app.send(&people[1], &JoinTeam { code: code.clone() }).await;
    assert_eq!(again.error(), Some(AppError::Conflict(Msg::ErrAlreadyInTeam)));

    // Person 2 fills a profile, finds the team on the board with an explained fit, and asks.
    let r = app
        .send(
            &people[2],
            &SaveProfile {
                event_id: event,
                skills: "Design, marketing".into(),
                languages: "ar, fr".into(),
                bio: "مصممة".into(),
                looking: Some("on".into()),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let board = app
        .send(&people[2], &TeamBoard { event_id: event, skill: String::new(), language: String::new() })
        .await
        .json();
    let card = &board["teams"][0];
    assert_eq!(card["name"], "Atlas");
    assert_eq!(card["fit"]["needed"], serde_json::json!(["design"]));
    let r = app.send(&people[2], &RequestJoin { team_id: team, message: "Je peux faire le design".into() }).await;
    assert!(r.status.is_success(), "{}", r.body);

    // The captain sees the person on the board, ranked by fit, and accepts the request.
    let board = app
        .send(&people[0], &TeamBoard { event_id: event, skill: "design".into(), language: String::new() })
        .await
        .json();
    assert_eq!(board["people"][0]["name"], "Participant 2");
    let page = app.send(&people[0], &MyTeam { event_id: event }).await.json();
    let request = page["team"]["requests"][0]["id"].as_i64().unwrap();
    // Only the captain decides.
    let r = app.send(&people[1], &DecideRequest { request_id: request, accept: true }).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app.send(&people[0], &DecideRequest { request_id: request, accept: true }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let r = app.send(&people[0], &DecideRequest { request_id: request, accept: true }).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "a decided request is gone");

    // The captain leaves: the longest-standing member becomes captain.
    assert!(app.send(&people[0], &LeaveTeam { event_id: event }).await.status.is_success());
    let page = app.send(&people[1], &MyTeam { event_id: event }).await.json();
    let members = page["team"]["members"].as_array().unwrap().clone();
    assert_eq!(members.len(), 2);
    let captain = members.iter().find(|m| m["captain"] == true).unwrap();
    assert_eq!(captain["name"], "Participant 1");
    // The new captain can remove a member; nobody else can.
    let p2 = app.user_id("p2@example.ma").await;
    let r = app.send(&people[2], &RemoveMember { team_id: team, user_id: p2 }).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app.send(&people[1], &RemoveMember { team_id: team, user_id: p2 }).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(app.count(&format!("SELECT member_count FROM teams WHERE id = {team}")).await, 1);
    assert!(app.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'team.%'").await >= 5);
}

#[tokio::test]
async fn locked_teams_refuse_changes_but_organizers_can_still_move_people() {
    let app = spawn_app().await;
    let (org, event, people) = event_with_participants(&app, "3", 3).await;
    let (team, code) = create_team(&app, &people[0], event, "Atlas").await;
    let past = (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%dT%H:%M").to_string();
    let r = app.send(&org, &SetTeamLock { event_id: event, locked_at: past.clone() }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let r = app.send(&people[1], &JoinTeam { code: code.clone() }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrTeamsLocked)));
    let r = app.send(&people[0], &LeaveTeam { event_id: event }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrTeamsLocked)));
    let p1 = app.user_id("p1@example.ma").await;
    let r = app.send(&org, &MoveParticipant { event_id: event, user_id: p1, team_id: team }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let overview = app.send(&org, &TeamsOverview { event_id: event }).await.json();
    assert_eq!(overview["teams"][0]["members"].as_array().unwrap().len(), 2);
    assert_eq!(overview["solos"].as_array().unwrap().len(), 1);

    let csv = app.get(&org, &format!("/events/{event}/teams.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "team,name,email,captain,skills");
    assert_eq!(lines.len(), 4, "three participants: {lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("Atlas,Participant 0,p0@example.ma,true")), "{lines:?}");
    assert_eq!(app.get(&people[0], &format!("/events/{event}/teams.csv")).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn automatic_formation_places_solo_participants_reproducibly() {
    let app = spawn_app().await;
    let (org, event, people) = event_with_participants(&app, "4", 9).await;
    let skills = ["design", "data", "web", "mobile"];
    for (i, c) in people.iter().enumerate() {
        app.send(
            c,
            &SaveProfile {
                event_id: event,
                skills: skills[i % 4].to_string(),
                languages: "ar".into(),
                bio: String::new(),
                looking: None,
            },
        )
        .await;
    }
    let r = app.send(&org, &AutoFormTeams { event_id: event, seed: "7".into() }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let overview = app.send(&org, &TeamsOverview { event_id: event }).await.json();
    let sizes: Vec<usize> =
        overview["teams"].as_array().unwrap().iter().map(|t| t["members"].as_array().unwrap().len()).collect();
    assert_eq!(sizes.iter().sum::<usize>(), 9);
    assert!(sizes.iter().all(|s| (2..=4).contains(s)), "{sizes:?}");
    assert_eq!(overview["solos"].as_array().unwrap().len(), 0);
    // Every new team has a captain who is one of its members.
    assert_eq!(app.count("SELECT COUNT(*) FROM teams t WHERE NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id AND m.user_id = t.captain_id)").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'teams.auto_formed'").await, 1);
}

#[tokio::test]
async fn the_captain_edits_the_team_and_organizers_suggest_skills() {
    let app = spawn_app().await;
    let (org, event, people) = event_with_participants(&app, "4", 2).await;
    let (team, code) = create_team(&app, &people[0], event, "Atlas").await;
    assert!(app.send(&people[1], &JoinTeam { code: code.clone() }).await.status.is_success());
    let form = |name: &str| UpdateTeam {
        team_id: team,
        team_name: name.to_owned(),
        pitch: "Open data".to_owned(),
        track_id: String::new(),
        needs: "UX, Data".to_owned(),
    };
    let r = app.send(&people[1], &form("Hijacked")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "only the captain edits the team");
    let r = app.send(&people[0], &form("الأطلس")).await;
    assert!(r.status.is_success(), "{}", r.body);
    let (name, needs): (String, String) = sqlx::query_as("SELECT name, needs FROM teams WHERE id = $1")
        .bind(team)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    // Tags are kept as typed, in the order typed.
    assert_eq!((name.as_str(), needs.as_str()), ("الأطلس", "UX,Data"));

    let r = app.send(&org, &SetEventSkills { event_id: event, skills: "Design, Data, Agritech".into() }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let page = app.send(&people[0], &MyTeam { event_id: event }).await.json();
    assert_eq!(page["event_skills"], serde_json::json!(["Design", "Data", "Agritech"]));
}

#[tokio::test]
async fn auto_formation_names_its_teams_around_names_taken_and_organizers_rename_teams() {
    let app = spawn_app().await;
    let (org, event, people) = event_with_participants(&app, "4", 5).await;
    // A participant calls their team what auto-formation would call its next one.
    let (taken, _) = create_team(&app, &people[0], event, "Team 2").await;
    let r = app.send(&org, &AutoFormTeams { event_id: event, seed: "3".into() }).await;
    assert!(r.status.is_success(), "{} {}", r.status, r.body);
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM teams WHERE event_id = $1 ORDER BY id")
        .bind(event)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(names, ["Team 2", "Team 3"], "the new team goes around the name taken");
    assert_eq!(app.count("SELECT COUNT(*) FROM team_members").await, 5, "everyone placed");

    // Organizers rename teams; nobody else does, and names stay unique per event.
    let rename =
        |event_id: i64, team_name: &str| RenameTeam { event_id, team_id: taken, team_name: team_name.to_owned() };
    let r = app.send(&people[0], &rename(event, "Les Aigles")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "a captain is not an organizer");
    let r = app.send(&org, &rename(event, "Team 3")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.invalid_fields(), ["team_name"]);
    let r = app.send(&org, &rename(event, "   ")).await;
    assert_eq!(r.invalid_fields(), ["team_name"]);
    let other = app.create_event(&org, "Bootcamp Essaouira").await;
    let r = app.send(&org, &rename(other, "Les Aigles")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "a team of another event is out of reach");
    let r = app.send(&org, &rename(event, "  Les Aigles ")).await;
    assert!(r.status.is_success(), "{} {}", r.status, r.body);
    let name: String = sqlx::query_scalar("SELECT name FROM teams WHERE id = $1")
        .bind(taken)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(name, "Les Aigles");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'team.renamed'").await, 1);
    // The organizer's teams page offers it as a labelled field.
    let page = app.get(&org, &format!("/events/{event}/teams")).await;
    assert!(page.body.contains(&format!("for=\"f-team-name-{taken}\"")), "{}", page.body);
}

#[tokio::test]
async fn a_team_whose_project_was_submitted_or_scored_is_never_dissolved() {
    use crate::judging::{assign, jury, save};
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    assign(&app, &jury, "1").await;
    let (judge, phone) = &jury.judges[0];
    let (scored, scored_team) = jury.projects[0];
    let (_, submitted_team) = jury.projects[1];
    let r = save(&app, phone, jury.event, scored, "keep-0001", 0, &[("c1", "4"), ("c2", "5")]).await;
    assert_eq!(r.json()["applied"], true, "{}", r.body);
    // Every member left both teams (leaving never deletes a team).
    sqlx::query("DELETE FROM team_members WHERE team_id IN ($1, $2)")
        .bind(scored_team)
        .bind(submitted_team)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE teams SET member_count = 0 WHERE id IN ($1, $2)")
        .bind(scored_team)
        .bind(submitted_team)
        .execute(&app.state.db.pool)
        .await
        .unwrap();

    for team in [scored_team, submitted_team] {
        let r = app.send(&jury.organizer, &DissolveTeam { event_id: jury.event, team_id: team }).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrTeamHasJudgedProject)));
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM teams").await, 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM projects").await, 2);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM scores WHERE judge_id = {judge}")).await, 1, "the score stays");
    assert_eq!(app.count("SELECT COUNT(*) FROM score_saves").await, 1, "and its history");

    // An empty team with nothing judged still goes.
    sqlx::query("INSERT INTO teams (event_id, name, invite_code, member_count, created_at) VALUES ($1, 'Vide', 'code-vide', 0, 0)")
        .bind(jury.event)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let empty: i64 =
        sqlx::query_scalar("SELECT id FROM teams WHERE name = 'Vide'").fetch_one(&app.state.db.pool).await.unwrap();
    let r = app.send(&jury.organizer, &DissolveTeam { event_id: jury.event, team_id: empty }).await;
    assert!(r.status.is_success(), "{} {}", r.status, r.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM teams").await, 2);
}

/// Someone who only has a team's link signs up and joins: the link registers them for the
/// event as a participant, and only that, only while registration is open, only into a seat.
#[tokio::test]
async fn a_team_link_registers_a_newcomer_as_a_participant_while_registration_is_open() {
    let app = spawn_app().await;
    let (org, event, people) = event_with_participants(&app, "3", 1).await;
    let (team, code) = create_team(&app, &people[0], event, "Saqia").await;
    let roles = |email: &str| {
        format!(
            "SELECT COUNT(*) FROM event_roles r JOIN users u ON u.id = r.user_id \
             WHERE r.event_id = {event} AND u.email = '{email}'"
        )
    };

    // A newcomer, signed up without any invite: the join page says what joining does.
    let newcomer = user_agent();
    app.signup(&newcomer, "Nouvelle", "new@example.ma").await;
    let info = app.send(&newcomer, &TeamInvitation { code: code.clone() }).await.json();
    assert_eq!((info["registers"].clone(), info["refusal"].clone()), (true.into(), serde_json::Value::Null));
    let r = app.send(&newcomer, &JoinTeam { code: code.clone() }).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    let me = app.user_id("new@example.ma").await;
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM event_roles WHERE event_id = {event} AND user_id = {me} AND role = 'participant'"
        ))
        .await,
        1
    );
    assert_eq!(app.count(&roles("new@example.ma")).await, 1, "the participant role and nothing else");
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM team_members WHERE team_id = {team} AND user_id = {me}")).await,
        1
    );
    let page = app.send(&newcomer, &MyTeam { event_id: event }).await;
    assert!(page.status.is_success(), "the team page opens: {}", page.body);

    // A mentor of the event following the link is not turned into a competitor.
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let mentor = app.join_with_invite(&mentor_code, "Mentor", "mentor@example.ma").await;
    let info = app.send(&mentor, &TeamInvitation { code: code.clone() }).await.json();
    assert_eq!(info["refusal"], "JoinTeamStaff");
    let r = app.send(&mentor, &JoinTeam { code: code.clone() }).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(app.count(&roles("mentor@example.ma")).await, 1);

    // The team is full (3 seats): a newcomer is refused and is not registered either.
    let late = user_agent();
    app.signup(&late, "Tard", "late@example.ma").await;
    let third = user_agent();
    app.signup(&third, "Troisième", "third@example.ma").await;
    let r = app.send(&third, &JoinTeam { code: code.clone() }).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    let r = app.send(&late, &JoinTeam { code: code.clone() }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrTeamFull)));
    assert_eq!(app.count(&roles("late@example.ma")).await, 0, "a refused join registers no one");
    assert_eq!(app.count(&format!("SELECT member_count FROM teams WHERE id = {team}")).await, 3);

    // Registration closes: a newcomer hears exactly that, in their language, and nothing changes.
    let (_, other_code) = {
        let free =
            app.join_with_invite(&app.invite(&org, event, "participant", "5").await, "Solo", "solo@example.ma").await;
        create_team(&app, &free, event, "Borj").await
    };
    sqlx::query("UPDATE events SET registration_closes = $1 WHERE id = $2")
        .bind(chrono::Utc::now().timestamp() - 60)
        .bind(event)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let info = app.send(&late, &TeamInvitation { code: other_code.clone() }).await.json();
    assert_eq!(info["refusal"], "ErrTeamLinkRegistrationClosed");
    let r = app.send(&late, &JoinTeam { code: other_code.clone() }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrTeamLinkRegistrationClosed)));
    assert_eq!(app.count(&roles("late@example.ma")).await, 0);
    for (lang, text) in
        [("fr", "Les inscriptions à cet événement sont fermées"), ("ar", "التسجيل في هذه الفعالية مغلق")]
    {
        app.get(&late, &format!("/lang/{lang}?next=/")).await;
        let html = app.get(&late, &format!("/join/{other_code}")).await.body;
        assert!(html.contains(text), "{lang}: {html}");
    }
    // An existing participant still joins through a link after registration closed.
    let r = app.send(&people[0], &LeaveTeam { event_id: event }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let r = app.send(&people[0], &JoinTeam { code: other_code }).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
}

/// Skills come back as they were typed (case and order) and still match whatever the case.
#[tokio::test]
async fn skills_keep_their_case_and_order_and_match_case_insensitively() {
    let app = spawn_app().await;
    let (_, event, people) = event_with_participants(&app, "4", 2).await;
    let profile = |skills: &str| SaveProfile {
        event_id: event,
        skills: skills.into(),
        languages: "Darija, FR".into(),
        bio: String::new(),
        looking: Some("on".into()),
    };
    let r = app.send(&people[1], &profile("ESP32, Rust, SMS, rust")).await;
    assert!(r.status.is_success(), "{}", r.body);
    let page = app.send(&people[1], &MyTeam { event_id: event }).await.json();
    assert_eq!(page["skills"], "ESP32, Rust, SMS");
    assert_eq!(page["languages"], "Darija, FR");
    // Bad input: a field error, and the saved profile stays as it was.
    let r = app.send(&people[1], &profile(&"x".repeat(41))).await;
    assert_eq!(r.invalid_fields(), ["skills"]);
    let page = app.send(&people[1], &MyTeam { event_id: event }).await.json();
    assert_eq!(page["skills"], "ESP32, Rust, SMS");

    // A team asking for "rust" finds the person who typed "Rust", and the filter ignores case.
    let r = app
        .send(
            &people[0],
            &CreateTeam {
                event_id: event,
                team_name: "Atlas".into(),
                pitch: String::new(),
                track_id: String::new(),
                needs: "rust, esp32".into(),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let board = app
        .send(&people[0], &TeamBoard { event_id: event, skill: "RUST".into(), language: String::new() })
        .await
        .json();
    assert_eq!(board["people"][0]["skills"], serde_json::json!(["ESP32", "Rust", "SMS"]));
    assert_eq!(board["people"][0]["fit"]["needed"].as_array().map(Vec::len), Some(2), "{board}");
    let board = app
        .send(&people[1], &TeamBoard { event_id: event, skill: "Rust".into(), language: String::new() })
        .await
        .json();
    assert_eq!(board["teams"][0]["name"], "Atlas", "{board}");
}
