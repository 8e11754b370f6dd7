//! The authorization matrix: every server function, called by every kind of caller, must let
//! in exactly the callers its policy names. The test fails when a server function exists that
//! the matrix does not list, so a new endpoint cannot ship without a decision here.

use crate::helpers::*;
use reqwest::{Client, StatusCode};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Persona {
    Anonymous,
    Participant,
    Mentor,
    Judge,
    /// Organizer of a different event.
    OtherOrganizer,
    Organizer,
    Admin,
}
use Persona::*;

const EVERYONE: &[Persona] = &[Anonymous, Participant, Mentor, Judge, OtherOrganizer, Organizer, Admin];
const SIGNED_IN: &[Persona] = &[Participant, Mentor, Judge, OtherOrganizer, Organizer, Admin];
const EVENT_CREATORS: &[Persona] = &[OtherOrganizer, Organizer, Admin];
const ORGANIZER: &[Persona] = &[Organizer];
const ADMIN: &[Persona] = &[Admin];
const PARTICIPANT: &[Persona] = &[Participant];
const BOARD_READERS: &[Persona] = &[Participant, Mentor, Organizer];
/// Only a team's captain, who is none of the personas.
const NOBODY: &[Persona] = &[];
const MENTOR: &[Persona] = &[Mentor];
const JUDGE: &[Persona] = &[Judge];

struct Ids {
    event: String,
    track: String,
    invite: String,
    user: String,
    team: String,
}

