//! A complete event built through the HTTP API, as its people would build it: every kind of
//! child (track, teams, draft and submitted projects, screenshot, slot, booking, help request,
//! invite, import batch, judges, assignments, score, announcement, join request) exists with a
//! real id, and every persona holds its own session. The authorization tests call every door
//! with these ids, so a call reaches the role check it is meant to prove.

use crate::helpers::*;
use reqwest::{Client, StatusCode};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, Ordering};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Persona {
    Anonymous,
    /// A member of the team "Atlas", not its captain.
    Participant,
    /// The captain of "Atlas".
    Captain,
    /// A participant of the event without a team.
    Solo,
    Mentor,
    /// A password account holding the judge role (it judges through its own login).
    Judge,
    /// Organizer of a different event.
    OtherOrganizer,
    Organizer,
    Admin,
}
use Persona::*;

pub const EVERYONE: &[Persona] =
    &[Anonymous, Participant, Captain, Solo, Mentor, Judge, OtherOrganizer, Organizer, Admin];

static FRESH: AtomicU32 = AtomicU32::new(0);

/// A number unique within this test process, for names and e-mail addresses.
pub fn seq() -> u32 {
    FRESH.fetch_add(1, Ordering::SeqCst)
}

/// A local date-time `days` and `hours` from now, as the event forms take it.
pub fn local_in(days: i64, hours: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days) + chrono::Duration::hours(hours))
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

pub struct Fixture {
    pub tag: String,
    pub event: i64,
    /// An event of another organizer (the `OtherOrganizer` persona's).
    pub other_event: i64,
    /// An open event where every persona may gain roles (joins, invite acceptances) without
    /// changing who is who in `event`.
    pub open_event: i64,
    pub clients: BTreeMap<Persona, Client>,
    pub users: BTreeMap<Persona, i64>,
    pub emails: BTreeMap<Persona, String>,
    pub track: i64,
    /// "Atlas": the captain and the participant; its project is submitted.
    pub team: i64,
    pub team_code: String,
    /// "Borj": one helper member; its project is a draft.
    pub team2: i64,
    pub team2_code: String,
    pub project: i64,
    pub draft: i64,
    pub screenshot: i64,
    pub screenshot_file: String,
    /// Offered by the mentor, booked by "Atlas".
    pub slot: i64,
    /// Raised by the participant for "Atlas", open.
    pub help: i64,
    pub invite: i64,
    pub invite_code: String,
    /// A participant invite of `event` with many uses, for fresh accounts.
    pub participant_code: String,
    pub batch: i64,
    /// A pass-only judge added by the organizer, and its link token.
    pub pass_judge: i64,
    pub pass_token: String,
    pub score: i64,
    pub announcement: i64,
    /// The solo participant's pending request to join "Atlas".
    pub join_request: i64,
    /// Invites of `open_event` with many uses.
    pub open_mentor_code: String,
    pub open_participant_code: String,
    pub open_judge_code: String,
    /// A room of `event` with a floor plan.
    pub room: i64,
}

fn ok(r: &Reply, what: &str) {
    assert!(r.status.is_success() || r.status.is_redirection(), "fixture, {what}: {} {}", r.status, r.body);
}

async fn scalar(app: &TestApp, sql: &str, id: i64) -> i64 {
    sqlx::query_scalar::<_, i64>(sql).bind(id).fetch_one(&app.state.db.pool).await.unwrap()
}

impl Fixture {
    pub fn client(&self, p: Persona) -> &Client {
        &self.clients[&p]
    }
    pub fn user(&self, p: Persona) -> i64 {
        self.users[&p]
    }

