//! The end of an event: organizers archive it once it is over (read-only, still readable and
//! exportable), may unarchive it, and delete an archived event after downloading all of it.
//! Every write refused on an archived event, door by door, is proven by the authorization
//! matrix (`authz::an_archived_event_refuses_every_write_of_the_matrix`); here are the rules
//! of archiving and deleting themselves, what a deletion removes, and who may do either.

use crate::fixture::{Persona::*, *};
use crate::helpers::*;
use hakam::i18n::Lang;
use reqwest::{Client, StatusCode};

async fn two_events() -> (TestApp, Fixture, Fixture) {
    let app = spawn_app().await;
    let admin = user_agent();
    app.signup_admin(&admin, "Admin", "admin@example.ma").await;
    let a = Fixture::build(&app, "a", &admin).await;
    let b = Fixture::build(&app, "b", &admin).await;
    (app, a, b)
}

fn name_of(fx: &Fixture) -> String {
    format!("Hackathon Berkane {}", fx.tag)
}

fn archived_refusal(r: &Reply, what: &str) {
    assert_eq!(r.status, StatusCode::CONFLICT, "{what}: {}", r.body);
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrEventArchived)), "{what}");
}

async fn export(app: &TestApp, organizer: &Client, event: i64) {
    let (status, body) = get_status(app, organizer, &format!("/events/{event}/export.zip")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.is_some_and(|b| b.starts_with("PK")), "a ZIP file");
}