/// A complete event form with an empty name: arguments parse, validation refuses it.
fn invalid_event(mut head: Vec<(&'static str, String)>) -> Vec<(&'static str, String)> {
    head.extend(event_form("").into_iter());
    head
}

/// (endpoint, who may call it, the form to send). Forms are chosen so that an allowed call
/// does not change who is who (invalid input, unknown ids), keeping the matrix independent
/// of order; `auth/logout` runs last for the same reason.
fn matrix(ids: &Ids) -> Vec<(&'static str, &'static [Persona], Vec<(&'static str, String)>)> {
    let e = || ids.event.clone();
    vec![
        ("auth/me", EVERYONE, vec![]),
        ("auth/signup", EVERYONE, vec![("display_name", "".into()), ("email", "x".into()), ("password", "x".into())]),
        ("auth/login", EVERYONE, vec![("email", "nobody@example.ma".into()), ("password", "wrong".into())]),
        ("events/list", EVERYONE, vec![]),
        ("events/page", EVERYONE, vec![("id", e())]),
        ("events/create", EVENT_CREATORS, invalid_event(vec![])),
        ("events/form", ORGANIZER, vec![("id", e())]),
        ("events/update", ORGANIZER, invalid_event(vec![("id", e()), ("version", "0".into())])),
        ("events/add-track", ORGANIZER, vec![("event_id", e()), ("track_name", "".into()), ("track_description", "".into())]),
        ("events/remove-track", ORGANIZER, vec![("event_id", e()), ("track_id", "999999".into())]),
        ("events/add-organizer", ORGANIZER, vec![("event_id", e()), ("organizer_email", "nobody@example.ma".into())]),
        ("events/join", SIGNED_IN, vec![("event_id", "999999".into())]),
        ("invites/create", ORGANIZER, vec![("event_id", e()), ("role", "judge".into()), ("label", "".into()), ("max_uses", "0".into()), ("valid_days", "0".into())]),
        ("invites/list", ORGANIZER, vec![("event_id", e())]),
        ("invites/revoke", ORGANIZER, vec![("event_id", e()), ("invite_id", "999999".into())]),
        ("invites/info", EVERYONE, vec![("code", "no-such-code".into())]),
        ("invites/accept", SIGNED_IN, vec![("code", "no-such-code".into())]),
        ("invites/signup-accept", EVERYONE, vec![("code", "no-such-code".into()), ("display_name", "".into()), ("email", "".into()), ("password", "".into())]),
        ("admin/users", ADMIN, vec![]),
        ("admin/set-creator", ADMIN, vec![("user_id", "999999".into()), ("allowed", "true".into())]),
        ("admin/setup", SIGNED_IN, vec![("token", "no-such-token".into())]),
        ("teams/page", PARTICIPANT, vec![("event_id", e())]),
        ("teams/save-profile", PARTICIPANT, vec![("event_id", e()), ("skills", "design, data".into()), ("languages", "ar, fr".into()), ("bio", "".into())]),
        ("teams/board", BOARD_READERS, vec![("event_id", e()), ("skill", "".into()), ("language", "".into())]),
        ("teams/create", PARTICIPANT, vec![("event_id", e()), ("team_name", "".into()), ("pitch", "".into()), ("track_id", "".into()), ("needs", "".into())]),
        ("teams/join-info", SIGNED_IN, vec![("code", "no-such-code".into())]),
        ("teams/join", SIGNED_IN, vec![("code", "no-such-code".into())]),
        ("teams/request", PARTICIPANT, vec![("team_id", ids.team.clone()), ("message", "x".repeat(400))]),
        ("teams/decide", SIGNED_IN, vec![("request_id", "999999".into()), ("accept", "true".into())]),
        ("teams/leave", PARTICIPANT, vec![("event_id", e())]),
        ("teams/remove-member", NOBODY, vec![("team_id", ids.team.clone()), ("user_id", ids.user.clone())]),
        ("teams/make-captain", NOBODY, vec![("team_id", ids.team.clone()), ("user_id", ids.user.clone())]),
        ("teams/update", NOBODY, vec![("team_id", ids.team.clone()), ("team_name", "".into()), ("pitch", "".into()), ("track_id", "".into()), ("needs", "".into())]),
        ("teams/set-skills", ORGANIZER, vec![("event_id", e()), ("skills", "design, data".into())]),
        ("teams/overview", ORGANIZER, vec![("event_id", e())]),
        ("teams/move", ORGANIZER, vec![("event_id", e()), ("user_id", "999999".into()), ("team_id", ids.team.clone())]),
        ("teams/lock", ORGANIZER, vec![("event_id", e()), ("locked_at", "".into())]),
        ("teams/auto-form", ORGANIZER, vec![("event_id", e()), ("seed", "not a number".into())]),
        ("teams/dissolve", ORGANIZER, vec![("event_id", e()), ("team_id", "999999".into())]),
        ("teams/rename", ORGANIZER, vec![("event_id", e()), ("team_id", ids.team.clone()), ("team_name", "".into())]),
        ("projects/page", PARTICIPANT, vec![("event_id", e())]),
        ("projects/save", PARTICIPANT, vec![("event_id", e()), ("version", "0".into()), ("title", "".into()), ("tagline", "".into()), ("description", "".into()), ("track_id", "".into()), ("repo_url", "".into()), ("demo_url", "".into()), ("video_url", "".into()), ("technologies", "".into())]),
        ("projects/upload", PARTICIPANT, vec![("event_id", e())]),
        ("projects/remove-screenshot", PARTICIPANT, vec![("event_id", e()), ("screenshot_id", "999999".into())]),
        ("projects/list", ORGANIZER, vec![("event_id", e()), ("track", "".into()), ("status", "".into())]),
        ("projects/extend", ORGANIZER, vec![("event_id", e()), ("team_id", "999999".into()), ("until", "".into())]),
        ("projects/detail", ORGANIZER, vec![("event_id", e()), ("team_id", "999999".into())]),
        ("mentoring/profile", MENTOR, vec![("event_id", e())]),
        ("mentoring/save-profile", MENTOR, vec![("event_id", e()), ("expertise", "agritech".into()), ("languages", "ar".into()), ("capacity", "many".into()), ("bio", "".into()), ("contact", "".into())]),
        ("mentoring/overview", ORGANIZER, vec![("event_id", e())]),
        ("mentoring/auto-assign", ORGANIZER, vec![("event_id", e()), ("seed", "x".into())]),
        ("mentoring/assign", ORGANIZER, vec![("event_id", e()), ("team_id", "999999".into()), ("mentor_id", "".into())]),
        ("mentoring/my-mentor", PARTICIPANT, vec![("event_id", e())]),
        ("sessions/list", BOARD_READERS, vec![("event_id", e())]),
        ("sessions/offer", MENTOR, vec![("event_id", e()), ("starts_at", "".into()), ("ends_at", "".into()), ("location", "".into())]),
        ("sessions/book", SIGNED_IN, vec![("slot_id", "999999".into())]),
        ("sessions/cancel", SIGNED_IN, vec![("slot_id", "999999".into())]),
        ("sessions/notes", SIGNED_IN, vec![("slot_id", "999999".into()), ("notes", "".into()), ("attended", "".into())]),
        ("help/page", BOARD_READERS, vec![("event_id", e()), ("all", "false".into())]),
        ("help/raise", PARTICIPANT, vec![("event_id", e()), ("topic", "".into()), ("skill", "".into()), ("location", "".into()), ("description", "".into())]),
        ("help/claim", SIGNED_IN, vec![("request_id", "999999".into())]),
        ("help/release", SIGNED_IN, vec![("request_id", "999999".into())]),
        ("help/resolve", SIGNED_IN, vec![("request_id", "999999".into())]),
        ("help/cancel", SIGNED_IN, vec![("request_id", "999999".into())]),
        ("judging/console", ORGANIZER, vec![("event_id", e())]),
        ("judging/settings/save", ORGANIZER, vec![("event_id", e()), ("version", "0".into()), ("judges_per_project", "".into()), ("method", "".into()), ("disagreement", "".into()), ("state", "".into())]),
        ("judging/rubric", ORGANIZER, vec![("event_id", e()), ("scope", "0".into())]),
        ("judging/rubric/save", ORGANIZER, vec![("event_id", e()), ("scope", "0".into()), ("version", "0".into())]),
        ("judging/judges/add", ORGANIZER, vec![("event_id", e()), ("display_name", "".into())]),
        ("judging/pass/reset", ORGANIZER, vec![("event_id", e()), ("user_id", "999999".into()), ("action", "nothing".into())]),
        ("judging/pass/show", ORGANIZER, vec![("event_id", e()), ("user_id", "999999".into())]),
        ("judging/pass/extend", ORGANIZER, vec![("event_id", e()), ("user_id", "999999".into()), ("days", "1".into())]),
        ("judging/judge/update", ORGANIZER, vec![("event_id", e()), ("user_id", "999999".into()), ("track", "".into())]),
        ("judging/assign", ORGANIZER, vec![("event_id", e()), ("seed", "x".into())]),
        ("judging/extra", ORGANIZER, vec![("event_id", e()), ("project_id", "999999".into())]),
        ("judging/table", ORGANIZER, vec![("event_id", e()), ("project_id", "999999".into()), ("table_label", "".into())]),
        ("judging/results", ORGANIZER, vec![("event_id", e())]),
        ("judging/pass/open", EVERYONE, vec![("token", "no-such-token".into())]),
        ("judging/pass/join", EVERYONE, vec![("code", "no-such-code".into()), ("display_name", "".into())]),
        ("judging/desk", JUDGE, vec![("event_id", e())]),
        ("judging/save", JUDGE, vec![("event_id", e()), ("project_id", "999999".into()), ("save_id", "short".into()), ("base_version", "0".into()), ("status", "".into()), ("notes", "".into())]),
        ("judging/conflicts", JUDGE, vec![("event_id", e())]),
        ("judging/audit", ORGANIZER, vec![("event_id", e())]),
        ("judging/conflicts/save", JUDGE, vec![("event_id", e()), ("teams[999999]", "on".into())]),
        ("board/console", ORGANIZER, vec![("event_id", e())]),
        ("board/settings", ORGANIZER, vec![("event_id", e()), ("version", "0".into()), ("visibility", "".into()), ("top_n", "".into()), ("rotate_seconds", "".into())]),
        ("board/freeze", ORGANIZER, vec![("event_id", e()), ("frozen", "".into())]),
        ("board/publish", ORGANIZER, vec![("event_id", e()), ("action", "".into()), ("reveal_mode", "".into())]),
        ("board/reveal", ORGANIZER, vec![("event_id", e()), ("direction", "next".into()), ("from", "0".into())]),
        ("board/announce", ORGANIZER, vec![("event_id", e()), ("body_ar", "".into()), ("body_fr", "".into()), ("body_en", "".into())]),
        ("board/announce/retire", ORGANIZER, vec![("event_id", e()), ("announcement_id", "999999".into())]),
        ("board/projector", EVERYONE, vec![("event_id", e())]),
        ("board/ranking", EVERYONE, vec![("event_id", e())]),
        ("board/announcements", EVERYONE, vec![("event_id", e())]),
        ("console/dashboard", ORGANIZER, vec![("event_id", e())]),
        ("console/import/stage", ORGANIZER, vec![("event_id", e()), ("kind", "".into()), ("csv_text", "".into())]),
        ("console/import/batch", ORGANIZER, vec![("event_id", e()), ("batch", "999999".into())]),
        ("console/import/commit", ORGANIZER, vec![("event_id", e()), ("batch", "999999".into())]),
        ("auth/logout", EVERYONE, vec![]),
    ]
    .into_iter()
    .map(|(endpoint, allowed, form)| {
        // The track and invite ids are real ones of the organizer's event where it matters.
        let form = form
            .into_iter()
            .map(|(k, v)| match (endpoint, k) {
                ("events/remove-track", "track_id") => (k, ids.track.clone()),
                ("invites/revoke", "invite_id") => (k, ids.invite.clone()),
                ("admin/set-creator", "user_id") => (k, ids.user.clone()),
                _ => (k, v),
            })
            .collect();
        (endpoint, allowed, form)
    })
    .collect()
}

#[tokio::test]
async fn every_server_function_enforces_its_policy() {
    let app = spawn_app().await;
    let clients: Vec<(Persona, Client)> = EVERYONE.iter().map(|p| (*p, user_agent())).collect();
    let client = |p: Persona| clients.iter().find(|(q, _)| *q == p).map(|(_, c)| c).unwrap();

    // The first account is the platform admin; it lets the two organizers create events.
    app.signup_admin(client(Admin), "Admin", "admin@example.ma").await;
    app.signup(client(Organizer), "Salma Benali", "organizer@example.ma").await;
    app.signup(client(OtherOrganizer), "Omar Tazi", "other@example.ma").await;
    for email in ["organizer@example.ma", "other@example.ma"] {
        let id = app.user_id(email).await.to_string();
        let r = app.call(client(Admin), "admin/set-creator", &[("user_id", id.as_str()), ("allowed", "true")]).await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let event = app.create_event(client(Organizer), "Hackathon Berkane").await;
    app.create_event(client(OtherOrganizer), "Bootcamp Essaouira").await;
    for (persona, role, email) in [
        (Participant, "participant", "p@example.ma"),
        (Mentor, "mentor", "m@example.ma"),
        (Judge, "judge", "j@example.ma"),
    ] {
        let code = app.invite(client(Organizer), event, role, "1").await;
        let r = app
            .call(client(persona), "invites/signup-accept", &[("code", code.as_str()), ("display_name", role), ("email", email), ("password", "correct horse battery")])
            .await;
        assert!(r.status.is_success() || r.status.is_redirection(), "{role}: {} {}", r.status, r.body);
    }
    let event_s = event.to_string();
    let r = app.call(client(Organizer), "events/add-track", &[("event_id", event_s.as_str()), ("track_name", "Agritech"), ("track_description", "")]).await;
    assert!(r.status.is_success(), "{}", r.body);
    let track: i64 = sqlx::query_scalar("SELECT MAX(id) FROM tracks").fetch_one(&app.state.db.pool).await.unwrap();
    let invite: i64 = sqlx::query_scalar("SELECT MAX(id) FROM invites").fetch_one(&app.state.db.pool).await.unwrap();
    // A captain outside the personas owns the event's one team.
    let captain = user_agent();
    let code = app.invite(client(Organizer), event, "participant", "1").await;
    app.call(&captain, "invites/signup-accept", &[("code", code.as_str()), ("display_name", "Captain"), ("email", "c@example.ma"), ("password", "correct horse battery")]).await;
    let r = app.call(&captain, "teams/create", &[("event_id", event_s.as_str()), ("team_name", "Atlas"), ("pitch", ""), ("track_id", ""), ("needs", "")]).await;
    assert!(r.status.is_success(), "{}", r.body);
    let team: i64 = sqlx::query_scalar("SELECT MAX(id) FROM teams").fetch_one(&app.state.db.pool).await.unwrap();
    let ids = Ids {
        team: team.to_string(),
        event: event_s.clone(),
        track: track.to_string(),
        invite: invite.to_string(),
        user: app.user_id("p@example.ma").await.to_string(),
    };

    let matrix = matrix(&ids);

    // Completeness: the matrix names every registered server function, and nothing else.
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect();
    let listed: BTreeSet<String> = matrix.iter().map(|(e, _, _)| e.to_string()).collect();
    assert_eq!(registered, listed, "server functions and the authorization matrix differ");

    let mut failures = Vec::new();
    for (endpoint, allowed, form) in &matrix {
        for persona in EVERYONE {
            // File uploads are multipart; everything else is a url-encoded form.
            let reply = if *endpoint == "projects/upload" {
                let fields: Vec<(&str, String)> = form.iter().map(|(k, v)| (*k, v.clone())).collect();
                app.call_multipart(client(*persona), endpoint, &fields, None).await
            } else {
                app.call(client(*persona), endpoint, form).await
            };
            let denied = matches!(reply.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN);
            let should_allow = allowed.contains(persona);
            if should_allow == denied {
                failures.push(format!(
                    "{endpoint} as {persona:?}: got {} (expected {}) {}",
                    reply.status,
                    if should_allow { "allowed" } else { "denied" },
                    reply.body.chars().take(200).collect::<String>()
                ));
            }
            if !should_allow {
                let expected = if *persona == Anonymous { StatusCode::UNAUTHORIZED } else { StatusCode::FORBIDDEN };
                if reply.status != expected {
                    failures.push(format!("{endpoint} as {persona:?}: expected {expected}, got {}", reply.status));
                }
            }
        }
    }
    assert!(failures.is_empty(), "authorization matrix violations:\n{}", failures.join("\n"));

    // The denied calls changed nothing: the event still has exactly its own people.
    let roles: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM event_roles WHERE event_id = $1")
        .bind(event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(roles, 5, "organizer + participant + mentor + judge + captain");
    let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM team_members").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(members, 1, "only the captain is in a team");
}

#[tokio::test]
async fn organizers_cannot_reach_into_another_event() {
    let app = spawn_app().await;
    let admin = user_agent();
    app.signup_admin(&admin, "Admin", "admin@example.ma").await;
    let a = user_agent();
    let b = user_agent();
    app.signup(&a, "Organizer A", "a@example.ma").await;
    app.signup(&b, "Organizer B", "b@example.ma").await;
    for email in ["a@example.ma", "b@example.ma"] {
        let id = app.user_id(email).await.to_string();
        app.call(&admin, "admin/set-creator", &[("user_id", id.as_str()), ("allowed", "true")]).await;
    }
    let event_a = app.create_event(&a, "Event A").await;
    let event_b = app.create_event(&b, "Event B").await;
    let invite_a = app.invite(&a, event_a, "judge", "1").await;
    let invite_a_id: i64 = sqlx::query_scalar("SELECT id FROM invites WHERE code = $1").bind(&invite_a).fetch_one(&app.state.db.pool).await.unwrap();
    // B names its own event (which passes the gate) but A's invite: the SQL scope refuses.
    let r = app
        .call(&b, "invites/revoke", &[("event_id", event_b.to_string()), ("invite_id", invite_a_id.to_string())])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM invites WHERE revoked_at IS NOT NULL").await, 0);
}
