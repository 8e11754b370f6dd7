//! The authorization matrix: every server function and every plain route, called by every
//! kind of caller with the real ids of one complete event (`fixture`), must let in exactly
//! the callers its policy names.
//!
//! - An allowed call must **succeed** (2xx, or the redirect a form gets) and have its effect
//!   (a row exists or changed), so it has passed its role check and everything after it.
//! - A refused call, made with the very same ids, must answer 401 (anonymous) or 403 and
//!   change nothing: the whole database is compared before and after the refused calls.
//! - The test fails when a server function or a route exists that the matrix does not list,
//!   so a new door cannot ship without a decision here.
//!
//! Allowed calls change state, so each case first makes its own target where the call is
//! destructive (a fresh slot to cancel, a fresh member to remove), runs the refused personas
//! first and the allowed ones last, and runs calls that replace the caller's session on a
//! second session of the persona. A few personas pass a case's role check but are refused by
//! a business rule (a team member cannot create a second team): they are `skip`ped there and
//! their role class is proven by another persona of the same case.

use crate::fixture::{Persona::*, *};
use crate::helpers::*;
use reqwest::{Client, StatusCode};
use std::collections::BTreeSet;

const SIGNED_IN: &[Persona] = &[Participant, Captain, Solo, Mentor, Judge, OtherOrganizer, Organizer, Admin];
const EVENT_CREATORS: &[Persona] = &[OtherOrganizer, Organizer, Admin];
const ORGANIZER: &[Persona] = &[Organizer];
const ADMIN: &[Persona] = &[Admin];
const PARTICIPANTS: &[Persona] = &[Participant, Captain, Solo];
/// The members of the team "Atlas".
const MEMBERS: &[Persona] = &[Participant, Captain];
const BOARD_READERS: &[Persona] = &[Participant, Captain, Solo, Mentor, Organizer];
const CAPTAIN: &[Persona] = &[Captain];
const SOLO: &[Persona] = &[Solo];
const MENTOR: &[Persona] = &[Mentor];
const JUDGE: &[Persona] = &[Judge];
/// Everyone holding a role in the event.
const EVENT_PEOPLE: &[Persona] = &[Participant, Captain, Solo, Mentor, Judge, Organizer];
const NO_ONE: &[Persona] = &[];

/// Calls that replace the session they are made in: made on a second session of the persona.
const SESSION_CHANGING: &[&str] = &[
    "auth/signup",
    "auth/login",
    "auth/logout",
    "invites/signup-accept",
    "judging/pass/open",
    "judging/pass/join",
    "account/password",
    "account/sign-out-everywhere",
    // Made by a fresh account of its own (see the case).
    "account/delete",
];

/// (endpoint, who may call it, who passes its role check but is refused by a business rule).
/// The order matters only where a case says so. Cases are named by endpoint, as the server
/// registers them, so the listing can be compared with the registered functions; each case's
/// call is built from the function's argument type in `prepare`, and `run_case` checks that
/// it goes to the case's endpoint.
fn cases() -> Vec<(&'static str, &'static [Persona], &'static [Persona])> {
    vec![
        ("auth/me", EVERYONE, NO_ONE),
        ("auth/signup", EVERYONE, NO_ONE),
        ("auth/login", EVERYONE, NO_ONE),
        ("auth/logout", EVERYONE, NO_ONE),
        ("events/list", EVERYONE, NO_ONE),
        ("events/page", EVERYONE, NO_ONE),
        ("events/create", EVENT_CREATORS, NO_ONE),
        ("events/form", ORGANIZER, NO_ONE),
        ("events/update", ORGANIZER, NO_ONE),
        ("events/add-track", ORGANIZER, NO_ONE),
        ("events/remove-track", ORGANIZER, NO_ONE),
        ("events/add-organizer", ORGANIZER, NO_ONE),
        // Archiving makes the event read-only (the case archives it, then unarchives it back);
        // unarchiving and deleting act on an archived event: the deletion on an event of the
        // organizer's own, exported, where the other personas hold their roles too.
        ("events/archive", ORGANIZER, NO_ONE),
        ("events/unarchive", ORGANIZER, NO_ONE),
        ("events/delete", ORGANIZER, NO_ONE),
        // Each allowed call removes a fresh mentor, or retires a fresh judge who has scored.
        ("events/remove-role", ORGANIZER, NO_ONE),
        ("events/retire-judge", ORGANIZER, NO_ONE),
        // Any account joins an open event (the fixture's open event, so roles in the main
        // event stay as they are).
        ("events/join", SIGNED_IN, NO_ONE),
        ("invites/create", ORGANIZER, NO_ONE),
        ("invites/list", ORGANIZER, NO_ONE),
        ("invites/revoke", ORGANIZER, NO_ONE),
        ("invites/info", EVERYONE, NO_ONE),
        ("invites/accept", SIGNED_IN, NO_ONE),
        ("invites/signup-accept", EVERYONE, NO_ONE),
        ("admin/users", ADMIN, NO_ONE),
        ("admin/set-creator", ADMIN, NO_ONE),
        // A reset link is a way into a whole account: the platform admin alone issues one
        // (organizers included among the refused, with the same account id).
        ("admin/reset-link", ADMIN, NO_ONE),
        // Each account on its own: the caller's name and address, password and sessions.
        ("account/page", SIGNED_IN, NO_ONE),
        ("account/profile", SIGNED_IN, NO_ONE),
        // Made on a second session of the persona; the persona's own session ends with it
        // and is signed in again by the effect check.
        ("account/password", SIGNED_IN, NO_ONE),
        ("account/sign-out-everywhere", SIGNED_IN, NO_ONE),
        // The link is its own authority: whoever holds it (a fresh account's link per call).
        ("account/reset", EVERYONE, NO_ONE),
        // Anyone may ask for a link to be mailed (they are signed out: they forgot their
        // password); it goes to the account's own address, which is the authority.
        ("account/forgot", EVERYONE, NO_ONE),
        // Any account deletes itself. It deletes the caller, so each allowed call is made by a
        // fresh account (a participant of the open event) in its own session, never by the
        // persona, whose account the cases after it need.
        ("account/delete", SIGNED_IN, NO_ONE),
        // The privacy notice's facts (the controller's contact, retention settings): public.
        ("account/privacy", EVERYONE, NO_ONE),
        ("teams/page", PARTICIPANTS, NO_ONE),
        ("teams/save-profile", PARTICIPANTS, NO_ONE),
        ("teams/board", BOARD_READERS, NO_ONE),
        // A participant without a team (a fresh one per case); members already have one.
        ("teams/create", SOLO, MEMBERS),
        ("teams/join-info", SIGNED_IN, NO_ONE),
        ("teams/request", SOLO, MEMBERS),
        ("teams/decide", CAPTAIN, NO_ONE),
        // A member (a fresh one) leaves; the captain and the solo participant are not tried.
        ("teams/leave", &[Participant], &[Captain, Solo]),
        ("teams/remove-member", CAPTAIN, NO_ONE),
        ("teams/make-captain", CAPTAIN, NO_ONE),
        ("teams/update", CAPTAIN, NO_ONE),
        ("teams/set-skills", ORGANIZER, NO_ONE),
        ("teams/overview", ORGANIZER, NO_ONE),
        ("teams/move", ORGANIZER, NO_ONE),
        ("teams/lock", ORGANIZER, NO_ONE),
        ("teams/dissolve", ORGANIZER, NO_ONE),
        ("teams/rename", ORGANIZER, NO_ONE),
        // Project calls need a team: the solo participant is refused with 409.
        ("projects/page", MEMBERS, SOLO),
        ("projects/save", MEMBERS, SOLO),
        ("projects/upload", MEMBERS, SOLO),
        ("projects/remove-screenshot", MEMBERS, SOLO),
        ("projects/list", ORGANIZER, NO_ONE),
        ("projects/extend", ORGANIZER, NO_ONE),
        ("projects/detail", ORGANIZER, NO_ONE),
        ("mentoring/profile", MENTOR, NO_ONE),
        ("mentoring/save-profile", MENTOR, NO_ONE),
        ("mentoring/overview", ORGANIZER, NO_ONE),
        ("mentoring/auto-assign", ORGANIZER, NO_ONE),
        ("mentoring/assign", ORGANIZER, NO_ONE),
        ("mentoring/my-mentor", PARTICIPANTS, NO_ONE),
        ("mentoring/my-day", MENTOR, NO_ONE),
        ("sessions/list", BOARD_READERS, NO_ONE),
        ("sessions/offer", MENTOR, NO_ONE),
        ("sessions/book", MEMBERS, SOLO),
        ("sessions/cancel", &[Participant, Captain, Mentor, Organizer], NO_ONE),
        ("sessions/notes", MENTOR, NO_ONE),
        ("help/page", BOARD_READERS, NO_ONE),
        ("help/raise", MEMBERS, SOLO),
        ("help/claim", MENTOR, NO_ONE),
        ("help/release", MENTOR, NO_ONE),
        ("help/resolve", &[Mentor, Participant, Captain], NO_ONE),
        ("help/cancel", MEMBERS, NO_ONE),
        ("help/assign", ORGANIZER, NO_ONE),
        ("checkin/console", ORGANIZER, NO_ONE),
        ("checkin/mark", ORGANIZER, NO_ONE),
        ("checkin/renew", ORGANIZER, NO_ONE),
        ("checkin/me", PARTICIPANTS, NO_ONE),
        ("checkin/self", PARTICIPANTS, NO_ONE),
        ("rooms/console", ORGANIZER, NO_ONE),
        ("rooms/save", ORGANIZER, NO_ONE),
        ("rooms/remove", ORGANIZER, NO_ONE),
        ("rooms/place", ORGANIZER, NO_ONE),
        ("rooms/auto", ORGANIZER, NO_ONE),
        ("rooms/import", ORGANIZER, NO_ONE),
        // A floor plan set on a fresh room, and the fixture room's taken away (set again
        // before each case).
        ("rooms/plan", ORGANIZER, NO_ONE),
        ("rooms/plan/remove", ORGANIZER, NO_ONE),
        ("rooms/map", ORGANIZER, NO_ONE),
        // Pitch slots: each case that needs one gives a fresh judge an assignment of the
        // fixture's project and makes the schedule, so the team has a slot and the move one
        // not yet judged.
        ("slots/console", ORGANIZER, NO_ONE),
        ("slots/generate", ORGANIZER, NO_ONE),
        ("slots/team", PARTICIPANTS, NO_ONE),
        ("slots/move", ORGANIZER, NO_ONE),
        ("slots/clear", ORGANIZER, NO_ONE),
        ("help/settings", ORGANIZER, NO_ONE),
        ("judging/console", ORGANIZER, NO_ONE),
        ("judging/settings/save", ORGANIZER, NO_ONE),
        ("judging/rubric", ORGANIZER, NO_ONE),
        ("judging/rubric/save", ORGANIZER, NO_ONE),
        ("judging/judges/add", ORGANIZER, NO_ONE),
        ("judging/pass/reset", ORGANIZER, NO_ONE),
        ("judging/pass/show", ORGANIZER, NO_ONE),
        ("judging/pass/extend", ORGANIZER, NO_ONE),
        ("judging/judge/update", ORGANIZER, NO_ONE),
        ("judging/assign", ORGANIZER, NO_ONE),
        ("judging/extra", ORGANIZER, NO_ONE),
        ("judging/table", ORGANIZER, NO_ONE),
        ("judging/results", ORGANIZER, NO_ONE),
        ("judging/audit", ORGANIZER, NO_ONE),
        // Paper sheets: printed and keyed in by organizers (the judge's sheet of the fixture's
        // submitted project, the judge persona's assignment).
        ("judging/sheets", ORGANIZER, NO_ONE),
        ("judging/paper", ORGANIZER, NO_ONE),
        ("judging/paper/save", ORGANIZER, NO_ONE),
        ("judging/pass/open", EVERYONE, NO_ONE),
        ("judging/pass/join", EVERYONE, NO_ONE),
        ("judging/desk", JUDGE, NO_ONE),
        ("judging/save", JUDGE, NO_ONE),
        ("judging/conflicts", JUDGE, NO_ONE),
        ("judging/conflicts/save", JUDGE, NO_ONE),
        ("board/console", ORGANIZER, NO_ONE),
        ("board/settings", ORGANIZER, NO_ONE),
        ("board/freeze", ORGANIZER, NO_ONE),
        // Publishing comes before the reveal, which needs published results.
        ("board/publish", ORGANIZER, NO_ONE),
        ("board/reveal", ORGANIZER, NO_ONE),
        ("board/announce", ORGANIZER, NO_ONE),
        ("board/announce/retire", ORGANIZER, NO_ONE),
        ("board/projector", EVERYONE, NO_ONE),
        ("board/ranking", EVERYONE, NO_ONE),
        // Everyone may ask; only the event's people get the announcements (checked below).
        ("board/announcements", EVERYONE, NO_ONE),
        // Certificates, once the published results are revealed in full (each case reveals
        // them): a participant's own, the organizer's print of all, and the check by code.
        ("certificates/mine", PARTICIPANTS, NO_ONE),
        ("certificates/all", ORGANIZER, NO_ONE),
        ("certificates/verify", EVERYONE, NO_ONE),
        // People's choice. The settings case opens the vote to participants and ticket
        // holders, for the cases after it; the void case voids a fresh ticket per call.
        ("audience/console", ORGANIZER, NO_ONE),
        ("audience/settings", ORGANIZER, NO_ONE),
        ("audience/tickets", ORGANIZER, NO_ONE),
        ("audience/print", ORGANIZER, NO_ONE),
        ("audience/void", ORGANIZER, NO_ONE),
        // Participants vote with their own login, for a project of another team (ticket
        // holders are proven in `audience`).
        ("audience/ballot", PARTICIPANTS, NO_ONE),
        ("audience/vote", PARTICIPANTS, NO_ONE),
        // A ticket is its own authority: whoever holds it (a fresh one per call), except the
        // event's participants, who vote with their own login. Last of the vote's cases: from
        // here on, the personas who used one hold a ticket of the event in their session.
        ("audience/ticket", &[Anonymous, Mentor, Judge, OtherOrganizer, Organizer, Admin], PARTICIPANTS),
        // The stage: the console, a pitch length, the fixture's submitted project put on stage
        // (the stage cleared first), then its timer started (from stopped).
        ("stage/console", ORGANIZER, NO_ONE),
        ("stage/length", ORGANIZER, NO_ONE),
        ("stage/put", ORGANIZER, NO_ONE),
        ("stage/clock", ORGANIZER, NO_ONE),
        ("console/dashboard", ORGANIZER, NO_ONE),
        ("console/import/stage", ORGANIZER, NO_ONE),
        ("console/import/batch", ORGANIZER, NO_ONE),
        ("console/import/commit", ORGANIZER, NO_ONE),
        // A team's link seats a participant without a team (a fresh one) and registers an
        // account with no role in the event (the other organizer, the admin) as a participant
        // while registration is open; the event's staff are refused, members already have a
        // team. Late: the other organizer and the admin become participants of the event.
        ("teams/join", &[Solo, OtherOrganizer, Admin], MEMBERS),
        // It places the solo participants into teams.
        ("teams/auto-form", ORGANIZER, NO_ONE),
        // Last: any account may claim a set-up link, proven with the solo participant, who
        // becomes a platform admin by it; the others would become admins too.
        ("admin/setup", SOLO, &[Participant, Captain, Mentor, Judge, OtherOrganizer, Organizer, Admin]),
    ]
}