    /// Builds the event. `tag` keeps e-mail addresses and names apart when one test builds
    /// two fixtures; `admin` is the platform admin's session.
    pub async fn build(app: &TestApp, tag: &str, admin: &Client) -> Fixture {
        let mut clients = BTreeMap::new();
        let mut emails = BTreeMap::new();
        for p in EVERYONE {
            clients.insert(*p, user_agent());
            if *p != Anonymous {
                emails.insert(*p, format!("{}.{tag}@example.ma", format!("{p:?}").to_lowercase()));
            }
        }
        let admin_email = app.me(admin).await["email"].as_str().unwrap_or_default().to_owned();
        emails.insert(Admin, admin_email);
        let c = |p: Persona| clients[&p].clone();
        let pool = &app.state.db.pool;

        // The admin signs in on the persona's own session and lets both organizers create events.
        ok(&app.login(&c(Admin), &emails[&Admin], PASSWORD).await, "admin login");
        for p in [Organizer, OtherOrganizer] {
            ok(&app.signup(&c(p), &format!("{p:?} {tag}"), &emails[&p]).await, "organizer signup");
            let id = app.user_id(&emails[&p]).await;
            ok(&app.send(admin, &SetEventCreator { user_id: id, allowed: true }).await, "set-creator");
        }
        let event = app.create_event(&c(Organizer), &format!("Hackathon Berkane {tag}")).await;
        let other_event = app.create_event(&c(OtherOrganizer), &format!("Bootcamp Essaouira {tag}")).await;
        let open_event = app.create_event(&c(Organizer), &format!("Portes ouvertes {tag}")).await;
        let e = event.to_string();
        let org = c(Organizer);

        // People: each persona accepts its own invite with a password account.
        for (p, role) in [
            (Participant, "participant"),
            (Captain, "participant"),
            (Solo, "participant"),
            (Mentor, "mentor"),
            (Judge, "judge"),
        ] {
            let code = app.invite(&org, event, role, "1").await;
            let r = app
                .send(
                    &c(p),
                    &SignupAndAccept {
                        code: code.clone(),
                        display_name: format!("{p:?} {tag}"),
                        email: emails[&p].clone(),
                        password: PASSWORD.to_owned(),
                    },
                )
                .await;
            ok(&r, "persona signup");
        }
        let participant_code = app.invite(&org, event, "participant", "500").await;
        let open_mentor_code = app.invite(&org, open_event, "mentor", "500").await;
        let open_participant_code = app.invite(&org, open_event, "participant", "500").await;
        let open_judge_code = app.invite(&org, open_event, "judge", "500").await;
        let mut users = BTreeMap::new();
        for p in EVERYONE.iter().filter(|p| **p != Anonymous) {
            users.insert(*p, app.user_id(&emails[p]).await);
        }

        ok(&app.send(&org, &new_track(event, "Agritech")).await, "track");
        let track = scalar(app, "SELECT MAX(id) FROM tracks WHERE event_id = $1", event).await;

        // "Atlas": the captain creates it, the participant joins with its code.
        ok(
            &app.send(
                &c(Captain),
                &CreateTeam {
                    event_id: event,
                    team_name: "Atlas".into(),
                    pitch: "Irrigation".into(),
                    track_id: String::new(),
                    needs: "design".into(),
                },
            )
            .await,
            "team",
        );
        let team = scalar(app, "SELECT id FROM teams WHERE event_id = $1 AND name = 'Atlas'", event).await;
        let team_code: String =
            sqlx::query_scalar("SELECT invite_code FROM teams WHERE id = $1").bind(team).fetch_one(pool).await.unwrap();
        ok(&app.send(&c(Participant), &JoinTeam { code: team_code.clone() }).await, "join team");

        // "Borj": a helper participant, with a draft project.
        let (helper, _) = fresh_account(app, &participant_code, tag).await;
        ok(&app.send(&helper, &new_team(event, "Borj")).await, "team 2");
        let team2 = scalar(app, "SELECT id FROM teams WHERE event_id = $1 AND name = 'Borj'", event).await;
        let team2_code: String = sqlx::query_scalar("SELECT invite_code FROM teams WHERE id = $1")
            .bind(team2)
            .fetch_one(pool)
            .await
            .unwrap();
        ok(&app.send(&helper, &project_form(event, 0, "Brouillon", false)).await, "draft");
        let draft = scalar(app, "SELECT id FROM projects WHERE team_id = $1", team2).await;

        ok(&app.send(&c(Participant), &project_form(event, 0, "Saqia", true)).await, "project");
        let project = scalar(app, "SELECT id FROM projects WHERE team_id = $1", team).await;
        ok(&app.upload(&c(Participant), &[("event_id", e.clone())], Some(("screenshot", png()))).await, "screenshot");
        let (screenshot, screenshot_file): (i64, String) =
            sqlx::query_as("SELECT id, file_name FROM screenshots WHERE project_id = $1")
                .bind(project)
                .fetch_one(pool)
                .await
                .unwrap();

        // Mentoring: a profile, a slot booked by "Atlas", an open help request.
        ok(
            &app.send(
                &c(Mentor),
                &SaveMentorProfile {
                    event_id: event,
                    expertise: "design".into(),
                    languages: "ar, fr".into(),
                    capacity: "3".into(),
                    bio: String::new(),
                    contact: String::new(),
                },
            )
            .await,
            "mentor profile",
        );
        let slot = offer_slot(app, &c(Mentor), event).await;
        ok(&app.send(&c(Participant), &BookSlot { slot_id: slot }).await, "book");
        let help = raise_help(app, &c(Participant), event).await;

        // A room with its floor plan.
        let save = SaveRoom { event_id: event, room_id: 0, name: "Salle Fixture".into(), capacity: String::new() };
        ok(&app.send(&org, &save).await, "room");
        let room = scalar(app, "SELECT MAX(id) FROM rooms WHERE event_id = $1", event).await;
        let fields = [("event_id", event.to_string()), ("room_id", room.to_string())];
        let plan = app.send_call(&org, &Call::plan(&fields, Some(("plan", png())))).await;
        ok(&plan, "floor plan");

        // Judging: rubric, open judging, a pass-only judge, assignment, a complete score.
        ok(&crate::judging::save_rubric(app, &org, event, 0, 0).await, "rubric");
        crate::judging::settings(app, &org, event, "2", "open", "raw").await;
        let (pass_judge, pass_token) = add_pass_judge(app, &org, event).await;
        ok(
            &app.send(&org, &RunAssignment { event_id: event, seed: "1".into(), rebalance: None, present_only: None })
                .await,
            "assign",
        );
        let r = app.send(&c(Judge), &score_form(event, project, 0)).await;
        ok(&r, "score");
        let score = scalar(app, "SELECT id FROM scores WHERE project_id = $1", project).await;

        // Organizer's children: an invite, an import batch, an announcement.
        ok(
            &app.send(
                &org,
                &CreateInvite {
                    event_id: event,
                    role: "mentor".into(),
                    label: "Fixture".into(),
                    max_uses: "3".into(),
                    valid_days: "7".into(),
                    allow_clash: None,
                },
            )
            .await,
            "invite",
        );
        let (invite, invite_code): (i64, String) =
            sqlx::query_as("SELECT id, code FROM invites WHERE event_id = $1 AND label = 'Fixture'")
                .bind(event)
                .fetch_one(pool)
                .await
                .unwrap();
        let batch = stage_batch(app, &org, event).await;
        let announcement = announce(app, &org, event).await;

        // The solo participant asks to join "Atlas".
        ok(&app.send(&c(Solo), &RequestJoin { team_id: team, message: "Salam".into() }).await, "join request");
        let join_request = scalar(app, "SELECT MAX(id) FROM join_requests WHERE team_id = $1", team).await;

        Fixture {
            room,
            tag: tag.to_owned(),
            event,
            other_event,
            open_event,
            clients,
            users,
            emails,
            track,
            team,
            team_code,
            team2,
            team2_code,
            project,
            draft,
            screenshot,
            screenshot_file,
            slot,
            help,
            invite,
            invite_code,
            participant_code,
            batch,
            pass_judge,
            pass_token,
            score,
            announcement,
            join_request,
            open_mentor_code,
            open_participant_code,
            open_judge_code,
        }
    }