async fn archived_at(app: &TestApp, event: i64) -> Option<i64> {
    sqlx::query_scalar("SELECT archived_at FROM events WHERE id = $1")
        .bind(event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_archived_event_is_read_only_readable_and_exportable_until_unarchived() {
    let app = spawn_app().await;
    let admin = user_agent();
    app.signup_admin(&admin, "Admin", "admin@example.ma").await;
    let fx = Fixture::build(&app, "r", &admin).await;
    let org = fx.client(Organizer);
    let e = fx.event;

    // Before its results are due, archiving needs the organizer to confirm the event is over.
    let early = app.send(org, &ArchiveEvent { event_id: e, confirm: None }).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", early.body);
    assert_eq!(early.invalid_fields(), ["confirm"]);
    assert_eq!(early.first_invalid(), Some(Msg::ErrArchiveBeforeResults));
    assert_eq!(archived_at(&app, e).await, None);
    archive(&app, org, e).await;
    assert!(archived_at(&app, e).await.is_some());
    // Twice is refused like any other write.
    archived_refusal(&app.send(org, &ArchiveEvent { event_id: e, confirm: Some("on".into()) }).await, "archive again");

    // A write of every kind, by every kind of person, is refused and changes nothing.
    let (fresh, _) = fresh_account(&app, &fx.open_participant_code, "r").await;
    let newcomer = user_agent();
    let before = snapshot(&app).await;
    let version = app.count(&format!("SELECT version FROM projects WHERE id = {}", fx.project)).await;
    let score_version = app.count(&format!("SELECT version FROM scores WHERE id = {}", fx.score)).await;
    let writes: Vec<(&Client, Call, &str)> = vec![
        (fx.client(Participant), Call::of(&project_form(e, version, "Saqia 2", true)), "project"),
        (fx.client(Participant), Call::upload(&[("event_id", e.to_string())], Some(("screenshot", png()))), "upload"),
        (fx.client(Judge), Call::of(&score_form(e, fx.project, score_version)), "score"),
        (
            fx.client(Participant),
            Call::of(&RaiseHelp {
                event_id: e,
                topic: "Wi-Fi".into(),
                skill: String::new(),
                location: String::new(),
                description: String::new(),
            }),
            "help",
        ),
        (fx.client(Mentor), Call::of(&ClaimHelp { request_id: fx.help }), "claim"),
        (fx.client(Captain), Call::of(&new_team(e, "Encore")), "team (a member's)"),
        (fx.client(Solo), Call::of(&new_team(e, "Encore")), "team"),
        (org, Call::of(&new_track(e, "Encore")), "track"),
        (
            org,
            Call::of(&CreateInvite {
                event_id: e,
                role: "judge".into(),
                label: "Tard".into(),
                max_uses: "1".into(),
                valid_days: "1".into(),
                allow_clash: None,
            }),
            "invite",
        ),
        (org, Call::of(&AddJudge { event_id: e, display_name: "Juge tardif".into() }), "judge"),
        (
            org,
            Call::of(&PostAnnouncement {
                event_id: e,
                body_ar: String::new(),
                body_fr: "Tard".into(),
                body_en: String::new(),
                public: None,
            }),
            "announcement",
        ),
        (org, Call::of(&event_update(e, 1, event_form(&name_of(&fx)))), "event edit"),
        // People arriving by a code of the event: none gets in, no account is made.
        (&fresh, Call::of(&JoinTeam { code: fx.team2_code.clone() }), "team link"),
        (&fresh, Call::of(&AcceptInvite { code: fx.participant_code.clone() }), "invite"),
        (
            &newcomer,
            Call::of(&SignupAndAccept {
                code: fx.participant_code.clone(),
                display_name: "Tardive".into(),
                email: "tardive.r@example.ma".into(),
                password: PASSWORD.into(),
            }),
            "sign-up by invite",
        ),
    ];
    for (client, call, what) in &writes {
        // The edit's version is refused before it is compared: any version will do.
        archived_refusal(&app.send_call(client, call).await, what);
    }
    let diff = changed(&before, &snapshot(&app).await);
    assert!(diff.is_empty(), "refused writes changed {}", diff.join("; "));
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE email = 'tardive.r@example.ma'").await, 0);

    // Reads still work: the public page (which says it is archived), the dashboard, results,
    // the team's page and the exports.
    let page = app.send(&user_agent(), &EventPage { id: e }).await.json();
    assert_eq!(page["archived"], true);
    let dash = app.send(org, &Dashboard { event_id: e }).await;
    assert!(dash.status.is_success(), "{}", dash.body);
    assert_eq!(dash.json()["ending"]["archived"], true);
    assert_eq!(dash.json()["ending"]["exported_since_archived"], false);
    assert!(app.send(org, &JudgingResults { event_id: e }).await.body.contains("Saqia"));
    assert!(app.send(fx.client(Participant), &ProjectPage { event_id: e }).await.body.contains("Saqia"));
    assert!(app.send(fx.client(Judge), &JudgeDesk { event_id: e }).await.status.is_success());
    let (status, csv) = get_status(&app, org, &format!("/events/{e}/ranking.csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.is_some_and(|c| c.contains("Saqia")));
    export(&app, org, e).await;
    let dash = app.send(org, &Dashboard { event_id: e }).await.json();
    assert_eq!(dash["ending"]["exported_since_archived"], true, "the download is recorded");

    // A mistaken archive is not a trap: unarchived, the event takes writes again.
    let r = app.send(org, &UnarchiveEvent { event_id: e }).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    assert_eq!(archived_at(&app, e).await, None);
    let again = app.send(org, &UnarchiveEvent { event_id: e }).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.error(), Some(AppError::Conflict(Msg::ErrEventNotArchived)));
    raise_help(&app, fx.client(Captain), e).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('event.archived', 'event.unarchived')").await,
        2
    );
}

/// Rows in the tables of an event the fixture leaves empty: a participant's profile, a mentor
/// assigned (and so in the mentorship log), a judge's settings and conflict, the board.
async fn fill_every_table(app: &TestApp, fx: &Fixture) {
    let e = fx.event;
    let org = fx.client(Organizer);
    let calls: Vec<(&Client, Call)> = vec![
        (
            fx.client(Participant),
            Call::of(&SaveProfile {
                event_id: e,
                skills: "design".into(),
                languages: "ar".into(),
                bio: "Salam".into(),
                looking: None,
            }),
        ),
        (org, Call::of(&AssignMentor { event_id: e, team_id: fx.team, mentor_id: fx.user(Mentor).to_string() })),
        (
            org,
            Call::of(&UpdateJudge {
                event_id: e,
                user_id: fx.user(Judge),
                active: Some("on".into()),
                track: String::new(),
                rooms: None,
            }),
        ),
        (fx.client(Judge), Call::of(&SaveConflicts { event_id: e, teams: map(&[(fx.team2, "on")]) })),
        (
            org,
            Call::of(&SaveBoardSettings {
                event_id: e,
                version: 1,
                visibility: "public".into(),
                team_view: TeamViewInput { show_comments: None, show_rank: Some("on".into()), show_marks: None },
                top_n: "5".into(),
                rotate_seconds: "20".into(),
            }),
        ),
        (
            org,
            Call::of(&SaveAudienceSettings {
                event_id: e,
                version: 0,
                state: "open".into(),
                votes_each: "1".into(),
                tickets: Some("on".into()),
            }),
        ),
        (org, Call::of(&MakeTickets { event_id: e, count: "2".into() })),
        (fx.client(Solo), Call::of(&CastVote { event_id: e, project_id: fx.project, tap: "choose".into() })),
        (org, Call::of(&PutOnStage { event_id: e, project_id: fx.project })),
        (org, Call::of(&SaveRoom { event_id: e, room_id: 0, name: "Salle A".into(), capacity: "10".into() })),
        (org, Call::of(&AutoPlace { event_id: e, again: None })),
        (
            org,
            Call::of(&GenerateSlots {
                event_id: e,
                starts_at: slot_day(),
                pitch: "7".into(),
                break_every: String::new(),
                break_minutes: String::new(),
                present_only: None,
            }),
        ),
    ];
    for (client, call) in calls {
        let r = app.send_call(client, &call).await;
        assert!(r.status.is_success() || r.status.is_redirection(), "{}: {} {}", call.path, r.status, r.body);
    }
    // A certificate of participation (the event's results are not published here).
    sqlx::query("INSERT INTO certificates (code, event_id, user_id, created_at) VALUES ($1, $2, $3, 0)")
        .bind(format!("certificate-{}", fx.tag))
        .bind(e)
        .bind(fx.user(Participant))
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    // A participant checked in at the venue, ticked by the organizer.
    let checkin = MarkPresence { event_id: e, user_id: fx.user(Participant), present: "yes".into() };
    let r = app.send(org, &checkin).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "check-in: {} {}", r.status, r.body);
    // A co-organizer added and removed again leaves a role removal behind.
    let email = format!("coorganizer.{}@example.ma", fx.tag);
    app.join_with_invite(&fx.participant_code, "Co-organisatrice", &email).await;
    let added = app.send(org, &AddOrganizer { event_id: e, organizer_email: email.clone() }).await;
    assert!(added.status.is_success() || added.status.is_redirection(), "{}", added.body);
    let user_id = app.user_id(&email).await;
    let removed = app.send(org, &RemoveRole { event_id: e, user_id, role: "organizer".into() }).await;
    assert!(removed.status.is_success(), "{}", removed.body);
}

#[tokio::test]
async fn deleting_needs_an_archived_event_a_full_export_since_and_its_name() {
    let (app, a, b) = two_events().await;
    let org = a.client(Organizer);
    let e = a.event;
    let delete = |name: &str| DeleteEvent { event_id: e, confirm_name: name.to_owned() };
    let name = name_of(&a);

    fill_every_table(&app, &a).await;
    let live = app.send(org, &delete(&name)).await;
    assert_eq!(live.status, StatusCode::CONFLICT);
    assert_eq!(live.error(), Some(AppError::Conflict(Msg::ErrEventNotArchived)));
    // An export taken before archiving does not count: the event could still change.
    export(&app, org, e).await;
    archive(&app, org, e).await;
    let unexported = app.send(org, &delete(&name)).await;
    assert_eq!(unexported.status, StatusCode::CONFLICT);
    assert_eq!(unexported.error(), Some(AppError::Conflict(Msg::ErrDeleteExportFirst)));
    export(&app, org, e).await;
    // Unarchiving forgets the export: archived again, the event needs a new one.
    app.send(org, &UnarchiveEvent { event_id: e }).await;
    archive(&app, org, e).await;
    assert_eq!(app.send(org, &delete(&name)).await.error(), Some(AppError::Conflict(Msg::ErrDeleteExportFirst)));
    export(&app, org, e).await;

    let before = snapshot(&app).await;
    for typed in ["", "Hackathon Berkane", "hackathon berkane a", &name_of(&b)] {
        let wrong = app.send(org, &delete(typed)).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{typed:?}: {}", wrong.body);
        assert_eq!(wrong.invalid_fields(), ["confirm_name"], "{typed:?}");
        assert_eq!(wrong.first_invalid(), Some(Msg::ErrDeleteNameMismatch));
    }
    assert!(changed(&before, &snapshot(&app).await).is_empty(), "a refused deletion changed something");

    // Every row of the event, counted table by table from the schema itself.
    let mine = rows_of_events(&app, &[e]).await;
    let empty: Vec<&String> = mine.iter().filter(|(_, rows)| rows.is_empty()).map(|(t, _)| t).collect();
    assert!(empty.is_empty(), "tables of an event the test leaves empty (give them a row): {empty:?}");
    let others = [a.other_event, a.open_event, b.event, b.other_event, b.open_event];
    let theirs = rows_of_events(&app, &others).await;
    let accounts = app.count("SELECT COUNT(*) FROM users WHERE password_hash NOT LIKE 'pass$%'").await;
    let pass_judges: Vec<i64> = sqlx::query_scalar(
        "SELECT u.id FROM users u JOIN event_roles r ON r.user_id = u.id \
         WHERE r.event_id = $1 AND u.password_hash LIKE 'pass$%'",
    )
    .bind(e)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert!(!pass_judges.is_empty(), "the event has phone-link judges");

    // Name typed with extra spaces around: the same name.
    let done = app.send(org, &delete(&format!("  {name} "))).await;
    assert!(done.status.is_success() || done.status.is_redirection(), "{}", done.body);

    let gone = rows_of_events(&app, &[e]).await;
    let left: Vec<String> =
        gone.iter().filter(|(_, rows)| !rows.is_empty()).map(|(t, rows)| format!("{t}: {}", rows.len())).collect();
    assert!(left.is_empty(), "rows of the deleted event left: {left:?}");
    let diff = changed(&theirs, &rows_of_events(&app, &others).await);
    assert!(diff.is_empty(), "the other events changed: {}", diff.join("; "));
    // People keep their accounts; the accounts made for this event's phone-link judges go.
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE password_hash NOT LIKE 'pass$%'").await, accounts);
    for judge in pass_judges {
        assert_eq!(app.count(&format!("SELECT COUNT(*) FROM users WHERE id = {judge}")).await, 0);
    }
    // The deletion itself is recorded, with no event.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.deleted' AND event_id IS NULL").await,
        1
    );
    assert_eq!(app.send(&user_agent(), &EventPage { id: e }).await.status, StatusCode::NOT_FOUND);
    let (status, _) = get_status(&app, org, &format!("/events/{e}/export.zip")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The other event goes on as before.
    raise_help(&app, b.client(Participant), b.event).await;
    assert!(app.send(b.client(Organizer), &Dashboard { event_id: b.event }).await.status.is_success());
}

#[tokio::test]
async fn only_the_event_s_own_organizers_end_it() {
    let (app, a, b) = two_events().await;
    let e = a.event;
    let name = name_of(&a);
    let (judge, token) = add_pass_judge(&app, a.client(Organizer), e).await;
    archive(&app, a.client(Organizer), e).await;
    export(&app, a.client(Organizer), e).await;
    // b's organizer (an organizer, of another event), and everyone of a but its organizer.
    let mut strangers: Vec<(&Client, StatusCode, String)> =
        vec![(b.client(Organizer), StatusCode::FORBIDDEN, "b's organizer".into())];
    for p in [Anonymous, Participant, Captain, Solo, Mentor, Judge, OtherOrganizer, Admin] {
        let expected = if p == Anonymous { StatusCode::UNAUTHORIZED } else { StatusCode::FORBIDDEN };
        strangers.push((a.client(p), expected, format!("{p:?}")));
    }
    // A judge's phone link opened by an account that organizes the event reaches its judging
    // only: the organizer's rights stay with the account's own login.
    sqlx::query("INSERT INTO event_roles (event_id, user_id, role, granted_at) VALUES ($1, $2, 'organizer', 0)")
        .bind(e)
        .bind(judge)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let phone = user_agent();
    // Opening the link on an archived event still signs the phone in, to read.
    let opened = app.send(&phone, &OpenPass { token }).await;
    assert!(opened.status.is_success() || opened.status.is_redirection(), "{}", opened.body);
    strangers.push((&phone, StatusCode::FORBIDDEN, "a pass session".into()));

    let before = snapshot(&app).await;
    for (client, expected, who) in &strangers {
        for call in [
            Call::of(&UnarchiveEvent { event_id: e }),
            Call::of(&DeleteEvent { event_id: e, confirm_name: name.clone() }),
            Call::of(&ArchiveEvent { event_id: b.event, confirm: Some("on".into()) }),
        ] {
            let r = app.send_call(client, &call).await;
            if call.path == ArchiveEvent::PATH && *who == "b's organizer" {
                // b's own event: allowed, and undone below.
                assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
                app.send(b.client(Organizer), &UnarchiveEvent { event_id: b.event }).await;
                continue;
            }
            assert_eq!(r.status, *expected, "{} as {who}: {}", call.path, r.body);
        }
    }
    let diff = changed(&before, &snapshot(&app).await);
    let unexpected: Vec<&String> =
        diff.iter().filter(|d| !d.starts_with("events") && !d.starts_with("audit_log")).collect();
    assert!(unexpected.is_empty(), "refused calls changed {unexpected:?}");
    assert!(archived_at(&app, e).await.is_some());
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM events WHERE id = {e}")).await, 1);
    assert_eq!(archived_at(&app, b.event).await, None);
}

#[test]
fn the_dashboard_offers_archiving_then_unarchiving_and_deleting() {
    on_big_stack(dashboard_ending);
}

async fn dashboard_ending() {
    let app = spawn_app().await;
    let org = user_agent();
    app.signup_admin(&org, "Salma Benali", "organizer@example.ma").await;
    let event = app.create_event(&org, "Hackathon Berkane").await;
    let html = |path: String| {
        let (c, url) = (org.clone(), format!("{}{path}", app.base));
        async move {
            let res = c.get(url).header("accept", "text/html").header("accept-language", "en").send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            res.text().await.unwrap()
        }
    };
    let en = |m: Msg| Lang::En.t(m).to_owned();
    let dashboard = format!("/events/{event}/dashboard");
    let form = |path: &str| format!(r#"action="{path}""#);

    let live = html(dashboard.clone()).await;
    assert!(live.contains(&form(ArchiveEvent::PATH)), "the archive form");
    assert!(live.contains(&en(Msg::ArchiveConfirmEarly)), "results are not due: the early confirmation");
    assert!(!live.contains(&en(Msg::ArchivedBanner)));
    assert!(!live.contains(&form(DeleteEvent::PATH)) && !live.contains(&form(UnarchiveEvent::PATH)));

    archive(&app, &org, event).await;
    let archived = html(dashboard.clone()).await;
    assert!(archived.contains(&en(Msg::ArchivedBanner)), "the banner");
    assert!(!archived.contains(&form(ArchiveEvent::PATH)));
    assert!(archived.contains(&form(UnarchiveEvent::PATH)), "the unarchive form");
    assert!(
        archived.contains(&form(DeleteEvent::PATH)) && archived.contains(r#"name="confirm_name""#),
        "the delete form"
    );
    assert!(archived.contains(&en(Msg::DeleteExportFirst)), "the export comes first");
    assert!(archived.contains(&format!(r#"href="/events/{event}/export.zip""#)), "a link to it");
    for page in [format!("/events/{event}"), format!("/events/{event}/manage")] {
        assert!(html(page.clone()).await.contains(&en(Msg::ArchivedBanner)), "{page}: the banner");
    }

    export(&app, &org, event).await;
    assert!(html(dashboard).await.contains(&en(Msg::DeleteExportDone)), "the export is acknowledged");
}