/// What an allowed call of a case sends, and who sends it when not the persona's own session.
struct Prepared {
    call: Call,
    actor: Option<Client>,
    /// A value the effect check needs (a fresh user's or row's id, an e-mail address).
    mark: String,
}

async fn checked_in(app: &TestApp, event: i64, user: i64) -> bool {
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM checkins WHERE event_id = $1 AND user_id = $2")
        .bind(event)
        .bind(user)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
        == 1
}

/// A new room of the fixture's event; its id.
async fn new_room(app: &TestApp, fx: &Fixture) -> i64 {
    let name = format!("Salle {}", seq());
    let save = SaveRoom { event_id: fx.event, room_id: 0, name: name.clone(), capacity: String::new() };
    ok(&app.send(fx.client(Organizer), &save).await, "room");
    sqlx::query_scalar("SELECT id FROM rooms WHERE event_id = $1 AND name = $2")
        .bind(fx.event)
        .bind(name)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

/// The schedule's form: `pitch` minutes from 09:00 a month from now.
fn slot_plan(event_id: i64, pitch: &str) -> GenerateSlots {
    GenerateSlots {
        event_id,
        starts_at: slot_day(),
        pitch: pitch.into(),
        break_every: "4".into(),
        break_minutes: "5".into(),
        present_only: None,
    }
}

/// A fresh judge's assignment of the fixture's project, given a slot by the schedule made
/// again: its id and the slot's start.
async fn slotted_assignment(app: &TestApp, fx: &Fixture) -> (i64, i64) {
    let org = fx.client(Organizer);
    let code = app.invite(org, fx.event, "judge", "1").await;
    let (_, judge) = fresh_account(app, &code, &fx.tag).await;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO judge_assignments (event_id, project_id, judge_id, assigned_by, assigned_at) \
         VALUES ($1, $2, $3, NULL, 0) RETURNING id",
    )
    .bind(fx.event)
    .bind(fx.project)
    .bind(judge)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    ok(&app.send(org, &slot_plan(fx.event, "7")).await, "schedule");
    (id, one(app, "SELECT slot_start FROM judge_assignments WHERE id = $1", id).await)
}

fn prepared(call: Call) -> Prepared {
    Prepared { call, actor: None, mark: String::new() }
}

fn ok(r: &Reply, what: &str) {
    assert!(r.status.is_success() || r.status.is_redirection(), "{what}: {} {}", r.status, r.body);
}

async fn one(app: &TestApp, sql: &str, id: i64) -> i64 {
    sqlx::query_scalar::<_, i64>(sql).bind(id).fetch_one(&app.state.db.pool).await.unwrap()
}

async fn audited(app: &TestApp, event: i64, action: &str) -> bool {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE event_id = $1 AND action = $2")
        .bind(event)
        .bind(action)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n > 0
}

/// An event of the organizer's own, with the event's other personas holding their roles in it
/// too, archived and exported: ready to be deleted. Its id and name.
async fn doomed_event(app: &TestApp, fx: &Fixture) -> (i64, String) {
    let org = fx.client(Organizer);
    let name = format!("À supprimer {}", seq());
    let id = app.create_event(org, &name).await;
    for (p, role) in [
        (Participant, "participant"),
        (Captain, "participant"),
        (Solo, "participant"),
        (Mentor, "mentor"),
        (Judge, "judge"),
    ] {
        sqlx::query("INSERT INTO event_roles (event_id, user_id, role, granted_at) VALUES ($1, $2, $3, 0)")
            .bind(id)
            .bind(fx.user(p))
            .bind(role)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
    archive(app, org, id).await;
    let (status, _) = get_status(app, org, &format!("/events/{id}/export.zip")).await;
    assert_eq!(status, StatusCode::OK, "the export before deleting");
    (id, name)
}

/// The rubric in force for the fixture's submitted project: its id and fingerprint.
async fn current_rubric(app: &TestApp, fx: &Fixture) -> (i64, String) {
    let (id, criteria): (i64, String) = sqlx::query_as(
        "SELECT r.id, r.criteria FROM rubrics r JOIN projects p ON p.id = $2 WHERE r.event_id = $1 \
         AND (r.scope = COALESCE(p.track_id, 0) OR r.scope = 0) \
         ORDER BY CASE WHEN r.scope = 0 THEN 1 ELSE 0 END, r.version DESC LIMIT 1",
    )
    .bind(fx.event)
    .bind(fx.project)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let criteria = hakam::judging::db::parse_criteria(&criteria).unwrap();
    (id, hakam::judging::paper::rubric_mark(&criteria))
}

/// A ticket of the event made directly (its code is known only to the print run that makes
/// it): its number and code.
async fn fresh_ticket(app: &TestApp, event: i64) -> (i64, String) {
    let code = format!("ticket{}x{}", seq(), event);
    let number: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(number), 0) + 1 FROM audience_tickets WHERE event_id = $1")
            .bind(event)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    sqlx::query("INSERT INTO audience_tickets (event_id, number, code_hash, created_at) VALUES ($1, $2, $3, 0)")
        .bind(event)
        .bind(number)
        .bind(hakam::links::digest(&code))
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    (number, code)
}

/// A submitted project of a team no persona is in, so every participant may vote for it:
/// the fixture's own submitted project is "Atlas"'s, the participant's and the captain's.
async fn vote_target(app: &TestApp, fx: &Fixture) -> i64 {
    let pool = &app.state.db.pool;
    let name = format!("Vote {}", fx.tag);
    let existing: Option<i64> = sqlx::query_scalar(
        "SELECT p.id FROM projects p JOIN teams t ON t.id = p.team_id WHERE t.name = $1 AND t.event_id = $2",
    )
    .bind(&name)
    .bind(fx.event)
    .fetch_optional(pool)
    .await
    .unwrap();
    if let Some(id) = existing {
        return id;
    }
    sqlx::query("INSERT INTO teams (event_id, name, invite_code, created_at) VALUES ($1, $2, $3, 0)")
        .bind(fx.event)
        .bind(&name)
        .bind(format!("vote{}", fx.tag))
        .execute(pool)
        .await
        .unwrap();
    let team: i64 = sqlx::query_scalar("SELECT id FROM teams WHERE name = $1 AND event_id = $2")
        .bind(&name)
        .bind(fx.event)
        .fetch_one(pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO projects (team_id, event_id, title, status, submitted_at, updated_at) VALUES ($1, $2, 'Vote', 'submitted', 0, 0)",
    )
    .bind(team)
    .bind(fx.event)
    .execute(pool)
    .await
    .unwrap();
    sqlx::query_scalar("SELECT id FROM projects WHERE team_id = $1").bind(team).fetch_one(pool).await.unwrap()
}