    /// A new session of the persona, for calls that replace the session they are made in
    /// (sign-up, log-in, log-out, pass links): the persona's own session stays as it was.
    pub async fn twin(&self, app: &TestApp, p: Persona) -> Client {
        let client = user_agent();
        if p != Anonymous {
            ok(&app.login(&client, &self.emails[&p], PASSWORD).await, "twin login");
        }
        client
    }

    /// A new participant of the event without a team: (session, user id).
    pub async fn fresh_participant(&self, app: &TestApp) -> (Client, i64) {
        fresh_account(app, &self.participant_code, &self.tag).await
    }
}

/// Signs a new account up through an invite code: (session, user id).
pub async fn fresh_account(app: &TestApp, code: &str, tag: &str) -> (Client, i64) {
    let email = format!("fresh{}.{tag}@example.ma", seq());
    let client = app.join_with_invite(code, "Fresh", &email).await;
    let id = app.user_id(&email).await;
    (client, id)
}

pub fn project_form(event: i64, version: i64, title: &str, submit: bool) -> SaveProject {
    SaveProject {
        event_id: event,
        version,
        project: ProjectInput {
            title: title.into(),
            tagline: "Une idée".into(),
            description: "Arrosage intelligent".into(),
            technologies: "rust".into(),
            submit: submit.then(|| "1".into()),
            ..Default::default()
        },
    }
}

