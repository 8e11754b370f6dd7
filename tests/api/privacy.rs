//! Personal data as Moroccan law 09-08 expects: a person downloads everything kept about them
//! (and nothing about anyone else), deletes their account without changing any result, and
//! reads the privacy notice in their language.

use crate::fixture::{Persona::*, *};
use crate::helpers::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;

fn done(reply: &Reply, what: &str) {
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{what}: {} {}", reply.status, reply.body);
}

/// The download, as a browser gets it: (status, headers, body as JSON).
async fn download(app: &TestApp, client: &Client) -> (StatusCode, reqwest::header::HeaderMap, Value) {
    let res = client.get(format!("{}/account/data.json", app.base)).send().await.expect("request sent");
    let (status, headers) = (res.status(), res.headers().clone());
    let body = res.text().await.unwrap_or_default();
    (status, headers, serde_json::from_str(&body).unwrap_or(Value::Null))
}

async fn fixture() -> (TestApp, Fixture) {
    let app = spawn_app().await;
    let admin = user_agent();
    app.signup_admin(&admin, "Admin", "admin@example.ma").await;
    let fx = Fixture::build(&app, "p", &admin).await;
    (app, fx)
}

fn strings(list: &Value, key: &str) -> Vec<String> {
    list.as_array().into_iter().flatten().filter_map(|v| v[key].as_str().map(str::to_owned)).collect()
}

/// The organizer publishes the results and shows the judges' comments to teams.
async fn publish_with_comments(app: &TestApp, fx: &Fixture) {
    let org = fx.client(Organizer);
    let version: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version), 1) FROM boards WHERE event_id = $1")
        .bind(fx.event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let settings = SaveBoardSettings {
        event_id: fx.event,
        version,
        visibility: "public".into(),
        team_view: TeamViewInput { show_comments: Some("on".into()), show_rank: Some("on".into()), show_marks: None },
        top_n: "10".into(),
        rotate_seconds: "15".into(),
    };
    done(&app.send(org, &settings).await, "board settings");
    let publish = PublishResults { event_id: fx.event, action: "publish".into(), reveal_mode: "all".into() };
    done(&app.send(org, &publish).await, "publish");
}