/// Builds the form of a case for an allowed persona, making a fresh target where the call
/// destroys or uses up its target. Refused personas are sent the first allowed persona's form.
async fn prepare(app: &TestApp, fx: &Fixture, endpoint: &str, p: Persona) -> Prepared {
    let event_id = fx.event;
    let org = fx.client(Organizer);
    let pool = &app.state.db.pool;
    match endpoint {
        "auth/me" => prepared(Call::of(&CurrentUser {})),
        "events/list" => prepared(Call::of(&ListEvents {})),
        "admin/users" => prepared(Call::of(&ListUsers {})),
        "account/page" => prepared(Call::of(&MyAccount {})),
        "account/sign-out-everywhere" => prepared(Call::of(&SignOutEverywhere {})),
        "account/privacy" => prepared(Call::of(&PrivacyNotice {})),
        "account/delete" => {
            let (actor, id) = fresh_account(app, &fx.open_participant_code, &fx.tag).await;
            let email: String =
                sqlx::query_scalar("SELECT email FROM users WHERE id = $1").bind(id).fetch_one(pool).await.unwrap();
            let call = Call::of(&DeleteAccount { account_password: PASSWORD.into(), confirm: email });
            Prepared { call, actor: Some(actor), mark: id.to_string() }
        }
        "account/password" => {
            prepared(Call::of(&ChangePassword { current_password: PASSWORD.into(), new_password: PASSWORD.into() }))
        }
        "account/profile" => {
            // The persona's own name and address, saved again: no password needed.
            let name: String = sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1")
                .bind(fx.user(p))
                .fetch_one(pool)
                .await
                .unwrap();
            let call =
                Call::of(&UpdateProfile { display_name: name, email: fx.emails[&p].clone(), password: String::new() });
            Prepared { call, actor: None, mark: fx.user(p).to_string() }
        }
        "admin/reset-link" | "account/reset" => {
            let (_, id) = fresh_account(app, &fx.open_participant_code, &fx.tag).await;
            let call = if endpoint == "admin/reset-link" {
                Call::of(&IssueResetLink { user_id: id })
            } else {
                let link = hakam::account::recovery::issue(
                    &app.state.db,
                    id,
                    hakam::account::recovery::Issuer::Command,
                    &app.state.config.public_url,
                )
                .await
                .expect("a reset link");
                let token = link.url.rsplit_once("/reset/").map(|(_, t)| t.to_owned()).unwrap_or_default();
                Call::of(&ResetPassword { token, new_password: PASSWORD.into() })
            };
            Prepared { call, actor: None, mark: id.to_string() }
        }
        "account/forgot" => {
            let (_, id) = fresh_account(app, &fx.open_participant_code, &fx.tag).await;
            let email: String = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
                .bind(id)
                .fetch_one(&app.state.db.pool)
                .await
                .unwrap();
            Prepared { call: Call::of(&EmailResetLink { email }), actor: None, mark: id.to_string() }
        }
        "auth/logout" => prepared(Call::of(&Logout {})),
        "auth/signup" => {
            let email = format!("signup{}.{}@example.ma", seq(), fx.tag);
            Prepared {
                call: Call::of(&Signup {
                    display_name: "Nouveau".into(),
                    email: email.clone(),
                    password: PASSWORD.into(),
                    next: None,
                }),
                actor: None,
                mark: email,
            }
        }
        "auth/login" => {
            prepared(Call::of(&Login { email: fx.emails[&Participant].clone(), password: PASSWORD.into(), next: None }))
        }
        "events/page" => prepared(Call::of(&EventPage { id: event_id })),
        "events/archive" => prepared(Call::of(&ArchiveEvent { event_id, confirm: Some("on".into()) })),
        "events/unarchive" => {
            archive(app, org, event_id).await;
            prepared(Call::of(&UnarchiveEvent { event_id }))
        }
        "events/delete" => {
            let (id, name) = doomed_event(app, fx).await;
            Prepared {
                call: Call::of(&DeleteEvent { event_id: id, confirm_name: name }),
                actor: None,
                mark: id.to_string(),
            }
        }
        "events/form" => prepared(Call::of(&EventForm { id: event_id })),
        "events/create" => prepared(Call::of(&event_form(&format!("Créé {}", seq())))),
        "events/update" => {
            let version = one(app, "SELECT version FROM events WHERE id = $1", fx.event).await;
            let name: String = sqlx::query_scalar("SELECT name FROM events WHERE id = $1")
                .bind(fx.event)
                .fetch_one(pool)
                .await
                .unwrap();
            let form = CreateEvent { event: EventInput { venue: "Oujda".to_owned(), ..event_input(&name) } };
            prepared(Call::of(&event_update(event_id, version, form)))
        }
        "events/add-track" => {
            let name = format!("Piste {}", seq());
            Prepared { call: Call::of(&new_track(fx.event, name.clone())), actor: None, mark: name }
        }
        "events/remove-track" => {
            let name = format!("Éphémère {}", seq());
            ok(&app.send(org, &new_track(fx.event, name.clone())).await, "track");
            let id: i64 =
                sqlx::query_scalar("SELECT id FROM tracks WHERE name = $1").bind(&name).fetch_one(pool).await.unwrap();
            Prepared {
                call: Call::of(&RemoveTrack { event_id: fx.event, track_id: id }),
                actor: None,
                mark: id.to_string(),
            }
        }
        "events/add-organizer" | "admin/set-creator" => {
            let (_, id) = fresh_account(app, &fx.open_participant_code, &fx.tag).await;
            let email: String =
                sqlx::query_scalar("SELECT email FROM users WHERE id = $1").bind(id).fetch_one(pool).await.unwrap();
            let call = if endpoint == "admin/set-creator" {
                Call::of(&SetEventCreator { user_id: id, allowed: true })
            } else {
                Call::of(&AddOrganizer { event_id, organizer_email: email })
            };
            Prepared { call, actor: None, mark: id.to_string() }
        }
        "events/remove-role" => {
            let code = app.invite(org, fx.event, "mentor", "1").await;
            let (_, id) = fresh_account(app, &code, &fx.tag).await;
            Prepared {
                call: Call::of(&RemoveRole { event_id, user_id: id, role: "mentor".into() }),
                actor: None,
                mark: id.to_string(),
            }
        }
        "events/retire-judge" => {
            // A judge of the event who scored the submitted project.
            let code = app.invite(org, fx.event, "judge", "1").await;
            let (judge, id) = fresh_account(app, &code, &fx.tag).await;
            sqlx::query(
                "INSERT INTO judge_assignments (event_id, project_id, judge_id, assigned_by, assigned_at) \
                 VALUES ($1, $2, $3, NULL, 0)",
            )
            .bind(fx.event)
            .bind(fx.project)
            .bind(id)
            .execute(pool)
            .await
            .unwrap();
            ok(&app.send(&judge, &score_form(fx.event, fx.project, 0)).await, "score");
            Prepared { call: Call::of(&RetireJudge { event_id, user_id: id }), actor: None, mark: id.to_string() }
        }
        "events/join" => prepared(Call::of(&JoinEvent { event_id: fx.open_event })),
        "invites/create" => prepared(Call::of(&CreateInvite {
            event_id: fx.event,
            role: "judge".into(),
            label: format!("Jury {}", seq()),
            max_uses: "2".into(),
            valid_days: "3".into(),
            allow_clash: None,
        })),
        // Reads of the event, by its id alone.
        "invites/list" => prepared(Call::of(&ListInvites { event_id })),
        "teams/page" => prepared(Call::of(&MyTeam { event_id })),
        "teams/overview" => prepared(Call::of(&TeamsOverview { event_id })),
        "projects/page" => prepared(Call::of(&ProjectPage { event_id })),
        "mentoring/profile" => prepared(Call::of(&MentorProfile { event_id })),
        "mentoring/overview" => prepared(Call::of(&MentoringOverview { event_id })),
        "mentoring/my-mentor" => prepared(Call::of(&MyMentor { event_id })),
        "sessions/list" => prepared(Call::of(&ListSlots { event_id })),
        "judging/console" => prepared(Call::of(&JudgingConsole { event_id })),
        "judging/results" => prepared(Call::of(&JudgingResults { event_id })),
        "judging/desk" => prepared(Call::of(&JudgeDesk { event_id })),
        "judging/conflicts" => prepared(Call::of(&JudgeConflicts { event_id })),
        "judging/audit" => prepared(Call::of(&AuditLog { event_id })),
        "board/console" => prepared(Call::of(&BoardConsole { event_id })),
        "board/projector" => prepared(Call::of(&ProjectorData { event_id })),
        "board/ranking" => prepared(Call::of(&PublicRanking { event_id })),
        "board/announcements" => prepared(Call::of(&EventAnnouncements { event_id })),
        "console/dashboard" => prepared(Call::of(&Dashboard { event_id })),
        "invites/revoke" => {
            ok(
                &app.send(
                    org,
                    &CreateInvite {
                        event_id: fx.event,
                        role: "mentor".into(),
                        label: "À révoquer".into(),
                        max_uses: "1".into(),
                        valid_days: "1".into(),
                        allow_clash: None,
                    },
                )
                .await,
                "invite",
            );
            let id = one(app, "SELECT MAX(id) FROM invites WHERE event_id = $1", fx.event).await;
            Prepared {
                call: Call::of(&RevokeInvite { event_id: fx.event, invite_id: id }),
                actor: None,
                mark: id.to_string(),
            }
        }
        "invites/info" => prepared(Call::of(&InviteInfo { code: fx.invite_code.clone() })),
        "invites/accept" => prepared(Call::of(&AcceptInvite { code: fx.open_mentor_code.clone() })),
        "invites/signup-accept" => {
            let email = format!("accept{}.{}@example.ma", seq(), fx.tag);
            Prepared {
                call: Call::of(&SignupAndAccept {
                    code: fx.open_participant_code.clone(),
                    display_name: "Invitée".into(),
                    email: email.clone(),
                    password: PASSWORD.into(),
                }),
                actor: None,
                mark: email,
            }
        }
        "teams/save-profile" => prepared(Call::of(&SaveProfile {
            event_id: fx.event,
            skills: "design, data".into(),
            languages: "ar, fr".into(),
            bio: "Salam".into(),
            looking: Some("on".into()),
        })),
        "teams/board" => {
            prepared(Call::of(&TeamBoard { event_id: fx.event, skill: String::new(), language: String::new() }))
        }
        "teams/create" => {
            let (actor, id) = fx.fresh_participant(app).await;
            let name = format!("Nouvelle {}", seq());
            Prepared {
                call: Call::of(&CreateTeam {
                    event_id: fx.event,
                    team_name: name.clone(),
                    pitch: String::new(),
                    track_id: fx.track.to_string(),
                    needs: String::new(),
                }),
                actor: Some(actor),
                mark: format!("{id}"),
            }
        }
        "teams/join-info" => prepared(Call::of(&TeamInvitation { code: fx.team_code.clone() })),
        "teams/join" => {
            let call = Call::of(&JoinTeam { code: fx.team2_code.clone() });
            if p == Solo {
                let (actor, id) = fx.fresh_participant(app).await;
                Prepared { call, actor: Some(actor), mark: id.to_string() }
            } else {
                Prepared { call, actor: None, mark: fx.user(p).to_string() }
            }
        }
        "teams/request" => {
            let (actor, id) = fx.fresh_participant(app).await;
            Prepared {
                call: Call::of(&RequestJoin { team_id: fx.team, message: "Je code en Rust".into() }),
                actor: Some(actor),
                mark: id.to_string(),
            }
        }
        "teams/decide" => {
            let (fresh, id) = fx.fresh_participant(app).await;
            ok(&app.send(&fresh, &RequestJoin { team_id: fx.team, message: "Salam".into() }).await, "request");
            let req: i64 = sqlx::query_scalar("SELECT id FROM join_requests WHERE user_id = $1")
                .bind(id)
                .fetch_one(pool)
                .await
                .unwrap();
            Prepared {
                call: Call::of(&DecideRequest { request_id: req, accept: false }),
                actor: None,
                mark: req.to_string(),
            }
        }
        "teams/leave" => {
            let (actor, id) = fx.fresh_participant(app).await;
            ok(&app.send(&actor, &JoinTeam { code: fx.team2_code.clone() }).await, "join");
            Prepared { call: Call::of(&LeaveTeam { event_id: fx.event }), actor: Some(actor), mark: id.to_string() }
        }
        "teams/remove-member" => {
            let (fresh, id) = fx.fresh_participant(app).await;
            ok(&app.send(&fresh, &JoinTeam { code: fx.team_code.clone() }).await, "join");
            Prepared {
                call: Call::of(&RemoveMember { team_id: fx.team, user_id: id }),
                actor: None,
                mark: id.to_string(),
            }
        }
        "teams/make-captain" => prepared(Call::of(&MakeCaptain { team_id: fx.team, user_id: fx.user(Participant) })),
        "teams/update" => prepared(Call::of(&UpdateTeam {
            team_id: fx.team,
            team_name: "Atlas".into(),
            pitch: format!("Pitch {}", seq()),
            track_id: fx.track.to_string(),
            needs: "design".into(),
        })),
        "teams/set-skills" => {
            prepared(Call::of(&SetEventSkills { event_id: fx.event, skills: "design, data, iot".into() }))
        }
        "teams/move" => {
            let (_, id) = fx.fresh_participant(app).await;
            Prepared {
                call: Call::of(&MoveParticipant { event_id: fx.event, user_id: id, team_id: fx.team2 }),
                actor: None,
                mark: id.to_string(),
            }
        }
        "teams/lock" => prepared(Call::of(&SetTeamLock { event_id: fx.event, locked_at: String::new() })),
        "teams/auto-form" => prepared(Call::of(&AutoFormTeams { event_id: fx.event, seed: "7".into() })),
        "teams/dissolve" => {
            let (fresh, _) = fx.fresh_participant(app).await;
            let name = format!("Vide {}", seq());
            ok(&app.send(&fresh, &new_team(event_id, &name)).await, "team");
            ok(&app.send(&fresh, &LeaveTeam { event_id: fx.event }).await, "leave");
            let id: i64 =
                sqlx::query_scalar("SELECT id FROM teams WHERE name = $1").bind(&name).fetch_one(pool).await.unwrap();
            Prepared {
                call: Call::of(&DissolveTeam { event_id: fx.event, team_id: id }),
                actor: None,
                mark: id.to_string(),
            }
        }
        "projects/save" => {
            let version = one(app, "SELECT version FROM projects WHERE id = $1", fx.project).await;
            prepared(Call::of(&project_form(fx.event, version, &format!("Saqia {}", seq()), false)))
        }
        // File uploads are multipart, as the browser sends them.
        "projects/upload" => prepared(Call::upload(&[("event_id", event_id.to_string())], Some(("screenshot", png())))),
        "projects/remove-screenshot" => {
            ok(
                &app.upload(fx.client(p), &[("event_id", event_id.to_string())], Some(("screenshot", png()))).await,
                "upload",
            );
            let id = one(app, "SELECT MAX(id) FROM screenshots WHERE project_id = $1", fx.project).await;
            Prepared {
                call: Call::of(&RemoveScreenshot { event_id: fx.event, screenshot_id: id }),
                actor: None,
                mark: id.to_string(),
            }
        }
        "projects/list" => {
            prepared(Call::of(&ListSubmissions { event_id: fx.event, track: String::new(), status: String::new() }))
        }
        "projects/extend" => prepared(Call::of(&ExtendDeadline {
            event_id: fx.event,
            team_id: fx.team2,
            until: local_in(9, 0).to_string(),
        })),
        "projects/detail" => prepared(Call::of(&ProjectDetail { event_id: fx.event, team_id: fx.team })),
        "mentoring/save-profile" => prepared(Call::of(&SaveMentorProfile {
            event_id: fx.event,
            expertise: "design, iot".into(),
            languages: "ar".into(),
            capacity: "4".into(),
            bio: String::new(),
            contact: String::new(),
        })),
        "mentoring/auto-assign" => {
            prepared(Call::of(&AutoAssignMentors { event_id: fx.event, seed: "2".into(), rebalance: None }))
        }
        "mentoring/assign" => prepared(Call::of(&AssignMentor {
            event_id: fx.event,
            team_id: fx.team2,
            mentor_id: fx.user(Mentor).to_string(),
        })),
        "sessions/offer" => {
            // After the hours `offer_slot` uses, before the event ends.
            let starts = chrono::Utc::now() + chrono::Duration::days(7) + chrono::Duration::hours(18);
            let fmt = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%dT%H:%M").to_string();
            prepared(Call::of(&OfferSlot {
                event_id: fx.event,
                starts_at: fmt(starts).to_string(),
                ends_at: fmt(starts + chrono::Duration::minutes(20)).to_string(),
                location: "Salle 9".into(),
            }))
        }
        "sessions/book" => {
            let slot = offer_slot(app, fx.client(Mentor), fx.event).await;
            Prepared { call: Call::of(&BookSlot { slot_id: slot }), actor: None, mark: slot.to_string() }
        }
        "sessions/cancel" => {
            let slot = offer_slot(app, fx.client(Mentor), fx.event).await;
            ok(&app.send(fx.client(Participant), &BookSlot { slot_id: slot }).await, "book");
            Prepared { call: Call::of(&CancelSlot { slot_id: slot }), actor: None, mark: slot.to_string() }
        }
        "sessions/notes" => {
            prepared(Call::of(&SessionNotes { slot_id: fx.slot, notes: "Bon travail".into(), attended: "yes".into() }))
        }
        "mentoring/my-day" => prepared(Call::of(&MyDay { event_id: fx.event })),
        "help/page" => prepared(Call::of(&HelpPage { event_id: fx.event, all: false })),
        "help/raise" => prepared(Call::of(&RaiseHelp {
            event_id: fx.event,
            topic: "Wi-Fi".into(),
            skill: String::new(),
            location: String::new(),
            description: String::new(),
        })),
        "help/claim" | "help/release" | "help/resolve" | "help/cancel" => {
            let raiser = if p == Captain { Captain } else { Participant };
            let id = raise_help(app, fx.client(raiser), fx.event).await;
            let mentor_holds = endpoint == "help/release" || (endpoint == "help/resolve" && p == Mentor);
            if mentor_holds {
                ok(&app.send(fx.client(Mentor), &ClaimHelp { request_id: id }).await, "claim");
            }
            let call = match endpoint {
                "help/claim" => Call::of(&ClaimHelp { request_id: id }),
                "help/release" => Call::of(&ReleaseHelp { request_id: id }),
                "help/resolve" => Call::of(&ResolveHelp { request_id: id }),
                _ => Call::of(&CancelHelp { request_id: id }),
            };
            Prepared { call, actor: None, mark: id.to_string() }
        }
        "help/assign" => {
            let id = raise_help(app, fx.client(Participant), fx.event).await;
            let call = Call::of(&HandHelp { request_id: id, mentor_id: fx.user(Mentor).to_string() });
            Prepared { call, actor: None, mark: id.to_string() }
        }
        "help/settings" => prepared(Call::of(&SaveHelpSettings { event_id: fx.event, claim_minutes: "25".into() })),
        "checkin/console" => prepared(Call::of(&CheckinConsole { event_id })),
        "rooms/console" => prepared(Call::of(&RoomsConsole { event_id })),
        "rooms/map" => prepared(Call::of(&RoomMap { event_id })),
        "rooms/save" => prepared(Call::of(&SaveRoom {
            event_id,
            room_id: 0,
            name: "Salle Ibn Battuta".into(),
            capacity: "12".into(),
        })),
        "rooms/remove" => {
            let id = new_room(app, fx).await;
            Prepared { call: Call::of(&RemoveRoom { event_id, room_id: id }), actor: None, mark: id.to_string() }
        }
        "rooms/place" => {
            let id = new_room(app, fx).await;
            let call =
                Call::of(&PlaceProject { event_id, project_id: fx.project, room_id: id, table_label: "P-7".into() });
            Prepared { call, actor: None, mark: id.to_string() }
        }
        "rooms/import" => {
            let id = new_room(app, fx).await;
            let name: String =
                sqlx::query_scalar("SELECT name FROM rooms WHERE id = $1").bind(id).fetch_one(pool).await.unwrap();
            let places = format!("code,room,table\nP{:03},{name},T-9", fx.project);
            Prepared { call: Call::of(&ImportPlaces { event_id, places }), actor: None, mark: id.to_string() }
        }
        "rooms/plan" => {
            let id = new_room(app, fx).await;
            let fields = [("event_id", event_id.to_string()), ("room_id", id.to_string())];
            Prepared { call: Call::plan(&fields, Some(("plan", png()))), actor: None, mark: id.to_string() }
        }
        "rooms/plan/remove" => {
            let id = new_room(app, fx).await;
            let fields = [("event_id", event_id.to_string()), ("room_id", id.to_string())];
            ok(&app.send_call(org, &Call::plan(&fields, Some(("plan", png())))).await, "floor plan");
            Prepared { call: Call::of(&RemoveRoomPlan { event_id, room_id: id }), actor: None, mark: id.to_string() }
        }
        "rooms/auto" => {
            new_room(app, fx).await;
            prepared(Call::of(&AutoPlace { event_id, again: Some("on".into()) }))
        }
        "slots/console" => {
            slotted_assignment(app, fx).await;
            prepared(Call::of(&SlotsConsole { event_id }))
        }
        "slots/generate" => prepared(Call::of(&slot_plan(event_id, "6"))),
        "slots/team" => {
            slotted_assignment(app, fx).await;
            prepared(Call::of(&TeamSlots { event_id }))
        }
        "slots/move" => {
            let (id, start) = slotted_assignment(app, fx).await;
            Prepared {
                call: Call::of(&MoveSlot { event_id, assignment_id: id }),
                actor: None,
                mark: format!("{id}/{start}"),
            }
        }
        "slots/clear" => {
            slotted_assignment(app, fx).await;
            prepared(Call::of(&ClearSlots { event_id }))
        }
        "checkin/mark" => prepared(Call::of(&MarkPresence { event_id, user_id: fx.user(Solo), present: "yes".into() })),
        "checkin/renew" => prepared(Call::of(&RenewCheckinCode { event_id })),
        "checkin/me" | "checkin/self" => {
            // The venue's current code, as its poster shows it.
            ok(&app.send(org, &RenewCheckinCode { event_id }).await, "check-in code");
            let code: String = sqlx::query_scalar("SELECT checkin_code FROM events WHERE id = $1")
                .bind(event_id)
                .fetch_one(pool)
                .await
                .unwrap();
            if endpoint == "checkin/me" {
                prepared(Call::of(&MyCheckin { event_id, code }))
            } else {
                prepared(Call::of(&CheckIn { event_id, code }))
            }
        }
        "judging/settings/save" => {
            let version = one(app, "SELECT version FROM judging_settings WHERE event_id = $1", fx.event).await;
            prepared(Call::of(&SaveJudgingSettings {
                event_id: fx.event,
                version,
                judges_per_project: "2".into(),
                hide_names: None,
                method: "raw".into(),
                disagreement: "30".into(),
                state: "open".into(),
            }))
        }
        "judging/rubric" => prepared(Call::of(&LoadRubric { event_id: fx.event, scope: 0 })),
        "judging/rubric/save" => prepared(Call::of(&SaveRubric {
            event_id: fx.event,
            scope: fx.track,
            version: 0,
            fields: map(&[("name_1_fr", "Impact"), ("weight_1", "2"), ("scale_1", "1-5")]),
        })),
        "judging/judges/add" => {
            prepared(Call::of(&AddJudge { event_id: fx.event, display_name: format!("Juge {}", seq()) }))
        }
        "judging/pass/reset" | "judging/judge/update" => {
            let (judge, _) = add_pass_judge(app, org, fx.event).await;
            let call = if endpoint == "judging/pass/reset" {
                Call::of(&ResetPass { event_id, user_id: judge, action: "renew".into() })
            } else {
                Call::of(&UpdateJudge {
                    event_id,
                    user_id: judge,
                    active: Some("on".into()),
                    track: fx.track.to_string(),
                    rooms: None,
                })
            };
            Prepared { call, actor: None, mark: judge.to_string() }
        }
        "judging/pass/show" | "judging/pass/extend" => {
            let (judge, _) = add_pass_judge(app, org, fx.event).await;
            let call = if endpoint == "judging/pass/extend" {
                Call::of(&ExtendPass { event_id, user_id: judge, days: "3".into() })
            } else {
                Call::of(&ShowPass { event_id, user_id: judge })
            };
            Prepared { call, actor: None, mark: judge.to_string() }
        }
        "teams/rename" => {
            prepared(Call::of(&RenameTeam { event_id: fx.event, team_id: fx.team2, team_name: "Borj Nord".into() }))
        }
        "admin/setup" => {
            // A set-up link as the server prepares one when it starts without an admin.
            let token = hakam::auth::bootstrap::random_token();
            sqlx::query(
                "INSERT INTO admin_bootstrap (id, token_hash, created_at, claimed_by, claimed_at) VALUES (1, $1, 0, NULL, NULL) \
                 ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash, claimed_by = NULL, claimed_at = NULL",
            )
            .bind(hakam::links::digest(&token))
            .execute(pool)
            .await
            .unwrap();
            prepared(Call::of(&ClaimAdmin { token: token.to_string() }))
        }
        "judging/assign" => prepared(Call::of(&RunAssignment {
            event_id: fx.event,
            seed: "3".into(),
            rebalance: None,
            present_only: None,
        })),
        "judging/extra" => {
            // A judge free to take the project.
            add_pass_judge(app, org, fx.event).await;
            prepared(Call::of(&AddExtraJudge { event_id: fx.event, project_id: fx.project }))
        }
        "judging/table" => {
            prepared(Call::of(&SetTable { event_id: fx.event, project_id: fx.project, table_label: "T-12".into() }))
        }
        "judging/pass/open" => prepared(Call::of(&OpenPass { token: fx.pass_token.clone() })),
        "judging/pass/join" => {
            prepared(Call::of(&JoinAsJudge { code: fx.open_judge_code.clone(), display_name: "Juge invité".into() }))
        }
        "judging/save" => {
            let version = one(app, "SELECT version FROM scores WHERE id = $1", fx.score).await;
            prepared(Call::of(&score_form(fx.event, fx.project, version)))
        }
        "judging/conflicts/save" => prepared(Call::of(&SaveConflicts { event_id, teams: map(&[(fx.team2, "on")]) })),
        "board/settings" => {
            let version: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version), 1) FROM boards WHERE event_id = $1")
                .bind(fx.event)
                .fetch_one(pool)
                .await
                .unwrap();
            prepared(Call::of(&SaveBoardSettings {
                event_id: fx.event,
                version,
                visibility: "public".into(),
                team_view: TeamViewInput { show_comments: None, show_rank: Some("on".into()), show_marks: None },
                top_n: "5".into(),
                rotate_seconds: "20".into(),
            }))
        }
        "board/freeze" => prepared(Call::of(&FreezeBoard { event_id: fx.event, frozen: "on".into() })),
        "board/publish" => prepared(Call::of(&PublishResults {
            event_id: fx.event,
            action: "publish".into(),
            reveal_mode: "ranking".into(),
        })),
        "board/reveal" => prepared(Call::of(&StepReveal { event_id: fx.event, direction: "next".into(), from: 0 })),
        "judging/sheets" => prepared(Call::of(&ScoreSheets { event_id, judge_id: 0 })),
        "judging/paper" => {
            let (rubric_id, mark) = current_rubric(app, fx).await;
            prepared(Call::of(&PaperEntry {
                event_id,
                judge_id: fx.user(Judge),
                project_id: fx.project,
                rubric_id,
                mark,
            }))
        }
        "judging/paper/save" => {
            let (rubric_id, mark) = current_rubric(app, fx).await;
            let version = one(app, "SELECT version FROM scores WHERE id = $1", fx.score).await;
            let mut form = score_form(fx.event, fx.project, version);
            form.sheet.notes = "Sur papier".into();
            let call = Call::of(&SavePaper {
                event_id,
                judge_id: fx.user(Judge),
                project_id: fx.project,
                rubric_id,
                mark,
                save_id: form.save_id.clone(),
                base_version: version,
                sheet: form.sheet,
            });
            Prepared { call, actor: None, mark: form.save_id }
        }
        "audience/console" => prepared(Call::of(&AudienceConsole { event_id })),
        "audience/settings" => {
            let version: i64 =
                sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM audience_settings WHERE event_id = $1")
                    .bind(fx.event)
                    .fetch_one(pool)
                    .await
                    .unwrap();
            prepared(Call::of(&SaveAudienceSettings {
                event_id,
                version,
                state: "open".into(),
                votes_each: "1".into(),
                tickets: Some("on".into()),
            }))
        }
        "audience/tickets" => prepared(Call::of(&MakeTickets { event_id, count: "3".into() })),
        "audience/print" => {
            // The organizer's own print run, of three tickets.
            ok(&app.send(org, &MakeTickets { event_id, count: "3".into() }).await, "print run");
            prepared(Call::of(&PrintTickets { event_id }))
        }
        "audience/void" => {
            let (number, _) = fresh_ticket(app, fx.event).await;
            Prepared {
                call: Call::of(&VoidTickets { event_id, numbers: number.to_string() }),
                actor: None,
                mark: number.to_string(),
            }
        }
        "audience/ballot" => prepared(Call::of(&Ballot { event_id })),
        "audience/vote" => {
            let project = vote_target(app, fx).await;
            Prepared {
                call: Call::of(&CastVote { event_id, project_id: project, tap: "choose".into() }),
                actor: None,
                mark: project.to_string(),
            }
        }
        "audience/ticket" => {
            let (number, code) = fresh_ticket(app, fx.event).await;
            Prepared { call: Call::of(&UseTicket { code }), actor: None, mark: number.to_string() }
        }
        "certificates/mine" | "certificates/all" | "certificates/verify" => {
            // Revealed in full: the reveal's remaining steps shown at once.
            sqlx::query("UPDATE boards SET reveal_mode = 'all' WHERE event_id = $1 AND published IS NOT NULL")
                .bind(fx.event)
                .execute(pool)
                .await
                .unwrap();
            match endpoint {
                "certificates/mine" => prepared(Call::of(&MyCertificate { event_id })),
                "certificates/all" => prepared(Call::of(&AllCertificates { event_id })),
                _ => {
                    ok(&app.send(org, &AllCertificates { event_id }).await, "certificates");
                    let code: String =
                        sqlx::query_scalar("SELECT code FROM certificates WHERE event_id = $1 AND user_id = $2")
                            .bind(fx.event)
                            .bind(fx.user(Participant))
                            .fetch_one(pool)
                            .await
                            .unwrap();
                    Prepared { call: Call::of(&VerifyCertificate { code: code.clone() }), actor: None, mark: code }
                }
            }
        }
        "stage/console" => prepared(Call::of(&StageConsole { event_id })),
        "stage/length" => prepared(Call::of(&SavePitchLength { event_id, length: "4:30".into() })),
        "stage/put" => {
            sqlx::query("UPDATE stages SET project_id = NULL WHERE event_id = $1")
                .bind(fx.event)
                .execute(pool)
                .await
                .unwrap();
            prepared(Call::of(&PutOnStage { event_id, project_id: fx.project }))
        }
        "stage/clock" => {
            ok(&app.send(org, &PutOnStage { event_id, project_id: fx.project }).await, "on stage");
            sqlx::query("UPDATE stages SET ends_at = NULL, left_ms = NULL WHERE event_id = $1")
                .bind(fx.event)
                .execute(pool)
                .await
                .unwrap();
            prepared(Call::of(&TapClock { event_id, tap: "start".into() }))
        }
        "board/announce" => prepared(Call::of(&PostAnnouncement {
            event_id: fx.event,
            body_ar: String::new(),
            body_fr: "Pause café".into(),
            body_en: String::new(),
            public: None,
        })),
        "board/announce/retire" => {
            let id = announce(app, org, fx.event).await;
            Prepared {
                call: Call::of(&RetireAnnouncement { event_id: fx.event, announcement_id: id }),
                actor: None,
                mark: id.to_string(),
            }
        }
        "console/import/stage" => prepared(Call::of(&StageImport {
            event_id: fx.event,
            kind: "mentors".into(),
            csv_text: format!("name,email\nYoussef,y{}@example.ma\n", seq()),
        })),
        "console/import/batch" => prepared(Call::of(&ImportBatch { event_id: fx.event, batch: Some(fx.batch) })),
        "console/import/commit" => {
            let batch = stage_batch(app, org, fx.event).await;
            Prepared {
                call: Call::of(&CommitImport { event_id: fx.event, batch }),
                actor: None,
                mark: batch.to_string(),
            }
        }
        other => panic!("the matrix has no form for {other}"),
    }
}