pub fn score_form(event: i64, project: i64, base_version: i64) -> SaveScore {
    SaveScore {
        event_id: event,
        project_id: project,
        save_id: format!("save-{}-{}", seq(), project),
        base_version,
        sheet: ScoreSheet {
            status: String::new(),
            marks: map(&[("c1", "4"), ("c2", "7")]),
            notes: "Bien".into(),
            feedback: "Clair et utile".into(),
            flagged: None,
            back: None,
        },
    }
}

/// The mentor offers a new half-hour slot (each at its own hour) and its id.
pub async fn offer_slot(app: &TestApp, mentor: &Client, event: i64) -> i64 {
    // Forty distinct hours inside the event's days (it runs from day 5 to day 8).
    static SLOT: AtomicU32 = AtomicU32::new(0);
    let n = i64::from(SLOT.fetch_add(1, Ordering::SeqCst) % 40);
    let starts = chrono::Utc::now() + chrono::Duration::days(6) + chrono::Duration::hours(n);
    let ends = starts + chrono::Duration::minutes(30);
    let fmt = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%dT%H:%M").to_string();
    let r = app
        .send(
            mentor,
            &OfferSlot {
                event_id: event,
                starts_at: fmt(starts).to_string(),
                ends_at: fmt(ends).to_string(),
                location: "Salle 2".into(),
            },
        )
        .await;
    ok(&r, "slot");
    scalar(app, "SELECT MAX(id) FROM mentor_slots WHERE event_id = $1", event).await
}

pub async fn raise_help(app: &TestApp, member: &Client, event: i64) -> i64 {
    let r = app
        .send(
            member,
            &RaiseHelp {
                event_id: event,
                topic: "Capteur".into(),
                skill: String::new(),
                location: "Table 4".into(),
                description: String::new(),
            },
        )
        .await;
    ok(&r, "help request");
    scalar(app, "SELECT MAX(id) FROM help_requests WHERE event_id = $1", event).await
}

pub async fn add_pass_judge(app: &TestApp, organizer: &Client, event: i64) -> (i64, String) {
    let r = app.send(organizer, &AddJudge { event_id: event, display_name: format!("Juge {}", seq()) }).await;
    ok(&r, "pass judge");
    // Only a digest is stored: the link is in the answer, once.
    let judge = r.json()["user_id"].as_i64().unwrap_or_else(|| panic!("no judge in {}", r.body));
    (judge, crate::judging::issued_token(&r))
}