#[tokio::test]
async fn the_download_holds_the_persons_own_data_and_nothing_of_anyone_else() {
    let (app, fx) = fixture().await;
    // The mentor writes notes on the session "Atlas" booked; the results are published with
    // the judges' comments shown to teams.
    let notes = SessionNotes { slot_id: fx.slot, notes: "Bon travail sur le capteur".into(), attended: "yes".into() };
    done(&app.send(fx.client(Mentor), &notes).await, "session notes");
    publish_with_comments(&app, &fx).await;
    // A second browser signed in to the participant's account.
    let other_browser = user_agent();
    done(&app.login(&other_browser, &fx.emails[&Participant], PASSWORD).await, "second login");

    let (status, headers, data) = download(&app, fx.client(Participant)).await;
    assert_eq!(status, StatusCode::OK, "{data}");
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment;") && disposition.contains(".json"), "{disposition}");
    assert!(headers["content-type"].to_str().unwrap().starts_with("application/json"));
    assert_eq!(headers["cache-control"], "private, no-store");
    assert_eq!(data["format"], "hakam.personal-data.v1");

    // The person's own account, roles, team, project, help request, session notes, comments.
    let account = &data["account"];
    assert_eq!(account["email"], fx.emails[&Participant].as_str());
    assert_eq!(account["display_name"], "Participant p");
    assert_eq!(account["id"], fx.user(Participant));
    assert_eq!(account["language"], "en");
    assert!(account["created_at"].as_i64().is_some_and(|t| t > 1_700_000_000));
    let roles: Vec<(i64, String)> = data["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["event_id"].as_i64().unwrap(), r["role"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(roles, [(fx.event, "participant".to_owned())]);
    assert_eq!(strings(&data["teams"], "name"), ["Atlas"]);
    assert_eq!(data["teams"][0]["is_captain"], 0);
    assert_eq!(data["teams"][0]["member_count"], 2);
    let project = &data["projects"][0];
    assert_eq!(project["title"], "Saqia");
    assert_eq!(project["team"], "Atlas");
    assert_eq!(project["screenshots"][0]["url"], format!("/uploads/{}", fx.screenshot_file));
    assert_eq!(project["screenshots"][0]["uploaded_by_me"], 1);
    assert!(!data["project_edits"].as_array().unwrap().is_empty(), "the edits the participant made");
    assert_eq!(strings(&data["help_requests"], "topic"), ["Capteur"]);
    assert_eq!(data["help_requests"][0]["raised_by_me"], 1);
    let sessions = data["mentoring_sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1, "{sessions:?}");
    assert_eq!((sessions[0]["as_role"].as_str(), sessions[0]["location"].as_str()), (Some("team"), Some("Salle 2")));
    assert_eq!(sessions[0]["notes"], "Bon travail sur le capteur", "the mentor's notes on the team's session");
    assert_eq!(
        strings(&data["judging"]["comments_on_my_team"], "feedback"),
        ["Clair et utile"],
        "the judge's feedback, unnamed"
    );
    assert_eq!(data["invites_accepted"][0]["role"], "participant");
    assert!(data["invites_accepted"][0]["invite_id"].as_i64().is_some());
    assert!(strings(&data["activity"], "action").contains(&"invite.accepted".to_owned()));
    assert_eq!(data["sessions"]["signed_in"], 2, "this browser and the other one");

    // Nothing of anyone else: no other persona's address or name, no hash, no secret.
    let text = data.to_string();
    for (p, email) in &fx.emails {
        if *p != Participant {
            assert!(!text.contains(email.as_str()), "{p:?}'s address is in the participant's download");
        }
    }
    for name in ["Captain p", "Mentor p", "Judge p", "Organizer p"] {
        assert!(!text.contains(name), "{name} is named in the participant's download");
    }
    for secret in [&fx.team_code, &fx.pass_token, &fx.invite_code, &fx.participant_code] {
        assert!(!text.contains(secret.as_str()), "a secret in the download: {secret}");
    }
    assert!(!text.contains("$argon2") && !text.contains("password"), "no password hash");

    // The judge's download holds the score and comment they gave, and its history.
    let (_, _, judge) = download(&app, fx.client(Judge)).await;
    let score = &judge["judging"]["scores_given"][0];
    assert_eq!((score["title"].as_str(), score["notes"].as_str()), (Some("Saqia"), Some("Bien")));
    let marks: Value = serde_json::from_str(score["marks"].as_str().unwrap()).unwrap();
    assert_eq!(marks["c1"], 4);
    assert!(!judge["judging"]["score_history"].as_array().unwrap().is_empty());
    assert_eq!(strings(&judge["judging"]["assignments"], "title"), ["Saqia"]);
    assert!(!judge.to_string().contains(&fx.emails[&Participant]));
    // The mentor's: their profile, the notes they wrote on the session, a slot no team booked.
    offer_slot(&app, fx.client(Mentor), fx.event).await;
    let (_, _, mentor) = download(&app, fx.client(Mentor)).await;
    assert_eq!(mentor["mentor_profiles"][0]["expertise"], "design");
    let sessions = mentor["mentoring_sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    assert!(sessions.iter().all(|s| s["as_role"] == "mentor"));
    let booked: Vec<&Value> = sessions.iter().filter(|s| !s["booked_at"].is_null()).collect();
    assert_eq!(booked.len(), 1);
    assert_eq!(booked[0]["notes"], "Bon travail sur le capteur");
    assert_eq!(booked[0]["team"], "Atlas", "the team the mentor met, as the mentor's sessions page shows it");
}

#[tokio::test]
async fn a_judges_phone_link_and_anonymous_visitors_can_neither_download_nor_delete() {
    let (app, fx) = fixture().await;
    let phone = user_agent();
    done(&app.send(&phone, &OpenPass { token: fx.pass_token.clone() }).await, "pass");
    assert_eq!(app.me(&phone).await["id"], fx.pass_judge, "the phone is signed in with the pass");
    let before = snapshot(&app).await;

    let (status, _, data) = download(&app, &phone).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{data}");
    let delete = DeleteAccount { account_password: PASSWORD.into(), confirm: "x".into() };
    assert_eq!(app.send(&phone, &delete).await.status, StatusCode::FORBIDDEN);
    let anonymous = user_agent();
    assert_eq!(download(&app, &anonymous).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(app.send(&anonymous, &delete).await.status, StatusCode::UNAUTHORIZED);
    assert!(changed(&before, &snapshot(&app).await).is_empty(), "nothing changed");
    assert_eq!(app.me(&phone).await["id"], fx.pass_judge, "the phone is still signed in for its judging");
}

#[tokio::test]
async fn deleting_with_a_wrong_password_or_confirmation_changes_nothing() {
    let (app, fx) = fixture().await;
    let captain = fx.client(Captain);
    let email = fx.emails[&Captain].clone();
    let before = snapshot(&app).await;

    let attempt =
        |password: &str, confirm: &str| DeleteAccount { account_password: password.into(), confirm: confirm.into() };
    let reply = app.send(captain, &attempt("not my password", &email)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
    assert_eq!(
        (reply.invalid_fields(), reply.first_invalid()),
        (vec!["account_password".to_owned()], Some(Msg::ErrCurrentPasswordWrong))
    );
    let reply = app.send(captain, &attempt(PASSWORD, "someone.else@example.ma")).await;
    assert_eq!(
        (reply.invalid_fields(), reply.first_invalid()),
        (vec!["confirm".to_owned()], Some(Msg::ErrDeleteConfirmMismatch))
    );
    let reply = app.send(captain, &attempt("", "")).await;
    let mut fields = reply.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["account_password", "confirm"]);
    assert_eq!(reply.first_invalid(), Some(Msg::ErrRequired));

    // The wrong password was counted as a password attempt, as the login throttle counts them;
    // nothing else moved.
    let diff: Vec<String> =
        changed(&before, &snapshot(&app).await).into_iter().filter(|t| !t.starts_with("login_failures")).collect();
    assert!(diff.is_empty(), "a refused deletion changed {diff:?}");
    assert_eq!(app.me(captain).await["email"], email.as_str(), "still signed in");
    done(&app.login(&user_agent(), &email, PASSWORD).await, "the account still signs in");
}

/// The organizer's view of the results and the public ranking, as JSON text.
async fn results(app: &TestApp, fx: &Fixture) -> (String, String) {
    let org = fx.client(Organizer);
    let results = app.send(org, &JudgingResults { event_id: fx.event }).await;
    assert_eq!(results.status, StatusCode::OK, "{}", results.body);
    let ranking = app.send(&user_agent(), &PublicRanking { event_id: fx.event }).await;
    assert_eq!(ranking.status, StatusCode::OK, "{}", ranking.body);
    (results.body, ranking.json()["html"].as_str().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn deleting_accounts_keeps_every_result_and_leaves_nothing_of_the_people() {
    let (app, fx) = fixture().await;
    let pool = &app.state.db.pool;
    publish_with_comments(&app, &fx).await;
    // The mentor holds the participant's help request.
    done(&app.send(fx.client(Mentor), &ClaimHelp { request_id: fx.help }).await, "claim");
    let before = results(&app, &fx).await;
    assert!(before.0.contains("Saqia") && before.1.contains("Atlas"), "{before:?}");
    let judge_id = fx.user(Judge);
    let scores_before: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT project_id, marks, notes FROM scores WHERE judge_id = $1 ORDER BY id")
            .bind(judge_id)
            .fetch_all(pool)
            .await
            .unwrap();
    let saves_before = app.count(&format!("SELECT COUNT(*) FROM score_saves WHERE judge_id = {judge_id}")).await;
    // The judge is signed in on a second browser too.
    let elsewhere = user_agent();
    done(&app.login(&elsewhere, &fx.emails[&Judge], PASSWORD).await, "second login");

    // The judge, the captain and the mentor delete their accounts.
    for p in [Judge, Captain, Mentor] {
        let delete = DeleteAccount { account_password: PASSWORD.into(), confirm: fx.emails[&p].to_uppercase() };
        let reply = app.send(fx.client(p), &delete).await;
        done(&reply, &format!("{p:?} deletes their account"));
        assert_eq!(reply.headers["location"], "/login?done=deleted");
        assert!(app.me(fx.client(p)).await.is_null(), "{p:?}: this session ended");
    }
    assert!(app.me(&elsewhere).await.is_null(), "every session of the judge ended");

    // Results, normalization and the published ranking are as they were.
    assert_eq!(results(&app, &fx).await, before);
    let scores_after: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT project_id, marks, notes FROM scores WHERE judge_id = $1 ORDER BY id")
            .bind(judge_id)
            .fetch_all(pool)
            .await
            .unwrap();
    assert_eq!(scores_after, scores_before, "the scores stay, attached to the placeholder");
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM score_saves WHERE judge_id = {judge_id}")).await, saves_before);

    // The placeholder: no name, no address, no usable password; a judge of record only.
    let (name, email, hash, admin, deleted_at): (String, String, String, i64, Option<i64>) =
        sqlx::query_as("SELECT display_name, email, password_hash, is_admin, deleted_at FROM users WHERE id = $1")
            .bind(judge_id)
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!(
        (name.as_str(), email.as_str(), admin),
        (format!("Deleted account #{judge_id}").as_str(), format!("deleted:{judge_id}").as_str(), 0)
    );
    assert!(deleted_at.is_some() && !hash.starts_with("$argon2"));
    let roles: Vec<(i64, String)> = sqlx::query_as("SELECT event_id, role FROM event_roles WHERE user_id = $1")
        .bind(judge_id)
        .fetch_all(pool)
        .await
        .unwrap();
    assert_eq!(roles, [(fx.event, "judge".to_owned())]);
    assert_eq!(
        app.count(&format!("SELECT active FROM judge_profiles WHERE user_id = {judge_id}")).await,
        0,
        "unavailable"
    );
    let gone = |id: i64| {
        format!(
            "SELECT (SELECT COUNT(*) FROM profiles WHERE user_id = {id}) + (SELECT COUNT(*) FROM mentor_profiles WHERE user_id = {id}) \
             + (SELECT COUNT(*) FROM team_members WHERE user_id = {id}) + (SELECT COUNT(*) FROM join_requests WHERE user_id = {id}) \
             + (SELECT COUNT(*) FROM users WHERE id = {id} AND deleted_at IS NULL)"
        )
    };
    for p in [Judge, Captain, Mentor] {
        assert_eq!(app.count(&gone(fx.user(p))).await, 0, "{p:?}: personal rows left");
        let address = &fx.emails[&p];
        let kept = format!(
            "SELECT (SELECT COUNT(*) FROM users WHERE email = '{address}') + (SELECT COUNT(*) FROM login_devices WHERE account = '{address}') \
             + (SELECT COUNT(*) FROM login_failures WHERE account = '{address}') + (SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%{address}%')"
        );
        assert_eq!(app.count(&kept).await, 0, "{p:?}: the address is kept somewhere");
    }

    // The captain's team goes on with its other member as captain, and its project.
    let (captain, members): (Option<i64>, i64) =
        sqlx::query_as("SELECT captain_id, member_count FROM teams WHERE id = $1")
            .bind(fx.team)
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!((captain, members), (Some(fx.user(Participant)), 1));
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM projects WHERE team_id = {}", fx.team)).await, 1);
    // The mentor's help request is back in the queue.
    let status: String = sqlx::query_scalar("SELECT status FROM help_requests WHERE id = $1")
        .bind(fx.help)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(status, "open");

    // The old address no longer signs in, and can sign up again as a new person.
    let judge_email = fx.emails[&Judge].clone();
    let reply = app.login(&user_agent(), &judge_email, PASSWORD).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.first_invalid(), Some(Msg::ErrBadCredentials));
    assert_eq!(
        app.login(&user_agent(), &format!("deleted:{judge_id}"), PASSWORD).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let newcomer = user_agent();
    done(&app.signup(&newcomer, "Nouvelle personne", &judge_email).await, "sign up again");
    let me = app.me(&newcomer).await;
    assert!(me["id"].as_i64().is_some_and(|id| id != judge_id), "a new account: {me}");
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM event_roles WHERE user_id = {}", me["id"])).await, 0);
    // The placeholder can be given no reset link, nor be made admin.
    let admin = fx.client(Admin);
    assert_eq!(app.send(admin, &IssueResetLink { user_id: judge_id }).await.status, StatusCode::NOT_FOUND);
    assert!(hakam::auth::bootstrap::make_admin(&app.state.db, &format!("deleted:{judge_id}")).await.is_err());
    // The organizers' judging console lists the placeholder, unavailable, beside its score.
    let console = app.send(fx.client(Organizer), &JudgingConsole { event_id: fx.event }).await;
    assert!(console.body.contains(&format!("Deleted account #{judge_id}")), "{}", console.body);
    assert!(!console.body.contains("Judge p"));
}

#[tokio::test]
async fn the_last_admin_and_an_events_last_organizer_cannot_delete_their_account() {
    let app = spawn_app().await;
    let admin = user_agent();
    app.signup_admin(&admin, "Salma Admin", "admin@example.ma").await;
    let delete = |email: &str| DeleteAccount { account_password: PASSWORD.into(), confirm: email.into() };

    let reply = app.send(&admin, &delete("admin@example.ma")).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    assert_eq!(reply.error(), Some(AppError::Conflict(Msg::ErrLastAdmin)));
    assert_eq!(app.me(&admin).await["is_admin"], true, "nothing changed");

    // An organizer alone in their event.
    let organizer = user_agent();
    app.signup(&organizer, "Karim", "karim@example.ma").await;
    let id = app.user_id("karim@example.ma").await;
    done(&app.send(&admin, &SetEventCreator { user_id: id, allowed: true }).await, "creator");
    let event = app.create_event(&organizer, "Hackathon Oujda").await;
    let reply = app.send(&organizer, &delete("karim@example.ma")).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.error(), Some(AppError::ConflictWith(Msg::ErrLastOrganizer, "Hackathon Oujda".into())));
    // With a co-organizer, the organizer may go; the event keeps its other organizer.
    let co = user_agent();
    app.signup(&co, "Hind", "hind@example.ma").await;
    done(
        &app.send(&organizer, &AddOrganizer { event_id: event, organizer_email: "hind@example.ma".into() }).await,
        "co",
    );
    done(&app.send(&organizer, &delete("karim@example.ma")).await, "the organizer deletes their account");
    let organizers: Vec<i64> =
        sqlx::query_scalar("SELECT user_id FROM event_roles WHERE event_id = $1 AND role = 'organizer'")
            .bind(event)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(organizers, [app.user_id("hind@example.ma").await]);

    // With a second admin, the first may go.
    let second = user_agent();
    app.signup_admin(&second, "Omar Admin", "omar@example.ma").await;
    done(&app.send(&admin, &delete("admin@example.ma")).await, "the admin deletes their account");
    assert!(app.me(&admin).await.is_null());
    let reply = app.send(&second, &delete("omar@example.ma")).await;
    assert_eq!(reply.error(), Some(AppError::Conflict(Msg::ErrLastAdmin)), "now the only admin");
}

#[tokio::test]
async fn the_privacy_notice_and_the_account_page_speak_every_language() {
    let app = spawn_app_with(|c| {
        c.privacy_contact = Some("Association Berkane Numérique\ncontact@berkane.example.ma".into());
        c.backups.every = Some(std::time::Duration::from_secs(15 * 60));
        c.backups.keep = 12;
        // Never written in a test this short, but kept out of the working tree all the same.
        c.backups.dir = std::env::temp_dir().join(format!("hakam-privacy-backups-{}", unique()));
    })
    .await;
    let page = |c: &Client, path: &str, lang: &str| {
        let req = c.get(format!("{}{path}", app.base)).header("accept", "text/html").header("accept-language", lang);
        async move {
            let res = req.send().await.unwrap();
            (res.status(), res.text().await.unwrap())
        }
    };
    let anonymous = user_agent();
    let (status, html) = page(&anonymous, "/privacy", "en").await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "Privacy notice",
        "law 09-08",
        "contact@berkane.example.ma",
        "after 60 minutes without activity",
        "every 15 minutes",
        "The newest 12 scheduled backups",
        "CNDP",
        r#"href="/account""#,
    ] {
        assert!(html.contains(text), "the English notice says {text:?}");
    }
    let (_, html) = page(&anonymous, "/privacy", "fr").await;
    assert!(html.contains("Notice de confidentialité") && html.contains("loi marocaine 09-08"));
    assert!(html.contains("Les 12 sauvegardes programmées"));
    let (_, html) = page(&anonymous, "/privacy", "ar").await;
    assert!(html.contains(r#"dir="rtl""#) && html.contains("إشعار الخصوصية") && html.contains("09-08"));
    // Without a contact configured, the notice says whom to ask instead.
    let plain = spawn_app().await;
    let html = user_agent().get(format!("{}/privacy", plain.base)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("No contact is published here yet") && html.contains("takes no scheduled backups"));

    // Linked from every page's footer and from the sign-up form.
    let (_, html) = page(&anonymous, "/signup", "en").await;
    assert!(html.matches(r#"href="/privacy""#).count() >= 2, "footer and sign-up form");

    // The account page: the download link and the deletion form, labelled, in each language.
    let salma = user_agent();
    app.signup(&salma, "Salma Benali", "salma@example.ma").await;
    let (status, html) = page(&salma, "/account", "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"href="/account/data.json""#) && html.contains("Download my data"));
    assert!(html.contains(&format!(r#"action="{}""#, DeleteAccount::PATH)), "a plain form posting to the deletion");
    for id in ["f-confirm", "f-account_password"] {
        assert!(html.contains(&format!(r#"for="{id}""#)) && html.contains(&format!(r#"id="{id}""#)), "label for {id}");
    }
    let (_, html) = page(&salma, "/account", "fr").await;
    assert!(html.contains("Supprimer définitivement mon compte") && html.contains("Télécharger mes données"));
    let (_, html) = page(&salma, "/account", "ar").await;
    assert!(html.contains("حذف حسابي نهائيا") && html.contains("تنزيل معطياتي"));
    // After a deletion, the sign-in page says so.
    let (_, html) = page(&anonymous, "/login?done=deleted", "en").await;
    assert!(html.contains("Your account was deleted."));
}

#[tokio::test]
async fn login_records_are_forgotten_when_the_notice_says() {
    let app = spawn_app().await;
    let now = chrono::Utc::now().timestamp();
    let day = 86_400;
    for (at, client) in [(now - 3 * day, "ip:old"), (now - day / 2, "ip:recent")] {
        sqlx::query("INSERT INTO login_failures (account, client, trusted, at) VALUES ('a@example.ma', $1, 0, $2)")
            .bind(client)
            .bind(at)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
    for (token, used) in [("old", now - 91 * day), ("recent", now - 10 * day)] {
        sqlx::query(
            "INSERT INTO login_devices (token_hash, account, created_at, used_at) VALUES ($1, 'a@example.ma', $2, $2)",
        )
        .bind(token)
        .bind(used)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    }
    hakam::account::db::forget_expired(&app.state.db, now).await.unwrap();
    let left: Vec<String> =
        sqlx::query_scalar("SELECT client FROM login_failures").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(left, ["ip:recent"], "failed sign-ins are kept two days at most");
    let left: Vec<String> =
        sqlx::query_scalar("SELECT token_hash FROM login_devices").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(left, ["recent"], "browsers are recognized 90 days after their last sign-in");
}