/// The effect an allowed call must have had; `Err` says what is missing. Reads are checked
/// for one thing only the right caller may see where that is cheap.
async fn effect(
    app: &TestApp,
    fx: &Fixture,
    endpoint: &str,
    p: Persona,
    prep: &Prepared,
    caller: &Client,
    reply: &Reply,
) -> Result<(), String> {
    let pool = &app.state.db.pool;
    let id: i64 = prep.mark.parse().unwrap_or(0);
    let count = |sql: &'static str, bind: i64| async move {
        sqlx::query_scalar::<_, i64>(sql).bind(bind).fetch_one(pool).await.unwrap()
    };
    let in_open = |role: &'static str| async move {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM event_roles WHERE role = $1 AND event_id = $2 AND user_id = $3",
        )
        .bind(role)
        .bind(fx.open_event)
        .bind(fx.user(p))
        .fetch_one(pool)
        .await
        .unwrap()
    };
    let expect = |ok: bool, what: &str| if ok { Ok(()) } else { Err(what.to_owned()) };
    let body = &reply.body;
    match endpoint {
        "auth/me" => {
            let me = reply.json();
            expect(if p == Anonymous { me.is_null() } else { me["id"] == fx.user(p) }, "auth/me names the caller")
        }
        "auth/signup" | "invites/signup-accept" => expect(app.me(caller).await["email"] == prep.mark.as_str(), "signed in as the new account"),
        "auth/login" => expect(app.me(caller).await["id"] == fx.user(Participant), "signed in as the account"),
        "auth/logout" => expect(app.me(caller).await.is_null(), "signed out"),
        "events/list" | "events/page" | "events/form" => expect(body.contains("Hackathon Berkane"), "the event is listed"),
        "events/create" => expect(count("SELECT COUNT(*) FROM events WHERE created_by = $1", fx.user(p)).await > 0, "an event of the caller exists"),
        "events/update" => expect(count("SELECT COUNT(*) FROM events WHERE id = $1 AND venue = 'Oujda'", fx.event).await == 1, "venue updated"),
        "events/add-track" => expect(count("SELECT COUNT(*) FROM tracks WHERE event_id = $1", fx.event).await >= 2, "track added"),
        "events/remove-track" => expect(count("SELECT COUNT(*) FROM tracks WHERE id = $1", id).await == 0, "track removed"),
        "events/add-organizer" => expect(count("SELECT COUNT(*) FROM event_roles WHERE role = 'organizer' AND user_id = $1", id).await == 1, "organizer granted"),
        "events/archive" => {
            let archived = count("SELECT COUNT(*) FROM events WHERE archived_at IS NOT NULL AND id = $1", fx.event).await == 1;
            // Unarchived back, since every case after this one writes to the event.
            let back = app.send(fx.client(Organizer), &UnarchiveEvent { event_id: fx.event }).await;
            expect(archived && back.status.is_success(), "event archived (and back)")
        }
        "events/unarchive" => expect(count("SELECT COUNT(*) FROM events WHERE archived_at IS NULL AND id = $1", fx.event).await == 1, "event unarchived"),
        "events/delete" => expect(count("SELECT COUNT(*) FROM events WHERE id = $1", id).await == 0, "event deleted"),
        "events/remove-role" => expect(count("SELECT COUNT(*) FROM event_roles WHERE role = 'mentor' AND user_id = $1", id).await == 0 && count("SELECT COUNT(*) FROM role_removals WHERE role = 'mentor' AND user_id = $1", id).await == 1, "mentor removed"),
        "events/retire-judge" => expect(count("SELECT COUNT(*) FROM event_roles WHERE role = 'judge' AND retired_at IS NOT NULL AND user_id = $1", id).await == 1, "judge retired"),
        "events/join" => expect(in_open("participant").await == 1, "joined"),
        "invites/create" => expect(count("SELECT COUNT(*) FROM invites WHERE event_id = $1 AND role = 'judge'", fx.event).await >= 2, "invite created"),
        "invites/list" => expect(body.contains(&fx.invite_code), "the event's invites are listed"),
        "invites/revoke" => expect(count("SELECT COUNT(*) FROM invites WHERE id = $1 AND revoked_at IS NOT NULL", id).await == 1, "invite revoked"),
        "invites/info" => expect(body.contains("Hackathon Berkane"), "invite names its event"),
        "invites/accept" => expect(in_open("mentor").await == 1, "role granted"),
        "admin/users" => expect(body.contains(&fx.emails[&Organizer]), "accounts listed"),
        "admin/set-creator" => expect(count("SELECT can_create_events FROM users WHERE id = $1", id).await == 1, "right granted"),
        "admin/reset-link" => expect(
            count("SELECT COUNT(*) FROM password_resets WHERE used_at IS NULL AND user_id = $1", id).await == 1
                && reply.json()["url"].as_str().is_some_and(|u| u.contains("/reset/")),
            "a reset link issued to the admin",
        ),
        "account/reset" => expect(count("SELECT COUNT(*) FROM password_resets WHERE used_at IS NOT NULL AND user_id = $1", id).await == 1, "the link used"),
        "account/forgot" => expect(
            count("SELECT COUNT(*) FROM reset_mailings WHERE user_id = $1", id).await == 1
                && count("SELECT COUNT(*) FROM password_resets WHERE used_at IS NULL AND user_id = $1", id).await == 1,
            "a link issued for the account and mailed",
        ),
        "account/page" => expect(reply.json()["email"] == fx.emails[&p].as_str(), "the caller's own account"),
        "account/profile" => expect(
            count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.profile_updated' AND actor_id = $1", id).await == 1,
            "profile saved",
        ),
        "account/password" | "account/sign-out-everywhere" => {
            let me = app.me(caller).await;
            let this_one = if endpoint == "account/password" { me["id"] == fx.user(p) } else { me.is_null() };
            let others_ended = app.me(fx.client(p)).await.is_null();
            // The persona's own session is signed in again for the cases that follow.
            let again = app.login(fx.client(p), &fx.emails[&p], PASSWORD).await;
            expect(
                this_one && others_ended && (again.status.is_success() || again.status.is_redirection()),
                "this session kept (password) or ended (everywhere), the persona's other session ended",
            )
        }
        "account/delete" => expect(
            count("SELECT COUNT(*) FROM users WHERE deleted_at IS NOT NULL AND id = $1", id).await == 1
                && app.me(caller).await.is_null(),
            "the account deleted and its session ended",
        ),
        "account/privacy" => expect(reply.json()["session_idle_minutes"] == 60, "the server's retention settings"),
        "teams/page" => expect(p == Solo || body.contains("Atlas"), "the caller's team shown"),
        "teams/save-profile" => expect(count("SELECT COUNT(*) FROM profiles WHERE bio = 'Salam' AND user_id = $1", fx.user(p)).await == 1, "profile saved"),
        "teams/create" => expect(count("SELECT COUNT(*) FROM team_members WHERE user_id = $1", id).await == 1, "in a team"),
        "teams/join" => {
            let seated = count("SELECT COUNT(*) FROM team_members WHERE user_id = $1", id).await == 1;
            let roles: Vec<String> = sqlx::query_scalar("SELECT role FROM event_roles WHERE event_id = $1 AND user_id = $2")
                .bind(fx.event)
                .bind(id)
                .fetch_all(&app.state.db.pool)
                .await
                .unwrap();
            expect(seated && roles == ["participant"], "in a team, as a participant and nothing else")
        }
        "teams/join-info" => expect(body.contains("Atlas"), "team named"),
        "teams/request" => expect(count("SELECT COUNT(*) FROM join_requests WHERE status = 'pending' AND user_id = $1", id).await == 1, "request pending"),
        "teams/decide" => expect(count("SELECT COUNT(*) FROM join_requests WHERE status = 'declined' AND id = $1", id).await == 1, "request declined"),
        "teams/leave" | "teams/remove-member" => expect(count("SELECT COUNT(*) FROM team_members WHERE user_id = $1", id).await == 0, "no longer a member"),
        "teams/make-captain" => {
            let captain = count("SELECT COALESCE(MAX(captain_id), 0) FROM teams WHERE id = $1", fx.team).await;
            // Hands captaincy back so the captain persona stays the captain.
            let back = app.send(fx.client(Participant), &MakeCaptain { team_id: fx.team, user_id: fx.user(Captain) }).await;
            expect(captain == fx.user(Participant) && back.status.is_success(), "captaincy moved (and back)")
        }
        "teams/update" => expect(count("SELECT COUNT(*) FROM teams WHERE track_id IS NOT NULL AND id = $1", fx.team).await == 1, "team updated"),
        "teams/set-skills" => expect(count("SELECT COUNT(*) FROM events WHERE skills LIKE '%iot%' AND id = $1", fx.event).await == 1, "skills set"),
        "teams/overview" | "projects/list" | "mentoring/overview" => expect(body.contains("Atlas"), "teams listed"),
        "teams/move" => expect(count("SELECT COALESCE(MAX(team_id), 0) FROM team_members WHERE user_id = $1", id).await == fx.team2, "moved"),
        "teams/lock" => expect(audited(app, fx.event, "teams.lock_set").await, "lock recorded"),
        "teams/auto-form" => expect(audited(app, fx.event, "teams.auto_formed").await, "run recorded"),
        "teams/dissolve" => expect(count("SELECT COUNT(*) FROM teams WHERE id = $1", id).await == 0, "team gone"),
        "projects/page" | "projects/detail" | "judging/desk" => expect(body.contains("Saqia"), "project shown"),
        "projects/save" => expect(count("SELECT COUNT(*) FROM project_history WHERE project_id = $1", fx.project).await >= 2, "project saved"),
        "projects/upload" => expect(count("SELECT COUNT(*) FROM screenshots WHERE uploaded_by = $1", fx.user(p)).await >= 1, "screenshot stored"),
        "projects/remove-screenshot" => expect(count("SELECT COUNT(*) FROM screenshots WHERE id = $1", id).await == 0, "screenshot removed"),
        "projects/extend" => expect(count("SELECT COUNT(*) FROM teams WHERE deadline_extended_to IS NOT NULL AND id = $1", fx.team2).await == 1, "deadline extended"),
        "mentoring/profile" => expect(body.contains("design"), "own profile shown"),
        "mentoring/save-profile" => expect(count("SELECT COALESCE(MAX(capacity), 0) FROM mentor_profiles WHERE user_id = $1", fx.user(Mentor)).await == 4, "profile saved"),
        "mentoring/auto-assign" => expect(audited(app, fx.event, "mentoring.auto_assigned").await, "run recorded"),
        "mentoring/assign" => expect(count("SELECT COALESCE(MAX(mentor_id), 0) FROM mentor_assignments WHERE team_id = $1", fx.team2).await == fx.user(Mentor), "mentor assigned"),
        "sessions/offer" => expect(count("SELECT COUNT(*) FROM mentor_slots WHERE location = 'Salle 9' AND mentor_id = $1", fx.user(Mentor)).await == 1, "slot offered"),
        "sessions/book" => expect(count("SELECT COALESCE(team_id, 0) FROM mentor_slots WHERE id = $1", id).await == fx.team, "slot booked"),
        "sessions/cancel" => {
            let left = count("SELECT COUNT(*) FROM mentor_slots WHERE team_id IS NOT NULL AND id = $1", id).await;
            let exists = count("SELECT COUNT(*) FROM mentor_slots WHERE id = $1", id).await;
            expect(left == 0 && (exists == 0) == matches!(p, Mentor | Organizer), "booking cancelled (slot removed by its mentor or an organizer)")
        }
        "sessions/notes" => expect(count("SELECT COUNT(*) FROM mentor_bookings WHERE notes = 'Bon travail' AND cancelled_at IS NULL AND slot_id = $1", fx.slot).await == 1, "notes saved"),
        "sessions/list" => expect(body.contains("Salle 2"), "slots listed"),
        "mentoring/my-day" => expect(body.contains("Salle 2") && body.contains("Atlas"), "the mentor's sessions shown"),
        "help/page" => expect(p == Solo || body.contains("Capteur"), "requests shown"),
        "help/raise" => expect(count("SELECT COUNT(*) FROM help_requests WHERE topic = 'Wi-Fi' AND created_by = $1", fx.user(p)).await == 1, "request raised"),
        "help/claim" => {
            let claimed = count("SELECT COUNT(*) FROM help_requests WHERE status = 'claimed' AND id = $1", id).await == 1;
            // Handed back: a mentor holds one request at a time.
            let back = app.send(fx.client(Mentor), &ReleaseHelp { request_id: id }).await;
            expect(claimed && back.status.is_success(), "request claimed")
        }
        "help/release" => expect(count("SELECT COUNT(*) FROM help_requests WHERE status = 'open' AND id = $1", id).await == 1, "request released"),
        "help/resolve" => expect(count("SELECT COUNT(*) FROM help_requests WHERE status = 'resolved' AND id = $1", id).await == 1, "request resolved"),
        "help/cancel" => expect(count("SELECT COUNT(*) FROM help_requests WHERE status = 'cancelled' AND id = $1", id).await == 1, "request cancelled"),
        "help/assign" => {
            let handed = count("SELECT COALESCE(MAX(claimed_by), 0) FROM help_requests WHERE status = 'claimed' AND id = $1", id).await == fx.user(Mentor);
            // Handed back: a mentor holds one request at a time.
            let back = app.send(fx.client(Mentor), &ReleaseHelp { request_id: id }).await;
            expect(handed && back.status.is_success(), "request handed to the mentor")
        }
        "help/settings" => expect(count("SELECT help_claim_minutes FROM events WHERE id = $1", fx.event).await == 25, "claim limit saved"),
        "checkin/console" => expect(body.contains("Atlas") && body.contains("summary"), "the list shown"),
        "rooms/console" => expect(
            reply.json()["projects"].as_array().is_some_and(|ps| ps.iter().any(|x| x["project_id"] == fx.project)),
            "the projects listed",
        ),
        "rooms/map" => expect(
            reply.json()["rooms"].as_array().is_some_and(|rs| rs.iter().any(|r| r["tables"].as_array().is_some_and(|t| !t.is_empty()))),
            "the map drawn",
        ),
        "slots/console" => expect(
            reply.json()["lines"].as_array().is_some_and(|l| l.iter().any(|l| l["time"].as_str().is_some_and(|t| t.contains('–')))),
            "the slots listed with their times",
        ),
        "slots/generate" => expect(
            count("SELECT COUNT(*) FROM pitch_plans WHERE pitch_seconds = 360 AND event_id = $1", fx.event).await == 1
                && count("SELECT COUNT(*) FROM judge_assignments WHERE slot_start IS NOT NULL AND event_id = $1", fx.event).await > 0
                && audited(app, fx.event, "slots.generated").await,
            "the schedule made",
        ),
        "slots/team" => {
            let slots = reply.json()["slots"].as_array().cloned().unwrap_or_default();
            // The fixture's solo participant has no team, so no slot.
            let want = if p == Solo { slots.is_empty() } else { !slots.is_empty() && slots.iter().all(|s| s["time"].as_str().is_some_and(|t| t.contains('–'))) };
            expect(want, "the team's slots shown")
        }
        "slots/move" => {
            let (id, start) = prep.mark.split_once('/').map(|(a, b)| (a.parse().unwrap_or(0), b.parse().unwrap_or(0))).unwrap_or((0, 0));
            let now: i64 = sqlx::query_scalar("SELECT COALESCE(slot_start, 0) FROM judge_assignments WHERE id = $1").bind(id).fetch_one(pool).await.unwrap();
            expect(now > start && audited(app, fx.event, "slots.moved").await, "the slot moved later")
        }
        "slots/clear" => expect(
            count(
                "SELECT COUNT(*) FROM judge_assignments a WHERE a.event_id = $1 AND a.slot_start IS NOT NULL AND NOT EXISTS \
                 (SELECT 1 FROM scores s WHERE s.project_id = a.project_id AND s.judge_id = a.judge_id AND s.status <> 'draft')",
                fx.event,
            )
            .await
                == 0
                && audited(app, fx.event, "slots.cleared").await,
            "the slots not judged cleared",
        ),
        "rooms/save" => expect(count("SELECT COUNT(*) FROM rooms WHERE capacity = 12 AND event_id = $1", fx.event).await == 1, "room added"),
        "rooms/remove" => expect(count("SELECT COUNT(*) FROM rooms WHERE id = $1", id).await == 0, "room removed"),
        "rooms/place" => expect(count("SELECT COUNT(*) FROM projects WHERE table_label = 'P-7' AND room_id = $1", id).await == 1, "project placed"),
        "rooms/import" => expect(
            count("SELECT COUNT(*) FROM projects WHERE table_label = 'T-9' AND room_id = $1", id).await == 1
                && audited(app, fx.event, "room.imported").await,
            "the listed project placed",
        ),
        "rooms/plan" => expect(
            count("SELECT COUNT(*) FROM rooms WHERE plan_type = 'image/png' AND id = $1", id).await == 1
                && audited(app, fx.event, "room.plan_set").await,
            "the floor plan stored",
        ),
        "rooms/plan/remove" => expect(
            count("SELECT COUNT(*) FROM rooms WHERE plan_data IS NULL AND plan_type IS NULL AND id = $1", id).await == 1,
            "the floor plan taken away",
        ),
        "rooms/auto" => expect(
            count("SELECT COUNT(*) FROM projects WHERE status = 'submitted' AND room_id IS NULL AND event_id = $1", fx.event).await == 0
                && audited(app, fx.event, "room.auto_placed").await,
            "projects placed",
        ),
        "checkin/mark" => expect(count("SELECT COUNT(*) FROM checkins WHERE checked_by IS NOT NULL AND user_id = $1", fx.user(Solo)).await == 1, "participant ticked in"),
        "checkin/renew" => expect(count("SELECT COUNT(*) FROM events WHERE checkin_code IS NOT NULL AND id = $1", fx.event).await == 1, "code made"),
        "checkin/me" => expect(reply.json()["code_ok"] == true, "the code recognized"),
        "checkin/self" => expect(checked_in(app, fx.event, fx.user(p)).await, "checked in"),
        "judging/settings/save" => expect(count("SELECT disagreement FROM judging_settings WHERE event_id = $1", fx.event).await == 30, "settings saved"),
        "judging/rubric/save" => expect(count("SELECT COUNT(*) FROM rubrics WHERE event_id = $1 AND scope <> 0", fx.event).await == 1, "track rubric saved"),
        "judging/judges/add" => expect(count("SELECT COUNT(*) FROM event_roles WHERE role = 'judge' AND event_id = $1", fx.event).await >= 3, "judge added"),
        "judging/pass/reset" => expect(
            count("SELECT COUNT(*) FROM judge_passes WHERE revoked_at IS NULL AND user_id = $1", id).await == 1
                && count("SELECT COUNT(*) FROM judge_passes WHERE revoked_at IS NOT NULL AND user_id = $1", id).await == 1,
            "old pass revoked, new one issued",
        ),
        "judging/judge/update" => expect(count("SELECT COUNT(*) FROM judge_profiles WHERE user_id = $1", id).await == 1, "judge updated"),
        "judging/pass/show" => expect(
            reply.json()["url"].as_str().is_some_and(|u| u.contains("/pass/"))
                && count("SELECT COUNT(*) FROM judge_passes WHERE rotated_at IS NOT NULL AND user_id = $1", id).await == 1,
            "the pass's link shown with a new secret",
        ),
        "judging/pass/extend" => expect(audited(app, fx.event, "judge.pass_extended").await, "pass extended"),
        "teams/rename" => {
            let renamed = count("SELECT COUNT(*) FROM teams WHERE name = 'Borj Nord' AND id = $1", fx.team2).await == 1;
            // Named back, since other cases look the team up by its name.
            let back = app.send(fx.client(Organizer), &RenameTeam { event_id: fx.event, team_id: fx.team2, team_name: "Borj".into() }).await;
            expect(renamed && back.status.is_success(), "team renamed (and back)")
        }
        "admin/setup" => expect(count("SELECT COUNT(*) FROM users WHERE is_admin = 1 AND id = $1", fx.user(p)).await == 1, "the caller is a platform admin"),
        "judging/assign" => expect(audited(app, fx.event, "judging.assigned").await, "run recorded"),
        "judging/extra" => expect(audited(app, fx.event, "judging.extra_judge").await, "extra judge recorded"),
        "judging/table" => expect(count("SELECT COUNT(*) FROM projects WHERE table_label = 'T-12' AND id = $1", fx.project).await == 1, "table set"),
        "judging/pass/open" => expect(app.me(caller).await["id"] == fx.pass_judge, "signed in as the pass judge"),
        "judging/pass/join" => expect(app.me(caller).await["email"].as_str().is_some_and(|m| m.ends_with("@pass.invalid")), "signed in as a new pass judge"),
        "judging/save" => expect(count("SELECT version FROM scores WHERE id = $1", fx.score).await >= 2, "score saved"),
        "judging/conflicts" => expect(body.contains("Borj"), "teams listed"),
        "judging/conflicts/save" => expect(count("SELECT COUNT(*) FROM judge_conflicts WHERE team_id = $1", fx.team2).await == 1, "conflict declared"),
        "judging/results" | "judging/console" => expect(body.contains("Saqia"), "projects shown"),
        "board/settings" => expect(count("SELECT COALESCE(MAX(top_n), 0) FROM boards WHERE event_id = $1", fx.event).await == 5, "settings saved"),
        "board/freeze" => expect(count("SELECT COUNT(*) FROM boards WHERE frozen IS NOT NULL AND event_id = $1", fx.event).await == 1, "board frozen"),
        "board/publish" => expect(count("SELECT COUNT(*) FROM boards WHERE published IS NOT NULL AND event_id = $1", fx.event).await == 1, "results published"),
        "board/reveal" => expect(count("SELECT COALESCE(MAX(reveal_step), 0) FROM boards WHERE event_id = $1", fx.event).await == 1, "reveal moved"),
        "judging/sheets" | "judging/paper" => expect(body.contains("Saqia"), "the sheet shown"),
        "judging/paper/save" => {
            let by: Option<i64> = sqlx::query_scalar("SELECT entered_by FROM score_saves WHERE save_id = $1 AND outcome = 'applied'")
                .bind(&prep.mark)
                .fetch_optional(pool)
                .await
                .unwrap()
                .flatten();
            expect(by == Some(fx.user(Organizer)), "sheet keyed in, by the organizer")
        }
        "audience/console" => expect(body.contains("Saqia"), "tally shown"),
        "audience/settings" => expect(count("SELECT COUNT(*) FROM audience_settings WHERE state = 'open' AND tickets = 1 AND event_id = $1", fx.event).await == 1, "vote opened"),
        "audience/tickets" => expect(count("SELECT COUNT(*) FROM audience_tickets WHERE event_id = $1", fx.event).await >= 3, "tickets made"),
        "audience/print" => expect(body.matches("/vote/").count() == 3, "the print run shown"),
        "audience/void" => expect(count("SELECT COUNT(*) FROM audience_tickets WHERE voided_at IS NOT NULL AND number = $1", id).await == 1, "ticket voided"),
        "audience/ballot" => expect(body.contains("Saqia") && body.contains("\"state\":\"open\""), "ballot shown"),
        "audience/vote" => {
            let voter = format!("u{}", fx.user(p));
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audience_votes WHERE voter = $1 AND project_id = $2")
                .bind(voter)
                .bind(id)
                .fetch_one(pool)
                .await
                .unwrap();
            expect(n == 1, "vote cast")
        }
        "audience/ticket" => expect(
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audience_tickets WHERE redeemed_at IS NOT NULL AND number = $1 AND event_id = $2")
                .bind(id)
                .bind(fx.event)
                .fetch_one(pool)
                .await
                .unwrap()
                == 1,
            "ticket used",
        ),
        "certificates/mine" => expect(
            count("SELECT COUNT(*) FROM certificates WHERE user_id = $1", fx.user(p)).await == 1
                && body.contains("Hackathon Berkane"),
            "the caller's certificate",
        ),
        "certificates/all" => expect(body.contains("Saqia") && body.matches("\"code\"").count() >= 3, "every participant's certificate"),
        "certificates/verify" => expect(body.contains(&prep.mark) && body.contains("Hackathon Berkane"), "the certificate checked"),
        "stage/console" => expect(body.contains("Saqia"), "the line-up shown"),
        "stage/length" => expect(count("SELECT COALESCE(MAX(pitch_seconds), 0) FROM stages WHERE event_id = $1", fx.event).await == 270, "length saved"),
        "stage/put" => expect(count("SELECT COALESCE(MAX(project_id), 0) FROM stages WHERE event_id = $1", fx.event).await == fx.project, "project on stage"),
        "stage/clock" => expect(count("SELECT COUNT(*) FROM stages WHERE ends_at IS NOT NULL AND event_id = $1", fx.event).await == 1, "timer started"),
        "board/announce" => expect(count("SELECT COUNT(*) FROM announcements WHERE body_fr = 'Pause café' AND event_id = $1", fx.event).await == 1, "announcement posted"),
        "board/announce/retire" => expect(count("SELECT COUNT(*) FROM announcements WHERE retired_at IS NOT NULL AND id = $1", id).await == 1, "announcement retired"),
        "board/announcements" => {
            // Everyone may ask; only the event's people are told.
            let member = EVENT_PEOPLE.contains(&p);
            let json = reply.json();
            let items = json["items"].as_array().map(|a| a.len()).unwrap_or(0);
            expect(json["member"] == member && (items > 0) == member, "announcements only for the event's people")
        }
        "console/dashboard" => expect(body.contains("Hackathon Berkane"), "dashboard of the event"),
        "console/import/stage" => expect(count("SELECT COUNT(*) FROM imports WHERE kind = 'mentors' AND event_id = $1", fx.event).await == 1, "batch staged"),
        "console/import/batch" => expect(body.contains("Amina"), "batch shown"),
        "console/import/commit" => expect(count("SELECT COUNT(*) FROM imports WHERE committed_at IS NOT NULL AND id = $1", id).await == 1, "batch committed"),
        _ => Ok(()),
    }
}