pub async fn stage_batch(app: &TestApp, organizer: &Client, event: i64) -> i64 {
    let csv = format!("name,email\nAmina,amina{}@example.ma\n", seq());
    let r = app
        .send(organizer, &StageImport { event_id: event, kind: "participants".into(), csv_text: csv.to_string() })
        .await;
    ok(&r, "import batch");
    scalar(app, "SELECT MAX(id) FROM imports WHERE event_id = $1", event).await
}

pub async fn announce(app: &TestApp, organizer: &Client, event: i64) -> i64 {
    let r = app
        .send(
            organizer,
            &PostAnnouncement {
                event_id: event,
                body_ar: "مرحبا".into(),
                body_fr: "Bienvenue".into(),
                body_en: "Welcome".into(),
                public: None,
            },
        )
        .await;
    ok(&r, "announcement");
    scalar(app, "SELECT MAX(id) FROM announcements WHERE event_id = $1", event).await
}

/// The tables whose content a refused call must leave as it was (all but the session store).
pub const TABLES: &[&str] = &[
    "users",
    "events",
    "tracks",
    "event_roles",
    "role_removals",
    "invites",
    "login_failures",
    "audit_log",
    "profiles",
    "teams",
    "team_members",
    "join_requests",
    "projects",
    "project_history",
    "screenshots",
    "mentor_profiles",
    "mentor_assignments",
    "mentorship_log",
    "mentor_slots",
    "help_requests",
    "judging_settings",
    "rubrics",
    "judge_passes",
    "judge_profiles",
    "judge_conflicts",
    "judge_assignments",
    "scores",
    "score_saves",
    "boards",
    "announcements",
    "imports",
    "password_resets",
    "audience_settings",
    "audience_tickets",
    "audience_votes",
    "stages",
    "stage_pitches",
    "certificates",
    "checkins",
    "rooms",
    "pitch_plans",
];