fn refused_status(p: Persona) -> StatusCode {
    if p == Anonymous {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::FORBIDDEN
    }
}

fn short(body: &str) -> String {
    body.chars().take(160).collect()
}

/// Runs one case: the refused personas first (with the first allowed persona's ids, checking
/// that nothing changed), then every allowed persona.
async fn run_case(
    app: &TestApp,
    fx: &Fixture,
    endpoint: &str,
    allowed: &[Persona],
    skip: &[Persona],
    failures: &mut Vec<String>,
) {
    let first = allowed.first().copied().unwrap_or(Organizer);
    let base = prepare(app, fx, endpoint, first).await;
    // The case is named by its endpoint; its call is built from the function's own type.
    assert_eq!(base.call.path.strip_prefix("/api/"), Some(endpoint), "the matrix's call for {endpoint}");
    let refused: Vec<Persona> =
        EVERYONE.iter().copied().filter(|p| !allowed.contains(p) && !skip.contains(p)).collect();
    if !refused.is_empty() {
        let before = snapshot(app).await;
        for p in &refused {
            let reply = app.send_call(fx.client(*p), &base.call).await;
            if reply.status != refused_status(*p) {
                failures.push(format!(
                    "{endpoint} as {p:?}: expected {}, got {} {}",
                    refused_status(*p),
                    reply.status,
                    short(&reply.body)
                ));
            }
        }
        let after = snapshot(app).await;
        let diff = changed(&before, &after);
        if !diff.is_empty() {
            failures.push(format!("{endpoint}: refused calls changed {}", diff.join("; ")));
        }
    }
    let mut base = Some(base);
    for p in allowed {
        let prep = match base.take() {
            Some(b) => b,
            None => prepare(app, fx, endpoint, *p).await,
        };
        let twin;
        let caller = match &prep.actor {
            Some(actor) => actor,
            None if SESSION_CHANGING.contains(&endpoint) => {
                twin = fx.twin(app, *p).await;
                &twin
            }
            None => fx.client(*p),
        };
        let reply = app.send_call(caller, &prep.call).await;
        if !(reply.status.is_success() || reply.status.is_redirection()) {
            failures.push(format!(
                "{endpoint} as {p:?}: expected success, got {} {}",
                reply.status,
                short(&reply.body)
            ));
        } else if let Err(what) = effect(app, fx, endpoint, *p, &prep, caller, &reply).await {
            failures.push(format!("{endpoint} as {p:?}: answered {} but {what} did not happen", reply.status));
        }
    }
}

/// The plain (non-server-function) routes: (route as registered, who may GET it, the path
/// with the fixture's ids). A screenshot refused to a signed-in stranger answers 404, as if it
/// did not exist.
fn routes(fx: &Fixture) -> Vec<(&'static str, &'static [Persona], String)> {
    let e = fx.event;
    vec![
        ("/healthz", EVERYONE, "/healthz".into()),
        ("/lang/{code}", EVERYONE, "/lang/fr?next=/".into()),
        // The desk's service worker and manifest: the same for everyone, no one's data.
        ("/sw.js", EVERYONE, "/sw.js".into()),
        ("/events/{id}/desk.webmanifest", EVERYONE, format!("/events/{e}/desk.webmanifest?lang=fr")),
        ("/uploads/{file}", &[Participant, Captain, Organizer], format!("/uploads/{}", fx.screenshot_file)),
        ("/events/{id}/live", EVENT_PEOPLE, format!("/events/{e}/live")),
        ("/events/{id}/board/live", EVERYONE, format!("/events/{e}/board/live")),
        ("/events/{id}/sessions.csv", ORGANIZER, format!("/events/{e}/sessions.csv")),
        ("/events/{id}/checkins.csv", ORGANIZER, format!("/events/{e}/checkins.csv")),
        // A room's floor plan: the organizers and judges who walk the hall.
        ("/events/{id}/rooms/{room}/plan", &[Judge, Organizer], format!("/events/{e}/rooms/{}/plan", fx.room)),
        ("/events/{id}/teams.csv", ORGANIZER, format!("/events/{e}/teams.csv")),
        ("/events/{id}/submissions.csv", ORGANIZER, format!("/events/{e}/submissions.csv")),
        ("/events/{id}/scores.csv", ORGANIZER, format!("/events/{e}/scores.csv?by=project")),
        ("/events/{id}/ranking.csv", ORGANIZER, format!("/events/{e}/ranking.csv")),
        ("/events/{id}/export.zip", ORGANIZER, format!("/events/{e}/export.zip")),
        // Each account's own data; a judge's phone-link session is refused (privacy.rs).
        ("/account/data.json", SIGNED_IN, "/account/data.json".into()),
        // The privacy notice (a page, like the one below).
        ("/privacy", EVERYONE, "/privacy".into()),
        // The judge's link page: opening it shows a button and signs no one in by itself.
        ("/pass/{token}", EVERYONE, format!("/pass/{}", fx.pass_token)),
    ]
}