/// One row as text, every column in order (a column no type reads shows as `?`).
fn row_text(r: &sqlx::any::AnyRow) -> String {
    use sqlx::Row;
    (0..r.len())
        .map(|i| {
            if let Ok(v) = r.try_get::<Option<i64>, _>(i) {
                format!("{v:?}")
            } else if let Ok(v) = r.try_get::<Option<String>, _>(i) {
                format!("{v:?}")
            } else if let Ok(v) = r.try_get::<Option<f64>, _>(i) {
                format!("{v:?}")
            } else if let Ok(v) = r.try_get::<Option<bool>, _>(i) {
                format!("{v:?}")
            } else if let Ok(v) = r.try_get::<Option<Vec<u8>>, _>(i) {
                // Bytes (a floor plan): their length and a digest, so a change shows.
                use sha2::Digest;
                v.map_or("None".into(), |b| format!("{} bytes {:x}", b.len(), sha2::Sha256::digest(&b)))
            } else {
                "?".into()
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The rows of a query, as text, sorted.
async fn rows_text(app: &TestApp, sql: &str) -> Vec<String> {
    let rows = sqlx::query(sql).fetch_all(&app.state.db.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    let mut lines: Vec<String> = rows.iter().map(row_text).collect();
    lines.sort();
    lines
}

/// Every row of every table, as text: two snapshots are equal exactly when nothing changed.
pub async fn snapshot(app: &TestApp) -> BTreeMap<&'static str, Vec<String>> {
    let mut out = BTreeMap::new();
    for table in TABLES {
        out.insert(*table, rows_text(app, &format!("SELECT * FROM {table}")).await);
    }
    out
}

/// Every table of the database with its columns, read from the schema itself, so a table
/// added later is included without being named here.
pub async fn schema_columns(app: &TestApp) -> BTreeMap<String, Vec<String>> {
    let sql = match app.state.db.backend {
        hakam::db::Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_schema = current_schema()"
        }
        hakam::db::Backend::Sqlite => {
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
        }
    };
    let pairs: Vec<(String, String)> = sqlx::query_as(sql).fetch_all(&app.state.db.pool).await.unwrap();
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (table, column) in pairs {
        out.entry(table).or_default().push(column);
    }
    out
}

/// Every row that belongs to one of `events`, by table: the events' own rows, every row with
/// their `event_id`, and every row reaching them through a team, a project or a mentoring
/// slot. Tables are read from the schema (`schema_columns`), so a new table of an event is
/// covered the day it is added.
pub async fn rows_of_events(app: &TestApp, events: &[i64]) -> BTreeMap<String, Vec<String>> {
    let ids = events.iter().map(|e| e.to_string()).collect::<Vec<_>>().join(", ");
    let mut out = BTreeMap::new();
    for (table, columns) in schema_columns(app).await {
        let has = |c: &str| columns.iter().any(|x| x == c);
        let mut reach = Vec::new();
        if table == "events" {
            reach.push(format!("id IN ({ids})"));
        }
        if has("event_id") {
            reach.push(format!("event_id IN ({ids})"));
        }
        for (column, parent) in [("team_id", "teams"), ("project_id", "projects"), ("slot_id", "mentor_slots")] {
            if has(column) {
                reach.push(format!("{column} IN (SELECT id FROM {parent} WHERE event_id IN ({ids}))"));
            }
        }
        if !reach.is_empty() {
            let rows = rows_text(app, &format!("SELECT * FROM {table} WHERE {}", reach.join(" OR "))).await;
            out.insert(table, rows);
        }
    }
    out
}

/// The tables that differ between two snapshots, with a sample of the change.
pub fn changed<K: Ord + std::fmt::Display>(
    before: &BTreeMap<K, Vec<String>>,
    after: &BTreeMap<K, Vec<String>>,
) -> Vec<String> {
    let none = Vec::new();
    before
        .iter()
        .filter(|(t, rows)| after.get(*t) != Some(rows))
        .map(|(t, rows)| {
            let now = after.get(t).unwrap_or(&none);
            let new: Vec<&String> = now.iter().filter(|r| !rows.contains(r)).take(2).collect();
            format!("{t} ({} → {} rows; new/changed: {new:?})", rows.len(), now.len())
        })
        .collect()
}

/// Sends a GET and returns its status without reading the body (live streams never end).
pub async fn get_status(app: &TestApp, client: &Client, path: &str) -> (StatusCode, Option<String>) {
    // A route that never answers fails here, named, instead of stalling the whole run.
    let limit = std::time::Duration::from_secs(60);
    let res = tokio::time::timeout(limit, client.get(format!("{}{path}", app.base)).send())
        .await
        .unwrap_or_else(|_| panic!("GET {path}: no answer within {limit:?}"))
        .expect("request sent");
    let status = res.status();
    let streaming = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/event-stream"));
    if streaming {
        (status, None)
    } else {
        let body = tokio::time::timeout(limit, res.text())
            .await
            .unwrap_or_else(|_| panic!("GET {path}: body not complete within {limit:?}"));
        (status, Some(body.unwrap_or_default()))
    }
}

/// The organizer archives the event (confirming it is over, whatever the time).
pub async fn archive(app: &TestApp, organizer: &Client, event: i64) {
    let r = app.send(organizer, &ArchiveEvent { event_id: event, confirm: Some("on".into()) }).await;
    ok(&r, "archive");
}

/// Marks events archived or not directly, as archiving and unarchiving leave them.
pub async fn set_archived(app: &TestApp, events: &[i64], archived: bool) {
    for event in events {
        sqlx::query("UPDATE events SET archived_at = $2 WHERE id = $1")
            .bind(event)
            .bind(archived.then(|| chrono::Utc::now().timestamp()))
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
}