/// What an allowed GET must have returned.
async fn route_effect(app: &TestApp, fx: &Fixture, route: &str, p: Persona, body: Option<&str>) -> Result<(), String> {
    let has = |s: &str| body.is_some_and(|b| b.contains(s));
    let ok = match route {
        "/uploads/{file}" => body.is_some_and(|b| b.len() >= 8),
        "/sw.js" => has("hakam-files-") && !has("__VERSION__"),
        "/events/{id}/desk.webmanifest" => {
            has(&format!("\"start_url\":\"/events/{}/judge\"", fx.event)) && has("Notation")
        }
        "/events/{id}/teams.csv" => has("Atlas"),
        // The fixture's plan is a PNG: its signature's letters survive reading it as text.
        "/events/{id}/rooms/{room}/plan" => has("PNG"),
        "/events/{id}/sessions.csv" => has("Salle 2"),
        "/events/{id}/checkins.csv" => has("Atlas"),
        "/events/{id}/submissions.csv" | "/events/{id}/scores.csv" | "/events/{id}/ranking.csv" => has("Saqia"),
        "/events/{id}/export.zip" => {
            body.is_some_and(|b| b.starts_with("PK")) && has("ranking.csv") && has(&fx.screenshot_file)
        }
        "/account/data.json" => {
            let data: serde_json::Value = body.and_then(|b| serde_json::from_str(b).ok()).unwrap_or_default();
            // Quoted: "organizer.m@…" is inside "otherorganizer.m@…".
            let others = fx.emails.iter().filter(|(q, _)| **q != p).any(|(_, email)| has(&format!("\"{email}\"")));
            data["account"]["email"] == fx.emails[&p].as_str() && !others
        }
        // In the language each persona chose on the switch above.
        "/privacy" => has("09-08"),
        "/pass/{token}" => {
            let me = app.me(fx.client(p)).await;
            if p == Anonymous {
                me.is_null()
            } else {
                me["id"] == fx.user(p)
            }
        }
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{route} as {p:?}: answered but not with its content"))
    }
}

/// The routes registered in the server's source: every `.route("…"` of `src/`, but the
/// server-function mount.
fn registered_routes() -> BTreeSet<String> {
    fn walk(dir: &std::path::Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for piece in text.split(".route(").skip(1) {
                    let piece = piece.trim_start();
                    if let Some(rest) = piece.strip_prefix('"') {
                        if let Some(end) = rest.find('"') {
                            out.insert(rest[..end].to_owned());
                        }
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out.remove("/api/{*fn_name}");
    out
}

async fn matrix_app() -> (TestApp, Fixture) {
    // With a mail server, so the door that mails reset links is open and can be proven.
    let sink = MailSink::start().await;
    let mail = sink.config();
    let app = spawn_app_with(move |c| c.mail = Some(mail)).await;
    let admin = user_agent();
    app.signup_admin(&admin, "Admin", "admin@example.ma").await;
    let fx = Fixture::build(&app, "m", &admin).await;
    (app, fx)
}

#[tokio::test]
async fn every_server_function_enforces_its_policy() {
    let (app, fx) = matrix_app().await;
    let cases = cases();

    // Completeness: the matrix names every registered server function, and nothing else.
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect();
    let listed: BTreeSet<String> = cases.iter().map(|(e, _, _)| e.to_string()).collect();
    assert_eq!(registered, listed, "server functions and the authorization matrix differ");

    let mut failures = Vec::new();
    for (endpoint, allowed, skip) in &cases {
        run_case(&app, &fx, endpoint, allowed, skip, &mut failures).await;
    }
    assert!(failures.is_empty(), "authorization matrix violations:\n{}", failures.join("\n"));
}

#[tokio::test]
async fn every_plain_route_enforces_its_policy() {
    let (app, fx) = matrix_app().await;
    let routes = routes(&fx);
    // Pages are the app's routes, not the server's own: listed here, not registered there.
    let pages = ["/pass/{token}", "/privacy"];
    let listed: BTreeSet<String> =
        routes.iter().map(|(r, _, _)| r.to_string()).filter(|r| !pages.contains(&r.as_str())).collect();
    assert_eq!(registered_routes(), listed, "registered routes and the route matrix differ");

    let mut failures = Vec::new();
    for (route, allowed, path) in &routes {
        for p in EVERYONE {
            let (status, body) = get_status(&app, fx.client(*p), path).await;
            if allowed.contains(p) {
                if !(status.is_success() || status.is_redirection()) {
                    failures.push(format!("{route} as {p:?}: expected success, got {status}"));
                } else if let Err(what) = route_effect(&app, &fx, route, *p, body.as_deref()).await {
                    failures.push(what);
                }
            } else {
                let expected = match (*route, *p) {
                    (_, Anonymous) => StatusCode::UNAUTHORIZED,
                    ("/uploads/{file}", _) => StatusCode::NOT_FOUND,
                    _ => StatusCode::FORBIDDEN,
                };
                if status != expected {
                    failures.push(format!("{route} as {p:?}: expected {expected}, got {status}"));
                }
            }
        }
    }
    // The organizer of the other event is refused above only because it is not theirs.
    let (status, _) =
        get_status(&app, fx.client(OtherOrganizer), &format!("/events/{}/teams.csv", fx.other_event)).await;
    if status != StatusCode::OK {
        failures.push(format!("teams.csv of their own event as OtherOrganizer: got {status}"));
    }
    assert!(failures.is_empty(), "route matrix violations:\n{}", failures.join("\n"));
}

/// The only writes an archived event takes: making it writable again, deleting it, and a
/// person deleting their own account, whose right to erasure (law 09-08) an archive does not
/// suspend: their roles and team places in the archived event go, while the scores they gave
/// stay under the anonymous placeholder, so its results do not change.
const ARCHIVED_WRITES: &[&str] = &["events/unarchive", "events/delete", "account/delete"];

/// An archived event is read-only, whatever the door. Every case of the matrix is replayed,
/// by its first allowed persona with the call the matrix makes, on the fixture's events
/// archived; which cases write is not listed anywhere but found from what the call does:
///
/// - a call that succeeds on the archived events must have changed none of their rows (a
///   read, or a change outside any event: an account, a new event);
/// - a call refused with `ErrEventArchived` (409) must have changed nothing at all, and then,
///   made again once the events are live, must succeed and change their rows (a write: a
///   read refused as if it wrote would fail here);
/// - any other answer is a failure, as is unarchiving or deleting refused.
///
/// So a new server function that writes to an event without the gate's write entry fails
/// here as soon as the matrix lists it. The plain routes, all reads, must still answer.
#[tokio::test]
async fn an_archived_event_refuses_every_write_of_the_matrix() {
    let (app, fx) = matrix_app().await;
    // The events the matrix's calls write to: its own, and the open one people join.
    let events = [fx.event, fx.open_event];
    let (mut writes, mut reads, mut failures) = (Vec::new(), Vec::new(), Vec::new());
    for (endpoint, allowed, _) in cases() {
        let Some(&p) = allowed.first() else { continue };
        let prep = prepare(&app, &fx, endpoint, p).await;
        let session_changing = SESSION_CHANGING.contains(&endpoint);
        let caller = match &prep.actor {
            Some(actor) => actor.clone(),
            None if session_changing => fx.twin(&app, p).await,
            None => fx.client(p).clone(),
        };
        set_archived(&app, &events, true).await;
        let (before, rows_before) = (snapshot(&app).await, rows_of_events(&app, &events).await);
        let reply = app.send_call(&caller, &prep.call).await;
        let (after, rows_after) = (snapshot(&app).await, rows_of_events(&app, &events).await);
        set_archived(&app, &events, false).await;
        let succeeded = reply.status.is_success() || reply.status.is_redirection();
        let refused =
            reply.status == StatusCode::CONFLICT && reply.error() == Some(AppError::Conflict(Msg::ErrEventArchived));
        // What every successful call must have done (and undone where the matrix hands
        // something back: captaincy, a team's name, an archive).
        let checked = |reply: Reply, caller: Client| {
            let (app, fx, prep) = (&app, &fx, &prep);
            async move { effect(app, fx, endpoint, p, prep, &caller, &reply).await }
        };
        if ARCHIVED_WRITES.contains(&endpoint) {
            if !succeeded {
                failures.push(format!(
                    "{endpoint} as {p:?} on an archived event: got {} {}",
                    reply.status,
                    short(&reply.body)
                ));
            } else if let Err(what) = checked(reply, caller).await {
                failures.push(format!("{endpoint} as {p:?} on an archived event: {what} did not happen"));
            }
        } else if succeeded {
            let diff = changed(&rows_before, &rows_after);
            if !diff.is_empty() {
                failures.push(format!("{endpoint} as {p:?} wrote to an archived event: {}", diff.join("; ")));
            } else if let Err(what) = checked(reply, caller).await {
                failures.push(format!("{endpoint} as {p:?} on an archived event: answered, but {what} did not happen"));
            } else {
                reads.push(endpoint);
            }
        } else if refused {
            let diff = changed(&before, &after);
            if !diff.is_empty() {
                failures.push(format!("{endpoint} as {p:?}: refused as archived but changed {}", diff.join("; ")));
            }
            // The same call on the live events: it must go through and write to them.
            let caller = if session_changing && prep.actor.is_none() { fx.twin(&app, p).await } else { caller };
            let live_before = rows_of_events(&app, &events).await;
            let live = app.send_call(&caller, &prep.call).await;
            let live_after = rows_of_events(&app, &events).await;
            if !(live.status.is_success() || live.status.is_redirection()) {
                failures.push(format!(
                    "{endpoint} as {p:?}: on the live event got {} {}",
                    live.status,
                    short(&live.body)
                ));
            } else if changed(&live_before, &live_after).is_empty() {
                failures.push(format!(
                    "{endpoint} as {p:?}: refused on an archived event but writes nothing to a live one"
                ));
            } else if let Err(what) = checked(live, caller).await {
                failures.push(format!("{endpoint} as {p:?} on the live event: {what} did not happen"));
            } else {
                writes.push(endpoint);
            }
        } else {
            failures.push(format!(
                "{endpoint} as {p:?} on an archived event: expected success or 409 (archived), got {} {}",
                reply.status,
                short(&reply.body)
            ));
        }
        set_archived(&app, &events, false).await;
    }
    // Reads of every kind still answer on an archived event: pages' data, exports, streams.
    set_archived(&app, &events, true).await;
    for (route, allowed, path) in routes(&fx) {
        let Some(&p) = allowed.first() else { continue };
        let (status, body) = get_status(&app, fx.client(p), &path).await;
        if !(status.is_success() || status.is_redirection()) {
            failures.push(format!("{route} as {p:?} on an archived event: got {status}"));
        } else if let Err(what) = route_effect(&app, &fx, route, p, body.as_deref()).await {
            failures.push(what);
        }
    }
    assert!(failures.is_empty(), "archived-event violations:\n{}", failures.join("\n"));
    // Not vacuous: the matrix holds writes and reads of every feature.
    assert!(writes.len() >= 60, "only {} writes refused: {writes:?}", writes.len());
    assert!(reads.len() >= 30, "only {} reads: {reads:?}", reads.len());
}

/// One call that reaches into the other event: who makes it, and the call (the server
/// function and its arguments).
type Reach = (Persona, Call);

/// Every server function that takes a child id, called by a persona of event A with A's own
/// event id (where it takes one) and a child of event B.
fn reaches(a: &Fixture, b: &Fixture) -> Vec<Reach> {
    vec![
        (Organizer, Call::of(&RemoveTrack { event_id: a.event, track_id: b.track })),
        (Organizer, Call::of(&RemoveRole { event_id: a.event, user_id: b.user(Mentor), role: "mentor".into() })),
        (Organizer, Call::of(&RemoveRole { event_id: a.event, user_id: b.user(Organizer), role: "organizer".into() })),
        (Organizer, Call::of(&RetireJudge { event_id: a.event, user_id: b.user(Judge) })),
        (Organizer, Call::of(&RevokeInvite { event_id: a.event, invite_id: b.invite })),
        (Organizer, Call::of(&ArchiveEvent { event_id: b.event, confirm: Some("on".into()) })),
        (Organizer, Call::of(&UnarchiveEvent { event_id: b.event })),
        (Organizer, Call::of(&DeleteEvent { event_id: b.event, confirm_name: format!("Hackathon Berkane {}", b.tag) })),
        (Solo, Call::of(&RequestJoin { team_id: b.team, message: "x".into() })),
        (Captain, Call::of(&DecideRequest { request_id: b.join_request, accept: true })),
        (Captain, Call::of(&RemoveMember { team_id: b.team, user_id: b.user(Participant) })),
        (Captain, Call::of(&RemoveMember { team_id: a.team, user_id: b.user(Participant) })),
        (Captain, Call::of(&MakeCaptain { team_id: b.team, user_id: b.user(Participant) })),
        (Captain, Call::of(&MakeCaptain { team_id: a.team, user_id: b.user(Participant) })),
        (
            Captain,
            Call::of(&UpdateTeam {
                team_id: b.team,
                team_name: "Pris".into(),
                pitch: String::new(),
                track_id: String::new(),
                needs: String::new(),
            }),
        ),
        (
            Captain,
            Call::of(&UpdateTeam {
                team_id: a.team,
                team_name: "Atlas".into(),
                pitch: String::new(),
                track_id: b.track.to_string(),
                needs: String::new(),
            }),
        ),
        (
            Solo,
            Call::of(&CreateTeam {
                event_id: a.event,
                team_name: "Croisée".into(),
                pitch: String::new(),
                track_id: b.track.to_string(),
                needs: String::new(),
            }),
        ),
        // Not here: a team's join code is its link, and whoever holds it may join B's event
        // through it while registration is open (`teams::a_team_link_registers_a_newcomer…`).
        (Organizer, Call::of(&MoveParticipant { event_id: a.event, user_id: b.user(Solo), team_id: a.team2 })),
        (Organizer, Call::of(&MoveParticipant { event_id: a.event, user_id: a.user(Solo), team_id: b.team2 })),
        (Organizer, Call::of(&DissolveTeam { event_id: a.event, team_id: b.team2 })),
        (Organizer, Call::of(&RenameTeam { event_id: a.event, team_id: b.team2, team_name: "Piratée".into() })),
        (Participant, Call::of(&RemoveScreenshot { event_id: a.event, screenshot_id: b.screenshot })),
        (
            Participant,
            Call::of(&{
                let mut form = project_form(a.event, 1, "Croisé", false);
                form.project.track_id = b.track.to_string();
                form
            }),
        ),
        (
            Organizer,
            Call::of(&ExtendDeadline { event_id: a.event, team_id: b.team, until: local_in(9, 0).to_string() }),
        ),
        (Organizer, Call::of(&ProjectDetail { event_id: a.event, team_id: b.team })),
        (
            Organizer,
            Call::of(&AssignMentor { event_id: a.event, team_id: b.team, mentor_id: a.user(Mentor).to_string() }),
        ),
        (
            Organizer,
            Call::of(&AssignMentor { event_id: a.event, team_id: a.team, mentor_id: b.user(Mentor).to_string() }),
        ),
        (Participant, Call::of(&BookSlot { slot_id: b.slot })),
        (Participant, Call::of(&CancelSlot { slot_id: b.slot })),
        (Mentor, Call::of(&CancelSlot { slot_id: b.slot })),
        (Organizer, Call::of(&CancelSlot { slot_id: b.slot })),
        (Mentor, Call::of(&SessionNotes { slot_id: b.slot, notes: "x".into(), attended: String::new() })),
        (Mentor, Call::of(&ClaimHelp { request_id: b.help })),
        (Mentor, Call::of(&ReleaseHelp { request_id: b.help })),
        (Mentor, Call::of(&ResolveHelp { request_id: b.help })),
        (Participant, Call::of(&ResolveHelp { request_id: b.help })),
        (Participant, Call::of(&CancelHelp { request_id: b.help })),
        (Organizer, Call::of(&HandHelp { request_id: b.help, mentor_id: a.user(Mentor).to_string() })),
        (Organizer, Call::of(&MarkPresence { event_id: a.event, user_id: b.user(Participant), present: "yes".into() })),
        // B's venue code (see the test) opens neither A's check-in nor B's to A's people.
        (Participant, Call::of(&CheckIn { event_id: a.event, code: format!("venue-{}", b.tag) })),
        (Participant, Call::of(&CheckIn { event_id: b.event, code: format!("venue-{}", b.tag) })),
        (Organizer, Call::of(&HandHelp { request_id: a.help, mentor_id: b.user(Mentor).to_string() })),
        (Organizer, Call::of(&ResetPass { event_id: a.event, user_id: b.pass_judge, action: "renew".into() })),
        (Organizer, Call::of(&ShowPass { event_id: a.event, user_id: b.pass_judge })),
        (Organizer, Call::of(&ExtendPass { event_id: a.event, user_id: b.pass_judge, days: "3".into() })),
        (
            Organizer,
            Call::of(&UpdateJudge {
                event_id: a.event,
                user_id: b.user(Judge),
                active: None,
                track: String::new(),
                rooms: None,
            }),
        ),
        (
            Organizer,
            Call::of(&UpdateJudge {
                event_id: a.event,
                user_id: a.user(Judge),
                active: None,
                track: b.track.to_string(),
                rooms: None,
            }),
        ),
        (Organizer, Call::of(&AddExtraJudge { event_id: a.event, project_id: b.project })),
        (Organizer, Call::of(&SetTable { event_id: a.event, project_id: b.project, table_label: "Volée".into() })),
        (Organizer, Call::of(&SetTable { event_id: a.event, project_id: b.draft, table_label: "Volée".into() })),
        (Organizer, Call::of(&LoadRubric { event_id: a.event, scope: b.track })),
        (
            Organizer,
            Call::of(&SaveRubric {
                event_id: a.event,
                scope: b.track,
                version: 0,
                fields: map(&[("name_1_fr", "X"), ("weight_1", "1"), ("scale_1", "1-5")]),
            }),
        ),
        (Judge, Call::of(&score_form(a.event, b.project, 1))),
        (Judge, Call::of(&SaveConflicts { event_id: a.event, teams: map(&[(b.team, "on")]) })),
        (Organizer, Call::of(&RetireAnnouncement { event_id: a.event, announcement_id: b.announcement })),
        // Paper sheets: B's judge, B's project, each through A.
        (Organizer, Call::of(&ScoreSheets { event_id: a.event, judge_id: b.user(Judge) })),
        (
            Organizer,
            Call::of(&PaperEntry {
                event_id: a.event,
                judge_id: a.user(Judge),
                project_id: b.project,
                rubric_id: 0,
                mark: String::new(),
            }),
        ),
        (
            Organizer,
            Call::of(&SavePaper {
                event_id: a.event,
                judge_id: b.user(Judge),
                project_id: b.project,
                rubric_id: 0,
                mark: String::new(),
                save_id: "reach-paper".into(),
                base_version: 1,
                sheet: score_form(a.event, b.project, 1).sheet,
            }),
        ),
        // People's choice: a vote, through A, for B's project.
        (Participant, Call::of(&CastVote { event_id: a.event, project_id: b.project, tap: "choose".into() })),
        // The stage: B's project, submitted or not, on A's stage.
        (Organizer, Call::of(&PutOnStage { event_id: a.event, project_id: b.project })),
        (Organizer, Call::of(&PutOnStage { event_id: a.event, project_id: b.draft })),
        (Organizer, Call::of(&ImportBatch { event_id: a.event, batch: Some(b.batch) })),
        (Organizer, Call::of(&CommitImport { event_id: a.event, batch: b.batch })),
    ]
}

#[tokio::test]
async fn no_one_reaches_into_another_event_with_a_child_id() {
    let app = spawn_app().await;
    let admin = user_agent();
    app.signup_admin(&admin, "Admin", "admin@example.ma").await;
    let a = Fixture::build(&app, "a", &admin).await;
    let b = Fixture::build(&app, "b", &admin).await;
    // Each event's venue code posted at its entrance.
    for fx in [&a, &b] {
        sqlx::query("UPDATE events SET checkin_code = $1 WHERE id = $2")
            .bind(format!("venue-{}", fx.tag))
            .bind(fx.event)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }

    // A room in B's event, reached from A: changed, removed, given A's project; and B's
    // projects placed through A.
    let b_room: i64 =
        sqlx::query_scalar("INSERT INTO rooms (event_id, name, position) VALUES ($1, 'Salle B', 1) RETURNING id")
            .bind(b.event)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let mut calls = reaches(&a, &b);
    // One of B's assignments, its slot moved through A.
    let b_assignment: i64 = sqlx::query_scalar("SELECT MIN(id) FROM judge_assignments WHERE event_id = $1")
        .bind(b.event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    calls.push((Organizer, Call::of(&MoveSlot { event_id: a.event, assignment_id: b_assignment })));
    // B's projects by their codes, and B's room by its name, in a list pasted into A.
    for places in
        [format!("P{:03},,X", b.project), format!("P{:03},,X", b.draft), format!("P{:03},Salle B,X", a.project)]
    {
        calls.push((Organizer, Call::of(&ImportPlaces { event_id: a.event, places })));
    }
    // B's room's floor plan, set and taken away through A.
    let fields = [("event_id", a.event.to_string()), ("room_id", b.room.to_string())];
    calls.push((Organizer, Call::plan(&fields, Some(("plan", png())))));
    calls.push((Organizer, Call::of(&RemoveRoomPlan { event_id: a.event, room_id: b.room })));
    calls.extend([
        (
            Organizer,
            Call::of(&SaveRoom { event_id: a.event, room_id: b_room, name: "Volée".into(), capacity: String::new() }),
        ),
        (Organizer, Call::of(&RemoveRoom { event_id: a.event, room_id: b_room })),
        (
            Organizer,
            Call::of(&UpdateJudge {
                event_id: a.event,
                user_id: a.user(Judge),
                active: Some("on".into()),
                track: String::new(),
                rooms: map(&[(b_room, "on")]),
            }),
        ),
        (
            Organizer,
            Call::of(&PlaceProject {
                event_id: a.event,
                project_id: a.project,
                room_id: b_room,
                table_label: "1".into(),
            }),
        ),
        (
            Organizer,
            Call::of(&PlaceProject {
                event_id: a.event,
                project_id: b.project,
                room_id: 0,
                table_label: "Volée".into(),
            }),
        ),
        (
            Organizer,
            Call::of(&PlaceProject {
                event_id: a.event, project_id: b.draft, room_id: 0, table_label: "Volée".into()
            }),
        ),
    ]);

    let mut failures = Vec::new();
    for (p, call) in calls {
        let endpoint = call.path;
        let before = snapshot(&app).await;
        let reply = app.send_call(a.client(p), &call).await;
        let after = snapshot(&app).await;
        // Refused by the gate (403), as unknown (404), or as an invalid id (409, 422).
        let refused = matches!(reply.status.as_u16(), 403 | 404 | 409 | 422);
        if !refused {
            failures.push(format!("{endpoint} as {p:?} of A with B's id: got {} {}", reply.status, short(&reply.body)));
        }
        let diff = changed(&before, &after);
        if !diff.is_empty() {
            failures.push(format!("{endpoint} as {p:?} of A with B's id changed {}", diff.join("; ")));
        }
    }
    // A's screenshot route refuses B's member, as it refuses any stranger.
    let (status, _) = get_status(&app, b.client(Participant), &format!("/uploads/{}", a.screenshot_file)).await;
    if status != StatusCode::NOT_FOUND {
        failures.push(format!("/uploads of A as B's participant: got {status}"));
    }
    assert!(failures.is_empty(), "cross-event violations:\n{}", failures.join("\n"));
}
